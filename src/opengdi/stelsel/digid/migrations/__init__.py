# SPDX-License-Identifier: EUPL-1.2
"""Alembic revisions (loaded by path by Alembic, which skips this file)."""
