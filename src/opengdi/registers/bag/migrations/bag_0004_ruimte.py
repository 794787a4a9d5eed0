# SPDX-License-Identifier: EUPL-1.2
"""BAG: the indexes of the searches by point and rectangle.

On PostgreSQL a GiST index on each voorkomen's bounding box as a ``box`` (core PostgreSQL, no
PostGIS needed), which a search by point or rectangle reads with ``&&``; on every backend a B-tree
on object type and the box's x range, which SQLite's search reads.

Revision ID: bag_0004
Revises: bag_0003
"""

from alembic import op

revision = "bag_0004"
down_revision = "bag_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_bag_voorkomen_bbox", "bag_voorkomen", ["objecttype", "min_x", "max_x"])
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_bag_voorkomen_vlak ON bag_voorkomen "
            "USING gist (box(point(min_x, min_y), point(max_x, max_y)))"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_bag_voorkomen_vlak")
    op.drop_index("ix_bag_voorkomen_bbox", table_name="bag_voorkomen")
