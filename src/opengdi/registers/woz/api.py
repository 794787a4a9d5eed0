# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal WOZ API (Waardering onroerende zaken 1.0.0) at ``/haalcentraal/api/woz``:
``/wozobjecten/{identificatie}`` and ``/wozobjecten`` (by the owner's RSIN or KvK-nummer, by a BAG
adresseerbaar object or nummeraanduiding, or by postcode and huisnummer), with ``fields``, ``page``
and ``pageSize``, as the published document declares them (served as published).

Access goes through Digikoppeling, scope ``woz``: ``raadplegen`` for an object, ``zoeken`` for a
search. A belanghebbende who is a natural person is shown only to an afnemer allowed the operation
``belanghebbenden`` too, and every such delivery is protocolled as for the BRP. Errors are
problem+json in the Haal Centraal shape: a wrong value 400 ``paramsValidation`` naming it, no
criterion ``paramsRequired``, postcode without huisnummer ``paramsCombination``, two criteria
``unsupportedCombi``, an unknown object 404.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from opengdi.kernel.api import HAL_JSON, JsonResponse, api_base
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import afnemer_en_personen, context, protocolleer
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import is_valid_kvk_nummer, is_valid_rsin
from opengdi.kernel.parameters import Queryparameters
from opengdi.kernel.problems import InvalidParam, Problem, bad_request, not_found
from opengdi.kernel.protocollering import BSN, Subject
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag
from opengdi.kernel.velden import lees_velden, met_velden
from opengdi.registers.woz import antwoord, service
from opengdi.registers.woz.antwoord import Basissen
from opengdi.registers.woz.catalogus import BELANGHEBBENDEN, RAADPLEGEN, SCOPE, ZOEKEN
from opengdi.registers.woz.document import woz_openapi
from opengdi.registers.woz.repository import Zoekvraag

PREFIX = "/haalcentraal/api/woz"
TITEL = "Waardering onroerende zaken"
VERSION = "1.0.0"
#: Where the BAG, HR and BRK APIs of this deployment answer (the links of a WOZ-object).
BAG_PREFIX = "/lvbag/individuelebevragingen/v2"
HR_PREFIX = "/haalcentraal/api/hr"
BRK_PREFIX = "/haalcentraal/api/brk"
_IDENTIFICATIE = r"^[0-9]{12}$"
_BAG = r"^[0-9]{16}$"
_POSTCODE = r"^[1-9][0-9]{3}[A-Za-z]{2}$"
_HUISLETTER = r"^[a-zA-Z]$"
_TOEVOEGING = r"^[0-9a-zA-Z]{1,4}$"
_ZOEKPARAMETERS = (
    "rsin",
    "kvkNummer",
    "adresseerbaarObjectIdentificatie",
    "nummeraanduidingIdentificatie",
    "postcode",
    "huisnummer",
    "huisnummertoevoeging",
    "huisletter",
    "fields",
    "page",
    "pageSize",
)
_ALLEEN = ("rsin", "kvkNummer", "adresseerbaarObjectIdentificatie", "nummeraanduidingIdentificatie")
_ADRES = ("postcode", "huisnummer", "huisletter", "huisnummertoevoeging")


class HalResponse(JsonResponse):
    """A successful answer of the WOZ API."""

    media_type = HAL_JSON


def _combinatie(code: str, title: str, detail: str) -> Problem:
    return Problem(status=400, title=title, code=code, detail=detail)


async def _begin(request: Request, operatie: str) -> tuple[Principaal, Besluit | None]:
    """The afnemer allowed ``operatie``, and whether it may see natural persons (:data:`BELANGHEBBENDEN`)."""
    return await afnemer_en_personen(
        request, Toegangsvraag(SCOPE, operatie), BELANGHEBBENDEN, (HAL_JSON, "application/json")
    )


async def _protocolleer(
    request: Request, afnemer: Principaal, besluit: Besluit | None, bsns: Sequence[str], zoekvraag: dict[str, str]
) -> None:
    """Record the natural persons an answer delivers."""
    subjecten = [Subject(BSN, bsn) for bsn in bsns]
    vraag = Toegangsvraag(SCOPE, BELANGHEBBENDEN)
    await protocolleer(request, afnemer, besluit, vraag, subjecten, zoekvraag=zoekvraag)


def _basissen(request: Request) -> Basissen:
    base = api_base(request)
    root = base[: -len(PREFIX)]
    return Basissen(base, root + BAG_PREFIX, root + HR_PREFIX, root + BRK_PREFIX)


async def _lees(request: Request, operatie: Callable[[Database], Awaitable[Any]]) -> Any:
    try:
        return await operatie(context(request).database)
    except service.NietGevonden:
        raise not_found("Er is geen WOZ-object met die identificatie.") from None
    except service.TeVeel:
        raise _combinatie(
            "tooManyResults",
            "Er zijn te veel resultaten.",
            f"De zoekvraag vindt meer dan {service.MAX_RESULTATEN} WOZ-objecten; verfijn haar.",
        ) from None


def _zoekvraag(parameters: Queryparameters) -> tuple[Zoekvraag, str | None, str | None]:
    """The question of a search (exactly one criterion), and the huisletter and toevoeging asked."""
    postcode = parameters.tekst_volgens("postcode", _POSTCODE)
    vraag = Zoekvraag(
        rsin=parameters.nummer("rsin", is_valid_rsin, "RSIN"),
        kvk_nummer=parameters.nummer("kvkNummer", is_valid_kvk_nummer, "KvK-nummer"),
        adresseerbaar_object=parameters.tekst_volgens("adresseerbaarObjectIdentificatie", _BAG),
        nummeraanduiding=parameters.tekst_volgens("nummeraanduidingIdentificatie", _BAG),
        postcode=postcode.upper() if postcode else None,
        huisnummer=parameters.geheel("huisnummer", 1, 99999),
    )
    huisletter = parameters.tekst_volgens("huisletter", _HUISLETTER)
    toevoeging = parameters.tekst_volgens("huisnummertoevoeging", _TOEVOEGING)
    parameters.check()
    criteria = parameters.given(*_ALLEEN) + (["adres"] if parameters.given(*_ADRES) else [])
    if not criteria:
        raise _combinatie(
            "paramsRequired",
            "Ten minste één parameter moet worden opgegeven.",
            f"Geef een van {', '.join(_ALLEEN)}, of postcode en huisnummer.",
        )
    if len(criteria) > 1:
        raise _combinatie(
            "unsupportedCombi",
            "De combinatie van opgegeven parameters is niet toegestaan.",
            f"Zoek op één van {', '.join(_ALLEEN)}, of op postcode en huisnummer.",
        )
    if criteria == ["adres"] and (vraag.postcode is None or vraag.huisnummer is None):
        raise _combinatie(
            "paramsCombination",
            "Minimale combinatie van parameters moet worden opgegeven.",
            "Geef postcode en huisnummer (en eventueel huisletter en huisnummertoevoeging).",
        )
    return vraag, huisletter, toevoeging


def _past(item: dict[str, Any], huisletter: str | None, toevoeging: str | None) -> bool:
    aanduiding = item.get("aanduiding", {})
    return all(
        asked is None or str(aanduiding.get(key) or "").lower() == asked.lower()
        for key, asked in (("huisletter", huisletter), ("huisnummertoevoeging", toevoeging))
    )


def _page_url(request: Request, page: int) -> str:
    pairs = [(key, value) for key, value in request.query_params.multi_items() if key != "page"]
    return f"{api_base(request)}/wozobjecten?{urlencode([*pairs, ('page', str(page))])}"


#: The routes of the WOZ API.
woz_router = APIRouter(default_response_class=HalResponse)


@woz_router.get("/wozobjecten/{identificatie}", include_in_schema=False)
async def raadpleeg(request: Request, identificatie: str) -> Response:
    afnemer, personen = await _begin(request, RAADPLEGEN)
    parameters = Queryparameters.of(request.query_params.multi_items(), ("fields",))
    velden = lees_velden(parameters, antwoord.VELDEN)
    parameters.check()
    if not re.fullmatch(_IDENTIFICATIE, identificatie):
        raise bad_request([InvalidParam.of("identificatie", "pattern", pattern=_IDENTIFICATIE)])
    found = await _lees(request, lambda database: service.woz_object(database, identificatie))
    body = met_velden(antwoord.woz_object(_basissen(request), found, personen=personen is not None), velden)
    await _protocolleer(request, afnemer, personen, antwoord.personen(body), {"identificatie": identificatie})
    return HalResponse(body)


@woz_router.get("/wozobjecten", include_in_schema=False)
async def zoek(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    parameters = Queryparameters.of(request.query_params.multi_items(), _ZOEKPARAMETERS)
    velden = lees_velden(parameters, antwoord.VELDEN)
    page = parameters.geheel("page", 1) or 1
    page_size = parameters.geheel("pageSize", 1, 100) or 20
    vraag, huisletter, toevoeging = _zoekvraag(parameters)
    numbers = await _lees(request, lambda database: service.zoek(database, vraag))
    objecten = await service.objecten(context(request).database, numbers)
    basissen = _basissen(request)
    # huisletter and toevoeging narrow the few objects at one postcode and huisnummer
    bodies = [antwoord.woz_object(basissen, item, personen=personen is not None) for item in objecten]
    bodies = [body for body in bodies if _past(body, huisletter, toevoeging)]
    pagina = [met_velden(body, velden) for body in bodies[(page - 1) * page_size : page * page_size]]
    links: dict[str, Any] = {"self": {"href": str(request.url)}, "first": {"href": _page_url(request, 1)}}
    if page > 1:
        links["previous"] = {"href": _page_url(request, page - 1)}
    if page * page_size < len(bodies):
        links["next"] = {"href": _page_url(request, page + 1)}
    geleverd = [bsn for body in pagina for bsn in antwoord.personen(body)]
    await _protocolleer(request, afnemer, personen, geleverd, dict(parameters.waarden))
    return HalResponse({"_links": links, "_embedded": {"wozObjecten": pagina}})


@cache
def _document() -> dict[str, Any]:
    return woz_openapi(PREFIX)


def woz_api() -> Api:
    """The Haal Centraal WOZ API (:data:`woz_router`), with its published document."""
    app = api_app(TITEL, VERSION, "WOZ-objecten en hun waarden, zoals de Haal Centraal WOZ API ze toont.")
    app.openapi = _document  # type: ignore[method-assign]
    include_routes(app, woz_router)
    return Api(PREFIX, TITEL, VERSION, app, "Haal Centraal WOZ bevragen: WOZ-objecten, waarden, belanghebbenden")
