# SPDX-License-Identifier: EUPL-1.2
"""Search keys of a persoonslijst and the normalisation of searched text.

Searching the BRP is case-insensitive. A search term without diacritics matches names with and
without them; a letter with a diacritic in the term matches only that letter with that diacritic
(``Brandus`` finds Brandus and Brănduş, ``Brănduş`` only Brănduş). So each searchable name is kept
twice: folded with :func:`fold` (lower case, no diacritics) and lowered with :func:`lowered` (lower
case, diacritics kept); a term is compared with the folded key, and its letters with diacritics
with the lowered key (:func:`diacritic_pattern`). Keys come from the actual voorkomens only.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from opengdi.registers.brp.invoer import identifying_bsn
from opengdi.registers.brp.lo3 import is_digits
from opengdi.registers.brp.persoonslijst import Persoonslijst


def fold(text: str) -> str:
    """Lower case without diacritics: ``Brănduş`` becomes ``brandus``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def lowered(text: str) -> str:
    """Lower case with the diacritics kept: ``Brănduş`` becomes ``brănduş``."""
    return unicodedata.normalize("NFC", text).lower()


def has_diacritic(char: str) -> bool:
    """Whether ``char`` is a letter with a diacritic (its decomposition has a combining mark)."""
    return any(unicodedata.combining(part) for part in unicodedata.normalize("NFD", char))


def diacritic_pattern(term: str) -> str | None:
    """A LIKE pattern on the lowered key that pins each letter with a diacritic of ``term`` (without
    wildcards) to its place, every other letter being ``_``; ``None`` when the term has none."""
    text = lowered(term)
    if not any(has_diacritic(char) for char in text):
        return None
    return "".join(char if has_diacritic(char) else "_" for char in text)


def _folded(value: str | None) -> str | None:
    return fold(value) if value else None


def _lowered(value: str | None) -> str | None:
    return lowered(value) if value else None


def is_overleden(lijst: Persoonslijst) -> bool:
    """Whether the person died: a datum overlijden, or bijhouding suspended for reason O."""
    overlijden = lijst.actueel("06")
    if overlijden is not None and overlijden.has("08.10"):
        return True
    return lijst.element("07", "67.20") == "O"


def search_keys(lijst: Persoonslijst) -> dict[str, Any]:
    """The column values of ``brp_persoonslijst`` for ``lijst``."""
    persoon = lijst.actueel("01")
    verblijf = lijst.actueel("08")
    get_persoon = persoon.get if persoon else (lambda _element: None)
    get_verblijf = verblijf.get if verblijf else (lambda _element: None)
    huisnummer = get_verblijf("11.20")
    postcode = get_verblijf("11.60")
    return {
        "burgerservicenummer": identifying_bsn(lijst),
        "a_nummer": get_persoon("01.10"),
        "geslachtsnaam": _folded(get_persoon("02.40")),
        "geslachtsnaam_diakrieten": _lowered(get_persoon("02.40")),
        "voornamen": _folded(get_persoon("02.10")),
        "voornamen_diakrieten": _lowered(get_persoon("02.10")),
        "voorvoegsel": _folded(get_persoon("02.30")),
        "voorvoegsel_diakrieten": _lowered(get_persoon("02.30")),
        "geboortedatum": get_persoon("03.10"),
        "geslacht": get_persoon("04.10"),
        "gemeente_van_inschrijving": get_verblijf("09.10"),
        "postcode": postcode.replace(" ", "").upper() if postcode else None,
        "huisnummer": int(huisnummer) if huisnummer and is_digits(huisnummer) else None,
        "huisletter": _folded(get_verblijf("11.30")),
        "huisnummertoevoeging": _folded(get_verblijf("11.40")),
        "straat": _folded(get_verblijf("11.10")),
        "straat_diakrieten": _lowered(get_verblijf("11.10")),
        "naam_openbare_ruimte": _folded(get_verblijf("11.15")),
        "naam_openbare_ruimte_diakrieten": _lowered(get_verblijf("11.15")),
        "nummeraanduiding_identificatie": get_verblijf("11.90"),
        "adresseerbaar_object_identificatie": get_verblijf("11.80"),
        "overleden": is_overleden(lijst),
    }
