# SPDX-License-Identifier: EUPL-1.2
"""The BRP's generator takes its burgerservicenummers from the BSN-beheervoorziening through the
kernel's contract (the bron the composition hands over): every synthetic person has a number issued
to the deployment, none twice, a rerun continues with the same numbers and another seed is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.registers.brp import repository as brp_repository
from opengdi.registers.brp.seed import seed_population
from opengdi.registers.brp.seed.opslaan import KENMERK
from opengdi.stelsel.bsn import service
from opengdi.stelsel.bsn.domein import Status
from tests.conftest import OIN, settings_for, unit_of_work


async def test_the_generator_numbers_its_persons_with_issued_numbers(empty_database: Database, tmp_path: Path) -> None:
    bron = SAMENSTELLING.bsnbron(empty_database, settings_for(tmp_path))
    assert isinstance(bron, service.Nummervoorziening)
    async with unit_of_work(empty_database) as uow:
        assert await seed_population(uow, 260, seed=4, batch_size=100, bsns=bron) == 260
    async with empty_database.connect() as connection:
        assert await brp_repository.count(connection) == 260
    reeks = await bron.reeks(KENMERK, 0, 260)
    async with empty_database.session() as session:
        stored = {bsn for bsn, _ in await brp_repository.stored_identities(session, reeks)}
    assert stored == set(reeks) and len(stored) == 260
    for bsn in reeks[::37]:
        async with unit_of_work(empty_database) as uow:
            gevonden = await service.status(uow, bsn)
        assert gevonden.status is Status.UITGEGEVEN and gevonden.uitgifte is not None
        assert (gevonden.uitgifte.aanvrager, gevonden.uitgifte.kenmerk) == (OIN, KENMERK)
    async with unit_of_work(empty_database) as uow:
        assert await seed_population(uow, 260, seed=4, batch_size=100, bsns=bron) == 0  # a rerun: the same numbers
    with pytest.raises(Conflict, match="andere startwaarde"):
        async with unit_of_work(empty_database) as uow:
            await seed_population(uow, 10, seed=5, bsns=bron)
