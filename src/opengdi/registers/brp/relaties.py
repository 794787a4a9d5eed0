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
from opengdi.registers.brp.catalogus import elementen, onderzoek_elementen
from opengdi.registers.brp.onderzoek import onderzoek_of
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.waarden import datum, exists, flags, land, plaats, tabelwaarde, tekst

_NAAM_ELEMENTS = ("02.10", "02.20", "02.30", "02.40")
_GEBOORTE_ELEMENTS = ("03.10", "03.20", "03.30")
#: Where a category's person is in the answer: the person itself, an ouder, a partner or a kind.
_PAD = {"01": "", "02": "ouders.", "03": "ouders.", "05": "partners.", "09": "kinderen."}


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
    onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen(f"{_PAD[cat]}naam", cat))
    element = elementen(f"{_PAD[cat]}naam", cat)
    values = {
        "voornamen": tekst(voorkomen.get(element["voornamen"])),
        "adellijkeTitelPredicaat": adellijke_titel(voorkomen.get(element["adellijkeTitelPredicaat"])),
        "voorvoegsel": tekst(voorkomen.get(element["voorvoegsel"])),
        "geslachtsnaam": namen.geslachtsnaam(voorkomen.get(element["geslachtsnaam"])),
        "voorletters": namen.voorletters(voorkomen.get(element["voorletters"])),
    }
    return group(values, exists(voorkomen, _NAAM_ELEMENTS), onderzoek)


def geboorte(voorkomen: Voorkomen) -> dict[str, Any] | None:
    """The ``geboorte`` group (datum, land, plaats) of a person or related person."""
    cat = voorkomen.categorie
    onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen(f"{_PAD[cat]}geboorte", cat))
    element = elementen(f"{_PAD[cat]}geboorte", cat)
    values = {
        "datum": datum(voorkomen.get(element["datum"])),
        "land": land(voorkomen.get(element["land"])),
        "plaats": plaats(voorkomen.get(element["plaats"])),
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
        onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen("ouders", categorie))
        element = elementen("ouders", categorie)
        values = {
            "burgerservicenummer": voorkomen.get(element["burgerservicenummer"]),
            "geslacht": tabelwaarde(voorkomen.get(element["geslacht"]), tabellen.GESLACHT),
            "ouderAanduiding": aanduiding,
            "datumIngangFamilierechtelijkeBetrekking": datum(
                voorkomen.get(element["datumIngangFamilierechtelijkeBetrekking"])
            ),
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
    onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen("partners"))
    aangaan_onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen("partners.aangaanHuwelijkPartnerschap"))
    sluiting = elementen("partners.aangaanHuwelijkPartnerschap", "05")
    aangaan = group(
        {
            "datum": datum(voorkomen.get(sluiting["datum"])),
            "land": land(voorkomen.get(sluiting["land"])),
            "plaats": plaats(voorkomen.get(sluiting["plaats"])),
        },
        exists(voorkomen, sluiting.values()),
        aangaan_onderzoek,
    )
    ontbinding_element = elementen("partners.ontbindingHuwelijkPartnerschap", "05")["datum"]
    ontbinding = group(
        {"datum": datum(voorkomen.get(ontbinding_element))},
        exists(voorkomen, (ontbinding_element,)),
        flags(onderzoek_of(voorkomen), onderzoek_elementen("partners.ontbindingHuwelijkPartnerschap")),
    )
    element = elementen("partners", "05")
    values = {
        "burgerservicenummer": voorkomen.get(element["burgerservicenummer"]),
        "geslacht": tabelwaarde(voorkomen.get(element["geslacht"]), tabellen.GESLACHT),
        "soortVerbintenis": tabelwaarde(tekst(voorkomen.get(element["soortVerbintenis"])), tabellen.SOORT_VERBINTENIS),
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
        onderzoek = flags(onderzoek_of(voorkomen), onderzoek_elementen("kinderen"))
        values = {
            "burgerservicenummer": voorkomen.get(elementen("kinderen", "09")["burgerservicenummer"]),
            "naam": naam_gerelateerde(voorkomen),
            "geboorte": geboorte(voorkomen),
        }
        result.append(group(values, True, onderzoek) or {})
    return result
