# SPDX-License-Identifier: EUPL-1.2
"""The WOZ's demo data: a WOZ-object for every residential address of the BAG (taken through the
deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron`), with values for the last five
waardepeildatums, as eigenaar and gebruiker a person the BRP names at that adresseerbaar object, and
the kadastrale onroerende zaak the BRK has there (both read from the references those blocks offer
for ``gdi check``, their public contract for links)."""

from __future__ import annotations

from datetime import date

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import per_doel
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.woz import repository, service
from opengdi.settings import Settings


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
    blokken = samenstelling.koppelingen()
    bewoners = await per_doel(blokken, "brp", "verblijfsobject", database)
    zaken = await per_doel(blokken, "brk", "adresseerbaarObject", database)
    objecten = service.demo_objecten(adressen, bewoners, vandaag, zaken)
    async with UnitOfWork(database, oin=settings.oin) as uow:
        stored = await service.load_objecten(uow, objecten)
    progress(stored)
    return f"WOZ: {stored} WOZ-objecten met hun waarden geladen, op de woonadressen van de BAG."


DEMO = Demo(omschrijving="Demogegevens laden (WOZ)", omvang=lambda: 0, laden=_load)
