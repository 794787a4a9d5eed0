# SPDX-License-Identifier: EUPL-1.2
"""The register's beheer API (Logius), the demo register, and a deployment without authentication."""

from __future__ import annotations

import asyncio
import uuid
import warnings
from pathlib import Path
from typing import Any

import pytest
from joserfc.jwk import ECKey, RSAKey
from pydantic import ValidationError

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import bsn_check_digit, is_valid_rsin
from opengdi.settings import Deployment
from opengdi.stelsel.digikoppeling.client import client_assertion, token_request
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.oin import is_valid_oin
from opengdi.stelsel.digikoppeling.schemas import OrganisatieNieuw
from opengdi.stelsel.digikoppeling.tokens import unverified_claims
from tests.conftest import BASE_URL, demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import PERSONEN
from tests.stelsel.digikoppeling.aansluiting import TOKEN_PATH

ORGANISATIES = "/digikoppeling/organisaties"


def _rsin() -> str:
    """A fresh valid RSIN (11-proef)."""
    while True:
        first = f"{uuid.uuid4().int % 10**8:08d}"
        digit = bsn_check_digit(first)
        if digit is not None and is_valid_rsin(f"{first}{digit}"):
            return f"{first}{digit}"


async def test_logius_registers_an_organisation_grants_and_revokes(database: Database, tmp_path: Path) -> None:
    rsin = _rsin()
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        created = await http.post(
            ORGANISATIES, json={"naam": "Gemeente Proefstad", "soort": "gemeente", "rsin": rsin, "gemeentecode": "9999"}
        )
        oin = created.json()["oin"]
        duplicate = await http.post(ORGANISATIES, json={"naam": "Dubbel", "soort": "gemeente", "oin": oin})
        grant = await http.post(
            f"{ORGANISATIES}/{oin}/autorisaties",
            json={
                "bouwsteen": "brp",
                "doelbinding": "PROEF",
                "omschrijving": "Proef",
                "operaties": ["*"],
                "velden": ["naam"],
                "alleenEigenGemeente": True,
            },
        )
        shown = await http.get(f"{ORGANISATIES}/{oin}")
        revoked_grant = await http.delete(f"/digikoppeling/autorisaties/{grant.json()['id']}")
        revoked = await http.post(f"{ORGANISATIES}/{oin}/intrekking")
        again = await http.post(f"{ORGANISATIES}/{oin}/intrekking")
    assert created.status_code == 201 and oin == f"00000001{rsin}000"
    assert duplicate.status_code == 409
    assert grant.status_code == 201 and grant.json()["velden"] == ["naam"]
    assert grant.json()["beperkingen"] == {"gemeenteVanInschrijving": "9999"}
    assert shown.json()["autorisaties"][0]["doelbinding"] == "PROEF"
    assert (revoked_grant.status_code, revoked.json()["actief"], again.status_code) == (204, False, 404)


@pytest.mark.parametrize(
    ("body", "parameter", "expected"),
    [
        ({"naam": "X", "soort": "gemeente", "rsin": "123456789"}, "rsin", ("value", "Waarde is geen geldig RSIN.")),
        (
            {"naam": "X", "soort": "gemeente", "oin": "12345678901234567890"},
            "oin",
            ("value", "Waarde is geen geldig OIN."),
        ),
        ({"naam": "X", "soort": "privaat", "kvkNummer": "1234"}, "kvkNummer", ("pattern", "patroon ^[0-9]{8}$")),
        (
            {"naam": "X", "soort": "gemeente"},
            "oin",
            ("required", "Parameter is verplicht als rsin en kvkNummer ontbreken."),
        ),
        ({"naam": "X", "soort": "vereniging", "kvkNummer": "12345678"}, "soort", ("enum", "enumeratie")),
    ],
)
async def test_a_bad_organisation_is_refused_with_the_offending_parameter(
    database: Database, tmp_path: Path, body: dict[str, str], parameter: str, expected: tuple[str, str]
) -> None:
    code, reason = expected
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        before = (await http.get(ORGANISATIES)).json()
        response = await http.post(ORGANISATIES, json=body)
        after = (await http.get(ORGANISATIES)).json()
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    invalid = response.json()["invalidParams"]
    assert [(param["name"], param["code"]) for param in invalid] == [(parameter, code)]
    assert reason in invalid[0]["reason"]
    assert after == before


def _short_rsa_public_jwk() -> dict[str, Any]:
    with warnings.catch_warnings(action="ignore"):
        return RSAKey.generate_key(1024, private=True).as_dict(private=False)


@pytest.mark.parametrize(
    ("jwk", "parameter", "reason"),
    [
        ({"kty": "RSA", "n": "abc", "e": "AQAB", "d": "geheim"}, "d", "nooit de private"),
        ({"kty": "RSA", "n": "abc", "e": "AQAB"}, "kty", "Waarde is geen geldige publieke sleutel (JWK)."),
        ({"kty": "RSA", "e": "AQAB"}, "kty", "Waarde is geen geldige publieke sleutel (JWK)."),
        (_short_rsa_public_jwk(), "n", "minstens 2048 bits"),
        (ECKey.generate_key("P-384").as_dict(private=False), "kty", "P-256"),
        ({**ECKey.generate_key("P-256").as_dict(private=False), "kid": "k" * 101}, "kid", "hoogstens 100"),
    ],
)
@pytest.mark.filterwarnings("ignore:Key size should be")
async def test_a_bad_client_key_is_refused_with_the_offending_member(
    database: Database, tmp_path: Path, jwk: dict[str, Any], parameter: str, reason: str
) -> None:
    logius = demo_afnemer("Logius").oin
    async with http_client(create_app(settings_for(tmp_path), database), logius) as http:
        response = await http.post(f"{ORGANISATIES}/{logius}/sleutels", json=jwk)
    assert response.status_code == 400, response.text
    invalid = response.json()["invalidParams"]
    assert [param["name"] for param in invalid] == [parameter]
    assert reason in invalid[0]["reason"]


async def test_an_ec_key_registered_once_signs_es256_assertions(database: Database, tmp_path: Path) -> None:
    logius = demo_afnemer("Logius").oin
    key = ECKey.generate_key("P-256", private=True)
    assertion = client_assertion(key.as_pem(private=True).decode(), logius, f"{BASE_URL}{TOKEN_PATH}")
    async with http_client(create_app(settings_for(tmp_path), database), logius) as http:
        first = await http.post(f"{ORGANISATIES}/{logius}/sleutels", json=key.as_dict(private=False))
        again = await http.post(f"{ORGANISATIES}/{logius}/sleutels", json=key.as_dict(private=False))
        token = await http.post(TOKEN_PATH, data=token_request(logius, assertion))
    assert first.status_code == 201
    assert first.json() == {"oin": logius, "kid": key.thumbprint()}
    assert again.status_code == 400
    assert again.json()["invalidParams"][0]["name"] == "kid"
    assert token.status_code == 200, token.text
    assert unverified_claims(token.json()["access_token"])["sub"] == logius


@pytest.mark.parametrize(
    ("method", "path", "parameter"),
    [
        ("DELETE", "/digikoppeling/autorisaties/99999999999", "grant_id"),
        ("DELETE", "/digikoppeling/autorisaties/0", "grant_id"),
        ("GET", "/digikoppeling/protocollering?offset=100000000000000000000", "offset"),
    ],
)
async def test_an_id_or_offset_out_of_range_is_a_bad_request(
    database: Database, tmp_path: Path, method: str, path: str, parameter: str
) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        response = await http.request(method, path)
    assert response.status_code == 400, response.text
    assert [param["name"] for param in response.json()["invalidParams"]] == [parameter]


async def test_the_same_organisation_registered_twice_at_once_is_a_conflict(database: Database, tmp_path: Path) -> None:
    body = {"naam": "Tweeling", "soort": "privaat", "rsin": _rsin()}
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        answers = await asyncio.gather(*(http.post(ORGANISATIES, json=body) for _ in range(4)))
    assert sorted(answer.status_code for answer in answers) == [201, 409, 409, 409]


async def test_only_the_register_keeper_may_manage_it(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Belastingdienst").oin) as http:
        response = await http.get(ORGANISATIES)
    assert response.status_code == 403


async def test_the_token_endpoint_is_described_by_metadata(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), database)) as http:
        metadata = (await http.get("/digikoppeling/.well-known/oauth-authorization-server")).json()
    assert metadata["token_endpoint"] == "http://testserver/digikoppeling/oauth2/token"
    assert "private_key_jwt" in metadata["token_endpoint_auth_methods_supported"]


def test_the_demo_register_holds_every_municipality_province_and_agency() -> None:
    demo = demo_organisaties(SAMENSTELLING)
    soorten = [item.organisatie.soort for item in demo]
    assert (soorten.count("gemeente"), soorten.count("provincie")) == (403, 12)
    assert {soorten.count("zbo"), soorten.count("waterschap")} == {10, 5}
    assert all(is_valid_oin(item.organisatie.oin) for item in demo)
    assert len({item.organisatie.oin for item in demo}) == len(demo)
    amsterdam = next(item for item in demo if item.organisatie.naam == "Gemeente Amsterdam")
    assert (amsterdam.organisatie.oin, amsterdam.organisatie.gemeentecode) == ("00000099100000363000", "0363")
    assert amsterdam.grants[0].beperkingen == {"gemeenteVanInschrijving": "0363"}
    belasting = next(item for item in demo if item.organisatie.naam == "Belastingdienst")
    assert "aNummer" not in belasting.grants[0].velden and not belasting.grants[0].beperkingen


async def test_without_authentication_a_test_deployment_is_open(database: Database, tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path, authenticatie="uit"), database)
    async with http_client(app) as http:
        response = await http.post(
            PERSONEN,
            json={"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999999999"], "fields": ["naam"]},
        )
    assert response.status_code == 200


def test_authentication_cannot_be_switched_off_in_production(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="productie"):
        settings_for(tmp_path, authenticatie="uit", deployment=Deployment.PRODUCTIE)


_GRANT = {"bouwsteen": "brp", "doelbinding": "PROEF", "omschrijving": "Proef", "operaties": ["*"], "velden": ["naam"]}


async def _new_organisation(http: Any, gemeentecode: str | None) -> str:
    body = {"naam": "Proeforganisatie", "soort": "gemeente" if gemeentecode else "zbo", "rsin": _rsin()}
    created = await http.post(ORGANISATIES, json={**body, **({"gemeentecode": gemeentecode} if gemeentecode else {})})
    assert created.status_code == 201, created.text
    return str(created.json()["oin"])


@pytest.mark.parametrize(
    ("extra", "beperkingen"),
    [
        ({"beperkingen": {"gemeenteVanInschrijving": "0518"}}, {"gemeenteVanInschrijving": "0518"}),
        ({"beperkingen": {"gemeenteVanInschrijving": "eigen"}}, {"gemeenteVanInschrijving": "0599"}),
        ({"alleenEigenGemeente": True}, {"gemeenteVanInschrijving": "0599"}),
        ({"alleenEigenGemeente": False}, {}),
        ({}, {}),
    ],
)
async def test_a_grant_stores_the_restrictions_its_block_declares(
    database: Database, tmp_path: Path, extra: dict[str, Any], beperkingen: dict[str, str]
) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        oin = await _new_organisation(http, "0599")
        grant = await http.post(f"{ORGANISATIES}/{oin}/autorisaties", json={**_GRANT, **extra})
        shown = await http.get(f"{ORGANISATIES}/{oin}")
    assert grant.status_code == 201, grant.text
    assert grant.json()["beperkingen"] == beperkingen
    assert shown.json()["autorisaties"][0]["beperkingen"] == beperkingen


@pytest.mark.parametrize(
    ("gemeentecode", "extra", "parameter"),
    [
        ("0599", {"beperkingen": {"woonplaats": "Delft"}}, "beperkingen.woonplaats"),
        ("0599", {"beperkingen": {"gemeenteVanInschrijving": "Rotterdam"}}, "beperkingen.gemeenteVanInschrijving"),
        (
            "0599",
            {"bouwsteen": "brp.beheer", "velden": ["*"], "beperkingen": {"gemeenteVanInschrijving": "0599"}},
            "beperkingen.gemeenteVanInschrijving",
        ),
        (
            "0599",
            {"bouwsteen": "protocollering", "velden": ["brp"], "alleenEigenGemeente": True},
            "alleenEigenGemeente",
        ),
        (None, {"alleenEigenGemeente": True}, "alleenEigenGemeente"),
        (None, {"beperkingen": {"gemeenteVanInschrijving": "eigen"}}, "beperkingen.gemeenteVanInschrijving"),
    ],
)
async def test_a_restriction_the_block_does_not_declare_is_refused_naming_it(
    database: Database, tmp_path: Path, gemeentecode: str | None, extra: dict[str, Any], parameter: str
) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        oin = await _new_organisation(http, gemeentecode)
        refused = await http.post(f"{ORGANISATIES}/{oin}/autorisaties", json={**_GRANT, **extra})
        shown = await http.get(f"{ORGANISATIES}/{oin}")
    assert refused.status_code == 400, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    assert [item["name"] for item in refused.json()["invalidParams"]] == [parameter]
    assert shown.json()["autorisaties"] == []


def test_every_cbs_code_of_the_register_is_accepted() -> None:
    codes = {item.organisatie.cbs_code for item in demo_organisaties(SAMENSTELLING) if item.organisatie.cbs_code}
    assert any(code.startswith("PV") for code in codes) and any(code.startswith("GM") for code in codes)
    for code in codes:
        assert OrganisatieNieuw.model_validate({"naam": "x", "soort": "zbo", "cbsCode": code}).cbs_code == code


async def test_a_province_is_registered_with_its_cbs_code(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        created = await http.post(
            ORGANISATIES, json={"naam": "Provincie Proef", "soort": "provincie", "rsin": _rsin(), "cbsCode": "PV99"}
        )
        wrong = await http.post(
            ORGANISATIES, json={"naam": "Provincie Fout", "soort": "provincie", "rsin": _rsin(), "cbsCode": "PV9999"}
        )
    assert created.status_code == 201, created.text
    assert created.json()["cbsCode"] == "PV99"
    assert wrong.status_code == 400
    assert [(item["name"], item["code"]) for item in wrong.json()["invalidParams"]] == [("cbsCode", "pattern")]
