# SPDX-License-Identifier: EUPL-1.2
"""Synthetic persons at the BAG's own addresses: :class:`BagAdressen`.

Given the residential addresses of a BAG (through the deployment's
:class:`~opengdi.kernel.adresvoorziening.AdresBron`: their keys per municipality, fetched once), the
population lives in the municipalities of 2014 that have any, drawn in proportion to their number
of addresses. Each municipality hands its addresses out in a seeded order (an affine permutation of
its keys, so no shuffled copy of a national BAG is kept), each once; households that need more
addresses than a municipality has start on its first ones again and share them. The addresses
themselves are fetched in small batches (growing to :data:`PARTIJ`) when a municipality runs out, through
``ophalen``: the generator runs in a worker thread, so ``ophalen`` is a synchronous call that the
event loop answers.
"""

from __future__ import annotations

import math
import random
from collections import deque
from collections.abc import Callable, Mapping, Sequence

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.registers.brp.seed.adressen import Adres, Plaats, plaatsen
from opengdi.registers.brp.seed.keuzes import Keuze

#: How many addresses of one municipality are fetched at a time: the first time :data:`EERSTE_PARTIJ`,
#: then as many as it handed out before (a small municipality fetches little), at most :data:`PARTIJ`.
EERSTE_PARTIJ, PARTIJ = 16, 256


class _Volgorde:
    """A seeded order of ``0 … n-1``: position ``p`` gives ``(stap * p + begin) mod n``, repeating after ``n``."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self.n, self.begin = n, rng.randrange(n)
        stap = max(1, int(n * 0.618) + rng.randrange(max(1, n // 10)))
        while math.gcd(stap, n) != 1:
            stap += 1
        self.stap = stap % n or 1

    def __getitem__(self, positie: int) -> int:
        return (self.stap * positie + self.begin) % self.n


class BagAdressen:
    """The residential addresses of a BAG, handed out per municipality in a seeded order."""

    def __init__(
        self,
        sleutels: Mapping[str, Sequence[int]],
        seed: int,
        ophalen: Callable[[Sequence[int]], list[BagAdres]],
    ) -> None:
        bekend = {plaats.code: plaats for plaats in plaatsen().items}
        self.sleutels = {code: keys for code, keys in sorted(sleutels.items()) if code in bekend and keys}
        if not self.sleutels:
            raise ValueError("de BAG heeft geen woonadressen in de gemeenten van 2014")
        self._plaatsen = Keuze([(bekend[code], len(keys)) for code, keys in self.sleutels.items()])
        self._volgorde = {
            code: _Volgorde(len(keys), random.Random(f"bag-{seed}-{code}")) for code, keys in self.sleutels.items()
        }
        self._positie = dict.fromkeys(self.sleutels, 0)
        self._voorraad: dict[str, deque[BagAdres]] = {code: deque() for code in self.sleutels}
        self._ophalen = ophalen

    @property
    def aantal(self) -> int:
        """How many residential addresses there are in all."""
        return sum(len(keys) for keys in self.sleutels.values())

    def plaatsen(self) -> Keuze[Plaats]:
        """The municipalities with residential addresses, drawn in proportion to their number."""
        return self._plaatsen

    def adres(self, plaats: Plaats) -> Adres:
        """The next address of ``plaats`` (a municipality :meth:`plaatsen` gave)."""
        voorraad = self._voorraad[plaats.code]
        if not voorraad:
            voorraad.extend(self._ophalen(self._volgende(plaats.code)))
        return _als_adres(voorraad.popleft())

    def _volgende(self, code: str) -> list[int]:
        keys, volgorde, positie = self.sleutels[code], self._volgorde[code], self._positie[code]
        aantal = min(PARTIJ, max(EERSTE_PARTIJ, positie))
        self._positie[code] = positie + aantal
        return [keys[volgorde[p]] for p in range(positie, positie + aantal)]


def _als_adres(adres: BagAdres) -> Adres:
    return Adres(
        gemeente=adres.gemeentecode,
        straat=adres.openbare_ruimte,
        kort=adres.korte_naam,
        huisnummer=adres.huisnummer,
        huisletter=adres.huisletter,
        toevoeging=adres.toevoeging,
        postcode=adres.postcode,
        woonplaats=adres.woonplaats,
        adresseerbaar_object=adres.adresseerbaar_object,
        nummeraanduiding=adres.nummeraanduiding,
    )
