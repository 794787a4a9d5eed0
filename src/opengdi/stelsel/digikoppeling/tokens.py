# SPDX-License-Identifier: EUPL-1.2
"""OAuth 2.0 as the NL GOV profile asks it of organisations: client credentials with
``private_key_jwt`` (RFC 7523) and short-lived signed access tokens carrying the OIN and scopes.

A client assertion must be signed (RS256, PS256 or ES256) with one of the organisation's keys, have
``iss`` and ``sub`` equal to its OIN, the token endpoint (or the issuer) as ``aud``, an ``exp`` at
most five minutes ahead, an ``iat`` and an ``nbf`` not in the future and a ``jti`` that was not used
before. ``exp``, ``iat`` and ``nbf`` are NumericDates (RFC 7519 §2): JSON numbers, fractions allowed,
never strings or booleans. Pure functions: the keys and the accepted audiences are passed in; the
caller keeps the used ``jti`` values.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, JWKRegistry, KeySet, RSAKey

from opengdi.kernel.problems import InvalidParam

ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
ASSERTION_ALGORITHMS = ["RS256", "PS256", "ES256"]
TOKEN_ALGORITHM = "RS256"
LEEWAY = timedelta(seconds=30)
MAX_ASSERTION_LIFETIME = timedelta(minutes=5)
MIN_RSA_BITS = 2048
MAX_KID = 100


class TokenFout(Exception):  # noqa: N818 - an OAuth error answer, not a programming error
    """Why an assertion or token is refused: an OAuth error code, a Dutch description and, when one
    request parameter is at fault, that parameter."""

    def __init__(self, error: str, description: str, parameter: InvalidParam | None = None) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.parameter = parameter


@dataclass(frozen=True, slots=True)
class Assertie:
    """A verified client assertion."""

    oin: str
    jti: str
    #: Until when its jti must be remembered: as long as the assertion could still be accepted.
    onthouden_tot: datetime


def _segment(token: str, index: int) -> dict[str, Any]:
    try:
        part = token.split(".")[index]
        decoded = orjson.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except (IndexError, ValueError, binascii.Error) as error:
        raise TokenFout("invalid_client", "De client assertion is geen JWT.") from error
    if not isinstance(decoded, dict):
        raise TokenFout("invalid_client", "De client assertion is geen JWT.")
    return decoded


def unverified_claims(token: str) -> dict[str, Any]:
    """The claims of a JWT without checking it (for tokens this server just issued, or lookups)."""
    return _segment(token, 1)


def claimed_oin(assertion: str) -> str:
    """The OIN an assertion claims to come from (unverified: only to find the keys to verify with)."""
    claims = _segment(assertion, 1)
    issuer = claims.get("iss")
    if not isinstance(issuer, str) or not issuer:
        raise TokenFout("invalid_client", "De client assertion heeft geen 'iss' (het OIN van de client).")
    return issuer


def _timestamp(claims: dict[str, Any], name: str) -> datetime:
    """The NumericDate ``name``: a JSON number (integer or not), not a string or a boolean."""
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TokenFout("invalid_client", f"De client assertion heeft geen geldige '{name}'.")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as error:
        raise TokenFout("invalid_client", f"De client assertion heeft geen geldige '{name}'.") from error


def check_assertion(
    assertion: str, *, keys: KeySet, client_id: str | None, audiences: Sequence[str], now: datetime
) -> Assertie:
    """The verified assertion; raises :class:`TokenFout` (``invalid_client``) naming what is wrong."""
    header = _segment(assertion, 0)
    if header.get("alg") not in ASSERTION_ALGORITHMS:
        raise TokenFout(
            "invalid_client", f"De client assertion moet ondertekend zijn met {', '.join(ASSERTION_ALGORITHMS)}."
        )
    try:
        claims = jwt.decode(assertion, keys, algorithms=ASSERTION_ALGORITHMS).claims
    except JoseError as error:
        raise TokenFout(
            "invalid_client", "De handtekening van de client assertion klopt niet met een sleutel van deze organisatie."
        ) from error
    oin = claims.get("iss")
    if not isinstance(oin, str) or not oin:
        raise TokenFout("invalid_client", "De client assertion heeft geen 'iss' (het OIN van de client).")
    if claims.get("sub") != oin or (client_id is not None and client_id != oin):
        raise TokenFout(
            "invalid_client", "'iss', 'sub' en client_id van de client assertion moeten hetzelfde OIN zijn."
        )
    audience = claims.get("aud")
    given = audience if isinstance(audience, list) else [audience]
    if not any(item in audiences for item in given):
        raise TokenFout("invalid_client", f"De 'aud' van de client assertion moet {audiences[0]} zijn.")
    expires = _timestamp(claims, "exp")
    issued = _timestamp(claims, "iat") if "iat" in claims else now
    not_before = _timestamp(claims, "nbf") if "nbf" in claims else now
    if expires < now - LEEWAY:
        raise TokenFout("invalid_client", "De client assertion is verlopen.")
    if not_before > now + LEEWAY:
        raise TokenFout("invalid_client", "De client assertion is nog niet geldig ('nbf' ligt in de toekomst).")
    if expires > now + MAX_ASSERTION_LIFETIME + LEEWAY or issued > now + LEEWAY:
        raise TokenFout(
            "invalid_client", "De client assertion mag hoogstens 5 minuten geldig zijn en niet uit de toekomst komen."
        )
    jti = claims.get("jti")
    if not isinstance(jti, str) or not 0 < len(jti) <= 255:
        raise TokenFout("invalid_client", "De client assertion heeft geen 'jti'.")
    return Assertie(oin=str(oin), jti=jti, onthouden_tot=expires + LEEWAY)


def issue_access_token(
    key: RSAKey,
    *,
    issuer: str,
    audience: str,
    oin: str,
    scopes: Collection[str],
    lifetime: timedelta,
    now: datetime,
    certificate_thumbprint: str | None = None,
) -> str:
    """A signed access token for ``oin`` with ``scopes``, valid for ``lifetime``."""
    claims: dict[str, Any] = {
        "iss": issuer,
        "sub": oin,
        "aud": audience,
        "client_id": oin,
        "oin": oin,
        "scope": " ".join(sorted(scopes)),
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + lifetime).timestamp()),
        "jti": str(uuid.uuid4()),
    }
    if certificate_thumbprint:
        claims["cnf"] = {"x5t#S256": certificate_thumbprint}
    header = {"alg": TOKEN_ALGORITHM, "typ": "at+jwt", **({"kid": key.kid} if key.kid else {})}
    return jwt.encode(header, claims, key)


def verify_access_token(token: str, *, keys: KeySet, issuer: str, audience: str, now: datetime) -> dict[str, Any]:
    """The claims of a valid access token; raises :class:`TokenFout` (``invalid_token``)."""
    try:
        claims = jwt.decode(token, keys, algorithms=[TOKEN_ALGORITHM]).claims
    except (JoseError, ValueError) as error:
        raise TokenFout(
            "invalid_token", "Het access token is niet door deze GDI ondertekend of is beschadigd."
        ) from error
    if claims.get("iss") != issuer or claims.get("aud") != audience:
        raise TokenFout("invalid_token", "Het access token is niet voor deze GDI uitgegeven.")
    expires = claims.get("exp")
    if not isinstance(expires, int) or datetime.fromtimestamp(expires, UTC) < now - LEEWAY:
        raise TokenFout("invalid_token", "Het access token is verlopen; vraag een nieuw token aan.")
    not_before = claims.get("nbf", 0)
    if not isinstance(not_before, int) or datetime.fromtimestamp(not_before, UTC) > now + LEEWAY:
        raise TokenFout("invalid_token", "Het access token is nog niet geldig.")
    if not isinstance(claims.get("oin"), str):
        raise TokenFout("invalid_token", "Het access token heeft geen OIN.")
    return dict(claims)


class OngeldigeSleutel(ValueError):  # noqa: N818 - Dutch domain name
    """A client key that cannot be registered, with the JWK member that is wrong."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(reason)
        self.parameter = parameter


def client_public_key(jwk: dict[str, Any]) -> dict[str, Any]:
    """The public JWK an organisation offers for its client assertions, checked: a public RSA key of at
    least 2048 bits or an EC P-256 key (the assertion algorithms), with its kid (the thumbprint when absent)."""
    if any(member in jwk for member in ("d", "p", "q", "dp", "dq", "qi")):
        raise OngeldigeSleutel("d", "Stuur alleen de publieke sleutel, nooit de private.")
    try:
        key = JWKRegistry.import_key(jwk)
    except (ValueError, JoseError) as error:
        raise OngeldigeSleutel("kty", "Waarde is geen geldige publieke sleutel (JWK).") from error
    if isinstance(key, RSAKey) and key.raw_value.key_size < MIN_RSA_BITS:
        raise OngeldigeSleutel("n", f"Een RSA-sleutel moet minstens {MIN_RSA_BITS} bits lang zijn.")
    if not isinstance(key, RSAKey | ECKey) or (isinstance(key, ECKey) and key.curve_name != "P-256"):
        raise OngeldigeSleutel("kty", "Alleen RSA-sleutels en EC-sleutels op P-256 (ES256) worden aanvaard.")
    kid = str(jwk.get("kid") or key.thumbprint())
    if len(kid) > MAX_KID:
        raise OngeldigeSleutel("kid", f"Een kid mag hoogstens {MAX_KID} tekens lang zijn.")
    return {**key.as_dict(private=False), "kid": kid}
