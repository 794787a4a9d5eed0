# SPDX-License-Identifier: EUPL-1.2
"""A BAG holding the Kadaster's sample extract (Doesburg) and a little synthetic data, per backend,
in a database of its own; a client of an afnemer with a grant for scope ``bag``."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant
from opengdi.stelsel.digikoppeling.oin import test_oin
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import http_client, register_organisation, scratch_database, settings_for
from tests.registers.bag.helpers import load_bag

#: An afnemer allowed scope ``bag`` (and nothing else), and one allowed nothing of the BAG.
AFNEMER = test_oin(900_000_201)
ZONDER_BAG = test_oin(900_000_202)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def bag_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    """A migrated database of its own per backend, holding the sample extract and the synthetic
    data of :mod:`tests.registers.bag.helpers`, with the two afnemers registered."""
    async with scratch_database(request.param, tmp_path_factory.mktemp("bag")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        grant = Grant(0, "bag", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(AFNEMER, "BAG-afnemer", "zbo"), [grant])
        brp = Grant(0, "brp", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(ZONDER_BAG, "Zonder BAG", "zbo"), [brp])
        await load_bag(database)
        yield database


@pytest.fixture(scope="session")
async def bag_app(bag_database: Database, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The application on the BAG database."""
    return create_app(settings_for(tmp_path_factory.mktemp("bagapp")), bag_database)


@pytest.fixture
async def bag(bag_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the afnemer with scope ``bag``, asking for ``Accept-Crs: epsg:28992``."""
    async with http_client(bag_app, AFNEMER) as http:
        http.headers["Accept-Crs"] = "epsg:28992"
        yield http


@pytest.fixture
async def anoniem(bag_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client without any token."""
    async with http_client(bag_app) as http:
        yield http


@pytest.fixture
async def zonder_bag(bag_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an afnemer without a grant for the BAG."""
    async with http_client(bag_app, ZONDER_BAG) as http:
        yield http
