# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the whole BRP exchange against a bare FastAPI + asyncpg endpoint, in one run.

Builds a scratch database (PostgreSQL, or a SQLite file with ``--sqlite``) with the demo persons, a
synthetic population and the demo register of organisations, and precomputes Open GDI's answer to
the measured request for every person into a table ``kaal_antwoord`` (BSN → JSON document) in a
scratch PostgreSQL database. Then it measures ``RaadpleegMetBurgerservicenummer`` on the same
random persons, each server a real uvicorn process (the load generator is this process, a minimal
keep-alive HTTP/1.1 client on uvloop, so the servers keep their CPU):

- the bare endpoint (``bench.kaal``, one process): FastAPI, one primary-key lookup of the stored
  answer with asyncpg, the document returned as it is: measured first and last, and the faster of
  the two is the baseline;
- Open GDI with ``GDI_AUTHENTICATIE=uit`` (no token, but a protocol record committed before each
  answer) and behind Digikoppeling (access token, autorisatiebesluit, protocol record), each with
  1 and 2 uvicorn workers (``--workers``).

It prints each server's rate and p50/p99 with its ratio to the baseline, checks that Open GDI's
answers equal the stored ones, and that the requests to Open GDI left exactly the protocol records
their answers call for (one per person delivered, one for an empty answer). Usage::

    python -m bench.uitwisseling --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    python -m bench.uitwisseling --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres --sqlite
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import asyncpg
import httpx
import orjson
import uvloop
from sqlalchemy.engine import make_url

from bench.common import (
    Connection,
    Figures,
    drop_postgres,
    free_port,
    measure,
    postgres_cpu,
    prepare,
    process_tree_cpu,
    scratch_postgres,
    wait_until_up,
)
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import count_records
from opengdi.registers.brp import repository, service
from opengdi.registers.brp.persoon import is_afgevoerd
from opengdi.stelsel.digikoppeling.client import fetch_token
from opengdi.stelsel.digikoppeling.demo import demo_oin
from opengdi.stelsel.digikoppeling.demotoegang import credential_path, load_demo_register

#: The six fields of the Belastingdienst's autorisatiebesluit.
FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners"]
PATH = "/haalcentraal/api/brp/personen"
WARM_UP = 300


def query(bsn: str) -> dict[str, object]:
    """The measured request for ``bsn``."""
    return {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": FIELDS}


def plain_dsn(url: str) -> str:
    """A ``postgresql://`` DSN for asyncpg from an SQLAlchemy URL."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def store_answers(database: Database, bsns: Sequence[str], kaal_url: str) -> int:
    """Open GDI's answer for every BSN, computed in this process as the API computes it (the lookup of
    ``service.find_lijsten``, a thousand persons per query), into ``kaal_antwoord``; how many were stored."""
    today = date.today()
    unique = list(dict.fromkeys(bsns))
    records: list[tuple[str, str]] = []
    async with database.read() as connection:
        for start in range(0, len(unique), 1000):
            found = await repository.load_by_bsn(connection, unique[start : start + 1000])
            for bsn in unique[start : start + 1000]:
                lijsten = [lijst for lijst in found.get(bsn, []) if not is_afgevoerd(lijst)]
                answer = service.answer(service.parse(query(bsn)), lijsten, today)
                records.append((bsn, orjson.dumps(answer).decode()))
    target = await asyncpg.connect(plain_dsn(kaal_url))
    try:
        await target.execute("CREATE TABLE kaal_antwoord (bsn text PRIMARY KEY, antwoord json NOT NULL)")
        await target.copy_records_to_table("kaal_antwoord", records=records)
        await target.execute("ANALYZE kaal_antwoord")
    finally:
        await target.close()
    return len(records)


def start(factory: str, port: int, workers: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """A uvicorn server process for ``factory`` with ``workers`` worker processes."""
    command = [sys.executable, "-m", "uvicorn", factory, "--factory", "--port", str(port), "--workers", str(workers)]
    command += ["--log-level", "warning", "--no-access-log", "--no-proxy-headers"]
    return subprocess.Popen(command, env={**os.environ, **env})


async def run_load(
    label: str, server: int, port: int, sample: list[str], *, concurrency: int, headers: str = ""
) -> tuple[Figures, dict[str, bytes], int]:
    """Warm up, then measure ``sample`` with ``concurrency`` connections to the server (process
    ``server``, on ``port``); the figures with the server's CPU time, a few answers and how many
    protocol records the answers call for."""
    connections = [await Connection.open(port) for _ in range(concurrency)]
    seen: dict[str, bytes] = {}
    delivered: list[int] = []  # protocol records per answer: one per person delivered, one when none

    async def lookup(bsn: str) -> None:
        connection = connections.pop()
        try:
            status, body = await connection.post(
                PATH if label != "bare" else "/personen", orjson.dumps(query(bsn)), headers
            )
        finally:
            connections.append(connection)
        if status != 200:
            raise RuntimeError(f"{label} {bsn}: {status} {body[:300]!r}")
        delivered.append(max(1, len(orjson.loads(body)["personen"])))
        if len(seen) < 50:
            seen[bsn] = body

    await measure("warm-up", lookup, sample[:WARM_UP], concurrency)
    seen.clear()
    cpu_before, database_before = process_tree_cpu(server), postgres_cpu()
    figures = await measure(label, lookup, sample, concurrency)
    figures = replace(figures, cpu=process_tree_cpu(server) - cpu_before, database_cpu=postgres_cpu() - database_before)
    for connection in connections:
        connection.close()
    return figures, seen, sum(delivered)


async def measure_server(
    label: str, factory: str, *, workers: int, env: dict[str, str], sample: list[str], concurrency: int, token: bool
) -> tuple[Figures, dict[str, bytes], int]:
    """Start a server, measure it, stop it."""
    port = free_port()
    server = start(factory, port, workers, {**env, "GDI_PORT": str(port)})
    try:
        await server_up(port)
        headers = ""
        if token:
            oin = demo_oin("Belastingdienst")
            pem = credential_path(Path(env["GDI_DATA_DIR"]), oin).read_text("utf-8")
            endpoint = f"http://127.0.0.1:{port}/digikoppeling/oauth2/token"
            access = (await asyncio.to_thread(fetch_token, endpoint, pem, oin))["access_token"]
            headers = f"Authorization: Bearer {access}\r\nx-gebruiker: bench\r\n"
        return await run_load(label, server.pid, port, sample, concurrency=concurrency, headers=headers)
    finally:
        server.terminate()
        server.wait()


async def server_up(port: int) -> None:
    """Wait until the server on ``port`` answers its status endpoint (up to three minutes: uvicorn's
    workers start slowly on a busy machine)."""
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        await wait_until_up(client, seconds=180)


def check_answers(label: str, seen: dict[str, bytes], bare: dict[str, bytes]) -> str:
    """Whether Open GDI's answers equal the stored ones of the same BSNs."""
    common = [bsn for bsn in seen if bsn in bare]
    same = sum(orjson.loads(seen[bsn]) == orjson.loads(bare[bsn]) for bsn in common)
    return f"answers of '{label}' equal to the stored ones: {same} of {len(common)}"


async def run(args: argparse.Namespace, folder: Path, database_url: str, kaal_url: str) -> None:
    """Populate, precompute, then measure every server on the same persons."""
    database = Database(database_url)
    bsns = await prepare(database, args.persons)
    await load_demo_register(database, folder, SAMENSTELLING)
    sample = random.Random(3).choices(bsns, k=args.requests)
    started = time.perf_counter()
    stored = await store_answers(database, sample if args.sample_answers else bsns, kaal_url)
    print(f"precomputed {stored} answers in {time.perf_counter() - started:.0f} s")
    gdi_env = {
        "GDI_DATABASE_URL": database_url,
        "GDI_DATA_DIR": str(folder),
        "GDI_LOG_LEVEL": "warning",
        "GDI_TOKEN_GELDIGHEID": "3600",
    }
    results: list[tuple[Figures, tuple[int, int] | None]] = []
    bare_runs: list[Figures] = []
    bare_seen: dict[str, bytes] = {}
    checks: list[str] = []

    async def bare() -> None:
        figures, seen, _ = await measure_server(
            "bare",
            "bench.kaal:create_app",
            workers=1,
            env={"KAAL_DSN": plain_dsn(kaal_url)},
            sample=sample,
            concurrency=args.concurrency,
            token=False,
        )
        bare_runs.append(figures)
        bare_seen.update(seen)
        results.append((figures, None))

    await bare()
    for workers in args.workers:
        for authenticatie in args.modes:
            label = f"{'Digikoppeling' if authenticatie == 'aan' else 'authenticatie uit'}, {workers} worker(s)"
            before = await count_records(database)
            figures, seen, expected = await measure_server(
                label,
                "opengdi.app:serve_app",
                workers=workers,
                env={**gdi_env, "GDI_AUTHENTICATIE": authenticatie},
                sample=sample,
                concurrency=args.concurrency,
                token=authenticatie == "aan",
            )
            results.append((figures, (await count_records(database) - before, expected)))
            checks.append(check_answers(label, seen, bare_seen))
    await bare()
    await database.dispose()
    backend = make_url(database_url).get_backend_name()
    print(f"database: {backend}, {len(bsns)} persoonslijsten; {args.concurrency} connections; {os.cpu_count()} cores")
    baseline = max(bare_runs, key=lambda figures: figures.per_second)
    bare_cpu = min(1000 * (figures.cpu or 0.0) / figures.count for figures in bare_runs)
    for figures, counts in results:
        protocol = "" if counts is None else f"   protocol records {counts[0]}, expected {counts[1]}"
        verdict = "" if counts is None or counts[0] == counts[1] else " MISMATCH"
        print(f"{figures.line()}   {figures.per_second / baseline.per_second:.2f} of bare{protocol}{verdict}")
    for figures, _counts in results:
        cpu = 1000 * (figures.cpu or 0.0) / figures.count
        database_ms = 1000 * (figures.database_cpu or 0.0) / figures.count
        print(
            f"{figures.label:<44} server CPU {cpu:5.2f} ms per request   bare / this {bare_cpu / cpu:.2f}"
            f"   PostgreSQL CPU {database_ms:5.2f} ms per request"
        )
    for line in checks:
        print(line)


def parse_arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--postgres", required=True, help="admin URL of a PostgreSQL server")
    parser.add_argument("--sqlite", action="store_true", help="Open GDI on a SQLite file (the bare endpoint stays)")
    parser.add_argument("--persons", type=int, default=100_000, help="synthetic persons (default 100000)")
    parser.add_argument("--requests", type=int, default=5_000, help="lookups per measurement (default 5000)")
    parser.add_argument("--concurrency", type=int, default=16, help="connections (default 16)")
    parser.add_argument("--workers", type=lambda text: [int(n) for n in text.split(",")], default=[1, 2])
    parser.add_argument(
        "--sample-answers", action="store_true", help="precompute the measured persons' answers only (faster)"
    )
    parser.add_argument("--modes", type=lambda text: text.split(","), default=["uit", "aan"], help="uit,aan")
    return parser.parse_args()


async def main_async(args: argparse.Namespace) -> None:
    """Scratch databases around the run."""
    kaal_url = await scratch_postgres(args.postgres)
    gdi_url = kaal_url if not args.sqlite else None
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        try:
            await run(args, folder, gdi_url or f"sqlite+aiosqlite:///{folder / 'bench.db'}", kaal_url)
        finally:
            await drop_postgres(args.postgres, kaal_url)


def main() -> None:
    """Run the benchmark."""
    uvloop.run(main_async(parse_arguments()))


if __name__ == "__main__":
    main()
