# SPDX-License-Identifier: EUPL-1.2
"""Limits on the connections of the HTTP server (uvicorn), against slow or stalled clients.

uvicorn closes a connection that stays idle between requests (``timeout_keep_alive``), but it
waits for ever on a request line and headers that arrive slowly (each byte resets its idle timer),
and with httptools it sets no bound on their size. :class:`HttpToolsGuardedProtocol` adds both: a
connection that has not delivered a complete request head within ``GDI_TIMEOUT_HEADERS`` seconds,
counted from its opening or from the end of the previous answer, gets a 408 problem+json and is
closed; a request head above :data:`MAX_HEADER_BYTES` gets a 431 problem+json; a request the parser
refuses gets a 400 problem+json (instead of uvicorn's plain text), all with the security headers. :func:`server_options`
gives ``uvicorn.run`` this protocol and the keep-alive timeout. A stalled request *body* is the
application's to cut off (:mod:`opengdi.kernel.beveiliging`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from opengdi.kernel.beveiliging import API_CSP, SECURITY_HEADERS, TIMEOUT_TITLE
from opengdi.kernel.problems import PROBLEM_JSON, Problem
from opengdi.settings import Settings, get_settings

#: The largest request line plus headers a client may send.
MAX_HEADER_BYTES = 32 * 1024


def _raw_problem(problem: Problem, reason: str) -> bytes:
    body = orjson.dumps({key: value for key, value in problem.as_json("").items() if key != "instance"})
    headers = {
        "Content-Type": PROBLEM_JSON,
        "Content-Length": str(len(body)),
        "Connection": "close",
        **SECURITY_HEADERS,
        "Content-Security-Policy": API_CSP,
        "Cache-Control": "no-store",
    }
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 {problem.status} {reason}\r\n{head}\r\n".encode("ascii") + body


HEADER_TIMEOUT_RESPONSE = _raw_problem(
    Problem(
        status=408,
        title=TIMEOUT_TITLE,
        code="requestTimeout",
        detail="De verzoekregel en headers kwamen niet op tijd binnen.",
    ),
    "Request Timeout",
)
HEADERS_TOO_LARGE_RESPONSE = _raw_problem(
    Problem(
        status=431,
        title="De headers van het verzoek zijn te groot.",
        code="requestHeaderFieldsTooLarge",
        detail=f"Verzoekregel en headers mogen samen ten hoogste {MAX_HEADER_BYTES} bytes zijn.",
    ),
    "Request Header Fields Too Large",
)

INVALID_REQUEST_RESPONSE = _raw_problem(
    Problem(
        status=400,
        title="Ongeldig HTTP-verzoek.",
        code="invalidRequest",
        detail="Het verzoek is geen geldig HTTP/1.1-verzoek.",
    ),
    "Bad Request",
)


class _HeadGuard:
    """The deadline and size bound for the head of the next request on one connection."""

    transport: asyncio.Transport
    cycle: Any
    loop: asyncio.AbstractEventLoop
    _head_deadline: asyncio.TimerHandle | None = None
    _head_bytes = 0
    _head_tail = b""

    def _awaiting_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm_head_deadline(self) -> None:
        self._cancel_head_deadline()
        self._head_bytes, self._head_tail = 0, b""
        if not self.transport.is_closing():
            self._head_deadline = self.loop.call_later(get_settings().timeout_headers, self._head_timed_out)

    def _cancel_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_timed_out(self) -> None:
        if self._awaiting_head() and not self.transport.is_closing():
            self.transport.write(HEADER_TIMEOUT_RESPONSE)
            self.transport.close()

    def _head_too_large(self, data: bytes) -> bool:
        """Whether ``data``, about to be parsed, takes the request head being received over the bound."""
        if not self._awaiting_head():
            return False
        window = self._head_tail + data
        end = window.find(b"\r\n\r\n")
        size = self._head_bytes + (end + 4 - len(self._head_tail) if end >= 0 else len(data))
        if size > MAX_HEADER_BYTES:
            return True
        self._head_bytes, self._head_tail = (0, b"") if end >= 0 else (size, window[-3:])
        return False

    def _refuse_head(self) -> None:
        self._cancel_head_deadline()
        self.transport.write(HEADERS_TOO_LARGE_RESPONSE)
        self.transport.close()


class HttpToolsGuardedProtocol(_HeadGuard, HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size bound for each request head."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._head_too_large(data):
            self._refuse_head()
            return
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm_head_deadline()

    def send_400_response(self, msg: str) -> None:
        """A request the parser refuses gets problem+json with the security headers too."""
        self._cancel_head_deadline()
        self.transport.write(INVALID_REQUEST_RESPONSE)
        self.transport.close()


def server_options(settings: Settings) -> dict[str, Any]:
    """The options of ``uvicorn.run`` that bound slow clients (the head timeout is read from the
    environment's settings by each worker)."""
    return {
        "http": HttpToolsGuardedProtocol,
        "timeout_keep_alive": settings.timeout_keep_alive,
    }
