# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of reading persoonslijsten in the JSON import form (brp-import.md): good and bad input."""

from __future__ import annotations

from typing import Any

import pytest

from opengdi.registers.brp.invoer import (
    ImportErrors,
    burgerservicenummers,
    identifying_bsn,
    read_persoonslijst,
    read_persoonslijsten,
)
from opengdi.registers.brp.persoonslijst import Persoonslijst

#: The example of brp-import.md.
VOORBEELD: dict[str, Any] = {
    "persoonslijsten": [
        {
            "01": [{"01.20": "999993653", "02.10": "Suzanne", "02.40": "Moulin", "03.10": "19851201"}],
            "04": [{"05.10": "0057", "63.10": "301"}, {"stapel": 2, "05.10": "0001", "63.10": "001"}],
            "05": [{"02.10": "Jean Marie", "06.10": "20081201", "15.10": "H"}],
            "07": [{"68.10": "20131102", "70.10": "0"}],
            "08": [
                {"09.10": "0599", "10.30": "20150808", "11.10": "Boterdiep", "11.20": "31", "11.60": "3077AW"},
                {"09.10": "0599", "10.30": "20131102", "11.10": "Vredesplein", "11.20": "7"},
            ],
        }
    ]
}


def read_one(lijst: dict[str, Any]) -> Persoonslijst:
    """The single persoonslijst of a valid import."""
    lijsten, errors = read_persoonslijsten({"persoonslijsten": [lijst]})
    assert errors == []
    assert len(lijsten) == 1
    return lijsten[0]


def errors_of(body: Any) -> list[tuple[str, str]]:
    """The (name, code) of each error in an import body."""
    _, errors = read_persoonslijsten(body)
    return [(error.name, error.code) for error in errors]


def one(lijst: dict[str, Any]) -> dict[str, Any]:
    return {"persoonslijsten": [lijst]}


PERSOON = {"01": [{"01.20": "999993653"}]}


# --- good input -----------------------------------------------------------------------------------


def test_the_example_of_the_import_format_reads_without_errors() -> None:
    lijsten, errors = read_persoonslijsten(VOORBEELD)
    assert errors == []
    assert [lijst.burgerservicenummer for lijst in lijsten] == ["999993653"]
    lijst = lijsten[0]
    assert sorted(lijst.stapels) == ["01", "04", "05", "07", "08"]
    assert lijst.element("01", "02.10") == "Suzanne"
    assert lijst.element("07", "68.10") == "20131102"


def test_each_stapel_of_a_repeating_category_is_kept_apart() -> None:
    lijst = read_one(VOORBEELD["persoonslijsten"][0])
    assert [[(v.stapel, v.volgnummer, v.get("05.10")) for v in stapel] for stapel in lijst.stapels["04"]] == [
        [(1, 0, "0057")],
        [(2, 0, "0001")],
    ]
    assert [voorkomen.get("05.10") for voorkomen in lijst.actuele("04")] == ["0057", "0001"]


def test_voorkomens_are_newest_first_so_their_order_gives_the_volgnummer() -> None:
    lijst = read_one(VOORBEELD["persoonslijsten"][0])
    historie = lijst.historie("08")
    assert [(voorkomen.volgnummer, voorkomen.get("11.10")) for voorkomen in historie] == [
        (0, "Boterdiep"),
        (1, "Vredesplein"),
    ]
    assert lijst.element("08", "11.10") == "Boterdiep"


def test_volgnummers_count_per_stapel_even_when_stapels_interleave() -> None:
    lijst = read_one(
        {
            **PERSOON,
            "05": [{"02.40": "A1"}, {"stapel": 2, "02.40": "B1"}, {"02.40": "A2"}, {"stapel": 2, "02.40": "B2"}],
        }
    )
    assert [[(v.volgnummer, v.get("02.40")) for v in stapel] for stapel in lijst.stapels["05"]] == [
        [(0, "A1"), (1, "A2")],
        [(0, "B1"), (1, "B2")],
    ]


def test_an_adres_object_is_merged_into_its_verblijfplaats_voorkomen() -> None:
    lijst = read_one(
        {
            **PERSOON,
            "08": [
                {"09.10": "0599", "adres": {"11.10": "Boterdiep", "11.20": "31", "12.10": "Woonboot", "13.30": "Rue 1"}}
            ],
        }
    )
    verblijfplaats = lijst.actueel("08")
    assert verblijfplaats is not None
    assert dict(verblijfplaats.elementen) == {
        "09.10": "0599",
        "11.10": "Boterdiep",
        "11.20": "31",
        "12.10": "Woonboot",
        "13.30": "Rue 1",
    }


def test_an_element_given_directly_wins_over_the_same_element_in_adres() -> None:
    lijst = read_one({**PERSOON, "08": [{"11.10": "Boterdiep", "adres": {"11.10": "Vredesplein", "11.20": "7"}}]})
    assert lijst.element("08", "11.10") == "Boterdiep"
    assert lijst.element("08", "11.20") == "7"


def test_fixed_length_numbers_are_zero_padded_on_reading() -> None:
    lijst = read_one({"01": [{"01.20": "99993653"}], "04": [{"05.10": "57", "63.10": "1"}], "08": [{"09.10": "599"}]})
    assert lijst.burgerservicenummer == "099993653"
    assert lijst.element("04", "05.10") == "0057"
    assert lijst.element("04", "63.10") == "001"
    assert lijst.element("08", "09.10") == "0599"


def test_an_empty_string_is_kept_as_an_emptied_element() -> None:
    lijst = read_one({"01": [{"01.20": "999993653", "02.30": ""}]})
    voorkomen = lijst.actueel("01")
    assert voorkomen is not None
    assert voorkomen.elementen["02.30"] == ""
    assert voorkomen.get("02.30") is None


def test_a_corrected_voorkomen_is_marked_onjuist() -> None:
    lijst = read_one({"01": [{"01.20": "999993653"}, {"01.20": "999993653", "02.40": "Mulin", "84.10": "O"}]})
    assert [voorkomen.is_onjuist for voorkomen in lijst.historie("01")] == [False, True]


def test_the_bsn_comes_from_a_history_voorkomen_when_the_actual_one_has_none() -> None:
    lijst = read_one({"01": [{"01.20": "", "02.40": "Moulin"}, {"01.20": "111222333"}]})
    assert lijst.burgerservicenummer is None
    assert identifying_bsn(lijst) == "111222333"


def test_burgerservicenummers_are_given_in_the_order_of_the_import() -> None:
    lijsten, errors = read_persoonslijsten(
        {
            "persoonslijsten": [
                {"01": [{"01.20": "999993653"}]},
                {"01": [{"02.40": "Onbekend"}]},
                {"01": [{"01.20": "000000024"}]},
            ]
        }
    )
    assert errors == []
    assert burgerservicenummers(lijsten) == ["999993653", None, "000000024"]


def test_an_empty_list_of_persoonslijsten_is_valid_and_reads_nothing() -> None:
    assert read_persoonslijsten({"persoonslijsten": []}) == ([], [])


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [[], "persoonslijsten", None, 5])
def test_a_body_that_is_not_an_object_is_refused(body: Any) -> None:
    assert errors_of(body) == [("body", "object")]


def test_a_body_without_persoonslijsten_is_refused() -> None:
    assert errors_of({}) == [("persoonslijsten", "required")]


def test_persoonslijsten_that_are_not_a_list_are_refused() -> None:
    assert errors_of({"persoonslijsten": {"01": []}}) == [("persoonslijsten", "array")]


def test_an_unexpected_key_next_to_persoonslijsten_is_reported() -> None:
    assert errors_of({"persoonslijsten": [PERSOON], "extra": 1}) == [("extra", "unknownParam")]


def test_a_persoonslijst_that_is_not_an_object_is_refused() -> None:
    assert errors_of({"persoonslijsten": [PERSOON, ["01"]]}) == [("persoonslijsten[1]", "object")]


def test_a_historic_category_code_is_an_unknown_category() -> None:
    _, errors = read_persoonslijsten(one({**PERSOON, "51": [{"01.20": "999993653"}]}))
    assert [(error.name, error.code) for error in errors] == [("persoonslijsten[0].51", "unknownParam")]
    assert "01 tot en met 14" in errors[0].reason


@pytest.mark.parametrize(("items", "code"), [([], "minItems"), ({}, "array"), ("x", "array")])
def test_a_category_that_is_not_a_non_empty_list_is_refused(items: Any, code: str) -> None:
    assert errors_of(one({**PERSOON, "08": items})) == [("persoonslijsten[0].08", code)]


def test_an_element_that_does_not_belong_to_its_category_is_reported_with_its_path() -> None:
    _, errors = read_persoonslijsten(one({"01": [{"01.20": "999993653", "11.20": "7"}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        ("persoonslijsten[0].01[0].11.20", "unknownParam", "Element 11.20 hoort niet bij categorie 01 (persoon).")
    ]


@pytest.mark.parametrize("key", ["99.99", "01.99", "0120"])
def test_an_unknown_element_is_reported_with_its_path(key: str) -> None:
    assert errors_of(one({"01": [{"01.20": "999993653", key: "1"}]})) == [
        (f"persoonslijsten[0].01[0].{key}", "unknownParam")
    ]


@pytest.mark.parametrize("value", [999993653, None, ["999993653"], True])
def test_a_value_that_is_not_a_string_is_refused(value: Any) -> None:
    _, errors = read_persoonslijsten(one({"01": [{"01.20": value}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        ("persoonslijsten[0].01[0].01.20", "string", "Waarde is geen geldige string.")
    ]


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("01.20", "12345678X", "burgerservicenummer: Waarde bevat andere tekens dan cijfers."),
        ("01.20", "1234567890", "burgerservicenummer: Waarde is langer dan maximale lengte 9."),
        ("04.10", "MV", "geslachtsaanduiding: Waarde is langer dan maximale lengte 1."),
    ],
)
def test_a_value_of_the_wrong_form_is_a_pattern_error(key: str, value: str, reason: str) -> None:
    _, errors = read_persoonslijsten(one({"01": [{key: value}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        (f"persoonslijsten[0].01[0].{key}", "pattern", reason)
    ]


@pytest.mark.parametrize("value", ["19830231", "2020", "1983-05-26", "19831300"])
def test_a_bad_date_is_a_date_error(value: str) -> None:
    _, errors = read_persoonslijsten(one({"01": [{"01.20": "999993653", "03.10": value}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        (
            "persoonslijsten[0].01[0].03.10",
            "date",
            "geboortedatum: Waarde is geen geldige datum (JJJJMMDD, onbekende delen 00).",
        )
    ]


def test_a_stapel_on_a_category_that_occurs_once_is_refused() -> None:
    _, errors = read_persoonslijsten(one({**PERSOON, "08": [{"stapel": 2, "09.10": "0599"}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        ("persoonslijsten[0].08[0].stapel", "maximum", "Categorie 08 (verblijfplaats) komt maar één keer voor.")
    ]


def test_stapel_1_on_a_category_that_occurs_once_is_allowed() -> None:
    assert read_one({**PERSOON, "08": [{"stapel": 1, "09.10": "0599"}]}).element("08", "09.10") == "0599"


@pytest.mark.parametrize(
    ("stapel", "code"), [(0, "minimum"), (-1, "minimum"), ("2", "integer"), (True, "integer"), (1.5, "integer")]
)
def test_a_stapel_that_is_not_a_whole_number_from_1_is_refused(stapel: Any, code: str) -> None:
    assert errors_of(one({**PERSOON, "04": [{"stapel": stapel, "05.10": "0001"}]})) == [
        ("persoonslijsten[0].04[0].stapel", code)
    ]


def test_a_persoonslijst_without_category_01_is_refused() -> None:
    _, errors = read_persoonslijsten(one({"08": [{"09.10": "0599"}]}))
    assert [(error.name, error.code, error.reason) for error in errors] == [
        ("persoonslijsten[0].01", "required", "Een persoonslijst heeft een categorie 01 (persoon).")
    ]


def test_an_adres_that_is_not_an_object_is_refused() -> None:
    assert errors_of(one({**PERSOON, "08": [{"adres": "Boterdiep 31"}]})) == [
        ("persoonslijsten[0].08[0].adres", "object")
    ]


def test_an_adres_may_only_hold_address_elements() -> None:
    assert errors_of(one({**PERSOON, "08": [{"adres": {"09.10": "0599", "11.20": "x"}}]})) == [
        ("persoonslijsten[0].08[0].adres.09.10", "unknownParam"),
        ("persoonslijsten[0].08[0].adres.11.20", "pattern"),
    ]


def test_adres_is_an_unknown_element_outside_category_08() -> None:
    assert errors_of(one({"01": [{"01.20": "999993653", "adres": {"11.10": "Boterdiep"}}]})) == [
        ("persoonslijsten[0].01[0].adres", "unknownParam")
    ]


def test_every_error_in_every_persoonslijst_is_reported_and_nothing_is_accepted() -> None:
    body = {
        "persoonslijsten": [
            {"01": [{"01.20": "12345678X"}], "08": [{"stapel": 2}]},
            {"01": [{"01.20": "999993653"}]},
            {"06": [{"08.10": "20200231"}]},
        ]
    }
    assert errors_of(body) == [
        ("persoonslijsten[0].01[0].01.20", "pattern"),
        ("persoonslijsten[0].08[0].stapel", "maximum"),
        ("persoonslijsten[2].06[0].08.10", "date"),
        ("persoonslijsten[2].01", "required"),
    ]


@pytest.mark.parametrize("voorkomen", ["999993653", ["01.20"], 5])
def test_a_voorkomen_that_is_not_an_object_is_reported_not_crashed_on(voorkomen: Any) -> None:
    assert errors_of(one({"01": [{"01.20": "999993653"}, voorkomen]})) == [("persoonslijsten[0].01[1]", "object")]


def test_a_bsn_in_non_ascii_digits_is_not_a_number() -> None:
    assert errors_of(one({"01": [{"01.20": "٩٩٩٩٩٣٦٥٣"}]})) == [("persoonslijsten[0].01[0].01.20", "pattern")]


# --- lenient reading ------------------------------------------------------------------------------


def test_a_lenient_reader_keeps_values_of_the_wrong_form_and_records_warnings() -> None:
    errors = ImportErrors([], strict=False)
    lijst = read_persoonslijst(
        {"01": [{"01.20": "12345678X", "03.10": "19830231", "02.40": "Moulin"}]}, "Lg01_1", errors
    )
    assert errors.params == []
    assert [(warning.name, warning.code) for warning in errors.warnings] == [
        ("Lg01_1.01[0].01.20", "pattern"),
        ("Lg01_1.01[0].03.10", "date"),
    ]
    voorkomen = lijst.actueel("01")
    assert voorkomen is not None
    assert dict(voorkomen.elementen) == {"01.20": "12345678X", "03.10": "19830231", "02.40": "Moulin"}


def test_a_lenient_reader_still_refuses_what_is_not_a_value_of_a_known_element() -> None:
    errors = ImportErrors([], strict=False)
    read_persoonslijst({"01": [{"01.20": 999993653, "99.99": "x"}], "08": [{"stapel": 2}]}, "pl", errors)
    assert [(error.name, error.code) for error in errors.params] == [
        ("pl.01[0].01.20", "string"),
        ("pl.01[0].99.99", "unknownParam"),
        ("pl.08[0].stapel", "maximum"),
    ]
    assert errors.warnings == []


def test_a_strict_reader_records_no_warnings() -> None:
    errors = ImportErrors([])
    read_persoonslijst({"01": [{"01.20": "12345678X"}]}, "pl", errors)
    assert [(error.name, error.code) for error in errors.params] == [("pl.01[0].01.20", "pattern")]
    assert errors.warnings == []
