# SPDX-License-Identifier: EUPL-1.2
"""The use cases behind Digikoppeling's beheer API and protocollering, one per route.

Each function takes the database (a change also takes the access policy, whose cache of
organisations and grants it invalidates in this process; a reading of the protocol the deployment
context and the caller), returns the domain result the route answers with, and raises a domain
error (:mod:`opengdi.kernel.fouten`) when it cannot: the kernel maps those to problem+json.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from opengdi.kernel.context import Context, record_protocol
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import NietGevonden, OngeldigeInvoer
from opengdi.kernel.problems import InvalidParam
from opengdi.kernel.protocollering import ProtocolVraag, Subject, find_records
from opengdi.kernel.toegang import Principaal, Toegangsvraag
from opengdi.kernel.uow import UnitOfWork
from opengdi.stelsel.digikoppeling import organisaties, service
from opengdi.stelsel.digikoppeling.autorisatie import (
    Beperkingsoorten,
    Grant,
    OngeldigBesluit,
    OngeldigeBeperking,
    check_grant,
    eigen_gemeente,
)
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.schemas import AutorisatieNieuw
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang


async def list_organisaties(database: Database, *, soort: str | None) -> list[Organisatie]:
    """The organisations of the register, of one ``soort`` when given."""
    async with database.session() as session:
        return await organisaties.list_organisaties(session, soort)


async def show_organisatie(database: Database, *, oin: str) -> tuple[Organisatie, list[Grant]]:
    """An organisation with its autorisatiebesluiten; :class:`NietGevonden` for an unknown OIN."""
    async with database.session() as session:
        organisatie = await organisaties.get_organisatie(session, oin)
        if organisatie is None:
            raise NietGevonden(f"Er is geen organisatie met OIN {oin}.")
        return organisatie, await organisaties.grants_of(session, oin)


async def revoke_organisatie(database: Database, beleid: DigikoppelingToegang, *, oin: str) -> None:
    """Revoke an active organisation; :class:`NietGevonden` when there is none with this OIN."""
    async with UnitOfWork(database) as uow:
        revoked = await service.revoke(uow, oin)
    if not revoked:
        raise NietGevonden(f"Er is geen actieve organisatie met OIN {oin}.")
    beleid.forget(oin)


async def register_key(database: Database, *, oin: str, jwk: dict[str, Any]) -> str:
    """Register a public key of an active organisation; its kid. A refused key is invalid input naming
    the member of the JWK."""
    async with UnitOfWork(database) as uow:
        return await service.register_public_key(uow, oin, jwk)


def _new_grant(body: AutorisatieNieuw, soorten: Beperkingsoorten) -> Grant:
    """The grant a body asks for; ``alleenEigenGemeente`` is shorthand for each restriction of the
    building block that takes the organisation's gemeentecode, as ``eigen``."""
    gegeven = dict(body.beperkingen)
    if body.alleen_eigen_gemeente:
        gegeven = {**eigen_gemeente(body.bouwsteen, soorten, "alleenEigenGemeente"), **gegeven}
    return Grant(
        0,
        body.bouwsteen,
        body.doelbinding,
        body.omschrijving,
        frozenset(body.operaties),
        tuple(body.velden),
        gegeven,
    )


def _given(body: AutorisatieNieuw, parameter: str) -> str:
    """The body member behind a refused restriction: itself, or the shorthand that produced it."""
    naam = parameter.removeprefix("beperkingen.")
    return "alleenEigenGemeente" if body.alleen_eigen_gemeente and naam not in body.beperkingen else parameter


async def record_grant(
    database: Database, beleid: DigikoppelingToegang, *, oin: str, body: AutorisatieNieuw, soorten: Beperkingsoorten
) -> Grant:
    """Record the grant a body asks for, as recorded: its building block, operations and data elements
    checked against the declarations of the deployment's blocks (invalid input naming each wrong
    member by its position in the body); :class:`NietGevonden` for an unknown organisation, invalid
    input naming a refused restriction."""
    try:
        check_grant(beleid.catalogus, body.bouwsteen, body.operaties, body.velden)
        async with UnitOfWork(database) as uow:
            recorded = await service.grant(uow, oin, _new_grant(body, soorten), beleid.catalogus, soorten)
    except OngeldigBesluit as error:
        raise OngeldigeInvoer(error.errors) from error
    except OngeldigeBeperking as error:
        raise OngeldigeInvoer([InvalidParam(_given(body, error.parameter), "invalid", str(error))]) from error
    except OngeldigeInvoer as error:  # a refused restriction, named as the body gave it
        named = [dataclasses.replace(param, name=_given(body, param.name)) for param in error.parameters]
        raise OngeldigeInvoer(named, error.bericht) from error
    beleid.forget(oin)
    return recorded


async def revoke_grant(database: Database, beleid: DigikoppelingToegang, *, grant_id: int) -> None:
    """Revoke an active autorisatiebesluit; :class:`NietGevonden` when there is none with this id."""
    async with UnitOfWork(database) as uow:
        oin = await service.revoke_grant(uow, grant_id)
    if oin is None:
        raise NietGevonden(f"Er is geen actief autorisatiebesluit {grant_id}.")
    beleid.forget(oin)


@dataclass(frozen=True, slots=True)
class ProtocolFilter:
    """What a reader of the protocol asks for (the query parameters of ``GET /protocollering``)."""

    subject: Subject | None
    afnemer: str | None
    bouwsteen: str | None
    vanaf: datetime | None
    tot: datetime | None
    limit: int
    offset: int

    def as_zoekvraag(self) -> dict[str, Any]:
        """The filters as the protocol records the question (those given)."""
        filters: Mapping[str, Any] = {
            "subjectSoort": self.subject.soort if self.subject else None,
            "subjectIdentificatie": self.subject.identificatie if self.subject else None,
            "afnemerIdentificatie": self.afnemer,
            "bouwsteen": self.bouwsteen,
            "vanaf": self.vanaf,
            "tot": self.tot,
            "limit": self.limit,
            "offset": self.offset,
        }
        return {key: value for key, value in filters.items() if value is not None}


async def read_protocol(
    deployment: Context, *, afnemer: Principaal, request_id: str, filters: ProtocolFilter
) -> list[dict[str, Any]]:
    """The protocol records ``afnemer`` may read that match ``filters``; the reading is itself protocolled.

    The fields of a protocollering grant are the building blocks whose records it may read.
    """
    asked = frozenset({filters.bouwsteen}) if filters.bouwsteen else frozenset()
    besluit = await deployment.toegang.authorize(afnemer, Toegangsvraag("protocollering", "raadplegen", asked))
    bouwstenen = asked or besluit.velden
    protocolvraag = ProtocolVraag(
        subject=filters.subject,
        afnemer_identificatie=filters.afnemer,
        bouwstenen=bouwstenen,
        vanaf=filters.vanaf,
        tot=filters.tot,
        limit=filters.limit,
        offset=filters.offset,
    )
    await record_protocol(
        deployment,
        request_id=request_id,
        afnemer=afnemer,
        besluit=besluit,
        vraag=Toegangsvraag("protocollering", "raadplegen", frozenset({"protocollering"})),
        geleverd=[[filters.subject]] if filters.subject else [],
        zoekvraag=filters.as_zoekvraag(),
    )
    return await find_records(deployment.database, protocolvraag)
