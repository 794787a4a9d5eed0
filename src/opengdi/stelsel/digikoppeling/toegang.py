# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling as the deployment's access policy (the kernel's ``Toegang``).

An afnemer is identified by an access token of this GDI (``Authorization: Bearer …``) or by a
client certificate of its CA that a trusted proxy passed on, or both (then they must name the same
OIN, and a token bound to a certificate only counts with that certificate). Its organisation must
be active. Permission comes from its autorisatiebesluiten (see :mod:`autorisatie`). Every refusal
is a 401/403 problem and a line in the security log. Organisations and grants are cached for two
seconds, so a revocation takes effect within that time in every process; so are the decisions made
on those grants and the claims of a verified access token (the signature is checked once per token
per two seconds, its expiry on every request).
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NoReturn

from cryptography import x509
from starlette.requests import Request

from opengdi.kernel.catalogus import Catalogus, Register
from opengdi.kernel.problems import Problem, forbidden
from opengdi.kernel.toegang import (
    DOELBINDING_HEADER,
    GEBRUIKER_HEADER,
    VERWERKING_HEADER,
    Besluit,
    Principaal,
    PrincipaalSoort,
    Toegangsvraag,
    api_sleutel_van,
    log_security_event,
    stated,
)
from opengdi.stelsel.digikoppeling import organisaties, pki, tokens
from opengdi.stelsel.digikoppeling.autorisatie import GEEN_OPERATIE, Grant, Weigering, decide, scopes_of
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.pki import now_utc
from opengdi.stelsel.digikoppeling.tokens import TokenFout
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever

CACHE_SECONDS = 2.0
#: The most verified access tokens kept (the cache is emptied when it is full).
MAX_CACHED_TOKENS = 10_000


def unauthenticated(detail: str) -> Problem:
    """The 401 answer (with a WWW-Authenticate challenge)."""
    return Problem(
        status=401,
        title="Niet correct geauthenticeerd.",
        code="authentication",
        detail=detail,
        headers={"WWW-Authenticate": 'Bearer realm="opengdi"'},
    )


@dataclass(frozen=True, slots=True)
class _Lid:
    organisatie: Organisatie
    grants: tuple[Grant, ...]
    #: Decisions made on these grants: (vraag, doelbinding) → permission or refusal.
    besluiten: dict[tuple[Toegangsvraag, str | None], Besluit | tuple[str, str, str]] = field(default_factory=dict)

    def decide(self, vraag: Toegangsvraag, doelbinding: str | None) -> Besluit:
        """The decision on ``vraag`` (made once while these grants are cached); raises the refusal."""
        key = (vraag, doelbinding)
        besluit = self.besluiten.get(key)
        if besluit is None:
            try:
                besluit = decide(self.grants, vraag, doelbinding=doelbinding)
            except Weigering as weigering:
                besluit = (weigering.code, weigering.title, weigering.detail)
            self.besluiten[key] = besluit
        if isinstance(besluit, tuple):
            raise Weigering(*besluit)
        return besluit


class DigikoppelingToegang:
    """Authentication by token or certificate, authorisation by autorisatiebesluit."""

    def __init__(self, uitgever: Uitgever, registers: Sequence[Register]) -> None:
        self.uitgever = uitgever
        #: The declarations of the deployment's blocks: what an autorisatiebesluit may name.
        self.catalogus = Catalogus(tuple(registers))
        self.settings = uitgever.settings
        self.proxies = self.settings.proxy_networks()
        self._leden: dict[str, tuple[float, _Lid | None]] = {}
        self._tokens: dict[str, tuple[float, dict[str, Any]]] = {}
        self._sleutels: dict[str, tuple[float, str | None]] = {}

    def forget(self, oin: str) -> None:
        """Drop ``oin`` from the cache (after a change in this process)."""
        self._leden.pop(oin, None)

    async def _lid(self, oin: str) -> _Lid | None:
        cached = self._leden.get(oin)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            return cached[1]
        async with self.uitgever.database.session() as session:
            organisatie = await organisaties.get_organisatie(session, oin)
            grants = await organisaties.grants_of(session, oin) if organisatie else []
        lid = _Lid(organisatie, tuple(grants)) if organisatie else None
        self._leden[oin] = (time.monotonic(), lid)
        return lid

    def client_certificate(self, request: Request) -> x509.Certificate | None:
        """The client certificate a trusted proxy passed on, if any."""
        value = request.headers.get(self.settings.certificaat_header)
        if not value:
            return None
        client = request.client.host if request.client else ""
        if not self._trusted(client):
            _refuse(
                "untrusted_certificate_header",
                client,
                "Een clientcertificaat wordt alleen aangenomen van een vertrouwde proxy.",
            )
        try:
            return pki.parse_header_certificate(value)
        except ValueError:
            _refuse("malformed_certificate_header", client, "De certificaatheader bevat geen leesbaar certificaat.")

    def _trusted(self, host: str) -> bool:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in network for network in self.proxies)

    async def authenticate(self, request: Request) -> Principaal:
        """The organisation behind ``request``."""
        certificate = self.client_certificate(request)
        token = _bearer(request)
        sleutel = api_sleutel_van(request) if token is None and certificate is None else None
        if sleutel is not None:
            oin, via, scopes = await self._api_sleutel(sleutel), "apisleutel", None
        elif token is None and certificate is None:
            _refuse(
                "no_credentials", "", "Geef een access token mee (Authorization: Bearer …) of een clientcertificaat."
            )
        else:
            try:
                oin, via, scopes = await self._identify(token, certificate)
            except TokenFout as fout:
                _refuse(fout.error, "", fout.description)
        lid = await self._lid(oin)
        if lid is None or not lid.organisatie.actief:
            log_security_event("access_refused", reason="organisation_revoked", oin=oin)
            raise forbidden(GEEN_OPERATIE, detail=f"Organisatie {oin} is niet (meer) aangesloten.")
        return Principaal(
            soort=PrincipaalSoort.ORGANISATIE,
            identificatie=oin,
            naam=lid.organisatie.naam,
            via=via,
            scopes=scopes if scopes is not None else scopes_of(lid.grants),
            doelbinding=stated(request, DOELBINDING_HEADER),
            verwerking=stated(request, VERWERKING_HEADER),
            eindgebruiker=stated(request, GEBRUIKER_HEADER),
        )

    async def _api_sleutel(self, sleutel: str) -> str:
        """The organisation of an API key (looked up by its hash, cached like the register); an
        unknown or revoked key is refused with 403, as the documents that declare keys say."""
        hashed = organisaties.sleutelhash(sleutel)
        cached = self._sleutels.get(hashed)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            oin = cached[1]
        else:
            async with self.uitgever.database.session() as session:
                oin = await organisaties.api_sleutel_oin(session, hashed)
            if len(self._sleutels) >= MAX_CACHED_TOKENS:
                self._sleutels.clear()
            self._sleutels[hashed] = (time.monotonic(), oin)
        if oin is None:
            log_security_event("authentication_refused", reason="invalid_api_key")
            raise forbidden(GEEN_OPERATIE, detail="De API-sleutel is onbekend of ingetrokken.")
        return oin

    async def _identify(
        self, token: str | None, certificate: x509.Certificate | None
    ) -> tuple[str, str, frozenset[str] | None]:
        moment = now_utc()
        cert_oin = await self.uitgever.certificate_oin(certificate, moment) if certificate is not None else None
        if token is None:
            assert cert_oin is not None
            return cert_oin, "certificaat", None
        claims = await self._verified_claims(token, moment)
        oin = str(claims["oin"])
        bound = (claims.get("cnf") or {}).get("x5t#S256")
        if cert_oin is not None and cert_oin != oin:
            raise TokenFout("invalid_token", "Token en clientcertificaat horen bij verschillende organisaties.")
        if bound and (certificate is None or pki.thumbprint(certificate) != bound):
            raise TokenFout(
                "invalid_token", "Dit token is aan een clientcertificaat gebonden; bied dat certificaat aan."
            )
        return oin, "token", frozenset(str(claims.get("scope", "")).split())

    async def _verified_claims(self, token: str, moment: datetime) -> dict[str, Any]:
        """The claims of a valid access token: verified in full once per :data:`CACHE_SECONDS`, its
        expiry checked on every use."""
        cached = self._tokens.get(token)
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS:
            claims = cached[1]
            if datetime.fromtimestamp(claims["exp"], UTC) >= moment - tokens.LEEWAY:
                return claims
        claims = tokens.verify_access_token(
            token,
            keys=await self.uitgever.public_keys(),
            issuer=self.uitgever.eindpunten.issuer,
            audience=self.uitgever.eindpunten.audience,
            now=moment,
        )
        if len(self._tokens) >= MAX_CACHED_TOKENS:
            self._tokens.clear()
        self._tokens[token] = (time.monotonic(), claims)
        return claims

    def log_refusal(self, fout: TokenFout) -> None:
        """A security log line for a refused token request."""
        log_security_event("token_refused", reason=fout.error, detail=fout.description)

    async def authorize(self, afnemer: Principaal, vraag: Toegangsvraag) -> Besluit:
        """Permission for ``vraag`` from the afnemer's autorisatiebesluiten."""
        if afnemer.oin is None:
            raise _forbidden(
                Weigering("autorisation", GEEN_OPERATIE, "Onbekende afnemer."),
                afnemer,
                vraag,
            )
        if vraag.bouwsteen not in afnemer.scopes:
            raise _forbidden(
                Weigering(
                    "autorisation",
                    GEEN_OPERATIE,
                    f"Het token heeft geen scope '{vraag.bouwsteen}'.",
                ),
                afnemer,
                vraag,
            )
        lid = await self._lid(afnemer.oin)
        try:
            if lid is None:
                return decide((), vraag, doelbinding=afnemer.doelbinding)
            return lid.decide(vraag, afnemer.doelbinding)
        except Weigering as weigering:
            raise _forbidden(weigering, afnemer, vraag) from weigering


def _forbidden(weigering: Weigering, afnemer: Principaal, vraag: Toegangsvraag) -> Problem:
    log_security_event(
        "access_refused", reason=weigering.code, oin=afnemer.oin, bouwsteen=vraag.bouwsteen, operatie=vraag.operatie
    )
    return Problem(status=403, title=weigering.title, code=weigering.code, detail=weigering.detail)


def _refuse(reason: str, client: str, detail: str) -> NoReturn:
    log_security_event("authentication_refused", reason=reason, client=client)
    raise unauthenticated(detail)


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or " " in token.strip():
        _refuse("malformed_authorization_header", "", "De Authorization-header moet 'Bearer <token>' zijn.")
    return token.strip()
