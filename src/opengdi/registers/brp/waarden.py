# SPDX-License-Identifier: EUPL-1.2
"""Element values as Haal Centraal values: code tables, places, countries, and standard values.

A GBA element may hold a *standard value* meaning "unknown" (``0000`` for a place or country,
``.`` for a name); such values are not delivered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from opengdi.registers.brp import datum as datums
from opengdi.registers.brp import tabellen
from opengdi.registers.brp.antwoord import DATUM_INGANG, InOnderzoek
from opengdi.registers.brp.lo3 import is_digits
from opengdi.registers.brp.onderzoek import Onderzoek, onderzoek_of
from opengdi.registers.brp.persoonslijst import Voorkomen

ONBEKEND_CODE = "0000"


def tabelwaarde(code: str | None, omschrijvingen: Mapping[str, str]) -> dict[str, str] | None:
    """``{"code", "omschrijving"}`` for a code of a fixed value list; ``None`` when absent."""
    if not code:
        return None
    result = {"code": code}
    description = omschrijvingen.get(code)
    if description is not None:
        result["omschrijving"] = description
    return result


def landelijke_tabel(name: str, code: str | None) -> dict[str, str] | None:
    """A code of landelijke tabel ``name`` with its description; standard value ``0000`` is left out."""
    if not code or code == ONBEKEND_CODE:
        return None
    return tabelwaarde(code, tabellen.table(name))


def land(code: str | None) -> dict[str, str] | None:
    """A country (tabel 34)."""
    return landelijke_tabel("landen", code)


def gemeente(code: str | None) -> dict[str, str] | None:
    """A municipality (tabel 33)."""
    return landelijke_tabel("gemeenten", code)


def plaats(value: str | None) -> dict[str, str] | None:
    """A place: a municipality code (tabel 33), or the name of a place abroad."""
    if not value or value == ONBEKEND_CODE:
        return None
    if len(value) == 4 and is_digits(value):
        return gemeente(value)
    return {"omschrijving": value}


def datum(value: str | None) -> dict[str, Any] | None:
    """A GBA date as a Haal Centraal date object."""
    return datums.datum(value)


def tekst(value: str | None) -> str | None:
    """A text element; the standard value ``.`` is left out."""
    return None if not value or value == "." else value


def has_any(voorkomen: Voorkomen | None, elements: Iterable[str]) -> bool:
    """Whether ``voorkomen`` records any of ``elements`` (an emptied element counts)."""
    return voorkomen is not None and any(element in voorkomen.elementen for element in elements)


def exists(voorkomen: Voorkomen | None, elements: Iterable[str]) -> bool:
    """Whether a group exists: any of its elements is recorded, or its voorkomen is in onderzoek."""
    return has_any(voorkomen, elements) or onderzoek_of(voorkomen) is not None


def flags(
    onderzoek: Onderzoek | None,
    spec: Mapping[str, Iterable[str]],
    date_key: str = DATUM_INGANG,
    into: InOnderzoek | None = None,
) -> InOnderzoek:
    """The fields of ``spec`` (field → ``CC.GG.EE`` elements) that ``onderzoek`` covers."""
    result = into if into is not None else InOnderzoek()
    if onderzoek is None:
        return result
    ingang = datums.datum(onderzoek.datum_ingang)
    for name, elements in spec.items():
        if onderzoek.covers_any(elements):
            result.flag(name, date_key, ingang)
    return result
