# SPDX-License-Identifier: EUPL-1.2
"""A local certificate authority that issues PKIoverheid-like client certificates: the OIN of the
organisation in the subject serialNumber, its name as organisation and common name.

Mutual TLS usually ends at a proxy in front of the API; the proxy passes the client certificate on
in a header (URL-encoded PEM, as nginx's ``$ssl_client_escaped_cert``), which is trusted only from
the configured proxy addresses. Whatever arrives in that header is checked before it is used: a
readable certificate, a key of an accepted type (RSA of at least 2048 bits, EC on P-256 or P-384)
and a signature of our CA's key — a certificate that only carries our CA's name is refused.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa, x448, x25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CA_NAAM = "Open GDI Test CA - niet voor productie"
#: The keys accepted in a client certificate: RSA of at least this size, or EC on these curves.
MIN_RSA_BITS = 2048
EC_CURVES = {"secp256r1": "P-256", "secp384r1": "P-384"}
_KEY_KINDS: tuple[tuple[type, str], ...] = (
    (ed25519.Ed25519PublicKey, "Ed25519"),
    (ed448.Ed448PublicKey, "Ed448"),
    (x25519.X25519PublicKey, "X25519"),
    (x448.X448PublicKey, "X448"),
)


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
    """The certificate a proxy passed in a header (URL-encoded PEM); raises ``ValueError`` when it is
    none or when a part that is used later (names, validity) cannot be read."""
    try:
        certificate = x509.load_pem_x509_certificate(unquote(value).encode())
        # The parts are decoded on first use: read them now, so that a malformed one fails here.
        _ = (certificate.subject, certificate.issuer, certificate.not_valid_before_utc, certificate.not_valid_after_utc)
    except (ValueError, UnsupportedAlgorithm) as error:
        raise ValueError("no readable certificate") from error
    return certificate


def key_refusal(certificate: x509.Certificate) -> str | None:
    """Why the key of ``certificate`` is not accepted (``None`` when it is), in Dutch."""
    accepted = f"alleen RSA van minstens {MIN_RSA_BITS} bits en EC op {' of '.join(EC_CURVES.values())} worden aanvaard"
    try:
        key = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm):
        return f"Het clientcertificaat heeft een sleutel van een onbekend type; {accepted}."
    if isinstance(key, rsa.RSAPublicKey):
        too_short = key.key_size < MIN_RSA_BITS
        return f"De RSA-sleutel van het clientcertificaat is {key.key_size} bits; {accepted}." if too_short else None
    if isinstance(key, ec.EllipticCurvePublicKey):
        known = key.curve.name in EC_CURVES
        return None if known else f"Het clientcertificaat heeft een EC-sleutel op {key.curve.name}; {accepted}."
    # other kinds (DSA, whose module warns when used) by their class name: DSAPublicKey → DSA
    kind = next(
        (name for kind, name in _KEY_KINDS if isinstance(key, kind)),
        type(key).__name__.lstrip("_").removesuffix("PublicKey"),
    )
    return f"Het clientcertificaat heeft een {kind}-sleutel; {accepted}."


def oin_of(certificate: x509.Certificate) -> str | None:
    """The OIN in the subject serialNumber."""
    values = certificate.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    return str(values[0].value) if values else None


def is_issued_by(certificate: x509.Certificate, ca_certificate_pem: str, now: datetime) -> bool:
    """Whether the CA's key signed ``certificate`` (not only a certificate with the CA's name as
    issuer) and it is valid ``now``."""
    ca_certificate = x509.load_pem_x509_certificate(ca_certificate_pem.encode())
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        return False
    try:
        # Checks the issuer name and the signature with the CA's key; a signature algorithm that
        # does not fit that key (EdDSA, ECDSA, DSA, unknown) raises instead of verifying.
        certificate.verify_directly_issued_by(ca_certificate)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def now_utc() -> datetime:
    """The current moment, UTC."""
    return datetime.now(UTC)
