# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the Handelsregister: an enterprise's profile, a vestiging's profile, a Zoeken
question, the searches of the HR API, and loading the KvK test environment's companies."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.nhr import repository
from opengdi.registers.nhr.bevragen import Criteria
from opengdi.registers.nhr.domein import Bedrijf, Functionaris, Onderneming, Vestiging, uit_testbestand
from opengdi.registers.nhr.zoeken import MAX_RESULTATEN, Registratie, Zoekvraag, matches, registraties

#: The most results a search of the HR API answers; one that finds more is refused.
MAX_HR_RESULTATEN = 1_000


class NietGevonden(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """No enterprise or vestiging has the number asked."""


class TeVeel(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """A search of the HR API finds more than :data:`MAX_HR_RESULTATEN`."""


@dataclass(frozen=True, slots=True)
class Profiel:
    """An enterprise with its vestigingen."""

    onderneming: Onderneming
    vestigingen: list[Vestiging]


async def profiel(database: Database, kvk_nummer: str) -> Profiel:
    """The enterprise with this KvK-nummer and its vestigingen (:class:`NietGevonden` when none)."""
    found, vestigingen = await repository.bedrijfsgegevens(database, [kvk_nummer])
    if kvk_nummer not in found:
        raise NietGevonden(kvk_nummer)
    return Profiel(found[kvk_nummer], vestigingen[kvk_nummer])


async def vestigingsprofiel(connection: AsyncConnection, vestigingsnummer: str) -> tuple[Vestiging, Onderneming]:
    """The vestiging with this number and its enterprise (:class:`NietGevonden` when none)."""
    vestiging = await repository.vestiging(connection, vestigingsnummer)
    found = await repository.ondernemingen(connection, [vestiging.kvk_nummer]) if vestiging else {}
    if vestiging is None or vestiging.kvk_nummer not in found:
        raise NietGevonden(vestigingsnummer)
    return vestiging, found[vestiging.kvk_nummer]


async def zoek(database: Database, vraag: Zoekvraag) -> list[Registratie]:
    """The registrations ``vraag`` finds, in order (by KvK-nummer, hoofdvestiging first), at most
    :data:`~opengdi.registers.nhr.zoeken.MAX_RESULTATEN`."""
    numbers = await repository.zoekkandidaten(database, vraag)
    ondernemingen, vestigingen = await repository.bedrijfsgegevens(database, numbers)
    found = [
        item
        for nummer in numbers
        if nummer in ondernemingen
        for item in registraties(ondernemingen[nummer], vestigingen[nummer])
        if matches(item, vraag)
    ]
    return found[:MAX_RESULTATEN]


async def bedrijven(connection: AsyncConnection, kvk_nummers: Sequence[str]) -> list[Bedrijf]:
    """The enterprises with these KvK-nummers (those that exist, in this order), with their
    vestigingen and functionarissen."""
    found = await repository.ondernemingen(connection, kvk_nummers)
    known = [nummer for nummer in kvk_nummers if nummer in found]
    vestigingen = await repository.vestigingen_van(connection, known)
    functionarissen = await repository.functionarissen_van(connection, known)
    return [Bedrijf(found[nummer], tuple(vestigingen[nummer]), tuple(functionarissen[nummer])) for nummer in known]


async def bedrijf(connection: AsyncConnection, kvk_nummer: str) -> Bedrijf:
    """The enterprise with this KvK-nummer, whole (:class:`NietGevonden` when none)."""
    found = await bedrijven(connection, [kvk_nummer])
    if not found:
        raise NietGevonden(kvk_nummer)
    return found[0]


async def rechtspersoon(connection: AsyncConnection, rsin: str) -> Bedrijf:
    """The enterprise of the rechtspersoon with this RSIN (:class:`NietGevonden` when none)."""
    numbers = await repository.activiteiten(connection, Criteria(rsin=rsin), 1)
    if not numbers:
        raise NietGevonden(rsin)
    return await bedrijf(connection, numbers[0])


async def zoek_bedrijven(connection: AsyncConnection, criteria: Criteria) -> list[Bedrijf]:
    """The enterprises meeting ``criteria``, in order of KvK-nummer (:class:`TeVeel` when more than
    :data:`MAX_HR_RESULTATEN`)."""
    numbers = await repository.activiteiten(connection, criteria, MAX_HR_RESULTATEN + 1)
    if len(numbers) > MAX_HR_RESULTATEN:
        raise TeVeel(len(numbers))
    return await bedrijven(connection, numbers)


async def zoek_vestigingen(connection: AsyncConnection, criteria: Criteria) -> list[Vestiging]:
    """The vestigingen meeting ``criteria``, in order of number (:class:`TeVeel` when more than
    :data:`MAX_HR_RESULTATEN`)."""
    found = await repository.vestigingen(connection, criteria, MAX_HR_RESULTATEN + 1)
    if len(found) > MAX_HR_RESULTATEN:
        raise TeVeel(len(found))
    return [item for item in found if criteria.past_bij(item)]


async def handelsregisterpersonen(
    connection: AsyncConnection, *, identificatie: str | None = None, naam: str | None = None
) -> list[Functionaris]:
    """The functions of the handelsregisterpersonen with this number or a name holding ``naam``
    (:class:`TeVeel` when more than :data:`MAX_HR_RESULTATEN`)."""
    found = await repository.handelsregisterpersonen(
        connection, identificatie=identificatie, naam=naam, limit=MAX_HR_RESULTATEN + 1
    )
    if len(found) > MAX_HR_RESULTATEN:
        raise TeVeel(len(found))
    return found


@cache
def testbedrijven() -> tuple[Bedrijf, ...]:
    """The companies of ``data/testbedrijven.json`` (the KvK test environment's)."""
    text = files("opengdi.registers.nhr").joinpath("data", "testbedrijven.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return tuple(map(uit_testbestand, document["bedrijven"]))


async def load_testbedrijven(uow: UnitOfWork) -> int:
    """Store the KvK test environment's companies and commit; how many."""
    stored = await repository.add_ondernemingen(uow.session, testbedrijven())
    await uow.commit()
    return stored


async def empty_nhr(uow: UnitOfWork) -> int:
    """Remove everything the Handelsregister holds and commit; how many enterprises there were."""
    removed = await repository.delete_all(uow.session)
    await uow.commit()
    return removed
