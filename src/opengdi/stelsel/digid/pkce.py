# SPDX-License-Identifier: EUPL-1.2
"""Proof Key for Code Exchange (RFC 7636) as the NL GOV profile requires it: method ``S256`` only.
No framework here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

#: The only method the profile allows.
S256 = "S256"
#: A code verifier: 43 to 128 unreserved characters (RFC 7636 §4.1); a challenge is 43 of base64url.
_VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
_CHALLENGE = re.compile(r"[A-Za-z0-9\-_]{43}")


def geldige_challenge(challenge: str | None, methode: str | None) -> bool:
    """Whether an authorization request's ``code_challenge`` and ``code_challenge_method`` are
    acceptable: both given, the method ``S256``, the challenge of the right form."""
    return methode == S256 and challenge is not None and _CHALLENGE.fullmatch(challenge) is not None


def challenge_van(verifier: str) -> str:
    """The ``S256`` challenge of ``verifier``: BASE64URL(SHA256(verifier)) without padding."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).decode().rstrip("=")


def klopt(verifier: str | None, challenge: str) -> bool:
    """Whether the token request's ``code_verifier`` belongs to the stored ``challenge``."""
    if verifier is None or _VERIFIER.fullmatch(verifier) is None:
        return False
    return hmac.compare_digest(challenge_van(verifier), challenge)
