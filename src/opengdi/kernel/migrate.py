# SPDX-License-Identifier: EUPL-1.2
"""Alembic migrations of a deployment, run programmatically on the async engine.

The kernel owns the migrations of its own tables (``kernel/migrations/versions``); every building
block owns those of its tables, in a ``migrations`` package of its own that its declaration names.
Each is an Alembic branch (``kernel_0001``, ``brp_0001``, …, sequential within the branch), and a
deployment is at its newest migration when every branch is at its head. The same revisions run on
SQLite and PostgreSQL.

Databases created before the blocks owned their migrations carry a revision of the old single line
(``0001``, ``0002``). A block's first revision says with ``legacy = "000N"`` from which old revision on
its tables exist; such a database is stamped accordingly, with every row intact, and upgraded from
there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from opengdi.kernel.db import Database

SCRIPT_LOCATION = "opengdi.kernel:migrations"
KERNEL_REVISIONS = "opengdi.kernel.migrations.versions"
_LEGACY_REVISION = re.compile(r"^[0-9]{4}$")


class Migraties:
    """The migrations of a deployment: the kernel's and those of each enabled building block."""

    def __init__(self, packages: Sequence[str] = ()) -> None:
        self.packages = (KERNEL_REVISIONS, *packages)

    def config(self) -> Config:
        """An Alembic configuration over every revision folder."""
        config = Config()
        config.set_main_option("script_location", SCRIPT_LOCATION)
        config.set_main_option("path_separator", "os")
        config.set_main_option("version_locations", os.pathsep.join(str(files(package)) for package in self.packages))
        return config

    def script(self) -> ScriptDirectory:
        """The revisions of every branch."""
        return ScriptDirectory.from_config(self.config())

    def heads(self) -> tuple[str, ...]:
        """The newest revision of each branch, sorted."""
        return tuple(sorted(self.script().get_heads()))

    async def upgrade(self, database: Database) -> None:
        """Apply every migration that the database does not have yet."""
        async with database.engine.begin() as connection:
            await connection.run_sync(self._upgrade)

    async def current(self, database: Database) -> tuple[str, ...]:
        """The revisions the database is at (one per branch), empty when it was never migrated."""
        async with database.engine.connect() as connection:
            return await connection.run_sync(_current)

    def _upgrade(self, connection: Connection) -> None:
        config = self.config()
        config.attributes["connection"] = connection
        legacy = [revision for revision in _current(connection) if _LEGACY_REVISION.fullmatch(revision)]
        if legacy:
            command.stamp(config, self._replacing(max(legacy)), purge=True)
        command.upgrade(config, "heads")

    def _replacing(self, old: str) -> list[str]:
        """The first revisions of the branches whose tables a database at old revision ``old`` holds."""
        return [
            script.revision
            for script in self.script().walk_revisions()
            if (since := getattr(script.module, "legacy", None)) is not None and since <= old
        ]


def _current(connection: Connection) -> tuple[str, ...]:
    return tuple(sorted(MigrationContext.configure(connection).get_current_heads()))
