# SPDX-License-Identifier: EUPL-1.2
"""BRP Bewoning at its edge, on both databases: bad input of every kind refused with the official
document's problem shape (naming the parameter, never a server error), content negotiation and
methods, access through Digikoppeling (scope ``brp.bewoning``, a municipality only for its own
addresses), protocollering of every delivered person, the official OpenAPI document, and answers
valid by its schemas."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from opengdi.app import create_app
from opengdi.kernel import protocollering
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolVraag
from opengdi.registers.brp.api import bewoning_openapi
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import BEWONINGEN, adres, bewoner, load

A1 = "0800010000000001"
ROTTERDAM = "0599010000000001"
PEILDATUM = {"type": "BewoningMetPeildatum", "peildatum": "2023-01-01", "adresseerbaarObjectIdentificatie": A1}
PERIODE = {
    "type": "BewoningMetPeriode",
    "datumVan": "2022-01-01",
    "datumTot": "2023-01-01",
    "adresseerbaarObjectIdentificatie": A1,
}
PATROON = "Waarde voldoet niet aan patroon ^(?!0{16})[0-9]{16}$."


def _params(response: httpx.Response) -> list[tuple[str, str, str]]:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert (body["title"], body["code"], body["instance"]) == (
        "Een of meerdere parameters zijn niet correct.",
        "paramsValidation",
        BEWONINGEN,
    )
    names = [param["name"] for param in body["invalidParams"]]
    assert body["detail"] == f"De foutieve parameter(s) zijn: {', '.join(dict.fromkeys(names))}."
    return [(param["code"], param["name"], param["reason"]) for param in body["invalidParams"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, [("required", "type", "Parameter is verplicht.")]),
        ({"adresseerbaarObjectIdentificatie": A1}, [("required", "type", "Parameter is verplicht.")]),
        ({"type": ""}, [("value", "type", "Waarde is geen geldig zoek type.")]),
        ({"type": "BewoningMetGeslachtsnaam"}, [("value", "type", "Waarde is geen geldig zoek type.")]),
        ({"type": "bewoningmetpeildatum"}, [("value", "type", "Waarde is geen geldig zoek type.")]),
        ({"type": ["BewoningMetPeildatum"]}, [("value", "type", "Waarde is geen geldig zoek type.")]),
        (
            {"type": "BewoningMetPeildatum"},
            [
                ("required", "adresseerbaarObjectIdentificatie", "Parameter is verplicht."),
                ("required", "peildatum", "Parameter is verplicht."),
            ],
        ),
        (
            {"type": "BewoningMetPeriode"},
            [
                ("required", "adresseerbaarObjectIdentificatie", "Parameter is verplicht."),
                ("required", "datumTot", "Parameter is verplicht."),
                ("required", "datumVan", "Parameter is verplicht."),
            ],
        ),
        ({**PEILDATUM, "peildatum": ""}, [("required", "peildatum", "Parameter is verplicht.")]),
        ({**PEILDATUM, "peildatum": None}, [("required", "peildatum", "Parameter is verplicht.")]),
        (
            {**PEILDATUM, "adresseerbaarObjectIdentificatie": ""},
            [("required", "adresseerbaarObjectIdentificatie", "Parameter is verplicht.")],
        ),
        ({**PERIODE, "datumVan": ""}, [("required", "datumVan", "Parameter is verplicht.")]),
        *(
            (
                {**PEILDATUM, "adresseerbaarObjectIdentificatie": value},
                [("pattern", "adresseerbaarObjectIdentificatie", PATROON)],
            )
            for value in (
                "123456789012345",
                "12345678901234567",
                "<script>1234567890123456</script>",
                "0000000000000000",
                800010000000001,
                "08000100000000０1",
            )
        ),
        *(
            ({**PEILDATUM, "peildatum": value}, [("date", "peildatum", "Waarde is geen geldige datum.")])
            for value in (
                "19830526",
                "26 mei 1983",
                "2023-02-29",
                "2023-13-01",
                "0000-01-01",
                20230101,
                True,
                {"jaar": 2023},
            )
        ),
        *(
            ({**PERIODE, name: value}, [("date", name, "Waarde is geen geldige datum.")])
            for name in ("datumVan", "datumTot")
            for value in ("19830526", "26 mei 1983", "2023-02-29")
        ),
        *(
            (
                {**PERIODE, "datumVan": "2023-01-01", "datumTot": tot},
                [("invalidParam", "datumTot", "datumTot moet na datumVan liggen.")],
            )
            for tot in ("2023-01-01", "2022-01-01")
        ),
        (
            {**PEILDATUM, "periode": "2022-01-01 tot 2023-01-01"},
            [("unknownParam", "periode", "Parameter is niet verwacht.")],
        ),
        ({**PEILDATUM, "geheimhouding": False}, [("unknownParam", "geheimhouding", "Parameter is niet verwacht.")]),
        ({**PERIODE, "peildatum": "2022-01-01"}, [("unknownParam", "peildatum", "Parameter is niet verwacht.")]),
        (
            {**PERIODE, "gemeenteVanInschrijving": "0800"},
            [("unknownParam", "gemeenteVanInschrijving", "Parameter is niet verwacht.")],
        ),
        ({**PERIODE, "fields": ["burgerservicenummer"]}, [("unknownParam", "fields", "Parameter is niet verwacht.")]),
    ],
)
async def test_bad_input_is_a_400_naming_each_parameter(
    client: httpx.AsyncClient, body: dict[str, Any], expected: list[tuple[str, str, str]]
) -> None:
    assert _params(await client.post(BEWONINGEN, json=body)) == expected


@pytest.mark.parametrize(
    "body", [b"[]", b'"tekst"', b"12", b"{niet json", b'{"type": "BewoningMetPeildatum"', "é".encode("latin-1")]
)
async def test_a_body_that_is_no_json_object_is_a_400(client: httpx.AsyncClient, body: bytes) -> None:
    response = await client.post(BEWONINGEN, content=body, headers={"Content-Type": "application/json"})
    assert _params(response) == [("object", "body", "Waarde is geen geldig JSON object.")]


async def test_a_nul_character_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(BEWONINGEN, json={**PEILDATUM, "peildatum": "2023-01-01\x00"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "peildatum"


async def test_a_huge_body_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(BEWONINGEN, json={**PEILDATUM, "extra": "x" * 11_000_000})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "accept", ["*/*", "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", ""]
)
async def test_json_is_accepted(client: httpx.AsyncClient, accept: str) -> None:
    response = await client.post(BEWONINGEN, json=PEILDATUM, headers={"Accept": accept})
    assert (response.status_code, response.json()) == (200, {"bewoningen": []})


async def test_another_answer_type_is_a_406(client: httpx.AsyncClient) -> None:
    response = await client.post(BEWONINGEN, json=PEILDATUM, headers={"Accept": "application/xml"})
    assert (response.status_code, response.json()["code"]) == (406, "notAcceptable")


@pytest.mark.parametrize("content_type", ["application/xml", "text/csv", "application/json; charset=cp1252", "*/*"])
async def test_another_request_type_is_a_415(client: httpx.AsyncClient, content_type: str) -> None:
    response = await client.post(BEWONINGEN, content=b"{}", headers={"Content-Type": content_type})
    assert (response.status_code, response.json()["code"]) == (415, "unsupportedMediaType")


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
async def test_only_post_asks(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, BEWONINGEN)
    assert (response.status_code, response.json()["code"]) == (405, "methodNotAllowed")


_WAARDEN = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
_VRAGEN = st.fixed_dictionaries(
    {"type": st.sampled_from(["BewoningMetPeildatum", "BewoningMetPeriode", "x"])},
    optional={
        name: st.one_of(_WAARDEN, st.dates().map(lambda dag: dag.isoformat()))
        for name in ("peildatum", "datumVan", "datumTot")
    }
    | {"adresseerbaarObjectIdentificatie": st.one_of(_WAARDEN, st.from_regex(r"[0-9]{16}", fullmatch=True))},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_VRAGEN)
async def test_odd_questions_never_give_a_server_error(client: httpx.AsyncClient, body: dict[str, Any]) -> None:
    response = await client.post(BEWONINGEN, json=body)
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert response.json()["invalidParams"]


async def test_the_extremes_of_the_calendar_are_answered(client: httpx.AsyncClient) -> None:
    await load(client, bewoner("000000024", adres(A1, "00000000")))
    for body in (
        {**PEILDATUM, "peildatum": "0001-01-01"},
        {**PEILDATUM, "peildatum": "9999-12-31"},
        {**PERIODE, "datumVan": "0001-01-01", "datumTot": "9999-12-31"},
    ):
        assert (await client.post(BEWONINGEN, json=body)).status_code == 200


# --- Access and protocollering ------------------------------------------------------------------------


@pytest.fixture
async def app_database(empty_database: Database, tmp_path: Path) -> AsyncIterator[tuple[Any, Database]]:
    """The application on an empty BRP with residents at an address in gemeente 0800 and one in Rotterdam."""
    app = create_app(settings_for(tmp_path), empty_database)
    async with http_client(app, BRONHOUDER) as http:
        await load(
            http,
            bewoner("000000024", adres(A1, "20100818"), c01=[{"02.10": "Fenna", "02.40": "Smit", "03.10": "19800101"}]),
            bewoner("000000048", adres(A1, "20200000")),
            bewoner("000000061", {**adres(ROTTERDAM, "20100818"), "09.10": "0599"}),
        )
    yield app, empty_database


async def test_without_credentials_a_401(app_database: tuple[Any, Database]) -> None:
    app, _database = app_database
    async with http_client(app) as http:
        response = await http.post(BEWONINGEN, json=PEILDATUM)
    assert response.status_code == 401


async def test_an_afnemer_without_a_bewoning_grant_is_refused(app_database: tuple[Any, Database]) -> None:
    app, _database = app_database
    async with http_client(app, demo_afnemer("Belastingdienst").oin) as http:
        response = await http.post(BEWONINGEN, json=PEILDATUM)
    assert response.status_code == 403


async def test_a_municipality_asks_only_about_its_own_addresses(app_database: tuple[Any, Database]) -> None:
    app, _database = app_database
    async with http_client(app, demo_afnemer("Gemeente Rotterdam").oin) as http:
        eigen = await http.post(BEWONINGEN, json={**PEILDATUM, "adresseerbaarObjectIdentificatie": ROTTERDAM})
        ander = await http.post(BEWONINGEN, json=PEILDATUM)
        leeg = await http.post(BEWONINGEN, json={**PEILDATUM, "adresseerbaarObjectIdentificatie": "0363010000000009"})
        eigen_leeg = await http.post(
            BEWONINGEN, json={**PEILDATUM, "adresseerbaarObjectIdentificatie": "0599010000000009"}
        )
    assert eigen.status_code == 200
    assert [item["bewoners"] for item in eigen.json()["bewoningen"]] == [[{"burgerservicenummer": "000000061"}]]
    for refused in (ander, leeg):
        assert refused.status_code == 403
        assert refused.json()["title"] == "U bent niet geautoriseerd voor deze vraag."
        assert (
            refused.json()["detail"]
            == "Je mag alleen bewoning van adresseerbare objecten binnen de eigen gemeente raadplegen."
        )
    assert (eigen_leeg.status_code, eigen_leeg.json()) == (200, {"bewoningen": []})


async def test_every_delivered_person_is_protocolled(app_database: tuple[Any, Database]) -> None:
    app, database = app_database
    request_id = f"bewoning-{uuid.uuid4()}"
    async with http_client(app, BRONHOUDER) as http:
        response = await http.post(BEWONINGEN, json=PERIODE, headers={"X-Request-ID": request_id})
    assert response.status_code == 200
    records = await protocollering.find_records(database, ProtocolVraag(request_ids=frozenset({request_id}), limit=10))
    subjects = sorted(subject["identificatie"] for record in records for subject in record["subjecten"])
    assert subjects == ["000000024", "000000048"]
    assert {record["operatie"] for record in records} == {"BewoningMetPeriode"}
    assert all(record["zoekvraag"] == PERIODE for record in records)


async def test_a_bewoning_without_residents_is_protocolled_as_asked(app_database: tuple[Any, Database]) -> None:
    app, database = app_database
    request_id = f"bewoning-leeg-{uuid.uuid4()}"
    async with http_client(app, BRONHOUDER) as http:
        body = {**PEILDATUM, "peildatum": "2000-01-01"}
        response = await http.post(BEWONINGEN, json=body, headers={"X-Request-ID": request_id})
    assert response.json() == {"bewoningen": []}
    [record] = await protocollering.find_records(database, ProtocolVraag(request_ids=frozenset({request_id}), limit=10))
    assert (record["subjecten"], record["zoekvraag"]) == ([], body)


# --- The official document ----------------------------------------------------------------------------


async def test_the_official_document_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/haalcentraal/api/bewoning/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["version"] == "2.1.0"
    assert list(document["paths"]) == ["/bewoningen"]
    assert document["servers"] == [{"url": "/haalcentraal/api/bewoning", "description": "Open GDI"}]
    assert (await client.get("/haalcentraal/api/bewoning/docs")).status_code == 200


@cache
def _validator() -> Draft202012Validator:
    document = bewoning_openapi()
    return Draft202012Validator(
        {"$ref": "#/components/schemas/BewoningenQueryResponse", "components": document["components"]}
    )


async def test_answers_are_valid_by_the_official_schemas(app_database: tuple[Any, Database]) -> None:
    app, _database = app_database
    async with http_client(app, BRONHOUDER) as http:
        for body in (PERIODE, PEILDATUM, {**PERIODE, "datumVan": "2000-01-01"}):
            response = await http.post(BEWONINGEN, json=body)
            errors = list(_validator().iter_errors(response.json()))
            assert not errors, [error.message for error in errors[:3]]
            assert response.json()["bewoningen"]
