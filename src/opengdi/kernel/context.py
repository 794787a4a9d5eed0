# SPDX-License-Identifier: EUPL-1.2
"""What every API of a deployment shares, and the dependencies routes declare their needs with.

The :class:`Context` holds the settings, the database, the access policy, the protocol writer and
the deployment's catalogue (the declarations of the enabled blocks);
``Deployment`` (the context itself), ``Aanvrager`` (the identified principal) and
``vereist(bouwsteen, operatie)`` (principal plus permission) are the dependencies a block's
module-level router declares what it needs with; :func:`record_protocol` records what a service
delivered. :func:`toegestaan` and :func:`protocolleer` serve an API that shows some personal data
only to afnemers allowed a further operation (the natural persons of the Handelsregister, the WOZ).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request

from opengdi.kernel.api import negotiate_accept
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.db import Database
from opengdi.kernel.personenvoorziening import PersoonBron
from opengdi.kernel.problems import Problem
from opengdi.kernel.protocollering import ProtocolWriter, Subject, protocol_records
from opengdi.kernel.toegang import Beperkingsoort, Besluit, Principaal, Toegang, Toegangsvraag
from opengdi.kernel.transacties import current_request_id, mark_afnemer
from opengdi.kernel.uow import UnitOfWork
from opengdi.settings import Settings


@dataclass(slots=True)
class Context:
    """The shared parts of a deployment.

    ``toegang`` is the access policy in force (open when authentication is off); ``beleid`` is the
    policy object of the block that provides it, whether in force or not (its own API needs it).
    ``catalogus`` holds the declarations of the enabled blocks (their operations name the
    Digikoppeling scopes), ``beperkingen`` per scope the kinds of restriction its
    autorisatiebesluiten may carry; ``personen`` is where the persons of the BRP are asked about
    (:mod:`opengdi.kernel.personenvoorziening`), when the BRP is enabled.
    """

    settings: Settings
    database: Database
    toegang: Toegang
    protocol: ProtocolWriter
    beleid: Toegang | None = None
    catalogus: Catalogus = field(default_factory=lambda: Catalogus(()))
    beperkingen: Mapping[str, Sequence[Beperkingsoort]] = field(default_factory=dict)
    personen: PersoonBron | None = None


def context(request: Request) -> Context:
    """The deployment context of the app that received ``request``."""
    value = request.app.state.context
    assert isinstance(value, Context)
    return value


def unit_of_work(request: Request) -> UnitOfWork:
    """A unit of work on the deployment's database, for a route's one service call; the events it
    records have the deployment's OIN in their source."""
    ctx = context(request)
    return UnitOfWork(ctx.database, oin=ctx.settings.oin)


def attach(app: FastAPI, ctx: Context) -> None:
    """Give ``app`` the deployment context."""
    app.state.context = ctx


def request_id(request: Request) -> str:
    """The id of this request (``X-Request-ID``)."""
    return current_request_id(request.scope)


async def _deployment(request: Request) -> Context:
    return context(request)


#: The dependency of a route that needs the deployment context (settings, database, policy, protocol).
Deployment = Annotated[Context, Depends(_deployment)]


async def aanvrager(request: Request) -> Principaal:
    """The principal that sent ``request``, identified by the deployment's access policy (401 when
    it cannot be); for a route that does not take it as the :data:`Aanvrager` dependency."""
    afnemer = await context(request).toegang.authenticate(request)
    mark_afnemer(request.scope, afnemer.soort.value, afnemer.identificatie)
    return afnemer


#: The dependency of every route that serves a principal: the identified principal.
Aanvrager = Annotated[Principaal, Depends(aanvrager)]


def vereist(bouwsteen: str, operatie: str) -> Callable[[Request, Principaal], Awaitable[tuple[Principaal, Besluit]]]:
    """A dependency for a route whose operation is fixed: the principal and its permission."""

    async def dependency(request: Request, afnemer: Aanvrager) -> tuple[Principaal, Besluit]:
        besluit = await context(request).toegang.authorize(afnemer, Toegangsvraag(bouwsteen, operatie))
        return afnemer, besluit

    return dependency


async def record_protocol(
    deployment: Context,
    *,
    request_id: str,
    afnemer: Principaal,
    besluit: Besluit,
    vraag: Toegangsvraag,
    geleverd: Sequence[Sequence[Subject]],
    zoekvraag: Mapping[str, Any] | None = None,
    persoonsgegevens: bool | None = None,
) -> None:
    """Record what request ``request_id`` delivers (see :func:`~opengdi.kernel.protocollering.protocol_records`)
    and return once it is committed; a 503 problem, and no data leaves, when it cannot be. For a
    service, which knows the request only by its id. Whether it concerns personal data follows from
    the operation's declaration in the catalogue, unless given."""
    if persoonsgegevens is None:
        persoonsgegevens = deployment.catalogus.betreft_persoonsgegevens(vraag.bouwsteen, vraag.operatie, vraag.velden)
    records = protocol_records(
        request_id=request_id,
        afnemer=afnemer,
        besluit=besluit,
        vraag=vraag,
        geleverd=geleverd,
        zoekvraag=zoekvraag,
        persoonsgegevens=persoonsgegevens,
    )
    if records:
        await deployment.protocol.record(*records)


async def afnemer_en_personen(
    request: Request, vraag: Toegangsvraag, personen: str, accepted: Sequence[str]
) -> tuple[Principaal, Besluit | None]:
    """The start of a route that shows some personal data only under a further operation: identify
    the afnemer, check its grant for ``vraag`` and the ``Accept`` header (one of ``accepted``), and
    return whether it may see the natural persons (its grant for operation ``personen`` of the same
    scope, else ``None``)."""
    afnemer = await aanvrager(request)
    await context(request).toegang.authorize(afnemer, vraag)
    negotiate_accept(request, accepted)
    return afnemer, await toegestaan(request, afnemer, Toegangsvraag(vraag.bouwsteen, personen))


async def toegestaan(request: Request, afnemer: Principaal, vraag: Toegangsvraag) -> Besluit | None:
    """The permission for ``vraag`` when ``afnemer`` has it, else ``None`` (no 403: the caller
    leaves out what needs it)."""
    try:
        return await context(request).toegang.authorize(afnemer, vraag)
    except Problem as refused:
        if refused.status != 403:
            raise
        return None


async def protocolleer(
    request: Request,
    afnemer: Principaal,
    besluit: Besluit | None,
    vraag: Toegangsvraag,
    geleverd: Sequence[Subject],
    *,
    zoekvraag: Mapping[str, Any] | None = None,
    ook_zonder: bool = False,
) -> None:
    """Record the persons a request delivers under ``besluit`` (one subject each), and return once
    committed; nothing when it delivers none, unless ``ook_zonder`` (a search for persons that
    found nobody is protocolled too). Without a permission nothing personal was delivered."""
    if besluit is None or not (geleverd or ook_zonder):
        return
    await record_protocol(
        context(request),
        request_id=request_id(request),
        afnemer=afnemer,
        besluit=besluit,
        vraag=vraag,
        geleverd=[[subject] for subject in dict.fromkeys(geleverd)],
        zoekvraag=zoekvraag,
        persoonsgegevens=True,
    )
