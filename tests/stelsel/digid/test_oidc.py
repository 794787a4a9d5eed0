# SPDX-License-Identifier: EUPL-1.2
"""DigiD's OpenID Provider with a relying party that is not our code: Authlib's OAuth 2.0 client
runs the authorization code flow with PKCE (the browser's part — the login form — posted by hand),
and Authlib's OIDC claims checks validate the ID token. Then what must be refused: an unregistered
client or redirect URI (never redirected), a missing PKCE, a wrong verifier, a code used twice, a
wrong password, a locked account, a level that cannot be reached yet, a bad token."""

from __future__ import annotations

import html
import re
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from authlib.common.security import generate_token
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from authlib.oidc.core import CodeIDToken
from joserfc import jwe, jwt
from joserfc.jwk import KeySet, RSAKey

from opengdi.kernel.transacties import find_rows
from opengdi.stelsel.digid import accounts, diensten, service
from opengdi.stelsel.digid.aanmelden import SESSIE_GELDIG, Doorsturen, Wachtwoord, weigering_uit
from opengdi.stelsel.digid.niveaus import Niveau
from tests.stelsel.digid.conftest import (
    BSN,
    ISSUER,
    OPGESCHORT,
    OVERLEDEN,
    REDIRECT,
    UITGELOGD,
    WACHTWOORD,
    DigiD,
    melding,
    met_wachtwoord,
    open_pagina,
    post,
    relying_party,
    verzoek,
)


def _rp(digid: DigiD, client: tuple[str, str], **opties: Any) -> Any:
    return relying_party(digid.app, *client, **opties)


async def _inloggen(rp: Any, url: str, wachtwoord: str = WACHTWOORD) -> Any:
    return await met_wachtwoord(rp, url, wachtwoord=wachtwoord)


async def test_a_relying_party_logs_a_citizen_in_with_authlib(digid: DigiD) -> None:
    basis = digid.basis
    async with _rp(digid, basis) as rp:
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


async def test_an_unknown_client_or_redirect_uri_is_never_redirected(digid: DigiD) -> None:
    basis = digid.basis
    async with _rp(digid, basis) as rp:
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
    basis = digid.basis
    async with _rp(digid, basis) as rp:
        url, state = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        delen = urlsplit(url)
        vraag = {key: values[0] for key, values in parse_qs(delen.query).items() if key != weg}
        antwoord = await rp.request("GET", withhold_token=True, url=delen.path, params=vraag)
        assert antwoord.status_code == 303
        terug = parse_qs(urlsplit(antwoord.headers["location"]).query)
        assert terug["error"] == [fout] and terug["state"] == [state]


async def test_a_level_the_account_has_no_means_for_is_refused_with_the_profiles_error(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        url, state = rp.create_authorization_url(
            "/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n", acr_values=Niveau.SUBSTANTIEEL.acr
        )
        pagina = await _inloggen(rp, url)
        assert pagina.status_code == 400 and "geen middel" in melding(pagina)
        link = re.search(r'<a class="digid-knop" href="([^"]+)"', pagina.text)
        assert link is not None and html.unescape(link[1]).startswith(REDIRECT)
        terug = parse_qs(urlsplit(html.unescape(link[1])).query)
        assert terug["error"] == ["unmet_authentication_requirements"] and terug["state"] == [state]


async def test_a_code_works_once_and_only_with_its_verifier(digid: DigiD) -> None:
    basis = digid.basis
    async with _rp(digid, basis) as rp:
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


async def test_wrong_passwords_lock_the_account(digid: DigiD) -> None:
    await accounts.maak_account(digid.database, BSN, "slot", WACHTWOORD)
    async with _rp(digid, digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        sleutel = verzoek(await open_pagina(rp, url))
        meldingen = []
        for poging in ("fout1", "fout2", "fout3", "fout4", WACHTWOORD):
            antwoord = await post(rp, "/digid/oidc/inloggen", verzoek=sleutel, gebruikersnaam="slot", wachtwoord=poging)
            assert antwoord.status_code == 401
            meldingen.append(melding(antwoord))
        assert meldingen[0] == "De gebruikersnaam of het wachtwoord is onjuist."
        assert meldingen[-1].startswith("Te veel mislukte pogingen")  # even the right password, while locked


async def _code(rp: Any, url: str) -> str:
    terug = await _inloggen(rp, url)
    assert terug.status_code == 303, terug.text
    return parse_qs(urlsplit(terug.headers["location"]).query)["code"][0]


async def test_a_relying_party_with_a_key_authenticates_by_private_key_jwt(digid: DigiD) -> None:
    sleutel = RSAKey.generate_key(2048, private=True)
    publiek = {"keys": [sleutel.as_dict(private=False) | {"kid": "rp-1"}]}
    aansluiting = await diensten.registreer(
        digid.database, "Provincie Proefland", "00000099900000003000", [REDIRECT], Niveau.BASIS, jwks=publiek
    )
    assert aansluiting.secret is None
    token_endpoint = f"{ISSUER}/oidc/token"
    pem = sleutel.as_pem(private=True).decode()
    async with relying_party(
        digid.app, aansluiting.client_id, pem, token_endpoint_auth_method=PrivateKeyJWT(token_endpoint, alg="RS256")
    ) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        code = await _code(rp, url)
        tokens = await rp.fetch_token(token_endpoint, code=code, code_verifier=verifier)
        assert tokens["token_type"] == "Bearer" and tokens["id_token"]

        def assertie(**anders: Any) -> str:
            nu = int(time.time())
            inhoud = {"iss": aansluiting.client_id, "sub": aansluiting.client_id, "aud": token_endpoint}
            inhoud |= {"jti": str(uuid.uuid4()), "iat": nu, "exp": nu + 60} | anders
            return jwt.encode({"alg": "RS256", "kid": "rp-1"}, inhoud, sleutel)

        vreemd = RSAKey.generate_key(2048, private=True)
        for fout in (
            assertie(aud="https://elders.example/token"),
            assertie(exp=int(time.time()) - 10),
            assertie(exp=int(time.time()) + 7200),
            jwt.encode({"alg": "RS256"}, {"iss": aansluiting.client_id, "sub": aansluiting.client_id}, vreemd),
        ):
            velden = {
                "grant_type": "authorization_code",
                "code": "x",
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
                "client_assertion_type": diensten.JWT_BEARER,
                "client_assertion": fout,
            }
            antwoord = await post(rp, "/digid/oidc/token", **velden)
            assert antwoord.status_code == 401 and antwoord.json()["error"] == "invalid_client"
        eenmalig = assertie()
        velden |= {"client_assertion": eenmalig}
        assert (await post(rp, "/digid/oidc/token", **velden)).json()["error"] == "invalid_grant"  # authenticated
        hergebruikt = await post(rp, "/digid/oidc/token", **velden)
        assert hergebruikt.status_code == 401 and "al gebruikt" in hergebruikt.json()["error_description"]


async def test_a_session_spares_the_next_login_unless_the_relying_party_asks_for_one(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        await _code(rp, url)
        assert any(cookie.name == "digid_sessie" for cookie in rp.cookies.jar)
        meteen = await open_pagina(rp, url)
        assert meteen.status_code == 303 and "code=" in meteen.headers["location"]
        opnieuw = await open_pagina(rp, url + "&prompt=login")
        assert opnieuw.status_code == 200 and 'name="wachtwoord"' in opnieuw.text
        hoger = await open_pagina(rp, url + "&acr_values=" + Niveau.MIDDEN.acr)
        assert hoger.status_code == 200  # the session's level basis is not enough
    async with _rp(digid, digid.basis) as vreemde:
        url, _ = vreemde.create_authorization_url(
            "/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n", prompt="none"
        )
        stil = await open_pagina(vreemde, url)
        assert parse_qs(urlsplit(stil.headers["location"]).query)["error"] == ["login_required"]


async def test_a_relying_party_logs_the_citizen_out(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        tokens = await rp.fetch_token(f"{ISSUER}/oidc/token", code=await _code(rp, url), code_verifier=verifier)
        configuratie = (await open_pagina(rp, "/digid/.well-known/openid-configuration")).json()
        uitloggen = configuratie["end_session_endpoint"]
        vreemd = await open_pagina(rp, f"{uitloggen}?id_token_hint=onzin&post_logout_redirect_uri={UITGELOGD}")
        assert vreemd.status_code == 200 and "Wilt u uitloggen" in vreemd.text  # no valid hint: ask first
        antwoord = await rp.request(
            "GET",
            withhold_token=True,
            url=uitloggen,
            params={"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": UITGELOGD, "state": "s1"},
        )
        assert antwoord.status_code == 303 and antwoord.headers["location"] == f"{UITGELOGD}?state=s1"
        assert (await open_pagina(rp, url)).status_code == 200  # the session ended: the login page again
        elders = await rp.request(
            "GET",
            withhold_token=True,
            url=uitloggen,
            params={"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": "https://aanvaller.example/"},
        )
        assert elders.status_code == 200 and "uitgelogd" in elders.text  # never to an unregistered address


async def test_deceased_and_opgeschorte_persons_cannot_log_in(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        overleden = await met_wachtwoord(rp, url, f"test{OVERLEDEN}")
        assert overleden.status_code == 401 and "overleden" in melding(overleden)
        opgeschort = await met_wachtwoord(rp, url, f"test{OPGESCHORT}")
        assert "opgeschort (ministerieel besluit)" in melding(opgeschort)


async def test_a_login_form_from_another_browser_or_site_is_refused(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        sleutel = verzoek(await open_pagina(rp, url))
    async with _rp(digid, digid.basis) as aanvaller:  # has the key, not the cookie
        antwoord = await post(
            aanvaller, "/digid/oidc/inloggen", verzoek=sleutel, gebruikersnaam="suzanne", wachtwoord=WACHTWOORD
        )
        assert antwoord.status_code == 400 and "location" not in antwoord.headers


async def test_each_login_is_in_the_transaction_log_and_the_persons_history(digid: DigiD) -> None:
    async with _rp(digid, digid.midden) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        keuze = await _inloggen(rp, url)
        assert keuze.status_code == 200 and 'value="sms"' in keuze.text
        await post(rp, "/digid/oidc/tweede-stap", verzoek=verzoek(keuze), middel="sms")
        sms = await open_pagina(rp, "/digid/testtelefoon?nummer=0612345678")
        code = sms.text.split("Belastingdienst is: ")[1][:6]
        terug = await post(rp, "/digid/oidc/code", verzoek=verzoek(keuze), middel="sms", code=code)
        code_rp = parse_qs(urlsplit(terug.headers["location"]).query)["code"][0]
        antwoord = await rp.fetch_token(f"{ISSUER}/oidc/token", code=code_rp, code_verifier=verifier)
        assert antwoord["id_token"]
    await digid.app.state.transacties.flush()
    rijen = [row for row in await find_rows(digid.database) if row.operatie == "POST /digid/oidc/token"]
    assert any(row.van_identificatie == "00000099900000002000" and row.status == 200 for row in rijen)
    async with _rp(digid, digid.basis) as burger:
        mijn = await open_pagina(burger, "/digid/mijn")
        ingelogd = await post(
            burger, "/digid/oidc/inloggen", verzoek=verzoek(mijn), gebruikersnaam="suzanne", wachtwoord=WACHTWOORD
        )
        assert ingelogd.headers["location"] == "/digid/mijn"
        pagina = await open_pagina(burger, "/digid/mijn")
        assert "<td>Belastingdienst</td><td>midden</td><td>sms</td>" in pagina.text


async def test_an_expired_session_asks_the_password_again(digid: DigiD) -> None:
    async with _rp(digid, digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        await _code(rp, url)
        sessie = next(cookie.value for cookie in rp.cookies.jar if cookie.name == "digid_sessie")
    vraag = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    weigering = weigering_uit(None)
    nu = datetime.now(UTC)
    assert isinstance(await service.begin(digid.database, vraag, sessie, weigering, nu), Doorsturen)
    later = nu + SESSIE_GELDIG + timedelta(seconds=1)
    assert isinstance(await service.begin(digid.database, vraag, sessie, weigering, later), Wachtwoord)


async def test_a_relying_party_with_an_encryption_key_gets_its_id_token_encrypted(digid: DigiD) -> None:
    sleutel = RSAKey.generate_key(2048, private=True, parameters={"kid": "rp-enc", "use": "enc"})
    publiek = {"keys": [sleutel.as_dict(private=False)]}
    aansluiting = await diensten.registreer(
        digid.database, "Gemeente Versleuteld", "00000099900000005000", [REDIRECT], Niveau.BASIS, jwks=publiek
    )
    assert aansluiting.secret is not None  # an encryption key alone does not sign assertions
    async with relying_party(digid.app, aansluiting.client_id, aansluiting.secret) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        tokens = await rp.fetch_token(f"{ISSUER}/oidc/token", code=await _code(rp, url), code_verifier=verifier)
        versleuteld = tokens["id_token"]
        assert versleuteld.count(".") == 4  # a JWE, not a readable JWT
        registry = jwe.JWERegistry(algorithms=["RSA-OAEP-256", "A256GCM"])
        geopend = jwe.decrypt_compact(versleuteld, sleutel, registry=registry)
        assert geopend.protected["cty"] == "JWT" and geopend.protected["kid"] == "rp-enc"
        sleutels = KeySet.import_key_set((await open_pagina(rp, "/digid/oidc/jwks")).json())
        assert geopend.plaintext is not None
        assert jwt.decode(geopend.plaintext.decode(), sleutels).claims["bsn"] == BSN
