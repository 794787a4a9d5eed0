# SPDX-License-Identifier: EUPL-1.2
"""The keys DigiD signs its ID tokens with, and their rotation. No framework here.

The newest key that is not replaced signs; a replaced key stays published in the JWKS for
:data:`BEWAARTIJD` after it was replaced, so that a relying party can still check a token signed
just before the rotation, and then drops out. Reading a private key checks it, which costs tens of
milliseconds for RSA: each key is read once per process (:func:`_gelezen`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from joserfc.jwk import RSAKey

#: The algorithm of the ID tokens (the profile requires RS256 to be supported).
ALGORITHM = "RS256"
#: How long a replaced key stays published: longer than any token it signed lives.
BEWAARTIJD = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Sleutel:
    """One signing key: its ``kid`` (the JWK thumbprint), private PEM, when made and when replaced."""

    kid: str
    private_pem: str
    gemaakt: datetime
    vervangen: datetime | None = None

    @property
    def jwk(self) -> RSAKey:
        """The private key, with its ``kid``."""
        return _gelezen(self.kid, self.private_pem)

    def publiek(self) -> dict[str, Any]:
        """The public key as a JWK."""
        return _publiek(self.kid, self.private_pem)


@lru_cache(maxsize=32)
def _gelezen(kid: str, private_pem: str) -> RSAKey:
    return RSAKey.import_key(private_pem, {"kid": kid, "alg": ALGORITHM, "use": "sig"})


@lru_cache(maxsize=32)
def _publiek_gelezen(kid: str, private_pem: str) -> tuple[tuple[str, Any], ...]:
    return tuple(_gelezen(kid, private_pem).as_dict(private=False).items())


def _publiek(kid: str, private_pem: str) -> dict[str, Any]:
    return dict(_publiek_gelezen(kid, private_pem))


def nieuwe_sleutel(nu: datetime) -> Sleutel:
    """A new 2048-bit RSA key made at ``nu``."""
    key = RSAKey.generate_key(2048, private=True)
    return Sleutel(key.thumbprint(), key.as_pem(private=True).decode(), nu)


@dataclass(frozen=True, slots=True)
class Sleutelring:
    """The keys, newest last."""

    sleutels: tuple[Sleutel, ...]

    def ondertekenaar(self) -> Sleutel:
        """The key that signs now: the newest not replaced."""
        actief = [item for item in self.sleutels if item.vervangen is None]
        if not actief:
            raise LookupError("geen actieve sleutel")
        return max(actief, key=lambda item: item.gemaakt)

    def gepubliceerd(self, nu: datetime) -> list[Sleutel]:
        """The keys the JWKS shows at ``nu``: the active ones and those replaced less than :data:`BEWAARTIJD` ago."""
        return [item for item in self.sleutels if item.vervangen is None or nu - item.vervangen < BEWAARTIJD]

    def jwks(self, nu: datetime) -> dict[str, Any]:
        """The JWK Set document at ``nu``."""
        return {"keys": [item.publiek() for item in self.gepubliceerd(nu)]}

    def geroteerd(self, nieuw: Sleutel) -> Sleutelring:
        """The ring after ``nieuw`` replaced every active key (at the moment it was made)."""
        oud = tuple(
            replace(item, vervangen=nieuw.gemaakt) if item.vervangen is None else item for item in self.sleutels
        )
        return Sleutelring((*oud, nieuw))
