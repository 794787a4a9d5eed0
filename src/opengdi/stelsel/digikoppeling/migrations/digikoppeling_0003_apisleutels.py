# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: API keys of organisations (``X-Api-Key``), kept as their SHA-256 hash.

Revision ID: digikoppeling_0003
Revises: digikoppeling_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "digikoppeling_0003"
down_revision = "digikoppeling_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dk_apisleutel",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("sleutelhash", sa.String(64), nullable=False, comment="SHA-256 van de sleutel, hex"),
        sa.Column("omschrijving", sa.String(200), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("ingetrokken_op", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_apisleutel_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("id", name="pk_dk_apisleutel"),
        sa.UniqueConstraint("sleutelhash", name="uq_dk_apisleutel_sleutelhash"),
    )
    op.create_index("ix_dk_apisleutel_oin", "dk_apisleutel", ["oin"])


def downgrade() -> None:
    op.drop_table("dk_apisleutel")
