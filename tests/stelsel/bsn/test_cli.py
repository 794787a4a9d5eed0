# SPDX-License-Identifier: EUPL-1.2
"""``gdi bsn …``: numbers alone on standard output, and every wrong argument or refusal one Dutch
line on standard error with a non-zero exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.stelsel.bsn.nummers import als_tekst, volgende_geldige
from tests.test_cli import _fails, _gdi, data_dir  # noqa: F401 - the fixture

OIN = "00000099100000599000"


def test_issuing_validating_reserving_and_the_stock(data_dir: Path) -> None:  # noqa: F811
    nummers = _gdi("bsn", "uitgeven", "--aantal", "3", "--aanvrager", OIN).split()
    assert len(nummers) == 3 and all(is_valid_bsn(bsn) for bsn in nummers)
    assert re.fullmatch(
        rf"{nummers[0]}: uitgegeven aan {OIN} op \S+ \(uitgifte 1\)\n", _gdi("bsn", "valideren", nummers[0])
    )
    assert _gdi("bsn", "valideren", "123456789") == "123456789: ongeldig\n"
    assert "Reeks 1 voor 00000099100000599000: " in _gdi("bsn", "voorraad", "--aanvrager", OIN)
    assert "3 uitgegeven, 0 overgeslagen, 9997 resterend (startvoorraad)" in _gdi("bsn", "voorraad", "--aanvrager", OIN)
    reeks = _gdi("bsn", "reserveren", "--aanvrager", OIN, "--omvang", "2", "--eerste", "880000000")
    eerste = als_tekst(volgende_geldige(880_000_000, 1)[0])  # the range begins at the first valid number
    assert reeks.startswith(f"Reeks 2 voor 00000099100000599000: {eerste}-") and "2 nummers" in reeks
    assert "startvoorraad" in _gdi("bsn", "voorraad", "--aanvrager", OIN)
    assert "Geen reeksen" in _gdi("bsn", "voorraad")


@pytest.mark.parametrize(
    ("arguments", "code", "expected"),
    [
        (["bsn", "uitgeven", "--aantal", "0"], 2, "Ongeldige waarde voor '--aantal' / '-n': moet minstens 1"),
        (["bsn", "uitgeven", "-n", "x"], 2, "geen geheel getal"),
        (["bsn", "uitgeven", "--aanvrager", "123"], 1, "aanvrager: Waarde is geen OIN (20 cijfers)."),
        (["bsn", "uitgeven", "--kenmerk", "a\x01b"], 1, "kenmerk: Waarde moet 1 tot 100 afdrukbare tekens zijn."),
        (["bsn", "valideren"], 2, "Argument burgerservicenummer ontbreekt."),
        (["bsn", "valideren", "12345"], 1, "burgerservicenummer: Waarde voldoet niet aan patroon ^[0-9]{9}$."),
        (["bsn", "reserveren"], 2, "Optie --aanvrager ontbreekt."),
        (["bsn", "reserveren", "--aanvrager", OIN, "--eerste", "9"], 1, "eerste: Waarde voldoet niet aan patroon"),
        (["bsn", "reserveren", "--aanvrager", OIN, "--omvang", "5", "--eerste", "999999990"], 1, "past niet onder"),
        (["bsn", "voorraad", "--aanvrager", "x"], 1, "aanvrager: Waarde is geen OIN (20 cijfers)."),
        (["bsn", "onbekend"], 2, "Onbekend commando 'onbekend'."),
    ],
)
def test_wrong_arguments_are_one_line(data_dir: Path, arguments: list[str], code: int, expected: str) -> None:  # noqa: F811
    assert expected in _fails(*arguments, code=code)


def test_an_exhausted_stock_is_one_line(data_dir: Path) -> None:  # noqa: F811
    _gdi("bsn", "reserveren", "--aanvrager", OIN, "--omvang", "2")
    _gdi("bsn", "uitgeven", "-n", "2", "--aanvrager", OIN)
    message = _fails("bsn", "uitgeven", "--aanvrager", OIN)
    assert message.startswith(f"De voorraad van {OIN} heeft nog 0 burgerservicenummers; er zijn er 1 gevraagd.")
