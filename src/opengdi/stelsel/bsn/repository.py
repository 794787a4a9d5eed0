# SPDX-License-Identifier: EUPL-1.2
"""The only SQL of the BSN-beheervoorziening.

Rows are read with Core statements into the plain values of :mod:`~opengdi.stelsel.bsn.domein`.
A range, the outbox follower and the number space are locked for the rest of the transaction by an
update that changes nothing (``lock_…``): on PostgreSQL a row lock, on SQLite the database's write
lock, taken before the row is read, so two transactions (two requests, two processes) never both
work from the same cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, Table, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.stelsel.bsn.domein import Reeks, Uitgifte
from opengdi.stelsel.bsn.model import NummerRow, NummerruimteRow, ReeksRow, UitgifteRow, VolgerRow

_REEKS: Table = ReeksRow.__table__  # type: ignore[assignment]
_UITGIFTE: Table = UitgifteRow.__table__  # type: ignore[assignment]
_NUMMER: Table = NummerRow.__table__  # type: ignore[assignment]
_VOLGER: Table = VolgerRow.__table__  # type: ignore[assignment]
_RUIMTE: Table = NummerruimteRow.__table__  # type: ignore[assignment]
#: Rows per insert statement of numbers (SQLite allows 32,766 parameters a statement).
_PER_INSERT = 2000


def _aware(moment: datetime) -> datetime:
    """``moment`` with its time zone (SQLite gives it back without; every moment stored is UTC)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _reeks(row: Row[Any]) -> Reeks:
    return Reeks(
        row.id,
        row.aanvrager,
        row.eerste,
        row.laatste,
        row.volgende,
        row.omvang,
        row.uitgegeven,
        row.overgeslagen,
        _aware(row.gereserveerd_op),
        row.gereserveerd_door,
    )


def _uitgifte(row: Row[Any], nummers: Sequence[str] = ()) -> Uitgifte:
    return Uitgifte(row.id, row.aanvrager, row.kenmerk, row.aantal, _aware(row.tijdstip), tuple(nummers))


# ----------------------------------------------------------------------------------------- ranges
async def reeks_ids(session: AsyncSession, aanvrager: str) -> list[int]:
    """The ids of the ranges of ``aanvrager``, oldest first."""
    statement = select(_REEKS.c.id).where(_REEKS.c.aanvrager == aanvrager).order_by(_REEKS.c.id)
    return list((await session.scalars(statement)).all())


async def reeksen(session: AsyncSession, aanvrager: str | None = None) -> list[Reeks]:
    """The ranges of ``aanvrager`` (of everyone when ``None``), oldest first."""
    statement = select(_REEKS).order_by(_REEKS.c.id)
    if aanvrager is not None:
        statement = statement.where(_REEKS.c.aanvrager == aanvrager)
    return [_reeks(row) for row in await session.execute(statement)]


async def lock_reeks(session: AsyncSession, reeks_id: int) -> Reeks:
    """The range ``reeks_id``, locked until the end of the transaction."""
    await session.execute(update(_REEKS).where(_REEKS.c.id == reeks_id).values(volgende=_REEKS.c.volgende))
    return _reeks((await session.execute(select(_REEKS).where(_REEKS.c.id == reeks_id))).one())


async def move_cursor(session: AsyncSession, reeks_id: int, volgende: int, uitgegeven: int, overgeslagen: int) -> None:
    """Move the cursor of a range, counting what was issued and skipped."""
    await session.execute(
        update(_REEKS)
        .where(_REEKS.c.id == reeks_id)
        .values(
            volgende=volgende,
            uitgegeven=_REEKS.c.uitgegeven + uitgegeven,
            overgeslagen=_REEKS.c.overgeslagen + overgeslagen,
        )
    )


async def reeks_met(session: AsyncSession, nummer: int) -> Reeks | None:
    """The range that holds ``nummer``, if any."""
    statement = select(_REEKS).where(_REEKS.c.eerste <= nummer, _REEKS.c.laatste >= nummer).limit(1)
    row = (await session.execute(statement)).first()
    return _reeks(row) if row is not None else None


async def overlapping(session: AsyncSession, eerste: int, laatste: int) -> Reeks | None:
    """A range that shares a number with ``eerste`` … ``laatste``, if any (the lowest)."""
    statement = (
        select(_REEKS).where(_REEKS.c.eerste <= laatste, _REEKS.c.laatste >= eerste).order_by(_REEKS.c.eerste).limit(1)
    )
    row = (await session.execute(statement)).first()
    return _reeks(row) if row is not None else None


async def add_reeks(
    session: AsyncSession,
    *,
    aanvrager: str,
    eerste: int,
    laatste: int,
    omvang: int,
    tijdstip: datetime,
    door: str | None,
) -> Reeks:
    """Store a new range."""
    values: dict[str, Any] = {
        "aanvrager": aanvrager,
        "eerste": eerste,
        "laatste": laatste,
        "volgende": eerste,
        "omvang": omvang,
        "uitgegeven": 0,
        "overgeslagen": 0,
        "gereserveerd_op": tijdstip,
        "gereserveerd_door": door,
    }
    reeks_id = (await session.execute(insert(_REEKS).values(values).returning(_REEKS.c.id))).scalar_one()
    return Reeks(reeks_id, aanvrager, eerste, laatste, eerste, omvang, 0, 0, tijdstip, door)


async def lock_ruimte(session: AsyncSession) -> int:
    """Where the next range the voorziening places itself may start, locked until the end of the transaction."""
    await session.execute(update(_RUIMTE).where(_RUIMTE.c.id == 1).values(volgende=_RUIMTE.c.volgende))
    return int((await session.execute(select(_RUIMTE.c.volgende).where(_RUIMTE.c.id == 1))).scalar_one())


async def move_ruimte(session: AsyncSession, volgende: int) -> None:
    """Where the next range placed by the voorziening starts from now on."""
    await session.execute(update(_RUIMTE).where(_RUIMTE.c.id == 1).values(volgende=volgende))


# ----------------------------------------------------------------------------------------- numbers
async def taken_between(session: AsyncSession, eerste: str, laatste: str) -> set[str]:
    """The taken numbers (issued or in use) from ``eerste`` to ``laatste`` (nine digits each)."""
    statement = select(_NUMMER.c.bsn).where(_NUMMER.c.bsn >= eerste, _NUMMER.c.bsn <= laatste)
    return set((await session.scalars(statement)).all())


async def add_uitgifte(
    session: AsyncSession,
    *,
    aanvrager: str,
    kenmerk: str | None,
    serie_positie: int | None,
    nummers: Sequence[str],
    tijdstip: datetime,
) -> Uitgifte:
    """Store an issue and its numbers (a number taken meanwhile makes the insert fail)."""
    values = {
        "aanvrager": aanvrager,
        "kenmerk": kenmerk,
        "serie_positie": serie_positie,
        "aantal": len(nummers),
        "tijdstip": tijdstip,
    }
    uitgifte_id = (await session.execute(insert(_UITGIFTE).values(values).returning(_UITGIFTE.c.id))).scalar_one()
    rows = [
        {"bsn": bsn, "uitgifte_id": uitgifte_id, "volgnummer": index, "bron": None, "vastgelegd_op": tijdstip}
        for index, bsn in enumerate(nummers)
    ]
    for start in range(0, len(rows), _PER_INSERT):
        await session.execute(insert(_NUMMER), rows[start : start + _PER_INSERT])
    return Uitgifte(uitgifte_id, aanvrager, kenmerk, len(nummers), tijdstip, tuple(nummers))


async def add_in_gebruik(session: AsyncSession, nummers: Sequence[str], *, bron: str, tijdstip: datetime) -> None:
    """Record numbers as in use; the ones already known (or issued here) are left as they are. In
    ascending order, so that two transactions doing this wait for each other rather than deadlock."""
    rows = [
        {"bsn": bsn, "uitgifte_id": None, "volgnummer": None, "bron": bron, "vastgelegd_op": tijdstip}
        for bsn in sorted(set(nummers))
    ]
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    for start in range(0, len(rows), _PER_INSERT):
        statement = dialect.insert(_NUMMER).on_conflict_do_nothing(index_elements=["bsn"])
        await session.execute(statement, rows[start : start + _PER_INSERT])


async def nummer(session: AsyncSession, bsn: str) -> tuple[Uitgifte | None, str | None] | None:
    """What is stored of a taken number: its issue (``None`` when in use without issue here) and
    where it was learned to be in use; ``None`` when the number is not taken."""
    statement = (
        select(_NUMMER.c.bron, _UITGIFTE)
        .select_from(_NUMMER.outerjoin(_UITGIFTE, _NUMMER.c.uitgifte_id == _UITGIFTE.c.id))
        .where(_NUMMER.c.bsn == bsn)
    )
    row = (await session.execute(statement)).first()
    if row is None:
        return None
    return (_uitgifte(row) if row.id is not None else None), row.bron


async def uitgifte(session: AsyncSession, uitgifte_id: int) -> Uitgifte | None:
    """An issue with its numbers, in the order they were issued."""
    row = (await session.execute(select(_UITGIFTE).where(_UITGIFTE.c.id == uitgifte_id))).first()
    if row is None:
        return None
    return _uitgifte(row, await nummers_van(session, uitgifte_id))


async def nummers_van(session: AsyncSession, uitgifte_id: int, van: int = 0, tot: int | None = None) -> list[str]:
    """The numbers of an issue at places ``van`` … ``tot - 1`` (all from ``van`` when ``tot`` is ``None``)."""
    statement = (
        select(_NUMMER.c.bsn)
        .where(_NUMMER.c.uitgifte_id == uitgifte_id, _NUMMER.c.volgnummer >= van)
        .order_by(_NUMMER.c.volgnummer)
    )
    if tot is not None:
        statement = statement.where(_NUMMER.c.volgnummer < tot)
    return list((await session.scalars(statement)).all())


async def serie(session: AsyncSession, aanvrager: str, kenmerk: str) -> list[tuple[int, int, int]]:
    """The issues of the series of ``aanvrager`` and ``kenmerk``: (id, position of the first number, count)."""
    statement = (
        select(_UITGIFTE.c.id, _UITGIFTE.c.serie_positie, _UITGIFTE.c.aantal)
        .where(_UITGIFTE.c.aanvrager == aanvrager, _UITGIFTE.c.kenmerk == kenmerk)
        .where(_UITGIFTE.c.serie_positie.is_not(None))
        .order_by(_UITGIFTE.c.serie_positie)
    )
    return [(int(row[0]), int(row[1]), int(row[2])) for row in await session.execute(statement)]


async def serie_lengte(session: AsyncSession, aanvrager: str, kenmerk: str) -> int:
    """How many numbers the series of ``aanvrager`` and ``kenmerk`` holds."""
    statement = select(func.coalesce(func.sum(_UITGIFTE.c.aantal), 0)).where(
        _UITGIFTE.c.aanvrager == aanvrager, _UITGIFTE.c.kenmerk == kenmerk, _UITGIFTE.c.serie_positie.is_not(None)
    )
    return int((await session.execute(statement)).scalar_one())


# ----------------------------------------------------------------------------------------- the follower
async def volger(session: AsyncSession, *, lock: bool = False) -> tuple[int, datetime | None]:
    """How far the outbox was read (the last event handled, and since when a gap follows it);
    with ``lock``, locked until the end of the transaction."""
    if lock:
        await session.execute(update(_VOLGER).where(_VOLGER.c.id == 1).values(volgnummer=_VOLGER.c.volgnummer))
    row = (await session.execute(select(_VOLGER.c.volgnummer, _VOLGER.c.gat_sinds).where(_VOLGER.c.id == 1))).one()
    return int(row[0]), (_aware(row[1]) if row[1] is not None else None)


async def move_volger(session: AsyncSession, volgnummer: int, gat_sinds: datetime | None) -> None:
    """Record how far the outbox was read."""
    await session.execute(update(_VOLGER).where(_VOLGER.c.id == 1).values(volgnummer=volgnummer, gat_sinds=gat_sinds))
