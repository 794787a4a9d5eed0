# SPDX-License-Identifier: EUPL-1.2
"""Protocollering: the durable, append-only record of every access to personal data.

Before personal data leaves, the building block has the kernel build the records
(:func:`protocol_records`, through :func:`opengdi.kernel.context.record_protocol`) and waits
until the :class:`ProtocolWriter` committed them: one record per delivered subject (a person, a
company, an address, …, identified as (kind, number): a BSN, an A-nummer, a KvK-nummer, a BAG id),
or one record without a subject when nothing was delivered; each says who asked (the principal and
for whom it acted) and the end user, when, which data elements were asked, with which search
parameters, for which purpose, with which request id. Under load the writer groups the records of
many requests into one commit (group commit); it never skips or defers one: if a record cannot be
written, the request fails and no data leaves. The tables refuse updates and deletes (database
triggers).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, DateTime, ForeignKey, Index, Integer, String, func, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, Database, JsonDocument, UnnestColumns
from opengdi.kernel.problems import Problem
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag

logger = logging.getLogger("opengdi.protocollering")

#: An autoincrementing 64-bit key (INTEGER on SQLite, which only autoincrements that).
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ProtocolRow(Base):
    """One access to personal data, concerning one subject (or none, when nothing was delivered)."""

    __tablename__ = "gdi_protocol"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    request_id: Mapped[str] = mapped_column(String(128), index=True)
    afnemer_soort: Mapped[str | None] = mapped_column(
        String(20), comment="organisatie, natuurlijk_persoon, onderneming"
    )
    afnemer_identificatie: Mapped[str | None] = mapped_column(String(20), index=True, comment="OIN, BSN of KvK-nummer")
    afnemer_naam: Mapped[str] = mapped_column(String(200))
    authenticatie: Mapped[str | None] = mapped_column(String(20), comment="token, certificaat, open, …")
    namens_soort: Mapped[str | None] = mapped_column(String(20), comment="voor wie de afnemer optrad")
    namens_identificatie: Mapped[str | None] = mapped_column(String(20))
    eindgebruiker: Mapped[str | None] = mapped_column(String(200))
    verwerking: Mapped[str | None] = mapped_column(String(242))
    doelbinding: Mapped[str] = mapped_column(String(100))
    bouwsteen: Mapped[str] = mapped_column(String(40))
    operatie: Mapped[str] = mapped_column(String(80))
    gegevens: Mapped[list[str]] = mapped_column(JsonDocument, comment="de geleverde (gevraagde) gegevens")
    zoekvraag: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument, comment="de zoekparameters van het verzoek")


class ProtocolSubjectRow(Base):
    """A subject an access concerned, as (kind of identifier, identifier)."""

    __tablename__ = "gdi_protocol_subject"

    protocol_id: Mapped[int] = mapped_column(BigId, ForeignKey("gdi_protocol.id"), primary_key=True)
    soort: Mapped[str] = mapped_column(String(30), primary_key=True, comment="burgerservicenummer, aNummer, …")
    identificatie: Mapped[str] = mapped_column(String(40), primary_key=True)

    __table_args__ = (Index("ix_gdi_protocol_subject_soort_identificatie", "soort", "identificatie"),)


#: Kinds of subject identifier the kernel's callers use today.
BSN = "burgerservicenummer"


@dataclass(frozen=True, slots=True)
class Subject:
    """What a record concerns: the kind of identifier (``burgerservicenummer``, ``aNummer``,
    ``kvkNummer``, ``kenteken``, …) and the identifier."""

    soort: str
    identificatie: str


@dataclass(frozen=True, slots=True)
class ProtocolRecord:
    """What is recorded about one access to personal data."""

    request_id: str
    afnemer: Principaal
    doelbinding: str
    bouwsteen: str
    operatie: str
    subjecten: Sequence[Subject]
    gegevens: Sequence[str]
    zoekvraag: Mapping[str, Any] | None = None
    tijdstip: datetime = field(default_factory=lambda: datetime.now(UTC))

    def row(self) -> dict[str, Any]:
        """The ``gdi_protocol`` row."""
        afnemer, namens = self.afnemer, self.afnemer.namens
        return {
            "tijdstip": self.tijdstip,
            "request_id": self.request_id,
            "afnemer_soort": afnemer.soort.value if afnemer.identificatie else None,
            "afnemer_identificatie": afnemer.identificatie,
            "afnemer_naam": afnemer.naam,
            "authenticatie": afnemer.via,
            "namens_soort": namens.soort.value if namens else None,
            "namens_identificatie": namens.identificatie if namens else None,
            "eindgebruiker": afnemer.eindgebruiker,
            "verwerking": afnemer.verwerking,
            "doelbinding": self.doelbinding,
            "bouwsteen": self.bouwsteen,
            "operatie": self.operatie,
            "gegevens": list(self.gegevens),
            "zoekvraag": dict(self.zoekvraag) if self.zoekvraag is not None else None,
        }


def protocol_records(
    *,
    request_id: str,
    afnemer: Principaal,
    besluit: Besluit,
    vraag: Toegangsvraag,
    geleverd: Sequence[Sequence[Subject]],
    zoekvraag: Mapping[str, Any] | None = None,
    persoonsgegevens: bool,
) -> list[ProtocolRecord]:
    """The protocol records of one answer: one per delivered object (each identified by one or more
    subjects), or one without a subject when nothing was delivered; none when the operation concerns
    no personal data. ``vraag`` names the operation and the asked data elements (none: all, ``*``).

    ``persoonsgegevens`` says whether the operation concerns personal data; ``record_protocol`` takes
    it from the operation's declaration in the deployment's catalogue.
    """
    if not persoonsgegevens:
        return []
    gegevens = sorted(vraag.velden) or ["*"]
    veilig = json_safe(zoekvraag) if zoekvraag is not None else None
    return [
        ProtocolRecord(
            request_id=request_id,
            afnemer=afnemer,
            doelbinding=besluit.doelbinding,
            bouwsteen=vraag.bouwsteen,
            operatie=vraag.operatie,
            subjecten=list(dict.fromkeys(subjecten)),
            gegevens=gegevens,
            zoekvraag=veilig,
        )
        for subjecten in (geleverd or [()])
    ]


#: Bounds on what is kept of search parameters: text length, items per list or object, nesting.
_MAX_TEXT, _MAX_ITEMS, _MAX_DEPTH = 200, 50, 4


def json_safe(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON that both databases store: NUL characters removed (PostgreSQL refuses them),
    text, lists and objects cut to bounded sizes, dates as ISO text, anything else as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value.replace("\x00", "")[:_MAX_TEXT]
    if depth >= _MAX_DEPTH:
        return None
    if isinstance(value, Mapping):
        items = list(value.items())[:_MAX_ITEMS]
        return {json_safe(str(key)): json_safe(item, depth + 1) for key, item in items}
    if isinstance(value, Iterable):
        return [json_safe(item, depth + 1) for _, item in zip(range(_MAX_ITEMS), value, strict=False)]
    return json_safe(str(value))


_Pending = tuple[ProtocolRecord, "asyncio.Future[None]"]


class ProtocolWriter:
    """Writes protocol records durably, grouping concurrent requests into one commit."""

    #: The most records in one commit.
    MAX_BATCH = 500

    def __init__(self, database: Database) -> None:
        self.database = database
        self._queue: asyncio.Queue[_Pending] | None = None
        self._task: asyncio.Task[None] | None = None

    async def record(self, *records: ProtocolRecord) -> None:
        """Return once every one of ``records`` is committed; a 503 problem when one could not be written."""
        if self._queue is None or self._task is None or self._task.done():
            self._queue = asyncio.Queue()
            self._task = asyncio.create_task(self._run(self._queue))
        loop = asyncio.get_running_loop()
        futures: list[asyncio.Future[None]] = []
        for record in records:
            future: asyncio.Future[None] = loop.create_future()
            futures.append(future)
            self._queue.put_nowait((record, future))
        try:
            await (futures[0] if len(futures) == 1 else asyncio.gather(*futures))
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


_PROTOCOL = ProtocolRow.metadata.tables[ProtocolRow.__tablename__]
_PROTOCOL_SUBJECT = ProtocolSubjectRow.metadata.tables[ProtocolSubjectRow.__tablename__]
_INSERT_RECORDS = insert(_PROTOCOL).returning(_PROTOCOL.c.id, sort_by_parameter_order=True)
_INSERT_SUBJECTS = insert(_PROTOCOL_SUBJECT)


async def write_records(database: Database, records: Sequence[ProtocolRecord]) -> None:
    """Commit ``records`` in one transaction: on PostgreSQL one statement (one round trip), elsewhere
    BEGIN, two inserts (Core statements built once) and COMMIT."""
    if database.dialect == "postgresql":
        async with database.driver() as driver:
            await driver.execute(_WRITE_POSTGRESQL, *_columns(records))
        return
    async with database.engine.begin() as connection:
        result = await connection.execute(_INSERT_RECORDS, [record.row() for record in records])
        ids = result.scalars().all()
        subjects = [
            {"protocol_id": protocol_id, "soort": subject.soort, "identificatie": subject.identificatie}
            for protocol_id, record in zip(ids, records, strict=True)
            for subject in dict.fromkeys(record.subjecten)
        ]
        if subjects:
            await connection.execute(_INSERT_SUBJECTS, subjects)


#: The ``gdi_protocol`` columns a record fills, in the order of :meth:`ProtocolRecord.row`.
_RECORD_COLUMNS = tuple(column.name for column in _PROTOCOL.columns if column.name != "id")
_ARRAYS = UnnestColumns(_PROTOCOL, _RECORD_COLUMNS)
_FIRST_SUBJECT_PARAMETER = len(_RECORD_COLUMNS) + 1
#: Both tables in one statement: the records numbered from the sequence first (``rij``), then each
#: subject joined to its record by position (``nr``). Every column travels as one array parameter.
_WRITE_POSTGRESQL = f"""
WITH rij AS (
    SELECT nextval(pg_get_serial_sequence('{_PROTOCOL.name}', 'id')) AS id, r.*
    FROM unnest({_ARRAYS.parameters}) WITH ORDINALITY AS r({_ARRAYS.names}, nr)
), protocol AS (
    INSERT INTO {_PROTOCOL.name} (id, {_ARRAYS.names}) SELECT id, {_ARRAYS.values} FROM rij
)
INSERT INTO {_PROTOCOL_SUBJECT.name} (protocol_id, soort, identificatie)
SELECT rij.id, s.soort, s.identificatie
FROM unnest(${_FIRST_SUBJECT_PARAMETER}::bigint[], ${_FIRST_SUBJECT_PARAMETER + 1}::text[],
            ${_FIRST_SUBJECT_PARAMETER + 2}::text[]) AS s(nr, soort, identificatie)
JOIN rij ON rij.nr = s.nr
"""


def _columns(records: Sequence[ProtocolRecord]) -> list[list[Any]]:
    """The parameters of :data:`_WRITE_POSTGRESQL`: one array per record column, then the subjects."""
    columns = _ARRAYS.arrays([record.row() for record in records])
    subjects = [
        (nr, subject) for nr, record in enumerate(records, start=1) for subject in dict.fromkeys(record.subjecten)
    ]
    columns.append([nr for nr, _ in subjects])
    columns.append([subject.soort for _, subject in subjects])
    columns.append([subject.identificatie for _, subject in subjects])
    return columns


@dataclass(frozen=True, slots=True, kw_only=True)
class ProtocolVraag:
    """A question to the protocol: filters, all optional, and a page (named, never by position)."""

    subject: Subject | None = None
    afnemer_identificatie: str | None = None
    bouwstenen: frozenset[str] | None = None  # None: every building block
    request_ids: frozenset[str] | None = None  # None: of every request
    vanaf: datetime | None = None
    tot: datetime | None = None
    limit: int = 100
    offset: int = 0


def _conditions(vraag: ProtocolVraag) -> list[ColumnElement[bool]]:
    """The conditions on ``gdi_protocol`` of the filters ``vraag`` sets."""
    conditions: list[ColumnElement[bool]] = []
    if vraag.subject:
        conditions.append(
            ProtocolRow.id.in_(
                select(ProtocolSubjectRow.protocol_id).where(
                    ProtocolSubjectRow.soort == vraag.subject.soort,
                    ProtocolSubjectRow.identificatie == vraag.subject.identificatie,
                )
            )
        )
    if vraag.afnemer_identificatie:
        conditions.append(ProtocolRow.afnemer_identificatie == vraag.afnemer_identificatie)
    if vraag.bouwstenen is not None:
        conditions.append(ProtocolRow.bouwsteen.in_(sorted(vraag.bouwstenen)))
    if vraag.request_ids is not None:
        conditions.append(ProtocolRow.request_id.in_(sorted(vraag.request_ids)))
    if vraag.vanaf:
        conditions.append(ProtocolRow.tijdstip >= vraag.vanaf)
    if vraag.tot:
        conditions.append(ProtocolRow.tijdstip < vraag.tot)
    return conditions


async def find_records(database: Database, vraag: ProtocolVraag) -> list[dict[str, Any]]:
    """Protocol records matching ``vraag``, newest first, each with its subjects."""
    statement = (
        select(ProtocolRow)
        .where(*_conditions(vraag))
        .order_by(ProtocolRow.id.desc())
        .limit(vraag.limit)
        .offset(vraag.offset)
    )
    async with database.session() as session:
        rows = (await session.scalars(statement)).all()
        subjects: dict[int, list[Subject]] = {}
        if rows:
            found = await session.execute(
                select(ProtocolSubjectRow.protocol_id, ProtocolSubjectRow.soort, ProtocolSubjectRow.identificatie)
                .where(ProtocolSubjectRow.protocol_id.in_([row.id for row in rows]))
                .order_by(ProtocolSubjectRow.soort, ProtocolSubjectRow.identificatie)
            )
            for protocol_id, soort, identificatie in found.all():
                subjects.setdefault(protocol_id, []).append(Subject(soort, identificatie))
    return [_as_json(row, subjects.get(row.id, [])) for row in rows]


async def count_records(database: Database) -> int:
    """How many protocol records are stored."""
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(ProtocolRow)) or 0)


def _as_json(row: ProtocolRow, subjecten: list[Subject]) -> dict[str, Any]:
    namens = (
        {"soort": row.namens_soort, "identificatie": row.namens_identificatie} if row.namens_identificatie else None
    )
    organisatie = row.afnemer_soort in (None, "organisatie")
    return {
        "id": row.id,
        "tijdstip": row.tijdstip.isoformat(),
        "requestId": row.request_id,
        "afnemer": {
            "soort": row.afnemer_soort,
            "identificatie": row.afnemer_identificatie,
            "oin": row.afnemer_identificatie if organisatie else None,
            "naam": row.afnemer_naam,
            "authenticatie": row.authenticatie,
            "namens": namens,
        },
        "eindgebruiker": row.eindgebruiker,
        "verwerking": row.verwerking,
        "doelbinding": row.doelbinding,
        "bouwsteen": row.bouwsteen,
        "operatie": row.operatie,
        "subjecten": [{"soort": item.soort, "identificatie": item.identificatie} for item in subjecten],
        "personen": [item.identificatie for item in subjecten if item.soort == BSN],
        "gegevens": row.gegevens,
        "zoekvraag": row.zoekvraag,
    }
