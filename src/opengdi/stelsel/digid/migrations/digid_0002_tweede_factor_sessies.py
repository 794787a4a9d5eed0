# SPDX-License-Identifier: EUPL-1.2
"""DigiD: the second factor (a phone for SMS codes, the app's TOTP secret and level), login sessions
of the browser, the history of logins, the simulated phone's messages, and relying parties that
authenticate with a key (``private_key_jwt``) instead of a secret.

Revision ID: digid_0002
Revises: digid_0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "digid_0002"
down_revision = "digid_0001"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def _moment(naam: str) -> sa.Column[object]:
    return sa.Column(naam, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("digid_account") as table:
        table.add_column(sa.Column("telefoonnummer", sa.String(20), comment="voor de sms-code (testtelefoon)"))
        table.add_column(sa.Column("app_geheim", sa.String(64), comment="TOTP-geheim van de DigiD app"))
        table.add_column(sa.Column("app_niveau", sa.String(20), comment="het niveau dat de app haalt"))
        table.add_column(sa.Column("app_venster", sa.Integer(), comment="het laatst gebruikte TOTP-venster"))
    with op.batch_alter_table("digid_client") as table:
        table.alter_column("secret_hash", existing_type=sa.String(200), nullable=True)
        table.add_column(sa.Column("jwks", json_document, comment="publieke sleutels (private_key_jwt)"))
    with op.batch_alter_table("digid_verzoek") as table:
        table.add_column(sa.Column("gebruikersnaam", sa.String(64), comment="na een goed wachtwoord"))
        table.add_column(sa.Column("sms_hash", sa.String(64), comment="SHA-256 van de verstuurde sms-code"))
        table.add_column(
            sa.Column(
                "pogingen", sa.Integer(), nullable=False, server_default="0", comment="foute codes van de tweede stap"
            )
        )
    op.create_table(
        "digid_sessie",
        sa.Column("sleutel_hash", sa.String(64), nullable=False),
        sa.Column("gebruikersnaam", sa.String(64), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        _moment("aangemeld"),
        _moment("verloopt"),
        sa.Column("csrf", sa.String(64), nullable=False, comment="het token van de formulieren van deze sessie"),
        sa.Column("app_geheim", sa.String(64), comment="een app die nog wordt geactiveerd"),
        sa.PrimaryKeyConstraint("sleutel_hash", name="pk_digid_sessie"),
    )
    op.create_table(
        "digid_inlog",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _moment("moment"),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("dienst", sa.String(200), nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        sa.Column("middel", sa.String(20), nullable=False, comment="wachtwoord, sms, app of sessie"),
        sa.Column("namens_bsn", sa.String(9)),
        sa.PrimaryKeyConstraint("id", name="pk_digid_inlog"),
    )
    op.create_index("ix_digid_inlog_bsn", "digid_inlog", ["bsn", "moment"])
    op.create_index("ix_digid_inlog_oin", "digid_inlog", ["oin", "moment"])
    op.create_table(
        "digid_sms",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("telefoonnummer", sa.String(20), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        _moment("verzonden"),
        sa.PrimaryKeyConstraint("id", name="pk_digid_sms"),
    )
    op.create_index("ix_digid_sms_telefoonnummer", "digid_sms", ["telefoonnummer"])
    op.create_table(
        "digid_assertie",
        sa.Column("sleutel", sa.String(64), nullable=False, comment="SHA-256 van client_id en jti"),
        _moment("verloopt"),
        sa.PrimaryKeyConstraint("sleutel", name="pk_digid_assertie"),
    )


def downgrade() -> None:
    for naam in ("digid_assertie", "digid_sms", "digid_inlog", "digid_sessie"):
        op.drop_table(naam)
    with op.batch_alter_table("digid_verzoek") as table:
        for column in ("pogingen", "sms_hash", "gebruikersnaam"):
            table.drop_column(column)
    with op.batch_alter_table("digid_client") as table:
        table.drop_column("jwks")
        table.alter_column("secret_hash", existing_type=sa.String(200), nullable=False)
    with op.batch_alter_table("digid_account") as table:
        for column in ("app_venster", "app_niveau", "app_geheim", "telefoonnummer"):
            table.drop_column(column)
