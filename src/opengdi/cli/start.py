# SPDX-License-Identifier: EUPL-1.2
"""``gdi up``: migrate, load each block's demo data into a test deployment, print where everything is, serve."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from typing import Annotated

import typer
import uvicorn
from fastapi import FastAPI

from opengdi import __version__
from opengdi.app import api_index, create_app, freeze_startup_objects, pages_index
from opengdi.bouwstenen import BLOCKS, SAMENSTELLING
from opengdi.kernel.blocks import Api, Paginas
from opengdi.kernel.db import Database
from opengdi.kernel.opdrachtregel import console, current_settings, database_label, progress, run, with_database
from opengdi.kernel.verbindingen import server_options
from opengdi.settings import Settings


async def _print_banner(
    database: Database, settings: Settings, apis: list[Api], paginas: Sequence[Paginas] = ()
) -> None:
    console.rule(f"[bold]Open GDI {__version__}[/bold]")
    database_url = database_label(settings.effective_database_url)  # without its password
    console.print(f"Database: {database_url}  (omgeving: {settings.deployment.value})")
    for entry in api_index(apis, settings.base_url):
        console.print(
            f"[bold]{entry['naam']}[/bold] {entry['versie']}: {entry['basis']}\n"
            f"    OpenAPI: {entry['openapi']}\n    Interactieve documentatie: {entry['documentatie']}"
        )
    for site in pages_index(list(paginas), settings.base_url):
        console.print(f"[bold]{site['naam']}[/bold]: {site['adres']}")
    for block in BLOCKS:
        if block.voorbeelden is not None:
            for line in await block.voorbeelden(database, settings):
                console.print(line, markup=False, highlight=False)
    console.rule()


async def _load_demo(database: Database, settings: Settings, empty: bool) -> None:
    """Each block's demo data, in a test deployment; with ``empty`` only what access needs (the
    register of organisations), no registry data."""
    if not settings.is_test_deployment:
        return
    for block in BLOCKS:
        if block.demo is None or (empty and not block.demo.basis):
            continue
        with progress() as bar:
            task = bar.add_task(block.demo.omschrijving, total=block.demo.omvang() or None)
            line = await block.demo.laden(database, settings, SAMENSTELLING, partial(bar.advance, task))
        if line:
            console.print(line)


async def _prepare(settings: Settings, empty: bool) -> FastAPI:
    async def work(database: Database) -> FastAPI:
        await _load_demo(database, settings, empty)
        app = create_app(settings)
        await _print_banner(database, settings, app.state.apis, app.state.paginas)
        return app

    return await with_database(settings, work)


def up(
    empty: Annotated[bool, typer.Option("--leeg", help="Start zonder demogegevens.")] = False,
    host: Annotated[str | None, typer.Option("--adres", help="Adres om op te luisteren (GDI_HOST).")] = None,
    port: Annotated[int | None, typer.Option("--poort", min=1, max=65535, help="Poort (GDI_PORT).")] = None,
    workers: Annotated[
        int,
        typer.Option("--processen", min=1, help="Aantal serverprocessen (bijvoorbeeld één per processorkern)."),
    ] = 1,
) -> None:
    """Start de GDI: database migreren, demogegevens laden (alleen in een testomgeving), en serveren."""
    settings = current_settings().model_copy(update={k: v for k, v in {"host": host, "port": port}.items() if v})
    app = run(_prepare(settings, empty))
    if workers == 1:
        freeze_startup_objects()
    # No X-Forwarded-For rewriting: the trusted-proxy check of the certificate header needs the real peer.
    uvicorn.run(
        app if workers == 1 else _app_per_worker(settings),
        factory=workers > 1,
        workers=workers,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
        **server_options(settings),
    )


def _app_per_worker(settings: Settings) -> str:
    """The app factory each worker process calls; the settings reach them through the environment
    (``--adres`` and ``--poort`` included, as the token issuer is derived from them)."""
    os.environ.update({"GDI_HOST": settings.host, "GDI_PORT": str(settings.port)})
    return "opengdi.app:serve_app"


def version() -> None:
    """Toon de versie."""
    console.print(__version__)
