# SPDX-License-Identifier: EUPL-1.2
"""One consistent country: the BRP's synthetic persons live at the BAG's addresses.

A generated BAG is loaded as an extract, then a population is seeded on it through the
composition's address source (the BAG's :class:`~opengdi.registers.bag.adresbron.BagAdresBron`):
every verblijfplaats of every persoonslijst names an existing residential address with its own
nummeraanduiding, street, number, postcode and woonplaats, ``gdi check`` finds nothing dangling,
and the BRP's address searches find the residents of a BAG object.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from sqlalchemy import select

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout
from opengdi.kernel.koppelingen import controleer
from opengdi.registers.bag import service as bag_service
from opengdi.registers.bag.adresbron import BagAdresBron
from opengdi.registers.bag.generator import Omvang, land
from opengdi.registers.brp import repository as brp_repository
from opengdi.registers.brp import service as brp_service
from opengdi.registers.brp.model import PersoonslijstRow
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.seed import PEILDATUM, seed_population
from opengdi.settings import Settings
from tests.conftest import unit_of_work
from tests.land import load_bag
from tests.registers.brp.helpers import bsns_of, zoek

ADRESSEN, PERSONEN = 900, 700


async def _empty(database: Database) -> None:
    async with unit_of_work(database) as uow:
        await bag_service.empty_bag(uow)
    async with unit_of_work(database) as uow:
        await brp_service.empty_brp(uow)


@pytest.fixture
async def land_database(empty_database: Database) -> AsyncIterator[Database]:
    """The session database with a generated BAG and an empty BRP."""
    await _empty(empty_database)
    await load_bag(empty_database, Omvang(ADRESSEN, startwaarde=5))
    yield empty_database
    await _empty(empty_database)


async def _seed(database: Database, personen: int, seed: int = 3) -> int:
    bron = SAMENSTELLING.adresbron(database, Settings())
    assert isinstance(bron, BagAdresBron)
    async with unit_of_work(database) as uow:
        return await seed_population(uow, personen, seed, batch_size=250, adressen=bron)


async def _persoonslijsten(database: Database) -> list[Persoonslijst]:
    async with database.connect() as connection:
        bsns = [bsn for bsn in (await connection.scalars(select(PersoonslijstRow.burgerservicenummer))) if bsn]
        found = await brp_repository.load_by_bsn(connection, bsns)
    return [lijst for lijsten in found.values() for lijst in lijsten]


def _verblijfplaatsen(lijst: Persoonslijst) -> list[dict[str, str]]:
    """Every voorkomen of categories 08/58 with an address in the Netherlands."""
    return [item.elementen for item in lijst.voorkomens() if item.categorie == "08" and "11.80" in item.elementen]


async def _woonadressen(database: Database) -> dict[str, BagAdres]:
    bron = BagAdresBron(database)
    sleutels = [sleutel for keys in (await bron.woonadressen(PEILDATUM)).values() for sleutel in keys]
    return {adres.adresseerbaar_object: adres for adres in await bron.adressen(sleutels, PEILDATUM)}


async def test_every_verblijfplaats_is_an_existing_bag_address(land_database: Database) -> None:
    assert await _seed(land_database, PERSONEN) == PERSONEN
    adressen = await _woonadressen(land_database)
    lijsten = await _persoonslijsten(land_database)
    gebruikt = 0
    for lijst in lijsten:
        for elementen in _verblijfplaatsen(lijst):
            adres = adressen[elementen["11.80"]]
            gebruikt += 1
            assert elementen["11.90"] == adres.nummeraanduiding
            assert elementen["09.10"] == adres.gemeentecode
            assert (elementen["11.15"], elementen["11.10"]) == (adres.openbare_ruimte, adres.korte_naam)
            assert int(elementen["11.20"]) == adres.huisnummer
            assert elementen.get("11.30", "") == adres.huisletter
            assert elementen.get("11.40", "") == adres.toevoeging
            assert elementen.get("11.60", "") == adres.postcode
            assert elementen["11.70"] == adres.woonplaats
    assert gebruikt >= PERSONEN * 0.8  # most live in the Netherlands; the emigrated and the RNI do not


async def test_gdi_check_finds_no_dangling_link_in_a_generated_country(land_database: Database) -> None:
    await _seed(land_database, PERSONEN)
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), land_database)
    assert uitkomst.verwijzingen > PERSONEN
    assert uitkomst.loos == () and uitkomst.ongeldig == ()


async def test_the_residents_of_a_bag_object_are_found_by_its_identifications(
    land_database: Database, client: httpx.AsyncClient
) -> None:
    await _seed(land_database, PERSONEN)
    huidig: dict[str, tuple[str, str]] = {}
    for lijst in await _persoonslijsten(land_database):
        voorkomen = lijst.actueel("08")
        actueel = voorkomen.elementen if voorkomen else {}
        bsn = lijst.burgerservicenummer
        if "11.80" in actueel and bsn and not lijst.element("07", "67.20"):
            huidig[bsn] = (actueel["11.90"], actueel["11.80"])
    (nummeraanduiding, adresseerbaar_object), aantal = Counter(huidig.values()).most_common(1)[0]
    bewoners = sorted(bsn for bsn, adres in huidig.items() if adres == (nummeraanduiding, adresseerbaar_object))
    assert aantal > 1  # a household
    found = await zoek(client, "ZoekMetNummeraanduidingIdentificatie", nummeraanduidingIdentificatie=nummeraanduiding)
    assert bsns_of(found) == bewoners
    found = await zoek(
        client, "ZoekMetAdresseerbaarObjectIdentificatie", adresseerbaarObjectIdentificatie=adresseerbaar_object
    )
    assert bsns_of(found) == bewoners


async def test_a_bag_without_residential_addresses_is_refused(empty_database: Database) -> None:
    await _empty(empty_database)
    with pytest.raises(DomeinFout, match="De BAG bevat geen woonadressen"):
        await _seed(empty_database, 10)


async def test_a_bag_too_small_for_the_population_is_refused(land_database: Database) -> None:
    with pytest.raises(DomeinFout, match=r"te weinig voor 9000 personen \(minstens 2250\)"):
        await _seed(land_database, 9000)
    assert await _persoonslijsten(land_database) == []


async def test_the_bron_gives_inhabitable_current_addresses_in_their_municipality_of_2014(
    land_database: Database,
) -> None:
    voorkomens = list(land(Omvang(ADRESSEN, startwaarde=5)))
    nummers = {item.identificatie: item for item in voorkomens if item.objecttype == "NUM"}
    bewoonbaar = {
        item.identificatie
        for item in voorkomens
        if item.eind_geldigheid is None
        and (item.objecttype in ("LIG", "STA") or "woonfunctie" in item.gegevens.get("gebruiksdoelen", ()))
    }
    adressen = await _woonadressen(land_database)
    assert set(adressen) == bewoonbaar
    objecten = {item.identificatie for item in voorkomens if item.objecttype in ("VBO", "LIG", "STA")}
    assert len(bewoonbaar) < len(objecten)  # offices and shops are left out
    for identificatie, adres in adressen.items():
        assert adres.gemeentecode == identificatie[:4]  # the generated country's ids carry the gemeentecode
        assert adres.nummeraanduiding in nummers
        assert nummers[adres.nummeraanduiding].gegevens["huisnummer"] == adres.huisnummer


async def test_a_woonplaats_counts_in_the_municipality_it_lay_in_on_the_peildatum(land_database: Database) -> None:
    bron = BagAdresBron(land_database)
    now = await bron.woonadressen(PEILDATUM)
    before = await bron.woonadressen(date(1990, 1, 1))  # before the generated relation began (2010)
    assert now and not before
