# SPDX-License-Identifier: EUPL-1.2
"""Who may call a protected API (tokens, certificates, both), and what a refusal leaves behind."""

from __future__ import annotations

import asyncio
import base64
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from fastapi import FastAPI
from joserfc import jwt
from joserfc.jwk import RSAKey
from starlette.routing import Route

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.kernel.transacties import TransactieMiddleware, TransactieRow, find_rows
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import organisaties, service, tokens
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever
from tests.conftest import BASE_URL, BRONHOUDER, http_client, obtain_token, revoke_organisation, unit_of_work
from tests.stelsel.digikoppeling.aansluiting import (
    ISSUER,
    PROXY,
    TOKEN_PATH,
    behind_proxy,
    certificate_header,
    issue_certificate,
    new_organisation,
)

PERSONEN = "/haalcentraal/api/brp/personen"
#: A valid BSN that no test loads: the answer is empty, whatever the BRP holds.
ONBEKEND = "999900018"
QUERY = {
    "type": "RaadpleegMetBurgerservicenummer",
    "burgerservicenummer": [ONBEKEND],
    "fields": ["burgerservicenummer"],
}
EMPTY_ANSWER = {"type": "RaadpleegMetBurgerservicenummer", "personen": []}
NOT_SIGNED_HERE = "Het access token is niet door deze GDI ondertekend of is beschadigd."
NOT_FOR_US = "Het access token is niet voor deze GDI uitgegeven."
EXPIRED = "Het access token is verlopen; vraag een nieuw token aan."


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _rid() -> str:
    return f"test-{uuid.uuid4().hex}"


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "opengdi.beveiliging" and record.levelno == logging.WARNING
    ]


async def _transacties(app: FastAPI, database: Database, request_id: str) -> list[TransactieRow]:
    """The transaction rows of ``request_id``, after the app's transaction log was written out."""
    layer: Any = app.middleware_stack
    while layer is not None and not isinstance(layer, TransactieMiddleware):
        layer = getattr(layer, "app", None)
    assert isinstance(layer, TransactieMiddleware)
    await layer.log.flush()
    if layer.log._task is not None:
        await layer.log._task
    return await find_rows(database, request_id)


def _assert_unauthenticated(response: httpx.Response, detail: str) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == 'Bearer realm="opengdi"'
    assert response.json() == {
        "type": "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
        "title": "Niet correct geauthenticeerd.",
        "status": 401,
        "detail": detail,
        "instance": PERSONEN,
        "code": "authentication",
    }


def _assert_forbidden(response: httpx.Response, detail: str) -> None:
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "www-authenticate" not in response.headers
    assert response.json() == {
        "type": "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3",
        "title": "U bent niet geautoriseerd voor deze operatie.",
        "status": 403,
        "detail": detail,
        "instance": PERSONEN,
        "code": "autorisation",
    }


async def test_a_valid_token_is_served_and_leaves_a_transaction(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app, oin) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": rid})
    assert response.status_code == 200, response.text
    assert response.json() == EMPTY_ANSWER
    assert response.headers["x-request-id"] == rid
    assert _warnings(caplog) == []
    [row] = await _transacties(app, database, rid)
    assert (row.van_identificatie, row.status, row.naar, row.operatie) == (
        oin,
        200,
        "BRP API Personen",
        f"POST {PERSONEN}",
    )
    assert row.bytes_in == len(orjson.dumps(QUERY))
    assert row.bytes_uit == len(response.content)
    assert row.duur_ms > 0


async def test_a_bad_request_of_a_known_afnemer_is_logged_with_its_status(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    async with http_client(app, oin) as http:
        response = await http.post(
            PERSONEN, json={"type": "RaadpleegMetBurgerservicenummer"}, headers={"X-Request-ID": rid}
        )
    assert response.status_code == 400
    assert response.json()["code"] == "paramsValidation"
    [row] = await _transacties(app, database, rid)
    assert (row.van_identificatie, row.status) == (oin, 400)


async def test_no_credentials_is_unauthenticated_and_leaves_only_a_log_line(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": rid})
    _assert_unauthenticated(response, "Geef een access token mee (Authorization: Bearer …) of een clientcertificaat.")
    assert response.headers["x-request-id"] == rid
    assert _warnings(caplog) == ["authentication_refused reason=no_credentials client="]
    assert await _transacties(app, database, rid) == []


@pytest.mark.parametrize("authorization", ["Basic abc", "Bearer", "Bearer a b", "Bearer ", "Token abc", "abc"])
async def test_a_malformed_authorization_header_is_unauthenticated(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture, authorization: str
) -> None:
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={"Authorization": authorization, "X-Request-ID": rid})
    _assert_unauthenticated(response, "De Authorization-header moet 'Bearer <token>' zijn.")
    assert _warnings(caplog) == ["authentication_refused reason=malformed_authorization_header client="]
    assert await _transacties(app, database, rid) == []


def _issue(key: RSAKey, oin: str, **overrides: Any) -> str:
    arguments: dict[str, Any] = {
        "issuer": ISSUER,
        "audience": BASE_URL,
        "oin": oin,
        "scopes": {"brp"},
        "lifetime": timedelta(minutes=5),
        "now": datetime.now(UTC),
        **overrides,
    }
    return tokens.issue_access_token(key, **arguments)


def _other_key(kid: str | None = None) -> RSAKey:
    key = RSAKey.generate_key(2048, private=True)
    return RSAKey.import_key(key.as_dict(private=True), {"kid": kid or key.thumbprint()})


def _tamper_payload(token: str, **changes: Any) -> str:
    header, payload, signature = token.split(".")
    claims = orjson.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return f"{header}.{_b64(orjson.dumps({**claims, **changes}))}.{signature}"


def _tamper_signature(token: str) -> str:
    header, payload, signature = token.split(".")
    raw = bytearray(base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4)))
    raw[0] ^= 0x01
    return f"{header}.{payload}.{_b64(bytes(raw))}"


def _unsigned(key: RSAKey, oin: str) -> str:
    payload = _issue(key, oin).split(".")[1]
    return f"{_b64(orjson.dumps({'alg': 'none', 'typ': 'at+jwt'}))}.{payload}."


def _without_oin(key: RSAKey, oin: str) -> str:
    now = int(datetime.now(UTC).timestamp())
    claims = {"iss": ISSUER, "aud": BASE_URL, "sub": oin, "scope": "brp", "iat": now, "exp": now + 300}
    return jwt.encode({"alg": "RS256", "kid": key.kid or ""}, claims, key)


BAD_TOKENS: dict[str, tuple[Callable[[RSAKey, str], str], str]] = {
    "expired": (lambda key, oin: _issue(key, oin, now=datetime.now(UTC) - timedelta(hours=1)), EXPIRED),
    "expired beyond the leeway": (
        lambda key, oin: _issue(key, oin, now=datetime.now(UTC) - timedelta(minutes=5, seconds=45)),
        EXPIRED,
    ),
    "signed by another key": (lambda key, oin: _issue(_other_key(), oin), NOT_SIGNED_HERE),
    "signed by another key with our kid": (lambda key, oin: _issue(_other_key(key.kid), oin), NOT_SIGNED_HERE),
    "another audience": (lambda key, oin: _issue(key, oin, audience="https://elders.example"), NOT_FOR_US),
    "another issuer": (lambda key, oin: _issue(key, oin, issuer="https://elders.example/digikoppeling"), NOT_FOR_US),
    "payload changed to another oin": (
        lambda key, oin: _tamper_payload(_issue(key, oin), oin=BRONHOUDER, sub=BRONHOUDER),
        NOT_SIGNED_HERE,
    ),
    "payload changed to more scopes": (
        lambda key, oin: _tamper_payload(_issue(key, oin), scope="brp brp.beheer digikoppeling"),
        NOT_SIGNED_HERE,
    ),
    "signature changed": (lambda key, oin: _tamper_signature(_issue(key, oin)), NOT_SIGNED_HERE),
    "unsigned": (_unsigned, NOT_SIGNED_HERE),
    "not a JWT": (lambda key, oin: "geen-jwt", NOT_SIGNED_HERE),
    "three garbage parts": (lambda key, oin: "abc.def.ghi", NOT_SIGNED_HERE),
    "without an oin": (_without_oin, "Het access token heeft geen OIN."),
}


@pytest.mark.parametrize("case", list(BAD_TOKENS))
async def test_a_bad_token_is_unauthenticated(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    key = await Uitgever(database, settings).signing_key()
    make, detail = BAD_TOKENS[case]
    app = create_app(settings, database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={**_bearer(make(key, oin)), "X-Request-ID": rid})
    _assert_unauthenticated(response, detail)
    assert _warnings(caplog) == ["authentication_refused reason=invalid_token client="]
    assert await _transacties(app, database, rid) == []


async def test_a_token_signed_with_the_deployment_key_is_accepted(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    key = await Uitgever(database, settings).signing_key()
    # expired ten seconds ago: within the thirty seconds of clock leeway
    just_expired = _issue(key, oin, now=datetime.now(UTC) - timedelta(minutes=5, seconds=10))
    async with http_client(create_app(settings, database)) as http:
        fresh = await http.post(PERSONEN, json=QUERY, headers=_bearer(_issue(key, oin)))
        late = await http.post(PERSONEN, json=QUERY, headers=_bearer(just_expired))
    assert (fresh.status_code, fresh.json()) == (200, EMPTY_ANSWER)
    assert (late.status_code, late.json()) == (200, EMPTY_ANSWER)


async def test_a_token_of_a_revoked_organisation_is_forbidden(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        token = await obtain_token(http, oin)
    assert await revoke_organisation(database, oin) is True
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={**_bearer(token), "X-Request-ID": rid})
    _assert_forbidden(response, f"Organisatie {oin} is niet (meer) aangesloten.")
    assert _warnings(caplog) == [f"access_refused reason=organisation_revoked oin={oin}"]
    assert await _transacties(app, database, rid) == []


async def test_a_revocation_takes_effect_within_two_seconds(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with http_client(create_app(behind_proxy(tmp_path), database), oin) as http:
        before = await http.post(PERSONEN, json=QUERY)
        await revoke_organisation(database, oin)
        await asyncio.sleep(2.1)
        after = await http.post(PERSONEN, json=QUERY)
    assert before.status_code == 200
    _assert_forbidden(after, f"Organisatie {oin} is niet (meer) aangesloten.")


async def test_a_token_that_expires_while_its_check_is_cached_is_refused(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    key = await Uitgever(database, settings).signing_key()
    async with http_client(create_app(settings, database)) as http:
        # issued just before it is used, expired 29 s ago: one second left within the 30 s of clock leeway
        almost = _issue(key, oin, now=datetime.now(UTC) - timedelta(minutes=5, seconds=29))
        within = await http.post(PERSONEN, json=QUERY, headers=_bearer(almost))
        await asyncio.sleep(1.5)  # the verified token is still cached (two seconds), its expiry is not
        beyond = await http.post(PERSONEN, json=QUERY, headers=_bearer(almost))
    assert (within.status_code, within.json()) == (200, EMPTY_ANSWER)
    _assert_unauthenticated(beyond, EXPIRED)


async def test_a_revoked_grant_takes_effect_within_two_seconds(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    async with database.session() as session:
        [grant] = await organisaties.grants_of(session, oin)
    async with http_client(create_app(behind_proxy(tmp_path), database), oin) as http:
        before = [await http.post(PERSONEN, json=QUERY) for _ in range(2)]  # the second answered from the cache
        async with unit_of_work(database) as uow:
            await service.revoke_grant(uow, grant.id)
        await asyncio.sleep(2.1)
        after = await http.post(PERSONEN, json=QUERY)
    assert [response.status_code for response in before] == [200, 200]
    _assert_forbidden(after, "Er is geen autorisatiebesluit voor 'brp'.")


async def test_a_token_without_the_scope_is_forbidden(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp", "protocollering")
    app = create_app(behind_proxy(tmp_path), database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        token = await obtain_token(http, oin, "protocollering")
        response = await http.post(PERSONEN, json=QUERY, headers={**_bearer(token), "X-Request-ID": rid})
        protocol = await http.get("/digikoppeling/protocollering", headers=_bearer(token))
    _assert_forbidden(response, "Het token heeft geen scope 'brp'.")
    assert _warnings(caplog) == [
        f"access_refused reason=autorisation oin={oin} bouwsteen=brp operatie=RaadpleegMetBurgerservicenummer"
    ]
    assert await _transacties(app, database, rid) == []
    assert protocol.status_code == 200, protocol.text


async def _certificate(database: Database, settings: Settings, oin: str) -> dict[str, str]:
    issued = await issue_certificate(database, settings, oin)
    return certificate_header(issued.certificaat_pem)


async def test_a_certificate_alone_from_the_trusted_proxy_is_served(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    certificate = await _certificate(database, settings, oin)
    app = create_app(settings, database)
    rid = _rid()
    async with http_client(app, client=PROXY) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={**certificate, "X-Request-ID": rid})
    assert response.status_code == 200, response.text
    assert response.json() == EMPTY_ANSWER
    [row] = await _transacties(app, database, rid)
    assert (row.van_identificatie, row.status) == (oin, 200)


async def test_a_certificate_from_an_untrusted_address_is_unauthenticated(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    certificate = await _certificate(database, settings, oin)
    app = create_app(settings, database)
    rid = _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app, client=("172.16.0.9", 5555)) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={**certificate, "X-Request-ID": rid})
    _assert_unauthenticated(response, "Een clientcertificaat wordt alleen aangenomen van een vertrouwde proxy.")
    assert _warnings(caplog) == ["authentication_refused reason=untrusted_certificate_header client=172.16.0.9"]
    assert await _transacties(app, database, rid) == []


async def test_an_unreadable_certificate_header_is_unauthenticated(database: Database, tmp_path: Path) -> None:
    async with http_client(create_app(behind_proxy(tmp_path), database), client=PROXY) as http:
        response = await http.post(PERSONEN, json=QUERY, headers={"x-client-cert": "-----BEGIN%20CERTIFICATE-----"})
    _assert_unauthenticated(response, "De certificaatheader bevat geen leesbaar certificaat.")


async def test_certificate_and_token_of_different_organisations_are_unauthenticated(
    database: Database, tmp_path: Path
) -> None:
    eerste = await new_organisation(database, "brp")
    tweede = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    certificate = await _certificate(database, settings, eerste)
    async with http_client(create_app(settings, database), client=PROXY) as http:
        token = await obtain_token(http, tweede)
        mixed = await http.post(PERSONEN, json=QUERY, headers={**certificate, **_bearer(token)})
        own_token = await obtain_token(http, eerste)
        own = await http.post(PERSONEN, json=QUERY, headers={**certificate, **_bearer(own_token)})
    _assert_unauthenticated(mixed, "Token en clientcertificaat horen bij verschillende organisaties.")
    assert (own.status_code, own.json()) == (200, EMPTY_ANSWER)


async def test_a_certificate_bound_token_needs_its_certificate(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    certificate = await _certificate(database, settings, oin)
    another = await _certificate(database, settings, oin)
    async with http_client(create_app(settings, database), client=PROXY) as http:
        answer = await http.post(TOKEN_PATH, data={"grant_type": "client_credentials"}, headers=certificate)
        assert answer.status_code == 200, answer.text
        bound = _bearer(answer.json()["access_token"])
        alone = await http.post(PERSONEN, json=QUERY, headers=bound)
        other_certificate = await http.post(PERSONEN, json=QUERY, headers={**bound, **another})
        with_it = await http.post(PERSONEN, json=QUERY, headers={**bound, **certificate})
    detail = "Dit token is aan een clientcertificaat gebonden; bied dat certificaat aan."
    _assert_unauthenticated(alone, detail)
    _assert_unauthenticated(other_certificate, detail)
    assert (with_it.status_code, with_it.json()) == (200, EMPTY_ANSWER)


async def test_a_certificate_of_a_revoked_organisation_is_unauthenticated(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    certificate = await _certificate(database, settings, oin)
    await revoke_organisation(database, oin)
    async with http_client(create_app(settings, database), client=PROXY) as http:
        response = await http.post(PERSONEN, json=QUERY, headers=certificate)
    _assert_unauthenticated(
        response, "Het clientcertificaat is ingetrokken of hoort niet bij een aangesloten organisatie."
    )


def _is_uuid7(value: str) -> bool:
    parsed = uuid.UUID(value)
    return parsed.version == 7 and str(parsed) == value


@pytest.mark.parametrize("offered", [None, "", "met spaties", "x" * 129, "a;b", "a/b", "<script>"])
async def test_a_missing_or_invalid_request_id_is_replaced_by_a_uuid7(
    database: Database, tmp_path: Path, offered: str | None
) -> None:
    oin = await new_organisation(database, "brp")
    app = create_app(behind_proxy(tmp_path), database)
    headers = {} if offered is None else {"X-Request-ID": offered}
    async with http_client(app, oin) as http:
        accepted = await http.post(PERSONEN, json=QUERY, headers=headers)
        refused = await http.post(PERSONEN, json=QUERY, headers={**headers, "Authorization": "Basic abc"})
    assert accepted.status_code == 200
    assert refused.status_code == 401
    for response in (accepted, refused):
        assert _is_uuid7(response.headers["x-request-id"])
        assert response.headers["x-request-id"] != offered
    assert accepted.headers["x-request-id"] != refused.headers["x-request-id"]
    [row] = await _transacties(app, database, accepted.headers["x-request-id"])
    assert (row.van_identificatie, row.status) == (oin, 200)
    assert await _transacties(app, database, refused.headers["x-request-id"]) == []


@pytest.mark.parametrize("offered", ["abc-123", "0193a2b4-7c1d-7e2f-8a3b-4c5d6e7f8a9b", "a.b:c_d-e", "x" * 128])
async def test_a_sensible_request_id_is_echoed(database: Database, tmp_path: Path, offered: str) -> None:
    async with http_client(create_app(behind_proxy(tmp_path), database)) as http:
        refused = await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": offered})
        metadata = await http.get(
            "/digikoppeling/.well-known/oauth-authorization-server", headers={"X-Request-ID": offered}
        )
    assert refused.status_code == 401
    assert refused.headers["x-request-id"] == offered
    assert metadata.status_code == 200
    assert metadata.headers["x-request-id"] == offered


async def test_a_refused_token_request_leaves_no_transaction(
    database: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oin = await new_organisation(database, "brp")
    app = create_app(behind_proxy(tmp_path), database)
    refused_id, issued_id = _rid(), _rid()
    caplog.set_level(logging.WARNING, logger="opengdi.beveiliging")
    async with http_client(app) as http:
        refused = await http.post(
            TOKEN_PATH, data={"grant_type": "client_credentials"}, headers={"X-Request-ID": refused_id}
        )
        token = await obtain_token(http, oin)
        served = await http.post(PERSONEN, json=QUERY, headers={**_bearer(token), "X-Request-ID": issued_id})
    assert refused.status_code == 401
    assert refused.headers["x-request-id"] == refused_id
    assert served.status_code == 200
    assert len(_warnings(caplog)) == 1
    assert _warnings(caplog)[0].startswith("token_refused reason=invalid_client detail=")
    assert await _transacties(app, database, refused_id) == []
    [row] = await _transacties(app, database, issued_id)
    assert (row.van_identificatie, row.status, row.naar) == (oin, 200, "BRP API Personen")


#: The routes anyone may call: how to get a token, and the keys and metadata to check one.
OPEN_ROUTES = {
    ("POST", "/digikoppeling/oauth2/token"),
    ("GET", "/digikoppeling/oauth2/jwks"),
    ("GET", "/digikoppeling/.well-known/oauth-authorization-server"),
    ("GET", "/digid/oidc/jwks"),  # DigiD's keys; its token endpoint and userinfo need their own credentials
}


#: The APIs that are public by design: the Stelselcatalogus (the definitions of the registries).
PUBLIC_PREFIXES = ("/stelselcatalogus/",)


def _unversioned(route: tuple[str, str]) -> tuple[str, str]:
    """The route under the API's plain prefix (``/digikoppeling/v1/x`` → ``/digikoppeling/x``)."""
    method, path = route
    return method, re.sub(r"/v[0-9]+(?=/)", "", path, count=1)


def _api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) of every mounted API's operations, path parameters filled in."""
    routes = []
    for mount in app.routes:
        for route in getattr(getattr(mount, "app", None), "routes", []):
            if isinstance(route, Route) and route.include_in_schema:  # FastAPI's and plain ones
                path = re.sub(r"\{[^}]+\}", "1", f"{mount.path}{route.path}")  # type: ignore[attr-defined]
                routes.extend((method, path) for method in sorted(route.methods))
    return routes


async def test_every_operation_but_the_token_endpoint_and_the_public_catalogue_needs_credentials(
    database: Database, tmp_path: Path
) -> None:
    app = create_app(behind_proxy(tmp_path), database)
    routes = _api_routes(app)
    public = [route for route in routes if route[1].startswith(PUBLIC_PREFIXES)]
    protected = [route for route in routes if route not in public and _unversioned(route) not in OPEN_ROUTES]
    async with http_client(app) as http:
        answers = {route: await http.request(*route, json={}) for route in protected}
        public_answers = [(await http.request(*route)).status_code for route in public]
    bag = {route for route in protected if route[1].startswith("/lvbag/")}  # the BAG API's own path has its v2
    assert len({_unversioned(route) for route in protected if route not in bag}) == 28  # also under /v1
    assert ("GET", "/digikoppeling/v1/organisaties") in protected
    assert ("GET", "/lvbag/individuelebevragingen/v2/adressen") in bag and len(bag) > 30
    assert {route: answer.status_code for route, answer in answers.items()} == dict.fromkeys(protected, 401)
    assert public_answers and 401 not in public_answers
