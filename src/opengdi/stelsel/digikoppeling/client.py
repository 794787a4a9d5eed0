# SPDX-License-Identifier: EUPL-1.2
"""The afnemer's side of the token exchange: a signed client assertion and the token request.

Used by ``gdi org token``, the tests and the benchmarks; an afnemer's own software does the same
with any OAuth 2.0 library that supports ``private_key_jwt``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import InvalidKeyTypeError
from joserfc.jwk import ECKey, RSAKey

from opengdi.stelsel.digikoppeling.tokens import ASSERTION_TYPE


def _signing_key(private_pem: str) -> tuple[RSAKey | ECKey, str]:
    """The private key and its assertion algorithm: RS256 for RSA, ES256 for EC P-256."""
    try:
        return RSAKey.import_key(private_pem), "RS256"
    except InvalidKeyTypeError:
        return ECKey.import_key(private_pem), "ES256"


def client_assertion(
    private_pem: str, oin: str, audience: str, now: datetime | None = None, lifetime: timedelta = timedelta(minutes=2)
) -> str:
    """A client assertion (RFC 7523) signed with the organisation's private key (RSA or EC P-256, PEM)."""
    moment = now or datetime.now(UTC)
    key, algorithm = _signing_key(private_pem)
    claims = {
        "iss": oin,
        "sub": oin,
        "aud": audience,
        "iat": int(moment.timestamp()),
        "exp": int((moment + lifetime).timestamp()),
        "jti": str(uuid.uuid4()),
    }
    return jwt.encode({"alg": algorithm, "kid": key.thumbprint()}, claims, key)


def token_request(oin: str, assertion: str, scope: str | None = None) -> dict[str, str]:
    """The form fields of a client-credentials token request with private_key_jwt."""
    form = {
        "grant_type": "client_credentials",
        "client_id": oin,
        "client_assertion_type": ASSERTION_TYPE,
        "client_assertion": assertion,
    }
    if scope:
        form["scope"] = scope
    return form


def fetch_token(token_endpoint: str, private_pem: str, oin: str, scope: str | None = None) -> dict[str, Any]:
    """Ask the token endpoint for an access token; raises ``httpx.HTTPStatusError`` when refused."""
    assertion = client_assertion(private_pem, oin, token_endpoint)
    response = httpx.post(token_endpoint, data=token_request(oin, assertion, scope), timeout=10)
    response.raise_for_status()
    answer: dict[str, Any] = response.json()
    return answer
