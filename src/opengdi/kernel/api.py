# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules conventions shared by every building block.

- every response carries the ``API-Version`` header of the building block that answered;
- JSON is camelCase, UTF-8, rendered with orjson;
- no trailing slashes (the app does not redirect them);
- content negotiation as the Haal Centraal APIs do it: JSON in, JSON out, otherwise 406/415;
- no request body above the deployment's bound (413) and no NUL character in any parameter (400),
  checked once for every API by :class:`RequestGuardMiddleware`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any
from urllib.parse import parse_qsl

import orjson
from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opengdi.kernel.problems import HAAL_CENTRAAL, InvalidParam, Probleemstijl, Problem, bad_request, problem_response

JSON_UTF8 = "application/json; charset=utf-8"
#: The media type of HAL (JSON with ``_links`` and ``_embedded``), as the BAG API answers.
HAL_JSON = "application/hal+json"


def telemetry_options(enabled: bool) -> dict[str, Any]:
    """The options that switch FastAPI's own OpenTelemetry on (``enabled``: active when an
    OpenTelemetry provider is configured, FastAPI's default) or off, for ``FastAPI(**…)``.

    Off, a request skips FastAPI's check for configured providers (a few per cent of a lookup's
    CPU). An older FastAPI without native telemetry gets no option at all."""
    if enabled or not _has_native_telemetry():
        return {}
    return {"telemetry": {"tracing": False, "metrics": False, "logs": False}}


@cache
def _has_native_telemetry() -> bool:
    return "telemetry" in inspect.signature(FastAPI).parameters


class JsonResponse(Response):
    """A JSON response rendered by orjson, declared as UTF-8."""

    media_type = JSON_UTF8

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


class ApiVersionMiddleware:
    """Adds ``API-Version`` to each response, by the path prefix of the building block."""

    def __init__(self, app: ASGIApp, versions: Sequence[tuple[str, str]]) -> None:
        self.app = app
        self.versions = sorted(versions, key=lambda item: len(item[0]), reverse=True)

    def _version_for(self, path: str) -> str | None:
        for prefix, version in self.versions:
            if path.startswith(prefix):
                return version
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        version = self._version_for(scope["path"]) if scope["type"] == "http" else None
        if version is None:
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["API-Version"] = version
            await send(message)

        await self.app(scope, receive, send_with_version)


def _media_types(header: str) -> list[tuple[str, dict[str, str]]]:
    result = []
    for part in header.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        if not pieces[0]:
            continue
        params = {}
        for piece in pieces[1:]:
            key, _, value = piece.partition("=")
            params[key.strip().lower()] = value.strip().strip('"').lower()
        result.append((pieces[0].lower(), params))
    return result


def _is_utf8(params: dict[str, str]) -> bool:
    return params.get("charset", "utf-8") == "utf-8"


def negotiate_json(request: Request) -> None:
    """Refuse a request that does not send JSON (415) or does not accept JSON (406).

    An empty or absent ``Content-Type`` and ``Accept`` mean JSON in UTF-8.
    """
    content_type = request.headers.get("content-type", "").strip()
    if content_type:
        types = _media_types(content_type)
        if not types or types[0][0] != "application/json" or not _is_utf8(types[0][1]):
            raise Problem(
                status=415,
                title="Media Type wordt niet ondersteund.",
                code="unsupportedMediaType",
                detail=f"Ondersteunde content type: {JSON_UTF8}.",
            )
    negotiate_accept(request)


def api_base(request: Request) -> str:
    """The base URL of the API a request reached, as the client reached it: scheme, host and the
    path the API is mounted at (for links in answers that lead back to this deployment)."""
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}{root}"


def negotiate_accept(request: Request, accepted: Sequence[str] = ("application/json",)) -> None:
    """Refuse a request whose ``Accept`` allows none of the ``accepted`` media types (406), in UTF-8.

    An empty or absent ``Accept`` accepts anything; ``*/*`` and ``application/*`` accept every one.
    """
    accept = request.headers.get("accept", "").strip()
    if not accept:
        return
    kinds = {"*/*", "application/*", *accepted}
    if not any(media in kinds and _is_utf8(params) for media, params in _media_types(accept)):
        raise Problem(
            status=406,
            title="Gevraagde content type wordt niet ondersteund.",
            code="notAcceptable",
            detail=f"Ondersteunde content type: {', '.join(accepted)}.",
        )


#: The code and reason of a text value that holds a NUL character (which PostgreSQL cannot store).
NUL_CODE = "invalidCharacter"
NUL_REASON = "Waarde bevat een niet toegestaan teken (NUL, U+0000)."
_NUL = "\x00"
_FORM = "application/x-www-form-urlencoded"


def body_too_large(limit: int) -> Problem:
    """The 413 answer for a request body above ``limit`` bytes."""
    return Problem(
        status=413,
        title="Verzoek is te groot.",
        code="payloadTooLarge",
        detail=f"De body van het verzoek mag ten hoogste {limit} bytes zijn.",
    )


def _visible(text: str) -> str:
    return text.replace(_NUL, "\\u0000")


def _member_name(parent: str, key: str) -> str:
    return f"{parent}.{_visible(key)}" if parent else _visible(key)


def nul_members(value: Any, name: str = "") -> Iterator[str]:
    """The names (``a.b[0].c``, as Haal Centraal names members) of the JSON members holding a NUL."""
    if isinstance(value, str):
        if _NUL in value:
            yield name or "body"
    elif isinstance(value, dict):
        for key, item in value.items():
            member = _member_name(name, str(key))
            if _NUL in str(key):
                yield member
            else:
                yield from nul_members(item, member)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nul_members(item, f"{name or 'body'}[{index}]")


def _nul_fields(text: str) -> list[str]:
    pairs = parse_qsl(text, keep_blank_values=True)
    return list(dict.fromkeys(_visible(key) for key, value in pairs if _NUL in key + value))


def _mounted_style(routes: Sequence[BaseRoute], scope: Scope) -> Probleemstijl:
    """The problem style of the mounted API that ``scope`` reaches (the default when none)."""
    for route in routes:
        if isinstance(route, Mount) and route.matches(scope)[0] is not Match.NONE:
            stijl = getattr(getattr(route.app, "state", None), "probleemstijl", HAAL_CENTRAAL)
            return stijl if isinstance(stijl, Probleemstijl) else HAAL_CENTRAAL
    return HAAL_CENTRAAL


def _url(scope: Scope) -> str:
    """The request URL of ``scope``, NUL characters made visible."""
    return _visible(str(Request(scope).url))


def _route_params(routes: Sequence[BaseRoute], scope: Scope) -> dict[str, Any]:
    """The path parameters of the route that ``scope`` reaches (empty when none matches)."""
    for route in routes:
        match, child = route.matches(scope)
        if match is Match.NONE:
            continue
        if isinstance(route, Mount):
            return _route_params(route.routes, {**scope, **child})
        return dict(child.get("path_params", {}))
    return {}


def _nul_in_path(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    if _NUL not in scope["path"]:
        return []
    params = _route_params(routes, scope)
    names = [name for name, value in params.items() if isinstance(value, str) and _NUL in value]
    return names or ["path"]


def _nul_in_headers(scope: Scope) -> list[str]:
    return [name.decode("latin-1") for name, value in scope["headers"] if b"\x00" in name + value]


def _nul_in_body(body: bytes, content_type: str) -> list[str]:
    if content_type.split(";", maxsplit=1)[0].strip().lower() == _FORM:
        return _nul_fields(body.decode("utf-8", "replace")) if b"%00" in body or b"\x00" in body else []
    if b"\\u0000" not in body:
        return []  # a raw NUL byte is not JSON; the API refuses such a body itself
    try:
        return list(dict.fromkeys(nul_members(orjson.loads(body))))
    except orjson.JSONDecodeError:
        return []


class RequestGuardMiddleware:
    """Refuses, before any route sees it, what no route may receive.

    - a body above ``max_body`` bytes: 413, decided on ``Content-Length`` or, for a streamed body, as
      soon as the chunks read exceed the bound (the rest is never read);
    - a NUL character (U+0000, which PostgreSQL cannot store) in a path parameter, a query parameter,
      a header, a form field or a member of a JSON body: 400 naming each such parameter.

    ``routes`` are the application's routes, to name a path parameter.
    """

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute], max_body: int) -> None:
        self.app = app
        self.routes = routes
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            body = await self._read_body(headers, receive)
            self._check_nul(scope, headers, body)
        except Problem as problem:
            stijl = _mounted_style(self.routes, scope)
            instance = stijl.instance(_url(scope), _visible(scope["path"]))
            await problem_response(problem, instance, stijl)(scope, receive, send)
            return
        if body is None:
            await self.app(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read_body(self, headers: Headers, receive: Receive) -> bytes | None:
        """The whole body, or None when the request has none."""
        length = headers.get("content-length")
        if length is None and "transfer-encoding" not in headers:
            return None
        if length is not None and length.strip().isdigit() and int(length) > self.max_body:
            raise body_too_large(self.max_body)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise body_too_large(self.max_body)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    def _check_nul(self, scope: Scope, headers: Headers, body: bytes | None) -> None:
        names = _nul_in_path(self.routes, scope)
        query = scope.get("query_string", b"")
        if b"%00" in query or b"\x00" in query:
            names += _nul_fields(query.decode("latin-1"))
        names += _nul_in_headers(scope)
        if body:
            names += _nul_in_body(body, headers.get("content-type", ""))
        if names:
            raise bad_request(InvalidParam(name, NUL_CODE, NUL_REASON) for name in dict.fromkeys(names))
