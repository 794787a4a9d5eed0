# SPDX-License-Identifier: EUPL-1.2
"""Unit tests for the Logius OIN scheme in :mod:`opengdi.stelsel.digikoppeling.oin`."""

from __future__ import annotations

import pytest

from opengdi.stelsel.digikoppeling import oin

LOGIUS_RSIN = "822477348"  # Logius (Handelsregister), passes the 11-proef
LOGIUS_OIN = "00000001822477348000"


def test_uit_rsin_builds_the_logius_oin() -> None:
    assert oin.uit_rsin(LOGIUS_RSIN) == LOGIUS_OIN
    assert oin.is_valid_oin(oin.uit_rsin(LOGIUS_RSIN)) is True


@pytest.mark.parametrize(
    "rsin",
    [
        "822477349",  # last digit changed: fails the 11-proef
        "82247734",  # 8 digits
        "8224773480",  # 10 digits
        "82247734a",
        "000000000",
        "",
    ],
)
def test_uit_rsin_refuses_an_invalid_rsin(rsin: str) -> None:
    with pytest.raises(ValueError, match="geen geldig RSIN"):
        oin.uit_rsin(rsin)


def test_uit_kvk_pads_eight_digits_with_four_zeros() -> None:
    assert oin.uit_kvk("12345678") == "00000003123456780000"
    assert len(oin.uit_kvk("12345678")) == 20
    assert oin.is_valid_oin(oin.uit_kvk("12345678")) is True


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "", "12 45678"])
def test_uit_kvk_refuses_what_is_no_kvk_nummer(kvk: str) -> None:
    with pytest.raises(ValueError, match="geen KvK-nummer"):
        oin.uit_kvk(kvk)


def test_uit_kvk_refuses_a_trailing_newline() -> None:
    with pytest.raises(ValueError, match="geen KvK-nummer"):
        oin.uit_kvk("12345678\n")


@pytest.mark.parametrize(
    ("hoofdnummer", "expected"),
    [
        (1, "00000099000000001000"),
        (123456789, "00000099123456789000"),
        (999_999_999, "00000099999999999000"),
    ],
)
def test_test_oin_has_the_test_prefix_and_nine_digits(hoofdnummer: int, expected: str) -> None:
    assert oin.test_oin(hoofdnummer) == expected
    assert oin.test_oin(hoofdnummer).startswith(oin.PREFIX_TEST)
    assert oin.is_valid_oin(expected) is True


@pytest.mark.parametrize("hoofdnummer", [0, -1, 10**9])
def test_test_oin_refuses_numbers_outside_nine_digits(hoofdnummer: int) -> None:
    with pytest.raises(ValueError, match="hoogstens 9 cijfers"):
        oin.test_oin(hoofdnummer)


@pytest.mark.parametrize(
    "value",
    [
        LOGIUS_OIN,  # 00000001 + RSIN + 000
        "00000002123456789000",  # Fi-nummer
        "00000003123456780000",  # KvK-nummer + 0000
        "00000004123456789000",  # SubOIN
        "00000006123456789000",  # Logius OIN-hoofdnummer
        "00000099123456789000",  # test OIN
    ],
)
def test_is_valid_oin_accepts_each_prefix_kind(value: str) -> None:
    assert oin.is_valid_oin(value) is True


@pytest.mark.parametrize(
    "value",
    [
        "0000000182247734800",  # 19 digits
        "000000018224773480000",  # 21 digits
        "",
        "0000000182247734800a",  # a letter
        "00000001 822477348000",
        "00000001-82247734800",
        "00000001822477348000\n",
        "０００００００１８２２４７７３４８０００",  # full-width digits are no ASCII digits
    ],
)
def test_is_valid_oin_refuses_wrong_length_and_non_digits(value: str) -> None:
    assert oin.is_valid_oin(value) is False


@pytest.mark.parametrize(
    "value",
    [
        "00000001822477348001",  # RSIN-based with a non-zero suffix
        "00000003123456781000",  # KvK-based: the last four must be zeros
        "00000003123456789000",  # KvK-based with a 9-digit number and only three zeros
        "00000004123456789001",  # SubOIN with a non-zero suffix
        "00000099123456789100",  # test OIN with a non-zero suffix
    ],
)
def test_is_valid_oin_refuses_bad_suffixes(value: str) -> None:
    assert oin.is_valid_oin(value) is False


def test_is_valid_oin_refuses_an_rsin_based_oin_with_a_bad_rsin() -> None:
    assert oin.is_valid_oin("00000001822477349000") is False  # RSIN fails the 11-proef
    assert oin.is_valid_oin("00000001000000000000") is False
    # the same number under a prefix that is not RSIN-based is not checked with the 11-proef
    assert oin.is_valid_oin("00000099822477349000") is True


@pytest.mark.parametrize(
    "value",
    [
        "00000000123456789000",  # prefix of only zeros
        "10000001822477348000",  # prefix not starting with 000000
        "00000101822477348000",
        "12345678123456789000",
    ],
)
def test_is_valid_oin_refuses_unknown_prefixes(value: str) -> None:
    assert oin.is_valid_oin(value) is False
