# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of the BAG: the Kadaster's BAG API Individuele Bevragingen v2.

Served under the Kadaster's own path, ``/lvbag/individuelebevragingen/v2``, with its official
OpenAPI document (servers and security pointed at this GDI), so that a client of the Kadaster's
API works by changing only its host. Every route reads its parameters as the document declares
them (anything else is refused), makes one service call (:mod:`~opengdi.registers.bag.bevragingen`)
and answers HAL (``application/hal+json``) with absolute links; every error is problem+json with
``invalid-params``, as that document writes it. Access goes through Digikoppeling: scope ``bag``.

Every operation of the document is served. Beyond it, ``Accept-Crs`` and ``Content-Crs`` also take
``epsg:4258`` (ETRS89, :mod:`~opengdi.registers.bag.crs`).
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from opengdi.kernel.api import HAL_JSON, JsonResponse, api_base, negotiate_accept
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import aanvrager, context
from opengdi.kernel.documentatie import without_outside_images
from opengdi.kernel.openapi import TOKEN_SCHEME, load_published, token_scheme
from opengdi.kernel.problems import InvalidParam, Probleemstijl, Problem, bad_request, parse_json_body
from opengdi.kernel.toegang import API_SLEUTEL_STATE, Principaal, api_sleutel_header
from opengdi.registers.bag import bevragingen, zoeken
from opengdi.registers.bag import crs as stelsels
from opengdi.registers.bag.adres import EXPAND as ADRES_EXPAND
from opengdi.registers.bag.adres import adres_json, adres_uitgebreid_json
from opengdi.registers.bag.antwoord import Json, collectie, resource
from opengdi.registers.bag.bronhouders import Bronhouder, bronhouder_json
from opengdi.registers.bag.hal import Links, pagination_headers, pagination_links
from opengdi.registers.bag.objecten import ADRESSEERBAAR, SOORTEN, Gevonden, Soort
from opengdi.registers.bag.tijdreizen import Moment
from opengdi.registers.bag.vraag import (
    Adresvraag,
    Pagina,
    Parameters,
    address_question,
    combinatie,
    huidig,
    openbare_ruimte_vorm,
    punt,
    zoekvorm,
    zonder_tijdreizen,
)

PREFIX = "/lvbag/individuelebevragingen/v2"
VERSION = "2.0.0"
CRS = "epsg:28992"
#: How the document writes its problems: ``invalid-params``, always a ``detail``, the request URL.
PROBLEEMSTIJL = Probleemstijl(invalid_params="invalid-params", detail_altijd=True, instance_url=True)
_PAGINERING = frozenset({"page", "pageSize"})


@cache
def _published() -> dict[str, Any]:
    """The BAG API Individuele Bevragingen document as the Kadaster published it."""
    text = files("opengdi.registers.bag").joinpath("data", "bag-individuele-bevragingen-v2.openapi.yaml")
    return load_published(text.read_text("utf-8"))


@cache
def official_openapi() -> dict[str, Any]:
    """The BAG API Individuele Bevragingen document, with this server and Digikoppeling's security
    beside the Kadaster's API key (a key Digikoppeling issues to an organisation)."""
    document = copy.deepcopy(_published())
    document["servers"] = [{"url": PREFIX, "description": "Open GDI"}]
    document["info"]["description"] = without_outside_images(document["info"]["description"])
    published = _published()["components"]["securitySchemes"]
    document["components"]["securitySchemes"] = {
        **{
            name: {
                **scheme,
                "description": "Een API-sleutel die Digikoppeling aan een aangesloten organisatie uitgeeft "
                "(gdi org apisleutel OIN); een onbekende of ingetrokken sleutel geeft 403 Forbidden.",
            }
            for name, scheme in published.items()
        },
        TOKEN_SCHEME: token_scheme({"bag": "BAG raadplegen"}),
    }
    requirement: list[dict[str, list[str]]] = [{TOKEN_SCHEME: ["bag"]}]
    requirement.extend({str(name): []} for name in published)
    document["security"] = requirement
    for item in document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = requirement
    return document


@cache
def _declared(method: str, path: str) -> frozenset[str]:
    """The query parameters the document declares for an operation (paging is always allowed:
    an endpoint without it ignores it, as paginering.feature says)."""
    operation = official_openapi()["paths"][path][method]
    names = {parameter["name"] for parameter in operation.get("parameters", ()) if parameter["in"] == "query"}
    return frozenset(names) | _PAGINERING


class HalResponse(JsonResponse):
    """A HAL answer."""

    media_type = HAL_JSON


Handler = Callable[[Request], Awaitable[Response]]


def _parameters(request: Request, path: str, *extra: str) -> Parameters:
    return Parameters.of(request.query_params.multi_items(), _declared("get", path) | set(extra))


def _check_crs(request: Request, *, required: bool) -> None:
    """``Accept-Crs`` must be ``epsg:28992`` or, as an extension, ``epsg:4258`` (in any case);
    without it, an answer with geometry is refused (412). The choice is kept for the answer."""
    value = request.headers.get("accept-crs")
    if value is None:
        if required:
            raise Problem(
                status=412,
                title="Gewenste coördinatenstelsel voor geometrie moet worden opgegeven.",
                code="acceptCrsMissing",
                detail=f"Geef de header Accept-Crs: {CRS} (of {stelsels.ETRS89}).",
            )
        return
    chosen = value.strip().lower()
    if chosen not in stelsels.ONDERSTEUND:
        raise Problem(
            status=406,
            title="CRS niet ondersteund.",
            code="crsNotAcceptable",
            detail=f"Gevraagde coördinatenstelsel {value[:40]} wordt niet ondersteund; "
            f"alleen {CRS} of {stelsels.ETRS89}.",
        )
    request.state.accept_crs = chosen


async def _begin(request: Request, *, crs: bool | None) -> Principaal:
    """Identify the afnemer, negotiate HAL and check ``Accept-Crs`` (``crs``: required; ``False``:
    checked when given; ``None``: not an endpoint with geometry)."""
    afnemer = await aanvrager(request)
    negotiate_accept(request, (HAL_JSON, "application/json"))
    if crs is not None:
        _check_crs(request, required=crs)
    return afnemer


def _crs_needed(soort: Soort, expand: frozenset[str]) -> bool | None:
    """Whether an object's answer needs ``Accept-Crs``: one with geometry does (a woonplaats only
    when its geometry is embedded, else a given one is checked); one without geometry never."""
    if not soort.geometrie:
        return None
    return soort.code != "WPL" or "geometrie" in expand


def _answer(request: Request, body: Json, *, crs: bool, headers: dict[str, str] | None = None) -> Response:
    """The HAL answer; one with geometry in the system ``Accept-Crs`` chose (RD when none was
    given), said in ``Content-Crs``."""
    extra = dict(headers or {})
    if crs:
        chosen = getattr(request.state, "accept_crs", CRS)
        extra["Content-Crs"] = chosen
        body = stelsels.antwoord_naar(body, chosen)
    return HalResponse(body, headers=extra)


#: The routes of the BAG API Individuele Bevragingen.
bag_router = APIRouter(default_response_class=HalResponse)


# --- One object: now or at a moment, its levenscyclus, one voorkomen -----------------------------


def _object_route(objecttype: str, name: str) -> Handler:
    soort = SOORTEN[objecttype]
    path = f"/{soort.pad}/{{{name}}}"

    async def raadpleeg(request: Request) -> Response:
        # a pand takes expand too, though the document does not declare it (expand.feature,
        # foutafhandeling.feature): true embeds nothing, a name is refused
        parameters = _parameters(request, path, "expand")
        moment = parameters.tijdvraag()
        expand = parameters.expand(soort.expand)
        afnemer = await _begin(request, crs=_crs_needed(soort, expand))
        key = parameters.pad(name, request.path_params[name], objecttype)
        parameters.check()
        found = await bevragingen.raadpleeg(
            context(request), afnemer, objecttype=objecttype, identificatie=key, moment=moment, expand=expand
        )
        links = Links(api_base(request), moment)
        body = resource(found, links, lambda _: {"href": str(request.url)}, expand=expand)
        return _answer(request, body, crs=soort.geometrie)

    return raadpleeg


def _lvc_route(objecttype: str, name: str) -> Handler:
    soort = SOORTEN[objecttype]
    path = f"/{soort.pad}/{{{name}}}/lvc"

    async def lvc(request: Request) -> Response:
        parameters = _parameters(request, path)
        zonder_tijdreizen(parameters, "de levenscyclus")
        geheel = parameters.boolean("geheleLvc")
        expand = parameters.expand(soort.expand) if "expand" in _declared("get", path) else frozenset()
        afnemer = await _begin(request, crs=_crs_needed(soort, expand))
        key = parameters.pad(name, request.path_params[name], objecttype)
        parameters.check()
        found = await bevragingen.levenscyclus(
            context(request), afnemer, objecttype=objecttype, identificatie=key, geheel=geheel, expand=expand
        )
        links = Links(api_base(request))
        items = [_voorkomen_resource(item, links, expand) for item in found]
        return _answer(
            request, collectie("voorkomens", items, {"self": {"href": str(request.url)}}), crs=soort.geometrie
        )

    return lvc


def _voorkomen_resource(found: Gevonden, links: Links, expand: frozenset[str]) -> Json:
    """A voorkomen in a collection: linked by its voorkomen path, its relations as they were then."""
    voorkomen = found.voorkomen
    then = links.op(Moment(voorkomen.begin_geldigheid, voorkomen.tijdstip_registratie_lv))
    return resource(found, then, links.voorkomen, expand=expand)


def _voorkomen_route(objecttype: str, name: str) -> Handler:
    soort = SOORTEN[objecttype]
    path = f"/{soort.pad}/{{{name}}}/{{versie}}/{{timestampRegistratieLv}}"

    async def voorkomen(request: Request) -> Response:
        parameters = _parameters(request, path)
        zonder_tijdreizen(parameters, "een voorkomen")
        expand = parameters.expand(soort.expand) if "expand" in _declared("get", path) else frozenset()
        afnemer = await _begin(request, crs=_crs_needed(soort, expand))
        key = parameters.pad(name, request.path_params[name], objecttype)
        path_values = Parameters(dict(request.path_params), parameters.fouten)
        versie = path_values.geheel("versie", 1) or 0
        timestamp = path_values.geheel("timestampRegistratieLv", 0) or 0
        parameters.check()
        found = await bevragingen.voorkomen(
            context(request),
            afnemer,
            objecttype=objecttype,
            identificatie=key,
            versie=versie,
            timestamp_ms=timestamp,
            expand=expand,
        )
        voorkomen_ = found.voorkomen
        links = Links(api_base(request)).op(Moment(voorkomen_.begin_geldigheid, voorkomen_.tijdstip_registratie_lv))
        body = resource(found, links, lambda _: {"href": str(request.url)}, expand=expand)
        return _answer(request, body, crs=soort.geometrie)

    return voorkomen


_PADNAMEN = {"OPR": "openbareRuimteIdentificatie", "NUM": "nummeraanduidingIdentificatie"}
for _code, _soort in SOORTEN.items():
    _name = _PADNAMEN.get(_code, "identificatie")
    bag_router.add_route(f"/{_soort.pad}/{{{_name}}}", _object_route(_code, _name), methods=["GET"])
    bag_router.add_route(f"/{_soort.pad}/{{{_name}}}/lvc", _lvc_route(_code, _name), methods=["GET"])
    bag_router.add_route(
        f"/{_soort.pad}/{{{_name}}}/{{versie}}/{{timestampRegistratieLv}}",
        _voorkomen_route(_code, _name),
        methods=["GET"],
    )


# --- Searches: collections --------------------------------------------------------------------


def _page_answer(
    request: Request, naam: str, resources: list[Json], pagina: Pagina, totaal: int, *, crs: bool
) -> Response:
    links = pagination_links(str(request.url), pagina, totaal)
    return _answer(request, collectie(naam, resources, links), crs=crs, headers=pagination_headers(pagina))


def _collection_resource(found: Gevonden, links: Links, expand: frozenset[str]) -> Json:
    """An object in a search's collection: linked by its voorkomen."""
    return resource(found, links, links.voorkomen, expand=expand)


async def adressen(request: Request) -> Response:
    """``GET /adressen``: current addresses by postcode and huisnummer, adresseerbaar object,
    woonplaats and openbare ruimte and huisnummer, or pand."""
    parameters = _parameters(request, "/adressen")
    vraag = address_question(parameters, ADRES_EXPAND)
    object_ = parameters.tekst("adresseerbaarObjectIdentificatie", "AO")
    pand = parameters.tekst("pandIdentificatie", "PND")
    zoekresultaat = parameters.tekst("zoekresultaatIdentificatie", maximum=255)
    afnemer = await _begin(request, crs=None)
    parameters.check()
    form = zoekvorm(parameters)
    if form == "pand" and vraag.expand:
        raise combinatie("unsupportedCombination", "expand kan niet worden gebruikt bij zoeken met pandIdentificatie.")
    vraag = replace(vraag, adresseerbaar_object=object_, pand=pand, zoekresultaat=zoekresultaat)
    page = await bevragingen.adressen(context(request), afnemer, vraag=vraag)
    links = Links(api_base(request))
    items = [adres_json(item, links, expand=vraag.expand) for item in page.items]
    return _page_answer(request, "adressen", items, vraag.pagina, page.totaal, crs=False)


async def adressen_zoeken(request: Request) -> Response:
    """``GET /adressen/zoek?zoek``: current addresses found by free text, as search results that
    ``/adressen?zoekresultaatIdentificatie`` answers."""
    parameters = _parameters(request, "/adressen/zoek")
    zoek = parameters.tekst("zoek", maximum=255)
    pagina = parameters.pagina()
    afnemer = await _begin(request, crs=None)
    parameters.check()
    if zoek is None:
        raise combinatie("paramsRequired", "Geef zoek, bijvoorbeeld een straat en huisnummer of een postcode.")
    if len(zoeken.termen(zoek)) > zoeken.MAX_TERMEN:
        raise bad_request([InvalidParam("zoek", "maxItems", f"Geef hoogstens {zoeken.MAX_TERMEN} zoektermen.")])
    page = await bevragingen.zoek_adressen(context(request), afnemer, zoek=zoek, pagina=pagina)
    links = Links(api_base(request))
    items = [
        {
            "omschrijving": item.omschrijving,
            "identificatie": item.identificatie,
            "_links": {"adres": links.pad(f"/adressen?zoekresultaatIdentificatie={item.identificatie}")},
        }
        for item in page.items
    ]
    return _page_answer(request, "zoekresultaten", items, pagina, page.totaal, crs=False)


async def adres(request: Request) -> Response:
    """``GET /adressen/{nummeraanduidingIdentificatie}``: one current address."""
    parameters = _parameters(request, "/adressen/{nummeraanduidingIdentificatie}")
    expand = parameters.expand(ADRES_EXPAND)
    afnemer = await _begin(request, crs=None)
    key = parameters.pad("nummeraanduidingIdentificatie", request.path_params["nummeraanduidingIdentificatie"], "adres")
    parameters.check()
    found = await bevragingen.adres(context(request), afnemer, nummeraanduiding=key)
    body = adres_json(found, Links(api_base(request)), expand=expand)
    body["_links"]["self"] = {"href": str(request.url)}
    return _answer(request, body, crs=False)


async def adres_uitgebreid(request: Request) -> Response:
    """``GET /adressenuitgebreid/{nummeraanduidingIdentificatie}``: one current address with its
    adresseerbaar object and panden."""
    parameters = _parameters(request, "/adressenuitgebreid/{nummeraanduidingIdentificatie}")
    afnemer = await _begin(request, crs=True)
    key = parameters.pad("nummeraanduidingIdentificatie", request.path_params["nummeraanduidingIdentificatie"], "adres")
    parameters.check()
    found = await bevragingen.adres_uitgebreid(context(request), afnemer, nummeraanduiding=key)
    body = adres_uitgebreid_json(found, Links(api_base(request)))
    body["_links"]["self"] = {"href": str(request.url)}
    return _answer(request, body, crs=True)


async def adressen_uitgebreid(request: Request) -> Response:
    """``GET /adressenuitgebreid``: current addresses uitgebreid by postcode and huisnummer,
    adresseerbaar object, or woonplaats and openbare ruimte and huisnummer (not paged)."""
    parameters = _parameters(request, "/adressenuitgebreid")
    vraag = address_question(parameters, ())
    object_ = parameters.tekst("adresseerbaarObjectIdentificatie", "AO")
    afnemer = await _begin(request, crs=True)
    parameters.check()
    zoekvorm(parameters)
    vraag = replace(vraag, adresseerbaar_object=object_)
    found = await bevragingen.adressen_uitgebreid(context(request), afnemer, vraag=vraag)
    links = Links(api_base(request))
    items = [adres_uitgebreid_json(item, links) for item in found]
    return _answer(request, collectie("adressen", items, {"self": {"href": str(request.url)}}), crs=True)


async def adresseerbaar_object(request: Request) -> Response:
    """``GET /adresseerbareobjecten/{adresseerbaarObjectIdentificatie}``: a verblijfsobject, ligplaats
    or standplaats, now or at a moment."""
    path = "/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}"
    parameters = _parameters(request, path)
    moment = parameters.tijdvraag()
    value = request.path_params["adresseerbaarObjectIdentificatie"]
    key = parameters.pad("adresseerbaarObjectIdentificatie", value, "AO")
    objecttype = ADRESSEERBAAR.get(key[4:6], "VBO")
    expand = parameters.expand(SOORTEN["VBO"].expand)
    afnemer = await _begin(request, crs=True)
    parameters.check()
    found = await bevragingen.raadpleeg(
        context(request),
        afnemer,
        objecttype=objecttype,
        identificatie=key,
        moment=moment,
        expand=expand & set(SOORTEN[objecttype].expand),
    )
    links = Links(api_base(request), moment)
    inner = resource(found, links, lambda item: links.object(item.objecttype, item.identificatie), expand=expand)
    body = {SOORTEN[objecttype].sleutel: inner, "_links": {"self": {"href": str(request.url)}}}
    return _answer(request, body, crs=True)


async def adresseerbaar_object_lvc(request: Request) -> Response:
    """``GET /adresseerbareobjecten/{adresseerbaarObjectIdentificatie}/lvc``: its levenscyclus."""
    path = "/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}/lvc"
    parameters = _parameters(request, path)
    zonder_tijdreizen(parameters, "de levenscyclus")
    geheel = parameters.boolean("geheleLvc")
    key = parameters.pad(
        "adresseerbaarObjectIdentificatie", request.path_params["adresseerbaarObjectIdentificatie"], "AO"
    )
    afnemer = await _begin(request, crs=True)
    parameters.check()
    objecttype = ADRESSEERBAAR[key[4:6]]
    found = await bevragingen.levenscyclus(
        context(request), afnemer, objecttype=objecttype, identificatie=key, geheel=geheel
    )
    links = Links(api_base(request))
    sleutel = SOORTEN[objecttype].sleutel
    items = [
        {sleutel: _voorkomen_resource(item, links, frozenset()), "_links": {"self": links.voorkomen(item.voorkomen)}}
        for item in found
    ]
    return _answer(request, collectie("voorkomens", items, {"self": {"href": str(request.url)}}), crs=True)


async def adresseerbare_objecten(request: Request) -> Response:
    """``GET /adresseerbareobjecten?nummeraanduidingIdentificatie``: the objects of an address."""
    parameters = _parameters(request, "/adresseerbareobjecten")
    moment = parameters.tijdvraag()
    alleen_huidig = huidig(parameters)
    expand = parameters.expand(SOORTEN["VBO"].expand)
    number = parameters.tekst("nummeraanduidingIdentificatie", "NUM")
    afnemer = await _begin(request, crs=True)
    parameters.check()
    if not parameters.given("nummeraanduidingIdentificatie"):
        raise combinatie("paramsRequired", "Geef nummeraanduidingIdentificatie.")
    found = await bevragingen.adresseerbare_objecten_met(
        context(request), afnemer, nummeraanduiding=number or "", moment=moment, huidig=alleen_huidig, expand=expand
    )
    links = Links(api_base(request), moment)
    items = [
        {
            SOORTEN[item.voorkomen.objecttype].sleutel: _collection_resource(item, links, expand),
            "_links": {"self": links.voorkomen(item.voorkomen)},
        }
        for item in found
    ]
    body = collectie("adresseerbareObjecten", items, {"self": {"href": str(request.url)}})
    return _answer(request, body, crs=True)


async def verblijfsobjecten(request: Request) -> Response:
    """``GET /verblijfsobjecten?pandIdentificatie``: the verblijfsobjecten of a pand."""
    parameters = _parameters(request, "/verblijfsobjecten")
    moment = parameters.tijdvraag()
    alleen_huidig = huidig(parameters)
    pagina = parameters.pagina()
    pand = parameters.tekst("pandIdentificatie", "PND")
    afnemer = await _begin(request, crs=True)
    parameters.check()
    if not parameters.given("pandIdentificatie"):
        raise combinatie("paramsRequired", "Geef pandIdentificatie.")
    page = await bevragingen.verblijfsobjecten_in(
        context(request), afnemer, pand=pand or "", moment=moment, huidig=alleen_huidig, pagina=pagina
    )
    links = Links(api_base(request), moment)
    items = [_collection_resource(item, links, frozenset()) for item in page.items]
    return _page_answer(request, "verblijfsobjecten", items, pagina, page.totaal, crs=True)


async def nummeraanduidingen(request: Request) -> Response:
    """``GET /nummeraanduidingen``: by postcode and huisnummer, by woonplaats, openbare ruimte and
    huisnummer, or all of an openbare ruimte."""
    parameters = _parameters(request, "/nummeraanduidingen")
    moment = parameters.tijdvraag()
    alleen_huidig = huidig(parameters)
    vraag = address_question(parameters, SOORTEN["NUM"].expand)
    openbare_ruimte = parameters.tekst("openbareRuimteIdentificatie", "OPR")
    afnemer = await _begin(request, crs=None)
    parameters.check()
    form = zoekvorm(parameters)
    if form == "openbareRuimte" and vraag.expand:
        raise combinatie(
            "unsupportedCombination", "expand kan niet worden gebruikt bij zoeken met openbareRuimteIdentificatie."
        )
    vraag = replace(vraag, openbare_ruimte=openbare_ruimte)
    page = await bevragingen.nummeraanduidingen(
        context(request), afnemer, vraag=vraag, moment=moment, huidig=alleen_huidig
    )
    links = Links(api_base(request), moment)
    items = [_collection_resource(item, links, vraag.expand) for item in page.items]
    return _page_answer(request, "nummeraanduidingen", items, vraag.pagina, page.totaal, crs=False)


async def openbare_ruimten(request: Request) -> Response:
    """``GET /openbareruimten``: by woonplaats (name or identificatie) and name, or all of a woonplaats."""
    parameters = _parameters(request, "/openbareruimten")
    moment = parameters.tijdvraag()
    alleen_huidig = huidig(parameters)
    vraag = Adresvraag(
        woonplaats_naam=parameters.naam("woonplaatsNaam"),
        openbare_ruimte_naam=parameters.naam("openbareRuimteNaam"),
        expand=parameters.expand(SOORTEN["OPR"].expand),
        pagina=parameters.pagina(),
    )
    woonplaats = parameters.tekst("woonplaatsIdentificatie", "WPL")
    afnemer = await _begin(request, crs=None)
    parameters.check()
    openbare_ruimte_vorm(parameters, vraag)
    page = await bevragingen.openbare_ruimten(
        context(request), afnemer, vraag=vraag, woonplaats=woonplaats, moment=moment, huidig=alleen_huidig
    )
    links = Links(api_base(request), moment)
    items = [_collection_resource(item, links, vraag.expand) for item in page.items]
    return _page_answer(request, "openbareRuimten", items, vraag.pagina, page.totaal, crs=False)


async def woonplaatsen(request: Request) -> Response:
    """``GET /woonplaatsen?naam``: the woonplaatsen with a name."""
    parameters = _parameters(request, "/woonplaatsen")
    moment = parameters.tijdvraag()
    expand = parameters.expand(SOORTEN["WPL"].expand)
    naam = parameters.naam("naam")
    afnemer = await _begin(request, crs="geometrie" in expand)
    parameters.check()
    if not parameters.given("naam"):
        raise combinatie("paramsRequired", "Geef naam.")
    found = await bevragingen.woonplaatsen_met_naam(
        context(request), afnemer, naam=naam or "", moment=moment, expand=expand
    )
    links = Links(api_base(request), moment)
    items = [_collection_resource(item, links, expand) for item in found]
    return _answer(request, collectie("woonplaatsen", items, {"self": {"href": str(request.url)}}), crs=True)


async def info(request: Request) -> Response:
    """``GET /info``: what this API is."""
    afnemer = await aanvrager(request)
    negotiate_accept(request)
    Parameters.of(request.query_params.multi_items(), _PAGINERING).check()
    await bevragingen.toegang(context(request), afnemer)
    document = official_openapi()["info"]
    return JsonResponse(
        {
            "api-name": document["title"],
            "api-version": VERSION,
            "api-description": "De BAG API Individuele Bevragingen, zoals het Kadaster die aanbiedt, "
            "op de BAG van deze GDI.",
            "informationmodel": "IMBAG",
            "informationmodel-version": "2.0",
            "informationmodel-location": "https://www.geobasisregistraties.nl/documenten/publicatie/2018/03/12/catalogus-2018",
        }
    )


# --- Searches by a point (POST, a GeoJSON body) ------------------------------------------------


def _json_body(request: Request) -> None:
    """The body of a point search must be JSON (415)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise Problem(
            status=415,
            title="Mediatype wordt niet ondersteund.",
            code="unsupportedMediaType",
            detail="Stuur de geometrie als application/json.",
        )


def _content_crs(request: Request) -> str:
    """The system of the body's geometry: ``Content-Crs`` must be given (412) and be one this API
    knows (415)."""
    value = request.headers.get("content-crs")
    if value is None:
        raise Problem(
            status=412,
            title="Coördinatenstelsel van gestuurde geometrie moet worden opgegeven.",
            code="contentCrsMissing",
            detail=f"Geef de header Content-Crs: {CRS} (of {stelsels.ETRS89}).",
        )
    chosen = value.strip().lower()
    if chosen not in stelsels.ONDERSTEUND:
        raise Problem(
            status=415,
            title="CRS niet ondersteund.",
            code="crsNotSupported",
            detail=f"Coördinatenstelsel {value[:40]} wordt niet ondersteund; alleen {CRS} of {stelsels.ETRS89}.",
        )
    return chosen


def _point_route(objecttype: str) -> Handler:
    soort = SOORTEN[objecttype]
    path = f"/{soort.pad}"

    async def zoek_op_punt(request: Request) -> Response:
        # a malformed body is refused first (400), as on every JSON operation of this GDI
        afnemer = await aanvrager(request)
        _json_body(request)
        body = parse_json_body(await request.body())
        parameters = Parameters.of(request.query_params.multi_items(), _declared("post", path))
        moment = parameters.tijdvraag()
        alleen_huidig = huidig(parameters)
        expand = parameters.expand(soort.expand) if "expand" in _declared("post", path) else frozenset()
        await _begin(request, crs=_crs_needed(soort, expand))
        parameters.check()
        point = punt(body, _content_crs(request))
        found = await bevragingen.op_punt(
            context(request),
            afnemer,
            objecttype=objecttype,
            punt=point,
            moment=moment,
            huidig=alleen_huidig,
            expand=expand,
        )
        links = Links(api_base(request), moment)
        items = [_collection_resource(item, links, expand) for item in found]
        body = collectie(soort.pad, items, {"self": {"href": str(request.url)}})
        return _answer(request, body, crs=True)

    return zoek_op_punt


# --- Bronhouders: the gemeenten ------------------------------------------------------------------


def _bronhouder_resource(item: Bronhouder, links: Links) -> Json:
    return {"bronhouder": bronhouder_json(item), "_links": {"self": links.pad(f"/bronhouders/{item.code}")}}


async def bronhouder(request: Request) -> Response:
    """``GET /bronhouders/{identificatie}``: a gemeente as bronhouder, now or at a moment."""
    parameters = _parameters(request, "/bronhouders/{identificatie}")
    moment = parameters.tijdvraag()
    afnemer = await _begin(request, crs=None)
    code = parameters.pad("identificatie", request.path_params["identificatie"], "gemeente")
    parameters.check()
    found = await bevragingen.bronhouder(context(request), afnemer, code=code, moment=moment)
    body = _bronhouder_resource(found, Links(api_base(request)))
    body["_links"]["self"] = {"href": str(request.url)}
    return _answer(request, body, crs=False)


async def bronhouder_voorkomen(request: Request) -> Response:
    """``GET /bronhouders/{identificatie}/{versie}/{timestampRegistratieLv}``: one period of a gemeente."""
    parameters = _parameters(request, "/bronhouders/{identificatie}/{versie}/{timestampRegistratieLv}")
    zonder_tijdreizen(parameters, "een voorkomen")
    afnemer = await _begin(request, crs=None)
    code = parameters.pad("identificatie", request.path_params["identificatie"], "gemeente")
    path_values = Parameters(dict(request.path_params), parameters.fouten)
    versie = path_values.geheel("versie", 1) or 0
    timestamp = path_values.geheel("timestampRegistratieLv", -(10**14)) or 0  # 1970-01-01 is -3600000
    parameters.check()
    found = await bevragingen.bronhouder_voorkomen(
        context(request), afnemer, code=code, versie=versie, timestamp_ms=timestamp
    )
    body = _bronhouder_resource(found, Links(api_base(request)))
    body["_links"]["self"] = {"href": str(request.url)}
    return _answer(request, body, crs=False)


async def bronhouders_zoeken(request: Request) -> Response:
    """``GET /bronhouders?woonplaatsIdentificatie|objectIdentificatie``: the gemeenten a
    woonplaats, or the woonplaats of any BAG object, lay in, now or at a moment."""
    parameters = _parameters(request, "/bronhouders")
    moment = parameters.tijdvraag()
    woonplaats = parameters.tekst("woonplaatsIdentificatie", "WPL")
    object_ = parameters.tekst("objectIdentificatie", "object")
    afnemer = await _begin(request, crs=None)
    parameters.check()
    given = parameters.given("woonplaatsIdentificatie", "objectIdentificatie")
    if not given:
        raise combinatie("paramsRequired", "Geef woonplaatsIdentificatie of objectIdentificatie.")
    if len(given) > 1:
        raise combinatie("unsupportedCombination", "Geef woonplaatsIdentificatie of objectIdentificatie, niet beide.")
    found = await bevragingen.bronhouders_van(
        context(request), afnemer, woonplaats=woonplaats, object_=object_, moment=moment
    )
    links = Links(api_base(request))
    body = collectie(
        "bronhouders", [_bronhouder_resource(item, links) for item in found], {"self": {"href": str(request.url)}}
    )
    return _answer(request, body, crs=False)


bag_router.add_route("/info", info, methods=["GET"])
bag_router.add_route("/adressen/zoek", adressen_zoeken, methods=["GET"])
bag_router.add_route("/adressen", adressen, methods=["GET"])
bag_router.add_route("/adressen/{nummeraanduidingIdentificatie}", adres, methods=["GET"])
bag_router.add_route("/adressenuitgebreid", adressen_uitgebreid, methods=["GET"])
bag_router.add_route("/adressenuitgebreid/{nummeraanduidingIdentificatie}", adres_uitgebreid, methods=["GET"])
bag_router.add_route("/adresseerbareobjecten", adresseerbare_objecten, methods=["GET"])
bag_router.add_route("/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}", adresseerbaar_object, methods=["GET"])
bag_router.add_route(
    "/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}/lvc", adresseerbaar_object_lvc, methods=["GET"]
)
bag_router.add_route("/verblijfsobjecten", verblijfsobjecten, methods=["GET"])
bag_router.add_route("/nummeraanduidingen", nummeraanduidingen, methods=["GET"])
bag_router.add_route("/openbareruimten", openbare_ruimten, methods=["GET"])
bag_router.add_route("/woonplaatsen", woonplaatsen, methods=["GET"])
for _code in ("WPL", "PND", "LIG", "STA"):
    bag_router.add_route(f"/{SOORTEN[_code].pad}", _point_route(_code), methods=["POST"])
bag_router.add_route("/bronhouders", bronhouders_zoeken, methods=["GET"])
bag_router.add_route("/bronhouders/{identificatie}", bronhouder, methods=["GET"])
bag_router.add_route(
    "/bronhouders/{identificatie}/{versie}/{timestampRegistratieLv}", bronhouder_voorkomen, methods=["GET"]
)


def bag_api() -> Api:
    """The BAG API Individuele Bevragingen (:data:`bag_router`), with the official OpenAPI document."""
    app = api_app(
        "BAG API Individuele Bevragingen",
        VERSION,
        "Adressen en gebouwen raadplegen in de BAG, zoals de BAG API Individuele Bevragingen van het Kadaster.",
        probleemstijl=PROBLEEMSTIJL,
    )
    app.openapi = official_openapi  # type: ignore[method-assign]
    # the document declares X-Api-Key: Digikoppeling accepts the keys it issued on this API
    setattr(app.state, API_SLEUTEL_STATE, api_sleutel_header(_published()))
    include_routes(app, bag_router)
    return Api(PREFIX, "BAG API Individuele Bevragingen", VERSION, app, "BAG API Individuele Bevragingen v2 (Kadaster)")
