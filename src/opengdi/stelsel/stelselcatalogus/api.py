# SPDX-License-Identifier: EUPL-1.2
"""The Stelselcatalogus API: the catalogue as JSON, for software (a supplier's tooling, a portal).

Public: the definitions of the registries are no personal data, so no route asks for a token (as
the GDI's Stelselcatalogus is public). Served under ``/stelselcatalogus/api/v1`` (and
``/stelselcatalogus/api``), with its own OpenAPI document, ``API-Version`` and problem+json: 404
for an unknown register, object type or attribute, 400 naming ``q`` for a bad query.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as FastApiPath

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.openapi import declare_openapi, problem_responses
from opengdi.kernel.problems import InvalidParam, bad_request
from opengdi.stelsel.stelselcatalogus import adressen, schemas
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from opengdi.stelsel.stelselcatalogus.zoeken import MAX_ZOEKVRAAG, Zoekindex, termen

TITEL = "Stelselcatalogus API"


def _stelsel(request: Request) -> Stelsel:
    stelsel = request.app.state.stelsel
    assert isinstance(stelsel, Stelsel)
    return stelsel


def _zoekindex(request: Request) -> Zoekindex:
    index = request.app.state.zoekindex
    assert isinstance(index, Zoekindex)
    return index


#: The dependency of a route that reads the catalogue of the deployment.
Inhoud = Annotated[Stelsel, Depends(_stelsel)]
Index = Annotated[Zoekindex, Depends(_zoekindex)]
Code = Annotated[
    str, FastApiPath(description="De code van het register (de code van zijn bouwsteen)", examples=["brp"])
]
Naam = Annotated[str, FastApiPath(description="De naam van het objecttype", examples=["Persoon"])]
Pad = Annotated[str, FastApiPath(description="Het pad van het attribuut, met punten", examples=["naam.geslachtsnaam"])]

#: The routes of the Stelselcatalogus API.
stelselcatalogus_router = APIRouter(default_response_class=JsonResponse)


@stelselcatalogus_router.get(
    "/registers", summary="De registers van deze samenstelling en hun verbindingen", tags=["Registers"]
)
async def registers(stelsel: Inhoud) -> schemas.RegistersAntwoord:
    return schemas.registers_json(stelsel)


@stelselcatalogus_router.get(
    "/registers/{code}",
    summary="Een register: objecttypen, operaties, gebeurtenistypen en verbindingen",
    tags=["Registers"],
    responses=problem_responses(404),
)
async def register(stelsel: Inhoud, code: Code) -> schemas.RegisterAntwoord:
    return schemas.register_json(stelsel, stelsel.register(code))


@stelselcatalogus_router.get(
    "/registers/{code}/objecttypen/{naam}",
    summary="Een objecttype met al zijn attributen",
    tags=["Registers"],
    responses=problem_responses(404),
)
async def objecttype(stelsel: Inhoud, code: Code, naam: Naam) -> schemas.ObjecttypeAntwoord:
    return schemas.objecttype_json(stelsel, stelsel.register(code), stelsel.objecttype(code, naam))


@stelselcatalogus_router.get(
    "/registers/{code}/objecttypen/{naam}/attributen/{pad}",
    summary="Een attribuut: definitie, type, authentiek, privacyklasse, bron en de API-velden die het leveren",
    tags=["Registers"],
    responses=problem_responses(404),
)
async def attribuut(stelsel: Inhoud, code: Code, naam: Naam, pad: Pad) -> schemas.AttribuutAntwoord:
    return schemas.attribuut_json(stelsel, stelsel.gegeven(code, naam, pad))


@stelselcatalogus_router.get(
    "/zoeken",
    summary="Zoeken in namen, definities en bronelementen (zonder onderscheid van diakrieten)",
    tags=["Zoeken"],
)
async def zoeken(
    index: Index,
    q: Annotated[
        str,
        Query(max_length=MAX_ZOEKVRAAG, description="De zoekvraag; elk woord moet voorkomen", examples=["geboorte"]),
    ],
) -> schemas.ZoekAntwoord:
    if not termen(q):
        raise bad_request([InvalidParam("q", "minLength", "Waarde bevat geen zoekterm.")])
    return schemas.zoek_json(q, index.zoek(q))


def stelselcatalogus_api(stelsel: Stelsel) -> Api:
    """The Stelselcatalogus API over the declarations in ``stelsel``."""
    app = api_app(
        TITEL,
        adressen.API_VERSIE,
        "De Stelselcatalogus als JSON: de registers van deze samenstelling, hun objecttypen en attributen "
        "(definitie, gegevenstype, authentiek gegeven, privacyklasse, bronelement, de API-velden die ze leveren) "
        f"en de verbindingen ertussen, gegenereerd uit de declaraties van de bouwstenen. Openbaar: zonder token. "
        f"Dezelfde catalogus voor mensen: {adressen.PREFIX}.",
    )
    app.state.stelsel = stelsel
    app.state.zoekindex = Zoekindex(stelsel)
    include_routes(app, stelselcatalogus_router)
    declare_openapi(app, server=adressen.API_BASIS)
    return Api(adressen.API_PREFIX, TITEL, adressen.API_VERSIE, app, "De Stelselcatalogus als JSON (openbaar)")
