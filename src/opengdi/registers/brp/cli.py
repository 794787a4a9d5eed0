# SPDX-License-Identifier: EUPL-1.2
"""``gdi brp …`` and ``gdi genereren brp``: load, empty and generate persoonslijsten.

An import or a generation commits per batch; interrupted, it keeps what it committed, and the same
command run again continues where it stopped (what is stored already is skipped).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, DomeinFout
from opengdi.kernel.opdrachtregel import (
    EXIT_INTERRUPTED,
    console,
    current_settings,
    error_console,
    fail,
    hidden_alias,
    old_spellings,
    progress,
    run,
    samenstelling,
    with_database,
)
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import repository
from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.seed import MAX_PERSONEN, seed_population
from opengdi.registers.brp.service import Bestaand, ImportReport, empty_brp, import_bulk

brp_app = typer.Typer(help="De BRP: persoonslijsten laden en verwijderen.", no_args_is_help=True)
seed_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)

_RERUN = "voer hetzelfde commando opnieuw uit om verder te gaan (wat er al staat, wordt overgeslagen)"


def _print_report(report: ImportReport, bestaand: Bestaand) -> None:
    console.print(f"[green]{report.stored} persoonslijsten opgeslagen.[/green]")
    if report.replaced:
        console.print(f"{report.replaced} bestaande persoonslijsten vervangen.")
    if report.present:
        toestaan = bestaand is Bestaand.TOESTAAN
        same = " (zelfde burgerservicenummer en A-nummer)" if toestaan else ""
        hint = "" if toestaan else " (--vervang vervangt ze, --duplicaten-toestaan slaat ze op naast de bestaande)"
        console.print(
            f"[yellow]{report.present} persoonslijsten stonden al in de BRP{same} en zijn overgeslagen[/yellow]{hint}."
        )
    if report.skipped:
        console.print(f"[yellow]{len(report.skipped)} overgeslagen:[/yellow]")
        for line in report.skipped[:20]:
            console.print(f"  {line}", markup=False)
    if report.warnings:
        first = report.warnings[0]
        console.print(
            f"[yellow]{len(report.warnings)} waarden met een afwijkende vorm zijn bewaard zoals ze "
            f"geregistreerd waren[/yellow] (bijvoorbeeld {first.name}: {first.reason})",
            highlight=False,
        )


def _read_text(bestand: Path) -> str:
    try:
        text = bestand.read_text("utf-8")
    except UnicodeDecodeError:
        raise fail(f"{bestand} is geen tekstbestand (UTF-8): verwacht een CSV van de GBA-V testset of JSON.") from None
    except OSError as error:
        raise fail(f"{bestand} is niet leesbaar: {error.strerror}.") from None
    if not text.strip():
        raise fail(f"{bestand} is leeg: er staan geen persoonslijsten in.")
    return text


def _read_json(bestand: Path, text: str) -> list[tuple[str, Any]]:
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise fail(f"{bestand} is geen geldige JSON (regel {error.lineno}, kolom {error.colno}).") from None
    lijsten = body.get("persoonslijsten") if isinstance(body, dict) else None
    if not isinstance(lijsten, list):
        raise fail(f'{bestand} bevat geen persoonslijsten: verwacht {{"persoonslijsten": [...]}} (docs/brp-import.md).')
    return [(f"persoonslijsten[{index}]", lijst) for index, lijst in enumerate(lijsten)]


def _read_csv(bestand: Path, text: str) -> list[tuple[str, Any]]:
    try:
        return list(read_gbav_csv(text))
    except (csv.Error, ValueError) as error:
        raise fail(f"{bestand} is geen leesbare CSV van de GBA-V testset: {error}.") from None


def _read_bestand(bestand: Path) -> list[tuple[str, Any]]:
    """The persoonslijsten of a JSON file in the import form or a CSV of the GBA-V test set, labelled."""
    text = _read_text(bestand)
    is_json = bestand.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "[")
    labelled = _read_json(bestand, text) if is_json else _read_csv(bestand, text)
    if not labelled:
        expected = (
            "een lege lijst persoonslijsten"
            if is_json
            else "geen rij die met Lg01_ begint (een CSV van de GBA-V testset heeft kolommen als 01.01.20)"
        )
        raise fail(f"{bestand} bevat geen persoonslijsten: {expected}.")
    return labelled


def _interrupted(what: str, done: int) -> typer.Exit:
    error_console.print(f"[yellow]Onderbroken: {done} {what} verwerkt en vastgelegd; {_RERUN}.[/yellow]")
    return typer.Exit(EXIT_INTERRUPTED)


def _counter() -> tuple[list[int], Callable[[int], None]]:
    done = [0]

    def count(n: int) -> None:
        done[0] += n

    return done, count


def brp_importeren(
    bestand: Annotated[
        Path,
        typer.Argument(help="CSV van de GBA-V testset, of JSON in het importformaat.", exists=True, dir_okay=False),
    ],
    vervang: Annotated[
        bool, typer.Option("--vervang", help="Vervang de persoonslijsten van personen die al in de BRP staan.")
    ] = False,
    duplicaten_toestaan: Annotated[
        bool,
        typer.Option(
            "--duplicaten-toestaan",
            help="Sla een persoonslijst ook op als de BRP dat burgerservicenummer al heeft (zoals de bewuste "
            "dubbelen van de GBA-V testset); alleen dezelfde combinatie van BSN en A-nummer wordt overgeslagen.",
        ),
    ] = False,
) -> None:
    """Laad persoonslijsten uit een bestand (GBA-V testset-CSV of JSON {"persoonslijsten": [...]}).

    Een persoon die al in de BRP staat (zelfde burgerservicenummer, of zonder BSN: zelfde A-nummer)
    wordt overgeslagen en gemeld; zo gaat een onderbroken import verder waar hij stopte.
    """
    if vervang and duplicaten_toestaan:
        raise fail("Kies --vervang of --duplicaten-toestaan, niet allebei.", code=2)
    bestaand = Bestaand.VERVANGEN if vervang else Bestaand.TOESTAAN if duplicaten_toestaan else Bestaand.OVERSLAAN
    settings = current_settings()
    labelled = _read_bestand(bestand)
    done, count = _counter()

    async def work(database: Database) -> ImportReport:
        with progress() as bar:
            task = bar.add_task(f"{bestand.name} laden", total=len(labelled))

            def advance(n: int) -> None:
                count(n)
                bar.advance(task, n)

            async with UnitOfWork(database, oin=settings.oin) as uow:
                report = await import_bulk(uow, labelled, bestaand=bestaand, progress=advance)
        await repository.analyze(database)
        return report

    try:
        report = run(with_database(settings, work))
    except KeyboardInterrupt:
        raise _interrupted("persoonslijsten", done[0]) from None
    _print_report(report, bestaand)


def brp_leegmaken(ja: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False) -> None:
    """Verwijder alle persoonslijsten uit de BRP (alleen in een testomgeving)."""
    settings = current_settings()
    if not settings.is_test_deployment:
        raise fail("De BRP leegmaken kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")
    if not ja and not typer.confirm("Alle persoonslijsten verwijderen?", err=True):
        raise fail("Niets verwijderd.")

    async def work(database: Database) -> int:
        async with UnitOfWork(database, oin=settings.oin) as uow:
            return await empty_brp(uow)

    console.print(f"{run(with_database(settings, work))} persoonslijsten verwijderd.")


def genereren_brp(
    personen: Annotated[
        int, typer.Option("--personen", "-n", min=1, max=MAX_PERSONEN, help="Aantal personen.")
    ] = 10_000,
    startwaarde: Annotated[
        int, typer.Option("--startwaarde", help="Startwaarde: dezelfde waarde geeft dezelfde bevolking.")
    ] = 2014,
) -> None:
    """Genereer een synthetische bevolking bovenop de testpersonen (alleen in een testomgeving).

    Dezelfde startwaarde geeft dezelfde bevolking: opnieuw uitgevoerd gaat het commando verder waar
    een onderbroken run stopte, en slaat het over wie er al staat. De burgerservicenummers komen van
    de BSN-beheervoorziening en de adressen uit de BAG (als die in de samenstelling zitten): laad
    daarom eerst een BAG (gdi genereren bag, of gdi bag importeren met een BAG-extract).
    """
    settings = current_settings()
    if not settings.is_test_deployment:
        raise fail("Een synthetische bevolking genereren kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")
    done, count = _counter()

    async def work(database: Database) -> int:
        with progress() as bar:
            task = bar.add_task("Bevolking genereren", total=personen)

            def advance(n: int) -> None:
                count(n)
                bar.advance(task, n)

            bsns = samenstelling().bsnbron(database, settings)  # the BSN-beheervoorziening, when enabled
            adressen = samenstelling().adresbron(database, settings)  # the BAG, when enabled
            async with UnitOfWork(database, oin=settings.oin) as uow:
                return await seed_population(uow, personen, startwaarde, progress=advance, bsns=bsns, adressen=adressen)

    try:
        stored = run(with_database(settings, work))
    except Conflict as error:
        raise fail(f"{error} (gdi brp leegmaken --ja).") from None
    except DomeinFout as error:
        raise fail(f"{error}.") from None
    except KeyboardInterrupt:
        raise _interrupted("personen", done[0]) from None
    console.print(f"[green]{stored} synthetische personen opgeslagen.[/green]")
    if done[0] > stored:
        console.print(f"{done[0] - stored} stonden er al (van een eerdere run met startwaarde {startwaarde}).")


brp_app.command("importeren")(brp_importeren)
hidden_alias(brp_app, "import", brp_importeren)
brp_app.command("leegmaken")(brp_leegmaken)
hidden_alias(brp_app, "leeg", brp_leegmaken)
_GENEREREN = old_spellings(persons="personen", seed="startwaarde")
seed_app.command("brp", cls=_GENEREREN)(genereren_brp)
