# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of GBA dates as Haal Centraal date objects (persoon/datum.feature), ages (leeftijd) and end dates."""

from __future__ import annotations

from datetime import date

import pytest

from opengdi.registers.brp.datum import datum, has_ended, leeftijd


@pytest.mark.parametrize(
    ("gba", "iso", "lang"),
    [
        ("19350110", "1935-01-10", "10 januari 1935"),
        ("20200229", "2020-02-29", "29 februari 2020"),
        ("20200308", "2020-03-08", "8 maart 2020"),
        ("19390401", "1939-04-01", "1 april 1939"),
        ("19780914", "1978-09-14", "14 september 1978"),
        ("20021102", "2002-11-02", "2 november 2002"),
    ],
)
def test_a_full_gba_date_is_a_datum_with_iso_date_and_long_form(gba: str, iso: str, lang: str) -> None:
    assert datum(gba) == {"type": "Datum", "datum": iso, "langFormaat": lang}


@pytest.mark.parametrize(
    ("gba", "jaar", "maand", "lang"),
    [
        ("20200500", 2020, 5, "mei 2020"),
        ("20080600", 2008, 6, "juni 2008"),
        ("19680700", 1968, 7, "juli 1968"),
        ("19720800", 1972, 8, "augustus 1972"),
        ("19501000", 1950, 10, "oktober 1950"),
        ("19991200", 1999, 12, "december 1999"),
    ],
)
def test_a_gba_date_with_unknown_day_is_a_jaar_maand_datum(gba: str, jaar: int, maand: int, lang: str) -> None:
    assert datum(gba) == {"type": "JaarMaandDatum", "jaar": jaar, "maand": maand, "langFormaat": lang}


def test_a_gba_date_with_unknown_month_and_day_is_a_jaar_datum() -> None:
    assert datum("19630000") == {"type": "JaarDatum", "jaar": 1963, "langFormaat": "1963"}


def test_an_all_zero_gba_date_is_datum_onbekend() -> None:
    assert datum("00000000") == {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"}


@pytest.mark.parametrize(
    "gba",
    [
        None,
        "",
        "1983052",
        "198305260",
        "1983O526",
        "19830231",
        "20210229",
        "19831301",
        "19830532",
        "19830026",
        "2020-02-29",
    ],
)
def test_a_missing_or_malformed_gba_date_gives_no_date(gba: str | None) -> None:
    assert datum(gba) is None


# --- leeftijd -------------------------------------------------------------------------------------

TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    ("geboortedatum", "expected"),
    [
        ("20140615", 10),  # vandaag - 10 jaar
        ("20090614", 15),  # gisteren - 15 jaar
        ("20040616", 19),  # morgen - 20 jaar
        ("19830526", 41),
        ("19831231", 40),
    ],
)
def test_leeftijd_counts_whole_years_up_to_today(geboortedatum: str, expected: int) -> None:
    assert leeftijd(geboortedatum, TODAY) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2016, 2, 28), 19),
        (date(2016, 2, 29), 20),
        (date(2017, 2, 28), 20),
        (date(2017, 3, 1), 21),
    ],
)
def test_someone_born_on_29_february_has_a_birthday_on_1_march_in_other_years(today: date, expected: int) -> None:
    assert leeftijd("19960229", today) == expected


@pytest.mark.parametrize(
    ("geboortedatum", "expected"),
    [
        ("20140700", 9),  # volgende maand - 10 jaar
        ("20140500", 10),  # vorige maand - 10 jaar
        ("20141200", 9),
        ("20140100", 10),
    ],
)
def test_with_an_unknown_day_outside_the_current_month_the_age_is_known(geboortedatum: str, expected: int) -> None:
    assert leeftijd(geboortedatum, TODAY) == expected


def test_with_an_unknown_day_in_the_current_month_the_age_is_unknown() -> None:
    assert leeftijd("20140600", TODAY) is None


@pytest.mark.parametrize("geboortedatum", ["20000000", "00000000", None, "", "20140631"])
def test_with_only_a_year_an_unknown_or_a_malformed_date_the_age_is_unknown(geboortedatum: str | None) -> None:
    assert leeftijd(geboortedatum, TODAY) is None


# --- has_ended ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("einddatum", "ended"),
    [
        ("20240614", True),
        ("20240615", True),
        ("20240616", False),
        ("20240500", True),
        ("20240600", False),
        ("20240700", False),
        ("20230000", True),
        ("20240000", False),
        ("20250000", False),
        ("00000000", False),
        (None, False),
        ("", False),
        ("20240631", False),
    ],
)
def test_an_end_date_is_reached_on_its_day_or_after_its_whole_month_or_year(einddatum: str | None, ended: bool) -> None:
    assert has_ended(einddatum, TODAY) is ended
