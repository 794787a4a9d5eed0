# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: organisations, keys, certificates, autorisatiebesluiten; protocollering
(append-only) and the transaction log.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

json_document = sa.JSON().with_variant(JSONB(), "postgresql")
big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
APPEND_ONLY = ("gdi_protocol", "gdi_protocol_persoon")


def _timestamp(name: str, nullable: bool = False, default: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), nullable=nullable, server_default=sa.func.now() if default else None
    )


def _register_tables() -> None:
    op.create_table(
        "dk_organisatie",
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column(
            "soort", sa.String(20), nullable=False, comment="gemeente, provincie, waterschap, ministerie, zbo, privaat"
        ),
        sa.Column("gemeentecode", sa.String(4), nullable=True, comment="GBA-gemeentecode (tabel 33) van een gemeente"),
        sa.Column("cbs_code", sa.String(6), nullable=True, comment="CBS-code, GM…/PV…"),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.PrimaryKeyConstraint("oin", name="pk_dk_organisatie"),
    )
    op.create_table(
        "dk_clientsleutel",
        sa.Column("kid", sa.String(100), nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("jwk", json_document, nullable=False),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_clientsleutel_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("kid", name="pk_dk_clientsleutel"),
    )
    op.create_index("ix_dk_clientsleutel_oin", "dk_clientsleutel", ["oin"])
    op.create_table(
        "dk_certificaat",
        sa.Column("vingerafdruk", sa.String(64), nullable=False, comment="SHA-256 van de DER-vorm, hex"),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("serienummer", sa.String(40), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        _timestamp("geldig_tot"),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_certificaat_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("vingerafdruk", name="pk_dk_certificaat"),
    )
    op.create_index("ix_dk_certificaat_oin", "dk_certificaat", ["oin"])
    op.create_table(
        "dk_autorisatie",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("bouwsteen", sa.String(40), nullable=False),
        sa.Column("doelbinding", sa.String(100), nullable=False, comment="code van het doel"),
        sa.Column("omschrijving", sa.String(200), nullable=False),
        sa.Column("operaties", json_document, nullable=False, comment="toegestane operaties; ['*'] = alle"),
        sa.Column("velden", json_document, nullable=False, comment="toegestane gegevens (fields-paden); ['*'] = alle"),
        sa.Column("alleen_eigen_gemeente", sa.Boolean(), nullable=False),
        _timestamp("aangemaakt_op", default=True),
        _timestamp("ingetrokken_op", nullable=True),
        sa.ForeignKeyConstraint(["oin"], ["dk_organisatie.oin"], name="fk_dk_autorisatie_oin_dk_organisatie"),
        sa.PrimaryKeyConstraint("id", name="pk_dk_autorisatie"),
    )
    op.create_index("ix_dk_autorisatie_oin", "dk_autorisatie", ["oin"])
    op.create_table(
        "dk_gebruikte_assertie",
        sa.Column("oin", sa.String(20), nullable=False),
        sa.Column("jti", sa.String(255), nullable=False),
        _timestamp("verloopt_op"),
        sa.PrimaryKeyConstraint("oin", "jti", name="pk_dk_gebruikte_assertie"),
    )
    op.create_index("ix_dk_gebruikte_assertie_verloopt_op", "dk_gebruikte_assertie", ["verloopt_op"])
    op.create_table(
        "dk_sleutelmateriaal",
        sa.Column("naam", sa.String(40), nullable=False, comment="'uitgifte' of 'ca'"),
        sa.Column("private_pem", sa.Text(), nullable=False),
        sa.Column("certificaat_pem", sa.Text(), nullable=True),
        _timestamp("aangemaakt_op", default=True),
        sa.PrimaryKeyConstraint("naam", name="pk_dk_sleutelmateriaal"),
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
    _register_tables()
    _log_tables()
    _append_only()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP FUNCTION IF EXISTS gdi_append_only()")
    for table in (
        "gdi_transactie",
        "gdi_protocol_persoon",
        "gdi_protocol",
        "dk_sleutelmateriaal",
        "dk_gebruikte_assertie",
        "dk_autorisatie",
        "dk_certificaat",
        "dk_clientsleutel",
        "dk_organisatie",
    ):
        op.drop_table(table)
