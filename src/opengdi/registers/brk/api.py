# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal BRK API (BRK-Bevragen 2.0.0) at ``/haalcentraal/api/brk``: kadastrale onroerende
zaken (``/kadastraalonroerendezaken[/{id}]``, searched by exactly one category: a kadastrale
aanduiding, an address, the RSIN of a gerechtigde, or, by POST, the burgerservicenummer of one),
their zakelijk gerechtigden, hypotheken and beslagen, and the publiekrechtelijke beperkingen of a
zaak (``/publiekrechtelijkebeperkingen``), as the published document declares them.

Access goes through Digikoppeling, scope ``brk``: ``raadplegen`` for a zaak and its parts,
``zoeken`` for a search. A zakelijk gerechtigde who is a natural person is shown only to an afnemer
allowed the operation ``gerechtigden`` too (a search by burgerservicenummer needs it), and every
such delivery is protocolled as for the BRP. Errors are problem+json in the Haal Centraal shape:
a wrong value 400 ``paramsValidation`` naming it, no category ``paramsRequired``, an incomplete one
``paramsCombination``, two categories ``unsupportedCombi``, an unknown object 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from opengdi.kernel.api import HAL_JSON, JsonResponse, api_base
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import afnemer_en_personen, context, protocolleer
from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import is_valid_bsn, is_valid_rsin
from opengdi.kernel.openapi import as_published, load_published
from opengdi.kernel.parameters import Queryparameters
from opengdi.kernel.problems import InvalidParam, Problem, bad_request, not_found, parse_json_body
from opengdi.kernel.protocollering import BSN, Subject
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag
from opengdi.kernel.velden import lees_velden, met_velden
from opengdi.registers.brk import antwoord, service
from opengdi.registers.brk.antwoord import Basissen
from opengdi.registers.brk.catalogus import GERECHTIGDEN, RAADPLEGEN, SCOPE, ZOEKEN
from opengdi.registers.brk.domein import GERECHTIGDE_TYPES, Aanduiding, KadastraalOnroerendeZaak
from opengdi.registers.brk.repository import Zoekvraag

PREFIX = "/haalcentraal/api/brk"
TITEL = "BRK-Bevragen"
VERSION = "2.0.0"
BAG_PREFIX = "/lvbag/individuelebevragingen/v2"
HR_PREFIX = "/haalcentraal/api/hr"
_IDENTIFICATIE = r"^[0-9]{1,20}$"
_ONDERDEEL = r"^[0-9A-Za-z.]{1,40}$"
_POSTCODE = r"^[1-9][0-9]{3}[A-Za-z]{2}$"
_BAG = r"^[0-9]{16}$"
_AANDUIDING = "^([a-zA-Z0-9'][a-zA-Z0-9' ,-]*[a-zA-Z0-9]) ([A-IK-Z]{1,2}) ([1-9][0-9]{0,4})( A[1-9][0-9]{0,3})?$"
_ZOEKPARAMETERS = (
    "kadastraleAanduiding",
    "persoon__identificatie",
    "postcode",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "nummeraanduidingIdentificatie",
    "kadastraleAanduidingMetGemeentecode",
    "inclusiefKadastraalOnroerendeZakenUitSplitsing",
    "fields",
    "expand",
)
_ADRES = ("postcode", "huisnummer", "huisletter", "huisnummertoevoeging")
_NIET_ONDERSTEUND = "Zoeken met {naam} ondersteunt Open GDI niet."
_ZAKELIJK_GERECHTIGDEN = "zakelijkGerechtigden"
_ZAAK_PARAMETER = "kadastraalOnroerendeZaakIdentificatie"


class HalResponse(JsonResponse):
    """A successful answer of the BRK API."""

    media_type = HAL_JSON


def _combinatie(code: str, title: str, detail: str) -> Problem:
    return Problem(status=400, title=title, code=code, detail=detail)


async def _begin(request: Request, operatie: str) -> tuple[Principaal, Besluit | None]:
    """The afnemer allowed ``operatie``, and whether it may see natural persons (:data:`GERECHTIGDEN`)."""
    return await afnemer_en_personen(
        request, Toegangsvraag(SCOPE, operatie), GERECHTIGDEN, (HAL_JSON, "application/json")
    )


async def _protocolleer(
    request: Request,
    afnemer: Principaal,
    besluit: Besluit | None,
    bsns: Sequence[str],
    zoekvraag: dict[str, Any],
    *,
    ook_zonder: bool = False,
) -> None:
    subjecten = [Subject(BSN, bsn) for bsn in bsns]
    vraag = Toegangsvraag(SCOPE, GERECHTIGDEN)
    await protocolleer(request, afnemer, besluit, vraag, subjecten, zoekvraag=zoekvraag, ook_zonder=ook_zonder)


def _basissen(request: Request) -> Basissen:
    base = api_base(request)
    root = base[: -len(PREFIX)]
    return Basissen(base, root + BAG_PREFIX, root + HR_PREFIX)


async def _lees(request: Request, operatie: Callable[[Database], Awaitable[Any]]) -> Any:
    try:
        return await operatie(context(request).database)
    except service.NietGevonden:
        raise not_found("Er is geen kadastraal onroerende zaak (of geen deel ervan) met die identificatie.") from None
    except service.TeVeel:
        raise _combinatie(
            "tooManyResults",
            "Er zijn te veel resultaten.",
            f"De zoekvraag vindt meer dan {service.MAX_RESULTATEN} kadastrale onroerende zaken; verfijn haar.",
        ) from None


def _pad(name: str, value: str, patroon: str) -> str:
    parameters = Queryparameters({name: value})
    if parameters.tekst_volgens(name, patroon) is None:
        raise bad_request(parameters.fouten)
    return value


def _expand(parameters: Queryparameters) -> bool:
    """Whether ``expand`` asks the zakelijk gerechtigden (the one relation embedded here)."""
    value = parameters.waarden.get("expand")
    if value is None:
        return False
    parts = [part.strip() for part in value.split(",")]
    for part in parts:
        if part != _ZAKELIJK_GERECHTIGDEN:
            parameters.fouten.append(InvalidParam.of("expand", "fields", waarde=part))
    return True


def _zaak_body(
    basissen: Basissen, zaak: KadastraalOnroerendeZaak, velden: list[list[str]], *, personen: bool, embed: bool
) -> dict[str, Any]:
    body = met_velden(antwoord.zaak(basissen, zaak), velden)
    if embed:
        gerechtigden = [
            antwoord.gerechtigde(basissen, zaak.identificatie, item, personen=personen) for item in zaak.gerechtigden
        ]
        body["_embedded"] = {_ZAKELIJK_GERECHTIGDEN: gerechtigden}
    return body


#: The routes of the BRK API.
brk_router = APIRouter(default_response_class=HalResponse)


@brk_router.get("/kadastraalonroerendezaken/{kadastraalOnroerendeZaakIdentificatie}", include_in_schema=False)
async def raadpleeg(request: Request, kadastraalOnroerendeZaakIdentificatie: str) -> Response:  # noqa: N803 - the document's name
    identificatie = kadastraalOnroerendeZaakIdentificatie
    afnemer, personen = await _begin(request, RAADPLEGEN)
    parameters = Queryparameters.of(request.query_params.multi_items(), ("fields", "expand"))
    velden = lees_velden(parameters, antwoord.VELDEN)
    embed = _expand(parameters)
    parameters.check()
    nummer = _pad("kadastraalOnroerendeZaakIdentificatie", identificatie, _IDENTIFICATIE)
    zaak = await _lees(request, lambda database: service.zaak(database, nummer))
    body = _zaak_body(_basissen(request), zaak, velden, personen=personen is not None, embed=embed)
    geleverd = antwoord.bsns(body.get("_embedded", {}).get(_ZAKELIJK_GERECHTIGDEN, []))
    await _protocolleer(request, afnemer, personen, geleverd, {"identificatie": nummer})
    return HalResponse(body)


def _zoekvraag(parameters: Queryparameters) -> Zoekvraag:
    """The one category of a GET search."""
    tekst = parameters.tekst_volgens("kadastraleAanduiding", _AANDUIDING)
    postcode = parameters.tekst_volgens("postcode", _POSTCODE)
    uit_splitsing = parameters.boolean("inclusiefKadastraalOnroerendeZakenUitSplitsing")
    vraag = Zoekvraag(
        aanduiding=Aanduiding.lees(tekst) if tekst else None,
        postcode=postcode.upper() if postcode else None,
        huisnummer=parameters.geheel("huisnummer", 1, 99999),
        nummeraanduiding=parameters.tekst_volgens("nummeraanduidingIdentificatie", _BAG),
        rsin=parameters.nummer("persoon__identificatie", is_valid_rsin, "RSIN"),
        uit_splitsing=bool(uit_splitsing),
    )
    parameters.tekst_volgens("huisletter", r"^[a-zA-Z]$")
    parameters.tekst_volgens("huisnummertoevoeging", r"^[a-zA-Z0-9]{1,4}$")
    for name in parameters.given("kadastraleAanduidingMetGemeentecode"):
        parameters.fouten.append(InvalidParam(name, "unsupported", _NIET_ONDERSTEUND.format(naam=name)))
    parameters.check()
    categorieen = parameters.given("kadastraleAanduiding", "persoon__identificatie", "nummeraanduidingIdentificatie")
    categorieen += ["adres"] if parameters.given(*_ADRES) else []
    if not categorieen:
        raise _combinatie(
            "paramsRequired",
            "Ten minste één parameter moet worden opgegeven.",
            "Geef kadastraleAanduiding, persoon__identificatie, nummeraanduidingIdentificatie, "
            "of postcode en huisnummer.",
        )
    if len(categorieen) > 1:
        raise _combinatie(
            "unsupportedCombi",
            "De combinatie van opgegeven parameters is niet toegestaan.",
            "Zoek met de parameters van één categorie.",
        )
    if categorieen == ["adres"] and (vraag.postcode is None or vraag.huisnummer is None):
        raise _combinatie(
            "paramsCombination",
            "Minimale combinatie van parameters moet worden opgegeven.",
            "Geef postcode en huisnummer (en eventueel huisletter en huisnummertoevoeging).",
        )
    return vraag


def _past(zaak: KadastraalOnroerendeZaak, parameters: Queryparameters) -> bool:
    """Whether the huisletter and toevoeging asked match an address of the zaak."""
    asked = {key: parameters.waarden.get(key) for key in ("huisletter", "huisnummertoevoeging")}
    return any(
        all(value is None or str(adres.get(key) or "").lower() == value.lower() for key, value in asked.items())
        for adres in zaak.gegevens.get("adressen", ())
    )


async def _zoekantwoord(
    request: Request, parameters: Queryparameters, vraag: Zoekvraag, personen: Besluit | None
) -> tuple[dict[str, Any], list[str]]:
    velden = lees_velden(parameters, antwoord.VELDEN)
    embed = _expand(parameters)
    parameters.check()
    zaken = await _lees(request, lambda database: service.zoek(database, vraag))
    basissen = _basissen(request)
    items = [
        _zaak_body(basissen, zaak, velden, personen=personen is not None, embed=embed)
        for zaak in zaken
        if vraag.postcode is None or _past(zaak, parameters)
    ]
    # a search does not name the zakelijk gerechtigden of a zaak (as the API has it), unless embedded
    for item in items:
        item.pop("zakelijkGerechtigdeIdentificaties", None)
        item.get("_links", {}).pop("zakelijkGerechtigden", None)
    geleverd = [
        bsn for item in items for bsn in antwoord.bsns(item.get("_embedded", {}).get(_ZAKELIJK_GERECHTIGDEN, []))
    ]
    return antwoord.verzameling("kadastraalOnroerendeZaken", str(request.url), items), geleverd


@brk_router.get("/kadastraalonroerendezaken", include_in_schema=False)
async def zoek(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    parameters = Queryparameters.of(request.query_params.multi_items(), _ZOEKPARAMETERS)
    vraag = _zoekvraag(parameters)
    body, geleverd = await _zoekantwoord(request, parameters, vraag, personen)
    await _protocolleer(request, afnemer, personen, geleverd, dict(parameters.waarden))
    return HalResponse(body)


@brk_router.post("/kadastraalonroerendezaken", include_in_schema=False)
async def zoek_op_bsn(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    personen = personen or await context(request).toegang.authorize(afnemer, Toegangsvraag(SCOPE, GERECHTIGDEN))
    body = parse_json_body(await request.body())
    if not isinstance(body, dict):
        raise bad_request([InvalidParam.of("burgerservicenummer", "required")])
    parameters = Queryparameters.of(
        ((key, str(value)) for key, value in body.items()), ("burgerservicenummer", "fields", "expand")
    )
    bsn = parameters.nummer("burgerservicenummer", is_valid_bsn, "burgerservicenummer")
    if "burgerservicenummer" not in body:
        parameters.fouten.append(InvalidParam.of("burgerservicenummer", "required"))
    elif not isinstance(body["burgerservicenummer"], str):
        parameters.fouten.append(InvalidParam.of("burgerservicenummer", "string"))
    parameters.check()
    antwoordbody, geleverd = await _zoekantwoord(request, parameters, Zoekvraag(bsn=bsn), personen)
    # the search tells of the person asked whatever it finds: that person is protocolled too
    await _protocolleer(request, afnemer, personen, [str(bsn), *geleverd], {"burgerservicenummer": bsn})
    return HalResponse(antwoordbody)


async def _onderdelen(
    request: Request, identificatie: str, *toegestaan: str
) -> tuple[Principaal, Besluit | None, KadastraalOnroerendeZaak]:
    """The afnemer, its permission for natural persons and the zaak whose parts a route answers."""
    afnemer, personen = await _begin(request, RAADPLEGEN)
    parameters = Queryparameters.of(request.query_params.multi_items(), ("fields", *toegestaan))
    soort = parameters.waarden.get("type")
    if soort is not None and soort not in GERECHTIGDE_TYPES:
        parameters.weiger("type", "enum")
    parameters.check()
    nummer = _pad("kadastraalOnroerendeZaakIdentificatie", identificatie, _IDENTIFICATIE)
    zaak = await _lees(request, lambda database: service.zaak(database, nummer))
    return afnemer, personen, zaak


@brk_router.get(
    "/kadastraalonroerendezaken/{kadastraalOnroerendeZaakIdentificatie}/zakelijkgerechtigden", include_in_schema=False
)
async def gerechtigden(request: Request, kadastraalOnroerendeZaakIdentificatie: str) -> Response:  # noqa: N803
    afnemer, personen, zaak = await _onderdelen(request, kadastraalOnroerendeZaakIdentificatie, "type")
    soort = request.query_params.get("type")
    basissen = _basissen(request)
    items = [
        antwoord.gerechtigde(basissen, zaak.identificatie, item, personen=personen is not None)
        for item in zaak.gerechtigden
        if soort is None or item.type == soort
    ]
    await _protocolleer(request, afnemer, personen, antwoord.bsns(items), {"identificatie": zaak.identificatie})
    return HalResponse(antwoord.verzameling(_ZAKELIJK_GERECHTIGDEN, str(request.url), items))


@brk_router.get(
    "/kadastraalonroerendezaken/{kadastraalOnroerendeZaakIdentificatie}/zakelijkgerechtigden/{zakelijkGerechtigdeIdentificatie}",
    include_in_schema=False,
)
async def gerechtigde(
    request: Request,
    kadastraalOnroerendeZaakIdentificatie: str,  # noqa: N803 - the document's names
    zakelijkGerechtigdeIdentificatie: str,  # noqa: N803
) -> Response:
    afnemer, personen, zaak = await _onderdelen(request, kadastraalOnroerendeZaakIdentificatie)
    nummer = _pad("zakelijkGerechtigdeIdentificatie", zakelijkGerechtigdeIdentificatie, _ONDERDEEL)
    found = next((item for item in zaak.gerechtigden if item.identificatie == nummer), None)
    if found is None:
        raise not_found(f"Er is geen zakelijk gerechtigde {nummer} van deze kadastraal onroerende zaak.")
    body = antwoord.gerechtigde(_basissen(request), zaak.identificatie, found, personen=personen is not None)
    await _protocolleer(request, afnemer, personen, antwoord.bsns([body]), {"identificatie": zaak.identificatie})
    return HalResponse(body)


@dataclass(frozen=True, slots=True)
class _Onderdeel:
    """A part of a zaak with routes of its own: its path, the name of its list in the answers and
    in ``gegevens``, the name of one, and the document's name of its path parameter."""

    pad: str
    lijst: str
    enkelvoud: str
    parameter: str


_ONDERDELEN = (
    _Onderdeel("hypotheken", "hypotheken", "hypotheek", "hypotheekIdentificatie"),
    _Onderdeel("beslagen", "beslagen", "beslag", "beslagIdentificatie"),
    _Onderdeel(
        "privaatrechtelijkebeperkingen",
        "privaatrechtelijkeBeperkingen",
        "privaatrechtelijke beperking",
        "privaatrechtelijkeBeperkingIdentificatie",
    ),
)


def _onderdeel_routes(soort: _Onderdeel) -> None:
    """The list and the one of a zaak's hypotheken, beslagen or privaatrechtelijke beperkingen."""

    async def lijst(request: Request) -> Response:
        _, _, zaak = await _onderdelen(request, request.path_params[_ZAAK_PARAMETER])
        items = [
            antwoord.onderdeel(api_base(request), zaak.identificatie, soort.pad, item)
            for item in zaak.lijst(soort.lijst)
        ]
        return HalResponse(antwoord.verzameling(soort.lijst, str(request.url), items))

    async def een(request: Request) -> Response:
        _, _, zaak = await _onderdelen(request, request.path_params[_ZAAK_PARAMETER])
        nummer = _pad(soort.parameter, request.path_params[soort.parameter], _ONDERDEEL)
        found = next((item for item in zaak.lijst(soort.lijst) if item["identificatie"] == nummer), None)
        if found is None:
            raise not_found(f"Er is geen {soort.enkelvoud} {nummer} op deze kadastraal onroerende zaak.")
        return HalResponse(antwoord.onderdeel(api_base(request), zaak.identificatie, soort.pad, found))

    path = f"/kadastraalonroerendezaken/{{{_ZAAK_PARAMETER}}}/{soort.pad}"
    brk_router.add_route(path, lijst, methods=["GET"], include_in_schema=False)
    brk_router.add_route(f"{path}/{{{soort.parameter}}}", een, methods=["GET"], include_in_schema=False)


for _soort in _ONDERDELEN:
    _onderdeel_routes(_soort)


@brk_router.get("/publiekrechtelijkebeperkingen", include_in_schema=False)
async def publiekrechtelijke_beperkingen(request: Request) -> Response:
    await _begin(request, RAADPLEGEN)
    parameters = Queryparameters.of(
        request.query_params.multi_items(), ("kadastraalOnroerendeZaakIdentificatie", "fields")
    )
    nummer = parameters.tekst_volgens("kadastraalOnroerendeZaakIdentificatie", _IDENTIFICATIE)
    parameters.check()
    if nummer is None:
        raise _combinatie(
            "paramsRequired",
            "Ten minste één parameter moet worden opgegeven.",
            "Geef kadastraalOnroerendeZaakIdentificatie.",
        )
    zaak = await _lees(request, lambda database: service.zaak(database, nummer))
    items = [{**item, "_links": {}} for item in zaak.lijst("publiekrechtelijkeBeperkingen")]
    return HalResponse(antwoord.verzameling("publiekrechtelijkeBeperkingen", str(request.url), items))


@cache
def _document() -> dict[str, Any]:
    text = files("opengdi.registers.brk").joinpath("data", "brk-bevragen-2.0.0.openapi.yaml").read_text("utf-8")
    return as_published(load_published(text), PREFIX, SCOPE, "Kadastrale gegevens raadplegen en zoeken")


def brk_api() -> Api:
    """The Haal Centraal BRK API (:data:`brk_router`), with its published document."""
    app = api_app(
        TITEL, VERSION, "Kadastrale onroerende zaken en hun gerechtigden, zoals de Haal Centraal BRK API ze toont."
    )
    app.openapi = _document  # type: ignore[method-assign]
    include_routes(app, brk_router)
    return Api(
        PREFIX, TITEL, VERSION, app, "Haal Centraal BRK-Bevragen: kadastrale onroerende zaken, gerechtigden, hypotheken"
    )
