# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the Handelsregister: an enterprise's profile, a vestiging's profile, a Zoeken
question, the searches of the HR API, loading the KvK test environment's companies, and generating
the companies of a generated country (:func:`genereer_bedrijven`)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.kernel.adresvoorziening import AdresBron, BagAdres
from opengdi.kernel.db import Database
from opengdi.kernel.generatie import ruim_op
from opengdi.kernel.nummervoorziening import BsnBron
from opengdi.kernel.personenvoorziening import PersoonBron
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.nhr import generator, repository
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


@dataclass(frozen=True, slots=True)
class Bronnen:
    """What the generator takes from other blocks: addresses (the BAG), grown-up inhabitants (the
    BRP) and RSINs (the BSN-beheervoorziening)."""

    adressen: AdresBron
    personen: PersoonBron
    nummers: BsnBron


async def genereer_bedrijven(
    database: Database,
    oin: str,
    bronnen: Bronnen,
    aantal: int,
    startwaarde: int,
    *,
    vervang: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Generate ``aantal`` companies over the municipalities of the BAG (see
    :mod:`~opengdi.registers.nhr.generator`) and store them, one commit per municipality; how many
    were stored (fewer when municipalities have no grown-up inhabitants). Companies generated before
    make this refuse (:class:`~opengdi.kernel.fouten.Conflict`) unless ``vervang`` removes them first."""
    peildatum = date.today()
    async with database.connect() as connection:
        bestaand = await repository.count_between(connection, generator.KVK_BEGIN, generator.KVK_EINDE)
    inhoud = ("Het Handelsregister", bestaand, "gegenereerde bedrijven")
    await ruim_op(database, oin, inhoud, _verwijder_gegenereerde, vervang=vervang)
    woon = await bronnen.adressen.woonadressen(peildatum)
    werk = await bronnen.adressen.werkadressen(peildatum)
    gewichten = {
        code: len(woon.get(code, ())) + sum(map(len, werk.get(code, {}).values())) for code in woon.keys() | werk.keys()
    }
    nummers = generator.Nummers(0, 0, 0, iter(()))
    stored = 0
    for code, deel in sorted(generator.verdeel(aantal, gewichten).items()):
        if deel:
            rng = random.Random(f"{startwaarde}:{code}")
            stored += await _genereer_in(
                database, oin, bronnen, (code, deel), werk=werk.get(code, {}), nummers=nummers, rng=rng
            )
            if progress is not None:
                progress(deel)
    return stored


async def _genereer_in(
    database: Database,
    oin: str,
    bronnen: Bronnen,
    opdracht: tuple[str, int],
    *,
    werk: Mapping[str, Sequence[int]],
    nummers: generator.Nummers,
    rng: random.Random,
) -> int:
    """Generate and store the companies of one municipality (``opdracht``: its code and how many),
    given the keys of its work addresses; how many (none when it has no grown-up inhabitants)."""
    (code, deel), peildatum = opdracht, date.today()
    inwoners = await bronnen.personen.volwassenen(code, peildatum)
    if not inwoners:
        return 0
    soorten = generator.soorten(rng, deel)
    rsins = await bronnen.nummers.reeks(generator.RSIN_KENMERK, nummers.rsin, sum(soorten)) if any(soorten) else []
    nummers.rsin, nummers.rsins = nummers.rsin + len(rsins), iter(rsins)
    gemeente = generator.Gemeente(code, inwoners, await _werkadressen(bronnen.adressen, werk, deel, rng, peildatum))
    async with UnitOfWork(database, oin=oin) as uow:
        stored = await repository.add_ondernemingen(
            uow.session, generator.bedrijven(gemeente, soorten, nummers, rng, peildatum)
        )
        await uow.commit()
    return stored


async def _verwijder_gegenereerde(session: AsyncSession) -> None:
    await repository.delete_between(session, generator.KVK_BEGIN, generator.KVK_EINDE)


async def _werkadressen(
    bron: AdresBron, sleutels: Mapping[str, Sequence[int]], nodig: int, rng: random.Random, peildatum: date
) -> dict[str, list[BagAdres]]:
    """Per gebruiksdoel, at most ``nodig`` of the work addresses ``sleutels`` names, in a random order."""
    found: dict[str, list[BagAdres]] = {}
    for doel, keys in sorted(sleutels.items()):
        gekozen = rng.sample(list(keys), min(nodig, len(keys)))
        found[doel] = await bron.adressen(sorted(gekozen), peildatum)
        rng.shuffle(found[doel])
    return found
