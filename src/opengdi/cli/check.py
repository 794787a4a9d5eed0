# SPDX-License-Identifier: EUPL-1.2
"""``gdi check``: do the links between registries hold? Every reference a block stores to an object
of another registry is followed (:mod:`opengdi.kernel.koppelingen`); one that leads nowhere is listed."""

from __future__ import annotations

import typer

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Controle, controleer
from opengdi.kernel.opdrachtregel import console, current_settings, error_console, run, with_database

#: Dangling references listed in full; the rest are counted.
_GETOOND = 50


def check() -> None:
    """Controleer de koppelingen tussen de registers: elke verwijzing moet naar een bestaand object leiden.

    Eindigt met code 1 als er een loze verwijzing is (en noemt ze).
    """
    settings = current_settings()

    async def work(database: Database) -> Controle:
        return await controleer(SAMENSTELLING.koppelingen(), database)

    uitkomst = run(with_database(settings, work))
    for loos in uitkomst.loos[:_GETOOND]:
        verwijzing = loos.verwijzing
        console.print(
            f"{loos.register} {verwijzing.relatie}: {verwijzing.van} → {verwijzing.naar} ({loos.doel}) {loos.reden}",
            highlight=False,
        )
    if len(uitkomst.loos) > _GETOOND:
        console.print(f"… en nog {len(uitkomst.loos) - _GETOOND} loze verwijzingen.")
    samenvatting = f"{uitkomst.verwijzingen} verwijzingen tussen objecten gecontroleerd, {len(uitkomst.loos)} loos."
    if uitkomst.loos:
        error_console.print(f"[red]{samenvatting}[/red]")
        raise typer.Exit(1)
    console.print(f"[green]{samenvatting}[/green]")
