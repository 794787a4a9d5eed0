# SPDX-License-Identifier: EUPL-1.2
"""Handelsregister: the postbusnummer of a vestiging's correspondentieadres as a search column, so
that KvK Zoeken by postbus finds its candidates by index in a country of enterprises.

Revision ID: nhr_0003
Revises: nhr_0002
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "nhr_0003"
down_revision = "nhr_0002"
branch_labels = None
depends_on = None


def _postbusnummer(gegevens: str | dict[str, Any]) -> int | None:
    document: dict[str, Any] = json.loads(gegevens) if isinstance(gegevens, str) else gegevens
    for adres in document.get("adressen", ()):
        if adres.get("postbusnummer") is not None:
            return int(adres["postbusnummer"])
    return None


def upgrade() -> None:
    op.add_column(
        "nhr_vestiging",
        sa.Column("postbusnummer", sa.Integer(), nullable=True, comment="van het correspondentieadres"),
    )
    op.create_index("ix_nhr_vestiging_postbusnummer", "nhr_vestiging", ["postbusnummer"])
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT vestigingsnummer, gegevens FROM nhr_vestiging WHERE CAST(gegevens AS TEXT) LIKE '%postbusnummer%'"
        )
    ).all()
    for vestigingsnummer, gegevens in rows:
        bind.execute(
            sa.text("UPDATE nhr_vestiging SET postbusnummer = :nummer WHERE vestigingsnummer = :vestiging"),
            {"nummer": _postbusnummer(gegevens), "vestiging": vestigingsnummer},
        )


def downgrade() -> None:
    op.drop_index("ix_nhr_vestiging_postbusnummer", "nhr_vestiging")
    op.drop_column("nhr_vestiging", "postbusnummer")
