# SPDX-License-Identifier: EUPL-1.2
"""The arithmetic of ranges and the outbox follower's reading of gaps, without a database."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.stelsel.bsn.nummers import einde_van_reeks, geldige, is_negen_cijfers, volgende_geldige
from opengdi.stelsel.bsn.volger import MARGE, Stand, volgen


@pytest.mark.parametrize("seed", range(20))
def test_the_valid_numbers_of_an_interval_are_exactly_those_passing_the_11_proef(seed: int) -> None:
    rng = random.Random(seed)
    van = rng.choice([0, 1, 999_990_000, rng.randrange(999_999_000)])
    tot = min(999_999_999, van + rng.randrange(3000))
    expected = [nummer for nummer in range(van, tot + 1) if is_valid_bsn(f"{nummer:09d}")]
    assert list(geldige(van, tot)) == expected
    assert expected  # every interval of this size holds some


def test_ranges_hold_exactly_their_size() -> None:
    laatste = einde_van_reeks(300_000_000, 1000)
    assert laatste is not None
    assert len(list(geldige(300_000_000, laatste))) == 1000
    assert len(list(geldige(300_000_000, laatste - 1))) == 999
    assert einde_van_reeks(999_999_900, 1000) is None  # it would pass the last nine-digit number
    assert volgende_geldige(999_999_990, 5) == [
        nummer for nummer in range(999_999_990, 10**9) if is_valid_bsn(str(nummer))
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("999993653", True), ("000000000", True), ("12345678", False), ("1234567890", False), ("12345678a", False),
     ("٩٩٩٩٩٣٦٥٣", False), ("99999365\x00", False), ("", False)],
)  # fmt: skip
def test_the_form_of_a_number(value: str, expected: bool) -> None:
    assert is_negen_cijfers(value) is expected


NU = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_follower_moves_on_over_consecutive_events() -> None:
    assert volgen(Stand(10), [11, 12, 13], NU) == (Stand(13), False)
    assert volgen(Stand(10, NU), [11], NU) == (Stand(11), False)  # a gap that filled


def test_the_follower_stays_before_a_fresh_gap_and_passes_it_once_it_is_old() -> None:
    stand, gestopt = volgen(Stand(10), [11, 14, 15], NU)
    assert (stand, gestopt) == (Stand(11, NU), True)
    assert volgen(stand, [14, 15], NU + MARGE / 2) == (Stand(11, NU), True)
    assert volgen(stand, [14, 15, 17], NU + MARGE + timedelta(seconds=1)) == (
        Stand(15, NU + MARGE + timedelta(seconds=1)),
        True,
    )  # the old gap is a rollback; the next one is new
