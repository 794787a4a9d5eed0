# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of the LO3 logical design: which elements a category holds, value checks and zero-padding."""

from __future__ import annotations

import pytest

from opengdi.registers.brp import lo3
from opengdi.registers.brp.lo3 import (
    ELEMENTS,
    Form,
    category_name,
    element_for,
    is_valid_gba_date,
    normalize_value,
    value_error,
)


@pytest.mark.parametrize(
    ("categorie", "key"),
    [
        ("01", "01.20"),
        ("01", "02.40"),
        ("01", "61.10"),
        ("01", "83.10"),
        ("02", "62.10"),
        ("04", "05.10"),
        ("04", "63.10"),
        ("05", "06.10"),
        ("05", "15.10"),
        ("06", "08.10"),
        ("07", "67.20"),
        ("07", "70.10"),
        ("08", "09.10"),
        ("08", "11.10"),
        ("08", "13.30"),
        ("08", "14.20"),
        ("09", "03.10"),
        ("09", "04.10"),
        ("10", "39.10"),
        ("11", "33.10"),
        ("12", "35.20"),
        ("13", "38.20"),
        ("14", "48.10"),
    ],
)
def test_an_element_of_a_group_the_category_holds_belongs_to_it(categorie: str, key: str) -> None:
    element = element_for(categorie, key)
    assert element is not None
    assert element.code == key
    assert element.group == key[:2]


@pytest.mark.parametrize(
    ("categorie", "key"),
    [
        ("08", "01.20"),
        ("01", "11.20"),
        ("01", "05.10"),
        ("04", "02.40"),
        ("06", "03.10"),
        ("07", "83.10"),
        ("14", "83.10"),
        ("02", "61.10"),
    ],
)
def test_an_element_of_a_group_the_category_does_not_hold_does_not_belong_to_it(categorie: str, key: str) -> None:
    assert element_for(categorie, key) is None


@pytest.mark.parametrize("key", ["01.99", "99.99", "1.20", "0120", "01.20.10", "01.20\n", "", "stapel"])
def test_an_unknown_or_malformed_element_key_belongs_nowhere(key: str) -> None:
    assert element_for("01", key) is None


def test_elements_know_their_form_and_length() -> None:
    assert (ELEMENTS["01.20"].form, ELEMENTS["01.20"].min_length, ELEMENTS["01.20"].max_length) == (Form.NUMERIC, 9, 9)
    assert (ELEMENTS["11.20"].form, ELEMENTS["11.20"].min_length, ELEMENTS["11.20"].max_length) == (Form.NUMERIC, 1, 5)
    assert (ELEMENTS["02.40"].form, ELEMENTS["02.40"].max_length) == (Form.ALPHANUMERIC, 200)
    assert ELEMENTS["03.10"].form is Form.DATE
    assert ELEMENTS["01.20"].naam == "burgerservicenummer"


@pytest.mark.parametrize(
    ("code", "naam"),
    [
        ("01", "persoon"),
        ("05", "huwelijk/geregistreerd partnerschap"),
        ("08", "verblijfplaats"),
        ("14", "afnemersindicatie"),
    ],
)
def test_each_category_has_its_dutch_name(code: str, naam: str) -> None:
    assert category_name(code) == naam


def test_the_repeating_categories_are_nationaliteit_huwelijk_kind_reisdocument_and_afnemersindicatie() -> None:
    assert {"04", "05", "09", "12", "14"} == lo3.REPEATING_CATEGORIES
    assert set(lo3.CATEGORIES) == {f"{number:02d}" for number in range(1, 15)}


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("19830526", True),
        ("19830500", True),
        ("19830000", True),
        ("00000000", True),
        ("20200229", True),
        ("19830231", False),
        ("20210229", False),
        ("19831301", False),
        ("19830532", False),
        ("19830026", False),
        ("1983052", False),
        ("198305260", False),
        ("1983O526", False),
        ("1983-05-", False),
        ("", False),
        ("١٩٨٣0526", False),
    ],
)
def test_a_gba_date_is_jjjjmmdd_with_00_for_unknown_parts(value: str, valid: bool) -> None:
    assert is_valid_gba_date(value) is valid


@pytest.mark.parametrize(
    ("key", "value", "normalized"),
    [
        ("05.10", "57", "0057"),
        ("01.20", "99993653", "099993653"),
        ("63.10", "1", "001"),
        ("09.10", "599", "0599"),
        ("11.20", "7", "7"),  # huisnummer has no fixed length
        ("80.10", "5", "5"),  # versienummer neither
        ("02.10", "7", "7"),  # alphanumeric: never padded
        ("05.10", "", ""),  # emptied
        ("05.10", "5x", "5x"),  # not a number: left alone
        ("05.10", "٥٧", "٥٧"),  # nor are non-ASCII digits
    ],
)
def test_a_fixed_length_number_is_zero_padded_and_everything_else_kept(key: str, value: str, normalized: str) -> None:
    assert normalize_value(ELEMENTS[key], value) == normalized


@pytest.mark.parametrize(
    ("key", "value", "error"),
    [
        ("01.20", "12345678X", "Waarde bevat andere tekens dan cijfers."),
        ("01.20", "٩٩٩٩٩٣٦٥٣", "Waarde bevat andere tekens dan cijfers."),
        ("01.20", "1234567890", "Waarde is langer dan maximale lengte 9."),
        ("11.20", "123456", "Waarde is langer dan maximale lengte 5."),
        ("04.10", "MV", "Waarde is langer dan maximale lengte 1."),
        ("02.40", "x" * 201, "Waarde is langer dan maximale lengte 200."),
        ("03.10", "2020", "Waarde is geen geldige datum (JJJJMMDD, onbekende delen 00)."),
        ("03.10", "19830231", "Waarde is geen geldige datum (JJJJMMDD, onbekende delen 00)."),
    ],
)
def test_a_value_of_the_wrong_form_is_explained(key: str, value: str, error: str) -> None:
    assert value_error(ELEMENTS[key], value) == error


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("01.20", "999993653"),
        ("01.20", "1234"),
        ("01.20", ""),
        ("03.10", "19830500"),
        ("03.10", ""),
        ("02.40", "x" * 200),
        ("02.10", "Żáïŀëñøŕ"),
        ("11.20", "31"),
    ],
)
def test_a_value_of_the_right_form_an_empty_value_or_a_short_number_is_valid(key: str, value: str) -> None:
    assert value_error(ELEMENTS[key], value) is None
