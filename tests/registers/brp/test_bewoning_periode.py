# SPDX-License-Identifier: EUPL-1.2
"""BRP Bewoning, BewoningMetPeriode: the compositions of residents of an adresseerbaar object in a
period, on both databases, after the behaviour the BRP-API/Haal-Centraal-BRP-bewoning features
specify (the periode features): a new bewoning at every change of who (possibly) lived there, the
uncertainty periods of partly unknown days, opschorting, geheimhouding and onderzoek."""

from __future__ import annotations

import httpx
import pytest

from tests.registers.brp.helpers import adres, bewoner, bewoningen, buitenland, in_periode, load

A1 = "0800010000000001"
A2 = "0800010000000002"
A3 = "0800010000000003"
P12, P24, P48, P72 = "000000012", "000000024", "000000048", "000000072"


async def test_residents_certain_and_possible_in_a_period(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A1, "20100818")),
        bewoner(P24, adres(A1, "20100818")),
        bewoner(P48, adres(A1, "20200000")),
        bewoner(P72, adres(A1, "00000000")),
    )
    assert await in_periode(client, A1, "2020-01-01", "2021-07-01") == [
        ("2020-01-01", "2021-01-01", [P12, P24], [P48, P72]),
        ("2021-01-01", "2021-07-01", [P12, P24, P48], [P72]),
    ]


async def test_a_period_after_the_last_stay_has_no_bewoning(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(P24, adres(A1, "20100818"), adres(A2, "20160526")))
    assert await in_periode(client, A1, "2020-01-01", "2021-01-01") == []


async def test_the_bewoning_starts_when_the_first_resident_came(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(P24, adres(A1, "20200818")))
    assert await in_periode(client, A1, "2020-01-01", "2021-01-01") == [("2020-08-18", "2021-01-01", [P24], [])]


async def test_every_move_in_or_out_starts_a_new_bewoning(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A1, "20170818"), adres(A2, "20201103")),
        bewoner(P24, adres(A1, "20200526")),
    )
    assert await in_periode(client, A1, "2020-01-01", "2021-01-01") == [
        ("2020-01-01", "2020-05-26", [P12], []),
        ("2020-05-26", "2020-11-03", [P12, P24], []),
        ("2020-11-03", "2021-01-01", [P24], []),
    ]


async def test_a_period_inside_one_stay_is_one_bewoning(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P24, adres(A1, "20100818"), adres(A2, "20160526"), buitenland("20230526")),
        bewoner(P48, adres(A1, "20140808")),
    )
    assert await in_periode(client, A1, "2010-09-01", "2014-08-01") == [("2010-09-01", "2014-08-01", [P24], [])]
    assert await in_periode(client, A1, "2014-09-01", "2016-05-26") == [("2014-09-01", "2016-05-26", [P24, P48], [])]
    assert await in_periode(client, A1, "2010-01-01", "2010-08-17") == []
    assert await in_periode(client, A2, "2023-01-01", "2024-01-01") == [("2023-01-01", "2023-05-26", [P24], [])]


#: (the other resident P12 at A2 from 26 May 2008; P24's stays; the period) → the bewoningen of A2.
SAMENSTELLINGEN = [
    # a partly unknown begin: possible during the uncertainty period, certain after it
    (
        [adres(A1, "20010410"), adres(A2, "20100000")],
        ("2010-07-01", "2012-03-01"),
        [("2010-07-01", "2011-01-01", [P12], [P24]), ("2011-01-01", "2012-03-01", [P12, P24], [])],
    ),
    (
        [adres(A1, "20010410"), adres(A2, "20100000")],
        ("2009-12-01", "2012-03-01"),
        [
            ("2009-12-01", "2010-01-01", [P12], []),
            ("2010-01-01", "2011-01-01", [P12], [P24]),
            ("2011-01-01", "2012-03-01", [P12, P24], []),
        ],
    ),
    # the previous begin lies in the uncertainty period: possible only from the day after it
    (
        [adres(A1, "20100410"), adres(A2, "20100000")],
        ("2010-03-01", "2012-03-01"),
        [
            ("2010-03-01", "2010-04-11", [P12], []),
            ("2010-04-11", "2011-01-01", [P12], [P24]),
            ("2011-01-01", "2012-03-01", [P12, P24], []),
        ],
    ),
    # a partly unknown next stay: possible during its uncertainty period, gone after it
    (
        [adres(A2, "20010410"), adres(A3, "20100000")],
        ("2009-12-01", "2010-03-01"),
        [("2009-12-01", "2010-01-01", [P12, P24], []), ("2010-01-01", "2010-03-01", [P12], [P24])],
    ),
    (
        [adres(A2, "20010410"), adres(A3, "20100000")],
        ("2009-12-01", "2011-03-01"),
        [
            ("2009-12-01", "2010-01-01", [P12, P24], []),
            ("2010-01-01", "2011-01-01", [P12], [P24]),
            ("2011-01-01", "2011-03-01", [P12], []),
        ],
    ),
]


@pytest.mark.parametrize(("verblijven", "periode", "verwacht"), SAMENSTELLINGEN)
async def test_uncertainty_periods_start_and_end_bewoningen(
    client: httpx.AsyncClient,
    verblijven: list[dict[str, str]],
    periode: tuple[str, str],
    verwacht: list[tuple[str, str, list[str], list[str]]],
) -> None:
    await load(client, bewoner(P12, adres(A2, "20080526")), bewoner(P24, *verblijven))
    assert await in_periode(client, A2, *periode) == verwacht


async def test_a_move_in_during_anothers_uncertainty_period(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A1, "20080526"), adres(A2, "20100000")),
        bewoner(P24, adres(A1, "20010410"), adres(A2, "20100201")),
    )
    assert await in_periode(client, A2, "2009-12-01", "2010-03-01") == [
        ("2010-01-01", "2010-02-01", [], [P12]),
        ("2010-02-01", "2010-03-01", [P24], [P12]),
    ]


async def test_a_move_out_during_anothers_uncertainty_period(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A1, "20080526"), adres(A2, "20100000")),
        bewoner(P24, adres(A2, "20010410"), adres(A3, "20100201")),
    )
    assert await in_periode(client, A2, "2009-12-01", "2010-03-01") == [
        ("2009-12-01", "2010-01-01", [P24], []),
        ("2010-01-01", "2010-02-01", [P24], [P12]),
        ("2010-02-01", "2010-03-01", [], [P12]),
    ]


async def test_overlapping_uncertainty_periods_of_two_residents(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A1, "20080526"), adres(A2, "20100000")),
        bewoner(P24, adres(A1, "20010410"), adres(A2, "20100200")),
    )
    assert await in_periode(client, A2, "2009-12-01", "2010-12-01") == [
        ("2010-01-01", "2010-02-01", [], [P12]),
        ("2010-02-01", "2010-03-01", [], [P12, P24]),
        ("2010-03-01", "2010-12-01", [P24], [P12]),
    ]


async def test_leaving_during_anothers_uncertainty_period_of_arrival(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P12, adres(A2, "20080526"), adres(A3, "20100000")),
        bewoner(P24, adres(A2, "20100210")),
    )
    assert await in_periode(client, A2, "2010-01-01", "2010-03-01") == [
        ("2010-01-01", "2010-02-10", [], [P12]),
        ("2010-02-10", "2010-03-01", [P24], [P12]),
    ]


@pytest.mark.parametrize("reden", ["F", "W"])
async def test_a_withdrawn_or_erased_persoonslijst_lives_nowhere(client: httpx.AsyncClient, reden: str) -> None:
    await load(client, bewoner(P24, adres(A1, "20100818"), c07=[{"67.10": "20220829", "67.20": reden}]))
    assert await in_periode(client, A1, "2010-09-01", "2011-01-01") == []


@pytest.mark.parametrize("reden", ["O", "E", "M", "R", "."])
async def test_opschorting_ends_the_residence_in_a_period(client: httpx.AsyncClient, reden: str) -> None:
    await load(client, bewoner(P24, adres(A1, "20100818"), c07=[{"67.10": "20220829", "67.20": reden}]))
    assert await in_periode(client, A1, "2022-01-01", "2022-08-29") == [("2022-01-01", "2022-08-29", [P24], [])]
    assert await in_periode(client, A1, "2022-01-01", "2023-01-01") == [("2022-01-01", "2022-08-29", [P24], [])]
    assert await in_periode(client, A1, "2022-08-29", "2023-01-01") == []


async def test_geheimhouding_and_onderzoek_in_a_period(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(P24, adres(A1, "20100818", e83_10="081180", e83_20="20200401"), c07=[{"70.10": "3"}]),
        bewoner(P48, adres(A1, "20100818", e83_10="080000", e83_20="20200401", e83_30="20200801")),
    )
    for van, tot in (("2020-01-01", "2020-02-01"), ("2020-03-01", "2020-09-01"), ("2020-09-01", "2020-10-01")):
        response = await bewoningen(
            client, type="BewoningMetPeriode", datumVan=van, datumTot=tot, adresseerbaarObjectIdentificatie=A1
        )
        [bewoning] = response.json()["bewoningen"]
        assert bewoning["periode"] == {"datumVan": van, "datumTot": tot}
        assert bewoning["bewoners"] == [
            {"burgerservicenummer": P24, "geheimhoudingPersoonsgegevens": True, "inOnderzoek": True},
            {"burgerservicenummer": P48},
        ]


async def test_onderzoek_of_the_previous_stay_marks_it_in_the_period(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(P24, adres(A1, "20100818", e83_10="581030", e83_20="20200401"), adres(A2, "20210803")))
    response = await bewoningen(
        client,
        type="BewoningMetPeriode",
        datumVan="2020-01-01",
        datumTot="2021-07-01",
        adresseerbaarObjectIdentificatie=A1,
    )
    assert response.json()["bewoningen"][0]["bewoners"] == [{"burgerservicenummer": P24, "inOnderzoek": True}]


async def test_many_residents_in_a_period_are_indicated_per_bewoning(client: httpx.AsyncClient) -> None:
    await load(client, *(bewoner(f"{nummer:09d}", adres(A1, "20200818")) for nummer in range(1, 101)))
    await load(client, bewoner("000000101", adres(A1, "20210101")))
    response = await bewoningen(
        client,
        type="BewoningMetPeriode",
        datumVan="2020-09-01",
        datumTot="2021-07-01",
        adresseerbaarObjectIdentificatie=A1,
    )
    eerste, tweede = response.json()["bewoningen"]
    assert (eerste["periode"]["datumTot"], len(eerste["bewoners"]), "indicatieVeelBewoners" in eerste) == (
        "2021-01-01",
        100,
        False,
    )
    assert tweede == {
        "adresseerbaarObjectIdentificatie": A1,
        "periode": {"datumVan": "2021-01-01", "datumTot": "2021-07-01"},
        "bewoners": [],
        "mogelijkeBewoners": [],
        "indicatieVeelBewoners": True,
    }
