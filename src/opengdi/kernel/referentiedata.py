# SPDX-License-Identifier: EUPL-1.2
"""Reference data every building block may use: the Dutch municipalities of 1 January 2014."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True, slots=True)
class Gemeente:
    """A municipality: CBS code (``GM0363``), name, province, inhabitants and phone number."""

    cbs_code: str
    naam: str
    provinciecode: str
    provincienaam: str
    inwoners: int
    telefoon: str

    @property
    def gemeentecode(self) -> str:
        """The four-digit code of GBA tabel 33 (``0363``)."""
        return self.cbs_code[2:]


@cache
def gemeenten_2014() -> tuple[Gemeente, ...]:
    """The 403 municipalities of 2014, in CBS order."""
    text = files("opengdi.kernel").joinpath("data", "gemeenten-2014.csv").read_text("utf-8")
    return tuple(
        Gemeente(
            row["gemeentecode"],
            row["gemeentenaam"],
            row["provinciecode"],
            row["provincienaam"],
            int(row["inwoners"]),
            row["telefoon"],
        )
        for row in csv.DictReader(text.splitlines())
    )
