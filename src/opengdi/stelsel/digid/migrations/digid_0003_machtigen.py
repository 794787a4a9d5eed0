# SPDX-License-Identifier: EUPL-1.2
"""DigiD Machtigen: representations (a machtiging, bewind, curatele, mentorschap), the represented
person of a code and an access token, and what a finished login of a request reached.

Revision ID: digid_0003
Revises: digid_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "digid_0003"
down_revision = "digid_0002"
branch_labels = None
depends_on = None

_NAMENS = "de vertegenwoordigde"


def upgrade() -> None:
    op.create_table(
        "digid_machtiging",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("soort", sa.String(20), nullable=False, comment="machtiging, bewind, curatele of mentorschap"),
        sa.Column("volmachtgever_bsn", sa.String(9), nullable=False, comment="de vertegenwoordigde"),
        sa.Column("gemachtigde_bsn", sa.String(9), nullable=False, comment="wie namens hem handelt"),
        sa.Column("client_id", sa.String(100), comment="de dienst; leeg: elke dienst"),
        sa.Column("gegeven", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingetrokken", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_digid_machtiging"),
    )
    op.create_index("ix_digid_machtiging_gemachtigde", "digid_machtiging", ["gemachtigde_bsn"])
    op.create_index("ix_digid_machtiging_volmachtgever", "digid_machtiging", ["volmachtgever_bsn"])
    for table in ("digid_code", "digid_token"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("namens_bsn", sa.String(9), comment=_NAMENS))
    with op.batch_alter_table("digid_verzoek") as batch:
        batch.add_column(sa.Column("bereikt", sa.String(20), comment="het niveau van een voltooide aanmelding"))
        batch.add_column(sa.Column("middel", sa.String(20), comment="waarmee die aanmelding is gedaan"))


def downgrade() -> None:
    with op.batch_alter_table("digid_verzoek") as batch:
        batch.drop_column("middel")
        batch.drop_column("bereikt")
    for table in ("digid_token", "digid_code"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("namens_bsn")
    op.drop_table("digid_machtiging")
