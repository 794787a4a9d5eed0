# SPDX-License-Identifier: EUPL-1.2
"""Kernel: the protocollering (append-only) and the transaction log.

Revision ID: kernel_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "kernel_0001"
down_revision = None
branch_labels = ("kernel",)
depends_on = None
#: A database at revision 0002 of the single-line history (before each block owned its migrations)
#: already holds these tables.
legacy = "0002"

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
APPEND_ONLY = ("gdi_protocol", "gdi_protocol_persoon")


def _timestamp(name: str, nullable: bool = False, default: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), nullable=nullable, server_default=sa.func.now() if default else None
    )


def _log_tables() -> None:
    op.create_table(
        "gdi_protocol",
        sa.Column("id", big_id, autoincrement=True, nullable=False),
        _timestamp("tijdstip"),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("afnemer_oin", sa.String(20), nullable=True),
        sa.Column("afnemer_naam", sa.String(200), nullable=False),
        sa.Column("eindgebruiker", sa.String(200), nullable=True),
        sa.Column("verwerking", sa.String(242), nullable=True),
        sa.Column("doelbinding", sa.String(100), nullable=False),
        sa.Column("bouwsteen", sa.String(40), nullable=False),
        sa.Column("operatie", sa.String(80), nullable=False),
        sa.Column("gegevens", json_document, nullable=False, comment="de geleverde (gevraagde) gegevens"),
        sa.PrimaryKeyConstraint("id", name="pk_gdi_protocol"),
    )
    for column in ("tijdstip", "request_id", "afnemer_oin"):
        op.create_index(f"ix_gdi_protocol_{column}", "gdi_protocol", [column])
    op.create_table(
        "gdi_protocol_persoon",
        sa.Column("protocol_id", big_id, nullable=False),
        sa.Column("burgerservicenummer", sa.String(9), nullable=False),
        sa.ForeignKeyConstraint(
            ["protocol_id"], ["gdi_protocol.id"], name="fk_gdi_protocol_persoon_protocol_id_gdi_protocol"
        ),
        sa.PrimaryKeyConstraint("protocol_id", "burgerservicenummer", name="pk_gdi_protocol_persoon"),
    )
    op.create_index("ix_gdi_protocol_persoon_burgerservicenummer", "gdi_protocol_persoon", ["burgerservicenummer"])
    op.create_table(
        "gdi_transactie",
        sa.Column("id", big_id, autoincrement=True, nullable=False),
        _timestamp("tijdstip"),
        sa.Column("request_id", sa.String(128), nullable=False),
        sa.Column("van_oin", sa.String(20), nullable=True, comment="de afnemer, als die bekend is"),
        sa.Column("naar", sa.String(80), nullable=False, comment="de API die antwoordde"),
        sa.Column("operatie", sa.String(200), nullable=False),
        sa.Column("status", sa.SmallInteger(), nullable=False),
        sa.Column("duur_ms", sa.Float(), nullable=False),
        sa.Column("bytes_in", sa.Integer(), nullable=False),
        sa.Column("bytes_uit", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_gdi_transactie"),
    )
    op.create_index("ix_gdi_transactie_tijdstip", "gdi_transactie", ["tijdstip"])
    op.create_index("ix_gdi_transactie_van_oin", "gdi_transactie", ["van_oin"])


def _append_only() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION gdi_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'de protocollering is append-only: % op % geweigerd', TG_OP, TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION gdi_append_only()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION gdi_append_only()"
            )
        return
    for table in APPEND_ONLY:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, 'de protocollering is append-only: {event} op {table} geweigerd'); END"
            )


def upgrade() -> None:
    _log_tables()
    _append_only()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS gdi_append_only()")
    for table in ("gdi_transactie", "gdi_protocol_persoon", "gdi_protocol"):
        op.drop_table(table)
