# SPDX-License-Identifier: EUPL-1.2
"""The register's beheer API (Logius), the demo register, and a deployment without authentication."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from pydantic import ValidationError

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import bsn_check_digit, is_valid_rsin
from opengdi.settings import Deployment
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.oin import is_valid_oin
from tests.conftest import demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import PERSONEN

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
    assert shown.json()["autorisaties"][0]["doelbinding"] == "PROEF"
    assert (revoked_grant.status_code, revoked.json()["actief"], again.status_code) == (204, False, 404)


async def test_a_bad_organisation_is_refused_with_the_offending_parameter(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), demo_afnemer("Logius").oin) as http:
        bad_rsin = await http.post(ORGANISATIES, json={"naam": "X", "soort": "gemeente", "rsin": "123456789"})
        bad_kind = await http.post(ORGANISATIES, json={"naam": "X", "soort": "vereniging", "kvkNummer": "12345678"})
        private = await http.post(
            f"{ORGANISATIES}/{demo_afnemer('Logius').oin}/sleutels",
            json={"kty": "RSA", "n": "abc", "e": "AQAB", "d": "geheim"},
        )
    assert bad_rsin.status_code == 400 and "RSIN" in bad_rsin.json()["detail"]
    assert bad_kind.status_code == 400
    assert bad_kind.json()["invalidParams"][0]["name"] == "soort"
    assert private.status_code == 400 and "private" in private.json()["detail"]


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
    demo = demo_organisaties()
    soorten = [item.organisatie.soort for item in demo]
    assert (soorten.count("gemeente"), soorten.count("provincie")) == (403, 12)
    assert {soorten.count("zbo"), soorten.count("waterschap")} == {10, 5}
    assert all(is_valid_oin(item.organisatie.oin) for item in demo)
    assert len({item.organisatie.oin for item in demo}) == len(demo)
    amsterdam = next(item for item in demo if item.organisatie.naam == "Gemeente Amsterdam")
    assert (amsterdam.organisatie.oin, amsterdam.organisatie.gemeentecode) == ("00000099100000363000", "0363")
    assert amsterdam.grants[0].alleen_eigen_gemeente
    belasting = next(item for item in demo if item.organisatie.naam == "Belastingdienst")
    assert "aNummer" not in belasting.grants[0].velden and not belasting.grants[0].alleen_eigen_gemeente


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
