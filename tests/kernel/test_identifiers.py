# SPDX-License-Identifier: EUPL-1.2
"""BSN, A-nummer, RSIN, KvK-nummer, vestigingsnummer and postcode check rules."""

from __future__ import annotations

import pytest

from opengdi.kernel.identifiers import (
    bsn_check_digit,
    is_valid_a_nummer,
    is_valid_bsn,
    is_valid_kvk_nummer,
    is_valid_rsin,
    is_valid_vestigingsnummer,
    normalize_postcode,
)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("999993653", True),
        ("111222333", True),
        ("999999999", False),
        ("12345678", False),
        ("99999365a", False),
    ],
)
def test_a_bsn_passes_the_11_proef(value: str, valid: bool) -> None:
    assert is_valid_bsn(value) is valid


def test_the_check_digit_completes_a_bsn() -> None:
    digit = bsn_check_digit("99999365")
    assert digit == 3
    assert is_valid_bsn(f"99999365{digit}")


def test_an_rsin_uses_the_same_proef() -> None:
    assert is_valid_rsin("002564440") and not is_valid_rsin("002564441")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("69599084", True),  # the KvK test environment's Test EMZ Dagobert
        ("02045200", True),  # a real company's, which a weighted 11-proef would refuse
        ("6959908", False),
        ("6959908a", False),
        ("٦٩٥٩٩٠٨٤", False),  # digits, but not ASCII ones
    ],
)
def test_a_kvk_nummer_is_eight_digits(value: str, valid: bool) -> None:
    assert is_valid_kvk_nummer(value) is valid


def test_a_vestigingsnummer_is_twelve_digits() -> None:
    assert is_valid_vestigingsnummer("000038509504")
    assert not any(map(is_valid_vestigingsnummer, ("00003850950", "00003850950x", "0000385095040")))


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("8940402024", True),  # from the RvIG test set
        ("0940402024", False),  # starts with 0
        ("8840402024", False),  # two equal digits next to each other
        ("8940402025", False),  # weighted sum not divisible by 11
    ],
)
def test_an_a_nummer_follows_the_gba_rules(value: str, valid: bool) -> None:
    assert is_valid_a_nummer(value) is valid


@pytest.mark.parametrize(
    ("value", "expected"), [("2511 bt", "2511BT"), ("2511BT", "2511BT"), ("0511BT", None), ("2511 B", None)]
)
def test_postcodes_are_normalised(value: str, expected: str | None) -> None:
    assert normalize_postcode(value) == expected
