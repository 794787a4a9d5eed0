# SPDX-License-Identifier: EUPL-1.2
"""Storing a synthetic population in the BRP (``gdi seed brp``): :func:`seed_population`.

The population of :func:`~opengdi.registers.brp.seed.persoonslijsten.generate_population` is written
one transaction per batch, the next batch generated in a worker thread meanwhile. Seeding is refused
while the synthetic BSN range is in use, so a second population can never collide with the first.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from sqlalchemy import select

from opengdi.kernel.db import Database
from opengdi.registers.brp import repository
from opengdi.registers.brp.model import PersoonslijstRow
from opengdi.registers.brp.seed.nummers import BSN_REEKS
from opengdi.registers.brp.seed.persoonslijsten import generate_population


async def _check_free(database: Database) -> None:
    """Refuse to seed when the synthetic BSN range is in use (a population was seeded before)."""
    eerste, laatste = BSN_REEKS
    async with database.connect() as connection:
        bezet = await connection.scalar(
            select(PersoonslijstRow.burgerservicenummer)
            .where(PersoonslijstRow.burgerservicenummer.between(eerste, laatste))
            .limit(1)
        )
    if bezet is not None:
        raise ValueError(
            f"Er staan al synthetische personen in de BRP (burgerservicenummer {bezet} ligt in de reeks "
            f"{eerste}-{laatste}); leeg de BRP eerst."
        )


async def seed_population(
    database: Database, persons: int, seed: int = 2014, progress: Callable[[int], None] | None = None
) -> int:
    """Generate and store ``persons`` synthetic persons, one transaction per batch; the number stored.

    The next batch is generated in a worker thread while the current one is written. Seeding is
    refused (:class:`ValueError`) when synthetic persons are already stored: empty the BRP first.
    """
    await _check_free(database)
    batches = generate_population(persons, seed)
    stored = 0
    pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
    try:
        while (batch := await pending) is not None:
            pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
            async with database.session() as session:
                await repository.add_persoonslijsten(session, batch)
                await session.commit()
            stored += len(batch)
            if progress is not None:
                progress(len(batch))
    finally:
        with contextlib.suppress(Exception):
            await pending  # let a generation still running in its thread finish
    await repository.analyze(database)
    return stored
