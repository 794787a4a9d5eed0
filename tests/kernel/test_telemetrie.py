# SPDX-License-Identifier: EUPL-1.2
"""FastAPI's own OpenTelemetry follows ``GDI_OPENTELEMETRY``: off by default, so that a request does
not look up whether an OpenTelemetry provider is configured; on, it does."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.telemetry import _asgi

from opengdi.app import create_app
from opengdi.kernel.db import Database
from tests.conftest import http_client, settings_for

STATUS = "/_status"
PERSONEN = "/haalcentraal/api/brp/personen"


async def _checks_per_request(
    monkeypatch: pytest.MonkeyPatch, app_setting: str, tmp_path: Path, database: Database
) -> int:
    """How often FastAPI looked up a provider over two requests (one to a mounted API)."""
    checks: list[object] = []
    original = _asgi._unconfigured

    def counted(provider: object) -> bool:
        checks.append(provider)
        return original(provider)

    monkeypatch.setattr(_asgi, "_unconfigured", counted)
    app = create_app(settings_for(tmp_path, opentelemetry=app_setting), database)
    async with http_client(app) as http:
        assert (await http.get(STATUS)).status_code == 200
        assert (await http.post(PERSONEN, json={})).status_code in (400, 401)
    return len(checks)


async def test_telemetry_is_off_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_database: Database
) -> None:
    assert settings_for(tmp_path).opentelemetry == "uit"
    assert await _checks_per_request(monkeypatch, "uit", tmp_path, empty_database) == 0


async def test_telemetry_on_looks_for_a_provider(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_database: Database
) -> None:
    assert await _checks_per_request(monkeypatch, "aan", tmp_path, empty_database) > 0
