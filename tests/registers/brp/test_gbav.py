# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of reading the element-coded CSV of the RvIG GBA-V test set into persoonslijsten in import form."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import pytest

from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.invoer import ImportErrors, identifying_bsn, read_persoonslijst, read_persoonslijsten

HEADER = "01.01.20;01.02.40;01.H;04.05.10;04.H;07.68.10;07.H;08.09.10;08.11.10;08.11.20;08.H"


def csv_text(*rows: str) -> str:
    """A CSV text with a label column, the columns of ``HEADER`` and ``rows``."""
    return "\n".join([f";{HEADER}", *rows]) + "\n"


def read(text: str) -> dict[str, Any]:
    """Label → persoonslijst in import form."""
    return dict(read_gbav_csv(text))


@cache
def gbav_testset_labelled() -> tuple[tuple[str, Any], ...]:
    """The shipped RvIG test set as (label, persoonslijst) pairs, in file order."""
    text = (files("opengdi.registers.brp") / "data" / "gbav-testset-persoonslijsten.csv").read_text("utf-8")
    return tuple(read_gbav_csv(text))


def gbav_testset() -> dict[str, Any]:
    """The shipped RvIG test set by label."""
    return dict(gbav_testset_labelled())


# --- small inline CSV texts -----------------------------------------------------------------------


def test_a_row_starting_with_lg01_opens_a_persoonslijst_with_the_categories_it_fills() -> None:
    lijsten = read(csv_text("Lg01_1;999993653;Moulin;;0057;;20131102;;0599;Boterdiep;31;"))
    assert lijsten == {
        "Lg01_1": {
            "01": [{"01.20": "999993653", "02.40": "Moulin"}],
            "04": [{"05.10": "0057"}],
            "07": [{"68.10": "20131102"}],
            "08": [{"09.10": "0599", "11.10": "Boterdiep", "11.20": "31"}],
        }
    }


def test_a_mark_nn_puts_the_next_rows_data_in_a_new_stapel() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;;0057;04;;;;;;",
            ";;;;0001;;;;;;;",
        )
    )
    assert lijsten["Lg01_1"]["04"] == [{"05.10": "0057"}, {"stapel": 2, "05.10": "0001"}]


def test_a_mark_nn_plus_50_puts_the_next_rows_data_in_an_older_voorkomen_of_the_same_stapel() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;;0057;54;;;0599;Boterdiep;31;58",
            ";;;;0052;;;;0599;Vredesplein;7;",
        )
    )
    assert lijsten["Lg01_1"]["04"] == [{"05.10": "0057"}, {"05.10": "0052"}]
    assert lijsten["Lg01_1"]["08"] == [
        {"09.10": "0599", "11.10": "Boterdiep", "11.20": "31"},
        {"09.10": "0599", "11.10": "Vredesplein", "11.20": "7"},
    ]


def test_marks_per_category_build_stapels_with_their_own_history() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;;0057;04;;;;;;",
            ";;;;0001;54;;;;;;",
            ";;;;0002;;;;;;;",
        )
    )
    assert lijsten["Lg01_1"]["04"] == [
        {"05.10": "0057"},
        {"stapel": 2, "05.10": "0001"},
        {"stapel": 2, "05.10": "0002"},
    ]


def test_a_new_stapel_mark_on_a_category_that_occurs_once_is_read_as_history() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;;;;;;0599;Boterdiep;31;08",
            ";;;;;;;;0599;Vredesplein;7;",
        )
    )
    assert lijsten["Lg01_1"]["08"] == [
        {"09.10": "0599", "11.10": "Boterdiep", "11.20": "31"},
        {"09.10": "0599", "11.10": "Vredesplein", "11.20": "7"},
    ]


def test_history_of_category_01_continues_on_the_next_row() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;51;;;;;;;;",
            ";999993653;Mulin;;;;;;;;;",
        )
    )
    assert lijsten["Lg01_1"]["01"] == [
        {"01.20": "999993653", "02.40": "Moulin"},
        {"01.20": "999993653", "02.40": "Mulin"},
    ]


def test_each_lg01_row_opens_the_next_persoonslijst_in_order() -> None:
    lijsten = list(
        read_gbav_csv(
            csv_text(
                "Lg01_1;999993653;Moulin;;;;;;;;;",
                "LG01_2;999995418;Vlag;;;;;;;;;",
                "lg01_3;999995406;Prins;;;;;;;;;",
            )
        )
    )
    assert [(label, lijst["01"][0]["01.20"]) for label, lijst in lijsten] == [
        ("Lg01_1", "999993653"),
        ("LG01_2", "999995418"),
        ("lg01_3", "999995406"),
    ]


def test_rows_before_the_first_persoonslijst_and_blank_rows_are_skipped() -> None:
    lijsten = read(
        csv_text(
            ";111111111;Voor;;;;;;;;;",
            "",
            "Lg01_1;999993653;Moulin;;;;;;;;;",
            ";;;;;;;;;;;",
            "",
        )
    )
    assert lijsten == {"Lg01_1": {"01": [{"01.20": "999993653", "02.40": "Moulin"}]}}


def test_a_byte_order_mark_and_spaces_around_values_are_ignored() -> None:
    text = "\ufeff" + csv_text("Lg01_1; 999993653 ;Moulin ;;;;;;;;;")
    assert read(text) == {"Lg01_1": {"01": [{"01.20": "999993653", "02.40": "Moulin"}]}}


def test_a_repeated_column_name_is_read_from_its_first_column() -> None:
    text = ";01.01.20;01.02.40;01.02.40\nLg01_1;999993653;Moulin;Anders\n"
    assert read(text) == {"Lg01_1": {"01": [{"01.20": "999993653", "02.40": "Moulin"}]}}


def test_a_short_row_leaves_the_missing_cells_empty() -> None:
    assert read(csv_text("Lg01_1;999993653")) == {"Lg01_1": {"01": [{"01.20": "999993653"}]}}


def test_a_csv_with_only_a_header_has_no_persoonslijsten() -> None:
    assert list(read_gbav_csv(csv_text())) == []


def test_what_the_csv_gives_is_a_valid_import() -> None:
    lijsten = read(
        csv_text(
            "Lg01_1;999993653;Moulin;;57;04;20131102;;599;Boterdiep;31;58",
            ";;;;1;;;;599;Vredesplein;7;",
        )
    )
    persoonslijsten, errors = read_persoonslijsten({"persoonslijsten": list(lijsten.values())})
    assert errors == []
    lijst = persoonslijsten[0]
    assert [voorkomen.get("05.10") for voorkomen in lijst.actuele("04")] == ["0057", "0001"]
    assert [voorkomen.get("11.10") for voorkomen in lijst.historie("08")] == ["Boterdiep", "Vredesplein"]


# --- the shipped test set -------------------------------------------------------------------------


def test_the_shipped_test_set_holds_687_distinct_persoonslijsten() -> None:
    labels = [label for label, _ in gbav_testset_labelled()]
    assert len(labels) == 687
    assert len(set(labels)) == 687
    assert labels[0] == "Lg01_716"
    assert sum(label.startswith("LG01_") for label in labels) == 12


def test_suzanne_moulin_has_her_bsn_names_and_two_verblijfplaatsen_newest_first() -> None:
    moulin = gbav_testset()["Lg01_716"]
    persoon = moulin["01"][0]
    assert (persoon["01.20"], persoon["02.10"], persoon["02.40"], persoon["03.10"]) == (
        "999993653",
        "Suzanne",
        "Moulin",
        "19851201",
    )
    assert [(voorkomen["11.10"], voorkomen["11.20"]) for voorkomen in moulin["08"]] == [
        ("Boterdiep", "31"),
        ("Vredesplein", "7"),
    ]
    assert moulin["08"][0]["10.30"] == "20150808"
    assert moulin["05"][0]["02.10"] == "Jean Marie"
    assert moulin["04"] == [
        {
            "05.10": "0057",
            "63.10": "301",
            "82.10": "0599",
            "82.20": "20131105",
            "82.30": "pas 5002",
            "85.10": "00000000",
            "86.10": "20131105",
        }
    ]


def test_a_persoonslijst_of_the_test_set_with_several_nationaliteit_stapels_keeps_them_apart() -> None:
    errors = ImportErrors([], strict=False)
    lijst = read_persoonslijst(gbav_testset()["Lg01_491"], "Lg01_491", errors)
    assert errors.params == []
    assert [len(stapel) for stapel in lijst.stapels["04"]] == [1, 3, 1]
    assert [voorkomen.get("05.10") for voorkomen in lijst.historie("04", 1)] == [None, None, "0331"]


def test_the_whole_test_set_reads_leniently_without_errors() -> None:
    errors = ImportErrors([], strict=False)
    lijsten = [read_persoonslijst(lijst, label, errors) for label, lijst in gbav_testset().items()]
    assert errors.params == []
    assert all(warning.code in ("date", "pattern") for warning in errors.warnings)
    moulin = lijsten[list(gbav_testset()).index("Lg01_716")]
    assert identifying_bsn(moulin) == "999993653"
    assert moulin.element("08", "11.10") == "Boterdiep"


@pytest.mark.parametrize(
    ("label", "bsn"), [("Lg01_716", "999993653"), ("LG01_764", "999995418"), ("LG01_763", "999995406")]
)
def test_labels_of_the_test_set_map_to_their_burgerservicenummer(label: str, bsn: str) -> None:
    assert gbav_testset()[label]["01"][0]["01.20"] == bsn
