# SPDX-License-Identifier: EUPL-1.2
"""BRP: search keys with diacritics kept (lower case), beside the folded ones, so that a search term
with a diacritic matches only names with that diacritic. Existing persoonslijsten get the new keys
from their actual voorkomens.

Revision ID: brp_0002
Revises: brp_0001
"""

import json
import unicodedata
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "brp_0002"
down_revision = "brp_0001"
branch_labels = None
depends_on = None

#: New column → (category, element) it is taken from, and its length.
_KEYS = {
    "geslachtsnaam_diakrieten": ("01", "02.40", 200),
    "voornamen_diakrieten": ("01", "02.10", 200),
    "voorvoegsel_diakrieten": ("01", "02.30", 10),
    "straat_diakrieten": ("08", "11.10", 80),
    "naam_openbare_ruimte_diakrieten": ("08", "11.15", 80),
}
_COMMENT = "zoeksleutel, met diakrieten"
_COMMENTS = {"geslachtsnaam_diakrieten": "zoeksleutel: kleine letters, met diakrieten"}
_BATCH = 5000


def _lowered(value: Any) -> str | None:
    return unicodedata.normalize("NFC", value).lower() if isinstance(value, str) and value else None


def _backfill() -> None:
    """The new keys of every stored persoonslijst, from its actual voorkomens, a window of ids at a time."""
    connection = op.get_bind()
    last = connection.execute(sa.text("SELECT max(id) FROM brp_persoonslijst")).scalar() or 0
    select = sa.text(
        "SELECT persoonslijst_id, categorie, elementen FROM brp_voorkomen WHERE stapel = 1 AND volgnummer = 0 "
        "AND categorie IN ('01', '08') AND persoonslijst_id BETWEEN :low AND :high"
    )
    assignments = ", ".join(f"{column} = :{column}" for column in _KEYS)
    update = sa.text(f"UPDATE brp_persoonslijst SET {assignments} WHERE id = :id")
    for low in range(1, last + 1, _BATCH):
        keys: dict[int, dict[str, Any]] = {}
        for pl_id, categorie, elementen in connection.execute(select, {"low": low, "high": low + _BATCH - 1}):
            values = json.loads(elementen) if isinstance(elementen, str) else elementen
            row = keys.setdefault(pl_id, {"id": pl_id, **dict.fromkeys(_KEYS)})
            for column, (source, element, length) in _KEYS.items():
                lowered = _lowered(values.get(element)) if source == categorie else None
                if lowered:
                    row[column] = lowered[:length]
        if keys:
            connection.execute(update, list(keys.values()))


def upgrade() -> None:
    with op.batch_alter_table("brp_persoonslijst") as table:
        for column, (_source, _element, length) in _KEYS.items():
            table.add_column(
                sa.Column(
                    column,
                    sa.String(length),
                    nullable=True,
                    comment=_COMMENTS.get(column, "zoeksleutel, met diakrieten"),
                )
            )
    _backfill()


def downgrade() -> None:
    with op.batch_alter_table("brp_persoonslijst") as table:
        for column in _KEYS:
            table.drop_column(column)
