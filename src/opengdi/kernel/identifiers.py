# SPDX-License-Identifier: EUPL-1.2
"""Dutch identifiers and their check rules: burgerservicenummer, A-nummer, RSIN, KvK-nummer,
vestigingsnummer, OIN, postcode."""

from __future__ import annotations

import itertools
import re

from stdnum.nl import bsn as _bsn
from stdnum.nl import postcode as _postcode

_A_NUMMER = re.compile(r"^[1-9][0-9]{9}$")
_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")


def is_valid_bsn(value: str) -> bool:
    """Whether ``value`` is nine digits that pass the 11-proef for burgerservicenummers."""
    return len(value) == 9 and value.isascii() and value.isdigit() and bool(_bsn.is_valid(value))


def bsn_check_digit(first_eight: str) -> int | None:
    """The last digit that makes ``first_eight`` a valid BSN, or ``None`` when none does."""
    total = sum(int(digit) * weight for digit, weight in zip(first_eight, range(9, 1, -1), strict=True))
    remainder = total % 11
    return remainder if remainder <= 9 else None


def is_valid_rsin(value: str) -> bool:
    """Whether ``value`` is a valid RSIN (same 11-proef as the BSN)."""
    return is_valid_bsn(value)


def is_valid_kvk_nummer(value: str) -> bool:
    """Whether ``value`` has the form of a KvK-nummer: eight digits. The KvK publishes no check
    digit (a weighted 11-proef that its test numbers pass fails numbers of real companies)."""
    return len(value) == 8 and value.isascii() and value.isdigit()


def is_valid_vestigingsnummer(value: str) -> bool:
    """Whether ``value`` is a vestigingsnummer of the Handelsregister: twelve digits (no check digit)."""
    return len(value) == 12 and value.isascii() and value.isdigit()


def is_valid_oin(value: str) -> bool:
    """Whether ``value`` has the form of an Organisatie-identificatienummer: twenty digits."""
    return len(value) == 20 and value.isascii() and value.isdigit()


def is_valid_a_nummer(value: str) -> bool:
    """Whether ``value`` satisfies the GBA rules for an A-nummer.

    Ten digits, not starting with 0, no two equal digits next to each other, the digit sum divided
    by 11 leaves 0 or 5, and the sum of the digits weighted 1, 2, 4, …, 512 is divisible by 11.
    """
    if not _A_NUMMER.fullmatch(value):
        return False
    digits = [int(char) for char in value]
    if any(left == right for left, right in itertools.pairwise(digits)):
        return False
    if sum(digits) % 11 not in (0, 5):
        return False
    return sum(digit << position for position, digit in enumerate(digits)) % 11 == 0


def normalize_postcode(value: str) -> str | None:
    """``1234AB`` for any accepted spelling (``1234 ab``), ``None`` when it is no postcode."""
    match = _POSTCODE.fullmatch(value.strip())
    if not match:
        return None
    compact = f"{match.group(1)}{match.group(2).upper()}"
    return compact if _postcode.is_valid(compact) else None
