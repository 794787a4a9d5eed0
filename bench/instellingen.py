# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the CPU one lookup costs under two settings of Open GDI, side by side in one process.

For changes of a few per cent, which the drift of a shared machine hides when servers are measured
one after the other: both applications are built in this process on the same scratch database
(PostgreSQL: demo persons plus a synthetic population, ``GDI_AUTHENTICATIE=uit``; on SQLite the two
applications' writers would take turns on its one write lock), called directly as ASGI
applications without uvicorn, and measured in alternating batches of ``RaadpleegMetBurgerservicenummer``
requests (random persons, 16 in flight), so that a slow stretch of the machine falls on both. It
prints each one's CPU time per request (this process only: the database server is not counted) and
the ratio of the second to the first. Usage::

    python -m bench.instellingen --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres \\
        --setting GDI_OPENTELEMETRY=aan
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import orjson
import uvloop
from fastapi import FastAPI
from starlette.types import Message

from bench.common import on_scratch_database, prepare
from opengdi.app import create_app, freeze_startup_objects
from opengdi.kernel.db import Database
from opengdi.settings import Settings

PATH = "/haalcentraal/api/brp/personen"
FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners"]
BATCH = 200
CONCURRENCY = 16


async def lookup(app: FastAPI, bsn: str) -> None:
    """One ``RaadpleegMetBurgerservicenummer`` through the whole application; it must answer 200."""
    body = orjson.dumps({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": FIELDS})
    headers = [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": PATH,
        "raw_path": PATH.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    statuses: list[int] = []

    async def receive() -> Message:
        if messages:
            return messages.pop()
        await asyncio.Event().wait()  # the client never disconnects
        raise AssertionError

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope, receive, send)
    if statuses != [200]:
        raise RuntimeError(f"antwoord {statuses} op {bsn}")


async def cpu_per_batch(app: FastAPI, bsns: Sequence[str]) -> float:
    """CPU seconds this process spent on ``bsns``, ``CONCURRENCY`` in flight."""
    queue = list(bsns)

    async def worker() -> None:
        while queue:
            await lookup(app, queue.pop())

    started = time.process_time()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.process_time() - started


def overrides(pairs: Sequence[str]) -> dict[str, str]:
    """``GDI_NAAM=waarde`` pairs as Settings fields."""
    result = {}
    for pair in pairs:
        name, separator, value = pair.partition("=")
        field = name[4:].lower()
        if not separator or not name.upper().startswith("GDI_") or field not in Settings.model_fields:
            raise SystemExit(f"--setting verwacht GDI_NAAM=waarde met een bestaande instelling, niet {pair!r}")
        result[field] = value
    return result


async def run(args: argparse.Namespace, database_url: str, folder: Path) -> None:
    database = Database(database_url)
    bsns = await prepare(database, args.persons)
    base: dict[str, Any] = {"data_dir": folder, "database_url": database_url, "authenticatie": "uit"}
    apps = {
        "A (standaard)": create_app(Settings(**base), database),
        f"B ({' '.join(args.setting)})": create_app(Settings(**{**base, **overrides(args.setting)}), database),
    }
    freeze_startup_objects()  # as a server process does, for both alike
    cpu = dict.fromkeys(apps, 0.0)
    async with AsyncExitStack() as running:  # the lifespans: protocol writers flushed at the end
        for app in apps.values():
            await running.enter_async_context(app.router.lifespan_context(app))
        for app in apps.values():
            await cpu_per_batch(app, random.choices(bsns, k=BATCH))  # warm-up
        for round_ in range(args.rounds):
            order = list(apps.items()) if round_ % 2 else list(reversed(apps.items()))
            for label, app in order:
                cpu[label] += await cpu_per_batch(app, random.choices(bsns, k=BATCH))
    requests = args.rounds * BATCH
    for label, seconds in cpu.items():
        print(f"{label:50} CPU {seconds / requests * 1000:.3f} ms per request ({requests} requests)")
    first, second = cpu.values()
    print(f"B / A: {second / first:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--postgres", required=True, help="admin URL of a PostgreSQL server")
    parser.add_argument("--persons", type=int, default=20_000, help="synthetic persons (default 20000)")
    parser.add_argument("--rounds", type=int, default=30, help=f"batches of {BATCH} per application (default 30)")
    parser.add_argument("--setting", action="append", required=True, help="GDI_NAAM=waarde of application B")
    args = parser.parse_args()
    overrides(args.setting)  # refuse a malformed one before building anything
    on_scratch_database(args.postgres, lambda url, folder: run(args, url, folder), runner=uvloop.run)


if __name__ == "__main__":
    main()
