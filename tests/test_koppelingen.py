# SPDX-License-Identifier: EUPL-1.2
"""The links between registries (``gdi check``): in the demo data (the BRP, the BAG, the
Handelsregister, the BRK and the WOZ) every reference that can hold leads to an object; a reference to an
object that is not there is named."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import controleer
from opengdi.registers.bag import service as bag_service
from opengdi.registers.bag.demo import DEMO as BAG_DEMO
from opengdi.registers.brk import service as brk_service
from opengdi.registers.brk.demo import DEMO as BRK_DEMO
from opengdi.registers.brp import service as brp_service
from opengdi.registers.brp.demo import load_demo
from opengdi.registers.nhr import service as nhr_service
from opengdi.registers.nhr.demo import DEMO as NHR_DEMO
from opengdi.registers.woz import service as woz_service
from opengdi.registers.woz.demo import DEMO as WOZ_DEMO
from opengdi.settings import Settings
from tests.conftest import unit_of_work
from tests.registers.brp.helpers import persoonslijst

#: What a BAG identification of each relation's target looks like.
_WELL_FORMED = {"verblijfsobject": r"\d{4}0[123]\d{10}", "nummeraanduiding": r"\d{4}20\d{10}"}


@pytest.fixture
async def registers(empty_database: Database) -> AsyncIterator[Database]:
    async with unit_of_work(empty_database) as uow:
        await bag_service.empty_bag(uow)
    yield empty_database
    async with unit_of_work(empty_database) as uow:
        await woz_service.empty_woz(uow)
    async with unit_of_work(empty_database) as uow:
        await brk_service.empty_brk(uow)
    async with unit_of_work(empty_database) as uow:
        await nhr_service.empty_nhr(uow)
    async with unit_of_work(empty_database) as uow:
        await bag_service.empty_bag(uow)
    async with unit_of_work(empty_database) as uow:
        await brp_service.empty_brp(uow)


async def test_in_the_demo_no_link_dangles(registers: Database) -> None:
    async with unit_of_work(registers) as uow:
        await load_demo(uow)
    for demo in (BAG_DEMO, NHR_DEMO, BRK_DEMO, WOZ_DEMO):
        assert await demo.laden(registers, Settings(), SAMENSTELLING, lambda _n: None)
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    assert uitkomst.verwijzingen > 2_000
    assert uitkomst.loos == ()
    woz = next(koppelingen for register, koppelingen in SAMENSTELLING.koppelingen() if register.code == "woz")
    assert woz.verwijzingen is not None
    relaties = {verwijzing.relatie async for verwijzing in woz.verwijzingen(registers)}
    assert {"adresseerbaarObject", "nummeraanduiding", "kadastraalOnroerendeZaak", "belanghebbendePersoon"} <= relaties
    assert uitkomst.ongeldig, "the RvIG test set holds deliberately malformed identifications"
    for loos in uitkomst.ongeldig:
        assert loos.register == "brp" and loos.reden.startswith("is geen geldige identificatie")
        assert not re.fullmatch(_WELL_FORMED[loos.verwijzing.relatie], loos.verwijzing.naar), loos


async def test_a_reference_to_a_missing_object_is_named(registers: Database) -> None:
    adres = {"09.10": "0599", "11.80": "0599010000999999", "11.90": "0599200000999999"}
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("999993653", c08=[adres])]})
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    assert {
        (loos.verwijzing.relatie, loos.verwijzing.van, loos.verwijzing.naar, loos.reden) for loos in uitkomst.loos
    } == {
        ("verblijfsobject", "999993653", "0599010000999999", "bestaat niet"),
        ("nummeraanduiding", "999993653", "0599200000999999", "bestaat niet"),
    }
    assert uitkomst.ongeldig == ()


@pytest.mark.parametrize(
    "identificatie",
    ["0000000000000000", "599010000999999", "0599300000999999", "05990100009999x9", "０599010000999999"],
)
async def test_a_reference_that_is_no_identification_of_the_target_type_is_reported_apart(
    registers: Database, identificatie: str
) -> None:
    adres = {"09.10": "0599", "11.80": identificatie}
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("999993653", c08=[adres])]})
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    assert uitkomst.loos == ()
    assert [(loos.verwijzing.naar, loos.reden) for loos in uitkomst.ongeldig] == [
        (identificatie, "is geen geldige identificatie van een AdresseerbaarObject")
    ]
