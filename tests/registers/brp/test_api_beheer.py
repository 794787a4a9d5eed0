# SPDX-License-Identifier: EUPL-1.2
"""The BRP beheer API: loading, showing and emptying persoonslijsten, refused in production."""

from __future__ import annotations

import httpx

from tests.registers.brp.helpers import BEHEER, load, persoonslijst, raadpleeg

SUZANNE = {
    "01": [{"01.20": "999993653", "02.10": "Suzanne", "02.40": "Moulin", "03.10": "19851201"}],
    "04": [{"05.10": "0057", "63.10": "301"}, {"stapel": 2, "05.10": "0001", "63.10": "001"}],
    "05": [{"02.10": "Jean Marie", "06.10": "20081201", "15.10": "H"}],
    "07": [{"68.10": "20131102", "70.10": "0"}],
    "08": [
        {"09.10": "0599", "10.30": "20150808", "11.10": "Boterdiep", "11.20": "31", "11.60": "3077AW"},
        {"09.10": "0599", "10.30": "20131102", "adres": {"11.10": "Vredesplein", "11.20": "7"}},
    ],
}


async def test_an_import_answers_the_burgerservicenummers_in_order(client: httpx.AsyncClient) -> None:
    bsns = await load(client, SUZANNE, persoonslijst("000000024"), persoonslijst("000000036"))
    assert bsns == ["999993653", "000000024", "000000036"]


async def test_an_imported_persoonslijst_is_shown_with_its_stapels_and_history(client: httpx.AsyncClient) -> None:
    await load(client, SUZANNE)
    response = await client.get(f"{BEHEER}/999993653")
    assert response.status_code == 200
    lijst = response.json()["persoonslijsten"][0]
    assert [item["05.10"] for item in lijst["04"]] == ["0057", "0001"]
    assert lijst["04"][1]["stapel"] == 2
    assert [item["11.10"] for item in lijst["08"]] == ["Boterdiep", "Vredesplein"]
    assert lijst["08"][1]["11.20"] == "7"


async def test_the_actual_voorkomen_answers_and_history_does_not(client: httpx.AsyncClient) -> None:
    await load(client, SUZANNE)
    [persoon] = await raadpleeg(
        client, "999993653", ["verblijfplaats.verblijfadres.korteStraatnaam", "nationaliteiten"]
    )
    assert persoon["verblijfplaats"]["verblijfadres"] == {"korteStraatnaam": "Boterdiep"}
    assert [item["nationaliteit"]["code"] for item in persoon["nationaliteiten"]] == ["0057", "0001"]


async def test_a_short_code_is_padded_to_its_length(client: httpx.AsyncClient) -> None:
    await load(client, persoonslijst("000000140", c04=[{"05.10": "263", "88.10": "201"}]))
    [persoon] = await raadpleeg(client, "000000140", ["nationaliteiten.nationaliteit"])
    assert persoon["nationaliteiten"][0]["nationaliteit"] == {"code": "0263", "omschrijving": "Surinaamse"}
    assert persoon["rni"][0]["deelnemer"]["code"] == "0201"


async def test_an_invalid_persoonslijst_refuses_the_whole_import(client: httpx.AsyncClient) -> None:
    good = persoonslijst("000000012")
    bad = persoonslijst("000000024", c01=[{"03.10": "19831345", "99.99": "x"}], c08=[{"11.20": 31}])
    response = await client.post(BEHEER, json={"persoonslijsten": [good, bad]})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "paramsValidation"
    names = {param["name"]: param["code"] for param in problem["invalidParams"]}
    assert names == {
        "persoonslijsten[1].01[0].03.10": "date",
        "persoonslijsten[1].01[0].99.99": "unknownParam",
        "persoonslijsten[1].08[0].11.20": "string",
    }
    assert await raadpleeg(client, "000000012", ["burgerservicenummer"]) == []


async def test_structural_errors_are_named(client: httpx.AsyncClient) -> None:
    body = {"persoonslijsten": [{"51": [{"01.20": "1"}]}, {"01": [{"01.20": "000000012"}], "08": [{"stapel": 2}]}]}
    problem = (await client.post(BEHEER, json=body)).json()
    names = {param["name"]: param["code"] for param in problem["invalidParams"]}
    assert names == {
        "persoonslijsten[0].51": "unknownParam",
        "persoonslijsten[0].01": "required",
        "persoonslijsten[1].08[0].stapel": "maximum",
    }


async def test_a_body_that_is_no_json_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(BEHEER, content=b"{persoonslijsten", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "body"


async def test_delete_empties_the_brp(client: httpx.AsyncClient) -> None:
    await load(client, persoonslijst("000000012"), persoonslijst("000000024"))
    response = await client.delete(BEHEER)
    assert response.status_code == 204
    assert await raadpleeg(client, ["000000012", "000000024"], ["burgerservicenummer"]) == []


async def test_an_unknown_persoonslijst_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{BEHEER}/999999999")
    assert response.status_code == 404
    assert response.json()["code"] == "notFound"


async def test_a_production_deployment_refuses_loading_and_emptying(production_client: httpx.AsyncClient) -> None:
    post = await production_client.post(BEHEER, json={"persoonslijsten": [persoonslijst("000000012")]})
    delete = await production_client.delete(BEHEER)
    assert (post.status_code, delete.status_code) == (403, 403)
    assert post.json()["code"] == "notAvailableInProduction"


async def test_persoonslijsten_sharing_a_bsn_are_all_answered(client: httpx.AsyncClient) -> None:
    await load(
        client,
        persoonslijst("000000152", c01=[{"02.40": "Jansen"}]),
        persoonslijst("000000152", c01=[{"02.40": "Vos"}]),
    )
    found = await raadpleeg(client, "000000152", ["naam.geslachtsnaam"])
    assert sorted(persoon["naam"]["geslachtsnaam"] for persoon in found) == ["Jansen", "Vos"]
