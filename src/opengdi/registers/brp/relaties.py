# SPDX-License-Identifier: EUPL-1.2
"""Ouders, partners and kinderen as the person's own persoonslijst records them.

Related persons are answered from categories 02/03 (ouders), 05 (huwelijk/partnerschap) and 09
(kinderen) of the asked person's persoonslijst, never from the related person's own list.
"""

from __future__ import annotations

from typing import Any

from opengdi.registers.brp import naam as namen
from opengdi.registers.brp import tabellen
from opengdi.registers.brp.antwoord import group
from opengdi.registers.brp.onderzoek import onderzoek_of
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.waarden import datum, exists, flags, land, plaats, tabelwaarde, tekst

_NAAM_ELEMENTS = ("02.10", "02.20", "02.30", "02.40")
_GEBOORTE_ELEMENTS = ("03.10", "03.20", "03.30")


def adellijke_titel(code: str | None) -> dict[str, str] | None:
    """``{"code", "omschrijving", "soort"}`` of tabel 38."""
    value = tabelwaarde(code, tabellen.table("adellijke_titels"))
    soort = tabellen.adellijke_titel_soort().get(code or "")
    if value is not None and soort:
        value["soort"] = soort
    return value


def naam_gerelateerde(voorkomen: Voorkomen) -> dict[str, Any] | None:
    """The ``naam`` group of a related person (or the base of a person's own name)."""
    cat = voorkomen.categorie
    onderzoek = flags(
        onderzoek_of(voorkomen),
        {
            "voornamen": [f"{cat}.02.10"],
            "adellijkeTitelPredicaat": [f"{cat}.02.20"],
            "voorvoegsel": [f"{cat}.02.30"],
            "geslachtsnaam": [f"{cat}.02.40"],
            "voorletters": [f"{cat}.02.10"],
        },
    )
    values = {
        "voornamen": tekst(voorkomen.get("02.10")),
        "adellijkeTitelPredicaat": adellijke_titel(voorkomen.get("02.20")),
        "voorvoegsel": tekst(voorkomen.get("02.30")),
        "geslachtsnaam": namen.geslachtsnaam(voorkomen.get("02.40")),
        "voorletters": namen.voorletters(voorkomen.get("02.10")),
    }
    return group(values, exists(voorkomen, _NAAM_ELEMENTS), onderzoek)


def geboorte(voorkomen: Voorkomen) -> dict[str, Any] | None:
    """The ``geboorte`` group (datum, land, plaats) of a person or related person."""
    cat = voorkomen.categorie
    onderzoek = flags(
        onderzoek_of(voorkomen),
        {
            "datum": [f"{cat}.03.10"],
            "plaats": [f"{cat}.03.20"],
            "land": [f"{cat}.03.30"],
        },
    )
    values = {
        "datum": datum(voorkomen.get("03.10")),
        "land": land(voorkomen.get("03.30")),
        "plaats": plaats(voorkomen.get("03.20")),
    }
    return group(values, exists(voorkomen, _GEBOORTE_ELEMENTS), onderzoek)


def _has_value(voorkomen: Voorkomen, groups: tuple[str, ...]) -> bool:
    return any(value and key[:2] in groups for key, value in voorkomen.elementen.items())


def ouders(lijst: Persoonslijst) -> list[dict[str, Any]]:
    """Ouder 1 (category 02) and ouder 2 (category 03), when anything is known of them."""
    result = []
    for categorie, aanduiding in (("02", "1"), ("03", "2")):
        voorkomen = lijst.actueel(categorie)
        if voorkomen is None or not _has_value(voorkomen, ("01", "02", "03", "04", "62")):
            continue
        onderzoek = flags(
            onderzoek_of(voorkomen),
            {
                "burgerservicenummer": [f"{categorie}.01.20"],
                "geslacht": [f"{categorie}.04.10"],
                "datumIngangFamilierechtelijkeBetrekking": [f"{categorie}.62.10"],
            },
        )
        values = {
            "burgerservicenummer": voorkomen.get("01.20"),
            "geslacht": tabelwaarde(voorkomen.get("04.10"), tabellen.GESLACHT),
            "ouderAanduiding": aanduiding,
            "datumIngangFamilierechtelijkeBetrekking": datum(voorkomen.get("62.10")),
            "naam": naam_gerelateerde(voorkomen),
            "geboorte": geboorte(voorkomen),
        }
        result.append(group(values, True, onderzoek) or {})
    return result


def actuele_partners(lijst: Persoonslijst) -> list[Voorkomen]:
    """The current marriages/partnerships, or else only the most recently dissolved one."""
    voorkomens = [item for item in lijst.actuele("05") if _has_value(item, ("01", "02", "03", "04", "06", "07", "15"))]
    current = [item for item in voorkomens if not item.has("07.10")]
    if current:
        return current
    dissolved = sorted(voorkomens, key=lambda item: item.get("07.10") or "")
    return dissolved[-1:]


def partner(voorkomen: Voorkomen) -> dict[str, Any]:
    """One partner (huwelijk or geregistreerd partnerschap)."""
    onderzoek = flags(
        onderzoek_of(voorkomen),
        {
            "burgerservicenummer": ["05.01.20"],
            "geslacht": ["05.04.10"],
            "soortVerbintenis": ["05.15.10"],
        },
    )
    aangaan_onderzoek = flags(
        onderzoek_of(voorkomen),
        {
            "datum": ["05.06.10"],
            "land": ["05.06.30"],
            "plaats": ["05.06.20"],
        },
    )
    aangaan = group(
        {
            "datum": datum(voorkomen.get("06.10")),
            "land": land(voorkomen.get("06.30")),
            "plaats": plaats(voorkomen.get("06.20")),
        },
        exists(voorkomen, ("06.10", "06.20", "06.30")),
        aangaan_onderzoek,
    )
    ontbinding = group(
        {"datum": datum(voorkomen.get("07.10"))},
        exists(voorkomen, ("07.10",)),
        flags(onderzoek_of(voorkomen), {"datum": ["05.07.10"]}),
    )
    values = {
        "burgerservicenummer": voorkomen.get("01.20"),
        "geslacht": tabelwaarde(voorkomen.get("04.10"), tabellen.GESLACHT),
        "soortVerbintenis": tabelwaarde(tekst(voorkomen.get("15.10")), tabellen.SOORT_VERBINTENIS),
        "naam": naam_gerelateerde(voorkomen),
        "geboorte": geboorte(voorkomen),
        "aangaanHuwelijkPartnerschap": aangaan,
        "ontbindingHuwelijkPartnerschap": ontbinding,
    }
    return group(values, True, onderzoek) or {}


def partners(lijst: Persoonslijst) -> list[dict[str, Any]]:
    """The partners the API delivers: current ones, or the last dissolved one."""
    return [partner(voorkomen) for voorkomen in actuele_partners(lijst)]


def kinderen(lijst: Persoonslijst) -> list[dict[str, Any]]:
    """The children with anything known in groups 01 (identity), 02 (naam) or 03 (geboorte)."""
    result = []
    for voorkomen in lijst.actuele("09"):
        if not _has_value(voorkomen, ("01", "02", "03")):
            continue
        onderzoek = flags(onderzoek_of(voorkomen), {"burgerservicenummer": ["09.01.20"]})
        values = {
            "burgerservicenummer": voorkomen.get("01.20"),
            "naam": naam_gerelateerde(voorkomen),
            "geboorte": geboorte(voorkomen),
        }
        result.append(group(values, True, onderzoek) or {})
    return result
