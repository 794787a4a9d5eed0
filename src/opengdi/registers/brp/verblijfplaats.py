# SPDX-License-Identifier: EUPL-1.2
"""Verblijfplaats (category 08): Adres, Locatie, VerblijfplaatsBuitenland or VerblijfplaatsOnbekend,
and the groups derived from the same category: immigratie and the gemeente van inschrijving."""

from __future__ import annotations

from typing import Any

from opengdi.registers.brp import tabellen
from opengdi.registers.brp.antwoord import InOnderzoek, group
from opengdi.registers.brp.catalogus import bronnen, elementen, onderzoek_elementen
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


def _verblijfadres(values: dict[str, Any], onderzoek: Onderzoek | None) -> dict[str, Any] | None:
    """The ``verblijfadres`` group of one kind of verblijfplaats: ``values`` are its fields."""
    spec = onderzoek_elementen("verblijfplaats.verblijfadres")
    return group(values, True, flags(onderzoek, {name: spec[name] for name in values}))


def _adres(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    element = elementen("verblijfplaats.verblijfadres", "08")
    verblijfadres = _verblijfadres(
        {
            "officieleStraatnaam": tekst(voorkomen.get(element["officieleStraatnaam"])),
            "korteStraatnaam": tekst(voorkomen.get(element["korteStraatnaam"])),
            "huisnummer": _integer(voorkomen.get(element["huisnummer"])),
            "huisletter": voorkomen.get(element["huisletter"]),
            "huisnummertoevoeging": voorkomen.get(element["huisnummertoevoeging"]),
            "aanduidingBijHuisnummer": tabelwaarde(
                voorkomen.get(element["aanduidingBijHuisnummer"]), tabellen.AANDUIDING_BIJ_HUISNUMMER
            ),
            "postcode": voorkomen.get(element["postcode"]),
            "woonplaats": tekst(voorkomen.get(element["woonplaats"])),
        },
        onderzoek,
    )
    return {
        "verblijfadres": verblijfadres,
        "functieAdres": tabelwaarde(voorkomen.get(_VERBLIJFPLAATS["functieAdres"]), tabellen.FUNCTIE_ADRES),
        "adresseerbaarObjectIdentificatie": _identificatie(
            voorkomen.get(_VERBLIJFPLAATS["adresseerbaarObjectIdentificatie"])
        ),
        "nummeraanduidingIdentificatie": _identificatie(
            voorkomen.get(_VERBLIJFPLAATS["nummeraanduidingIdentificatie"])
        ),
        "datumVan": datum(voorkomen.get(_DATUM_VAN[ADRES])),
    }


def _locatie(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    verblijfadres = _verblijfadres({"locatiebeschrijving": tekst(voorkomen.get("12.10"))}, onderzoek)
    return {
        "verblijfadres": verblijfadres,
        "functieAdres": tabelwaarde(voorkomen.get(_VERBLIJFPLAATS["functieAdres"]), tabellen.FUNCTIE_ADRES),
        "datumVan": datum(voorkomen.get(_DATUM_VAN[LOCATIE])),
    }


def _buitenland(voorkomen: Voorkomen, onderzoek: Onderzoek | None) -> dict[str, Any]:
    element = elementen("verblijfplaats.verblijfadres", "08")
    verblijfadres = _verblijfadres(
        {
            "regel1": voorkomen.get(element["regel1"]),
            "regel2": voorkomen.get(element["regel2"]),
            "regel3": voorkomen.get(element["regel3"]),
            "land": land(voorkomen.get(element["land"])),
        },
        onderzoek,
    )
    return {"verblijfadres": verblijfadres, "datumVan": datum(voorkomen.get(_DATUM_VAN[BUITENLAND]))}


def _onbekend(voorkomen: Voorkomen, _onderzoek: Onderzoek | None) -> dict[str, Any]:
    return {"datumVan": datum(voorkomen.get(_DATUM_VAN[ONBEKEND]))}


_BUILDERS = {ADRES: _adres, LOCATIE: _locatie, BUITENLAND: _buitenland, ONBEKEND: _onbekend}
#: The groups of category 08 each kind of verblijfplaats is recorded in; ``type`` and ``datumVan``
#: are in onderzoek only through the elements of their own kind.
_GROEPEN = {ADRES: ("10", "11"), LOCATIE: ("10", "12"), BUITENLAND: ("13",), ONBEKEND: ("13",)}
_PER_SOORT = ("type", "datumVan")
#: Where the fields of a verblijfplaats are taken from, as the catalogue declares it.
_VERBLIJFPLAATS = elementen("verblijfplaats", "08")
_IMMIGRATIE = elementen("immigratie", "08")
#: The element ``datumVan`` is taken from for each kind: the declared source in that kind's groups
#: (10.30 for an address or a location, 13.20 abroad or unknown).
_DATUM_VAN = {
    kind: next(bron[3:] for bron in bronnen("verblijfplaats.datumVan") if bron[3:5] in groepen)
    for kind, groepen in _GROEPEN.items()
}


def _onderzoek_spec(kind: str) -> dict[str, tuple[str, ...]]:
    spec = onderzoek_elementen("verblijfplaats")
    return {
        name: tuple(e for e in elements if name not in _PER_SOORT or e[3:5] in _GROEPEN[kind])
        for name, elements in spec.items()
    }


def verblijfplaats(voorkomen: Voorkomen | None) -> dict[str, Any] | None:
    """The ``verblijfplaats`` of the person, typed by what category 08 records."""
    kind = soort(voorkomen)
    if voorkomen is None or kind is None:
        return None
    onderzoek = onderzoek_of(voorkomen)
    in_onderzoek = flags(onderzoek, _onderzoek_spec(kind))
    values: dict[str, Any] = {
        "type": kind,
        **_BUILDERS[kind](voorkomen, onderzoek),
        "datumIngangGeldigheid": datum(voorkomen.get(_VERBLIJFPLAATS["datumIngangGeldigheid"])),
    }
    if kind in BINNENLAND and onderzoek is not None and onderzoek.aanduiding == VERBLIJFT_NIET_OP_ADRES:
        values["indicatieVastgesteldVerblijftNietOpAdres"] = True
    return group(values, True, in_onderzoek)


def immigratie(voorkomen: Voorkomen | None) -> dict[str, Any] | None:
    """Where the person came from when settling in the Netherlands (08.14)."""
    if voorkomen is None:
        return None
    land_code = voorkomen.get(_IMMIGRATIE["landVanwaarIngeschreven"])
    onderzoek = onderzoek_of(voorkomen)
    in_onderzoek = InOnderzoek()
    if onderzoek is not None and onderzoek.aanduiding != VERBLIJFT_NIET_OP_ADRES:
        flags(onderzoek, onderzoek_elementen("immigratie"), into=in_onderzoek)
    values = {
        "landVanwaarIngeschreven": land(land_code),
        "datumVestigingInNederland": datum(voorkomen.get(_IMMIGRATIE["datumVestigingInNederland"])),
        "vanuitVerblijfplaatsOnbekend": True if land_code == ONBEKEND_CODE else None,
        "indicatieVestigingVanuitBuitenland": True if voorkomen.has(_IMMIGRATIE["datumVestigingInNederland"]) else None,
    }
    return group(values, exists(voorkomen, set(_IMMIGRATIE.values())), in_onderzoek)
