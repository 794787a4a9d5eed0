# SPDX-License-Identifier: EUPL-1.2
"""DigiD's OpenID Provider with a relying party that is not our code: Authlib's OAuth 2.0 client
runs the authorization code flow with PKCE (the browser's part — the login form — posted by hand),
and Authlib's OIDC claims checks validate the ID token. Then what must be refused: an unregistered
client or redirect URI (never redirected), a missing PKCE, a wrong verifier, a code used twice, a
wrong password, a locked account, a level that cannot be reached yet, a bad token."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oidc.core import CodeIDToken
from fastapi import FastAPI
from joserfc import jwt
from joserfc.jwk import KeySet

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.stelsel.digid import service
from opengdi.stelsel.digid.niveaus import Niveau
from tests.conftest import BASE_URL, scratch_database, settings_for

REDIRECT = "https://dienst.example/inloggen/klaar"
BSN, GEBRUIKER, WACHTWOORD = "999993653", "suzanne", "Welkom01!"
ISSUER = f"{BASE_URL}/digid"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
async def digid(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    """A DigiD with one account and two relying parties (basis, and one requiring midden): the
    application, and per party its client_id and secret."""
    async with scratch_database(request.param, tmp_path_factory.mktemp("digid")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        await service.maak_account(database, BSN, GEBRUIKER, WACHTWOORD)
        basis = await service.registreer_client(
            database, "Gemeente Proefstad", "00000099900000001000", [REDIRECT], Niveau.BASIS
        )
        midden = await service.registreer_client(
            database, "Belastingdienst", "00000099900000002000", [REDIRECT], Niveau.MIDDEN
        )
        app = create_app(settings_for(tmp_path_factory.mktemp("digidapp")), database)
        yield app, database, basis, midden


def _rp(app: FastAPI, client: tuple[str, str], **opties: Any) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client[0],
        client[1],
        redirect_uri=REDIRECT,
        scope="openid",
        code_challenge_method="S256",
        transport=httpx.ASGITransport(app=app),
        base_url=BASE_URL,
        **opties,
    )


async def _inloggen(rp: AsyncOAuth2Client, url: str, wachtwoord: str = WACHTWOORD) -> httpx.Response:
    """The browser's part: open the login page, fill in the form, send it."""
    pagina = await rp.request("GET", withhold_token=True, url=url)
    assert pagina.status_code == 200, pagina.text
    sleutel = re.search(r'name="verzoek" value="([^"]+)"', pagina.text)
    assert sleutel is not None
    return await rp.request(
        "POST",
        withhold_token=True,
        url="/digid/oidc/inloggen",
        data={"verzoek": sleutel[1], "gebruikersnaam": GEBRUIKER, "wachtwoord": wachtwoord},
    )


async def test_a_relying_party_logs_a_citizen_in_with_authlib(digid: Any) -> None:
    app, _database, basis, _midden = digid
    async with _rp(app, basis) as rp:
        configuratie = (
            await rp.request("GET", withhold_token=True, url="/digid/.well-known/openid-configuration")
        ).json()
        assert configuratie["issuer"] == ISSUER and configuratie["code_challenge_methods_supported"] == ["S256"]
        verifier, nonce = generate_token(48), generate_token(20)
        url, state = rp.create_authorization_url(
            configuratie["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
        terug = await _inloggen(rp, url)
        assert terug.status_code == 303
        locatie = terug.headers["location"]
        assert locatie.startswith(REDIRECT) and parse_qs(urlsplit(locatie).query)["state"] == [state]
        tokens = await rp.fetch_token(
            configuratie["token_endpoint"], authorization_response=locatie, code_verifier=verifier
        )
        sleutels = KeySet.import_key_set(
            (await rp.request("GET", withhold_token=True, url=configuratie["jwks_uri"])).json()
        )
        gelezen = jwt.decode(tokens["id_token"], sleutels)
        claims = CodeIDToken(
            gelezen.claims, gelezen.header, {"iss": {"value": ISSUER}}, {"nonce": nonce, "client_id": basis[0]}
        )
        claims.validate()  # iss, aud, exp, iat, nonce as Authlib's relying party checks them
        assert claims["bsn"] == BSN and claims["sub"] != BSN and claims["acr"] == Niveau.BASIS.acr
        userinfo = (await rp.get(configuratie["userinfo_endpoint"])).json()
        assert userinfo["bsn"] == BSN and userinfo["sub"] == claims["sub"]


async def test_an_unknown_client_or_redirect_uri_is_never_redirected(digid: Any) -> None:
    app, _database, basis, _midden = digid
    async with _rp(app, basis) as rp:
        vreemd, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        for url in (vreemd.replace(basis[0], "onbekend"), vreemd.replace("dienst.example", "aanvaller.example")):
            antwoord = await rp.request("GET", withhold_token=True, url=url)
            assert antwoord.status_code == 400 and "location" not in antwoord.headers
            assert "Inloggen lukt niet" in antwoord.text and 'lang="nl"' in antwoord.text


@pytest.mark.parametrize(
    ("weg", "fout"),
    [
        ("code_challenge", "invalid_request"),
        ("nonce", "invalid_request"),
        ("response_type", "unsupported_response_type"),
    ],
)
async def test_a_request_without_pkce_nonce_or_code_flow_is_refused_to_the_relying_party(
    digid: Any, weg: str, fout: str
) -> None:
    app, _database, basis, _midden = digid
    async with _rp(app, basis) as rp:
        url, state = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        delen = urlsplit(url)
        vraag = {key: values[0] for key, values in parse_qs(delen.query).items() if key != weg}
        antwoord = await rp.request("GET", withhold_token=True, url=delen.path, params=vraag)
        assert antwoord.status_code == 303
        terug = parse_qs(urlsplit(antwoord.headers["location"]).query)
        assert terug["error"] == [fout] and terug["state"] == [state]


async def test_a_level_that_cannot_be_reached_yet_is_refused(digid: Any) -> None:
    app, _database, _basis, midden = digid
    async with _rp(app, midden) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        antwoord = await rp.request("GET", withhold_token=True, url=url)
        assert parse_qs(urlsplit(antwoord.headers["location"]).query)["error"] == ["access_denied"]


async def test_a_code_works_once_and_only_with_its_verifier(digid: Any) -> None:
    app, _database, basis, _midden = digid
    async with _rp(app, basis) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        code = parse_qs(urlsplit((await _inloggen(rp, url)).headers["location"]).query)["code"][0]
        velden = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
        fout = await rp.request(
            "POST",
            withhold_token=True,
            url="/digid/oidc/token",
            data={**velden, "code_verifier": generate_token(48)},
            auth=basis,
        )
        assert fout.status_code == 400 and fout.json()["error"] == "invalid_grant"
        again = await rp.request(
            "POST", withhold_token=True, url="/digid/oidc/token", data={**velden, "code_verifier": verifier}, auth=basis
        )
        assert again.json()["error"] == "invalid_grant"  # the code was taken by the first attempt
        verkeerd = await rp.request(
            "POST",
            withhold_token=True,
            url="/digid/oidc/token",
            data={**velden, "code_verifier": verifier},
            auth=(basis[0], "x"),
        )
        assert verkeerd.status_code == 401 and verkeerd.json()["error"] == "invalid_client"
        geen = await rp.request(
            "GET", withhold_token=True, url="/digid/oidc/userinfo", headers={"Authorization": "Bearer onzin"}
        )
        assert geen.status_code == 401 and geen.headers["www-authenticate"].startswith("Bearer")


async def test_wrong_passwords_lock_the_account(digid: Any, tmp_path: Path) -> None:
    app, database, basis, _midden = digid
    await service.maak_account(database, "999991723", "slot", WACHTWOORD)
    async with _rp(app, basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        pagina = await rp.request("GET", withhold_token=True, url=url)
        sleutel = re.search(r'name="verzoek" value="([^"]+)"', pagina.text)
        assert sleutel is not None
        meldingen = []
        for poging in ("fout1", "fout2", "fout3", "fout4", WACHTWOORD):
            antwoord = await rp.request(
                "POST",
                withhold_token=True,
                url="/digid/oidc/inloggen",
                data={"verzoek": sleutel[1], "gebruikersnaam": "slot", "wachtwoord": poging},
            )
            assert antwoord.status_code == 401 and 'role="alert"' in antwoord.text
            meldingen.append(re.search(r'role="alert" id="fout">([^<]+)<', antwoord.text)[1])  # type: ignore[index]
        assert meldingen[0] == "De gebruikersnaam of het wachtwoord is onjuist."
        assert meldingen[-1].startswith("Te veel mislukte pogingen")  # even the right password, while locked
