# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: autorisatiebesluiten carry the restrictions their building block declares.

``dk_autorisatie.alleen_eigen_gemeente`` (a BRP-only flag) becomes ``beperkingen`` (restriction
name → value). A grant that was limited to the organisation's own inhabitants becomes the BRP's
restriction ``{"gemeenteVanInschrijving": <the organisation's gemeentecode>}``; one whose
organisation has no gemeentecode could never allow anything (every request was refused) and is
revoked. Downgrading turns a ``gemeenteVanInschrijving`` restriction back into the flag (which
means the organisation's own municipality).

Revision ID: digikoppeling_0002
Revises: digikoppeling_0001
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "digikoppeling_0002"
down_revision = "digikoppeling_0001"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
GEMEENTE = "gemeenteVanInschrijving"

_autorisatie = sa.table(
    "dk_autorisatie",
    sa.column("id", sa.Integer()),
    sa.column("oin", sa.String()),
    sa.column("beperkingen", json_document),
    sa.column("alleen_eigen_gemeente", sa.Boolean()),
    sa.column("ingetrokken_op", sa.DateTime(timezone=True)),
)
_organisatie = sa.table("dk_organisatie", sa.column("oin", sa.String()), sa.column("gemeentecode", sa.String()))


def upgrade() -> None:
    op.add_column(
        "dk_autorisatie",
        sa.Column(
            "beperkingen",
            json_document,
            nullable=True,
            comment="beperkingen die de bouwsteen kent, naam → waarde",
        ),
    )
    connection = op.get_bind()
    op.execute(_autorisatie.update().values(beperkingen={}))
    eigen = connection.execute(
        sa.select(_autorisatie.c.id, _organisatie.c.gemeentecode)
        .join(_organisatie, _organisatie.c.oin == _autorisatie.c.oin)
        .where(_autorisatie.c.alleen_eigen_gemeente.is_(True))
    ).all()
    for grant_id, gemeentecode in eigen:
        this = _autorisatie.update().where(_autorisatie.c.id == grant_id)
        if gemeentecode:
            op.execute(this.values(beperkingen={GEMEENTE: gemeentecode}))
        else:  # it never allowed anything: revoked
            op.execute(this.where(_autorisatie.c.ingetrokken_op.is_(None)).values(ingetrokken_op=datetime.now(UTC)))
    with op.batch_alter_table("dk_autorisatie") as batch:
        batch.alter_column("beperkingen", existing_type=json_document, nullable=False)
        batch.drop_column("alleen_eigen_gemeente")


def downgrade() -> None:
    op.add_column("dk_autorisatie", sa.Column("alleen_eigen_gemeente", sa.Boolean(), nullable=True))
    connection = op.get_bind()
    op.execute(_autorisatie.update().values(alleen_eigen_gemeente=False))
    for grant_id, beperkingen in connection.execute(sa.select(_autorisatie.c.id, _autorisatie.c.beperkingen)).all():
        if (beperkingen or {}).get(GEMEENTE):
            op.execute(_autorisatie.update().where(_autorisatie.c.id == grant_id).values(alleen_eigen_gemeente=True))
    with op.batch_alter_table("dk_autorisatie") as batch:
        batch.alter_column("alleen_eigen_gemeente", existing_type=sa.Boolean(), nullable=False)
        batch.drop_column("beperkingen")
