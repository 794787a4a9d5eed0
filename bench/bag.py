# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: the BAG of a generated country on PostgreSQL, over HTTP beside the raw indexed query.

Builds a country when the database holds no BAG yet, timing each step: ``gdi genereren bag``'s
generator writing the BAG 2.0 Extract, the importer loading it, and ``gdi genereren brp`` seeding
its inhabitants at its addresses; then the database's size. Then it measures, in one run:

- **address lookup**: ``GET /lvbag/individuelebevragingen/v2/adressen?postcode=…&huisnummer=…`` of
  Open GDI (authentication off: the open lookup), beside the same request to a bare FastAPI +
  asyncpg endpoint doing the indexed point lookup (``bench.kaal_bag``), and that query run directly;
- **free-text search**: ``GET …/adressen/zoek?zoek=…`` with what users type (postcode and huisnummer,
  or street, number and place, taken from sampled addresses), beside the search as one raw
  statement on the same GIN index of the tokens (one page of 20 in result order);
- **bewoning on a peildatum**: ``POST /haalcentraal/api/bewoning/bewoningen`` (``BewoningMetPeildatum``,
  on a day someone certainly lived there; authorised and protocolled), beside the raw indexed query
  of the adreshoudingen on that day joined with the persoonslijsten;

and prints each with its ratio. ``--personen 0`` builds the BAG alone (no bewoning measured). The
database is kept when given with ``--database`` (so the next run only measures); a scratch
database of ``--postgres`` is dropped afterwards. Usage::

    python -m bench.bag --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    python -m bench.bag --database postgresql+asyncpg://postgres@127.0.0.1:5432/land2m --adressen 2000000
"""

from __future__ import annotations

import argparse
import asyncio
import re
import tempfile
import time
from collections.abc import Awaitable, Sequence
from pathlib import Path
from urllib.parse import urlencode

import asyncpg
import httpx
import orjson

from bench.common import (
    Query,
    drop_postgres,
    free_port,
    http_figures,
    plain_dsn,
    raw_figures,
    report,
    sampled,
    scratch_postgres,
    start_bare,
    start_server,
    wait_until_up,
)
from bench.kaal_bag import ADRESSEN
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.bag import zoeken, zoekindex
from opengdi.registers.bag.adresbron import BagAdresBron
from opengdi.registers.bag.extract import BagExtract
from opengdi.registers.bag.generator import Omvang, gemeente_woonplaatsen, land, levering
from opengdi.registers.bag.model import ZOEKVECTOR
from opengdi.registers.bag.schrijver import write_extract
from opengdi.registers.bag.service import import_extract
from opengdi.registers.brp.seed import seed_population
from opengdi.settings import get_settings

BAG_API = "/lvbag/individuelebevragingen/v2"


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
    if personen:
        async with UnitOfWork(database, oin=oin) as uow:
            bron = BagAdresBron(database)
            await _timed(f"seed {personen} persons at its addresses", seed_population(uow, personen, adressen=bron))


async def _bag_voorkomens(connection: asyncpg.Connection) -> int:
    return int(await connection.fetchval("SELECT count(*) FROM bag_voorkomen"))


_ADRESSEN_SAMPLE = (
    "SELECT postcode, huisnummer FROM bag_voorkomen TABLESAMPLE SYSTEM (2) "
    "WHERE objecttype = 'NUM' AND postcode IS NOT NULL AND eind_geldigheid IS NULL LIMIT $1"
)


async def measure_lookups(database_url: str, gdi_port: int, requests: int, concurrency: int) -> None:
    """Address lookups by postcode and huisnummer: Open GDI, the bare endpoint, the raw query."""
    sample = [(row[0], int(row[1])) for row in await sampled(database_url, _ADRESSEN_SAMPLE, requests)]
    print(f"\naddress lookup by postcode and huisnummer: {len(sample)} lookups, {concurrency} in flight")
    bare_port = free_port()
    bare = start_bare(database_url, bare_port, "bench.kaal_bag:create_app")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{bare_port}") as client:
            await wait_until_up(client, 60)
        query = "?postcode={}&huisnummer={}"
        gdi = await http_figures(
            "Open GDI GET /adressen (postcode, huisnummer)",
            gdi_port,
            [(f"{BAG_API}/adressen{query.format(*item)}", None) for item in sample],
            concurrency,
            b'"adressen":[{',
        )
        kaal = await http_figures(
            "bare FastAPI + asyncpg, same lookup",
            bare_port,
            [(f"/adressen{query.format(*item)}", None) for item in sample],
            concurrency,
            b'"adressen":[{',
        )
    finally:
        bare.terminate()
        bare.wait()
    queries = [(ADRESSEN, item) for item in sample]
    raw = await raw_figures("raw indexed query (asyncpg)", database_url, queries, concurrency)
    report([gdi], [kaal, raw])


_ZOEKADRES_SAMPLE = "SELECT omschrijving, sorteersleutel FROM bag_zoekadres TABLESAMPLE SYSTEM (1) LIMIT $1"
_POSTCODE = re.compile(r"[0-9]{4}[A-Z]{2}")


def _question(omschrijving: str, sorteersleutel: str, postcode_first: bool) -> str:
    """What a user types to find an address, from its description (``Straat 12 A, 1234AB Plaats``)
    and sort key (its huisnummer): postcode and huisnummer (``1234AB 12``), or street, number and
    place (``Straat 12 A Plaats``)."""
    straat, plaats = omschrijving.split(", ", 1)
    postcode, _, woonplaats = plaats.partition(" ")
    if not _POSTCODE.fullmatch(postcode):
        return f"{straat} {plaats}"
    if postcode_first:
        return f"{postcode} {int(sorteersleutel.split(zoeken.SCHEIDING)[2])}"
    return f"{straat} {woonplaats}"


def _raw_search(termen: Sequence[str]) -> Query:
    """The search as one raw statement on the same GIN index: the addresses whose tokens match
    every term, the first page of 20 in result order (what the index can do at least)."""
    sql = (
        f"SELECT nummeraanduiding, omschrijving FROM bag_zoekadres WHERE {ZOEKVECTOR} @@ $1::tsquery "
        "ORDER BY sorteersleutel LIMIT 20"
    )
    return sql, [zoekindex.tsquery(termen)]


async def measure_search(database_url: str, gdi_port: int, requests: int, concurrency: int) -> None:
    """Free-text address search (``/adressen/zoek``): Open GDI beside the search as one raw statement."""
    rows = await sampled(database_url, _ZOEKADRES_SAMPLE, requests)
    questions = [_question(row[0], row[1], index % 2 == 1) for index, row in enumerate(rows)]
    print(f"\nfree-text search: {len(questions)} questions such as {questions[0]!r} and {questions[1]!r}")
    gdi = await http_figures(
        "Open GDI GET /adressen/zoek",
        gdi_port,
        [(f"{BAG_API}/adressen/zoek?{urlencode({'zoek': question})}", None) for question in questions],
        concurrency,
        b'"zoekresultaten":[{',
    )
    queries = [_raw_search(zoeken.termen(question)) for question in questions]
    raw = await raw_figures("raw search statement (asyncpg)", database_url, queries, concurrency)
    report([gdi], [raw])


_BEWONING_SAMPLE = (
    "SELECT adresseerbaar_object_identificatie, begin_zeker FROM brp_adreshouding TABLESAMPLE SYSTEM (1) "
    "WHERE begin_zeker < einde_vroegst LIMIT $1"
)
#: The raw query of a bewoning on a peildatum: who (possibly) lived at the object on the day.
BEWONING = (
    "SELECT p.burgerservicenummer, a.begin_vroegst, a.begin_zeker, a.einde_vroegst, a.einde_zeker "
    "FROM brp_adreshouding a JOIN brp_persoonslijst p ON p.id = a.persoonslijst_id "
    "WHERE a.adresseerbaar_object_identificatie = $1 AND a.begin_vroegst <= $2 AND a.einde_zeker > $2"
)


async def measure_bewoning(database_url: str, gdi_port: int, requests: int, concurrency: int) -> None:
    """BRP Bewoning on a peildatum (a day someone certainly lived there): Open GDI beside the raw query."""
    sample = await sampled(database_url, _BEWONING_SAMPLE, requests)
    print(f"\nbewoning on a peildatum: {len(sample)} questions, {concurrency} in flight (protocolled)")
    bodies = [
        orjson.dumps(
            {"type": "BewoningMetPeildatum", "adresseerbaarObjectIdentificatie": row[0], "peildatum": str(row[1])}
        )
        for row in sample
    ]
    gdi = await http_figures(
        "Open GDI POST /bewoningen (peildatum)",
        gdi_port,
        [("/haalcentraal/api/bewoning/bewoningen", body) for body in bodies],
        concurrency,
        b'"burgerservicenummer"',
    )
    raw = await raw_figures(
        "raw indexed query (asyncpg)", database_url, [(BEWONING, (row[0], row[1])) for row in sample], concurrency
    )
    report([gdi], [raw])


async def _describe(database_url: str) -> int:
    """Print what the database holds; the number of persoonslijsten."""
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        voorkomens = await _bag_voorkomens(connection)
        personen = int(await connection.fetchval("SELECT count(*) FROM brp_persoonslijst"))
        size = await connection.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    finally:
        await connection.close()
    print(f"PostgreSQL, {voorkomens} BAG voorkomens, {personen} persoonslijsten, database {size}")
    return personen


async def measure_all(database_url: str, requests: int, concurrency: int) -> None:
    """Every measurement, against one Open GDI server (authentication off: the open lookup)."""
    personen = await _describe(database_url)
    gdi_port = free_port()
    server = start_server(database_url, gdi_port, authenticatie="uit")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gdi_port}") as client:
            await wait_until_up(client, 60)
        await measure_lookups(database_url, gdi_port, requests, concurrency)
        await measure_search(database_url, gdi_port, requests, concurrency)
        if personen:
            await measure_bewoning(database_url, gdi_port, requests, concurrency)
    finally:
        server.terminate()
        server.wait()


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
        personen = args.adressen * 17 // 10 if args.personen is None else args.personen
        await build_country(database, args.adressen, personen)
    await database.dispose()
    await measure_all(database_url, args.requests, args.concurrency)


def parse_arguments() -> argparse.Namespace:
    """The command line: where, how big, how much to measure."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--postgres", help="admin URL of a PostgreSQL server: a scratch database, dropped afterwards")
    where.add_argument("--database", help="URL of a PostgreSQL database to build the country in once and keep")
    parser.add_argument("--adressen", type=int, default=2_000_000, help="addresses of the country (default 2,000,000)")
    parser.add_argument(
        "--personen", type=int, help="persons (default 1.7 per address, as the country; 0: none, no bewoning)"
    )
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
