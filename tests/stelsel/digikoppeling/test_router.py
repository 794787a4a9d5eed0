# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling's routes are a module-level router: mounted alone in a FastAPI app that holds a
deployment context, they serve, and their domain errors are problem+json."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.context import Context, attach
from opengdi.kernel.db import Database
from opengdi.kernel.problems import install_problem_handlers
from opengdi.kernel.protocollering import ProtocolWriter
from opengdi.kernel.toegang import OpenToegang
from opengdi.stelsel.digikoppeling.api import digikoppeling_router
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever
from tests.conftest import BRONHOUDER, http_client, settings_for


def _router_alone(database: Database, tmp_path: Path) -> FastAPI:
    """A bare FastAPI app with only the Digikoppeling router, open access and Digikoppeling's policy."""
    settings = settings_for(tmp_path)
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(digikoppeling_router)
    beleid = DigikoppelingToegang(Uitgever(database, settings), SAMENSTELLING.registers())
    protocol, catalogus = ProtocolWriter(database), SAMENSTELLING.catalogus()
    attach(app, Context(settings, database, OpenToegang(), protocol, beleid=beleid, catalogus=catalogus))
    return app


async def test_the_router_serves_without_the_rest_of_the_application(database: Database, tmp_path: Path) -> None:
    async with http_client(_router_alone(database, tmp_path)) as http:
        found = await http.get(f"/organisaties/{BRONHOUDER}")
        missing = await http.get("/organisaties/00000001000000000000")
        metadata = await http.get("/.well-known/oauth-authorization-server")
    assert found.status_code == 200
    assert found.json()["oin"] == BRONHOUDER
    assert {grant["bouwsteen"] for grant in found.json()["autorisaties"]} >= {"brp", "digikoppeling"}
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert missing.json()["code"] == "notFound"
    assert missing.json()["detail"] == "Er is geen organisatie met OIN 00000001000000000000."
    assert {"brp", "brp.beheer", "digikoppeling", "protocollering"} <= set(metadata.json()["scopes_supported"])
