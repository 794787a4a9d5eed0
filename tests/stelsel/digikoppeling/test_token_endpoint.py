# SPDX-License-Identifier: EUPL-1.2
"""The Digikoppeling token endpoint over HTTP: private_key_jwt, tls_client_auth, JWKS and metadata."""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import orjson
import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.stelsel.digikoppeling import oin as oins
from opengdi.stelsel.digikoppeling import pki
from opengdi.stelsel.digikoppeling.client import client_assertion, token_request
from opengdi.stelsel.digikoppeling.tokens import ASSERTION_TYPE
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever
from tests.conftest import _PRIVATE_KEYS, BASE_URL, http_client, revoke_organisation
from tests.stelsel.digikoppeling.aansluiting import (
    ISSUER,
    PROXY,
    TOKEN_PATH,
    behind_proxy,
    certificate_header,
    issue_certificate,
    new_oin,
    new_organisation,
)

TOKEN_ENDPOINT = f"{BASE_URL}{TOKEN_PATH}"


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(data)).rstrip(b"=").decode()


def _claims(token: str) -> dict[str, Any]:
    """The payload of a JWT, not verified."""
    part = token.split(".")[1]
    claims: dict[str, Any] = orjson.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return claims


def _assertion(private_pem: str, oin: str, **overrides: Any) -> str:
    """A client assertion of ``oin`` signed with ``private_pem``, with claims replaced by ``overrides``."""
    key = RSAKey.import_key(private_pem)
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "iss": oin,
        "sub": oin,
        "aud": TOKEN_ENDPOINT,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=2)).timestamp()),
        "jti": str(uuid.uuid4()),
    }
    claims.update(overrides)
    return jwt.encode({"alg": "RS256", "kid": key.thumbprint()}, claims, key)


def _problem_401(response: httpx.Response) -> dict[str, Any]:
    """The body of a 401 invalid_client answer, after checking its form."""
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    body: dict[str, Any] = response.json()
    assert body["error"] == "invalid_client"
    assert body["status"] == 401
    assert body["title"] == "Geen token uitgegeven."
    assert body["detail"] == body["error_description"]
    assert body["error_description"]
    assert "access_token" not in body
    return body


async def test_private_key_jwt_gives_a_bearer_token(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp", "protocollering")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(
            TOKEN_PATH, data=token_request(oin, client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT))
        )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 300
    assert body["scope"] == "brp protocollering"
    claims = _claims(body["access_token"])
    assert claims["oin"] == oin
    assert claims["sub"] == oin
    assert claims["scope"] == "brp protocollering"
    assert claims["iss"] == ISSUER
    assert claims["aud"] == BASE_URL
    assert claims["exp"] - claims["iat"] == 300
    assert "cnf" not in claims


async def test_a_token_can_be_narrowed_to_one_scope(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp", "protocollering")
    async with http_client(create_app(behind_proxy(tmp_path, token_geldigheid=60), database)) as http:
        assertion = client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT)
        response = await http.post(TOKEN_PATH, data=token_request(oin, assertion, "protocollering"))
    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "protocollering"
    assert response.json()["expires_in"] == 60
    assert _claims(response.json()["access_token"])["scope"] == "protocollering"


@pytest.mark.parametrize("scope", ["brp.beheer", "brp digikoppeling", "onbekend"])
async def test_a_scope_without_grant_is_invalid(database: Database, tmp_path: Path, scope: str) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        assertion = client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT)
        response = await http.post(TOKEN_PATH, data=token_request(oin, assertion, scope))
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["error"] == "invalid_scope"
    assert body["status"] == 400
    assert body["error_description"] == f"Toegestane scopes voor {oin}: brp."
    assert "access_token" not in body


async def test_an_organisation_without_any_grant_gets_no_token(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database)
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        assertion = client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT)
        response = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"
    assert response.json()["error_description"] == f"Toegestane scopes voor {oin}: geen."


@pytest.mark.parametrize("grant_type", ["authorization_code", "password", "refresh_token", ""])
async def test_only_client_credentials_is_supported(database: Database, tmp_path: Path, grant_type: str) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        form = token_request(oin, client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT))
        response = await http.post(TOKEN_PATH, data={**form, "grant_type": grant_type})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["error"] == "unsupported_grant_type"
    assert response.json()["status"] == 400


async def test_a_wrong_assertion_type_is_an_invalid_request(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        form = token_request(oin, client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT))
        response = await http.post(TOKEN_PATH, data={**form, "client_assertion_type": "urn:x:saml2-bearer"})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert ASSERTION_TYPE in response.json()["error_description"]


async def test_no_client_authentication_at_all_is_refused(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(TOKEN_PATH, data={"grant_type": "client_credentials"})
    body = _problem_401(response)
    assert "private_key_jwt" in body["error_description"]


def _expired(oin: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"iat": int((now - timedelta(minutes=10)).timestamp()), "exp": int((now - timedelta(minutes=5)).timestamp())}


def _too_long(oin: str) -> dict[str, Any]:
    return {"exp": int((datetime.now(UTC) + timedelta(minutes=30)).timestamp())}


def _from_the_future(oin: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"iat": int((now + timedelta(minutes=2)).timestamp()), "exp": int((now + timedelta(minutes=3)).timestamp())}


BAD_CLAIMS = {
    "expired": (_expired, "De client assertion is verlopen."),
    "too long-lived": (
        _too_long,
        "De client assertion mag hoogstens 5 minuten geldig zijn en niet uit de toekomst komen.",
    ),
    "issued in the future": (
        _from_the_future,
        "De client assertion mag hoogstens 5 minuten geldig zijn en niet uit de toekomst komen.",
    ),
    "other audience": (
        lambda oin: {"aud": "https://elders.example/oauth2/token"},
        f"De 'aud' van de client assertion moet {TOKEN_ENDPOINT} zijn.",
    ),
    "iss differs from sub": (
        lambda oin: {"sub": oins.test_oin(900_000_001)},
        "'iss', 'sub' en client_id van de client assertion moeten hetzelfde OIN zijn.",
    ),
    "no jti": (lambda oin: {"jti": ""}, "De client assertion heeft geen 'jti'."),
    "exp beyond any date": (lambda oin: {"exp": 10**300}, "De client assertion heeft geen geldige 'exp'."),
    "iat beyond any date": (lambda oin: {"iat": -(10**20)}, "De client assertion heeft geen geldige 'iat'."),
    "not valid before a later moment": (
        lambda oin: {"nbf": int((datetime.now(UTC) + timedelta(minutes=1)).timestamp())},
        "De client assertion is nog niet geldig ('nbf' ligt in de toekomst).",
    ),
    "nbf as a string": (
        lambda oin: {"nbf": str(int(datetime.now(UTC).timestamp()))},
        "De client assertion heeft geen geldige 'nbf'.",
    ),
    "iat as a boolean": (lambda oin: {"iat": True}, "De client assertion heeft geen geldige 'iat'."),
    "exp as a string": (
        lambda oin: {"exp": str(int((datetime.now(UTC) + timedelta(minutes=2)).timestamp()))},
        "De client assertion heeft geen geldige 'exp'.",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CLAIMS))
async def test_a_bad_assertion_is_refused(
    database: Database, tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    overrides, description = BAD_CLAIMS[case]
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        assertion = _assertion(_PRIVATE_KEYS[oin], oin, **overrides(oin))
        response = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
    body = _problem_401(response)
    assert body["error_description"] == description
    assert [record.getMessage() for record in caplog.records if record.name == "opengdi.beveiliging"] == [
        f"token_refused reason=invalid_client detail={description}"
    ]


async def test_what_a_caller_claims_cannot_forge_or_flood_the_security_log(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    forged = "x\naccess_granted oin=00000001822477348000" + "y" * 5000
    key = RSAKey.generate_key(2048, private=True)
    assertion = _assertion(key.as_pem(private=True).decode(), forged)
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(TOKEN_PATH, data=token_request(forged, assertion))
    assert _problem_401(response)["error_description"].startswith("Organisatie x\naccess_granted")
    [line] = [record.getMessage() for record in caplog.records if record.name == "opengdi.beveiliging"]
    assert line.startswith("token_refused reason=invalid_client detail=Organisatie x\\x0aaccess_granted oin=")
    assert "\n" not in line and len(line) < 400


async def test_numericdates_with_fractions_are_accepted(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    now = datetime.now(UTC).timestamp()
    fractions = {"iat": now - 0.5, "nbf": now - 0.25, "exp": now + 60.75}
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(
            TOKEN_PATH, data=token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin, **fractions))
        )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("parameter", ["grant_type", "client_id", "client_assertion_type", "client_assertion", "scope"])
async def test_a_repeated_parameter_is_an_invalid_request_naming_it(
    database: Database, tmp_path: Path, parameter: str
) -> None:
    """RFC 6749 §3.2: request parameters MUST NOT be included more than once."""
    oin = await new_organisation(database, "brp", "protocollering")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        form = token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin), "brp")
        repeated = [*form.items(), (parameter, form[parameter])]
        response = await http.post(
            TOKEN_PATH, content=urlencode(repeated), headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        again = await http.post(TOKEN_PATH, data=form)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert (body["error"], body["code"], body["status"]) == ("invalid_request", "invalid_request", 400)
    assert body["error_description"] == f"De parameter '{parameter}' mag maar één keer voorkomen."
    assert body["invalidParams"] == [
        {"name": parameter, "code": "duplicateParam", "reason": "Parameter komt meer dan één keer voor."}
    ]
    assert again.status_code == 200, "the refused request did not use up the assertion"


async def test_an_unknown_parameter_is_ignored_even_when_repeated(database: Database, tmp_path: Path) -> None:
    """RFC 6749 §3.2: the authorization server MUST ignore unrecognized request parameters."""
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        form = [*token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin)).items(), ("extra", "1"), ("extra", "2")]
        response = await http.post(
            TOKEN_PATH, content=urlencode(form), headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
    assert response.status_code == 200, response.text


async def test_a_client_id_other_than_the_issuer_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        form = token_request(oin, client_assertion(_PRIVATE_KEYS[oin], oin, TOKEN_ENDPOINT))
        response = await http.post(TOKEN_PATH, data={**form, "client_id": oins.test_oin(900_000_001)})
    body = _problem_401(response)
    assert body["error_description"] == "'iss', 'sub' en client_id van de client assertion moeten hetzelfde OIN zijn."


async def test_an_unsigned_assertion_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    now = int(datetime.now(UTC).timestamp())
    claims = {"iss": oin, "sub": oin, "aud": TOKEN_ENDPOINT, "iat": now, "exp": now + 60, "jti": str(uuid.uuid4())}
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        for header in ({"alg": "none"}, {"alg": "none", "typ": "JWT"}, {"alg": "HS256"}):
            unsigned = f"{_b64(header)}.{_b64(claims)}."
            response = await http.post(TOKEN_PATH, data=token_request(oin, unsigned))
            body = _problem_401(response)
            assert body["error_description"] == "De client assertion moet ondertekend zijn met RS256, PS256, ES256."


async def test_an_assertion_signed_with_an_unregistered_key_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    other_key = RSAKey.generate_key(2048, private=True).as_pem(private=True).decode()
    registered = RSAKey.import_key(_PRIVATE_KEYS[oin])
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        unknown_kid = await http.post(TOKEN_PATH, data=token_request(oin, _assertion(other_key, oin)))
        key = RSAKey.import_key(other_key)
        claims = _claims(_assertion(other_key, oin))
        # the kid of the registered key, but the signature of another one
        forged = jwt.encode({"alg": "RS256", "kid": registered.thumbprint()}, claims, key)
        same_kid = await http.post(TOKEN_PATH, data=token_request(oin, forged))
        # the key of another organisation
        stranger = await new_organisation(database, "brp")
        borrowed = await http.post(TOKEN_PATH, data=token_request(oin, _assertion(_PRIVATE_KEYS[stranger], oin)))
    description = "De handtekening van de client assertion klopt niet met een sleutel van deze organisatie."
    for response in (unknown_kid, same_kid, borrowed):
        assert _problem_401(response)["error_description"] == description


async def test_an_unknown_oin_is_refused(database: Database, tmp_path: Path) -> None:
    unknown = new_oin()
    private_pem = RSAKey.generate_key(2048, private=True).as_pem(private=True).decode()
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(TOKEN_PATH, data=token_request(unknown, _assertion(private_pem, unknown)))
        garbage = await http.post(TOKEN_PATH, data=token_request(unknown, "geen.jwt"))
    assert _problem_401(response)["error_description"] == f"Organisatie {unknown} is niet (meer) aangesloten."
    assert _problem_401(garbage)["error_description"] == "De client assertion is geen JWT."


async def test_a_revoked_organisation_gets_no_token(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        before = await http.post(TOKEN_PATH, data=token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin)))
        assert await revoke_organisation(database, oin) is True
        after = await http.post(TOKEN_PATH, data=token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin)))
    assert before.status_code == 200
    assert _problem_401(after)["error_description"] == f"Organisatie {oin} is niet (meer) aangesloten."
    assert await revoke_organisation(database, oin) is False


async def test_an_assertion_past_its_exp_but_within_the_leeway_is_used_only_once(
    database: Database, tmp_path: Path
) -> None:
    oin = await new_organisation(database, "brp")
    just_expired = int((datetime.now(UTC) - timedelta(seconds=10)).timestamp())
    assertion = _assertion(_PRIVATE_KEYS[oin], oin, exp=just_expired, iat=just_expired - 60)
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        first = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
        replayed = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
    assert first.status_code == 200, first.text
    assert _problem_401(replayed)["error_description"] == "Deze client assertion is al eens gebruikt (jti)."


async def test_an_assertion_is_used_only_once(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    caplog.set_level(logging.INFO, logger="opengdi.beveiliging")
    assertion = _assertion(_PRIVATE_KEYS[oin], oin)
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        first = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
        second = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
        other_app = create_app(behind_proxy(tmp_path), database)
    async with http_client(other_app) as http:
        elsewhere = await http.post(TOKEN_PATH, data=token_request(oin, assertion))
    assert first.status_code == 200
    assert _claims(first.json()["access_token"])["oin"] == oin
    for response in (second, elsewhere):
        assert _problem_401(response)["error_description"] == "Deze client assertion is al eens gebruikt (jti)."
    issued = [record for record in caplog.records if record.getMessage().startswith("token_issued")]
    assert [record.getMessage() for record in issued] == [f"token_issued oin={oin} scopes=brp"]


async def test_an_assertion_for_another_deployment_is_refused_whatever_the_host(
    database: Database, tmp_path: Path
) -> None:
    oin = await new_organisation(database, "brp")
    elsewhere = "http://gdi.elders.example/digikoppeling/oauth2/token"
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        assertion = _assertion(_PRIVATE_KEYS[oin], oin, aud=elsewhere)
        response = await http.post(elsewhere, data=token_request(oin, assertion))
    assert _problem_401(response)["error_description"].startswith("De 'aud' van de client assertion moet ")


@pytest.mark.parametrize(
    ("audience", "url"),
    [
        ("http://testserver/oauth2/token", TOKEN_ENDPOINT),
        ("https://auth.elders.example/oauth2/token", "https://auth.elders.example/digikoppeling/oauth2/token"),
    ],
)
async def test_only_this_token_endpoint_is_an_audience(
    database: Database, tmp_path: Path, audience: str, url: str
) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.post(url, data=token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin, aud=audience)))
    _problem_401(response)


async def test_tls_client_auth_gives_a_certificate_bound_token(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp", "protocollering")
    settings = behind_proxy(tmp_path)
    issued = await issue_certificate(database, settings, oin)
    async with http_client(create_app(settings, database), client=PROXY) as http:
        response = await http.post(
            TOKEN_PATH,
            data={"grant_type": "client_credentials", "client_id": oin, "scope": "brp"},
            headers=certificate_header(issued.certificaat_pem),
        )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert (body["token_type"], body["scope"], body["expires_in"]) == ("Bearer", "brp", 300)
    claims = _claims(body["access_token"])
    assert claims["oin"] == oin
    assert claims["scope"] == "brp"
    assert claims["iss"] == ISSUER
    assert claims["aud"] == BASE_URL
    certificate = pki.parse_header_certificate(quote(issued.certificaat_pem))
    assert claims["cnf"] == {"x5t#S256": pki.thumbprint(certificate)}
    assert pki.oin_of(certificate) == oin


async def test_a_certificate_from_an_untrusted_address_is_refused(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    issued = await issue_certificate(database, settings, oin)
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(create_app(settings, database), client=("192.168.1.10", 4321)) as http:
        response = await http.post(
            TOKEN_PATH, data={"grant_type": "client_credentials"}, headers=certificate_header(issued.certificaat_pem)
        )
    body = _problem_401(response)
    assert body["error_description"] == "Een clientcertificaat wordt alleen aangenomen van een vertrouwde proxy."
    warnings = [record.getMessage() for record in caplog.records if record.name == "opengdi.beveiliging"]
    assert "authentication_refused reason=untrusted_certificate_header client=192.168.1.10" in warnings
    assert "token_issued" not in " ".join(warnings)


async def test_a_certificate_of_another_ca_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    now = pki.now_utc()
    ca_key, ca_certificate = pki.create_ca(now)
    foreign = pki.issue_certificate(ca_key, ca_certificate, oin=oin, naam="Tokentest", now=now)
    async with http_client(create_app(behind_proxy(tmp_path), database), client=PROXY) as http:
        response = await http.post(
            TOKEN_PATH, data={"grant_type": "client_credentials"}, headers=certificate_header(foreign.certificaat_pem)
        )
    body = _problem_401(response)
    assert body["error_description"] == (
        "Het clientcertificaat is niet door de CA van deze GDI uitgegeven of is niet geldig."
    )


async def test_a_certificate_of_a_revoked_organisation_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    issued = await issue_certificate(database, settings, oin)
    await revoke_organisation(database, oin)
    async with http_client(create_app(settings, database), client=PROXY) as http:
        response = await http.post(
            TOKEN_PATH, data={"grant_type": "client_credentials"}, headers=certificate_header(issued.certificaat_pem)
        )
    body = _problem_401(response)
    assert body["error_description"] == (
        "Het clientcertificaat is ingetrokken of hoort niet bij een aangesloten organisatie."
    )


async def test_the_jwks_verifies_an_issued_token(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        token = (await http.post(TOKEN_PATH, data=token_request(oin, _assertion(_PRIVATE_KEYS[oin], oin)))).json()[
            "access_token"
        ]
        response = await http.get("/digikoppeling/oauth2/jwks")
    assert response.status_code == 200
    jwks = response.json()
    assert [(key["kty"], key["use"], key["alg"]) for key in jwks["keys"]] == [("RSA", "sig", "RS256")]
    assert not {"d", "p", "q", "dp", "dq", "qi"} & set(jwks["keys"][0])
    decoded = jwt.decode(token, KeySet.import_key_set(jwks), algorithms=["RS256"])
    assert decoded.header["kid"] == jwks["keys"][0]["kid"]
    assert decoded.header["typ"] == "at+jwt"
    assert decoded.claims["oin"] == oin
    assert decoded.claims["iss"] == ISSUER
    signing_key = await Uitgever(database, behind_proxy(tmp_path)).signing_key()
    assert jwks["keys"][0]["kid"] == signing_key.kid
    assert jwks["keys"][0]["n"] == signing_key.as_dict(private=False)["n"]


async def test_the_metadata_describes_the_authorization_server(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        response = await http.get("/digikoppeling/.well-known/oauth-authorization-server")
    assert response.status_code == 200
    assert response.json() == {
        "issuer": ISSUER,
        "token_endpoint": TOKEN_ENDPOINT,
        "jwks_uri": f"{ISSUER}/oauth2/jwks",
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["private_key_jwt", "tls_client_auth"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "PS256", "ES256"],
        "scopes_supported": sorted(SAMENSTELLING.scopes()),
        "tls_client_certificate_bound_access_tokens": True,
    }
