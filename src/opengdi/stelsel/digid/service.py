# SPDX-License-Identifier: EUPL-1.2
"""The use cases of DigiD over OpenID Connect: registering relying parties and test accounts, an
authorization request, the login that answers it, the token request and the userinfo, the
discovery document and the keys.

The authorization code flow of the NL GOV Assurance profile: ``response_type=code``, PKCE with
``S256`` required, ``nonce`` required, ``state`` passed back; the redirect URI must be one the
relying party registered, exactly, or nothing is redirected at all. A code is used once and lives
:data:`CODE_GELDIG`; the relying party authenticates with its secret (``client_secret_basic`` or
``client_secret_post``). Only the level basis can be reached so far (a second factor is not built
yet): a relying party that requires more is told so (``access_denied``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, NietGevonden, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.problems import InvalidParam
from opengdi.stelsel.digid import blokkade, pkce, repository, wachtwoord
from opengdi.stelsel.digid.idtoken import PSEUDONIEM, Aanmelding, Ontvanger, claims, onderteken, persoonsclaims
from opengdi.stelsel.digid.model import AccountRow, ClientRow, CodeRow, TokenRow, VerzoekRow
from opengdi.stelsel.digid.niveaus import Niveau, vereist_niveau
from opengdi.stelsel.digid.sleutelring import ALGORITHM, Sleutelring, nieuwe_sleutel

#: How long a login may take, how long a code and an access token live.
VERZOEK_GELDIG, CODE_GELDIG, TOKEN_GELDIG = timedelta(minutes=15), timedelta(minutes=2), timedelta(minutes=15)
_GEBRUIKERSNAAM = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
#: Checked when a username is unknown, so that a wrong username takes as long as a wrong password.
_SCHIJNHASH = wachtwoord.maak(secrets.token_urlsafe(16))


def _hash(waarde: str) -> str:
    return hashlib.sha256(waarde.encode()).hexdigest()


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


def discovery(eindpunten: Eindpunten) -> dict[str, Any]:
    """The OpenID Provider metadata (``/.well-known/openid-configuration``)."""
    return {
        "issuer": eindpunten.issuer,
        "authorization_endpoint": eindpunten.authorize,
        "token_endpoint": eindpunten.token,
        "userinfo_endpoint": eindpunten.userinfo,
        "jwks_uri": eindpunten.jwks,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["pairwise"],
        "sub_id_types_supported": [PSEUDONIEM],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "code_challenge_methods_supported": [pkce.S256],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
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


class InlogFout(Exception):  # noqa: N818 - what the login form tells the person
    """A login that did not succeed; ``str()`` is the Dutch line for the form."""


class TokenFout(Exception):  # noqa: N818 - the OAuth error answer of the token endpoint
    def __init__(self, error: str, beschrijving: str, status: int = 400) -> None:
        super().__init__(beschrijving)
        self.error, self.beschrijving, self.status = error, beschrijving, status


def _terug(uri: str, velden: Mapping[str, str | None]) -> str:
    scheiding = "&" if urlsplit(uri).query else "?"
    return uri + scheiding + urlencode({key: value for key, value in velden.items() if value is not None})


@dataclass(frozen=True, slots=True)
class Verzoek:
    """An accepted authorization request: the key of its login form, whom it is for, which level."""

    sleutel: str
    client: str
    niveau: Niveau


async def begin(database: Database, vraag: Mapping[str, str], nu: datetime) -> Verzoek:
    """Accept an authorization request (:class:`OngeldigVerzoek` when refused) and keep it for its login."""
    async with database.session() as session:
        client = await repository.client(session, vraag.get("client_id", ""))
        if client is None:
            raise OngeldigVerzoek("invalid_request", "Deze dienst (client_id) is niet bij DigiD aangesloten.")
        redirect_uri = vraag.get("redirect_uri", "")
        if redirect_uri not in client.redirect_uris:
            raise OngeldigVerzoek("invalid_request", "Dit terugkeeradres (redirect_uri) is niet geregistreerd.")
        state = vraag.get("state")

        def fout(error: str, tekst: str) -> OngeldigVerzoek:
            terug = _terug(redirect_uri, {"error": error, "error_description": tekst, "state": state})
            return OngeldigVerzoek(error, tekst, terug)

        niveau = _controleer(vraag, client, fout)
        sleutel = secrets.token_urlsafe(32)
        session.add(
            VerzoekRow(
                sleutel_hash=_hash(sleutel),
                client_id=client.client_id,
                redirect_uri=redirect_uri,
                state=state,
                nonce=vraag["nonce"],
                code_challenge=vraag["code_challenge"],
                niveau=niveau.naam,
                verloopt=nu + VERZOEK_GELDIG,
            )
        )
        await session.commit()
    return Verzoek(sleutel, client.naam, niveau)


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
    niveau = vereist_niveau(vraag.get("acr_values"), minimum)
    if niveau.tweede_factor:
        raise fout("access_denied", f"Inloggen op niveau {niveau.naam} kan in deze testomgeving nog niet.")
    return niveau


@dataclass(frozen=True, slots=True)
class LopendVerzoek:
    """A request still waiting for its login: for the form shown again."""

    client: str
    niveau: Niveau
    terug: str


async def lopend_verzoek(database: Database, sleutel: str, nu: datetime) -> LopendVerzoek | None:
    """The request with this key, if it still waits for its login."""
    async with database.session() as session:
        verzoek = await repository.verzoek(session, _hash(sleutel), nu)
        client = await repository.client(session, verzoek.client_id) if verzoek else None
    if verzoek is None or client is None:
        return None
    return LopendVerzoek(client.naam, Niveau.van(verzoek.niveau) or Niveau.BASIS, verzoek.redirect_uri)


async def inloggen(database: Database, sleutel: str, gebruikersnaam: str, geheim: str, nu: datetime) -> str:
    """Log in for the request ``sleutel`` with a username and password; where the browser goes next
    (the relying party's redirect URI with ``code`` and ``state``). :class:`InlogFout` when not."""
    async with database.session() as session:
        verzoek = await repository.verzoek(session, _hash(sleutel), nu)
        if verzoek is None:
            raise InlogFout("Dit inlogverzoek is verlopen of onbekend. Begin opnieuw bij de dienst.")
        account = await repository.account(session, gebruikersnaam.strip().lower())
        try:
            _controleer_wachtwoord(account, geheim, nu)
        finally:
            await session.commit()  # the count of failures, or its reset
        assert account is not None
        code = secrets.token_urlsafe(32)
        session.add(
            CodeRow(
                code_hash=_hash(code),
                client_id=verzoek.client_id,
                redirect_uri=verzoek.redirect_uri,
                bsn=account.bsn,
                niveau=verzoek.niveau,
                nonce=verzoek.nonce,
                code_challenge=verzoek.code_challenge,
                aangemeld=nu,
                verloopt=nu + CODE_GELDIG,
                gebruikt=False,
            )
        )
        await repository.verwijder_verzoek(session, verzoek.sleutel_hash)
        await session.commit()
        return _terug(verzoek.redirect_uri, {"code": code, "state": verzoek.state})


def _controleer_wachtwoord(account: AccountRow | None, geheim: str, nu: datetime) -> None:
    """Whether the password is right for the account (:class:`InlogFout` when not), counting
    failures on the account (the caller commits them)."""
    fout = InlogFout("De gebruikersnaam of het wachtwoord is onjuist.")
    if account is None:
        wachtwoord.klopt(geheim, _SCHIJNHASH)
        raise fout
    pogingen = blokkade.Pogingen(account.mislukt, account.geblokkeerd_tot)
    if pogingen.geblokkeerd(nu):
        assert pogingen.geblokkeerd_tot is not None
        tot = pogingen.geblokkeerd_tot.astimezone().strftime("%H:%M")
        raise InlogFout(f"Te veel mislukte pogingen. Probeer het na {tot} opnieuw.")
    goed = wachtwoord.klopt(geheim, account.wachtwoord_hash)
    pogingen = pogingen.na_succes() if goed else pogingen.na_mislukking(nu)
    account.mislukt, account.geblokkeerd_tot = pogingen.mislukt, pogingen.geblokkeerd_tot
    if not goed:
        raise fout


def _client_gegevens(velden: Mapping[str, Sequence[str]], authorization: str | None) -> tuple[str, str]:
    """The ``client_id`` and secret of a token request: in the Basic header or in the body, one way only."""
    in_body = velden.get("client_secret")
    if authorization is not None and authorization.lower().startswith("basic "):
        if in_body:
            raise TokenFout("invalid_request", "Gebruik één manier van clientauthenticatie.")
        try:
            tekst = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            raise TokenFout("invalid_client", "De Basic-authenticatie is onleesbaar.", 401) from None
        client_id, _, secret = tekst.partition(":")
        return unquote(client_id), unquote(secret)
    client_id = (velden.get("client_id") or [""])[0]
    if not in_body or not client_id:
        raise TokenFout("invalid_client", "Clientauthenticatie ontbreekt.", 401)
    return client_id, in_body[0]


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


def _enkel(velden: Mapping[str, Sequence[str]], naam: str) -> str:
    waarden = velden.get(naam) or []
    if len(waarden) != 1 or not waarden[0]:
        raise TokenFout("invalid_request", f"Geef de parameter {naam} precies één keer.")
    return waarden[0]


async def token(
    database: Database, issuer: str, velden: Mapping[str, Sequence[str]], authorization: str | None, nu: datetime
) -> dict[str, Any]:
    """Answer a token request (``authorization_code``): the ID token and an access token."""
    client_id, secret = _client_gegevens(velden, authorization)
    if _enkel(velden, "grant_type") != "authorization_code":
        raise TokenFout("unsupported_grant_type", "Alleen grant_type=authorization_code wordt ondersteund.")
    code, redirect_uri, verifier = (_enkel(velden, naam) for naam in ("code", "redirect_uri", "code_verifier"))
    async with database.session() as session:
        client = await repository.client(session, client_id)
        if client is None or not hmac.compare_digest(_hash(secret), client.secret_hash):
            raise TokenFout("invalid_client", "Onbekende client of onjuist client secret.", 401)
        gevonden = await repository.neem_code(session, _hash(code), nu)
        await session.commit()
        if gevonden is None or gevonden.client_id != client_id or gevonden.redirect_uri != redirect_uri:
            raise TokenFout("invalid_grant", "De code is onbekend, verlopen, al gebruikt of niet voor deze client.")
        if not pkce.klopt(verifier, gevonden.code_challenge):
            raise TokenFout("invalid_grant", "De code_verifier hoort niet bij de code_challenge.")
        niveau = Niveau.van(gevonden.niveau) or Niveau.BASIS
        aanmelding = Aanmelding(gevonden.bsn, niveau, gevonden.aangemeld)
        ring = await _sleutelring(session, nu)
        id_token = onderteken(
            claims(await _ontvanger(session, issuer, client), aanmelding, gevonden.nonce, nu), ring.ondertekenaar()
        )
        access_token = secrets.token_urlsafe(32)
        session.add(
            TokenRow(
                token_hash=_hash(access_token),
                client_id=client_id,
                bsn=gevonden.bsn,
                niveau=niveau.naam,
                aangemeld=gevonden.aangemeld,
                verloopt=nu + TOKEN_GELDIG,
            )
        )
        await session.commit()
    return {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": int(TOKEN_GELDIG.total_seconds()),
        "id_token": id_token,
        "scope": "openid",
    }


async def userinfo(database: Database, issuer: str, access_token: str, nu: datetime) -> dict[str, Any]:
    """The claims about the person an access token was issued for (:class:`TokenFout` 401 when none)."""
    async with database.session() as session:
        gevonden = await repository.token(session, _hash(access_token), nu)
        client = await repository.client(session, gevonden.client_id) if gevonden else None
        if gevonden is None or client is None:
            raise TokenFout("invalid_token", "Het access token is onbekend of verlopen.", 401)
        aanmelding = Aanmelding(gevonden.bsn, Niveau.van(gevonden.niveau) or Niveau.BASIS, gevonden.aangemeld)
        return persoonsclaims(await _ontvanger(session, issuer, client), aanmelding)


def _weiger(naam: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, "invalid", reden)])


async def maak_account(
    database: Database,
    bsn: str,
    gebruikersnaam: str,
    geheim: str,
    in_brp: Callable[[str], Awaitable[bool]] | None = None,
) -> None:
    """Create the test account ``gebruikersnaam`` for the person with ``bsn`` (who must be in the
    BRP, when ``in_brp`` can tell)."""
    if not is_valid_bsn(bsn):
        raise _weiger("burgerservicenummer", "Geen geldig burgerservicenummer (elfproef).")
    if not _GEBRUIKERSNAAM.fullmatch(gebruikersnaam):
        raise _weiger("gebruikersnaam", "3 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.")
    if not 8 <= len(geheim) <= 128:
        raise _weiger("wachtwoord", "Een wachtwoord heeft 8 tot 128 tekens.")
    if in_brp is not None and not await in_brp(bsn):
        raise NietGevonden(f"De BRP kent geen persoon met burgerservicenummer {bsn}")
    async with database.session() as session:
        if await repository.account(session, gebruikersnaam) is not None:
            raise Conflict(f"Er is al een DigiD-account met gebruikersnaam {gebruikersnaam}")
        session.add(
            AccountRow(gebruikersnaam=gebruikersnaam, bsn=bsn, wachtwoord_hash=wachtwoord.maak(geheim), mislukt=0)
        )
        await session.commit()


async def registreer_client(
    database: Database, naam: str, oin: str, redirect_uris: Sequence[str], minimum: Niveau
) -> tuple[str, str]:
    """Register a relying party; its ``client_id`` and secret (shown once: only its hash is kept)."""
    for uri in redirect_uris:
        delen = urlsplit(uri)
        lokaal = delen.hostname in ("localhost", "127.0.0.1", "testserver")
        if delen.fragment or not delen.hostname or (delen.scheme != "https" and not lokaal):
            raise _weiger("redirect_uri", f"{uri}: een https-adres zonder fragment (http alleen voor localhost).")
    if not redirect_uris:
        raise _weiger("redirect_uri", "Geef ten minste één terugkeeradres.")
    client_id, secret = f"digid-{secrets.token_hex(8)}", secrets.token_urlsafe(32)
    async with database.session() as session:
        session.add(
            ClientRow(
                client_id=client_id,
                oin=oin,
                naam=naam,
                redirect_uris=list(redirect_uris),
                post_logout_redirect_uris=[],
                minimum_niveau=minimum.naam,
                secret_hash=_hash(secret),  # a random secret of 256 bits: a fast hash suffices
                sector=urlsplit(redirect_uris[0]).hostname or client_id,
            )
        )
        await session.commit()
    return client_id, secret
