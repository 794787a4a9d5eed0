# SPDX-License-Identifier: EUPL-1.2
"""Autorisatiebesluiten are checked against the declarations of the deployment's blocks: the rule,
the beheer API (both databases) and the names a refusal uses for what the client asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.db import Database
from opengdi.kernel.toegang import Toegangsvraag
from opengdi.registers.brp.fields import PERSOON, parse_fields
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant, OngeldigBesluit, Weigering, check_grant, decide
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, register_organisation, settings_for
from tests.registers.brp.helpers import PERSONEN, load, persoonslijst
from tests.stelsel.digikoppeling.aansluiting import new_oin

CATALOGUS = Catalogus(tuple(SAMENSTELLING.registers()))
RAADPLEEG = "RaadpleegMetBurgerservicenummer"
ORGANISATIES = "/digikoppeling/organisaties"


def _errors(scope: str, operaties: list[str], velden: list[str]) -> list[tuple[str, str]]:
    with pytest.raises(OngeldigBesluit) as refused:
        check_grant(CATALOGUS, scope, operaties, velden)
    return [(error.name, error.reason) for error in refused.value.errors]


# ----------------------------------------------------------------------------------------- the rule
@pytest.mark.parametrize(
    ("scope", "operaties", "velden"),
    [
        ("brp", [ALLES], [ALLES]),
        ("brp", [RAADPLEEG], ["naam", "verblijfplaats.verblijfadres.postcode", "gezag", "kinderen.naam"]),
        (
            "brp",
            ["ZoekMetPostcodeEnHuisnummer", "ZoekMetAdresseerbaarObjectIdentificatie"],
            ["geboorte.datum", "gezag"],
        ),
        ("brp.beheer", ["laden", "leegmaken", "tonen"], [ALLES]),
        ("digikoppeling", ["beheer"], [ALLES]),
        ("protocollering", ["raadplegen"], ["brp", "brp.beheer", "digikoppeling", "protocollering"]),
    ],
)
def test_a_grant_of_declared_things_is_accepted(scope: str, operaties: list[str], velden: list[str]) -> None:
    check_grant(CATALOGUS, scope, operaties, velden)


def test_an_unknown_building_block_is_refused_naming_the_known_ones() -> None:
    [(name, reason)] = _errors("wkpb", [ALLES], [ALLES])
    assert name == "bouwsteen"
    assert reason == f"Onbekende bouwsteen 'wkpb'; bekend zijn: {', '.join(sorted(SAMENSTELLING.scopes()))}."


def test_an_unknown_operation_is_refused_by_its_position() -> None:
    errors = _errors("brp.beheer", ["laden", "wissen"], [ALLES])
    assert errors == [
        (
            "operaties[1]",
            "Onbekende operatie 'wissen' van bouwsteen 'brp.beheer'; bekend zijn: laden, leegmaken, tonen.",
        )
    ]
    assert _errors("brp", [RAADPLEEG, "laden"], [ALLES])[0][0] == "operaties[1]"  # another scope's operation


@pytest.mark.parametrize(
    ("operaties", "veld"),
    [
        ([RAADPLEEG], "naam.bijnaam"),
        ([RAADPLEEG], "geboorte.datum.jaar"),  # a part of a value is not a data element of its own
        ([RAADPLEEG], "rni"),  # delivered automatically, never granted on its own
        ([RAADPLEEG], "inOnderzoek"),
        ([RAADPLEEG], "verblijfplaatsBinnenland"),  # an alias: grant verblijfplaats
        (["ZoekMetPostcodeEnHuisnummer"], "nationaliteiten"),  # not in a search answer
        (["ZoekMetPostcodeEnHuisnummer"], "gezag"),  # only the search by BAG object answers with gezag
    ],
)
def test_an_unknown_field_is_refused_by_its_position(operaties: list[str], veld: str) -> None:
    assert _errors("brp", operaties, ["naam", veld]) == [
        ("velden[1]", f"Onbekend gegeven '{veld}' voor bouwsteen 'brp' en deze operaties.")
    ]


def test_a_block_without_separate_data_elements_takes_only_the_star() -> None:
    [(name, reason)] = _errors("brp.beheer", ["laden"], ["naam"])
    assert (name, reason) == (
        "velden[0]",
        "Bouwsteen 'brp.beheer' kent voor deze operaties geen afzonderlijke gegevens; gebruik '*'.",
    )
    assert _errors("protocollering", ["raadplegen"], ["wkpb"])[0][0] == "velden[0]"


def test_every_error_of_a_grant_is_reported_at_once() -> None:
    errors = _errors("brp", ["Zoek", RAADPLEEG], ["naam", "x", "y"])
    assert [name for name, _ in errors] == ["operaties[0]", "velden[1]", "velden[2]"]


def test_every_demo_grant_names_declared_things() -> None:
    for item in demo_organisaties(SAMENSTELLING):
        for grant in item.grants:
            check_grant(CATALOGUS, grant.bouwsteen, sorted(grant.operaties), grant.velden)


# ----------------------------------------------------------------------------------------- naming what was asked
def _grant(*velden: str) -> Grant:
    return Grant(1, "brp", "TEST", "test", frozenset({RAADPLEEG}), velden)


def _vraag(*fields: str) -> Toegangsvraag:
    selection, errors = parse_fields(list(fields), PERSOON)
    assert errors == []
    return Toegangsvraag("brp", RAADPLEEG, selection.paths(), tuple(selection.asked.items()))


def _refused(grant: Grant, vraag: Toegangsvraag) -> Weigering:
    with pytest.raises(Weigering) as refused:
        decide([grant], vraag, doelbinding=None)
    return refused.value


def test_a_binnenland_alias_is_allowed_to_whom_the_target_is_granted() -> None:
    besluit = decide(
        [_grant("verblijfplaats", "adressering")],
        _vraag("verblijfplaatsBinnenland", "adresseringBinnenland"),
        doelbinding=None,
    )
    assert besluit.doelbinding == "TEST"
    decide(
        [_grant("verblijfplaats.datumVan")],
        _vraag("verblijfplaatsBinnenland.datumVan"),
        doelbinding=None,
    )


@pytest.mark.parametrize(
    ("granted", "asked"),
    [
        (("naam.voornamen",), "naam"),
        (("verblijfplaats.verblijfadres",), "verblijfplaatsBinnenland"),
        (("adressering.adresregel1",), "adresseringBinnenland"),
        (("geboorte.plaats",), "geboorte.datum.jaar"),
    ],
)
def test_a_refusal_names_the_field_as_the_client_asked_it(granted: tuple[str, ...], asked: str) -> None:
    refused = _refused(_grant(*granted), _vraag(asked, *granted))
    assert refused.code == "unauthorizedField"
    assert refused.detail == f"Niet geautoriseerd voor: {asked}."


# ----------------------------------------------------------------------------------------- through the API
def _besluit(**changes: Any) -> dict[str, Any]:
    return {
        "bouwsteen": "brp",
        "doelbinding": "PROEF",
        "omschrijving": "Proef",
        "operaties": [ALLES],
        "velden": [ALLES],
        **changes,
    }


@pytest.mark.parametrize(
    ("changes", "parameter"),
    [
        ({"bouwsteen": "wkpb"}, "bouwsteen"),
        ({"operaties": [RAADPLEEG, "Verwijder"]}, "operaties[1]"),
        ({"velden": ["naam", "naam.bijnaam"]}, "velden[1]"),
        ({"bouwsteen": "digikoppeling", "operaties": ["beheer"], "velden": ["naam"]}, "velden[0]"),
    ],
)
async def test_the_beheer_api_refuses_an_undeclared_grant_and_stores_nothing(
    database: Database, tmp_path: Path, changes: dict[str, Any], parameter: str
) -> None:
    oin = new_oin()
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        await http.post(ORGANISATIES, json={"naam": "Proef", "soort": "zbo", "oin": oin})
        response = await http.post(f"{ORGANISATIES}/{oin}/autorisaties", json=_besluit(**changes))
        shown = await http.get(f"{ORGANISATIES}/{oin}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert [item["name"] for item in problem["invalidParams"]] == [parameter]
    assert problem["invalidParams"][0]["code"] == "enum"
    assert "Onbekend" in problem["invalidParams"][0]["reason"] or "gebruik '*'" in problem["invalidParams"][0]["reason"]
    assert shown.json()["autorisaties"] == []


async def test_the_beheer_api_accepts_a_declared_grant(database: Database, tmp_path: Path) -> None:
    oin = new_oin()
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        await http.post(ORGANISATIES, json={"naam": "Proef", "soort": "zbo", "oin": oin})
        response = await http.post(
            f"{ORGANISATIES}/{oin}/autorisaties", json=_besluit(operaties=[RAADPLEEG], velden=["verblijfplaats"])
        )
    assert response.status_code == 201
    assert (response.json()["operaties"], response.json()["velden"]) == ([RAADPLEEG], ["verblijfplaats"])


BSN = "000000036"
ADRES = {"09.10": "0599", "11.10": "Coolsingel", "11.20": "40", "11.60": "3011AD", "11.70": "Rotterdam"}


async def _afnemer(database: Database, *velden: str) -> str:
    """An afnemer that may look persons up by BSN (the parameter needs ``burgerservicenummer``) and
    see ``velden``."""
    oin = new_oin()
    grant = Grant(0, "brp", "TEST", "Test", frozenset({RAADPLEEG}), ("burgerservicenummer", *velden))
    await register_organisation(database, Organisatie(oin, f"Afnemer {oin[-6:]}", "zbo"), [grant])
    return oin


def _raadpleeg(*fields: str) -> dict[str, Any]:
    return {"type": RAADPLEEG, "burgerservicenummer": [BSN], "fields": list(fields)}


async def test_an_afnemer_granted_verblijfplaats_may_ask_the_binnenland_aliases(
    empty_database: Database, tmp_path: Path
) -> None:
    app = create_app(settings_for(tmp_path), empty_database)
    async with http_client(app, BRONHOUDER) as beheer:
        await load(beheer, persoonslijst(BSN, c01=[{"02.40": "Vries"}], c08=[ADRES]))
    oin = await _afnemer(empty_database, "verblijfplaats", "adressering")
    async with http_client(app, oin) as http:
        response = await http.post(
            PERSONEN, json=_raadpleeg("verblijfplaatsBinnenland", "adresseringBinnenland.adresregel1")
        )
    assert response.status_code == 200, response.text
    [persoon] = response.json()["personen"]
    assert persoon["verblijfplaats"]["verblijfadres"]["korteStraatnaam"] == "Coolsingel"
    assert persoon["adressering"]["adresregel1"] == "Coolsingel 40"


@pytest.mark.parametrize(
    ("granted", "asked"),
    [
        (("naam.voornamen",), "naam"),
        (("verblijfplaats.verblijfadres",), "verblijfplaatsBinnenland"),
    ],
)
async def test_a_refused_field_is_named_as_the_client_asked_it(
    database: Database, tmp_path: Path, granted: tuple[str, ...], asked: str
) -> None:
    oin = await _afnemer(database, *granted)
    async with http_client(create_app(settings_for(tmp_path), database), oin) as http:
        response = await http.post(PERSONEN, json=_raadpleeg(asked))
    problem = response.json()
    assert (response.status_code, problem["code"]) == (403, "unauthorizedField")
    assert problem["detail"] == f"Niet geautoriseerd voor: {asked}."
