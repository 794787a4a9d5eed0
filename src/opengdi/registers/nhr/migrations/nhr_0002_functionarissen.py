# SPDX-License-Identifier: EUPL-1.2
"""Handelsregister: the functionarissen of an enterprise's owner.

Revision ID: nhr_0002
Revises: nhr_0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "nhr_0002"
down_revision = "nhr_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "nhr_functionaris",
        sa.Column("kvk_nummer", sa.String(8), nullable=False),
        sa.Column("volgnummer", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("groep", sa.String(40), nullable=False, comment="bestuurders, gemachtigde, aansprakelijken, …"),
        sa.Column("functie", sa.String(100), nullable=False),
        sa.Column("naam", sa.String(500), nullable=False, comment="de naam zoals ingeschreven"),
        sa.Column("bsn", sa.String(9), nullable=True, comment="als de functionaris een mens is (BRP)"),
        sa.Column("rsin", sa.String(9), nullable=True, comment="als de functionaris een rechtspersoon is"),
        sa.Column("hr_persoon", sa.String(9), nullable=True, comment="een handelsregisterpersoon (niet in de BRP)"),
        sa.Column("datum_aanvang", sa.String(10), nullable=True),
        sa.Column("datum_einde", sa.String(10), nullable=True),
        sa.Column("registratie", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column(
            "gegevens",
            sa.JSON().with_variant(JSONB(), "postgresql"),
            nullable=False,
            comment="bevoegdheid, functietitel, volmacht, …",
        ),
        sa.PrimaryKeyConstraint("kvk_nummer", "volgnummer", name="pk_nhr_functionaris"),
        sa.ForeignKeyConstraint(
            ["kvk_nummer"],
            ["nhr_maatschappelijke_activiteit.kvk_nummer"],
            name="fk_nhr_functionaris_kvk_nummer_nhr_maatschappelijke_activiteit",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_nhr_functionaris_bsn", "nhr_functionaris", ["bsn"])
    op.create_index("ix_nhr_functionaris_hr_persoon", "nhr_functionaris", ["hr_persoon"])


def downgrade() -> None:
    op.drop_table("nhr_functionaris")
