# SPDX-License-Identifier: EUPL-1.2
"""BAG: the index that backs collections paged in the database.

A collection (the openbare ruimten of a woonplaats, the nummeraanduidingen of an openbare ruimte,
the verblijfsobjecten of a pand) starts from the objects that refer to one object: the reference
index now holds the referring identificatie too, so the candidates are read from the index alone.

Revision ID: bag_0002
Revises: bag_0001
"""

from alembic import op

revision = "bag_0002"
down_revision = "bag_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_bag_relatie_doel", table_name="bag_relatie")
    op.create_index("ix_bag_relatie_doel", "bag_relatie", ["doel", "soort", "identificatie"])


def downgrade() -> None:
    op.drop_index("ix_bag_relatie_doel", table_name="bag_relatie")
    op.create_index("ix_bag_relatie_doel", "bag_relatie", ["doel", "soort"])
