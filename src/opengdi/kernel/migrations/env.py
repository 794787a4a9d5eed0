# SPDX-License-Identifier: EUPL-1.2
"""Alembic environment: runs the revisions on the connection handed over by ``kernel.migrate``."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the CLI always hands over a connection
    raise RuntimeError("Voer migraties uit met 'gdi db upgrade'.")
context.configure(connection=connection, render_as_batch=True, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
