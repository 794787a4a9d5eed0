# SPDX-License-Identifier: EUPL-1.2
"""The rules of time travel, without a server: which voorkomen answers a moment, and the moments
of the voorkomen path."""

from __future__ import annotations

from dataclasses import replace

from opengdi.registers.bag.hal import tijd
from opengdi.registers.bag.tijdreizen import Moment, epoch_ms, kies, voorkomen_met
from tests.registers.bag.helpers import by_object, sample


def test_the_epoch_of_a_moment_is_dutch_local_time() -> None:
    """The gml:id of woonplaats 2142 (``WPL_2142_1_1292407340``) is the epoch second of its
    tijdstipRegistratieLV 2010-12-15T11:02:20.608 read as Dutch time; in summer the offset is two hours."""
    [woonplaats] = by_object(sample()[0])["2142"]
    assert epoch_ms(woonplaats.tijdstip_registratie_lv) == 1_292_407_340_608
    assert epoch_ms("2019-07-01T12:00:00.000") == 1_561_975_200_000
    assert voorkomen_met([woonplaats], 1, 1_292_407_340_608) == woonplaats
    assert voorkomen_met([woonplaats], 1, 1_292_407_340_609) is None


def test_an_end_counts_once_it_was_known() -> None:
    items = by_object(sample()[0])["0221010000330226"]
    first = next(item for item in items if item.voorkomenidentificatie == 1)  # 2011-09-06 .. 2019-01-15
    assert kies(items, Moment("2020-01-01", "2018-12-31T00:00:00.000")) == first
    assert kies(items, Moment("2018-12-31", "2020-01-01T00:00:00.000")) == first
    assert kies(items, Moment("2010-01-01", "2020-01-01T00:00:00.000")) is None


def test_an_inactive_voorkomen_answers_only_before_it_was_made_inactive() -> None:
    [item] = by_object(sample()[0])["2142"]
    inactive = replace(item, tijdstip_inactief_lv="2015-01-01T00:00:00.000")
    assert kies([inactive], Moment("2020-01-01", "2014-12-31T23:59:59.999")) == inactive
    assert kies([inactive], Moment("2020-01-01", "2015-01-01T00:00:00.000")) is None


def test_moments_are_written_as_the_api_writes_them() -> None:
    assert tijd("2019-12-06T11:51:31.000") == "2019-12-06T11:51:31"
    assert tijd("2019-12-06T12:00:26.425") == "2019-12-06T12:00:26.425"
    assert tijd("2019-12-06T12:00:26.400") == "2019-12-06T12:00:26.4"
    assert tijd(None) is None
