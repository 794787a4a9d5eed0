# SPDX-License-Identifier: EUPL-1.2
"""NL API Design Rules conventions of every API: API-Version, JSON negotiation, problem+json."""

from __future__ import annotations

import httpx
import pytest

from opengdi.bouwstenen import SAMENSTELLING

PERSONEN = "/haalcentraal/api/brp/personen"
QUERY = {
    "type": "RaadpleegMetBurgerservicenummer",
    "burgerservicenummer": ["000000024"],
    "fields": ["burgerservicenummer"],
}


async def test_every_answer_carries_the_api_version(client: httpx.AsyncClient) -> None:
    ok = await client.post(PERSONEN, json=QUERY)
    error = await client.post(PERSONEN, json={})
    beheer = await client.delete("/brp/beheer/persoonslijsten")
    assert (ok.headers["api-version"], error.headers["api-version"]) == ("2.7.0", "2.7.0")
    assert beheer.headers["api-version"] == "1.0.0"


@pytest.mark.parametrize(
    "accept", ["", "*/*", "application/json", "application/json; charset=UTF-8", "text/html, application/json;q=0.9"]
)
async def test_json_is_accepted(client: httpx.AsyncClient, accept: str) -> None:
    response = await client.post(PERSONEN, json=QUERY, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"


async def test_an_answer_other_than_json_is_not_acceptable(client: httpx.AsyncClient) -> None:
    response = await client.post(PERSONEN, json=QUERY, headers={"accept": "application/xml"})
    assert response.status_code == 406
    assert response.json()["code"] == "notAcceptable"


@pytest.mark.parametrize("content_type", ["application/xml", "text/csv", "application/json; charset=cp1252", "*/*"])
async def test_a_body_other_than_json_is_unsupported(client: httpx.AsyncClient, content_type: str) -> None:
    response = await client.post(PERSONEN, content=b"{}", headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13",
        "title": "Media Type wordt niet ondersteund.",
        "status": 415,
        "detail": "Ondersteunde content type: application/json; charset=utf-8.",
        "instance": PERSONEN,
        "code": "unsupportedMediaType",
    }


async def test_a_trailing_slash_is_not_the_resource(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{PERSONEN}/", json=QUERY)
    assert response.status_code == 404
    assert response.json()["code"] == "notFound"


async def test_a_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    response = await client.get(PERSONEN)
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


async def test_each_api_publishes_its_openapi_document_and_docs(client: httpx.AsyncClient) -> None:
    personen = (await client.get("/haalcentraal/api/brp/openapi.json")).json()
    beheer = (await client.get("/brp/beheer/openapi.json")).json()
    docs = await client.get("/haalcentraal/api/brp/docs")
    assert personen["info"]["title"] == "BRP API Personen"
    assert "/personen" in personen["paths"]
    assert "/persoonslijsten" in beheer["paths"]
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


async def test_the_index_lists_every_api(client: httpx.AsyncClient) -> None:
    index = (await client.get("/")).json()
    assert {api["basis"] for api in index["apis"]} == {
        "/haalcentraal/api/brp",
        "/haalcentraal/api/bewoning",
        "/brp/beheer",
        "/bsn",
        "/digid",
        "/digikoppeling",
        "/stelselcatalogus/api",
        "/lvbag/individuelebevragingen/v2",
        "/kvk/api",
        "/haalcentraal/api/hr",
        "/haalcentraal/api/woz",
        "/haalcentraal/api/brk",
    }
    assert index["paginas"] == [
        {
            "naam": "Stelselcatalogus",
            "omschrijving": "De definities van de registers en hun verbindingen",
            "adres": "/stelselcatalogus",
        }
    ]


async def test_the_status_reports_the_migration_head(client: httpx.AsyncClient) -> None:
    status = await client.get("/_status")
    body = status.json()
    assert status.status_code == 200
    assert body["migraties"] == body["migratieHeads"]
    branches = sorted(revision.rpartition("_")[0] for revision in body["migraties"])
    assert branches == sorted(["kernel", *(block.code for block in SAMENSTELLING.blocks if block.migraties)])


@pytest.mark.parametrize("path", ["/", "/_status"])
async def test_the_index_and_status_carry_the_api_version(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.headers["api-version"] == response.json()["versie"]
