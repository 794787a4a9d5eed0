# SPDX-License-Identifier: EUPL-1.2
"""DigiD Machtigen: a citizen authorises another on Mijn DigiD for one service, the other logs in
"namens" him and the relying party gets both (the profile's ``represents`` and the
``urn:nl-eid-gdi:1.0:…`` claims), the citizen sees that login and withdraws the machtiging; bewind,
curatele and mentorschap recorded through the beheer API do the same for every service. What is
refused: a machtiging of oneself, of a number that fails the elfproef, for a deceased person, by
an organisation without the grant, a choice of a machtiging one does not hold."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

from authlib.common.security import generate_token
from joserfc import jwt
from joserfc.jwk import KeySet

from opengdi.stelsel.digid import diensten
from opengdi.stelsel.digid.idtoken import ACTING_SUBJECT, LEGAL_SUBJECT, SERVICE_UUID, dienst_uuid
from opengdi.stelsel.digid.niveaus import Niveau
from opengdi.stelsel.digikoppeling.demo import demo_oin, gemeente_oin
from tests.conftest import http_client
from tests.stelsel.digid.conftest import (
    BSN,
    GEBRUIKER,
    GEMACHTIGDE,
    GEMACHTIGDE_GEBRUIKER,
    ISSUER,
    OVERLEDEN,
    REDIRECT,
    WACHTWOORD,
    DigiD,
    melding,
    met_wachtwoord,
    open_pagina,
    post,
    relying_party,
    verzoek,
)

VERTEGENWOORDIGINGEN = "/digid/beheer/vertegenwoordigingen"


async def _mijn_digid(rp: Any, gebruiker: str) -> str:
    """Log in on Mijn DigiD; the token of its forms."""
    pagina = await open_pagina(rp, "/digid/mijn")
    await post(rp, "/digid/oidc/inloggen", verzoek=verzoek(pagina), gebruikersnaam=gebruiker, wachtwoord=WACHTWOORD)
    csrf = re.search(r'name="csrf" value="([^"]+)"', (await open_pagina(rp, "/digid/mijn")).text)
    assert csrf is not None
    return csrf[1]


async def _claims(rp: Any, locatie: str, verifier: str) -> tuple[dict[str, Any], dict[str, Any]]:
    code = parse_qs(urlsplit(locatie).query)["code"][0]
    tokens = await rp.fetch_token(f"{ISSUER}/oidc/token", code=code, code_verifier=verifier)
    sleutels = KeySet.import_key_set((await open_pagina(rp, "/digid/oidc/jwks")).json())
    userinfo = (await rp.get(f"{ISSUER}/oidc/userinfo")).json()
    return jwt.decode(tokens["id_token"], sleutels).claims, userinfo


async def _login_namens(digid: DigiD, client: tuple[str, str], keuze: str | None) -> tuple[Any, ...]:
    """The gemachtigde logs in at ``client``; with ``keuze`` on the choice page (which must be shown)."""
    async with relying_party(digid.app, *client) as rp:
        verifier = generate_token(48)
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=verifier, nonce="n")
        pagina = await met_wachtwoord(rp, url, GEMACHTIGDE_GEBRUIKER)
        if keuze is None:
            assert pagina.status_code == 303, pagina.text
            return await _claims(rp, pagina.headers["location"], verifier)
        assert pagina.status_code == 200 and "Voor wie logt u in?" in pagina.text, pagina.text
        terug = await post(rp, "/digid/oidc/namens", verzoek=verzoek(pagina), namens=keuze(pagina.text))  # type: ignore[operator]
        assert terug.status_code == 303, terug.text
        return await _claims(rp, terug.headers["location"], verifier)


async def _andere_dienst(digid: DigiD) -> tuple[str, str]:
    """Another service at level basis."""
    dienst = await diensten.registreer(
        digid.database, "Waterschap Proefland", "00000099900000004000", [REDIRECT], Niveau.BASIS
    )
    assert dienst.secret is not None
    return dienst.client_id, dienst.secret


def _eerste_machtiging(tekst: str) -> str:
    gevonden = re.search(r'name="namens" value="(\d+)"', tekst)
    assert gevonden is not None
    return gevonden[1]


async def test_a_citizen_authorises_another_who_logs_in_on_his_behalf(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.basis) as burger:
        csrf = await _mijn_digid(burger, GEBRUIKER)
        gemachtigd = await post(
            burger, "/digid/mijn/machtigingen", csrf=csrf, gemachtigde=GEMACHTIGDE, dienst=digid.basis[0]
        )
        assert f"De persoon met burgerservicenummer {GEMACHTIGDE} is gemachtigd." in gemachtigd.text
    claims, userinfo = await _login_namens(digid, digid.basis, _eerste_machtiging)
    assert claims["bsn"] == GEMACHTIGDE and claims[ACTING_SUBJECT] == GEMACHTIGDE and claims[LEGAL_SUBJECT] == BSN
    assert claims["represents"]["sub_id_type"] == "urn:nl-eid-gdi:1.0:id:Pseudonym"
    assert claims["represents"]["sub"] not in (claims["sub"], BSN) and claims[SERVICE_UUID] == dienst_uuid(
        digid.basis[0]
    )
    assert userinfo["represents"] == claims["represents"] and userinfo[LEGAL_SUBJECT] == BSN
    zelf, _ = await _login_namens(digid, digid.basis, lambda _tekst: "zelf")
    assert zelf["bsn"] == GEMACHTIGDE and "represents" not in zelf
    eigen, _ = await _login_namens(digid, await _andere_dienst(digid), None)  # the machtiging is for one service
    assert "represents" not in eigen

    async with relying_party(digid.app, *digid.basis) as burger:
        csrf = await _mijn_digid(burger, GEBRUIKER)
        pagina = await open_pagina(burger, "/digid/mijn")
        assert "<td>Gemeente Proefstad</td><td>basis</td><td>wachtwoord</td>" in pagina.text  # on his behalf
        nummer = re.search(r'name="machtiging" value="(\d+)"', pagina.text)
        assert nummer is not None
        ingetrokken = await post(burger, "/digid/mijn/machtigingen/intrekken", csrf=csrf, machtiging=nummer[1])
        assert "De machtiging is ingetrokken." in ingetrokken.text
        assert "Intrekken" not in ingetrokken.text
    na, _ = await _login_namens(digid, digid.basis, None)
    assert "represents" not in na


async def test_a_citizen_cannot_authorise_himself_a_bad_number_or_without_his_session(digid: DigiD) -> None:
    async with relying_party(digid.app, *digid.basis) as burger:
        csrf = await _mijn_digid(burger, GEBRUIKER)
        for gemachtigde, reden in ((BSN, "Niemand machtigt zichzelf."), ("123456789", "elfproef")):
            antwoord = await post(
                burger, "/digid/mijn/machtigingen", csrf=csrf, gemachtigde=gemachtigde, dienst=digid.basis[0]
            )
            assert antwoord.status_code == 400 and reden in melding(antwoord)
        vreemd = await post(
            burger, "/digid/mijn/machtigingen", csrf="vervalst", gemachtigde=GEMACHTIGDE, dienst=digid.basis[0]
        )
        assert vreemd.status_code == 403
        assert "Namens wie" not in (await open_pagina(burger, "/digid/mijn")).text
    geen, _ = await _login_namens(digid, digid.basis, None)
    assert "represents" not in geen


async def test_curatele_through_the_beheer_api_represents_at_every_service(digid: DigiD) -> None:
    body = {"soort": "curatele", "vertegenwoordigde": BSN, "vertegenwoordiger": GEMACHTIGDE}
    async with (
        http_client(digid.app, demo_oin("Logius")) as logius,
        http_client(digid.app, gemeente_oin("0599")) as rotterdam,
    ):
        assert (await rotterdam.post(VERTEGENWOORDIGINGEN, json=body)).status_code == 403
        for fout, naam in (
            ({**body, "vertegenwoordiger": BSN}, "gemachtigde"),
            ({**body, "vertegenwoordigde": OVERLEDEN}, "volmachtgever"),
            ({**body, "soort": "voogdij"}, "soort"),
            ({**body, "clientId": "digid-0000000000000000"}, "clientId"),
        ):
            antwoord = await logius.post(VERTEGENWOORDIGINGEN, json=fout)
            assert antwoord.status_code == 400 and naam in {p["name"] for p in antwoord.json()["invalidParams"]}
        vastgelegd = await logius.post(VERTEGENWOORDIGINGEN, json=body)
        assert vastgelegd.status_code == 201, vastgelegd.text
        assert vastgelegd.json()["dienst"] == "alle diensten" and "clientId" not in vastgelegd.json()
        lijst = await logius.get(VERTEGENWOORDIGINGEN, params={"burgerservicenummer": GEMACHTIGDE})
        assert [item["soort"] for item in lijst.json()["vertegenwoordigingen"]] == ["curatele"]
        ander = await _andere_dienst(digid)
        claims, _ = await _login_namens(digid, ander, _eerste_machtiging)
        assert claims[LEGAL_SUBJECT] == BSN and claims[SERVICE_UUID] == dienst_uuid(ander[0])
        pad = f"{VERTEGENWOORDIGINGEN}/{vastgelegd.json()['id']}"
        assert (await logius.delete(pad)).status_code == 204
        assert (await logius.delete(pad)).status_code == 404
    na, _ = await _login_namens(digid, ander, None)
    assert "represents" not in na


async def test_a_choice_of_a_machtiging_one_does_not_hold_is_not_taken(digid: DigiD) -> None:
    async with http_client(digid.app, demo_oin("Logius")) as logius:
        body = {"soort": "bewind", "vertegenwoordigde": BSN, "vertegenwoordiger": GEMACHTIGDE}
        nummer = (await logius.post(VERTEGENWOORDIGINGEN, json=body)).json()["id"]
    async with relying_party(digid.app, *digid.basis) as rp:
        url, _ = rp.create_authorization_url("/digid/oidc/authorize", code_verifier=generate_token(48), nonce="n")
        pagina = await met_wachtwoord(rp, url, GEMACHTIGDE_GEBRUIKER)
        nogmaals = await post(rp, "/digid/oidc/namens", verzoek=verzoek(pagina), namens="999999")
        assert (
            nogmaals.status_code == 200
            and "Voor wie logt u in?" in nogmaals.text
            and "location" not in nogmaals.headers
        )
    async with http_client(digid.app, demo_oin("Logius")) as logius:
        assert (await logius.delete(f"{VERTEGENWOORDIGINGEN}/{nummer}")).status_code == 204
