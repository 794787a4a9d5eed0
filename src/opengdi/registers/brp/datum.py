# SPDX-License-Identifier: EUPL-1.2
"""GBA dates (``JJJJMMDD`` with ``00`` for unknown parts) as Haal Centraal date objects, and ages."""

from __future__ import annotations

from datetime import date
from typing import Any

from opengdi.registers.brp.lo3 import is_valid_gba_date

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _parts(value: str) -> tuple[int, int, int] | None:
    """Year, month and day of a well-formed GBA date; ``None`` for a malformed one (not delivered)."""
    if not is_valid_gba_date(value):
        return None
    return int(value[:4]), int(value[4:6]), int(value[6:8])


def datum(value: str | None) -> dict[str, Any] | None:
    """The ``AbstractDatum`` for a GBA date: Datum, JaarMaandDatum, JaarDatum or DatumOnbekend."""
    parts = _parts(value) if value else None
    if parts is None:
        return None
    jaar, maand, dag = parts
    if jaar == 0:
        return {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"}
    if maand == 0:
        return {"type": "JaarDatum", "jaar": jaar, "langFormaat": str(jaar)}
    if dag == 0:
        return {"type": "JaarMaandDatum", "jaar": jaar, "maand": maand, "langFormaat": f"{MAANDEN[maand - 1]} {jaar}"}
    return {
        "type": "Datum",
        "datum": f"{jaar:04d}-{maand:02d}-{dag:02d}",
        "langFormaat": f"{dag} {MAANDEN[maand - 1]} {jaar}",
    }


def leeftijd(geboortedatum: str | None, today: date) -> int | None:
    """The age in whole years on ``today``; ``None`` when the date is too unknown to tell.

    With an unknown day the age is known except in the birth month itself; with an unknown month
    or year it is not known.
    """
    parts = _parts(geboortedatum) if geboortedatum else None
    if parts is None:
        return None
    jaar, maand, dag = parts
    if jaar == 0 or maand == 0:
        return None
    if dag == 0:
        if maand == today.month:
            return None
        return today.year - jaar - (1 if maand > today.month else 0)
    return today.year - jaar - (1 if (maand, dag) > (today.month, today.day) else 0)


def has_ended(einddatum: str | None, today: date) -> bool:
    """Whether an end date (possibly partial) has been reached on ``today``.

    A full date ends on that day; a date with an unknown day lasts its whole month, one with only
    a year its whole year; an unknown or absent end date has not been reached.
    """
    parts = _parts(einddatum) if einddatum else None
    if parts is None or parts[0] == 0:
        return False
    jaar, maand, dag = parts
    if maand == 0:
        return jaar < today.year
    if dag == 0:
        return (jaar, maand) < (today.year, today.month)
    return (jaar, maand, dag) <= (today.year, today.month, today.day)
