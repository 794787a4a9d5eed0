# SPDX-License-Identifier: EUPL-1.2
"""The seven query types of POST /personen, on both databases."""

from __future__ import annotations

import httpx
import pytest

from tests.registers.brp.helpers import bsns_of, load, persoonslijst, raadpleeg, zoek

SPUI = {
    "09.10": "0518",
    "10.10": "W",
    "10.30": "20100101",
    "11.10": "Spui",
    "11.15": "Spui",
    "11.20": "70",
    "11.60": "2511BT",
    "11.70": "'s-Gravenhage",
    "11.80": "0518010000543161",
    "11.90": "0518200000543161",
}
VILLA = {
    "09.10": "0518",
    "11.10": "Laan van Meerdervoort",
    "11.15": "Laan van Meerdervoort",
    "11.20": "12",
    "11.30": "a",
    "11.40": "bis",
    "11.60": "2517AB",
    "11.80": "0518010000100001",
    "11.90": "0518200000100001",
}

ELDERS = {"09.10": "0363", "11.10": "Dam", "11.20": "1", "11.60": "1012JS"}


@pytest.fixture
async def bewoners(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """A few persons in The Hague, one deceased and one withdrawn (fout) persoonslijst."""
    await load(
        client,
        persoonslijst(
            "000000012",
            c01=[{"02.10": "Pieter Jan", "02.30": "van", "02.40": "Maassen", "03.10": "19830526", "04.10": "M"}],
            c08=[SPUI],
        ),
        persoonslijst(
            "000000024", c01=[{"02.10": "Anna", "02.40": "Maaßen", "03.10": "19830526", "04.10": "V"}], c08=[SPUI]
        ),
        persoonslijst(
            "000000036", c01=[{"02.10": "Jan", "02.40": "Brăndus", "03.10": "19501231", "04.10": "M"}], c08=[VILLA]
        ),
        persoonslijst(
            "000000073", c01=[{"02.10": "Ion", "02.40": "Brandus", "03.10": "19501231", "04.10": "M"}], c08=[ELDERS]
        ),
        persoonslijst(
            "000000085", c01=[{"02.10": "Ana", "02.40": "Brândus", "03.10": "19501231", "04.10": "V"}], c08=[ELDERS]
        ),
        persoonslijst(
            "000000048",
            c01=[{"02.10": "Karel", "02.40": "Maassen", "03.10": "19830526"}],
            c08=[SPUI],
            c06=[{"08.10": "20200101"}],
            c07=[{"67.10": "20200101", "67.20": "O", "70.10": "0"}],
        ),
        persoonslijst(
            "000000061",
            c01=[{"02.10": "Fout", "02.40": "Maassen", "03.10": "19830526"}],
            c08=[SPUI],
            c07=[{"67.10": "20200101", "67.20": "F", "70.10": "0"}],
        ),
    )
    return client


async def test_raadplegen_answers_each_known_bsn_in_the_order_asked(bewoners: httpx.AsyncClient) -> None:
    found = await raadpleeg(bewoners, ["000000036", "999999999", "000000012"], ["burgerservicenummer"])
    assert [persoon["burgerservicenummer"] for persoon in found] == ["000000036", "000000012"]


async def test_raadplegen_answers_a_deceased_person_but_never_a_withdrawn_list(bewoners: httpx.AsyncClient) -> None:
    found = await raadpleeg(bewoners, ["000000048", "000000061"], ["burgerservicenummer"])
    assert bsns_of(found) == ["000000048"]
    assert found[0]["opschortingBijhouding"]["reden"] == {"code": "O", "omschrijving": "overlijden"}


async def test_raadplegen_limited_to_a_gemeente_van_inschrijving(bewoners: httpx.AsyncClient) -> None:
    response = await bewoners.post(
        "/haalcentraal/api/brp/personen",
        json={
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": ["000000012"],
            "gemeenteVanInschrijving": "0363",
            "fields": ["burgerservicenummer"],
        },
    )
    assert response.json()["personen"] == []


@pytest.mark.parametrize(
    ("geslachtsnaam", "expected"),
    [
        ("Maassen", ["000000012", "000000024"]),  # ß folds to ss
        ("maassen", ["000000012", "000000024"]),
        ("MAA*", ["000000012", "000000024"]),
        ("brandus", ["000000036", "000000073", "000000085"]),  # a term without diacritics finds all spellings
        ("Brăndus", ["000000036"]),  # a letter with a diacritic matches only that letter with that diacritic
        ("BRĂNDUS", ["000000036"]),
        ("brâ*", ["000000085"]),
        ("Brändus", []),
    ],
)
async def test_zoek_met_geslachtsnaam_en_geboortedatum(
    bewoners: httpx.AsyncClient, geslachtsnaam: str, expected: list[str]
) -> None:
    geboortedatum = "1950-12-31" if geslachtsnaam.casefold().startswith("br") else "1983-05-26"
    found = await zoek(
        bewoners, "ZoekMetGeslachtsnaamEnGeboortedatum", geslachtsnaam=geslachtsnaam, geboortedatum=geboortedatum
    )
    assert bsns_of(found) == expected


async def test_optional_filters_narrow_a_name_search(bewoners: httpx.AsyncClient) -> None:
    found = await zoek(
        bewoners,
        "ZoekMetGeslachtsnaamEnGeboortedatum",
        geslachtsnaam="Maassen",
        geboortedatum="1983-05-26",
        geslacht="m",
        voorvoegsel="VAN",
        voornamen="pieter*",
    )
    assert bsns_of(found) == ["000000012"]


async def test_deceased_persons_are_found_only_when_asked(bewoners: httpx.AsyncClient) -> None:
    query = {"geslachtsnaam": "Maassen", "geboortedatum": "1983-05-26"}
    without = await zoek(bewoners, "ZoekMetGeslachtsnaamEnGeboortedatum", **query)
    including = await zoek(bewoners, "ZoekMetGeslachtsnaamEnGeboortedatum", inclusiefOverledenPersonen=True, **query)
    assert bsns_of(without) == ["000000012", "000000024"]
    assert bsns_of(including) == ["000000012", "000000024", "000000048"]


async def test_zoek_met_naam_en_gemeente_van_inschrijving(bewoners: httpx.AsyncClient) -> None:
    found = await zoek(
        bewoners,
        "ZoekMetNaamEnGemeenteVanInschrijving",
        geslachtsnaam="maassen",
        voornamen="Anna",
        gemeenteVanInschrijving="0518",
    )
    elsewhere = await zoek(
        bewoners,
        "ZoekMetNaamEnGemeenteVanInschrijving",
        geslachtsnaam="maassen",
        voornamen="Anna",
        gemeenteVanInschrijving="0363",
    )
    assert (bsns_of(found), elsewhere) == (["000000024"], [])


@pytest.mark.parametrize("postcode", ["2511BT", "2511 bt", "2511bt"])
async def test_zoek_met_postcode_en_huisnummer(bewoners: httpx.AsyncClient, postcode: str) -> None:
    found = await zoek(bewoners, "ZoekMetPostcodeEnHuisnummer", postcode=postcode, huisnummer=70)
    assert bsns_of(found) == ["000000012", "000000024"]


async def test_postcode_search_with_huisletter_toevoeging_and_a_name(bewoners: httpx.AsyncClient) -> None:
    villa = await zoek(
        bewoners,
        "ZoekMetPostcodeEnHuisnummer",
        postcode="2517AB",
        huisnummer="12",
        huisletter="A",
        huisnummertoevoeging="BIS",
    )
    maassens = await zoek(
        bewoners,
        "ZoekMetPostcodeEnHuisnummer",
        postcode="2511BT",
        huisnummer=70,
        geslachtsnaam="Maaßen",
        geboortedatum="1983-05-26",
    )
    nobody = await zoek(
        bewoners, "ZoekMetPostcodeEnHuisnummer", postcode="2511BT", huisnummer=70, geboortedatum="1983-05-27"
    )
    assert (bsns_of(villa), bsns_of(maassens), nobody) == (["000000036"], ["000000012", "000000024"], [])


@pytest.mark.parametrize("straat", ["Laan van Meerdervoort", "laan van*", "*meerdervoort"])
async def test_zoek_met_straat_huisnummer_en_gemeente(bewoners: httpx.AsyncClient, straat: str) -> None:
    found = await zoek(
        bewoners,
        "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
        straat=straat,
        huisnummer=12,
        gemeenteVanInschrijving="0518",
    )
    assert bsns_of(found) == ["000000036"]


async def test_zoek_met_nummeraanduiding_en_adresseerbaar_object(bewoners: httpx.AsyncClient) -> None:
    by_nummeraanduiding = await zoek(
        bewoners, "ZoekMetNummeraanduidingIdentificatie", nummeraanduidingIdentificatie="0518200000543161"
    )
    by_object = await zoek(
        bewoners, "ZoekMetAdresseerbaarObjectIdentificatie", adresseerbaarObjectIdentificatie="0518010000100001"
    )
    assert (bsns_of(by_nummeraanduiding), bsns_of(by_object)) == (["000000012", "000000024"], ["000000036"])


async def test_a_search_answers_persoon_beperkt(bewoners: httpx.AsyncClient) -> None:
    [anna] = await zoek(
        bewoners,
        "ZoekMetNaamEnGemeenteVanInschrijving",
        geslachtsnaam="maassen",
        voornamen="anna",
        gemeenteVanInschrijving="0518",
        fields=["naam", "geboorte", "adressering"],
    )
    assert anna["naam"] == {
        "voornamen": "Anna",
        "geslachtsnaam": "Maaßen",
        "voorletters": "A.",
        "volledigeNaam": "Anna Maaßen",
    }
    assert anna["geboorte"] == {"datum": {"type": "Datum", "datum": "1983-05-26", "langFormaat": "26 mei 1983"}}
    assert anna["adressering"] == {"adresregel1": "Spui 70", "adresregel2": "2511 BT  'S-GRAVENHAGE"}


async def test_a_search_that_finds_too_many_persons_is_refused(client: httpx.AsyncClient) -> None:
    await load(
        client, *(persoonslijst(f"{index:09d}", c01=[{"02.40": "Jansen", "03.10": "19700101"}]) for index in range(101))
    )
    response = await client.post(
        "/haalcentraal/api/brp/personen",
        json={
            "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
            "geslachtsnaam": "Jansen",
            "geboortedatum": "1970-01-01",
            "fields": ["burgerservicenummer"],
        },
    )
    assert response.status_code == 400
    assert response.json()["code"] == "tooManyResults"
