# SPDX-License-Identifier: EUPL-1.2
"""Storing a synthetic population in the BRP (``gdi genereren brp``): :func:`seed_population`.

The population of :func:`~opengdi.registers.brp.seed.persoonslijsten.generate_population` is written
one transaction per batch (with a ``persoonslijst-opgenomen`` event per stored person), the next
batch generated in a worker thread meanwhile. The population is
deterministic per seed, so a rerun with the same seed continues an interrupted run: the persons
already stored are skipped. A population of another seed would collide with the stored one (both
number from the same BSNs) and is refused.

Given the deployment's :class:`~opengdi.kernel.nummervoorziening.BsnBron` (the BSN-beheervoorziening,
through the composition), the persons get numbers issued by it: the series :data:`KENMERK`, fetched
ahead of each batch (:class:`Voorraad`), one issue per batch. Its positions are fixed, so the k-th
person of every run gets the same number and a rerun continues as before; without a bron the
generator numbers the persons itself from ``2xxxxxxxx``.

Given the deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron` (the BAG), the persons
live at the BAG's residential addresses (:class:`~opengdi.registers.brp.seed.bagadressen.BagAdressen`):
their keys are read once before the first batch, the addresses themselves fetched by the
generator's thread through the event loop as it needs them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence

from opengdi.kernel.adresvoorziening import AdresBron, BagAdres
from opengdi.kernel.fouten import Conflict, DomeinFout
from opengdi.kernel.nummervoorziening import BsnBron
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import events, repository
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.seed.bagadressen import BagAdressen
from opengdi.registers.brp.seed.keuzes import PEILDATUM
from opengdi.registers.brp.seed.nummers import BSN_REEKS
from opengdi.registers.brp.seed.persoonslijsten import GROOTSTE_HUISHOUDEN, generate_population

#: The series of the BSN-beheervoorziening that synthetic persons are numbered from.
KENMERK = "genereren-brp"
#: At most this many synthetic persons per residential address of the BAG.
PERSONEN_PER_ADRES = 4


class Voorraad:
    """The burgerservicenummers of the generator, taken from the BSN-beheervoorziening ahead of each
    batch: an iterator for the generator's thread, filled on the event loop between batches (never
    while the thread draws from it)."""

    def __init__(self, bron: BsnBron, persons: int, batch_size: int) -> None:
        self._bron, self._persons, self._batch_size = bron, persons, batch_size
        self._nummers: deque[str] = deque()
        self._opgehaald = 0

    def __iter__(self) -> Voorraad:
        return self

    def __next__(self) -> str:
        if not self._nummers:
            raise RuntimeError("de voorraad burgerservicenummers van de generator is op")
        return self._nummers.popleft()

    async def aanvullen(self) -> None:
        """Fetch what the next batch can draw: a batch and the rest of a household split over two batches."""
        gebruikt = self._opgehaald - len(self._nummers)
        doel = min(self._persons, gebruikt + self._batch_size + GROOTSTE_HUISHOUDEN)
        if doel > self._opgehaald:
            self._nummers.extend(await self._bron.reeks(KENMERK, self._opgehaald, doel - self._opgehaald))
            self._opgehaald = doel


#: How long the generator's thread waits for the event loop to fetch addresses.
_OPHALEN_WACHTTIJD = 600.0


async def bag_adressen(bron: AdresBron, seed: int, persons: int) -> BagAdressen:
    """The BAG's residential addresses for a population of ``persons``, read from ``bron``; a BAG with
    fewer than one address per :data:`PERSONEN_PER_ADRES` persons is refused (:class:`DomeinFout`)."""
    loop = asyncio.get_running_loop()

    def ophalen(sleutels: Sequence[int]) -> list[BagAdres]:
        gevraagd = asyncio.run_coroutine_threadsafe(bron.adressen(sleutels, PEILDATUM), loop)
        return gevraagd.result(timeout=_OPHALEN_WACHTTIJD)

    sleutels = await bron.woonadressen(PEILDATUM)
    try:
        adressen = BagAdressen(sleutels, seed, ophalen)
    except ValueError:
        raise DomeinFout(
            "De BAG bevat geen woonadressen in de gemeenten van 2014: laad eerst een BAG "
            "(gdi genereren bag, of gdi bag importeren met een BAG-extract)",
            code="geenWoonadressen",
        ) from None
    nodig = -(-persons // PERSONEN_PER_ADRES)
    if adressen.aantal < nodig:
        raise DomeinFout(
            f"De BAG bevat {adressen.aantal} woonadressen, te weinig voor {persons} personen (minstens {nodig}): "
            f"genereer een groter land (gdi genereren bag --adressen {2 * nodig} --vervang) of vraag minder personen",
            code="teWeinigWoonadressen",
        )
    return adressen


async def _is_continuation(uow: UnitOfWork, first_batch: list[Persoonslijst], own_numbers: bool) -> bool:
    """Whether synthetic persons are stored, and they are this population (someone of its first
    batch is stored with the same BSN and A-nummer); another population is refused. With
    ``own_numbers`` any BSN of the generator's own range shows synthetic persons; with numbers from
    the BSN-beheervoorziening (the same series in every run) the numbers of the first batch do."""
    eerste, laatste = BSN_REEKS
    if own_numbers:
        bezet = await repository.first_bsn_between(uow.session, eerste, laatste)
        stored = set(await repository.stored_identities(uow.session, list(_bsns(first_batch)))) if bezet else set()
        waar = f"ligt in de reeks {eerste}-{laatste}"
    else:
        stored = set(await repository.stored_identities(uow.session, list(_bsns(first_batch))))
        bezet = min((bsn for bsn, _ in stored if bsn), default=None)
        waar = "is door de BSN-beheervoorziening aan de generator uitgegeven"
    await uow.rollback()  # end the reading transaction: each batch is a transaction of its own
    if bezet is None:
        return False
    if any((lijst.burgerservicenummer, lijst.element("01", "01.10")) in stored for lijst in first_batch):
        return True
    raise Conflict(
        f"Er staan al synthetische personen van een andere startwaarde in de BRP (burgerservicenummer {bezet} "
        f"{waar}); gebruik dezelfde startwaarde om aan te vullen, of leeg de BRP eerst"
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
    *,
    progress: Callable[[int], None] | None = None,
    batch_size: int = 5000,
    bsns: BsnBron | None = None,
    adressen: AdresBron | None = None,
) -> int:
    """Generate ``persons`` synthetic persons and store those not stored yet, one commit of ``uow`` per
    batch; the number stored. ``progress`` hears how many persons each batch handled (stored or
    found stored already). With ``bsns`` the persons are numbered by the BSN-beheervoorziening;
    with ``adressen`` they live at the BAG's addresses (see :func:`bag_adressen`).

    The next batch is generated in a worker thread while the current one is written. Synthetic
    persons of another seed in the BRP make this refuse (:class:`~opengdi.kernel.fouten.Conflict`):
    empty the BRP first.
    """
    voorraad = Voorraad(bsns, persons, batch_size) if bsns is not None else None
    bag = await bag_adressen(adressen, seed, persons) if adressen is not None else None
    batches = generate_population(persons, seed, batch_size, voorraad, bag)

    async def generate_next() -> asyncio.Future[list[Persoonslijst] | None]:
        if voorraad is not None:
            await voorraad.aanvullen()
        return asyncio.ensure_future(asyncio.to_thread(next, batches, None))

    stored = 0
    pending: asyncio.Future[list[Persoonslijst] | None] | None = None
    try:
        pending = await generate_next()
        batch = await pending
        pending = await generate_next()
        continuation = batch is not None and await _is_continuation(uow, batch, voorraad is None)
        while batch is not None:
            stored += await _store(uow, batch, continuation)
            if progress is not None:
                progress(len(batch))
            batch = await pending
            pending = await generate_next()
    finally:
        with contextlib.suppress(Exception):
            if pending is not None:
                await pending  # let a generation still running in its thread finish
    await repository.analyze(uow.database)
    return stored
