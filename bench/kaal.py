# SPDX-License-Identifier: EUPL-1.2
"""The bare endpoint of ``bench.uitwisseling``: FastAPI and asyncpg, nothing else.

``POST /personen`` reads the BSN from the request body and answers with the stored JSON document
of that BSN: one primary-key lookup in ``kaal_antwoord`` (filled by the benchmark with the answers
Open GDI gives). No validation, no derivation, no token, no protocol: what a lookup costs at the
least on this machine. Run as ``uvicorn bench.kaal:create_app --factory`` with ``KAAL_DSN`` set.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import orjson
from fastapi import FastAPI, Request
from starlette.responses import Response

TABLE = "kaal_antwoord"


def bare_app() -> tuple[FastAPI, list[asyncpg.Pool]]:
    """A bare FastAPI app with ``/_status`` and, while it runs, an asyncpg pool (the list's one
    item) on the PostgreSQL database of ``KAAL_DSN`` (a plain ``postgresql://`` DSN)."""
    pools: list[asyncpg.Pool] = []

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        pools.append(await asyncpg.create_pool(os.environ["KAAL_DSN"], min_size=10, max_size=10))
        yield
        await pools[0].close()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/_status")
    async def status() -> dict[str, str]:
        return {"status": "ok"}

    return app, pools


def create_app() -> FastAPI:
    """The bare app of ``POST /personen``."""
    app, pools = bare_app()

    @app.post("/personen")
    async def personen(request: Request) -> Response:
        bsn = orjson.loads(await request.body())["burgerservicenummer"][0]
        antwoord = await pools[0].fetchval(f"SELECT antwoord FROM {TABLE} WHERE bsn = $1", bsn)
        return Response(antwoord.encode(), media_type="application/json")

    return app
