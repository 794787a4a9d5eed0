# SPDX-License-Identifier: EUPL-1.2
"""The bronhouders of the BAG: the gemeenten, as the BAG API's ``/bronhouders`` shows them.

A gemeente is a bronhouder of the woonplaatsen it holds by the Kadaster's gemeente–woonplaats
relation (``GEM-WPL-RELATIE`` of the levering, with its periods). Its name, province and period come
from the dated municipal division (CBS, since 1970; ``data/gemeentelijke-indeling.csv``): a
gemeente that merged away has a period that ended, a renamed one a voorkomen per name. The
versions of a bronhouder are its periods in that division, numbered from 1; the moment of
registration of each (``timestampRegistratieLv`` of its voorkomen path) is its first day, at
midnight Dutch time, since the division records no moments of registration. No framework here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from typing import Any

from opengdi.registers.bag.tijdreizen import epoch_ms

#: The provinces' abbreviations (ISO 3166-2:NL), by the division's province codes.
AFKORTINGEN = {
    "20": "GR", "21": "FR", "22": "DR", "23": "OV", "24": "FL", "25": "GE",
    "26": "UT", "27": "NH", "28": "ZH", "29": "ZE", "30": "NB", "31": "LI",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Bronhouder:
    """One period of one gemeente: its code (GBA tabel 33), name, province and dates."""

    code: str
    naam: str
    provinciecode: str
    provincienaam: str
    begin_geldigheid: str
    eind_geldigheid: str | None
    versie: int = 1

    def geldig_op(self, datum: str) -> bool:
        """Whether this period holds on ``datum``."""
        return self.begin_geldigheid <= datum and (self.eind_geldigheid is None or datum < self.eind_geldigheid)

    @property
    def timestamp_ms(self) -> int:
        """The epoch milliseconds of its voorkomen path (its first day, midnight Dutch time)."""
        return epoch_ms(f"{self.begin_geldigheid}T00:00:00.000")


@cache
def indeling() -> dict[str, tuple[Bronhouder, ...]]:
    """Every period of every gemeente since 1970, per code, in order."""
    text = files("opengdi.registers.bag").joinpath("data", "gemeentelijke-indeling.csv").read_text("utf-8")
    periods: dict[str, list[Bronhouder]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter=";"):
        periods.setdefault(row["gemeentecode"], []).append(
            Bronhouder(
                row["gemeentecode"],
                row["gemeentenaam"],
                row["provinciecode"],
                row["provincienaam"],
                row["begindatum"],
                row["einddatum"] or None,
            )
        )
    return {
        code: tuple(
            replace(item, versie=number)
            for number, item in enumerate(sorted(items, key=lambda item: item.begin_geldigheid), start=1)
        )
        for code, items in periods.items()
    }


def op(code: str, datum: str) -> Bronhouder | None:
    """The period of gemeente ``code`` that holds on ``datum``, if any."""
    return next((item for item in indeling().get(code, ()) if item.geldig_op(datum)), None)


def voorkomen(code: str, versie: int, timestamp_ms: int) -> Bronhouder | None:
    """The period named by a voorkomen path."""
    return next(
        (item for item in indeling().get(code, ()) if item.versie == versie and item.timestamp_ms == timestamp_ms),
        None,
    )


def bronhouder_json(item: Bronhouder) -> dict[str, Any]:
    """A bronhouder as the document's ``Bronhouder``."""
    body: dict[str, Any] = {
        "code": item.code,
        "naam": item.naam,
        "beginGeldigheid": item.begin_geldigheid,
        "eindGeldigheid": item.eind_geldigheid,
        "provincie": {
            "naam": item.provincienaam,
            "afkorting": AFKORTINGEN.get(item.provinciecode, item.provincienaam[:2]),
        },
    }
    return {key: value for key, value in body.items() if value is not None}
