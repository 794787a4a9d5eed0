# SPDX-License-Identifier: EUPL-1.2
"""The tables of the WOZ (Waardering onroerende zaken): WOZ-objecten (by their twelve-digit
objectnummer: the gemeentecode and a number), the values fixed for them per waardepeildatum (every
year kept: the history), and their belanghebbenden (the eigenaar and the gebruiker: a natural
person by burgerservicenummer, a rechtspersoon by RSIN, an enterprise or vestiging by KvK- or
vestigingsnummer).

The columns beside ``gegevens`` are the keys the searches and the links to other registries use:
the BAG adresseerbaar object and nummeraanduiding, the postcode and huisnummer of the address, the
numbers of the belanghebbenden.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument


class WozObjectRow(Base):
    """One WOZ-object: a piece of real estate that is valued as one."""

    __tablename__ = "woz_object"

    identificatie: Mapped[str] = mapped_column(String(12), primary_key=True)
    gemeentecode: Mapped[str] = mapped_column(String(4), comment="de gemeente die het object waardeert")
    adresseerbaar_object: Mapped[str | None] = mapped_column(String(16), comment="BAG: het adresseerbaar object")
    nummeraanduiding: Mapped[str | None] = mapped_column(String(16), comment="BAG: het adres van het object")
    postcode: Mapped[str | None] = mapped_column(String(6))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    registratie: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    gegevens: Mapped[dict[str, Any]] = mapped_column(
        JsonDocument, comment="aanduiding, grondoppervlakte, panden, kadastrale onroerende zaken"
    )

    __table_args__ = (
        Index("ix_woz_object_adresseerbaar_object", "adresseerbaar_object"),
        Index("ix_woz_object_nummeraanduiding", "nummeraanduiding"),
        Index("ix_woz_object_postcode", "postcode", "huisnummer"),
    )


class WozWaardeRow(Base):
    """The value fixed for a WOZ-object on one waardepeildatum."""

    __tablename__ = "woz_waarde"

    identificatie: Mapped[str] = mapped_column(
        String(12), ForeignKey("woz_object.identificatie", ondelete="CASCADE"), primary_key=True
    )
    waardepeildatum: Mapped[str] = mapped_column(String(10), primary_key=True, comment="JJJJ-MM-DD")
    vastgestelde_waarde: Mapped[int] = mapped_column(BigInteger, comment="in hele euro's")
    ingangsdatum: Mapped[str] = mapped_column(String(10), comment="het begin van het belastingjaar")
    indicatie_bezwaar_beroep: Mapped[bool] = mapped_column(Boolean)
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="de statussen van de beschikking")


class WozBelanghebbendeRow(Base):
    """The eigenaar or the gebruiker of a WOZ-object."""

    __tablename__ = "woz_belanghebbende"

    identificatie: Mapped[str] = mapped_column(
        String(12), ForeignKey("woz_object.identificatie", ondelete="CASCADE"), primary_key=True
    )
    rol: Mapped[str] = mapped_column(String(10), primary_key=True, comment="eigenaar of gebruiker")
    soort: Mapped[str] = mapped_column(String(30), comment="natuurlijk_persoon, niet_natuurlijk_persoon, vestiging")
    bsn: Mapped[str | None] = mapped_column(String(9), comment="als de belanghebbende een mens is (BRP)")
    rsin: Mapped[str | None] = mapped_column(String(9), comment="als de belanghebbende een rechtspersoon is (NHR)")
    kvk_nummer: Mapped[str | None] = mapped_column(String(8), comment="de onderneming (NHR)")
    vestigingsnummer: Mapped[str | None] = mapped_column(String(12), comment="de vestiging (NHR)")
    naam: Mapped[str | None] = mapped_column(String(500))

    __table_args__ = (
        Index("ix_woz_belanghebbende_bsn", "bsn"),
        Index("ix_woz_belanghebbende_rsin", "rsin"),
        Index("ix_woz_belanghebbende_kvk_nummer", "kvk_nummer"),
    )
