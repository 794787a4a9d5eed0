# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal BRK API at ``/haalcentraal/api/brk``: a kadastraal onroerende zaak with its
zakelijk gerechtigden, hypotheken, beslagen and publiekrechtelijke beperkingen, the searches by one
category (and their refusals), natural persons only for an afnemer allowed them (and then
protocolled), answers valid by the published schemas, and the demo percelen made from BAG addresses
and the BRP's residents."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
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
from opengdi.registers.brk import service
from opengdi.registers.brk.api import PREFIX, _document
from opengdi.registers.brk.catalogus import RAADPLEGEN, ZOEKEN
from opengdi.registers.brk.domein import (
    APPARTEMENTSRECHT,
    EIGENAAR,
    INGESCHREVEN_NIET_NATUURLIJK_PERSOON,
    PERCEEL,
    Aanduiding,
    Gerechtigde,
    KadastraalOnroerendeZaak,
    demo_zaken,
)
from opengdi.stelsel.digikoppeling import oin
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import http_client, register_organisation, scratch_database, settings_for, unit_of_work

AFNEMER = oin.test_oin(900_000_501)
ZONDER_PERSONEN = oin.test_oin(900_000_502)
BRK = f"http://testserver{PREFIX}"


def _adres(ao: str, straat: str, nummer: int, postcode: str, *, huisletter: str = "") -> BagAdres:
    return BagAdres(
        ao[:4], straat, straat[:24], nummer, huisletter, "", postcode, "Rotterdam", ao, f"{ao[:4]}20{ao[6:]}"
    )


ADRESSEN = (
    _adres("0599010000000001", "Coolsingel", 40, "3011AD"),
    _adres("0599010000000002", "Coolsingel", 42, "3011AD", huisletter="A"),
    _adres("0599010000000003", "Coolsingel", 44, "3011AD"),
)
BEWONERS = {"0599010000000001": ["999993653", "999990019", "999991723"], "0599010000000002": ["999991723"]}
#: A block of three flats in one pand (split in appartementsrechten) beside a house of its own.
FLAT = "0606100000000001"
SPLITSING = (
    *(
        replace(_adres(f"060601000000000{nummer}", "Broersvest", 10, "3111AA"), woonplaats="Schiedam", panden=(FLAT,))
        for nummer in (1, 2, 3)
    ),
    replace(
        _adres("0606010000000009", "Broersvest", 12, "3111AA"), woonplaats="Schiedam", panden=("0606100000000002",)
    ),
)


def _zaken() -> list[KadastraalOnroerendeZaak]:
    zaken = demo_zaken(ADRESSEN, BEWONERS)
    beslag = {
        "identificatie": "1",
        "domein": "NL.IMKAD.ZakelijkRecht",
        "aard": {"code": "1", "waarde": "Executoriaal beslag"},
    }
    beperking = {
        "identificatie": "7",
        "domein": "NL.IMKAD.Beperking",
        "grondslag": {"code": "WK", "waarde": "Wet kenbaarheid publiekrechtelijke beperkingen (demo)"},
        "datumInWerking": "2019-05-01",
    }
    derde = zaken[2]
    zaken[2] = replace(
        derde,
        gegevens={**derde.gegevens, "beslagen": [beslag], "publiekrechtelijkeBeperkingen": [beperking]},
        gerechtigden=(
            Gerechtigde("1", EIGENAAR, INGESCHREVEN_NIET_NATUURLIJK_PERSOON, rsin="857587973", naam="Test BV Donald"),
        ),
    )
    appartement = KadastraalOnroerendeZaak(
        "059900009999000",
        APPARTEMENTSRECHT,
        Aanduiding("Rotterdam", "A", 3, 2),
        {"adressen": []},
    )
    return [*zaken, appartement, *demo_zaken(SPLITSING, {"0606010000000002": ["999993653"]})]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def brk_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path_factory.mktemp("brk")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        alles = Grant(0, "brk", "TEST", "Testen", frozenset({ALLES}), (ALLES,))
        await register_organisation(database, Organisatie(AFNEMER, "BRK-afnemer", "gemeente"), [alles])
        openbaar = Grant(0, "brk", "TEST", "Testen", frozenset({RAADPLEGEN, ZOEKEN}), (ALLES,))
        await register_organisation(database, Organisatie(ZONDER_PERSONEN, "Zonder personen", "zbo"), [openbaar])
        async with unit_of_work(database) as uow:
            await service.load_zaken(uow, _zaken())
        yield database


@pytest.fixture(scope="session")
async def brk_app(brk_database: Database, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(settings_for(tmp_path_factory.mktemp("brkapp")), brk_database)


async def _client(app: FastAPI, organisatie: str) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app, organisatie) as http:
        http.base_url = httpx.URL(f"{BRK}/")
        yield http


@pytest.fixture
async def brk(brk_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for http in _client(brk_app, AFNEMER):
        yield http


@pytest.fixture
async def openbaar(brk_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for http in _client(brk_app, ZONDER_PERSONEN):
        yield http


async def _ok(http: httpx.AsyncClient, path: str, **params: str) -> dict[str, Any]:
    response = await http.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/hal+json")
    body: dict[str, Any] = response.json()
    return body


async def _gevonden(http: httpx.AsyncClient, **params: str) -> list[str]:
    body = await _ok(http, "kadastraalonroerendezaken", **params)
    return [item["identificatie"] for item in body["_embedded"]["kadastraalOnroerendeZaken"]]


def _protocol(database: Database, request_id: str) -> Any:
    return protocollering.find_records(database, ProtocolVraag(request_ids=frozenset({request_id}), limit=10))


def test_demo_percelen_are_owned_by_the_residents_in_equal_shares() -> None:
    zaken = demo_zaken(ADRESSEN, BEWONERS)
    assert [str(zaak.aanduiding) for zaak in zaken] == ["Rotterdam A 1", "Rotterdam A 2", "Rotterdam A 3"]
    assert [(item.bsn, item.teller, item.noemer) for item in zaken[0].gerechtigden] == [
        ("999990019", 1, 2),
        ("999991723", 1, 2),
    ]
    assert [item.naam for item in zaken[2].gerechtigden] == ["Woonstichting Rotterdam"]  # nobody lives there
    assert zaken[0].lijst("hypotheken") and not zaken[2].lijst("hypotheken")
    assert demo_zaken(ADRESSEN, BEWONERS) == zaken


def test_a_pand_of_several_verblijfsobjecten_is_split_in_appartementsrechten() -> None:
    grond, *rechten, huis = demo_zaken(SPLITSING, {"0606010000000002": ["999993653"]})
    assert [str(zaak.aanduiding) for zaak in (grond, *rechten, huis)] == [
        "Schiedam A 1",
        "Schiedam A 1 A1",
        "Schiedam A 1 A2",
        "Schiedam A 1 A3",
        "Schiedam A 2",
    ]
    assert [zaak.type for zaak in (grond, *rechten, huis)] == [PERCEEL, *[APPARTEMENTSRECHT] * 3, PERCEEL]
    assert grond.gerechtigden == () and grond.adresseerbaar_object is None
    assert [item["identificatie"] for item in grond.lijst("bijbehorendeAppartementsrechten")] == [
        "0606000000010001",
        "0606000000010002",
        "0606000000010003",
    ]
    assert all(
        recht.lijst("bijbehorendeGrondpercelen") == [{"identificatie": grond.identificatie}] for recht in rechten
    )
    assert [recht.adresseerbaar_object for recht in rechten] == [adres.adresseerbaar_object for adres in SPLITSING[:3]]
    assert [item.bsn for item in rechten[1].gerechtigden] == ["999993653"]
    assert "kadastraleGrootte" not in rechten[0].gegevens and "kadastraleGrootte" in grond.gegevens


def test_the_demo_has_beslagen_and_publiekrechtelijke_beperkingen_now_and_then() -> None:
    adressen = [_adres(f"0599010000{nummer:06d}", "Coolsingel", nummer, "3011AD") for nummer in range(1, 601)]
    bewoners = {adres.adresseerbaar_object: ["999993653"] for adres in adressen}
    zaken = demo_zaken(adressen, bewoners)
    beslagen = [zaak for zaak in zaken if zaak.lijst("beslagen")]
    beperkingen = [zaak for zaak in zaken if zaak.lijst("publiekrechtelijkeBeperkingen")]
    assert 0 < len(beslagen) < 30 and 0 < len(beperkingen) < 40
    assert beslagen[0].lijst("beslagen")[0]["beslagleggers"][0]["omschrijving"] == "Belastingdienst"
    assert (
        beperkingen[0].lijst("publiekrechtelijkeBeperkingen")[0]["bevoegdGezag"]["omschrijving"] == "Gemeente Rotterdam"
    )
    zonder_eigenaren = demo_zaken(adressen, {})
    assert not any(zaak.lijst("beslagen") for zaak in zonder_eigenaren)  # a beslag lies on what persons own


async def test_a_search_includes_the_appartementsrechten_of_a_split_perceel_when_asked(
    brk: httpx.AsyncClient,
) -> None:
    assert await _gevonden(brk, kadastraleAanduiding="Schiedam A 1") == ["0606000000010000"]
    met = await _gevonden(
        brk, kadastraleAanduiding="Schiedam A 1", inclusiefKadastraalOnroerendeZakenUitSplitsing="true"
    )
    assert met == ["0606000000010000", "0606000000010001", "0606000000010002", "0606000000010003"]
    assert await _gevonden(brk, kadastraleAanduiding="Schiedam A 1 A2") == ["0606000000010002"]
    recht = await _ok(brk, "kadastraalonroerendezaken/0606000000010002")
    assert recht["type"] == APPARTEMENTSRECHT and recht["bijbehorendeGrondpercelen"] == [
        {"identificatie": "0606000000010000"}
    ]
    assert recht["_links"]["bijbehorendeGrondpercelen"][0]["href"].endswith(
        "/kadastraalonroerendezaken/0606000000010000"
    )
    grond = await _ok(brk, "kadastraalonroerendezaken/0606000000010000")
    assert (
        len(grond["_links"]["bijbehorendeAppartementsrechten"]) == 3
        and "zakelijkGerechtigdeIdentificaties" not in grond
    )
    errors = list(_validator("KadastraalOnroerendeZaakHal").iter_errors(recht))
    assert not errors, [error.message for error in errors[:3]]


async def test_a_zaak_with_its_gerechtigden_hypotheken_and_address(brk: httpx.AsyncClient) -> None:
    body = await _ok(brk, "kadastraalonroerendezaken/0599000000010000", expand="zakelijkGerechtigden")
    assert body["kadastraleAanduiding"] == "Rotterdam A 1" and body["type"] == "perceel"
    assert body["adressen"][0]["adresseerbaarObjectIdentificatie"] == "0599010000000001"
    assert body["zakelijkGerechtigdeIdentificaties"] == ["1", "2"] and body["hypotheekIdentificaties"] == ["1"]
    gerechtigden = body["_embedded"]["zakelijkGerechtigden"]
    assert [(item["persoon"]["identificatie"], item["tenaamstelling"]["aandeel"]) for item in gerechtigden] == [
        ("999990019", {"teller": 1, "noemer": 2}),
        ("999991723", {"teller": 1, "noemer": 2}),
    ]
    hypotheken = await _ok(brk, "kadastraalonroerendezaken/0599000000010000/hypotheken")
    (hypotheek,) = hypotheken["_embedded"]["hypotheken"]
    assert hypotheek["hypotheekhouders"][0]["omschrijving"] == "Demohypotheekbank N.V."
    assert (await _ok(brk, "kadastraalonroerendezaken/0599000000010000/hypotheken/1"))["identificatie"] == "1"


async def test_natural_persons_are_shown_to_whom_may_see_them_and_protocolled(
    brk: httpx.AsyncClient, openbaar: httpx.AsyncClient, brk_database: Database
) -> None:
    request_id = f"brk-{uuid.uuid4()}"
    response = await brk.get(
        "kadastraalonroerendezaken/0599000000010000/zakelijkgerechtigden", headers={"X-Request-ID": request_id}
    )
    assert response.status_code == 200
    records = await _protocol(brk_database, request_id)
    assert sorted(subject["identificatie"] for record in records for subject in record["subjecten"]) == [
        "999990019",
        "999991723",
    ]
    public = await _ok(openbaar, "kadastraalonroerendezaken/0599000000010000/zakelijkgerechtigden")
    assert all("persoon" not in item for item in public["_embedded"]["zakelijkGerechtigden"])
    rechtspersoon = await _ok(openbaar, "kadastraalonroerendezaken/0599000000030000/zakelijkgerechtigden/1")
    assert rechtspersoon["persoon"]["identificatie"] == "857587973"
    assert rechtspersoon["_links"]["persoon"]["href"].endswith("/haalcentraal/api/hr/nietnatuurlijkpersonen/857587973")
    refused = await openbaar.post("kadastraalonroerendezaken", json={"burgerservicenummer": "999991723"})
    assert refused.status_code == 403


async def test_a_search_by_burgerservicenummer_is_protocolled(brk: httpx.AsyncClient, brk_database: Database) -> None:
    request_id = f"brk-bsn-{uuid.uuid4()}"
    response = await brk.post(
        "kadastraalonroerendezaken", json={"burgerservicenummer": "999991723"}, headers={"X-Request-ID": request_id}
    )
    assert response.status_code == 200, response.text
    found = [item["identificatie"] for item in response.json()["_embedded"]["kadastraalOnroerendeZaken"]]
    assert found == ["0599000000010000", "0599000000020000"]
    assert all(
        "zakelijkGerechtigdeIdentificaties" not in item
        for item in response.json()["_embedded"]["kadastraalOnroerendeZaken"]
    )
    records = await _protocol(brk_database, request_id)
    assert [subject["identificatie"] for record in records for subject in record["subjecten"]] == ["999991723"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kadastraleAanduiding": "Rotterdam A 2"}, ["0599000000020000"]),
        ({"kadastraleAanduiding": "rotterdam A 3 A2"}, ["059900009999000"]),
        ({"kadastraleAanduiding": "Rotterdam A 9"}, []),
        ({"postcode": "3011AD", "huisnummer": "42"}, ["0599000000020000"]),
        ({"postcode": "3011AD", "huisnummer": "42", "huisletter": "b"}, []),
        ({"nummeraanduidingIdentificatie": "0599200000000003"}, ["0599000000030000"]),
        ({"persoon__identificatie": "857587973"}, ["0599000000030000"]),
    ],
)
async def test_zaken_are_found_by_one_category(
    brk: httpx.AsyncClient, params: dict[str, str], expected: list[str]
) -> None:
    assert await _gevonden(brk, **params) == expected


async def test_beslagen_and_publiekrechtelijke_beperkingen(brk: httpx.AsyncClient) -> None:
    beslagen = await _ok(brk, "kadastraalonroerendezaken/0599000000030000/beslagen")
    assert [item["aard"]["waarde"] for item in beslagen["_embedded"]["beslagen"]] == ["Executoriaal beslag"]
    beperkingen = await _ok(
        brk, "publiekrechtelijkebeperkingen", kadastraalOnroerendeZaakIdentificatie="0599000000030000"
    )
    assert [item["identificatie"] for item in beperkingen["_embedded"]["publiekrechtelijkeBeperkingen"]] == ["7"]
    response = await brk.get("kadastraalonroerendezaken/0599000000030000/beslagen/2")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("verzoek", "params", "code", "names"),
    [
        ("GET kadastraalonroerendezaken", {}, "paramsRequired", []),
        ("GET kadastraalonroerendezaken", {"postcode": "3011AD"}, "paramsCombination", []),
        (
            "GET kadastraalonroerendezaken",
            {"kadastraleAanduiding": "Rotterdam A 2", "postcode": "3011AD", "huisnummer": "1"},
            "unsupportedCombi",
            [],
        ),
        (
            "GET kadastraalonroerendezaken",
            {"kadastraleAanduiding": "Rotterdam J 2"},
            "paramsValidation",
            ["kadastraleAanduiding"],
        ),
        (
            "GET kadastraalonroerendezaken",
            {"persoon__identificatie": "857587974"},
            "paramsValidation",
            ["persoon__identificatie"],
        ),
        (
            "GET kadastraalonroerendezaken",
            {"kadastraleAanduidingMetGemeentecode": "RTD01 A 2"},
            "paramsValidation",
            ["kadastraleAanduidingMetGemeentecode"],
        ),
        (
            "GET kadastraalonroerendezaken",
            {"postcode": "3011AD", "huisnummer": "x"},
            "paramsValidation",
            ["huisnummer"],
        ),
        (
            "GET kadastraalonroerendezaken/05990000x",
            {},
            "paramsValidation",
            ["kadastraalOnroerendeZaakIdentificatie"],
        ),
        ("GET kadastraalonroerendezaken/0599000000010000", {"expand": "hypotheken"}, "paramsValidation", ["expand"]),
        ("GET kadastraalonroerendezaken/0599000000010000", {"fields": "eigenaar"}, "paramsValidation", ["fields"]),
        (
            "GET kadastraalonroerendezaken/0599000000010000/zakelijkgerechtigden",
            {"type": "huurder"},
            "paramsValidation",
            ["type"],
        ),
        ("GET publiekrechtelijkebeperkingen", {}, "paramsRequired", []),
        (
            "POST kadastraalonroerendezaken",
            {"burgerservicenummer": "123456789"},
            "paramsValidation",
            ["burgerservicenummer"],
        ),
        ("POST kadastraalonroerendezaken", {}, "paramsValidation", ["burgerservicenummer"]),
        (
            "POST kadastraalonroerendezaken",
            {"burgerservicenummer": 999991723},
            "paramsValidation",
            ["burgerservicenummer"],
        ),
    ],
)
async def test_bad_input_is_refused_in_the_haal_centraal_shape(
    brk: httpx.AsyncClient, verzoek: str, params: dict[str, Any], code: str, names: list[str]
) -> None:
    method, path = verzoek.split(" ")
    if method == "GET":
        response = await brk.get(path, params=params)
    else:
        response = await brk.post(path, json=params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code
    assert [item["name"] for item in body.get("invalidParams", [])] == names


async def test_unknown_objects_are_404(brk: httpx.AsyncClient, brk_app: FastAPI) -> None:
    for path in ("kadastraalonroerendezaken/1", "kadastraalonroerendezaken/0599000000010000/zakelijkgerechtigden/9"):
        response = await brk.get(path)
        assert response.status_code == 404 and response.json()["code"] == "notFound"
    async with http_client(brk_app) as anonymous:
        assert (await anonymous.get(f"{PREFIX}/kadastraalonroerendezaken/0599000000010000")).status_code == 401


@cache
def _validator(schema: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/components/schemas/{schema}", "components": _document()["components"]})


@pytest.mark.parametrize(
    ("path", "params", "schema"),
    [
        (
            "kadastraalonroerendezaken/0599000000010000",
            {"expand": "zakelijkGerechtigden"},
            "KadastraalOnroerendeZaakHal",
        ),
        (
            "kadastraalonroerendezaken",
            {"postcode": "3011AD", "huisnummer": "40"},
            "KadastraalOnroerendeZaakHalCollectie",
        ),
        ("kadastraalonroerendezaken/0599000000010000/zakelijkgerechtigden", {}, "ZakelijkGerechtigdeHalCollectie"),
        ("kadastraalonroerendezaken/0599000000030000/zakelijkgerechtigden/1", {}, "ZakelijkGerechtigdeHal"),
        ("kadastraalonroerendezaken/0599000000010000/hypotheken", {}, "HypotheekHalCollectie"),
        ("kadastraalonroerendezaken/0599000000030000/beslagen", {}, "BeslagHalCollectie"),
        (
            "publiekrechtelijkebeperkingen",
            {"kadastraalOnroerendeZaakIdentificatie": "0599000000030000"},
            "PubliekrechtelijkeBeperkingHalCollectie",
        ),
    ],
)
async def test_answers_are_valid_by_the_published_schemas(
    brk: httpx.AsyncClient, path: str, params: dict[str, str], schema: str
) -> None:
    body = await _ok(brk, path, **params)
    errors = list(_validator(schema).iter_errors(body))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors[:3]]
