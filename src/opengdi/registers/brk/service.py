# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the BRK: a zaak, a search for zaken, loading, generating and emptying."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from opengdi.kernel.adresvoorziening import AdresBron, alle_adressen
from opengdi.kernel.db import Database
from opengdi.kernel.generatie import ruim_op
from opengdi.kernel.personenvoorziening import PersoonBron, per_adres
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brk import repository
from opengdi.registers.brk.domein import KadastraalOnroerendeZaak, demo_zaken
from opengdi.registers.brk.repository import Zoekvraag

#: The most zaken a search finds; one that finds more is refused.
MAX_RESULTATEN = 1_000


class NietGevonden(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """No zaak (or no part of one) has the identificatie asked."""


class TeVeel(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """A search finds more than :data:`MAX_RESULTATEN`."""


async def zaak(database: Database, identificatie: str) -> KadastraalOnroerendeZaak:
    """The zaak with this identificatie (:class:`NietGevonden` when none)."""
    found = await repository.zaken(database, [identificatie])
    if not found:
        raise NietGevonden(identificatie)
    return found[0]


async def zoek(database: Database, vraag: Zoekvraag) -> list[KadastraalOnroerendeZaak]:
    """The zaken ``vraag`` finds, in order, each grondperceel followed by its appartementsrechten
    when ``vraag.uit_splitsing`` (:class:`TeVeel` when too many)."""
    numbers = await repository.zoek(database, vraag, MAX_RESULTATEN + 1)
    if len(numbers) > MAX_RESULTATEN:
        raise TeVeel(len(numbers))
    found = await repository.zaken(database, numbers)
    if not vraag.uit_splitsing:
        return found
    nummers = set(numbers)
    rechten = [
        recht["identificatie"]
        for item in found
        for recht in item.lijst("bijbehorendeAppartementsrechten")
        if recht["identificatie"] not in nummers
    ]
    if len(found) + len(rechten) > MAX_RESULTATEN:
        raise TeVeel(len(found) + len(rechten))
    uit_splitsing = {item.identificatie: item for item in await repository.zaken(database, rechten)}
    result: list[KadastraalOnroerendeZaak] = []
    for item in found:
        result.append(item)
        result += [
            uit_splitsing[recht["identificatie"]]
            for recht in item.lijst("bijbehorendeAppartementsrechten")
            if recht["identificatie"] in uit_splitsing
        ]
    return result


async def load_zaken(uow: UnitOfWork, zaken: Sequence[KadastraalOnroerendeZaak]) -> int:
    """Store zaken and commit; how many."""
    stored = await repository.add_zaken(uow.session, zaken)
    await uow.commit()
    return stored


async def empty_brk(uow: UnitOfWork) -> int:
    """Remove everything the BRK holds and commit; how many zaken there were."""
    removed = await repository.delete_all(uow.session)
    await uow.commit()
    return removed


async def genereer_zaken(
    database: Database,
    oin: str,
    adressen: AdresBron,
    personen: PersoonBron,
    *,
    vervang: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Give every adresseerbaar object of the BAG in use a perceel (:func:`~opengdi.registers.brk.domein.demo_zaken`),
    owned by the grown-up inhabitants the BRP has there, one commit per municipality; how many.
    A BRK that holds zaken makes this refuse (:class:`~opengdi.kernel.fouten.Conflict`) unless
    ``vervang`` empties it first."""
    bestaand = await repository.count(database)
    await ruim_op(database, oin, ("De BRK", bestaand, "zaken"), repository.delete_all, vervang=vervang)
    peildatum, stored = date.today(), 0
    async for gemeentecode, woon, werk in alle_adressen(adressen, peildatum):
        eigenaren = per_adres(await personen.volwassenen(gemeentecode, peildatum))
        zaken = demo_zaken([*woon, *werk], eigenaren, {adres.adresseerbaar_object for adres in werk})
        async with UnitOfWork(database, oin=oin) as uow:
            stored += await load_zaken(uow, zaken)
        if progress is not None:
            progress(len(zaken))
    return stored
