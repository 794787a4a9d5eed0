# SPDX-License-Identifier: EUPL-1.2
"""The identifiers of the synthetic persons: burgerservicenummers and A-nummers.

BSNs come from ``2xxxxxxxx`` (the test sets use ``0000xxxxx``, ``10xxxxxxx`` and ``99xxxxxxx``),
A-nummers from the whole valid space; both are a seeded permutation of their range, so a seed always
gives the same numbers, and every number that occurs in the packaged test data is skipped.
:data:`BSN_REEKS` is the range a seeded population occupies and :data:`MAX_PERSONEN` the most persons
one seed can number.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from opengdi.kernel.identifiers import bsn_check_digit

#: The most persons one seed can give (the BSN range holds about 9.09 million valid numbers).
MAX_PERSONEN = 9_000_000

_BSN_EERSTE, _BSN_AANTAL, _BSN_STAP = 20_000_000, 10_000_000, 2_718_281  # 8-digit prefixes 2xxxxxxx
_A_EERSTE, _A_AANTAL, _A_STAP = 10_000_000, 90_000_000, 3_141_593
#: The first and the last synthetic BSN (the whole 2xxxxxxxx range).
BSN_REEKS = (str(_BSN_EERSTE * 10), str((_BSN_EERSTE + _BSN_AANTAL) * 10 - 1))


@cache
def gereserveerde_nummers() -> frozenset[str]:
    """Every 9- and 10-digit number in the packaged test data (BSNs and A-nummers not to be used)."""
    data = files("opengdi.registers.brp").joinpath("data")
    found: set[str] = set()
    for entry in data.iterdir():
        if entry.is_file() and entry.name.endswith((".json", ".csv", ".yaml")):
            found.update(re.findall(r"(?<!\d)\d{9,10}(?!\d)", entry.read_text("utf-8")))
    return frozenset(found)


def burgerservicenummers(seed: int, gereserveerd: frozenset[str]) -> Iterator[str]:
    offset = random.Random(f"bsn-{seed}").randrange(_BSN_AANTAL)
    for index in range(_BSN_AANTAL):
        prefix = str(_BSN_EERSTE + (offset + index * _BSN_STAP) % _BSN_AANTAL)
        check = bsn_check_digit(prefix)
        if check is not None and (bsn := f"{prefix}{check}") not in gereserveerd:
            yield bsn


_DUBBEL = re.compile(r"(\d)\1")


def a_nummer_bij(prefix: str) -> str | None:
    """A valid A-nummer starting with the eight digits ``prefix``, ``None`` when none exists.

    The last two digits follow from the GBA rules: the digit sum modulo 11 is 0 or 5 and the sum
    weighted 1, 2, 4, …, 512 is divisible by 11 (2**8 ≡ 3 and 2**9 ≡ 6 modulo 11).
    """
    if prefix[0] == "0" or _DUBBEL.search(prefix):
        return None
    digits = [int(char) for char in prefix]
    som = sum(digits)
    gewogen = sum(digit << position for position, digit in enumerate(digits))
    for rest in (0, 5):
        paar = (rest - som) % 11  # d8 + d9
        laatste = (-gewogen - 3 * paar) * 4 % 11  # 4 is the inverse of 3 modulo 11
        voorlaatste = (paar - laatste) % 11
        if voorlaatste <= 9 and laatste <= 9 and voorlaatste not in (digits[7], laatste):
            return f"{prefix}{voorlaatste}{laatste}"
    return None


def a_nummers(seed: int, gereserveerd: frozenset[str]) -> Iterator[str]:
    offset = random.Random(f"anummer-{seed}").randrange(_A_AANTAL)
    for index in range(_A_AANTAL):
        nummer = a_nummer_bij(str(_A_EERSTE + (offset + index * _A_STAP) % _A_AANTAL))
        if nummer is not None and nummer not in gereserveerd:
            yield nummer
