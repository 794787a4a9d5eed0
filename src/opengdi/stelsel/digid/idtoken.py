# SPDX-License-Identifier: EUPL-1.2
"""The ID token and userinfo of a DigiD login, as the NL GOV Assurance profile for OpenID Connect
describes them. No framework here.

``sub`` is pairwise: a pseudonym of the person per sector (the relying party's sector identifier),
so that relying parties cannot link their users by it (:func:`pseudoniem`); the BSN travels in its
own claim ``bsn`` (the claim django-digid-eherkenning reads by default). The token carries
``iss``, ``aud``, ``sub``, ``nonce``, ``jti``, ``iat``, ``nbf``, ``exp`` (five minutes), ``acr``
(the level reached) and ``auth_time``. A login "namens" someone (DigiD Machtigen) adds the profile's
``represents`` (the represented person, by pseudonym and by ``sub_id_type``) and the claims
django-digid-eherkenning reads for it: ``urn:nl-eid-gdi:1.0:LegalSubjectID`` (the represented
person's BSN), ``urn:nl-eid-gdi:1.0:ActingSubjectID`` (the acting person's) and
``urn:nl-eid-gdi:1.0:ServiceUUID`` (the service the machtiging is for). A relying party that
registered a key for it gets its ID token encrypted as well (:func:`versleutel`), so that the BSN
is readable by it alone.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from joserfc import jwe, jwt

from opengdi.stelsel.digid.niveaus import Niveau
from opengdi.stelsel.digid.sleutelring import ALGORITHM, Sleutel

#: How long an ID token is valid (the profile: no longer than five minutes).
GELDIGHEID = timedelta(minutes=5)
PSEUDONIEM = "urn:nl-eid-gdi:1.0:id:Pseudonym"
LEGAL_SUBJECT = "urn:nl-eid-gdi:1.0:LegalSubjectID"
ACTING_SUBJECT = "urn:nl-eid-gdi:1.0:ActingSubjectID"
SERVICE_UUID = "urn:nl-eid-gdi:1.0:ServiceUUID"


def pseudoniem(geheim: bytes, sector: str, bsn: str) -> str:
    """The pairwise ``sub`` of the person with ``bsn`` for relying parties of ``sector``: the same
    every login, different per sector, and not to be turned back into the BSN without ``geheim``."""
    afdruk = hmac.new(geheim, f"{sector}\n{bsn}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(afdruk).decode().rstrip("=")


def dienst_uuid(client_id: str) -> str:
    """The ``ServiceUUID`` of a relying party's service: the same for every login there."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:opengdi:digid:dienst:{client_id}"))


@dataclass(frozen=True, slots=True)
class Namens:
    """A login on behalf of someone: the represented person's BSN and the service the machtiging is for."""

    bsn: str
    dienst: str


@dataclass(frozen=True, slots=True)
class Aanmelding:
    """A finished login: who (BSN), at which level, when, and possibly for whom."""

    bsn: str
    niveau: Niveau
    moment: datetime
    namens: Namens | None = None


@dataclass(frozen=True, slots=True)
class Ontvanger:
    """The relying party a token is for: its ``client_id`` and sector identifier; and the OP's
    ``issuer`` and the secret its pseudonyms are made with."""

    issuer: str
    client_id: str
    sector: str
    geheim: bytes


def _tijd(moment: datetime) -> int:
    return int(moment.timestamp())


def persoonsclaims(ontvanger: Ontvanger, aanmelding: Aanmelding) -> dict[str, Any]:
    """The claims about the person (and whom the person represents): those of the userinfo too."""
    claims: dict[str, Any] = {
        "sub": pseudoniem(ontvanger.geheim, ontvanger.sector, aanmelding.bsn),
        "sub_id_type": PSEUDONIEM,
        "bsn": aanmelding.bsn,
    }
    namens = aanmelding.namens
    if namens is not None:
        claims["represents"] = {
            "sub": pseudoniem(ontvanger.geheim, ontvanger.sector, namens.bsn),
            "iss": ontvanger.issuer,
            "sub_id_type": PSEUDONIEM,
        }
        claims |= {LEGAL_SUBJECT: namens.bsn, ACTING_SUBJECT: aanmelding.bsn, SERVICE_UUID: namens.dienst}
    return claims


def claims(ontvanger: Ontvanger, aanmelding: Aanmelding, nonce: str, nu: datetime) -> dict[str, Any]:
    """The claims of the ID token for ``aanmelding``, issued at ``nu``."""
    return {
        "iss": ontvanger.issuer,
        "aud": ontvanger.client_id,
        **persoonsclaims(ontvanger, aanmelding),
        "nonce": nonce,
        "jti": str(uuid.uuid4()),
        "iat": _tijd(nu),
        "nbf": _tijd(nu),
        "exp": _tijd(nu + GELDIGHEID),
        "acr": aanmelding.niveau.acr,
        "auth_time": _tijd(aanmelding.moment),
    }


def onderteken(inhoud: Mapping[str, Any], sleutel: Sleutel) -> str:
    """``inhoud`` as a JWT signed with ``sleutel`` (its ``kid`` in the header)."""
    return jwt.encode({"alg": ALGORITHM, "kid": sleutel.kid, "typ": "JWT"}, dict(inhoud), sleutel.jwk)


#: How an ID token is encrypted for a relying party that registered a key for it.
VERSLEUTELING, INHOUDVERSLEUTELING = "RSA-OAEP-256", "A256GCM"
_JWE = jwe.JWERegistry(algorithms=[VERSLEUTELING, INHOUDVERSLEUTELING])


def versleutel(token: str, sleutel: Any) -> str:
    """A signed token encrypted for the holder of ``sleutel`` (a nested JWT: JWE with ``cty`` JWT)."""
    kop = {"alg": VERSLEUTELING, "enc": INHOUDVERSLEUTELING, "cty": "JWT"}
    if sleutel.kid:
        kop["kid"] = sleutel.kid
    return jwe.encrypt_compact(kop, token.encode(), sleutel, registry=_JWE)
