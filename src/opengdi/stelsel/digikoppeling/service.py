# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling's use cases: register organisations, give them credentials and certificates,
grant and revoke, and load the demo register. Each function is one transaction."""

from __future__ import annotations

import dataclasses
from typing import Any

from joserfc.jwk import RSAKey
from sqlalchemy.exc import IntegrityError

from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, NietGevonden
from opengdi.stelsel.digikoppeling import organisaties, pki, tokens
from opengdi.stelsel.digikoppeling.autorisatie import Beperkingsoorten, Grant, check_grant, checked_beperkingen
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


async def _active(database: Database, oin: str) -> Organisatie:
    async with database.session() as session:
        organisatie = await organisaties.get_organisatie(session, oin)
    if organisatie is None or not organisatie.actief:
        raise OnbekendeOrganisatie(f"Er is geen actieve organisatie met OIN {oin}.")
    return organisatie


async def load_demo_register(database: Database) -> int:
    """Register the demo organisations with their grants when the register is empty; how many."""
    async with database.session() as session:
        if await organisaties.count_organisaties(session):
            return 0
        demo = demo_organisaties()
        await organisaties.add_organisaties(session, [item.organisatie for item in demo])
        for item in demo:
            for grant in item.grants:
                await organisaties.add_grant(session, item.organisatie.oin, grant)
        await session.commit()
    return len(demo)


async def register(database: Database, organisatie: Organisatie) -> None:
    """Register one organisation; raises :class:`BestaandeOrganisatie` when its OIN is taken."""
    try:
        async with database.session() as session:
            await organisaties.add_organisaties(session, [organisatie])
            await session.commit()
    except IntegrityError as error:
        raise BestaandeOrganisatie(f"OIN {organisatie.oin} is al geregistreerd.") from error


async def create_credentials(database: Database, oin: str) -> tuple[str, str]:
    """A new key pair for ``oin``: the public key is registered, the private key returned (PEM) with its kid."""
    await _active(database, oin)
    key = RSAKey.generate_key(2048, private=True)
    return key.as_pem(private=True).decode(), await register_public_key(database, oin, key.as_dict(private=False))


async def register_public_key(database: Database, oin: str, public_jwk: dict[str, Any]) -> str:
    """Register a public key of ``oin`` for its client assertions; its kid. Raises OngeldigeSleutel."""
    await _active(database, oin)
    checked = tokens.client_public_key(public_jwk)
    taken = tokens.OngeldigeSleutel("kid", f"Er is al een sleutel met kid {checked['kid']}.")
    try:
        async with database.session() as session:
            if not await organisaties.add_client_key(session, oin, checked):
                raise taken
            await session.commit()
    except IntegrityError as error:  # the same kid registered concurrently
        raise taken from error
    return str(checked["kid"])


async def issue_certificate(database: Database, uitgever: Uitgever, oin: str) -> pki.Uitgegeven:
    """A client certificate from the local CA for ``oin``."""
    organisatie = await _active(database, oin)
    ca_private, ca_certificate = await uitgever.ca()
    issued = pki.issue_certificate(ca_private, ca_certificate, oin=oin, naam=organisatie.naam, now=now_utc())
    async with database.session() as session:
        await organisaties.add_certificate(session, oin, issued)
        await session.commit()
    return issued


async def revoke(database: Database, oin: str) -> bool:
    """Revoke an organisation (with its keys, certificates and grants); whether it was active."""
    async with database.session() as session:
        changed = await organisaties.revoke_organisatie(session, oin, now_utc())
        await session.commit()
    return changed


async def grant(database: Database, oin: str, besluit: Grant, catalogus: Catalogus, soorten: Beperkingsoorten) -> Grant:
    """Record an autorisatiebesluit for ``oin``: its building block, operations and data elements
    checked against the declarations (``catalogus``), its restrictions against the kinds its building
    block declares (``soorten``), ``eigen`` resolved from the organisation; the grant as recorded.
    Raises :class:`OnbekendeOrganisatie`, :class:`~opengdi.stelsel.digikoppeling.autorisatie.OngeldigBesluit`
    or :class:`~opengdi.stelsel.digikoppeling.autorisatie.OngeldigeBeperking`."""
    check_grant(catalogus, besluit.bouwsteen, sorted(besluit.operaties), besluit.velden)
    organisatie = await _active(database, oin)
    beperkingen = checked_beperkingen(besluit.bouwsteen, besluit.beperkingen, soorten, organisatie.kenmerken())
    besluit = dataclasses.replace(besluit, beperkingen=beperkingen)
    async with database.session() as session:
        grant_id = await organisaties.add_grant(session, oin, besluit)
        await session.commit()
    return dataclasses.replace(besluit, id=grant_id)


async def revoke_grant(database: Database, grant_id: int) -> str | None:
    """Revoke one autorisatiebesluit; the OIN it belonged to."""
    async with database.session() as session:
        oin = await organisaties.revoke_grant(session, grant_id, now_utc())
        await session.commit()
    return oin
