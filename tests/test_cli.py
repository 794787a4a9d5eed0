# SPDX-License-Identifier: EUPL-1.2
"""The gdi command: database, imports, seeding, emptying, and `gdi up` serving the demo BRP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from opengdi.bouwstenen import migraties
from opengdi.cli import app
from opengdi.settings import get_settings
from opengdi.stelsel.digikoppeling.demotoegang import DEMO_AFNEMERS

runner = CliRunner()

CSV = (
    ";01.01.10;01.01.20;01.02.10;01.02.40;01.H;08.09.10;08.11.10;08.11.20;08.H\n"
    "Lg01_1;1234567890;999993653;Suzanne;Moulin;;0599;Boterdiep;31;58\n"
    ";;;;;;0599;Vredesplein;7;\n"
    "Lg01_2;;999990639;Mattheus;Burck;;0762;Zeeruststraat;132;\n"
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data folder for the command's embedded database."""
    monkeypatch.setenv("GDI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GDI_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def _gdi(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_db_upgrade_creates_the_database(data_dir: Path) -> None:
    output = _gdi("db", "upgrade")
    assert f"migratie {', '.join(migraties().heads())}" in output.replace("\n", " ")
    assert (data_dir / "opengdi.db").exists()


def test_importing_the_gbav_csv_and_the_json_form(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    (data_dir / "set.json").write_text(json.dumps({"persoonslijsten": [{"01": [{"01.20": "000000012"}]}]}), "utf-8")
    assert "2 persoonslijsten opgeslagen" in _gdi("brp", "import", str(data_dir / "set.csv"))
    assert "1 persoonslijsten opgeslagen" in _gdi("brp", "import", str(data_dir / "set.json"))
    assert "3 persoonslijsten verwijderd" in _gdi("brp", "leeg", "--ja")


def test_a_value_of_the_wrong_form_in_the_csv_is_kept_and_reported(data_dir: Path) -> None:
    (data_dir / "odd.csv").write_text(CSV.replace("Moulin", "Moulin;").replace(";1234567890;", ";12345;"), "utf-8")
    output = _gdi("brp", "import", str(data_dir / "odd.csv"))
    assert "waarden met een afwijkende vorm" in output


def test_seeding_adds_synthetic_persons(data_dir: Path) -> None:
    output = _gdi("seed", "brp", "--persons", "40", "--seed", "7")
    assert "40 synthetische personen opgeslagen" in output


@pytest.mark.parametrize("command", [["brp", "leeg", "--ja"], ["seed", "brp", "--persons", "5"]])
def test_test_data_commands_are_refused_in_production(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("GDI_DEPLOYMENT", "productie")
    get_settings.cache_clear()
    result = runner.invoke(app, command)
    assert result.exit_code == 1
    assert "alleen in een testomgeving" in result.output


def test_an_organisation_is_added_given_keys_and_a_grant_then_revoked(data_dir: Path) -> None:
    oin = "00000099100000599000"
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    _gdi("brp", "import", str(data_dir / "set.csv"))
    assert f"Aangesloten: {oin}" in _gdi(
        "org", "add", "Testgemeente", "--soort", "gemeente", "--oin", oin, "--gemeentecode", "0599"
    )
    again = runner.invoke(app, ["org", "add", "Dubbel", "--soort", "gemeente", "--oin", oin])
    assert again.exit_code == 1 and "al geregistreerd" in again.output
    assert "geen autorisatie voor de BRP" in _gdi("org", "credentials", oin)
    granted = _gdi(
        "org",
        "grant",
        oin,
        "--bouwsteen",
        "brp",
        "--doelbinding",
        "BRP-GEMEENTE",
        "--omschrijving",
        "Taken van de gemeente",
        "--veld",
        "naam",
        "--eigen-gemeente",
    )
    grant_id = granted.split()[1]
    assert "(eigen inwoners)" in _gdi("org", "grants", oin)
    example = _gdi("org", "credentials", oin)
    assert '"burgerservicenummer": ["999993653"]' in example.replace("\n", "")
    assert (data_dir / "credentials" / f"{oin}.pem").exists()
    assert f"Autorisatiebesluit {grant_id} ingetrokken" in _gdi("org", "ungrant", grant_id)
    assert f"{oin} is ingetrokken" in _gdi("org", "revoke", oin)
    assert "(ingetrokken)" in _gdi("org", "list", "--soort", "gemeente")


def test_an_organisation_needs_a_well_formed_oin(data_dir: Path) -> None:
    result = runner.invoke(app, ["org", "add", "Foutje", "--soort", "gemeente", "--oin", "123"])
    assert result.exit_code == 1
    assert "geldig --oin" in result.output
    assert _gdi("org", "list") == ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_gdi_up_loads_the_demo_and_serves_the_brp_to_a_token_holder(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        "GDI_DATA_DIR": str(tmp_path),
        "GDI_PORT": str(port),
        "GDI_VERTROUWDE_PROXIES": "10.0.0.0/8",
        "PATH": "/usr/bin:/bin",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "opengdi", "up"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        anonymous = _wait_for_answer(port, None)
        token = subprocess.run(
            [sys.executable, "-m", "opengdi", "org", "token", next(iter(DEMO_AFNEMERS))],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        answer = _wait_for_answer(port, token)
        spoofed = httpx.post(
            f"http://127.0.0.1:{port}/haalcentraal/api/brp/personen",
            json={},
            headers={"X-Forwarded-For": "10.1.2.3", "x-client-cert": "geen-certificaat"},
        )
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert anonymous.status_code == 401
    assert spoofed.json()["detail"] == "Een clientcertificaat wordt alleen aangenomen van een vertrouwde proxy."
    assert answer.json()["personen"][0]["naam"]["geslachtsnaam"] == "Moulin"
    assert "persoonslijsten geladen" in output
    assert f"http://127.0.0.1:{port}/haalcentraal/api/brp/docs" in output
    assert "gdi org token" in output


def _wait_for_answer(port: int, token: str | None) -> httpx.Response:
    query = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": ["naam"]}
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            return httpx.post(
                f"http://127.0.0.1:{port}/haalcentraal/api/brp/personen", json=query, headers=headers, timeout=5
            )
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("gdi up did not answer within 60 s")
