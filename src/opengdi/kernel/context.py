# SPDX-License-Identifier: EUPL-1.2
"""What every API of a deployment shares, and the dependencies routes declare their needs with.

The :class:`Context` holds the settings, the database, the access policy, the protocol writer and
the Digikoppeling scopes the enabled blocks offer;
``Aanvrager`` (the identified afnemer) and ``vereist(bouwsteen, operatie)`` (afnemer plus
permission) are the dependencies a route uses to declare what it needs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolWriter
from opengdi.kernel.toegang import Afnemer, Besluit, Toegang, Toegangsvraag
from opengdi.kernel.transacties import current_request_id
from opengdi.settings import Settings


@dataclass(slots=True)
class Context:
    """The shared parts of a deployment.

    ``toegang`` is the access policy in force (open when authentication is off); ``beleid`` is the
    policy object of the block that provides it, whether in force or not (its own API needs it).
    """

    settings: Settings
    database: Database
    toegang: Toegang
    protocol: ProtocolWriter
    beleid: Toegang | None = None
    scopes: Mapping[str, str] = field(default_factory=dict)


def context(request: Request) -> Context:
    """The deployment context of the app that received ``request``."""
    value = request.app.state.context
    assert isinstance(value, Context)
    return value


def attach(app: FastAPI, ctx: Context) -> None:
    """Give ``app`` the deployment context."""
    app.state.context = ctx


def request_id(request: Request) -> str:
    """The id of this request (``X-Request-ID``)."""
    return current_request_id(request.scope)


async def _aanvrager(request: Request) -> Afnemer:
    afnemer = await context(request).toegang.authenticate(request)
    request.scope.setdefault("state", {})["afnemer_oin"] = afnemer.oin
    return afnemer


#: The dependency of every route that serves an afnemer: the identified afnemer.
Aanvrager = Annotated[Afnemer, Depends(_aanvrager)]


def vereist(bouwsteen: str, operatie: str) -> Callable[[Request, Afnemer], Awaitable[tuple[Afnemer, Besluit]]]:
    """A dependency for a route whose operation is fixed: the afnemer and its permission."""

    async def dependency(request: Request, afnemer: Aanvrager) -> tuple[Afnemer, Besluit]:
        besluit = await context(request).toegang.authorize(afnemer, Toegangsvraag(bouwsteen, operatie))
        return afnemer, besluit

    return dependency
