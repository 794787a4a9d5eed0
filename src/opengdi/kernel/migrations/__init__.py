# SPDX-License-Identifier: EUPL-1.2
"""Alembic environment and revisions of Open GDI."""
