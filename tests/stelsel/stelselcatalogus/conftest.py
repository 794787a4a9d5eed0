# SPDX-License-Identifier: EUPL-1.2
"""Clients for the Stelselcatalogus: the whole application without any token (the catalogue is
public), on SQLite and PostgreSQL; and its pages and API alone over made-up declarations."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

import httpx
import pytest
from fastapi import FastAPI

from opengdi.app import create_app
from opengdi.kernel.catalogus import Register
from opengdi.kernel.db import Database
from opengdi.stelsel.stelselcatalogus import adressen
from opengdi.stelsel.stelselcatalogus.api import stelselcatalogus_api
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from opengdi.stelsel.stelselcatalogus.paginas import stelselcatalogus_paginas
from tests.conftest import BASE_URL, http_client, settings_for


@pytest.fixture(scope="module")
async def anoniem(database: Database, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[httpx.AsyncClient]:
    """A client without a token on the application of the composition (authentication on)."""
    app = create_app(settings_for(tmp_path_factory.mktemp("stelselcatalogus")), database)
    async with http_client(app) as http:
        yield http


def catalogus_app(registers: Sequence[Register]) -> FastAPI:
    """The pages and the API of the Stelselcatalogus over ``registers``, mounted as the application does."""
    stelsel = Stelsel(registers)
    api, paginas = stelselcatalogus_api(stelsel), stelselcatalogus_paginas(stelsel)
    app = FastAPI()
    app.mount(adressen.API_BASIS, api.app)
    app.mount(api.prefix, api.app)
    app.router.routes.extend(paginas.routes())
    return app


def catalogus_client(registers: Sequence[Register]) -> httpx.AsyncClient:
    """A client on :func:`catalogus_app`."""
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=catalogus_app(registers)), base_url=BASE_URL)
