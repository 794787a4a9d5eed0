# SPDX-License-Identifier: EUPL-1.2
"""The BRP's events: every load and every emptying records one event per persoonslijst in the
outbox, in the same transaction; a refused or failed change records none."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from opengdi.cli import app as gdi
from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import OngeldigeInvoer
from opengdi.kernel.outbox import GebeurtenisRow, as_cloudevent
from opengdi.registers.brp import repository, service
from opengdi.registers.brp.catalogus import CATALOGUS
from opengdi.registers.brp.events import PERSOONSLIJST_OPGENOMEN, PERSOONSLIJST_VERWIJDERD, opgenomen, verwijderd
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.service import Bestaand
from opengdi.settings import get_settings
from tests.conftest import OIN, unit_of_work
from tests.registers.brp.helpers import BEHEER, load, persoonslijst

BRON = f"urn:nld:oin:{OIN}:systeem:brp"


async def _last(database: Database) -> int:
    async with database.session() as session:
        return await outbox.last_volgnummer(session)


async def _since(database: Database, after: int) -> list[GebeurtenisRow]:
    async with database.session() as session:
        return await outbox.since(session, after, limit=1_000_000)


def _summary(events: list[GebeurtenisRow]) -> list[tuple[str, str | None]]:
    return [(event.type, event.subject) for event in events]


async def test_loading_through_the_beheer_api_records_one_event_per_persoonslijst(
    client: httpx.AsyncClient, empty_database: Database
) -> None:
    after = await _last(empty_database)
    anummer = persoonslijst("000000024", c01=[{"01.10": "1234567890"}])
    zonder_bsn = {"01": [{"01.10": "9876543210", "02.40": "Zonder"}], "07": [{"70.10": "0"}]}
    await load(client, persoonslijst("000000012"), anummer, zonder_bsn)
    events = await _since(empty_database, after)
    assert _summary(events) == [
        (PERSOONSLIJST_OPGENOMEN, "000000012"),
        (PERSOONSLIJST_OPGENOMEN, "000000024"),
        (PERSOONSLIJST_OPGENOMEN, None),
    ]
    assert [event.ordeningssleutel for event in events] == ["bsn:000000012", "bsn:000000024", "anummer:9876543210"]
    cloudevent = as_cloudevent(events[1])
    assert cloudevent["source"] == BRON
    assert cloudevent["type"] == "nl.brp.persoonslijst-opgenomen"
    assert cloudevent["subject"] == "000000024"
    assert cloudevent["nlbrpanummer"] == "1234567890"
    assert cloudevent["data"] == {"burgerservicenummer": "000000024", "aNummer": "1234567890"}
    assert "subject" not in as_cloudevent(events[2]) and events[2].data == {"aNummer": "9876543210"}


async def test_a_refused_import_records_no_event(client: httpx.AsyncClient, empty_database: Database) -> None:
    after = await _last(empty_database)
    bad = persoonslijst("000000024", c01=[{"03.10": "19831345"}])
    response = await client.post(BEHEER, json={"persoonslijsten": [persoonslijst("000000012"), bad]})
    assert response.status_code == 400
    assert await _since(empty_database, after) == []


async def test_emptying_the_brp_records_one_event_per_removed_persoonslijst(
    client: httpx.AsyncClient, empty_database: Database
) -> None:
    await load(client, persoonslijst("000000012"), persoonslijst("000000024"))
    after = await _last(empty_database)
    assert (await client.delete(BEHEER)).status_code == 204
    events = await _since(empty_database, after)
    assert sorted(_summary(events), key=str) == [
        (PERSOONSLIJST_VERWIJDERD, "000000012"),
        (PERSOONSLIJST_VERWIJDERD, "000000024"),
    ]


async def test_a_failure_between_storing_and_recording_stores_no_persoonslijst(
    empty_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing_write(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("schijf vol")

    after = await _last(empty_database)
    monkeypatch.setattr(outbox, "write", failing_write)
    with pytest.raises(OSError, match="schijf vol"):
        async with unit_of_work(empty_database) as uow:
            await service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("000000012")]})
    monkeypatch.undo()
    async with empty_database.connect() as connection:
        assert await repository.count(connection) == 0
    assert await _since(empty_database, after) == []


async def test_a_failure_while_emptying_keeps_every_persoonslijst(
    empty_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with unit_of_work(empty_database) as uow:
        await service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("000000012")]})

    async def failing_write(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("schijf vol")

    after = await _last(empty_database)
    monkeypatch.setattr(outbox, "write", failing_write)
    with pytest.raises(OSError):
        async with unit_of_work(empty_database) as uow:
            await service.empty_brp(uow)
    monkeypatch.undo()
    async with empty_database.connect() as connection:
        assert await repository.count(connection) == 1
    assert await _since(empty_database, after) == []


async def test_invalid_input_is_a_domain_error_naming_the_parameter(empty_database: Database) -> None:
    with pytest.raises(OngeldigeInvoer) as raised:
        async with unit_of_work(empty_database) as uow:
            await service.import_persoonslijsten(uow, {"persoonslijsten": [{"01": [{"03.10": "19831345"}]}]})
    assert [param.name for param in raised.value.parameters] == ["persoonslijsten[0].01[0].03.10"]


async def test_a_bulk_import_records_an_event_for_each_stored_persoonslijst_in_each_batch(
    empty_database: Database,
) -> None:
    labelled = [(f"lijst[{index}]", persoonslijst(f"{index:09d}")) for index in range(1, 1201)]
    labelled.append(("kapot", {"01": "geen lijst"}))
    after = await _last(empty_database)
    async with unit_of_work(empty_database) as uow:
        report = await service.import_bulk(uow, labelled, batch_size=500)
    assert report.stored == 1200 and len(report.skipped) == 1
    events = await _since(empty_database, after)
    assert _summary(events) == [(PERSOONSLIJST_OPGENOMEN, f"{index:09d}") for index in range(1, 1201)]
    assert len({event.id for event in events}) == 1200
    async with unit_of_work(empty_database) as uow:
        again = await service.import_bulk(uow, labelled[:10])
    assert (again.stored, again.present) == (0, 10)
    assert len(await _since(empty_database, after)) == 1200  # persons already stored record nothing


async def test_replacing_a_person_records_the_removal_and_the_new_persoonslijst(empty_database: Database) -> None:
    async with unit_of_work(empty_database) as uow:
        await service.import_bulk(uow, [("oud", persoonslijst("000000012", c01=[{"01.10": "1111111111"}]))])
    after = await _last(empty_database)
    nieuw = [("nieuw", persoonslijst("000000012", c01=[{"01.10": "2222222222"}]))]
    async with unit_of_work(empty_database) as uow:
        report = await service.import_bulk(uow, nieuw, bestaand=Bestaand.VERVANGEN)
    assert (report.stored, report.replaced) == (1, 1)
    events = await _since(empty_database, after)
    assert [(event.type, event.subject, event.data.get("aNummer")) for event in events] == [
        (PERSOONSLIJST_VERWIJDERD, "000000012", "1111111111"),
        (PERSOONSLIJST_OPGENOMEN, "000000012", "2222222222"),
    ]
    assert {event.ordeningssleutel for event in events} == {"bsn:000000012"}


def test_the_cli_import_and_empty_record_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GDI_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    try:
        bestand = tmp_path / "set.json"
        bestand.write_text('{"persoonslijsten": [{"01": [{"01.20": "000000012"}]}]}', "utf-8")
        runner = CliRunner()
        assert runner.invoke(gdi, ["brp", "importeren", str(bestand)]).exit_code == 0
        assert runner.invoke(gdi, ["brp", "leegmaken", "--ja"]).exit_code == 0
        database = Database(get_settings().effective_database_url)

        async def recorded() -> list[tuple[str, str | None]]:
            try:
                return _summary(await _since(database, 0))
            finally:
                await database.dispose()

        assert asyncio.run(recorded()) == [
            (PERSOONSLIJST_OPGENOMEN, "000000012"),
            (PERSOONSLIJST_VERWIJDERD, "000000012"),
        ]
    finally:
        get_settings.cache_clear()


def test_every_event_the_brp_records_is_declared_in_its_catalogue() -> None:
    recorded = {event.type for event in [*opgenomen([Persoonslijst()]), *verwijderd([("000000012", None)])]}
    assert recorded == {gebeurtenistype.naam for gebeurtenistype in CATALOGUS.gebeurtenistypen}
