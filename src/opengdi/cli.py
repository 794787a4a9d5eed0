# SPDX-License-Identifier: EUPL-1.2
"""The ``gdi`` command: start the GDI, manage its database, load and generate BRP data."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import uvicorn
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from opengdi import __version__
from opengdi.app import api_index, building_blocks, create_app
from opengdi.demo.laden import VOORBEELD_BSNS, brp_is_empty, demo_size, load_demo
from opengdi.kernel.db import Database
from opengdi.kernel.migrate import current_revision, head_revision, upgrade_to_head
from opengdi.registers.brp import repository
from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.seed import MAX_PERSONEN, seed_population
from opengdi.registers.brp.service import ImportReport, empty_brp, import_bulk
from opengdi.settings import Settings, get_settings

app = typer.Typer(help="Open GDI: de Generieke Digitale Infrastructuur op je eigen machine.", no_args_is_help=True)
db_app = typer.Typer(help="De database: migraties en status.", no_args_is_help=True)
brp_app = typer.Typer(help="De BRP: persoonslijsten laden en verwijderen.", no_args_is_help=True)
seed_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(brp_app, name="brp")
app.add_typer(seed_app, name="seed")
console = Console()
T = TypeVar("T")


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coroutine)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


async def _with_database(settings: Settings, work: Callable[[Database], Coroutine[Any, Any, T]]) -> T:
    database = Database(settings.effective_database_url)
    try:
        await upgrade_to_head(database)
        return await work(database)
    finally:
        await database.dispose()


def _print_report(report: ImportReport) -> None:
    console.print(f"[green]{report.stored} persoonslijsten opgeslagen.[/green]")
    if report.skipped:
        console.print(f"[yellow]{len(report.skipped)} overgeslagen:[/yellow]")
        for line in report.skipped[:20]:
            console.print(f"  {line}")
    if report.warnings:
        console.print(
            f"[yellow]{len(report.warnings)} waarden met een afwijkende vorm zijn bewaard zoals ze "
            "geregistreerd waren[/yellow] (bijvoorbeeld {report.warnings[0].name}: "
            f"{report.warnings[0].reason})"
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste migratie."""
    settings = get_settings()

    async def work(database: Database) -> str | None:
        return await current_revision(database)

    revision = _run(_with_database(settings, work))
    console.print(f"Database {settings.effective_database_url} staat op migratie {revision}.")


@db_app.command("status")
def db_status() -> None:
    """Toon op welke migratie de database staat."""
    settings = get_settings()

    async def work() -> str | None:
        database = Database(settings.effective_database_url)
        try:
            return await current_revision(database)
        finally:
            await database.dispose()

    console.print(
        f"Database: {settings.effective_database_url}\nMigratie: {_run(work())} (nieuwste: {head_revision()})"
    )


@brp_app.command("import")
def brp_import(
    bestand: Annotated[
        Path,
        typer.Argument(help="CSV van de GBA-V testset, of JSON in het importformaat.", exists=True, dir_okay=False),
    ],
) -> None:
    """Laad persoonslijsten uit een bestand (GBA-V testset-CSV of JSON {"persoonslijsten": [...]})."""
    text = bestand.read_text("utf-8")
    if bestand.suffix.lower() == ".json":
        lijsten = json.loads(text).get("persoonslijsten", [])
        labelled = [(f"persoonslijsten[{index}]", lijst) for index, lijst in enumerate(lijsten)]
    else:
        labelled = list(read_gbav_csv(text))

    async def work(database: Database) -> ImportReport:
        with _progress() as progress:
            task = progress.add_task(f"{bestand.name} laden", total=len(labelled))
            async with database.session() as session:
                report = await import_bulk(session, labelled, progress=lambda n: progress.advance(task, n))
        await repository.analyze(database)
        return report

    _print_report(_run(_with_database(get_settings(), work)))


@brp_app.command("leeg")
def brp_leeg(ja: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False) -> None:
    """Verwijder alle persoonslijsten uit de BRP (alleen in een testomgeving)."""
    settings = get_settings()
    if not settings.is_test_deployment:
        console.print("[red]De BRP leegmaken kan alleen in een testomgeving (GDI_DEPLOYMENT=test).[/red]")
        raise typer.Exit(1)
    if not ja:
        typer.confirm("Alle persoonslijsten verwijderen?", abort=True)

    async def work(database: Database) -> int:
        async with database.session() as session:
            return await empty_brp(session)

    console.print(f"{_run(_with_database(settings, work))} persoonslijsten verwijderd.")


@seed_app.command("brp")
def seed_brp(
    persons: Annotated[int, typer.Option("--persons", "-n", min=1, max=MAX_PERSONEN, help="Aantal personen.")] = 10_000,
    seed: Annotated[int, typer.Option("--seed", help="Startwaarde: dezelfde waarde geeft dezelfde bevolking.")] = 2014,
) -> None:
    """Genereer een synthetische bevolking bovenop de testpersonen (alleen in een testomgeving)."""
    settings = get_settings()
    if not settings.is_test_deployment:
        console.print("[red]Een synthetische bevolking genereren kan alleen in een testomgeving.[/red]")
        raise typer.Exit(1)

    async def work(database: Database) -> int:
        with _progress() as progress:
            task = progress.add_task("Bevolking genereren", total=persons)
            return await seed_population(database, persons, seed, progress=lambda n: progress.advance(task, n))

    try:
        stored = _run(_with_database(settings, work))
    except ValueError as error:
        console.print(f"[red]{error}[/red] (gdi brp leeg --ja)")
        raise typer.Exit(1) from error
    console.print(f"[green]{stored} synthetische personen opgeslagen.[/green]")


def _print_banner(settings: Settings) -> None:
    base = f"http://{settings.host}:{settings.port}"
    apis = [api for block in building_blocks() for api in block.apis]
    console.rule(f"[bold]Open GDI {__version__}[/bold]")
    console.print(f"Database: {settings.effective_database_url}  (omgeving: {settings.deployment.value})")
    for entry in api_index(apis, base):
        console.print(
            f"[bold]{entry['naam']}[/bold] {entry['versie']}: {entry['basis']}\n"
            f"    OpenAPI: {entry['openapi']}\n    Interactieve documentatie: {entry['documentatie']}"
        )
    console.print("De BRP API is in deze versie open op localhost (authenticatie volgt met Digikoppeling).")
    console.print("Probeer deze burgerservicenummers:")
    for bsn, what in VOORBEELD_BSNS.items():
        console.print(f"  {bsn}  {what}")
    example = {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [next(iter(VOORBEELD_BSNS))],
        "fields": ["naam", "geboorte", "verblijfplaats"],
    }
    console.print(
        f"  curl -s -X POST {base}/haalcentraal/api/brp/personen -H 'Content-Type: application/json' "
        f"-d '{json.dumps(example)}'",
        soft_wrap=True,
    )
    console.rule()


async def _prepare(settings: Settings, empty: bool) -> None:
    async def work(database: Database) -> None:
        if empty or not await brp_is_empty(database):
            return
        with _progress() as progress:
            task = progress.add_task("Demogegevens laden (BRP)", total=demo_size())
            report = await load_demo(database, progress=lambda n: progress.advance(task, n))
        console.print(
            f"{report.stored} persoonslijsten geladen; {len(report.skipped)} testpersonen stonden "
            "al in de GBA-V testset."
        )

    await _with_database(settings, work)


@app.command()
def up(
    empty: Annotated[bool, typer.Option("--empty", help="Start zonder demogegevens.")] = False,
    host: Annotated[str | None, typer.Option(help="Adres om op te luisteren (GDI_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Poort (GDI_PORT).")] = None,
) -> None:
    """Start de GDI: database migreren, demogegevens laden als de BRP leeg is, en serveren."""
    settings = get_settings().model_copy(update={k: v for k, v in {"host": host, "port": port}.items() if v})
    _run(_prepare(settings, empty))
    _print_banner(settings)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level=settings.log_level)


@app.command()
def version() -> None:
    """Toon de versie."""
    console.print(__version__)
