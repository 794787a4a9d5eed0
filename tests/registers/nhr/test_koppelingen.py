# SPDX-License-Identifier: EUPL-1.2
"""The Handelsregister's links (``gdi check``): an owner and a functionaris to a BRP person, a
rechtspersoon as functionaris to the Handelsregister itself, a vestiging to a BAG address; and an
enterprise stored with only those links (little else known) is still answered."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import controleer
from opengdi.registers.brp import service as brp_service
from opengdi.registers.nhr import repository, service
from opengdi.registers.nhr.domein import Bedrijf, Functionaris, Onderneming, Vestiging
from tests.conftest import BRONHOUDER, http_client, settings_for, unit_of_work
from tests.registers.brp.helpers import persoonslijst


@pytest.fixture
async def registers(empty_database: Database) -> AsyncIterator[Database]:
    yield empty_database
    async with unit_of_work(empty_database) as uow:
        await service.empty_nhr(uow)
        await brp_service.empty_brp(uow)


async def _add(
    database: Database, kvk_nummer: str, bsn: str, nummeraanduiding: str, *functionarissen: Functionaris
) -> None:
    onderneming = Onderneming(kvk_nummer, {"naam": "Eenmanszaak", "rechtsvorm": "Eenmanszaak"}, eigenaar_bsn=bsn)
    vestiging = Vestiging("000099999999", kvk_nummer, {"handelsnamen": ["Eenmanszaak"]}, nummeraanduiding)
    async with unit_of_work(database) as uow:
        await repository.add_ondernemingen(uow.session, [Bedrijf(onderneming, (vestiging,), functionarissen)])
        await uow.commit()


def _bestuurder(kvk_nummer: str, volgnummer: int, *, bsn: str | None = None, rsin: str | None = None) -> Functionaris:
    return Functionaris(kvk_nummer, volgnummer, "bestuurders", "bestuurder", "Bestuurder", {}, bsn=bsn, rsin=rsin)


async def test_an_owner_who_is_no_person_and_an_address_that_is_not_there_are_named(registers: Database) -> None:
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("999993653")]})
    await _add(registers, "10000003", "999990019", "0599200000999999")
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    loos = {(item.register, item.verwijzing.relatie, item.verwijzing.naar, item.reden) for item in uitkomst.loos}
    assert loos == {
        ("nhr", "eigenaar", "999990019", "bestaat niet"),
        ("nhr", "bezoekadres", "0599200000999999", "bestaat niet"),
    }


async def test_an_owner_in_the_brp_is_a_link_that_holds(registers: Database) -> None:
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("999993653")]})
    await _add(registers, "10000003", "999993653", "0599200000999999")
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    assert [item.verwijzing.relatie for item in uitkomst.loos if item.register == "nhr"] == ["bezoekadres"]


async def test_functionarissen_link_to_brp_persons_and_to_rechtspersonen_of_the_register(registers: Database) -> None:
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst("999993653")]})
        await service.load_testbedrijven(uow)
    functionarissen = (
        _bestuurder("10000003", 1, bsn="999993653"),
        _bestuurder("10000003", 2, bsn="999990019"),
        _bestuurder("10000003", 3, rsin="857587973"),  # Test BV Donald, a demo company
        _bestuurder("10000003", 4, rsin="111222333"),  # an RSIN the register does not hold
    )
    await _add(registers, "10000003", "999993653", "0599200000999999", *functionarissen)
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    loos = {(item.verwijzing.relatie, item.verwijzing.naar) for item in uitkomst.loos if item.register == "nhr"}
    assert ("functionaris", "999990019") in loos and ("functionarisRechtspersoon", "111222333") in loos
    assert ("functionaris", "999993653") not in loos and ("functionarisRechtspersoon", "857587973") not in loos


async def test_the_demo_companies_link_nowhere_that_is_not_there(registers: Database) -> None:
    """Their owners and functionarissen are persons of the demo BRP (the Haal Centraal test set)."""
    bsns = [item for bedrijf in service.testbedrijven() for item in _personen(bedrijf)]
    async with unit_of_work(registers) as uow:
        await brp_service.import_persoonslijsten(uow, {"persoonslijsten": [persoonslijst(bsn) for bsn in bsns]})
        await service.load_testbedrijven(uow)
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), registers)
    assert not [item for item in (*uitkomst.loos, *uitkomst.ongeldig) if item.register == "nhr"]


async def test_an_enterprise_with_little_known_is_answered_with_what_is_known(
    registers: Database, tmp_path: Path
) -> None:
    await _add(registers, "10000003", "999990019", "0599200000999999")
    async with http_client(create_app(settings_for(tmp_path), registers), BRONHOUDER) as http:
        for path in (
            "basisprofielen/10000003",
            "basisprofielen/10000003/eigenaar",
            "basisprofielen/10000003/vestigingen",
        ):
            response = await http.get(f"/kvk/api/v1/{path}")
            assert response.status_code == 200, (path, response.text)
        profiel = await http.get("/kvk/api/v1/vestigingsprofielen/000099999999")
        found = await http.get("/kvk/api/v2/zoeken", params={"naam": "eenmanszaak"})
    assert profiel.status_code == 200 and profiel.json()["eersteHandelsnaam"] == "Eenmanszaak"
    assert [item["naam"] for item in found.json()["resultaten"]] == ["Eenmanszaak"]


def _personen(bedrijf: Bedrijf) -> list[str]:
    owner = [bedrijf.onderneming.eigenaar_bsn] if bedrijf.onderneming.eigenaar_bsn else []
    return owner + [item.bsn for item in bedrijf.functionarissen if item.bsn]
