# SPDX-License-Identifier: EUPL-1.2
"""The tables of the BRK (Basisregistratie Kadaster): kadastrale onroerende zaken (a perceel or an
appartementsrecht, by the Kadaster's identificatie and its kadastrale aanduiding) and their
zakelijk gerechtigden (who holds which right, with which share: a natural person by
burgerservicenummer, a rechtspersoon by RSIN).

The columns beside ``gegevens`` are the keys the searches and the links use: the kadastrale
aanduiding's parts, the BAG adresseerbaar object and nummeraanduiding of its address, the postcode
and huisnummer, the numbers of the gerechtigden. ``gegevens`` holds the rest as the Haal Centraal
BRK API names it (grootte, koopsom, adressen, hypotheken, beslagen, publiekrechtelijke beperkingen).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument


class KadastraalOnroerendeZaakRow(Base):
    """One kadastraal onroerende zaak: a perceel or an appartementsrecht."""

    __tablename__ = "brk_kadastraal_onroerende_zaak"

    identificatie: Mapped[str] = mapped_column(String(20), primary_key=True)
    type: Mapped[str] = mapped_column(String(20), comment="perceel of appartementsrecht")
    kadastrale_gemeente: Mapped[str] = mapped_column(String(80), comment="de naam, in kleine letters")
    sectie: Mapped[str] = mapped_column(String(2))
    perceelnummer: Mapped[int] = mapped_column(Integer)
    appartementsindex: Mapped[int | None] = mapped_column(Integer)
    adresseerbaar_object: Mapped[str | None] = mapped_column(String(16), comment="BAG: het adresseerbaar object")
    nummeraanduiding: Mapped[str | None] = mapped_column(String(16), comment="BAG: het adres")
    postcode: Mapped[str | None] = mapped_column(String(6))
    huisnummer: Mapped[int | None] = mapped_column(Integer)
    gegevens: Mapped[dict[str, Any]] = mapped_column(JsonDocument, comment="wat de BRK API toont")

    __table_args__ = (
        Index("ix_brk_koz_aanduiding", "kadastrale_gemeente", "sectie", "perceelnummer"),
        Index("ix_brk_koz_adresseerbaar_object", "adresseerbaar_object"),
        Index("ix_brk_koz_nummeraanduiding", "nummeraanduiding"),
        Index("ix_brk_koz_postcode", "postcode", "huisnummer"),
    )


class ZakelijkGerechtigdeRow(Base):
    """One right on a kadastraal onroerende zaak and who holds it, with the share."""

    __tablename__ = "brk_zakelijk_gerechtigde"

    koz: Mapped[str] = mapped_column(
        String(20),
        ForeignKey("brk_kadastraal_onroerende_zaak.identificatie", ondelete="CASCADE"),
        primary_key=True,
        comment="de kadastraal onroerende zaak",
    )
    identificatie: Mapped[str] = mapped_column(String(20), primary_key=True)
    type: Mapped[str] = mapped_column(String(40), comment="eigenaar, erfpachter, vruchtgebruiker, …")
    persoon_type: Mapped[str] = mapped_column(String(40), comment="ingeschreven_natuurlijk_persoon, …")
    bsn: Mapped[str | None] = mapped_column(String(9), comment="een natuurlijk persoon (BRP)")
    rsin: Mapped[str | None] = mapped_column(String(9), comment="een rechtspersoon (NHR)")
    naam: Mapped[str | None] = mapped_column(String(500))
    teller: Mapped[int] = mapped_column(Integer, comment="het aandeel: teller")
    noemer: Mapped[int] = mapped_column(Integer, comment="het aandeel: noemer")
    aanvangsdatum: Mapped[str | None] = mapped_column(String(10))

    __table_args__ = (
        Index("ix_brk_zakelijk_gerechtigde_bsn", "bsn"),
        Index("ix_brk_zakelijk_gerechtigde_rsin", "rsin"),
    )
