# SPDX-License-Identifier: EUPL-1.2
"""DigiD over SAML: the service providers of the koppelvlak.

Revision ID: digid_0004
Revises: digid_0003
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "digid_0004"
down_revision = "digid_0003"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "digid_saml_dienst",
        sa.Column("id", sa.String(100), nullable=False, comment="saml- en 16 hexadecimale tekens"),
        sa.Column("entity_id", sa.String(1000), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("minimum_niveau", sa.String(20), nullable=False, comment="basis, midden, substantieel of hoog"),
        sa.Column("certificaat", sa.Text(), nullable=False, comment="PEM van het ondertekencertificaat"),
        sa.Column("acs", json_document, nullable=False, comment="[index, adres] per AssertionConsumerService"),
        sa.Column("slo", sa.Text(), comment="SingleLogoutService (HTTP-Redirect)"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digid_saml_dienst"),
        sa.UniqueConstraint("entity_id", name="uq_digid_saml_dienst_entity_id"),
    )


def downgrade() -> None:
    op.drop_table("digid_saml_dienst")
