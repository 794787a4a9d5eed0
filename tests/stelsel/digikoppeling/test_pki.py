# SPDX-License-Identifier: EUPL-1.2
"""Unit tests for the local CA and client certificates in :mod:`opengdi.stelsel.digikoppeling.pki`."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from opengdi.stelsel.digikoppeling import pki

OIN = "00000001822477348000"
NAAM = "Logius"
NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)


@dataclass(frozen=True)
class CA:
    private_pem: str
    certificate_pem: str

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.certificate_pem.encode())


@pytest.fixture(scope="module")
def ca() -> CA:
    return CA(*pki.create_ca(NOW))


@pytest.fixture(scope="module")
def other_ca() -> CA:
    return CA(*pki.create_ca(NOW))


@pytest.fixture(scope="module")
def issued(ca: CA) -> pki.Uitgegeven:
    return pki.issue_certificate(ca.private_pem, ca.certificate_pem, oin=OIN, naam=NAAM, now=NOW)


@pytest.fixture(scope="module")
def certificate(issued: pki.Uitgegeven) -> x509.Certificate:
    return x509.load_pem_x509_certificate(issued.certificaat_pem.encode())


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(attribute.value) for attribute in name.get_attributes_for_oid(oid)]


def test_create_ca_is_a_self_signed_ca(ca: CA) -> None:
    certificate = ca.certificate
    assert certificate.subject == certificate.issuer
    assert _attribute(certificate.subject, NameOID.COMMON_NAME) == [pki.CA_NAAM]
    assert _attribute(certificate.subject, NameOID.ORGANIZATION_NAME) == ["Open GDI"]
    assert _attribute(certificate.subject, NameOID.COUNTRY_NAME) == ["NL"]
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical is True
    assert constraints.value.ca is True
    assert constraints.value.path_length == 0
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.key_cert_sign is True
    assert usage.crl_sign is True
    assert usage.digital_signature is False
    assert certificate.not_valid_before_utc == NOW - timedelta(minutes=5)
    assert certificate.not_valid_after_utc == NOW + timedelta(days=3650)
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW) is True


def test_create_ca_private_key_belongs_to_the_certificate(ca: CA) -> None:
    key = serialization.load_pem_private_key(ca.private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == 2048
    assert ca.private_pem.startswith("-----BEGIN PRIVATE KEY-----")
    assert key.public_key().public_numbers() == ca.certificate.public_key().public_numbers()  # type: ignore[union-attr]


def test_issue_certificate_subject_carries_oin_and_name(certificate: x509.Certificate) -> None:
    subject = certificate.subject
    assert _attribute(subject, NameOID.SERIAL_NUMBER) == [OIN]
    assert _attribute(subject, NameOID.ORGANIZATION_NAME) == [NAAM]
    assert _attribute(subject, NameOID.COMMON_NAME) == [NAAM]
    assert _attribute(subject, NameOID.COUNTRY_NAME) == ["NL"]


def test_issue_certificate_is_a_client_certificate_not_a_ca(certificate: x509.Certificate, ca: CA) -> None:
    eku = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical is True
    assert constraints.value.ca is False
    assert certificate.issuer == ca.certificate.subject


def test_issue_certificate_returns_consistent_metadata(issued: pki.Uitgegeven, certificate: x509.Certificate) -> None:
    assert issued.vingerafdruk == pki.fingerprint(certificate)
    assert issued.serienummer == format(certificate.serial_number, "x")
    assert issued.geldig_tot == NOW + timedelta(days=365)
    assert certificate.not_valid_before_utc == NOW - timedelta(minutes=5)
    key = serialization.load_pem_private_key(issued.private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.public_key().public_numbers() == certificate.public_key().public_numbers()  # type: ignore[union-attr]


def test_issue_certificate_honours_days_and_truncates_long_names(ca: CA) -> None:
    naam = "Gemeenschappelijke Regeling Samenwerkingsorganisatie Belastingen en Gegevensbeheer Holland"
    assert len(naam) > 64
    issued = pki.issue_certificate(ca.private_pem, ca.certificate_pem, oin=OIN, naam=naam, now=NOW, days=30)
    certificate = x509.load_pem_x509_certificate(issued.certificaat_pem.encode())
    assert _attribute(certificate.subject, NameOID.COMMON_NAME) == [naam[:64]]
    assert _attribute(certificate.subject, NameOID.ORGANIZATION_NAME) == [naam[:64]]
    assert issued.geldig_tot == NOW + timedelta(days=30)


def test_each_certificate_has_its_own_key_and_serial(ca: CA, issued: pki.Uitgegeven) -> None:
    again = pki.issue_certificate(ca.private_pem, ca.certificate_pem, oin=OIN, naam=NAAM, now=NOW)
    assert again.serienummer != issued.serienummer
    assert again.vingerafdruk != issued.vingerafdruk
    assert again.private_pem != issued.private_pem


def test_fingerprint_is_lowercase_hex_sha256_of_der(certificate: x509.Certificate) -> None:
    value = pki.fingerprint(certificate)
    assert re.fullmatch(r"[0-9a-f]{64}", value)
    assert value == hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def test_thumbprint_is_unpadded_base64url_sha256_of_der(certificate: x509.Certificate) -> None:
    value = pki.thumbprint(certificate)
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", value)
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()
    assert base64.urlsafe_b64decode(value + "=") == digest
    assert base64.urlsafe_b64decode(value + "=").hex() == pki.fingerprint(certificate)


def test_parse_header_certificate_reads_url_encoded_pem(issued: pki.Uitgegeven, certificate: x509.Certificate) -> None:
    header = quote(issued.certificaat_pem, safe="")  # as nginx $ssl_client_escaped_cert
    assert "%0A" in header
    assert "\n" not in header
    assert header.startswith("-----BEGIN%20CERTIFICATE-----%0A")
    parsed = pki.parse_header_certificate(header)
    assert parsed == certificate
    assert pki.oin_of(parsed) == OIN


def test_parse_header_certificate_reads_plain_pem(issued: pki.Uitgegeven, certificate: x509.Certificate) -> None:
    assert pki.parse_header_certificate(issued.certificaat_pem) == certificate


@pytest.mark.parametrize(
    "value",
    [
        "",
        "geen certificaat",
        "-----BEGIN%20CERTIFICATE-----%0AAAAA%0A-----END%20CERTIFICATE-----%0A",
        quote("-----BEGIN CERTIFICATE-----\nbm9uc2Vuc2U=\n-----END CERTIFICATE-----\n", safe=""),
    ],
)
def test_parse_header_certificate_refuses_garbage(value: str) -> None:
    with pytest.raises(ValueError):
        pki.parse_header_certificate(value)


def test_oin_of(certificate: x509.Certificate, ca: CA) -> None:
    assert pki.oin_of(certificate) == OIN
    assert pki.oin_of(ca.certificate) is None  # the CA has no serialNumber


def test_is_issued_by_our_ca(certificate: x509.Certificate, ca: CA) -> None:
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW) is True
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW + timedelta(days=364)) is True


def test_is_issued_by_false_for_another_cas_certificate(other_ca: CA, ca: CA) -> None:
    # both CAs carry the same name, so only the signature tells them apart
    assert other_ca.certificate.subject == ca.certificate.subject
    foreign = pki.issue_certificate(other_ca.private_pem, other_ca.certificate_pem, oin=OIN, naam=NAAM, now=NOW)
    foreign_certificate = x509.load_pem_x509_certificate(foreign.certificaat_pem.encode())
    assert pki.is_issued_by(foreign_certificate, ca.certificate_pem, NOW) is False
    assert pki.is_issued_by(foreign_certificate, other_ca.certificate_pem, NOW) is True


def test_is_issued_by_false_for_another_issuer_name(certificate: x509.Certificate, ca: CA) -> None:
    # a certificate is no issuer of itself: its issuer name is the CA's, not its own subject
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW) is True
    own_pem = certificate.public_bytes(serialization.Encoding.PEM).decode()
    assert pki.is_issued_by(certificate, own_pem, NOW) is False


def test_is_issued_by_false_outside_the_validity_period(certificate: x509.Certificate, ca: CA) -> None:
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW + timedelta(days=3000)) is False
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW + timedelta(days=366)) is False
    assert pki.is_issued_by(certificate, ca.certificate_pem, NOW - timedelta(hours=1)) is False


def test_now_utc_is_aware_utc() -> None:
    moment = pki.now_utc()
    assert moment.tzinfo is UTC
    assert abs(moment - datetime.now(UTC)) < timedelta(seconds=5)
