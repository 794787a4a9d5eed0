# SPDX-License-Identifier: EUPL-1.2
"""The BSN-beheervoorziening over HTTP with Digikoppeling tokens: issuing from the caller's own
stock, validating (who it went to only for whom may see it), reserving, and every refusal as
problem+json naming the parameter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.stelsel.bsn.demobesluiten import ZONDER_UITGIFTE
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, register_organisation, settings_for
from tests.stelsel.bsn.helpers import nieuwe_oin

BASIS = "/bsn/v1"


async def _organisatie(database: Database, operaties: tuple[str, ...], velden: tuple[str, ...] = (ALLES,)) -> str:
    """A new organisation with a grant for ``operaties`` of scope bsn."""
    oin = nieuwe_oin()
    grant = Grant(0, "bsn", "BSN-TEST", "Testen", frozenset(operaties), velden)
    await register_organisation(database, Organisatie(oin, f"Test {oin}", "gemeente"), [grant])
    return oin


@pytest.fixture
async def app_and_db(database: Database, tmp_path: Path) -> AsyncIterator[tuple[Any, Database]]:
    yield create_app(settings_for(tmp_path), database), database


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"]
    return body


def _invalid(response: httpx.Response) -> list[str]:
    return [param["name"] for param in _problem(response, 400)["invalidParams"]]


async def test_an_organisation_issues_from_its_own_stock_and_sees_its_own_issue(
    app_and_db: tuple[Any, Database],
) -> None:
    app, database = app_and_db
    oin = await _organisatie(database, ("uitgeven", "valideren"), ZONDER_UITGIFTE)
    async with http_client(app, oin) as http:
        response = await http.post(f"{BASIS}/uitgiften", json={"aantal": 3, "kenmerk": "geboorte-1"})
        assert response.status_code == 201, response.text
        uitgifte = response.json()
        assert uitgifte["aanvrager"] == oin and uitgifte["aantal"] == 3 and uitgifte["kenmerk"] == "geboorte-1"
        assert all(is_valid_bsn(bsn) for bsn in uitgifte["burgerservicenummers"])
        shown = (await http.get(f"{BASIS}/uitgiften/{uitgifte['id']}")).json()
        assert shown["burgerservicenummers"] == uitgifte["burgerservicenummers"]
        validatie = (await http.get(f"{BASIS}/burgerservicenummers/{uitgifte['burgerservicenummers'][0]}")).json()
        assert validatie["status"] == "uitgegeven" and validatie["uitgifte"]["aanvrager"] == oin  # its own
        voorraad = (await http.get(f"{BASIS}/voorraad")).json()
        assert voorraad["aanvrager"] == oin and voorraad["resterend"] == 10_000 - 3
        assert response.headers["api-version"] == "1.0.0"


async def test_who_got_a_number_is_shown_only_to_whom_may_see_it(app_and_db: tuple[Any, Database]) -> None:
    app, database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        bsn = (await http.post(f"{BASIS}/uitgiften", json={"aantal": 1})).json()["burgerservicenummers"][0]
        assert (await http.get(f"{BASIS}/burgerservicenummers/{bsn}")).json()["uitgifte"]["aanvrager"] == BRONHOUDER
    ander = await _organisatie(database, ("valideren",), ZONDER_UITGIFTE)
    async with http_client(app, ander) as http:
        validatie = (await http.get(f"{BASIS}/burgerservicenummers/{bsn}")).json()
        assert validatie == {"burgerservicenummer": bsn, "geldig": True, "status": "uitgegeven"}
        assert (await http.get(f"{BASIS}/burgerservicenummers/123456789")).json()["status"] == "ongeldig"
        _problem(await http.post(f"{BASIS}/uitgiften", json={"aantal": 1}), 403)  # validate only


async def test_an_issue_of_another_organisation_is_not_found(app_and_db: tuple[Any, Database]) -> None:
    app, database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        uitgifte_id = (await http.post(f"{BASIS}/uitgiften", json={"aantal": 1})).json()["id"]
    oin = await _organisatie(database, ("uitgeven",))
    async with http_client(app, oin) as http:
        assert _problem(await http.get(f"{BASIS}/uitgiften/{uitgifte_id}"), 404)["code"] == "notFound"
        _problem(await http.get(f"{BASIS}/uitgiften/{2**31 - 1}"), 404)


async def test_organisations_without_a_grant_are_refused(app_and_db: tuple[Any, Database]) -> None:
    app, _database = app_and_db
    async with http_client(app, demo_afnemer("Dienst Wegverkeer (RDW)").oin) as http:
        _problem(await http.post(f"{BASIS}/uitgiften", json={"aantal": 1}), 403)
        _problem(await http.get(f"{BASIS}/burgerservicenummers/999993653"), 403)
    async with http_client(app, demo_afnemer("Belastingdienst").oin) as http:
        assert (await http.get(f"{BASIS}/burgerservicenummers/999993653")).status_code == 200
        _problem(await http.post(f"{BASIS}/reeksen", json={"aanvrager": BRONHOUDER, "omvang": 5}), 403)
    async with http_client(app) as http:
        _problem(await http.get(f"{BASIS}/voorraad"), 401)


async def test_a_demo_municipality_issues_and_validates(app_and_db: tuple[Any, Database]) -> None:
    app, _database = app_and_db
    rotterdam = demo_afnemer("Gemeente Rotterdam").oin
    async with http_client(app, rotterdam) as http:
        response = await http.post(f"{BASIS}/uitgiften", json={"aantal": 2})
        assert response.status_code == 201, response.text
        assert (await http.get(f"{BASIS}/burgerservicenummers/{response.json()['burgerservicenummers'][1]}")).json()[
            "uitgifte"
        ]["aanvrager"] == rotterdam


async def test_the_beheerder_reserves_and_an_exhausted_stock_is_409(app_and_db: tuple[Any, Database]) -> None:
    app, database = app_and_db
    oin = await _organisatie(database, ("uitgeven",))
    async with http_client(app, BRONHOUDER) as http:
        response = await http.post(f"{BASIS}/reeksen", json={"aanvrager": oin, "omvang": 4})
        assert response.status_code == 201, response.text
        reeks = response.json()
        assert (reeks["aanvrager"], reeks["omvang"], reeks["gereserveerdDoor"]) == (oin, 4, BRONHOUDER)
        again = await http.post(f"{BASIS}/reeksen", json={"aanvrager": oin, "omvang": 4, "eerste": reeks["eerste"]})
        assert _problem(again, 409)["code"] == "reeksOverlapt"
    async with http_client(app, oin) as http:
        assert (await http.post(f"{BASIS}/uitgiften", json={"aantal": 3})).status_code == 201
        problem = _problem(await http.post(f"{BASIS}/uitgiften", json={"aantal": 2}), 409)
        assert problem["code"] == "voorraadUitgeput" and "heeft nog 1 burgerservicenummers" in problem["detail"]
        assert (await http.get(f"{BASIS}/voorraad")).json()["resterend"] == 1


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"aantal": "3"}, "aantal"),
        ({"aantal": 3.0}, "aantal"),
        ({"aantal": True}, "aantal"),
        ({"aantal": 0}, "aantal"),
        ({"aantal": 10_001}, "aantal"),
        ({"aantal": None}, "aantal"),
        ({}, "aantal"),
        ({"aantal": 1, "kenmerk": "a\x00b"}, "kenmerk"),
        ({"aantal": 1, "kenmerk": "x" * 101}, "kenmerk"),
        ({"aantal": 1, "kenmerk": 5}, "kenmerk"),
        ({"aantal": 1, "extra": 1}, "extra"),
        ([1], "body"),
    ],
)
async def test_bad_issue_bodies_are_400_naming_the_parameter(
    app_and_db: tuple[Any, Database], body: Any, name: str
) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        assert name in _invalid(await http.post(f"{BASIS}/uitgiften", json=body))


async def test_broken_and_huge_bodies_are_refused(app_and_db: tuple[Any, Database]) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        headers = {"Content-Type": "application/json"}
        assert _invalid(await http.post(f"{BASIS}/uitgiften", content=b'{"aantal": ', headers=headers)) == ["body"]
        huge = b'{"aantal": 1, "kenmerk": "' + b"x" * 11_000_000 + b'"}'
        _problem(await http.post(f"{BASIS}/uitgiften", content=huge, headers=headers), 413)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/burgerservicenummers/12345678", "burgerservicenummer"),
        ("/burgerservicenummers/1234567890", "burgerservicenummer"),
        ("/burgerservicenummers/12345678a", "burgerservicenummer"),
        ("/burgerservicenummers/99999365%00", "burgerservicenummer"),
        ("/uitgiften/0", "uitgifteId"),
        ("/uitgiften/abc", "uitgifteId"),
        ("/uitgiften/99999999999", "uitgifteId"),
    ],
)
async def test_bad_paths_are_400_naming_the_parameter(app_and_db: tuple[Any, Database], path: str, name: str) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        assert _invalid(await http.get(f"{BASIS}{path}")) == [name]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"aanvrager": "123", "omvang": 5}, "aanvrager"),
        ({"aanvrager": BRONHOUDER, "omvang": 0}, "omvang"),
        ({"aanvrager": BRONHOUDER, "omvang": 1_000_001}, "omvang"),
        ({"aanvrager": BRONHOUDER, "omvang": 5, "eerste": "12345"}, "eerste"),
        ({"aanvrager": BRONHOUDER, "omvang": 5, "eerste": "000000000"}, "eerste"),
        ({"omvang": 5}, "aanvrager"),
    ],
)
async def test_bad_reservations_are_400_naming_the_parameter(
    app_and_db: tuple[Any, Database], body: dict[str, Any], name: str
) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        assert _invalid(await http.post(f"{BASIS}/reeksen", json=body)) == [name]


async def test_a_range_past_the_last_number_is_409(app_and_db: tuple[Any, Database]) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        body = {"aanvrager": nieuwe_oin(), "omvang": 1000, "eerste": "999999500"}
        assert _problem(await http.post(f"{BASIS}/reeksen", json=body), 409)["code"] == "nummerruimteUitgeput"


async def test_validating_a_number_that_belongs_to_someone_is_protocolled(app_and_db: tuple[Any, Database]) -> None:
    app, _database = app_and_db
    async with http_client(app, BRONHOUDER) as http:
        bsn = (await http.post(f"{BASIS}/uitgiften", json={"aantal": 1})).json()["burgerservicenummers"][0]
        response = await http.get(f"{BASIS}/burgerservicenummers/{bsn}")
        protocol = await http.get("/digikoppeling/v1/protocollering", params={"burgerservicenummer": bsn})
    assert protocol.status_code == 200, protocol.text
    regels = protocol.json()["protocolregels"]
    assert [regel["requestId"] for regel in regels if regel.get("bouwsteen") == "bsn"] == [
        response.headers["x-request-id"]
    ]
