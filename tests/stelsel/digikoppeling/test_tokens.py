# SPDX-License-Identifier: EUPL-1.2
"""Unit tests for client assertions and access tokens in :mod:`opengdi.stelsel.digikoppeling.tokens`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from opengdi.stelsel.digikoppeling import tokens
from opengdi.stelsel.digikoppeling.client import client_assertion
from opengdi.stelsel.digikoppeling.tokens import TokenFout

OIN = "00000001822477348000"
OTHER_OIN = "00000099000000002000"
TOKEN_ENDPOINT = "https://gdi.example/oauth2/token"
ISSUER = "https://gdi.example"
AUDIENCE = "https://gdi.example/api"
NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)

GEEN_JWT = "De client assertion is geen JWT."
HANDTEKENING = "De handtekening van de client assertion klopt niet met een sleutel van deze organisatie."
ZELFDE_OIN = "'iss', 'sub' en client_id van de client assertion moeten hetzelfde OIN zijn."
VERLOPEN = "De client assertion is verlopen."
TE_LANG = "De client assertion mag hoogstens 5 minuten geldig zijn en niet uit de toekomst komen."
ALGORITMEN = "De client assertion moet ondertekend zijn met RS256, PS256, ES256."


@pytest.fixture(scope="module")
def key() -> RSAKey:
    return RSAKey.generate_key(2048, private=True)


@pytest.fixture(scope="module")
def other_key() -> RSAKey:
    return RSAKey.generate_key(2048, private=True)


@pytest.fixture(scope="module")
def keys(key: RSAKey) -> KeySet:
    return KeySet([RSAKey.import_key(key.as_dict(private=False))])


def _pem(key: RSAKey) -> str:
    pem = key.as_pem(private=True)
    return pem.decode() if isinstance(pem, bytes) else pem


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _json_b64(value: dict[str, Any]) -> str:
    return _b64(json.dumps(value, separators=(",", ":")).encode())


def _claims(**changes: Any) -> dict[str, Any]:
    """Good assertion claims; a change to ``None`` leaves the claim out."""
    claims: dict[str, Any] = {
        "iss": OIN,
        "sub": OIN,
        "aud": TOKEN_ENDPOINT,
        "iat": int(NOW.timestamp()),
        "exp": int((NOW + timedelta(minutes=2)).timestamp()),
        "jti": str(uuid.uuid4()),
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def _signed(key: RSAKey, claims: dict[str, Any], alg: str = "RS256") -> str:
    return jwt.encode({"alg": alg, "kid": key.thumbprint()}, claims, key, algorithms=[alg])


def _check(assertion: str, keys: KeySet, *, client_id: str | None = OIN, now: datetime = NOW) -> tokens.Assertie:
    return tokens.check_assertion(assertion, keys=keys, client_id=client_id, audiences=[TOKEN_ENDPOINT], now=now)


def _refused(assertion: str, keys: KeySet, *, client_id: str | None = OIN, now: datetime = NOW) -> TokenFout:
    with pytest.raises(TokenFout) as caught:
        _check(assertion, keys, client_id=client_id, now=now)
    assert caught.value.error == "invalid_client"
    assert str(caught.value) == caught.value.description
    return caught.value


# --- check_assertion: accepted -----------------------------------------------------------------


def test_check_assertion_accepts_a_good_assertion(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW)
    checked = _check(assertion, keys)
    claims = jwt.decode(assertion, keys).claims
    assert checked == tokens.Assertie(oin=OIN, jti=claims["jti"], onthouden_tot=NOW + timedelta(minutes=2, seconds=30))
    uuid.UUID(checked.jti)  # client_assertion uses a UUID as jti


def test_check_assertion_accepts_without_client_id(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW)
    assert _check(assertion, keys, client_id=None).oin == OIN


def test_check_assertion_accepts_an_audience_list_and_any_listed_audience(key: RSAKey, keys: KeySet) -> None:
    assertion = _signed(key, _claims(aud=["https://elders.example", TOKEN_ENDPOINT]))
    assert _check(assertion, keys).oin == OIN
    second = client_assertion(_pem(key), OIN, "https://gdi.example/token", now=NOW)
    checked = tokens.check_assertion(
        second, keys=keys, client_id=OIN, audiences={TOKEN_ENDPOINT, "https://gdi.example/token"}, now=NOW
    )
    assert checked.oin == OIN


def test_check_assertion_accepts_within_the_leeway(key: RSAKey, keys: KeySet) -> None:
    just_expired = _signed(key, _claims(exp=int((NOW - timedelta(seconds=30)).timestamp())))
    assert _check(just_expired, keys).onthouden_tot == NOW
    five_minutes = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW, lifetime=timedelta(minutes=5))
    assert _check(five_minutes, keys).onthouden_tot == NOW + timedelta(minutes=5, seconds=30)
    slightly_ahead = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW + timedelta(seconds=30))
    assert _check(slightly_ahead, keys).oin == OIN


def test_check_assertion_accepts_without_iat(key: RSAKey, keys: KeySet) -> None:
    assert _check(_signed(key, _claims(iat=None)), keys).oin == OIN


def test_check_assertion_accepts_ps256(key: RSAKey, keys: KeySet) -> None:
    assert _check(_signed(key, _claims(), alg="PS256"), keys).oin == OIN


# --- check_assertion: refused ------------------------------------------------------------------


def test_check_assertion_refuses_an_expired_assertion(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW - timedelta(minutes=3))
    assert _refused(assertion, keys).description == VERLOPEN
    beyond_leeway = _signed(key, _claims(exp=int((NOW - timedelta(seconds=31)).timestamp())))
    assert _refused(beyond_leeway, keys).description == VERLOPEN


def test_check_assertion_refuses_a_lifetime_over_five_minutes(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW, lifetime=timedelta(minutes=6))
    assert _refused(assertion, keys).description == TE_LANG
    just_over = _signed(key, _claims(exp=int((NOW + timedelta(minutes=5, seconds=31)).timestamp())))
    assert _refused(just_over, keys).description == TE_LANG


def test_check_assertion_refuses_an_iat_in_the_future(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW + timedelta(minutes=1))
    assert _refused(assertion, keys).description == TE_LANG


def test_check_assertion_refuses_a_wrong_audience(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, "https://elders.example/token", now=NOW)
    assert _refused(assertion, keys).description == f"De 'aud' van de client assertion moet {TOKEN_ENDPOINT} zijn."
    missing = _signed(key, _claims(aud=None))
    assert _refused(missing, keys).description == f"De 'aud' van de client assertion moet {TOKEN_ENDPOINT} zijn."


def test_check_assertion_refuses_iss_other_than_sub(key: RSAKey, keys: KeySet) -> None:
    assertion = _signed(key, _claims(sub=OTHER_OIN))
    assert _refused(assertion, keys, client_id=None).description == ZELFDE_OIN
    no_sub = _signed(key, _claims(sub=None))
    assert _refused(no_sub, keys, client_id=None).description == ZELFDE_OIN


def test_check_assertion_refuses_client_id_other_than_iss(key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW)
    assert _refused(assertion, keys, client_id=OTHER_OIN).description == ZELFDE_OIN


def test_check_assertion_refuses_missing_iss_and_sub(key: RSAKey, keys: KeySet) -> None:
    assertion = _signed(key, _claims(iss=None, sub=None))
    assert (
        _refused(assertion, keys, client_id=None).description
        == "De client assertion heeft geen 'iss' (het OIN van de client)."
    )


def test_check_assertion_refuses_a_missing_jti(key: RSAKey, keys: KeySet) -> None:
    assert _refused(_signed(key, _claims(jti=None)), keys).description == "De client assertion heeft geen 'jti'."
    assert _refused(_signed(key, _claims(jti="")), keys).description == "De client assertion heeft geen 'jti'."
    assert _refused(_signed(key, _claims(jti=12345)), keys).description == "De client assertion heeft geen 'jti'."
    too_long = _signed(key, _claims(jti="x" * 256))
    assert _refused(too_long, keys).description == "De client assertion heeft geen 'jti'."


def test_check_assertion_refuses_a_missing_or_invalid_exp(key: RSAKey, keys: KeySet) -> None:
    message = "De client assertion heeft geen geldige 'exp'."
    assert _refused(_signed(key, _claims(exp=None)), keys).description == message
    assert _refused(_signed(key, _claims(exp="morgen")), keys).description == message
    assert _refused(_signed(key, _claims(exp=True)), keys).description == message


def test_check_assertion_refuses_an_invalid_iat(key: RSAKey, keys: KeySet) -> None:
    assertion = _signed(key, _claims(iat="gisteren"))
    assert _refused(assertion, keys).description == "De client assertion heeft geen geldige 'iat'."


NIET_GELDIG = "De client assertion is nog niet geldig ('nbf' ligt in de toekomst)."


def test_check_assertion_refuses_an_nbf_in_the_future(key: RSAKey, keys: KeySet) -> None:
    later = _signed(key, _claims(nbf=int((NOW + timedelta(minutes=1)).timestamp())))
    assert _refused(later, keys).description == NIET_GELDIG
    beyond_leeway = _signed(key, _claims(nbf=(NOW + timedelta(seconds=30.5)).timestamp()))
    assert _refused(beyond_leeway, keys).description == NIET_GELDIG


def test_check_assertion_accepts_an_nbf_now_past_or_within_the_leeway(key: RSAKey, keys: KeySet) -> None:
    for moment in (NOW - timedelta(minutes=1), NOW, NOW + timedelta(seconds=30)):
        assert _check(_signed(key, _claims(nbf=int(moment.timestamp()))), keys).oin == OIN


def test_check_assertion_accepts_numericdates_with_fractions(key: RSAKey, keys: KeySet) -> None:
    """RFC 7519 §2: a NumericDate is a JSON number, and non-integer values can be represented."""
    claims = _claims(
        iat=NOW.timestamp() - 0.25,
        nbf=NOW.timestamp() - 0.5,
        exp=(NOW + timedelta(minutes=2)).timestamp() + 0.75,
    )
    checked = _check(_signed(key, claims), keys)
    assert checked.onthouden_tot == NOW + timedelta(minutes=2, seconds=30.75)


@pytest.mark.parametrize("claim", ["exp", "iat", "nbf"])
@pytest.mark.parametrize("value", ["1748779200", "", True, False, None, [1748779200], {"tijd": 1748779200}])
def test_check_assertion_refuses_a_numericdate_that_is_no_number(
    key: RSAKey, keys: KeySet, claim: str, value: Any
) -> None:
    claims = _claims()
    claims[claim] = value  # also None: a claim that is there with the value null
    assert _refused(_signed(key, claims), keys).description == f"De client assertion heeft geen geldige '{claim}'."


@pytest.mark.parametrize("claim", ["exp", "iat", "nbf"])
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_check_assertion_refuses_a_numericdate_that_is_no_moment(
    key: RSAKey, keys: KeySet, claim: str, value: str
) -> None:
    """NaN and the infinities are no JSON numbers, but a JSON reader may accept them; 1e400 overflows."""
    others = json.dumps({name: item for name, item in _claims().items() if name != claim})
    payload = f'{others[:-1]}, "{claim}": {value}}}'.encode()
    signing_input = f"{_json_b64({'alg': 'RS256', 'kid': key.thumbprint()})}.{_b64(payload)}"
    signature = key.raw_value.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    assertion = f"{signing_input}.{_b64(signature)}"
    assert _refused(assertion, keys).description == f"De client assertion heeft geen geldige '{claim}'."


def test_check_assertion_refuses_another_key(other_key: RSAKey, keys: KeySet) -> None:
    assertion = client_assertion(_pem(other_key), OIN, TOKEN_ENDPOINT, now=NOW)
    assert _refused(assertion, keys).description == HANDTEKENING


def test_check_assertion_refuses_another_key_with_the_same_kid(key: RSAKey, other_key: RSAKey, keys: KeySet) -> None:
    assertion = jwt.encode({"alg": "RS256", "kid": key.thumbprint()}, _claims(), other_key)
    assert _refused(assertion, keys).description == HANDTEKENING


def test_check_assertion_refuses_alg_none(keys: KeySet) -> None:
    unsigned = f"{_json_b64({'alg': 'none', 'typ': 'JWT'})}.{_json_b64(_claims())}."
    assert _refused(unsigned, keys).description == ALGORITMEN
    upper = f"{_json_b64({'alg': 'NONE'})}.{_json_b64(_claims())}."
    assert _refused(upper, keys).description == ALGORITMEN


def test_check_assertion_refuses_hs256_with_the_public_key_as_secret(key: RSAKey, keys: KeySet) -> None:
    public_pem = key.as_pem(private=False)
    secret = public_pem if isinstance(public_pem, bytes) else public_pem.encode()
    signing_input = f"{_json_b64({'alg': 'HS256', 'typ': 'JWT'})}.{_json_b64(_claims())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    forged = f"{signing_input}.{_b64(signature)}"
    assert _refused(forged, keys).description == ALGORITMEN


def test_check_assertion_refuses_an_rs256_header_on_a_tampered_payload(key: RSAKey, keys: KeySet) -> None:
    header, _, signature = _signed(key, _claims()).split(".")
    tampered = f"{header}.{_json_b64(_claims(iss=OTHER_OIN, sub=OTHER_OIN))}.{signature}"
    assert _refused(tampered, keys, client_id=OTHER_OIN).description == HANDTEKENING


@pytest.mark.parametrize(
    "assertion",
    [
        "dit is geen jwt",
        "",
        "....",
        "@@@.###.$$$",  # garbage base64
        "a.b.c",  # base64 that decodes to no JSON
        f"{_b64(b'[1, 2, 3]')}.{_b64(b'{}')}.",  # JSON that is no object
        f"{_b64(b'not json')}.{_b64(b'{}')}.",
        "ëëë.ëëë.ëëë",  # not even ASCII
    ],
)
def test_check_assertion_refuses_what_is_no_jwt(assertion: str, keys: KeySet) -> None:
    assert _refused(assertion, keys).description == GEEN_JWT


def test_check_assertion_refuses_a_header_without_payload(key: RSAKey, keys: KeySet) -> None:
    header = _signed(key, _claims()).split(".")[0]
    assert _refused(header, keys).description == HANDTEKENING


# --- claimed_oin -------------------------------------------------------------------------------


def test_claimed_oin_reads_iss_without_verifying(key: RSAKey, other_key: RSAKey) -> None:
    assert tokens.claimed_oin(client_assertion(_pem(key), OIN, TOKEN_ENDPOINT, now=NOW)) == OIN
    assert tokens.claimed_oin(_signed(other_key, _claims(iss=OTHER_OIN))) == OTHER_OIN


@pytest.mark.parametrize("claims", [{"sub": OIN}, {"iss": ""}, {"iss": None}, {"iss": 12345}, {"iss": [OIN]}])
def test_claimed_oin_refuses_a_missing_iss(claims: dict[str, Any]) -> None:
    assertion = f"{_json_b64({'alg': 'RS256'})}.{_json_b64(claims)}.x"
    with pytest.raises(TokenFout) as caught:
        tokens.claimed_oin(assertion)
    assert caught.value.error == "invalid_client"
    assert caught.value.description == "De client assertion heeft geen 'iss' (het OIN van de client)."


@pytest.mark.parametrize("assertion", ["geen-jwt", "", "@@@.@@@.@@@", "a.b.c"])
def test_claimed_oin_refuses_what_is_no_jwt(assertion: str) -> None:
    with pytest.raises(TokenFout) as caught:
        tokens.claimed_oin(assertion)
    assert caught.value.error == "invalid_client"
    assert caught.value.description == GEEN_JWT


# --- access tokens -----------------------------------------------------------------------------


def _with_kid(key: RSAKey) -> RSAKey:
    """The key as the token service holds it: with its thumbprint as kid."""
    return RSAKey.import_key(key.as_dict(private=True), {"kid": key.thumbprint()})


@pytest.fixture(scope="module")
def gdi_key(key: RSAKey) -> RSAKey:
    return _with_kid(key)


@pytest.fixture(scope="module")
def gdi_keys(gdi_key: RSAKey) -> KeySet:
    return KeySet([RSAKey.import_key(gdi_key.as_dict(private=False), {"kid": gdi_key.kid})])


def _issue(signing: RSAKey, *, thumbprint: str | None = None, lifetime: timedelta = timedelta(minutes=15)) -> str:
    return tokens.issue_access_token(
        signing,
        issuer=ISSUER,
        audience=AUDIENCE,
        oin=OIN,
        scopes={"brp", "bag", "hr"},
        lifetime=lifetime,
        now=NOW,
        certificate_thumbprint=thumbprint,
    )


def _verify(token: str, keys: KeySet, *, now: datetime = NOW, issuer: str = ISSUER, audience: str = AUDIENCE) -> Any:
    return tokens.verify_access_token(token, keys=keys, issuer=issuer, audience=audience, now=now)


def _token_refused(token: str, keys: KeySet, **kwargs: Any) -> TokenFout:
    with pytest.raises(TokenFout) as caught:
        _verify(token, keys, **kwargs)
    assert caught.value.error == "invalid_token"
    return caught.value


def test_access_token_round_trip(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    token = _issue(gdi_key)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "RS256"
    assert header["typ"] == "at+jwt"
    claims = _verify(token, gdi_keys)
    assert claims["oin"] == OIN
    assert claims["sub"] == OIN
    assert claims["client_id"] == OIN
    assert claims["scope"] == "bag brp hr"  # sorted, space separated
    assert claims["iss"] == ISSUER
    assert claims["aud"] == AUDIENCE
    assert claims["iat"] == int(NOW.timestamp())
    assert claims["nbf"] == int(NOW.timestamp())
    assert claims["exp"] == int((NOW + timedelta(minutes=15)).timestamp())
    uuid.UUID(claims["jti"])
    assert "cnf" not in claims
    assert _verify(_issue(gdi_key), gdi_keys)["jti"] != claims["jti"]


def test_access_token_binds_the_certificate_thumbprint(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    thumbprint = _b64(hashlib.sha256(b"certificaat").digest())
    claims = _verify(_issue(gdi_key, thumbprint=thumbprint), gdi_keys)
    assert claims["cnf"] == {"x5t#S256": thumbprint}


def test_access_token_carries_the_kid_of_the_key() -> None:
    named = RSAKey.generate_key(2048, private=True, parameters={"kid": "gdi-2025"})
    token = _issue(named)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["kid"] == "gdi-2025"
    claims = _verify(token, KeySet([RSAKey.import_key(named.as_dict(private=False))]))
    assert claims["oin"] == OIN


def test_access_token_from_a_key_without_kid_verifies(key: RSAKey, keys: KeySet) -> None:
    claims = _verify(_issue(key), keys)
    assert claims["oin"] == OIN


def test_access_token_still_valid_within_the_leeway(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    token = _issue(gdi_key)
    claims = _verify(token, gdi_keys, now=NOW + timedelta(minutes=15, seconds=30))
    assert claims["oin"] == OIN


def test_access_token_refused_for_another_issuer(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    refused = _token_refused(_issue(gdi_key), gdi_keys, issuer="https://andere-gdi.example")
    assert refused.description == "Het access token is niet voor deze GDI uitgegeven."


def test_access_token_refused_for_another_audience(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    refused = _token_refused(_issue(gdi_key), gdi_keys, audience="https://andere-gdi.example/api")
    assert refused.description == "Het access token is niet voor deze GDI uitgegeven."


def test_access_token_refused_when_expired(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    refused = _token_refused(_issue(gdi_key), gdi_keys, now=NOW + timedelta(minutes=15, seconds=31))
    assert refused.description == "Het access token is verlopen; vraag een nieuw token aan."


def test_access_token_refused_when_signed_by_another_key(other_key: RSAKey, gdi_keys: KeySet) -> None:
    refused = _token_refused(_issue(_with_kid(other_key)), gdi_keys)
    assert refused.description == "Het access token is niet door deze GDI ondertekend of is beschadigd."


def test_access_token_refused_when_signed_by_another_key_with_the_same_kid(
    gdi_key: RSAKey, other_key: RSAKey, gdi_keys: KeySet
) -> None:
    impostor = RSAKey.import_key(other_key.as_dict(private=True), {"kid": gdi_key.kid})
    refused = _token_refused(_issue(impostor), gdi_keys)
    assert refused.description == "Het access token is niet door deze GDI ondertekend of is beschadigd."


def test_access_token_refused_when_the_payload_is_tampered(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    header, payload, signature = _issue(gdi_key).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["scope"] = "bag brp brk hr"
    claims["oin"] = OTHER_OIN
    refused = _token_refused(f"{header}.{_json_b64(claims)}.{signature}", gdi_keys)
    assert refused.description == "Het access token is niet door deze GDI ondertekend of is beschadigd."


@pytest.mark.parametrize("token", ["geen-token", "", "a.b.c", "@@@.@@@.@@@"])
def test_access_token_refused_when_no_jwt(token: str, gdi_keys: KeySet) -> None:
    refused = _token_refused(token, gdi_keys)
    assert refused.description == "Het access token is niet door deze GDI ondertekend of is beschadigd."


def test_access_token_refused_without_oin(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    claims = {"iss": ISSUER, "aud": AUDIENCE, "exp": int((NOW + timedelta(minutes=5)).timestamp())}
    token = jwt.encode({"alg": "RS256"}, claims, gdi_key)
    assert _token_refused(token, gdi_keys).description == "Het access token heeft geen OIN."


def test_access_token_refused_when_a_client_assertion_is_replayed_as_token(gdi_key: RSAKey, gdi_keys: KeySet) -> None:
    assertion = client_assertion(_pem(gdi_key), OIN, AUDIENCE, now=NOW)
    refused = _token_refused(assertion, gdi_keys)
    assert refused.description == "Het access token is niet voor deze GDI uitgegeven."
