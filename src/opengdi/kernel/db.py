# SPDX-License-Identifier: EUPL-1.2
"""The database: one async SQLAlchemy engine per deployment, on SQLite or PostgreSQL.

Every building block declares its tables on :class:`Base` and reaches the database through a
:class:`Database`. The same code and the same migrations run on the embedded SQLite default and on
PostgreSQL (``postgresql+asyncpg://…``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import orjson
from sqlalchemy import JSON, MetaData, String, Table, event
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.ext.asyncio import create_async_engine as _create_async_engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: A JSON document column: JSONB on PostgreSQL, JSON text on SQLite.
JsonDocument = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    """Declarative base of every table of every building block."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UnnestColumns:
    """PostgreSQL: columns of ``table`` filled from one array parameter each (``INSERT … SELECT … FROM
    unnest($1::type[], …)``), one round trip for many rows; JSON columns travel as text and are cast."""

    def __init__(self, table: Table, names: Sequence[str]) -> None:
        dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
        self.columns = tuple(names)
        self.json = frozenset(name for name in names if isinstance(table.c[name].type.dialect_impl(dialect), JSON))
        # strings as text: a cast to varchar(n)[] would cut a value silently, an insert refuses it
        text = self.json | {name for name in names if isinstance(table.c[name].type.dialect_impl(dialect), String)}
        types = ["text" if name in text else table.c[name].type.compile(dialect) for name in names]
        self.parameters = ", ".join(f"${number}::{kind}[]" for number, kind in enumerate(types, start=1))
        self.names = ", ".join(names)
        self.values = ", ".join(f"{name}::jsonb" if name in self.json else name for name in names)

    def arrays(self, rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
        """The parameters for ``rows``: one array per column, JSON values as text."""
        return [
            [_json_text(row[name]) for row in rows] if name in self.json else [row[name] for row in rows]
            for name in self.columns
        ]


def _json_text(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


#: Every connection to PostgreSQL: no JIT compilation. Its threshold is a plan's estimated cost, which
#: the many-row estimates of an IN over a subquery pass on a large table (the address chain of the
#: BAG on the whole country), and compiling then takes some 370 ms for a statement that runs in 18.
SERVER_SETTINGS = {"jit": "off"}


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def create_engine(url: str) -> AsyncEngine:
    """An async engine for ``url``; SQLite gets WAL mode and foreign keys, its folder is created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = _create_async_engine(url, json_serializer=_json_dumps, json_deserializer=orjson.loads)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    # A pool as large as the requests a process has in flight, so no connection is opened per request.
    engine = _create_async_engine(
        url,
        pool_size=20,
        max_overflow=10,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        connect_args={"server_settings": SERVER_SETTINGS},
    )
    event.listen(engine.sync_engine, "checkout", _discard_closed)
    return engine


def _discard_closed(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Replace a pooled connection that the server has closed (a restart, an administrator) at
    checkout, without the round trips of a ping: the pool retries with a new connection."""
    if dbapi_connection.driver_connection.is_closed():
        raise DisconnectionError("de databaseserver heeft deze verbinding gesloten")


async def driver_connection(connection: AsyncConnection) -> Any:
    """The driver's own connection (asyncpg on PostgreSQL) underneath ``connection``."""
    return (await connection.get_raw_connection()).driver_connection


async def transaction_driver(session: AsyncSession) -> Any:
    """The driver's own connection underneath ``session``, inside the session's transaction.

    SQLAlchemy's asyncpg adapter sends BEGIN only with the first statement of a transaction; a
    statement sent straight to the driver before that would commit by itself, outside the
    transaction. So the transaction is begun here first when the session has sent nothing yet."""
    connection = await session.connection()
    driver = await driver_connection(connection)
    if not driver.is_in_transaction():
        await connection.exec_driver_sql("SELECT 1")
    return driver


class Database:
    """The deployment's database: an engine and a session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._drivers: DriverPool | None = None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session that rolls back unless the caller commits."""
        async with self.sessions() as session:
            yield session

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """A plain connection, for bulk work and raw lookups."""
        async with self.engine.connect() as connection:
            yield connection

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reading in single statements: no transaction around them (autocommit),
        so a read is one round trip instead of BEGIN, the statement and ROLLBACK."""
        async with self.engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            yield connection

    @asynccontextmanager
    async def driver(self) -> AsyncIterator[asyncpg.Connection]:
        """PostgreSQL only: a connection of the driver itself (asyncpg) from a pool of its own
        (:class:`DriverPool`), outside any transaction (each statement commits by itself), for the
        few statements of the hot path written for it: no SQLAlchemy in between and each statement
        planned once (generic plans, see :data:`_DRIVER_SERVER_SETTINGS`). It must not be left with
        session state (``SET``, ``LISTEN``, locks); a transaction left open is rolled back."""
        if self._drivers is None:
            dsn = make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)
            self._drivers = DriverPool(dsn, _DRIVER_POOL_SIZE)
        async with self._drivers.connection() as connection:
            yield connection

    async def dispose(self) -> None:
        """Close every pooled connection."""
        if self._drivers is not None:
            drivers, self._drivers = self._drivers, None
            await drivers.close()
        await self.engine.dispose()


#: Connections of the driver's own pool per process (next to the engine's pool).
_DRIVER_POOL_SIZE = 10
#: The hot path's statements take array parameters (BSNs, categories, a column per protocol field),
#: for which PostgreSQL would otherwise plan each execution anew (a custom plan: for the lookup by
#: BSN about half of the server's CPU per call); their one generic plan serves every execution.
_DRIVER_SERVER_SETTINGS = {**SERVER_SETTINGS, "plan_cache_mode": "force_generic_plan"}


async def _json_codecs(connection: asyncpg.Connection) -> None:
    """JSON and JSONB as SQLAlchemy's engine decodes them (orjson), so both pools read alike."""
    await connection.set_type_codec(
        "json", encoder=str.encode, decoder=orjson.loads, schema="pg_catalog", format="binary"
    )
    await connection.set_type_codec(
        "jsonb",
        encoder=lambda text: b"\x01" + text.encode(),
        decoder=lambda data: orjson.loads(data[1:]),
        schema="pg_catalog",
        format="binary",
    )


class DriverPool:
    """The driver's own connections (asyncpg) for the hot path, at most ``size`` at a time.

    Lighter than asyncpg's pool, whose release alone (a shielded task, a timeout, a proxy object and
    an idle timer per use) cost about 7% of a BRP lookup's CPU: a connection is taken from a stack of
    idle ones or opened, and put back as it is. One that the server closed is left behind; one whose
    block ended in an error (a failed or cancelled statement leaves its state unknown) is closed;
    a transaction left open is rolled back.
    """

    def __init__(self, dsn: str, size: int) -> None:
        self._dsn = dsn
        self._slots = asyncio.Semaphore(size)
        self._idle: list[asyncpg.Connection] = []
        self._closed = False

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A connection for the block, back in the pool after it."""
        if self._closed:
            raise RuntimeError("de pool van de databasedriver is gesloten")
        await self._slots.acquire()
        try:
            connection = await self._take()
            try:
                yield connection
            except BaseException:
                connection.terminate()
                raise
            await self._put_back(connection)
        finally:
            self._slots.release()

    async def _take(self) -> asyncpg.Connection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.is_closed():
                return connection
        connection = await asyncpg.connect(self._dsn, server_settings=_DRIVER_SERVER_SETTINGS)
        await _json_codecs(connection)
        return connection

    async def _put_back(self, connection: asyncpg.Connection) -> None:
        if connection.is_closed():
            return
        if self._closed:
            await connection.close()
            return
        if connection.is_in_transaction():
            try:
                await connection.execute("ROLLBACK")
            except BaseException:
                connection.terminate()
                raise
        self._idle.append(connection)

    async def close(self) -> None:
        """Close the idle connections; those in use are closed when they come back."""
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            await connection.close()
