# SPDX-License-Identifier: EUPL-1.2
"""``gdi db …``: migrations and their status."""

from __future__ import annotations

import typer

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.opdrachtregel import console, current_settings, database_label, hidden_alias, run, with_database

db_app = typer.Typer(help="De database: migraties en status.", no_args_is_help=True)


async def _revisions(database: Database) -> tuple[str, ...]:
    return await SAMENSTELLING.migraties().current(database)


@db_app.command("bijwerken")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste migratie."""
    settings = current_settings()
    revisions = run(with_database(settings, _revisions))
    console.print(
        f"Database {database_label(settings.effective_database_url)} staat op migratie {', '.join(revisions)}."
    )


@db_app.command("status")
def db_status() -> None:
    """Toon op welke migratie de database staat."""
    settings = current_settings()
    current = ", ".join(run(with_database(settings, _revisions, migrate=False))) or "geen"
    console.print(
        f"Database: {database_label(settings.effective_database_url)}\n"
        f"Migratie: {current} (nieuwste: {', '.join(SAMENSTELLING.migraties().heads())})"
    )


hidden_alias(db_app, "upgrade", db_upgrade)
