# SPDX-License-Identifier: EUPL-1.2
"""The Handelsregister's demo data: the fictitious companies of the KvK test environment
(``data/testbedrijven.json``), so that a supplier's tests written against ``api.kvk.nl/test`` pass
against a test deployment too."""

from __future__ import annotations

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.nhr import repository, service
from opengdi.settings import Settings


async def _load(
    database: Database, settings: Settings, _samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    async with database.connect() as connection:
        if await repository.count(connection):
            return None
    async with UnitOfWork(database, oin=settings.oin) as uow:
        stored = await service.load_testbedrijven(uow)
    progress(stored)
    return f"Handelsregister: {stored} bedrijven van de testomgeving van de KvK geladen."


DEMO = Demo(
    omschrijving="Demogegevens laden (Handelsregister)", omvang=lambda: len(service.testbedrijven()), laden=_load
)
