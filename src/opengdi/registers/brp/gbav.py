# SPDX-License-Identifier: EUPL-1.2
"""Reading the element-coded CSV of the RvIG GBA-V test set into persoonslijsten (import form).

Columns are named ``CC.GG.EE`` (category, group, element) and ``CC.H``. A row whose first cell starts
with ``Lg01_`` opens a persoonslijst; the rows below it continue it. A category's ``CC.H`` cell
says what that category's data on the *next* row is: ``CC`` a new stapel, ``CC+50`` (``58`` for
08) an older voorkomen of the same stapel. (A new stapel of a category that occurs only once is
read as an older voorkomen: the test set has a few such rows.)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from opengdi.registers.brp.lo3 import REPEATING_CATEGORIES

Voorkomens = dict[str, list[dict[str, str | int]]]


@dataclass(slots=True)
class _Lijst:
    """A persoonslijst being read: its voorkomens and, per category, where the next data goes."""

    label: str
    categories: Voorkomens = field(default_factory=dict)
    stapel: dict[str, int] = field(default_factory=dict)
    next_is_new_stapel: dict[str, bool] = field(default_factory=dict)

    def add(self, categorie: str, elementen: dict[str, str]) -> None:
        """Add the data of ``categorie`` on the current row."""
        if categorie not in self.stapel:
            self.stapel[categorie] = 1
        elif self.next_is_new_stapel.get(categorie, True) and categorie in REPEATING_CATEGORIES:
            self.stapel[categorie] += 1
        voorkomen: dict[str, str | int] = {"stapel": self.stapel[categorie]} if self.stapel[categorie] > 1 else {}
        voorkomen.update(elementen)
        self.categories.setdefault(categorie, []).append(voorkomen)

    def mark(self, categorie: str, history_code: str) -> None:
        """Record the ``CC.H`` cell of the current row."""
        self.next_is_new_stapel[categorie] = history_code == categorie


@dataclass(frozen=True, slots=True)
class _Columns:
    elements: list[tuple[int, str, str]]  # column index, category, "GG.EE"
    history: list[tuple[int, str]]  # column index, category


def _columns(header: Sequence[str]) -> _Columns:
    elements, history, seen = [], [], set()
    for index, name in enumerate(header):
        parts = name.strip().lstrip("\ufeff").split(".")
        if len(parts) == 2 and parts[1] == "H":
            history.append((index, parts[0]))
        elif len(parts) == 3 and name not in seen:
            elements.append((index, parts[0], f"{parts[1]}.{parts[2]}"))
            seen.add(name)
    return _Columns(elements, history)


def _row_data(row: Sequence[str], columns: _Columns) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = {}
    for index, categorie, element in columns.elements:
        value = row[index].strip() if index < len(row) else ""
        if value:
            data.setdefault(categorie, {})[element] = value
    return data


def read_gbav_csv(text: str) -> Iterator[tuple[str, Voorkomens]]:
    """``(label, persoonslijst in import form)`` for each persoonslijst in the CSV ``text``."""
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    columns = _columns(next(rows))
    current: _Lijst | None = None
    for row in rows:
        if not row or not any(cell.strip() for cell in row):
            continue
        label = row[0].strip()
        if label.lower().startswith("lg01_"):
            if current is not None:
                yield current.label, current.categories
            current = _Lijst(label)
        if current is None:
            continue
        for categorie, elementen in _row_data(row, columns).items():
            current.add(categorie, elementen)
        for index, categorie in columns.history:
            if index < len(row) and row[index].strip():
                current.mark(categorie, row[index].strip())
    if current is not None:
        yield current.label, current.categories
