# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal WOZ API at ``/haalcentraal/api/woz``: a WOZ-object with its values (every year
kept) and belanghebbenden, the searches and their refusals, ``fields`` and paging, natural persons
only for an afnemer allowed them (and then protocolled), answers valid by the published schemas,
and the demo objects made from BAG addresses and the BRP's residents."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date
from functools import cache
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from jsonschema import Draft202012Validator

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel import protocollering
from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolVraag
from opengdi.registers.woz import service
from opengdi.registers.woz.api import PREFIX
from opengdi.registers.woz.catalogus import RAADPLEGEN, ZOEKEN
from opengdi.registers.woz.document import woz_openapi
from opengdi.registers.woz.domein import EIGENAAR, GEBRUIKER, NIET_NATUURLIJK_PERSOON, VESTIGING, Belanghebbende
from opengdi.stelsel.digikoppeling import oin
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import http_client, register_organisation, scratch_database, settings_for, unit_of_work

AFNEMER = oin.test_oin(900_000_401)
ZONDER_PERSONEN = oin.test_oin(900_000_402)
WOZ = f"http://testserver{PREFIX}"
VANDAAG = date(2026, 12, 3)


def _adres(ao: str, straat: str, nummer: int, postcode: str, *, huisletter: str = "") -> BagAdres:
    """A residential address at adresseerbaar object ``ao``, its nummeraanduiding numbered alike."""
    nummeraanduiding = f"{ao[:4]}20{ao[6:]}"
    return BagAdres(ao[:4], straat, straat[:24], nummer, huisletter, "", postcode, "Rotterdam", ao, nummeraanduiding)


ADRESSEN = (
    _adres("0599010000000001", "Coolsingel", 40, "3011AD"),
    _adres("0599010000000002", "Coolsingel", 42, "3011AD", huisletter="A"),
    _adres("0599010000000003", "Coolsingel", 42, "3011AD", huisletter="B"),
    _adres("0518010000000001", "Spui", 70, "2511BT"),
)
BEWONERS = {"0599010000000001": ["999993653", "999990019"], "0599010000000002": ["999991723"]}


def _objecten() -> list[Any]:
    objecten = service.demo_objecten(ADRESSEN, BEWONERS, VANDAAG)
    # the Spui object is owned by Test BV Donald and used by its vestiging
    spui = objecten[0]
    assert spui.gemeentecode == "0518"
    eigenaar = Belanghebbende(
        EIGENAAR, NIET_NATUURLIJK_PERSOON, rsin="857587973", kvk_nummer="68750110", naam="Test BV Donald"
    )
    gebruiker = Belanghebbende(GEBRUIKER, VESTIGING, kvk_nummer="68750110", vestigingsnummer="000037178598")
    objecten[0] = type(spui)(
        spui.identificatie,
        spui.gemeentecode,
        spui.gegevens,
        spui.adresseerbaar_object,
        spui.nummeraanduiding,
        spui.waarden,
        (eigenaar, gebruiker),
    )
    return objecten


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def woz_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path_factory.mktemp("woz")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        alles = Grant(0, "woz", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(AFNEMER, "WOZ-afnemer", "gemeente"), [alles])
        openbaar = Grant(0, "woz", "TEST", "Testen", frozenset({RAADPLEGEN, ZOEKEN}), (ALLES,))
        await register_organisation(database, Organisatie(ZONDER_PERSONEN, "Zonder personen", "zbo"), [openbaar])
        async with unit_of_work(database) as uow:
            await service.load_objecten(uow, _objecten())
        yield database


@pytest.fixture(scope="session")
async def woz_app(woz_database: Database, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(settings_for(tmp_path_factory.mktemp("wozapp")), woz_database)


async def _client(app: FastAPI, oin: str) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app, oin) as http:
        http.base_url = httpx.URL(f"{WOZ}/")
        yield http


@pytest.fixture
async def woz(woz_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for http in _client(woz_app, AFNEMER):
        yield http


@pytest.fixture
async def openbaar(woz_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for http in _client(woz_app, ZONDER_PERSONEN):
        yield http


async def _ok(http: httpx.AsyncClient, path: str, **params: str) -> dict[str, Any]:
    response = await http.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/hal+json")
    body: dict[str, Any] = response.json()
    return body


async def _nummers(http: httpx.AsyncClient, **params: str) -> list[str]:
    body = await _ok(http, "wozobjecten", **params)
    return [item["identificatie"] for item in body["_embedded"]["wozObjecten"]]


def test_demo_objects_are_numbered_per_municipality_and_valued_each_year() -> None:
    objecten = service.demo_objecten(ADRESSEN, BEWONERS, VANDAAG)
    assert [item.identificatie for item in objecten] == ["051800000001", "059900000001", "059900000002", "059900000003"]
    coolsingel = objecten[1]
    assert [waarde.waardepeildatum for waarde in coolsingel.waarden] == [
        f"{jaar}-01-01" for jaar in range(2025, 2020, -1)
    ]
    assert all(waarde.ingangsdatum == f"{int(waarde.waardepeildatum[:4]) + 1}-01-01" for waarde in coolsingel.waarden)
    assert all(150_000 <= waarde.vastgestelde_waarde <= 1_500_000 for waarde in coolsingel.waarden)
    # the first resident by burgerservicenummer is eigenaar and gebruiker; nobody lives at the third
    assert [(item.rol, item.bsn) for item in coolsingel.belanghebbenden] == [
        (EIGENAAR, "999990019"),
        (GEBRUIKER, "999990019"),
    ]
    assert objecten[3].belanghebbenden == ()
    assert service.demo_objecten(ADRESSEN, BEWONERS, VANDAAG) == objecten  # the same each start


async def test_a_woz_object_with_its_values_and_belanghebbenden(woz: httpx.AsyncClient) -> None:
    body = await _ok(woz, "wozobjecten/059900000001")
    assert body["aanduiding"] == {
        "straat": "Coolsingel",
        "korteNaam": "Coolsingel",
        "huisnummer": 40,
        "postcode": "3011AD",
        "woonplaats": "Rotterdam",
        "nummeraanduidingIdentificatie": "0599200000000001",
    }
    assert body["verantwoordelijkeGemeente"] == {"code": "0599"}
    assert body["adresseerbaarObjectIdentificaties"] == ["0599010000000001"]
    assert [waarde["waardepeildatum"] for waarde in body["waarden"]][:2] == ["2025-01-01", "2024-01-01"]
    assert body["belanghebbendeEigenaar"] == {"type": "natuurlijk_persoon", "burgerservicenummer": "999990019"}
    assert (
        body["_links"]["adres"]["href"] == "http://testserver/lvbag/individuelebevragingen/v2/adressen/0599200000000001"
    )


async def test_a_rechtspersoon_and_a_vestiging_as_belanghebbenden_link_to_the_hr_api(
    openbaar: httpx.AsyncClient,
) -> None:
    body = await _ok(openbaar, "wozobjecten/051800000001")
    assert body["belanghebbendeEigenaar"]["rsin"] == "857587973"
    assert body["belanghebbendeGebruiker"] == {
        "type": "vestiging",
        "kvkNummer": "68750110",
        "vestigingsnummer": "000037178598",
    }
    hr = "http://testserver/haalcentraal/api/hr"
    assert body["_links"]["belanghebbendeEigenaar"]["href"] == f"{hr}/maatschappelijkeactiviteiten/68750110"
    assert body["_links"]["belanghebbendeGebruiker"]["href"] == f"{hr}/vestigingen/000037178598"


async def test_natural_persons_are_shown_to_whom_may_see_them_and_protocolled(
    woz: httpx.AsyncClient, openbaar: httpx.AsyncClient, woz_database: Database
) -> None:
    request_id = f"woz-{uuid.uuid4()}"
    response = await woz.get(
        "wozobjecten", params={"postcode": "3011AD", "huisnummer": "40"}, headers={"X-Request-ID": request_id}
    )
    assert response.status_code == 200
    records = await protocollering.find_records(
        woz_database, ProtocolVraag(request_ids=frozenset({request_id}), limit=10)
    )
    assert [subject["identificatie"] for record in records for subject in record["subjecten"]] == ["999990019"]
    public = await _ok(openbaar, "wozobjecten/059900000001")
    assert "belanghebbendeEigenaar" not in public and public["waarden"]
    quiet_id = f"woz-{uuid.uuid4()}"
    await woz.get("wozobjecten/059900000001", params={"fields": "waarden"}, headers={"X-Request-ID": quiet_id})
    assert (
        await protocollering.find_records(woz_database, ProtocolVraag(request_ids=frozenset({quiet_id}), limit=10))
        == []
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"adresseerbaarObjectIdentificatie": "0599010000000002"}, ["059900000002"]),
        ({"nummeraanduidingIdentificatie": "0518200000000001"}, ["051800000001"]),
        ({"postcode": "3011ad", "huisnummer": "42"}, ["059900000002", "059900000003"]),
        ({"postcode": "3011AD", "huisnummer": "42", "huisletter": "b"}, ["059900000003"]),
        ({"postcode": "3011AD", "huisnummer": "42", "huisnummertoevoeging": "2"}, []),
        ({"rsin": "857587973"}, ["051800000001"]),
        ({"kvkNummer": "68750110"}, ["051800000001"]),
        ({"kvkNummer": "69599084"}, []),
    ],
)
async def test_woz_objects_are_found_by_owner_or_address(
    woz: httpx.AsyncClient, params: dict[str, str], expected: list[str]
) -> None:
    assert await _nummers(woz, **params) == expected


async def test_fields_and_pages(woz: httpx.AsyncClient) -> None:
    body = await _ok(woz, "wozobjecten/059900000002", fields="identificatie,waarden.vastgesteldeWaarde")
    assert set(body) == {"identificatie", "waarden", "_links"}
    assert all(set(waarde) == {"vastgesteldeWaarde"} for waarde in body["waarden"])
    first = await _ok(woz, "wozobjecten", postcode="3011AD", huisnummer="42", pageSize="1")
    second = await _ok(woz, "wozobjecten", postcode="3011AD", huisnummer="42", pageSize="1", page="2")
    assert [item["identificatie"] for item in first["_embedded"]["wozObjecten"]] == ["059900000002"]
    assert [item["identificatie"] for item in second["_embedded"]["wozObjecten"]] == ["059900000003"]
    assert "next" in first["_links"] and "next" not in second["_links"] and "previous" in second["_links"]


@pytest.mark.parametrize(
    ("path", "params", "code", "names"),
    [
        ("wozobjecten", {}, "paramsRequired", []),
        ("wozobjecten", {"postcode": "3011AD"}, "paramsCombination", []),
        ("wozobjecten", {"huisletter": "A"}, "paramsCombination", []),
        ("wozobjecten", {"rsin": "857587973", "kvkNummer": "68750110"}, "unsupportedCombi", []),
        ("wozobjecten", {"rsin": "857587973", "postcode": "3011AD", "huisnummer": "1"}, "unsupportedCombi", []),
        ("wozobjecten", {"rsin": "857587974"}, "paramsValidation", ["rsin"]),
        ("wozobjecten", {"kvkNummer": "6875011"}, "paramsValidation", ["kvkNummer"]),
        (
            "wozobjecten",
            {"adresseerbaarObjectIdentificatie": "059901000000000"},
            "paramsValidation",
            ["adresseerbaarObjectIdentificatie"],
        ),
        ("wozobjecten", {"postcode": "0123AB", "huisnummer": "0"}, "paramsValidation", ["postcode", "huisnummer"]),
        (
            "wozobjecten",
            {"postcode": "3011AD", "huisnummer": "40", "pageSize": "101"},
            "paramsValidation",
            ["pageSize"],
        ),
        (
            "wozobjecten",
            {"postcode": "3011AD", "huisnummer": "40", "burgerservicenummer": "999990019"},
            "paramsValidation",
            ["burgerservicenummer"],
        ),
        ("wozobjecten/05990000000", {}, "paramsValidation", ["identificatie"]),
        ("wozobjecten/059900000001", {"fields": "waarde"}, "paramsValidation", ["fields"]),
        ("wozobjecten/059900000001", {"fields": "waarden,"}, "paramsValidation", ["fields"]),
    ],
)
async def test_bad_input_is_refused_in_the_haal_centraal_shape(
    woz: httpx.AsyncClient, path: str, params: dict[str, str], code: str, names: list[str]
) -> None:
    response = await woz.get(path, params=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code
    assert [item["name"] for item in body.get("invalidParams", [])] == names


async def test_an_unknown_object_is_404_and_access_goes_through_digikoppeling(
    woz: httpx.AsyncClient, woz_app: FastAPI
) -> None:
    response = await woz.get("wozobjecten/059999999999")
    assert response.status_code == 404 and response.json()["code"] == "notFound"
    async with http_client(woz_app) as anonymous:
        assert (await anonymous.get(f"{PREFIX}/wozobjecten/059900000001")).status_code == 401


@cache
def _validator(schema: str) -> Draft202012Validator:
    """The published schema (bundled: the common document's parts are in it)."""
    return Draft202012Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": woz_openapi(PREFIX)["components"]}
    )


@pytest.mark.parametrize(
    ("path", "params", "schema"),
    [
        ("wozobjecten/059900000001", {}, "WozObjectHal"),
        ("wozobjecten/051800000001", {}, "WozObjectHal"),
        ("wozobjecten", {"postcode": "3011AD", "huisnummer": "42"}, "WozObjectHalCollectie"),
    ],
)
async def test_answers_are_valid_by_the_published_schemas(
    woz: httpx.AsyncClient, path: str, params: dict[str, str], schema: str
) -> None:
    body = await _ok(woz, path, **params)
    errors = list(_validator(schema).iter_errors(body))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors[:3]]
