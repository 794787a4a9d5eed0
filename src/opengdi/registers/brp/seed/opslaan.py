# SPDX-License-Identifier: EUPL-1.2
"""Storing a synthetic population in the BRP (``gdi genereren brp``): :func:`seed_population`.

The population of :func:`~opengdi.registers.brp.seed.persoonslijsten.generate_population` is written
one transaction per batch (with a ``persoonslijst-opgenomen`` event per stored person), the next
batch generated in a worker thread meanwhile. The population is
deterministic per seed, so a rerun with the same seed continues an interrupted run: the persons
already stored are skipped. A population of another seed would collide with the stored one (both
number from the same BSN range) and is refused.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator

from opengdi.kernel.fouten import Conflict
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import events, repository
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.seed.nummers import BSN_REEKS
from opengdi.registers.brp.seed.persoonslijsten import generate_population


async def _is_continuation(uow: UnitOfWork, first_batch: list[Persoonslijst]) -> bool:
    """Whether synthetic persons are stored, and they are this population (someone of its first
    batch is stored with the same BSN and A-nummer); another population is refused."""
    eerste, laatste = BSN_REEKS
    bezet = await repository.first_bsn_between(uow.session, eerste, laatste)
    stored = set(await repository.stored_identities(uow.session, list(_bsns(first_batch)))) if bezet else set()
    await uow.rollback()  # end the reading transaction: each batch is a transaction of its own
    if bezet is None:
        return False
    if any((lijst.burgerservicenummer, lijst.element("01", "01.10")) in stored for lijst in first_batch):
        return True
    raise Conflict(
        f"Er staan al synthetische personen van een andere startwaarde in de BRP (burgerservicenummer {bezet} "
        f"ligt in de reeks {eerste}-{laatste}); gebruik dezelfde startwaarde om aan te vullen, of leeg de BRP eerst"
    )


def _bsns(batch: list[Persoonslijst]) -> Iterator[str]:
    return (bsn for lijst in batch if (bsn := lijst.burgerservicenummer))


async def _store(uow: UnitOfWork, batch: list[Persoonslijst], skip_stored: bool) -> int:
    """Store the persons of ``batch`` (those not stored yet, with ``skip_stored``) in one commit, each
    with its ``persoonslijst-opgenomen`` event."""
    if skip_stored:
        stored = {bsn for bsn, _a_nummer in await repository.stored_identities(uow.session, _bsns(batch))}
        batch = [lijst for lijst in batch if lijst.burgerservicenummer not in stored]
    await repository.add_persoonslijsten(uow.session, batch)
    uow.record(events.opgenomen(batch))
    await uow.commit()
    return len(batch)


async def seed_population(
    uow: UnitOfWork,
    persons: int,
    seed: int = 2014,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 5000,
) -> int:
    """Generate ``persons`` synthetic persons and store those not stored yet, one commit of ``uow`` per
    batch; the number stored. ``progress`` hears how many persons each batch handled (stored or
    found stored already).

    The next batch is generated in a worker thread while the current one is written. Synthetic
    persons of another seed in the BRP make this refuse (:class:`~opengdi.kernel.fouten.Conflict`):
    empty the BRP first.
    """
    batches = generate_population(persons, seed, batch_size)
    stored = 0
    pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
    try:
        batch = await pending
        pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
        continuation = batch is not None and await _is_continuation(uow, batch)
        while batch is not None:
            stored += await _store(uow, batch, continuation)
            if progress is not None:
                progress(len(batch))
            batch = await pending
            pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
    finally:
        with contextlib.suppress(Exception):
            await pending  # let a generation still running in its thread finish
    await repository.analyze(uow.database)
    return stored
