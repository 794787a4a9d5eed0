# SPDX-License-Identifier: EUPL-1.2
"""The request guard of every API: a NUL character anywhere is a 400 naming the parameter, and a body
above the bound is a 413, on both databases.

The operations and their string parameters are read from the OpenAPI documents the application
serves (``app.state.apis``), so a new operation or parameter is covered without touching this file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.routing import Match

from opengdi.app import create_app
from opengdi.kernel.api import NUL_CODE
from opengdi.kernel.db import Database
from opengdi.kernel.toegang import DOELBINDING_HEADER, GEBRUIKER_HEADER, VERWERKING_HEADER
from opengdi.kernel.transacties import REQUEST_ID_HEADER, find_rows
from tests.conftest import BRONHOUDER, http_client, settings_for

NUL_VALUE = "x\x00y"
Member = tuple[str | int, ...]
#: Headers every operation reads or stores (the stated doelbinding, verwerking and gebruiker go into
#: the protocol); the certificate header of the settings is added per application.
HEADERS = ("authorization", DOELBINDING_HEADER, VERWERKING_HEADER, GEBRUIKER_HEADER, REQUEST_ID_HEADER, "accept")


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of a served OpenAPI document."""

    method: str
    url: str  # path template under the API's base
    path_params: tuple[str, ...]
    query_params: tuple[str, ...]
    header_params: tuple[str, ...]
    json_members: tuple[Member, ...]
    form_fields: tuple[str, ...]
    integer_path_params: tuple[str, ...] = field(default=())

    def path(self, nul_in: str | None = None) -> str:
        """The path with every parameter filled in, ``nul_in`` with a NUL (percent-encoded)."""
        result = self.url
        for name in self.path_params:
            result = result.replace(f"{{{name}}}", "x%00y" if name == nul_in else "1")
        for name in self.integer_path_params:
            result = result.replace(f"{{{name}}}", "1")
        return result


class _Schemas:
    """Walks the schemas of one document to the string members of a JSON body."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, schema: dict[str, Any], seen: frozenset[str]) -> tuple[dict[str, Any], frozenset[str]]:
        while "$ref" in schema:
            ref = schema["$ref"]
            if ref in seen or not ref.startswith("#"):  # another document's (the WOZ's common parts): not walked
                return {}, seen
            seen = seen | {ref}
            target: Any = self.document
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            schema = target
        return schema, seen

    def is_string(self, schema: dict[str, Any], seen: frozenset[str] = frozenset()) -> bool:
        schema, seen = self.resolve(schema, seen)
        kind = schema.get("type")
        if kind == "string" or (isinstance(kind, list) and "string" in kind):
            return True
        return any(self.is_string(part, seen) for key in ("anyOf", "oneOf", "allOf") for part in schema.get(key, []))

    def members(
        self, schema: dict[str, Any], prefix: Member = (), seen: frozenset[str] = frozenset()
    ) -> Iterator[Member]:
        """Every path from the body's root to a string member."""
        schema, seen = self.resolve(schema, seen)
        if prefix and self.is_string(schema, seen):
            yield prefix
        for key in ("allOf", "anyOf", "oneOf"):
            for part in schema.get(key, []):
                yield from self.members(part, prefix, seen)
        for target in schema.get("discriminator", {}).get("mapping", {}).values():
            yield from self.members({"$ref": target}, prefix, seen)
        for name, child in schema.get("properties", {}).items():
            yield from self.members(child, (*prefix, name), seen)
        if isinstance(schema.get("items"), dict):
            yield from self.members(schema["items"], (*prefix, 0), seen)
        if isinstance(schema.get("additionalProperties"), dict):
            yield from self.members(schema["additionalProperties"], (*prefix, "x"), seen)


def operations(document: dict[str, Any], base: str) -> Iterator[Operation]:
    """The operations of one served OpenAPI document."""
    schemas = _Schemas(document)
    for url, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            resolved = (schemas.resolve(param, frozenset())[0] for param in operation.get("parameters", []))
            params = [param for param in resolved if "name" in param]
            by_place: dict[str, list[str]] = {"path": [], "query": [], "header": []}
            integer_path = []
            for param in params:
                if schemas.is_string(param.get("schema", {})):
                    by_place[param["in"]].append(param["name"])
                elif param["in"] == "path":
                    integer_path.append(param["name"])
            content = operation.get("requestBody", {}).get("content", {})
            json_schema = next((media["schema"] for kind, media in content.items() if "json" in kind), None)
            form_schema = content.get("application/x-www-form-urlencoded", {}).get("schema", {})
            yield Operation(
                method=method.upper(),
                url=base + url,
                path_params=tuple(by_place["path"]),
                query_params=tuple(by_place["query"]),
                header_params=tuple(by_place["header"]),
                json_members=tuple(dict.fromkeys(schemas.members(json_schema))) if json_schema else (),
                form_fields=tuple(name for name, child in form_schema.get("properties", {}).items()),
                integer_path_params=tuple(integer_path),
            )


def member_name(member: Member) -> str:
    """How the problem names a body member: ``a.b[0].c``, as Haal Centraal does."""
    name = ""
    for part in member:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def body_with(member: Member, value: Any) -> Any:
    """A JSON body holding only ``value`` at ``member``."""
    result = value
    for part in reversed(member):
        result = [result] if isinstance(part, int) else {part: result}
    return result


@dataclass(frozen=True, slots=True)
class Case:
    """One request with a NUL in one parameter, and the name the problem must give it."""

    operation: Operation
    name: str
    path: str
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    form: dict[str, str] | None = None

    async def send(self, http: httpx.AsyncClient) -> httpx.Response:
        kwargs: dict[str, Any] = {"params": self.params, "headers": self.headers}
        if self.json is not None:
            kwargs["json"] = self.json
        if self.form is not None:
            kwargs["data"] = self.form
        return await http.request(self.operation.method, self.path, **kwargs)


def cases(operation: Operation, extra_headers: tuple[str, ...]) -> Iterator[Case]:
    """A request per string parameter of ``operation``, with a NUL in that parameter."""
    plain = operation.path()
    for name in operation.path_params:
        yield Case(operation, name, operation.path(nul_in=name))
    for name in operation.query_params:
        yield Case(operation, name, plain, params={name: NUL_VALUE})
    for name in (*HEADERS, *extra_headers, *operation.header_params):
        yield Case(operation, name.lower(), plain, headers={name: NUL_VALUE})
    for member in operation.json_members:
        yield Case(operation, member_name(member), plain, json=body_with(member, NUL_VALUE))
    for name in operation.form_fields:
        yield Case(operation, name, plain, form={name: NUL_VALUE})


def _served(api: Any, operation: Operation) -> bool:
    """Whether the API routes the operation (a published document may declare operations Open GDI
    does not serve, such as the BRK's stukken; they answer 404 and are named in the docs)."""
    scope = {"type": "http", "path": operation.path().removeprefix(api.prefix), "method": operation.method}
    return any(route.matches(scope)[0] == Match.FULL for route in api.app.routes)


@pytest.fixture
async def app_client(empty_database: Database, tmp_path: Path) -> AsyncIterator[tuple[Any, httpx.AsyncClient]]:
    """The application and a client of the test bronhouder."""
    app = create_app(settings_for(tmp_path), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        yield app, http


async def test_a_nul_in_any_string_parameter_of_any_operation_is_a_400_naming_it(
    app_client: tuple[Any, httpx.AsyncClient],
) -> None:
    app, http = app_client
    certificate_header = app.state.context.settings.certificaat_header
    all_operations = [
        op for api in app.state.apis for op in operations(api.app.openapi(), api.prefix) if _served(api, op)
    ]
    all_cases = [case for op in all_operations for case in cases(op, (certificate_header,))]
    # each API names the offending parameters in the member of its own problem style, or (an API
    # with an error shape of its own, the KvK's) in the text of its answer
    styles = {api.prefix: api.app.state.probleemstijl for api in app.state.apis}
    wrong = []
    for case in all_cases:
        response = await case.send(http)
        problem = response.json() if response.headers.get("content-type") == "application/problem+json" else {}
        stijl = styles[max((prefix for prefix in styles if case.path.startswith(f"{prefix}/")), key=len)]
        named = {(item["name"], item["code"]) for item in problem.get(stijl.invalid_params, [])}
        if stijl.weergave is not None:
            named = {(case.name, NUL_CODE)} if f"ongeldig: {case.name}" in response.text else set()
        if response.status_code != 400 or (case.name, NUL_CODE) not in named:
            wrong.append((case.operation.method, case.path, case.name, response.status_code, response.text[:200]))
    assert not wrong, "\n".join(map(str, wrong))
    # the walk reached every kind of parameter the documents declare, the token endpoint included
    names = {(case.operation.url, case.name) for case in all_cases}
    assert ("/digikoppeling/oauth2/token", "client_assertion") in names
    assert ("/haalcentraal/api/brp/personen", "burgerservicenummer[0]") in names
    assert ("/haalcentraal/api/brp/personen", "geslachtsnaam") in names
    assert ("/brp/beheer/persoonslijsten/{burgerservicenummer}", "burgerservicenummer") in names
    assert ("/digikoppeling/protocollering", "bouwsteen") in names
    assert ("/digikoppeling/organisaties", "naam") in names


async def test_a_nul_in_a_json_member_name_is_named(client: httpx.AsyncClient) -> None:
    response = await client.post("/digikoppeling/organisaties", json={"naam": "x", "so\x00ort": "zbo"})
    assert response.status_code == 400
    assert [item["name"] for item in response.json()["invalidParams"]] == ["so\\u0000ort"]


async def test_every_parameter_with_a_nul_is_named_once(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/digikoppeling/organisaties/x%00", params={"soort": NUL_VALUE}, headers={DOELBINDING_HEADER: NUL_VALUE}
    )
    assert response.status_code == 400
    assert response.json()["detail"] == f"De foutieve parameter(s) zijn: oin, soort, {DOELBINDING_HEADER}."


async def test_an_escaped_backslash_before_u0000_is_no_nul(client: httpx.AsyncClient) -> None:
    """``\\\\u0000`` in JSON is the text backslash-u-0000, which PostgreSQL stores."""
    response = await client.post(
        "/digikoppeling/organisaties",
        content=b'{"naam": "Test \\\\u0000", "soort": "zbo", "oin": "00000001999999990000"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["naam"] == "Test \\u0000"


async def test_a_nul_leaves_the_transaction_log_writable(app_client: tuple[Any, httpx.AsyncClient]) -> None:
    app, http = app_client
    assert (await http.get("/digikoppeling/organisaties/x%00")).status_code == 400
    assert (await http.get("/digikoppeling/organisaties")).status_code == 200
    await app.state.transacties.flush()
    operaties = [row.operatie for row in await find_rows(app.state.context.database)]
    assert "GET /digikoppeling/organisaties/x\\u0000" in operaties


def _settings_with_bound(tmp_path: Path, bound: int) -> Any:
    return settings_for(tmp_path, max_body=bound)


async def test_a_body_above_the_bound_is_refused_by_its_length(empty_database: Database, tmp_path: Path) -> None:
    app = create_app(_settings_with_bound(tmp_path, 2048), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        small = await http.post("/brp/beheer/persoonslijsten", json={"persoonslijsten": []})
        large = await http.post("/brp/beheer/persoonslijsten", content=b" " * 2049)
    assert small.status_code == 201, small.text
    assert large.status_code == 413
    assert large.headers["content-type"] == "application/problem+json"
    assert large.json()["code"] == "payloadTooLarge"
    assert large.headers["api-version"] == "1.0.0"


async def test_a_streamed_body_above_the_bound_is_cut_off_unread(empty_database: Database, tmp_path: Path) -> None:
    app = create_app(_settings_with_bound(tmp_path, 4096), empty_database)
    pulled = []

    async def chunks() -> AsyncIterator[bytes]:
        for index in range(100):
            pulled.append(index)
            yield b" " * 1024

    async with http_client(app) as http:
        response = await http.post("/digikoppeling/oauth2/token", content=chunks())
    assert response.status_code == 413
    assert response.json()["status"] == 413
    assert len(pulled) <= 6  # four chunks fit, the fifth crosses the bound; the rest is never read


async def test_a_body_at_the_bound_passes(empty_database: Database, tmp_path: Path) -> None:
    app = create_app(_settings_with_bound(tmp_path, 1024), empty_database)
    body = b"grant_type=client_credentials&scope=" + b"x" * (1024 - 36)
    assert len(body) == 1024
    async with http_client(app) as http:
        response = await http.post(
            "/digikoppeling/oauth2/token", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
    assert response.status_code == 401  # read and answered by the token endpoint: no credentials
    assert response.json()["code"] == "invalid_client"
