# SPDX-License-Identifier: EUPL-1.2
"""What RaadpleegMetBurgerservicenummer answers: fields selection, derived fields, onderzoek and
the fields delivered without being asked."""

from __future__ import annotations

from datetime import date

import httpx

from tests.registers.brp.helpers import load, persoonslijst, raadpleeg

VANDAAG = date.today()


def _jaren_geleden(jaren: int) -> str:
    return f"{VANDAAG.year - jaren:04d}{VANDAAG.month:02d}{min(VANDAAG.day, 28):02d}"


async def test_only_the_fields_asked_for_are_answered(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst(
            "000000152",
            c01=[
                {
                    "01.10": "1234567890",
                    "02.10": "Yvonne Johanna",
                    "02.40": "Kierkegaarde",
                    "03.10": "19561115",
                    "04.10": "V",
                    "61.10": "E",
                }
            ],
        ),
    )
    [persoon] = await raadpleeg(client, "000000152", ["aNummer", "naam.geslachtsnaam", "geboorte.datum.jaar"])
    assert persoon == {
        "aNummer": "1234567890",
        "naam": {"geslachtsnaam": "Kierkegaarde"},
        "geboorte": {"datum": {"type": "Datum", "datum": "1956-11-15", "langFormaat": "15 november 1956"}},
    }


async def test_a_group_asked_for_whole_has_its_derived_fields(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst(
            "000000152", c01=[{"02.10": "Yvonne Johanna", "02.40": "Kierkegaarde", "04.10": "V", "61.10": "E"}]
        ),
    )
    [persoon] = await raadpleeg(client, "000000152", ["naam", "geslacht"])
    assert persoon["naam"] == {
        "voornamen": "Yvonne Johanna",
        "geslachtsnaam": "Kierkegaarde",
        "voorletters": "Y.J.",
        "volledigeNaam": "Yvonne Johanna Kierkegaarde",
        "aanduidingNaamgebruik": {"code": "E", "omschrijving": "eigen geslachtsnaam"},
    }
    assert persoon["geslacht"] == {"code": "V", "omschrijving": "vrouw"}


async def test_an_existing_group_without_the_asked_value_is_an_empty_object(client: httpx.AsyncClient) -> None:
    await load(client, persoonslijst("000000152", c01=[{"02.40": "Jansen"}]))
    [persoon] = await raadpleeg(client, "000000152", ["naam.adellijkeTitelPredicaat", "overlijden"])
    assert persoon == {"naam": {}}


async def test_leeftijd_from_the_birth_date_and_none_for_the_deceased(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst("000000152", c01=[{"03.10": _jaren_geleden(20)}]),
        persoonslijst(
            "000000164",
            c01=[{"03.10": _jaren_geleden(80)}],
            c06=[{"08.10": "20200101"}],
            c07=[{"67.10": "20200101", "67.20": "O"}],
        ),
    )
    [levend, overleden] = await raadpleeg(client, ["000000152", "000000164"], ["leeftijd"])
    assert levend == {"leeftijd": 20}
    assert "leeftijd" not in overleden
    assert overleden["opschortingBijhouding"]["datum"]["datum"] == "2020-01-01"


async def test_a_field_in_onderzoek_comes_with_its_onderzoek(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst(
            "000000097", c01=[{"02.10": "Arnitta", "02.40": "Jansen", "83.10": "010240", "83.20": "20120920"}]
        ),
    )
    [asked] = await raadpleeg(client, "000000097", ["naam.geslachtsnaam"])
    [other] = await raadpleeg(client, "000000097", ["naam.voornamen"])
    assert asked["naam"] == {
        "geslachtsnaam": "Jansen",
        "inOnderzoek": {
            "geslachtsnaam": True,
            "datumIngangOnderzoek": {"type": "Datum", "datum": "2012-09-20", "langFormaat": "20 september 2012"},
        },
    }
    assert other["naam"] == {"voornamen": "Arnitta"}


async def test_an_ended_onderzoek_is_not_answered(client: httpx.AsyncClient) -> None:
    await load(client, persoonslijst("000000097", c01=[{"83.10": "010000", "83.20": "20120920", "83.30": "20120922"}]))
    [persoon] = await raadpleeg(client, "000000097", ["burgerservicenummer"])
    assert persoon == {"burgerservicenummer": "000000097"}


async def test_geheimhouding_and_verificatie_are_always_answered(client: httpx.AsyncClient) -> None:
    await load(client, persoonslijst("000000152", c07=[{"70.10": "7", "71.10": "20100101", "71.20": "Overlegd"}]))
    [persoon] = await raadpleeg(client, "000000152", ["burgerservicenummer"])
    assert persoon["geheimhoudingPersoonsgegevens"] is True
    assert persoon["verificatie"] == {
        "datum": {"type": "Datum", "datum": "2010-01-01", "langFormaat": "1 januari 2010"},
        "omschrijving": "Overlegd",
    }


async def test_partners_ouders_and_kinderen_come_from_the_persons_own_list(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst(
            "000000012",
            c01=[{"02.40": "Bakker", "04.10": "V"}],
            c02=[{"01.20": "000000024", "02.10": "Els", "02.40": "Vos", "04.10": "V"}],
            c03=[{"02.10": "Piet", "02.40": "Bakker", "04.10": "M"}],
            c05=[
                {
                    "stapel": 1,
                    "01.20": "000000036",
                    "02.10": "Hans",
                    "02.40": "Groot",
                    "06.10": "19900101",
                    "07.10": "20000101",
                    "15.10": "H",
                },
                {
                    "stapel": 2,
                    "01.20": "000000048",
                    "02.10": "Kees",
                    "02.40": "Klein",
                    "06.10": "20050505",
                    "15.10": "P",
                },
            ],
            c09=[{"01.20": "000000061", "02.10": "Tim", "02.40": "Klein", "03.10": "20070101"}],
        ),
    )
    [persoon] = await raadpleeg(
        client,
        "000000012",
        [
            "ouders.ouderAanduiding",
            "ouders.naam.voornamen",
            "partners.burgerservicenummer",
            "partners.soortVerbintenis",
            "kinderen.naam.voorletters",
        ],
    )
    assert persoon["ouders"] == [
        {"ouderAanduiding": "1", "naam": {"voornamen": "Els"}},
        {"ouderAanduiding": "2", "naam": {"voornamen": "Piet"}},
    ]
    assert persoon["partners"] == [
        {
            "burgerservicenummer": "000000048",
            "soortVerbintenis": {"code": "P", "omschrijving": "geregistreerd partnerschap"},
        }
    ]
    assert persoon["kinderen"] == [{"naam": {"voorletters": "T."}}]


async def test_adressering_with_aanhef_and_adresregels(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst(
            "000000012",
            c01=[{"02.10": "Jo Anne", "02.20": "JV", "02.30": "van", "02.40": "Hoogh", "04.10": "V", "61.10": "E"}],
            c08=[{"09.10": "0518", "11.10": "Spui", "11.20": "70", "11.60": "2511BT"}],
        ),
    )
    [persoon] = await raadpleeg(client, "000000012", ["adressering"])
    assert persoon["adressering"]["aanhef"] == "Hoogwelgeboren vrouwe"
    assert persoon["adressering"]["adresregel1"] == "Spui 70"
    assert persoon["adressering"]["adresregel2"] == "2511 BT  'S-GRAVENHAGE"


async def test_the_verblijfplaats_is_typed_by_what_is_registered(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst("000000012", c08=[{"09.10": "0518", "12.10": "Woonboot bij de brug"}]),
        persoonslijst("000000024", c08=[{"13.10": "6014", "13.30": "1600 Pennsylvania Avenue NW"}]),
        persoonslijst("000000036", c08=[{"13.10": "0000"}]),
    )
    found = await raadpleeg(client, ["000000012", "000000024", "000000036"], ["verblijfplaats.type"])
    assert [persoon["verblijfplaats"]["type"] for persoon in found] == [
        "Locatie",
        "VerblijfplaatsBuitenland",
        "VerblijfplaatsOnbekend",
    ]


async def test_a_nationality_ended_is_not_answered_and_bijzonder_nederlanderschap_is_typed(
    client: httpx.AsyncClient,
) -> None:
    await load(
        client,
        persoonslijst(
            "000000012",
            c04=[
                {"stapel": 1, "05.10": "0052", "63.10": "301"},
                {"stapel": 2, "05.10": "0263", "64.10": "403"},
                {"stapel": 2, "05.10": "0263", "63.10": "301"},
                {"stapel": 3, "65.10": "B", "63.10": "310"},
            ],
        ),
    )
    [persoon] = await raadpleeg(client, "000000012", ["nationaliteiten.type"])
    assert persoon["nationaliteiten"] == [{"type": "Nationaliteit"}, {"type": "BehandeldAlsNederlander"}]
