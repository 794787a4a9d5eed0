# SPDX-License-Identifier: EUPL-1.2
"""Password hashes for DigiD test accounts: scrypt (RFC 7914, memory-hard, in the standard library)
with a random salt per password, stored with its parameters so they can be raised later. No framework here.

A stored hash reads ``scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`` (salt and hash base64url). Checking
takes as long for a wrong password as for a right one (:func:`hmac.compare_digest`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

_SOORT = "scrypt"


@dataclass(frozen=True, slots=True)
class Kosten:
    """The scrypt parameters: CPU and memory cost ``2 ** log_n``, block size ``r``, parallelism ``p``."""

    log_n: int = 15
    r: int = 8
    p: int = 1

    @property
    def geheugen(self) -> int:
        """The memory one hash takes, in bytes (what :func:`hashlib.scrypt` must be allowed)."""
        return 128 * self.r * (1 << self.log_n) + 1024 * 1024


#: The cost of new hashes: 32 MiB and about a tenth of a second per hash on a 2-core machine.
STANDAARD = Kosten()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(wachtwoord: str, zout: bytes, kosten: Kosten) -> bytes:
    return hashlib.scrypt(
        wachtwoord.encode(), salt=zout, n=1 << kosten.log_n, r=kosten.r, p=kosten.p, maxmem=kosten.geheugen, dklen=32
    )


def maak(wachtwoord: str, kosten: Kosten = STANDAARD) -> str:
    """The stored form of a new hash of ``wachtwoord``."""
    zout = secrets.token_bytes(16)
    afdruk = _scrypt(wachtwoord, zout, kosten)
    return f"{_SOORT}${kosten.log_n}${kosten.r}${kosten.p}${_b64(zout)}${_b64(afdruk)}"


def _lees(opgeslagen: str) -> tuple[Kosten, bytes, bytes] | None:
    delen = opgeslagen.split("$")
    if len(delen) != 6 or delen[0] != _SOORT or not all(part.isdigit() for part in delen[1:4]):
        return None
    kosten = Kosten(int(delen[1]), int(delen[2]), int(delen[3]))
    if not (10 <= kosten.log_n <= 20 and 1 <= kosten.r <= 32 and 1 <= kosten.p <= 16):
        return None
    return kosten, _unb64(delen[4]), _unb64(delen[5])


def klopt(wachtwoord: str, opgeslagen: str) -> bool:
    """Whether ``wachtwoord`` is the one ``opgeslagen`` was made of (false for a malformed hash)."""
    gelezen = _lees(opgeslagen)
    if gelezen is None:
        return False
    kosten, zout, afdruk = gelezen
    return hmac.compare_digest(_scrypt(wachtwoord, zout, kosten), afdruk)


def verouderd(opgeslagen: str, kosten: Kosten = STANDAARD) -> bool:
    """Whether a stored hash was made with other parameters than ``kosten`` (then make it anew at the next login)."""
    gelezen = _lees(opgeslagen)
    return gelezen is None or gelezen[0] != kosten
