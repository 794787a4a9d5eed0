# SPDX-License-Identifier: EUPL-1.2
"""BAG: voorkomens of the seven object types, their relations, onderzoek, gemeente–woonplaats, leveringen.

Revision ID: bag_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "bag_0001"
down_revision = None
branch_labels = ("bag",)
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
tijdstip = sa.String(23)
datum = sa.String(10)


def upgrade() -> None:
    op.create_table(
        "bag_levering",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("bestandsnaam", sa.String(255), nullable=False),
        sa.Column("gebied", sa.String(4), nullable=False, comment="9999 (heel Nederland) of een gemeentecode"),
        sa.Column("standtechnische_datum", datum, nullable=False),
        sa.Column("begonnen_op", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("klaar_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("aantallen", json_document, nullable=False, comment="records per deel"),
        sa.PrimaryKeyConstraint("id", name="pk_bag_levering"),
    )
    op.create_table(
        "bag_levering_deel",
        sa.Column("levering_id", sa.Integer(), nullable=False),
        sa.Column("deel", sa.String(255), nullable=False, comment="pad in het extract, zip!xml"),
        sa.Column("inhoud", sa.String(30), nullable=False, comment="VBO, onderzoek VBO, gemeente-woonplaats, …"),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["levering_id"],
            ["bag_levering.id"],
            ondelete="CASCADE",
            name="fk_bag_levering_deel_levering_id_bag_levering",
        ),
        sa.PrimaryKeyConstraint("levering_id", "deel", name="pk_bag_levering_deel"),
    )
    op.create_table(
        "bag_voorkomen",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("objecttype", sa.String(3), nullable=False, comment="WPL, OPR, NUM, VBO, LIG, STA of PND"),
        sa.Column("identificatie", sa.String(16), nullable=False),
        sa.Column("voorkomenidentificatie", sa.Integer(), nullable=False),
        sa.Column("begin_geldigheid", datum, nullable=False),
        sa.Column("eind_geldigheid", datum, nullable=True),
        sa.Column("tijdstip_registratie", tijdstip, nullable=False),
        sa.Column("eind_registratie", tijdstip, nullable=True),
        sa.Column("tijdstip_inactief", tijdstip, nullable=True),
        sa.Column("tijdstip_registratie_lv", tijdstip, nullable=False),
        sa.Column("tijdstip_eind_registratie_lv", tijdstip, nullable=True),
        sa.Column("tijdstip_inactief_lv", tijdstip, nullable=True),
        sa.Column("tijdstip_niet_bag_lv", tijdstip, nullable=True),
        sa.Column("status", sa.String(60), nullable=False),
        sa.Column("geconstateerd", sa.Boolean(), nullable=False),
        sa.Column("documentdatum", datum, nullable=False),
        sa.Column("documentnummer", sa.String(40), nullable=False),
        sa.Column("gegevens", json_document, nullable=False, comment="de attributen van het objecttype"),
        sa.Column("geometrie", json_document, nullable=True, comment="GeoJSON in RD New (EPSG:28992)"),
        sa.Column("min_x", sa.Float(), nullable=True),
        sa.Column("min_y", sa.Float(), nullable=True),
        sa.Column("max_x", sa.Float(), nullable=True),
        sa.Column("max_y", sa.Float(), nullable=True),
        sa.Column("postcode", sa.String(6), nullable=True, comment="zoeksleutel van een nummeraanduiding"),
        sa.Column("huisnummer", sa.Integer(), nullable=True, comment="zoeksleutel van een nummeraanduiding"),
        sa.Column(
            "naam",
            sa.String(80),
            nullable=True,
            comment="zoeksleutel van een woonplaats of openbare ruimte: kleine letters, zonder diakrieten",
        ),
        sa.Column("levering_id", sa.Integer(), nullable=True, comment="de levering waaruit het voorkomen kwam"),
        sa.PrimaryKeyConstraint("id", name="pk_bag_voorkomen"),
        sa.UniqueConstraint(
            "identificatie", "voorkomenidentificatie", "tijdstip_registratie_lv", name="uq_bag_voorkomen_identificatie"
        ),
    )
    op.create_index("ix_bag_voorkomen_postcode", "bag_voorkomen", ["postcode", "huisnummer"])
    op.create_index("ix_bag_voorkomen_naam", "bag_voorkomen", ["objecttype", "naam"])
    op.create_index("ix_bag_voorkomen_levering_id", "bag_voorkomen", ["levering_id"])
    op.create_table(
        "bag_relatie",
        sa.Column("identificatie", sa.String(16), nullable=False),
        sa.Column("voorkomenidentificatie", sa.Integer(), nullable=False),
        sa.Column("tijdstip_registratie_lv", tijdstip, nullable=False),
        sa.Column(
            "soort", sa.String(20), nullable=False, comment="hoofdadres, nevenadres, pand, openbareRuimte of woonplaats"
        ),
        sa.Column("doel", sa.String(16), nullable=False, comment="de identificatie van het andere object"),
        sa.PrimaryKeyConstraint(
            "identificatie", "voorkomenidentificatie", "tijdstip_registratie_lv", "soort", "doel", name="pk_bag_relatie"
        ),
    )
    op.create_index("ix_bag_relatie_doel", "bag_relatie", ["doel", "soort"])
    op.create_table(
        "bag_kenmerk_in_onderzoek",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("objecttype", sa.String(3), nullable=False),
        sa.Column("identificatie", sa.String(16), nullable=False),
        sa.Column(
            "kenmerk", sa.String(40), nullable=False, comment="zoals het extract het noemt: 'heeft als hoofdadres'"
        ),
        sa.Column("in_onderzoek", sa.Boolean(), nullable=False),
        sa.Column("documentdatum", datum, nullable=False),
        sa.Column("documentnummer", sa.String(40), nullable=False),
        sa.Column("begin_geldigheid", datum, nullable=False),
        sa.Column("eind_geldigheid", datum, nullable=True),
        sa.Column("tijdstip_registratie", tijdstip, nullable=False),
        sa.Column("eind_registratie", tijdstip, nullable=True),
        sa.Column("tijdstip_registratie_lv", tijdstip, nullable=False),
        sa.Column("tijdstip_eind_registratie_lv", tijdstip, nullable=True),
        sa.Column("levering_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_bag_kenmerk_in_onderzoek"),
    )
    op.create_index("ix_bag_kenmerk_in_onderzoek_object", "bag_kenmerk_in_onderzoek", ["identificatie", "kenmerk"])
    op.create_table(
        "bag_gemeente_woonplaats",
        sa.Column("woonplaats", sa.String(4), nullable=False),
        sa.Column("gemeente", sa.String(4), nullable=False),
        sa.Column("begin_geldigheid", datum, nullable=False),
        sa.Column("eind_geldigheid", datum, nullable=True),
        sa.Column("status", sa.String(10), nullable=False, comment="definitief of voorlopig"),
        sa.PrimaryKeyConstraint("woonplaats", "gemeente", "begin_geldigheid", name="pk_bag_gemeente_woonplaats"),
    )
    op.create_index("ix_bag_gemeente_woonplaats_gemeente", "bag_gemeente_woonplaats", ["gemeente"])


def downgrade() -> None:
    op.drop_table("bag_gemeente_woonplaats")
    op.drop_table("bag_kenmerk_in_onderzoek")
    op.drop_table("bag_relatie")
    op.drop_table("bag_voorkomen")
    op.drop_table("bag_levering_deel")
    op.drop_table("bag_levering")
