# SPDX-License-Identifier: EUPL-1.2
"""Search parameters are data too: searching with a value reveals that value of everyone found, so
each parameter needs the permission for the data it filters on, and a parameter the
autorisatiebesluit does not cover is a 403 ``unauthorizedParameter`` as in Haal Centraal — for every
parameter of every query type, on both databases, leaving no protocol record."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolVraag, find_records
from opengdi.registers.brp.catalogus import PARAMETER_GEGEVENS
from opengdi.registers.brp.vraag import QUERY_TYPES, Vraag, parse_vraag
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, register_organisation, settings_for
from tests.registers.brp.helpers import BEHEER, PERSONEN, persoonslijst
from tests.stelsel.digikoppeling.aansluiting import new_oin

BSN = "000000012"
ROTTERDAM = "0599"
NUMMERAANDUIDING = "0599200000000040"
ADRESSEERBAAR_OBJECT = "0599010000000040"
GEVONDEN = ["burgerservicenummer"]

#: Per query type, a request with every one of its parameters, each matching the one person loaded.
VOLLEDIG: dict[str, dict[str, Any]] = {
    "RaadpleegMetBurgerservicenummer": {
        "burgerservicenummer": [BSN],
        "gemeenteVanInschrijving": ROTTERDAM,
        "fields": ["naam.voornamen"],
    },
    "ZoekMetGeslachtsnaamEnGeboortedatum": {
        "geslachtsnaam": "Maassen",
        "geboortedatum": "1983-05-26",
        "geslacht": "M",
        "voornamen": "Pieter",
        "voorvoegsel": "van",
        "gemeenteVanInschrijving": ROTTERDAM,
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
    "ZoekMetNaamEnGemeenteVanInschrijving": {
        "gemeenteVanInschrijving": ROTTERDAM,
        "geslachtsnaam": "Maassen",
        "voornamen": "Pieter",
        "geslacht": "M",
        "voorvoegsel": "van",
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
    "ZoekMetPostcodeEnHuisnummer": {
        "postcode": "3011AD",
        "huisnummer": 40,
        "huisletter": "b",
        "huisnummertoevoeging": "2",
        "geboortedatum": "1983-05-26",
        "geslachtsnaam": "Maassen",
        "gemeenteVanInschrijving": ROTTERDAM,
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
    "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving": {
        "gemeenteVanInschrijving": ROTTERDAM,
        "huisnummer": 40,
        "straat": "Coolsingel",
        "huisletter": "b",
        "huisnummertoevoeging": "2",
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
    "ZoekMetNummeraanduidingIdentificatie": {
        "nummeraanduidingIdentificatie": NUMMERAANDUIDING,
        "gemeenteVanInschrijving": ROTTERDAM,
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
    "ZoekMetAdresseerbaarObjectIdentificatie": {
        "adresseerbaarObjectIdentificatie": ADRESSEERBAAR_OBJECT,
        "gemeenteVanInschrijving": ROTTERDAM,
        "inclusiefOverledenPersonen": True,
        "fields": GEVONDEN,
    },
}
CASES = [(query_type, name) for query_type, body in VOLLEDIG.items() for name in body if name != "fields"]


def _gegevens(query_type: str, *, behalve: str | None = None) -> tuple[str, ...]:
    """The data elements a grant needs for the full request of ``query_type``, but those ``behalve``
    reveals."""
    body = VOLLEDIG[query_type]
    revealed = {veld for name in body if name not in ("fields", behalve) for veld in PARAMETER_GEGEVENS[name]}
    return tuple(sorted(revealed | set(body["fields"])))


def _problem(parameters: str) -> dict[str, Any]:
    return {
        "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3",
        "title": "U bent niet geautoriseerd voor de gebruikte parameter(s).",
        "status": 403,
        "detail": f"U bent niet geautoriseerd voor het gebruik van parameter(s): {parameters}.",
        "code": "unauthorizedParameter",
        "instance": PERSONEN,
    }


@pytest.fixture
async def inwoner(empty_database: Database, tmp_path: Path) -> Database:
    """Pieter van Maassen, born 26 May 1983, living at Coolsingel 40 b-2 in Rotterdam."""
    lijst = persoonslijst(
        BSN,
        c01=[{"02.10": "Pieter", "02.30": "van", "02.40": "Maassen", "03.10": "19830526", "04.10": "M"}],
        c08=[
            {
                "09.10": ROTTERDAM,
                "11.10": "Coolsingel",
                "11.15": "Coolsingel",
                "11.20": "40",
                "11.30": "b",
                "11.40": "2",
                "11.60": "3011AD",
                "11.80": ADRESSEERBAAR_OBJECT,
                "11.90": NUMMERAANDUIDING,
            }
        ],
    )
    async with http_client(create_app(settings_for(tmp_path), empty_database), BRONHOUDER) as http:
        assert (await http.post(BEHEER, json={"persoonslijsten": [lijst]})).status_code == 201
    return empty_database


async def _afnemer(
    database: Database,
    velden: tuple[str, ...],
    *,
    operaties: tuple[str, ...] = ("*",),
    gemeentecode: str | None = None,
) -> str:
    """A fresh organisation with one BRP grant for ``velden``, limited to the inhabitants of
    ``gemeentecode`` when given; its OIN."""
    oin = new_oin()
    soort = "gemeente" if gemeentecode else "zbo"
    organisatie = Organisatie(oin, f"Afnemer {oin[-9:]}", soort, gemeentecode)
    beperkingen = {"gemeenteVanInschrijving": gemeentecode} if gemeentecode else {}
    grant = Grant(0, "brp", "TEST", "Zoeken testen", frozenset(operaties), velden, beperkingen)
    await register_organisation(database, organisatie, [grant])
    return oin


async def _ask(database: Database, tmp_path: Path, oin: str, body: dict[str, Any]) -> tuple[httpx.Response, int]:
    """The answer to ``body`` for ``oin``, and how many protocol records the request left."""
    request_id = f"parameters-{uuid.uuid4()}"
    async with http_client(create_app(settings_for(tmp_path), database), oin) as http:
        response = await http.post(PERSONEN, json=body, headers={"X-Request-ID": request_id})
    records = await find_records(database, ProtocolVraag(request_ids=frozenset({request_id}), limit=1000))
    return response, len(records)


@pytest.mark.parametrize(("query_type", "parameter"), CASES, ids=[f"{q}-{p}" for q, p in CASES])
async def test_a_parameter_the_grant_does_not_cover_is_refused_naming_it(
    inwoner: Database, tmp_path: Path, query_type: str, parameter: str
) -> None:
    oin = await _afnemer(inwoner, _gegevens(query_type, behalve=parameter), operaties=(query_type,))
    response, records = await _ask(inwoner, tmp_path, oin, {"type": query_type, **VOLLEDIG[query_type]})
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == _problem(parameter)
    assert records == 0


@pytest.mark.parametrize("query_type", list(VOLLEDIG))
async def test_a_grant_that_covers_every_parameter_finds_the_person(
    inwoner: Database, tmp_path: Path, query_type: str
) -> None:
    oin = await _afnemer(inwoner, _gegevens(query_type), operaties=(query_type,))
    response, records = await _ask(inwoner, tmp_path, oin, {"type": query_type, **VOLLEDIG[query_type]})
    assert response.status_code == 200, response.text
    assert len(response.json()["personen"]) == 1
    assert records == 1


async def test_every_refused_parameter_is_named(inwoner: Database, tmp_path: Path) -> None:
    oin = await _afnemer(inwoner, ("burgerservicenummer", "naam.geslachtsnaam", "geboorte.datum", "geslacht"))
    body = {"type": "ZoekMetGeslachtsnaamEnGeboortedatum", **VOLLEDIG["ZoekMetGeslachtsnaamEnGeboortedatum"]}
    response, records = await _ask(inwoner, tmp_path, oin, body)
    assert response.json() == _problem("gemeenteVanInschrijving, inclusiefOverledenPersonen, voornamen, voorvoegsel")
    assert records == 0


async def test_birth_dates_cannot_be_learned_by_searching_with_them(inwoner: Database, tmp_path: Path) -> None:
    """The waterschap may search by address and see names, not birth dates."""
    waterschap = demo_afnemer("Hoogheemraadschap van Delfland").oin
    zoek = {"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "3011AD", "huisnummer": 40, "fields": GEVONDEN}
    with_birth_date, records = await _ask(inwoner, tmp_path, waterschap, {**zoek, "geboortedatum": "1983-05-26"})
    assert (with_birth_date.json(), records) == (_problem("geboortedatum"), 0)
    with_name, records = await _ask(inwoner, tmp_path, waterschap, {**zoek, "geslachtsnaam": "Maassen"})
    assert (with_name.status_code, len(with_name.json()["personen"]), records) == (200, 1, 1)


async def test_deaths_are_a_parameter_only_when_deceased_persons_are_asked_for(
    inwoner: Database, tmp_path: Path
) -> None:
    oin = await _afnemer(inwoner, ("burgerservicenummer", "naam", "geboorte"))
    zoek = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "Maassen",
        "geboortedatum": "1983-05-26",
        "fields": GEVONDEN,
    }
    included, _ = await _ask(inwoner, tmp_path, oin, {**zoek, "inclusiefOverledenPersonen": True})
    assert included.json() == _problem("inclusiefOverledenPersonen")
    excluded, _ = await _ask(inwoner, tmp_path, oin, {**zoek, "inclusiefOverledenPersonen": False})
    assert (excluded.status_code, len(excluded.json()["personen"])) == (200, 1)


async def test_the_municipality_cannot_be_learned_with_a_lookup(inwoner: Database, tmp_path: Path) -> None:
    oin = await _afnemer(inwoner, ("burgerservicenummer", "naam"))
    raadpleeg = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [BSN], "fields": ["naam"]}
    filtered, records = await _ask(inwoner, tmp_path, oin, {**raadpleeg, "gemeenteVanInschrijving": ROTTERDAM})
    assert (filtered.json(), records) == (_problem("gemeenteVanInschrijving"), 0)
    plain, records = await _ask(inwoner, tmp_path, oin, raadpleeg)
    assert (plain.status_code, len(plain.json()["personen"]), records) == (200, 1, 1)


async def test_a_municipality_limited_to_its_inhabitants_searches_with_its_own_code(
    inwoner: Database, tmp_path: Path
) -> None:
    """It must name its own gemeente in the search; that reveals nothing it does not know already."""
    oin = await _afnemer(inwoner, ("burgerservicenummer", "naam", "geboorte.datum"), gemeentecode=ROTTERDAM)
    zoek = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "Maassen",
        "geboortedatum": "1983-05-26",
        "fields": GEVONDEN,
    }
    own, records = await _ask(inwoner, tmp_path, oin, {**zoek, "gemeenteVanInschrijving": ROTTERDAM})
    assert (own.status_code, len(own.json()["personen"]), records) == (200, 1, 1)
    elsewhere, records = await _ask(inwoner, tmp_path, oin, {**zoek, "gemeenteVanInschrijving": "0518"})
    assert (elsewhere.status_code, elsewhere.json()["code"], records) == (403, "autorisation", 0)


def _required_only(query_type: str) -> Vraag:
    """The request of ``query_type`` with only its required parameters, parsed."""
    required = (*QUERY_TYPES[query_type].required, "fields")
    body = {name: value for name, value in VOLLEDIG[query_type].items() if name in required}
    vraag, errors = parse_vraag({"type": query_type, **body})
    assert vraag is not None, errors
    return vraag


def test_every_demo_grant_covers_the_required_parameters_of_its_query_types() -> None:
    """A grant for a query type whose required parameters it does not cover could never be used."""
    unusable = []
    for item in demo_organisaties(SAMENSTELLING):
        for grant in item.grants:
            for query_type in VOLLEDIG:
                if grant.bouwsteen == "brp" and grant.allows_operation(query_type):
                    missing = grant.uncovered_parameters(_required_only(query_type).zoekparameters())
                    unusable += [(item.organisatie.naam, query_type, missing)] if missing else []
    assert unusable == []
