# SPDX-License-Identifier: EUPL-1.2
"""One consistent country, continued: the Handelsregister, the BRK and the WOZ of a generated BAG and BRP.

A generated BAG is loaded and a population seeded on it; then the generators of ``gdi genereren
nhr``, ``brk`` and ``woz`` run through the composition's bronnen. Every municipality gets companies
in proportion to its addresses, owned by and run by grown-up inhabitants of the BRP, working from a
BAG address whose gebruiksdoel fits the activity (or the owner's home); every adresseerbaar object
gets one perceel and one WOZ-object whose owners agree; ``gdi check`` finds nothing dangling; and the
KvK APIs answer about the generated companies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.adresvoorziening import alle_adressen
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.kernel.identifiers import is_valid_rsin
from opengdi.kernel.koppelingen import controleer, per_doel
from opengdi.kernel.personenvoorziening import Ingezetene
from opengdi.registers.bag.generator import Omvang
from opengdi.registers.brk import service as brk_service
from opengdi.registers.brp.seed import seed_population
from opengdi.registers.nhr import generator
from opengdi.registers.nhr import service as nhr_service
from opengdi.registers.nhr.domein import Bedrijf
from opengdi.registers.woz import service as woz_service
from opengdi.settings import Settings
from tests.conftest import (
    BRONHOUDER,
    OIN,
    http_client,
    register_bronhouder,
    scratch_database,
    settings_for,
    unit_of_work,
)
from tests.land import load_bag

ADRESSEN, PERSONEN, BEDRIJVEN = 1_500, 1_200, 120


def _bronnen(database: Database) -> nhr_service.Bronnen:
    settings = Settings()
    adressen, personen = SAMENSTELLING.adresbron(database, settings), SAMENSTELLING.personenbron(database, settings)
    nummers = SAMENSTELLING.bsnbron(database, settings)
    assert adressen is not None and personen is not None and nummers is not None
    return nhr_service.Bronnen(adressen, personen, nummers)


async def _generate(database: Database) -> None:
    bronnen = _bronnen(database)
    async with unit_of_work(database) as uow:
        await seed_population(uow, PERSONEN, 4, batch_size=400, adressen=bronnen.adressen, bsns=bronnen.nummers)
    await nhr_service.genereer_bedrijven(database, OIN, bronnen, BEDRIJVEN, 9)
    await brk_service.genereer_zaken(database, OIN, bronnen.adressen, bronnen.personen)
    koppelingen = SAMENSTELLING.koppelingen()
    zaken = await per_doel(koppelingen, "brk", "adresseerbaarObject", database)
    vestigingen = await per_doel(koppelingen, "nhr", "verblijfsobject", database)
    await woz_service.genereer_objecten(database, OIN, (bronnen.adressen, bronnen.personen), (zaken, vestigingen))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
async def land_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    """A database of its own per backend holding a whole generated country: BAG, BRP, NHR, BRK, WOZ."""
    async with scratch_database(request.param, tmp_path_factory.mktemp("land")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        await register_bronhouder(database)
        await load_bag(database, Omvang(ADRESSEN, startwaarde=7))
        await _generate(database)
        yield database


async def _bedrijven(database: Database) -> list[Bedrijf]:
    async with database.read() as connection:
        nummers = list(await connection.scalars(text("SELECT kvk_nummer FROM nhr_maatschappelijke_activiteit")))
        return await nhr_service.bedrijven(connection, sorted(nummers))


async def _inwoners(database: Database) -> dict[str, Ingezetene]:
    """Every grown-up inhabitant of the generated BRP, by burgerservicenummer."""
    bronnen = _bronnen(database)
    found: dict[str, Ingezetene] = {}
    async for gemeentecode, _woon, _werk in alle_adressen(bronnen.adressen, date.today()):
        found.update((item.bsn, item) for item in await bronnen.personen.volwassenen(gemeentecode, date.today()))
    return found


async def _gebruiksdoelen(database: Database) -> dict[str, str]:
    """The first gebruiksdoel of each work address of the BAG, by adresseerbaar object."""
    bron = _bronnen(database).adressen
    found: dict[str, str] = {}
    for per_doel_ in (await bron.werkadressen(date.today())).values():
        for doel, sleutels in per_doel_.items():
            found.update((adres.adresseerbaar_object, doel) for adres in await bron.adressen(sleutels, date.today()))
    return found


async def test_companies_are_spread_over_the_municipalities_by_their_size(land_database: Database) -> None:
    bronnen = _bronnen(land_database)
    gewichten: Counter[str] = Counter()
    async for code, woon, werk in alle_adressen(bronnen.adressen, date.today()):
        gewichten[code] = len(woon) + len(werk)
    verwacht = {
        code: deel if await bronnen.personen.volwassenen(code, date.today()) else 0  # no grown-ups: no companies
        for code, deel in generator.verdeel(BEDRIJVEN, gewichten).items()
    }
    bedrijven = await _bedrijven(land_database)
    per_gemeente = Counter(str(item.vestigingen[0].adresseerbaar_object)[:4] for item in bedrijven)
    assert per_gemeente == Counter({code: deel for code, deel in verwacht.items() if deel})
    assert len(bedrijven) > BEDRIJVEN / 2
    assert generator.verdeel(10, {"a": 5, "b": 3, "c": 2}) == {"a": 5, "b": 3, "c": 2}
    assert generator.verdeel(7, {"a": 1, "b": 1, "c": 1}) == {"a": 3, "b": 2, "c": 2}


async def test_owners_and_bestuurders_are_grown_up_inhabitants_of_the_brp(land_database: Database) -> None:
    inwoners = await _inwoners(land_database)
    soorten = Counter(item.onderneming.rechtsvorm for item in await _bedrijven(land_database))
    assert soorten[generator.EENMANSZAAK] and soorten[generator.BV]
    for bedrijf in await _bedrijven(land_database):
        onderneming = bedrijf.onderneming
        if onderneming.rechtsvorm == generator.EENMANSZAAK:
            eigenaar = inwoners[str(onderneming.eigenaar_bsn)]
            assert onderneming.eigenaar_naam == eigenaar.naam
            assert onderneming.rsin is None and not bedrijf.functionarissen
        else:
            assert onderneming.eigenaar_bsn is None and is_valid_rsin(str(onderneming.rsin))
            actief = [item for item in bedrijf.functionarissen if item.actief and item.groep == "bestuurders"]
            assert actief and all(inwoners[str(item.bsn)].naam == item.naam for item in bedrijf.functionarissen)


async def test_vestigingen_lie_at_bag_addresses_whose_gebruiksdoel_fits(land_database: Database) -> None:
    doelen = await _gebruiksdoelen(land_database)
    inwoners = await _inwoners(land_database)
    plekken: Counter[str] = Counter()
    for bedrijf in await _bedrijven(land_database):
        activiteit = bedrijf.onderneming.gegevens["sbiActiviteiten"][0]["sbiCode"]
        for vestiging in bedrijf.vestigingen:
            plek = str(vestiging.adresseerbaar_object)
            plekken[plek] += 1
            doel = doelen.get(plek, generator.THUIS)
            if doel == generator.THUIS:  # the owner's home (a BV there is the bestuurder's holding)
                eigenaar = bedrijf.onderneming.eigenaar_bsn or bedrijf.functionarissen[0].bsn
                assert inwoners[str(eigenaar)].adres.adresseerbaar_object == plek
            codes = {item.sbi_code for item in generator.ACTIVITEITEN.get(doel, ())} | {"6420", "6820"}
            assert activiteit in codes
    werk = [plek for plek in plekken if plek in doelen]
    assert werk and all(plekken[plek] == 1 for plek in werk)  # a shop or office holds one company


async def test_every_adresseerbaar_object_has_one_zaak_and_one_woz_object_that_agree(
    land_database: Database,
) -> None:
    async with land_database.read() as connection:
        zaak_rows = (
            await connection.execute(text("SELECT adresseerbaar_object, type FROM brk_kadastraal_onroerende_zaak"))
        ).all()
        # a split grondperceel has no adresseerbaar object: its appartementsrechten have them
        zaken = Counter(plek for plek, _type in zaak_rows if plek is not None)
        splitsingen = sum(soort == "appartementsrecht" for _plek, soort in zaak_rows)
        objecten = Counter(await connection.scalars(text("SELECT adresseerbaar_object FROM woz_object")))
        woz_eigenaren = await connection.execute(
            text(
                "SELECT o.adresseerbaar_object, b.bsn FROM woz_object o JOIN woz_belanghebbende b "
                "ON b.identificatie = o.identificatie WHERE b.rol = 'eigenaar'"
            )
        )
        eigenaren = dict(woz_eigenaren.all())
        perceel_eigenaren = (
            await connection.execute(
                text(
                    "SELECT z.adresseerbaar_object, g.bsn FROM brk_kadastraal_onroerende_zaak z "
                    "JOIN brk_zakelijk_gerechtigde g ON g.koz = z.identificatie WHERE g.bsn IS NOT NULL"
                )
            )
        ).all()
    bron = _bronnen(land_database).adressen
    alle = [
        adres.adresseerbaar_object
        async for _code, woon, werk in alle_adressen(bron, date.today())
        for adres in [*woon, *werk]
    ]
    assert set(zaken) == set(objecten) == set(alle) and set(zaken.values()) == set(objecten.values()) == {1}
    assert splitsingen  # the flats of the generated country are appartementsrechten
    per_object: dict[str, set[str]] = {}
    for adresseerbaar_object, bsn in perceel_eigenaren:
        per_object.setdefault(adresseerbaar_object, set()).add(bsn)
    assert eigenaren and all(bsn in per_object[plek] for plek, bsn in eigenaren.items())


async def test_gdi_check_finds_no_dangling_link_in_the_generated_registers(land_database: Database) -> None:
    uitkomst = await controleer(SAMENSTELLING.koppelingen(), land_database)
    assert uitkomst.verwijzingen > ADRESSEN * 4
    assert uitkomst.loos == () and uitkomst.ongeldig == ()


async def test_the_generators_refuse_to_generate_twice_unless_asked_to_replace(land_database: Database) -> None:
    bronnen = _bronnen(land_database)
    before = [item.onderneming for item in await _bedrijven(land_database)]
    with pytest.raises(Conflict, match="gegenereerde bedrijven; vervang ze met --vervang"):
        await nhr_service.genereer_bedrijven(land_database, OIN, bronnen, BEDRIJVEN, 9)
    with pytest.raises(Conflict, match="De BRK bevat al"):
        await brk_service.genereer_zaken(land_database, OIN, bronnen.adressen, bronnen.personen)
    await nhr_service.genereer_bedrijven(land_database, OIN, bronnen, BEDRIJVEN, 9, vervang=True)
    assert [item.onderneming for item in await _bedrijven(land_database)] == before  # the same startwaarde


async def test_the_kvk_apis_answer_about_a_generated_company(land_database: Database, tmp_path: Path) -> None:
    doelen = await _gebruiksdoelen(land_database)
    bedrijf = next(  # a BV at a work address: the BAG gave its point
        item
        for item in await _bedrijven(land_database)
        if item.onderneming.rsin and item.vestigingen[0].adresseerbaar_object in doelen
    )
    vestiging = bedrijf.vestigingen[0]
    adres = vestiging.gegevens["adressen"][0]
    async with http_client(create_app(settings_for(tmp_path), land_database), BRONHOUDER) as http:
        profiel = await http.get(f"/kvk/api/v1/basisprofielen/{bedrijf.onderneming.kvk_nummer}")
        assert profiel.status_code == 200, profiel.text
        assert profiel.json()["naam"] == bedrijf.onderneming.naam
        zoeken = await http.get(
            "/kvk/api/v2/zoeken", params={"postcode": adres["postcode"], "huisnummer": adres["huisnummer"]}
        )
        assert zoeken.status_code == 200, zoeken.text
        gevonden = {item.get("vestigingsnummer") for item in zoeken.json()["resultaten"]}
        assert vestiging.vestigingsnummer in gevonden
        plain = await http.get(f"/kvk/api/v1/vestigingsprofielen/{vestiging.vestigingsnummer}")
        assert "geoData" not in plain.json()["adressen"][0]
        geo = await http.get(f"/kvk/api/v1/vestigingsprofielen/{vestiging.vestigingsnummer}?geoData=true")
        geodata = geo.json()["adressen"][0]["geoData"]
        assert geodata["addresseerbaarObjectId"] == vestiging.adresseerbaar_object
        assert geodata["nummerAanduidingId"] == vestiging.nummeraanduiding
        assert 50.7 < geodata["gpsLatitude"] < 53.6 and 3.3 < geodata["gpsLongitude"] < 7.3  # in the Netherlands
        assert 0 < geodata["rijksdriehoekX"] < 300_000 and 300_000 < geodata["rijksdriehoekY"] < 625_000
        hr = await http.get(f"/haalcentraal/api/hr/maatschappelijkeactiviteiten/{bedrijf.onderneming.kvk_nummer}")
        assert hr.status_code == 200, hr.text
