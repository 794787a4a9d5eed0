# SPDX-License-Identifier: EUPL-1.2
"""What the WOZ knows of a WOZ-object, as plain data, and how the demo values one. No framework here.

A :class:`WozObject` is real estate valued as one, by its objectnummer (twelve digits: the
gemeentecode and a number of the municipality's), at a BAG address; each year the municipality
fixes its value on the waardepeildatum (1 January of the year before the tax year it counts for):
a :class:`Waarde`, all kept. Its :class:`Belanghebbende` are the eigenaar and the gebruiker.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

EIGENAAR = "eigenaar"
GEBRUIKER = "gebruiker"
NATUURLIJK_PERSOON = "natuurlijk_persoon"
NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon"
VESTIGING = "vestiging"


@dataclass(frozen=True, slots=True)
class Waarde:
    """The value fixed on one waardepeildatum (``YYYY-MM-DD``), in whole euros, for the tax year
    beginning on ``ingangsdatum``."""

    waardepeildatum: str
    vastgestelde_waarde: int
    ingangsdatum: str
    statussen: tuple[str, ...] = ("beschikking_genomen",)
    bezwaar_beroep: bool = False


@dataclass(frozen=True, slots=True)
class Belanghebbende:
    """The eigenaar or gebruiker (``rol``) of a WOZ-object: a natural person (burgerservicenummer),
    a rechtspersoon (RSIN, with the KvK-nummer of its enterprise) or a vestiging."""

    rol: str
    soort: str
    bsn: str | None = None
    rsin: str | None = None
    kvk_nummer: str | None = None
    vestigingsnummer: str | None = None
    naam: str | None = None

    def __post_init__(self) -> None:
        if self.rol not in (EIGENAAR, GEBRUIKER):
            raise ValueError(f"Een belanghebbende is eigenaar of gebruiker, niet {self.rol!r}.")
        if self.soort == NATUURLIJK_PERSOON and not self.bsn:
            raise ValueError("Een natuurlijk persoon als belanghebbende heeft een burgerservicenummer.")


@dataclass(frozen=True, slots=True)
class WozObject:
    """One WOZ-object with its address (``gegevens["aanduiding"]``), its values and belanghebbenden."""

    identificatie: str
    gemeentecode: str
    gegevens: Mapping[str, Any]
    adresseerbaar_object: str | None = None
    nummeraanduiding: str | None = None
    waarden: tuple[Waarde, ...] = ()
    belanghebbenden: tuple[Belanghebbende, ...] = field(default_factory=tuple)

    @property
    def aanduiding(self) -> Mapping[str, Any]:
        return dict(self.gegevens.get("aanduiding") or {})

    def belanghebbende(self, rol: str) -> Belanghebbende | None:
        return next((item for item in self.belanghebbenden if item.rol == rol), None)


#: The change of the average value of a dwelling per waardepeildatum year, relative to the year
#: before (an illustration of the rise of house prices since 2019; the demo's own figures).
_VERANDERING = {2019: 1.0, 2020: 1.07, 2021: 1.09, 2022: 1.16, 2023: 0.98, 2024: 1.08, 2025: 1.09}


def demowaarden(sleutel: str, jaren: Sequence[int]) -> tuple[Waarde, ...]:
    """The values of the demo for an object (``sleutel``, its adresseerbaar object) on 1 January of
    each of ``jaren`` (newest first): a level between EUR 150,000 and 650,000 in 2019 that follows
    :data:`_VERANDERING`, rounded to a thousand; deterministic, so each start shows the same."""
    niveau = 150_000 + int(hashlib.sha256(sleutel.encode()).hexdigest()[:8], 16) % 500_000
    waarden = []
    for jaar in sorted(jaren):
        niveau = round(niveau * _VERANDERING.get(jaar, 1.05))
        waarden.append(Waarde(f"{jaar}-01-01", round(niveau, -3), f"{jaar + 1}-01-01"))
    return tuple(reversed(waarden))
