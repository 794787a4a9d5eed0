# SPDX-License-Identifier: EUPL-1.2
"""The messages of DigiD's SAML koppelvlak, read and made. No framework here.

A service provider sends a signed AuthnRequest by the HTTP-Redirect binding (its signature over the
query string, :func:`redirect_handtekening_klopt`); after the login DigiD sends the browser back
with an artifact (:func:`artifact`, SAML Bindings §3.6.4: type 0x0004, endpoint index, the SHA-1 of
DigiD's entityID, 20 random bytes); the service provider resolves it with a signed ArtifactResolve
in SOAP and gets an ArtifactResponse holding the Response with the signed Assertion: the BSN as
NameID ``s00000000:<BSN>``, the level as AuthnContextClassRef (:func:`artifact_response`).

XML is read without DTDs, entities or network (:func:`lees`), and signed and checked with signxml
(exclusive canonicalisation, RSA-SHA256), never by hand.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
import uuid
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote_plus, unquote_plus

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import methods
from signxml.exceptions import InvalidInput
from signxml.exceptions import InvalidSignature as InvalidXmlSignature
from signxml.signer import XMLSigner
from signxml.verifier import XMLVerifier

SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
MD = "urn:oasis:names:tc:SAML:2.0:metadata"
DS = "http://www.w3.org/2000/09/xmldsig#"
SOAP = "http://schemas.xmlsoap.org/soap/envelope/"
NS = {"samlp": SAMLP, "saml": SAML, "md": MD, "ds": DS, "soap": SOAP}
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
ARTIFACT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
SOAP_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"
#: How the BSN is named in an assertion of DigiD (the sector code of the BSN and the number).
BSN_SECTOR = "s00000000"
#: How long an assertion may be used, and how old a request may be.
GELDIG = timedelta(minutes=2)


class SamlFout(Exception):  # noqa: N818 - a message of the koppelvlak that is refused
    """A SAML message refused; ``str()`` is the Dutch reason."""


def lees(data: bytes) -> Any:
    """XML read safely: no DTD, no entities, nothing from the network, no huge trees."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        element = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise SamlFout("Geen leesbaar XML.") from None
    if element.getroottree().docinfo.doctype:
        raise SamlFout("XML met een DOCTYPE wordt niet aangenomen.")
    return element


def _tijd(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def nieuw_id() -> str:
    """An ID for a message or assertion (an NCName: it starts with an underscore)."""
    return f"_{uuid.uuid4().hex}"


def artifact(bron: bytes, index: int = 0) -> str:
    """A new SAML 2.0 artifact of the issuer whose SourceID is ``bron`` (20 bytes)."""
    return base64.b64encode(b"\x00\x04" + index.to_bytes(2, "big") + bron + secrets.token_bytes(20)).decode()


def bron(entity_id: str) -> bytes:
    """The SourceID of an issuer: the SHA-1 of its entityID."""
    return hashlib.sha1(entity_id.encode()).digest()


@dataclass(frozen=True, slots=True)
class SpMetadata:
    """What the metadata of a service provider registers: its entityID, signing certificate (PEM),
    AssertionConsumerServices of the Artifact binding (index, address) and logout address."""

    entity_id: str
    certificaat: str
    acs: tuple[tuple[int, str], ...]
    slo: str | None


def _pem(der_base64: str) -> str:
    try:
        certificaat = x509.load_der_x509_certificate(base64.b64decode("".join(der_base64.split())))
    except (ValueError, binascii.Error):
        raise SamlFout("Het certificaat in de metadata is onleesbaar.") from None
    return certificaat.public_bytes(serialization.Encoding.PEM).decode()


def lees_sp_metadata(data: bytes) -> SpMetadata:
    """The registration of a service provider from its SAML metadata (an EntityDescriptor)."""
    root = lees(data)
    if root.tag != f"{{{MD}}}EntityDescriptor" or not root.get("entityID"):
        raise SamlFout("Geef een EntityDescriptor met een entityID.")
    sp = root.find("md:SPSSODescriptor", NS)
    if sp is None:
        raise SamlFout("De metadata bevat geen SPSSODescriptor.")
    sleutels = [
        item.findtext(".//ds:X509Certificate", namespaces=NS)
        for item in sp.findall("md:KeyDescriptor", NS)
        if item.get("use") in (None, "signing")
    ]
    if not sleutels or not sleutels[0]:
        raise SamlFout("De metadata bevat geen certificaat om mee te ondertekenen.")
    acs = tuple(
        (int(item.get("index", "0")), item.get("Location", ""))
        for item in sp.findall("md:AssertionConsumerService", NS)
        if item.get("Binding") == ARTIFACT and item.get("Location", "").startswith(("https://", "http://"))
    )
    if not acs:
        raise SamlFout("De metadata bevat geen AssertionConsumerService met de Artifact-binding.")
    slo = next(
        (item.get("Location") for item in sp.findall("md:SingleLogoutService", NS) if item.get("Binding") == REDIRECT),
        None,
    )
    return SpMetadata(root.get("entityID"), _pem(sleutels[0]), acs, slo)


@dataclass(frozen=True, slots=True)
class AuthnVerzoek:
    """What an AuthnRequest asks: its ID, issuer, destination, where to return (an index or an
    address of the service provider's ACS), the AuthnContextClassRef it requires at least, and
    whether the person must log in again (``ForceAuthn``)."""

    id: str
    issuer: str
    destination: str | None
    acs_index: int | None
    acs_url: str | None
    niveau: str | None
    uitgegeven: str
    opnieuw: bool = False


def _inflate(waarde: str) -> bytes:
    try:
        return zlib.decompress(base64.b64decode(waarde), -15, bufsize=64 * 1024)
    except (ValueError, binascii.Error, zlib.error):
        raise SamlFout("SAMLRequest is geen base64 van DEFLATE-gecomprimeerde XML.") from None


def lees_authn_request(samlrequest: str) -> AuthnVerzoek:
    """The AuthnRequest of a ``SAMLRequest`` parameter of the HTTP-Redirect binding."""
    root = lees(_inflate(samlrequest))
    if root.tag != f"{{{SAMLP}}}AuthnRequest" or root.get("Version") != "2.0" or not root.get("ID"):
        raise SamlFout("Geen AuthnRequest van SAML 2.0.")
    index = root.get("AssertionConsumerServiceIndex")
    return AuthnVerzoek(
        id=root.get("ID"),
        issuer=(root.findtext("saml:Issuer", namespaces=NS) or "").strip(),
        destination=root.get("Destination"),
        acs_index=int(index) if index is not None and index.isdigit() else None,
        acs_url=root.get("AssertionConsumerServiceURL"),
        niveau=(root.findtext("samlp:RequestedAuthnContext/saml:AuthnContextClassRef", namespaces=NS) or None),
        uitgegeven=root.get("IssueInstant", ""),
        opnieuw=root.get("ForceAuthn") in ("true", "1"),
    )


def redirect_handtekening_klopt(query: str, certificaat: str) -> bool:
    """Whether the signature of an HTTP-Redirect message is the service provider's: RSA-SHA256 over
    ``SAMLRequest=…&RelayState=…&SigAlg=…`` exactly as they arrived (SAML Bindings §3.4.4.1)."""
    delen = dict(deel.split("=", 1) for deel in query.split("&") if "=" in deel)
    if "Signature" not in delen or unquote_plus(delen.get("SigAlg", "")) != RSA_SHA256:
        return False
    getekend = "&".join(f"{naam}={delen[naam]}" for naam in ("SAMLRequest", "RelayState", "SigAlg") if naam in delen)
    try:
        handtekening = base64.b64decode(unquote_plus(delen["Signature"]))
        sleutel = x509.load_pem_x509_certificate(certificaat.encode()).public_key()
        assert isinstance(sleutel, rsa.RSAPublicKey)
        sleutel.verify(handtekening, getekend.encode(), padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError, binascii.Error, AssertionError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class IdpSleutel:
    """DigiD's signing key for SAML and its self-signed certificate (PEM)."""

    private_pem: str
    certificaat_pem: str

    @classmethod
    def uit(cls, samen: str) -> IdpSleutel:
        """From the stored form: the key's PEM followed by the certificate's."""
        scheiding = samen.index("-----BEGIN CERTIFICATE-----")
        return cls(samen[:scheiding], samen[scheiding:])

    def samen(self) -> str:
        return self.private_pem + self.certificaat_pem

    @property
    def certificaat_base64(self) -> str:
        return "".join(line for line in self.certificaat_pem.splitlines() if not line.startswith("-----"))


def nieuwe_idp_sleutel(entity_id: str, nu: datetime) -> IdpSleutel:
    """A new RSA key of 2048 bits with a self-signed certificate of five years for ``entity_id``."""
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    naam = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "DigiD Open GDI test"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, entity_id[:64]),
        ]
    )
    certificaat = (
        x509.CertificateBuilder()
        .subject_name(naam)
        .issuer_name(naam)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - timedelta(minutes=5))
        .not_valid_after(nu + timedelta(days=5 * 365))
        .sign(sleutel, hashes.SHA256())
    )
    private_pem = sleutel.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return IdpSleutel(private_pem, certificaat.public_bytes(serialization.Encoding.PEM).decode())


def _element(tag: str, attributen: dict[str, str] | None = None, tekst: str | None = None) -> Any:
    prefix, naam = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{naam}", attributen or {}, nsmap={prefix: NS[prefix]})
    if tekst is not None:
        element.text = tekst
    return element


def _onderteken(element: Any, sleutel: IdpSleutel) -> Any:
    """``element`` signed (enveloped, exclusive c14n, RSA-SHA256, SHA-256), the signature after its Issuer."""
    plaats = etree.Element(f"{{{DS}}}Signature", {"Id": "placeholder"}, nsmap={"ds": DS})
    issuer = element.find("saml:Issuer", NS)
    if issuer is not None:
        issuer.addnext(plaats)
    else:
        element.insert(0, plaats)
    signer = XMLSigner(
        method=methods.enveloped,
        signature_algorithm="rsa-sha256",
        digest_algorithm="sha256",
        c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#",
    )
    return signer.sign(
        element,
        key=sleutel.private_pem.encode(),
        cert=sleutel.certificaat_pem,
        reference_uri=element.get("ID") or element.get("entityID"),
        id_attribute="ID",
    )


def ondertekend(element: Any, certificaat: str) -> Any:
    """What an enveloped XML signature of the holder of ``certificaat`` over ``element`` covers (the
    element as signed, to read from instead of the message, against signature wrapping), or ``None``."""
    try:
        gecontroleerd = XMLVerifier().verify(element, x509_cert=certificaat, id_attribute="ID", expect_references=1)
    except (InvalidXmlSignature, InvalidInput, ValueError):
        return None
    return gecontroleerd.signed_xml if not isinstance(gecontroleerd, list) else None


@dataclass(frozen=True, slots=True)
class Idp:
    """DigiD's SAML identity provider in a deployment: its entityID and endpoints."""

    entity_id: str
    sso: str
    artifact: str
    slo: str


def metadata(idp: Idp, sleutel: IdpSleutel, nu: datetime) -> bytes:
    """DigiD's signed metadata: an EntityDescriptor with its IDPSSODescriptor."""
    root = _element(
        "md:EntityDescriptor",
        {"entityID": idp.entity_id, "ID": nieuw_id(), "validUntil": _tijd(nu + timedelta(days=7))},
    )
    descriptor = etree.SubElement(
        root,
        f"{{{MD}}}IDPSSODescriptor",
        {"protocolSupportEnumeration": SAMLP, "WantAuthnRequestsSigned": "true"},
    )
    sleuteldeel = etree.SubElement(descriptor, f"{{{MD}}}KeyDescriptor", {"use": "signing"})
    info = etree.SubElement(sleuteldeel, f"{{{DS}}}KeyInfo", nsmap={"ds": DS})
    gegevens = etree.SubElement(info, f"{{{DS}}}X509Data")
    etree.SubElement(gegevens, f"{{{DS}}}X509Certificate").text = sleutel.certificaat_base64
    etree.SubElement(
        descriptor,
        f"{{{MD}}}ArtifactResolutionService",
        {"Binding": SOAP_BINDING, "Location": idp.artifact, "index": "0"},
    )
    etree.SubElement(descriptor, f"{{{MD}}}SingleLogoutService", {"Binding": REDIRECT, "Location": idp.slo})
    etree.SubElement(descriptor, f"{{{MD}}}NameIDFormat").text = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
    etree.SubElement(descriptor, f"{{{MD}}}SingleSignOnService", {"Binding": REDIRECT, "Location": idp.sso})
    return bytes(etree.tostring(_onderteken(root, sleutel), xml_declaration=True, encoding="UTF-8"))


@dataclass(frozen=True, slots=True)
class ArtifactVraag:
    """An ArtifactResolve: its ID, issuer, the artifact, and the element (to check its signature)."""

    id: str
    issuer: str
    artifact: str
    element: Any


def lees_artifact_resolve(data: bytes) -> ArtifactVraag:
    """The ArtifactResolve in a SOAP envelope."""
    root = lees(data)
    vraag = root.find("soap:Body/samlp:ArtifactResolve", NS)
    if root.tag != f"{{{SOAP}}}Envelope" or vraag is None:
        raise SamlFout("Geen ArtifactResolve in een SOAP-envelop.")
    return artifact_vraag(vraag)


def artifact_vraag(vraag: Any) -> ArtifactVraag:
    """What an ArtifactResolve element asks."""
    if vraag is None or vraag.tag != f"{{{SAMLP}}}ArtifactResolve" or not vraag.get("ID"):
        raise SamlFout("Geen ArtifactResolve.")
    return ArtifactVraag(
        vraag.get("ID"),
        (vraag.findtext("saml:Issuer", namespaces=NS) or "").strip(),
        (vraag.findtext("samlp:Artifact", namespaces=NS) or "").strip(),
        vraag,
    )


@dataclass(frozen=True, slots=True)
class Bewering:
    """What an assertion states: the person (BSN), level, when he logged in, and for whom it is."""

    bsn: str
    niveau: str
    aangemeld: datetime
    sp: str
    acs: str
    authn_request: str
    namens: str | None = None


def _soap(inhoud: Any) -> bytes:
    envelop = _element("soap:Envelope")
    lichaam = etree.SubElement(envelop, f"{{{SOAP}}}Body")
    lichaam.append(inhoud)
    return bytes(etree.tostring(envelop, xml_declaration=True, encoding="UTF-8"))


def _status(ouder: Any, code: str) -> None:
    status = etree.SubElement(ouder, f"{{{SAMLP}}}Status")
    etree.SubElement(status, f"{{{SAMLP}}}StatusCode", {"Value": code})


def _assertion(idp: Idp, bewering: Bewering, sleutel: IdpSleutel, nu: datetime) -> Any:
    assertion = _element("saml:Assertion", {"ID": nieuw_id(), "IssueInstant": _tijd(nu), "Version": "2.0"})
    etree.SubElement(assertion, f"{{{SAML}}}Issuer").text = idp.entity_id
    onderwerp = etree.SubElement(assertion, f"{{{SAML}}}Subject")
    etree.SubElement(onderwerp, f"{{{SAML}}}NameID").text = f"{BSN_SECTOR}:{bewering.bsn}"
    bevestiging = etree.SubElement(
        onderwerp, f"{{{SAML}}}SubjectConfirmation", {"Method": "urn:oasis:names:tc:SAML:2.0:cm:bearer"}
    )
    etree.SubElement(
        bevestiging,
        f"{{{SAML}}}SubjectConfirmationData",
        {"InResponseTo": bewering.authn_request, "NotOnOrAfter": _tijd(nu + GELDIG), "Recipient": bewering.acs},
    )
    voorwaarden = etree.SubElement(
        assertion, f"{{{SAML}}}Conditions", {"NotBefore": _tijd(nu - GELDIG), "NotOnOrAfter": _tijd(nu + GELDIG)}
    )
    beperking = etree.SubElement(voorwaarden, f"{{{SAML}}}AudienceRestriction")
    etree.SubElement(beperking, f"{{{SAML}}}Audience").text = bewering.sp
    verklaring = etree.SubElement(
        assertion, f"{{{SAML}}}AuthnStatement", {"AuthnInstant": _tijd(bewering.aangemeld), "SessionIndex": nieuw_id()}
    )
    context = etree.SubElement(verklaring, f"{{{SAML}}}AuthnContext")
    etree.SubElement(context, f"{{{SAML}}}AuthnContextClassRef").text = bewering.niveau
    if bewering.namens is not None:
        attributen = etree.SubElement(assertion, f"{{{SAML}}}AttributeStatement")
        for naam, waarde in (
            ("urn:nl-eid-gdi:1.0:LegalSubjectID", bewering.namens),
            ("urn:nl-eid-gdi:1.0:ActingSubjectID", bewering.bsn),
        ):
            attribuut = etree.SubElement(attributen, f"{{{SAML}}}Attribute", {"Name": naam})
            etree.SubElement(attribuut, f"{{{SAML}}}AttributeValue").text = f"{BSN_SECTOR}:{waarde}"
    return _onderteken(assertion, sleutel)


def artifact_response(
    idp: Idp, vraag: ArtifactVraag, bewering: Bewering | None, sleutel: IdpSleutel, nu: datetime
) -> bytes:
    """The signed ArtifactResponse (in SOAP) to ``vraag``: the Response with the signed Assertion of
    ``bewering``, or an empty one when the artifact is unknown, used or expired (SAML Bindings §3.6.6)."""
    antwoord = _element(
        "samlp:ArtifactResponse",
        {"ID": nieuw_id(), "InResponseTo": vraag.id, "IssueInstant": _tijd(nu), "Version": "2.0"},
    )
    etree.SubElement(antwoord, f"{{{SAML}}}Issuer", nsmap={"saml": SAML}).text = idp.entity_id
    _status(antwoord, SUCCESS)
    if bewering is not None:
        response = etree.SubElement(
            antwoord,
            f"{{{SAMLP}}}Response",
            {
                "ID": nieuw_id(),
                "InResponseTo": bewering.authn_request,
                "IssueInstant": _tijd(nu),
                "Version": "2.0",
                "Destination": bewering.acs,
            },
        )
        etree.SubElement(response, f"{{{SAML}}}Issuer", nsmap={"saml": SAML}).text = idp.entity_id
        _status(response, SUCCESS)
        response.append(_assertion(idp, bewering, sleutel, nu))
    return _soap(_onderteken(antwoord, sleutel))


def soap_fout(reden: str) -> bytes:
    """A SOAP 1.1 Fault of the client with ``reden``."""
    envelop = _element("soap:Envelope")
    lichaam = etree.SubElement(envelop, f"{{{SOAP}}}Body")
    fout = etree.SubElement(lichaam, f"{{{SOAP}}}Fault")
    etree.SubElement(fout, "faultcode").text = "soap:Client"
    etree.SubElement(fout, "faultstring").text = reden
    return bytes(etree.tostring(envelop, xml_declaration=True, encoding="UTF-8"))


@dataclass(frozen=True, slots=True)
class LogoutVerzoek:
    """A LogoutRequest: its ID and issuer."""

    id: str
    issuer: str


def lees_logout_request(samlrequest: str) -> LogoutVerzoek:
    """The LogoutRequest of a ``SAMLRequest`` parameter of the HTTP-Redirect binding."""
    root = lees(_inflate(samlrequest))
    if root.tag != f"{{{SAMLP}}}LogoutRequest" or root.get("Version") != "2.0" or not root.get("ID"):
        raise SamlFout("Geen LogoutRequest van SAML 2.0.")
    return LogoutVerzoek(root.get("ID"), (root.findtext("saml:Issuer", namespaces=NS) or "").strip())


def logout_response(idp: Idp, verzoek: LogoutVerzoek, bestemming: str, nu: datetime) -> bytes:
    """The LogoutResponse (Success) to ``verzoek``, for the HTTP-Redirect binding (signed as a query)."""
    antwoord = _element(
        "samlp:LogoutResponse",
        {
            "ID": nieuw_id(),
            "InResponseTo": verzoek.id,
            "IssueInstant": _tijd(nu),
            "Version": "2.0",
            "Destination": bestemming,
        },
    )
    etree.SubElement(antwoord, f"{{{SAML}}}Issuer", nsmap={"saml": SAML}).text = idp.entity_id
    _status(antwoord, SUCCESS)
    return bytes(etree.tostring(antwoord))


def redirect_onderteken(parameter: str, bericht: bytes, relay_state: str | None, sleutel: IdpSleutel) -> str:
    """The query of an HTTP-Redirect message (``SAMLRequest`` or ``SAMLResponse``), DEFLATE'd and
    signed RSA-SHA256 over ``parameter=…&RelayState=…&SigAlg=…`` (SAML Bindings §3.4.4.1)."""
    compressor = zlib.compressobj(wbits=-15)
    ingepakt = base64.b64encode(compressor.compress(bericht) + compressor.flush()).decode()
    delen = [f"{parameter}={quote_plus(ingepakt)}"]
    if relay_state is not None:
        delen.append(f"RelayState={quote_plus(relay_state)}")
    delen.append(f"SigAlg={quote_plus(RSA_SHA256)}")
    getekend = "&".join(delen)
    privaat = serialization.load_pem_private_key(sleutel.private_pem.encode(), password=None)
    assert isinstance(privaat, rsa.RSAPrivateKey)
    handtekening = privaat.sign(getekend.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{getekend}&Signature={quote_plus(base64.b64encode(handtekening).decode())}"
