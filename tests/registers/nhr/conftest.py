# SPDX-License-Identifier: EUPL-1.2
"""A Handelsregister holding the KvK test environment's companies, per backend, in a database of
its own; a client of an afnemer with a grant for scope ``nhr``, and one without."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.db import Database
from opengdi.registers.nhr import service
from opengdi.registers.nhr.catalogus import RAADPLEGEN, ZOEKEN
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.oin import test_oin
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import http_client, register_organisation, scratch_database, settings_for, unit_of_work

#: An afnemer allowed scope ``nhr`` (and nothing else), one allowed only the BRP, and one allowed the
#: Handelsregister's public data but not its natural persons (operation ``personen``).
AFNEMER = test_oin(900_000_301)
ZONDER_NHR = test_oin(900_000_302)
ZONDER_PERSONEN = test_oin(900_000_303)
#: The root a KvK client is given: it calls ``{KVK}/v1/basisprofielen/…`` and ``{KVK}/v2/zoeken``.
KVK = "http://testserver/kvk/api"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def nhr_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    """A migrated database of its own per backend, holding the KvK's test companies, with the two
    afnemers registered."""
    async with scratch_database(request.param, tmp_path_factory.mktemp("nhr")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        grant = Grant(0, "nhr", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(AFNEMER, "KvK-afnemer", "zbo"), [grant])
        brp = Grant(0, "brp", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(ZONDER_NHR, "Zonder NHR", "zbo"), [brp])
        openbaar = Grant(0, "nhr", "TEST", "Testen", frozenset({RAADPLEGEN, ZOEKEN}), (ALLES,))
        await register_organisation(database, Organisatie(ZONDER_PERSONEN, "Zonder personen", "zbo"), [openbaar])
        async with unit_of_work(database) as uow:
            await service.load_testbedrijven(uow)
        yield database


@pytest.fixture(scope="session")
async def nhr_app(nhr_database: Database, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The application on the Handelsregister database."""
    return create_app(settings_for(tmp_path_factory.mktemp("nhrapp")), nhr_database)


@pytest.fixture
async def kvk(nhr_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the afnemer with scope ``nhr``, with the KvK root as its base URL and the headers
    Open Formulieren sends."""
    async with http_client(nhr_app, AFNEMER) as http:
        http.base_url = httpx.URL(f"{KVK}/")
        http.headers.update({"Accept": "application/hal+json", "Content-Type": "application/hal+json"})
        yield http
