# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the Handelsregister: an enterprise's profile, a vestiging's profile, a Zoeken
question, and loading the KvK test environment's companies."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.nhr import repository
from opengdi.registers.nhr.domein import Onderneming, Vestiging, uit_testbestand
from opengdi.registers.nhr.zoeken import MAX_RESULTATEN, Registratie, Zoekvraag, matches, registraties


class NietGevonden(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """No enterprise or vestiging has the number asked."""


@dataclass(frozen=True, slots=True)
class Profiel:
    """An enterprise with its vestigingen."""

    onderneming: Onderneming
    vestigingen: list[Vestiging]


async def profiel(connection: AsyncConnection, kvk_nummer: str) -> Profiel:
    """The enterprise with this KvK-nummer and its vestigingen (:class:`NietGevonden` when none)."""
    found = await repository.ondernemingen(connection, [kvk_nummer])
    if kvk_nummer not in found:
        raise NietGevonden(kvk_nummer)
    vestigingen = await repository.vestigingen_van(connection, [kvk_nummer])
    return Profiel(found[kvk_nummer], vestigingen[kvk_nummer])


async def vestigingsprofiel(connection: AsyncConnection, vestigingsnummer: str) -> tuple[Vestiging, Onderneming]:
    """The vestiging with this number and its enterprise (:class:`NietGevonden` when none)."""
    vestiging = await repository.vestiging(connection, vestigingsnummer)
    found = await repository.ondernemingen(connection, [vestiging.kvk_nummer]) if vestiging else {}
    if vestiging is None or vestiging.kvk_nummer not in found:
        raise NietGevonden(vestigingsnummer)
    return vestiging, found[vestiging.kvk_nummer]


async def zoek(connection: AsyncConnection, vraag: Zoekvraag) -> list[Registratie]:
    """The registrations ``vraag`` finds, in order (by KvK-nummer, hoofdvestiging first), at most
    :data:`~opengdi.registers.nhr.zoeken.MAX_RESULTATEN`."""
    numbers = await repository.kandidaten(connection, vraag)
    ondernemingen = await repository.ondernemingen(connection, numbers)
    vestigingen = await repository.vestigingen_van(connection, list(ondernemingen))
    found = [
        item
        for nummer in numbers
        if nummer in ondernemingen
        for item in registraties(ondernemingen[nummer], vestigingen[nummer])
        if matches(item, vraag)
    ]
    return found[:MAX_RESULTATEN]


@cache
def testbedrijven() -> tuple[tuple[Onderneming, tuple[Vestiging, ...]], ...]:
    """The companies of ``data/testbedrijven.json`` (the KvK test environment's)."""
    text = files("opengdi.registers.nhr").joinpath("data", "testbedrijven.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return tuple((onderneming, tuple(items)) for onderneming, items in map(uit_testbestand, document["bedrijven"]))


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
