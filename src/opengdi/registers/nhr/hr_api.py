# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal HR API (Handelsregister bevragen 1.0.0) at ``/haalcentraal/api/hr``:
maatschappelijke activiteiten (``/maatschappelijkeactiviteiten[/{kvknummer}]``), vestigingen
(``/vestigingen[/{vestigingsnummer}]``), rechtspersonen (``/nietnatuurlijkpersonen[/{rsin}]``) and
natural persons outside the BRP (``/handelsregisterpersonen[/{identificatie}]``),
as the published document declares them (served as published, ``/openapi.json``).

Access goes through Digikoppeling, scope ``nhr``: ``raadplegen`` for an object, ``zoeken`` for a
search. Company data is public; what identifies a natural person (the owner of an eenmanszaak, a
functionaris) is shown only to an afnemer allowed the operation ``personen`` too, and every such
delivery (and every search by a burgerservicenummer or for handelsregisterpersonen, which need that
operation) is protocolled as for the BRP. Errors are problem+json in the Haal Centraal shape: a wrong parameter
``paramsValidation`` naming it, no criterion ``paramsRequired``, an incomplete address
``paramsCombination``, more than 1,000 results ``tooManyResults``, an unknown object 404.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from opengdi.kernel.api import HAL_JSON, JsonResponse, api_base
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import afnemer_en_personen, context, protocolleer
from opengdi.kernel.identifiers import is_valid_bsn, is_valid_kvk_nummer, is_valid_rsin, is_valid_vestigingsnummer
from opengdi.kernel.parameters import Queryparameters
from opengdi.kernel.problems import InvalidParam, Problem, bad_request, not_found
from opengdi.kernel.protocollering import Subject
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag
from opengdi.registers.nhr import bevragen, service
from opengdi.registers.nhr.bevragen import Criteria
from opengdi.registers.nhr.catalogus import PERSONEN, RAADPLEGEN, SCOPE, ZOEKEN
from opengdi.registers.nhr.document import hr_openapi

PREFIX = "/haalcentraal/api/hr"
TITEL = "Handelsregister bevragen"
VERSION = "1.0.0"
#: Where the BAG API Individuele Bevragingen answers (links to the address of a vestiging).
BAG_PREFIX = "/lvbag/individuelebevragingen/v2"
_NUMMERAANDUIDING = r"^[0-9]{4}20[0-9]{10}$"
_ADRESSEERBAAR_OBJECT = r"^[0-9]{4}0[123][0-9]{10}$"
_POSTCODE = r"^[1-9]{1}[0-9]{3}[A-Za-z]{2}$"
_HUISLETTER = r"^[a-zA-Z]$"
_TOEVOEGING = r"^[a-zA-Z0-9]{1,4}$"
_NIET_ONDERSTEUND = "Zoeken op {naam} ondersteunt Open GDI niet."


class HalResponse(JsonResponse):
    """A successful answer of the HR API."""

    media_type = HAL_JSON


class HrParameters(Queryparameters):
    """The query parameters of an HR API search, with the kinds of value its document declares."""

    def niet_ondersteund(self, *names: str) -> None:
        """Refuse the parameters of the document that Open GDI does not search on."""
        for name in self.given(*names):
            self.fouten.append(InvalidParam(name, "unsupported", _NIET_ONDERSTEUND.format(naam=name)))


def _combinatie(code: str, title: str, detail: str) -> Problem:
    return Problem(status=400, title=title, code=code, detail=detail)


def _paden(name: str, value: str, valid: Callable[[str], bool], soort: str) -> str:
    if not valid(value):
        raise bad_request([InvalidParam.of(name, "value", soort=soort)])
    return value


async def _begin(request: Request, operatie: str) -> tuple[Principaal, Besluit | None]:
    """The afnemer allowed ``operatie``, and whether it may see natural persons (:data:`PERSONEN`)."""
    return await afnemer_en_personen(request, Toegangsvraag(SCOPE, operatie), PERSONEN, (HAL_JSON, "application/json"))


async def _protocolleer(
    request: Request,
    afnemer: Principaal,
    besluit: Besluit | None,
    geleverd: Sequence[tuple[str, str]],
    zoekvraag: dict[str, str] | None = None,
    *,
    zoekt_personen: bool = False,
) -> None:
    """Record the natural persons an answer delivers ((kind, identification)), and a search for
    natural persons even when it found none."""
    subjecten = [Subject(soort, nummer) for soort, nummer in geleverd]
    vraag = Toegangsvraag(SCOPE, PERSONEN)
    await protocolleer(request, afnemer, besluit, vraag, subjecten, zoekvraag=zoekvraag, ook_zonder=zoekt_personen)


def _bases(request: Request) -> tuple[str, str]:
    """The root of this API and of the BAG API, as the client called this deployment."""
    base = api_base(request)
    return base, base[: -len(PREFIX)] + BAG_PREFIX


async def _zoek(request: Request, operatie: Callable[[Any], Awaitable[Any]]) -> Any:
    async with context(request).database.read() as connection:
        try:
            return await operatie(connection)
        except service.TeVeel:
            raise _combinatie(
                "tooManyResults",
                "Er zijn te veel resultaten.",
                f"De zoekvraag vindt meer dan {service.MAX_HR_RESULTATEN} resultaten; verfijn haar.",
            ) from None


async def _een(request: Request, operatie: Callable[[Any], Awaitable[Any]], wat: str) -> Any:
    async with context(request).database.read() as connection:
        try:
            return await operatie(connection)
        except service.NietGevonden:
            raise not_found(f"Er is geen {wat}.") from None


def _adres(parameters: HrParameters, straat: str, plaats: str) -> tuple[dict[str, Any], bool]:
    """The address criteria, and whether they alone identify an address (postcode and huisnummer,
    or street, huisnummer and place)."""
    postcode = parameters.tekst_volgens("postcode", _POSTCODE)
    values: dict[str, Any] = {
        "postcode": postcode.upper() if postcode else None,
        "huisnummer": parameters.geheel("huisnummer", 1, 99999),
        "straatnaam": parameters.tekst_volgens(straat),
        "woonplaats": parameters.tekst_volgens(plaats),
    }
    compleet = values["huisnummer"] is not None and (
        values["postcode"] is not None or (values["straatnaam"] is not None and values["woonplaats"] is not None)
    )
    return values, compleet


def _criteria(parameters: HrParameters, eigen: Sequence[str], adres: tuple[str, str], **criteria: Any) -> Criteria:
    """The criteria of a search: ``eigen`` names those that identify alone (one is needed, or a
    complete address); the address parts are filters beside them."""
    adres_waarden, compleet = _adres(parameters, *adres)
    parameters.check()
    adresdelen = parameters.given("postcode", "huisnummer", *adres)
    if not parameters.given(*eigen) and not compleet:
        if adresdelen:
            raise _combinatie(
                "paramsCombination",
                "Minimale combinatie van parameters moet worden opgegeven.",
                "Geef postcode en huisnummer, of straatnaam, huisnummer en woonplaats.",
            )
        raise _combinatie(
            "paramsRequired",
            "Ten minste één parameter moet worden opgegeven.",
            f"Geef een van {', '.join(eigen)}, of een adres.",
        )
    return Criteria(**adres_waarden, **criteria)


_ACTIVITEIT_PARAMETERS = (
    "naam",
    "eigenaarBurgerservicenummer",
    "bestuurderBurgerservicenummer",
    "rsin",
    "nummeraanduidingIdentificatie",
    "adresseerbaarObjectIdentificatie",
    "locatie",
    "woonplaats",
    "straatnaam",
    "huisnummer",
    "postcode",
)
_VESTIGING_PARAMETERS = (
    "kvknummer",
    "postcode",
    "huisnummer",
    "huisletter",
    "huisnummerToevoeging",
    "straatnaam",
    "woonplaatsnaam",
    "locatie",
)
_PERSOON_PARAMETERS = ("naam", "woonplaats", "straatnaam", "huisnummer", "postcode", "statutaireZetel")
_HR_PERSOON_PARAMETERS = _PERSOON_PARAMETERS[:5]
#: The number the Handelsregister gives a natural person not in the BRP.
_HR_PERSOON = re.compile(r"[0-9]{1,9}")


def _query(request: Request, toegestaan: Sequence[str]) -> HrParameters:
    return HrParameters.of(request.query_params.multi_items(), toegestaan)


def _self(request: Request) -> str:
    return str(request.url)


#: The routes of the HR API.
hr_router = APIRouter(default_response_class=HalResponse)


@hr_router.get("/maatschappelijkeactiviteiten/{kvknummer}", include_in_schema=False)
async def maatschappelijke_activiteit(request: Request, kvknummer: str) -> Response:
    afnemer, personen = await _begin(request, RAADPLEGEN)
    _query(request, ()).check()
    nummer = _paden("kvknummer", kvknummer, is_valid_kvk_nummer, "KvK-nummer")
    found = await _een(request, lambda connection: service.bedrijf(connection, nummer), "maatschappelijke activiteit")
    base, bag = _bases(request)
    body = bevragen.maatschappelijke_activiteit(
        base, bag, found.onderneming, found.vestigingen, found.functionarissen, personen=personen is not None
    )
    await _protocolleer(request, afnemer, personen, bevragen.natuurlijke_personen([body]))
    return HalResponse(body)


@hr_router.get("/maatschappelijkeactiviteiten", include_in_schema=False)
async def maatschappelijke_activiteiten(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    parameters = _query(request, _ACTIVITEIT_PARAMETERS)
    parameters.niet_ondersteund("locatie")
    eigenaar = parameters.nummer("eigenaarBurgerservicenummer", is_valid_bsn, "burgerservicenummer")
    bestuurder = parameters.nummer("bestuurderBurgerservicenummer", is_valid_bsn, "burgerservicenummer")
    criteria = _criteria(
        parameters,
        _ACTIVITEIT_PARAMETERS[:6],
        ("straatnaam", "woonplaats"),
        naam=parameters.tekst_volgens("naam"),
        eigenaar_bsn=eigenaar,
        bestuurder_bsn=bestuurder,
        rsin=parameters.nummer("rsin", is_valid_rsin, "RSIN"),
        nummeraanduiding=parameters.tekst_volgens("nummeraanduidingIdentificatie", _NUMMERAANDUIDING),
        adresseerbaar_object=parameters.tekst_volgens("adresseerbaarObjectIdentificatie", _ADRESSEERBAAR_OBJECT),
    )
    if eigenaar or bestuurder:
        await _personen_nodig(request, afnemer, personen)
    found = await _zoek(request, lambda connection: service.zoek_bedrijven(connection, criteria))
    base, bag = _bases(request)
    items = [
        bevragen.maatschappelijke_activiteit(
            base, bag, item.onderneming, item.vestigingen, item.functionarissen, personen=personen is not None
        )
        for item in found
    ]
    await _protocolleer(
        request,
        afnemer,
        personen,
        bevragen.natuurlijke_personen(items),
        dict(parameters.waarden),
        zoekt_personen=bool(eigenaar or bestuurder),
    )
    return HalResponse(bevragen.verzameling("maatschappelijkeActiviteiten", _self(request), items))


@hr_router.get("/vestigingen/{vestigingsnummer}", include_in_schema=False)
async def vestiging(request: Request, vestigingsnummer: str) -> Response:
    await _begin(request, RAADPLEGEN)
    _query(request, ()).check()
    nummer = _paden("vestigingsnummer", vestigingsnummer, is_valid_vestigingsnummer, "vestigingsnummer")
    found, _ = await _een(request, lambda connection: service.vestigingsprofiel(connection, nummer), "vestiging")
    return HalResponse(bevragen.vestiging(*_bases(request), found))


@hr_router.get("/vestigingen", include_in_schema=False)
async def vestigingen(request: Request) -> Response:
    await _begin(request, ZOEKEN)
    parameters = _query(request, _VESTIGING_PARAMETERS)
    parameters.niet_ondersteund("locatie")
    kvk_nummer = parameters.nummer("kvknummer", is_valid_kvk_nummer, "KvK-nummer")
    criteria = _criteria(
        parameters,
        ("kvknummer",),
        ("straatnaam", "woonplaatsnaam"),
        kvk_nummer=kvk_nummer,
        huisletter=parameters.tekst_volgens("huisletter", _HUISLETTER),
        huisnummertoevoeging=parameters.tekst_volgens("huisnummerToevoeging", _TOEVOEGING),
    )
    if (criteria.huisletter or criteria.huisnummertoevoeging) and criteria.huisnummer is None:
        raise _combinatie(
            "paramsCombination",
            "Minimale combinatie van parameters moet worden opgegeven.",
            "Een huisletter of huisnummertoevoeging hoort bij een huisnummer.",
        )
    found = await _zoek(request, lambda connection: service.zoek_vestigingen(connection, criteria))
    base, bag = _bases(request)
    items = [bevragen.vestiging(base, bag, item) for item in found]
    return HalResponse(bevragen.verzameling("vestigingen", _self(request), items))


@hr_router.get("/nietnatuurlijkpersonen/{rsin}", include_in_schema=False)
async def niet_natuurlijk_persoon(request: Request, rsin: str) -> Response:
    afnemer, personen = await _begin(request, RAADPLEGEN)
    _query(request, ()).check()
    nummer = _paden("rsin", rsin, is_valid_rsin, "RSIN")
    found = await _een(request, lambda connection: service.rechtspersoon(connection, nummer), "rechtspersoon")
    body = bevragen.niet_natuurlijk_persoon(
        api_base(request), found.onderneming, found.vestigingen, found.functionarissen, personen=personen is not None
    )
    await _protocolleer(request, afnemer, personen, bevragen.natuurlijke_personen([body]))
    return HalResponse(body)


@hr_router.get("/nietnatuurlijkpersonen", include_in_schema=False)
async def niet_natuurlijk_personen(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    parameters = _query(request, _PERSOON_PARAMETERS)
    parameters.niet_ondersteund("statutaireZetel")
    criteria = _criteria(
        parameters, ("naam",), ("straatnaam", "woonplaats"), naam=parameters.tekst_volgens("naam"), rechtspersonen=True
    )
    found = await _zoek(request, lambda connection: service.zoek_bedrijven(connection, criteria))
    items = [
        bevragen.niet_natuurlijk_persoon(
            api_base(request), item.onderneming, item.vestigingen, item.functionarissen, personen=personen is not None
        )
        for item in found
    ]
    await _protocolleer(request, afnemer, personen, bevragen.natuurlijke_personen(items), dict(parameters.waarden))
    return HalResponse(bevragen.verzameling("nietNatuurlijkPersonen", _self(request), items))


@hr_router.get("/handelsregisterpersonen/{identificatie}", include_in_schema=False)
async def handelsregisterpersoon(request: Request, identificatie: str) -> Response:
    afnemer, personen = await _begin(request, RAADPLEGEN)
    _query(request, ()).check()
    nummer = _paden("identificatie", identificatie, lambda value: bool(_HR_PERSOON.fullmatch(value)), "identificatie")
    await _personen_nodig(request, afnemer, personen)
    found = await _zoek(request, lambda connection: service.handelsregisterpersonen(connection, identificatie=nummer))
    if not found:
        raise not_found(f"Er is geen handelsregisterpersoon {nummer}.")
    body = bevragen.handelsregisterpersoon(api_base(request), nummer, found)
    await _protocolleer(request, afnemer, personen, [(bevragen.HANDELSREGISTER_PERSOON, nummer)])
    return HalResponse(body)


@hr_router.get("/handelsregisterpersonen", include_in_schema=False)
async def handelsregisterpersonen(request: Request) -> Response:
    afnemer, personen = await _begin(request, ZOEKEN)
    parameters = _query(request, _HR_PERSOON_PARAMETERS)
    parameters.niet_ondersteund("woonplaats", "straatnaam", "huisnummer", "postcode")
    naam = parameters.tekst_volgens("naam")
    parameters.check()
    if naam is None:
        raise _combinatie("paramsRequired", "Ten minste één parameter moet worden opgegeven.", "Geef naam.")
    await _personen_nodig(request, afnemer, personen)
    found = await _zoek(request, lambda connection: service.handelsregisterpersonen(connection, naam=naam))
    base = api_base(request)
    per_persoon: dict[str, list[Any]] = {}
    for item in found:
        per_persoon.setdefault(item.hr_persoon, []).append(item)
    items = [bevragen.handelsregisterpersoon(base, nummer, functies) for nummer, functies in per_persoon.items()]
    geleverd = [(bevragen.HANDELSREGISTER_PERSOON, nummer) for nummer in per_persoon]
    await _protocolleer(request, afnemer, personen, geleverd, dict(parameters.waarden), zoekt_personen=True)
    return HalResponse(bevragen.verzameling("handelsregisterPersonen", _self(request), items))


async def _personen_nodig(request: Request, afnemer: Principaal, personen: Besluit | None) -> None:
    """Refuse (403) an afnemer not allowed natural persons."""
    if personen is None:
        await context(request).toegang.authorize(afnemer, Toegangsvraag(SCOPE, PERSONEN))


@cache
def _document() -> dict[str, Any]:
    return hr_openapi(PREFIX)


def hr_api() -> Api:
    """The Haal Centraal HR API (:data:`hr_router`), with its published document."""
    app = api_app(TITEL, VERSION, "Het Handelsregister zoals de Haal Centraal HR API het toont.")
    app.openapi = _document  # type: ignore[method-assign]
    include_routes(app, hr_router)
    return Api(
        PREFIX,
        TITEL,
        VERSION,
        app,
        "Haal Centraal HR Bevragen: maatschappelijke activiteiten, vestigingen, rechtspersonen",
    )
