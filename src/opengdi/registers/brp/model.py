# SPDX-License-Identifier: EUPL-1.2
"""The BRP tables: one row per persoonslijst with its search keys, one row per voorkomen.

``brp_voorkomen`` holds every occurrence of every category of a persoonslijst (actual and
historical, corrected ones included) with its LO3 elements as a JSON document, so a persoonslijst
is stored the way the GBA keeps it. ``brp_persoonslijst`` carries the identity (BSN, A-nummer) and
the search keys derived from the actual voorkomens, kept in step by every write. A BSN is not
unique here: test sets (the RvIG GBA-V set among them) hold several persoonslijsten with one BSN,
and the registry answers with all of them.

``brp_adreshouding`` holds, derived from the verblijfplaats voorkomens by
:mod:`~opengdi.registers.brp.adreshouding` and written with them, every stay of a person at an
adresseerbaar object with the days it possibly and certainly held, so that a bewoning is one
indexed lookup by adresseerbaar object.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, func
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument


class PersoonslijstRow(Base):
    """A persoonslijst: identity and search keys of one person (GBA ingezetene or RNI)."""

    __tablename__ = "brp_persoonslijst"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    burgerservicenummer: Mapped[str | None] = mapped_column(String(9), index=True)
    a_nummer: Mapped[str | None] = mapped_column(String(10), index=True)
    geslachtsnaam: Mapped[str | None] = mapped_column(
        String(200), comment="zoeksleutel: kleine letters, zonder diakrieten"
    )
    geslachtsnaam_diakrieten: Mapped[str | None] = mapped_column(
        String(200), comment="zoeksleutel: kleine letters, met diakrieten"
    )
    voornamen: Mapped[str | None] = mapped_column(String(200), comment="zoeksleutel")
    voornamen_diakrieten: Mapped[str | None] = mapped_column(String(200), comment="zoeksleutel, met diakrieten")
    voorvoegsel: Mapped[str | None] = mapped_column(String(10), comment="zoeksleutel")
    voorvoegsel_diakrieten: Mapped[str | None] = mapped_column(String(10), comment="zoeksleutel, met diakrieten")
    geboortedatum: Mapped[str | None] = mapped_column(String(8))
    geslacht: Mapped[str | None] = mapped_column(String(1))
    gemeente_van_inschrijving: Mapped[str | None] = mapped_column(String(4))
    postcode: Mapped[str | None] = mapped_column(String(6))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    huisletter: Mapped[str | None] = mapped_column(String(1), comment="zoeksleutel")
    huisnummertoevoeging: Mapped[str | None] = mapped_column(String(4), comment="zoeksleutel")
    straat: Mapped[str | None] = mapped_column(String(80), comment="zoeksleutel: korte straatnaam")
    straat_diakrieten: Mapped[str | None] = mapped_column(String(80), comment="zoeksleutel, met diakrieten")
    naam_openbare_ruimte: Mapped[str | None] = mapped_column(String(80), comment="zoeksleutel")
    naam_openbare_ruimte_diakrieten: Mapped[str | None] = mapped_column(
        String(80), comment="zoeksleutel, met diakrieten"
    )
    nummeraanduiding_identificatie: Mapped[str | None] = mapped_column(String(16), index=True)
    adresseerbaar_object_identificatie: Mapped[str | None] = mapped_column(String(16), index=True)
    overleden: Mapped[bool] = mapped_column(Boolean, default=False)
    opgenomen_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        Index("ix_brp_persoonslijst_naam_geboorte", "geslachtsnaam", "geboortedatum"),
        Index("ix_brp_persoonslijst_gemeente_naam", "gemeente_van_inschrijving", "geslachtsnaam"),
        Index("ix_brp_persoonslijst_postcode", "postcode", "huisnummer"),
        Index("ix_brp_persoonslijst_gemeente_straat", "gemeente_van_inschrijving", "straat", "huisnummer"),
    )


class VoorkomenRow(Base):
    """One voorkomen of one category of a persoonslijst."""

    __tablename__ = "brp_voorkomen"

    persoonslijst_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("brp_persoonslijst.id", ondelete="CASCADE"), primary_key=True
    )
    categorie: Mapped[str] = mapped_column(String(2), primary_key=True, comment="01 tot en met 14")
    stapel: Mapped[int] = mapped_column(SmallInteger, primary_key=True, comment="1, 2, … bij herhalende categorieën")
    volgnummer: Mapped[int] = mapped_column(SmallInteger, primary_key=True, comment="0 = actueel, hoger = ouder")
    elementen: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="LO3-elementen GG.EE → waarde")


class AdreshoudingRow(Base):
    """A stay of a person at an adresseerbaar object, as one verblijfplaats voorkomen records it: it
    began possibly from ``begin_vroegst`` and certainly from ``begin_zeker``, and ended possibly from
    ``einde_vroegst`` and certainly from ``einde_zeker`` (0001-01-01 and 9999-12-31: unbounded)."""

    __tablename__ = "brp_adreshouding"

    persoonslijst_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("brp_persoonslijst.id", ondelete="CASCADE"), primary_key=True
    )
    volgnummer: Mapped[int] = mapped_column(SmallInteger, primary_key=True, comment="het voorkomen van categorie 08")
    adresseerbaar_object_identificatie: Mapped[str] = mapped_column(String(16), index=True, comment="08.11.80")
    nummeraanduiding_identificatie: Mapped[str | None] = mapped_column(String(16), comment="08.11.90")
    gemeente_van_inschrijving: Mapped[str | None] = mapped_column(String(4), comment="08.09.10")
    begin_vroegst: Mapped[date] = mapped_column(Date)
    begin_zeker: Mapped[date] = mapped_column(Date)
    einde_vroegst: Mapped[date] = mapped_column(Date)
    einde_zeker: Mapped[date] = mapped_column(Date)
    in_onderzoek: Mapped[bool] = mapped_column(Boolean, comment="adreshouding of identificatie in onderzoek")
