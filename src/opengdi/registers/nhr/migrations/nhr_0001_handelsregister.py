# SPDX-License-Identifier: EUPL-1.2
"""Handelsregister: maatschappelijke activiteiten and their vestigingen.

Revision ID: nhr_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "nhr_0001"
down_revision = None
branch_labels = ("nhr",)
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
datum = sa.String(10)


def _registratie() -> sa.Column[object]:
    return sa.Column("registratie", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "nhr_maatschappelijke_activiteit",
        sa.Column("kvk_nummer", sa.String(8), nullable=False),
        sa.Column("naam", sa.String(500), nullable=False, comment="de eerste handelsnaam, of de statutaire naam"),
        sa.Column("naam_zoek", sa.Text(), nullable=False, comment="zoeksleutel: kleine letters, zonder diakrieten"),
        sa.Column("rechtsvorm", sa.String(80), nullable=False),
        sa.Column("rsin", sa.String(9), nullable=True, comment="van de eigenaar, als die een rechtspersoon is"),
        sa.Column("eigenaar_bsn", sa.String(9), nullable=True, comment="van de eigenaar, als die een mens is (BRP)"),
        sa.Column("datum_aanvang", datum, nullable=True),
        sa.Column("datum_einde", datum, nullable=True),
        _registratie(),
        sa.Column("gegevens", json_document, nullable=False, comment="wat het basisprofiel toont"),
        sa.PrimaryKeyConstraint("kvk_nummer", name="pk_nhr_maatschappelijke_activiteit"),
    )
    op.create_index("ix_nhr_maatschappelijke_activiteit_rsin", "nhr_maatschappelijke_activiteit", ["rsin"])
    op.create_index(
        "ix_nhr_maatschappelijke_activiteit_eigenaar_bsn", "nhr_maatschappelijke_activiteit", ["eigenaar_bsn"]
    )
    op.create_table(
        "nhr_vestiging",
        sa.Column("vestigingsnummer", sa.String(12), nullable=False),
        sa.Column("kvk_nummer", sa.String(8), nullable=False),
        sa.Column("hoofdvestiging", sa.Boolean(), nullable=False),
        sa.Column("naam", sa.String(500), nullable=False, comment="de eerste handelsnaam"),
        sa.Column(
            "naam_zoek", sa.Text(), nullable=False, comment="alle handelsnamen, kleine letters, zonder diakrieten"
        ),
        sa.Column("straat_zoek", sa.String(80), nullable=True, comment="straat van het bezoekadres, als zoeksleutel"),
        sa.Column("plaats_zoek", sa.String(80), nullable=True, comment="plaats van het bezoekadres, als zoeksleutel"),
        sa.Column("postcode", sa.String(6), nullable=True, comment="van het bezoekadres"),
        sa.Column("huisnummer", sa.Integer(), nullable=True, comment="van het bezoekadres"),
        sa.Column("nummeraanduiding", sa.String(16), nullable=True, comment="BAG: het bezoekadres"),
        sa.Column("adresseerbaar_object", sa.String(16), nullable=True, comment="BAG: waar de vestiging is"),
        sa.Column("datum_aanvang", datum, nullable=True),
        sa.Column("datum_einde", datum, nullable=True),
        _registratie(),
        sa.Column("gegevens", json_document, nullable=False, comment="wat het vestigingsprofiel toont"),
        sa.PrimaryKeyConstraint("vestigingsnummer", name="pk_nhr_vestiging"),
        sa.ForeignKeyConstraint(
            ["kvk_nummer"],
            ["nhr_maatschappelijke_activiteit.kvk_nummer"],
            name="fk_nhr_vestiging_kvk_nummer_nhr_maatschappelijke_activiteit",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_nhr_vestiging_kvk_nummer", "nhr_vestiging", ["kvk_nummer"])
    op.create_index("ix_nhr_vestiging_postcode", "nhr_vestiging", ["postcode", "huisnummer"])
    op.create_index("ix_nhr_vestiging_nummeraanduiding", "nhr_vestiging", ["nummeraanduiding"])
    op.create_index("ix_nhr_vestiging_adresseerbaar_object", "nhr_vestiging", ["adresseerbaar_object"])


def downgrade() -> None:
    op.drop_table("nhr_vestiging")
    op.drop_table("nhr_maatschappelijke_activiteit")
