# SPDX-License-Identifier: EUPL-1.2
"""``gdi genereren woz``: a WOZ-object with its values for every adresseerbaar object of the BAG.

Each municipality's objects are committed together; ``--vervang`` empties the WOZ first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.kernel.koppelingen import per_doel
from opengdi.kernel.opdrachtregel import console, genereer
from opengdi.registers.woz.service import genereer_objecten
from opengdi.settings import Settings

genereren_app = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)


def genereren_woz(
    vervang: Annotated[bool, typer.Option("--vervang", help="Vervang wat de WOZ al bevat.")] = False,
) -> None:
    """Geef elk adresseerbaar object van de BAG een WOZ-object met de waarden van de laatste vijf jaar
    (alleen in een testomgeving).

    Eigenaar en gebruiker zijn de eerste volwassen inwoner die de BRP op dat adres kent; waar niemand
    woont is de gebruiker de vestiging die het Handelsregister daar heeft. Het WOZ-object wijst naar
    het perceel dat de BRK daar heeft. Genereer daarom eerst de BAG, de BRP, het Handelsregister en de
    BRK (gdi genereren bag, brp, nhr, brk).
    """

    async def work(
        database: Database, settings: Settings, blokken: Samenstelling, voortgang: Callable[[int], None]
    ) -> int:
        adressen, personen = blokken.adresbron(database, settings), blokken.personenbron(database, settings)
        if adressen is None or personen is None:
            raise DomeinFout("WOZ-objecten genereren vraagt de BAG en de BRP in de samenstelling")
        koppelingen = blokken.koppelingen()
        zaken = await per_doel(koppelingen, "brk", "adresseerbaarObject", database)
        vestigingen = await per_doel(koppelingen, "nhr", "verblijfsobject", database)
        return await genereer_objecten(
            database,
            settings.oin,
            (adressen, personen),
            (zaken, vestigingen),
            vervang=vervang,
            progress=voortgang,
        )

    stored = genereer("WOZ-objecten", work)
    console.print(f"[green]{stored} WOZ-objecten met hun waarden opgeslagen.[/green]")


genereren_app.command("woz")(genereren_woz)
