# SPDX-License-Identifier: EUPL-1.2
"""The connection pools (SQLAlchemy's, and the driver's own for the hot path): a connection the
server closed is replaced at checkout, unnoticed by the caller."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text

from opengdi.kernel.db import _DRIVER_POOL_SIZE, Database, driver_connection


async def _server_pids(database: Database, count: int) -> set[int]:
    """Check out ``count`` connections at once and return them to the pool; their server processes."""
    connections = [await database.engine.connect() for _ in range(count)]
    try:
        return {int((await driver_connection(connection)).get_server_pid()) for connection in connections}
    finally:
        for connection in connections:
            await connection.close()


async def _terminate(database: Database, pids: set[int]) -> None:
    """End the server processes ``pids`` from another connection, and let the goodbye arrive."""
    admin = Database(database.url)
    try:
        async with admin.connect() as connection:
            for pid in pids:
                await connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    finally:
        await admin.dispose()
    await asyncio.sleep(0.2)


async def test_connections_the_server_closed_are_replaced_at_checkout(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL sluit verbindingen van de server uit")
    pooled = await _server_pids(database, 3)
    await _terminate(database, pooled)
    results = await asyncio.gather(*(_one(database) for _ in range(3)))
    assert results == [1, 1, 1]
    assert not pooled & await _server_pids(database, 3)


async def _one(database: Database) -> int:
    async with database.read() as connection:
        return int(await connection.scalar(text("SELECT 1")) or 0)


async def _driver_pids(database: Database, count: int) -> set[int]:
    """Take ``count`` connections of the driver's pool at once; their server processes."""
    pids: set[int] = set()
    all_taken, release = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with database.driver() as driver:
            pids.add(int(driver.get_server_pid()))
            if len(pids) == count:
                all_taken.set()
            await release.wait()

    holders = [asyncio.create_task(hold()) for _ in range(count)]
    await asyncio.wait_for(all_taken.wait(), timeout=10)
    release.set()
    await asyncio.gather(*holders)
    return pids


async def test_the_drivers_pool_replaces_connections_the_server_closed(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL heeft de eigen pool van de driver")
    pooled = await _driver_pids(database, 2)
    await _terminate(database, pooled)

    async def one() -> int:
        async with database.driver() as driver:
            return int(await driver.fetchval("SELECT 1"))

    assert await asyncio.gather(one(), one()) == [1, 1]
    assert not pooled & await _driver_pids(database, 2)


async def test_the_drivers_pool_plans_each_statement_once(database: Database) -> None:
    """The hot path's statements take arrays; a custom plan per execution cost PostgreSQL about
    half of its CPU for the lookup by BSN."""
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL heeft de eigen pool van de driver")
    async with database.driver() as driver:
        assert await driver.fetchval("SHOW plan_cache_mode") == "force_generic_plan"
    async with database.connect() as connection:  # the engine's connections keep PostgreSQL's default
        assert (await connection.exec_driver_sql("SHOW plan_cache_mode")).scalar() == "auto"


async def test_no_connection_compiles_statements_just_in_time(database: Database) -> None:
    """JIT compilation cost 370 ms per address chain on the whole country, for a statement of 18 ms."""
    _needs_postgresql(database)
    async with database.driver() as driver:
        assert await driver.fetchval("SHOW jit") == "off"
    async with database.connect() as connection:
        assert (await connection.exec_driver_sql("SHOW jit")).scalar() == "off"


def _needs_postgresql(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("alleen PostgreSQL heeft de eigen pool van de driver")


async def test_the_drivers_pool_reuses_a_connection_and_decodes_json(database: Database) -> None:
    _needs_postgresql(database)
    async with database.driver() as driver:
        first = driver.get_server_pid()
        assert await driver.fetchval("""SELECT '{"a": [1]}'::jsonb""") == {"a": [1]}
    async with database.driver() as driver:
        assert driver.get_server_pid() == first


async def test_the_drivers_pool_rolls_back_a_transaction_left_open(database: Database) -> None:
    _needs_postgresql(database)
    async with database.driver() as driver:
        await driver.execute("BEGIN")
        await driver.execute("CREATE TEMPORARY TABLE links_open (x int)")
    async with database.driver() as driver:
        assert not driver.is_in_transaction()
        assert await driver.fetchval("SELECT to_regclass('pg_temp.links_open')") is None


async def test_the_drivers_pool_closes_a_connection_whose_block_failed(database: Database) -> None:
    """A statement that failed or was cancelled leaves the connection in a state unknown to the pool."""
    _needs_postgresql(database)
    with pytest.raises(asyncio.TimeoutError):
        async with database.driver() as driver:
            failed = driver
            await asyncio.wait_for(driver.execute("SELECT pg_sleep(5)"), timeout=0.1)
    assert failed.is_closed()
    async with database.driver() as driver:
        assert driver is not failed
        assert await driver.fetchval("SELECT 1") == 1


async def test_the_drivers_pool_holds_at_most_its_size(database: Database) -> None:
    _needs_postgresql(database)
    in_use = most = 0

    async def one() -> None:
        nonlocal in_use, most
        async with database.driver() as driver:
            in_use += 1
            most = max(most, in_use)
            await driver.execute("SELECT pg_sleep(0.02)")
            in_use -= 1

    await asyncio.gather(*(one() for _ in range(30)))
    assert most == _DRIVER_POOL_SIZE
