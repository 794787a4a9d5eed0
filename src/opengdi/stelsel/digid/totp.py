# SPDX-License-Identifier: EUPL-1.2
"""One-time codes of the DigiD app: TOTP (RFC 6238, HMAC-SHA1, six digits, 30 seconds), as every
authenticator app reads them from an ``otpauth://`` QR code. No framework here.

A code is accepted in the window of its moment and in the one before and after (a clock that is a
little off, a code typed just as it turned); :func:`klopt` tells which window it matched, so that
the caller can refuse the same code a second time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from datetime import datetime
from urllib.parse import quote, urlencode

STAP = 30
CIJFERS = 6
#: How many windows before and after the current one are accepted.
SPELING = 1


def nieuw_geheim() -> str:
    """A new shared secret of 160 bits, in base32 without padding (as authenticator apps take it)."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _sleutel(geheim: str) -> bytes:
    return base64.b32decode(geheim + "=" * (-len(geheim) % 8), casefold=True)


def code(geheim: str, venster: int) -> str:
    """The code of time window ``venster`` (RFC 4226's HOTP of the window's number)."""
    afdruk = hmac.new(_sleutel(geheim), struct.pack(">Q", venster), hashlib.sha1).digest()
    begin = afdruk[-1] & 0x0F
    getal = struct.unpack(">I", afdruk[begin : begin + 4])[0] & 0x7FFFFFFF
    return str(getal % 10**CIJFERS).zfill(CIJFERS)


def venster(moment: datetime) -> int:
    """The number of the time window ``moment`` falls in."""
    return int(moment.timestamp()) // STAP


def klopt(geheim: str, invoer: str, moment: datetime, na_venster: int | None = None) -> int | None:
    """The window a code typed at ``moment`` belongs to, or ``None`` when it is wrong; windows up
    to ``na_venster`` (the last one used) are not accepted again."""
    invoer = invoer.strip().replace(" ", "")
    if len(invoer) != CIJFERS or not invoer.isdigit():
        return None
    nu = venster(moment)
    for kandidaat in range(nu - SPELING, nu + SPELING + 1):
        if (na_venster is None or kandidaat > na_venster) and hmac.compare_digest(code(geheim, kandidaat), invoer):
            return kandidaat
    return None


def otpauth_uri(geheim: str, uitgever: str, account: str) -> str:
    """The ``otpauth://totp/…`` URI an authenticator app reads from the QR code."""
    label = quote(f"{uitgever}:{account}")
    velden = {"secret": geheim, "issuer": uitgever, "algorithm": "SHA1", "digits": CIJFERS, "period": STAP}
    return f"otpauth://totp/{label}?{urlencode(velden)}"
