# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the BAG of a generated country on PostgreSQL, over HTTP beside the raw indexed query.

Builds a country when the database holds no BAG yet, timing each step: ``gdi genereren bag``'s
generator writing the BAG 2.0 Extract, the importer loading it, and ``gdi genereren brp`` seeding
its inhabitants at its addresses; then the database's size. Then it measures, in one run:

- **address lookup**: ``GET /lvbag/individuelebevragingen/v2/adressen?postcode=…&huisnummer=…`` of
  Open GDI (authentication off: the open lookup), beside the same request to a bare FastAPI +
  asyncpg endpoint doing the indexed point lookup (``bench.kaal_bag``), and that query run directly;

and prints each with its ratio. The database is kept when given with ``--database`` (so the next run
only measures); a scratch database of ``--postgres`` is dropped afterwards. Usage::

    python -m bench.bag --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    python -m bench.bag --database postgresql+asyncpg://postgres@127.0.0.1:5432/land2m --adressen 2000000
"""

from __future__ import annotations

import argparse
import asyncio
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Sequence
from pathlib import Path

import asyncpg
import httpx
import orjson
from sqlalchemy.engine import make_url

from bench.common import (
    Connection,
    Figures,
    drop_postgres,
    free_port,
    measure,
    scratch_postgres,
    start_server,
    wait_until_up,
)
from bench.kaal_bag import ADRESSEN
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.bag import repository as bag_repository
from opengdi.registers.bag.adresbron import BagAdresBron
from opengdi.registers.bag.extract import BagExtract
from opengdi.registers.bag.generator import Omvang, gemeente_woonplaatsen, land, levering
from opengdi.registers.bag.schrijver import write_extract
from opengdi.registers.bag.service import import_extract
from opengdi.registers.brp.seed import seed_population
from opengdi.settings import get_settings

BAG_API = "/lvbag/individuelebevragingen/v2"


def plain_dsn(url: str) -> str:
    """The asyncpg DSN of a SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _timed(label: str, work: Awaitable[object]) -> None:
    started = time.perf_counter()
    await work
    print(f"{label:<44} {time.perf_counter() - started:8.0f} s", flush=True)


async def build_country(database: Database, adressen: int, personen: int) -> None:
    """Generate, load and populate a country, printing how long each step took and the size."""
    oin = get_settings().oin
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "BAGNLDL-01012014.zip"
        omvang = Omvang(adressen)
        started = time.perf_counter()
        write_extract(path, levering(), land(omvang), gemeente_woonplaatsen(omvang))
        print(f"{'generate the BAG 2.0 Extract':<44} {time.perf_counter() - started:8.0f} s "
              f"({path.stat().st_size // 2**20} MB)", flush=True)  # fmt: skip
        with BagExtract(path) as extract:
            async with UnitOfWork(database, oin=oin) as uow:
                await _timed("load it (gdi bag importeren)", import_extract(uow, extract))
        await bag_repository.analyze(database)
    async with UnitOfWork(database, oin=oin) as uow:
        bron = BagAdresBron(database)
        await _timed(f"seed {personen} persons at its addresses", seed_population(uow, personen, adressen=bron))


async def _bag_voorkomens(connection: asyncpg.Connection) -> int:
    return int(await connection.fetchval("SELECT count(*) FROM bag_voorkomen"))


async def _sample_addresses(connection: asyncpg.Connection, count: int) -> list[str]:
    """``count`` random current (postcode, huisnummer) pairs, as ``postcode/huisnummer``."""
    rows = await connection.fetch(
        "SELECT postcode, huisnummer FROM bag_voorkomen TABLESAMPLE SYSTEM (2) "
        "WHERE objecttype = 'NUM' AND postcode IS NOT NULL AND eind_geldigheid IS NULL LIMIT $1",
        count * 3,
    )
    pairs = [f"{row[0]}/{row[1]}" for row in rows]
    return random.Random(1).sample(pairs, min(count, len(pairs)))


def _start_bare(database_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {"KAAL_DSN": plain_dsn(database_url), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "uvicorn", "bench.kaal_bag:create_app", "--factory", "--port", str(port)]
    return subprocess.Popen([*command, "--log-level", "warning", "--no-access-log"], env=env)


async def _http(label: str, port: int, path: str, sample: Sequence[str], concurrency: int) -> Figures:
    """GET ``path`` with each ``postcode/huisnummer`` of ``sample``; every answer must find an address."""
    connections = [await Connection.open(port) for _ in range(concurrency)]

    async def lookup(item: str) -> None:
        postcode, huisnummer = item.split("/")
        connection = connections.pop()
        try:
            status, body = await connection.get(f"{path}?postcode={postcode}&huisnummer={huisnummer}")
        finally:
            connections.append(connection)
        if status != 200 or b'"adressen":[{' not in body:
            raise RuntimeError(f"{label} {item}: {status} {body[:200]!r}")

    try:
        await measure("warm-up", lookup, sample[:200], concurrency)
        return await measure(label, lookup, sample, concurrency)
    finally:
        for connection in connections:
            connection.close()


async def _raw(database_url: str, sample: Sequence[str], concurrency: int) -> Figures:
    pool = await asyncpg.create_pool(plain_dsn(database_url), min_size=concurrency, max_size=concurrency)

    async def lookup(item: str) -> None:
        postcode, huisnummer = item.split("/")
        rows = await pool.fetch(ADRESSEN, postcode, int(huisnummer))
        if not rows:
            raise RuntimeError(f"raw {item}: niets gevonden")
        orjson.loads(rows[0][1])

    try:
        return await measure("raw indexed query (asyncpg)", lookup, sample, concurrency)
    finally:
        await pool.close()


async def measure_lookups(database_url: str, requests: int, concurrency: int) -> None:
    """Address lookups by postcode and huisnummer: Open GDI, the bare endpoint, the raw query."""
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        sample = await _sample_addresses(connection, requests)
        voorkomens = await _bag_voorkomens(connection)
        size = await connection.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    finally:
        await connection.close()
    print(f"PostgreSQL, {voorkomens} BAG voorkomens, database {size}, {concurrency} in flight, {len(sample)} lookups")
    gdi_port, bare_port = free_port(), free_port()
    servers = [start_server(database_url, gdi_port, authenticatie="uit"), _start_bare(database_url, bare_port)]
    try:
        for port in (gdi_port, bare_port):
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                await wait_until_up(client, 60)
        path = f"{BAG_API}/adressen"
        gdi = await _http("Open GDI GET /adressen (postcode, huisnummer)", gdi_port, path, sample, concurrency)
        bare = await _http("bare FastAPI + asyncpg, same lookup", bare_port, "/adressen", sample, concurrency)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
    raw = await _raw(database_url, sample, concurrency)
    for figures in (gdi, bare, raw):
        print(figures.line())
    print(
        f"ratio Open GDI / bare: {gdi.per_second / bare.per_second:.2f}; "
        f"Open GDI / raw: {gdi.per_second / raw.per_second:.2f}"
    )


async def run(args: argparse.Namespace, database_url: str) -> None:
    """Build the country if the database has none, then measure."""
    database = Database(database_url)
    await SAMENSTELLING.migraties().upgrade(database)
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        empty = await _bag_voorkomens(connection) == 0
    finally:
        await connection.close()
    if empty:
        await build_country(database, args.adressen, args.personen or args.adressen * 17 // 10)
    await database.dispose()
    await measure_lookups(database_url, args.requests, args.concurrency)


def parse_arguments() -> argparse.Namespace:
    """The command line: where, how big, how much to measure."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--postgres", help="admin URL of a PostgreSQL server: a scratch database, dropped afterwards")
    where.add_argument("--database", help="URL of a PostgreSQL database to build the country in once and keep")
    parser.add_argument("--adressen", type=int, default=2_000_000, help="addresses of the country (default 2,000,000)")
    parser.add_argument("--personen", type=int, default=0, help="persons (default 1.7 per address, as the country)")
    parser.add_argument("--requests", type=int, default=5_000, help="lookups per measurement (default 5000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    return parser.parse_args()


def main() -> None:
    """Run on the given database, or on a scratch one."""
    args = parse_arguments()
    if args.database:
        asyncio.run(run(args, args.database))
        return
    url = asyncio.run(scratch_postgres(args.postgres))
    try:
        asyncio.run(run(args, url))
    finally:
        asyncio.run(drop_postgres(args.postgres, url))


if __name__ == "__main__":
    main()
