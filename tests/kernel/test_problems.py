# SPDX-License-Identifier: EUPL-1.2
"""Every problem+json of every API names the real parameter, in Dutch, with a fitting code."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.kernel.problems import (
    HAAL_CENTRAAL,
    REASONS,
    InvalidParam,
    Probleemstijl,
    Problem,
    bad_request,
    parameter_name,
)
from tests.conftest import BRONHOUDER, http_client, settings_for

LIJST = "/digikoppeling/organisaties"
AUTORISATIES = f"/digikoppeling/organisaties/{BRONHOUDER}/autorisaties"


@pytest.fixture
async def app_client(empty_database: Database, tmp_path: Path) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The application and a client of the test bronhouder."""
    app = create_app(settings_for(tmp_path), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        yield app, http


def _json_operations(apis: list[Any]) -> list[tuple[str, str]]:
    """(method, path) of every operation of every served document that takes a JSON body."""
    result = []
    for api in apis:
        for url, item in api.app.openapi()["paths"].items():
            for method, operation in item.items():
                content = operation.get("requestBody", {}).get("content", {})
                if any("json" in kind for kind in content):
                    result.append((method.upper(), api.prefix + url.replace("{oin}", BRONHOUDER)))
    return result


def _params(response: httpx.Response) -> list[tuple[str, str, str]]:
    """The offending parameters of a problem, from the member the API's document names them in
    (``invalidParams`` in the Haal Centraal shape, ``invalid-params`` in the BAG API's)."""
    assert response.headers["content-type"] == "application/problem+json"
    member = "invalid-params" if response.url.path.startswith("/lvbag/") else "invalidParams"
    return [(item["name"], item["code"], item["reason"]) for item in response.json()[member]]


@pytest.mark.parametrize("body", [b"{bad", b'{"naam": "x",}', b"[1, 2", b"\xff"])
async def test_invalid_json_names_the_body_never_a_position(
    app_client: tuple[FastAPI, httpx.AsyncClient], body: bytes
) -> None:
    app, client = app_client
    operations = _json_operations(app.state.apis)
    assert ("POST", "/haalcentraal/api/brp/personen") in operations and ("POST", LIJST) in operations
    for method, path in operations:
        response = await client.request(method, path, content=body, headers={"content-type": "application/json"})
        assert response.status_code == 400, (path, response.text)
        assert _params(response) == [("body", "object", "Waarde is geen geldig JSON object.")], path
        assert response.json()["detail"] == "De foutieve parameter(s) zijn: body.", path
        assert response.json()["title"] == "Een of meerdere parameters zijn niet correct."


async def test_a_body_that_is_no_object_names_the_body(client: httpx.AsyncClient) -> None:
    for path in ("/haalcentraal/api/brp/personen", LIJST, "/brp/beheer/persoonslijsten"):
        response = await client.post(path, json=[1])
        assert response.status_code == 400
        assert [(name, code) for name, code, _ in _params(response)] == [("body", "object")], path


async def test_an_array_item_is_named_by_its_index(client: httpx.AsyncClient) -> None:
    body = {"bouwsteen": "brp", "doelbinding": "X", "omschrijving": "x", "operaties": ["*"], "velden": ["naam", 1]}
    response = await client.post(AUTORISATIES, json=body)
    assert _params(response) == [("velden[1]", "string", REASONS["string"])]


async def test_a_query_parameter_that_is_no_moment_is_named(client: httpx.AsyncClient) -> None:
    response = await client.get("/digikoppeling/protocollering", params={"vanaf": "gisteren", "limit": "veel"})
    assert _params(response) == [
        ("vanaf", "dateTime", "Waarde is geen geldig tijdstip."),
        ("limit", "integer", "Waarde is geen geldige integer."),
    ]


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/digikoppeling/nergens", 404, "notFound"),
        ("PUT", LIJST, 405, "methodNotAllowed"),
        ("GET", "/brp/beheer/persoonslijsten/999999999", 404, "notFound"),
    ],
)
async def test_http_errors_are_dutch_problems_with_a_detail(
    client: httpx.AsyncClient, method: str, path: str, status: int, code: str
) -> None:
    response = await client.request(method, path)
    body = response.json()
    assert (response.status_code, body["status"], body["code"]) == (status, status, code)
    assert response.headers["content-type"] == "application/problem+json"
    assert body["title"].endswith(".") and body["detail"].endswith(".")


@pytest.mark.parametrize(
    ("location", "name"),
    [
        (("naam",), "naam"),
        (("velden", 0), "velden[0]"),
        (("persoonslijsten", 0, "01", 2, "01.20"), "persoonslijsten[0].01[2].01.20"),
    ],
)
def test_parameter_names_are_written_as_haal_centraal_does(location: tuple[str | int, ...], name: str) -> None:
    assert parameter_name(location) == name


def test_no_reason_text_has_a_hyphenated_json_object() -> None:
    assert not [reason for reason in REASONS.values() if "JSON-" in reason or not reason.endswith(".")]


def test_an_api_may_write_its_problems_in_a_style_of_its_own() -> None:
    problem = Problem(status=404, title="Opgevraagde resource bestaat niet.", code="notFound")
    bad = bad_request([InvalidParam.of("page", "minimum", minimum=1)])
    default = bad.as_json("/pad")
    assert "invalidParams" in default and "detail" not in problem.as_json("/pad")
    stijl = Probleemstijl(invalid_params="invalid-params", detail_altijd=True, instance_url=True)
    assert bad.as_json("x", stijl)["invalid-params"] == default["invalidParams"]
    assert "invalidParams" not in bad.as_json("x", stijl)
    assert problem.as_json("x", stijl)["detail"] == problem.title
    assert stijl.instance("http://host/pad?a=1", "/pad") == "http://host/pad?a=1"
    assert HAAL_CENTRAAL.instance("http://host/pad?a=1", "/pad") == "/pad"
