# SPDX-License-Identifier: EUPL-1.2
"""Issuing, reserving and validating on both databases: every number passes the 11-proef, none is
issued twice (also by concurrent requests from two processes), numbers in use in the BRP are
skipped, a short stock is refused without change, and a series gives the same numbers every time."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

import pytest

from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import service as brp_service
from opengdi.registers.brp.demo import gbav_testset
from opengdi.registers.brp.service import Bestaand
from opengdi.stelsel.bsn import repository, service
from opengdi.stelsel.bsn.domein import Status, Uitgifte
from opengdi.stelsel.bsn.nummers import RUIMTE, als_tekst, volgende_geldige
from opengdi.stelsel.bsn.voorraad import ReeksOverlapt, VoorraadUitgeput
from tests.conftest import OIN, settings_for, unit_of_work
from tests.stelsel.bsn.helpers import nieuwe_oin


async def _uitgeven(database: Database, aanvrager: str, aantal: int, kenmerk: str | None = None) -> Uitgifte:
    async with unit_of_work(database) as uow:
        return await service.uitgeven(uow, aanvrager=aanvrager, aantal=aantal, kenmerk=kenmerk)


async def _reserveren(database: Database, aanvrager: str, omvang: int, eerste: str | None = None) -> None:
    async with unit_of_work(database) as uow:
        await service.reserveren(uow, aanvrager=aanvrager, omvang=omvang, eerste=eerste, door=OIN)


async def _status(database: Database, bsn: str) -> Status:
    async with unit_of_work(database) as uow:
        return (await service.status(uow, bsn)).status


async def _in_de_brp(database: Database, *bsns: str) -> None:
    body = {"persoonslijsten": [{"01": [{"01.20": bsn, "02.40": "Test"}]} for bsn in bsns]}
    async with unit_of_work(database) as uow:
        await brp_service.import_persoonslijsten(uow, body)


async def test_a_first_issue_gets_a_startvoorraad_and_numbers_that_pass_the_11_proef(database: Database) -> None:
    aanvrager = nieuwe_oin()
    eerste = await _uitgeven(database, aanvrager, 25, kenmerk="zaak-1")
    tweede = await _uitgeven(database, aanvrager, 25)
    nummers = [*eerste.burgerservicenummers, *tweede.burgerservicenummers]
    assert len(set(nummers)) == 50 and all(is_valid_bsn(bsn) for bsn in nummers)
    assert nummers == sorted(nummers)  # the next ones of its range, in order
    async with database.session() as session:
        [reeks] = await repository.reeksen(session, aanvrager)
    assert reeks.omvang == service.STARTVOORRAAD and reeks.gereserveerd_door is None
    assert RUIMTE[0] <= reeks.eerste <= int(nummers[0]) and int(nummers[-1]) <= reeks.laatste <= RUIMTE[1]
    assert reeks.uitgegeven == 50 and reeks.resterend == service.STARTVOORRAAD - 50
    async with unit_of_work(database) as uow:
        gevonden = await service.status(uow, nummers[0])
    assert gevonden.status is Status.UITGEGEVEN and gevonden.uitgifte is not None
    assert (gevonden.uitgifte.id, gevonden.uitgifte.aanvrager, gevonden.uitgifte.kenmerk) == (
        eerste.id,
        aanvrager,
        "zaak-1",
    )


async def test_ranges_of_different_organisations_never_share_a_number(database: Database) -> None:
    een, ander = nieuwe_oin(), nieuwe_oin()
    nummers = [
        *(await _uitgeven(database, een, 300)).burgerservicenummers,
        *(await _uitgeven(database, ander, 300)).burgerservicenummers,
        *(await _uitgeven(database, een, 300)).burgerservicenummers,
    ]
    assert len(set(nummers)) == 900
    async with database.session() as session:
        reeksen = await repository.reeksen(session)
    spans = sorted((reeks.eerste, reeks.laatste) for reeks in reeksen)
    assert all(left[1] < right[0] for left, right in itertools.pairwise(spans))


async def test_a_short_stock_is_refused_and_changes_nothing(database: Database) -> None:
    aanvrager = nieuwe_oin()
    await _reserveren(database, aanvrager, 5)
    await _uitgeven(database, aanvrager, 3)
    async with database.session() as session:
        voor = await outbox.last_volgnummer(session)
    with pytest.raises(VoorraadUitgeput, match=f"De voorraad van {aanvrager} heeft nog 2 burgerservicenummers"):
        await _uitgeven(database, aanvrager, 3)
    async with database.session() as session:
        [reeks] = await repository.reeksen(session, aanvrager)
        assert await outbox.last_volgnummer(session) == voor
    assert (reeks.uitgegeven, reeks.resterend) == (3, 2)
    assert len((await _uitgeven(database, aanvrager, 2)).burgerservicenummers) == 2
    with pytest.raises(VoorraadUitgeput, match="heeft nog 0"):
        await _uitgeven(database, aanvrager, 1)


async def test_numbers_in_use_in_the_brp_are_skipped(database: Database) -> None:
    aanvrager = nieuwe_oin()
    start = 880_000_000 if database.dialect == "sqlite" else 881_000_000
    kandidaten = [als_tekst(nummer) for nummer in volgende_geldige(start, 20)]
    await _reserveren(database, aanvrager, 20, eerste=als_tekst(start))
    await _in_de_brp(database, kandidaten[2], kandidaten[7])
    with pytest.raises(VoorraadUitgeput, match="heeft nog 18"):
        await _uitgeven(database, aanvrager, 19)
    uitgifte = await _uitgeven(database, aanvrager, 18)
    assert list(uitgifte.burgerservicenummers) == [
        bsn for bsn in kandidaten if bsn not in (kandidaten[2], kandidaten[7])
    ]
    assert await _status(database, kandidaten[2]) is Status.IN_GEBRUIK
    async with database.session() as session:
        [reeks] = await repository.reeksen(session, aanvrager)
    assert (reeks.uitgegeven, reeks.overgeslagen, reeks.uitgeput) == (18, 2, True)


async def test_the_test_persons_of_the_brp_are_never_issued(database: Database) -> None:
    async with unit_of_work(database) as uow:
        await brp_service.import_bulk(uow, gbav_testset(), bestaand=Bestaand.TOESTAAN)
    testpersonen = {bsn for _, lijst in gbav_testset() if (bsn := lijst.get("01", [{}])[0].get("01.20"))}
    aanvrager, start = nieuwe_oin(), 999_990_000
    omvang = len(volgende_geldige(start, 10_000))  # every valid number up to 999999999
    await _reserveren(database, aanvrager, omvang, eerste=als_tekst(start))
    in_range = {bsn for bsn in testpersonen if is_valid_bsn(bsn) and int(bsn) >= start}
    assert len(in_range) > 500
    async with unit_of_work(database) as uow:  # persons other tests of the session put in the BRP
        in_range |= await repository.taken_between(uow.session, als_tekst(start), "999999999")
    uitgifte = await _uitgeven(database, aanvrager, omvang - len(in_range))
    assert not set(uitgifte.burgerservicenummers) & testpersonen
    with pytest.raises(VoorraadUitgeput):
        await _uitgeven(database, aanvrager, 1)


async def test_a_range_may_not_overlap_another(database: Database) -> None:
    start = 870_000_000 if database.dialect == "sqlite" else 871_000_000
    await _reserveren(database, nieuwe_oin(), 100, eerste=als_tekst(start))
    with pytest.raises(ReeksOverlapt, match="overlapt reeks"):
        await _reserveren(database, nieuwe_oin(), 100, eerste=als_tekst(start - 500))


async def test_concurrent_issues_from_two_processes_never_give_a_number_twice(database: Database) -> None:
    aanvrager = nieuwe_oin()
    tweede = Database(database.url)  # another process: its own engine and connections
    try:
        uitgiften = await asyncio.gather(
            *(
                _uitgeven(db, aanvrager, 40) for db in [database, tweede] * 4
            )  # the first ones race for the startvoorraad
        )
    finally:
        await tweede.dispose()
    nummers = [bsn for uitgifte in uitgiften for bsn in uitgifte.burgerservicenummers]
    assert len(nummers) == 320 and len(set(nummers)) == 320
    async with database.session() as session:
        reeksen = await repository.reeksen(session, aanvrager)
    assert len(reeksen) == 1 and reeksen[0].uitgegeven == 320


async def test_a_series_gives_the_same_numbers_for_the_same_positions(database: Database, tmp_path: Path) -> None:
    bron = service.Nummervoorziening(database, settings_for(tmp_path))
    kenmerk = f"test-serie-{database.dialect}"
    eerste = await bron.reeks(kenmerk, 0, 10)
    assert await bron.reeks(kenmerk, 0, 10) == eerste
    verder = await bron.reeks(kenmerk, 5, 10)
    assert verder[:5] == eerste[5:] and len(set(eerste + verder)) == 15
    async with database.session() as session:
        assert await repository.serie_lengte(session, OIN, kenmerk) == 15
    assert all([await _status(database, bsn) is Status.UITGEGEVEN for bsn in verder])


async def test_the_status_of_numbers_that_were_never_issued(database: Database) -> None:
    aanvrager, start = nieuwe_oin(), (860_000_000 if database.dialect == "sqlite" else 861_000_000)
    await _reserveren(database, aanvrager, 10, eerste=als_tekst(start))
    binnen, buiten = volgende_geldige(start, 1)[0], volgende_geldige(start + 10_000, 1)[0]
    assert await _status(database, als_tekst(binnen)) is Status.GERESERVEERD
    assert await _status(database, als_tekst(buiten)) is Status.VRIJ
    assert await _status(database, "123456789") is Status.ONGELDIG


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"aantal": 0}, "aantal"), ({"aantal": service.MAX_UITGIFTE + 1}, "aantal"), ({"aantal": True}, "aantal"),
     ({"aanvrager": "123"}, "aanvrager"), ({"kenmerk": "a\x00b"}, "kenmerk"), ({"kenmerk": "x" * 101}, "kenmerk")],
)  # fmt: skip
async def test_bad_input_is_refused_naming_the_parameter(
    database: Database, kwargs: dict[str, object], name: str
) -> None:
    arguments: dict[str, object] = {"aanvrager": nieuwe_oin(), "aantal": 1, **kwargs}
    async with UnitOfWork(database, oin=OIN) as uow:
        with pytest.raises(service.OngeldigeInvoer) as raised:
            await service.uitgeven(uow, **arguments)  # type: ignore[arg-type]
    assert [param.name for param in raised.value.parameters] == [name]
