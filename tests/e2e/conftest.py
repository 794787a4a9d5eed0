# SPDX-License-Identifier: EUPL-1.2
"""A real server for the end-to-end tests: ``gdi up --empty`` in a subprocess on a free port, with
SQLite in a temporary data folder, authentication off and short timeouts (so that the timeout
tests are quick); and how the browser tests find Debian's Chromium (skipped with a message when it
is missing, unless ``GDI_TEST_REQUIRE_BROWSER=1``, as CI sets)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

#: Debian's Chromium, which the browser tests drive through Playwright (no browser download).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: CI sets this, so that a missing browser fails the run instead of skipping the test.
REQUIRE_BROWSER = os.environ.get("GDI_TEST_REQUIRE_BROWSER") == "1"


def skip_browser_tests(reason: str) -> None:
    """Skip the browser tests of the calling module, saying why; fail instead when CI requires them."""
    if REQUIRE_BROWSER:
        pytest.fail(f"{reason} (GDI_TEST_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(f"{reason}; browsertest overgeslagen", allow_module_level=True)


#: The timeouts of the test server, in seconds.
TIMEOUTS = {"GDI_TIMEOUT_BODY": "1", "GDI_TIMEOUT_HEADERS": "2", "GDI_TIMEOUT_KEEP_ALIVE": "1"}


@dataclass(frozen=True)
class LiveServer:
    """A running server: where it listens and the folder its settings point to."""

    host: str
    port: int
    data_dir: Path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(server: LiveServer, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gdi up stopte meteen:\n{process.communicate()[0]}")
        try:
            if httpx.get(f"{server.url}/_status", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    pytest.fail(f"gdi up antwoordde niet binnen 90 seconden:\n{process.communicate(timeout=20)[0]}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``gdi up --empty`` on a free port of 127.0.0.1, stopped after the session."""
    server = LiveServer("127.0.0.1", free_port(), tmp_path_factory.mktemp("live"))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "GDI_DATA_DIR": str(server.data_dir),
        "GDI_HOST": server.host,
        "GDI_PORT": str(server.port),
        "GDI_AUTHENTICATIE": "uit",
        "GDI_LOG_LEVEL": "warning",
        **TIMEOUTS,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "opengdi", "up", "--empty"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_until_up(server, process)
        yield server
    finally:
        process.terminate()
        process.communicate(timeout=20)
