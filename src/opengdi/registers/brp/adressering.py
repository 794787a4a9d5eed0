# SPDX-License-Identifier: EUPL-1.2
"""The derived group ``adressering``: how to address a person in a letter, and the address lines.

``aanhef`` (salutation), ``aanschrijfwijze`` (name line, with an ``aanspreekvorm`` for nobility) and
``gebruikInLopendeTekst`` (the person in running text) combine the person's name with the name of
the partner that the ``aanduiding naamgebruik`` (61.10) refers to. In that order it is decided
whether the person may use a *hoffelijkheidstitel* (a woman using the name of a titled partner), her
or his own adellijke titel or predicaat, or neither. ``adresregel1`` to ``adresregel3`` and ``land``
follow NEN 5825 from the actual verblijfplaats (category 08). Fields whose source elements are in
onderzoek are flagged with the start date of the onderzoek on the person, partner or verblijfplaats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from opengdi.registers.brp import naam, tabellen
from opengdi.registers.brp.antwoord import InOnderzoek, group
from opengdi.registers.brp.catalogus import onderzoek_elementen
from opengdi.registers.brp.datum import datum
from opengdi.registers.brp.lo3 import is_digits
from opengdi.registers.brp.onderzoek import VERBLIJFT_NIET_OP_ADRES, onderzoek_of
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen

ONBEKEND_CODE: Final = "0000"
LAND_NEDERLAND: Final = "6030"

#: Titles of a partner that give a woman using his name a hoffelijkheidstitel.
_HOFFELIJKHEIDSTITELS: Final = frozenset({"B", "G", "H", "M", "P"})
_HOFFELIJKHEIDSVORMEN: Final = ("barones", "gravin", "hertogin", "markiezin", "prinses")

#: How a person without a title is addressed: (man, vrouw, geslacht onbekend, before the voorletters).
_AANHEF: Final = ("Geachte heer", "Geachte mevrouw", "Geachte")
_LOPENDE_TEKST: Final = ("de heer", "mevrouw", "")

#: The address fields: those of adressering taken from the verblijfplaats (category 08).
_ADRES_VELDEN: Final = tuple(onderzoek_elementen("adressering", "08"))
_PARTNER_GROEPEN: Final = frozenset({"01", "02", "03", "04", "06", "07", "15"})

_HOFFELIJKHEID: Final = "hoffelijkheidstitel"
_ADELLIJK: Final = "adellijk"
_GEWOON: Final = "gewoon"


@dataclass(frozen=True, slots=True)
class _Naam:
    """The name elements of the person or a partner."""

    voornamen: str | None
    titel: str | None
    voorvoegsel: str | None
    geslachtsnaam: str | None  # the standard value "." is read as unknown

    @classmethod
    def of(cls, voorkomen: Voorkomen) -> _Naam:
        return cls(
            voorkomen.get("02.10"),
            voorkomen.get("02.20"),
            voorkomen.get("02.30"),
            naam.geslachtsnaam(voorkomen.get("02.40")),
        )

    @property
    def achternaam(self) -> str:
        """Voorvoegsel and geslachtsnaam; empty when the geslachtsnaam is unknown."""
        if not self.geslachtsnaam:
            return ""
        return naam.join_words(self.voorvoegsel, self.geslachtsnaam) or ""

    @property
    def voorletters(self) -> str:
        return naam.voorletters(self.voornamen) or ""


@dataclass(frozen=True, slots=True)
class _Namen:
    """What the name fields of adressering are made of."""

    persoon: _Naam
    geslacht: str | None
    naamgebruik: str | None
    partner: _Naam | None
    partner_ontbonden: bool

    @property
    def eigen(self) -> str:
        return self.persoon.achternaam

    @property
    def partnernaam(self) -> str | None:
        """The partner's achternaam, ``None`` when there is no partner or the name is unknown."""
        return (self.partner.achternaam or None) if self.partner else None


# ----------------------------------------------------------------------------------------- the group
def adressering(lijst: Persoonslijst) -> dict[str, Any] | None:
    """The full ``adressering`` group of a person, or ``None`` when there is no person.

    Besides the API fields the dict holds ``_binnenland``: whether the verblijfplaats is not abroad
    (for the ``adresseringBinnenland`` alias); keys starting with ``_`` are never rendered.
    """
    persoon = lijst.actueel("01")
    if persoon is None:
        return None
    partner = partner_voor_naamgebruik(lijst)
    verblijfplaats = lijst.actueel("08")
    namen = _namen(persoon, partner)
    values: dict[str, Any] = {
        "aanhef": _aanhef(namen),
        "aanschrijfwijze": _aanschrijfwijze(namen),
        "gebruikInLopendeTekst": _gebruik_in_lopende_tekst(namen),
        **adresregels(verblijfplaats),
    }
    values["indicatieVastgesteldVerblijftNietOpAdres"] = _verblijft_niet_op_adres(verblijfplaats, values)
    values["_binnenland"] = not _is_buitenland(verblijfplaats)
    return group(values, True, in_onderzoek(persoon, partner, verblijfplaats, namen.naamgebruik))


def _namen(persoon: Voorkomen, partner: Voorkomen | None) -> _Namen:
    return _Namen(
        persoon=_Naam.of(persoon),
        geslacht=persoon.get("04.10"),
        naamgebruik=persoon.get("61.10"),
        partner=_Naam.of(partner) if partner is not None else None,
        partner_ontbonden=partner is not None and _is_ontbonden(partner),
    )


# ----------------------------------------------------------------------------------------- partner
def partner_voor_naamgebruik(lijst: Persoonslijst) -> Voorkomen | None:
    """The partner whose name the naamgebruik refers to (actual voorkomen of its stapel).

    With actual (not dissolved) relations: the first one entered into (oldest datum
    huwelijkssluiting, an unknown date counting as oldest); otherwise the last dissolved relation.
    """
    partners = [voorkomen for voorkomen in lijst.actuele("05") if _is_partner(voorkomen)]
    actueel = [voorkomen for voorkomen in partners if not _is_ontbonden(voorkomen)]
    if actueel:
        return _oudste_relatie(actueel)
    ontbonden = [voorkomen for voorkomen in partners if _is_ontbonden(voorkomen)]
    return max(ontbonden, key=lambda voorkomen: voorkomen.get("07.10") or "", default=None)


def _is_partner(voorkomen: Voorkomen) -> bool:
    return any(value and key[:2] in _PARTNER_GROEPEN for key, value in voorkomen.elementen.items())


def _is_ontbonden(voorkomen: Voorkomen) -> bool:
    return any(voorkomen.has(element) for element in ("07.10", "07.20", "07.30", "07.40"))


def _oudste_relatie(partners: Sequence[Voorkomen]) -> Voorkomen:
    oudste = partners[0]
    for partner in partners[1:]:
        sluiting, huidige = partner.get("06.10"), oudste.get("06.10")
        if sluiting is not None and huidige is not None and sluiting < huidige:
            oudste = partner
    return oudste


# ----------------------------------------------------------------------------------------- which form
def _vorm(namen: _Namen) -> str:
    """Whether a hoffelijkheidstitel, the person's own title or predicaat, or no title is used."""
    if _is_hoffelijkheidstitel(namen):
        return _HOFFELIJKHEID
    if namen.persoon.titel and not _titel_vervalt(namen):
        return _ADELLIJK
    return _GEWOON


def _is_hoffelijkheidstitel(namen: _Namen) -> bool:
    """A woman using her partner's name whose partner's title has a female courtesy form."""
    eigen_titel = namen.persoon.titel
    return (
        namen.geslacht == "V"
        and namen.naamgebruik != "E"
        and (not eigen_titel or _is_titel(eigen_titel))
        and namen.partner is not None
        and namen.partner.titel in _HOFFELIJKHEIDSTITELS
    )


def _titel_vervalt(namen: _Namen) -> bool:
    """Whether the own title or predicaat is dropped (partner's name only, or a jonkvrouw with a partner)."""
    if namen.partner is not None and namen.naamgebruik == "P":
        return True
    if not (naam.is_predicaat(namen.persoon.titel) and namen.geslacht == "V" and namen.partner):
        return False
    return not namen.partner_ontbonden or namen.naamgebruik != "E"


def _is_titel(code: str | None) -> bool:
    return tabellen.adellijke_titel_soort().get(code or "") == "titel"


def _titel_vorm(code: str | None, geslacht: str | None) -> str:
    """The title or predicaat in the form for ``geslacht``; empty when there is none (sex O, a female ridder)."""
    if code == "R" and geslacht == "V":
        return ""
    return naam.vorm(code, geslacht) or ""


def _aanhef_titel(code: str | None, geslacht: str | None) -> str | None:
    """``Hoogwelgeboren heer``, ``Hooggeboren vrouwe``, ``Hoogheid`` … for a title and sex."""
    if code in ("P", "PS") and geslacht in ("M", "V", "O"):
        return "Hoogheid"
    if code not in naam.VORMEN or geslacht not in ("M", "V"):
        return None
    hoog = "Hooggeboren" if code in ("G", "GI") else "Hoogwelgeboren"
    return f"{hoog} {'heer' if geslacht == 'M' else 'vrouwe'}"


def _aanspreekvorm(code: str | None, geslacht: str | None) -> str | None:
    """The aanspreekvorm of aanschrijfwijze (``De hoogwelgeboren heer`` …); none for a female ridder."""
    titel = None if code == "R" and geslacht == "V" else _aanhef_titel(code, geslacht)
    return f"De {titel.lower()}" if titel else None


# ----------------------------------------------------------------------------------------- name fields
def _aanhef(namen: _Namen) -> str | None:
    """The salutation of a letter: ``Geachte mevrouw Van Velzen-in het Veld``, ``Hoogwelgeboren heer``."""
    vorm = _vorm(namen)
    if vorm == _HOFFELIJKHEID:
        assert namen.partner is not None
        return _aanhef_titel(namen.partner.titel, "V")
    if vorm == _ADELLIJK:
        titel = _aanhef_titel(namen.persoon.titel, namen.geslacht)
        if titel:
            return titel
    return _aangesproken(namen, _AANHEF)


def _gebruik_in_lopende_tekst(namen: _Namen) -> str | None:
    """The person in running text: ``mevrouw In het Veld``, ``barones van den Aedel-de Boer``."""
    vorm = _vorm(namen)
    if vorm == _HOFFELIJKHEID:
        return _tekst_hoffelijkheidstitel(namen)
    if vorm == _ADELLIJK and _titel_vorm(namen.persoon.titel, namen.geslacht):
        return _tekst_adellijk(namen)
    return _aangesproken(namen, _LOPENDE_TEKST)


def _aanschrijfwijze(namen: _Namen) -> dict[str, str] | None:
    """The name line (``naam``) and, for nobility, the line above it (``aanspreekvorm``)."""
    vorm = _vorm(namen)
    if vorm == _HOFFELIJKHEID:
        assert namen.partner is not None
        vorm_partner = _aanspreekvorm(namen.partner.titel, namen.geslacht) if namen.partnernaam else None
        return _object(_naam_hoffelijkheidstitel(namen), vorm_partner)
    if vorm == _ADELLIJK:
        titel = namen.persoon.titel
        samengesteld = _naam_adellijk(namen) if _is_titel(titel) else _naam_predicaat(namen)
        return _object(samengesteld, _aanspreekvorm(titel, namen.geslacht))
    if _eigen_naam_onbekend(namen):
        return None
    samengesteld = _samenstellen(namen, namen.eigen, namen.partnernaam, None)
    if samengesteld is None:
        return None
    return _object(_hoofdletter(_schoon(f"{namen.persoon.voorletters} {samengesteld}")))


def _object(samengesteld: str | None, aanspreekvorm: str | None = None) -> dict[str, str] | None:
    result = {"naam": samengesteld, "aanspreekvorm": aanspreekvorm}
    return {key: value for key, value in result.items() if value} or None


def _eigen_naam_onbekend(namen: _Namen) -> bool:
    """The own geslachtsnaam is unknown while the person does not use only the partner's name."""
    return not namen.persoon.geslachtsnaam and namen.naamgebruik != "P"


def _samenstellen(namen: _Namen, eigen: str, partner: str | None, standaard: str | None) -> str | None:
    """``eigen`` and ``partner`` combined per aanduiding naamgebruik; the own name alone when the
    partner's name is unknown, ``standaard`` for another (or no) aanduiding."""
    if partner is None:
        return eigen
    vormen = {"E": eigen, "P": partner, "V": f"{partner}-{eigen}", "N": f"{eigen}-{partner}"}
    return vormen.get(namen.naamgebruik or "", standaard)


def _aangesproken(namen: _Namen, aanspreking: tuple[str, str, str]) -> str | None:
    """Aanhef or lopende tekst without a title: ``<heer|mevrouw|voorletters> <samengestelde naam>``."""
    if _eigen_naam_onbekend(namen):
        return None
    samengesteld = _samenstellen(namen, namen.eigen, namen.partnernaam, namen.eigen) or ""
    heer, mevrouw, onbekend = aanspreking
    voorletters = namen.persoon.voorletters
    if namen.geslacht == "M":
        return _schoon(f"{heer} {_hoofdletter(samengesteld)}")
    if namen.geslacht == "V":
        return _schoon(f"{mevrouw} {_hoofdletter(samengesteld)}")
    if namen.geslacht == "O" and voorletters:
        return _schoon(f"{onbekend} {voorletters} {samengesteld}")
    if namen.geslacht == "O":
        return _schoon(f"{onbekend} {_hoofdletter(samengesteld)}")
    return None


def _met_titel(code: str | None, geslacht: str | None, achternaam: str) -> str:
    return f"{_titel_vorm(code, geslacht)} {achternaam}".strip()


def _hoffelijk(namen: _Namen) -> tuple[str, str | None]:
    """Own name with own title, and the partner's name with the courtesy title (``None`` if unknown)."""
    assert namen.partner is not None
    eigen = _met_titel(namen.persoon.titel, namen.geslacht, namen.eigen)
    partner = _met_titel(namen.partner.titel, namen.geslacht, namen.partner.achternaam)
    return eigen, partner if namen.partnernaam else None


def _naam_hoffelijkheidstitel(namen: _Namen) -> str | None:
    eigen, partner = _hoffelijk(namen)
    samengesteld = _samenstellen(namen, eigen, partner, None)
    return _schoon(f"{namen.persoon.voorletters} {samengesteld}") if samengesteld is not None else None


def _tekst_hoffelijkheidstitel(namen: _Namen) -> str | None:
    eigen, partner = _hoffelijk(namen)
    samengesteld = _samenstellen(namen, eigen, partner, eigen) or ""
    if samengesteld.startswith(_HOFFELIJKHEIDSVORMEN):
        return _schoon(samengesteld)
    return _schoon(f"mevrouw {_hoofdletter(samengesteld)}")


def _naam_adellijk(namen: _Namen) -> str | None:
    """``VL AT VV GN`` combined with the partner's name (without the partner's title)."""
    eigen = _met_titel(namen.persoon.titel, namen.geslacht, namen.eigen)
    samengesteld = _samenstellen(namen, eigen, namen.partnernaam, None)
    return _schoon(f"{namen.persoon.voorletters} {samengesteld}") if samengesteld is not None else None


def _naam_predicaat(namen: _Namen) -> str | None:
    """``PK VL VV GN``; with the partner's name first: ``VL VP GP-PK VV GN``."""
    predicaat = _titel_vorm(namen.persoon.titel, namen.geslacht)
    voorletters, partner = namen.persoon.voorletters, namen.partnernaam
    if partner is not None and namen.naamgebruik == "V":
        return _hoofdletter(_schoon(f"{voorletters} {partner}-{predicaat} {namen.eigen}"))
    samengesteld = _samenstellen(namen, f"{predicaat} {voorletters} {namen.eigen}", partner, None)
    return _hoofdletter(_schoon(samengesteld)) if samengesteld is not None else None


def _tekst_adellijk(namen: _Namen) -> str | None:
    titel = _titel_vorm(namen.persoon.titel, namen.geslacht)
    eigen = f"{titel} {namen.eigen}"
    samengesteld = _samenstellen(namen, eigen, namen.partnernaam, eigen) or ""
    if samengesteld.startswith(titel):
        return _schoon(samengesteld)
    return _schoon(f"{'de heer' if namen.geslacht == 'M' else 'mevrouw'} {_hoofdletter(samengesteld)}")


def _schoon(text: str | None) -> str | None:
    """Without double spaces, spaces after a hyphen and leading/trailing spaces; ``None`` when empty."""
    if text is None:
        return None
    text = re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()
    return text or None


def _hoofdletter(text: str | None) -> str | None:
    """``text`` with its first character in upper case."""
    if not text:
        return text
    first = text[0].upper()
    return (first if len(first) == 1 else text[0]) + text[1:]


def _hoofdletters(text: str) -> str:
    """``text`` in upper case, character by character (``ß`` stays)."""
    return "".join(char.upper() if len(char.upper()) == 1 else char for char in text)


# ----------------------------------------------------------------------------------------- address lines
def adresregels(verblijfplaats: Voorkomen | None) -> dict[str, Any]:
    """``adresregel1``-``3`` and ``land`` (NEN 5825) of the verblijfplaats; absent ones are ``None``."""
    if verblijfplaats is None:
        return dict.fromkeys(_ADRES_VELDEN)
    if _is_adres(verblijfplaats):
        return _binnenland(_adresregel1(verblijfplaats), _adresregel2(verblijfplaats))
    if verblijfplaats.has("12.10"):
        return _binnenland(verblijfplaats.get("12.10"), _gemeentenaam(verblijfplaats))
    return _buitenland(verblijfplaats)


def _binnenland(regel1: str | None, regel2: str | None) -> dict[str, Any]:
    return {"adresregel1": regel1, "adresregel2": regel2, "adresregel3": None, "land": None}


def _is_adres(verblijfplaats: Voorkomen) -> bool:
    """A Dutch address: straatnaam and huisnummer without their standard values."""
    straat, huisnummer = verblijfplaats.get("11.10"), verblijfplaats.get("11.20")
    return straat not in (None, ".") and _huisnummer(huisnummer) is not None


def _huisnummer(value: str | None) -> int | None:
    return int(value) if value and is_digits(value) and int(value) > 0 else None


def _adresregel1(adres: Voorkomen) -> str:
    """``straat [bij|t/o] huisnummer [huisletter][toevoeging]``; a numeric toevoeging after ``-``."""
    regel = adres.get("11.10") or ""
    regel += {"to": " t/o", "by": " bij"}.get(adres.get("11.50") or "", "")
    regel += f" {_huisnummer(adres.get('11.20'))}"
    huisletter, toevoeging = adres.get("11.30"), adres.get("11.40")
    if huisletter:
        regel += f" {huisletter}"
    if toevoeging:
        regel += toevoeging if huisletter else ("-" if toevoeging[0].isdigit() else " ") + toevoeging
    return regel


def _adresregel2(adres: Voorkomen) -> str | None:
    """``1234 AB  WOONPLAATS`` (municipality of registration when there is no woonplaats)."""
    postcode = adres.get("11.60")
    if not postcode:
        return None
    plaats = adres.get("11.70") or tabellen.omschrijving("gemeenten", _gemeentecode(adres) or "") or ""
    return f"{postcode[:4]} {postcode[4:]}  {_hoofdletters(plaats)}".rstrip()


def _gemeentecode(verblijfplaats: Voorkomen) -> str | None:
    code = verblijfplaats.get("09.10")
    return None if code == ONBEKEND_CODE else code


def _gemeentenaam(verblijfplaats: Voorkomen) -> str | None:
    omschrijving = tabellen.omschrijving("gemeenten", _gemeentecode(verblijfplaats) or "")
    return _hoofdletters(omschrijving) if omschrijving else None


def _buitenland(verblijfplaats: Voorkomen) -> dict[str, Any]:
    """Regels 1-3 and land of an address abroad; nothing when the land is unknown or there are no regels."""
    land = verblijfplaats.get("13.10")
    regels = [verblijfplaats.get(element) for element in ("13.30", "13.40", "13.50")]
    if land in (None, ONBEKEND_CODE) or not any(regels):
        return dict.fromkeys(_ADRES_VELDEN)
    assert land is not None
    return {
        "adresregel1": regels[0],
        "adresregel2": regels[1],
        "adresregel3": regels[2],
        "land": None if land == LAND_NEDERLAND else _land(land),
    }


def _land(code: str) -> dict[str, str]:
    omschrijving = tabellen.omschrijving("landen", code)
    return {"code": code, "omschrijving": omschrijving} if omschrijving else {"code": code}


def _is_buitenland(verblijfplaats: Voorkomen | None) -> bool:
    """Whether the verblijfplaats is abroad: no adres or locatie, and a known land (13.10)."""
    if verblijfplaats is None or verblijfplaats.has("11.10") or verblijfplaats.has("12.10"):
        return False
    return verblijfplaats.get("13.10") not in (None, ONBEKEND_CODE)


def _verblijft_niet_op_adres(verblijfplaats: Voorkomen | None, values: Mapping[str, Any]) -> bool | None:
    """``True`` when it was established that the person does not live at the address (83.10 ``089999``)
    and there is an address line to deliver."""
    onderzoek = onderzoek_of(verblijfplaats)
    if onderzoek is None or onderzoek.aanduiding != VERBLIJFT_NIET_OP_ADRES:
        return None
    return True if any(values.get(veld) for veld in _ADRES_VELDEN) else None


# ----------------------------------------------------------------------------------------- in onderzoek
def in_onderzoek(
    persoon: Voorkomen, partner: Voorkomen | None, verblijfplaats: Voorkomen | None, naamgebruik: str | None
) -> InOnderzoek:
    """The adressering fields whose source elements are in onderzoek.

    The name fields follow the person's name, sex and naamgebruik, and the name of the partner used
    for naamgebruik (unless the person uses the own name, ``E``); the address lines follow the
    verblijfplaats (``089999`` covers all of them).
    """
    result = InOnderzoek()
    _flag(result, persoon, onderzoek_elementen("adressering", "01"), "datumIngangOnderzoekPersoon")
    if naamgebruik != "E":
        _flag(result, partner, onderzoek_elementen("adressering", "05"), "datumIngangOnderzoekPartner")
    _flag(result, verblijfplaats, onderzoek_elementen("adressering", "08"), "datumIngangOnderzoekVerblijfplaats")
    return result


def _flag(into: InOnderzoek, voorkomen: Voorkomen | None, velden: Mapping[str, Sequence[str]], date_key: str) -> None:
    onderzoek = onderzoek_of(voorkomen)
    if onderzoek is None:
        return
    ingang = datum(onderzoek.datum_ingang)
    for veld, elementen in velden.items():
        if onderzoek.covers_any(elementen):
            into.flag(veld, date_key, ingang)
