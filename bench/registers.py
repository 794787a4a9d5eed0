# SPDX-License-Identifier: EUPL-1.2
"""The Handelsregister and the WOZ at country scale on PostgreSQL: lookups through Open GDI beside a
bare FastAPI + asyncpg endpoint doing the same indexed reads (``bench.kaal_registers``) and those
reads run directly, each with its ratio.

It fills a database with synthetic rows in the registries' own tables (1.5 million enterprises with
their vestigingen, bestuurders of the BV's, 2 million WOZ-objecten with five values and two
belanghebbenden each, a perceel with its eigenaren at each WOZ-object's address; COPY, not the demo
loader), then measures:

- **Basisprofiel**: ``GET /kvk/api/v1/basisprofielen/{kvkNummer}``;
- **KvK Zoeken by address**: ``GET /kvk/api/v2/zoeken?postcode=…&huisnummer=…``;
- **WOZ by BAG address**: ``GET /haalcentraal/api/woz/wozobjecten?adresseerbaarObjectIdentificatie=…``
  (open access, so the natural persons among the belanghebbenden are delivered and protocolled);
- **BRK by BAG address**: ``GET /haalcentraal/api/brk/kadastraalonroerendezaken?nummeraanduidingIdentificatie=…``
  (a search, so the zakelijk gerechtigden are not named: as the API has it).

The rows are not linked to a generated BAG or BRP (the identifications have their form only): what is
measured is the lookup. Usage::

    python -m bench.registers --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    python -m bench.registers --database postgresql+asyncpg://postgres@127.0.0.1:5432/registers --bedrijven 1500000
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import orjson

from bench.common import (
    Figures,
    Query,
    Verzoek,
    drop_postgres,
    free_port,
    http_figures,
    measure,
    plain_dsn,
    report,
    scratch_postgres,
    start_bare,
    start_server,
    wait_until_up,
)
from bench.kaal_registers import (
    BASISPROFIEL,
    BRK_GERECHTIGDEN,
    BRK_ZAAK,
    VESTIGINGEN,
    WOZ_BELANGHEBBENDEN,
    WOZ_OBJECT,
    WOZ_WAARDEN,
    ZOEKEN,
)
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.registers.nhr.domein import zoeknaam
from opengdi.stelsel.bsn.nummers import volgende_geldige

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CHUNK = 50_000
#: One in five enterprises has a nevenvestiging; three in ten are a BV.
_NEVEN, _BV = 5, 10
_JAREN = range(2021, 2026)
_SBI = (("4711", "Supermarkten"), ("6201", "Ontwikkelen en produceren van software"), ("5610", "Restaurants"))


def kvk_nummer(index: int) -> str:
    return f"{10_000_000 + index:08d}"


def adres(index: int) -> tuple[str, int]:
    """The postcode and huisnummer of the ``index``-th address (each pair once)."""
    postcode = f"{1000 + (index // 13_520) % 9000}{_LETTERS[(index // 520) % 26]}{_LETTERS[(index // 20) % 26]}"
    return postcode, index % 20 + 1


def adresseerbaar_object(index: int) -> str:
    return f"{index % 400 + 1:04d}01{index:010d}"


def _gegevens(value: dict[str, Any]) -> str:
    return orjson.dumps(value).decode()


def _onderneming(index: int, rsin: str | None, bsn: str) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """One enterprise row and its vestiging rows."""
    nummer = kvk_nummer(index)
    bv = rsin is not None
    naam = f"Bedrijf {index} B.V." if bv else f"Onderneming {index}"
    sbi_code, sbi = _SBI[index % len(_SBI)]
    gegevens = {
        "kvkNummer": nummer,
        "naam": naam,
        "rechtsvorm": "BeslotenVennootschap" if bv else "Eenmanszaak",
        "formeleRegistratiedatum": "20150101",
        "materieleRegistratie": {"datumAanvang": "20150101"},
        "totaalWerkzamePersonen": index % 50,
        "handelsnamen": [naam],
        "sbiActiviteiten": [{"sbiCode": sbi_code, "sbiOmschrijving": sbi, "indHoofdactiviteit": "Ja"}],
        **({"rsin": rsin, "statutaireNaam": naam} if bv else {}),
    }
    eigenaar = None if bv else bsn
    activiteit = (
        nummer,
        naam,
        zoeknaam(naam),
        gegevens["rechtsvorm"],
        rsin,
        eigenaar,
        "2015-01-01",
        None,
        _gegevens(gegevens),
    )
    vestigingen = []
    for volgorde in range(2 if index % _NEVEN == 0 else 1):
        adres_index = index * 2 + volgorde
        postcode, huisnummer = adres(adres_index)
        vestigingsnummer = f"{adres_index:012d}"
        bezoek = {"type": "bezoekadres", "straatnaam": "Hoofdstraat", "huisnummer": huisnummer}
        bezoek |= {"postcode": postcode, "plaats": "Plaats"}
        vestiging = {
            "vestigingsnummer": vestigingsnummer,
            "indHoofdvestiging": "Ja" if volgorde == 0 else "Nee",
            "indCommercieleVestiging": "Ja",
            "formeleRegistratiedatum": "20150101",
            "materieleRegistratie": {"datumAanvang": "20150101"},
            "totaalWerkzamePersonen": index % 50,
            "handelsnamen": [naam],
            "adressen": [bezoek],
        }
        vestigingen.append(
            (
                vestigingsnummer,
                nummer,
                volgorde == 0,
                naam,
                zoeknaam(naam),
                "hoofdstraat",
                "plaats",
                postcode,
                huisnummer,
                f"{adres_index % 400 + 1:04d}20{adres_index:010d}",
                adresseerbaar_object(adres_index),
                "2015-01-01",
                None,
                _gegevens(vestiging),
            )
        )
    return activiteit, vestigingen


_ACTIVITEIT_KOLOMMEN = (
    "kvk_nummer",
    "naam",
    "naam_zoek",
    "rechtsvorm",
    "rsin",
    "eigenaar_bsn",
    "datum_aanvang",
    "datum_einde",
    "gegevens",
)
_VESTIGING_KOLOMMEN = (
    "vestigingsnummer",
    "kvk_nummer",
    "hoofdvestiging",
    "naam",
    "naam_zoek",
    "straat_zoek",
    "plaats_zoek",
    "postcode",
    "huisnummer",
    "nummeraanduiding",
    "adresseerbaar_object",
    "datum_aanvang",
    "datum_einde",
    "gegevens",
)
_FUNCTIONARIS_KOLOMMEN = ("kvk_nummer", "volgnummer", "groep", "functie", "naam", "bsn", "datum_aanvang", "gegevens")


def _chunks(total: int) -> Iterator[range]:
    for start in range(0, total, _CHUNK):
        yield range(start, min(total, start + _CHUNK))


async def fill_nhr(connection: asyncpg.Connection, bedrijven: int, bsns: list[int], rsins: list[int]) -> None:
    """``bedrijven`` enterprises (every tenth a BV with a bestuurder), with their vestigingen."""
    for chunk in _chunks(bedrijven):
        activiteiten, vestigingen, functionarissen = [], [], []
        for index in chunk:
            bsn = f"{bsns[index % len(bsns)]:09d}"
            rsin = f"{rsins[index // _BV]:09d}" if index % _BV == 0 else None
            activiteit, eigen = _onderneming(index, rsin, bsn)
            activiteiten.append(activiteit)
            vestigingen.extend(eigen)
            if rsin:
                functionaris = {"bevoegdheid": "zelfstandig", "functietitel": "Directeur"}
                row = (kvk_nummer(index), 1, "bestuurders", "bestuurder", f"Bestuurder {index}", bsn)
                functionarissen.append((*row, "2015-01-01", _gegevens(functionaris)))
        await connection.copy_records_to_table(
            "nhr_maatschappelijke_activiteit", records=activiteiten, columns=_ACTIVITEIT_KOLOMMEN
        )
        await connection.copy_records_to_table("nhr_vestiging", records=vestigingen, columns=_VESTIGING_KOLOMMEN)
        await connection.copy_records_to_table(
            "nhr_functionaris", records=functionarissen, columns=_FUNCTIONARIS_KOLOMMEN
        )
        print(f"  {chunk.stop} enterprises", flush=True)


def _woz_object(index: int) -> tuple[Any, ...]:
    postcode, huisnummer = adres(index)
    ao = adresseerbaar_object(index)
    gemeente = ao[:4]
    nummeraanduiding = f"{gemeente}20{index:010d}"
    aanduiding = {"straat": "Dorpsstraat", "huisnummer": huisnummer, "postcode": postcode, "woonplaats": "Plaats"}
    gegevens = {
        "aanduiding": {**aanduiding, "nummeraanduidingIdentificatie": nummeraanduiding},
        "verantwoordelijkeGemeente": {"code": gemeente},
        "adresseerbaarObjectIdentificaties": [ao],
    }
    identificatie = f"{gemeente}{index:08d}"
    return (identificatie, gemeente, ao, nummeraanduiding, postcode, huisnummer, _gegevens(gegevens))


async def fill_woz(connection: asyncpg.Connection, objecten: int, bsns: list[int], rsins: list[int]) -> None:
    """``objecten`` WOZ-objecten with five values each; every tenth owned by a BV, the rest by a person."""
    statussen = _gegevens({"beschikkingsStatussen": ["beschikking_genomen"]})
    for chunk in _chunks(objecten):
        rows: list[tuple[Any, ...]] = []
        waarden: list[tuple[Any, ...]] = []
        belanghebbenden: list[tuple[Any, ...]] = []
        for index in chunk:
            row = _woz_object(index)
            rows.append(row)
            identificatie = row[0]
            waarde = 200_000 + index % 400_000
            for jaar in _JAREN:
                waarden.append((identificatie, f"{jaar}-01-01", waarde, f"{jaar + 1}-01-01", False, statussen))
                waarde = waarde * 106 // 100
            if index % _BV == 0:
                rsin, kvk = f"{rsins[index // _BV % len(rsins)]:09d}", kvk_nummer(index // _BV * _BV)
                belanghebbenden.append((identificatie, "eigenaar", "niet_natuurlijk_persoon", None, rsin, kvk))
            else:
                bsn = f"{bsns[index % len(bsns)]:09d}"
                belanghebbenden.append((identificatie, "eigenaar", "natuurlijk_persoon", bsn, None, None))
            bsn = f"{bsns[(index * 7) % len(bsns)]:09d}"
            belanghebbenden.append((identificatie, "gebruiker", "natuurlijk_persoon", bsn, None, None))
        columns = ("identificatie", "gemeentecode", "adresseerbaar_object", "nummeraanduiding", "postcode")
        await connection.copy_records_to_table("woz_object", records=rows, columns=(*columns, "huisnummer", "gegevens"))
        await connection.copy_records_to_table(
            "woz_waarde",
            records=waarden,
            columns=(
                "identificatie",
                "waardepeildatum",
                "vastgestelde_waarde",
                "ingangsdatum",
                "indicatie_bezwaar_beroep",
                "gegevens",
            ),
        )
        await connection.copy_records_to_table(
            "woz_belanghebbende",
            records=belanghebbenden,
            columns=("identificatie", "rol", "soort", "bsn", "rsin", "kvk_nummer"),
        )
        print(f"  {chunk.stop} WOZ-objecten", flush=True)


def _zaak(index: int, bsns: list[int], rsins: list[int]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The perceel at the ``index``-th WOZ-object's address, and its eigenaren (two persons, or a BV)."""
    _, _, ao, nummeraanduiding, postcode, huisnummer, _ = _woz_object(index)
    identificatie = f"{ao[:4]}{index:08d}0000"
    adres = {"straat": "Dorpsstraat", "huisnummer": huisnummer, "postcode": postcode, "woonplaats": "Plaats"}
    adres |= {"nummeraanduidingIdentificatie": nummeraanduiding, "adresseerbaarObjectIdentificatie": ao}
    gegevens = {
        "kadastraleGemeente": f"Gemeente {ao[:4]}",
        "kadastraleGrootte": {"soortGrootte": {"code": "1", "waarde": "Vastgesteld"}, "waarde": 100 + index % 700},
        "koopsom": {"koopsom": 150_000 + index % 500_000, "koopjaar": 1990 + index % 35},
        "adressen": [adres],
    }
    sectie, nummer = _LETTERS[index // 9_999 % 25], index % 9_999 + 1
    zaak: tuple[Any, ...] = (identificatie, "perceel", f"gemeente {ao[:4]}", sectie, nummer, None, ao)
    zaak = (*zaak, nummeraanduiding, postcode, huisnummer, _gegevens(gegevens))
    if index % _BV == 0:
        rsin = f"{rsins[index // _BV % len(rsins)]:09d}"
        eigenaar: tuple[Any, ...] = (identificatie, "1", "eigenaar", "ingeschreven_niet_natuurlijk_persoon", None, rsin)
        return zaak, [(*eigenaar, f"Bedrijf {index}", 1, 1, "2015-01-01")]
    rows: list[tuple[Any, ...]] = []
    for volgnummer in (1, 2):
        bsn = f"{bsns[(index * volgnummer) % len(bsns)]:09d}"
        row = (identificatie, str(volgnummer), "eigenaar", "ingeschreven_natuurlijk_persoon", bsn, None, None)
        rows.append((*row, 1, 2, "2015-01-01"))
    return zaak, rows


async def fill_brk(connection: asyncpg.Connection, zaken: int, bsns: list[int], rsins: list[int]) -> None:
    """A perceel at each of the first ``zaken`` WOZ-objecten' addresses, with its eigenaren."""
    for chunk in _chunks(zaken):
        rows: list[tuple[Any, ...]] = []
        gerechtigden: list[tuple[Any, ...]] = []
        for index in chunk:
            zaak, eigen = _zaak(index, bsns, rsins)
            rows.append(zaak)
            gerechtigden.extend(eigen)
        await connection.copy_records_to_table(
            "brk_kadastraal_onroerende_zaak",
            records=rows,
            columns=(
                "identificatie",
                "type",
                "kadastrale_gemeente",
                "sectie",
                "perceelnummer",
                "appartementsindex",
                "adresseerbaar_object",
                "nummeraanduiding",
                "postcode",
                "huisnummer",
                "gegevens",
            ),
        )
        await connection.copy_records_to_table(
            "brk_zakelijk_gerechtigde",
            records=gerechtigden,
            columns=(
                "koz",
                "identificatie",
                "type",
                "persoon_type",
                "bsn",
                "rsin",
                "naam",
                "teller",
                "noemer",
                "aanvangsdatum",
            ),
        )
        print(f"  {chunk.stop} percelen", flush=True)


async def build(database_url: str, bedrijven: int, objecten: int) -> None:
    """Migrate and fill each registry of the database that is still empty."""
    database = Database(database_url)
    await SAMENSTELLING.migraties().upgrade(database)
    await database.dispose()
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        started = time.perf_counter()
        bsns = volgende_geldige(100_000_000, 200_000)
        rsins = volgende_geldige(800_000_000, bedrijven // _BV + 1)
        for table, fill, count in (
            ("nhr_maatschappelijke_activiteit", fill_nhr, bedrijven),
            ("woz_object", fill_woz, objecten),
            ("brk_kadastraal_onroerende_zaak", fill_brk, objecten),
        ):
            if not await connection.fetchval(f"SELECT count(*) FROM {table}"):
                await fill(connection, count, bsns, rsins)
        await connection.execute("ANALYZE")
        print(f"filled in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        await connection.close()


async def _describe(database_url: str) -> tuple[int, int]:
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        counts = [
            int(await connection.fetchval(f"SELECT count(*) FROM {table}"))
            for table in (
                "nhr_maatschappelijke_activiteit",
                "nhr_vestiging",
                "woz_object",
                "woz_waarde",
                "brk_kadastraal_onroerende_zaak",
            )
        ]
        size = await connection.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    finally:
        await connection.close()
    print(
        f"PostgreSQL: {counts[0]} enterprises, {counts[1]} vestigingen, {counts[2]} WOZ-objecten, "
        f"{counts[3]} WOZ-waarden, {counts[4]} percelen; database {size}"
    )
    return counts[0], counts[2]


async def measure_all(database_url: str, requests: int, concurrency: int) -> None:
    """The three lookups through Open GDI, the bare endpoints and the raw reads."""
    bedrijven, objecten = await _describe(database_url)
    chance = random.Random(1)
    enterprises = [kvk_nummer(chance.randrange(bedrijven)) for _ in range(requests)]
    addresses = [adres(chance.randrange(bedrijven) * 2) for _ in range(requests)]
    woz_indices = [chance.randrange(objecten) for _ in range(requests)]
    woz = [adresseerbaar_object(index) for index in woz_indices]
    nummeraanduidingen = [_woz_object(index)[3] for index in woz_indices]
    gdi_port, bare_port = free_port(), free_port()
    server = start_server(database_url, gdi_port, authenticatie="uit")
    bare = start_bare(database_url, bare_port, "bench.kaal_registers:create_app")
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gdi_port}") as client:
            await wait_until_up(client, 60)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{bare_port}") as client:
            await wait_until_up(client, 60)
        await _measure(
            "Basisprofiel by KvK-nummer",
            (gdi_port, [(f"/kvk/api/v1/basisprofielen/{nummer}", None) for nummer in enterprises], b'"kvkNummer"'),
            (bare_port, [(f"/basisprofielen/{nummer}", None) for nummer in enterprises], b'"profiel":{'),
            [[(BASISPROFIEL, (nummer,)), (VESTIGINGEN, (nummer,))] for nummer in enterprises],
            database_url,
            concurrency,
        )
        query = "postcode={}&huisnummer={}"
        await _measure(
            "KvK Zoeken v2 by postcode and huisnummer",
            (gdi_port, [(f"/kvk/api/v2/zoeken?{query.format(*item)}", None) for item in addresses], b'"resultaten":[{'),
            (bare_port, [(f"/zoeken?{query.format(*item)}", None) for item in addresses], b'"resultaten":[['),
            [[(ZOEKEN, item)] for item in addresses],
            database_url,
            concurrency,
        )
        woz_path = "/haalcentraal/api/woz/wozobjecten?adresseerbaarObjectIdentificatie="
        await _measure(
            "WOZ by BAG adresseerbaar object",
            (gdi_port, [(f"{woz_path}{ao}", None) for ao in woz], b'"wozObjecten":[{'),
            (bare_port, [(f"/wozobjecten?ao={ao}", None) for ao in woz], b'"wozObjecten":[{'),
            [
                [
                    (WOZ_OBJECT, (ao,)),
                    *((read, (_woz_identificatie(ao),)) for read in (WOZ_WAARDEN, WOZ_BELANGHEBBENDEN)),
                ]
                for ao in woz
            ],
            database_url,
            concurrency,
        )
        brk_path = "/haalcentraal/api/brk/kadastraalonroerendezaken?nummeraanduidingIdentificatie="
        await _measure(
            "BRK by BAG nummeraanduiding",
            (gdi_port, [(f"{brk_path}{num}", None) for num in nummeraanduidingen], b'"kadastraalOnroerendeZaken":[{'),
            (bare_port, [(f"/percelen?num={num}", None) for num in nummeraanduidingen], b'"zaken":[{'),
            [[(BRK_ZAAK, (num,)), (BRK_GERECHTIGDEN, (_brk_identificatie(num),))] for num in nummeraanduidingen],
            database_url,
            concurrency,
        )
    finally:
        for process in (server, bare):
            process.terminate()
            process.wait()


async def _measure(  # noqa: PLR0917 - the three ways of one lookup, side by side
    titel: str,
    gdi: tuple[int, list[Verzoek], bytes],
    kaal: tuple[int, list[Verzoek], bytes],
    lookups: list[list[Query]],
    database_url: str,
    concurrency: int,
) -> None:
    """One lookup three ways: through Open GDI, through the bare endpoint, and as its reads run
    directly (each lookup's reads in turn on one connection)."""
    print(f"\n{titel}: {len(lookups)} lookups, {concurrency} in flight", flush=True)
    ours = await http_figures(f"Open GDI {titel}", *gdi[:2], concurrency, gdi[2])
    bare = await http_figures("bare FastAPI + asyncpg, same reads", *kaal[:2], concurrency, kaal[2])
    raw = await _raw_lookups("raw indexed reads (asyncpg)", database_url, lookups, concurrency)
    report([ours], [bare, raw])


async def _raw_lookups(label: str, database_url: str, lookups: list[list[Query]], concurrency: int) -> Figures:
    """Run each lookup's reads straight on asyncpg; the first of each must find a row."""
    pool = await asyncpg.create_pool(plain_dsn(database_url), min_size=concurrency, max_size=concurrency)

    async def lookup(reads: list[Query]) -> None:
        async with pool.acquire() as connection:
            for number, (statement, parameters) in enumerate(reads):
                if not await connection.fetch(statement, *parameters) and number == 0:
                    raise RuntimeError(f"{label} {parameters}: niets gevonden")

    try:
        return await measure(label, lookup, lookups, concurrency)
    finally:
        await pool.close()


def _brk_identificatie(nummeraanduiding: str) -> str:
    """The perceel the benchmark put at a nummeraanduiding (its gemeentecode and index)."""
    return f"{nummeraanduiding[:4]}{int(nummeraanduiding[6:]):08d}0000"


def _woz_identificatie(ao: str) -> str:
    """The WOZ-object the benchmark put at an adresseerbaar object (its gemeentecode and index)."""
    return f"{ao[:4]}{int(ao[6:]):08d}"


def parse_arguments() -> argparse.Namespace:
    """The command line: where, how big, how much to measure."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--postgres", help="admin URL of a PostgreSQL server: a scratch database, dropped afterwards")
    where.add_argument("--database", help="URL of a PostgreSQL database to fill once and keep")
    parser.add_argument("--bedrijven", type=int, default=1_500_000, help="enterprises (default 1,500,000)")
    parser.add_argument("--woz", type=int, default=2_000_000, help="WOZ-objecten (default 2,000,000)")
    parser.add_argument("--requests", type=int, default=5_000, help="lookups per measurement (default 5000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    return parser.parse_args()


async def run(args: argparse.Namespace, database_url: str) -> None:
    await build(database_url, args.bedrijven, args.woz)
    await measure_all(database_url, args.requests, args.concurrency)


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
