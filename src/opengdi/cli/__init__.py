# SPDX-License-Identifier: EUPL-1.2
"""The ``gdi`` command: start the GDI, manage its database, its organisations and their access, and
load and generate BRP data."""

from __future__ import annotations

import typer

from opengdi.cli.brp import brp_app, seed_app
from opengdi.cli.common import GdiGroup, hidden_alias, old_spellings
from opengdi.cli.db import db_app
from opengdi.cli.org import org_app
from opengdi.cli.start import up, version

app = typer.Typer(
    cls=GdiGroup, help="Open GDI: de Generieke Digitale Infrastructuur op je eigen machine.", no_args_is_help=True
)
_START = old_spellings(empty="leeg", host="adres", port="poort")
app.command("up", cls=_START)(up)  # the name the README, the shared tools and scripts start the GDI with
hidden_alias(app, "start", up, _START)
app.command("versie")(version)
hidden_alias(app, "version", version)
app.add_typer(db_app, name="db")
app.add_typer(brp_app, name="brp")
app.add_typer(seed_app, name="genereren")
app.add_typer(seed_app, name="seed", hidden=True)
app.add_typer(org_app, name="org")
