# SPDX-License-Identifier: EUPL-1.2
"""The GBA landelijke tabellen and the fixed value lists (tabelwaarden) of the BRP.

A code in a persoonslijst is answered as ``{"code": …, "omschrijving": …}``; the descriptions come
from the RvIG tables shipped as package data, read once.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

_TABLE_FILES = {
    "nationaliteiten": "tabel32-nationaliteiten.csv",
    "gemeenten": "tabel33-gemeenten.csv",
    "landen": "tabel34-landen.csv",
    "redenen_nationaliteit": "tabel37-reden-nationaliteit.csv",
    "adellijke_titels": "tabel38-adellijke-titel-predicaat.csv",
    "verblijfstitels": "tabel56-verblijfstitels.csv",
    "rni_deelnemers": "tabel60-rni-deelnemers.csv",
    "gezagsverhoudingen": "tabel61-gezagsverhoudingen.csv",
}

#: Fixed value lists of the BRP API (tabelwaarden).
GESLACHT = {"M": "man", "V": "vrouw", "O": "onbekend"}
NAAMGEBRUIK = {
    "E": "eigen geslachtsnaam",
    "N": "geslachtsnaam echtgenoot/geregistreerd partner na eigen geslachtsnaam",
    "P": "geslachtsnaam echtgenoot/geregistreerd partner",
    "V": "geslachtsnaam echtgenoot/geregistreerd partner voor eigen geslachtsnaam",
}
SOORT_VERBINTENIS = {"H": "huwelijk", "P": "geregistreerd partnerschap"}
FUNCTIE_ADRES = {"W": "woonadres", "B": "briefadres"}
AANDUIDING_BIJ_HUISNUMMER = {"by": "bij", "to": "tegenover"}
EUROPEES_KIESRECHT = {"1": "persoon is uitgesloten", "2": "persoon ontvangt oproep"}
REDEN_OPSCHORTING = {
    "O": "overlijden",
    "E": "emigratie",
    "M": "ministerieel besluit",
    "R": "pl is aangelegd in de rni",
    "F": "fout",
    "W": "wissen",
    ".": "onbekend",
}


def _rows(filename: str) -> list[list[str]]:
    text = files("opengdi.registers.brp").joinpath("data", "landelijke-tabellen", filename).read_text("utf-8")
    rows = list(csv.reader(text.splitlines()))
    return rows[1:]


@cache
def table(name: str) -> dict[str, str]:
    """Code → description of landelijke tabel ``name`` (see ``_TABLE_FILES``)."""
    return {row[0]: row[1] for row in _rows(_TABLE_FILES[name]) if row}


@cache
def adellijke_titel_soort() -> dict[str, str]:
    """Code → ``titel`` or ``predicaat`` (tabel 38)."""
    return {row[0]: row[2] for row in _rows(_TABLE_FILES["adellijke_titels"]) if row}


def omschrijving(name: str, code: str) -> str | None:
    """The description of ``code`` in landelijke tabel ``name``."""
    return table(name).get(code)
