# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of the BSN-beheervoorziening (``/bsn/v1``): issue burgerservicenummers from the
caller's stock, show an issue and the stock, validate a number, and reserve a range (the beheerder).

Every route needs an operation of Digikoppeling scope ``bsn`` (see :mod:`~opengdi.stelsel.bsn.catalogus`);
the caller is the organisation of the access token or client certificate (its OIN). Where
authentication is off (``GDI_AUTHENTICATIE=uit``) the caller counts as the organisation that runs
the deployment (``GDI_OIN``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as FastApiPath
from starlette.responses import Response

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import Context, Deployment, request_id, unit_of_work, vereist
from opengdi.kernel.openapi import (
    METADATA_URL,
    TOKEN_URL,
    declare_openapi,
    problem_responses,
    requirement,
    security_schemes,
    versioned_server,
)
from opengdi.kernel.toegang import Besluit, Principaal
from opengdi.stelsel.bsn import service
from opengdi.stelsel.bsn.catalogus import RESERVEREN, SCOPE, UITGEVEN, VALIDEREN
from opengdi.stelsel.bsn.schemas import ReeksAntwoord, ReeksNieuw, UitgifteAntwoord, UitgifteNieuw, Validatie, Voorraad

PREFIX = "/bsn"
VERSION = "1.0.0"
TITEL = "BSN-beheervoorziening"
#: The largest id accepted (a 32-bit integer column on PostgreSQL).
MAX_ID = 2**31 - 1

Uitgever = Annotated[tuple[Principaal, Besluit], Depends(vereist(SCOPE, UITGEVEN))]
Controleur = Annotated[tuple[Principaal, Besluit], Depends(vereist(SCOPE, VALIDEREN))]
Beheerder = Annotated[tuple[Principaal, Besluit], Depends(vereist(SCOPE, RESERVEREN))]
Burgerservicenummer = Annotated[
    str, FastApiPath(pattern=r"^[0-9]{9}$", description="Negen cijfers", examples=["999993653"])
]


def _aanvrager(ctx: Context, afnemer: Principaal) -> str:
    """The OIN the caller acts as: its own, or the deployment's where authentication is off."""
    return afnemer.oin or ctx.settings.oin


#: The routes of the BSN-beheervoorziening.
bsn_router = APIRouter(default_response_class=JsonResponse)


@bsn_router.post(
    "/uitgiften",
    status_code=201,
    summary="Burgerservicenummers uitgeven uit de eigen voorraad",
    tags=["Uitgiften"],
    response_model=UitgifteAntwoord,
    responses=problem_responses(409),
)
async def uitgeven(request: Request, toegang: Uitgever, ctx: Deployment, body: UitgifteNieuw) -> Response:
    afnemer, _ = toegang
    async with unit_of_work(request) as uow:
        uitgifte = await service.uitgeven(
            uow, aanvrager=_aanvrager(ctx, afnemer), aantal=body.aantal, kenmerk=body.kenmerk
        )
    return JsonResponse(uitgifte.as_json(), status_code=201)


@bsn_router.get(
    "/uitgiften/{uitgifteId}",
    summary="Een eigen uitgifte tonen",
    tags=["Uitgiften"],
    response_model=UitgifteAntwoord,
    responses=problem_responses(404),
)
async def uitgifte(
    toegang: Uitgever,
    ctx: Deployment,
    uitgifte_id: Annotated[int, FastApiPath(alias="uitgifteId", ge=1, le=MAX_ID, description="Nummer van de uitgifte")],
) -> Response:
    afnemer, _ = toegang
    found = await service.toon_uitgifte(ctx.database, uitgifte_id=uitgifte_id, aanvrager=_aanvrager(ctx, afnemer))
    return JsonResponse(found.as_json())


@bsn_router.get(
    "/voorraad",
    summary="De eigen voorraad: de gereserveerde reeksen",
    tags=["Uitgiften"],
    response_model=Voorraad,
    response_model_exclude_none=True,
)
async def voorraad(toegang: Uitgever, ctx: Deployment) -> dict[str, Any]:
    afnemer, _ = toegang
    aanvrager = _aanvrager(ctx, afnemer)
    reeksen = await service.toon_voorraad(ctx.database, aanvrager=aanvrager)
    return {
        "aanvrager": aanvrager,
        "resterend": sum(reeks.resterend for reeks in reeksen),
        "reeksen": [reeks.as_json() for reeks in reeksen],
    }


@bsn_router.get(
    "/burgerservicenummers/{burgerservicenummer}",
    summary="Een burgerservicenummer valideren",
    tags=["Burgerservicenummers"],
    response_model=Validatie,
    response_model_exclude_none=True,
)
async def valideren(
    request: Request, toegang: Controleur, ctx: Deployment, burgerservicenummer: Burgerservicenummer
) -> dict[str, Any]:
    afnemer, besluit = toegang
    gevonden = await service.valideren(
        ctx, afnemer=afnemer, besluit=besluit, burgerservicenummer=burgerservicenummer, request_id=request_id(request)
    )
    return gevonden.as_json()


@bsn_router.post(
    "/reeksen",
    status_code=201,
    summary="Een reeks reserveren voor een organisatie",
    tags=["Reeksen"],
    response_model=ReeksAntwoord,
    responses=problem_responses(409),
)
async def reserveren(request: Request, toegang: Beheerder, ctx: Deployment, body: ReeksNieuw) -> Response:
    afnemer, _ = toegang
    async with unit_of_work(request) as uow:
        reeks = await service.reserveren(
            uow, aanvrager=body.aanvrager, omvang=body.omvang, eerste=body.eerste, door=_aanvrager(ctx, afnemer)
        )
    return JsonResponse(reeks.as_json(), status_code=201)


def bsn_api() -> Api:
    """The BSN-beheervoorziening API (:data:`bsn_router`)."""
    app = api_app(
        TITEL,
        VERSION,
        "Burgerservicenummers uitgeven aan de BRP en de RNI uit reeksen die per organisatie zijn gereserveerd "
        "(elk nummer doorstaat de elfproef, wordt één keer uitgegeven en is nooit al in gebruik), en een "
        "burgerservicenummer valideren.",
    )
    include_routes(app, bsn_router)
    declare_openapi(
        app,
        server=versioned_server(PREFIX, VERSION),
        security_schemes=security_schemes(
            TOKEN_URL, METADATA_URL, {SCOPE: "Burgerservicenummers uitgeven en valideren"}
        ),
        security=requirement(SCOPE),
    )
    return Api(PREFIX, TITEL, VERSION, app, "burgerservicenummers uitgeven en valideren")
