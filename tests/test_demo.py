# SPDX-License-Identifier: EUPL-1.2
"""The demo data: both test sets load into the BRP, on both databases, and every test person gets a
DigiD account with the documented password."""

from __future__ import annotations

from pathlib import Path

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.registers.brp import repository
from opengdi.registers.brp.demo import brp_is_empty, gbav_testset, haal_centraal_testpersonen, load_demo
from opengdi.stelsel.digid import demo as digid_demo
from opengdi.stelsel.digid import repository as digid_repository
from opengdi.stelsel.digid import wachtwoord
from tests.conftest import settings_for, unit_of_work


def test_the_demo_offers_both_test_sets() -> None:
    gbav = gbav_testset()
    testpersonen = haal_centraal_testpersonen()
    bsns = {lijst["01"][0].get("01.20") for _label, lijst in gbav}
    assert len(gbav) == 687 and len(bsns - {None}) == 680
    assert len(testpersonen) == 1176


async def test_the_demo_loads_once_into_an_empty_brp(empty_database: Database, tmp_path: Path) -> None:
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
    await _every_test_person_has_a_digid_account(empty_database, tmp_path)


async def _every_test_person_has_a_digid_account(database: Database, tmp_path: Path) -> None:
    settings, geteld = settings_for(tmp_path), []
    alle = await SAMENSTELLING.personenbron(database, settings).burgerservicenummers()  # type: ignore[union-attr]
    bsns = [bsn for bsn in alle if is_valid_bsn(bsn)]  # a DigiD needs a number that passes the elfproef
    assert len(bsns) > 1000 and "999993653" in bsns and len(alle) - len(bsns) < 5
    regel = await digid_demo.DEMO.laden(database, settings, SAMENSTELLING, geteld.append)
    assert regel == f"DigiD: {len(bsns)} testaccounts (test + BSN, wachtwoord Welkom01!)." and geteld == [len(bsns)]
    async with database.session() as session:
        suzanne = await digid_repository.account(session, "test999993653")
        assert suzanne is not None and suzanne.telefoonnummer == "0699993653"
        assert wachtwoord.klopt(digid_demo.TESTWACHTWOORD, suzanne.wachtwoord_hash)
        assert len(await digid_repository.accounts_van(session, bsns)) == len(bsns)
    banner = await digid_demo.voorbeelden(database, settings)
    assert banner[0].startswith("Inloggen met DigiD (wachtwoord Welkom01!): test") and banner[0].count("test") == 3
    assert await digid_demo.DEMO.laden(database, settings, SAMENSTELLING, geteld.append) is None  # once
