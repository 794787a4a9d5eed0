# SPDX-License-Identifier: EUPL-1.2
"""BAG: the index of the free-text address search (``/adressen/zoek``).

``bag_zoekadres`` holds each current address once (its description, its sort key) and
``bag_zoekterm`` its search tokens; both are derived from the voorkomens and rebuilt after every
levering (``gdi bag zoekindex`` rebuilds them by hand). Text is compared by code point on
PostgreSQL too (collation "C"), so a range of the primary key finds the tokens with a prefix.

Revision ID: bag_0003
Revises: bag_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "bag_0003"
down_revision = "bag_0002"
branch_labels = None
depends_on = None


def _text(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "bag_zoekadres",
        sa.Column("nummeraanduiding", sa.String(16), nullable=False),
        sa.Column("omschrijving", sa.String(300), nullable=False),
        sa.Column("sorteersleutel", _text(300), nullable=False),
        sa.PrimaryKeyConstraint("nummeraanduiding", name="pk_bag_zoekadres"),
    )
    op.create_index("ix_bag_zoekadres_sorteersleutel", "bag_zoekadres", ["sorteersleutel"])
    op.create_table(
        "bag_zoekterm",
        sa.Column("term", _text(80), nullable=False),
        sa.Column("nummeraanduiding", sa.String(16), nullable=False),
        sa.Column("soort", sa.String(1), nullable=False, comment="p: op begin, h: alleen heel"),
        sa.PrimaryKeyConstraint("term", "nummeraanduiding", "soort", name="pk_bag_zoekterm"),
    )
    op.create_index("ix_bag_zoekterm_nummeraanduiding", "bag_zoekterm", ["nummeraanduiding", "term"])


def downgrade() -> None:
    op.drop_table("bag_zoekterm")
    op.drop_table("bag_zoekadres")
