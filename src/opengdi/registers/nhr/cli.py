# SPDX-License-Identifier: EUPL-1.2
"""``gdi genereren nhr``: the companies of a generated country, at its addresses and owned by its people.

Each municipality's companies are committed together; interrupted, the command keeps the
municipalities it finished, and ``--vervang`` starts over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.kernel.opdrachtregel import console, fail, genereer
from opengdi.registers.nhr.service import Bronnen, genereer_bedrijven
from opengdi.settings import Settings

genereren_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)
#: The most companies the generator makes (the Handelsregister counts about 2.5 million vestigingen).
MAX_BEDRIJVEN = 3_000_000


def bronnen(database: Database, settings: Settings, blokken: Samenstelling) -> Bronnen:
    """The BAG, the BRP and the BSN-beheervoorziening of the deployment, or a clear refusal."""
    adressen, personen = blokken.adresbron(database, settings), blokken.personenbron(database, settings)
    nummers = blokken.bsnbron(database, settings)
    if adressen is None or personen is None or nummers is None:
        raise DomeinFout("Bedrijven genereren vraagt de BAG, de BRP en de BSN-beheervoorziening in de samenstelling")
    return Bronnen(adressen, personen, nummers)


def genereren_nhr(
    bedrijven: Annotated[
        int, typer.Option("--bedrijven", "-n", min=1, max=MAX_BEDRIJVEN, help="Aantal bedrijven in heel Nederland.")
    ] = 2_000,
    startwaarde: Annotated[
        int, typer.Option("--startwaarde", help="Startwaarde: dezelfde waarde geeft dezelfde bedrijven.")
    ] = 2014,
    vervang: Annotated[bool, typer.Option("--vervang", help="Vervang eerder gegenereerde bedrijven.")] = False,
) -> None:
    """Genereer bedrijven voor elke gemeente naar haar omvang (alleen in een testomgeving).

    Eenmanszaken zijn van volwassen inwoners uit de BRP, besloten vennootschappen krijgen een RSIN van
    de BSN-beheervoorziening en bestuurders uit de BRP; vestigingen liggen op adressen van de BAG met een
    gebruiksdoel dat bij de activiteit past, of op het woonadres van de eigenaar. Laad daarom eerst
    een BAG en een bevolking (gdi genereren bag, gdi genereren brp).
    """

    async def work(
        database: Database, settings: Settings, blokken: Samenstelling, voortgang: Callable[[int], None]
    ) -> int:
        gegeven = bronnen(database, settings, blokken)
        return await genereer_bedrijven(
            database, settings.oin, gegeven, bedrijven, startwaarde, vervang=vervang, progress=voortgang
        )

    stored = genereer("Bedrijven", work, bedrijven)
    if stored == 0:
        raise fail(
            "Geen bedrijven gegenereerd: de BRP heeft geen volwassen inwoners op BAG-adressen (gdi genereren brp)."
        )
    console.print(f"[green]{stored} synthetische bedrijven opgeslagen.[/green]")
    if stored < bedrijven:
        console.print(f"{bedrijven - stored} niet: hun gemeenten hebben geen volwassen inwoners in de BRP.")


genereren_app.command("nhr")(genereren_nhr)
