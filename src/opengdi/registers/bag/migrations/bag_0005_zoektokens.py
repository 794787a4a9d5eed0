# SPDX-License-Identifier: EUPL-1.2
"""BAG: the free-text search reads one GIN index on PostgreSQL.

Each search address now carries its tokens in one column (``zoektokens``: each token prefixed by
how it matches, ``p`` or ``h``, separated by spaces). On PostgreSQL a GIN index on those tokens as a
``tsvector`` answers every term of a question in one index scan, prefix matches included (``:*``),
and ``bag_zoekterm`` is emptied (about three quarters of the index's size); on SQLite the token
table stays the index. Tokens already indexed move into the column.

Revision ID: bag_0005
Revises: bag_0004
"""

import sqlalchemy as sa
from alembic import op

revision = "bag_0005"
down_revision = "bag_0004"
branch_labels = None
depends_on = None

#: The expression the index holds and the search matches against (``model.ZOEKVECTOR``).
_ZOEKVECTOR = "array_to_tsvector(string_to_array(zoektokens, ' '))"


def _postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def upgrade() -> None:
    op.add_column("bag_zoekadres", sa.Column("zoektokens", sa.Text(), nullable=False, server_default=""))
    if _postgresql():
        op.execute(
            "UPDATE bag_zoekadres a SET zoektokens = t.tokens FROM ("
            "SELECT nummeraanduiding, string_agg(soort || term, ' ' ORDER BY soort, term) AS tokens "
            "FROM bag_zoekterm GROUP BY nummeraanduiding) t WHERE a.nummeraanduiding = t.nummeraanduiding"
        )
        op.execute("TRUNCATE bag_zoekterm")
        op.execute(f"CREATE INDEX ix_bag_zoekadres_zoektokens ON bag_zoekadres USING gin ({_ZOEKVECTOR})")
    else:
        op.execute(
            "UPDATE bag_zoekadres SET zoektokens = coalesce((SELECT group_concat(soort || term, ' ') "
            "FROM bag_zoekterm t WHERE t.nummeraanduiding = bag_zoekadres.nummeraanduiding), '')"
        )


def downgrade() -> None:
    if _postgresql():
        op.execute(
            "INSERT INTO bag_zoekterm (term, nummeraanduiding, soort) "
            "SELECT DISTINCT substr(token, 2), nummeraanduiding, substr(token, 1, 1) "
            "FROM bag_zoekadres, unnest(string_to_array(zoektokens, ' ')) AS token"
        )
        op.execute("DROP INDEX ix_bag_zoekadres_zoektokens")
    with op.batch_alter_table("bag_zoekadres") as batch:
        batch.drop_column("zoektokens")
