# SPDX-License-Identifier: EUPL-1.2
"""The second factor of DigiD, as a person meets it: from level midden up a code by text message
(read on the simulated phone) or from the DigiD app, activated on Mijn DigiD by scanning its QR code;
the level the means reaches reaches the relying party as ``acr``. And what is refused: a wrong code
(three times ends the login), a code of the app used twice, a means that does not reach the level,
a form of Mijn DigiD without its session's token, a phone number that is not one."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

from authlib.common.security import generate_token
from joserfc import jwt
from joserfc.jwk import KeySet

from opengdi.stelsel.digid import accounts, totp
from opengdi.stelsel.digid.niveaus import Niveau
from tests.stelsel.digid.conftest import (
    BSN,
    ISSUER,
    WACHTWOORD,
    DigiD,
    melding,
    met_wachtwoord,
    open_pagina,
    post,
    relying_party,
    verzoek,
)


def _nu_code(geheim: str) -> str:
    return totp.code(geheim, totp.venster(datetime.now(UTC)))


async def _id_token(rp: Any, locatie: str, verifier: str) -> dict[str, Any]:
    code = parse_qs(urlsplit(locatie).query)["code"][0]
    tokens = await rp.fetch_token(f"{ISSUER}/oidc/token", code=code, code_verifier=verifier)
    sleutels = KeySet.import_key_set((await open_pagina(rp, "/digid/oidc/jwks")).json())
    claims: dict[str, Any] = jwt.decode(tokens["id_token"], sleutels).claims
    return claims


async def test_level_midden_by_a_text_message_on_the_test_phone(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.midden) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        keuze = await met_wachtwoord(rp, url)
        assert keuze.status_code == 200 and "Tweede stap" in keuze.text
        sleutel = verzoek(keuze)
        code_pagina = await post(rp, "/digid/oidc/tweede-stap", verzoek=sleutel, middel="sms")
        assert "06-****5678" in code_pagina.text and 'autocomplete="one-time-code"' in code_pagina.text
        telefoon = await open_pagina(rp, "/digid/testtelefoon?nummer=06-12345678")
        code = re.search(r"bij Belastingdienst is: (\d{6})", telefoon.text)
        assert code is not None
        fout = await post(
            rp, "/digid/oidc/code", verzoek=sleutel, middel="sms", code="000000" if code[1] != "000000" else "111111"
        )
        assert fout.status_code == 401 and melding(fout) == "Deze code is niet juist. Probeer het opnieuw."
        terug = await post(rp, "/digid/oidc/code", verzoek=sleutel, middel="sms", code=code[1])
        assert terug.status_code == 303
        assert (await _id_token(rp, terug.headers["location"], verifier))["acr"] == Niveau.MIDDEN.acr


async def test_three_wrong_codes_end_the_login(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.midden) as rp:
        url, state = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        sleutel = verzoek(await met_wachtwoord(rp, url))
        await post(rp, "/digid/oidc/tweede-stap", verzoek=sleutel, middel="sms")
        antwoorden = [
            await post(rp, "/digid/oidc/code", verzoek=sleutel, middel="sms", code="12345x") for _ in range(3)
        ]
        assert [antwoord.status_code for antwoord in antwoorden] == [401, 401, 400]
        link = re.search(r'<a class="digid-knop" href="([^"]+)"', antwoorden[-1].text)
        assert link is not None
        assert dict(parse_qsl(urlsplit(link[1].replace("&amp;", "&")).query))["error"] == "access_denied"
        na = await post(rp, "/digid/oidc/code", verzoek=sleutel, middel="sms", code="123456")
        assert na.status_code == 400 and "begin opnieuw" in melding(na).lower()
        assert dict(parse_qsl(urlsplit(link[1].replace("&amp;", "&")).query))["state"] == state


async def test_the_app_activated_on_mijn_digid_reaches_its_level(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.basis) as burger:
        mijn = await open_pagina(burger, "/digid/mijn")
        ingelogd = await post(
            burger, "/digid/oidc/inloggen", verzoek=verzoek(mijn), gebruikersnaam="suzanne", wachtwoord=WACHTWOORD
        )
        pagina = await open_pagina(burger, ingelogd.headers["location"])
        csrf = re.search(r'name="csrf" value="([^"]+)"', pagina.text)
        assert csrf is not None and "DigiD app activeren" in pagina.text
        geweigerd = await post(burger, "/digid/mijn/app", csrf="vervalst")
        assert geweigerd.status_code == 403
        activeren = await post(burger, "/digid/mijn/app", csrf=csrf[1])
        assert "<svg" in activeren.text and "QR-code om de DigiD app te activeren" in activeren.text
        geheim = re.search(r'class="digid-sleutel">([A-Z2-7]+)<', activeren.text)
        assert geheim is not None
        fout = await post(burger, "/digid/mijn/app/bevestigen", csrf=csrf[1], code="000000", niveau="substantieel")
        assert fout.status_code == 400 and "niet juist" in melding(fout)
        klaar = await post(
            burger, "/digid/mijn/app/bevestigen", csrf=csrf[1], code=_nu_code(geheim[1]), niveau="substantieel"
        )
        assert "De DigiD app is geactiveerd." in klaar.text and "geactiveerd, niveau substantieel" in klaar.text
    async with relying_party(digid.app, *digid.midden) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url(
            "/digid/oidc/authorize", code_verifier=verifier, nonce="n", acr_values=Niveau.SUBSTANTIEEL.acr
        )
        keuze = await met_wachtwoord(rp, url)
        assert 'value="app"' in keuze.text and 'value="sms"' not in keuze.text  # a text message is only midden
        sleutel = verzoek(keuze)
        await post(rp, "/digid/oidc/tweede-stap", verzoek=sleutel, middel="app")
        gebruikt = await post(rp, "/digid/oidc/code", verzoek=sleutel, middel="app", code=_nu_code(geheim[1]))
        assert gebruikt.status_code == 401  # the code that activated the app cannot log in as well
        terug = await post(
            rp,
            "/digid/oidc/code",
            verzoek=sleutel,
            middel="app",
            code=totp.code(geheim[1], totp.venster(datetime.now(UTC)) + 1),
        )
        assert terug.status_code == 303
        claims = await _id_token(rp, terug.headers["location"], verifier)
        assert claims["acr"] == Niveau.SUBSTANTIEEL.acr and claims["bsn"] == BSN


async def test_an_app_set_from_the_command_line_reaches_hoog(digid: DigiD) -> None:
    await accounts.maak_account(digid.database, BSN, "hoog", WACHTWOORD)
    geheim = await accounts.stel_app_in(digid.database, "hoog", Niveau.HOOG)
    assert totp.otpauth_uri(geheim, accounts.UITGEVER, "hoog").startswith("otpauth://totp/DigiD")
    async with relying_party(digid.app, *digid.basis) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url(
            "/digid/oidc/authorize", code_verifier=verifier, nonce="n", acr_values=Niveau.HOOG.acr
        )
        sleutel = verzoek(await met_wachtwoord(rp, url, "hoog"))
        terug = await post(rp, "/digid/oidc/code", verzoek=sleutel, middel="app", code=_nu_code(geheim))
        assert (await _id_token(rp, terug.headers["location"], verifier))["acr"] == Niveau.HOOG.acr


async def test_the_test_phone_refuses_what_is_not_a_mobile_number(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.basis) as rp:
        for nummer in ("0201234567", "06abcdefgh", "x" * 500):
            antwoord = await open_pagina(rp, f"/digid/testtelefoon?nummer={nummer}")
            assert antwoord.status_code == 400 and "06 begint" in melding(antwoord)
        nul = await open_pagina(rp, "/digid/testtelefoon?nummer=06%00")
        assert nul.status_code == 400 and nul.json()["invalidParams"][0]["name"] == "nummer"
        leeg = await open_pagina(rp, "/digid/testtelefoon")
        assert leeg.status_code == 200 and 'lang="nl"' in leeg.text
