# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: organisations, keys, certificates, autorisatiebesluiten, used assertions and the
issuer's key material.

Revision ID: digikoppeling_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "digikoppeling_0001"
down_revision = None
branch_labels = ("digikoppeling",)
depends_on = None
#: A database at revision 0002 of the single-line history already holds these tables.
legacy = "0002"

json_document = sa.JSON().with_variant(JSONB(), "postgresql")


def _timestamp(name: str, nullable: bool = False, default: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), nullable=nullable, server_default=sa.func.now() if default else None
    )


def _register_tables() -> None:
    op.create_table(
        "dk_organisatie",
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column(
            "soort", sa.String(20), nullable=False, comment="gemeente, provincie, waterschap, ministerie, zbo, privaat"
        ),
        sa.Column("gemeentecode", sa.String(4), nullable=True, comment="GBA-gemeentecode (tabel 33) van een gemeente"),
        sa.Column("cbs_code", sa.String(6), nullable=True, comment="CBS-code, GM…/PV…"),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.PrimaryKeyConstraint("oin", name="pk_dk_organisatie"),
    )
    op.create_table(
        "dk_clientsleutel",
        sa.Column("kid", sa.String(100), nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("jwk", json_document, nullable=False),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_clientsleutel_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("kid", name="pk_dk_clientsleutel"),
    )
    op.create_index("ix_dk_clientsleutel_oin", "dk_clientsleutel", ["oin"])
    op.create_table(
        "dk_certificaat",
        sa.Column("vingerafdruk", sa.String(64), nullable=False, comment="SHA-256 van de DER-vorm, hex"),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("serienummer", sa.String(40), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        _timestamp("geldig_tot"),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_certificaat_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("vingerafdruk", name="pk_dk_certificaat"),
    )
    op.create_index("ix_dk_certificaat_oin", "dk_certificaat", ["oin"])
    op.create_table(
        "dk_autorisatie",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("bouwsteen", sa.String(40), nullable=False),
        sa.Column("doelbinding", sa.String(100), nullable=False, comment="code van het doel"),
        sa.Column("omschrijving", sa.String(200), nullable=False),
        sa.Column("operaties", json_document, nullable=False, comment="toegestane operaties; ['*'] = alle"),
        sa.Column("velden", json_document, nullable=False, comment="toegestane gegevens (fields-paden); ['*'] = alle"),
        sa.Column("alleen_eigen_gemeente", sa.Boolean(), nullable=False),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_autorisatie_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("id", name="pk_dk_autorisatie"),
    )
    op.create_index("ix_dk_autorisatie_oin", "dk_autorisatie", ["oin"])
    op.create_table(
        "dk_gebruikte_assertie",
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("jti", sa.String(255), nullable=False),
        _timestamp("verloopt_op"),
        sa.PrimaryKeyConstraint("oin", "jti", name="pk_dk_gebruikte_assertie"),
    )
    op.create_index("ix_dk_gebruikte_assertie_verloopt_op", "dk_gebruikte_assertie", ["verloopt_op"])
    op.create_table(
        "dk_sleutelmateriaal",
        sa.Column("naam", sa.String(40), nullable=False, comment="'uitgifte' of 'ca'"),
        sa.Column("private_pem", sa.Text(), nullable=False),
        sa.Column("certificaat_pem", sa.Text(), nullable=True),
        _timestamp("aangemaakt_op", default=True),
        sa.PrimaryKeyConstraint("naam", name="pk_dk_sleutelmateriaal"),
    )


def upgrade() -> None:
    _register_tables()


def downgrade() -> None:
    for table in (
        "dk_sleutelmateriaal",
        "dk_gebruikte_assertie",
        "dk_autorisatie",
        "dk_certificaat",
        "dk_clientsleutel",
        "dk_organisatie",
    ):
        op.drop_table(table)
