# SPDX-License-Identifier: EUPL-1.2
"""Request ids and the operational transaction log of every exchange.

:class:`TransactieMiddleware` gives each request an id (the caller's ``X-Request-ID`` when it is a
sensible token, otherwise a new UUIDv7), echoes it in the response, and writes one
``gdi_transactie`` row per exchange: from which organisation, to which API, which operation, status,
duration and sizes. These rows feed the monitor's usage figures. Rows are written in batches in
the background (operational data, unlike the protocol). Refused authentication and authorisation
(401/403) leave no row: those only go to the security log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Float, Integer, SmallInteger, String, insert, select
from sqlalchemy.orm import Mapped, mapped_column
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opengdi.kernel.db import Base, Database, UnnestColumns
from opengdi.kernel.ids import request_id
from opengdi.kernel.protocollering import BigId

logger = logging.getLogger("opengdi.transacties")
REQUEST_ID_HEADER = "X-Request-ID"


class TransactieRow(Base):
    """One exchange with the GDI."""

    __tablename__ = "gdi_transactie"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    request_id: Mapped[str] = mapped_column(String(128))
    van_soort: Mapped[str | None] = mapped_column(String(20), comment="organisatie, natuurlijk_persoon, onderneming")
    van_identificatie: Mapped[str | None] = mapped_column(
        String(20), index=True, comment="de afnemer (OIN, BSN of KvK-nummer)"
    )
    naar: Mapped[str] = mapped_column(String(80), comment="de API die antwoordde")
    operatie: Mapped[str] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(SmallInteger)
    duur_ms: Mapped[float] = mapped_column(Float)
    bytes_in: Mapped[int] = mapped_column(Integer)
    bytes_uit: Mapped[int] = mapped_column(Integer)


class TransactieLog:
    """Collects transaction rows and writes them in batches in the background."""

    #: How long a row may wait before it is written, and how many rows go into one insert.
    FLUSH_INTERVAL = 0.5
    MAX_BATCH = 1000

    def __init__(self, database: Database) -> None:
        self.database = database
        self._rows: list[dict[str, Any]] = []
        self._task: asyncio.Task[None] | None = None

    def add(self, row: dict[str, Any]) -> None:
        """Queue one row for the next batch."""
        self._rows.append(row)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._flush_soon())

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self.FLUSH_INTERVAL)
        await self.flush()

    async def flush(self) -> None:
        """Write every queued row now."""
        while self._rows:
            batch, self._rows = self._rows[: self.MAX_BATCH], self._rows[self.MAX_BATCH :]
            try:
                await write_rows(self.database, batch)
            except Exception:
                logger.exception("transaction_log_write_failed rows=%d", len(batch))
                return

    async def close(self) -> None:
        """Write what is queued and stop."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.flush()


_INSERT_ROWS = insert(TransactieRow.metadata.tables[TransactieRow.__tablename__])


_TRANSACTIE = TransactieRow.metadata.tables[TransactieRow.__tablename__]
#: The columns a transaction row fills, each one array parameter on PostgreSQL.
_ARRAYS = UnnestColumns(_TRANSACTIE, tuple(column.name for column in _TRANSACTIE.columns if column.name != "id"))
_INSERT_POSTGRESQL = (
    f"INSERT INTO {_TRANSACTIE.name} ({_ARRAYS.names}) "
    f"SELECT {_ARRAYS.values} FROM unnest({_ARRAYS.parameters}) AS r({_ARRAYS.names})"
)


async def write_rows(database: Database, rows: Sequence[dict[str, Any]]) -> None:
    """Insert transaction rows in one transaction: on PostgreSQL one statement with a array per
    column, elsewhere a Core statement built once."""
    if database.dialect == "postgresql":
        async with database.driver() as driver:
            await driver.execute(_INSERT_POSTGRESQL, *_ARRAYS.arrays(rows))
        return
    async with database.engine.begin() as connection:
        await connection.execute(_INSERT_ROWS, list(rows))


async def find_rows(database: Database, request_id: str | None = None) -> list[TransactieRow]:
    """The logged exchanges in the order they were written; only those of ``request_id`` when given.
    Rows the log still holds (see :meth:`TransactieLog.flush`) are not among them."""
    statement = select(TransactieRow).order_by(TransactieRow.id)
    if request_id is not None:
        statement = statement.where(TransactieRow.request_id == request_id)
    async with database.session() as session:
        return list((await session.scalars(statement)).all())


class TransactieMiddleware:
    """Request id in and out; one transaction row per exchange."""

    def __init__(self, app: ASGIApp, log: TransactieLog, apis: Sequence[tuple[str, str]]) -> None:
        self.app = app
        self.log = log
        self.apis = sorted(apis, key=lambda item: len(item[0]), reverse=True)

    def _api(self, path: str) -> str:
        return next((title for prefix, title in self.apis if path.startswith(prefix)), "Open GDI")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(Headers(scope=scope).get(REQUEST_ID_HEADER))
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        sizes = {"in": 0, "out": 0, "status": 500}

        async def counting_receive() -> Message:
            message = await receive()
            sizes["in"] += len(message.get("body", b""))
            return message

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = rid
                sizes["status"] = message["status"]
            elif message["type"] == "http.response.body":
                sizes["out"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, send_with_id)
        finally:
            if sizes["status"] not in (401, 403):
                self.log.add(
                    {
                        "tijdstip": datetime.now(UTC),
                        "request_id": rid,
                        "van_soort": (state.get("afnemer") or (None, None))[0],
                        "van_identificatie": (state.get("afnemer") or (None, None))[1],
                        "naar": self._api(scope["path"]),
                        "operatie": f"{scope['method']} {scope['path']}".replace("\x00", "\\u0000")[:200],
                        "status": sizes["status"],
                        "duur_ms": 1000 * (time.perf_counter() - started),
                        "bytes_in": sizes["in"],
                        "bytes_uit": sizes["out"],
                    }
                )


def mark_afnemer(scope: Scope, soort: str, identificatie: str | None) -> None:
    """Name the principal of this request in its transaction log line (kind and identifier)."""
    if identificatie:
        scope.setdefault("state", {})["afnemer"] = (soort, identificatie)


def current_request_id(scope: Scope) -> str:
    """The request id the middleware gave this request."""
    value = scope.get("state", {}).get("request_id")
    return str(value) if value else request_id(None)
