# SPDX-License-Identifier: EUPL-1.2
"""``gdi db …``: migrations and their status."""

from __future__ import annotations

import typer

from opengdi.cli.common import console, run, with_database
from opengdi.kernel.db import Database
from opengdi.kernel.migrate import current_revision, head_revision
from opengdi.settings import get_settings

db_app = typer.Typer(help="De database: migraties en status.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Breng de database naar de nieuwste migratie."""
    settings = get_settings()

    async def work(database: Database) -> str | None:
        return await current_revision(database)

    revision = run(with_database(settings, work))
    console.print(f"Database {settings.effective_database_url} staat op migratie {revision}.")


@db_app.command("status")
def db_status() -> None:
    """Toon op welke migratie de database staat."""
    settings = get_settings()

    async def work() -> str | None:
        database = Database(settings.effective_database_url)
        try:
            return await current_revision(database)
        finally:
            await database.dispose()

    console.print(f"Database: {settings.effective_database_url}\nMigratie: {run(work())} (nieuwste: {head_revision()})")
