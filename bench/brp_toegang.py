# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the BRP lookup behind Digikoppeling against the open lookup, in one run.

Builds a scratch database (SQLite file, or a scratch PostgreSQL database) with the demo persons, a
synthetic population and the demo register of organisations, then measures
``RaadpleegMetBurgerservicenummer`` over HTTP on the same persons, three times:

- the baseline: the open lookup as the foundation issue measured it (``bench.zonder_vastlegging``:
  no authentication, no protocol record, no transaction row);
- authentication off (``GDI_AUTHENTICATIE=uit``): no token, but a protocol record committed before
  each answer (grouped commits under load) and a transaction row;
- Digikoppeling: authentication on, the Belastingdienst's access token on every request: token
  check, autorisatiebesluit (operation and fields), protocol record and transaction row;

and prints each with its ratio to the baseline, and checks that the requests of the last two left
exactly the protocol records their answers call for: one per person delivered (a BSN of the demo
set can have more than one persoonslijst). Usage::

    python -m bench.brp_toegang                                      # SQLite, 20,000 synthetic persons
    python -m bench.brp_toegang --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import httpx
import orjson

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
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import count_records
from opengdi.stelsel.digikoppeling.client import fetch_token
from opengdi.stelsel.digikoppeling.demo import demo_oin
from opengdi.stelsel.digikoppeling.demotoegang import credential_path, load_demo_register

#: Fields within the Belastingdienst's autorisatiebesluit.
FIELDS = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners"]


#: The three servers measured, from the foundation's open lookup to the full Digikoppeling exchange.
BASELINE = "open, niets vastgelegd (fundament)"
AUTHENTICATIE_UIT = "authenticatie uit, met protocol"
DIGIKOPPELING = "Digikoppeling: token+autorisatie+protocol"


async def lookups(
    label: str, database_url: str, sample: list[str], concurrency: int, folder: Path
) -> tuple[Figures, int]:
    """Measure lookups against the server that ``label`` names (``folder`` holds the afnemer's key);
    the figures and how many persons the answers delivered (warm-up included)."""
    port = free_port()
    factory = "bench.zonder_vastlegging:create_app" if label == BASELINE else "opengdi.app:serve_app"
    settings = {"authenticatie": "aan" if label == DIGIKOPPELING else "uit", "token_geldigheid": "3600"}
    server = start_server(database_url, port, factory, **settings)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await wait_until_up(client)
        headers = ""
        if label == DIGIKOPPELING:
            oin = demo_oin("Belastingdienst")
            token_endpoint = f"http://127.0.0.1:{port}/digikoppeling/oauth2/token"
            pem = credential_path(folder, oin).read_text("utf-8")
            token = (await asyncio.to_thread(fetch_token, token_endpoint, pem, oin))["access_token"]
            headers = f"Authorization: Bearer {token}\r\nx-gebruiker: bench\r\n"
        connections = [await Connection.open(port) for _ in range(concurrency)]
        delivered: list[int] = []

        async def lookup(bsn: str) -> None:
            connection = connections.pop()
            try:
                query = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": FIELDS}
                status, body = await connection.post("/haalcentraal/api/brp/personen", orjson.dumps(query), headers)
            finally:
                connections.append(connection)
            personen = orjson.loads(body)["personen"] if status == 200 else []
            if not personen:
                raise RuntimeError(f"{bsn}: {status} {body[:200]!r}")
            delivered.append(len(personen))

        await measure("warm-up", lookup, sample[:200], concurrency)
        figures = await measure(label, lookup, sample, concurrency)
        for connection in connections:
            connection.close()
        return figures, sum(delivered)
    finally:
        server.terminate()
        server.wait()


async def run(database_url: str, persons: int, requests: int, concurrency: int, folder: Path) -> None:
    """Populate, then measure the three servers on the same persons."""
    database = Database(database_url)
    bsns = await prepare(database, persons)
    await load_demo_register(database, folder, SAMENSTELLING)
    sample = random.Random(2).choices(bsns, k=requests)
    figures: dict[str, Figures] = {}
    recorded: dict[str, int] = {}
    expected: dict[str, int] = {}
    for label in (BASELINE, AUTHENTICATIE_UIT, DIGIKOPPELING):
        before = await count_records(database)
        figures[label], delivered = await lookups(label, database_url, sample, concurrency, folder)
        recorded[label] = await count_records(database) - before
        expected[label] = 0 if label == BASELINE else delivered
    await database.dispose()
    print(setting_line(database_url, len(bsns), concurrency))
    baseline = figures[BASELINE]
    for measured in figures.values():
        print(
            f"{measured.line()}   {measured.per_second / baseline.per_second:.2f} of the baseline rate, "
            f"p50 {measured.percentile(0.5) / baseline.percentile(0.5):.2f}x"
        )
    for label, count in recorded.items():
        verdict = "ok" if count == expected[label] else "MISMATCH"
        print(f"protocol records by '{label}': {count}, expected {expected[label]} ({verdict})")


def main() -> None:
    """Parse the arguments and run the benchmark on a scratch database."""
    args = parse_arguments(__doc__, default_persons=20_000)
    on_scratch_database(
        args.postgres, lambda url, folder: run(url, args.persons, args.requests, args.concurrency, folder)
    )


if __name__ == "__main__":
    main()
