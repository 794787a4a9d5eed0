# SPDX-License-Identifier: EUPL-1.2
"""A persoonslijst as a Haal Centraal ``Persoon``: every field the API can deliver, before ``fields``.

The answer is built from the actual voorkomens only; historical and corrected voorkomens are kept
in the registry but are not part of this API's answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from opengdi.registers.brp import naam as namen
from opengdi.registers.brp import tabellen
from opengdi.registers.brp.adressering import adressering
from opengdi.registers.brp.antwoord import InOnderzoek, group
from opengdi.registers.brp.catalogus import elementen, onderzoek_elementen
from opengdi.registers.brp.datum import has_ended, leeftijd
from opengdi.registers.brp.onderzoek import onderzoek_of
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.relaties import geboorte, kinderen, naam_gerelateerde, ouders, partners
from opengdi.registers.brp.verblijfplaats import immigratie, verblijfplaats
from opengdi.registers.brp.waarden import (
    datum,
    exists,
    flags,
    gemeente,
    has_any,
    landelijke_tabel,
    plaats,
    tabelwaarde,
)
from opengdi.registers.brp.zoeksleutels import is_overleden

PERSOON_DATUM = "datumIngangOnderzoekPersoon"
GEMEENTE_DATUM = "datumIngangOnderzoekGemeente"
GEZAG_DATUM = "datumIngangOnderzoekGezag"

RNI_CATEGORIEEN = {"01": "Persoon", "04": "Nationaliteit", "06": "Overlijden", "08": "Verblijfplaats"}
AFGEVOERD = frozenset({"F", "W"})  # opschorting: fout (afgevoerd) or wissing (logisch verwijderd)

#: Where each field is taken from, as the catalogue declares it (answer field → element ``GG.EE``).
_PERSOON = elementen("", "01")
_INSCHRIJVING = elementen("", "07")
_GEMEENTE = elementen("", "08")
_GEZAG = elementen("", "11")
_NAAM = elementen("naam", "01")
_VERBLIJFSTITEL = elementen("verblijfstitel", "10")
_NATIONALITEIT = elementen("nationaliteiten", "04")
_UITSLUITING_KIESRECHT = elementen("uitsluitingKiesrecht", "13")
_EUROPEES_KIESRECHT = elementen("europeesKiesrecht", "13")
_RNI = elementen("rni", "01")
_OPSCHORTING = elementen("opschortingBijhouding", "07")
_VERIFICATIE = elementen("verificatie", "07")
#: Elements that decide whether a nationality is delivered, without an answer field of their own:
#: bijzonder Nederlanderschap (65.10) and the date the nationality ended (64.10).
_BIJZONDER_NEDERLANDERSCHAP = "65.10"
_DATUM_VERLIES = "64.10"
#: A verblijfstitel with this aanduiding ("geen verblijfstitel meer") is not delivered.
_GEEN_VERBLIJFSTITEL = "98"


def is_afgevoerd(lijst: Persoonslijst) -> bool:
    """Whether the persoonslijst was withdrawn (fout) or logically deleted; it is never delivered."""
    return lijst.element("07", _OPSCHORTING["reden"]) in AFGEVOERD


def _naam(persoon: Voorkomen) -> dict[str, Any] | None:
    base = naam_gerelateerde(persoon)  # flags every naam field of the person, volledigeNaam included
    in_onderzoek = base.pop("inOnderzoek", InOnderzoek()) if base else InOnderzoek()
    values = {
        **(base or {}),
        "volledigeNaam": namen.volledige_naam(
            persoon.get(_NAAM["voornamen"]),
            persoon.get(_NAAM["adellijkeTitelPredicaat"]),
            persoon.get(_NAAM["voorvoegsel"]),
            persoon.get(_NAAM["geslachtsnaam"]),
            persoon.get(_PERSOON["geslacht"]),
        ),
        "aanduidingNaamgebruik": tabelwaarde(persoon.get(_NAAM["aanduidingNaamgebruik"]), tabellen.NAAMGEBRUIK),
    }
    return group(values, base is not None or exists(persoon, (_NAAM["aanduidingNaamgebruik"],)), in_onderzoek)


def _overlijden(voorkomen: Voorkomen | None) -> dict[str, Any] | None:
    if voorkomen is None:
        return None
    element = elementen("overlijden", "06")
    return group(
        {
            "datum": datum(voorkomen.get(element["datum"])),
            "land": landelijke_tabel("landen", voorkomen.get(element["land"])),
            "plaats": plaats(voorkomen.get(element["plaats"])),
        },
        exists(voorkomen, element.values()),
        flags(onderzoek_of(voorkomen), onderzoek_elementen("overlijden")),
    )


def _verblijfstitel(voorkomen: Voorkomen | None, today: date) -> dict[str, Any] | None:
    element = _VERBLIJFSTITEL
    aanduiding = voorkomen.get(element["aanduiding"]) if voorkomen else None
    if voorkomen is None or not aanduiding or aanduiding == _GEEN_VERBLIJFSTITEL:
        return None
    if has_ended(voorkomen.get(element["datumEinde"]), today):
        return None
    return group(
        {
            "aanduiding": tabelwaarde(aanduiding, tabellen.table("verblijfstitels")),
            "datumEinde": datum(voorkomen.get(element["datumEinde"])),
            "datumIngang": datum(voorkomen.get(element["datumIngang"])),
        },
        True,
        flags(onderzoek_of(voorkomen), onderzoek_elementen("verblijfstitel")),
    )


_BIJZONDER = {"B": "BehandeldAlsNederlander", "V": "VastgesteldNietNederlander"}
_SPECIALE_NATIONALITEIT = {
    "0000": "NationaliteitOnbekend",
    "0002": "BehandeldAlsNederlander",
    "0499": "Staatloos",
    "0500": "VastgesteldNietNederlander",
}


def nationaliteit_soort(voorkomen: Voorkomen) -> str | None:
    """The type of a nationality voorkomen, ``None`` when it records none."""
    bijzonder = voorkomen.get(_BIJZONDER_NEDERLANDERSCHAP)
    if bijzonder in _BIJZONDER:
        return _BIJZONDER[bijzonder]
    code = voorkomen.get(_NATIONALITEIT["nationaliteit"])
    if not code:
        return None
    return _SPECIALE_NATIONALITEIT.get(code, "Nationaliteit")


def _nationaliteit(voorkomen: Voorkomen) -> dict[str, Any] | None:
    soort = nationaliteit_soort(voorkomen)
    if soort is None or voorkomen.has(_DATUM_VERLIES):
        return None
    element = _NATIONALITEIT
    values = {
        "type": soort,
        "nationaliteit": landelijke_tabel("nationaliteiten", voorkomen.get(element["nationaliteit"]))
        if soort == "Nationaliteit"
        else None,
        "redenOpname": _reden_opname(voorkomen.get(element["redenOpname"])),
        "datumIngangGeldigheid": datum(voorkomen.get(element["datumIngangGeldigheid"])),
    }
    spec = {
        name: elements
        for name, elements in onderzoek_elementen("nationaliteiten").items()
        if name != "nationaliteit" or soort == "Nationaliteit"  # only a known nationality has one
    }
    return group(values, True, flags(onderzoek_of(voorkomen), spec))


def _reden_opname(code: str | None) -> dict[str, str] | None:
    return None if code == "000" else tabelwaarde(code, tabellen.table("redenen_nationaliteit"))


def _nationaliteiten(lijst: Persoonslijst) -> list[Voorkomen]:
    return [voorkomen for voorkomen in lijst.actuele("04") if _nationaliteit(voorkomen) is not None]


def _uitsluiting_kiesrecht(bron: _Bron) -> dict[str, Any] | None:
    voorkomen, element = bron.lijst.actueel("13"), _UITSLUITING_KIESRECHT
    if (
        voorkomen is None
        or not voorkomen.has(element["uitgeslotenVanKiesrecht"])
        or has_ended(voorkomen.get(element["einddatum"]), bron.today)
    ):
        return None
    return group(
        {
            "uitgeslotenVanKiesrecht": voorkomen.get(element["uitgeslotenVanKiesrecht"]) == "A" or None,
            "einddatum": datum(voorkomen.get(element["einddatum"])),
        },
        True,
    )


def _europees_kiesrecht(bron: _Bron) -> dict[str, Any] | None:
    voorkomen, element = bron.lijst.actueel("13"), _EUROPEES_KIESRECHT
    if (
        voorkomen is None
        or not voorkomen.has(element["aanduiding"])
        or has_ended(voorkomen.get(element["einddatumUitsluiting"]), bron.today)
    ):
        return None
    return group(
        {
            "aanduiding": tabelwaarde(voorkomen.get(element["aanduiding"]), tabellen.EUROPEES_KIESRECHT),
            "einddatumUitsluiting": datum(voorkomen.get(element["einddatumUitsluiting"])),
        },
        True,
    )


def _rni(lijst: Persoonslijst) -> list[dict[str, Any]]:
    voorkomens = [lijst.actueel("01"), *_nationaliteiten(lijst), lijst.actueel("06"), lijst.actueel("08")]
    result = []
    for voorkomen in voorkomens:
        if voorkomen is None or not voorkomen.has(_RNI["deelnemer"]):
            continue
        result.append(
            group(
                {
                    "deelnemer": landelijke_tabel("rni_deelnemers", voorkomen.get(_RNI["deelnemer"])),
                    "omschrijvingVerdrag": voorkomen.get(_RNI["omschrijvingVerdrag"]),
                    "categorie": RNI_CATEGORIEEN[voorkomen.categorie],
                    "_categorie": voorkomen.categorie,
                },
                True,
            )
            or {}
        )
    return result


def _opschorting(bron: _Bron) -> dict[str, Any] | None:
    voorkomen = bron.lijst.actueel("07")
    return (
        group(
            {
                "reden": tabelwaarde(voorkomen.get(_OPSCHORTING["reden"]), tabellen.REDEN_OPSCHORTING),
                "datum": datum(voorkomen.get(_OPSCHORTING["datum"])),
            },
            has_any(voorkomen, _OPSCHORTING.values()),
        )
        if voorkomen
        else None
    )


def _verificatie(bron: _Bron) -> dict[str, Any] | None:
    voorkomen = bron.lijst.actueel("07")
    return (
        group(
            {
                "datum": datum(voorkomen.get(_VERIFICATIE["datum"])),
                "omschrijving": voorkomen.get(_VERIFICATIE["omschrijving"]),
            },
            any(voorkomen.has(element) for element in _VERIFICATIE.values()),
        )
        if voorkomen
        else None
    )


def _geheimhouding(bron: _Bron) -> bool | None:
    geheim = bron.lijst.element("07", _INSCHRIJVING["geheimhoudingPersoonsgegevens"])
    return True if geheim and geheim != "0" else None


def _gezag_element(bron: _Bron, element: str) -> str | None:
    return bron.lijst.element("11", element)


#: The categories the person's own fields in onderzoek come from, with the key of their start date.
_PERSOON_ONDERZOEK = (("01", PERSOON_DATUM), ("08", GEMEENTE_DATUM), ("11", GEZAG_DATUM))


def _persoon_onderzoek(lijst: Persoonslijst) -> InOnderzoek:
    result = InOnderzoek()
    for categorie, date_key in _PERSOON_ONDERZOEK:
        flags(onderzoek_of(lijst.actueel(categorie)), onderzoek_elementen("", categorie), date_key, into=result)
    return result


@dataclass(frozen=True, slots=True)
class _Bron:
    """What the fields of a person are derived from."""

    lijst: Persoonslijst
    today: date
    persoon: Voorkomen
    verblijf: Voorkomen | None

    def verblijf_element(self, element: str) -> str | None:
        return self.verblijf.get(element) if self.verblijf else None


_VELDEN: dict[str, Callable[[_Bron], Any]] = {
    "aNummer": lambda bron: bron.persoon.get(_PERSOON["aNummer"]),
    "burgerservicenummer": lambda bron: bron.persoon.get(_PERSOON["burgerservicenummer"]),
    "geslacht": lambda bron: tabelwaarde(bron.persoon.get(_PERSOON["geslacht"]), tabellen.GESLACHT),
    "leeftijd": lambda bron: (
        None if is_overleden(bron.lijst) else leeftijd(bron.persoon.get(_PERSOON["leeftijd"]), bron.today)
    ),
    "naam": lambda bron: _naam(bron.persoon),
    "geboorte": lambda bron: geboorte(bron.persoon),
    "datumEersteInschrijvingGBA": lambda bron: datum(
        bron.lijst.element("07", _INSCHRIJVING["datumEersteInschrijvingGBA"])
    ),
    "geheimhoudingPersoonsgegevens": _geheimhouding,
    "opschortingBijhouding": _opschorting,
    "verificatie": _verificatie,
    "overlijden": lambda bron: _overlijden(bron.lijst.actueel("06")),
    "verblijfplaats": lambda bron: verblijfplaats(bron.verblijf),
    "immigratie": lambda bron: immigratie(bron.verblijf),
    "gemeenteVanInschrijving": lambda bron: gemeente(bron.verblijf_element(_GEMEENTE["gemeenteVanInschrijving"])),
    "datumInschrijvingInGemeente": lambda bron: datum(bron.verblijf_element(_GEMEENTE["datumInschrijvingInGemeente"])),
    "adressering": lambda bron: adressering(bron.lijst),
    "indicatieCurateleRegister": lambda bron: (
        True if _gezag_element(bron, _GEZAG["indicatieCurateleRegister"]) == "1" else None
    ),
    "indicatieGezagMinderjarige": lambda bron: tabelwaarde(
        _gezag_element(bron, _GEZAG["indicatieGezagMinderjarige"]), tabellen.table("gezagsverhoudingen")
    ),
    "verblijfstitel": lambda bron: _verblijfstitel(bron.lijst.actueel("10"), bron.today),
    "uitsluitingKiesrecht": _uitsluiting_kiesrecht,
    "europeesKiesrecht": _europees_kiesrecht,
    "nationaliteiten": lambda bron: [
        item for item in map(_nationaliteit, bron.lijst.actuele("04")) if item is not None
    ],
    "kinderen": lambda bron: kinderen(bron.lijst),
    "ouders": lambda bron: ouders(bron.lijst),
    "partners": lambda bron: partners(bron.lijst),
    "rni": lambda bron: _rni(bron.lijst),
}


def persoon(lijst: Persoonslijst, today: date, names: Iterable[str] | None = None) -> dict[str, Any]:
    """The ``Persoon`` of ``lijst`` as the API can deliver it on ``today``: every field, or only
    the top-level fields ``names`` (the rest of the answer is not worked out)."""
    bron = _Bron(lijst, today, lijst.actueel("01") or Voorkomen("01", 1, 0, {}), lijst.actueel("08"))
    wanted = _VELDEN if names is None else [name for name in names if name in _VELDEN]
    values = {name: _VELDEN[name](bron) for name in wanted}
    return group(values, True, _persoon_onderzoek(lijst)) or {}
