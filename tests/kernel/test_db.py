# SPDX-License-Identifier: EUPL-1.2
"""The connection pool: a connection the server closed is replaced at checkout, unnoticed by the caller."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from opengdi.kernel.db import Database, driver_connection


async def _server_pids(database: Database, count: int) -> set[int]:
    """Check out ``count`` connections at once and return them to the pool; their server processes."""
    connections = [await database.engine.connect() for _ in range(count)]
    try:
        return {int((await driver_connection(connection)).get_server_pid()) for connection in connections}
    finally:
        for connection in connections:
            await connection.close()


async def test_connections_the_server_closed_are_replaced_at_checkout(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL sluit verbindingen van de server uit")
    pooled = await _server_pids(database, 3)
    admin = Database(database.url)
    try:
        async with admin.connect() as connection:
            for pid in pooled:
                await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        await admin.dispose()
    await asyncio.sleep(0.2)  # the server's goodbye reaches the driver
    results = await asyncio.gather(*(_one(database) for _ in range(3)))
    assert results == [1, 1, 1]
    assert not pooled & await _server_pids(database, 3)


async def _one(database: Database) -> int:
    async with database.read() as connection:
        return int(await connection.scalar(text("SELECT 1")) or 0)
