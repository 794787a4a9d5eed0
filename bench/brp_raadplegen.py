# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: RaadpleegMetBurgerservicenummer over HTTP against the raw database point lookup.

Builds a scratch database (SQLite file, or a scratch PostgreSQL database), fills it with the demo
persons and a synthetic population, starts the server in its own process (authentication off: the
open lookup), and measures in one run:

- HTTP: ``POST /haalcentraal/api/brp/personen`` for one BSN at a time, ``--concurrency`` requests
  in flight, reporting requests per second and p50/p99 latency;
- raw: the same persons fetched with the repository's single SQL query (all voorkomens of the
  persoonslijst by BSN, JSON decoded), with the same concurrency, no HTTP and no mapping;

and prints the ratio. Usage::

    python -m bench.brp_raadplegen                                   # SQLite, 100,000 synthetic persons
    python -m bench.brp_raadplegen --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import random
import statistics

import httpx
import orjson

from bench.common import (
    Connection,
    free_port,
    measure,
    on_scratch_database,
    parse_arguments,
    prepare,
    setting_line,
    start_server,
    wait_until_up,
)
from opengdi.kernel.db import Database
from opengdi.registers.brp import repository

FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners", "leeftijd"]


async def run(database_url: str, persons: int, requests: int, concurrency: int) -> None:
    """Populate, then measure HTTP and raw lookups of the same persons."""
    database = Database(database_url)
    bsns = await prepare(database, persons)
    sample = random.Random(1).choices(bsns, k=requests)
    port = free_port()
    server = start_server(database_url, port, authenticatie="uit")
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
    print(setting_line(database_url, len(bsns), concurrency))
    print(http.line())
    print(raw.line())
    print(
        f"ratio HTTP / raw: {http.per_second / raw.per_second:.2f} of the raw lookup rate; "
        f"p50 {http.percentile(0.5) / raw.percentile(0.5):.1f}x the raw latency"
    )
    print(f"mean HTTP latency {1000 * statistics.fmean(http.latencies):.2f} ms")


def main() -> None:
    """Parse the arguments and run the benchmark on a scratch database."""
    args = parse_arguments(__doc__, default_persons=100_000)
    on_scratch_database(args.postgres, lambda url, folder: run(url, args.persons, args.requests, args.concurrency))


if __name__ == "__main__":
    main()
