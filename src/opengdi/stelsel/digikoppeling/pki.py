# SPDX-License-Identifier: EUPL-1.2
"""A local certificate authority that issues PKIoverheid-like client certificates: the OIN of the
organisation in the subject serialNumber, its name as organisation and common name.

Mutual TLS usually ends at a proxy in front of the API; the proxy passes the client certificate on
in a header (URL-encoded PEM, as nginx's ``$ssl_client_escaped_cert``), which is trusted only from
the configured proxy addresses.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAAM = "Open GDI Test CA - niet voor productie"


@dataclass(frozen=True, slots=True)
class Uitgegeven:
    """A newly issued certificate and its private key."""

    private_pem: str
    certificaat_pem: str
    vingerafdruk: str
    serienummer: str
    geldig_tot: datetime


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def create_ca(now: datetime) -> tuple[str, str]:
    """A self-signed CA: its private key and certificate, both PEM."""
    key = _key()
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Open GDI"),
            x509.NameAttribute(NameOID.COMMON_NAME, CA_NAAM),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return _pem(key), certificate.public_bytes(serialization.Encoding.PEM).decode()


def issue_certificate(
    ca_private_pem: str, ca_certificate_pem: str, *, oin: str, naam: str, now: datetime, days: int = 365
) -> Uitgegeven:
    """A client certificate for ``oin`` signed by the CA."""
    ca_key = serialization.load_pem_private_key(ca_private_pem.encode(), password=None)
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    ca_certificate = x509.load_pem_x509_certificate(ca_certificate_pem.encode())
    key = _key()
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, naam[:64]),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, oin),
            x509.NameAttribute(NameOID.COMMON_NAME, naam[:64]),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return Uitgegeven(
        _pem(key),
        certificate.public_bytes(serialization.Encoding.PEM).decode(),
        fingerprint(certificate),
        format(certificate.serial_number, "x"),
        certificate.not_valid_after_utc,
    )


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate (DER), hex."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def thumbprint(certificate: x509.Certificate) -> str:
    """``x5t#S256`` of the certificate (RFC 8705): base64url SHA-256 of the DER form."""
    digest = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def parse_header_certificate(value: str) -> x509.Certificate:
    """The certificate a proxy passed in a header (URL-encoded PEM); raises ``ValueError``."""
    return x509.load_pem_x509_certificate(unquote(value).encode())


def oin_of(certificate: x509.Certificate) -> str | None:
    """The OIN in the subject serialNumber."""
    values = certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(values[0].value) if values else None


def is_issued_by(certificate: x509.Certificate, ca_certificate_pem: str, now: datetime) -> bool:
    """Whether the CA signed ``certificate`` and it is valid ``now``."""
    ca_certificate = x509.load_pem_x509_certificate(ca_certificate_pem.encode())
    if certificate.issuer != ca_certificate.subject:
        return False
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        return False
    public_key = ca_certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    assert certificate.signature_hash_algorithm is not None
    try:
        public_key.verify(
            certificate.signature,
            certificate.tbs_certificate_bytes,
            padding.PKCS1v15(),
            certificate.signature_hash_algorithm,
        )
    except InvalidSignature:
        return False
    return True


def now_utc() -> datetime:
    """The current moment, UTC."""
    return datetime.now(UTC)
