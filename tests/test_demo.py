# SPDX-License-Identifier: EUPL-1.2
"""The demo data: both test sets load into the BRP, on both databases."""

from __future__ import annotations

from opengdi.kernel.db import Database
from opengdi.registers.brp import repository
from opengdi.registers.brp.demo import brp_is_empty, gbav_testset, haal_centraal_testpersonen, load_demo
from tests.conftest import unit_of_work


def test_the_demo_offers_both_test_sets() -> None:
    gbav = gbav_testset()
    testpersonen = haal_centraal_testpersonen()
    bsns = {lijst["01"][0].get("01.20") for _label, lijst in gbav}
    assert len(gbav) == 687 and len(bsns - {None}) == 680
    assert len(testpersonen) == 1176


async def test_the_demo_loads_once_into_an_empty_brp(empty_database: Database) -> None:
    assert await brp_is_empty(empty_database)
    async with unit_of_work(empty_database) as uow:
        report = await load_demo(uow)
    assert report.stored == 687 + 508
    assert report.present == 668 and not report.skipped  # Haal Centraal test persons already in the GBA-V set
    async with empty_database.connect() as connection:
        assert await repository.count(connection) == 1195
        suzanne = await repository.load_by_bsn(connection, ["999993653"])
    assert suzanne["999993653"][0].element("01", "02.40") == "Moulin"
    assert not await brp_is_empty(empty_database)
