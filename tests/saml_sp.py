# SPDX-License-Identifier: EUPL-1.2
"""A SAML service provider of DigiD on OneLogin's python3-saml, for the tests: its settings (its own
key and certificate, DigiD's metadata read by python3-saml, signed requests, DigiD's assertion
without attributes), the ArtifactResolve it signs with python3-saml's xmlsec signing (as
django-digid-eherkenning does), and the Response taken out of the ArtifactResponse."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.utils import OneLogin_Saml2_Utils

ARTIFACT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
_SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
_ARTIFACT_RESOLVE = """<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
<samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"
 xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{id}" Version="2.0" IssueInstant="{moment}"
 Destination="{destination}"><saml:Issuer>{issuer}</saml:Issuer>
<samlp:Artifact>{artifact}</samlp:Artifact></samlp:ArtifactResolve></soapenv:Body></soapenv:Envelope>"""


def sleutelpaar(naam: str) -> tuple[str, str]:
    """A private key and a self-signed certificate of a month (PEM), for a service provider."""
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam[:64])])
    nu = datetime.now(UTC)
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - timedelta(days=1))
        .not_valid_after(nu + timedelta(days=30))
        .sign(sleutel, hashes.SHA256())
    )
    formaat = serialization.PrivateFormat.PKCS8
    pem = sleutel.private_bytes(serialization.Encoding.PEM, formaat, serialization.NoEncryption())
    return pem.decode(), certificaat.public_bytes(serialization.Encoding.PEM).decode()


def instellingen(idp_metadata: str, entity_id: str, acs: str, slo: str, niveau: str) -> dict[str, Any]:
    """python3-saml's settings of a service provider of DigiD that asks at least ``niveau``."""
    sleutel, certificaat = sleutelpaar(entity_id)
    return {
        "strict": True,
        "sp": {
            "entityId": entity_id,
            "assertionConsumerService": {"url": acs, "binding": ARTIFACT_BINDING},
            "singleLogoutService": {"url": slo, "binding": OneLogin_Saml2_Constants.BINDING_HTTP_REDIRECT},
            "NameIDFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
            "x509cert": certificaat,
            "privateKey": sleutel,
        },
        "idp": OneLogin_Saml2_IdPMetadataParser.parse(idp_metadata)["idp"],
        "security": {
            "authnRequestsSigned": True,
            "logoutRequestSigned": True,
            "wantAssertionsSigned": True,
            "signatureAlgorithm": OneLogin_Saml2_Constants.RSA_SHA256,
            "digestAlgorithm": OneLogin_Saml2_Constants.SHA256,
            "requestedAuthnContext": [niveau],
            "requestedAuthnContextComparison": "minimum",
            "allowSingleLabelDomains": True,  # the test server is http://testserver
            "wantAttributeStatement": False,  # DigiD's assertion has the BSN in its NameID, no attributes
        },
    }


def artifact_resolve(settings: dict[str, Any], artifact: str, destination: str, ondertekend: bool = True) -> bytes:
    """The SOAP message with the ArtifactResolve of ``artifact``, signed by the service provider."""
    sp = settings["sp"]
    bericht = _ARTIFACT_RESOLVE.format(
        id=OneLogin_Saml2_Utils.generate_unique_id(),
        moment=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        destination=destination,
        issuer=sp["entityId"],
        artifact=artifact,
    )
    if not ondertekend:
        return bericht.encode()
    envelop = etree.fromstring(bericht.encode())
    resolve = envelop.find(f".//{{{_SAMLP}}}ArtifactResolve")
    getekend = OneLogin_Saml2_Utils.add_sign(
        resolve,
        sp["privateKey"],
        sp["x509cert"],
        sign_algorithm=OneLogin_Saml2_Constants.RSA_SHA256,
        digest_algorithm=OneLogin_Saml2_Constants.SHA256,
    )
    body = envelop.find(f"{{{_SOAP}}}Body")
    body.remove(resolve)
    body.append(etree.fromstring(getekend))
    return bytes(etree.tostring(envelop))


def response_uit(antwoord: bytes) -> str | None:
    """The Response in an ArtifactResponse, base64 as python3-saml takes it (``None``: there is none)."""
    response = etree.fromstring(antwoord).find(f".//{{{_SAMLP}}}Response")
    return base64.b64encode(etree.tostring(response)).decode() if response is not None else None
