# SPDX-License-Identifier: EUPL-1.2
"""The use cases of DigiD over SAML (the DigiD koppelvlak): registering a service provider by its
metadata, DigiD's own metadata, an AuthnRequest that starts a login (the same login pages as
OpenID Connect), and the ArtifactResolve that hands the service provider its assertion.

An AuthnRequest must be signed by the service provider (HTTP-Redirect binding), be addressed to
DigiD, be recent, and name an AssertionConsumerService the provider registered; the level is the
AuthnContextClassRef it asks for, never below the provider's registered minimum. An artifact is a
one-time code: it is resolved once, by the provider it was made for, within two minutes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_oin
from opengdi.kernel.problems import InvalidParam
from opengdi.stelsel.digid import aanmelden, repository, saml
from opengdi.stelsel.digid.aanmelden import SAML_BRON, Lopend, Wachtwoord, sha256
from opengdi.stelsel.digid.model import SamlDienstRow
from opengdi.stelsel.digid.niveaus import Niveau, vereist_niveau
from opengdi.stelsel.digid.saml import AuthnVerzoek, Bewering, Idp, IdpSleutel, SamlFout

_SLEUTEL = "saml-idp"
#: How far an AuthnRequest's IssueInstant may lie from now.
KLOKSPELING = timedelta(minutes=5)


def idp(issuer: str) -> Idp:
    """DigiD's SAML identity provider under the OIDC issuer ``…/digid``."""
    return Idp(f"{issuer}/saml", f"{issuer}/saml/sso", f"{issuer}/saml/artifact", f"{issuer}/saml/uitloggen")


async def sleutel(database: Database, entity_id: str) -> IdpSleutel:
    """DigiD's SAML signing key with its certificate, made the first time."""
    async with database.session() as session:
        samen = await repository.geheim(
            session, _SLEUTEL, lambda: saml.nieuwe_idp_sleutel(entity_id, datetime.now(UTC)).samen()
        )
    return IdpSleutel.uit(samen)


async def metadata(database: Database, issuer: str, nu: datetime) -> bytes:
    """DigiD's signed SAML metadata."""
    eigen = idp(issuer)
    return saml.metadata(eigen, await sleutel(database, eigen.entity_id), nu)


def _weiger(naam: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, "invalid", reden)])


async def registreer(database: Database, naam: str, oin: str, metadata_xml: bytes, minimum: Niveau) -> str:
    """Register a service provider by its metadata; its id."""
    if not 1 <= len(naam.strip()) <= 200 or "\x00" in naam:
        raise _weiger("naam", "Een naam van 1 tot 200 tekens.")
    if not is_valid_oin(oin):
        raise _weiger("oin", "Geen geldig OIN (20 cijfers).")
    try:
        gelezen = saml.lees_sp_metadata(metadata_xml)
    except SamlFout as fout:
        raise _weiger("metadata", str(fout)) from None
    dienst_id = repository.SAML_PREFIX + hashlib.sha256(gelezen.entity_id.encode()).hexdigest()[:16]
    async with database.session() as session:
        if await repository.saml_dienst(session, gelezen.entity_id) is not None:
            raise Conflict(f"Er is al een dienst met entityID {gelezen.entity_id}")
        session.add(
            SamlDienstRow(
                id=dienst_id,
                entity_id=gelezen.entity_id,
                naam=naam.strip(),
                oin=oin,
                minimum_niveau=minimum.naam,
                certificaat=gelezen.certificaat,
                acs=[list(item) for item in gelezen.acs],
                slo=gelezen.slo,
            )
        )
        await session.commit()
    return dienst_id


def _moment(waarde: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(waarde.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _acs(verzoek: AuthnVerzoek, dienst: SamlDienstRow) -> str:
    """The AssertionConsumerService the request names (by index or address), or the first registered."""
    geregistreerd = [(int(index), str(adres)) for index, adres in dienst.acs]
    if verzoek.acs_url is not None:
        if verzoek.acs_url not in [adres for _, adres in geregistreerd]:
            raise SamlFout("Deze AssertionConsumerServiceURL is niet geregistreerd.")
        return verzoek.acs_url
    if verzoek.acs_index is not None:
        gevonden = [adres for index, adres in geregistreerd if index == verzoek.acs_index]
        if not gevonden:
            raise SamlFout("Deze AssertionConsumerServiceIndex is niet geregistreerd.")
        return gevonden[0]
    return min(geregistreerd)[1]


async def begin(
    database: Database,
    issuer: str,
    vraag: Mapping[str, str],
    query: str,
    *,
    sessie: str | None,
    weigering: aanmelden.Weigering,
    nu: datetime,
) -> aanmelden.Stap:
    """Accept a signed AuthnRequest (HTTP-Redirect binding): its login page, or for a browser whose
    session reached the level (and no ``ForceAuthn``) at once the artifact (:class:`SamlFout` when refused)."""
    if "SAMLRequest" not in vraag:
        raise SamlFout("Geef een SAMLRequest.")
    verzoek = saml.lees_authn_request(vraag["SAMLRequest"])
    eigen = idp(issuer)
    async with database.session() as session:
        dienst = await repository.saml_dienst(session, verzoek.issuer)
        if dienst is None:
            raise SamlFout("Deze dienst (Issuer) is niet bij DigiD aangesloten.")
        if not saml.redirect_handtekening_klopt(query, dienst.certificaat):
            raise SamlFout("Het AuthnRequest is niet of niet door deze dienst ondertekend.")
        if verzoek.destination not in (None, eigen.sso):
            raise SamlFout("Het AuthnRequest is niet aan DigiD gericht (Destination).")
        uitgegeven = _moment(verzoek.uitgegeven)
        if uitgegeven is None or abs(nu - uitgegeven) > KLOKSPELING:
            raise SamlFout("Het AuthnRequest is te oud of komt uit de toekomst (IssueInstant).")
        acs = _acs(verzoek, dienst)
        niveau = vereist_niveau(verzoek.niveau, Niveau.van(dienst.minimum_niveau) or Niveau.BASIS)
        await repository.bewaar_geheim(session, SAML_BRON, saml.bron(eigen.entity_id).hex())
        sleutel_, row = aanmelden.nieuw_verzoek(
            dienst.id, acs, niveau, nu, state=vraag.get("RelayState"), nonce=verzoek.id
        )
        lopend = Lopend(sleutel_, dienst.naam, niveau, acs)
        stap = (
            None
            if verzoek.opnieuw
            else await aanmelden.met_sessie(session, row, lopend, sessie=sessie, weigering=weigering, nu=nu)
        )
        if stap is None:
            session.add(row)
        await session.commit()
    return stap or Wachtwoord(lopend)


@dataclass(frozen=True, slots=True)
class Opgelost:
    """An ArtifactResolve answered: the SOAP message, and the organisation that asked (for the log)."""

    bericht: bytes
    oin: str


async def los_op(database: Database, issuer: str, bericht: bytes, nu: datetime) -> Opgelost:
    """Answer an ArtifactResolve: the assertion of the login the artifact stands for, once, to the
    service provider it was made for (:class:`SamlFout` for a message that is refused)."""
    vraag = saml.lees_artifact_resolve(bericht)
    eigen = idp(issuer)
    async with database.session() as session:
        dienst = await repository.saml_dienst(session, vraag.issuer)
        getekend = saml.ondertekend(vraag.element, dienst.certificaat) if dienst is not None else None
        if dienst is None or getekend is None:
            raise SamlFout("Het ArtifactResolve is niet door een aangesloten dienst ondertekend.")
        vraag = saml.artifact_vraag(getekend)  # only what the signature covers counts
        if vraag.issuer != dienst.entity_id:
            raise SamlFout("Het ondertekende ArtifactResolve noemt een andere dienst.")
        code = await repository.neem_code(session, sha256(vraag.artifact), nu)
        await session.commit()
    bewering = None
    if code is not None and code.client_id == dienst.id:
        niveau = Niveau.van(code.niveau) or Niveau.BASIS
        aangemeld = repository.utc(code.aangemeld) or nu
        bewering = Bewering(
            code.bsn, niveau.klasse, aangemeld, dienst.entity_id, code.redirect_uri, code.nonce, code.namens_bsn
        )
    antwoord = saml.artifact_response(eigen, vraag, bewering, await sleutel(database, eigen.entity_id), nu)
    return Opgelost(antwoord, dienst.oin)


async def uitloggen(
    database: Database, issuer: str, vraag: Mapping[str, str], query: str, *, sessie: str | None, nu: datetime
) -> str:
    """A signed LogoutRequest of a service provider (HTTP-Redirect): the browser's session ends; the
    address of the provider's SingleLogoutService with the signed LogoutResponse (:class:`SamlFout` when refused)."""
    if "SAMLRequest" not in vraag:
        raise SamlFout("Geef een SAMLRequest.")
    verzoek = saml.lees_logout_request(vraag["SAMLRequest"])
    eigen = idp(issuer)
    async with database.session() as session:
        dienst = await repository.saml_dienst(session, verzoek.issuer)
        if dienst is None or dienst.slo is None:
            raise SamlFout("Deze dienst (Issuer) is niet aangesloten of heeft geen SingleLogoutService.")
        if not saml.redirect_handtekening_klopt(query, dienst.certificaat):
            raise SamlFout("Het LogoutRequest is niet of niet door deze dienst ondertekend.")
        if sessie:
            await repository.beeindig_sessie(session, sha256(sessie))
            await session.commit()
    bericht = saml.logout_response(eigen, verzoek, dienst.slo, nu)
    query_terug = saml.redirect_onderteken(
        "SAMLResponse", bericht, vraag.get("RelayState"), await sleutel(database, eigen.entity_id)
    )
    return f"{dienst.slo}{'&' if '?' in dienst.slo else '?'}{query_terug}"
