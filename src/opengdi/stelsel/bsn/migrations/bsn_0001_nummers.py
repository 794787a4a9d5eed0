# SPDX-License-Identifier: EUPL-1.2
"""BSN-beheervoorziening: reeksen, uitgiften, bezette nummers, de volger van de outbox en de nummerruimte.

Revision ID: bsn_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "bsn_0001"
down_revision = None
branch_labels = ("bsn",)
depends_on = None

#: Where the first range the voorziening places itself starts (the start of its number space).
EERSTE_IN_RUIMTE = 300_000_000


def upgrade() -> None:
    op.create_table(
        "bsn_reeks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("aanvrager", sa.String(20), nullable=False, comment="OIN van de organisatie"),
        sa.Column("eerste", sa.Integer(), nullable=False, comment="eerste nummer van de reeks"),
        sa.Column("laatste", sa.Integer(), nullable=False, comment="laatste nummer van de reeks"),
        sa.Column("volgende", sa.Integer(), nullable=False, comment="het eerste nummer dat nog niet is bekeken"),
        sa.Column(
            "omvang", sa.Integer(), nullable=False, comment="aantal nummers in de reeks dat de elfproef doorstaat"
        ),
        sa.Column("uitgegeven", sa.Integer(), nullable=False, comment="aantal uitgegeven nummers"),
        sa.Column("overgeslagen", sa.Integer(), nullable=False, comment="aantal overgeslagen nummers (al in gebruik)"),
        sa.Column("gereserveerd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "gereserveerd_door",
            sa.String(20),
            nullable=True,
            comment="OIN van wie reserveerde; leeg: de voorziening zelf (startvoorraad)",
        ),
        sa.CheckConstraint("eerste <= laatste", name=op.f("ck_bsn_reeks_grenzen")),
        sa.CheckConstraint("volgende >= eerste", name=op.f("ck_bsn_reeks_cursor")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bsn_reeks")),
    )
    op.create_index(op.f("ix_bsn_reeks_aanvrager"), "bsn_reeks", ["aanvrager"])
    op.create_table(
        "bsn_uitgifte",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("aanvrager", sa.String(20), nullable=False, comment="OIN van de organisatie"),
        sa.Column("kenmerk", sa.String(100), nullable=True, comment="kenmerk van de aanvrager"),
        sa.Column(
            "serie_positie",
            sa.Integer(),
            nullable=True,
            comment="plaats van het eerste nummer in de serie van aanvrager en kenmerk",
        ),
        sa.Column("aantal", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bsn_uitgifte")),
    )
    op.create_index("ix_bsn_uitgifte_serie", "bsn_uitgifte", ["aanvrager", "kenmerk", "serie_positie"])
    op.create_table(
        "bsn_nummer",
        sa.Column("bsn", sa.String(9), nullable=False),
        sa.Column("uitgifte_id", sa.Integer(), nullable=True, comment="leeg: niet hier uitgegeven, maar in gebruik"),
        sa.Column("volgnummer", sa.Integer(), nullable=True, comment="plaats in de uitgifte"),
        sa.Column("bron", sa.String(200), nullable=True, comment="waaruit bekend is dat het in gebruik is"),
        sa.Column("vastgelegd_op", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["uitgifte_id"], ["bsn_uitgifte.id"], name=op.f("fk_bsn_nummer_uitgifte_id_bsn_uitgifte")
        ),
        sa.PrimaryKeyConstraint("bsn", name=op.f("pk_bsn_nummer")),
    )
    op.create_index("ix_bsn_nummer_uitgifte", "bsn_nummer", ["uitgifte_id", "volgnummer"])
    volger = op.create_table(
        "bsn_volger",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("volgnummer", sa.BigInteger(), nullable=False, comment="de laatst verwerkte gebeurtenis"),
        sa.Column(
            "gat_sinds", sa.DateTime(timezone=True), nullable=True, comment="sinds wanneer er een gat na volgnummer is"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bsn_volger")),
    )
    ruimte = op.create_table(
        "bsn_nummerruimte",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("volgende", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bsn_nummerruimte")),
    )
    op.bulk_insert(volger, [{"id": 1, "volgnummer": 0, "gat_sinds": None}])
    op.bulk_insert(ruimte, [{"id": 1, "volgende": EERSTE_IN_RUIMTE}])


def downgrade() -> None:
    for table in ("bsn_nummerruimte", "bsn_volger", "bsn_nummer", "bsn_uitgifte", "bsn_reeks"):
        op.drop_table(table)
