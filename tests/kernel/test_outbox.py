# SPDX-License-Identifier: EUPL-1.2
"""The unit of work and the transactional outbox: a change and its events are stored together or
not at all, also when something fails between the two writes or in the commit itself."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.outbox import Gebeurtenis, GebeurtenisRow, as_cloudevent
from opengdi.kernel.transacties import TransactieRow
from opengdi.kernel.uow import UnitOfWork

OIN = "00000099000000001000"


def _event(subject: str, **extensies: str) -> Gebeurtenis:
    return Gebeurtenis(
        bouwsteen="test",
        type="nl.test.iets-gebeurd",
        subject=subject,
        data={"wat": subject},
        ordeningssleutel=f"test:{subject}",
        extensies=extensies,
    )


def _change(marker: str) -> TransactieRow:
    """A row of a kernel table, standing in for the change a service makes."""
    return TransactieRow(
        tijdstip=datetime.now(UTC),
        request_id=marker,
        naar="test",
        operatie="test",
        status=200,
        duur_ms=0.0,
        bytes_in=0,
        bytes_uit=0,
    )


async def _add_change(uow: UnitOfWork, marker: str) -> int:
    row = _change(marker)
    uow.session.add(row)
    await uow.session.flush()
    return row.id


async def _stored(database: Database, change_id: int, after: int) -> tuple[bool, list[GebeurtenisRow]]:
    """Whether the change is stored, and the events stored after event number ``after``."""
    async with database.session() as session:
        change = await session.get(TransactieRow, change_id)
        return change is not None, await outbox.since(session, after)


async def _last(database: Database) -> int:
    async with database.session() as session:
        return await outbox.last_volgnummer(session)


async def test_a_committed_change_has_its_events(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        change_id = await _add_change(uow, "committed")
        uow.record([_event("a"), _event("b")])
        await uow.commit()
    stored, events = await _stored(database, change_id, after)
    assert stored
    assert [(event.subject, event.type, event.afgeleverd_op) for event in events] == [
        ("a", "nl.test.iets-gebeurd", None),
        ("b", "nl.test.iets-gebeurd", None),
    ]
    assert {event.bron for event in events} == {f"urn:nld:oin:{OIN}:systeem:test"}


async def test_leaving_without_commit_stores_neither_the_change_nor_its_events(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        change_id = await _add_change(uow, "not committed")
        uow.record([_event("c")])
    assert await _stored(database, change_id, after) == (False, [])


async def test_an_exception_in_the_use_case_stores_neither(database: Database) -> None:
    after = await _last(database)
    change_id = 0
    with pytest.raises(ZeroDivisionError):
        async with UnitOfWork(database, oin=OIN) as uow:
            change_id = await _add_change(uow, "exception")
            uow.record([_event("d")])
            _ = 1 / 0
    assert change_id and await _stored(database, change_id, after) == (False, [])


async def test_a_failure_after_the_change_is_flushed_and_before_the_events_are_written_stores_neither(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing_write(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("verbinding verbroken")

    after = await _last(database)
    monkeypatch.setattr(outbox, "write", failing_write)
    change_id = 0
    with pytest.raises(OSError, match="verbroken"):
        async with UnitOfWork(database, oin=OIN) as uow:
            change_id = await _add_change(uow, "fails before events")
            uow.record([_event("e")])
            await uow.commit()
    assert change_id and await _stored(database, change_id, after) == (False, [])


async def test_a_failure_while_the_events_are_written_stores_neither(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second event gets the id of the first: the database refuses it halfway through the write."""
    same = uuid.uuid4()
    monkeypatch.setattr(outbox, "uuid7", lambda: same)
    after = await _last(database)
    change_id = 0
    with pytest.raises(Exception) as raised:
        async with UnitOfWork(database, oin=OIN) as uow:
            change_id = await _add_change(uow, "fails while writing events")
            uow.record([_event("f"), _event("g")])
            await uow.commit()
    assert "unique" in str(raised.value).lower()
    assert change_id and await _stored(database, change_id, after) == (False, [])


async def test_a_failing_commit_stores_neither(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    async def failing_commit(_self: AsyncSession) -> None:
        raise OSError("commit mislukt")

    after = await _last(database)
    change_id = 0
    with pytest.raises(OSError, match="commit mislukt"):
        async with UnitOfWork(database, oin=OIN) as uow:
            change_id = await _add_change(uow, "commit fails")
            uow.record([_event("h")])
            monkeypatch.setattr(AsyncSession, "commit", failing_commit)
            await uow.commit()
    monkeypatch.undo()
    assert change_id and await _stored(database, change_id, after) == (False, [])


async def test_events_without_a_change_are_not_stored_when_the_commit_fails(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The events are the first thing the transaction writes: they must be inside it all the same."""

    async def failing_commit(_self: AsyncSession) -> None:
        raise OSError("commit mislukt")

    after = await _last(database)
    with pytest.raises(OSError, match="commit mislukt"):
        async with UnitOfWork(database, oin=OIN) as uow:
            uow.record([_event("only events")])
            monkeypatch.setattr(AsyncSession, "commit", failing_commit)
            await uow.commit()
    monkeypatch.undo()
    assert await _last(database) == after


async def test_a_connection_lost_at_commit_stores_neither_on_postgresql(database: Database) -> None:
    """A real failure of the commit: the server ends the session after the events were written."""
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL kan de verbinding van een sessie van buitenaf beëindigen")
    after = await _last(database)
    change_id = 0
    with pytest.raises(DBAPIError):
        async with UnitOfWork(database, oin=OIN) as uow:
            change_id = await _add_change(uow, "connection lost")
            uow.record([_event("i")])
            await outbox.write(uow.session, [_event("j")], oin=OIN, tijdstip=datetime.now(UTC))
            driver: Any = (await (await uow.session.connection()).get_raw_connection()).driver_connection
            async with database.connect() as other:
                await other.exec_driver_sql(f"SELECT pg_terminate_backend({int(driver.get_server_pid())})")
            await uow.commit()
    assert change_id and await _stored(database, change_id, after) == (False, [])
    assert await _last(database) == after, "the pool hands out a working connection after the lost one"


async def test_events_recorded_after_a_commit_go_with_the_next_commit(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        uow.record([_event("k")])
        await uow.commit()
        uow.record([_event("l")])
        assert [event.subject for event in uow.recorded] == ["l"]
    async with database.session() as session:
        assert [event.subject for event in await outbox.since(session, after)] == ["k"]


async def test_a_follower_reads_the_number_type_and_subject_of_each_event_in_order(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        uow.record([_event("m"), _event("n"), _event("o")])
        await uow.commit()
    async with database.session() as session:
        full = await outbox.since(session, after)
        light = await outbox.subjects_since(session, after, limit=2)
        rest = await outbox.subjects_since(session, light[-1][0])
    assert [*light, *rest] == [(row.volgnummer, row.type, row.subject) for row in full]
    assert [subject for _, _, subject in [*light, *rest]] == ["m", "n", "o"]


async def test_a_unit_of_work_that_records_events_needs_the_source_oin(database: Database) -> None:
    async with UnitOfWork(database) as uow:
        uow.record([_event("m")])
        with pytest.raises(RuntimeError, match="OIN"):
            await uow.commit()


async def test_a_stored_event_is_a_cloudevent_of_the_nl_gov_profile(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        uow.record([_event("999993653", nlbrpanummer="1234567890")])
        await uow.commit()
    async with database.session() as session:
        (row,) = await outbox.since(session, after)
    event = as_cloudevent(row)
    assert event["specversion"] == "1.0"
    assert uuid.UUID(event["id"]).version == 7
    assert event["source"] == f"urn:nld:oin:{OIN}:systeem:test"
    assert event["type"] == "nl.test.iets-gebeurd"
    assert event["subject"] == "999993653"
    assert datetime.fromisoformat(event["time"]).tzinfo is not None and event["time"].endswith("Z")
    assert event["sequence"] == f"{row.volgnummer:020d}"
    assert event["nlbrpanummer"] == "1234567890"
    assert (event["datacontenttype"], event["data"]) == ("application/json", {"wat": "999993653"})


async def test_the_relay_reads_pending_events_in_order_and_marks_them_delivered(database: Database) -> None:
    after = await _last(database)
    async with UnitOfWork(database, oin=OIN) as uow:
        uow.record([_event("n"), _event("o")])
        await uow.commit()
    async with database.session() as session:
        mine = [row for row in await outbox.pending(session, limit=100_000) if row.volgnummer > after]
        assert [row.subject for row in mine] == ["n", "o"]
        await outbox.mark_delivered(session, [mine[0].volgnummer], datetime.now(UTC))
        await session.commit()
    async with database.session() as session:
        still = [row.subject for row in await outbox.pending(session, limit=100_000) if row.volgnummer > after]
    assert still == ["o"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"type": "Persoon Opgenomen"}, "reverse-DNS"),
        ({"bouwsteen": "BRP"}, "bouwsteen"),
        ({"subject": ""}, "subject"),
        ({"extensies": {"nl-brp-geslacht": "V"}}, "extensie"),
    ],
)
def test_an_event_that_cannot_become_a_cloudevent_is_refused(changes: dict[str, Any], message: str) -> None:
    fields: dict[str, Any] = {
        "bouwsteen": "brp",
        "type": "nl.brp.persoonslijst-opgenomen",
        "subject": "999993653",
        "data": {},
        "ordeningssleutel": "bsn:999993653",
    }
    with pytest.raises(ValueError, match=message):
        Gebeurtenis(**(fields | changes))
