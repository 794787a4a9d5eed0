# SPDX-License-Identifier: EUPL-1.2
"""The token endpoint: an organisation proves who it is (a signed client assertion, or its client
certificate) and receives a short-lived access token with the scopes its autorisatiebesluiten give.
Also the deployment's signing key and local CA, made on first use and kept in the database so
that every process of a deployment shares them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from cryptography import x509
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy.exc import IntegrityError

from opengdi.kernel.db import Database
from opengdi.kernel.toegang import log_security_event
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import organisaties, pki, tokens
from opengdi.stelsel.digikoppeling.autorisatie import scopes_of
from opengdi.stelsel.digikoppeling.tokens import TokenFout


def _new_signing_key() -> tuple[str, None]:
    return RSAKey.generate_key(2048, private=True).as_pem(private=True).decode(), None


@dataclass(frozen=True, slots=True)
class Eindpunten:
    """The URLs of the authorization server of a deployment."""

    base_url: str

    @property
    def issuer(self) -> str:
        """The ``iss`` of access tokens."""
        return f"{self.base_url}/digikoppeling"

    @property
    def token(self) -> str:
        """The token endpoint (the ``aud`` of client assertions)."""
        return f"{self.issuer}/oauth2/token"

    @property
    def jwks(self) -> str:
        """Where the token signing keys are published."""
        return f"{self.issuer}/oauth2/jwks"

    @property
    def audience(self) -> str:
        """The ``aud`` of access tokens: the GDI's APIs."""
        return self.base_url


class Uitgever:
    """Issues access tokens and holds the key material of a deployment."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings
        self.eindpunten = Eindpunten(settings.base_url)
        self._signing_key: RSAKey | None = None
        self._ca: tuple[str, str] | None = None

    async def signing_key(self) -> RSAKey:
        """The key access tokens are signed with."""
        if self._signing_key is None:
            private_pem, _ = await organisaties.key_material(self.database, "uitgifte", _new_signing_key)
            key = RSAKey.import_key(private_pem)
            self._signing_key = RSAKey.import_key(key.as_dict(private=True), {"kid": key.thumbprint()})
        return self._signing_key

    async def public_keys(self) -> KeySet:
        """The keys with which access tokens can be verified (published as JWKS)."""
        key = await self.signing_key()
        return KeySet(
            [
                RSAKey.import_key(
                    key.as_dict(private=False), {"kid": key.kid or "", "use": "sig", "alg": tokens.TOKEN_ALGORITHM}
                )
            ]
        )

    async def ca(self) -> tuple[str, str]:
        """The local CA: private key and certificate (PEM)."""
        if self._ca is None:
            private_pem, certificate_pem = await organisaties.key_material(
                self.database, "ca", lambda: pki.create_ca(pki.now_utc())
            )
            assert certificate_pem is not None
            self._ca = (private_pem, certificate_pem)
        return self._ca

    async def token_for_assertion(
        self, assertion: str, client_id: str | None, scope: str | None, now: datetime
    ) -> dict[str, Any]:
        """Verify a client assertion (private_key_jwt) and issue a token."""
        oin = tokens.claimed_oin(assertion)
        async with self.database.session() as session:
            organisatie = await organisaties.get_organisatie(session, oin)
            if organisatie is None or not organisatie.actief:
                raise TokenFout("invalid_client", f"Organisatie {oin} is niet (meer) aangesloten.")
            keys = await organisaties.client_keys(session, oin)
            if not keys.keys:
                raise TokenFout("invalid_client", f"Organisatie {oin} heeft geen actieve sleutel.")
            audiences = [self.eindpunten.token, self.eindpunten.issuer]
            checked = tokens.check_assertion(assertion, keys=keys, client_id=client_id, audiences=audiences, now=now)
            granted = await self._scopes(session, oin, scope)
            try:
                fresh = await organisaties.use_jti(session, oin, checked.jti, checked.onthouden_tot, now)
                await session.commit()
            except IntegrityError:
                fresh = False
            if not fresh:
                raise TokenFout("invalid_client", "Deze client assertion is al eens gebruikt (jti).")
        return await self._answer(oin, granted, now, None)

    async def token_for_certificate(
        self, certificate: x509.Certificate, scope: str | None, now: datetime
    ) -> dict[str, Any]:
        """Issue a token to the organisation of a valid client certificate (tls_client_auth)."""
        oin = await self.certificate_oin(certificate, now)
        async with self.database.session() as session:
            granted = await self._scopes(session, oin, scope)
        return await self._answer(oin, granted, now, pki.thumbprint(certificate))

    async def certificate_oin(self, certificate: x509.Certificate, now: datetime) -> str:
        """The OIN of a client certificate with an accepted key that our CA issued and that is still
        valid and registered."""
        refusal = pki.key_refusal(certificate)
        if refusal is not None:
            raise TokenFout("invalid_client", refusal)
        _, ca_certificate = await self.ca()
        if not pki.is_issued_by(certificate, ca_certificate, now):
            raise TokenFout(
                "invalid_client", "Het clientcertificaat is niet door de CA van deze GDI uitgegeven of is niet geldig."
            )
        async with self.database.session() as session:
            oin = await organisaties.certificate_oin(session, pki.fingerprint(certificate))
            organisatie = await organisaties.get_organisatie(session, oin) if oin else None
        if oin is None or oin != pki.oin_of(certificate) or organisatie is None or not organisatie.actief:
            raise TokenFout(
                "invalid_client", "Het clientcertificaat is ingetrokken of hoort niet bij een aangesloten organisatie."
            )
        return oin

    async def _scopes(self, session: Any, oin: str, scope: str | None) -> frozenset[str]:
        allowed = scopes_of(await organisaties.grants_of(session, oin))
        asked = frozenset(scope.split()) if scope else allowed
        if not asked or not asked <= allowed:
            raise TokenFout("invalid_scope", f"Toegestane scopes voor {oin}: {' '.join(sorted(allowed)) or 'geen'}.")
        return asked

    async def _answer(self, oin: str, scopes: frozenset[str], now: datetime, thumbprint: str | None) -> dict[str, Any]:
        lifetime = timedelta(seconds=self.settings.token_geldigheid)
        token = tokens.issue_access_token(
            await self.signing_key(),
            issuer=self.eindpunten.issuer,
            audience=self.eindpunten.audience,
            oin=oin,
            scopes=scopes,
            lifetime=lifetime,
            now=now,
            certificate_thumbprint=thumbprint,
        )
        log_security_event("token_issued", logging.INFO, oin=oin, scopes=" ".join(sorted(scopes)))
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(lifetime.total_seconds()),
            "scope": " ".join(sorted(scopes)),
        }
