# SPDX-License-Identifier: EUPL-1.2
"""Security measures of every HTTP answer: security headers, CORS and the body read timeout.

:func:`install_security` puts them in front of the whole application:

- every answer carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``,
  ``Referrer-Policy: no-referrer`` and a Content-Security-Policy: HTML (the documentation pages)
  may load scripts, styles and images from the GDI itself only, with no inline script; anything else
  may load nothing; a page that sets its own policy keeps it (the web pages of
  :class:`~opengdi.kernel.blocks.Paginas` use :data:`PAGES_CSP`). Answers that set no
  ``Cache-Control`` of their own get ``no-store``, so no cache keeps personal data;
- CORS is off unless ``GDI_CORS_ORIGINS`` lists the origins that may call the APIs from a browser;
- a request whose body stalls (no data for ``GDI_TIMEOUT_BODY`` seconds) gets 408 problem+json and
  its connection is closed: reading the body raises :class:`BodyTimeout`, which the problem handlers
  answer like any HTTP error. Timeouts on the request line and headers are the server's task
  (:mod:`opengdi.kernel.verbindingen`).
"""

from __future__ import annotations

import asyncio
import logging

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from opengdi.kernel.problems import Problem, problem_response

logger = logging.getLogger("opengdi.beveiliging")

#: What an HTML page (the interactive documentation) may load: only the GDI's own files.
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: What a web page for people (:class:`~opengdi.kernel.blocks.Paginas`, e.g. the Stelselcatalogus) may
#: load: style sheets and images of the GDI itself, no script at all; its forms go to the GDI itself.
#: The page sets it on its answer (the documentation pages' policy forbids forms).
PAGES_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: What any other answer (JSON, problem+json, scripts, style sheets) may load: nothing.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
TIMEOUT_TITLE = "Het verzoek is niet op tijd ontvangen."
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
#: Headers a browser may read from a cross-origin answer when CORS is on.
CORS_EXPOSED_HEADERS = ["API-Version", "X-Request-ID", "Location"]
CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def add_security_headers(headers: MutableHeaders) -> None:
    """Add the security headers to an answer's ``headers``, keeping any it already sets."""
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)
    is_html = headers.get("content-type", "").startswith("text/html")
    headers.setdefault("Content-Security-Policy", DOCS_CSP if is_html else API_CSP)
    headers.setdefault("Cache-Control", "no-store")


class BodyTimeout(HTTPException):
    """Raised where the application reads a request body that stalled; answered with 408 and a closed
    connection by the problem handlers (or by :class:`SecurityMiddleware` when no handler took it)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            status_code=408,
            detail=f"De body van het verzoek stokte langer dan {seconds:g} seconden.",
            headers={"Connection": "close"},
        )


#: The parts of a refused CORS preflight, as Starlette names them, in Dutch.
_CORS_FAILURES = {"origin": "origin", "method": "methode", "headers": "headers", "private-network": "privénetwerk"}


class ProblemCorsMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as problem+json."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = Headers(scope=scope) if scope["type"] == "http" else None
        if headers is None or scope["method"] != "OPTIONS" or "access-control-request-method" not in headers:
            await super().__call__(scope, receive, send)
            return
        response = self.preflight_response(request_headers=headers)
        if response.status_code == 400:
            response = _refused_preflight(response, scope["path"])
        await response(scope, receive, send)


def _refused_preflight(response: Response, path: str) -> Response:
    failures = bytes(response.body).decode().removeprefix("Disallowed CORS ").split(", ")
    problem = Problem(
        status=400,
        title="Dit cross-origin verzoek is niet toegestaan.",
        code="corsNotAllowed",
        detail="Niet toegestaan: " + ", ".join(_CORS_FAILURES.get(item, item) for item in failures) + ".",
    )
    refused = problem_response(problem, path)
    if "vary" in response.headers:
        refused.headers["Vary"] = response.headers["vary"]
    return refused


class SecurityMiddleware:
    """Security headers on every answer, and :class:`BodyTimeout` for a request body that stalls."""

    def __init__(self, app: ASGIApp, body_timeout: float) -> None:
        self.app = app
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        exchange = _Exchange(scope, receive, send, self.body_timeout)
        try:
            await self.app(scope, exchange.receive, exchange.send)
        except BodyTimeout as timeout:
            if not exchange.response_started:
                await _timeout_response(timeout, scope["path"])(scope, receive, exchange.send)


def _timeout_response(timeout: BodyTimeout, path: str) -> Response:
    headers = dict(timeout.headers or {})
    problem = Problem(status=timeout.status_code, title=TIMEOUT_TITLE, code="requestTimeout", headers=headers)
    return problem_response(problem, path)


class _Exchange:
    """One request: its body read under a timeout, its answer given the security headers."""

    def __init__(self, scope: Scope, receive: Receive, send: Send, body_timeout: float) -> None:
        self.scope = scope
        self._receive = receive
        self._send = send
        self.body_timeout = body_timeout
        self.body_complete = False
        self.response_started = False

    async def receive(self) -> Message:
        if self.body_complete:
            return await self._receive()
        try:
            async with asyncio.timeout(self.body_timeout):
                message = await self._receive()
        except TimeoutError:
            logger.warning("request_body_timeout path=%s seconds=%g", self.scope.get("path"), self.body_timeout)
            raise BodyTimeout(self.body_timeout) from None
        if message["type"] != "http.request" or not message.get("more_body", False):
            self.body_complete = True
        return message

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.response_started = True
            add_security_headers(MutableHeaders(scope=message))
        await self._send(message)


def install_security(app: FastAPI, cors_origins: list[str], body_timeout: float) -> None:
    """Put the security headers, the body timeout and (when origins are given) CORS in front of ``app``.

    Call it after every other middleware is added, so that it wraps them all and its headers are on
    their answers too.
    """
    if cors_origins:
        app.add_middleware(
            ProblemCorsMiddleware,
            allow_origins=cors_origins,
            allow_methods=CORS_METHODS,
            allow_headers=["*"],
            expose_headers=CORS_EXPOSED_HEADERS,
            max_age=600,
        )
    app.add_middleware(SecurityMiddleware, body_timeout=body_timeout)
