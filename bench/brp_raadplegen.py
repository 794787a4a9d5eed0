# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: RaadpleegMetBurgerservicenummer over HTTP against the raw database point lookup.

Builds a scratch database (SQLite file, or a scratch PostgreSQL database), fills it with the demo
persons and a synthetic population, starts the server in its own process, and measures in one run:

- HTTP: ``POST /haalcentraal/api/brp/personen`` for one BSN at a time, ``--concurrency`` requests
  in flight, reporting requests per second and p50/p99 latency;
- raw: the same persons fetched with the repository's single SQL query (all voorkomens of the
  persoonslijst by BSN, JSON decoded), with the same concurrency, no HTTP and no mapping;

and prints the ratio. Usage::

    python bench/brp_raadplegen.py                                   # SQLite, 100,000 synthetic persons
    python bench/brp_raadplegen.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import orjson
from sqlalchemy import select
from sqlalchemy.engine import make_url

from opengdi.demo.laden import load_demo
from opengdi.kernel.db import Database
from opengdi.kernel.migrate import upgrade_to_head
from opengdi.registers.brp import repository
from opengdi.registers.brp.model import PersoonslijstRow
from opengdi.registers.brp.seed import seed_population

FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners", "leeftijd"]


@dataclass(frozen=True, slots=True)
class Figures:
    """Throughput and latency of one measured run."""

    label: str
    count: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        """Operations per second."""
        return self.count / self.seconds

    def percentile(self, fraction: float) -> float:
        """A latency percentile in milliseconds."""
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]

    def line(self) -> str:
        """One printable line."""
        return (
            f"{self.label:<34} {self.per_second:>10.0f}/s   p50 {self.percentile(0.5):6.2f} ms   "
            f"p99 {self.percentile(0.99):6.2f} ms   ({self.count} in {self.seconds:.1f} s)"
        )


async def measure(label: str, work: Callable[[str], Awaitable[None]], bsns: Sequence[str], concurrency: int) -> Figures:
    """Run ``work`` for every BSN with ``concurrency`` in flight; time each call."""
    queue = list(bsns)
    latencies: list[float] = []

    async def worker() -> None:
        while queue:
            bsn = queue.pop()
            started = time.perf_counter()
            await work(bsn)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Figures(label, len(latencies), time.perf_counter() - started, latencies)


async def prepare(database: Database, persons: int) -> list[str]:
    """Migrate, load demo and synthetic persons; all BSNs in the database."""
    await upgrade_to_head(database)
    started = time.perf_counter()
    await load_demo(database)
    stored = await seed_population(database, persons)
    print(f"populated: demo + {stored} synthetic persons in {time.perf_counter() - started:.0f} s")
    async with database.connect() as connection:
        result = await connection.scalars(
            select(PersoonslijstRow.burgerservicenummer).where(PersoonslijstRow.burgerservicenummer.is_not(None))
        )
        return [bsn for bsn in result if bsn]


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(database_url: str, port: int) -> subprocess.Popen[bytes]:
    """The Open GDI server in its own process."""
    env = {**os.environ, "GDI_DATABASE_URL": database_url, "GDI_PORT": str(port), "GDI_LOG_LEVEL": "warning"}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "opengdi.app:create_app",
        "--factory",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    return subprocess.Popen(command, env=env)


class Connection:
    """A minimal keep-alive HTTP/1.1 client connection, so the load generator costs little CPU
    next to the server it measures (both share the machine)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        """A connection to the server on ``port``."""
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        """POST ``body`` (JSON) and read the answer: status and body."""
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        )
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        """Close the connection."""
        self.writer.close()


async def wait_until_up(client: httpx.AsyncClient) -> None:
    """Poll the status endpoint until the server answers."""
    for _ in range(100):
        try:
            if (await client.get("/_status")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError("de server kwam niet op")


async def run(database_url: str, persons: int, requests: int, concurrency: int) -> None:
    """Populate, then measure HTTP and raw lookups of the same persons."""
    database = Database(database_url)
    bsns = await prepare(database, persons)
    sample = random.Random(1).choices(bsns, k=requests)
    port = free_port()
    server = start_server(database_url, port)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await wait_until_up(client)
        connections = [await Connection.open(port) for _ in range(concurrency)]

        async def http_lookup(bsn: str) -> None:
            connection = connections.pop()
            try:
                query = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": FIELDS}
                status, body = await connection.post("/haalcentraal/api/brp/personen", orjson.dumps(query))
            finally:
                connections.append(connection)
            if status != 200 or not orjson.loads(body)["personen"]:
                raise RuntimeError(f"{bsn}: {status} {body[:200]!r}")

        await measure("warm-up", http_lookup, sample[:200], concurrency)
        http = await measure("HTTP RaadpleegMetBurgerservicenummer", http_lookup, sample, concurrency)
        for connection in connections:
            connection.close()
    finally:
        server.terminate()
        server.wait()

    async def raw_lookup(bsn: str) -> None:
        async with database.connect() as connection:
            if not await repository.load_by_bsn(connection, [bsn]):
                raise RuntimeError(f"{bsn} niet gevonden")

    raw = await measure("raw database point lookup", raw_lookup, sample, concurrency)
    await database.dispose()
    print(
        f"database: {make_url(database_url).get_backend_name()}, {len(bsns)} persoonslijsten, concurrency {concurrency}"
    )
    print(http.line())
    print(raw.line())
    print(
        f"ratio HTTP / raw: {http.per_second / raw.per_second:.2f} of the raw lookup rate; "
        f"p50 {http.percentile(0.5) / raw.percentile(0.5):.1f}x the raw latency"
    )
    print(f"mean HTTP latency {1000 * statistics.fmean(http.latencies):.2f} ms")


async def scratch_postgres(admin_url: str) -> str:
    """A new, empty PostgreSQL database next to ``admin_url``'s; its URL."""
    name = f"opengdi_bench_{uuid.uuid4().hex[:8]}"
    connection = await asyncpg.connect(make_url(admin_url).set(drivername="postgresql").render_as_string(False))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def drop_postgres(admin_url: str, url: str) -> None:
    """Drop the scratch database again."""
    connection = await asyncpg.connect(make_url(admin_url).set(drivername="postgresql").render_as_string(False))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        await connection.close()


def main() -> None:
    """Parse the arguments and run the benchmark on a scratch database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--persons", type=int, default=100_000, help="synthetic persons (default 100000)")
    parser.add_argument("--requests", type=int, default=5_000, help="lookups per measurement (default 5000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    args = parser.parse_args()
    if args.postgres:
        url = asyncio.run(scratch_postgres(args.postgres))
        try:
            asyncio.run(run(url, args.persons, args.requests, args.concurrency))
        finally:
            asyncio.run(drop_postgres(args.postgres, url))
        return
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(
            run(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}", args.persons, args.requests, args.concurrency)
        )


if __name__ == "__main__":
    main()
