# SPDX-License-Identifier: EUPL-1.2
"""``gdi bag …``: load the Kadaster's BAG 2.0 Extract, empty the BAG.

An import commits per XML file of the extract; interrupted, it keeps what it committed, and the
same command run again continues with the next file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.kernel.opdrachtregel import (
    EXIT_INTERRUPTED,
    console,
    current_settings,
    error_console,
    fail,
    hidden_alias,
    progress,
    run,
    with_database,
)
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.bag import repository
from opengdi.registers.bag.extract import OBJECTTYPEN, BagExtract, GeenBagExtract
from opengdi.registers.bag.service import ImportVerslag, empty_bag, import_extract

bag_app = typer.Typer(help="De BAG: een BAG-extract van het Kadaster laden, de BAG leegmaken.", no_args_is_help=True)


def _print_verslag(verslag: ImportVerslag) -> None:
    stand = verslag.levering
    gebied = (
        "heel Nederland" if stand.gebied == "9999" else f"gemeente {stand.gebied} {stand.gebiedsnaam or ''}".strip()
    )
    if verslag.al_compleet:
        console.print(f"Dit BAG-extract ({gebied}, stand van {stand.standtechnische_datum}) was al geladen.")
        return
    console.print(f"[green]BAG-extract geladen: {gebied}, stand van {stand.standtechnische_datum}.[/green]")
    for code, naam in OBJECTTYPEN.items():
        if verslag.aantallen.get(code):
            console.print(f"  {naam}: {verslag.aantallen[code]} voorkomens")
    onderzoek = sum(total for inhoud, total in verslag.aantallen.items() if inhoud.startswith("onderzoek"))
    if onderzoek:
        console.print(f"  kenmerken in onderzoek: {onderzoek}")
    if verslag.aantallen.get("gemeente-woonplaats"):
        console.print(f"  gemeente-woonplaatsrelaties: {verslag.aantallen['gemeente-woonplaats']}")
    if verslag.al_geladen:
        console.print(f"{verslag.al_geladen} delen waren al geladen (een eerdere, onderbroken run).")
    for name in verslag.onbekend:
        error_console.print(f"[yellow]Overgeslagen, geen deel van een BAG-extract: {name}[/yellow]")


def bag_importeren(
    bestand: Annotated[
        Path, typer.Argument(help="Het BAG 2.0 Extract: BAGNLDL-ddmmjjjj.zip of BAGGEM…L-….zip.", dir_okay=False)
    ],
    vervang: Annotated[
        bool, typer.Option("--vervang", help="Vervang een andere levering die de BAG al bevat.")
    ] = False,
) -> None:
    """Laad een BAG 2.0 Extract van het Kadaster (heel Nederland of één gemeente).

    Het bestand wordt stromend gelezen; een onderbroken import gaat, opnieuw gestart, verder met
    het volgende deel.
    """
    settings = current_settings()
    done = [0]

    async def work(database: Database) -> ImportVerslag:
        with BagExtract(bestand) as extract, progress() as bar:
            task = bar.add_task(f"{bestand.name} laden", total=None)

            def advance(klaar: int, totaal: int) -> None:
                done[0] = klaar
                bar.update(task, completed=klaar, total=totaal)

            async with UnitOfWork(database, oin=settings.oin) as uow:
                verslag = await import_extract(uow, extract, vervangen=vervang, progress=advance)
        await repository.analyze(database)
        return verslag

    try:
        verslag = run(with_database(settings, work))
    except GeenBagExtract as error:
        raise fail(str(error)) from None
    except DomeinFout as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        error_console.print(
            f"[yellow]Onderbroken na {done[0]} delen; voer hetzelfde commando opnieuw uit om verder te gaan.[/yellow]"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print_verslag(verslag)


def bag_leegmaken(ja: Annotated[bool, typer.Option("--ja", help="Niet om bevestiging vragen.")] = False) -> None:
    """Verwijder alles uit de BAG (alleen in een testomgeving)."""
    settings = current_settings()
    if not settings.is_test_deployment:
        raise fail("De BAG leegmaken kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")
    if not ja and not typer.confirm("Alle BAG-gegevens verwijderen?", err=True):
        raise fail("Niets verwijderd.")

    async def work(database: Database) -> int:
        async with UnitOfWork(database, oin=settings.oin) as uow:
            return await empty_bag(uow)

    console.print(f"{run(with_database(settings, work))} voorkomens verwijderd.")


bag_app.command("importeren")(bag_importeren)
hidden_alias(bag_app, "import", bag_importeren)
bag_app.command("leegmaken")(bag_leegmaken)
