# SPDX-License-Identifier: EUPL-1.2
"""The relying parties of DigiD: registering one (an organisation by OIN, its redirect URIs, the
level it requires at least, how it authenticates), and authenticating it at the token endpoint.

A relying party authenticates with a secret (``client_secret_basic`` or ``client_secret_post``; only
the secret's SHA-256 is kept), or with a key (``private_key_jwt``, RFC 7523: a JWT signed with a
key whose public half it registered, ``iss`` and ``sub`` its ``client_id``, ``aud`` the token
endpoint or the issuer, living at most :data:`ASSERTIE_MAX` (the hour Authlib and others give it by
default), its ``jti`` taken once).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import NietGevonden, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_oin
from opengdi.kernel.problems import InvalidParam
from opengdi.stelsel.digid import repository
from opengdi.stelsel.digid.aanmelden import sha256
from opengdi.stelsel.digid.model import ClientRow
from opengdi.stelsel.digid.niveaus import Niveau

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
#: The signature algorithms a client assertion may use.
ASSERTIE_ALGORITMEN = ("RS256", "PS256", "ES256")
#: How far ahead a client assertion may expire.
ASSERTIE_MAX = timedelta(hours=1)
METHODEN = ("client_secret_basic", "client_secret_post", "private_key_jwt")


class TokenFout(Exception):  # noqa: N818 - the OAuth error answer of the token endpoint
    """A token request refused: its OAuth ``error``, the Dutch description, the HTTP status."""

    def __init__(self, error: str, beschrijving: str, status: int = 400) -> None:
        super().__init__(beschrijving)
        self.error, self.beschrijving, self.status = error, beschrijving, status


def _weiger(naam: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, "invalid", reden)])


def _controleer_adressen(naam: str, uris: Sequence[str]) -> None:
    for uri in uris:
        delen = urlsplit(uri)
        lokaal = delen.hostname in ("localhost", "127.0.0.1", "testserver")
        if delen.fragment or not delen.hostname or (delen.scheme != "https" and not lokaal) or "\x00" in uri:
            raise _weiger(naam, f"{uri[:200]}: een https-adres zonder fragment (http alleen voor localhost).")


def publieke_sleutels(jwks: Mapping[str, Any], gebruik: str | None = None) -> KeySet:
    """The key set a relying party registers: public keys only; with ``gebruik`` (``sig`` or
    ``enc``) only those for that use (a key without ``use`` signs)."""
    try:
        sleutels = KeySet.import_key_set(dict(jwks))  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError, KeyError):
        raise _weiger("jwks", "Geen geldige JWK Set.") from None
    if not sleutels.keys or any(sleutel.is_private for sleutel in sleutels.keys):
        raise _weiger("jwks", "Geef een JWK Set met alleen publieke sleutels.")
    if gebruik is None:
        return sleutels
    return KeySet([sleutel for sleutel in sleutels.keys if (sleutel.get("use") or "sig") == gebruik])


def met_ondertekensleutel(jwks: Mapping[str, Any] | None) -> bool:
    """Whether a registered key set holds a key to sign client assertions with (``private_key_jwt``)."""
    return jwks is not None and bool(publieke_sleutels(jwks, "sig").keys)


def versleutelsleutel(jwks: Mapping[str, Any] | None) -> Any:
    """The relying party's RSA key for encrypting its ID tokens (``use`` ``enc``), if it registered one."""
    if jwks is None:
        return None
    return next((sleutel for sleutel in publieke_sleutels(jwks, "enc").keys if sleutel.key_type == "RSA"), None)


@dataclass(frozen=True, slots=True)
class Aansluiting:
    """What registering a relying party gives back: its ``client_id`` and secret (shown once;
    ``None`` for a party that authenticates with its key)."""

    client_id: str
    secret: str | None


async def registreer(
    database: Database,
    naam: str,
    oin: str,
    redirect_uris: Sequence[str],
    minimum: Niveau,
    *,
    post_logout_redirect_uris: Sequence[str] = (),
    jwks: Mapping[str, Any] | None = None,
) -> Aansluiting:
    """Register a relying party: with a secret, or with ``jwks`` holding a signing key for
    ``private_key_jwt``; an encryption key in ``jwks`` (``use`` ``enc``) has its ID tokens encrypted."""
    if not 1 <= len(naam.strip()) <= 200 or "\x00" in naam:
        raise _weiger("naam", "Een naam van 1 tot 200 tekens.")
    if not is_valid_oin(oin):
        raise _weiger("oin", "Geen geldig OIN (20 cijfers).")
    if not redirect_uris:
        raise _weiger("redirectUris", "Geef ten minste één terugkeeradres.")
    _controleer_adressen("redirectUris", redirect_uris)
    _controleer_adressen("postLogoutRedirectUris", post_logout_redirect_uris)
    if jwks is not None:
        publieke_sleutels(jwks)
    client_id = f"digid-{secrets.token_hex(8)}"
    secret = None if met_ondertekensleutel(jwks) else secrets.token_urlsafe(32)
    async with database.session() as session:
        session.add(
            ClientRow(
                client_id=client_id,
                oin=oin,
                naam=naam.strip(),
                redirect_uris=list(redirect_uris),
                post_logout_redirect_uris=list(post_logout_redirect_uris),
                minimum_niveau=minimum.naam,
                secret_hash=sha256(secret) if secret else None,  # 256 random bits: a fast hash suffices
                jwks=dict(jwks) if jwks is not None else None,
                sector=urlsplit(redirect_uris[0]).hostname or client_id,
            )
        )
        await session.commit()
    return Aansluiting(client_id, secret)


async def dienst(database: Database, client_id: str) -> ClientRow | None:
    """The relying party ``client_id``, if connected."""
    async with database.session() as session:
        return await repository.client(session, client_id)


async def lijst(database: Database, oin: str | None) -> list[ClientRow]:
    """The relying parties of the organisation ``oin`` (of every organisation: ``None``), by name."""
    async with database.session() as session:
        return await repository.clients(session, oin)


async def verwijder(database: Database, client_id: str) -> None:
    """Disconnect a relying party (its codes and tokens stop working with it)."""
    async with database.session() as session:
        client = await repository.client(session, client_id)
        if client is None:
            raise NietGevonden(f"Geen dienst met client_id {client_id}")
        await session.delete(client)
        await session.commit()


def _uit_basic(authorization: str) -> tuple[str, str]:
    try:
        tekst = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise TokenFout("invalid_client", "De Basic-authenticatie is onleesbaar.", 401) from None
    client_id, _, secret = tekst.partition(":")
    return unquote(client_id), unquote(secret)


def _enkel(velden: Mapping[str, Sequence[str]], naam: str) -> str | None:
    waarden = velden.get(naam) or []
    if len(waarden) > 1:
        raise TokenFout("invalid_request", f"Geef de parameter {naam} hoogstens één keer.")
    return waarden[0] if waarden else None


async def authenticeer(
    session: Any,
    velden: Mapping[str, Sequence[str]],
    authorization: str | None,
    doelen: Sequence[str],
    nu: datetime,
) -> ClientRow:
    """The relying party of a token request, by exactly one way of authenticating; ``doelen`` are
    the audiences a client assertion may name (the token endpoint, the issuer)."""
    basic = authorization is not None and authorization.lower().startswith("basic ")
    in_body, assertie = _enkel(velden, "client_secret"), _enkel(velden, "client_assertion")
    if sum((basic, in_body is not None, assertie is not None)) != 1:
        raise TokenFout("invalid_client", "Gebruik precies één manier van clientauthenticatie.", 401)
    if assertie is not None:
        return await _met_assertie(session, velden, assertie, doelen, nu)
    if basic:
        assert authorization is not None
        client_id, secret = _uit_basic(authorization)
    else:
        client_id, secret = _enkel(velden, "client_id") or "", in_body or ""
    client = await repository.client(session, client_id)
    if client is None or client.secret_hash is None or not hmac.compare_digest(sha256(secret), client.secret_hash):
        raise TokenFout("invalid_client", "Onbekende client of onjuist client secret.", 401)
    return client


async def _met_assertie(
    session: Any, velden: Mapping[str, Sequence[str]], assertie: str, doelen: Sequence[str], nu: datetime
) -> ClientRow:
    """The relying party that signed ``assertie`` (``private_key_jwt``), the assertion checked and used up."""
    fout = TokenFout("invalid_client", "De client_assertion is ongeldig.", 401)
    if _enkel(velden, "client_assertion_type") != JWT_BEARER:
        raise TokenFout("invalid_client", f"client_assertion_type moet {JWT_BEARER} zijn.", 401)
    client_id = _uitgever(assertie)
    client = await repository.client(session, client_id) if client_id else None
    if client is None or not met_ondertekensleutel(client.jwks) or _enkel(velden, "client_id") not in (None, client_id):
        raise fout
    try:
        assert client.jwks is not None
        token = jwt.decode(assertie, publieke_sleutels(client.jwks, "sig"), algorithms=list(ASSERTIE_ALGORITMEN))
    except (JoseError, ValueError, OngeldigeInvoer):
        raise fout from None
    inhoud = token.claims
    aud = inhoud.get("aud")
    audiences: list[Any] = aud if isinstance(aud, list) else [aud]
    exp, jti = inhoud.get("exp"), inhoud.get("jti")
    if (
        inhoud.get("iss") != client_id
        or inhoud.get("sub") != client_id
        or not any(doel in audiences for doel in doelen)
        or not isinstance(exp, int)
        or not isinstance(jti, str)
        or not nu.timestamp() < exp <= (nu + ASSERTIE_MAX).timestamp()
    ):
        raise fout
    if not await repository.neem_assertie(session, sha256(f"{client_id}\n{jti}"), nu + ASSERTIE_MAX, nu):
        raise TokenFout("invalid_client", "Deze client_assertion is al gebruikt.", 401)
    return client


def _uitgever(assertie: str) -> str:
    """The ``iss`` of a JWT read without checking its signature: only to find whose keys check it."""
    try:
        deel = assertie.split(".")[1]
        inhoud = json.loads(base64.urlsafe_b64decode(deel + "=" * (-len(deel) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return ""
    return str(inhoud.get("iss", "")) if isinstance(inhoud, dict) else ""
