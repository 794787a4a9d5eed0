# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the BRP lookup behind Digikoppeling against the open lookup, in one run.

Builds a scratch database (SQLite file, or a scratch PostgreSQL database) with the demo persons, a
synthetic population and the demo register of organisations, then measures
``RaadpleegMetBurgerservicenummer`` over HTTP twice on the same persons:

- open: the server with authentication off (the lookup of the foundation issue);
- Digikoppeling: the server with authentication on, the Belastingdienst's access token on every
  request: token check, autorisatiebesluit (operation and fields) and a protocol record committed
  before each answer (grouped commits under load);

and prints both and the ratio, and checks that every request left exactly one protocol record. Usage::

    python -m bench.brp_toegang                                      # SQLite, 20,000 synthetic persons
    python -m bench.brp_toegang --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import httpx
import orjson
from sqlalchemy import func, select

from bench.common import (
    Connection,
    Figures,
    free_port,
    measure,
    on_scratch_database,
    parse_arguments,
    prepare,
    setting_line,
    start_server,
    wait_until_up,
)
from opengdi.demo.toegang import credential_path, load_demo_register
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolRow
from opengdi.stelsel.digikoppeling.client import fetch_token
from opengdi.stelsel.digikoppeling.demo import demo_oin

#: Fields within the Belastingdienst's autorisatiebesluit.
FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners"]


async def lookups(label: str, database_url: str, sample: list[str], concurrency: int, folder: Path | None) -> Figures:
    """Measure lookups against a server with authentication on (``folder`` holds the afnemer's key) or off."""
    port = free_port()
    settings = {"authenticatie": "aan" if folder else "uit", "token_geldigheid": "3600"}
    server = start_server(database_url, port, **settings)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await wait_until_up(client)
        headers = ""
        if folder is not None:
            oin = demo_oin("Belastingdienst")
            token_endpoint = f"http://127.0.0.1:{port}/digikoppeling/oauth2/token"
            pem = credential_path(folder, oin).read_text("utf-8")
            token = (await asyncio.to_thread(fetch_token, token_endpoint, pem, oin))["access_token"]
            headers = f"Authorization: Bearer {token}\r\nx-gebruiker: bench\r\n"
        connections = [await Connection.open(port) for _ in range(concurrency)]

        async def lookup(bsn: str) -> None:
            connection = connections.pop()
            try:
                query = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": FIELDS}
                status, body = await connection.post("/haalcentraal/api/brp/personen", orjson.dumps(query), headers)
            finally:
                connections.append(connection)
            if status != 200 or not orjson.loads(body)["personen"]:
                raise RuntimeError(f"{bsn}: {status} {body[:200]!r}")

        await measure("warm-up", lookup, sample[:200], concurrency)
        figures = await measure(label, lookup, sample, concurrency)
        for connection in connections:
            connection.close()
        return figures
    finally:
        server.terminate()
        server.wait()


async def protocol_count(database: Database) -> int:
    """How many protocol records there are."""
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(ProtocolRow)) or 0)


async def run(database_url: str, persons: int, requests: int, concurrency: int, folder: Path) -> None:
    """Populate, then measure the open and the protected lookup of the same persons."""
    database = Database(database_url)
    bsns = await prepare(database, persons)
    await load_demo_register(database, folder)
    sample = random.Random(2).choices(bsns, k=requests)
    open_figures = await lookups("open (authenticatie uit)", database_url, sample, concurrency, None)
    before = await protocol_count(database)
    protected = await lookups("Digikoppeling (token+autorisatie+protocol)", database_url, sample, concurrency, folder)
    recorded = await protocol_count(database) - before
    await database.dispose()
    print(setting_line(database_url, len(bsns), concurrency))
    print(open_figures.line())
    print(protected.line())
    print(
        f"ratio Digikoppeling / open: {protected.per_second / open_figures.per_second:.2f} of the open rate; "
        f"p50 {protected.percentile(0.5) / open_figures.percentile(0.5):.2f}x the open latency"
    )
    expected = requests + 200  # the warm-up requests were recorded too
    print(
        f"protocol records written: {recorded} for {expected} requests ({'ok' if recorded == expected else 'MISMATCH'})"
    )


def main() -> None:
    """Parse the arguments and run the benchmark on a scratch database."""
    args = parse_arguments(__doc__, default_persons=20_000)
    on_scratch_database(
        args.postgres, lambda url, folder: run(url, args.persons, args.requests, args.concurrency, folder)
    )


if __name__ == "__main__":
    main()
