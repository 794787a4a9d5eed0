# SPDX-License-Identifier: EUPL-1.2
"""``gdi db …``: migrations and their status."""

from __future__ import annotations

import typer

from opengdi.bouwstenen import migraties
from opengdi.cli.common import console, run, with_database
from opengdi.kernel.db import Database
from opengdi.settings import get_settings

db_app = typer.Typer(help="De database: migraties en status.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste migratie."""
    settings = get_settings()

    async def work(database: Database) -> tuple[str, ...]:
        return await migraties().current(database)

    revisions = run(with_database(settings, work))
    console.print(f"Database {settings.effective_database_url} staat op migratie {', '.join(revisions)}.")


@db_app.command("status")
def db_status() -> None:
    """Toon op welke migratie de database staat."""
    settings = get_settings()

    async def work() -> tuple[str, ...]:
        database = Database(settings.effective_database_url)
        try:
            return await migraties().current(database)
        finally:
            await database.dispose()

    current = ", ".join(run(work())) or "geen"
    console.print(
        f"Database: {settings.effective_database_url}\nMigratie: {current} (nieuwste: {', '.join(migraties().heads())})"
    )
