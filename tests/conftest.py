# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: a migrated database per backend (SQLite always, PostgreSQL when reachable) and
an HTTP client on the application.

PostgreSQL tests use ``GDI_TEST_POSTGRES_URL`` (default: the local server as user postgres); each
test session creates its own scratch database there and drops it afterwards. Without a reachable
server those tests are skipped, unless ``GDI_TEST_REQUIRE_POSTGRES=1`` (CI) makes that an error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import delete
from sqlalchemy.engine import make_url

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.kernel.migrate import upgrade_to_head
from opengdi.registers.brp.model import PersoonslijstRow, VoorkomenRow
from opengdi.settings import Deployment, Settings

POSTGRES_ADMIN_URL = os.environ.get("GDI_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
REQUIRE_POSTGRES = os.environ.get("GDI_TEST_REQUIRE_POSTGRES") == "1"


def _asyncpg_dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def _create_postgres_database() -> str:
    name = f"opengdi_test_{uuid.uuid4().hex[:10]}"
    connection = await asyncpg.connect(_asyncpg_dsn(POSTGRES_ADMIN_URL), timeout=3)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


async def _drop_postgres_database(url: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(POSTGRES_ADMIN_URL), timeout=3)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Database]:
    """A migrated database, once per backend for the whole test session."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'opengdi.db'}"
    else:
        try:
            url = await _create_postgres_database()
        except (OSError, asyncpg.PostgresError, TimeoutError) as error:
            message = f"PostgreSQL niet bereikbaar op {POSTGRES_ADMIN_URL} ({error}); PostgreSQL-tests overgeslagen"
            if REQUIRE_POSTGRES:
                pytest.fail(message)
            pytest.skip(message)
    db = Database(url)
    await upgrade_to_head(db)
    yield db
    await db.dispose()
    if request.param == "postgresql":
        await _drop_postgres_database(url)


@pytest.fixture
async def empty_database(database: Database) -> Database:
    """The session database with an empty BRP."""
    async with database.session() as session:
        await session.execute(delete(VoorkomenRow))
        await session.execute(delete(PersoonslijstRow))
        await session.commit()
    return database


def test_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings of a test deployment whose data folder is ``tmp_path``."""
    return Settings(data_dir=tmp_path, **overrides)


@pytest.fixture
async def client(empty_database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the application, on an empty BRP."""
    app = create_app(test_settings(tmp_path), empty_database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def production_client(empty_database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on an application configured for production."""
    app = create_app(test_settings(tmp_path, deployment=Deployment.PRODUCTIE), empty_database)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        yield http


@pytest.fixture(autouse=True)
def _no_network_fetch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never reach outside the machine."""
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    yield
