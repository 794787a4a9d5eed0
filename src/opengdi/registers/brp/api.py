# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of the BRP: BRP API Personen and BRP Bewoning (Haal Centraal) and the beheer API.

``POST /haalcentraal/api/brp/personen`` answers exactly like the government's BRP API Personen,
``POST /haalcentraal/api/bewoning/bewoningen`` like its BRP Bewoning; their OpenAPI documents are
the official ones. ``/brp/beheer/persoonslijsten`` loads, shows and empties persoonslijsten in
test deployments.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from opengdi.kernel.api import JsonResponse, negotiate_json
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import aanvrager, context, request_id, unit_of_work, vereist
from opengdi.kernel.documentatie import without_outside_images
from opengdi.kernel.openapi import (
    METADATA_URL,
    TOKEN_URL,
    as_published,
    declare_openapi,
    load_published,
    problem_responses,
    requirement,
    security_schemes,
    versioned_server,
)
from opengdi.kernel.problems import forbidden, parse_json_body
from opengdi.kernel.toegang import Besluit, Principaal
from opengdi.registers.brp import bewoning, service
from opengdi.registers.brp.persoonslijst import Persoonslijst

PERSONEN_PREFIX = "/haalcentraal/api/brp"
BEWONING_PREFIX = "/haalcentraal/api/bewoning"
BEHEER_PREFIX = "/brp/beheer"
PERSONEN_VERSION = "2.7.0"
BEWONING_VERSION = "2.1.0"
BEHEER_VERSION = "1.0.0"


def _official(bestand: str, prefix: str, scope: str, omschrijving: str) -> dict[str, Any]:
    """An official OpenAPI document of the block's package data, as published, with this server as
    its server and Digikoppeling (``scope``) as its security."""
    text = files("opengdi.registers.brp").joinpath("data", bestand).read_text("utf-8")
    document = as_published(load_published(text), prefix, scope, omschrijving)
    document["info"]["description"] = without_outside_images(document["info"]["description"])
    return document


@cache
def official_openapi() -> dict[str, Any]:
    """The BRP API Personen OpenAPI document, with this server as its server."""
    return _official("brp-bevragen-v2.openapi.yaml", PERSONEN_PREFIX, "brp", "BRP raadplegen")


@cache
def bewoning_openapi() -> dict[str, Any]:
    """The BRP Bewoning OpenAPI document, with this server as its server."""
    return _official("brp-bewoning.openapi.yaml", BEWONING_PREFIX, bewoning.SCOPE, "Bewoning van een adres raadplegen")


#: The routes of BRP API Personen (Haal Centraal BRP Bevragen v2).
personen_router = APIRouter(default_response_class=JsonResponse)


async def personen(request: Request) -> Response:
    """``POST /personen``, the busiest route of the GDI: a plain Starlette route (FastAPI's
    dependency resolution costs as much as the lookup; the OpenAPI document is the official one)."""
    afnemer = await aanvrager(request)
    negotiate_json(request)
    vraag = service.parse(parse_json_body(await request.body()))
    body = await service.zoek_personen(context(request), afnemer=afnemer, vraag=vraag, request_id=request_id(request))
    return JsonResponse(body)


personen_router.add_route("/personen", personen, methods=["POST"])


def personen_api() -> Api:
    """BRP API Personen (:data:`personen_router`), with the official OpenAPI document."""
    app = api_app(
        "BRP API Personen",
        PERSONEN_VERSION,
        "Personen zoeken en raadplegen in de BRP, zoals de Haal Centraal BRP API Personen.",
    )
    app.openapi = official_openapi  # type: ignore[method-assign]
    include_routes(app, personen_router)
    return Api(
        PERSONEN_PREFIX,
        "BRP API Personen",
        PERSONEN_VERSION,
        app,
        "Haal Centraal BRP Bevragen v2: personen zoeken en raadplegen",
    )


async def bewoningen(request: Request) -> Response:
    """``POST /bewoningen``: who lived at an adresseerbaar object on a day or in a period (a plain
    Starlette route like ``/personen``; the OpenAPI document is the official one)."""
    afnemer = await aanvrager(request)
    negotiate_json(request)
    vraag = bewoning.parse(parse_json_body(await request.body()))
    body = await bewoning.zoek_bewoningen(
        context(request), afnemer=afnemer, vraag=vraag, request_id=request_id(request)
    )
    return JsonResponse(body)


#: The routes of BRP Bewoning (Haal Centraal BRP bewoning 2.1).
bewoning_router = APIRouter(default_response_class=JsonResponse)
bewoning_router.add_route("/bewoningen", bewoningen, methods=["POST"])


def bewoning_api() -> Api:
    """BRP Bewoning (:data:`bewoning_router`), with the official OpenAPI document."""
    app = api_app(
        "BRP Bewoning",
        BEWONING_VERSION,
        "Wie op een peildatum of in een periode op een adresseerbaar object woonden, zoals de Haal Centraal "
        "BRP bewoning.",
    )
    app.openapi = bewoning_openapi  # type: ignore[method-assign]
    include_routes(app, bewoning_router)
    return Api(
        BEWONING_PREFIX,
        "BRP Bewoning",
        BEWONING_VERSION,
        app,
        "Haal Centraal BRP bewoning: bewoners van een adresseerbaar object op een peildatum of in een periode",
    )


def _require_test_deployment(request: Request) -> None:
    if not context(request).settings.is_test_deployment:
        raise forbidden(
            "Deze voorziening bestaat alleen in een testomgeving.",
            code="notAvailableInProduction",
            detail="Persoonslijsten laden of verwijderen kan niet in een productieomgeving (GDI_DEPLOYMENT).",
        )


def _as_import(lijst: Persoonslijst) -> dict[str, list[dict[str, str | int]]]:
    result: dict[str, list[dict[str, str | int]]] = {}
    for categorie, stapels in sorted(lijst.stapels.items()):
        for stapel in stapels:
            for voorkomen in stapel:
                item: dict[str, str | int] = {"stapel": voorkomen.stapel} if voorkomen.stapel > 1 else {}
                item.update(voorkomen.elementen)
                result.setdefault(categorie, []).append(item)
    return result


_IMPORT_EXAMPLE = {
    "persoonslijsten": [
        {
            "01": [{"01.20": "999993653", "02.10": "Suzanne", "02.40": "Moulin", "03.10": "19851201", "04.10": "V"}],
            "07": [{"68.10": "20131102", "70.10": "0"}],
            "08": [
                {"09.10": "0599", "10.30": "20150808", "11.10": "Boterdiep", "11.20": "31", "11.60": "3077AW"},
                {"09.10": "0599", "10.30": "20131102", "11.10": "Vredesplein", "11.20": "7"},
            ],
        }
    ]
}


_IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["persoonslijsten"],
                    "properties": {
                        "persoonslijsten": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "description": "categorie (01-14) → voorkomens, nieuwste eerst",
                                "additionalProperties": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "description": "element (zoals 01.20) → waarde; 'stapel' voor historie",
                                        "properties": {"stapel": {"type": "integer", "minimum": 1}},
                                        "additionalProperties": {"type": ["string", "object"]},
                                    },
                                },
                            },
                        }
                    },
                },
                "example": _IMPORT_EXAMPLE,
            }
        },
    }
}


#: The routes of the BRP beheer API (test deployments only).
beheer_router = APIRouter(default_response_class=JsonResponse)


@beheer_router.post(
    "/persoonslijsten",
    status_code=201,
    summary="Persoonslijsten laden",
    tags=["Persoonslijsten"],
    openapi_extra=_IMPORT_BODY,
    responses={
        201: {"description": "De burgerservicenummers van de geladen persoonslijsten"},
        **problem_responses(406, 415),
    },
)
async def laden(request: Request, _: Annotated[Any, Depends(vereist("brp.beheer", "laden"))]) -> Response:
    _require_test_deployment(request)
    negotiate_json(request)
    body = parse_json_body(await request.body())
    async with unit_of_work(request) as uow:
        bsns = await service.import_persoonslijsten(uow, body)
    return JsonResponse({"burgerservicenummers": bsns}, status_code=201)


@beheer_router.delete("/persoonslijsten", status_code=204, summary="De BRP leegmaken", tags=["Persoonslijsten"])
async def leegmaken(request: Request, _: Annotated[Any, Depends(vereist("brp.beheer", "leegmaken"))]) -> Response:
    _require_test_deployment(request)
    async with unit_of_work(request) as uow:
        await service.empty_brp(uow)
    return Response(status_code=204)


@beheer_router.get(
    "/persoonslijsten/{burgerservicenummer}",
    summary="Een persoonslijst tonen",
    tags=["Persoonslijsten"],
    responses=problem_responses(404),
)
async def tonen(
    request: Request,
    burgerservicenummer: str,
    toegang: Annotated[tuple[Principaal, Besluit], Depends(vereist("brp.beheer", "tonen"))],
) -> Response:
    _require_test_deployment(request)
    afnemer, besluit = toegang
    lijsten = await service.show_persoonslijsten(
        context(request),
        afnemer=afnemer,
        besluit=besluit,
        burgerservicenummer=burgerservicenummer,
        request_id=request_id(request),
    )
    return JsonResponse(
        {"burgerservicenummer": burgerservicenummer, "persoonslijsten": [_as_import(lijst) for lijst in lijsten]}
    )


def beheer_api() -> Api:
    """Loading, showing and emptying persoonslijsten (test deployments only): :data:`beheer_router`."""
    app = api_app(
        "BRP beheer",
        BEHEER_VERSION,
        "Testgegevens van de BRP beheren: persoonslijsten laden in het importformaat "
        "(categorie → voorkomens, nieuwste eerst), tonen en de BRP leegmaken. "
        "Alleen in een testomgeving.",
    )
    include_routes(app, beheer_router)
    declare_openapi(
        app,
        server=versioned_server(BEHEER_PREFIX, BEHEER_VERSION),
        security_schemes=security_schemes(TOKEN_URL, METADATA_URL, {"brp.beheer": "BRP-testgegevens beheren"}),
        security=requirement("brp.beheer"),
    )
    return Api(BEHEER_PREFIX, "BRP beheer", BEHEER_VERSION, app, "testgegevens laden, tonen en verwijderen")
