# SPDX-License-Identifier: EUPL-1.2
"""``gdi genereren brk``: a perceel (or an appartementsrecht) with its eigenaren for every adresseerbaar
object of the BAG.

Each municipality's zaken are committed together; ``--vervang`` empties the BRK first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.kernel.opdrachtregel import console, genereer
from opengdi.registers.brk.service import genereer_zaken
from opengdi.settings import Settings

genereren_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)


def genereren_brk(
    vervang: Annotated[bool, typer.Option("--vervang", help="Vervang wat de BRK al bevat.")] = False,
) -> None:
    """Geef elk adresseerbaar object van de BAG een perceel met eigenaren (alleen in een testomgeving).

    Een pand met meer verblijfsobjecten wordt gesplitst: elk verblijfsobject is een appartementsrecht
    op het grondperceel. Eigenaren zijn de volwassen inwoners die de BRP op dat adres kent (hoogstens twee, elk voor een
    gelijk deel); waar niemand woont is het een woonstichting, of bij een winkel, kantoor of bedrijfspand
    een vastgoedfonds. Laad daarom eerst een BAG en een bevolking (gdi genereren bag, gdi genereren brp).
    """

    async def work(
        database: Database, settings: Settings, blokken: Samenstelling, voortgang: Callable[[int], None]
    ) -> int:
        adressen, personen = blokken.adresbron(database, settings), blokken.personenbron(database, settings)
        if adressen is None or personen is None:
            raise DomeinFout("Percelen genereren vraagt de BAG en de BRP in de samenstelling")
        return await genereer_zaken(database, settings.oin, adressen, personen, vervang=vervang, progress=voortgang)

    stored = genereer("Percelen", work)
    console.print(f"[green]{stored} kadastrale onroerende zaken (percelen en appartementsrechten) opgeslagen.[/green]")


genereren_app.command("brk")(genereren_brk)
