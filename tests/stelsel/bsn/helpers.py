# SPDX-License-Identifier: EUPL-1.2
"""Helpers of the BSN-beheervoorziening tests: a fresh OIN per use, and the numbers the BRP holds."""

from __future__ import annotations

import itertools

from opengdi.stelsel.digikoppeling.oin import test_oin

_TELLER = itertools.count(1)


def nieuwe_oin() -> str:
    """An OIN that no test used before in this session (the session database is shared)."""
    return test_oin(970_000_000 + next(_TELLER))
