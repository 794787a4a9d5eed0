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
from collections.abc import Callable
from typing import Any

from opengdi.kernel.tekst import fold
from opengdi.registers.brp.catalogus import bron
from opengdi.registers.brp.invoer import identifying_bsn
from opengdi.registers.brp.lo3 import is_digits
from opengdi.registers.brp.persoonslijst import Persoonslijst


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


def _postcode(value: str | None) -> str | None:
    return value.replace(" ", "").upper() if value else None


def _huisnummer(value: str | None) -> int | None:
    return int(value) if value and is_digits(value) else None


def _as_is(value: str | None) -> str | None:
    return value


#: Each search key column of ``brp_persoonslijst``: the attribute of Persoon it is taken from (its
#: source element comes from the declaration) and how the stored key is made of the value.
ZOEKSLEUTELS: dict[str, tuple[str, Callable[[str | None], Any]]] = {
    "a_nummer": ("aNummer", _as_is),
    "geslachtsnaam": ("naam.geslachtsnaam", _folded),
    "geslachtsnaam_diakrieten": ("naam.geslachtsnaam", _lowered),
    "voornamen": ("naam.voornamen", _folded),
    "voornamen_diakrieten": ("naam.voornamen", _lowered),
    "voorvoegsel": ("naam.voorvoegsel", _folded),
    "voorvoegsel_diakrieten": ("naam.voorvoegsel", _lowered),
    "geboortedatum": ("geboorte.datum", _as_is),
    "geslacht": ("geslacht", _as_is),
    "gemeente_van_inschrijving": ("gemeenteVanInschrijving", _as_is),
    "postcode": ("verblijfplaats.verblijfadres.postcode", _postcode),
    "huisnummer": ("verblijfplaats.verblijfadres.huisnummer", _huisnummer),
    "huisletter": ("verblijfplaats.verblijfadres.huisletter", _folded),
    "huisnummertoevoeging": ("verblijfplaats.verblijfadres.huisnummertoevoeging", _folded),
    "straat": ("verblijfplaats.verblijfadres.korteStraatnaam", _folded),
    "straat_diakrieten": ("verblijfplaats.verblijfadres.korteStraatnaam", _lowered),
    "naam_openbare_ruimte": ("verblijfplaats.verblijfadres.officieleStraatnaam", _folded),
    "naam_openbare_ruimte_diakrieten": ("verblijfplaats.verblijfadres.officieleStraatnaam", _lowered),
    "nummeraanduiding_identificatie": ("verblijfplaats.nummeraanduidingIdentificatie", _as_is),
    "adresseerbaar_object_identificatie": ("verblijfplaats.adresseerbaarObjectIdentificatie", _as_is),
}
_BRONNEN = {column: (bron(pad), key) for column, (pad, key) in ZOEKSLEUTELS.items()}


def search_keys(lijst: Persoonslijst) -> dict[str, Any]:
    """The column values of ``brp_persoonslijst`` for ``lijst``."""
    keys: dict[str, Any] = {"burgerservicenummer": identifying_bsn(lijst)}
    for column, ((categorie, element), key) in _BRONNEN.items():
        keys[column] = key(lijst.element(categorie, element))
    keys["overleden"] = is_overleden(lijst)
    return keys
