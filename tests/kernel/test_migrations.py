# SPDX-License-Identifier: EUPL-1.2
"""Migration discipline: sequential revision ids, one head, and a schema that matches the models."""

from __future__ import annotations

import itertools

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from opengdi.kernel.db import Base, Database
from opengdi.kernel.migrate import alembic_config, head_revision
from opengdi.registers.brp import model  # noqa: F401  (registers the BRP tables on Base)


def test_revisions_are_numbered_in_sequence() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = sorted(script.walk_revisions(), key=lambda rev: rev.revision)
    assert [rev.revision for rev in revisions] == [f"{index:04d}" for index in range(1, len(revisions) + 1)]
    for previous, current in itertools.pairwise(revisions):
        assert current.down_revision == previous.revision
    assert script.get_heads() == [head_revision()]


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_the_migrated_schema_matches_the_models(database: Database) -> None:
    async with database.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []
