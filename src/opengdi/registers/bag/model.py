# SPDX-License-Identifier: EUPL-1.2
"""The BAG tables: every voorkomen of every BAG object, their relations, onderzoek and leveringen.

``bag_voorkomen`` holds one row per voorkomen of the seven object types (woonplaats, openbare
ruimte, nummeraanduiding, verblijfsobject, ligplaats, standplaats, pand), current and historical,
with both kinds of time the BAG keeps: material (begin/eind geldigheid) and registration (tijdstip
registratie, and when the voorkomen became available in the Landelijke Voorziening, ``…_lv``).
Times are kept as delivered, fixed-width text in Dutch local time (``2010-12-15T11:02:20.608``), so
they order as text alike on SQLite and PostgreSQL and come back byte for byte. The attributes of
the object type travel in ``gegevens`` (named as the BAG API names them); the geometry as GeoJSON
in RD New (EPSG:28992) with its bounding box for spatial prefiltering.

``bag_relatie`` holds the references of each voorkomen (hoofd- and nevenadres, the panden a
verblijfsobject is part of, the openbare ruimte a nummeraanduiding lies on, the woonplaats it lies
in), so that each can be followed backwards (the verblijfsobjecten of a pand). There are no
foreign keys between objects: an extract may refer to objects it does not hold.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument

#: A moment as the BAG delivers it: ``YYYY-MM-DDTHH:MM:SS.fff``, Dutch local time.
Tijdstip = String(23)
#: A date: ``YYYY-MM-DD``.
Datum = String(10)


class LeveringRow(Base):
    """One import of a BAG extract: which file, which area, which stand, how far it got."""

    __tablename__ = "bag_levering"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bestandsnaam: Mapped[str] = mapped_column(String(255))
    gebied: Mapped[str] = mapped_column(String(4), comment="9999 (heel Nederland) of een gemeentecode")
    standtechnische_datum: Mapped[str] = mapped_column(Datum)
    begonnen_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    klaar_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    aantallen: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="records per deel")


class LeveringDeelRow(Base):
    """One XML file of a levering that has been loaded whole (an interrupted import resumes after it)."""

    __tablename__ = "bag_levering_deel"

    levering_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("bag_levering.id", ondelete="CASCADE"), primary_key=True
    )
    deel: Mapped[str] = mapped_column(String(255), primary_key=True, comment="pad in het extract, zip!xml")
    inhoud: Mapped[str] = mapped_column(String(30), comment="VBO, onderzoek VBO, gemeente-woonplaats, …")
    records: Mapped[int] = mapped_column(Integer)


class VoorkomenRow(Base):
    """One voorkomen of one BAG object."""

    __tablename__ = "bag_voorkomen"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    objecttype: Mapped[str] = mapped_column(String(3), comment="WPL, OPR, NUM, VBO, LIG, STA of PND")
    identificatie: Mapped[str] = mapped_column(String(16))
    voorkomenidentificatie: Mapped[int] = mapped_column(Integer)
    begin_geldigheid: Mapped[str] = mapped_column(Datum)
    eind_geldigheid: Mapped[str | None] = mapped_column(Datum)
    tijdstip_registratie: Mapped[str] = mapped_column(Tijdstip)
    eind_registratie: Mapped[str | None] = mapped_column(Tijdstip)
    tijdstip_inactief: Mapped[str | None] = mapped_column(Tijdstip)
    tijdstip_registratie_lv: Mapped[str] = mapped_column(Tijdstip)
    tijdstip_eind_registratie_lv: Mapped[str | None] = mapped_column(Tijdstip)
    tijdstip_inactief_lv: Mapped[str | None] = mapped_column(Tijdstip)
    tijdstip_niet_bag_lv: Mapped[str | None] = mapped_column(Tijdstip)
    status: Mapped[str] = mapped_column(String(60))
    geconstateerd: Mapped[bool] = mapped_column(Boolean)
    documentdatum: Mapped[str] = mapped_column(Datum)
    documentnummer: Mapped[str] = mapped_column(String(40))
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="de attributen van het objecttype")
    geometrie: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument, comment="GeoJSON in RD New (EPSG:28992)")
    min_x: Mapped[float | None] = mapped_column(Float)
    min_y: Mapped[float | None] = mapped_column(Float)
    max_x: Mapped[float | None] = mapped_column(Float)
    max_y: Mapped[float | None] = mapped_column(Float)
    postcode: Mapped[str | None] = mapped_column(String(6), comment="zoeksleutel van een nummeraanduiding")
    huisnummer: Mapped[int | None] = mapped_column(Integer, comment="zoeksleutel van een nummeraanduiding")
    naam: Mapped[str | None] = mapped_column(
        String(80), comment="zoeksleutel van een woonplaats of openbare ruimte: kleine letters, zonder diakrieten"
    )
    levering_id: Mapped[int | None] = mapped_column(Integer, comment="de levering waaruit het voorkomen kwam")

    __table_args__ = (
        UniqueConstraint("identificatie", "voorkomenidentificatie", "tijdstip_registratie_lv"),
        Index("ix_bag_voorkomen_postcode", "postcode", "huisnummer"),
        Index("ix_bag_voorkomen_naam", "objecttype", "naam"),
        Index("ix_bag_voorkomen_levering_id", "levering_id"),
        Index("ix_bag_voorkomen_bbox", "objecttype", "min_x", "max_x"),
        Index(
            "ix_bag_voorkomen_vlak",
            text("box(point(min_x, min_y), point(max_x, max_y))"),
            postgresql_using="gist",
        ).ddl_if(dialect="postgresql"),
    )


class RelatieRow(Base):
    """A reference of one voorkomen (by its key: identificatie, voorkomenidentificatie and the moment
    it became available) to another BAG object."""

    __tablename__ = "bag_relatie"

    identificatie: Mapped[str] = mapped_column(String(16), primary_key=True)
    voorkomenidentificatie: Mapped[int] = mapped_column(Integer, primary_key=True)
    tijdstip_registratie_lv: Mapped[str] = mapped_column(Tijdstip, primary_key=True)
    soort: Mapped[str] = mapped_column(
        String(20), primary_key=True, comment="hoofdadres, nevenadres, pand, openbareRuimte of woonplaats"
    )
    doel: Mapped[str] = mapped_column(String(16), primary_key=True, comment="de identificatie van het andere object")

    __table_args__ = (Index("ix_bag_relatie_doel", "doel", "soort", "identificatie"),)


class KenmerkInOnderzoekRow(Base):
    """One period in which one attribute (kenmerk) of one object was, or was not, in onderzoek."""

    __tablename__ = "bag_kenmerk_in_onderzoek"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    objecttype: Mapped[str] = mapped_column(String(3))
    identificatie: Mapped[str] = mapped_column(String(16))
    kenmerk: Mapped[str] = mapped_column(String(40), comment="zoals het extract het noemt: 'heeft als hoofdadres'")
    in_onderzoek: Mapped[bool] = mapped_column(Boolean)
    documentdatum: Mapped[str] = mapped_column(Datum)
    documentnummer: Mapped[str] = mapped_column(String(40))
    begin_geldigheid: Mapped[str] = mapped_column(Datum)
    eind_geldigheid: Mapped[str | None] = mapped_column(Datum)
    tijdstip_registratie: Mapped[str] = mapped_column(Tijdstip)
    eind_registratie: Mapped[str | None] = mapped_column(Tijdstip)
    tijdstip_registratie_lv: Mapped[str] = mapped_column(Tijdstip)
    tijdstip_eind_registratie_lv: Mapped[str | None] = mapped_column(Tijdstip)
    levering_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_bag_kenmerk_in_onderzoek_object", "identificatie", "kenmerk"),)


class GemeenteWoonplaatsRow(Base):
    """A period in which a woonplaats lay in a gemeente (the Kadaster's GEM-WPL-RELATIE, not authentic)."""

    __tablename__ = "bag_gemeente_woonplaats"

    woonplaats: Mapped[str] = mapped_column(String(4), primary_key=True)
    gemeente: Mapped[str] = mapped_column(String(4), primary_key=True)
    begin_geldigheid: Mapped[str] = mapped_column(Datum, primary_key=True)
    eind_geldigheid: Mapped[str | None] = mapped_column(Datum)
    status: Mapped[str] = mapped_column(String(10), comment="definitief of voorlopig")

    __table_args__ = (Index("ix_bag_gemeente_woonplaats_gemeente", "gemeente"),)


#: Text compared by code point on every backend (PostgreSQL's collation may order otherwise), so a
#: range of the index finds every token with a prefix.
Zoektekst = String(80).with_variant(String(80, collation="C"), "postgresql")


#: The search tokens of an address as PostgreSQL's GIN index holds them (migration ``bag_0005``).
ZOEKVECTOR = "array_to_tsvector(string_to_array(zoektokens, ' '))"


class ZoekadresRow(Base):
    """A current address as the free-text search (``/adressen/zoek``) shows it: its description, its
    place in the order of results and its search tokens (each prefixed by how it matches, separated
    by spaces: ``h12 p1065ta psnoekstraat …``), which PostgreSQL indexes with GIN. Derived from the
    voorkomens; rebuilt after every levering."""

    __tablename__ = "bag_zoekadres"

    nummeraanduiding: Mapped[str] = mapped_column(String(16), primary_key=True)
    omschrijving: Mapped[str] = mapped_column(String(300))
    sorteersleutel: Mapped[str] = mapped_column(
        String(300).with_variant(String(300, collation="C"), "postgresql"), index=True
    )
    zoektokens: Mapped[str] = mapped_column(Text, server_default="")

    __table_args__ = (
        Index("ix_bag_zoekadres_zoektokens", text(ZOEKVECTOR), postgresql_using="gin").ddl_if(dialect="postgresql"),
    )


class ZoektermRow(Base):
    """A search token of a current address (a word of its street or woonplaats, its postcode, its
    number): the index of the free-text search on SQLite, read by prefix ranges (empty on
    PostgreSQL, which searches :attr:`ZoekadresRow.zoektokens`)."""

    __tablename__ = "bag_zoekterm"

    term: Mapped[str] = mapped_column(Zoektekst, primary_key=True)
    nummeraanduiding: Mapped[str] = mapped_column(String(16), primary_key=True)
    soort: Mapped[str] = mapped_column(String(1), primary_key=True, comment="p: op begin, h: alleen heel")

    __table_args__ = (Index("ix_bag_zoekterm_nummeraanduiding", "nummeraanduiding", "term"),)
