# SPDX-License-Identifier: EUPL-1.2
"""The Organisatie-identificatienummer (OIN) as the Logius OIN-stelsel builds it.

An OIN has 20 digits: an 8-digit prefix naming the register the number comes from, the number
itself (9 digits, or 8 for a KvK-nummer) and a suffix of zeros: ``00000001`` + RSIN + ``000``,
``00000003`` + KvK-nummer + ``0000``, ``00000004`` + SubOIN + ``000``, and ``00000099`` for test
OINs, which any organisation may use in a test environment. Demo organisations use test OINs.
"""

from __future__ import annotations

import re

from opengdi.kernel.identifiers import is_valid_rsin

PREFIX_RSIN = "00000001"
PREFIX_KVK = "00000003"
PREFIX_TEST = "00000099"

_OIN = re.compile(r"^[0-9]{20}$")
_KVK = re.compile(r"^[0-9]{8}$")


def uit_rsin(rsin: str) -> str:
    """The OIN of an organisation with an RSIN (Handelsregister)."""
    if not is_valid_rsin(rsin):
        raise ValueError(f"{rsin} is geen geldig RSIN (9 cijfers, elfproef).")
    return f"{PREFIX_RSIN}{rsin}000"


def uit_kvk(kvk_nummer: str) -> str:
    """The OIN of an organisation with a KvK-nummer."""
    if not _KVK.fullmatch(kvk_nummer):
        raise ValueError(f"{kvk_nummer} is geen KvK-nummer (8 cijfers).")
    return f"{PREFIX_KVK}{kvk_nummer}0000"


def test_oin(hoofdnummer: int) -> str:
    """A test OIN (prefix 00000099) with a 9-digit main number."""
    if not 0 < hoofdnummer < 10**9:
        raise ValueError("het hoofdnummer heeft hoogstens 9 cijfers")
    return f"{PREFIX_TEST}{hoofdnummer:09d}000"


def is_valid_oin(value: str) -> bool:
    """Whether ``value`` has the form of an OIN: 20 digits, a known prefix and a zero suffix."""
    if not _OIN.fullmatch(value):
        return False
    prefix, rest = value[:8], value[8:]
    if prefix == PREFIX_KVK:
        return rest.endswith("0000")
    if prefix == PREFIX_RSIN:
        return rest.endswith("000") and is_valid_rsin(rest[:9])
    return prefix.startswith("000000") and rest.endswith("000") and prefix != "00000000"
