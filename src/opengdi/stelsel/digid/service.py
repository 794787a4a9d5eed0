# SPDX-License-Identifier: EUPL-1.2
"""DigiD's OpenID Provider: the discovery document and the keys, an authorization request, the token
request, the userinfo and the logout a relying party starts.

The authorization code flow of the NL GOV Assurance profile: ``response_type=code``, PKCE with
``S256`` required, ``nonce`` required, ``state`` passed back; the redirect URI must be one the
relying party registered, exactly, or nothing is redirected at all. A browser whose session already
reached the level is sent back at once (``prompt=login`` asks the password again, ``prompt=none``
never shows a page). A code is used once and lives :data:`~opengdi.stelsel.digid.aanmelden.CODE_GELDIG`;
the relying party authenticates as :mod:`~opengdi.stelsel.digid.diensten` describes. The login
itself is :mod:`~opengdi.stelsel.digid.aanmelden`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from opengdi.kernel.db import Database
from opengdi.stelsel.digid import aanmelden, diensten, pkce, repository
from opengdi.stelsel.digid.aanmelden import Stap, Wachtwoord, met_parameters, sha256
from opengdi.stelsel.digid.diensten import TokenFout
from opengdi.stelsel.digid.idtoken import (
    INHOUDVERSLEUTELING,
    PSEUDONIEM,
    VERSLEUTELING,
    Aanmelding,
    Namens,
    Ontvanger,
    claims,
    dienst_uuid,
    onderteken,
    persoonsclaims,
    versleutel,
)
from opengdi.stelsel.digid.model import ClientRow, TokenRow
from opengdi.stelsel.digid.niveaus import Niveau, vereist_niveau
from opengdi.stelsel.digid.sleutelring import ALGORITHM, Sleutelring, nieuwe_sleutel

#: How long an access token lives.
TOKEN_GELDIG = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Eindpunten:
    """The URLs of DigiD's OpenID Provider in a deployment."""

    base_url: str

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/digid"

    @property
    def authorize(self) -> str:
        return f"{self.issuer}/oidc/authorize"

    @property
    def token(self) -> str:
        return f"{self.issuer}/oidc/token"

    @property
    def userinfo(self) -> str:
        return f"{self.issuer}/oidc/userinfo"

    @property
    def jwks(self) -> str:
        return f"{self.issuer}/oidc/jwks"

    @property
    def uitloggen(self) -> str:
        return f"{self.issuer}/oidc/uitloggen"


def discovery(eindpunten: Eindpunten) -> dict[str, Any]:
    """The OpenID Provider metadata (``/.well-known/openid-configuration``)."""
    return {
        "issuer": eindpunten.issuer,
        "authorization_endpoint": eindpunten.authorize,
        "token_endpoint": eindpunten.token,
        "userinfo_endpoint": eindpunten.userinfo,
        "jwks_uri": eindpunten.jwks,
        "end_session_endpoint": eindpunten.uitloggen,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["pairwise"],
        "sub_id_types_supported": [PSEUDONIEM],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "id_token_encryption_alg_values_supported": [VERSLEUTELING],
        "id_token_encryption_enc_values_supported": [INHOUDVERSLEUTELING],
        "code_challenge_methods_supported": [pkce.S256],
        "token_endpoint_auth_methods_supported": list(diensten.METHODEN),
        "token_endpoint_auth_signing_alg_values_supported": list(diensten.ASSERTIE_ALGORITMEN),
        "prompt_values_supported": ["none", "login"],
        "scopes_supported": ["openid"],
        "claims_supported": ["sub", "sub_id_type", "bsn", "acr", "auth_time", "nonce", "represents"],
        "acr_values_supported": [niveau.acr for niveau in Niveau],
        "ui_locales_supported": ["nl"],
        "claims_parameter_supported": False,
        "request_parameter_supported": False,
    }


class OngeldigVerzoek(Exception):  # noqa: N818 - the OAuth error answer of an authorization request
    """An authorization request that is refused: to the relying party's redirect URI (``terug``)
    when that is known to be registered, else to the person on a page."""

    def __init__(self, error: str, beschrijving: str, terug: str | None = None) -> None:
        super().__init__(beschrijving)
        self.error, self.beschrijving, self.terug = error, beschrijving, terug


async def begin(
    database: Database, vraag: Mapping[str, str], sessie: str | None, weigering: aanmelden.Weigering, nu: datetime
) -> Stap:
    """Accept an authorization request (:class:`OngeldigVerzoek` when refused): its login page, or
    for a browser whose session ``sessie`` reached the level, at once the relying party with a code."""
    async with database.session() as session:
        client = await repository.client(session, vraag.get("client_id", ""))
        if client is None:
            raise OngeldigVerzoek("invalid_request", "Deze dienst (client_id) is niet bij DigiD aangesloten.")
        redirect_uri = vraag.get("redirect_uri", "")
        if redirect_uri not in client.redirect_uris:
            raise OngeldigVerzoek("invalid_request", "Dit terugkeeradres (redirect_uri) is niet geregistreerd.")
        state = vraag.get("state")

        def fout(error: str, tekst: str) -> OngeldigVerzoek:
            terug = met_parameters(redirect_uri, {"error": error, "error_description": tekst, "state": state})
            return OngeldigVerzoek(error, tekst, terug)

        niveau = _controleer(vraag, client, fout)
        sleutel, verzoek = aanmelden.nieuw_verzoek(
            client.client_id,
            redirect_uri,
            niveau,
            nu,
            state=state,
            nonce=vraag["nonce"],
            code_challenge=vraag["code_challenge"],
        )
        prompt = vraag.get("prompt", "").split()
        lopend = aanmelden.Lopend(sleutel, client.naam, niveau, redirect_uri)
        if "login" not in prompt:
            stap = await aanmelden.met_sessie(session, verzoek, lopend, sessie=sessie, weigering=weigering, nu=nu)
            if stap is not None:
                await session.commit()
                return stap
        if "none" in prompt:
            raise fout("login_required", "De gebruiker is niet (op dit niveau) ingelogd.")
        session.add(verzoek)
        await session.commit()
    return Wachtwoord(lopend)


def _controleer(vraag: Mapping[str, str], client: ClientRow, fout: Callable[[str, str], OngeldigVerzoek]) -> Niveau:
    """The level of a request of a known client to a registered redirect URI, or ``fout(error, text)`` raised."""
    if vraag.get("response_type") != "code":
        raise fout("unsupported_response_type", "Alleen response_type=code wordt ondersteund.")
    if "openid" not in vraag.get("scope", "").split():
        raise fout("invalid_scope", "De scope moet openid bevatten.")
    if not pkce.geldige_challenge(vraag.get("code_challenge"), vraag.get("code_challenge_method")):
        raise fout("invalid_request", "PKCE is verplicht: geef code_challenge met code_challenge_method=S256.")
    if not vraag.get("nonce"):
        raise fout("invalid_request", "Geef een nonce.")
    minimum = Niveau.van(client.minimum_niveau) or Niveau.BASIS
    return vereist_niveau(vraag.get("acr_values"), minimum)


async def _sleutelring(session: Any, nu: datetime) -> Sleutelring:
    ring = await repository.sleutelring(session)
    if not ring.sleutels:
        await repository.bewaar_rotatie(session, nieuwe_sleutel(nu))
        await session.commit()
        ring = await repository.sleutelring(session)
    return ring


async def roteer(database: Database, nu: datetime) -> str:
    """Replace the signing key by a new one; its ``kid``."""
    nieuw = nieuwe_sleutel(nu)
    async with database.session() as session:
        await repository.bewaar_rotatie(session, nieuw)
        await session.commit()
    return nieuw.kid


async def jwks(database: Database, nu: datetime) -> dict[str, Any]:
    """The JWK Set of the signing keys at ``nu``."""
    async with database.session() as session:
        return (await _sleutelring(session, nu)).jwks(nu)


async def _ontvanger(session: Any, issuer: str, client: ClientRow) -> Ontvanger:
    geheim = await repository.geheim(session, "pseudoniemen", lambda: secrets.token_hex(32))
    return Ontvanger(issuer, client.client_id, client.sector, bytes.fromhex(geheim))


def _aanmelding(bsn: str, niveau: Niveau, moment: datetime, namens: str | None, client: ClientRow) -> Aanmelding:
    """A finished login, with whom the person represents (at the client's service) when he does."""
    return Aanmelding(bsn, niveau, moment, Namens(namens, dienst_uuid(client.client_id)) if namens else None)


def _enkel(velden: Mapping[str, Sequence[str]], naam: str) -> str:
    waarden = velden.get(naam) or []
    if len(waarden) != 1 or not waarden[0]:
        raise TokenFout("invalid_request", f"Geef de parameter {naam} precies één keer.")
    return waarden[0]


async def token(
    database: Database, issuer: str, velden: Mapping[str, Sequence[str]], authorization: str | None, nu: datetime
) -> tuple[dict[str, Any], ClientRow]:
    """Answer a token request (``authorization_code``): the ID token and an access token; the
    relying party that asked (for the transaction log)."""
    async with database.session() as session:
        client = await diensten.authenticeer(session, velden, authorization, (f"{issuer}/oidc/token", issuer), nu)
        client_id = client.client_id
        if _enkel(velden, "grant_type") != "authorization_code":
            raise TokenFout("unsupported_grant_type", "Alleen grant_type=authorization_code wordt ondersteund.")
        code, redirect_uri, verifier = (_enkel(velden, naam) for naam in ("code", "redirect_uri", "code_verifier"))
        gevonden = await repository.neem_code(session, sha256(code), nu)
        await session.commit()
        if gevonden is None or gevonden.client_id != client_id or gevonden.redirect_uri != redirect_uri:
            raise TokenFout("invalid_grant", "De code is onbekend, verlopen, al gebruikt of niet voor deze client.")
        if not pkce.klopt(verifier, gevonden.code_challenge):
            raise TokenFout("invalid_grant", "De code_verifier hoort niet bij de code_challenge.")
        niveau = Niveau.van(gevonden.niveau) or Niveau.BASIS
        aanmelding = _aanmelding(
            gevonden.bsn, niveau, repository.utc(gevonden.aangemeld) or nu, gevonden.namens_bsn, client
        )
        ring = await _sleutelring(session, nu)
        id_token = onderteken(
            claims(await _ontvanger(session, issuer, client), aanmelding, gevonden.nonce, nu), ring.ondertekenaar()
        )
        versleutelsleutel = diensten.versleutelsleutel(client.jwks)
        if versleutelsleutel is not None:
            id_token = versleutel(id_token, versleutelsleutel)
        access_token = secrets.token_urlsafe(32)
        session.add(
            TokenRow(
                token_hash=sha256(access_token),
                client_id=client_id,
                bsn=gevonden.bsn,
                niveau=niveau.naam,
                aangemeld=gevonden.aangemeld,
                verloopt=nu + TOKEN_GELDIG,
                namens_bsn=gevonden.namens_bsn,
            )
        )
        await session.commit()
    antwoord = {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": int(TOKEN_GELDIG.total_seconds()),
        "id_token": id_token,
        "scope": "openid",
    }
    return antwoord, client


async def userinfo(database: Database, issuer: str, access_token: str, nu: datetime) -> dict[str, Any]:
    """The claims about the person an access token was issued for (:class:`TokenFout` 401 when none)."""
    async with database.session() as session:
        gevonden = await repository.token(session, sha256(access_token), nu)
        client = await repository.client(session, gevonden.client_id) if gevonden else None
        if gevonden is None or client is None:
            raise TokenFout("invalid_token", "Het access token is onbekend of verlopen.", 401)
        niveau = Niveau.van(gevonden.niveau) or Niveau.BASIS
        aanmelding = _aanmelding(
            gevonden.bsn, niveau, repository.utc(gevonden.aangemeld) or nu, gevonden.namens_bsn, client
        )
        return persoonsclaims(await _ontvanger(session, issuer, client), aanmelding)


@dataclass(frozen=True, slots=True)
class Uitgelogd:
    """What a logout ends with: the relying party's registered address to go back to (with its
    ``state``), or ``None`` for DigiD's own page saying so."""

    terug: str | None


async def uitloggen(
    database: Database, vraag: Mapping[str, str], sessie: str | None, bevestigd: bool, nu: datetime
) -> Uitgelogd | None:
    """A logout started by a relying party (OpenID Connect RP-Initiated Logout): with an
    ``id_token_hint`` this OP signed, the session ends at once and the browser may go back to one of
    that party's ``post_logout_redirect_uris``; without one, only once the person ``bevestigd`` it
    (``None``: ask first)."""
    async with database.session() as session:
        client = await _client_van_hint(session, vraag.get("id_token_hint"), vraag.get("client_id"), nu)
        if client is None and not bevestigd:
            return None
        if sessie:
            await repository.beeindig_sessie(session, sha256(sessie))
            await session.commit()
    terug = vraag.get("post_logout_redirect_uri")
    if client is None or not terug or terug not in client.post_logout_redirect_uris:
        return Uitgelogd(None)
    return Uitgelogd(met_parameters(terug, {"state": vraag.get("state")}))


async def _client_van_hint(session: Any, hint: str | None, client_id: str | None, nu: datetime) -> ClientRow | None:
    """The relying party an ID token this OP signed was issued to (expired ones count too)."""
    if not hint:
        return None
    sleutels = KeySet.import_key_set((await _sleutelring(session, nu)).jwks(nu))  # type: ignore[arg-type]
    try:
        token = jwt.decode(hint, sleutels)
    except (JoseError, ValueError):
        return None
    audience = token.claims.get("aud")
    if not isinstance(audience, str) or client_id not in (None, audience):
        return None
    return await repository.client(session, audience)
