# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules conventions shared by every building block.

- every response carries the ``API-Version`` header of the building block that answered;
- JSON is camelCase, UTF-8, rendered with orjson;
- no trailing slashes (the app does not redirect them);
- content negotiation as the Haal Centraal APIs do it: JSON in, JSON out, otherwise 406/415.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opengdi.kernel.problems import Problem

JSON_UTF8 = "application/json; charset=utf-8"


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
    accept = request.headers.get("accept", "").strip()
    if accept:
        acceptable = any(
            media in ("*/*", "application/*", "application/json") and _is_utf8(params)
            for media, params in _media_types(accept)
        )
        if not acceptable:
            raise Problem(
                status=406,
                title="Gevraagde content type wordt niet ondersteund.",
                code="notAcceptable",
                detail=f"Ondersteunde content type: {JSON_UTF8}.",
            )
