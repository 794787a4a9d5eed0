# SPDX-License-Identifier: EUPL-1.2
"""Identifiers for exchanges: UUIDv7 request ids (time-ordered, RFC 9562)."""

from __future__ import annotations

import os
import re
import time
import uuid

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def uuid7() -> uuid.UUID:
    """A version 7 UUID: 48 bits of Unix milliseconds, then random bits."""
    millis = time.time_ns() // 1_000_000 & ((1 << 48) - 1)
    random_bits = int.from_bytes(os.urandom(10), "big")
    rand_a = random_bits >> 64 & 0x0FFF
    rand_b = random_bits & ((1 << 62) - 1)
    return uuid.UUID(int=millis << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b)


def request_id(offered: str | None) -> str:
    """The caller's ``X-Request-ID`` when it is a sensible token, otherwise a new UUIDv7."""
    if offered and _REQUEST_ID.match(offered):
        return offered
    return str(uuid7())
