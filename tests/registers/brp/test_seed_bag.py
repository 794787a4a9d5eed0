# SPDX-License-Identifier: EUPL-1.2
"""The synthetic population at a BAG's addresses (:class:`~opengdi.registers.brp.seed.bagadressen.BagAdressen`),
with a BAG of made-up keys: each municipality hands out every address once before any twice, the
municipalities are drawn in proportion to their addresses, and the same seed gives the same order."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import pytest

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.registers.brp.seed import generate_population
from opengdi.registers.brp.seed.bagadressen import EERSTE_PARTIJ, PARTIJ, BagAdressen

#: Made-up keys: Amsterdam 0363 (many), Vaals 0981 (few), a code unknown in 2014 (9999).
SLEUTELS = {"0363": list(range(1000, 1700)), "0981": [5, 6, 7], "9999": [1, 2]}


def _adres(sleutel: int) -> BagAdres:
    gemeente = "0363" if sleutel >= 1000 else "0981"
    return BagAdres(
        gemeente, "Kerkstraat", "Kerkstraat", sleutel, "", "", "1234AB", "Plaats",
        f"{gemeente}01{sleutel:010d}", f"{gemeente}20{sleutel:010d}",
    )  # fmt: skip


class _Bron:
    def __init__(self) -> None:
        self.gevraagd: list[list[int]] = []

    def __call__(self, sleutels: Sequence[int]) -> list[BagAdres]:
        self.gevraagd.append(list(sleutels))
        return [_adres(sleutel) for sleutel in sleutels]


def _uitgegeven(adressen: BagAdressen, code: str, aantal: int) -> list[int]:
    plaats = next(item for item in adressen.plaatsen().items if item.code == code)
    return [int(adressen.adres(plaats).adresseerbaar_object[6:]) for _ in range(aantal)]


def test_every_address_is_handed_out_once_before_any_twice() -> None:
    adressen = BagAdressen(SLEUTELS, 1, _Bron())
    eerste = _uitgegeven(adressen, "0363", 700)
    assert sorted(eerste) == SLEUTELS["0363"]
    assert eerste != sorted(eerste)  # a seeded order, not the order of the keys
    assert Counter(_uitgegeven(adressen, "0363", 700)) == Counter(eerste)  # then they are shared
    assert sorted(set(_uitgegeven(adressen, "0981", 7))) == [5, 6, 7]


def test_addresses_are_fetched_in_batches_when_a_municipality_runs_out() -> None:
    bron = _Bron()
    adressen = BagAdressen(SLEUTELS, 1, bron)
    _uitgegeven(adressen, "0363", 2 * PARTIJ + 1)
    assert [len(partij) for partij in bron.gevraagd] == [EERSTE_PARTIJ, 16, 32, 64, 128, PARTIJ, PARTIJ]


def test_municipalities_are_drawn_by_their_number_of_addresses() -> None:
    adressen = BagAdressen(SLEUTELS, 1, _Bron())
    keuze, rng = adressen.plaatsen(), random.Random(4)
    draws = Counter(keuze(rng).code for _ in range(7030))
    assert set(draws) == {"0363", "0981"}  # 9999 was no municipality in 2014
    assert 6900 <= draws["0363"] <= 7025 and adressen.aantal == 703


def test_the_same_seed_gives_the_same_order_and_another_seed_another() -> None:
    assert _uitgegeven(BagAdressen(SLEUTELS, 1, _Bron()), "0363", 50) == _uitgegeven(
        BagAdressen(SLEUTELS, 1, _Bron()), "0363", 50
    )
    assert _uitgegeven(BagAdressen(SLEUTELS, 1, _Bron()), "0363", 50) != _uitgegeven(
        BagAdressen(SLEUTELS, 2, _Bron()), "0363", 50
    )


def test_a_bag_without_addresses_in_the_municipalities_of_2014_is_refused() -> None:
    with pytest.raises(ValueError, match="geen woonadressen"):
        BagAdressen({"9999": [1], "0363": []}, 1, _Bron())


def test_a_population_on_a_bag_lives_only_at_its_addresses() -> None:
    adressen = BagAdressen(SLEUTELS, 1, _Bron())
    batches = list(generate_population(200, 9, 100, adressen=adressen))
    bekend = {_adres(sleutel).adresseerbaar_object for keys in SLEUTELS.values() for sleutel in keys}
    gevonden = {
        (item.elementen["09.10"], item.elementen["11.80"], item.elementen["11.90"])
        for batch in batches
        for lijst in batch
        for item in lijst.voorkomens()
        if item.categorie == "08" and "11.80" in item.elementen
    }
    assert gevonden and {object_ for _gemeente, object_, _nummer in gevonden} <= bekend
    assert all(nummer == f"{object_[:4]}20{object_[6:]}" for _gemeente, object_, nummer in gevonden)
    assert {gemeente for gemeente, _object, _nummer in gevonden} <= {"0363", "0981"}
