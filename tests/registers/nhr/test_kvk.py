# SPDX-License-Identifier: EUPL-1.2
"""The KvK APIs at ``/kvk/api`` as a client of the KvK's test environment uses them: the example
answers of ``../shared/specs/kvk`` (copied into ``data/``), what Open Formulieren reads and checks,
and every error in the KvK's shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from opengdi.kernel.db import Database
from opengdi.registers.nhr import repository
from opengdi.registers.nhr.zoeken import Zoekvraag
from opengdi.stelsel.digikoppeling import service as digikoppeling
from tests.conftest import http_client, unit_of_work
from tests.registers.nhr.conftest import AFNEMER, KVK, ZONDER_NHR

SPECS = Path(__file__).resolve().parent / "data"  # the KvK test environment's example answers
#: Where the example answers were recorded.
KVK_TEST = "https://api.kvk.nl/test/api"


def _example(name: str) -> Any:
    """An example answer of the KvK test environment, its links pointing here."""
    return json.loads((SPECS / name).read_text("utf-8").replace(KVK_TEST, KVK))


def _contains(answer: Any, example: Any, path: str = "") -> None:
    """Every member of ``example`` is in ``answer`` with the same value (lists item by item)."""
    if isinstance(example, dict):
        assert isinstance(answer, dict), path
        for key, value in example.items():
            assert key in answer, f"{path}.{key} ontbreekt"
            _contains(answer[key], value, f"{path}.{key}")
    elif isinstance(example, list):
        assert isinstance(answer, list) and len(answer) == len(example), path
        for index, (left, right) in enumerate(zip(answer, example, strict=True)):
            _contains(left, right, f"{path}[{index}]")
    else:
        assert answer == example, path


def _fout(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    [fout] = response.json()["fout"]
    assert fout["code"] == code
    return str(fout["omschrijving"])


async def test_the_basisprofiel_of_test_emz_dagobert_is_the_kvk_example(kvk: httpx.AsyncClient) -> None:
    response = await kvk.get("v1/basisprofielen/69599084")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/hal+json")
    _contains(response.json(), _example("basisprofiel_response.json"))


async def test_zoeken_by_kvk_nummer_is_the_kvk_example(kvk: httpx.AsyncClient) -> None:
    response = await kvk.get("v2/zoeken", params={"kvkNummer": "69599084"})
    assert response.status_code == 200, response.text
    assert response.json() == _example("zoeken_response.json")


async def test_what_open_formulieren_checks_and_reads_is_there(kvk: httpx.AsyncClient) -> None:
    # its configuration checks: Zoeken and the basisprofiel of 68750110
    found = (await kvk.get("v2/zoeken", params={"kvkNummer": "68750110"})).json()
    assert found["resultaten"][0]["kvkNummer"] == "68750110"
    assert (await kvk.get("v1/basisprofielen/68750110")).json()["kvkNummer"] == "68750110"
    # its validators: a number exists when Zoeken finds it
    for name, value in (("rsin", "857587973"), ("vestigingsnummer", "000037178598")):
        assert (await kvk.get("v2/zoeken", params={name: value})).json()["resultaten"], name
    # its prefill: the paths it reads
    profiel = (await kvk.get("v1/basisprofielen/68750110")).json()
    hoofd = profiel["_embedded"]["hoofdvestiging"]
    assert profiel["_embedded"]["eigenaar"]["rsin"] == "857587973"
    assert (hoofd["vestigingsnummer"], hoofd["voltijdWerkzamePersonen"]) == ("000037178598", 1)
    bezoek = next(item for item in hoofd["adressen"] if item["type"] == "bezoekadres")
    assert (bezoek["straatnaam"], bezoek["huisnummer"], bezoek["huisnummerToevoeging"]) == ("Hizzaarderlaan", 3, "A")
    assert "rsin" not in hoofd and "handelsnamen" not in hoofd  # as the KvK embeds it


async def test_a_bv_is_found_as_its_vestigingen_and_as_rechtspersoon(kvk: httpx.AsyncClient) -> None:
    found = (await kvk.get("v2/zoeken", params={"kvkNummer": "68750110"})).json()
    assert [item["type"] for item in found["resultaten"]] == ["hoofdvestiging", "nevenvestiging", "rechtspersoon"]
    rechtspersoon = found["resultaten"][2]
    assert (rechtspersoon["rsin"], rechtspersoon["naam"]) == ("857587973", "Test BV Donald")
    assert "vestigingsnummer" not in rechtspersoon and list(rechtspersoon["_links"]) == ["basisprofiel"]
    only = (await kvk.get("v2/zoeken", params={"kvkNummer": "68750110", "type": "rechtspersoon"})).json()
    assert [item["type"] for item in only["resultaten"]] == ["rechtspersoon"]


async def test_zoeken_by_address_name_and_place(kvk: httpx.AsyncClient) -> None:
    by_address = (await kvk.get("v2/zoeken", params={"postcode": "8823sj", "huisnummer": "3"})).json()
    [vestiging, rechtspersoon] = by_address["resultaten"]
    assert vestiging["adres"]["binnenlandsAdres"] == {
        "type": "bezoekadres",
        "straatnaam": "Hizzaarderlaan",
        "huisnummer": 3,
        "postcode": "8823SJ",
        "plaats": "Lollum",
    }
    assert rechtspersoon["type"] == "rechtspersoon"
    by_name = (await kvk.get("v2/zoeken", params={"naam": "NEVENVESTIGING"})).json()
    assert {item["vestigingsnummer"] for item in by_name["resultaten"]} == {"000038509520", "000037178601"}
    by_place = (await kvk.get("v2/zoeken", params={"plaats": "maastricht"})).json()
    assert [item["naam"] for item in by_place["resultaten"]] == ["Test EMZ Nevenvestiging Govert"]
    by_postbus = (await kvk.get("v2/zoeken", params={"postcode": "1000AE", "postbusnummer": "200"})).json()
    assert by_postbus["resultaten"][0]["vestigingsnummer"] == "000037178598"


async def test_a_postbus_finds_its_candidates_by_index(nhr_database: Database) -> None:
    async with nhr_database.read() as connection:
        found = await repository.kandidaten(connection, Zoekvraag(postbusnummer=200, postcode="1000AE"))
        none = await repository.kandidaten(connection, Zoekvraag(postbusnummer=999))
    assert found == ["68750110"] and none == []  # not every enterprise, filtered afterwards


async def test_a_shielded_address_shows_only_its_place(kvk: httpx.AsyncClient) -> None:
    found = (await kvk.get("v2/zoeken", params={"kvkNummer": "90001354", "type": "hoofdvestiging"})).json()
    assert found["resultaten"][0]["adres"]["binnenlandsAdres"] == {"type": "postadres", "plaats": "Sterksel"}
    profiel = (await kvk.get("v1/vestigingsprofielen/990000541921")).json()
    assert profiel["adressen"] == [
        {"type": "bezoekadres", "indAfgeschermd": "Ja", "plaats": "Sterksel", "land": "Nederland"}
    ]
    lijst = (await kvk.get("v1/basisprofielen/90001354/vestigingen")).json()
    assert lijst["vestigingen"][0]["indAdresAfgeschermd"] == "Ja" and "volledigAdres" not in lijst["vestigingen"][0]


async def test_zoeken_pages(kvk: httpx.AsyncClient) -> None:
    first = (await kvk.get("v2/zoeken", params={"naam": "test", "resultatenPerPagina": "2"})).json()
    assert (first["pagina"], first["resultatenPerPagina"], first["totaal"]) == (1, 2, 5)
    assert "vorige" not in first and first["volgende"].endswith("naam=test&pagina=2&resultatenperpagina=2")
    last = (await kvk.get(first["volgende"].replace("&pagina=2&", "&pagina=3&"))).json()
    assert len(last["resultaten"]) == 1 and "volgende" not in last and last["vorige"]
    beyond = await kvk.get("v2/zoeken", params={"naam": "test", "resultatenPerPagina": "2", "pagina": "4"})
    _fout(beyond, 404, "IPD5200")


async def test_the_profiles_of_a_vestiging_an_owner_and_the_vestigingen(kvk: httpx.AsyncClient) -> None:
    profiel = (await kvk.get("v1/vestigingsprofielen/000037178598")).json()
    assert [item["type"] for item in profiel["adressen"]] == ["correspondentieadres", "bezoekadres"]
    assert profiel["adressen"][0]["postbusnummer"] == 200 and profiel["rsin"] == "857587973"
    assert profiel["links"] == [
        {"rel": "self", "href": f"{KVK}/v1/vestigingsprofielen/000037178598"},
        {"rel": "basisprofiel", "href": f"{KVK}/v1/basisprofielen/68750110"},
    ]
    vve = (await kvk.get("v1/basisprofielen/90000749/eigenaar")).json()
    assert (vve["rsin"], vve["adressen"][0]["plaats"]) == ("992340597", "Dordrecht")  # no vestigingen: its own
    emz = (await kvk.get("v1/basisprofielen/69599084/eigenaar")).json()
    assert "adressen" not in emz and "rsin" not in emz
    lijst = (await kvk.get("v1/basisprofielen/69599084/vestigingen")).json()
    assert (lijst["totaalAantalVestigingen"], lijst["aantalCommercieleVestigingen"]) == (2, 2)
    hoofd = (await kvk.get("v1/basisprofielen/69599084/hoofdvestiging")).json()
    assert hoofd["vestigingsnummer"] == "000038509504" and len(hoofd["handelsnamen"]) == 4
    _fout(await kvk.get("v1/basisprofielen/90000749/hoofdvestiging"), 404, "IPD0005")


async def test_zoeken_v1_answers_in_its_own_shape(kvk: httpx.AsyncClient) -> None:
    found = (await kvk.get("v1/zoeken", params={"handelsnaam": "dagobert"})).json()
    assert (found["pagina"], found["aantal"], found["totaal"]) == (1, 10, 1)
    [item] = found["resultaten"]
    assert (item["handelsnaam"], item["straatnaam"], item["plaats"]) == (
        "Test EMZ Dagobert",
        "Abebe Bikilalaan",
        "Amsterdam",
    )
    assert item["links"][0] == {"rel": "basisprofiel", "href": f"{KVK}/v1/basisprofielen/69599084"}


@pytest.mark.parametrize(
    ("path", "params", "fout", "named"),
    [
        ("v1/basisprofielen/12345678", {}, (404, "IPD0005"), "12345678"),  # what the KvK answers: not registered
        ("v1/basisprofielen/1234567", {}, (400, "IPD0004"), "1234567"),
        ("v1/basisprofielen/6959908a", {}, (400, "IPD0004"), "6959908a"),
        ("v1/basisprofielen/6959908%00", {}, (400, "IPD1999"), "kvkNummer"),  # a NUL character
        ("v1/vestigingsprofielen/12345678", {}, (400, "IPD0006"), "12345678"),
        ("v1/vestigingsprofielen/665544332211", {}, (404, "IPD0007"), "665544332211"),
        ("v2/zoeken", {"kvkNummer": "12345678"}, (404, "IPD5200"), "zoekparameters"),
        ("v2/zoeken", {"kvkNummer": "1234567"}, (400, "IPD0004"), "1234567"),
        ("v2/zoeken", {"naam": "te\x00st"}, (400, "IPD1999"), "naam"),
        ("v2/zoeken", {}, (400, "IPD1999"), "zoekparameter"),
        (
            "v2/zoeken",
            {"postcode": "1000AE", "postbusnummer": "200", "huisnummer": "3"},
            (400, "IPD1999"),
            "postbusnummer",
        ),
        ("v2/zoeken", {"rsin": "123456789"}, (400, "IPD0010"), "123456789"),  # fails the 11-proef
        ("v2/zoeken", {"rsin": "123456782"}, (404, "IPD5200"), "zoekparameters"),  # passes, not registered
        ("v2/zoeken", {"vestigingsnummer": "665544332211"}, (404, "IPD5200"), "zoekparameters"),
        ("v2/zoeken", {"naam": "%"}, (404, "IPD5200"), "zoekparameters"),  # a wildcard is a character
        ("v2/zoeken", {"postcode": "1034WL"}, (400, "IPD1999"), "postcode"),
        ("v2/zoeken", {"huisnummer": "17"}, (400, "IPD1999"), "huisnummer"),
        ("v2/zoeken", {"postcode": "10344WL", "huisnummer": "17"}, (400, "IPD1999"), "postcode"),
        ("v2/zoeken", {"type": "filiaal"}, (400, "IPD1999"), "type"),
        ("v2/zoeken", {"naam": "x" * 501}, (400, "IPD1999"), "naam"),
        ("v2/zoeken", {"naam": "test", "pagina": "0"}, (400, "IPD1999"), "pagina"),
        ("v2/zoeken", {"naam": "test", "resultatenPerPagina": "101"}, (400, "IPD1999"), "resultatenPerPagina"),
        ("v2/zoeken", {"naam": "test", "inclusiefInactieveRegistraties": "ja"}, (400, "IPD1999"), "inclusief"),
        ("v2/zoeken", {"kvknummer": "69599084", "onbekend": "1"}, (400, "IPD1999"), "onbekend"),
        ("v1/basisprofielen/69599084", {"geoData": "misschien"}, (400, "IPD1999"), "geoData"),
        ("v1/bestaatniet", {}, (404, "IPD0001"), "bestaat niet"),
    ],
)
async def test_bad_input_is_refused_in_the_kvk_shape_naming_what_was_wrong(
    kvk: httpx.AsyncClient, path: str, params: dict[str, str], fout: tuple[int, str], named: str
) -> None:
    assert named in _fout(await kvk.get(path, params=params), *fout)


async def test_access_goes_through_digikoppeling(nhr_app: FastAPI) -> None:
    async with http_client(nhr_app) as anonymous:
        refused = await anonymous.get("/kvk/api/v1/basisprofielen/69599084")
        _fout(refused, 401, "authentication")
    async with http_client(nhr_app, ZONDER_NHR) as other:
        _fout(await other.get("/kvk/api/v2/zoeken", params={"kvkNummer": "69599084"}), 403, "autorisation")
    database = nhr_app.state.context.database
    async with unit_of_work(database) as uow:
        _, sleutel = await digikoppeling.issue_api_sleutel(uow, AFNEMER, "KvK-client")
    async with http_client(nhr_app) as keyed:
        answer = await keyed.get("/kvk/api/v1/basisprofielen/69599084", headers={"apikey": sleutel})
        assert answer.status_code == 200 and answer.json()["naam"] == "Test EMZ Dagobert"
        _fout(
            await keyed.get("/kvk/api/v1/basisprofielen/69599084", headers={"apikey": "onbekend"}), 403, "autorisation"
        )


async def test_the_document_is_the_kvk_documents_merged(kvk: httpx.AsyncClient) -> None:
    document = (await kvk.get("openapi.json")).json()
    assert set(document["paths"]) == {
        "/v1/basisprofielen/{kvkNummer}",
        "/v1/basisprofielen/{kvkNummer}/eigenaar",
        "/v1/basisprofielen/{kvkNummer}/hoofdvestiging",
        "/v1/basisprofielen/{kvkNummer}/vestigingen",
        "/v1/vestigingsprofielen/{vestigingsnummer}",
        "/v1/zoeken",
        "/v2/zoeken",
    }
    references = set(_references(document))
    schemas = {f"#/components/{kind}/{name}" for kind, members in document["components"].items() for name in members}
    assert references and references <= schemas
    assert document["components"]["securitySchemes"]["ApiKeyAuth"]["name"] == "apikey"


def _references(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [
            str(item) if key == "$ref" else ref
            for key, item in value.items()
            for ref in ([item] if key == "$ref" else _references(item))
        ]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []
