# SPDX-License-Identifier: EUPL-1.2
"""The Open GDI application: the APIs and web pages of every building block of the registry mounted
under one server, with the access policy one of them provides (Digikoppeling), protocollering,
request ids and the transaction log."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.responses import Response

from opengdi import __version__
from opengdi.bouwstenen import BLOCKS, SAMENSTELLING
from opengdi.kernel.api import ApiVersionMiddleware, JsonResponse, RequestGuardMiddleware, telemetry_options
from opengdi.kernel.beveiliging import install_security
from opengdi.kernel.blocks import Api, Paginas
from opengdi.kernel.context import Context, attach
from opengdi.kernel.db import Database
from opengdi.kernel.problems import install_problem_handlers
from opengdi.kernel.protocollering import ProtocolWriter
from opengdi.kernel.toegang import OpenToegang, Toegang
from opengdi.kernel.transacties import TransactieLog, TransactieMiddleware
from opengdi.settings import Settings, get_settings


def access_policy(database: Database, settings: Settings) -> Toegang | None:
    """The access policy that a block of the registry provides (Digikoppeling), if any."""
    return next(
        (block.toegang(database, settings, SAMENSTELLING.registers()) for block in BLOCKS if block.toegang), None
    )


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


def pages_index(paginas: list[Paginas], base_url: str = "") -> list[dict[str, str]]:
    """Where the web pages of each block live."""
    return [
        {"naam": site.titel, "omschrijving": site.omschrijving, "adres": f"{base_url}{site.prefix}"} for site in paginas
    ]


def served_bases(api: Api) -> list[str]:
    """Where an API is served: under each server its OpenAPI document declares below its prefix
    (the versioned ``/brp/beheer/v1`` the Design Rules ask for), and under the prefix itself."""
    servers = [str(server.get("url", "")) for server in api.app.openapi().get("servers", [])]
    return [*(url for url in servers if url.startswith(f"{api.prefix}/")), api.prefix]


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The ASGI application for ``settings`` (default: from the environment)."""
    settings = settings or get_settings()
    database = database or Database(settings.effective_database_url)
    policy = access_policy(database, settings)
    toegang: Toegang = policy if policy is not None and settings.authenticatie == "aan" else OpenToegang()
    protocol = ProtocolWriter(database)
    transacties = TransactieLog(database)
    context = Context(
        settings,
        database,
        toegang,
        protocol,
        beleid=policy,
        catalogus=SAMENSTELLING.catalogus(),
        beperkingen=SAMENSTELLING.beperkingen(),
        personen=SAMENSTELLING.personenbron(database, settings),
    )
    apis = [api for block in BLOCKS for api in block.apis(context)]
    paginas = [site for block in BLOCKS if block.paginas is not None for site in block.paginas(context)]
    migrations = SAMENSTELLING.migraties()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        await protocol.close()
        await transacties.close()
        await database.dispose()

    app = FastAPI(
        **telemetry_options(settings.opentelemetry == "aan"),
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
    app.state.paginas = paginas
    app.state.transacties = transacties

    @app.get("/", include_in_schema=False)
    async def index() -> dict[str, Any]:
        return {"naam": "Open GDI", "versie": __version__, "apis": api_index(apis), "paginas": pages_index(paginas)}

    @app.get("/_status", include_in_schema=False)
    async def status() -> Response:
        revisions = await migrations.current(database)
        heads = migrations.heads()
        body = {
            "versie": __version__,
            "database": database.dialect,
            "migraties": list(revisions),
            "migratieHeads": list(heads),
            "omgeving": settings.deployment.value,
            "authenticatie": settings.authenticatie,
        }
        return JsonResponse(body, status_code=200 if revisions == heads else 503)

    for api in apis:
        attach(api.app, context)
        for base in served_bases(api):
            app.mount(base, api.app)
    for site in paginas:  # after the APIs: an API may be served below the prefix of a block's pages
        attach(site.app, context)
        app.router.routes.extend(site.routes())
    app.add_middleware(RequestGuardMiddleware, routes=app.router.routes, max_body=settings.max_body)
    versions = [("/", __version__), *((api.prefix, api.version) for api in apis)]
    app.add_middleware(ApiVersionMiddleware, versions=versions)
    titles = [*((api.prefix, api.title) for api in apis), *((site.prefix, site.titel) for site in paginas)]
    app.add_middleware(TransactieMiddleware, log=transacties, apis=titles)
    install_security(app, settings.cors_origin_list(), settings.timeout_body)
    return app


def freeze_startup_objects() -> None:
    """Exempt what start-up built (modules, declarations: about a million objects) from the garbage
    collector's full runs, which otherwise walk all of it every few hundred requests and hold every
    request up for some 80 ms. For a server process, once its app is built."""
    gc.collect()
    gc.freeze()


def serve_app() -> FastAPI:
    """The application as a server process runs it (``uvicorn opengdi.app:serve_app --factory``):
    :func:`create_app` from the environment's settings, start-up objects frozen."""
    app = create_app()
    freeze_startup_objects()
    return app
