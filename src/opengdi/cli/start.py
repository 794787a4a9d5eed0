# SPDX-License-Identifier: EUPL-1.2
"""``gdi up``: migrate, load the demo data into an empty deployment, print where everything is, serve."""

from __future__ import annotations

import json
from typing import Annotated

import typer
import uvicorn

from opengdi import __version__
from opengdi.app import api_index, create_app
from opengdi.cli.common import console, progress, run, with_database
from opengdi.demo.laden import VOORBEELD_BSNS, brp_is_empty, demo_size, load_demo
from opengdi.demo.toegang import DEMO_AFNEMERS, load_demo_register
from opengdi.kernel.blocks import Api
from opengdi.kernel.db import Database
from opengdi.settings import Settings, get_settings


def _print_banner(settings: Settings, apis: list[Api]) -> None:
    base = settings.base_url
    console.rule(f"[bold]Open GDI {__version__}[/bold]")
    console.print(f"Database: {settings.effective_database_url}  (omgeving: {settings.deployment.value})")
    for entry in api_index(apis, base):
        console.print(
            f"[bold]{entry['naam']}[/bold] {entry['versie']}: {entry['basis']}\n"
            f"    OpenAPI: {entry['openapi']}\n    Interactieve documentatie: {entry['documentatie']}"
        )
    console.print("Probeer deze burgerservicenummers:")
    for bsn, what in VOORBEELD_BSNS.items():
        console.print(f"  {bsn}  {what}")
    _print_access(settings)
    console.rule()


def _print_access(settings: Settings) -> None:
    example = {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [next(iter(VOORBEELD_BSNS))],
        "fields": ["naam", "geboorte", "verblijfplaats"],
    }
    auth = ""
    if settings.authenticatie == "aan":
        console.print(
            "Toegang met Digikoppeling. Demo-afnemers met een sleutel in de datamap "
            "(gdi org token OIN geeft een access token):"
        )
        for oin, what in DEMO_AFNEMERS.items():
            console.print(f"  {oin}  {what}")
        console.print(f"  TOKEN=$(gdi org token {next(iter(DEMO_AFNEMERS))})")
        auth = ' -H "Authorization: Bearer $TOKEN"'
    else:
        console.print("[yellow]Authenticatie staat uit (GDI_AUTHENTICATIE=uit): de API's zijn open.[/yellow]")
    console.print(
        f"  curl -s -X POST {settings.base_url}/haalcentraal/api/brp/personen "
        f"-H 'Content-Type: application/json'{auth} -d '{json.dumps(example)}'"
    )


async def _prepare(settings: Settings, empty: bool) -> None:
    async def work(database: Database) -> None:
        if await load_demo_register(database, settings.data_dir):
            console.print(
                f"Register van organisaties geladen; sleutels van demo-afnemers in {settings.data_dir}/credentials."
            )
        if empty or not await brp_is_empty(database):
            return
        with progress() as bar:
            task = bar.add_task("Demogegevens laden (BRP)", total=demo_size())
            report = await load_demo(database, progress=lambda n: bar.advance(task, n))
        console.print(
            f"{report.stored} persoonslijsten geladen; {len(report.skipped)} testpersonen stonden "
            "al in de GBA-V testset."
        )

    await with_database(settings, work)


def up(
    empty: Annotated[bool, typer.Option("--empty", help="Start zonder demogegevens.")] = False,
    host: Annotated[str | None, typer.Option(help="Adres om op te luisteren (GDI_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Poort (GDI_PORT).")] = None,
) -> None:
    """Start de GDI: database migreren, demogegevens laden als de BRP leeg is, en serveren."""
    settings = get_settings().model_copy(update={k: v for k, v in {"host": host, "port": port}.items() if v})
    run(_prepare(settings, empty))
    app = create_app(settings)
    _print_banner(settings, app.state.apis)
    # No X-Forwarded-For rewriting: the trusted-proxy check of the certificate header needs the real peer.
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        proxy_headers=False,
    )


def version() -> None:
    """Toon de versie."""
    console.print(__version__)
