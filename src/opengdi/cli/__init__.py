# SPDX-License-Identifier: EUPL-1.2
"""The ``gdi`` command: start the GDI and manage its database, with the command groups of every
block of the registry (``gdi brp …``, ``gdi org …``) and their generators (``gdi genereren …``)."""

from __future__ import annotations

import typer

from opengdi.bouwstenen import BLOCKS, SAMENSTELLING
from opengdi.cli.check import check
from opengdi.cli.db import db_app
from opengdi.cli.start import up, version
from opengdi.kernel.opdrachtregel import GdiGroup, hidden_alias, old_spellings

app = typer.Typer(
    cls=GdiGroup,
    help="Open GDI: de Generieke Digitale Infrastructuur op je eigen machine.",
    no_args_is_help=True,
    context_settings={"obj": SAMENSTELLING},
)
_START = old_spellings(empty="leeg", host="adres", port="poort", workers="processen")
app.command("up", cls=_START)(up)  # the name the README, the shared tools and scripts start the GDI with
hidden_alias(app, "start", up, _START)
app.command("versie")(version)
hidden_alias(app, "version", version)
app.add_typer(db_app, name="db")
app.command("check")(check)
generators = typer.Typer(help="Synthetische gegevens genereren.", no_args_is_help=True)
for block in BLOCKS:
    for name, commands in block.commandos.items():
        app.add_typer(commands, name=name)
    if block.generatoren is not None:
        generators.registered_commands.extend(block.generatoren.registered_commands)
app.add_typer(generators, name="genereren")
app.add_typer(generators, name="seed", hidden=True)
