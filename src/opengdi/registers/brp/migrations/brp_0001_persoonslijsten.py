# SPDX-License-Identifier: EUPL-1.2
"""BRP: persoonslijsten and their voorkomens.

Revision ID: brp_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "brp_0001"
down_revision = None
branch_labels = ("brp",)
depends_on = None
#: A database at revision 0001 of the single-line history (before each block owned its migrations)
#: already holds these tables.
legacy = "0001"

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "brp_persoonslijst",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("burgerservicenummer", sa.String(9), nullable=True),
        sa.Column("a_nummer", sa.String(10), nullable=True),
        sa.Column(
            "geslachtsnaam", sa.String(200), nullable=True, comment="zoeksleutel: kleine letters, zonder diakrieten"
        ),
        sa.Column("voornamen", sa.String(200), nullable=True, comment="zoeksleutel"),
        sa.Column("voorvoegsel", sa.String(10), nullable=True, comment="zoeksleutel"),
        sa.Column("geboortedatum", sa.String(8), nullable=True),
        sa.Column("geslacht", sa.String(1), nullable=True),
        sa.Column("gemeente_van_inschrijving", sa.String(4), nullable=True),
        sa.Column("postcode", sa.String(6), nullable=True),
        sa.Column("huisnummer", sa.Integer(), nullable=True),
        sa.Column("huisletter", sa.String(1), nullable=True, comment="zoeksleutel"),
        sa.Column("huisnummertoevoeging", sa.String(4), nullable=True, comment="zoeksleutel"),
        sa.Column("straat", sa.String(80), nullable=True, comment="zoeksleutel: korte straatnaam"),
        sa.Column("naam_openbare_ruimte", sa.String(80), nullable=True, comment="zoeksleutel"),
        sa.Column("nummeraanduiding_identificatie", sa.String(16), nullable=True),
        sa.Column("adresseerbaar_object_identificatie", sa.String(16), nullable=True),
        sa.Column("overleden", sa.Boolean(), nullable=False),
        sa.Column("opgenomen_op", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_brp_persoonslijst"),
    )
    op.create_index("ix_brp_persoonslijst_burgerservicenummer", "brp_persoonslijst", ["burgerservicenummer"])
    op.create_index("ix_brp_persoonslijst_a_nummer", "brp_persoonslijst", ["a_nummer"])
    op.create_index(
        "ix_brp_persoonslijst_nummeraanduiding_identificatie", "brp_persoonslijst", ["nummeraanduiding_identificatie"]
    )
    op.create_index(
        "ix_brp_persoonslijst_adresseerbaar_object_identificatie",
        "brp_persoonslijst",
        ["adresseerbaar_object_identificatie"],
    )
    op.create_index("ix_brp_persoonslijst_naam_geboorte", "brp_persoonslijst", ["geslachtsnaam", "geboortedatum"])
    op.create_index(
        "ix_brp_persoonslijst_gemeente_naam", "brp_persoonslijst", ["gemeente_van_inschrijving", "geslachtsnaam"]
    )
    op.create_index("ix_brp_persoonslijst_postcode", "brp_persoonslijst", ["postcode", "huisnummer"])
    op.create_index(
        "ix_brp_persoonslijst_gemeente_straat",
        "brp_persoonslijst",
        ["gemeente_van_inschrijving", "straat", "huisnummer"],
    )
    op.create_table(
        "brp_voorkomen",
        sa.Column("persoonslijst_id", sa.Integer(), nullable=False),
        sa.Column("categorie", sa.String(2), nullable=False, comment="01 tot en met 14"),
        sa.Column("stapel", sa.SmallInteger(), nullable=False, comment="1, 2, … bij herhalende categorieën"),
        sa.Column("volgnummer", sa.SmallInteger(), nullable=False, comment="0 = actueel, hoger = ouder"),
        sa.Column("elementen", json_document, nullable=False, comment="LO3-elementen GG.EE → waarde"),
        sa.ForeignKeyConstraint(
            ["persoonslijst_id"],
            ["brp_persoonslijst.id"],
            ondelete="CASCADE",
            name="fk_brp_voorkomen_persoonslijst_id_brp_persoonslijst",
        ),
        sa.PrimaryKeyConstraint("persoonslijst_id", "categorie", "stapel", "volgnummer", name="pk_brp_voorkomen"),
    )


def downgrade() -> None:
    op.drop_table("brp_voorkomen")
    op.drop_table("brp_persoonslijst")
