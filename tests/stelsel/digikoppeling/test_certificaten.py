# SPDX-License-Identifier: EUPL-1.2
"""Client certificates that a trusted proxy passes on but that must not count: a key of a type we do
not accept, or an issuer that is only our CA's name (another key signed it) or another CA. Each is a
401 at the token endpoint (``invalid_client``) and at the APIs, never a 500; accepted key types work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from opengdi.app import create_app
from opengdi.kernel.db import Database
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import organisaties, pki
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever
from tests.conftest import http_client
from tests.stelsel.digikoppeling.aansluiting import (
    PROXY,
    TOKEN_PATH,
    behind_proxy,
    certificate_header,
    new_organisation,
)

PERSONEN = "/haalcentraal/api/brp/personen"
QUERY = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999900018"], "fields": ["naam"]}
NOT_OUR_CA = "Het clientcertificaat is niet door de CA van deze GDI uitgegeven of is niet geldig."
ACCEPTED = "alleen RSA van minstens 2048 bits en EC op P-256 of P-384 worden aanvaard."

PrivateKey = Any  # any private key type cryptography can sign a certificate with
KEYS: dict[str, Callable[[], PrivateKey]] = {
    "Ed25519": ed25519.Ed25519PrivateKey.generate,
    "Ed448": ed448.Ed448PrivateKey.generate,
    "DSA": lambda: dsa.generate_private_key(2048),
    "EC secp256k1": lambda: ec.generate_private_key(ec.SECP256K1()),
    "EC secp521r1": lambda: ec.generate_private_key(ec.SECP521R1()),
    "EC brainpoolP256r1": lambda: ec.generate_private_key(ec.BrainpoolP256R1()),
    "RSA 1024": lambda: rsa.generate_private_key(65537, 1024),
}
#: What the refusal says about each key.
REFUSALS = {
    "Ed25519": f"Het clientcertificaat heeft een Ed25519-sleutel; {ACCEPTED}",
    "Ed448": f"Het clientcertificaat heeft een Ed448-sleutel; {ACCEPTED}",
    "DSA": f"Het clientcertificaat heeft een DSA-sleutel; {ACCEPTED}",
    "EC secp256k1": f"Het clientcertificaat heeft een EC-sleutel op secp256k1; {ACCEPTED}",
    "EC secp521r1": f"Het clientcertificaat heeft een EC-sleutel op secp521r1; {ACCEPTED}",
    "EC brainpoolP256r1": f"Het clientcertificaat heeft een EC-sleutel op brainpoolP256r1; {ACCEPTED}",
    "RSA 1024": f"De RSA-sleutel van het clientcertificaat is 1024 bits; {ACCEPTED}",
}


def _signing_hash(signer: PrivateKey) -> hashes.SHA256 | None:
    """EdDSA signs without a separate hash; every other key here with SHA-256."""
    return None if isinstance(signer, ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey) else hashes.SHA256()


def _client_certificate(subject_key: PrivateKey, *, issuer: x509.Name, signer: PrivateKey, oin: str) -> str:
    """A PEM client certificate for ``oin`` with ``subject_key``, naming ``issuer``, signed by ``signer``."""
    now = pki.now_utc()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testorganisatie"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, oin),
            x509.NameAttribute(NameOID.COMMON_NAME, "Testorganisatie"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(signer, _signing_hash(signer))
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


async def _our_ca(database: Database, settings: Settings) -> tuple[rsa.RSAPrivateKey, x509.Name]:
    """The deployment CA's private key and name."""
    private_pem, certificate_pem = await Uitgever(database, settings).ca()
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key, x509.load_pem_x509_certificate(certificate_pem.encode()).subject


async def _register(database: Database, oin: str, pem: str) -> None:
    """Record ``pem`` as a certificate of ``oin``, as if the CA had issued it."""
    certificate = x509.load_pem_x509_certificate(pem.encode())
    uitgegeven = pki.Uitgegeven(
        "",
        pem,
        pki.fingerprint(certificate),
        format(certificate.serial_number, "x"),
        certificate.not_valid_after_utc,
    )
    async with database.session() as session:
        await organisaties.add_certificate(session, oin, uitgegeven)
        await session.commit()


async def _both_endpoints(database: Database, settings: Settings, pem: str) -> tuple[httpx.Response, httpx.Response]:
    """The token endpoint's and the BRP's answer to ``pem`` in the proxy's header."""
    async with http_client(create_app(settings, database), client=PROXY) as http:
        token = await http.post(TOKEN_PATH, data={"grant_type": "client_credentials"}, headers=certificate_header(pem))
        api = await http.post(PERSONEN, json=QUERY, headers=certificate_header(pem))
    return token, api


def _assert_refused(token: httpx.Response, api: httpx.Response, detail: str) -> None:
    assert token.status_code == 401, token.text
    assert token.headers["content-type"] == "application/problem+json"
    assert (token.json()["error"], token.json()["error_description"]) == ("invalid_client", detail)
    assert "access_token" not in token.json()
    assert api.status_code == 401, api.text
    assert api.headers["content-type"] == "application/problem+json"
    assert (api.json()["code"], api.json()["detail"]) == ("authentication", detail)
    assert api.headers["www-authenticate"].startswith("Bearer")


# --- unit: pki ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> tuple[rsa.RSAPrivateKey, str]:
    private_pem, certificate_pem = pki.create_ca(pki.now_utc())
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key, certificate_pem


def _ca_name(certificate_pem: str) -> x509.Name:
    return x509.load_pem_x509_certificate(certificate_pem.encode()).subject


@pytest.mark.parametrize("kind", list(KEYS))
def test_a_key_of_another_type_is_refused_with_what_is_accepted(kind: str, ca: tuple[rsa.RSAPrivateKey, str]) -> None:
    ca_key, ca_pem = ca
    pem = _client_certificate(KEYS[kind](), issuer=_ca_name(ca_pem), signer=ca_key, oin="00000099000000001000")
    certificate = pki.parse_header_certificate(pem)
    assert pki.key_refusal(certificate) == REFUSALS[kind]
    assert pki.is_issued_by(certificate, ca_pem, pki.now_utc()), "only the key is wrong: our CA did sign it"


@pytest.mark.parametrize(
    "key", [lambda: rsa.generate_private_key(65537, 2048), lambda: ec.generate_private_key(ec.SECP256R1())]
)
def test_rsa_2048_and_ec_p256_and_p384_keys_are_accepted(
    key: Callable[[], PrivateKey], ca: tuple[rsa.RSAPrivateKey, str]
) -> None:
    ca_key, ca_pem = ca
    for subject_key in (key(), ec.generate_private_key(ec.SECP384R1())):
        pem = _client_certificate(subject_key, issuer=_ca_name(ca_pem), signer=ca_key, oin="00000099000000001000")
        assert pki.key_refusal(pki.parse_header_certificate(pem)) is None


#: Keys that sign a certificate carrying our CA's name as issuer, without being our CA's key.
FORGERS: dict[str, Callable[[], PrivateKey]] = {
    "another RSA key": lambda: rsa.generate_private_key(65537, 2048),
    "an EC P-256 key": lambda: ec.generate_private_key(ec.SECP256R1()),
    "an Ed25519 key": ed25519.Ed25519PrivateKey.generate,
    "an Ed448 key": ed448.Ed448PrivateKey.generate,
    "a DSA key": lambda: dsa.generate_private_key(2048),
}


@pytest.mark.parametrize("forger", list(FORGERS))
def test_our_cas_name_signed_by_another_key_is_not_issued_by_us(forger: str, ca: tuple[rsa.RSAPrivateKey, str]) -> None:
    _, ca_pem = ca
    pem = _client_certificate(
        rsa.generate_private_key(65537, 2048), issuer=_ca_name(ca_pem), signer=FORGERS[forger](), oin="0" * 20
    )
    certificate = pki.parse_header_certificate(pem)
    assert certificate.issuer == _ca_name(ca_pem)
    assert not pki.is_issued_by(certificate, ca_pem, pki.now_utc())


def test_another_cas_name_is_not_issued_by_us(ca: tuple[rsa.RSAPrivateKey, str]) -> None:
    ca_key, ca_pem = ca
    unknown = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Onbekende CA")])
    pem = _client_certificate(rsa.generate_private_key(65537, 2048), issuer=unknown, signer=ca_key, oin="0" * 20)
    assert not pki.is_issued_by(pki.parse_header_certificate(pem), ca_pem, pki.now_utc())


def test_a_certificate_outside_its_validity_is_not_valid(ca: tuple[rsa.RSAPrivateKey, str]) -> None:
    ca_key, ca_pem = ca
    pem = _client_certificate(rsa.generate_private_key(65537, 2048), issuer=_ca_name(ca_pem), signer=ca_key, oin="0")
    certificate = pki.parse_header_certificate(pem)
    assert pki.is_issued_by(certificate, ca_pem, pki.now_utc())
    assert not pki.is_issued_by(certificate, ca_pem, pki.now_utc() + timedelta(days=31))
    assert not pki.is_issued_by(certificate, ca_pem, datetime(2000, 1, 1, tzinfo=UTC))


# --- over HTTP, on both databases ----------------------------------------------------------------


@pytest.mark.parametrize("kind", list(KEYS))
async def test_a_registered_certificate_with_a_key_of_another_type_is_401_at_both_endpoints(
    database: Database, tmp_path: Path, kind: str
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    ca_key, ca_name = await _our_ca(database, settings)
    pem = _client_certificate(KEYS[kind](), issuer=ca_name, signer=ca_key, oin=oin)
    await _register(database, oin, pem)
    token, api = await _both_endpoints(database, settings, pem)
    _assert_refused(token, api, REFUSALS[kind])


@pytest.mark.parametrize("curve", [ec.SECP256R1(), ec.SECP384R1()], ids=["P-256", "P-384"])
async def test_a_registered_certificate_with_an_ec_key_on_an_accepted_curve_is_served(
    database: Database, tmp_path: Path, curve: ec.EllipticCurve
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    ca_key, ca_name = await _our_ca(database, settings)
    pem = _client_certificate(ec.generate_private_key(curve), issuer=ca_name, signer=ca_key, oin=oin)
    await _register(database, oin, pem)
    token, api = await _both_endpoints(database, settings, pem)
    assert token.status_code == 200, token.text
    assert token.json()["scope"] == "brp"
    assert (api.status_code, api.json()["personen"]) == (200, [])


@pytest.mark.parametrize("forger", list(FORGERS))
async def test_our_cas_name_signed_by_another_key_is_401_at_both_endpoints(
    database: Database, tmp_path: Path, forger: str
) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    _, ca_name = await _our_ca(database, settings)
    pem = _client_certificate(rsa.generate_private_key(65537, 2048), issuer=ca_name, signer=FORGERS[forger](), oin=oin)
    await _register(database, oin, pem)  # even a fingerprint on record does not make it ours
    token, api = await _both_endpoints(database, settings, pem)
    _assert_refused(token, api, NOT_OUR_CA)


async def test_a_certificate_of_an_unknown_ca_is_401_at_both_endpoints(database: Database, tmp_path: Path) -> None:
    oin = await new_organisation(database, "brp")
    settings = behind_proxy(tmp_path)
    unknown_key = rsa.generate_private_key(65537, 2048)
    unknown = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Onbekende CA")])
    pem = _client_certificate(rsa.generate_private_key(65537, 2048), issuer=unknown, signer=unknown_key, oin=oin)
    token, api = await _both_endpoints(database, settings, pem)
    _assert_refused(token, api, NOT_OUR_CA)
