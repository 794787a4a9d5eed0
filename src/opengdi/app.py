# SPDX-License-Identifier: EUPL-1.2
"""The Open GDI application: every enabled building block's APIs mounted under one server, with
the shared access policy (Digikoppeling), protocollering, request ids and transaction log."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.responses import Response

from opengdi import __version__
from opengdi.kernel.api import ApiVersionMiddleware, JsonResponse
from opengdi.kernel.blocks import Api, BuildingBlock
from opengdi.kernel.context import Context, attach
from opengdi.kernel.db import Database
from opengdi.kernel.migrate import current_revision, head_revision
from opengdi.kernel.problems import install_problem_handlers
from opengdi.kernel.protocollering import ProtocolWriter
from opengdi.kernel.toegang import OpenToegang, Toegang
from opengdi.kernel.transacties import TransactieLog, TransactieMiddleware
from opengdi.registers import brp
from opengdi.settings import Settings, get_settings
from opengdi.stelsel import digikoppeling
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang


def building_blocks(policy: DigikoppelingToegang) -> list[BuildingBlock]:
    """The building blocks this deployment runs."""
    return [brp.block(), digikoppeling.block(policy)]


def api_index(apis: list[Api], base_url: str = "") -> list[dict[str, str]]:
    """Where each API, its OpenAPI document and its interactive docs live."""
    return [
        {
            "naam": api.title,
            "versie": api.version,
            "omschrijving": api.description,
            "basis": f"{base_url}{api.prefix}",
            "openapi": f"{base_url}{api.openapi_url}",
            "documentatie": f"{base_url}{api.docs_url}",
        }
        for api in apis
    ]


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The ASGI application for ``settings`` (default: from the environment)."""
    settings = settings or get_settings()
    database = database or Database(settings.effective_database_url)
    policy = digikoppeling.toegang(database, settings)
    toegang: Toegang = policy if settings.authenticatie == "aan" else OpenToegang()
    protocol = ProtocolWriter(database)
    transacties = TransactieLog(database)
    context = Context(settings=settings, database=database, toegang=toegang, protocol=protocol)
    apis = [api for block in building_blocks(policy) for api in block.apis]

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await protocol.close()
        await transacties.close()
        await database.dispose()

    app = FastAPI(
        title="Open GDI",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,
        default_response_class=JsonResponse,
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    attach(app, context)
    app.state.apis = apis

    @app.get("/", include_in_schema=False)
    async def index() -> dict[str, Any]:
        return {"naam": "Open GDI", "versie": __version__, "apis": api_index(apis)}

    @app.get("/_status", include_in_schema=False)
    async def status() -> Response:
        revision = await current_revision(database)
        head = head_revision()
        body = {
            "versie": __version__,
            "database": database.dialect,
            "migratie": revision,
            "migratieHead": head,
            "omgeving": settings.deployment.value,
            "authenticatie": settings.authenticatie,
        }
        return JsonResponse(body, status_code=200 if revision == head else 503)

    for api in apis:
        attach(api.app, context)
        app.mount(api.prefix, api.app)
    app.add_middleware(ApiVersionMiddleware, versions=[(api.prefix, api.version) for api in apis])
    app.add_middleware(TransactieMiddleware, log=transacties, apis=[(api.prefix, api.title) for api in apis])
    return app
