# SPDX-License-Identifier: EUPL-1.2
"""The arithmetic of burgerservicenummers in ranges: which numbers of an interval pass the 11-proef,
where a range of a given size ends, and how a given number is written.

A burgerservicenummer is nine digits ``d1 … d9`` with ``9·d1 + 8·d2 + … + 2·d8 − d9`` divisible by
11, so each eight-digit prefix has at most one valid last digit (none when the weighted sum of the
prefix leaves 10 modulo 11): about ten in eleven prefixes give a number; ``000000000`` is no
burgerservicenummer. Numbers are handled as
integers here and written with nine digits (leading zeros kept) everywhere else. No framework, no
database.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: The numbers this BSN-beheervoorziening hands out when it places a range itself: away from the
#: test sets (``0000xxxxx``, ``10xxxxxxx``, ``99xxxxxxx``) and from ``2xxxxxxxx``, where the BRP's
#: generator numbered its persons before it took them from here.
RUIMTE = (300_000_000, 899_999_999)
#: The largest number a range may reach.
HOOGSTE = 999_999_999
_NEGEN_CIJFERS = re.compile(r"[0-9]{9}")


def als_tekst(nummer: int) -> str:
    """``nummer`` as a burgerservicenummer is written: nine digits."""
    return f"{nummer:09d}"


def is_negen_cijfers(value: str) -> bool:
    """Whether ``value`` has the form of a burgerservicenummer (nine ASCII digits), valid or not."""
    return bool(_NEGEN_CIJFERS.fullmatch(value))


def _tiental(prefix: int) -> int:
    """The weighted sum (weights 9 … 3) of the first seven digits of the eight-digit ``prefix``."""
    som, rest = 0, prefix // 10
    for weight in range(3, 10):
        som += weight * (rest % 10)
        rest //= 10
    return som


def geldige(van: int, tot: int) -> Iterator[int]:
    """Every number from ``van`` to ``tot`` (both included) that passes the 11-proef, ascending."""
    if van > tot:
        return
    prefix = van // 10
    while prefix <= tot // 10:
        basis = _tiental(prefix)
        for last_digit_of_prefix in range(prefix % 10, 10):
            check = (basis + 2 * last_digit_of_prefix) % 11
            nummer = (prefix - prefix % 10 + last_digit_of_prefix) * 10 + check
            if check <= 9 and van <= nummer <= tot and nummer > 0:
                yield nummer
        prefix = prefix - prefix % 10 + 10


def volgende_geldige(van: int, aantal: int, tot: int = HOOGSTE) -> list[int]:
    """At most ``aantal`` valid numbers from ``van`` on (up to ``tot``), ascending."""
    result: list[int] = []
    if aantal <= 0:
        return result
    for nummer in geldige(van, tot):
        result.append(nummer)
        if len(result) == aantal:
            break
    return result


def einde_van_reeks(eerste: int, omvang: int, tot: int = HOOGSTE) -> int | None:
    """The last number of a range that starts at ``eerste`` and holds ``omvang`` valid numbers;
    ``None`` when it would pass ``tot``."""
    for count, nummer in enumerate(geldige(eerste, tot), start=1):
        if count == omvang:
            return nummer
    return None
