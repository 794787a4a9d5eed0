# SPDX-License-Identifier: EUPL-1.2
"""The links between registries, and whether they hold (``gdi check``).

A registry points at objects of another instead of copying them (a person's verblijfplaats names a
BAG verblijfsobject), and declares each such link as a :class:`~opengdi.kernel.catalogus.Relatie`.
A block offers two things for them (:class:`Koppelingen`): the references it stores
(``verwijzingen``: which relation, from which of its objects, to which identification) and, for the
objects it holds, which of a set of identifications exist (``bestaande``) and which strings have
the form of an identification of its object types at all (``vorm``). :func:`controleer` follows
every stored reference to the block its relation names and reports those that lead nowhere,
without either block knowing the other. A reference that is not even an identification of the
target's type (the test sets hold some on purpose: ``0000000000000000``, 15 digits, another
object type) is reported apart: it is an error in the data of the referring registry, not a link
to an object that went missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass

from opengdi.kernel.catalogus import Register, Relatie
from opengdi.kernel.db import Database

#: Identifications asked of a block at once.
_PER_VRAAG = 5_000


@dataclass(frozen=True, slots=True)
class Verwijzing:
    """A stored reference: of relation ``relatie`` (its name in the register), from object ``van`` to ``naar``."""

    relatie: str
    van: str
    naar: str


@dataclass(frozen=True, slots=True)
class Koppelingen:
    """What a block offers for the links between registries (either may be absent)."""

    verwijzingen: Callable[[Database], AsyncIterator[Verwijzing]] | None = None
    bestaande: Callable[[Database, str, Sequence[str]], Awaitable[set[str]]] | None = None
    vorm: Callable[[str, str], bool] | None = None  # (objecttype, identificatie): well formed?


@dataclass(frozen=True, slots=True)
class LozeVerwijzing:
    """A reference that leads nowhere, and why."""

    register: str
    verwijzing: Verwijzing
    doel: str  # "bag.Verblijfsobject"
    reden: str
    ongeldig: bool = False  # not an identification of the target's type at all


@dataclass(frozen=True, slots=True)
class Controle:
    """The outcome of :func:`controleer`."""

    verwijzingen: int
    loos: tuple[LozeVerwijzing, ...]  # well formed, but no such object
    ongeldig: tuple[LozeVerwijzing, ...] = ()  # not an identification of the target's type


async def controleer(blokken: Sequence[tuple[Register, Koppelingen]], database: Database) -> Controle:
    """Follow every reference every block stores to the block its relation names."""
    doelen = {register.code: koppelingen for register, koppelingen in blokken}
    totaal = 0
    loos: list[LozeVerwijzing] = []
    for register, koppelingen in blokken:
        if koppelingen.verwijzingen is None:
            continue
        relaties = {relatie.naam: relatie for relatie in register.relaties}
        pending: dict[str, list[Verwijzing]] = defaultdict(list)
        async for verwijzing in koppelingen.verwijzingen(database):
            totaal += 1
            relatie = relaties.get(verwijzing.relatie)
            if relatie is None:
                loos.append(LozeVerwijzing(register.code, verwijzing, "?", "onbekende relatie"))
                continue
            pending[verwijzing.relatie].append(verwijzing)
            if len(pending[verwijzing.relatie]) >= _PER_VRAAG:
                loos.extend(await _check(register.code, relatie, pending.pop(verwijzing.relatie), doelen, database))
        for naam, items in pending.items():
            loos.extend(await _check(register.code, relaties[naam], items, doelen, database))
    return Controle(
        totaal, tuple(item for item in loos if not item.ongeldig), tuple(item for item in loos if item.ongeldig)
    )


async def _check(
    register: str, relatie: Relatie, items: list[Verwijzing], doelen: dict[str, Koppelingen], database: Database
) -> list[LozeVerwijzing]:
    doel = f"{relatie.naar_register}.{relatie.naar_objecttype}"
    target = doelen.get(relatie.naar_register)
    if target is None or target.bestaande is None:
        return [LozeVerwijzing(register, item, doel, f"register {relatie.naar_register} draait niet") for item in items]
    objecttype, vorm = relatie.naar_objecttype, target.vorm
    rest: list[Verwijzing] = []
    found: list[LozeVerwijzing] = []
    for item in items:
        if vorm is None or vorm(objecttype, item.naar):
            rest.append(item)
        else:
            reden = f"is geen geldige identificatie van een {objecttype}"
            found.append(LozeVerwijzing(register, item, doel, reden, ongeldig=True))
    present = await target.bestaande(database, objecttype, sorted({item.naar for item in rest}))
    return found + [LozeVerwijzing(register, item, doel, "bestaat niet") for item in rest if item.naar not in present]


async def per_doel(
    blokken: Sequence[tuple[Register, Koppelingen]], register: str, relatie: str, database: Database
) -> dict[str, list[str]]:
    """Per target, the objects of ``register`` whose references of ``relatie`` lead to it (for a
    block that builds on another's links: the persons the BRP names at each adresseerbaar object)."""
    found: dict[str, list[str]] = defaultdict(list)
    for declaratie, koppelingen in blokken:
        if declaratie.code != register or koppelingen.verwijzingen is None:
            continue
        async for verwijzing in koppelingen.verwijzingen(database):
            if verwijzing.relatie == relatie:
                found[verwijzing.naar].append(verwijzing.van)
    return found


async def bestaan(
    blokken: Sequence[tuple[Register, Koppelingen]],
    register: str,
    objecttype: str,
    identificaties: Sequence[str],
    database: Database,
) -> set[str] | None:
    """Which of ``identificaties`` are objects of ``objecttype`` in ``register`` (``None`` when that
    register does not run or answers no such question): for a block that must link to existing objects."""
    for declaratie, koppelingen in blokken:
        if declaratie.code == register and koppelingen.bestaande is not None:
            return await koppelingen.bestaande(database, objecttype, identificaties)
    return None
