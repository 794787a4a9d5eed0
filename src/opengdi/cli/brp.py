# SPDX-License-Identifier: EUPL-1.2
"""``gdi brp …`` and ``gdi seed brp``: load, empty and generate persoonslijsten."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from opengdi.cli.common import console, progress, run, with_database
from opengdi.kernel.db import Database
from opengdi.registers.brp import repository
from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.seed import MAX_PERSONEN, seed_population
from opengdi.registers.brp.service import ImportReport, empty_brp, import_bulk
from opengdi.settings import get_settings

brp_app = typer.Typer(help="De BRP: persoonslijsten laden en verwijderen.", no_args_is_help=True)
seed_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)


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
        with progress() as bar:
            task = bar.add_task(f"{bestand.name} laden", total=len(labelled))
            async with database.session() as session:
                report = await import_bulk(session, labelled, progress=lambda n: bar.advance(task, n))
        await repository.analyze(database)
        return report

    _print_report(run(with_database(get_settings(), work)))


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

    console.print(f"{run(with_database(settings, work))} persoonslijsten verwijderd.")


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
        with progress() as bar:
            task = bar.add_task("Bevolking genereren", total=persons)
            return await seed_population(database, persons, seed, progress=lambda n: bar.advance(task, n))

    try:
        stored = run(with_database(settings, work))
    except ValueError as error:
        console.print(f"[red]{error}[/red] (gdi brp leeg --ja)")
        raise typer.Exit(1) from error
    console.print(f"[green]{stored} synthetische personen opgeslagen.[/green]")
