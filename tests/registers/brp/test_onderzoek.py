# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of gegevens in onderzoek: which elements an aanduiding (83.10) covers, and which onderzoek is active."""

from __future__ import annotations

import pytest

from opengdi.registers.brp.onderzoek import Onderzoek, onderzoek_of
from opengdi.registers.brp.persoonslijst import Voorkomen


def covers(aanduiding: str, element: str) -> bool:
    return Onderzoek(aanduiding=aanduiding, datum_ingang="20120920").covers(element)


@pytest.mark.parametrize(
    "aanduiding",
    ["010000", "010100", "010120"],
    ids=["hele categorie persoon", "hele groep persoon", "burgerservicenummer veld"],
)
def test_the_burgerservicenummer_is_in_onderzoek_by_category_group_or_element(aanduiding: str) -> None:
    assert covers(aanduiding, "01.01.20")


@pytest.mark.parametrize("aanduiding", ["110000", "113300", "113310"])
def test_the_indicatie_curateleregister_is_in_onderzoek_by_category_group_or_element(aanduiding: str) -> None:
    assert covers(aanduiding, "11.33.10")


@pytest.mark.parametrize(
    ("aanduiding", "element", "covered"),
    [
        ("010000", "01.02.10", True),  # hele categorie: voornamen
        ("010000", "01.61.10", True),  # hele categorie: aanduiding naamgebruik
        ("010200", "01.02.10", True),  # hele groep naam: voornamen
        ("010200", "01.02.40", True),
        ("010200", "01.61.10", False),  # naamgebruik is another group
        ("010240", "01.02.40", True),  # only the geslachtsnaam
        ("010240", "01.02.10", False),
        ("010120", "01.04.10", False),  # burgerservicenummer in onderzoek, geslacht asked
        ("010000", "05.02.40", False),  # another category
        ("050000", "01.02.40", False),
        ("080000", "08.11.10", True),
        ("081100", "08.09.10", False),
    ],
)
def test_an_aanduiding_covers_its_category_group_or_element_only(aanduiding: str, element: str, covered: bool) -> None:
    assert covers(aanduiding, element) is covered


@pytest.mark.parametrize("element", ["08.09.10", "08.10.30", "08.11.10", "08.11.80", "08.12.10", "08.85.10"])
def test_089999_puts_the_elements_of_the_verblijfplaats_in_onderzoek(element: str) -> None:
    assert covers("089999", element)


@pytest.mark.parametrize("element", ["01.02.40", "05.06.10", "09.03.10"])
def test_089999_leaves_other_categories_alone(element: str) -> None:
    assert not covers("089999", element)


def test_covers_any_is_true_when_one_of_the_elements_is_covered() -> None:
    onderzoek = Onderzoek(aanduiding="010240", datum_ingang=None)
    assert onderzoek.covers_any(["01.02.10", "01.02.40"])
    assert not onderzoek.covers_any(["01.02.10", "01.02.30"])
    assert not onderzoek.covers_any([])


def test_an_active_onderzoek_is_read_from_its_voorkomen() -> None:
    voorkomen = Voorkomen("01", 1, 0, {"01.20": "000000097", "83.10": "010120", "83.20": "20120920"})
    assert onderzoek_of(voorkomen) == Onderzoek(aanduiding="010120", datum_ingang="20120920")


def test_an_onderzoek_without_start_date_is_still_active() -> None:
    assert onderzoek_of(Voorkomen("08", 1, 0, {"83.10": "089999"})) == Onderzoek(aanduiding="089999", datum_ingang=None)


def test_an_ended_onderzoek_is_ignored() -> None:
    voorkomen = Voorkomen("01", 1, 0, {"83.10": "010000", "83.20": "20120920", "83.30": "20120922"})
    assert onderzoek_of(voorkomen) is None


@pytest.mark.parametrize("elementen", [{}, {"83.10": ""}, {"83.20": "20120920"}])
def test_without_an_aanduiding_there_is_no_onderzoek(elementen: dict[str, str]) -> None:
    assert onderzoek_of(Voorkomen("01", 1, 0, elementen)) is None


def test_without_a_voorkomen_there_is_no_onderzoek() -> None:
    assert onderzoek_of(None) is None
