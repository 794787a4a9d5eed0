# SPDX-License-Identifier: EUPL-1.2
"""Verblijfplaats (category 08): Adres, Locatie, VerblijfplaatsBuitenland or VerblijfplaatsOnbekend,
and the groups derived from the same category: immigratie and the gemeente van inschrijving."""

from __future__ import annotations

from typing import Any

from opengdi.registers.brp import tabellen
from opengdi.registers.brp.antwoord import InOnderzoek, group
from opengdi.registers.brp.lo3 import is_digits
from opengdi.registers.brp.onderzoek import VERBLIJFT_NIET_OP_ADRES, Onderzoek, onderzoek_of
from opengdi.registers.brp.persoonslijst import Voorkomen
from opengdi.registers.brp.waarden import ONBEKEND_CODE, datum, exists, flags, land, tabelwaarde, tekst

ADRES = "Adres"
LOCATIE = "Locatie"
BUITENLAND = "VerblijfplaatsBuitenland"
ONBEKEND = "VerblijfplaatsOnbekend"
BINNENLAND = (ADRES, LOCATIE)


def soort(voorkomen: Voorkomen | None) -> str | None:
    """The kind of verblijfplaats recorded, ``None`` when there is none."""
    if voorkomen is None:
        return None
    if voorkomen.has("11.10"):
        return ADRES
    if voorkomen.has("12.10"):
        return LOCATIE
    land_code = voorkomen.get("13.10")
    if land_code == ONBEKEND_CODE:
        return ONBEKEND
    return BUITENLAND if land_code else None


def _integer(value: str | None) -> int | None:
    return int(value) if value and is_digits(value) and int(value) > 0 else None


def _identificatie(value: str | None) -> str | None:
    """A BAG identification; the standard value of zeros is left out."""
    return None if not value or set(value) == {"0"} else value


def _adres(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    verblijfadres = group(
        {
            "officieleStraatnaam": tekst(voorkomen.get("11.15")),
            "korteStraatnaam": tekst(voorkomen.get("11.10")),
            "huisnummer": _integer(voorkomen.get("11.20")),
            "huisletter": voorkomen.get("11.30"),
            "huisnummertoevoeging": voorkomen.get("11.40"),
            "aanduidingBijHuisnummer": tabelwaarde(voorkomen.get("11.50"), tabellen.AANDUIDING_BIJ_HUISNUMMER),
            "postcode": voorkomen.get("11.60"),
            "woonplaats": tekst(voorkomen.get("11.70")),
        },
        True,
        flags(
            onderzoek,
            {
                "officieleStraatnaam": ["08.11.15"],
                "korteStraatnaam": ["08.11.10"],
                "huisnummer": ["08.11.20"],
                "huisletter": ["08.11.30"],
                "huisnummertoevoeging": ["08.11.40"],
                "aanduidingBijHuisnummer": ["08.11.50"],
                "postcode": ["08.11.60"],
                "woonplaats": ["08.11.70"],
            },
        ),
    )
    return {
        "verblijfadres": verblijfadres,
        "functieAdres": tabelwaarde(voorkomen.get("10.10"), tabellen.FUNCTIE_ADRES),
        "adresseerbaarObjectIdentificatie": _identificatie(voorkomen.get("11.80")),
        "nummeraanduidingIdentificatie": _identificatie(voorkomen.get("11.90")),
        "datumVan": datum(voorkomen.get("10.30")),
    }


def _locatie(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    verblijfadres = group(
        {"locatiebeschrijving": tekst(voorkomen.get("12.10"))},
        True,
        flags(onderzoek, {"locatiebeschrijving": ["08.12.10"]}),
    )
    return {
        "verblijfadres": verblijfadres,
        "functieAdres": tabelwaarde(voorkomen.get("10.10"), tabellen.FUNCTIE_ADRES),
        "datumVan": datum(voorkomen.get("10.30")),
    }


def _buitenland(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    verblijfadres = group(
        {
            "regel1": voorkomen.get("13.30"),
            "regel2": voorkomen.get("13.40"),
            "regel3": voorkomen.get("13.50"),
            "land": land(voorkomen.get("13.10")),
        },
        True,
        flags(
            onderzoek,
            {
                "regel1": ["08.13.30"],
                "regel2": ["08.13.40"],
                "regel3": ["08.13.50"],
                "land": ["08.13.10"],
            },
        ),
    )
    return {"verblijfadres": verblijfadres, "datumVan": datum(voorkomen.get("13.20"))}


def _onbekend(voorkomen: Voorkomen, _onderzoek: Onderzoek | None) -> dict[str, Any]:
    return {"datumVan": datum(voorkomen.get("13.20"))}


_BUILDERS = {ADRES: _adres, LOCATIE: _locatie, BUITENLAND: _buitenland, ONBEKEND: _onbekend}
_TYPE_ELEMENT = {ADRES: "08.11.10", LOCATIE: "08.12.10", BUITENLAND: "08.13.10", ONBEKEND: "08.13.10"}
_DATUM_VAN_ELEMENT = {ADRES: "08.10.30", LOCATIE: "08.10.30", BUITENLAND: "08.13.20", ONBEKEND: "08.13.20"}


def verblijfplaats(voorkomen: Voorkomen | None) -> dict[str, Any] | None:
    """The ``verblijfplaats`` of the person, typed by what category 08 records."""
    kind = soort(voorkomen)
    if voorkomen is None or kind is None:
        return None
    onderzoek = onderzoek_of(voorkomen)
    in_onderzoek = flags(
        onderzoek,
        {
            "type": [_TYPE_ELEMENT[kind]],
            "datumVan": [_DATUM_VAN_ELEMENT[kind]],
            "datumIngangGeldigheid": ["08.85.10"],
            "functieAdres": ["08.10.10"],
            "nummeraanduidingIdentificatie": ["08.11.90"],
            "adresseerbaarObjectIdentificatie": ["08.11.80"],
        },
    )
    values: dict[str, Any] = {
        "type": kind,
        **_BUILDERS[kind](voorkomen, onderzoek),
        "datumIngangGeldigheid": datum(voorkomen.get("85.10")),
    }
    if kind in BINNENLAND and onderzoek is not None and onderzoek.aanduiding == VERBLIJFT_NIET_OP_ADRES:
        values["indicatieVastgesteldVerblijftNietOpAdres"] = True
    return group(values, True, in_onderzoek)


def immigratie(voorkomen: Voorkomen | None) -> dict[str, Any] | None:
    """Where the person came from when settling in the Netherlands (08.14)."""
    if voorkomen is None:
        return None
    land_code = voorkomen.get("14.10")
    onderzoek = onderzoek_of(voorkomen)
    in_onderzoek = InOnderzoek()
    if onderzoek is not None and onderzoek.aanduiding != VERBLIJFT_NIET_OP_ADRES:
        flags(
            onderzoek,
            {
                "landVanwaarIngeschreven": ["08.14.10"],
                "vanuitVerblijfplaatsOnbekend": ["08.14.10"],
                "datumVestigingInNederland": ["08.14.20"],
                "indicatieVestigingVanuitBuitenland": ["08.14.20"],
            },
            into=in_onderzoek,
        )
    values = {
        "landVanwaarIngeschreven": land(land_code),
        "datumVestigingInNederland": datum(voorkomen.get("14.20")),
        "vanuitVerblijfplaatsOnbekend": True if land_code == ONBEKEND_CODE else None,
        "indicatieVestigingVanuitBuitenland": True if voorkomen.has("14.20") else None,
    }
    return group(values, exists(voorkomen, ("14.10", "14.20")), in_onderzoek)
