# SPDX-License-Identifier: EUPL-1.2
"""The gdi command: database, imports, seeding, emptying, organisations, and `gdi up` serving the
demo BRP; errors on standard error with a non-zero exit, results alone on standard output."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from sqlalchemy.ext.asyncio import AsyncSession
from typer.testing import CliRunner, Result

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.cli import app
from opengdi.cli.start import _print_banner
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolVraag, find_records
from opengdi.registers.brp import cli as brp_cli
from opengdi.registers.brp import repository
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.seed import seed_population
from opengdi.registers.brp.service import import_bulk
from opengdi.settings import get_settings
from opengdi.stelsel.digikoppeling.demotoegang import DEMO_AFNEMERS
from tests.conftest import settings_for
from tests.saml_sp import ARTIFACT_BINDING, sleutelpaar

runner = CliRunner()
OIN = "00000099100000599000"

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
    """The standard output of a successful command."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _fails(*args: str, code: int = 1) -> str:
    """The one line a failing command writes on standard error (nothing on standard output)."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    _assert_one_error_line(result)
    return result.stderr.strip()


def _assert_one_error_line(result: Result) -> None:
    assert result.stdout == "", result.output
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_db_bijwerken_creates_the_database(data_dir: Path) -> None:
    output = _gdi("db", "bijwerken")
    assert f"migratie {', '.join(SAMENSTELLING.migraties().heads())}" in output.replace("\n", " ")
    assert (data_dir / "opengdi.db").exists()
    assert f"(nieuwste: {', '.join(SAMENSTELLING.migraties().heads())})" in _gdi("db", "status")


def test_importing_the_gbav_csv_and_the_json_form(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    (data_dir / "set.json").write_text(json.dumps({"persoonslijsten": [{"01": [{"01.20": "000000012"}]}]}), "utf-8")
    assert "2 persoonslijsten opgeslagen" in _gdi("brp", "importeren", str(data_dir / "set.csv"))
    assert "1 persoonslijsten opgeslagen" in _gdi("brp", "importeren", str(data_dir / "set.json"))
    assert "3 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


def test_a_value_of_the_wrong_form_in_the_csv_is_kept_and_reported_by_its_name(data_dir: Path) -> None:
    (data_dir / "odd.csv").write_text(CSV.replace("Moulin", "Moulin;").replace(";1234567890;", ";12345;"), "utf-8")
    output = _gdi("brp", "importeren", str(data_dir / "odd.csv"))
    assert "waarden met een afwijkende vorm" in output
    assert "(bijvoorbeeld Lg01_1.08[0].11.20: huisnummer:" in output and "{" not in output


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("leeg.json", '{"persoonslijsten": []}', "bevat geen persoonslijsten"),
        ("ander.json", '{"personen": [{"01": []}]}', "bevat geen persoonslijsten"),
        ("lijst.json", '[{"01": []}]', "bevat geen persoonslijsten"),
        ("kapot.json", '{"persoonslijsten": [', "is geen geldige JSON (regel 1, kolom 22)"),
        ("leeg.csv", "", "is leeg"),
        ("spaties.csv", "  \n\n", "is leeg"),
        ("ander.csv", "naam;woonplaats\nJansen;Delft\n", "bevat geen persoonslijsten"),
        ("binair.csv", b"\xff\xfe\x00\x81PK", "is geen tekstbestand"),
    ],
)
def test_a_file_without_persoonslijsten_is_refused_in_one_line(
    data_dir: Path, name: str, content: str | bytes, expected: str
) -> None:
    path = data_dir / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert expected in _fails("brp", "importeren", str(path))
    assert "0 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["onzin"], "Fout: Onbekend commando 'onzin'. Zie: root --help"),
        (["brp", "importeren"], "Fout: Argument bestand ontbreekt. Zie: root brp importeren --help"),
        (["brp", "importeren", "weg.json"], "Fout: Ongeldige waarde voor 'bestand': 'weg.json' bestaat niet."),
        (["brp", "importeren", "."], "Fout: Ongeldige waarde voor 'bestand': '.' is een map, geen bestand."),
        (["genereren", "brp", "--personen", "0"], "Fout: Ongeldige waarde voor '--personen' / '-n': moet minstens 1"),
        (["genereren", "brp", "--persons", "x"], "Fout: Ongeldige waarde voor '--personen' / '-n': geen geheel getal."),
        (["genereren", "nhr", "-n", "0"], "Fout: Ongeldige waarde voor '--bedrijven' / '-n': moet minstens 1"),
        (["genereren", "brk", "extra"], "Fout: Onverwacht argument: extra."),
        (["org", "autoriseren", OIN], "Fout: Optie --bouwsteen ontbreekt."),
        (["org", "aansluiten", "X", "--soort"], "Fout: Optie --soort heeft een waarde nodig."),
        (["org", "lijst", "--foo"], "Fout: Onbekende optie --foo."),
        (["brp", "leegmaken", "extra"], "Fout: Onverwacht argument: extra."),
        (["up", "--poort", "70000"], "Fout: Ongeldige waarde voor '--poort': mag hoogstens 65535 zijn."),
    ],
)
def test_a_usage_error_is_one_dutch_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: str
) -> None:
    monkeypatch.chdir(data_dir)
    assert _fails(*command, code=2).startswith(expected)


def test_importing_a_person_again_skips_or_replaces_never_duplicates(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    csv = str(data_dir / "set.csv")
    _gdi("brp", "importeren", csv)
    again = _gdi("brp", "importeren", csv)
    assert "0 persoonslijsten opgeslagen" in again
    assert "2 persoonslijsten stonden al in de BRP en zijn overgeslagen (--vervang" in again
    replaced = _gdi("brp", "importeren", csv, "--vervang")
    assert "2 persoonslijsten opgeslagen" in replaced and "2 bestaande persoonslijsten vervangen" in replaced
    assert "2 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


#: The same BSN on two persoonslijsten with different A-nummers, as in the RvIG GBA-V test set.
DUPLICATES = CSV + "Lg01_3;1234567891;999993653;Suzanne;Moulin;;0599;Boterdiep;31;\n"


def test_deliberate_duplicates_load_only_when_allowed(data_dir: Path) -> None:
    (data_dir / "dubbel.csv").write_text(DUPLICATES, encoding="utf-8")
    default = _gdi("brp", "importeren", str(data_dir / "dubbel.csv"))
    assert "2 persoonslijsten opgeslagen" in default
    assert "Lg01_3: burgerservicenummer 999993653 komt eerder in de import voor" in default
    _gdi("brp", "leegmaken", "--ja")
    allowed = _gdi("brp", "importeren", str(data_dir / "dubbel.csv"), "--duplicaten-toestaan")
    assert "3 persoonslijsten opgeslagen" in allowed
    rerun = _gdi("brp", "importeren", str(data_dir / "dubbel.csv"), "--duplicaten-toestaan")
    assert "0 persoonslijsten opgeslagen" in rerun and "3 persoonslijsten stonden al in de BRP (zelfde" in rerun
    assert "3 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


def test_replacing_and_allowing_duplicates_exclude_each_other(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    message = _fails("brp", "importeren", str(data_dir / "set.csv"), "--vervang", "--duplicaten-toestaan", code=2)
    assert "niet allebei" in message


def test_seeding_adds_synthetic_persons_and_a_rerun_adds_nobody_twice(data_dir: Path) -> None:
    assert "geen woonadressen" in _fails("genereren", "brp", "--personen", "40")
    _gdi("genereren", "bag", "--adressen", "400")
    assert "te weinig voor 99999 personen" in _fails("genereren", "brp", "--personen", "99999")
    assert "40 synthetische personen opgeslagen" in _gdi("genereren", "brp", "--personen", "40", "--startwaarde", "7")
    again = _gdi("genereren", "brp", "--personen", "40", "--startwaarde", "7")
    assert "0 synthetische personen opgeslagen" in again and "40 stonden er al" in again
    assert "andere startwaarde" in _fails("genereren", "brp", "--personen", "5", "--startwaarde", "8")
    assert "40 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


@pytest.mark.parametrize(
    "command",
    [
        ["brp", "leegmaken", "--ja"],
        ["genereren", "brp", "--personen", "5"],
        ["genereren", "nhr"],
        ["genereren", "brk"],
        ["genereren", "woz"],
        ["digid", "account", "999993653"],
    ],
)
def test_test_data_commands_are_refused_in_production(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("GDI_DEPLOYMENT", "productie")
    get_settings.cache_clear()
    assert "alleen in een testomgeving" in _fails(*command)


def test_emptying_asks_first(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    _gdi("brp", "importeren", str(data_dir / "set.csv"))
    result = runner.invoke(app, ["brp", "leegmaken"], input="n\n")
    assert result.exit_code == 1 and "verwijderd" not in result.stdout  # the runner echoes the answer there
    assert "Alle persoonslijsten verwijderen?" in result.stderr and "Niets verwijderd." in result.stderr
    assert "2 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


#: Every command that reads the settings (``versie`` does not), with arguments that would work.
COMMANDS = [
    ["up"],
    ["db", "status"],
    ["db", "bijwerken"],
    ["brp", "importeren", "set.csv"],
    ["brp", "leegmaken", "--ja"],
    ["genereren", "brp", "--personen", "1"],
    ["org", "lijst"],
    ["org", "aansluiten", "Testgemeente", "--soort", "gemeente", "--oin", OIN],
    ["org", "sleutels", OIN],
    ["org", "token", OIN],
    ["org", "certificaat", OIN],
    ["org", "intrekken", OIN],
    ["org", "autoriseren", OIN, "--bouwsteen", "brp", "--doelbinding", "D", "--omschrijving", "O"],
    ["org", "autorisaties", OIN],
    ["org", "autorisatie-intrekken", "1"],
    ["bsn", "uitgeven"],
    ["bsn", "valideren", "999993653"],
    ["bsn", "reserveren", "--aanvrager", OIN],
    ["bsn", "voorraad"],
]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (("GDI_PORT", "abc"), "Ongeldige instelling: GDI_PORT='abc': geen geheel getal."),
        (("GDI_DEPLOYMENT", "foo"), "Ongeldige instelling: GDI_DEPLOYMENT='foo': kies uit 'test' of 'productie'."),
        (("GDI_TOKEN_GELDIGHEID", "5"), "Ongeldige instelling: GDI_TOKEN_GELDIGHEID='5': moet minstens 30 zijn."),
    ],
)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command[:2]))
def test_an_invalid_setting_is_one_line_for_every_command(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], setting: tuple[str, str], expected: str
) -> None:
    monkeypatch.chdir(data_dir)
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    monkeypatch.setenv(*setting)
    get_settings.cache_clear()
    assert _fails(*command) == expected


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (("GDI_PORT", "70000"), "GDI_PORT='70000': mag hoogstens 65535 zijn."),
        (("GDI_LOG_LEVEL", "luid"), "GDI_LOG_LEVEL='luid': kies uit 'critical', 'error', 'warning', 'info', 'debug'"),
        (
            ("GDI_VERTROUWDE_PROXIES", "10.0.0.0/8, proxy"),
            "GDI_VERTROUWDE_PROXIES='10.0.0.0/8, proxy': 'proxy' is geen",
        ),
        (
            ("GDI_PUBLIC_URL", "gdi.example.nl"),
            "GDI_PUBLIC_URL='gdi.example.nl': geen adres; geef bijvoorbeeld https://",
        ),
    ],
)
def test_each_setting_is_checked_by_name(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, setting: tuple[str, str], expected: str
) -> None:
    monkeypatch.setenv(*setting)
    get_settings.cache_clear()
    assert _fails("db", "status").startswith(f"Ongeldige instelling: {expected}")


def test_production_without_authentication_is_refused(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GDI_DEPLOYMENT", "productie")
    monkeypatch.setenv("GDI_AUTHENTICATIE", "uit")
    get_settings.cache_clear()
    assert _fails("org", "lijst") == "Ongeldige instelling: GDI_AUTHENTICATIE=uit kan niet in een productieomgeving."


@pytest.mark.parametrize("command", [command for command in COMMANDS if command[:2] != ["org", "token"]])
def test_an_unreachable_database_is_one_line_for_every_command(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(data_dir)
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    (data_dir / "credentials").mkdir()
    (data_dir / "credentials" / f"{OIN}.pem").write_text("", encoding="utf-8")
    monkeypatch.setenv("GDI_DATABASE_URL", f"postgresql+asyncpg://gdi:geheim@127.0.0.1:{_free_port()}/gdi")
    get_settings.cache_clear()
    message = _fails(*command)
    assert message.startswith("De database postgresql+asyncpg://gdi:***@127.0.0.1:") and "niet bruikbaar" in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("onzin", "GDI_DATABASE_URL is geen geldige database-URL: 'onzin'."),
        ("mysql://gdi@localhost/gdi", "gebruikt een stuurprogramma dat Open GDI niet heeft"),
        ("postgresql://gdi@localhost/gdi", "gebruikt een stuurprogramma dat Open GDI niet heeft"),
    ],
)
def test_an_unusable_database_url_is_one_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, url: str, expected: str
) -> None:
    monkeypatch.setenv("GDI_DATABASE_URL", url)
    get_settings.cache_clear()
    assert expected in _fails("db", "status")


def test_an_organisation_is_added_given_keys_and_a_grant_then_revoked(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    _gdi("brp", "importeren", str(data_dir / "set.csv"))
    assert f"Aangesloten: {OIN}" in _gdi(
        "org", "aansluiten", "Testgemeente", "--soort", "gemeente", "--oin", OIN, "--gemeentecode", "0599"
    )
    assert "al geregistreerd" in _fails("org", "aansluiten", "Dubbel", "--soort", "gemeente", "--oin", OIN)
    assert "geen autorisatie waarvoor een voorbeeld" in _gdi("org", "sleutels", OIN)
    granted = _gdi(
        "org",
        "autoriseren",
        OIN,
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
    assert "(beperkt tot gemeenteVanInschrijving 0599)" in _gdi("org", "autorisaties", OIN)
    example = _gdi("org", "sleutels", OIN)
    assert '"burgerservicenummer": ["999993653"]' in example.replace("\n", "")
    assert f"TOKEN=$(gdi org token {OIN})" in example
    assert (data_dir / "credentials" / f"{OIN}.pem").exists()
    assert f"Autorisatiebesluit {grant_id} ingetrokken" in _gdi("org", "autorisatie-intrekken", grant_id)
    assert f"Er is geen actief autorisatiebesluit {grant_id}." == _fails("org", "autorisatie-intrekken", grant_id)
    assert f"{OIN} is ingetrokken" in _gdi("org", "intrekken", OIN)
    assert "(ingetrokken)" in _gdi("org", "lijst", "--soort", "gemeente")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--bouwsteen", "wkpb"],
            f"Onbekende bouwsteen 'wkpb'; bekend zijn: {', '.join(sorted(SAMENSTELLING.scopes()))}.",
        ),
        (
            ["--bouwsteen", "brp.beheer", "--operatie", "wissen"],
            "Onbekende operatie 'wissen' van bouwsteen 'brp.beheer'",
        ),
        (["--bouwsteen", "brp", "--veld", "naam.bijnaam"], "Onbekend gegeven 'naam.bijnaam' voor bouwsteen 'brp'"),
    ],
)
def test_a_grant_of_undeclared_things_is_refused_on_stderr(data_dir: Path, options: list[str], message: str) -> None:
    oin = "00000099100000599000"
    _gdi("org", "add", "Testgemeente", "--soort", "gemeente", "--oin", oin)
    result = runner.invoke(app, ["org", "grant", oin, "--doelbinding", "X", "--omschrijving", "Proef", *options])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Autorisatiebesluit niet vastgelegd: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert _gdi("org", "grants", oin) == ""


def test_an_organisation_needs_a_well_formed_oin(data_dir: Path) -> None:
    assert "geldig --oin" in _fails("org", "aansluiten", "Foutje", "--soort", "gemeente", "--oin", "123")
    assert "Onbekende soort" in _fails("org", "lijst", "--soort", "gemeenten")
    assert "123 is geen geldig OIN" in _fails("org", "token", "123")
    assert _gdi("org", "lijst") == ""


def _with_key(data_dir: Path) -> None:
    _gdi("org", "aansluiten", "Testgemeente", "--soort", "gemeente", "--oin", OIN)
    _gdi("org", "sleutels", OIN)


def test_a_token_without_a_server_is_an_error_on_stderr_not_a_token(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_key(data_dir)
    port = _free_port()
    monkeypatch.setenv("GDI_PORT", str(port))
    get_settings.cache_clear()
    assert f"De GDI is niet bereikbaar op http://127.0.0.1:{port} (draait gdi up?)" in _fails("org", "token", OIN)
    other = _free_port()
    assert f"niet bereikbaar op http://127.0.0.1:{other} " in _fails(
        "org", "token", OIN, "--url", f"http://127.0.0.1:{other}/"
    )
    monkeypatch.setenv("GDI_PUBLIC_URL", f"http://localhost:{other}")
    get_settings.cache_clear()
    assert f"niet bereikbaar op http://localhost:{other} " in _fails("org", "token", OIN)
    assert "geen adres" in _fails("org", "token", OIN, "--url", "localhost:8000", code=2)
    (data_dir / "credentials" / f"{OIN}.pem").write_text("geen sleutel", encoding="utf-8")
    assert "bevat geen bruikbare private sleutel (PEM)" in _fails("org", "token", OIN)


def test_the_grants_of_an_unknown_organisation_are_an_error(data_dir: Path) -> None:
    assert "Er is geen organisatie met OIN 123" in _fails("org", "autorisaties", "123")
    _gdi("org", "aansluiten", "Testgemeente", "--soort", "gemeente", "--oin", OIN)
    assert _gdi("org", "autorisaties", OIN) == ""


def test_old_english_spellings_still_work_but_are_not_listed(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    assert "2 persoonslijsten opgeslagen" in _gdi("brp", "import", str(data_dir / "set.csv"))
    _gdi("genereren", "bag", "--adressen", "400")  # a country to live in
    assert "40 synthetische personen opgeslagen" in _gdi("seed", "brp", "--persons", "40", "--seed=7")
    assert "42 persoonslijsten verwijderd" in _gdi("brp", "leeg", "--ja")
    assert f"migratie {', '.join(SAMENSTELLING.migraties().heads())}" in _gdi("db", "upgrade")
    assert f"Aangesloten: {OIN}" in _gdi("org", "add", "Proef", "--soort", "gemeente", "--oin", OIN)
    assert OIN in _gdi("org", "list")
    assert _gdi("version") == _gdi("versie")
    assert "--leeg" in _gdi("start", "--help")
    listed = {
        group: set(re.findall(r"^│ ([a-z][a-z-]*) ", _gdi(*group.split(), "--help"), re.MULTILINE))
        for group in ("", "db", "brp", "genereren", "org", "bsn")
    }
    assert listed == {
        "": {
            "up",
            "versie",
            "db",
            "check",
            "genereren",
            *(name for block in SAMENSTELLING.blocks for name in block.commandos),
        },
        "bsn": {"uitgeven", "valideren", "reserveren", "voorraad"},
        "db": {"bijwerken", "status"},
        "brp": {"importeren", "leegmaken"},
        "genereren": {"bag", "brp", "nhr", "brk", "woz"},
        "org": {
            "lijst",
            "aansluiten",
            "sleutels",
            "token",
            "certificaat",
            "intrekken",
            "autoriseren",
            "autorisaties",
            "autorisatie-intrekken",
            "apisleutel",
            "apisleutels",
            "apisleutel-intrekken",
        },
    }
    options = _gdi("genereren", "brp", "--help") + _gdi("up", "--help")
    assert "--personen" in options and "--poort" in options
    assert not {"--persons", "--seed", "--empty", "--port", "--host"} & set(re.findall(r"--[a-z-]+", options))


def test_an_api_key_is_issued_listed_and_revoked(data_dir: Path) -> None:
    _gdi("db", "upgrade")
    _gdi("org", "aansluiten", "Proef", "--soort", "gemeente", "--oin", OIN)
    issued = _gdi("org", "apisleutel", OIN, "--omschrijving", "Zaaksysteem")
    [key] = re.findall(r"gdi_[A-Za-z0-9_-]{43}", issued)
    number = re.search(r"API-sleutel (\d+) voor", issued)
    assert number is not None and key not in _gdi("org", "apisleutels", OIN)
    assert "Zaaksysteem" in _gdi("org", "apisleutels", OIN) and "in gebruik" in _gdi("org", "apisleutels", OIN)
    assert f"API-sleutel {number.group(1)} ingetrokken" in _gdi("org", "apisleutel-intrekken", number.group(1))
    assert "ingetrokken" in _gdi("org", "apisleutels", OIN)
    assert "geen API-sleutel" in _fails("org", "apisleutel-intrekken", number.group(1))
    assert "geen actieve organisatie" in _fails("org", "apisleutel", "00000099999999999000")


def _interrupt_second_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the second batch is written: the first one is committed."""
    original = repository.add_persoonslijsten
    writes: list[int] = []

    async def add(session: AsyncSession, lijsten: list[Persoonslijst]) -> Any:
        writes.append(len(lijsten))
        if len(writes) == 2:
            raise KeyboardInterrupt
        return await original(session, lijsten)

    monkeypatch.setattr(repository, "add_persoonslijsten", add)


@pytest.fixture
def cli_database(empty_database: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The commands work on each backend: PostgreSQL's test database (its BRP empty), or a SQLite
    file of their own (the session's SQLite file may be write-locked by a paused writer of the
    in-process applications of other tests)."""
    if empty_database.dialect == "postgresql":
        monkeypatch.setenv("GDI_DATABASE_URL", empty_database.url)
        get_settings.cache_clear()
    return empty_database.dialect


def test_an_interrupted_import_continues_when_run_again(
    cli_database: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"Database: {cli_database}+" in _gdi("db", "status")
    lijsten = [{"01": [{"01.10": f"10000000{index:02d}", "02.40": "Jansen"}]} for index in range(5)]
    (data_dir / "set.json").write_text(json.dumps({"persoonslijsten": lijsten}), encoding="utf-8")
    monkeypatch.setattr(brp_cli, "import_bulk", partial(import_bulk, batch_size=2))
    with monkeypatch.context() as interrupted:
        _interrupt_second_write(interrupted)
        result = runner.invoke(app, ["brp", "importeren", str(data_dir / "set.json")])
    assert result.exit_code == 130 and result.stdout == ""
    assert "Onderbroken: 2 persoonslijsten verwerkt en vastgelegd; voer hetzelfde commando opnieuw uit" in result.stderr
    rerun = _gdi("brp", "importeren", str(data_dir / "set.json"))
    assert "3 persoonslijsten opgeslagen" in rerun and "2 persoonslijsten stonden al in de BRP" in rerun
    assert "5 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


def test_an_interrupted_population_continues_when_run_again_beside_the_demo_persons(
    cli_database: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert f"Database: {cli_database}+" in _gdi("db", "status")
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    _gdi("brp", "importeren", str(data_dir / "set.csv"))
    _gdi("genereren", "bag", "--adressen", "400")  # a country to live in
    monkeypatch.setattr(brp_cli, "seed_population", partial(seed_population, batch_size=10))
    with monkeypatch.context() as interrupted:
        _interrupt_second_write(interrupted)
        result = runner.invoke(app, ["genereren", "brp", "--personen", "25", "--startwaarde", "3"])
    assert result.exit_code == 130 and "Onderbroken: 10 personen verwerkt en vastgelegd" in result.stderr
    rerun = _gdi("genereren", "brp", "--personen", "25", "--startwaarde", "3")
    assert "15 synthetische personen opgeslagen" in rerun and "10 stonden er al" in rerun
    assert "27 persoonslijsten verwijderd" in _gdi("brp", "leegmaken", "--ja")


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
    base = f"http://127.0.0.1:{port}"
    try:
        anonymous = _wait_for_answer(port, None)
        token = subprocess.run(
            [sys.executable, "-m", "opengdi", "org", "token", next(iter(DEMO_AFNEMERS))],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        elsewhere = {**env, "GDI_PORT": str(_free_port())}
        by_url = subprocess.run(
            [sys.executable, "-m", "opengdi", "org", "token", next(iter(DEMO_AFNEMERS)), "--url", base],
            env=elsewhere,
            capture_output=True,
            text=True,
            check=True,
        )
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
    assert by_url.stderr == "" and by_url.stdout.count(".") == 2  # a JWT, alone on standard output
    assert "persoonslijsten geladen" in output
    assert "Inloggen met DigiD (wachtwoord Welkom01!): test" in output
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


def test_a_grant_carries_the_restrictions_its_block_declares(data_dir: Path) -> None:
    _gdi("org", "aansluiten", "Testgemeente", "--soort", "gemeente", "--oin", OIN, "--gemeentecode", "0599")
    grant = partial(_gdi, "org", "autoriseren", OIN, "--bouwsteen", "brp", "--doelbinding", "D", "--omschrijving", "O")
    assert "(beperkt tot gemeenteVanInschrijving 0518)" in grant("--beperking", "gemeenteVanInschrijving=0518")
    assert "(beperkt tot gemeenteVanInschrijving 0599)" in grant("--beperking", "gemeenteVanInschrijving=eigen")
    refuse = partial(_fails, "org", "autoriseren", OIN, "--doelbinding", "D", "--omschrijving", "O")
    assert "--beperking woonplaats: Onbekende beperking" in refuse("--bouwsteen", "brp", "--beperking", "woonplaats=x")
    assert "niet 'gemeente'" in refuse("--bouwsteen", "brp", "--beperking", "gemeente")
    assert "--eigen-gemeente" in refuse("--bouwsteen", "brp.beheer", "--eigen-gemeente")
    shown = _gdi("org", "autorisaties", OIN)
    assert shown.count("beperkt tot") == 2


async def test_the_start_banner_does_not_print_the_database_password(
    empty_database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = settings_for(tmp_path, database_url="postgresql+asyncpg://gdi:geheim@db.example:5432/gdi")
    await _print_banner(empty_database, settings, create_app(settings, empty_database).state.apis)
    banner = capsys.readouterr().out
    assert "Database: postgresql+asyncpg://gdi:***@db.example:5432/gdi" in banner and "geheim" not in banner


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_gdi_up_with_two_processes_serves_from_two_processes_and_protocols_every_answer_once(tmp_path: Path) -> None:
    port = _free_port()
    env = {"GDI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "opengdi", "up", "--processen", "2", "--poort", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_answer(port, None)
        token = subprocess.run(  # the issuer the workers check is derived from --poort
            [sys.executable, "-m", "opengdi", "org", "token", next(iter(DEMO_AFNEMERS))],
            env={**env, "GDI_PORT": str(port)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        workers = [child for child in _children(server.pid) if "spawn" in Path(f"/proc/{child}/cmdline").read_text()]
        with ThreadPoolExecutor(8) as pool:  # a connection per request, eight at a time: both workers write
            answers = list(pool.map(partial(_lookup, port, token), [f"twee-workers-{n}" for n in range(40)]))
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert len(workers) == 2, output
    assert {answer.status_code for answer in answers} == {200}
    assert {answer.json()["personen"][0]["naam"]["geslachtsnaam"] for answer in answers} == {"Moulin"}
    recorded = Counter(asyncio.run(_recorded(tmp_path / "opengdi.db", [f"twee-workers-{n}" for n in range(40)])))
    assert sorted(recorded.items()) == sorted((f"twee-workers-{number}", 1) for number in range(40))


async def _recorded(database_file: Path, request_ids: list[str]) -> list[str]:
    """The request id of each protocol record of ``request_ids`` in the embedded database ``database_file``."""
    database = Database(f"sqlite+aiosqlite:///{database_file}")
    try:
        found = await find_records(database, ProtocolVraag(request_ids=frozenset(request_ids), limit=1000))
    finally:
        await database.dispose()
    return [item["requestId"] for item in found]


def _lookup(port: int, token: str, request_id: str) -> httpx.Response:
    query = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": ["naam"]}
    headers = {"Authorization": f"Bearer {token}", "X-Request-ID": request_id}
    return httpx.post(f"http://127.0.0.1:{port}/haalcentraal/api/brp/personen", json=query, headers=headers, timeout=30)


BAG_SAMPLE = Path(__file__).parent / "registers" / "bag" / "data" / "BAGNLDL-15092020-small.zip"


def test_gdi_bag_importeren_loads_an_extract_and_refuses_what_is_not_one(data_dir: Path) -> None:
    loaded = _gdi("bag", "importeren", str(BAG_SAMPLE))
    assert "BAG-extract geladen: gemeente 0221 Doesburg, stand van 2020-09-15." in loaded
    assert "Verblijfsobject: 5 voorkomens" in loaded
    assert "was al geladen" in _gdi("bag", "importeren", str(BAG_SAMPLE))
    (data_dir / "adressen.zip").write_text("postcode;huisnummer")
    assert (
        _fails("bag", "importeren", str(data_dir / "adressen.zip"))
        == "adressen.zip is geen zip-bestand, dus geen BAG-extract"
    )
    assert _fails("bag", "importeren", str(data_dir / "weg.zip")).endswith("weg.zip bestaat niet")
    copy = data_dir / "BAGGEM0221L-kopie.zip"
    copy.write_bytes(BAG_SAMPLE.read_bytes())
    assert "--vervang" in _fails("bag", "importeren", str(copy))
    assert "BAG-extract geladen" in _gdi("bag", "importeren", str(copy), "--vervang")
    assert _gdi("bag", "leegmaken", "--ja").strip().endswith("voorkomens verwijderd.")


def test_gdi_genereren_bag_writes_and_loads_a_country(data_dir: Path) -> None:
    extract = data_dir / "land.zip"
    assert "BAG 2.0 Extract geschreven" in _gdi("genereren", "bag", "--adressen", "800", "--extract", str(extract))
    assert "BAG-extract geladen: heel Nederland" in _gdi("bag", "importeren", str(extract))
    assert "moet minstens 1 zijn" in _fails("genereren", "bag", "--adressen", "0", code=2)


def test_gdi_genereren_gives_the_country_companies_percelen_and_woz_objecten(data_dir: Path) -> None:
    _gdi("genereren", "bag", "--adressen", "600")
    assert "Geen bedrijven gegenereerd: de BRP heeft geen volwassen inwoners" in _fails("genereren", "nhr", "-n", "20")
    _gdi("genereren", "brp", "--personen", "400")
    assert "synthetische bedrijven opgeslagen" in _gdi("genereren", "nhr", "-n", "20")
    assert "bevat al" in _fails("genereren", "nhr", "-n", "20")
    assert "synthetische bedrijven opgeslagen" in _gdi("genereren", "nhr", "-n", "20", "--vervang")
    assert "kadastrale onroerende zaken (percelen en appartementsrechten) opgeslagen" in _gdi("genereren", "brk")
    assert "De BRK bevat al" in _fails("genereren", "brk")
    assert "WOZ-objecten met hun waarden opgeslagen" in _gdi("genereren", "woz")
    assert "0 loos." in _gdi("check")


def _sp_metadata() -> str:
    """The metadata of a SAML service provider, as python3-saml makes it."""
    sleutel, certificaat = sleutelpaar("proefstad")
    sp = {
        "entityId": "https://proefstad.example/saml",
        "assertionConsumerService": {"url": "https://proefstad.example/acs", "binding": ARTIFACT_BINDING},
        "x509cert": certificaat,
        "privateKey": sleutel,
    }
    idp = {
        "entityId": "https://idp.example",
        "singleSignOnService": {"url": "https://idp.example/sso"},
        "x509cert": certificaat,
    }
    return OneLogin_Saml2_Settings({"sp": sp, "idp": idp}).get_sp_metadata().decode()


def test_gdi_digid_makes_accounts_for_brp_persons_and_registers_services(data_dir: Path) -> None:
    (data_dir / "set.csv").write_text(CSV, encoding="utf-8")
    _gdi("brp", "importeren", str(data_dir / "set.csv"))
    assert "DigiD-account test999993653 voor 999993653 gemaakt (wachtwoord: Welkom01!)" in _gdi(
        "digid", "account", "999993653"
    )
    assert "Er is al een DigiD-account met gebruikersnaam test999993653" in _fails("digid", "account", "999993653")
    assert "De BRP kent geen persoon met burgerservicenummer 999991723" in _fails("digid", "account", "999991723")
    assert "burgerservicenummer: Geen geldig burgerservicenummer" in _fails("digid", "account", "12345")
    aangesloten = _gdi(
        "digid", "client", "Proefstad", "--oin", OIN, "--redirect-uri", "https://proefstad.example/klaar"
    )
    assert re.search(r"client_id: digid-[0-9a-f]{16}\nclient_secret: \S{43}", aangesloten)
    assert "alleen voor localhost" in _fails(
        "digid", "client", "X", "--oin", OIN, "--redirect-uri", "http://x.example/"
    )
    assert "Onbekend niveau" in _fails(
        "digid", "client", "X", "--oin", OIN, "--redirect-uri", "https://x.example/", "--niveau", "top"
    )
    assert "Nieuwe ondertekensleutel" in _gdi("digid", "sleutel-roteren")
    met_app = _gdi("digid", "account", "999993653", "--gebruikersnaam", "suzanne", "--app", "substantieel")
    assert "DigiD app (substantieel): otpauth://totp/" in met_app
    assert "Onbekend niveau top" in _fails("digid", "account", "999993653", "--app", "top")
    (data_dir / "sp.xml").write_text(_sp_metadata(), encoding="utf-8")
    assert "aangesloten" in _gdi(
        "digid", "saml-dienst", "Proefstad", "--oin", OIN, "--metadata", str(data_dir / "sp.xml")
    )
    (data_dir / "kapot.xml").write_text("<x/>", encoding="utf-8")
    assert "metadata: Geef een EntityDescriptor" in _fails(
        "digid", "saml-dienst", "X", "--oin", OIN, "--metadata", str(data_dir / "kapot.xml")
    )
    assert "is niet te lezen" in _fails("digid", "saml-dienst", "X", "--oin", OIN, "--metadata", "/bestaat/niet.xml")


def test_gdi_check_reports_the_links(data_dir: Path) -> None:
    assert "0 verwijzingen tussen objecten gecontroleerd, 0 loos." in _gdi("check")
    _gdi("genereren", "bag", "--adressen", "300")
    _gdi("genereren", "brp", "--personen", "60")
    assert "0 loos." in _gdi("check")
    (data_dir / "los.csv").write_text(
        ";01.01.20;01.02.40;08.09.10;08.11.80;08.11.90\nLg01_1;999993653;Moulin;0599;0599010000999999;0599300000999999\n",
        encoding="utf-8",
    )
    _gdi("brp", "importeren", str(data_dir / "los.csv"))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "0599010000999999 (bag.AdresseerbaarObject) bestaat niet" in result.stdout
    assert "0599300000999999 (bag.Nummeraanduiding) is geen geldige identificatie" in result.stdout
    assert "1 loos; 1 met een ongeldige identificatie" in result.stderr
