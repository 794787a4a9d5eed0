# SPDX-License-Identifier: EUPL-1.2
"""BRK: kadastrale onroerende zaken and their zakelijk gerechtigden.

Revision ID: brk_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "brk_0001"
down_revision = None
branch_labels = ("brk",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "brk_kadastraal_onroerende_zaak",
        sa.Column("identificatie", sa.String(20), nullable=False),
        sa.Column("type", sa.String(20), nullable=False, comment="perceel of appartementsrecht"),
        sa.Column("kadastrale_gemeente", sa.String(80), nullable=False, comment="de naam, in kleine letters"),
        sa.Column("sectie", sa.String(2), nullable=False),
        sa.Column("perceelnummer", sa.Integer(), nullable=False),
        sa.Column("appartementsindex", sa.Integer(), nullable=True),
        sa.Column("adresseerbaar_object", sa.String(16), nullable=True, comment="BAG: het adresseerbaar object"),
        sa.Column("nummeraanduiding", sa.String(16), nullable=True, comment="BAG: het adres"),
        sa.Column("postcode", sa.String(6), nullable=True),
        sa.Column("huisnummer", sa.Integer(), nullable=True),
        sa.Column(
            "gegevens", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False, comment="wat de BRK API toont"
        ),
        sa.PrimaryKeyConstraint("identificatie", name="pk_brk_kadastraal_onroerende_zaak"),
    )
    op.create_index(
        "ix_brk_koz_aanduiding", "brk_kadastraal_onroerende_zaak", ["kadastrale_gemeente", "sectie", "perceelnummer"]
    )
    op.create_index("ix_brk_koz_adresseerbaar_object", "brk_kadastraal_onroerende_zaak", ["adresseerbaar_object"])
    op.create_index("ix_brk_koz_nummeraanduiding", "brk_kadastraal_onroerende_zaak", ["nummeraanduiding"])
    op.create_index("ix_brk_koz_postcode", "brk_kadastraal_onroerende_zaak", ["postcode", "huisnummer"])
    op.create_table(
        "brk_zakelijk_gerechtigde",
        sa.Column("koz", sa.String(20), nullable=False, comment="de kadastraal onroerende zaak"),
        sa.Column("identificatie", sa.String(20), nullable=False),
        sa.Column("type", sa.String(40), nullable=False, comment="eigenaar, erfpachter, vruchtgebruiker, …"),
        sa.Column("persoon_type", sa.String(40), nullable=False, comment="ingeschreven_natuurlijk_persoon, …"),
        sa.Column("bsn", sa.String(9), nullable=True, comment="een natuurlijk persoon (BRP)"),
        sa.Column("rsin", sa.String(9), nullable=True, comment="een rechtspersoon (NHR)"),
        sa.Column("naam", sa.String(500), nullable=True),
        sa.Column("teller", sa.Integer(), nullable=False, comment="het aandeel: teller"),
        sa.Column("noemer", sa.Integer(), nullable=False, comment="het aandeel: noemer"),
        sa.Column("aanvangsdatum", sa.String(10), nullable=True),
        sa.PrimaryKeyConstraint("koz", "identificatie", name="pk_brk_zakelijk_gerechtigde"),
        sa.ForeignKeyConstraint(
            ["koz"],
            ["brk_kadastraal_onroerende_zaak.identificatie"],
            name="fk_brk_zakelijk_gerechtigde_koz_brk_kadastraal_onroerende_zaak",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_brk_zakelijk_gerechtigde_bsn", "brk_zakelijk_gerechtigde", ["bsn"])
    op.create_index("ix_brk_zakelijk_gerechtigde_rsin", "brk_zakelijk_gerechtigde", ["rsin"])


def downgrade() -> None:
    op.drop_table("brk_zakelijk_gerechtigde")
    op.drop_table("brk_kadastraal_onroerende_zaak")
