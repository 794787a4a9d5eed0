# SPDX-License-Identifier: EUPL-1.2
"""The contract through which a block takes existing addresses from the BAG without importing it.

A block that makes persons or companies of its own (the BRP's synthetic population) lets them live at
addresses the BAG holds, so that every reference it stores points at an existing BAG object. The
composition hands the deployment's :class:`AdresBron` over (``BuildingBlock.adresbron``,
``Samenstelling.adresbron``) the way it hands over the :class:`~opengdi.kernel.nummervoorziening.BsnBron`;
a deployment without the BAG has none.

A bron answers in two steps, so that a whole country never sits in memory as addresses: first the
keys of every residential address per municipality (:meth:`AdresBron.woonadressen`, small integers),
then the addresses of some keys (:meth:`AdresBron.adressen`) when the block uses them. A block that
places companies asks for the other verblijfsobjecten too (:meth:`AdresBron.werkadressen`: shops,
offices, …, each under its gebruiksdoel).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True, slots=True)
class BagAdres:
    """An address of the BAG as the BRP records a verblijfplaats (elements 09.10–11.90)."""

    gemeentecode: str  # the municipality its woonplaats lay in on the peildatum asked
    openbare_ruimte: str  # naam openbare ruimte (11.15)
    korte_naam: str  # straatnaam, at most 24 characters (11.10)
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str
    adresseerbaar_object: str  # identificatiecode verblijfplaats (11.80)
    nummeraanduiding: str  # identificatiecode nummeraanduiding (11.90)
    panden: tuple[str, ...] = ()  # the panden a verblijfsobject lies in (the BRP does not record them)
    rd: tuple[float, float] | None = None  # where: the verblijfsobject's point in RD New (EPSG:28992)
    etrs89: tuple[float, float] | None = None  # the same point as latitude, longitude (EPSG:4258)


class AdresBron(Protocol):
    """Where a block gets existing addresses from."""

    async def woonadressen(self, peildatum: date) -> Mapping[str, Sequence[int]]:
        """Per gemeentecode (the municipality each woonplaats lay in on ``peildatum``), the keys of
        the residential addresses it holds now: hoofdadressen of verblijfsobjecten with a
        woonfunctie, of ligplaatsen and of standplaatsen. Municipalities without any are left out."""
        ...

    async def werkadressen(self, peildatum: date) -> Mapping[str, Mapping[str, Sequence[int]]]:
        """Per gemeentecode (as :meth:`woonadressen`), per gebruiksdoel (``winkelfunctie``,
        ``kantoorfunctie``, …: the verblijfsobject's first), the keys of the current verblijfsobjecten
        in use that have no woonfunctie. Municipalities without any are left out."""
        ...

    async def adressen(self, sleutels: Sequence[int], peildatum: date) -> list[BagAdres]:
        """The addresses of ``sleutels`` (keys :meth:`woonadressen` or :meth:`werkadressen` gave), in that order."""
        ...


async def alle_adressen(bron: AdresBron, peildatum: date) -> AsyncIterator[tuple[str, list[BagAdres], list[BagAdres]]]:
    """Every address :meth:`AdresBron.woonadressen` and :meth:`AdresBron.werkadressen` name (every
    adresseerbaar object in use), a municipality at a time: its gemeentecode, its residential
    addresses and its other ones. For a block that gives each an object of its own (the Kadaster a
    perceel, the WOZ a WOZ-object)."""
    woon, werk = await bron.woonadressen(peildatum), await bron.werkadressen(peildatum)
    for gemeentecode in sorted(woon.keys() | werk.keys()):
        overige = [key for keys in werk.get(gemeentecode, {}).values() for key in keys]
        yield (
            gemeentecode,
            await bron.adressen(woon.get(gemeentecode, ()), peildatum),
            await bron.adressen(overige, peildatum),
        )
