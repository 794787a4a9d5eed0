# SPDX-License-Identifier: EUPL-1.2
"""DigiD over SAML with a service provider that is not our code: OneLogin's python3-saml makes the
signed AuthnRequest (HTTP-Redirect) and the SP metadata DigiD registers, signs the ArtifactResolve
(with xmlsec, as django-digid-eherkenning does) and validates the Response DigiD returns: the
signatures, audience, recipient, InResponseTo, times, the XML schema; the BSN as
``s00000000:<BSN>`` and the level as AuthnContextClassRef. What is refused: an unsigned or tampered
AuthnRequest, an unknown service provider, an artifact resolved twice or by another provider, an
unsigned ArtifactResolve."""

from __future__ import annotations

import base64
import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from opengdi.stelsel.digid import samlidp
from opengdi.stelsel.digid.niveaus import Niveau
from opengdi.stelsel.digikoppeling.demo import gemeente_oin
from tests import saml_sp
from tests.conftest import http_client
from tests.saml_sp import ARTIFACT_BINDING
from tests.stelsel.digid.conftest import (
    BSN,
    GEBRUIKER,
    ISSUER,
    WACHTWOORD,
    DigiD,
    open_pagina,
    post,
    relying_party,
    verzoek,
)

ACS, SLO = "https://dienst.example/saml/acs", "https://dienst.example/saml/slo"
ACS_REQUEST = {
    "https": "on",
    "http_host": "dienst.example",
    "script_name": "/saml/acs",
    "get_data": {},
    "post_data": {},
}


async def _instellingen(digid: DigiD, entity_id: str) -> dict[str, Any]:
    """python3-saml's settings of a service provider of DigiD, with DigiD's metadata read by python3-saml."""
    async with relying_party(digid.app, "x") as http:
        idp_metadata = (await open_pagina(http, "/digid/saml/metadata")).text
    return saml_sp.instellingen(idp_metadata, entity_id, ACS, SLO, Niveau.BASIS.klasse)


@pytest.fixture(scope="module")
async def sp(digid: DigiD) -> dict[str, Any]:
    """A service provider on python3-saml, registered at DigiD with the metadata python3-saml made."""
    instellingen = await _instellingen(digid, "urn:nl-eid-gdi:1.0:DV:00000099900000001000:entities:0001")
    metadata = OneLogin_Saml2_Settings(instellingen).get_sp_metadata()
    await samlidp.registreer(
        digid.database, "Gemeente Proefstad (SAML)", "00000099900000001000", metadata, Niveau.BASIS
    )
    return instellingen


def _authn_request(instellingen: dict[str, Any]) -> tuple[str, str]:
    """The address of a signed AuthnRequest (HTTP-Redirect) and its ID, as python3-saml makes them."""
    auth = OneLogin_Saml2_Auth({**ACS_REQUEST, "script_name": "/saml/login"}, instellingen)
    url = auth.login(return_to="terug-naar-formulier")
    return url, auth.get_last_request_id()


def _artifact_resolve(instellingen: dict[str, Any], artifact: str, ondertekend: bool = True) -> bytes:
    return saml_sp.artifact_resolve(instellingen, artifact, f"{ISSUER}/saml/artifact", ondertekend)


async def _artifact(digid: DigiD, url: str, browser: Any = None) -> tuple[str, str]:
    """Log in through the browser's part: the artifact and RelayState the ACS receives."""
    async with relying_party(digid.app, "x") as eigen:
        browser = browser or eigen
        pagina = await open_pagina(browser, url)
        assert pagina.status_code == 200, pagina.text
        terug = await post(
            browser, "/digid/oidc/inloggen", verzoek=verzoek(pagina), gebruikersnaam=GEBRUIKER, wachtwoord=WACHTWOORD
        )
        assert terug.status_code == 303, terug.text
        locatie = urlsplit(terug.headers["location"])
        assert f"{locatie.scheme}://{locatie.netloc}{locatie.path}" == ACS
        vraag = parse_qs(locatie.query)
        return vraag["SAMLart"][0], vraag["RelayState"][0]


async def _resolve(digid: DigiD, bericht: bytes) -> Any:
    async with relying_party(digid.app, "x") as http:
        return await http.request(
            "POST",
            withhold_token=True,
            url="/digid/saml/artifact",
            content=bericht,
            headers={"Content-Type": "text/xml"},
        )


def _response(antwoord: bytes) -> str:
    response = saml_sp.response_uit(antwoord)
    assert response is not None, antwoord
    return response


async def test_a_service_provider_on_python3_saml_logs_a_citizen_in_by_artifact(
    digid: DigiD, sp: dict[str, Any]
) -> None:
    url, request_id = _authn_request(sp)
    artifact, relay = await _artifact(digid, url)
    assert relay == "terug-naar-formulier" and len(base64.b64decode(artifact)) == 44
    antwoord = await _resolve(digid, _artifact_resolve(sp, artifact))
    assert antwoord.status_code == 200, antwoord.text
    response = OneLogin_Saml2_Response(OneLogin_Saml2_Settings(sp), _response(antwoord.content))
    assert response.is_valid(ACS_REQUEST, request_id=request_id), response.get_error()
    assert response.get_nameid() == f"s00000000:{BSN}"
    assert response.get_authn_contexts() == [Niveau.BASIS.klasse]
    nogmaals = await _resolve(digid, _artifact_resolve(sp, artifact))
    assert nogmaals.status_code == 200 and not re.search(rb"<[a-z0-9]+:Response ", nogmaals.content)  # once only


async def test_an_unsigned_or_tampered_authn_request_is_refused(digid: DigiD, sp: dict[str, Any]) -> None:
    url, _ = _authn_request(sp)
    delen = urlsplit(url)
    vraag = parse_qs(delen.query)
    zonder = urlencode({"SAMLRequest": vraag["SAMLRequest"][0], "RelayState": vraag["RelayState"][0]})
    anders = delen.query.replace("RelayState=terug-naar-formulier", "RelayState=elders")
    async with relying_party(digid.app, "x") as browser:
        for query in (zonder, anders):
            pagina = await open_pagina(browser, f"{delen.path}?{query}")
            assert pagina.status_code == 400 and "niet of niet door deze dienst ondertekend" in pagina.text
            assert "location" not in pagina.headers
        onbekend = await _instellingen(digid, "urn:nl-eid-gdi:1.0:DV:00000099900000009000:entities:0001")
        pagina = await open_pagina(browser, _authn_request(onbekend)[0].split(urlsplit(url).netloc, 1)[1])
        assert pagina.status_code == 400 and "niet bij DigiD aangesloten" in pagina.text
        for rommel in ("SAMLRequest=%00%01", "SAMLRequest=bm9uc2Vuc2U%3D"):
            assert (await open_pagina(browser, f"{delen.path}?{rommel}")).status_code == 400


async def test_an_artifact_resolves_only_for_its_own_provider_and_only_signed(digid: DigiD, sp: dict[str, Any]) -> None:
    url, _ = _authn_request(sp)
    artifact, _ = await _artifact(digid, url)
    ongetekend = await _resolve(digid, _artifact_resolve(sp, artifact, ondertekend=False))
    assert ongetekend.status_code == 400 and b"Fault" in ongetekend.content
    vreemd = await _instellingen(digid, "urn:nl-eid-gdi:1.0:DV:00000099900000008000:entities:0001")
    await samlidp.registreer(
        digid.database,
        "Andere dienst",
        "00000099900000008000",
        OneLogin_Saml2_Settings(vreemd).get_sp_metadata(),
        Niveau.BASIS,
    )
    antwoord = await _resolve(digid, _artifact_resolve(vreemd, artifact))
    assert antwoord.status_code == 200 and not re.search(rb"<[a-z0-9]+:Response ", antwoord.content)
    rommel = await _resolve(digid, b"<!DOCTYPE x [<!ENTITY e 'x'>]><x>&e;</x>")
    assert rommel.status_code == 400


async def test_single_logout_ends_the_session_and_answers_signed(digid: DigiD, sp: dict[str, Any]) -> None:
    async with relying_party(digid.app, "x") as browser:
        await _artifact(digid, _authn_request(sp)[0], browser)
        assert any(cookie.name == "digid_sessie" for cookie in browser.cookies.jar)
        auth = OneLogin_Saml2_Auth({**ACS_REQUEST, "script_name": "/saml/logout"}, sp)
        url = auth.logout(name_id=f"s00000000:{BSN}", return_to="na-het-uitloggen")
        antwoord = await open_pagina(browser, url.split("testserver", 1)[1])
        assert antwoord.status_code == 303 and antwoord.headers["location"].startswith(SLO), antwoord.text[-900:]
        assert not any(cookie.name == "digid_sessie" for cookie in browser.cookies.jar)
        vraag = {key: values[0] for key, values in parse_qs(urlsplit(antwoord.headers["location"]).query).items()}
        streng = {**sp, "security": {**sp["security"], "wantMessagesSigned": True}}
        slo = OneLogin_Saml2_Auth({**ACS_REQUEST, "script_name": "/saml/slo", "get_data": vraag}, streng)
        slo.process_slo(request_id=auth.get_last_request_id())
        assert slo.get_errors() == [], slo.get_last_error_reason()
        assert vraag["RelayState"] == "na-het-uitloggen"


async def test_an_organisation_connects_a_saml_service_through_the_beheer_api(digid: DigiD) -> None:
    rotterdam = gemeente_oin("0599")
    instellingen = await _instellingen(digid, "https://rotterdam.example/saml/metadata")
    metadata = OneLogin_Saml2_Settings(instellingen).get_sp_metadata().decode()
    body = {"naam": "Gemeente Rotterdam: afval", "metadata": metadata, "minimumNiveau": "midden"}
    async with http_client(digid.app, rotterdam) as http:
        aangesloten = await http.post("/digid/beheer/saml-diensten", json=body)
        assert aangesloten.status_code == 201, aangesloten.text
        assert aangesloten.json()["entityId"] == "https://rotterdam.example/saml/metadata"
        assert aangesloten.json()["oin"] == rotterdam and aangesloten.json()["minimumNiveau"] == "midden"
        assert (await http.post("/digid/beheer/saml-diensten", json=body)).status_code == 409
        zonder_acs = metadata.replace(ARTIFACT_BINDING, "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST")
        for fout in (zonder_acs, "<x>" + "y" * 200 + "</x>", "<!DOCTYPE x>" + metadata[metadata.index("<md:") :]):
            antwoord = await http.post("/digid/beheer/saml-diensten", json={**body, "metadata": fout})
            assert antwoord.status_code == 400, antwoord.text
            assert antwoord.json()["invalidParams"][0]["name"] == "metadata"


async def test_the_session_answers_a_second_authn_request_unless_it_forces_a_login(
    digid: DigiD, sp: dict[str, Any]
) -> None:
    async with relying_party(digid.app, "x") as browser:
        await _artifact(digid, _authn_request(sp)[0], browser)
        url, request_id = _authn_request(sp)
        meteen = await open_pagina(browser, url.split("testserver", 1)[1])
        assert meteen.status_code == 303 and meteen.headers["location"].startswith(ACS)
        artifact = parse_qs(urlsplit(meteen.headers["location"]).query)["SAMLart"][0]
        antwoord = await _resolve(digid, _artifact_resolve(sp, artifact))
        response = OneLogin_Saml2_Response(OneLogin_Saml2_Settings(sp), _response(antwoord.content))
        assert response.is_valid(ACS_REQUEST, request_id=request_id), response.get_error()
        auth = OneLogin_Saml2_Auth({**ACS_REQUEST, "script_name": "/saml/login"}, sp)
        opnieuw = await open_pagina(browser, auth.login(force_authn=True).split("testserver", 1)[1])
        assert opnieuw.status_code == 200 and 'name="wachtwoord"' in opnieuw.text


async def test_an_artifact_resolve_changed_after_signing_is_refused(digid: DigiD, sp: dict[str, Any]) -> None:
    artifact, _ = await _artifact(digid, _authn_request(sp)[0])
    getekend = _artifact_resolve(sp, "A" * len(artifact))
    veranderd = getekend.replace(("A" * len(artifact)).encode(), artifact.encode())
    antwoord = await _resolve(digid, veranderd)
    assert antwoord.status_code == 400 and b"niet door een aangesloten dienst ondertekend" in antwoord.content
    echt = await _resolve(digid, _artifact_resolve(sp, artifact))
    assert re.search(rb"<[a-z0-9]+:Response ", echt.content)  # the artifact was not used up by the forgery
