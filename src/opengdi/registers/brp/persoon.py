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


def is_afgevoerd(lijst: Persoonslijst) -> bool:
    """Whether the persoonslijst was withdrawn (fout) or logically deleted; it is never delivered."""
    return lijst.element("07", "67.20") in AFGEVOERD


def _naam(persoon: Voorkomen) -> dict[str, Any] | None:
    base = naam_gerelateerde(persoon)  # flags every naam field of the person, volledigeNaam included
    in_onderzoek = base.pop("inOnderzoek", InOnderzoek()) if base else InOnderzoek()
    values = {
        **(base or {}),
        "volledigeNaam": namen.volledige_naam(
            persoon.get("02.10"), persoon.get("02.20"), persoon.get("02.30"), persoon.get("02.40"), persoon.get("04.10")
        ),
        "aanduidingNaamgebruik": tabelwaarde(persoon.get("61.10"), tabellen.NAAMGEBRUIK),
    }
    return group(values, base is not None or exists(persoon, ("61.10",)), in_onderzoek)


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
    if voorkomen is None or not voorkomen.has("39.10") or voorkomen.get("39.10") == "98":
        return None
    if has_ended(voorkomen.get("39.20"), today):
        return None
    return group(
        {
            "aanduiding": tabelwaarde(voorkomen.get("39.10"), tabellen.table("verblijfstitels")),
            "datumEinde": datum(voorkomen.get("39.20")),
            "datumIngang": datum(voorkomen.get("39.30")),
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
    bijzonder = voorkomen.get("65.10")
    if bijzonder in _BIJZONDER:
        return _BIJZONDER[bijzonder]
    code = voorkomen.get("05.10")
    if not code:
        return None
    return _SPECIALE_NATIONALITEIT.get(code, "Nationaliteit")


def _nationaliteit(voorkomen: Voorkomen) -> dict[str, Any] | None:
    soort = nationaliteit_soort(voorkomen)
    if soort is None or voorkomen.has("64.10"):
        return None
    values = {
        "type": soort,
        "nationaliteit": landelijke_tabel("nationaliteiten", voorkomen.get("05.10"))
        if soort == "Nationaliteit"
        else None,
        "redenOpname": _reden_opname(voorkomen.get("63.10")),
        "datumIngangGeldigheid": datum(voorkomen.get("85.10")),
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
    voorkomen = bron.lijst.actueel("13")
    if voorkomen is None or not voorkomen.has("38.10") or has_ended(voorkomen.get("38.20"), bron.today):
        return None
    return group(
        {
            "uitgeslotenVanKiesrecht": voorkomen.get("38.10") == "A" or None,
            "einddatum": datum(voorkomen.get("38.20")),
        },
        True,
    )


def _europees_kiesrecht(bron: _Bron) -> dict[str, Any] | None:
    voorkomen = bron.lijst.actueel("13")
    if voorkomen is None or not voorkomen.has("31.10") or has_ended(voorkomen.get("31.30"), bron.today):
        return None
    return group(
        {
            "aanduiding": tabelwaarde(voorkomen.get("31.10"), tabellen.EUROPEES_KIESRECHT),
            "einddatumUitsluiting": datum(voorkomen.get("31.30")),
        },
        True,
    )


def _rni(lijst: Persoonslijst) -> list[dict[str, Any]]:
    voorkomens = [lijst.actueel("01"), *_nationaliteiten(lijst), lijst.actueel("06"), lijst.actueel("08")]
    result = []
    for voorkomen in voorkomens:
        if voorkomen is None or not voorkomen.has("88.10"):
            continue
        result.append(
            group(
                {
                    "deelnemer": landelijke_tabel("rni_deelnemers", voorkomen.get("88.10")),
                    "omschrijvingVerdrag": voorkomen.get("88.20"),
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
                "reden": tabelwaarde(voorkomen.get("67.20"), tabellen.REDEN_OPSCHORTING),
                "datum": datum(voorkomen.get("67.10")),
            },
            has_any(voorkomen, ("67.10", "67.20")),
        )
        if voorkomen
        else None
    )


def _verificatie(bron: _Bron) -> dict[str, Any] | None:
    voorkomen = bron.lijst.actueel("07")
    return (
        group(
            {
                "datum": datum(voorkomen.get("71.10")),
                "omschrijving": voorkomen.get("71.20"),
            },
            voorkomen.has("71.10") or voorkomen.has("71.20"),
        )
        if voorkomen
        else None
    )


def _geheimhouding(bron: _Bron) -> bool | None:
    geheim = bron.lijst.element("07", "70.10")
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
    "aNummer": lambda bron: bron.persoon.get("01.10"),
    "burgerservicenummer": lambda bron: bron.persoon.get("01.20"),
    "geslacht": lambda bron: tabelwaarde(bron.persoon.get("04.10"), tabellen.GESLACHT),
    "leeftijd": lambda bron: None if is_overleden(bron.lijst) else leeftijd(bron.persoon.get("03.10"), bron.today),
    "naam": lambda bron: _naam(bron.persoon),
    "geboorte": lambda bron: geboorte(bron.persoon),
    "datumEersteInschrijvingGBA": lambda bron: datum(bron.lijst.element("07", "68.10")),
    "geheimhoudingPersoonsgegevens": _geheimhouding,
    "opschortingBijhouding": _opschorting,
    "verificatie": _verificatie,
    "overlijden": lambda bron: _overlijden(bron.lijst.actueel("06")),
    "verblijfplaats": lambda bron: verblijfplaats(bron.verblijf),
    "immigratie": lambda bron: immigratie(bron.verblijf),
    "gemeenteVanInschrijving": lambda bron: gemeente(bron.verblijf_element("09.10")),
    "datumInschrijvingInGemeente": lambda bron: datum(bron.verblijf_element("09.20")),
    "adressering": lambda bron: adressering(bron.lijst),
    "indicatieCurateleRegister": lambda bron: True if _gezag_element(bron, "33.10") == "1" else None,
    "indicatieGezagMinderjarige": lambda bron: tabelwaarde(
        _gezag_element(bron, "32.10"), tabellen.table("gezagsverhoudingen")
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
