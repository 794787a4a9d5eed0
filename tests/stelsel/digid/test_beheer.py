# SPDX-License-Identifier: EUPL-1.2
"""DigiD's beheer API: a municipality connects its own service (and gets its secret once), sees only
its own, cannot connect one for another organisation nor see or disconnect another's; Logius sees
and manages all; bad input is a problem naming the parameter and changes nothing; a service
connected here logs a citizen in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
from authlib.common.security import generate_token

from opengdi.stelsel.digikoppeling.demo import demo_oin, gemeente_oin
from tests.conftest import http_client
from tests.stelsel.digid.conftest import ISSUER, REDIRECT, DigiD, met_wachtwoord, relying_party

DIENSTEN = "/digid/beheer/diensten"
ROTTERDAM, DEN_HAAG, LOGIUS = gemeente_oin("0599"), gemeente_oin("0518"), demo_oin("Logius")


def _nieuw(**anders: object) -> dict[str, object]:
    return {"naam": "Gemeente Rotterdam: parkeervergunning", "redirectUris": [REDIRECT]} | anders


def _ids(antwoord: httpx.Response) -> set[str]:
    assert antwoord.status_code == 200, antwoord.text
    return {dienst["clientId"] for dienst in antwoord.json()["diensten"]}


async def test_an_organisation_manages_its_own_services_and_logius_all(digid: DigiD) -> None:
    async with (
        http_client(digid.app, ROTTERDAM) as rotterdam,
        http_client(digid.app, DEN_HAAG) as den_haag,
        http_client(digid.app, LOGIUS) as logius,
    ):
        aangesloten = await rotterdam.post(DIENSTEN, json=_nieuw(minimumNiveau="midden"))
        assert aangesloten.status_code == 201, aangesloten.text
        dienst = aangesloten.json()
        assert dienst["oin"] == ROTTERDAM and dienst["minimumNiveau"] == "midden" and len(dienst["clientSecret"]) == 43
        pad = f"{DIENSTEN}/{dienst['clientId']}"
        assert "clientSecret" not in (await rotterdam.get(pad)).json()  # shown once
        assert (await rotterdam.post(DIENSTEN, json=_nieuw(oin=DEN_HAAG))).status_code == 403
        assert dienst["clientId"] in _ids(await rotterdam.get(DIENSTEN))
        assert dienst["clientId"] not in _ids(await den_haag.get(DIENSTEN))
        assert dienst["clientId"] in _ids(await logius.get(DIENSTEN))
        assert (await den_haag.get(pad)).status_code == 404 and (await den_haag.delete(pad)).status_code == 404
        voor_den_haag = await logius.post(DIENSTEN, json=_nieuw(oin=DEN_HAAG, naam="Gemeente 's-Gravenhage"))
        assert voor_den_haag.status_code == 201 and voor_den_haag.json()["oin"] == DEN_HAAG
        assert (await rotterdam.delete(pad)).status_code == 204
        assert (await rotterdam.get(pad)).status_code == 404
        async with http_client(digid.app) as anoniem:
            assert (await anoniem.get(DIENSTEN)).status_code == 401


async def test_bad_services_are_refused_with_the_parameter_named(digid: DigiD) -> None:
    privaat = {"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}
    async with http_client(digid.app, ROTTERDAM) as rotterdam:
        voor = _ids(await rotterdam.get(DIENSTEN))
        for body, naam in (
            (_nieuw(naam="x\u0000"), "naam"),
            (_nieuw(redirectUris=["http://dienst.example/klaar"]), "redirectUris"),
            (_nieuw(redirectUris=[]), "redirectUris"),
            (_nieuw(minimumNiveau="top"), "minimumNiveau"),
            (_nieuw(jwks=privaat), "jwks"),
            (_nieuw(onbekend=1), "onbekend"),
        ):
            antwoord = await rotterdam.post(DIENSTEN, json=body)
            assert antwoord.status_code == 400, antwoord.text
            assert antwoord.headers["content-type"] == "application/problem+json"
            assert naam in {param["name"] for param in antwoord.json()["invalidParams"]}, antwoord.text
        assert (await rotterdam.get(f"{DIENSTEN}/niet-zo")).status_code == 400
        assert _ids(await rotterdam.get(DIENSTEN)) == voor


async def test_a_service_connected_by_the_api_logs_a_citizen_in(digid: DigiD) -> None:
    async with http_client(digid.app, ROTTERDAM) as rotterdam:
        dienst = (await rotterdam.post(DIENSTEN, json=_nieuw())).json()
    async with relying_party(digid.app, dienst["clientId"], dienst["clientSecret"]) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        terug = await met_wachtwoord(rp, url)
        code = parse_qs(urlsplit(terug.headers["location"]).query)["code"][0]
        tokens = await rp.fetch_token(f"{ISSUER}/oidc/token", code=code, code_verifier=verifier)
        assert tokens["id_token"]
