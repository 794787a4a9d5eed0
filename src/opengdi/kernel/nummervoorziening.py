# SPDX-License-Identifier: EUPL-1.2
"""The contract through which a block takes burgerservicenummers from the BSN-beheervoorziening
without importing it.

The BSN-beheervoorziening issues every burgerservicenummer once. A block that makes persons of its
own (the BRP's synthetic population) asks the deployment's :class:`BsnBron` for numbers of a named
series instead of inventing them. The composition hands the bron over (``BuildingBlock.bsnbron``,
``Samenstelling.bsnbron``) the way it hands the access policy to the blocks; a deployment without
the BSN-beheervoorziening has none.

A series is identified by its ``kenmerk`` and belongs to the organisation that runs the deployment.
Its numbers have fixed positions: asking again for positions already issued gives the same numbers,
so a generator that is run again after an interruption gets the persons it made before, with the
same numbers, and only the positions not issued yet are issued (in one batch per call).
"""

from __future__ import annotations

from typing import Protocol


class BsnBron(Protocol):
    """Where a block gets burgerservicenummers from."""

    async def reeks(self, kenmerk: str, van: int, aantal: int) -> list[str]:
        """The numbers at positions ``van`` … ``van + aantal - 1`` of the series ``kenmerk``, issued
        to the deployment itself; the positions not issued yet are issued now. Every number passes
        the 11-proef, was never issued before and is not in use."""
        ...
