# SPDX-License-Identifier: EUPL-1.2
"""The tables of the Handelsregister: maatschappelijke activiteiten (an enterprise by KvK-nummer,
its owner and what it does), their vestigingen (by vestigingsnummer, with their addresses) and the
functionarissen of their owner (bestuurders, gevolmachtigden, …; ended functions stay).

What each answer shows travels in ``gegevens`` (handelsnamen, SBI-activiteiten, werkzame personen,
addresses as the KvK delivers them); the columns beside it are the keys the searches and the links
to other registries use: names folded for search, the postcode and huisnummer of the bezoekadres,
the BAG nummeraanduiding and adresseerbaar object it lies at, the RSIN of a rechtspersoon and the
burgerservicenummer of an owner who is a natural person (the link to the BRP). Dates are kept as
``YYYY-MM-DD``; a date not (wholly) known is absent.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument

#: A date: ``YYYY-MM-DD``.
Datum = String(10)


class MaatschappelijkeActiviteitRow(Base):
    """One maatschappelijke activiteit (an enterprise or a rechtspersoon without one), by KvK-nummer."""

    __tablename__ = "nhr_maatschappelijke_activiteit"

    kvk_nummer: Mapped[str] = mapped_column(String(8), primary_key=True)
    naam: Mapped[str] = mapped_column(String(500), comment="de eerste handelsnaam, of de statutaire naam")
    naam_zoek: Mapped[str] = mapped_column(Text, comment="zoeksleutel: kleine letters, zonder diakrieten")
    rechtsvorm: Mapped[str] = mapped_column(String(80))
    rsin: Mapped[str | None] = mapped_column(String(9), comment="van de eigenaar, als die een rechtspersoon is")
    eigenaar_bsn: Mapped[str | None] = mapped_column(String(9), comment="van de eigenaar, als die een mens is (BRP)")
    datum_aanvang: Mapped[str | None] = mapped_column(Datum)
    datum_einde: Mapped[str | None] = mapped_column(Datum)
    registratie: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="wat het basisprofiel toont")

    __table_args__ = (
        Index("ix_nhr_maatschappelijke_activiteit_rsin", "rsin"),
        Index("ix_nhr_maatschappelijke_activiteit_eigenaar_bsn", "eigenaar_bsn"),
    )


class VestigingRow(Base):
    """One vestiging of a maatschappelijke activiteit, by vestigingsnummer."""

    __tablename__ = "nhr_vestiging"

    vestigingsnummer: Mapped[str] = mapped_column(String(12), primary_key=True)
    kvk_nummer: Mapped[str] = mapped_column(
        String(8), ForeignKey("nhr_maatschappelijke_activiteit.kvk_nummer", ondelete="CASCADE")
    )
    hoofdvestiging: Mapped[bool] = mapped_column(Boolean)
    naam: Mapped[str] = mapped_column(String(500), comment="de eerste handelsnaam")
    naam_zoek: Mapped[str] = mapped_column(Text, comment="alle handelsnamen, kleine letters, zonder diakrieten")
    straat_zoek: Mapped[str | None] = mapped_column(String(80), comment="straat van het bezoekadres, als zoeksleutel")
    plaats_zoek: Mapped[str | None] = mapped_column(String(80), comment="plaats van het bezoekadres, als zoeksleutel")
    postcode: Mapped[str | None] = mapped_column(String(6), comment="van het bezoekadres")
    huisnummer: Mapped[int | None] = mapped_column(Integer, comment="van het bezoekadres")
    postbusnummer: Mapped[int | None] = mapped_column(Integer, comment="van het correspondentieadres")
    nummeraanduiding: Mapped[str | None] = mapped_column(String(16), comment="BAG: het bezoekadres")
    adresseerbaar_object: Mapped[str | None] = mapped_column(String(16), comment="BAG: waar de vestiging is")
    datum_aanvang: Mapped[str | None] = mapped_column(Datum)
    datum_einde: Mapped[str | None] = mapped_column(Datum)
    registratie: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="wat het vestigingsprofiel toont")

    __table_args__ = (
        Index("ix_nhr_vestiging_kvk_nummer", "kvk_nummer"),
        Index("ix_nhr_vestiging_postcode", "postcode", "huisnummer"),
        Index("ix_nhr_vestiging_postbusnummer", "postbusnummer"),
        Index("ix_nhr_vestiging_nummeraanduiding", "nummeraanduiding"),
        Index("ix_nhr_vestiging_adresseerbaar_object", "adresseerbaar_object"),
    )


class FunctionarisRow(Base):
    """One function held at the owner of a maatschappelijke activiteit, by a natural person (BSN, the
    link to the BRP) or a rechtspersoon (RSIN); an ended one keeps its ``datum_einde``."""

    __tablename__ = "nhr_functionaris"

    kvk_nummer: Mapped[str] = mapped_column(
        String(8), ForeignKey("nhr_maatschappelijke_activiteit.kvk_nummer", ondelete="CASCADE"), primary_key=True
    )
    volgnummer: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    groep: Mapped[str] = mapped_column(String(40), comment="bestuurders, gemachtigde, aansprakelijken, …")
    functie: Mapped[str] = mapped_column(String(100))
    naam: Mapped[str] = mapped_column(String(500), comment="de naam zoals ingeschreven")
    bsn: Mapped[str | None] = mapped_column(String(9), comment="als de functionaris een mens is (BRP)")
    rsin: Mapped[str | None] = mapped_column(String(9), comment="als de functionaris een rechtspersoon is")
    hr_persoon: Mapped[str | None] = mapped_column(String(9), comment="een handelsregisterpersoon (niet in de BRP)")
    datum_aanvang: Mapped[str | None] = mapped_column(Datum)
    datum_einde: Mapped[str | None] = mapped_column(Datum)
    registratie: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="bevoegdheid, functietitel, volmacht, …")

    __table_args__ = (
        Index("ix_nhr_functionaris_bsn", "bsn"),
        Index("ix_nhr_functionaris_hr_persoon", "hr_persoon"),
    )
