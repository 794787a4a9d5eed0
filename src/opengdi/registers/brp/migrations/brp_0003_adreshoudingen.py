# SPDX-License-Identifier: EUPL-1.2
"""BRP: adreshoudingen, every stay of a person at an adresseerbaar object with the days it possibly
and certainly held (for BRP Bewoning), indexed by adresseerbaar object. Existing persoonslijsten
get theirs from their verblijfplaats voorkomens, derived as every later write derives them
(:mod:`opengdi.registers.brp.adreshouding`).

Revision ID: brp_0003
Revises: brp_0002
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.repository import adreshouding_rows

revision = "brp_0003"
down_revision = "brp_0002"
branch_labels = None
depends_on = None

_BATCH = 5000


def _create() -> sa.Table:
    return op.create_table(
        "brp_adreshouding",
        sa.Column("persoonslijst_id", sa.Integer(), nullable=False),
        sa.Column("volgnummer", sa.SmallInteger(), nullable=False, comment="het voorkomen van categorie 08"),
        sa.Column("adresseerbaar_object_identificatie", sa.String(16), nullable=False, comment="08.11.80"),
        sa.Column("nummeraanduiding_identificatie", sa.String(16), nullable=True, comment="08.11.90"),
        sa.Column("gemeente_van_inschrijving", sa.String(4), nullable=True, comment="08.09.10"),
        sa.Column("begin_vroegst", sa.Date(), nullable=False),
        sa.Column("begin_zeker", sa.Date(), nullable=False),
        sa.Column("einde_vroegst", sa.Date(), nullable=False),
        sa.Column("einde_zeker", sa.Date(), nullable=False),
        sa.Column("in_onderzoek", sa.Boolean(), nullable=False, comment="adreshouding of identificatie in onderzoek"),
        sa.ForeignKeyConstraint(
            ["persoonslijst_id"],
            ["brp_persoonslijst.id"],
            ondelete="CASCADE",
            name="fk_brp_adreshouding_persoonslijst_id_brp_persoonslijst",
        ),
        sa.PrimaryKeyConstraint("persoonslijst_id", "volgnummer", name="pk_brp_adreshouding"),
    )


def _backfill(table: sa.Table) -> None:
    """The adreshoudingen of every stored persoonslijst, a window of ids at a time."""
    connection = op.get_bind()
    last = connection.execute(sa.text("SELECT max(id) FROM brp_persoonslijst")).scalar() or 0
    select = sa.text(
        "SELECT persoonslijst_id, categorie, stapel, volgnummer, elementen FROM brp_voorkomen "
        "WHERE categorie IN ('06', '07', '08') AND persoonslijst_id BETWEEN :low AND :high"
    )
    for low in range(1, last + 1, _BATCH):
        per_lijst: dict[int, list[Voorkomen]] = {}
        for pl_id, categorie, stapel, volgnummer, elementen in connection.execute(
            select, {"low": low, "high": low + _BATCH - 1}
        ):
            values: dict[str, Any] = json.loads(elementen) if isinstance(elementen, str) else elementen
            per_lijst.setdefault(pl_id, []).append(Voorkomen(categorie, stapel, volgnummer, values))
        ids = sorted(per_lijst)
        rows = adreshouding_rows(ids, [Persoonslijst.from_voorkomens(per_lijst[pl_id], pl_id) for pl_id in ids])
        if rows:
            connection.execute(sa.insert(table), rows)


def upgrade() -> None:
    table = _create()
    op.create_index(
        "ix_brp_adreshouding_adresseerbaar_object_identificatie",
        "brp_adreshouding",
        ["adresseerbaar_object_identificatie"],
    )
    _backfill(table)


def downgrade() -> None:
    op.drop_table("brp_adreshouding")
