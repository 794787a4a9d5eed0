# SPDX-License-Identifier: EUPL-1.2
"""DigiD: test accounts, relying parties, authorization requests, codes and tokens, signing keys.

Revision ID: digid_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "digid_0001"
down_revision = None
branch_labels = ("digid",)
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def _moment(naam: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(naam, sa.DateTime(timezone=True), nullable=nullable)


def _aangemaakt() -> sa.Column[object]:
    return sa.Column("aangemaakt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "digid_account",
        sa.Column("gebruikersnaam", sa.String(64), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False, comment="de persoon in de BRP"),
        sa.Column("wachtwoord_hash", sa.String(200), nullable=False, comment="scrypt, zie digid.wachtwoord"),
        sa.Column("mislukt", sa.Integer(), nullable=False, comment="mislukte pogingen op rij"),
        _moment("geblokkeerd_tot", nullable=True),
        _aangemaakt(),
        sa.PrimaryKeyConstraint("gebruikersnaam", name="pk_digid_account"),
    )
    op.create_index("ix_digid_account_bsn", "digid_account", ["bsn"])
    op.create_table(
        "digid_client",
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("redirect_uris", json_document, nullable=False),
        sa.Column("post_logout_redirect_uris", json_document, nullable=False),
        sa.Column("minimum_niveau", sa.String(20), nullable=False, comment="basis, midden, substantieel of hoog"),
        sa.Column("secret_hash", sa.String(200), nullable=False, comment="SHA-256 van het client secret"),
        sa.Column("sector", sa.String(200), nullable=False, comment="waarvoor de pseudoniemen gelden"),
        _aangemaakt(),
        sa.PrimaryKeyConstraint("client_id", name="pk_digid_client"),
    )
    op.create_table(
        "digid_verzoek",
        sa.Column("sleutel_hash", sa.String(64), nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("redirect_uri", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.Column("nonce", sa.Text(), nullable=False),
        sa.Column("code_challenge", sa.String(43), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        _moment("verloopt"),
        sa.PrimaryKeyConstraint("sleutel_hash", name="pk_digid_verzoek"),
    )
    op.create_table(
        "digid_code",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("redirect_uri", sa.Text(), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        sa.Column("nonce", sa.Text(), nullable=False),
        sa.Column("code_challenge", sa.String(43), nullable=False),
        _moment("aangemeld"),
        _moment("verloopt"),
        sa.Column("gebruikt", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code_hash", name="pk_digid_code"),
    )
    op.create_table(
        "digid_token",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        _moment("aangemeld"),
        _moment("verloopt"),
        sa.PrimaryKeyConstraint("token_hash", name="pk_digid_token"),
    )
    op.create_table(
        "digid_sleutel",
        sa.Column("kid", sa.String(100), nullable=False),
        sa.Column("private_pem", sa.Text(), nullable=False),
        _moment("gemaakt"),
        _moment("vervangen", nullable=True),
        sa.PrimaryKeyConstraint("kid", name="pk_digid_sleutel"),
    )
    op.create_table(
        "digid_geheim",
        sa.Column("naam", sa.String(40), nullable=False),
        sa.Column("waarde", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("naam", name="pk_digid_geheim"),
    )


def downgrade() -> None:
    for table in ("digid_geheim", "digid_sleutel", "digid_token", "digid_code", "digid_verzoek", "digid_client"):
        op.drop_table(table)
    op.drop_index("ix_digid_account_bsn", "digid_account")
    op.drop_table("digid_account")
