# SPDX-License-Identifier: EUPL-1.2
"""Derived name fields: voorletters, volledige naam and the forms of adellijke titels/predicaten."""

from __future__ import annotations

import re

from opengdi.registers.brp import tabellen

STANDAARD_GESLACHTSNAAM = "."

#: Title or predicaat code → (male form, female form).
VORMEN = {
    "B": ("baron", "barones"),
    "BS": ("baron", "barones"),
    "G": ("graaf", "gravin"),
    "GI": ("graaf", "gravin"),
    "H": ("hertog", "hertogin"),
    "HI": ("hertog", "hertogin"),
    "M": ("markies", "markiezin"),
    "MI": ("markies", "markiezin"),
    "P": ("prins", "prinses"),
    "PS": ("prins", "prinses"),
    "R": ("ridder", "ridder"),
    "JH": ("jonkheer", "jonkvrouw"),
    "JV": ("jonkheer", "jonkvrouw"),
}


def voorletters(voornamen: str | None) -> str | None:
    """One letter per voornaam followed by a dot; a one-letter voornaam gets no dot (``J P``, ``S.Q``)."""
    if not voornamen:
        return None
    result = ""
    for naam in voornamen.split():
        if result and not result.endswith("."):
            result += " "
        result += naam[0] if len(naam) == 1 else f"{naam[0]}."
    return result or None


def geslachtsnaam(value: str | None) -> str | None:
    """The geslachtsnaam without its standard value ``.`` (unknown)."""
    return None if value in (None, "", STANDAARD_GESLACHTSNAAM) else value


def vorm(code: str | None, geslacht: str | None) -> str | None:
    """The form of a title or predicaat for a man (M) or a woman (V); ``None`` for another sex."""
    vormen = VORMEN.get(code or "")
    if vormen is None or geslacht not in ("M", "V"):
        return None
    return vormen[0] if geslacht == "M" else vormen[1]


def titel_vorm(code: str | None, geslacht: str | None) -> str | None:
    """The lower-case form of a title or predicaat for the person's sex (table form when unknown)."""
    if not code:
        return None
    description = tabellen.omschrijving("adellijke_titels", code)
    return vorm(code, geslacht) or (description.lower() if description else None)


def is_predicaat(code: str | None) -> bool:
    """Whether ``code`` is a predicaat (jonkheer/jonkvrouw) rather than a title."""
    return bool(code) and tabellen.adellijke_titel_soort().get(code or "") == "predicaat"


def join_words(*parts: str | None) -> str | None:
    """The non-empty parts joined by single spaces, ``None`` when nothing remains."""
    text = re.sub(r"\s+", " ", " ".join(part for part in parts if part)).strip()
    return text or None


def volledige_naam(
    voornamen: str | None, titel: str | None, voorvoegsel: str | None, naam: str | None, geslacht: str | None
) -> str | None:
    """Predicaat, voornamen, adellijke titel, voorvoegsel and geslachtsnaam, in that order."""
    vorm = titel_vorm(titel, geslacht)
    if is_predicaat(titel):
        return join_words(vorm, voornamen, voorvoegsel, geslachtsnaam(naam))
    return join_words(voornamen, vorm, voorvoegsel, geslachtsnaam(naam))
