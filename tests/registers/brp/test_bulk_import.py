# SPDX-License-Identifier: EUPL-1.2
"""Bulk imports and generated populations: a person already stored is skipped, replaced or stored
beside (by choice), and an interrupted run continues where it stopped when run again; both databases."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.registers.brp import repository
from opengdi.registers.brp.demo import gbav_testset
from opengdi.registers.brp.seed import generate_population, seed_population
from opengdi.registers.brp.service import Bestaand, ImportReport, import_bulk
from tests.conftest import unit_of_work


def _lijst(bsn: str | None, a_nummer: str | None = None, naam: str = "Jansen") -> dict[str, Any]:
    persoon = {"02.40": naam}
    if bsn:
        persoon["01.20"] = bsn
    if a_nummer:
        persoon["01.10"] = a_nummer
    return {"01": [persoon]}


def _labelled(*lijsten: dict[str, Any]) -> list[tuple[str, Any]]:
    return [(f"lijst[{index}]", lijst) for index, lijst in enumerate(lijsten)]


async def _import(database: Database, labelled: list[tuple[str, Any]], **options: Any) -> ImportReport:
    async with unit_of_work(database) as uow:
        return await import_bulk(uow, labelled, **options)


async def _seed(database: Database, persons: int, **options: Any) -> int:
    async with unit_of_work(database) as uow:
        return await seed_population(uow, persons, **options)


async def _stored(database: Database) -> list[repository.Overzichtsregel]:
    async with database.connect() as connection:
        return sorted(await repository.overview(connection), key=str)


class _InterruptError(Exception):
    """Injected after the first committed batch."""


def _interrupt_after_first_batch(_count: int) -> None:
    raise _InterruptError


async def test_a_person_already_stored_is_skipped_and_counted(empty_database: Database) -> None:
    await _import(empty_database, _labelled(_lijst("999993653"), _lijst(None, "1234567890")))
    report = await _import(
        empty_database, _labelled(_lijst("999993653", naam="Ander"), _lijst(None, "1234567890"), _lijst("999990639"))
    )
    assert (report.stored, report.present, report.skipped) == (1, 2, [])
    assert await _stored(empty_database) == sorted(
        [("999993653", None, "jansen"), (None, "1234567890", "jansen"), ("999990639", None, "jansen")], key=str
    )


async def test_the_same_person_twice_in_one_import_is_stored_once(empty_database: Database) -> None:
    report = await _import(empty_database, _labelled(_lijst("999993653"), _lijst("999993653", naam="Tweede")))
    assert report.stored == 1
    assert report.skipped == ["lijst[1]: burgerservicenummer 999993653 komt eerder in de import voor"]
    assert await _stored(empty_database) == [("999993653", None, "jansen")]


async def test_replacing_removes_the_stored_persoonslijsten_of_the_person(empty_database: Database) -> None:
    await _import(empty_database, _labelled(_lijst("999993653", "1111111111"), _lijst("999990639")))
    await _import(empty_database, _labelled(_lijst("999993653", "2222222222")), bestaand=Bestaand.TOESTAAN)
    report = await _import(empty_database, _labelled(_lijst("999993653", naam="Nieuw")), bestaand=Bestaand.VERVANGEN)
    assert (report.stored, report.replaced, report.present) == (1, 2, 0)
    assert await _stored(empty_database) == [("999990639", None, "jansen"), ("999993653", None, "nieuw")]


async def test_duplicates_allowed_stores_beside_and_a_rerun_adds_nothing(empty_database: Database) -> None:
    labelled = _labelled(
        _lijst("999993653", "1111111111"), _lijst("999993653", "2222222222"), _lijst(None, "3333333333")
    )
    first = await _import(empty_database, labelled, bestaand=Bestaand.TOESTAAN)
    again = await _import(empty_database, labelled, bestaand=Bestaand.TOESTAAN)
    assert (first.stored, first.present) == (3, 0)
    assert (again.stored, again.present) == (0, 3)
    assert len(await _stored(empty_database)) == 3


async def test_an_interrupted_import_continues_where_it_stopped(empty_database: Database) -> None:
    labelled = _labelled(*(_lijst(None, f"10000000{index:02d}") for index in range(7)))
    with pytest.raises(_InterruptError):
        await _import(empty_database, labelled, batch_size=3, progress=_interrupt_after_first_batch)
    assert len(await _stored(empty_database)) == 3
    report = await _import(empty_database, labelled, batch_size=3)
    assert (report.stored, report.present) == (4, 3)
    assert sorted(a for _bsn, a, _naam in await _stored(empty_database)) == [f"10000000{i:02d}" for i in range(7)]


async def test_an_interrupted_load_of_the_gbav_set_keeps_its_deliberate_duplicates(empty_database: Database) -> None:
    testset = gbav_testset()
    with pytest.raises(_InterruptError):
        await _import(
            empty_database, testset, bestaand=Bestaand.TOESTAAN, batch_size=100, progress=_interrupt_after_first_batch
        )
    report = await _import(empty_database, testset, bestaand=Bestaand.TOESTAAN, batch_size=100)
    assert (report.stored, report.present) == (587, 100)
    stored = Counter(bsn for bsn, _a, _naam in await _stored(empty_database))
    expected = Counter(lijst["01"][0].get("01.20") for _label, lijst in testset)
    assert stored == expected and sum(stored.values()) == 687


async def test_an_interrupted_population_continues_on_a_rerun(empty_database: Database) -> None:
    await _import(empty_database, _labelled(_lijst("999993653")))
    with pytest.raises(_InterruptError):
        await _seed(empty_database, 45, seed=5, batch_size=10, progress=_interrupt_after_first_batch)
    assert len(await _stored(empty_database)) == 1 + 10
    handled: list[int] = []
    assert await _seed(empty_database, 45, seed=5, batch_size=10, progress=handled.append) == 35
    assert sum(handled) == 45
    expected = sorted(lijst.burgerservicenummer or "" for batch in generate_population(45, 5) for lijst in batch)
    stored = sorted(bsn or "" for bsn, _a, _naam in await _stored(empty_database))
    assert stored == sorted([*expected, "999993653"])
    assert await _seed(empty_database, 45, seed=5, batch_size=10) == 0


async def test_a_population_of_another_seed_is_refused(empty_database: Database) -> None:
    await _seed(empty_database, 12, seed=5)
    with pytest.raises(Conflict, match="andere startwaarde"):
        await _seed(empty_database, 12, seed=6)
    async with empty_database.connect() as connection:
        assert await repository.count(connection) == 12
