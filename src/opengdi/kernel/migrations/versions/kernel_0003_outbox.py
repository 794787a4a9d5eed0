# SPDX-License-Identifier: EUPL-1.2
"""Kernel: the transactional outbox of events (``gdi_gebeurtenis``), one row per CloudEvent.

Revision ID: kernel_0003
Revises: kernel_0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "kernel_0003"
down_revision = "kernel_0002"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "gdi_gebeurtenis",
        sa.Column("volgnummer", big_id, autoincrement=True, nullable=False, comment="CloudEvents sequence"),
        sa.Column("id", sa.String(36), nullable=False, comment="CloudEvents id (UUIDv7)"),
        sa.Column("bron", sa.String(200), nullable=False, comment="CloudEvents source (URN)"),
        sa.Column("type", sa.String(200), nullable=False, comment="CloudEvents type"),
        sa.Column("subject", sa.String(200), nullable=True, comment="CloudEvents subject"),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False, comment="CloudEvents time (vastgelegd)"),
        sa.Column("datacontenttype", sa.String(100), nullable=False),
        sa.Column("data", json_document, nullable=False),
        sa.Column("extensies", json_document, nullable=False, comment="CloudEvents extension attributes"),
        sa.Column("ordeningssleutel", sa.String(200), nullable=False, comment="volgorde per onderwerp"),
        sa.Column(
            "afgeleverd_op",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="leeg zolang de gebeurtenis niet is afgeleverd",
        ),
        sa.PrimaryKeyConstraint("volgnummer", name="pk_gdi_gebeurtenis"),
        sa.UniqueConstraint("id", name="uq_gdi_gebeurtenis_id"),
    )
    op.create_index("ix_gdi_gebeurtenis_afgeleverd_op", "gdi_gebeurtenis", ["afgeleverd_op", "volgnummer"])
    op.create_index("ix_gdi_gebeurtenis_ordeningssleutel", "gdi_gebeurtenis", ["ordeningssleutel", "volgnummer"])


def downgrade() -> None:
    op.drop_table("gdi_gebeurtenis")
