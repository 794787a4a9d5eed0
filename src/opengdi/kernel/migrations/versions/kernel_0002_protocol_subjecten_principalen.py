# SPDX-License-Identifier: EUPL-1.2
"""Kernel: the protocol keyed on (kind of subject, identifier), with the principal's kind and the
search parameters; the transaction log names the principal's kind.

``gdi_protocol_persoon(protocol_id, burgerservicenummer)`` becomes
``gdi_protocol_subject(protocol_id, soort, identificatie)``, every row carried over as a
``burgerservicenummer`` subject and the new table append-only like the old one. ``gdi_protocol``
gains the principal's kind (``afnemer_oin`` becomes ``afnemer_identificatie``), how it authenticated,
for whom it acted, and the search parameters; ``gdi_transactie.van_oin`` becomes ``van_identificatie``
beside ``van_soort``. Existing rows name an organisation.

Revision ID: kernel_0002
Revises: kernel_0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "kernel_0002"
down_revision = "kernel_0001"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
SUBJECT = "gdi_protocol_subject"
PERSOON = "gdi_protocol_persoon"


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _append_only(table: str) -> None:
    """The triggers that refuse updates and deletes (and TRUNCATE on PostgreSQL) of ``table``."""
    if _postgresql():
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION gdi_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION gdi_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} BEGIN "
            f"SELECT RAISE(ABORT, 'de protocollering is append-only: {event} op {table} geweigerd'); END"
        )


def _drop_append_only(table: str) -> None:
    if _postgresql():
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        return
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")


def _rename_column(table: str, old: str, new: str) -> None:
    op.drop_index(f"ix_{table}_{old}", table_name=table)
    op.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")
    op.create_index(f"ix_{table}_{new}", table, [new])


def _subject_table() -> None:
    op.create_table(
        SUBJECT,
        sa.Column("protocol_id", big_id, nullable=False),
        sa.Column("soort", sa.String(30), nullable=False, comment="burgerservicenummer, aNummer, …"),
        sa.Column("identificatie", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["protocol_id"], ["gdi_protocol.id"], name=f"fk_{SUBJECT}_protocol_id_gdi_protocol"),
        sa.PrimaryKeyConstraint("protocol_id", "soort", "identificatie", name=f"pk_{SUBJECT}"),
    )
    op.create_index(f"ix_{SUBJECT}_soort_identificatie", SUBJECT, ["soort", "identificatie"])
    op.execute(
        f"INSERT INTO {SUBJECT} (protocol_id, soort, identificatie) "
        f"SELECT protocol_id, 'burgerservicenummer', burgerservicenummer FROM {PERSOON}"
    )
    _drop_append_only(PERSOON)
    op.drop_table(PERSOON)
    _append_only(SUBJECT)


def _protocol_columns() -> None:
    _rename_column("gdi_protocol", "afnemer_oin", "afnemer_identificatie")
    columns = (
        sa.Column(
            "afnemer_soort", sa.String(20), nullable=True, comment="organisatie, natuurlijk_persoon, onderneming"
        ),
        sa.Column("authenticatie", sa.String(20), nullable=True, comment="token, certificaat, open, …"),
        sa.Column("namens_soort", sa.String(20), nullable=True, comment="voor wie de afnemer optrad"),
        sa.Column("namens_identificatie", sa.String(20), nullable=True),
        sa.Column("zoekvraag", json_document, nullable=True, comment="de zoekparameters van het verzoek"),
    )
    for column in columns:
        op.add_column("gdi_protocol", column)
    if _postgresql():
        op.execute("COMMENT ON COLUMN gdi_protocol.afnemer_identificatie IS 'OIN, BSN of KvK-nummer'")
    # The existing rows name organisations: the append-only triggers step aside for this one update.
    _drop_append_only("gdi_protocol")
    op.execute("UPDATE gdi_protocol SET afnemer_soort = 'organisatie' WHERE afnemer_identificatie IS NOT NULL")
    _append_only("gdi_protocol")


def _transaction_columns() -> None:
    _rename_column("gdi_transactie", "van_oin", "van_identificatie")
    op.add_column(
        "gdi_transactie",
        sa.Column("van_soort", sa.String(20), nullable=True, comment="organisatie, natuurlijk_persoon, onderneming"),
    )
    op.execute("UPDATE gdi_transactie SET van_soort = 'organisatie' WHERE van_identificatie IS NOT NULL")
    if _postgresql():
        op.execute("COMMENT ON COLUMN gdi_transactie.van_identificatie IS 'de afnemer (OIN, BSN of KvK-nummer)'")


def upgrade() -> None:
    _subject_table()
    _protocol_columns()
    _transaction_columns()


def downgrade() -> None:
    """Back to BSN-keyed persons (subjects of another kind are dropped) and OIN columns."""
    op.create_table(
        PERSOON,
        sa.Column("protocol_id", big_id, nullable=False),
        sa.Column("burgerservicenummer", sa.String(9), nullable=False),
        sa.ForeignKeyConstraint(["protocol_id"], ["gdi_protocol.id"], name=f"fk_{PERSOON}_protocol_id_gdi_protocol"),
        sa.PrimaryKeyConstraint("protocol_id", "burgerservicenummer", name=f"pk_{PERSOON}"),
    )
    op.create_index(f"ix_{PERSOON}_burgerservicenummer", PERSOON, ["burgerservicenummer"])
    op.execute(
        f"INSERT INTO {PERSOON} (protocol_id, burgerservicenummer) "
        f"SELECT protocol_id, identificatie FROM {SUBJECT} WHERE soort = 'burgerservicenummer'"
    )
    _drop_append_only(SUBJECT)
    op.drop_table(SUBJECT)
    _append_only(PERSOON)
    for column in ("afnemer_soort", "authenticatie", "namens_soort", "namens_identificatie", "zoekvraag"):
        op.execute(f"ALTER TABLE gdi_protocol DROP COLUMN {column}")
    _rename_column("gdi_protocol", "afnemer_identificatie", "afnemer_oin")
    op.execute("ALTER TABLE gdi_transactie DROP COLUMN van_soort")
    _rename_column("gdi_transactie", "van_identificatie", "van_oin")
