# SPDX-License-Identifier: EUPL-1.2
"""The BRK's demo data: a perceel for every residential address of the BAG (taken through the
deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron`), owned by the persons the BRP
names at that adresseerbaar object (read from the references the BRP offers for ``gdi check``, its
public contract for links), or else by a woonstichting only the Kadaster registered."""

from __future__ import annotations

from datetime import date

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import per_doel
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brk import repository, service
from opengdi.registers.brk.domein import demo_zaken
from opengdi.settings import Settings


async def _load(
    database: Database, settings: Settings, samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    bron = samenstelling.adresbron(database, settings)
    if bron is None or await repository.count(database):
        return None
    vandaag = date.today()
    sleutels = [sleutel for items in (await bron.woonadressen(vandaag)).values() for sleutel in items]
    adressen = await bron.adressen(sleutels, vandaag)
    bewoners = await per_doel(samenstelling.koppelingen(), "brp", "verblijfsobject", database)
    async with UnitOfWork(database, oin=settings.oin) as uow:
        stored = await service.load_zaken(uow, demo_zaken(adressen, bewoners))
    progress(stored)
    return f"BRK: {stored} percelen met hun eigenaren geladen, op de woonadressen van de BAG."


DEMO = Demo(omschrijving="Demogegevens laden (BRK)", omvang=lambda: 0, laden=_load)
