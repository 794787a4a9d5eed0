# SPDX-License-Identifier: EUPL-1.2
"""What the benchmarks share: timing with concurrency, a light HTTP client, the server in its own
process, a populated scratch database (SQLite file or PostgreSQL), the command line they share."""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import repository
from opengdi.registers.brp.demo import load_demo
from opengdi.registers.brp.seed import seed_population
from opengdi.settings import get_settings

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Figures:
    """Throughput and latency of one measured run."""

    label: str
    count: int
    seconds: float
    latencies: list[float]
    #: CPU seconds the server's processes used during the run (user and system), when measured.
    cpu: float | None = None
    #: CPU seconds PostgreSQL's processes used during the run, when measured.
    database_cpu: float | None = None

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
            f"{self.label:<44} {self.per_second:>10.0f}/s   p50 {self.percentile(0.5):6.2f} ms   "
            f"p99 {self.percentile(0.99):6.2f} ms   ({self.count} in {self.seconds:.1f} s)"
        )


async def measure(label: str, work: Callable[[T], Awaitable[None]], items: Sequence[T], concurrency: int) -> Figures:
    """Run ``work`` for every item (a BSN, a question) with ``concurrency`` in flight; time each call."""
    queue = list(items)
    latencies: list[float] = []

    async def worker() -> None:
        while queue:
            item = queue.pop()
            started = time.perf_counter()
            await work(item)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return Figures(label, len(latencies), time.perf_counter() - started, latencies)


async def prepare(database: Database, persons: int) -> list[str]:
    """Migrate, load demo and synthetic persons; all BSNs in the database."""
    await SAMENSTELLING.migraties().upgrade(database)
    started = time.perf_counter()
    async with UnitOfWork(database, oin=get_settings().oin) as uow:
        await load_demo(uow)
        stored = await seed_population(uow, persons)
    print(f"populated: demo + {stored} synthetic persons in {time.perf_counter() - started:.0f} s")
    async with database.connect() as connection:
        return [bsn for bsn, _a_nummer, _naam in await repository.overview(connection) if bsn]


def _process_stats() -> dict[int, tuple[str, int, float]]:
    """Every process on the machine: pid → (name, parent, CPU seconds used so far), from ``/proc``."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[str, int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                name, rest = (entry / "stat").read_text().split(" (", 1)[1].rsplit(")", 1)
            except (OSError, ValueError):
                continue  # ended meanwhile
            fields = rest.split()
            stats[int(entry.name)] = (name, int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
    return stats


def postgres_cpu() -> float:
    """CPU seconds used so far by the processes of the local PostgreSQL server (its backends
    included, as long as they live: measure while the measured connections are open)."""
    return sum(cpu for name, _parent, cpu in _process_stats().values() if name == "postgres")


def process_tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and every process below it
    (uvicorn's workers), from ``/proc``."""
    stats = {member: (parent, cpu) for member, (_name, parent, cpu) in _process_stats().items()}
    tree, total = {pid}, 0.0
    for _ in range(3):  # the server, its workers and what they start
        tree |= {child for child, (parent, _cpu) in stats.items() if parent in tree}
    for member in tree:
        total += stats.get(member, (0, 0.0))[1]
    return total


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    database_url: str, port: int, factory: str = "opengdi.app:serve_app", **settings: str
) -> subprocess.Popen[bytes]:
    """The Open GDI server (the app of ``factory``) in its own process, with extra ``GDI_…`` settings."""
    env = {
        **os.environ,
        "GDI_DATABASE_URL": database_url,
        "GDI_PORT": str(port),
        "GDI_LOG_LEVEL": "warning",
        **{f"GDI_{name.upper()}": value for name, value in settings.items()},
    }
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        factory,
        "--factory",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--no-proxy-headers",
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

    async def post(
        self, path: str, body: bytes, headers: str = "", content_type: str = "application/json"
    ) -> tuple[int, bytes]:
        """POST ``body`` (JSON unless told, with extra raw ``headers`` lines) and read the answer: status and body."""
        self.writer.write(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n{headers}"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        return await self._answer()

    async def get(self, path: str, headers: str = "") -> tuple[int, bytes]:
        """GET ``path`` (with extra raw ``headers`` lines) and read the answer: status and body."""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n".encode())
        return await self._answer()

    async def _answer(self) -> tuple[int, bytes]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")
        )
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        """Close the connection."""
        self.writer.close()


async def wait_until_up(client: httpx.AsyncClient, seconds: float = 10) -> None:
    """Poll the status endpoint until the server answers (at most ``seconds``: slow on a busy machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if (await client.get("/_status")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise RuntimeError(f"de server op {client.base_url} kwam niet op")


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


def parse_arguments(doc: str | None, default_persons: int) -> argparse.Namespace:
    """The options every BRP benchmark takes: database, population, requests and concurrency."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument(
        "--persons", type=int, default=default_persons, help=f"synthetic persons (default {default_persons})"
    )
    parser.add_argument("--requests", type=int, default=5_000, help="lookups per measurement (default 5000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    return parser.parse_args()


def on_scratch_database(
    postgres_admin_url: str | None,
    work: Callable[[str, Path], Coroutine[Any, Any, None]],
    runner: Callable[[Coroutine[Any, Any, None]], None] = asyncio.run,
) -> None:
    """Run ``work(database_url, folder)`` (with ``runner``: ``asyncio.run`` or ``uvloop.run``) on a
    scratch SQLite file, or a scratch PostgreSQL database when ``postgres_admin_url`` is given; the
    database and the temporary folder are removed afterwards."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if postgres_admin_url is None:
            runner(work(f"sqlite+aiosqlite:///{folder / 'bench.db'}", folder))
            return
        url = asyncio.run(scratch_postgres(postgres_admin_url))
        try:
            runner(work(url, folder))
        finally:
            asyncio.run(drop_postgres(postgres_admin_url, url))


def setting_line(database_url: str, persoonslijsten: int, concurrency: int) -> str:
    """What was measured on: the database kind, its size and the concurrency."""
    backend = make_url(database_url).get_backend_name()
    return f"database: {backend}, {persoonslijsten} persoonslijsten, concurrency {concurrency}"


def plain_dsn(url: str) -> str:
    """The asyncpg DSN of a SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def start_bare(database_url: str, port: int, factory: str) -> subprocess.Popen[bytes]:
    """A bare endpoint (the app of ``factory``, e.g. ``bench.kaal_bag:create_app``) in its own process."""
    env = {"KAAL_DSN": plain_dsn(database_url), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "uvicorn", factory, "--factory", "--port", str(port)]
    return subprocess.Popen([*command, "--log-level", "warning", "--no-access-log"], env=env)


#: A request: a path, with a JSON body to POST or none to GET.
Verzoek = tuple[str, bytes | None]


async def http_figures(label: str, port: int, requests: Sequence[Verzoek], concurrency: int, found: bytes) -> Figures:
    """Send each request; every answer must be a 200 holding ``found`` (something was found)."""
    connections = [await Connection.open(port) for _ in range(concurrency)]

    async def send(request: Verzoek) -> None:
        path, body = request
        connection = connections.pop()
        try:
            status, answer = await (connection.get(path) if body is None else connection.post(path, body))
        finally:
            connections.append(connection)
        if status != 200 or found not in answer:
            raise RuntimeError(f"{label} {path} {body!r}: {status} {answer[:300]!r}")

    try:
        await measure("warm-up", send, requests[:200], concurrency)
        return await measure(label, send, requests, concurrency)
    finally:
        for connection in connections:
            connection.close()


#: A raw query: its SQL and arguments.
Query = tuple[str, Sequence[Any]]


async def raw_figures(label: str, database_url: str, queries: Sequence[Query], concurrency: int) -> Figures:
    """Run each query straight on asyncpg; every one must find a row."""
    pool = await asyncpg.create_pool(plain_dsn(database_url), min_size=concurrency, max_size=concurrency)

    async def run_query(query: Query) -> None:
        if not await pool.fetch(query[0], *query[1]):
            raise RuntimeError(f"{label} {query[1]}: niets gevonden")

    try:
        return await measure(label, run_query, queries, concurrency)
    finally:
        await pool.close()


def report(results: Sequence[Figures], baselines: Sequence[Figures]) -> None:
    for figures in (*results, *baselines):
        print(figures.line())
    for figures in results:
        ratios = "; ".join(f"{figures.per_second / base.per_second:.2f} of {base.label}" for base in baselines)
        print(f"ratio {figures.label}: {ratios}", flush=True)


async def sampled(database_url: str, query: str, count: int) -> list[asyncpg.Record]:
    """``count`` rows of a sampling ``query`` (which takes a limit), chosen alike in every run."""
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        rows = await connection.fetch(query, count * 3)
    finally:
        await connection.close()
    chosen: list[asyncpg.Record] = random.Random(1).sample(list(rows), min(count, len(rows)))
    return chosen
