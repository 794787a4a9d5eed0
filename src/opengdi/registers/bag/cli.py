# SPDX-License-Identifier: EUPL-1.2
"""``gdi bag …``: load the Kadaster's BAG 2.0 Extract, rebuild its search index, empty the BAG.

An import commits per XML file of the extract; interrupted, it keeps what it committed, and the
same command run again continues with the next file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, TaskID

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
from opengdi.registers.bag import opslag
from opengdi.registers.bag.demo import demo_voorkomens
from opengdi.registers.bag.extract import OBJECTTYPEN, BagExtract, GeenBagExtract, Voorkomen
from opengdi.registers.bag.generator import STANDDATUM, Omvang, gemeente_woonplaatsen, land, levering
from opengdi.registers.bag.schrijver import bestandsnaam, write_extract
from opengdi.registers.bag.service import ImportVerslag, build_zoekindex, empty_bag, import_extract

bag_app = typer.Typer(help="De BAG: een BAG-extract van het Kadaster laden, de BAG leegmaken.", no_args_is_help=True)
genereren_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)
#: The most addresses the generator makes (about the number of the Netherlands, with room).
MAX_ADRESSEN = 12_000_000


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


def _load(bestand: Path, vervang: bool, done: list[int]) -> ImportVerslag:
    settings = current_settings()

    async def work(database: Database) -> ImportVerslag:
        with BagExtract(bestand) as extract, progress() as bar:
            task = bar.add_task(f"{bestand.name} laden", total=None)

            def advance(klaar: int, totaal: int) -> None:
                done[0] = klaar
                bar.update(task, completed=klaar, total=totaal)

            async with UnitOfWork(database, oin=settings.oin) as uow:
                return await import_extract(
                    uow, extract, vervangen=vervang, progress=advance, index_progress=_index_voortgang(bar)
                )

    try:
        return run(with_database(settings, work))
    except GeenBagExtract as error:
        raise fail(str(error)) from None
    except DomeinFout as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        error_console.print(
            f"[yellow]Onderbroken na {done[0]} delen; voer hetzelfde commando opnieuw uit om verder te gaan.[/yellow]"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _index_voortgang(bar: Progress) -> Callable[[int], None]:
    """A callback that shows the search index growing, as a task of its own from its first batch."""
    tasks: list[TaskID] = []

    def advance(adressen: int) -> None:
        if not tasks:
            tasks.append(bar.add_task("Zoekindex opbouwen (adressen)", total=None))
        bar.update(tasks[0], completed=adressen)

    return advance


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
    _print_verslag(_load(bestand, vervang, [0]))


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


def bag_zoekindex() -> None:
    """Bouw de zoekindex van /adressen/zoek opnieuw op uit de huidige adressen (dat gebeurt ook na elke levering)."""
    settings = current_settings()

    async def work(database: Database) -> int:
        with progress() as bar:
            async with UnitOfWork(database, oin=settings.oin) as uow:
                total = await build_zoekindex(uow, _index_voortgang(bar))
                await uow.commit()
        await opslag.analyze(database)
        return total

    console.print(f"Zoekindex opgebouwd: {run(with_database(settings, work))} huidige adressen.")


def genereren_bag(
    adressen: Annotated[
        int, typer.Option("--adressen", "-n", min=1, max=MAX_ADRESSEN, help="Aantal adressen in heel Nederland.")
    ] = 20_000,
    startwaarde: Annotated[
        int, typer.Option("--startwaarde", help="Startwaarde: dezelfde waarde geeft hetzelfde land.")
    ] = 2014,
    extract: Annotated[
        Path | None,
        typer.Option(
            "--extract",
            help="Schrijf het land als BAG 2.0 Extract naar dit bestand, zonder het te laden.",
            dir_okay=False,
        ),
    ] = None,
    vervang: Annotated[bool, typer.Option("--vervang", help="Vervang een levering die de BAG al bevat.")] = False,
) -> None:
    """Genereer een synthetische BAG voor de 403 gemeenten van 2014 en laad die (alleen in een testomgeving).

    Elke gemeente krijgt adressen naar haar inwonertal, in woonplaatsen, straten en panden; de adressen
    van de demopersonen horen er ook bij. Het land wordt geschreven als BAG 2.0 Extract; met --extract
    blijft het alleen bij dat bestand, dat `gdi bag importeren` later laadt. Dezelfde startwaarde geeft hetzelfde land.
    """
    settings = current_settings()
    if extract is None and not settings.is_test_deployment:
        raise fail("Een synthetische BAG laden kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")
    omvang = Omvang(adressen, startwaarde)
    demo, demo_relaties = demo_voorkomens()  # the demo persons' addresses stay in the country
    with tempfile.TemporaryDirectory() as folder:
        target = extract or Path(folder) / bestandsnaam(STANDDATUM)
        with progress() as bar:
            task = bar.add_task("Land genereren", total=adressen)
            voorkomens = chain(_counted(land(omvang), lambda: bar.advance(task)), demo)
            write_extract(target, levering(), voorkomens, [*gemeente_woonplaatsen(omvang), *demo_relaties])
        if extract is not None:
            console.print(
                f"[green]BAG 2.0 Extract geschreven: {extract} ({extract.stat().st_size // 1024} kB).[/green]"
            )
            return
        _print_verslag(_load(target, vervang, [0]))


def _counted(voorkomens: Iterator[Voorkomen], advance: Callable[[], None]) -> Iterator[Voorkomen]:
    for voorkomen in voorkomens:
        if voorkomen.objecttype == "NUM":
            advance()
        yield voorkomen


bag_app.command("importeren")(bag_importeren)
hidden_alias(bag_app, "import", bag_importeren)
bag_app.command("leegmaken")(bag_leegmaken)
bag_app.command("zoekindex")(bag_zoekindex)
genereren_app.command("bag")(genereren_bag)
