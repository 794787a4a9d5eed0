# SPDX-License-Identifier: EUPL-1.2
"""A persoonslijst as a Haal Centraal ``Persoon``: every field the API can deliver, before ``fields``.

The answer is built from the actual voorkomens only; historical and corrected voorkomens are kept
in the registry but are not part of this API's answers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from opengdi.registers.brp import naam as namen
from opengdi.registers.brp import tabellen
from opengdi.registers.brp.adressering import adressering
from opengdi.registers.brp.antwoord import InOnderzoek, group
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
    base = naam_gerelateerde(persoon)
    onderzoek = onderzoek_of(persoon)
    in_onderzoek = base.pop("inOnderzoek", InOnderzoek()) if base else InOnderzoek()
    flags(
        onderzoek,
        {
            "volledigeNaam": ["01.02.10", "01.02.20", "01.02.30", "01.02.40", "01.04.10"],
            "aanduidingNaamgebruik": ["01.61.10"],
        },
        into=in_onderzoek,
    )
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
    return group(
        {
            "datum": datum(voorkomen.get("08.10")),
            "land": landelijke_tabel("landen", voorkomen.get("08.30")),
            "plaats": plaats(voorkomen.get("08.20")),
        },
        exists(voorkomen, ("08.10", "08.20", "08.30")),
        flags(onderzoek_of(voorkomen), {"datum": ["06.08.10"], "land": ["06.08.30"], "plaats": ["06.08.20"]}),
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
        flags(
            onderzoek_of(voorkomen),
            {
                "aanduiding": ["10.39.10"],
                "datumEinde": ["10.39.20"],
                "datumIngang": ["10.39.30"],
            },
        ),
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
    spec = {"type": ["04.05.10", "04.65.10"], "redenOpname": ["04.63.10"]}
    if soort == "Nationaliteit":
        spec["nationaliteit"] = ["04.05.10"]
    return group(values, True, flags(onderzoek_of(voorkomen), spec))


def _reden_opname(code: str | None) -> dict[str, str] | None:
    return None if code == "000" else tabelwaarde(code, tabellen.table("redenen_nationaliteit"))


def _nationaliteiten(lijst: Persoonslijst) -> list[Voorkomen]:
    return [voorkomen for voorkomen in lijst.actuele("04") if _nationaliteit(voorkomen) is not None]


def _kiesrecht(lijst: Persoonslijst, today: date) -> dict[str, Any]:
    voorkomen = lijst.actueel("13")
    if voorkomen is None:
        return {}
    uitsluiting = europees = None
    if voorkomen.has("38.10") and not has_ended(voorkomen.get("38.20"), today):
        uitsluiting = {
            "uitgeslotenVanKiesrecht": voorkomen.get("38.10") == "A" or None,
            "einddatum": datum(voorkomen.get("38.20")),
        }
    if voorkomen.has("31.10") and not has_ended(voorkomen.get("31.30"), today):
        europees = {
            "aanduiding": tabelwaarde(voorkomen.get("31.10"), tabellen.EUROPEES_KIESRECHT),
            "einddatumUitsluiting": datum(voorkomen.get("31.30")),
        }
    return {
        "uitsluitingKiesrecht": group(uitsluiting or {}, uitsluiting is not None),
        "europeesKiesrecht": group(europees or {}, europees is not None),
    }


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


def _inschrijving(lijst: Persoonslijst) -> dict[str, Any]:
    voorkomen = lijst.actueel("07")
    if voorkomen is None:
        return {}
    geheim = voorkomen.get("70.10")
    opschorting = group(
        {
            "reden": tabelwaarde(voorkomen.get("67.20"), tabellen.REDEN_OPSCHORTING),
            "datum": datum(voorkomen.get("67.10")),
        },
        has_any(voorkomen, ("67.10", "67.20")),
    )
    verificatie = group(
        {
            "datum": datum(voorkomen.get("71.10")),
            "omschrijving": voorkomen.get("71.20"),
        },
        voorkomen.has("71.10") or voorkomen.has("71.20"),
    )
    return {
        "datumEersteInschrijvingGBA": datum(voorkomen.get("68.10")),
        "geheimhoudingPersoonsgegevens": True if geheim and geheim != "0" else None,
        "opschortingBijhouding": opschorting or None,
        "verificatie": verificatie or None,
    }


def _gezagsverhouding(voorkomen: Voorkomen | None) -> dict[str, Any]:
    if voorkomen is None:
        return {}
    return {
        "indicatieCurateleRegister": True if voorkomen.get("33.10") == "1" else None,
        "indicatieGezagMinderjarige": tabelwaarde(voorkomen.get("32.10"), tabellen.table("gezagsverhoudingen")),
    }


def _persoon_onderzoek(lijst: Persoonslijst) -> InOnderzoek:
    result = InOnderzoek()
    flags(
        onderzoek_of(lijst.actueel("01")),
        {
            "burgerservicenummer": ["01.01.20"],
            "geslacht": ["01.04.10"],
            "leeftijd": ["01.03.10"],
        },
        PERSOON_DATUM,
        into=result,
    )
    flags(
        onderzoek_of(lijst.actueel("08")),
        {
            "gemeenteVanInschrijving": ["08.09.10"],
            "datumInschrijvingInGemeente": ["08.09.20"],
        },
        GEMEENTE_DATUM,
        into=result,
    )
    flags(
        onderzoek_of(lijst.actueel("11")),
        {
            "indicatieCurateleRegister": ["11.33.10"],
            "indicatieGezagMinderjarige": ["11.32.10"],
        },
        GEZAG_DATUM,
        into=result,
    )
    return result


def persoon(lijst: Persoonslijst, today: date) -> dict[str, Any]:
    """The whole ``Persoon`` of ``lijst`` as the API can deliver it on ``today``."""
    persoon_voorkomen = lijst.actueel("01") or Voorkomen("01", 1, 0, {})
    verblijf = lijst.actueel("08")
    overleden = is_overleden(lijst)
    values: dict[str, Any] = {
        "aNummer": persoon_voorkomen.get("01.10"),
        "burgerservicenummer": persoon_voorkomen.get("01.20"),
        "geslacht": tabelwaarde(persoon_voorkomen.get("04.10"), tabellen.GESLACHT),
        "leeftijd": None if overleden else leeftijd(persoon_voorkomen.get("03.10"), today),
        "naam": _naam(persoon_voorkomen),
        "geboorte": geboorte(persoon_voorkomen),
        **_inschrijving(lijst),
        "overlijden": _overlijden(lijst.actueel("06")),
        "verblijfplaats": verblijfplaats(verblijf),
        "immigratie": immigratie(verblijf),
        "gemeenteVanInschrijving": gemeente(verblijf.get("09.10")) if verblijf else None,
        "datumInschrijvingInGemeente": datum(verblijf.get("09.20")) if verblijf else None,
        "adressering": adressering(lijst),
        **_gezagsverhouding(lijst.actueel("11")),
        "verblijfstitel": _verblijfstitel(lijst.actueel("10"), today),
        **_kiesrecht(lijst, today),
        "nationaliteiten": [item for item in map(_nationaliteit, lijst.actuele("04")) if item is not None],
        "kinderen": kinderen(lijst),
        "ouders": ouders(lijst),
        "partners": partners(lijst),
        "rni": _rni(lijst),
    }
    return group(values, True, _persoon_onderzoek(lijst)) or {}
