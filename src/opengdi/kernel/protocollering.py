# SPDX-License-Identifier: EUPL-1.2
"""Protocollering: the durable, append-only record of every access to personal data.

Before personal data leaves, the building block hands a :class:`ProtocolRecord` to the
:class:`ProtocolWriter` and waits until it is committed: which organisation (OIN) and end user,
when, which persons (BSNs), which data elements, for which purpose, with which request id. Under
load the writer groups the records of many requests into one commit (group commit); it never skips
or defers one: if the record cannot be written, the request fails and no data leaves. The tables
refuse updates and deletes (database triggers).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, Database, JsonDocument
from opengdi.kernel.problems import Problem

logger = logging.getLogger("opengdi.protocollering")

#: An autoincrementing 64-bit key (INTEGER on SQLite, which only autoincrements that).
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ProtocolRow(Base):
    """One access to personal data."""

    __tablename__ = "gdi_protocol"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    request_id: Mapped[str] = mapped_column(String(128), index=True)
    afnemer_oin: Mapped[str | None] = mapped_column(String(20), index=True)
    afnemer_naam: Mapped[str] = mapped_column(String(200))
    eindgebruiker: Mapped[str | None] = mapped_column(String(200))
    verwerking: Mapped[str | None] = mapped_column(String(242))
    doelbinding: Mapped[str] = mapped_column(String(100))
    bouwsteen: Mapped[str] = mapped_column(String(40))
    operatie: Mapped[str] = mapped_column(String(80))
    gegevens: Mapped[list[str]] = mapped_column(JsonDocument, comment="de geleverde (gevraagde) gegevens")


class ProtocolPersoonRow(Base):
    """A person whose data an access concerned (one row per BSN per access)."""

    __tablename__ = "gdi_protocol_persoon"

    protocol_id: Mapped[int] = mapped_column(BigId, ForeignKey("gdi_protocol.id"), primary_key=True)
    burgerservicenummer: Mapped[str] = mapped_column(String(9), primary_key=True, index=True)


@dataclass(frozen=True, slots=True)
class ProtocolRecord:
    """What is recorded about one access to personal data."""

    request_id: str
    afnemer_oin: str | None
    afnemer_naam: str
    doelbinding: str
    bouwsteen: str
    operatie: str
    personen: Sequence[str]
    gegevens: Sequence[str]
    eindgebruiker: str | None = None
    verwerking: str | None = None
    tijdstip: datetime = field(default_factory=lambda: datetime.now(UTC))

    def row(self) -> dict[str, Any]:
        """The ``gdi_protocol`` row."""
        return {
            "tijdstip": self.tijdstip,
            "request_id": self.request_id,
            "afnemer_oin": self.afnemer_oin,
            "afnemer_naam": self.afnemer_naam,
            "eindgebruiker": self.eindgebruiker,
            "verwerking": self.verwerking,
            "doelbinding": self.doelbinding,
            "bouwsteen": self.bouwsteen,
            "operatie": self.operatie,
            "gegevens": list(self.gegevens),
        }


_Pending = tuple[ProtocolRecord, "asyncio.Future[None]"]


class ProtocolWriter:
    """Writes protocol records durably, grouping concurrent requests into one commit."""

    #: The most records in one commit.
    MAX_BATCH = 500

    def __init__(self, database: Database) -> None:
        self.database = database
        self._queue: asyncio.Queue[_Pending] | None = None
        self._task: asyncio.Task[None] | None = None

    async def record(self, record: ProtocolRecord) -> None:
        """Return once ``record`` is committed; a 503 problem when it could not be written."""
        if self._queue is None or self._task is None or self._task.done():
            self._queue = asyncio.Queue()
            self._task = asyncio.create_task(self._run(self._queue))
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        await self._queue.put((record, future))
        try:
            await future
        except Exception as error:
            raise Problem(
                status=503,
                title="De protocollering is tijdelijk niet beschikbaar.",
                code="protocolleringNietBeschikbaar",
                detail="Er zijn geen gegevens geleverd, omdat de toegang niet kon worden vastgelegd.",
            ) from error

    async def _run(self, queue: asyncio.Queue[_Pending]) -> None:
        while True:
            batch = [await queue.get()]
            while len(batch) < self.MAX_BATCH and not queue.empty():
                batch.append(queue.get_nowait())
            await self._write(batch)

    async def _write(self, batch: list[_Pending]) -> None:
        try:
            await write_records(self.database, [record for record, _ in batch])
        except Exception as error:  # every waiting request fails: no data leaves unrecorded
            logger.exception("protocol_write_failed records=%d", len(batch))
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
            return
        for _, future in batch:
            if not future.done():
                future.set_result(None)

    async def close(self) -> None:
        """Stop the writer (pending records have been answered already)."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None


async def write_records(database: Database, records: Sequence[ProtocolRecord]) -> None:
    """Commit ``records`` in one transaction."""
    async with database.session() as session:
        result = await session.execute(
            insert(ProtocolRow).returning(ProtocolRow.id, sort_by_parameter_order=True),
            [record.row() for record in records],
        )
        ids = result.scalars().all()
        persons = [
            {"protocol_id": protocol_id, "burgerservicenummer": bsn}
            for protocol_id, record in zip(ids, records, strict=True)
            for bsn in dict.fromkeys(record.personen)
        ]
        if persons:
            await session.execute(insert(ProtocolPersoonRow), persons)
        await session.commit()


@dataclass(frozen=True, slots=True)
class ProtocolVraag:
    """A question to the protocol: filters, all optional, and a page."""

    burgerservicenummer: str | None = None
    afnemer_oin: str | None = None
    bouwstenen: frozenset[str] | None = None  # None: every building block
    vanaf: datetime | None = None
    tot: datetime | None = None
    limit: int = 100
    offset: int = 0


async def find_records(database: Database, vraag: ProtocolVraag) -> list[dict[str, Any]]:
    """Protocol records matching ``vraag``, newest first, each with its persons."""
    statement = select(ProtocolRow).order_by(ProtocolRow.id.desc()).limit(vraag.limit).offset(vraag.offset)
    if vraag.burgerservicenummer:
        statement = statement.where(
            ProtocolRow.id.in_(
                select(ProtocolPersoonRow.protocol_id).where(
                    ProtocolPersoonRow.burgerservicenummer == vraag.burgerservicenummer
                )
            )
        )
    if vraag.afnemer_oin:
        statement = statement.where(ProtocolRow.afnemer_oin == vraag.afnemer_oin)
    if vraag.bouwstenen is not None:
        statement = statement.where(ProtocolRow.bouwsteen.in_(sorted(vraag.bouwstenen)))
    if vraag.vanaf:
        statement = statement.where(ProtocolRow.tijdstip >= vraag.vanaf)
    if vraag.tot:
        statement = statement.where(ProtocolRow.tijdstip < vraag.tot)
    async with database.session() as session:
        rows = (await session.scalars(statement)).all()
        persons: dict[int, list[str]] = {}
        if rows:
            found = await session.execute(
                select(ProtocolPersoonRow.protocol_id, ProtocolPersoonRow.burgerservicenummer).where(
                    ProtocolPersoonRow.protocol_id.in_([row.id for row in rows])
                )
            )
            for protocol_id, bsn in found.all():
                persons.setdefault(protocol_id, []).append(bsn)
    return [_as_json(row, sorted(persons.get(row.id, []))) for row in rows]


def _as_json(row: ProtocolRow, personen: list[str]) -> dict[str, Any]:
    return {
        "id": row.id,
        "tijdstip": row.tijdstip.isoformat(),
        "requestId": row.request_id,
        "afnemer": {"oin": row.afnemer_oin, "naam": row.afnemer_naam},
        "eindgebruiker": row.eindgebruiker,
        "verwerking": row.verwerking,
        "doelbinding": row.doelbinding,
        "bouwsteen": row.bouwsteen,
        "operatie": row.operatie,
        "personen": personen,
        "gegevens": row.gegevens,
    }
