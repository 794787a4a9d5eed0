# SPDX-License-Identifier: EUPL-1.2
"""Alembic migrations of the whole deployment, run programmatically on the async engine.

The revisions live in ``kernel/migrations/versions`` with sequential ids (``0001``, ``0002``, …); the
same revisions run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from opengdi.kernel.db import Database

SCRIPT_LOCATION = "opengdi.kernel:migrations"


def alembic_config() -> Config:
    """An Alembic configuration pointing at the packaged revisions."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head_revision() -> str:
    """The newest revision id in the package."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise RuntimeError("geen migraties gevonden")
    return head


def _upgrade(connection: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def upgrade_to_head(database: Database) -> None:
    """Apply every migration that the database does not have yet."""
    async with database.engine.begin() as connection:
        await connection.run_sync(_upgrade)


async def current_revision(database: Database) -> str | None:
    """The revision the database is at, ``None`` when it was never migrated."""
    async with database.engine.connect() as connection:
        return await connection.run_sync(_current)
