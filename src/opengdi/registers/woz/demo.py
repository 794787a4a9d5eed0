# SPDX-License-Identifier: EUPL-1.2
"""The WOZ's demo data: a WOZ-object for every residential address of the BAG (taken through the
deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron`), with values for the last five
waardepeildatums, and as eigenaar and gebruiker a person the BRP names at that adresseerbaar object
(read from the references the BRP offers for ``gdi check``, its public contract for links)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.woz import repository, service
from opengdi.settings import Settings

#: The BRP's relation from a person to the adresseerbaar object it lives at.
_WOONT_OP = ("brp", "verblijfsobject")


async def _bewoners(database: Database, samenstelling: Samenstelling) -> dict[str, list[str]]:
    """Per adresseerbaar object, the burgerservicenummers of the persons the BRP names there."""
    found: dict[str, list[str]] = defaultdict(list)
    for register, koppelingen in samenstelling.koppelingen():
        if register.code != _WOONT_OP[0] or koppelingen.verwijzingen is None:
            continue
        async for verwijzing in koppelingen.verwijzingen(database):
            if verwijzing.relatie == _WOONT_OP[1]:
                found[verwijzing.naar].append(verwijzing.van)
    return found


async def _load(
    database: Database, settings: Settings, samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    bron = samenstelling.adresbron(database, settings)
    async with database.connect() as connection:
        if bron is None or await repository.count(connection):
            return None
    vandaag = date.today()
    sleutels = [sleutel for items in (await bron.woonadressen(vandaag)).values() for sleutel in items]
    adressen = await bron.adressen(sleutels, vandaag)
    objecten = service.demo_objecten(adressen, await _bewoners(database, samenstelling), vandaag)
    async with UnitOfWork(database, oin=settings.oin) as uow:
        stored = await service.load_objecten(uow, objecten)
    progress(stored)
    return f"WOZ: {stored} WOZ-objecten met hun waarden geladen, op de woonadressen van de BAG."


DEMO = Demo(omschrijving="Demogegevens laden (WOZ)", omvang=lambda: 0, laden=_load)
