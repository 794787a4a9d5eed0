# SPDX-License-Identifier: EUPL-1.2
"""The transactional outbox: events stored in the same transaction as the change they report.

A service records a :class:`Gebeurtenis` in its :class:`~opengdi.kernel.uow.UnitOfWork`; the unit
of work writes it to ``gdi_gebeurtenis`` just before it commits, so a change that is rolled back
leaves no event and a committed change always has its events. Delivery is not done here: a later
relay (Digilevering) reads the pending rows in order and marks them delivered.

A stored event maps one to one onto a CloudEvent (CloudEvents 1.0, NL GOV profile), see
:func:`as_cloudevent`:

- ``id``: a UUIDv7, unique within the source;
- ``source``: a URN of the organisation and its system, ``urn:nld:oin:<OIN>:systeem:<bouwsteen>``;
- ``type``: reverse-DNS notation named after the data source, e.g. ``nl.brp.persoonslijst-opgenomen``;
- ``subject``: what the event is about in the source (for the BRP the burgerservicenummer), or none;
- ``time``: when the event was logged, i.e. the moment of the commit (the profile's advice);
- ``datacontenttype`` and ``data``: a JSON document;
- ``sequence``: the outbox number, zero-padded so that it orders lexicographically (there may be
  gaps: a rolled-back transaction on PostgreSQL uses numbers, so no ``sequencetype`` is claimed);
- extension attributes (lower-case letters and digits, at most 20 characters) from ``extensies``.

Besides these the row holds the ordering key (``ordeningssleutel``, e.g. ``bsn:999993653``: a relay
keeps the events of one key in ``sequence`` order) and ``afgeleverd_op``, empty while pending.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import DateTime, Index, String, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument, transaction_driver
from opengdi.kernel.ids import uuid7
from opengdi.kernel.protocollering import BigId

SPECVERSION = "1.0"
JSON = "application/json"
#: Digits of the zero-padded ``sequence`` attribute (a 64-bit number fits).
SEQUENCE_DIGITS = 20
_EXTENSION_NAME = re.compile(r"^[a-z0-9]{1,20}$")
_TYPE = re.compile(r"^[a-z0-9]+(\.[a-z0-9-]+)+$")
_SYSTEEM = re.compile(r"^[a-z0-9-]{1,40}$")


@dataclass(frozen=True, slots=True)
class Gebeurtenis:
    """An event as a service records it: what happened, about what, in which building block.

    The unit of work adds the id, the source (from the deployment's OIN and ``bouwsteen``) and the
    time when it writes the event.
    """

    bouwsteen: str
    type: str
    subject: str | None
    data: Mapping[str, Any]
    ordeningssleutel: str
    extensies: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _SYSTEEM.fullmatch(self.bouwsteen):
            raise ValueError(f"bouwsteen {self.bouwsteen!r}: kleine letters, cijfers en '-', hoogstens 40")
        if not _TYPE.fullmatch(self.type):
            raise ValueError(f"type {self.type!r} is geen reverse-DNS-naam")
        if self.subject == "":
            raise ValueError("subject is leeg: laat het weg (None)")
        for name in self.extensies:
            if not _EXTENSION_NAME.fullmatch(name):
                raise ValueError(f"extensie-attribuut {name!r}: kleine letters en cijfers, hoogstens 20 tekens")


class GebeurtenisRow(Base):
    """One event in the outbox, pending until a relay has delivered it."""

    __tablename__ = "gdi_gebeurtenis"

    volgnummer: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True, comment="CloudEvents sequence")
    id: Mapped[str] = mapped_column(String(36), unique=True, comment="CloudEvents id (UUIDv7)")
    bron: Mapped[str] = mapped_column(String(200), comment="CloudEvents source (URN)")
    type: Mapped[str] = mapped_column(String(200), comment="CloudEvents type")
    subject: Mapped[str | None] = mapped_column(String(200), comment="CloudEvents subject")
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), comment="CloudEvents time (vastgelegd)")
    datacontenttype: Mapped[str] = mapped_column(String(100))
    data: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    extensies: Mapped[dict[str, str]] = mapped_column(JsonDocument, comment="CloudEvents extension attributes")
    ordeningssleutel: Mapped[str] = mapped_column(String(200), comment="volgorde per onderwerp")
    afgeleverd_op: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="leeg zolang de gebeurtenis niet is afgeleverd"
    )

    __table_args__ = (
        Index("ix_gdi_gebeurtenis_afgeleverd_op", "afgeleverd_op", "volgnummer"),
        Index("ix_gdi_gebeurtenis_ordeningssleutel", "ordeningssleutel", "volgnummer"),
    )


_TABLE = GebeurtenisRow.metadata.tables[GebeurtenisRow.__tablename__]
_COLUMNS = (
    "id",
    "bron",
    "type",
    "subject",
    "tijdstip",
    "datacontenttype",
    "data",
    "extensies",
    "ordeningssleutel",
)


def source(oin: str, bouwsteen: str) -> str:
    """The CloudEvents source of a building block of the deployment run by organisation ``oin``."""
    return f"urn:nld:oin:{oin}:systeem:{bouwsteen}"


def _row(event: Gebeurtenis, oin: str, tijdstip: datetime) -> dict[str, Any]:
    return {
        "id": str(uuid7()),
        "bron": source(oin, event.bouwsteen),
        "type": event.type,
        "subject": event.subject,
        "tijdstip": tijdstip,
        "datacontenttype": JSON,
        "data": dict(event.data),
        "extensies": dict(event.extensies),
        "ordeningssleutel": event.ordeningssleutel,
    }


async def write(session: AsyncSession, events: Sequence[Gebeurtenis], *, oin: str, tijdstip: datetime) -> None:
    """Store ``events`` in the session's transaction by the bulk path of the dialect: COPY on
    PostgreSQL, one executemany on SQLite."""
    if not events:
        return
    rows = [_row(event, oin, tijdstip) for event in events]
    if session.get_bind().dialect.name == "postgresql":
        await _copy(session, rows)
    else:
        await session.execute(insert(_TABLE), rows)


async def _copy(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> None:
    json_columns = {"data", "extensies"}
    driver = await transaction_driver(session)
    await driver.copy_records_to_table(
        GebeurtenisRow.__tablename__,
        columns=_COLUMNS,
        records=[
            tuple(orjson.dumps(row[name]).decode() if name in json_columns else row[name] for name in _COLUMNS)
            for row in rows
        ],
    )


async def pending(session: AsyncSession, limit: int = 1000) -> list[GebeurtenisRow]:
    """The oldest events not delivered yet, in ``sequence`` order (for the relay)."""
    statement = (
        select(GebeurtenisRow)
        .where(GebeurtenisRow.afgeleverd_op.is_(None))
        .order_by(GebeurtenisRow.volgnummer)
        .limit(limit)
    )
    return list((await session.scalars(statement)).all())


async def since(session: AsyncSession, volgnummer: int, limit: int = 1000) -> list[GebeurtenisRow]:
    """The events after ``volgnummer``, delivered or not, in ``sequence`` order (to resume a feed)."""
    statement = (
        select(GebeurtenisRow)
        .where(GebeurtenisRow.volgnummer > volgnummer)
        .order_by(GebeurtenisRow.volgnummer)
        .limit(limit)
    )
    return list((await session.scalars(statement)).all())


async def subjects_since(
    session: AsyncSession, volgnummer: int, limit: int = 5000
) -> list[tuple[int, str, str | None]]:
    """The number, type and subject of each event after ``volgnummer``, in ``sequence`` order: what
    a follower that only needs to know what happened to which subject reads (no data, no JSON)."""
    statement = (
        select(GebeurtenisRow.volgnummer, GebeurtenisRow.type, GebeurtenisRow.subject)
        .where(GebeurtenisRow.volgnummer > volgnummer)
        .order_by(GebeurtenisRow.volgnummer)
        .limit(limit)
    )
    return [(int(row[0]), str(row[1]), row[2]) for row in await session.execute(statement)]


async def last_volgnummer(session: AsyncSession) -> int:
    """The number of the newest stored event (0 when there is none)."""
    return int(await session.scalar(select(func.max(GebeurtenisRow.volgnummer))) or 0)


async def mark_delivered(session: AsyncSession, volgnummers: Sequence[int], when: datetime) -> None:
    """Mark events delivered (the relay does so in the transaction that records the delivery)."""
    if volgnummers:
        await session.execute(
            update(GebeurtenisRow).where(GebeurtenisRow.volgnummer.in_(list(volgnummers))).values(afgeleverd_op=when)
        )


def as_cloudevent(row: GebeurtenisRow) -> dict[str, Any]:
    """The stored event as a CloudEvent in the JSON event format (NL GOV profile)."""
    event: dict[str, Any] = {
        "specversion": SPECVERSION,
        "id": row.id,
        "source": row.bron,
        "type": row.type,
    }
    if row.subject is not None:
        event["subject"] = row.subject
    tijdstip = row.tijdstip if row.tijdstip.tzinfo else row.tijdstip.replace(tzinfo=UTC)  # SQLite keeps no zone
    event["time"] = tijdstip.astimezone(UTC).isoformat().replace("+00:00", "Z")
    event["sequence"] = f"{row.volgnummer:0{SEQUENCE_DIGITS}d}"
    event.update(row.extensies)
    event["datacontenttype"] = row.datacontenttype
    event["data"] = row.data
    return event
