# SPDX-License-Identifier: EUPL-1.2
"""The bare endpoints of ``bench.registers``: FastAPI and asyncpg, nothing else.

- ``GET /basisprofielen/{kvk}``: the stored basisprofiel and the vestigingen of one enterprise (the
  two indexed reads Open GDI does);
- ``GET /zoeken?postcode=…&huisnummer=…``: the vestigingen at that address with their enterprise;
- ``GET /wozobjecten?ao=…``: the WOZ-object of a BAG adresseerbaar object with its values and
  belanghebbenden;
- ``GET /percelen?num=…``: the kadastrale onroerende zaak at a BAG nummeraanduiding and its rights.

No validation, no access check, no protocol, no answer shape beyond the stored documents: what such
a lookup costs at the least on this machine. Run as ``uvicorn bench.kaal_registers:create_app
--factory`` with ``KAAL_DSN`` set.
"""

from __future__ import annotations

import orjson
from fastapi import FastAPI
from starlette.responses import Response

from bench.kaal import bare_app

#: The raw indexed queries, shared with the benchmark's direct measurement.
BASISPROFIEL = "SELECT gegevens::text FROM nhr_maatschappelijke_activiteit WHERE kvk_nummer = $1"
VESTIGINGEN = "SELECT gegevens::text FROM nhr_vestiging WHERE kvk_nummer = $1 ORDER BY vestigingsnummer"
ZOEKEN = (
    "SELECT v.gegevens::text, m.gegevens::text FROM nhr_vestiging v "
    "JOIN nhr_maatschappelijke_activiteit m ON m.kvk_nummer = v.kvk_nummer "
    "WHERE v.postcode = $1 AND v.huisnummer = $2 ORDER BY v.kvk_nummer, v.vestigingsnummer"
)
WOZ_OBJECT = "SELECT identificatie, gegevens::text FROM woz_object WHERE adresseerbaar_object = $1"
WOZ_WAARDEN = (
    "SELECT waardepeildatum, vastgestelde_waarde FROM woz_waarde WHERE identificatie = $1 ORDER BY waardepeildatum DESC"
)
WOZ_BELANGHEBBENDEN = "SELECT rol, soort, bsn, rsin, kvk_nummer FROM woz_belanghebbende WHERE identificatie = $1"
BRK_ZAAK = "SELECT identificatie, gegevens::text FROM brk_kadastraal_onroerende_zaak WHERE nummeraanduiding = $1"
BRK_GERECHTIGDEN = "SELECT identificatie, type FROM brk_zakelijk_gerechtigde WHERE koz = $1"


def _json(body: object) -> Response:
    return Response(orjson.dumps(body), media_type="application/json")


def create_app() -> FastAPI:
    """The bare app of the three lookups."""
    app, pools = bare_app()

    @app.get("/basisprofielen/{kvk}")
    async def basisprofiel(kvk: str) -> Response:
        async with pools[0].acquire() as connection:
            profiel = await connection.fetchval(BASISPROFIEL, kvk)
            vestigingen = await connection.fetch(VESTIGINGEN, kvk)
        body = {"profiel": orjson.Fragment(profiel), "vestigingen": [orjson.Fragment(row[0]) for row in vestigingen]}
        return _json(body)

    @app.get("/zoeken")
    async def zoeken(postcode: str, huisnummer: int) -> Response:
        rows = await pools[0].fetch(ZOEKEN, postcode, huisnummer)
        return _json({"resultaten": [[orjson.Fragment(row[0]), orjson.Fragment(row[1])] for row in rows]})

    @app.get("/wozobjecten")
    async def wozobjecten(ao: str) -> Response:
        async with pools[0].acquire() as connection:
            objecten = await connection.fetch(WOZ_OBJECT, ao)
            found = []
            for identificatie, gegevens in objecten:
                waarden = await connection.fetch(WOZ_WAARDEN, identificatie)
                belanghebbenden = await connection.fetch(WOZ_BELANGHEBBENDEN, identificatie)
                found.append(
                    {
                        "identificatie": identificatie,
                        "gegevens": orjson.Fragment(gegevens),
                        "waarden": [[row[0], row[1]] for row in waarden],
                        "belanghebbenden": [list(row) for row in belanghebbenden],
                    }
                )
        return _json({"wozObjecten": found})

    @app.get("/percelen")
    async def percelen(num: str) -> Response:
        async with pools[0].acquire() as connection:
            zaken = await connection.fetch(BRK_ZAAK, num)
            found = []
            for identificatie, gegevens in zaken:
                rechten = await connection.fetch(BRK_GERECHTIGDEN, identificatie)
                found.append(
                    {"identificatie": identificatie, "gegevens": orjson.Fragment(gegevens), "rechten": len(rechten)}
                )
        return _json({"zaken": found})

    return app
