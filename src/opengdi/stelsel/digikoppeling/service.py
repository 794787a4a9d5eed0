# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling's use cases: register organisations, give them credentials and certificates,
grant and revoke, and load the demo register.

Each function takes a :class:`~opengdi.kernel.uow.UnitOfWork`, commits it once and raises a domain
error (:mod:`opengdi.kernel.fouten`) when it cannot do what was asked: an unknown organisation is
:class:`OnbekendeOrganisatie` (not found), a taken OIN :class:`BestaandeOrganisatie` (conflict), a
refused key or restriction :class:`~opengdi.kernel.fouten.OngeldigeInvoer` naming the parameter."""

from __future__ import annotations

import dataclasses
import secrets
from typing import Any

from joserfc.jwk import RSAKey
from sqlalchemy.exc import IntegrityError

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.fouten import Conflict, NietGevonden, OngeldigeInvoer
from opengdi.kernel.problems import InvalidParam
from opengdi.kernel.uow import UnitOfWork
from opengdi.stelsel.digikoppeling import organisaties, pki, tokens
from opengdi.stelsel.digikoppeling.autorisatie import (
    Beperkingsoorten,
    Grant,
    OngeldigBesluit,
    OngeldigeBeperking,
    check_grant,
    checked_beperkingen,
)
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.pki import now_utc
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever


class OnbekendeOrganisatie(NietGevonden):
    """No active organisation has this OIN."""


class BestaandeOrganisatie(Conflict):
    """An organisation with this OIN is registered already."""

    titel = "Deze organisatie bestaat al."
    code = "unique"


def _invalid(parameter: str, reason: str, code: str = "value") -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(parameter, code, reason)], reason)


async def _active(uow: UnitOfWork, oin: str) -> Organisatie:
    organisatie = await organisaties.get_organisatie(uow.session, oin)
    if organisatie is None or not organisatie.actief:
        raise OnbekendeOrganisatie(f"Er is geen actieve organisatie met OIN {oin}.")
    return organisatie


#: The demo register's API key (test deployments only): Gemeente Rotterdam's, for the Kadaster's
#: BAG clients that send ``X-Api-Key`` (docs/digikoppeling.md).
DEMO_APISLEUTEL = "gdi-demo-apisleutel-gemeente-rotterdam"
DEMO_APISLEUTEL_OIN = "00000099100000599000"


async def issue_api_sleutel(uow: UnitOfWork, oin: str, omschrijving: str) -> tuple[int, str]:
    """A new API key for ``oin`` (shown once: only its hash is kept); its number and the key."""
    await _active(uow, oin)
    sleutel = f"gdi_{secrets.token_urlsafe(32)}"
    number = await organisaties.add_api_sleutel(uow.session, oin, organisaties.sleutelhash(sleutel), omschrijving[:200])
    await uow.commit()
    return number, sleutel


async def revoke_api_sleutel(uow: UnitOfWork, sleutel_id: int) -> str | None:
    """Revoke an API key; the OIN it belonged to, or ``None`` when none was in force."""
    oin = await organisaties.revoke_api_sleutel(uow.session, sleutel_id, now_utc())
    await uow.commit()
    return oin


async def load_demo_register(uow: UnitOfWork, samenstelling: Samenstelling) -> int:
    """Register the demo organisations with the grants the blocks of ``samenstelling`` declare for
    them, when the register is empty; how many."""
    if await organisaties.count_organisaties(uow.session):
        return 0
    demo = demo_organisaties(samenstelling)
    await organisaties.add_organisaties(uow.session, [item.organisatie for item in demo])
    for item in demo:
        for grant in item.grants:
            await organisaties.add_grant(uow.session, item.organisatie.oin, grant)
    if any(item.organisatie.oin == DEMO_APISLEUTEL_OIN for item in demo):
        await organisaties.add_api_sleutel(
            uow.session, DEMO_APISLEUTEL_OIN, organisaties.sleutelhash(DEMO_APISLEUTEL), "Demosleutel (testomgeving)"
        )
    await uow.commit()
    return len(demo)


async def register(uow: UnitOfWork, organisatie: Organisatie) -> None:
    """Register one organisation; raises :class:`BestaandeOrganisatie` when its OIN is taken."""
    try:
        await organisaties.add_organisaties(uow.session, [organisatie])
        await uow.commit()
    except IntegrityError as error:
        await uow.rollback()
        raise BestaandeOrganisatie(f"OIN {organisatie.oin} is al geregistreerd.") from error


async def create_credentials(uow: UnitOfWork, oin: str) -> tuple[str, str]:
    """A new key pair for ``oin``: the public key is registered, the private key returned (PEM) with its kid."""
    await _active(uow, oin)
    key = RSAKey.generate_key(2048, private=True)
    return key.as_pem(private=True).decode(), await register_public_key(uow, oin, key.as_dict(private=False))


async def register_public_key(uow: UnitOfWork, oin: str, public_jwk: dict[str, Any]) -> str:
    """Register a public key of ``oin`` for its client assertions; its kid. A refused key (or a kid
    that is taken) is :class:`~opengdi.kernel.fouten.OngeldigeInvoer` naming the JWK member."""
    await _active(uow, oin)
    try:
        checked = tokens.client_public_key(public_jwk)
    except tokens.OngeldigeSleutel as error:
        raise _invalid(error.parameter, str(error)) from error
    taken = _invalid("kid", f"Er is al een sleutel met kid {checked['kid']}.")
    try:
        added = await organisaties.add_client_key(uow.session, oin, checked)
        if added:
            await uow.commit()
    except IntegrityError as error:  # the same kid registered concurrently
        await uow.rollback()
        raise taken from error
    if not added:
        raise taken
    return str(checked["kid"])


async def issue_certificate(uow: UnitOfWork, uitgever: Uitgever, oin: str) -> pki.Uitgegeven:
    """A client certificate from the local CA for ``oin``."""
    organisatie = await _active(uow, oin)
    ca_private, ca_certificate = await uitgever.ca()
    issued = pki.issue_certificate(ca_private, ca_certificate, oin=oin, naam=organisatie.naam, now=now_utc())
    await organisaties.add_certificate(uow.session, oin, issued)
    await uow.commit()
    return issued


async def revoke(uow: UnitOfWork, oin: str) -> bool:
    """Revoke an organisation (with its keys, certificates and grants); whether it was active."""
    changed = await organisaties.revoke_organisatie(uow.session, oin, now_utc())
    await uow.commit()
    return changed


async def grant(uow: UnitOfWork, oin: str, besluit: Grant, catalogus: Catalogus, soorten: Beperkingsoorten) -> Grant:
    """Record an autorisatiebesluit for ``oin``: its building block, operations and data elements
    checked against the declarations (``catalogus``), its restrictions against the kinds its building
    block declares (``soorten``), ``eigen`` resolved from the organisation; the grant as recorded.
    Raises :class:`OnbekendeOrganisatie`, or :class:`~opengdi.kernel.fouten.OngeldigeInvoer` naming an
    undeclared building block, operation or data element or a refused restriction (``beperkingen.<naam>``)."""
    try:
        check_grant(catalogus, besluit.bouwsteen, sorted(besluit.operaties), besluit.velden)
    except OngeldigBesluit as error:
        raise OngeldigeInvoer(error.errors, str(error)) from error
    organisatie = await _active(uow, oin)
    try:
        beperkingen = checked_beperkingen(besluit.bouwsteen, besluit.beperkingen, soorten, organisatie.kenmerken())
    except OngeldigeBeperking as error:
        raise _invalid(error.parameter, str(error), "invalid") from error
    besluit = dataclasses.replace(besluit, beperkingen=beperkingen)
    grant_id = await organisaties.add_grant(uow.session, oin, besluit)
    await uow.commit()
    return dataclasses.replace(besluit, id=grant_id)


async def revoke_grant(uow: UnitOfWork, grant_id: int) -> str | None:
    """Revoke one autorisatiebesluit; the OIN it belonged to (``None`` when none was active)."""
    oin = await organisaties.revoke_grant(uow.session, grant_id, now_utc())
    await uow.commit()
    return oin
