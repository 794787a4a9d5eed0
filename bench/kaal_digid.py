# SPDX-License-Identifier: EUPL-1.2
"""The bare endpoint of ``bench.digid``: FastAPI and asyncpg, nothing else.

``POST /token`` reads the code from the form body and takes the stored code row once (the same
point update DigiD's token endpoint makes: by the code's SHA-256, not used, not expired), answering
with the person's BSN. No client authentication, no PKCE, no signed ID token, no access token: what
taking a code costs at the least on this machine. Run as ``uvicorn bench.kaal_digid:create_app
--factory`` with ``KAAL_DSN`` set.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs

import orjson
from fastapi import FastAPI, Request
from starlette.responses import Response

from bench.kaal import bare_app

#: The raw point update, shared with the benchmark's direct measurement.
NEEM_CODE = (
    "UPDATE digid_code SET gebruikt = true WHERE code_hash = $1 AND NOT gebruikt AND verloopt > now() RETURNING bsn"
)


def create_app() -> FastAPI:
    """The bare app of ``POST /token``, on the PostgreSQL database of ``KAAL_DSN``."""
    app, pools = bare_app()

    @app.post("/token")
    async def token(request: Request) -> Response:
        code = parse_qs((await request.body()).decode())["code"][0]
        bsn = await pools[0].fetchval(NEEM_CODE, hashlib.sha256(code.encode()).hexdigest())
        return Response(orjson.dumps({"access_token": bsn}), media_type="application/json")

    return app
