# SPDX-License-Identifier: EUPL-1.2
"""Migration discipline: each branch (the kernel and every block) numbered in sequence with one head,
a schema that matches the models, and databases of the old single-line history upgraded with every
row intact."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from opengdi.bouwstenen import BLOCKS, SAMENSTELLING
from opengdi.kernel.db import Base, Database
from opengdi.kernel.migrate import Migraties
from opengdi.stelsel.digikoppeling import organisaties
from tests.conftest import scratch_database

LEGACY_REVISIONS = Path(__file__).parent / "legacy_migrations"


def test_every_block_owns_a_branch_numbered_in_sequence() -> None:
    script = SAMENSTELLING.migraties().script()
    branches: dict[str, list[str]] = {}
    for revision in script.walk_revisions():
        prefix, _, number = revision.revision.rpartition("_")
        branches.setdefault(prefix, []).append(number)
        if revision.down_revision is None:
            assert revision.branch_labels == {prefix}
    assert set(branches) == {"kernel", *(block.code for block in BLOCKS if block.migraties)}
    for numbers in branches.values():
        assert sorted(numbers) == [f"{index:04d}" for index in range(1, len(numbers) + 1)]
    for revision in script.walk_revisions():
        if revision.down_revision is not None:
            prefix, _, number = revision.revision.rpartition("_")
            assert revision.down_revision == f"{prefix}_{int(number) - 1:04d}"
    assert len(script.get_heads()) == len(branches)


def test_the_kernel_migrates_only_kernel_tables() -> None:
    script = Migraties().script()
    assert {revision.revision.rpartition("_")[0] for revision in script.walk_revisions()} == {"kernel"}


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_the_migrated_schema_matches_the_models(database: Database) -> None:
    async with database.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert differences == []


@pytest.fixture(params=["sqlite", "postgresql"])
async def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A database that was never migrated."""
    async with scratch_database(request.param, tmp_path) as database:
        yield database


async def _migrate_legacy(database: Database, revision: str) -> None:
    """Bring ``database`` to ``revision`` of the old single line of migrations (0001, 0002)."""
    config = Migraties().config()
    config.set_main_option("version_locations", str(LEGACY_REVISIONS))

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(upgrade)


_ROWS = {
    "brp_persoonslijst": "INSERT INTO brp_persoonslijst (id, burgerservicenummer, overleden) "
    "VALUES (7, '999993653', false)",
    "brp_voorkomen": "INSERT INTO brp_voorkomen (persoonslijst_id, categorie, stapel, volgnummer, elementen) "
    'VALUES (7, \'01\', 1, 0, \'{"01.20": "999993653", "02.40": "Brăndus"}\')',
    "dk_organisatie": "INSERT INTO dk_organisatie (oin, naam, soort) VALUES ('00000099300000000001', 'Test', 'zbo')",
    "gdi_protocol": "INSERT INTO gdi_protocol (id, tijdstip, request_id, afnemer_naam, doelbinding, bouwsteen, "
    "operatie, gegevens) VALUES (3, :nu, 'r1', 'Test', 'TEST', 'brp', 'raadplegen', '[\"naam\"]')",
    "gdi_protocol_persoon": "INSERT INTO gdi_protocol_persoon (protocol_id, burgerservicenummer) "
    "VALUES (3, '999993653')",
}


#: Tables a later revision replaced, by their successor.
_RENAMED = {"gdi_protocol_persoon": "gdi_protocol_subject"}


async def test_a_database_at_the_old_head_upgrades_with_every_row_intact(fresh_database: Database) -> None:
    await _migrate_legacy(fresh_database, "0002")
    async with fresh_database.engine.begin() as connection:
        for statement in _ROWS.values():
            await connection.execute(text(statement), {"nu": datetime.now(UTC)})
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    assert await SAMENSTELLING.migraties().current(fresh_database) == SAMENSTELLING.migraties().heads()
    async with fresh_database.connect() as connection:
        for table in (_RENAMED.get(name, name) for name in _ROWS):
            assert await connection.scalar(text(f"SELECT count(*) FROM {table}")) == 1, table
        elementen = await connection.scalar(text("SELECT elementen FROM brp_voorkomen"))
        key = await connection.scalar(text("SELECT geslachtsnaam_diakrieten FROM brp_persoonslijst"))
        differences = await connection.run_sync(_differences)
    assert "999993653" in str(elementen)
    assert key == "brăndus"  # the new search key, filled from the stored voorkomen
    assert differences == []


async def test_a_database_at_the_first_old_revision_gets_the_newer_branches(fresh_database: Database) -> None:
    await _migrate_legacy(fresh_database, "0001")
    async with fresh_database.engine.begin() as connection:
        await connection.execute(text(_ROWS["brp_persoonslijst"]))
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    assert await SAMENSTELLING.migraties().current(fresh_database) == SAMENSTELLING.migraties().heads()
    async with fresh_database.connect() as connection:
        assert await connection.scalar(text("SELECT count(*) FROM brp_persoonslijst")) == 1
        assert await connection.scalar(text("SELECT count(*) FROM dk_organisatie")) == 0
        assert await connection.run_sync(_differences) == []


async def test_upgrading_twice_changes_nothing(fresh_database: Database) -> None:
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    first = await SAMENSTELLING.migraties().current(fresh_database)
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    assert await SAMENSTELLING.migraties().current(fresh_database) == first == SAMENSTELLING.migraties().heads()


async def _migrate_to(database: Database, revision: str) -> None:
    config = SAMENSTELLING.migraties().config()

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(upgrade)


_KERNEL_0001_ROWS = (
    "INSERT INTO gdi_protocol (id, tijdstip, request_id, afnemer_oin, afnemer_naam, doelbinding, bouwsteen, operatie, "
    "gegevens) VALUES (3, :nu, 'r1', '00000099300000000001', 'Test', 'TEST', 'brp', 'raadplegen', '[\"naam\"]')",
    "INSERT INTO gdi_protocol (id, tijdstip, request_id, afnemer_oin, afnemer_naam, doelbinding, bouwsteen, operatie, "
    "gegevens) VALUES (4, :nu, 'r2', NULL, 'open toegang', 'open', 'brp', 'raadplegen', '[]')",
    "INSERT INTO gdi_protocol_persoon (protocol_id, burgerservicenummer) VALUES (3, '999993653')",
    "INSERT INTO gdi_protocol_persoon (protocol_id, burgerservicenummer) VALUES (3, '999990019')",
    "INSERT INTO gdi_protocol_persoon (protocol_id, burgerservicenummer) VALUES (4, '999993653')",
    "INSERT INTO gdi_transactie (tijdstip, request_id, van_oin, naar, operatie, status, duur_ms, bytes_in, bytes_uit) "
    "VALUES (:nu, 'r1', '00000099300000000001', 'BRP API Personen', 'POST /personen', 200, 1.5, 10, 20)",
)


async def test_kernel_0002_carries_every_protocol_person_over_as_a_subject(fresh_database: Database) -> None:
    await _migrate_to(fresh_database, "kernel_0001")
    async with fresh_database.engine.begin() as connection:
        for statement in _KERNEL_0001_ROWS:
            await connection.execute(text(statement), {"nu": datetime.now(UTC)})
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    async with fresh_database.connect() as connection:
        subjects = (
            await connection.execute(
                text("SELECT protocol_id, soort, identificatie FROM gdi_protocol_subject ORDER BY 1, 3")
            )
        ).all()
        protocol = (
            await connection.execute(
                text("SELECT id, afnemer_soort, afnemer_identificatie, zoekvraag FROM gdi_protocol ORDER BY id")
            )
        ).all()
        transactie = (await connection.execute(text("SELECT van_soort, van_identificatie FROM gdi_transactie"))).all()
        differences = await connection.run_sync(_differences)
    assert [tuple(row) for row in subjects] == [
        (3, "burgerservicenummer", "999990019"),
        (3, "burgerservicenummer", "999993653"),
        (4, "burgerservicenummer", "999993653"),
    ]
    assert [tuple(row) for row in protocol] == [
        (3, "organisatie", "00000099300000000001", None),
        (4, None, None, None),
    ]
    assert [tuple(row) for row in transactie] == [("organisatie", "00000099300000000001")]
    assert differences == []
    for statement in (
        "UPDATE gdi_protocol_subject SET identificatie = 'x'",
        "DELETE FROM gdi_protocol_subject",
        "UPDATE gdi_protocol SET doelbinding = 'x'",
        "DELETE FROM gdi_protocol",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            async with fresh_database.engine.begin() as connection:
                await connection.execute(text(statement))


async def test_kernel_0002_downgrades_to_bsn_keyed_persons(fresh_database: Database) -> None:
    await _migrate_to(fresh_database, "kernel_0001")
    async with fresh_database.engine.begin() as connection:
        for statement in _KERNEL_0001_ROWS:
            await connection.execute(text(statement), {"nu": datetime.now(UTC)})
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    config = SAMENSTELLING.migraties().config()

    def downgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, "kernel_0001")

    async with fresh_database.engine.begin() as connection:
        await connection.run_sync(downgrade)
    async with fresh_database.connect() as connection:
        persons = await connection.scalar(text("SELECT count(*) FROM gdi_protocol_persoon"))
        oin = await connection.scalar(text("SELECT afnemer_oin FROM gdi_protocol WHERE id = 3"))
        van = await connection.scalar(text("SELECT van_oin FROM gdi_transactie"))
    assert (persons, oin, van) == (3, "00000099300000000001", "00000099300000000001")


_DIGIKOPPELING_0001_ROWS = (
    "INSERT INTO dk_organisatie (oin, naam, soort, gemeentecode) VALUES "
    "('00000099100000599000', 'Gemeente Rotterdam', 'gemeente', '0599'), "
    "('00000099300000000001', 'Dienst', 'zbo', NULL)",
    "INSERT INTO dk_autorisatie (id, oin, bouwsteen, doelbinding, omschrijving, operaties, velden, "
    "alleen_eigen_gemeente) VALUES "
    "(1, '00000099100000599000', 'brp', 'EIGEN', 'Eigen inwoners', '[\"*\"]', '[\"*\"]', true), "
    "(2, '00000099100000599000', 'brp', 'ALLE', 'Iedereen', '[\"*\"]', '[\"naam\"]', false), "
    "(3, '00000099300000000001', 'brp', 'ZONDER', 'Geen gemeente', '[\"*\"]', '[\"*\"]', true)",
)


async def _digikoppeling_0001_with_rows(database: Database) -> None:
    await _migrate_to(database, "digikoppeling_0001")
    async with database.engine.begin() as connection:
        for statement in _DIGIKOPPELING_0001_ROWS:
            await connection.execute(text(statement))


async def test_digikoppeling_0002_turns_eigen_gemeente_into_a_restriction(fresh_database: Database) -> None:
    await _digikoppeling_0001_with_rows(fresh_database)
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    async with fresh_database.session() as session:
        grants = {grant.id: grant for grant in await organisaties.grants_of(session, "00000099100000599000")}
        zonder = await organisaties.grants_of(session, "00000099300000000001")
        revoked = await session.scalar(text("SELECT ingetrokken_op FROM dk_autorisatie WHERE id = 3"))
    async with fresh_database.connect() as connection:
        differences = await connection.run_sync(_differences)
    assert grants[1].beperkingen == {"gemeenteVanInschrijving": "0599"}
    assert (grants[2].beperkingen, grants[2].velden) == ({}, ("naam",))
    assert zonder == [] and revoked is not None  # it never allowed anything
    assert differences == []


async def test_digikoppeling_0002_downgrades_to_the_flag(fresh_database: Database) -> None:
    await _digikoppeling_0001_with_rows(fresh_database)
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    config = SAMENSTELLING.migraties().config()

    def downgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, "digikoppeling_0001")

    async with fresh_database.engine.begin() as connection:
        await connection.run_sync(downgrade)
    async with fresh_database.connect() as connection:
        rows = (
            await connection.execute(text("SELECT id, alleen_eigen_gemeente FROM dk_autorisatie ORDER BY id"))
        ).all()
    assert [(row[0], bool(row[1])) for row in rows] == [(1, True), (2, False), (3, False)]


_BAG_0004_ROWS = (
    "INSERT INTO bag_zoekadres (nummeraanduiding, omschrijving, sorteersleutel) VALUES "
    "('0363200000000001', 'Snoekstraat 1, 1065TA Amsterdam', 'amsterdam snoekstraat 00001'), "
    "('0363200000000002', 'Zonder tokens 2, Amsterdam', 'amsterdam zonder 00002')",
    "INSERT INTO bag_zoekterm (term, nummeraanduiding, soort) VALUES "
    "('snoekstraat', '0363200000000001', 'p'), ('1065ta', '0363200000000001', 'p'), "
    "('amsterdam', '0363200000000001', 'p'), ('1', '0363200000000001', 'h')",
)


async def test_bag_0005_moves_the_tokens_of_indexed_addresses_into_the_search_address(
    fresh_database: Database,
) -> None:
    await _migrate_to(fresh_database, "bag_0004")
    async with fresh_database.engine.begin() as connection:
        for statement in _BAG_0004_ROWS:
            await connection.execute(text(statement))
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    async with fresh_database.connect() as connection:
        rows = (await connection.execute(text("SELECT zoektokens FROM bag_zoekadres ORDER BY 1 DESC"))).all()
        left = await connection.scalar(text("SELECT count(*) FROM bag_zoekterm"))
        differences = await connection.run_sync(_differences)
    tokens, empty = (row[0] for row in rows)
    assert sorted(tokens.split(" ")) == ["h1", "p1065ta", "pamsterdam", "psnoekstraat"]
    assert empty == ""
    assert left == (0 if fresh_database.dialect == "postgresql" else 4)  # PostgreSQL searches the GIN index
    assert differences == []


async def test_bag_0005_downgrades_to_the_token_table(fresh_database: Database) -> None:
    await _migrate_to(fresh_database, "bag_0004")
    async with fresh_database.engine.begin() as connection:
        for statement in _BAG_0004_ROWS:
            await connection.execute(text(statement))
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    config = SAMENSTELLING.migraties().config()

    def downgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, "bag_0004")

    async with fresh_database.engine.begin() as connection:
        await connection.run_sync(downgrade)
    async with fresh_database.connect() as connection:
        rows = (await connection.execute(text("SELECT term, soort FROM bag_zoekterm ORDER BY 1"))).all()
        columns = await connection.run_sync(
            lambda sync: [column["name"] for column in inspect(sync).get_columns("bag_zoekadres")]
        )
    assert [tuple(row) for row in rows] == [("1", "h"), ("1065ta", "p"), ("amsterdam", "p"), ("snoekstraat", "p")]
    assert "zoektokens" not in columns
