# SPDX-License-Identifier: EUPL-1.2
"""Slow, stalled and malformed clients against a real server (``gdi up`` with the short timeouts of
:data:`tests.e2e.conftest.TIMEOUTS`): a stalled body or request head gets 408 problem+json and the
connection is closed; an idle connection is closed; a body that keeps coming is served; an
oversized or malformed request head is a problem+json too."""

from __future__ import annotations

import contextlib
import json
import socket
import time

import pytest

from opengdi.kernel.verbindingen import MAX_HEADER_BYTES
from tests.e2e.conftest import TIMEOUTS, LiveServer

PERSONEN = "/haalcentraal/api/brp/personen"
QUERY = json.dumps(
    {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": ["naam"]}
).encode()
#: Longer than any timeout of the test server: a test that waits this long has not been cut off.
PATIENCE = 20.0


def _connect(server: LiveServer) -> socket.socket:
    connection = socket.create_connection((server.host, server.port), timeout=PATIENCE)
    return connection


def _read_until_closed(connection: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (fails after :data:`PATIENCE`)."""
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
    return received


def _head(path: str, length: int, content_type: str = "application/json") -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def _status_and_body(answer: bytes) -> tuple[int, dict[str, str], dict[str, object]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value for name, _, value in (line.partition(": ") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body) if body else {}


@pytest.mark.parametrize(
    ("path", "content_type"),
    [(PERSONEN, "application/json"), ("/digikoppeling/oauth2/token", "application/x-www-form-urlencoded")],
)
def test_a_stalled_body_is_answered_408_and_the_connection_closed(
    live_server: LiveServer, path: str, content_type: str
) -> None:
    with _connect(live_server) as connection:
        connection.sendall(_head(path, len(QUERY), content_type) + QUERY[:10])
        started = time.monotonic()
        answer = _read_until_closed(connection)
        waited = time.monotonic() - started
    status, headers, problem = _status_and_body(answer)
    assert status == 408
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    assert headers["x-content-type-options"] == "nosniff"
    assert (problem["status"], problem["code"], problem["instance"]) == (408, "requestTimeout", path)
    assert waited >= float(TIMEOUTS["GDI_TIMEOUT_BODY"]) * 0.9


def test_a_body_that_keeps_coming_is_served(live_server: LiveServer) -> None:
    body_timeout = float(TIMEOUTS["GDI_TIMEOUT_BODY"])
    pieces = [QUERY[i : i + 16] for i in range(0, len(QUERY), 16)]
    with _connect(live_server) as connection:
        connection.sendall(_head(PERSONEN, len(QUERY)))
        for piece in pieces:  # in all longer than the body timeout, but never stalled that long
            time.sleep(body_timeout / 3)
            connection.sendall(piece)
        answer = _read_until_closed(connection)
    assert len(pieces) * body_timeout / 3 > body_timeout
    status, _headers, result = _status_and_body(answer)
    assert status == 200
    assert "personen" in result


def test_a_stalled_request_head_is_answered_408_and_the_connection_closed(live_server: LiveServer) -> None:
    with _connect(live_server) as connection:
        connection.sendall(b"GET /_status HTTP/1.1\r\nHost: test\r\n")
        answer = _read_until_closed(connection)
    status, headers, problem = _status_and_body(answer)
    assert status == 408
    assert headers["content-type"] == "application/problem+json"
    assert (problem["code"], problem["title"]) == ("requestTimeout", "Het verzoek is niet op tijd ontvangen.")


def test_a_head_that_trickles_in_is_cut_off_as_well(live_server: LiveServer) -> None:
    header_timeout = float(TIMEOUTS["GDI_TIMEOUT_HEADERS"])
    trickle = b"GET /_status HTTP/1.1\r\nHost: test\r\nX-Traag: " + b"a" * 100
    sent = 0
    with _connect(live_server) as connection:
        started = time.monotonic()
        try:
            for byte in trickle:  # a byte every 0.1 s: the connection is never idle for a second
                connection.sendall(bytes([byte]))
                sent += 1
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = _read_until_closed(connection)
        waited = time.monotonic() - started
    assert sent < len(trickle)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert waited >= header_timeout * 0.9


def test_a_connection_that_sends_nothing_is_closed(live_server: LiveServer) -> None:
    with _connect(live_server) as connection:
        answer = _read_until_closed(connection)
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_an_idle_keep_alive_connection_is_closed(live_server: LiveServer) -> None:
    with _connect(live_server) as connection:
        connection.sendall(b"GET /_status HTTP/1.1\r\nHost: test\r\n\r\n")
        started = time.monotonic()
        answer = _read_until_closed(connection)
        waited = time.monotonic() - started
    status, headers, _body = _status_and_body(answer)
    assert status == 200 and headers.get("connection") != "close"
    assert waited < float(TIMEOUTS["GDI_TIMEOUT_HEADERS"])  # closed by the keep-alive timeout, not a 408
    assert b"HTTP/1.1 408" not in answer  # (a bare "408" can occur in the random request id)


def test_an_oversized_request_head_is_refused(live_server: LiveServer) -> None:
    padding = b"X-Vulling: " + b"a" * (MAX_HEADER_BYTES + 1024) + b"\r\n"
    with _connect(live_server) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(b"GET /_status HTTP/1.1\r\nHost: test\r\n" + padding + b"\r\n")
        answer = _read_until_closed(connection)
    status, headers, problem = _status_and_body(answer)
    assert status == 431
    assert headers["content-type"] == "application/problem+json"
    assert problem["code"] == "requestHeaderFieldsTooLarge"


def test_a_request_the_parser_refuses_is_a_problem_with_the_security_headers(live_server: LiveServer) -> None:
    with _connect(live_server) as connection:
        connection.sendall(b"GET /_status HTTP/1.1\r\nHost: test\r\nGeen header\r\n\r\n")
        answer = _read_until_closed(connection)
    status, headers, problem = _status_and_body(answer)
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-frame-options"] == "DENY"
    assert problem["code"] == "invalidRequest"
