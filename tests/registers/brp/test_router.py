# SPDX-License-Identifier: EUPL-1.2
"""The BRP's routes are module-level routers: mounted alone in a FastAPI app that holds a deployment
context, they serve, and their domain errors are problem+json."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import APIRouter, FastAPI

from opengdi.kernel.context import Context, attach
from opengdi.kernel.db import Database
from opengdi.kernel.problems import install_problem_handlers
from opengdi.kernel.protocollering import ProtocolWriter
from opengdi.kernel.toegang import OpenToegang
from opengdi.registers.brp import service
from opengdi.registers.brp.api import beheer_router, personen_router
from tests.conftest import http_client, settings_for, unit_of_work

#: A persoonslijst in the import format of the beheer API.
PERSOONSLIJST = {"01": [{"01.20": "999993653", "02.40": "Moulin", "03.10": "19851201", "04.10": "V"}]}


@asynccontextmanager
async def _alone(router: APIRouter, database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on a bare FastAPI app with only ``router``, open access, and its protocol writer."""
    protocol = ProtocolWriter(database)
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(router)
    attach(app, Context(settings_for(tmp_path), database, OpenToegang(), protocol))
    try:
        async with http_client(app) as http:
            yield http
    finally:
        await protocol.close()


async def test_the_beheer_router_serves_alone(empty_database: Database, tmp_path: Path) -> None:
    async with _alone(beheer_router, empty_database, tmp_path) as http:
        loaded = await http.post("/persoonslijsten", json={"persoonslijsten": [PERSOONSLIJST]})
        shown = await http.get("/persoonslijsten/999993653")
        missing = await http.get("/persoonslijsten/999990019")
    assert loaded.status_code == 201
    assert loaded.json() == {"burgerservicenummers": ["999993653"]}
    assert shown.status_code == 200
    assert shown.json()["persoonslijsten"][0]["01"][0]["02.40"] == "Moulin"
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert missing.json()["detail"] == "Er is geen persoonslijst met burgerservicenummer 999990019."


async def test_the_personen_router_serves_alone(empty_database: Database, tmp_path: Path) -> None:
    async with unit_of_work(empty_database) as uow:
        await service.import_persoonslijsten(uow, {"persoonslijsten": [PERSOONSLIJST]})
    vraag = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": ["geslacht"]}
    async with _alone(personen_router, empty_database, tmp_path) as http:
        found = await http.post("/personen", json=vraag)
        refused = await http.post("/personen", json={**vraag, "fields": []})
    assert found.status_code == 200
    assert found.json()["personen"][0]["geslacht"]["code"] == "V"
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "fields"
