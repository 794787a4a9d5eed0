# SPDX-License-Identifier: EUPL-1.2
"""The persoonslijst (PL): a person's categories with their actual and historical voorkomens.

This is the domain model the BRP stores and from which every answer is derived. It has no
framework imports; build one with :meth:`Persoonslijst.from_voorkomens`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

Elementen = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Voorkomen:
    """One occurrence of a category: ``volgnummer`` 0 is the actual one, higher numbers are older."""

    categorie: str
    stapel: int
    volgnummer: int
    elementen: Elementen

    def get(self, element: str) -> str | None:
        """The value of ``element`` (``GG.EE``), ``None`` when absent or emptied."""
        value = self.elementen.get(element)
        return value if value else None

    def has(self, element: str) -> bool:
        """Whether ``element`` has a (non-empty) value."""
        return bool(self.elementen.get(element))

    @property
    def is_actueel(self) -> bool:
        """Whether this is the actual voorkomen of its stapel."""
        return self.volgnummer == 0

    @property
    def is_onjuist(self) -> bool:
        """Whether this voorkomen was corrected (indicatie onjuist, 84.10)."""
        return self.elementen.get("84.10", "") != ""


@dataclass(slots=True)
class Persoonslijst:
    """A persoonslijst: its voorkomens grouped per category and stapel, newest first, and the id under
    which it is stored (``None`` before it is)."""

    stapels: dict[str, list[list[Voorkomen]]] = field(default_factory=dict)
    id: int | None = None

    @classmethod
    def from_voorkomens(cls, voorkomens: Iterable[Voorkomen], id: int | None = None) -> Persoonslijst:
        """Group loose voorkomens (any order) into categories and stapels."""
        per_stapel: dict[tuple[str, int], list[Voorkomen]] = {}
        for voorkomen in voorkomens:
            per_stapel.setdefault((voorkomen.categorie, voorkomen.stapel), []).append(voorkomen)
        result = cls(id=id)
        for (categorie, _stapel), items in sorted(per_stapel.items()):
            items.sort(key=lambda item: item.volgnummer)
            result.stapels.setdefault(categorie, []).append(items)
        return result

    def voorkomens(self) -> Iterator[Voorkomen]:
        """Every voorkomen, category by category."""
        for categorie in sorted(self.stapels):
            for stapel in self.stapels[categorie]:
                yield from stapel

    def actueel(self, categorie: str) -> Voorkomen | None:
        """The actual voorkomen of a non-repeating category (first stapel)."""
        stapels = self.stapels.get(categorie)
        if not stapels:
            return None
        first = stapels[0][0]
        return first if first.is_actueel else None

    def actuele(self, categorie: str) -> list[Voorkomen]:
        """The actual voorkomen of each stapel of ``categorie``."""
        return [stapel[0] for stapel in self.stapels.get(categorie, []) if stapel[0].is_actueel]

    def historie(self, categorie: str, stapel: int = 0) -> list[Voorkomen]:
        """All voorkomens of one stapel (by position), newest first."""
        stapels = self.stapels.get(categorie, [])
        return list(stapels[stapel]) if stapel < len(stapels) else []

    def element(self, categorie: str, element: str) -> str | None:
        """A value from the actual voorkomen of ``categorie``."""
        voorkomen = self.actueel(categorie)
        return voorkomen.get(element) if voorkomen else None

    @property
    def burgerservicenummer(self) -> str | None:
        """The person's burgerservicenummer (01.01.20)."""
        return self.element("01", "01.20")
