# SPDX-License-Identifier: EUPL-1.2
"""kernel.geldigheid: validity on a day and over a period, partly unknown GBA days, certain and
possible validity, and the compositions of a period."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengdi.kernel.geldigheid import (
    TOEKOMST,
    VERLEDEN,
    Geldigheid,
    Overgang,
    Periode,
    Samenstelling,
    Zekerheid,
    eerste,
    geldig_op,
    overlapt,
    samenstellingen,
    uit_gba_datum,
)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("van", "tot", "op", "expected"),
    [
        ("2020-01-01", None, "2020-01-01", True),
        ("2020-01-01", None, "2019-12-31", False),
        ("2020-01-01", "2020-02-01", "2020-01-31", True),
        ("2020-01-01", "2020-02-01", "2020-02-01", False),  # the end is exclusive
        ("2020-01-01", "2020-01-01", "2020-01-01", False),  # an empty validity
    ],
)
def test_geldig_op_for_iso_text_and_dates(van: str, tot: str | None, op: str, expected: bool) -> None:
    assert geldig_op(van, tot, op) is expected
    assert geldig_op(d(van), d(tot) if tot else None, d(op)) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (("2020-01-01", "2020-02-01"), ("2020-02-01", None), False),
        (("2020-01-01", "2020-02-02"), ("2020-02-01", None), True),
        (("2020-01-01", None), ("1990-01-01", "2020-01-02"), True),
        (("2020-01-01", None), ("1990-01-01", "2020-01-01"), False),
        (("2020-01-01", None), ("2030-01-01", None), True),
    ],
)
def test_overlapt_is_symmetric(a: tuple[str, str | None], b: tuple[str, str | None], expected: bool) -> None:
    assert overlapt(*a, *b) is expected
    assert overlapt(*b, *a) is expected


@pytest.mark.parametrize(
    ("waarde", "expected"),
    [
        ("20100818", Overgang(d("2010-08-18"), d("2010-08-18"))),
        ("20100800", Overgang(d("2010-08-01"), d("2010-09-01"))),
        ("20101200", Overgang(d("2010-12-01"), d("2011-01-01"))),
        ("20100000", Overgang(d("2010-01-01"), d("2011-01-01"))),
        ("00000000", Overgang(VERLEDEN, TOEKOMST)),
        ("99990000", Overgang(d("9999-01-01"), TOEKOMST)),
        ("20200229", Overgang(d("2020-02-29"), d("2020-02-29"))),
    ],
)
def test_gba_days_with_unknown_parts(waarde: str, expected: Overgang) -> None:
    assert uit_gba_datum(waarde) == expected


@pytest.mark.parametrize(
    "waarde",
    [None, "", "2010081", "201008180", "2010-08-", "20101300", "20100015", "20190229", "00000100", "２０１００８１８"],
)
def test_no_gba_day(waarde: str | None) -> None:
    assert uit_gba_datum(waarde) is None


def test_a_change_known_not_to_come_before_a_day() -> None:
    augustus = Overgang(d("2010-08-01"), d("2010-09-01"))
    assert augustus.niet_voor(d("2010-08-11")) == Overgang(d("2010-08-11"), d("2010-09-01"))
    assert augustus.niet_voor(d("2010-10-01")) == Overgang(d("2010-10-01"), d("2010-10-01"))
    assert augustus.niet_voor(d("2010-01-01")) == augustus
    assert not augustus.is_exact and Overgang.op(d("2010-08-18")).is_exact


def test_the_first_of_changes() -> None:
    augustus = Overgang(d("2010-08-01"), d("2010-09-01"))
    assert eerste(augustus, Overgang.op(d("2010-08-20"))) == Overgang(d("2010-08-01"), d("2010-08-20"))
    assert eerste(None, augustus) == augustus
    assert eerste(None, None) is None


def test_a_validity_holds_certainly_between_its_uncertainty_periods() -> None:
    geldigheid = Geldigheid(Overgang(d("2010-08-01"), d("2010-09-01")), Overgang(d("2016-05-01"), d("2016-06-01")))
    assert [
        geldigheid.op(d(day))
        for day in ("2010-07-31", "2010-08-31", "2010-09-01", "2016-04-30", "2016-05-31", "2016-06-01")
    ] == [
        Zekerheid.NIET,
        Zekerheid.MOGELIJK,
        Zekerheid.ZEKER,
        Zekerheid.ZEKER,
        Zekerheid.MOGELIJK,
        Zekerheid.NIET,
    ]
    assert geldigheid.mogelijk == Periode(d("2010-08-01"), d("2016-06-01"))
    assert geldigheid.zeker == Periode(d("2010-09-01"), d("2016-05-01"))


def test_a_validity_of_an_unknown_begin_is_never_certain() -> None:
    geldigheid = Geldigheid(Overgang.onbekend())
    assert geldigheid.zeker.leeg
    assert geldigheid.op(d("1900-01-01")) is geldigheid.op(d("2100-01-01")) is Zekerheid.MOGELIJK


def test_a_period_of_one_day() -> None:
    dag = Periode.dag(d("2020-02-29"))
    assert dag == Periode(d("2020-02-29"), d("2020-03-01"))
    assert dag.bevat(d("2020-02-29")) and not dag.bevat(d("2020-03-01"))
    assert Periode.dag(TOEKOMST).leeg


def test_compositions_change_with_every_begin_and_end() -> None:
    items = [
        ("a", Geldigheid(Overgang.op(d("2017-08-18")), Overgang.op(d("2020-11-03")))),
        ("b", Geldigheid(Overgang.op(d("2020-05-26")))),
        ("c", Geldigheid(Overgang(d("2020-01-01"), d("2021-01-01")))),
        ("weg", Geldigheid(Overgang.op(d("1990-01-01")), Overgang.op(d("2000-01-01")))),
    ]
    assert samenstellingen(items, Periode(d("2020-01-01"), d("2021-07-01"))) == [
        Samenstelling(Periode(d("2020-01-01"), d("2020-05-26")), ("a",), ("c",)),
        Samenstelling(Periode(d("2020-05-26"), d("2020-11-03")), ("a", "b"), ("c",)),
        Samenstelling(Periode(d("2020-11-03"), d("2021-01-01")), ("b",), ("c",)),
        Samenstelling(Periode(d("2021-01-01"), d("2021-07-01")), ("b", "c"), ()),
    ]


def test_a_key_holds_as_surely_as_its_surest_validity() -> None:
    items = [
        ("a", Geldigheid(Overgang(d("2010-01-01"), d("2011-01-01")))),
        ("a", Geldigheid(Overgang.op(d("2010-06-01")), Overgang.op(d("2010-07-01")))),
    ]
    assert samenstellingen(items, Periode(d("2010-05-01"), d("2010-08-01"))) == [
        Samenstelling(Periode(d("2010-05-01"), d("2010-06-01")), (), ("a",)),
        Samenstelling(Periode(d("2010-06-01"), d("2010-07-01")), ("a",), ()),
        Samenstelling(Periode(d("2010-07-01"), d("2010-08-01")), (), ("a",)),
    ]


def test_a_stretch_without_anyone_is_left_out() -> None:
    items = [
        ("a", Geldigheid(Overgang.op(d("2010-01-01")), Overgang.op(d("2010-02-01")))),
        ("b", Geldigheid(Overgang.op(d("2010-03-01")))),
    ]
    result = samenstellingen(items, Periode(d("2009-01-01"), d("2011-01-01")))
    assert [(item.periode.van.isoformat(), item.periode.tot.isoformat(), item.zeker) for item in result] == [
        ("2010-01-01", "2010-02-01", ("a",)),
        ("2010-03-01", "2011-01-01", ("b",)),
    ]


_DAGEN = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def _geldigheden(draw: st.DrawFn) -> Geldigheid:
    dagen = sorted(draw(st.lists(_DAGEN, min_size=4, max_size=4)))
    einde = Overgang(dagen[2], dagen[3]) if draw(st.booleans()) else None
    return Geldigheid(Overgang(dagen[0], dagen[1]), einde)


@given(
    items=st.lists(st.tuples(st.sampled_from("abc"), _geldigheden()), max_size=6),
    van=_DAGEN,
    lengte=st.integers(min_value=1, max_value=4000),
)
def test_every_day_of_a_period_is_in_the_composition_that_covers_it(
    items: list[tuple[str, Geldigheid]], van: date, lengte: int
) -> None:
    periode = Periode(van, date.fromordinal(van.toordinal() + lengte))
    result = samenstellingen(items, periode)
    for earlier, later in pairwise(result):
        assert earlier.periode.tot <= later.periode.van
        assert earlier.periode.tot < later.periode.van or (earlier.zeker, earlier.mogelijk) != (
            later.zeker,
            later.mogelijk,
        )
    for probe in {periode.van, date.fromordinal(periode.tot.toordinal() - 1), *(item.periode.van for item in result)}:
        surest = {key: max((g.op(probe) for k, g in items if k == key), default=Zekerheid.NIET) for key in "abc"}
        covering = [item for item in result if item.periode.bevat(probe)]
        if not covering:
            assert all(value is Zekerheid.NIET for value in surest.values())
            continue
        [item] = covering
        assert set(item.zeker) == {key for key, value in surest.items() if value is Zekerheid.ZEKER}
        assert set(item.mogelijk) == {key for key, value in surest.items() if value is Zekerheid.MOGELIJK}
