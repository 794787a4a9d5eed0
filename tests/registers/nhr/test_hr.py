# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal HR API at ``/haalcentraal/api/hr`` on the KvK test environment's companies:
maatschappelijke activiteiten with their owner and functionarissen, vestigingen, rechtspersonen,
the searches and their refusals, natural persons only for an afnemer allowed them (and then
protocolled), and answers valid by the published document's schemas."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from functools import cache
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator

from opengdi.kernel import protocollering
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolVraag
from opengdi.registers.nhr.document import hr_openapi
from opengdi.registers.nhr.hr_api import PREFIX
from tests.conftest import http_client
from tests.registers.nhr.conftest import AFNEMER, ZONDER_NHR, ZONDER_PERSONEN

HR = f"http://testserver{PREFIX}"


@pytest.fixture
async def hr(nhr_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the afnemer allowed everything of scope ``nhr``, natural persons included."""
    async with http_client(nhr_app, AFNEMER) as http:
        http.base_url = httpx.URL(f"{HR}/")
        yield http


@pytest.fixture
async def openbaar(nhr_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the afnemer allowed the public data only."""
    async with http_client(nhr_app, ZONDER_PERSONEN) as http:
        http.base_url = httpx.URL(f"{HR}/")
        yield http


async def _ok(http: httpx.AsyncClient, path: str, **params: str) -> dict[str, Any]:
    response = await http.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/hal+json")
    body: dict[str, Any] = response.json()
    return body


async def _kvk_nummers(http: httpx.AsyncClient, **params: str) -> list[str]:
    body = await _ok(http, "maatschappelijkeactiviteiten", **params)
    return [item["kvknummer"] for item in body["_embedded"]["maatschappelijkeActiviteiten"]]


async def _protocol(database: Database, request_id: str) -> list[dict[str, Any]]:
    return await protocollering.find_records(database, ProtocolVraag(request_ids=frozenset({request_id}), limit=10))


async def test_a_bv_shows_its_owner_addresses_and_the_functionarissen_in_function(hr: httpx.AsyncClient) -> None:
    body = await _ok(hr, "maatschappelijkeactiviteiten/68750110")
    assert body["kvknummer"] == "68750110" and body["eersteHandelsnaam"] == "Test BV Donald"
    assert body["datumAanvang"] == {"datum": "2014-02-10", "jaar": 2014, "maand": 2, "dag": 10}
    assert body["hoofdvestigingNummer"] == "000037178598"
    assert body["vestigingNummers"] == ["000037178598", "000037178601"]
    assert body["bezoekadres"]["straatHuisnummer"] == "Hizzaarderlaan 3 A"
    assert body["postadres"]["postbusnummer"] == 200 and body["postadres"]["woonplaats"] == "Rommeldam"
    eigenaar = body["eigenaar"]
    assert eigenaar["persoon"] == {
        "identificatie": "857587973",
        "type": "nietnatuurlijkpersoon",
        "volledigeNaam": "Test BV Donald",
    }
    assert eigenaar["rechtsvorm"] == "besloten_vennootschap"
    # the bestuurder who left in 2017 is history, not shown
    assert [(item["identificatie"], item["bevoegdheid"]) for item in eigenaar["bestuurders"]] == [
        ("999991723", "zelfstandig")
    ]
    gevolmachtigde = eigenaar["gemachtigde"][0]
    assert gevolmachtigde["volledigeNaam"] == "Suzanne Moulin" and gevolmachtigde["functie"] == "gevolmachtigde"
    assert gevolmachtigde["volmacht"]["typeVolmacht"] == "beperkt"
    assert body["_links"]["eigenaar"]["href"] == f"{HR}/nietnatuurlijkpersonen/857587973"
    assert body["_links"]["vestigingen"]["href"] == f"{HR}/vestigingen?kvknummer=68750110"


async def test_natural_persons_are_shown_to_whom_may_see_them_and_protocolled(
    hr: httpx.AsyncClient, openbaar: httpx.AsyncClient, nhr_database: Database
) -> None:
    request_id = f"hr-{uuid.uuid4()}"
    allowed = await hr.get("maatschappelijkeactiviteiten/68750110", headers={"X-Request-ID": request_id})
    public_id = f"hr-{uuid.uuid4()}"
    public = await openbaar.get("maatschappelijkeactiviteiten/68750110", headers={"X-Request-ID": public_id})
    assert allowed.status_code == public.status_code == 200
    assert "bestuurders" not in public.json()["eigenaar"] and "gemachtigde" not in public.json()["eigenaar"]
    assert public.json()["eigenaar"]["persoon"]["identificatie"] == "857587973"  # a rechtspersoon is public
    records = await _protocol(nhr_database, request_id)
    subjects = sorted(subject["identificatie"] for record in records for subject in record["subjecten"])
    assert subjects == ["100000017", "999991723", "999993653"]
    assert {(record["bouwsteen"], record["operatie"]) for record in records} == {("nhr", "personen")}
    assert await _protocol(nhr_database, public_id) == []


async def test_the_owner_of_an_eenmanszaak_is_a_person_of_the_brp(
    hr: httpx.AsyncClient, openbaar: httpx.AsyncClient
) -> None:
    allowed = await _ok(hr, "maatschappelijkeactiviteiten/69599084")
    assert allowed["eigenaar"]["persoon"] == {
        "identificatie": "999993847",
        "type": "ingeschrevenpersoon",
        "volledigeNaam": "Merel Kooyman",
        "omschrijving": "Merel Kooyman",
    }
    assert allowed["activiteiten"][0]["sbiActiviteiten"] == [{"sbiCode": "1011", "indicatieHoofdactiviteit": True}]
    assert allowed["handelsnamen"][:2] == ["Test EMZ Dagobert", "Tweede handelsnaam 1MZ"]
    public = await _ok(openbaar, "maatschappelijkeactiviteiten/69599084")
    assert "persoon" not in public.get("eigenaar", {})


async def test_a_rechtspersoon_as_bestuurder_and_a_shielded_address(openbaar: httpx.AsyncClient) -> None:
    body = await _ok(openbaar, "maatschappelijkeactiviteiten/90001354")
    assert [(item["identificatie"], item["type"]) for item in body["eigenaar"]["bestuurders"]] == [
        ("857587973", "nietnatuurlijkpersoon")
    ]
    assert body["bezoekadres"] == {"woonplaats": "Sterksel", "land": "Nederland"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"eigenaarBurgerservicenummer": "999993847"}, ["69599084"]),
        ({"bestuurderBurgerservicenummer": "999991723"}, ["68750110"]),
        ({"bestuurderBurgerservicenummer": "999990019"}, []),  # no longer bestuurder
        ({"rsin": "857587973"}, ["68750110"]),
        ({"postcode": "8823sj", "huisnummer": "3"}, ["68750110"]),
        ({"straatnaam": "Geneinde", "huisnummer": "73", "woonplaats": "Maastricht"}, ["69599084"]),
        ({"naam": "donald"}, ["68750110"]),
        ({"naam": "test"}, ["68750110", "69599084"]),
        ({"naam": "test", "woonplaats": "Amsterdam"}, ["69599084"]),
        ({"naam": "govert"}, ["69599084"]),  # a handelsnaam of a nevenvestiging
        ({"naam": "test", "postcode": "1034WL"}, ["69599084"]),
        ({"eigenaarBurgerservicenummer": "999993653"}, []),
    ],
)
async def test_maatschappelijke_activiteiten_are_found_by_every_criterion_together(
    hr: httpx.AsyncClient, params: dict[str, str], expected: list[str]
) -> None:
    assert await _kvk_nummers(hr, **params) == expected


async def test_a_search_by_burgerservicenummer_needs_the_persons_and_is_protocolled(
    hr: httpx.AsyncClient, openbaar: httpx.AsyncClient, nhr_database: Database
) -> None:
    refused = await openbaar.get("maatschappelijkeactiviteiten", params={"eigenaarBurgerservicenummer": "999993847"})
    assert refused.status_code == 403
    request_id = f"hr-zoek-{uuid.uuid4()}"
    params = {"bestuurderBurgerservicenummer": "999990019"}
    empty = await hr.get("maatschappelijkeactiviteiten", params=params, headers={"X-Request-ID": request_id})
    assert empty.json()["_embedded"]["maatschappelijkeActiviteiten"] == []
    records = await _protocol(nhr_database, request_id)
    assert [record["zoekvraag"] for record in records] == [params]


@pytest.mark.parametrize(
    ("path", "params", "code", "names"),
    [
        ("maatschappelijkeactiviteiten", {}, "paramsRequired", []),
        ("maatschappelijkeactiviteiten", {"postcode": "8823SJ"}, "paramsCombination", []),
        ("maatschappelijkeactiviteiten", {"huisnummer": "3", "woonplaats": "Lollum"}, "paramsCombination", []),
        (
            "maatschappelijkeactiviteiten",
            {"eigenaarBurgerservicenummer": "123456789"},
            "paramsValidation",
            ["eigenaarBurgerservicenummer"],
        ),
        ("maatschappelijkeactiviteiten", {"rsin": "12345678X"}, "paramsValidation", ["rsin"]),
        (
            "maatschappelijkeactiviteiten",
            {"postcode": "0123AB", "huisnummer": "x"},
            "paramsValidation",
            ["postcode", "huisnummer"],
        ),
        (
            "maatschappelijkeactiviteiten",
            {"nummeraanduidingIdentificatie": "0599010000000001"},
            "paramsValidation",
            ["nummeraanduidingIdentificatie"],
        ),
        ("maatschappelijkeactiviteiten", {"locatie": "196733.51,439931.89"}, "paramsValidation", ["locatie"]),
        ("maatschappelijkeactiviteiten", {"kvkNummer": "68750110"}, "paramsValidation", ["kvkNummer"]),
        ("maatschappelijkeactiviteiten", {"naam": "x" * 201}, "paramsValidation", ["naam"]),
        ("vestigingen", {"kvknummer": "68750110", "huisletter": "A"}, "paramsCombination", []),
        ("vestigingen", {"kvknummer": "6875011"}, "paramsValidation", ["kvknummer"]),
        ("vestigingen", {"woonplaatsnaam": "Lollum"}, "paramsCombination", []),
        ("nietnatuurlijkpersonen", {"statutaireZetel": "Amsterdam"}, "paramsValidation", ["statutaireZetel"]),
        ("maatschappelijkeactiviteiten/6875011", {}, "paramsValidation", ["kvknummer"]),
        ("maatschappelijkeactiviteiten/68750110", {"expand": "true"}, "paramsValidation", ["expand"]),
        ("vestigingen/00003717859", {}, "paramsValidation", ["vestigingsnummer"]),
        ("nietnatuurlijkpersonen/857587974", {}, "paramsValidation", ["rsin"]),
        ("handelsregisterpersonen/12345678901", {}, "paramsValidation", ["identificatie"]),
        ("handelsregisterpersonen", {}, "paramsRequired", []),
    ],
)
async def test_bad_input_is_refused_in_the_haal_centraal_shape(
    hr: httpx.AsyncClient, path: str, params: dict[str, str], code: str, names: list[str]
) -> None:
    response = await hr.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code and body["status"] == 400
    assert [item["name"] for item in body.get("invalidParams", [])] == names


@pytest.mark.parametrize(
    "path", ["maatschappelijkeactiviteiten/12345678", "vestigingen/000000000001", "nietnatuurlijkpersonen/111222333"]
)
async def test_unknown_objects_are_404(hr: httpx.AsyncClient, path: str) -> None:
    response = await hr.get(path)
    assert response.status_code == 404 and response.json()["code"] == "notFound"


async def test_vestigingen_by_enterprise_and_address(hr: httpx.AsyncClient) -> None:
    vestiging = await _ok(hr, "vestigingen/000037178598")
    assert vestiging["kvknummer"] == "68750110" and vestiging["eersteHandelsnaam"] == "Test BV Donald"
    assert vestiging["bezoekadres"]["huisnummertoevoeging"] == "A"
    assert vestiging["_links"]["maatschappelijkeActiviteit"]["href"] == f"{HR}/maatschappelijkeactiviteiten/68750110"

    async def numbers(**params: str) -> list[str]:
        body = await _ok(hr, "vestigingen", **params)
        return [item["vestigingsnummer"] for item in body["_embedded"]["vestigingen"]]

    assert await numbers(kvknummer="68750110") == ["000037178598", "000037178601"]
    assert await numbers(postcode="8823SJ", huisnummer="3", huisnummerToevoeging="a") == ["000037178598"]
    assert await numbers(postcode="8823SJ", huisnummer="3", huisnummerToevoeging="B") == []
    assert await numbers(straatnaam="brinkerinckbaan", huisnummer="1", woonplaatsnaam="Diepenveen") == ["000037178601"]


async def test_rechtspersonen_by_rsin_and_by_name(hr: httpx.AsyncClient, openbaar: httpx.AsyncClient) -> None:
    donald = await _ok(hr, "nietnatuurlijkpersonen/857587973")
    assert (donald["naam"], donald["rechtsvorm"], donald["kvknummers"]) == (
        "Test BV Donald",
        "besloten_vennootschap",
        ["68750110"],
    )
    assert donald["datumEersteInschrijvingHandelsregister"]["datum"] == "2017-05-19"
    assert [item["volledigeNaam"] for item in donald["bestuurders"]] == ["Lukas Klamer"]
    assert "bestuurders" not in await _ok(openbaar, "nietnatuurlijkpersonen/857587973")
    vve = await _ok(hr, "nietnatuurlijkpersonen/992340597")  # no vestigingen: its own address
    assert vve["bezoekadres"]["straatHuisnummer"] == "Blaauwweg 163" and vve["rechtsvorm"] == "vereniging_van_eigenaars"
    found = await _ok(hr, "nietnatuurlijkpersonen", naam="test")
    assert [item["rsin"] for item in found["_embedded"]["nietNatuurlijkPersonen"]] == ["857587973"]


async def test_a_functionaris_outside_the_brp_is_a_handelsregisterpersoon(
    hr: httpx.AsyncClient, openbaar: httpx.AsyncClient, nhr_database: Database
) -> None:
    donald = await _ok(hr, "maatschappelijkeactiviteiten/68750110")
    (commissaris,) = donald["eigenaar"]["overigeFunctionarissen"]
    assert (commissaris["identificatie"], commissaris["type"], commissaris["functie"]) == (
        "100000017",
        "handelsregisterpersoon",
        "commissaris",
    )
    request_id = f"hr-persoon-{uuid.uuid4()}"
    response = await hr.get("handelsregisterpersonen/100000017", headers={"X-Request-ID": request_id})
    persoon = response.json()
    assert (persoon["naam"], persoon["kvknummers"]) == ("Jean-Pierre Dubois", ["68750110"])
    assert persoon["geboorte"]["datum"]["datum"] == "1961-03-14"
    records = await _protocol(nhr_database, request_id)
    assert [subject for record in records for subject in record["subjecten"]] == [
        {"soort": "handelsregisterpersoon", "identificatie": "100000017"}
    ]
    found = await _ok(hr, "handelsregisterpersonen", naam="dubois")
    assert [item["identificatie"] for item in found["_embedded"]["handelsregisterPersonen"]] == ["100000017"]
    assert (await openbaar.get("handelsregisterpersonen/100000017")).status_code == 403
    assert (await hr.get("handelsregisterpersonen/100000025")).status_code == 404
    assert (await hr.get("handelsregisterpersonen", params={"postcode": "1000AA"})).json()["code"] == "paramsValidation"


async def test_access_goes_through_digikoppeling(nhr_app: FastAPI) -> None:
    async with http_client(nhr_app) as anonymous, http_client(nhr_app, ZONDER_NHR) as other:
        assert (await anonymous.get(f"{PREFIX}/maatschappelijkeactiviteiten/68750110")).status_code == 401
        assert (await other.get(f"{PREFIX}/maatschappelijkeactiviteiten/68750110")).status_code == 403


async def test_the_published_document_is_served(hr: httpx.AsyncClient) -> None:
    response = await hr.get("openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["title"] == "Handelsregister bevragen"
    assert document["servers"] == [{"url": PREFIX, "description": "Open GDI"}]
    assert set(document["paths"]) >= {"/maatschappelijkeactiviteiten/{kvknummer}", "/vestigingen"}


@cache
def _validator(schema: str) -> Draft202012Validator:
    document = hr_openapi(PREFIX)
    return Draft202012Validator({"$ref": f"#/components/schemas/{schema}", "components": document["components"]})


@pytest.mark.parametrize(
    ("path", "params", "schema"),
    [
        ("maatschappelijkeactiviteiten/68750110", {}, "MaatschappelijkeActiviteitHalBasis"),
        ("maatschappelijkeactiviteiten/69599084", {}, "MaatschappelijkeActiviteitHalBasis"),
        ("maatschappelijkeactiviteiten/90000749", {}, "MaatschappelijkeActiviteitHalBasis"),
        ("maatschappelijkeactiviteiten", {"naam": "test"}, "MaatschappelijkeActiviteitHalCollectie"),
        ("vestigingen/000037178598", {}, "VestigingHal"),
        ("vestigingen", {"kvknummer": "69599084"}, "VestigingHalCollectie"),
        ("nietnatuurlijkpersonen/857587973", {}, "NietNatuurlijkPersoonHal"),
        ("nietnatuurlijkpersonen", {"naam": "joyflex"}, "NietNatuurlijkPersoonHalCollectie"),
        ("handelsregisterpersonen/100000017", {}, "HandelsregisterPersoonHal"),
        ("handelsregisterpersonen", {"naam": "jean"}, "HandelsregisterPersoonHalCollectie"),
    ],
)
async def test_answers_are_valid_by_the_published_schemas(
    hr: httpx.AsyncClient, path: str, params: dict[str, str], schema: str
) -> None:
    body = await _ok(hr, path, **params)
    errors = list(_validator(schema).iter_errors(body))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors[:3]]
