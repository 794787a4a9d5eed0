# SPDX-License-Identifier: EUPL-1.2
"""The domain core of DigiD: levels and their names, password hashes, lock-out with back-off, PKCE,
the signing keys and their rotation, and the ID token of the NL GOV profile checked with a JOSE
library as a relying party would."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from joserfc import jwt
from joserfc.errors import ExpiredTokenError
from joserfc.jwk import KeySet

from opengdi.stelsel.digid import blokkade, pkce, totp, wachtwoord
from opengdi.stelsel.digid.idtoken import (
    ACTING_SUBJECT,
    GELDIGHEID,
    LEGAL_SUBJECT,
    Aanmelding,
    Namens,
    Ontvanger,
    claims,
    onderteken,
    pseudoniem,
)
from opengdi.stelsel.digid.niveaus import Niveau, vereist_niveau
from opengdi.stelsel.digid.sleutelring import BEWAARTIJD, Sleutelring, nieuwe_sleutel

NU = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
GOEDKOOP = wachtwoord.Kosten(log_n=10)


def test_levels_are_ordered_and_named_by_each_protocol() -> None:
    assert [niveau.naam for niveau in Niveau] == ["basis", "midden", "substantieel", "hoog"]
    assert Niveau.BASIS.klasse == "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
    assert Niveau.HOOG.eidas == "http://eidas.europa.eu/LoA/high" and Niveau.BASIS.eidas is None
    assert Niveau.van("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract") is Niveau.MIDDEN
    assert Niveau.van("http://eidas.europa.eu/LoA/substantial") is Niveau.SUBSTANTIEEL
    assert Niveau.van("onzin") is None
    assert not Niveau.BASIS.tweede_factor and Niveau.MIDDEN.tweede_factor
    assert Niveau.HOOG.voldoet_aan(Niveau.MIDDEN) and not Niveau.BASIS.voldoet_aan(Niveau.MIDDEN)


def test_the_level_a_login_must_reach() -> None:
    assert vereist_niveau(None, Niveau.BASIS) is Niveau.BASIS
    assert vereist_niveau(f"onbekend {Niveau.HOOG.acr} {Niveau.MIDDEN.acr}", Niveau.BASIS) is Niveau.MIDDEN
    assert vereist_niveau(Niveau.BASIS.acr, Niveau.SUBSTANTIEEL) is Niveau.SUBSTANTIEEL  # never below the minimum


def test_a_password_hash_checks_only_its_own_password() -> None:
    opgeslagen = wachtwoord.maak("Welkom01!", GOEDKOOP)
    assert opgeslagen.startswith("scrypt$10$8$1$") and "Welkom01!" not in opgeslagen
    assert wachtwoord.klopt("Welkom01!", opgeslagen)
    assert not wachtwoord.klopt("welkom01!", opgeslagen)
    assert wachtwoord.maak("Welkom01!", GOEDKOOP) != opgeslagen  # a salt of its own
    assert wachtwoord.verouderd(opgeslagen) and not wachtwoord.verouderd(opgeslagen, GOEDKOOP)


@pytest.mark.parametrize(
    "kapot", ["", "scrypt$15$8$1$abc", "bcrypt$10$8$1$a$b", "scrypt$40$8$1$a$b", "scrypt$x$8$1$a$b"]
)
def test_a_malformed_hash_matches_nothing(kapot: str) -> None:
    assert not wachtwoord.klopt("Welkom01!", kapot)
    assert wachtwoord.verouderd(kapot)


def test_failed_logins_lock_the_account_for_ever_longer() -> None:
    staat = blokkade.Pogingen()
    for _ in range(blokkade.VRIJ):
        staat = staat.na_mislukking(NU)
        assert not staat.geblokkeerd(NU)
    locks = []
    for _ in range(10):
        staat = staat.na_mislukking(NU)
        assert staat.geblokkeerd(NU) and staat.geblokkeerd_tot is not None
        locks.append(staat.geblokkeerd_tot - NU)
    assert locks[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert max(locks) == blokkade.LANGSTE and locks == sorted(locks)
    assert not staat.geblokkeerd(NU + blokkade.LANGSTE)
    assert staat.na_succes() == blokkade.Pogingen()


def test_pkce_accepts_only_s256_and_the_right_verifier() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636, appendix B
    challenge = pkce.challenge_van(verifier)
    assert challenge == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    assert pkce.geldige_challenge(challenge, "S256")
    assert not pkce.geldige_challenge(challenge, "plain") and not pkce.geldige_challenge(None, "S256")
    assert not pkce.geldige_challenge("te-kort", "S256")
    assert pkce.klopt(verifier, challenge)
    assert not pkce.klopt(verifier[:-1] + "Y", challenge) and not pkce.klopt(None, challenge)
    assert not pkce.klopt("kort", challenge)


def test_keys_rotate_and_a_replaced_key_stays_published_for_a_while() -> None:
    eerste = nieuwe_sleutel(NU)
    ring = Sleutelring((eerste,))
    assert ring.ondertekenaar() == eerste
    tweede = nieuwe_sleutel(NU + timedelta(hours=1))
    ring = ring.geroteerd(tweede)
    assert ring.ondertekenaar() == tweede
    assert {key["kid"] for key in ring.jwks(NU + timedelta(hours=2))["keys"]} == {eerste.kid, tweede.kid}
    later = NU + timedelta(hours=1) + BEWAARTIJD
    assert [key["kid"] for key in ring.jwks(later)["keys"]] == [tweede.kid]
    assert all("d" not in key for key in ring.jwks(NU)["keys"])  # no private parts published
    with pytest.raises(LookupError):
        Sleutelring(()).ondertekenaar()


def test_the_id_token_is_what_the_profile_and_a_relying_party_expect() -> None:
    sleutel = nieuwe_sleutel(NU)
    ontvanger = Ontvanger("https://gdi.test/digid", "gemeente-rotterdam", "rotterdam.nl", b"geheim")
    aanmelding = Aanmelding("999993653", Niveau.MIDDEN, NU - timedelta(seconds=30))
    token = onderteken(claims(ontvanger, aanmelding, "n-0S6_WzA2Mj", NU), sleutel)
    keys = KeySet.import_key_set(Sleutelring((sleutel,)).jwks(NU))
    gelezen = jwt.decode(token, keys)
    assert gelezen.header["kid"] == sleutel.kid and gelezen.header["alg"] == "RS256"
    inhoud = gelezen.claims
    assert inhoud["iss"] == "https://gdi.test/digid" and inhoud["aud"] == "gemeente-rotterdam"
    assert inhoud["bsn"] == "999993653" and inhoud["sub"] != "999993653"
    assert inhoud["nonce"] == "n-0S6_WzA2Mj" and inhoud["acr"] == Niveau.MIDDEN.acr
    assert inhoud["exp"] - inhoud["iat"] == GELDIGHEID.total_seconds() and inhoud["nbf"] == inhoud["iat"]
    assert inhoud["auth_time"] == int((NU - timedelta(seconds=30)).timestamp()) and inhoud["jti"]
    nu = datetime.now(UTC)  # a relying party's checks of the time claims, against its own clock
    vers = jwt.decode(onderteken(claims(ontvanger, aanmelding, "n", nu), sleutel), keys).claims
    registry = jwt.JWTClaimsRegistry(
        iss={"essential": True, "value": "https://gdi.test/digid"},
        aud={"essential": True, "value": "gemeente-rotterdam"},
    )
    registry.validate(vers)
    with pytest.raises(ExpiredTokenError):
        registry.validate(inhoud)  # issued at NU, long expired


def test_the_pseudonym_is_pairwise() -> None:
    assert pseudoniem(b"geheim", "rotterdam.nl", "999993653") == pseudoniem(b"geheim", "rotterdam.nl", "999993653")
    assert pseudoniem(b"geheim", "rotterdam.nl", "999993653") != pseudoniem(b"geheim", "utrecht.nl", "999993653")
    assert pseudoniem(b"geheim", "rotterdam.nl", "999993653") != pseudoniem(b"ander", "rotterdam.nl", "999993653")


def test_a_login_on_behalf_of_someone_names_both() -> None:
    ontvanger = Ontvanger("https://gdi.test/digid", "rp", "rp.nl", b"geheim")
    aanmelding = Aanmelding("999993653", Niveau.SUBSTANTIEEL, NU, Namens("999991723", "dienst-1"))
    inhoud = claims(ontvanger, aanmelding, "n", NU)
    assert inhoud["bsn"] == inhoud[ACTING_SUBJECT] == "999993653" and inhoud[LEGAL_SUBJECT] == "999991723"
    assert inhoud["represents"]["sub"] == pseudoniem(b"geheim", "rp.nl", "999991723")
    assert inhoud["represents"]["iss"] == "https://gdi.test/digid" and "exp" not in inhoud["represents"]


def test_totp_gives_the_codes_of_rfc_6238() -> None:
    geheim = base64.b32encode(b"12345678901234567890").decode()
    assert totp.code(geheim, 59 // 30) == "287082" and totp.code(geheim, 1111111109 // 30) == "081804"
    moment = datetime.fromtimestamp(1111111109, UTC)
    assert totp.klopt(geheim, "081 804", moment) == 1111111109 // 30
    assert totp.klopt(geheim, "081804", moment, na_venster=1111111109 // 30) is None  # used once
    assert totp.klopt(geheim, "000000", moment) is None and totp.klopt(geheim, "abc", moment) is None
    uri = totp.otpauth_uri(geheim, "DigiD", "suzanne")
    assert uri.startswith("otpauth://totp/DigiD%3Asuzanne?secret=") and "period=30" in uri
