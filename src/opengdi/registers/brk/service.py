# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the BRK: a zaak, a search for zaken, loading and emptying."""

from __future__ import annotations

from collections.abc import Sequence

from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brk import repository
from opengdi.registers.brk.domein import KadastraalOnroerendeZaak
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
    """The zaken ``vraag`` finds, in order (:class:`TeVeel` when too many)."""
    numbers = await repository.zoek(database, vraag, MAX_RESULTATEN + 1)
    if len(numbers) > MAX_RESULTATEN:
        raise TeVeel(len(numbers))
    return await repository.zaken(database, numbers)


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
