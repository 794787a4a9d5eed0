# SPDX-License-Identifier: EUPL-1.2
"""``gdi check``: do the links between registries hold? Every reference a block stores to an object
of another registry is followed (:mod:`opengdi.kernel.koppelingen`); one that leads nowhere is listed,
and so is one that is no identification of the target's type at all."""

from __future__ import annotations

from collections.abc import Sequence

import typer

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Controle, LozeVerwijzing, controleer
from opengdi.kernel.opdrachtregel import console, current_settings, error_console, run, with_database

#: Dangling references listed in full; the rest are counted.
_GETOOND = 50


def _toon(verwijzingen: Sequence[LozeVerwijzing], soort: str) -> None:
    for loos in verwijzingen[:_GETOOND]:
        verwijzing = loos.verwijzing
        console.print(
            f"{loos.register} {verwijzing.relatie}: {verwijzing.van} → {verwijzing.naar} ({loos.doel}) {loos.reden}",
            highlight=False,
        )
    if len(verwijzingen) > _GETOOND:
        console.print(f"… en nog {len(verwijzingen) - _GETOOND} {soort}.")


def check() -> None:
    """Controleer de koppelingen tussen de registers: elke verwijzing moet naar een bestaand object leiden.

    Eindigt met code 1 als er een loze verwijzing is (en noemt ze). Een verwijzing die niet eens een
    geldige identificatie is (de testsets bevatten er met opzet een paar), wordt apart genoemd.
    """
    settings = current_settings()

    async def work(database: Database) -> Controle:
        return await controleer(SAMENSTELLING.koppelingen(), database)

    uitkomst = run(with_database(settings, work))
    _toon(uitkomst.ongeldig, "verwijzingen met een ongeldige identificatie")
    _toon(uitkomst.loos, "loze verwijzingen")
    samenvatting = f"{uitkomst.verwijzingen} verwijzingen tussen objecten gecontroleerd, {len(uitkomst.loos)} loos"
    if uitkomst.ongeldig:
        samenvatting += f"; {len(uitkomst.ongeldig)} met een ongeldige identificatie (een fout in de gegevens zelf)"
    samenvatting += "."
    if uitkomst.loos:
        error_console.print(f"[red]{samenvatting}[/red]")
        raise typer.Exit(1)
    console.print(f"[green]{samenvatting}[/green]")
