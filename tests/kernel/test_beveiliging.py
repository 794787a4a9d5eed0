# SPDX-License-Identifier: EUPL-1.2
"""Security headers on every kind of answer, and CORS: off by default, on for the configured origins."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import orjson
import pytest
from starlette.types import Message, Receive, Scope, Send

from opengdi.app import create_app
from opengdi.kernel.beveiliging import API_CSP, DOCS_CSP, SecurityMiddleware
from opengdi.kernel.db import Database
from opengdi.settings import Settings
from tests.conftest import BRONHOUDER, http_client, settings_for

PERSONEN = "/haalcentraal/api/brp/personen"
QUERY = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["000000024"], "fields": ["naam"]}
PORTAAL = "https://portaal.example.nl"


def _assert_security_headers(response: httpx.Response, csp: str = API_CSP) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["content-security-policy"] == csp
    assert "frame-ancestors 'none'" in csp


async def test_an_api_answer_with_personal_data_carries_the_security_headers_and_is_not_stored(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(PERSONEN, json=QUERY)
    assert response.status_code == 200
    _assert_security_headers(response)
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("POST", PERSONEN, 400), ("GET", PERSONEN, 405), ("GET", "/bestaat-niet", 404), ("GET", "/brp/beheer/x", 404)],
)
async def test_a_problem_answer_carries_the_security_headers(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path, json={})
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    _assert_security_headers(response)
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("path", ["/", "/_status"])
async def test_the_index_and_status_carry_the_security_headers(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    _assert_security_headers(response)


@pytest.mark.parametrize("prefix", ["/haalcentraal/api/brp", "/brp/beheer", "/digikoppeling"])
async def test_a_docs_page_may_load_only_its_own_files(client: httpx.AsyncClient, prefix: str) -> None:
    page = await client.get(f"{prefix}/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    _assert_security_headers(page, DOCS_CSP)
    assert "script-src 'self';" in DOCS_CSP and "unsafe-inline" not in DOCS_CSP
    assert "<script>" not in page.text  # every script is a file of the server's own


async def test_the_docs_files_are_served_by_the_api_itself_and_may_be_cached(client: httpx.AsyncClient) -> None:
    script = await client.get("/haalcentraal/api/brp/docs/swagger-ui-bundle.js")
    style = await client.get("/digikoppeling/docs/swagger-ui.css")
    unknown = await client.get("/digikoppeling/docs/index.html")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert script.headers["content-type"].startswith("text/javascript")
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
    assert script.headers["cache-control"] == style.headers["cache-control"] == "public, max-age=86400"
    _assert_security_headers(script)
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"


async def test_a_docs_page_names_no_outside_address(client: httpx.AsyncClient) -> None:
    page = await client.get("/haalcentraal/api/brp/docs")
    document = (await client.get("/haalcentraal/api/brp/openapi.json")).json()
    assert "http://" not in page.text and "https://" not in page.text
    assert 'lang="nl"' in page.text and 'data-openapi-url="/haalcentraal/api/brp/openapi.json"' in page.text
    assert "<img" not in document["info"]["description"]


async def test_cors_is_off_by_default(client: httpx.AsyncClient) -> None:
    simple = await client.post(PERSONEN, json=QUERY, headers={"Origin": PORTAAL})
    preflight = await client.options(PERSONEN, headers={"Origin": PORTAAL, "Access-Control-Request-Method": "POST"})
    assert simple.status_code == 200
    for response in (simple, preflight):
        assert not [name for name in response.headers if name.lower().startswith("access-control-")]


@pytest.fixture
async def cors_client(empty_database: Database, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """A client on an application that allows the origin :data:`PORTAAL`."""
    app = create_app(settings_for(tmp_path, cors_origins=f"{PORTAAL}, http://localhost:3000"), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        yield http


async def test_cors_allows_a_configured_origin(cors_client: httpx.AsyncClient) -> None:
    preflight = await cors_client.options(
        PERSONEN,
        headers={
            "Origin": PORTAAL,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    answer = await cors_client.post(PERSONEN, json=QUERY, headers={"Origin": PORTAAL})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == PORTAAL
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    _assert_security_headers(preflight)
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == PORTAAL
    assert "API-Version" in answer.headers["access-control-expose-headers"]


async def test_cors_refuses_an_origin_that_is_not_configured(cors_client: httpx.AsyncClient) -> None:
    preflight = await cors_client.options(
        PERSONEN, headers={"Origin": "https://kwaadwillend.example", "Access-Control-Request-Method": "POST"}
    )
    answer = await cors_client.post(PERSONEN, json=QUERY, headers={"Origin": "https://kwaadwillend.example"})
    assert preflight.status_code == 400
    assert preflight.headers["content-type"] == "application/problem+json"
    assert (preflight.json()["code"], preflight.json()["detail"]) == ("corsNotAllowed", "Niet toegestaan: origin.")
    assert preflight.json()["instance"] == PERSONEN
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize(
    "value", ["portaal.example.nl", "https://portaal.example.nl/", "ftp://x.nl", "https://a.nl/pad"]
)
def test_a_cors_setting_that_is_not_an_origin_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="geen origin"):
        Settings(cors_origins=value)


async def _stalled_body() -> Message:
    await asyncio.sleep(3600)
    raise AssertionError("niet bereikt")


async def test_a_stalled_body_read_outside_any_handler_still_gets_408() -> None:
    async def bare_app(_scope: Scope, receive: Receive, _send: Send) -> None:
        await receive()

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {"type": "http", "method": "POST", "path": "/ergens", "headers": []}
    await SecurityMiddleware(bare_app, body_timeout=0.05)(scope, _stalled_body, send)
    start, body = sent
    headers = dict(start["headers"])
    assert start["status"] == 408
    assert (headers[b"content-type"], headers[b"connection"]) == (b"application/problem+json", b"close")
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert orjson.loads(body["body"])["code"] == "requestTimeout"


async def test_the_body_timeout_does_not_apply_once_the_body_is_in() -> None:
    received: list[Message] = []
    messages = iter([{"type": "http.request", "body": b"{}", "more_body": False}])

    async def receive() -> Message:
        message = next(messages, None)
        if message is None:
            await asyncio.sleep(0.2)  # longer than the timeout: waiting for a disconnect is not a stalled body
            return {"type": "http.disconnect"}
        return message

    async def app(_scope: Scope, receive: Receive, send: Send) -> None:
        received.extend([await receive(), await receive()])
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {"type": "http", "method": "POST", "path": "/ergens", "headers": []}
    await SecurityMiddleware(app, body_timeout=0.05)(scope, receive, send)
    assert [message["type"] for message in received] == ["http.request", "http.disconnect"]
    assert sent[0]["status"] == 204
