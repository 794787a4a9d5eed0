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
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import service as brp_service
from opengdi.settings import Deployment, Settings
from opengdi.stelsel.digikoppeling import service
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant
from opengdi.stelsel.digikoppeling.client import client_assertion, token_request
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.oin import test_oin
from opengdi.stelsel.digikoppeling.organisaties import Organisatie

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


@asynccontextmanager
async def scratch_database(kind: str, folder: Path) -> AsyncIterator[Database]:
    """A new, empty database of ``kind`` (``sqlite``: a file in ``folder``; ``postgresql``: on the
    local server, dropped afterwards). The test is skipped when PostgreSQL is not reachable, or
    fails when ``GDI_TEST_REQUIRE_POSTGRES=1``."""
    if kind == "sqlite":
        url = f"sqlite+aiosqlite:///{folder / 'opengdi.db'}"
    else:
        try:
            url = await _create_postgres_database()
        except (OSError, asyncpg.PostgresError, TimeoutError) as error:
            message = f"PostgreSQL niet bereikbaar op {POSTGRES_ADMIN_URL} ({error}); PostgreSQL-tests overgeslagen"
            if REQUIRE_POSTGRES:
                pytest.fail(message)
            pytest.skip(message)
    database = Database(url)
    try:
        yield database
    finally:
        await database.dispose()
        if kind == "postgresql":
            await _drop_postgres_database(url)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Database]:
    """A migrated database, once per backend for the whole test session, with the test bronhouder
    registered (see :data:`BRONHOUDER`)."""
    async with scratch_database(request.param, tmp_path_factory.mktemp("db")) as db:
        await SAMENSTELLING.migraties().upgrade(db)
        await register_bronhouder(db)
        yield db


#: The OIN of the test deployment (the default setting): the source of the events tests record.
OIN = Settings.model_fields["oin"].default


def unit_of_work(database: Database) -> UnitOfWork:
    """A unit of work on ``database`` as the test deployment opens one."""
    return UnitOfWork(database, oin=OIN)


@pytest.fixture
async def empty_database(database: Database) -> Database:
    """The session database with an empty BRP."""
    async with unit_of_work(database) as uow:
        await brp_service.empty_brp(uow)
    return database


BASE_URL = "http://testserver"
#: The declarations of the test deployment's blocks, against which grants are checked.
CATALOGUS = Catalogus(tuple(SAMENSTELLING.registers()))
#: A test organisation holding every grant; its private key is kept for the whole session.
BRONHOUDER = test_oin(900_000_001)
_PRIVATE_KEYS: dict[str, str] = {}


def settings_for(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings of a test deployment whose data folder is ``tmp_path``."""
    return Settings(data_dir=tmp_path, public_url=BASE_URL, **overrides)


async def register_organisation(database: Database, organisatie: Organisatie, grants: list[Grant]) -> None:
    """Register an organisation with grants and a key pair (kept for :func:`obtain_token`)."""
    async with unit_of_work(database) as uow:
        await service.register(uow, organisatie)
        for grant in grants:
            await service.grant(uow, organisatie.oin, grant, CATALOGUS, SAMENSTELLING.beperkingen())
        _PRIVATE_KEYS[organisatie.oin], _kid = await service.create_credentials(uow, organisatie.oin)


async def revoke_organisation(database: Database, oin: str) -> bool:
    """Revoke an organisation through Digikoppeling's service; whether it was active."""
    async with unit_of_work(database) as uow:
        return await service.revoke(uow, oin)


#: Demo organisations registered in every test database, with their demo grants, by name.
DEMO_AFNEMERS = (
    "Gemeente Rotterdam",
    "Gemeente 's-Gravenhage",
    "Belastingdienst",
    "Provincie Zuid-Holland",
    "Hoogheemraadschap van Delfland",
    "Voorbeeld Software B.V.",
    "Autoriteit Persoonsgegevens",
    "Logius",
    "Rijksdienst voor Identiteitsgegevens (RvIG)",
    "Dienst Wegverkeer (RDW)",
)


def demo_afnemer(naam: str) -> Organisatie:
    """The demo organisation called ``naam``."""
    return next(item.organisatie for item in demo_organisaties(SAMENSTELLING) if item.organisatie.naam == naam)


async def register_bronhouder(database: Database) -> None:
    """The test bronhouder (every scope of every block, every operation and field) and the demo afnemers."""
    grants = [Grant(0, scope, "TEST", "Testen", frozenset({ALLES}), (ALLES,)) for scope in SAMENSTELLING.scopes()]
    await register_organisation(database, Organisatie(BRONHOUDER, "Testbronhouder", "zbo"), grants)
    for item in demo_organisaties(SAMENSTELLING):
        if item.organisatie.naam in DEMO_AFNEMERS:
            await register_organisation(database, item.organisatie, list(item.grants))


async def obtain_token(http: httpx.AsyncClient, oin: str, scope: str | None = None) -> str:
    """An access token of ``oin`` through the token endpoint (private_key_jwt)."""
    token_endpoint = f"{BASE_URL}/digikoppeling/oauth2/token"
    assertion = client_assertion(_PRIVATE_KEYS[oin], oin, token_endpoint)
    response = await http.post(token_endpoint, data=token_request(oin, assertion, scope))
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@asynccontextmanager
async def http_client(
    app: FastAPI,
    oin: str | None = None,
    client: tuple[str, int] = ("127.0.0.1", 50000),
) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on ``app``; with ``oin`` it carries an access token of that organisation."""
    transport = httpx.ASGITransport(app=app, client=client)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        if oin is not None:
            http.headers["Authorization"] = f"Bearer {await obtain_token(http, oin)}"
        yield http


@pytest.fixture
async def client(empty_database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the test bronhouder (every BRP operation and field), on an empty BRP."""
    async with http_client(create_app(settings_for(tmp_path), empty_database), BRONHOUDER) as http:
        yield http


@pytest.fixture
async def production_client(empty_database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client of the test bronhouder on an application configured for production."""
    app = create_app(settings_for(tmp_path, deployment=Deployment.PRODUCTIE), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        yield http


@pytest.fixture(autouse=True)
def _no_network_fetch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never reach outside the machine."""
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    yield
