# SPDX-License-Identifier: EUPL-1.2
"""WOZ: WOZ-objecten, their values per waardepeildatum and their belanghebbenden.

Revision ID: woz_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "woz_0001"
down_revision = None
branch_labels = ("woz",)
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def _object_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["identificatie"], ["woz_object.identificatie"], name=f"fk_{table}_identificatie_woz_object", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "woz_object",
        sa.Column("identificatie", sa.String(12), nullable=False),
        sa.Column("gemeentecode", sa.String(4), nullable=False, comment="de gemeente die het object waardeert"),
        sa.Column("adresseerbaar_object", sa.String(16), nullable=True, comment="BAG: het adresseerbaar object"),
        sa.Column("nummeraanduiding", sa.String(16), nullable=True, comment="BAG: het adres van het object"),
        sa.Column("postcode", sa.String(6), nullable=True),
        sa.Column("huisnummer", sa.Integer(), nullable=True),
        sa.Column("registratie", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column(
            "gegevens",
            json_document,
            nullable=False,
            comment="aanduiding, grondoppervlakte, panden, kadastrale onroerende zaken",
        ),
        sa.PrimaryKeyConstraint("identificatie", name="pk_woz_object"),
    )
    op.create_index("ix_woz_object_adresseerbaar_object", "woz_object", ["adresseerbaar_object"])
    op.create_index("ix_woz_object_nummeraanduiding", "woz_object", ["nummeraanduiding"])
    op.create_index("ix_woz_object_postcode", "woz_object", ["postcode", "huisnummer"])
    op.create_table(
        "woz_waarde",
        sa.Column("identificatie", sa.String(12), nullable=False),
        sa.Column("waardepeildatum", sa.String(10), nullable=False, comment="JJJJ-MM-DD"),
        sa.Column("vastgestelde_waarde", sa.BigInteger(), nullable=False, comment="in hele euro's"),
        sa.Column("ingangsdatum", sa.String(10), nullable=False, comment="het begin van het belastingjaar"),
        sa.Column("indicatie_bezwaar_beroep", sa.Boolean(), nullable=False),
        sa.Column("gegevens", json_document, nullable=False, comment="de statussen van de beschikking"),
        sa.PrimaryKeyConstraint("identificatie", "waardepeildatum", name="pk_woz_waarde"),
        _object_fk("woz_waarde"),
    )
    op.create_table(
        "woz_belanghebbende",
        sa.Column("identificatie", sa.String(12), nullable=False),
        sa.Column("rol", sa.String(10), nullable=False, comment="eigenaar of gebruiker"),
        sa.Column(
            "soort", sa.String(30), nullable=False, comment="natuurlijk_persoon, niet_natuurlijk_persoon, vestiging"
        ),
        sa.Column("bsn", sa.String(9), nullable=True, comment="als de belanghebbende een mens is (BRP)"),
        sa.Column("rsin", sa.String(9), nullable=True, comment="als de belanghebbende een rechtspersoon is (NHR)"),
        sa.Column("kvk_nummer", sa.String(8), nullable=True, comment="de onderneming (NHR)"),
        sa.Column("vestigingsnummer", sa.String(12), nullable=True, comment="de vestiging (NHR)"),
        sa.Column("naam", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("identificatie", "rol", name="pk_woz_belanghebbende"),
        _object_fk("woz_belanghebbende"),
    )
    op.create_index("ix_woz_belanghebbende_bsn", "woz_belanghebbende", ["bsn"])
    op.create_index("ix_woz_belanghebbende_rsin", "woz_belanghebbende", ["rsin"])
    op.create_index("ix_woz_belanghebbende_kvk_nummer", "woz_belanghebbende", ["kvk_nummer"])


def downgrade() -> None:
    op.drop_table("woz_belanghebbende")
    op.drop_table("woz_waarde")
    op.drop_table("woz_object")
