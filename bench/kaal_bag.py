# SPDX-License-Identifier: EUPL-1.2
"""The bare endpoint of ``bench.bag``: FastAPI and asyncpg, nothing else.

``GET /adressen?postcode=…&huisnummer=…`` answers with the nummeraanduidingen stored under that
postcode and huisnummer: the identification and attributes of each, read by the same index
(``ix_bag_voorkomen_postcode``) the BAG API uses. No validation, no time travel, no street or
woonplaats, no HAL: what such a lookup costs at the least on this machine. Run as
``uvicorn bench.kaal_bag:create_app --factory`` with ``KAAL_DSN`` set.
"""

from __future__ import annotations

import orjson
from fastapi import FastAPI
from starlette.responses import Response

from bench.kaal import bare_app

#: The raw indexed query, shared with the benchmark's direct measurement.
ADRESSEN = (
    "SELECT identificatie, gegevens::text FROM bag_voorkomen "
    "WHERE postcode = $1 AND huisnummer = $2 AND eind_geldigheid IS NULL"
)


def create_app() -> FastAPI:
    """The bare app of ``GET /adressen``, on the PostgreSQL database of ``KAAL_DSN``."""
    app, pools = bare_app()

    @app.get("/adressen")
    async def adressen(postcode: str, huisnummer: int) -> Response:
        rows = await pools[0].fetch(ADRESSEN, postcode, huisnummer)
        body = [{"identificatie": row[0], "gegevens": orjson.Fragment(row[1])} for row in rows]
        return Response(orjson.dumps({"adressen": body}), media_type="application/json")

    return app
