# SPDX-License-Identifier: EUPL-1.2
"""The KvK APIs at ``/kvk/api``, as the KvK serves them at ``https://api.kvk.nl/test/api``:
Basisprofiel v1 (``/v1/basisprofielen/{kvkNummer}`` with ``/eigenaar``, ``/hoofdvestiging`` and
``/vestigingen``), Vestigingsprofiel v1 (``/v1/vestigingsprofielen/{vestigingsnummer}``) and
Zoeken v1 and v2 (``/v1/zoeken``, ``/v2/zoeken``). A client of the KvK (Open Formulieren, Open
Inwoner) works here with this root as its ``api_root``.

Access goes through Digikoppeling (scope ``nhr``): a token, a client certificate, or the KvK's own
header ``apikey`` with a key Digikoppeling issued. Errors are answered as the KvK answers them:
``{"fout": [{"code": "IPD…", "omschrijving": "…"}]}`` as ``application/json``; success as
``application/hal+json``. Company data is public: reading it leaves no protocol record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import Response

from opengdi.kernel.api import HAL_JSON, JsonResponse, api_base, negotiate_accept
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import aanvrager, context
from opengdi.kernel.identifiers import is_valid_kvk_nummer, is_valid_rsin, is_valid_vestigingsnummer
from opengdi.kernel.problems import Probleemstijl, Problem
from opengdi.kernel.toegang import API_SLEUTEL_STATE, Toegangsvraag
from opengdi.registers.nhr import kvk, service
from opengdi.registers.nhr.catalogus import RAADPLEGEN, SCOPE, ZOEKEN
from opengdi.registers.nhr.document import kvk_openapi
from opengdi.registers.nhr.zoeken import TYPES, Registratie, Zoekvraag, resultaat_v1, resultaat_v2

PREFIX = "/kvk/api"
TITEL = "KVK API's"
VERSION = "2.0.0"
_POSTCODE = re.compile(r"[0-9]{4}[A-Za-z]{2}")
_NUMMER = re.compile(r"[0-9]{1,5}")
_LETTER = re.compile(r"[A-Za-z]")
_TOEVOEGING = re.compile(r"[A-Za-z0-9]{1,4}")
#: The longest text a name, street or place may be.
_MAX_TEKST = 500


#: What the KvK answers where the kernel refuses before a route speaks (by HTTP status).
_KERNELFOUTEN = {
    400: ("IPD1998", "Algemene invoer parameter fout."),
    404: ("IPD0001", "Het gevraagde product bestaat niet."),
    405: ("IPD1998", "Algemene invoer parameter fout."),
    406: ("IPD1998", "Opgegeven Accept header wordt niet ondersteund."),
    500: ("IPD9999", "Algemene technische fout."),
}
#: The most parameters an error names.
_MAX_GENOEMD = 10


def _fout(status: int, code: str, omschrijving: str) -> Problem:
    """An error answer in the KvK's shape: its HTTP status, IPD code and Dutch description."""
    return Problem(status=status, title=omschrijving, code=code)


def _ongeldig(*namen: str) -> Problem:
    genoemd = ", ".join(name[:40] for name in namen[:_MAX_GENOEMD]) + (", …" if len(namen) > _MAX_GENOEMD else "")
    return _fout(400, "IPD1999", f"De volgende opgegeven parameter(s) is(zijn) ongeldig: {genoemd}.")


def _kvk_weergave(problem: Problem) -> Response:
    """A problem as the KvK answers errors: ``{"fout": [{"code", "omschrijving"}]}`` as
    application/json. The kernel's own refusals get the KvK's codes (a wrong parameter IPD1999,
    naming it; an unknown path IPD0001); Digikoppeling's (401, 403, 503) keep their code."""
    code, omschrijving = problem.code, problem.detail or problem.title
    if not code.startswith("IPD") and problem.status == 400 and problem.invalid_params:
        refused = _ongeldig(*(item.name for item in problem.invalid_params))
        code, omschrijving = refused.code, refused.title
    elif not code.startswith("IPD") and problem.status in _KERNELFOUTEN:
        code, omschrijving = _KERNELFOUTEN[problem.status]
    body = {"fout": [{"code": code, "omschrijving": omschrijving}]}
    return JsonResponse(body, status_code=problem.status, headers=problem.headers)


PROBLEEMSTIJL = Probleemstijl(weergave=_kvk_weergave)


def _checked(value: str, valid: Callable[[str], bool], code: str, soort: str) -> str:
    if not valid(value):
        raise _fout(400, code, f"Het {soort} {value[:40]} is niet valide.")
    return value


def _kvk_nummer(value: str) -> str:
    return _checked(value, is_valid_kvk_nummer, "IPD0004", "KVK-nummer")


def _vestigingsnummer(value: str) -> str:
    return _checked(value, is_valid_vestigingsnummer, "IPD0006", "vestigingsnummer")


def _rsin(value: str) -> str:
    return _checked(value, is_valid_rsin, "IPD0010", "RSIN-nummer")


class HalResponse(JsonResponse):
    """A successful answer of the KvK APIs."""

    media_type = HAL_JSON


async def _toegang(request: Request, operatie: str) -> None:
    """Identify the afnemer, check its grant for ``operatie`` and the ``Accept`` header."""
    afnemer = await aanvrager(request)
    await context(request).toegang.authorize(afnemer, Toegangsvraag(SCOPE, operatie))
    negotiate_accept(request, (HAL_JSON, "application/json"))


def _parameters(request: Request, allowed: tuple[str, ...]) -> dict[str, list[str]]:
    """The query parameters, by their declared name (matched regardless of case, as the KvK
    does); an undeclared one is refused."""
    names = {name.lower(): name for name in allowed}
    found: dict[str, list[str]] = {}
    unknown = []
    for key, value in request.query_params.multi_items():
        name = names.get(key.lower())
        if name is None:
            unknown.append(key[:40])
        else:
            found.setdefault(name, []).append(value)
    if unknown:
        raise _ongeldig(*unknown)
    return found


def _one(parameters: Mapping[str, list[str]], name: str) -> str | None:
    values = parameters.get(name)
    if not values:
        return None
    if len(values) > 1 or not values[0] or len(values[0]) > _MAX_TEKST:
        raise _ongeldig(name)
    return values[0]


def _integer(parameters: Mapping[str, list[str]], name: str, low: int, high: int, default: int) -> int:
    value = _one(parameters, name)
    if value is None:
        return default
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise _ongeldig(name)
    return int(value)


def _matching(parameters: Mapping[str, list[str]], name: str, pattern: re.Pattern[str]) -> str | None:
    value = _one(parameters, name)
    if value is not None and not pattern.fullmatch(value):
        raise _ongeldig(name)
    return value


def _boolean(parameters: Mapping[str, list[str]], name: str) -> bool:
    value = _one(parameters, name)
    if value is None:
        return False
    if value.lower() not in ("true", "false"):
        raise _ongeldig(name)
    return value.lower() == "true"


_V2 = (
    "kvkNummer",
    "rsin",
    "vestigingsnummer",
    "naam",
    "straatnaam",
    "plaats",
    "postcode",
    "huisnummer",
    "huisletter",
    "huisnummerToevoeging",
    "postbusnummer",
    "type",
    "inclusiefInactieveRegistraties",
    "pagina",
    "resultatenPerPagina",
)
_V1 = (
    "kvkNummer",
    "rsin",
    "vestigingsnummer",
    "handelsnaam",
    "straatnaam",
    "plaats",
    "postcode",
    "huisnummer",
    "type",
    "InclusiefInactieveRegistraties",
    "pagina",
    "aantal",
)


def _zoekvraag(parameters: Mapping[str, list[str]], naam: str, inactief: str) -> Zoekvraag:
    """The question of a Zoeken request, each value checked (a wrong one refused, named)."""
    kvk_nummer, rsin, vestigingsnummer = (_one(parameters, key) for key in ("kvkNummer", "rsin", "vestigingsnummer"))
    postcode = _matching(parameters, "postcode", _POSTCODE)
    huisnummer = _matching(parameters, "huisnummer", _NUMMER)
    postbusnummer = _matching(parameters, "postbusnummer", _NUMMER)
    huisletter = _matching(parameters, "huisletter", _LETTER)
    toevoeging = _matching(parameters, "huisnummerToevoeging", _TOEVOEGING)
    nummers = [value for value in (huisnummer, postbusnummer) if value is not None]
    if len(nummers) != (postcode is not None) or ((huisletter or toevoeging) and not huisnummer):
        adres = ("postcode", "huisnummer", "huisletter", "huisnummerToevoeging", "postbusnummer")
        raise _ongeldig(*[name for name in adres if name in parameters])
    types = {value for item in parameters.get("type", ()) for value in item.split(",")}
    if not types <= set(TYPES):
        raise _ongeldig("type")
    criteria = ("kvkNummer", "rsin", "vestigingsnummer", naam, "straatnaam", "plaats", "postcode")
    if not any(name in parameters for name in criteria):
        raise _fout(400, "IPD1999", f"Geef ten minste één zoekparameter op: {', '.join(criteria)}.")
    return Zoekvraag(
        kvk_nummer=_kvk_nummer(kvk_nummer) if kvk_nummer is not None else None,
        rsin=_rsin(rsin) if rsin is not None else None,
        vestigingsnummer=_vestigingsnummer(vestigingsnummer) if vestigingsnummer is not None else None,
        naam=_one(parameters, naam),
        straatnaam=_one(parameters, "straatnaam"),
        plaats=_one(parameters, "plaats"),
        postcode=postcode.upper() if postcode else None,
        huisnummer=int(huisnummer) if huisnummer else None,
        huisletter=huisletter,
        huisnummertoevoeging=toevoeging,
        postbusnummer=int(postbusnummer) if postbusnummer else None,
        types=frozenset(types),
        inclusief_inactief=_boolean(parameters, inactief),
    )


async def _zoek(request: Request, vraag: Zoekvraag, pagina: int, per_pagina: int) -> tuple[list[Registratie], int]:
    """One page of the registrations ``vraag`` finds and how many there are (404 IPD5200 when none)."""
    found = await service.zoek(context(request).database, vraag)
    page = found[(pagina - 1) * per_pagina : pagina * per_pagina]
    if not page:
        raise _fout(404, "IPD5200", "Er zijn geen gegevens gevonden die voldoen aan de opgegeven zoekparameters.")
    return page, len(found)


def _page_url(request: Request, path: str, parameters: Mapping[str, list[str]], **page: int) -> str:
    """The URL of a page of this search (parameter names in lower case, as the KvK writes them)."""
    pairs = [(name.lower(), value) for name, values in parameters.items() if name not in page for value in values]
    pairs.extend((name.lower(), str(value)) for name, value in page.items())
    return f"{api_base(request)}{path}?{urlencode(pairs)}"


#: The routes of the KvK APIs.
kvk_router = APIRouter(default_response_class=HalResponse)


@kvk_router.get("/v2/zoeken", include_in_schema=False)
async def zoeken_v2(request: Request) -> Response:
    await _toegang(request, ZOEKEN)
    parameters = _parameters(request, _V2)
    vraag = _zoekvraag(parameters, "naam", "inclusiefInactieveRegistraties")
    pagina = _integer(parameters, "pagina", 1, 1000, 1)
    per_pagina = _integer(parameters, "resultatenPerPagina", 1, 100, 10)
    page, totaal = await _zoek(request, vraag, pagina, per_pagina)
    body: dict[str, Any] = {"pagina": pagina, "resultatenPerPagina": per_pagina, "totaal": totaal}
    if pagina > 1:
        body["vorige"] = _page_url(request, "/v2/zoeken", parameters, pagina=pagina - 1, resultatenPerPagina=per_pagina)
    if pagina * per_pagina < totaal:
        body["volgende"] = _page_url(
            request, "/v2/zoeken", parameters, pagina=pagina + 1, resultatenPerPagina=per_pagina
        )
    body["resultaten"] = [resultaat_v2(api_base(request), item, vraag) for item in page]
    self_url = _page_url(request, "/v2/zoeken", parameters, pagina=pagina, resultatenPerPagina=per_pagina)
    body["_links"] = {"self": {"href": self_url}}
    return HalResponse(body)


@kvk_router.get("/v1/zoeken", include_in_schema=False)
async def zoeken_v1(request: Request) -> Response:
    await _toegang(request, ZOEKEN)
    parameters = _parameters(request, _V1)
    vraag = _zoekvraag(parameters, "handelsnaam", "InclusiefInactieveRegistraties")
    pagina = _integer(parameters, "pagina", 1, 1000, 1)
    aantal = _integer(parameters, "aantal", 1, 100, 10)
    page, totaal = await _zoek(request, vraag, pagina, aantal)
    body: dict[str, Any] = {"pagina": pagina, "aantal": aantal, "totaal": totaal}
    if pagina > 1:
        body["vorige"] = _page_url(request, "/v1/zoeken", parameters, pagina=pagina - 1, aantal=aantal)
    if pagina * aantal < totaal:
        body["volgende"] = _page_url(request, "/v1/zoeken", parameters, pagina=pagina + 1, aantal=aantal)
    body["resultaten"] = [resultaat_v1(api_base(request), item) for item in page]
    body["links"] = [
        {"rel": "self", "href": _page_url(request, "/v1/zoeken", parameters, pagina=pagina, aantal=aantal)}
    ]
    return HalResponse(body)


def _geo(request: Request) -> bool:
    """Whether the profile's addresses get their ``geoData`` (the parameter, checked)."""
    return _boolean(_parameters(request, ("geoData",)), "geoData")


async def _profiel(request: Request, kvk_nummer: str) -> service.Profiel:
    await _toegang(request, RAADPLEGEN)
    _geo(request)
    nummer = _kvk_nummer(kvk_nummer)
    try:
        return await service.profiel(context(request).database, nummer)
    except service.NietGevonden:
        raise _fout(
            404, "IPD0005", f"Op basis van het KVK-nummer {nummer} kan het product niet worden geleverd."
        ) from None


@kvk_router.get("/v1/basisprofielen/{kvkNummer}", include_in_schema=False)
async def basisprofiel(request: Request, kvkNummer: str) -> Response:  # noqa: N803 - the path's own name
    found = await _profiel(request, kvkNummer)
    return HalResponse(kvk.basisprofiel(api_base(request), found.onderneming, found.vestigingen, geo=_geo(request)))


@kvk_router.get("/v1/basisprofielen/{kvkNummer}/eigenaar", include_in_schema=False)
async def eigenaar(request: Request, kvkNummer: str) -> Response:  # noqa: N803
    found = await _profiel(request, kvkNummer)
    return HalResponse(kvk.eigenaar(api_base(request), found.onderneming, met_vestigingen=bool(found.vestigingen)))


@kvk_router.get("/v1/basisprofielen/{kvkNummer}/hoofdvestiging", include_in_schema=False)
async def hoofdvestiging(request: Request, kvkNummer: str) -> Response:  # noqa: N803
    found = await _profiel(request, kvkNummer)
    hoofd = next((item for item in found.vestigingen if item.hoofdvestiging), None)
    if hoofd is None:
        omschrijving = f"Op basis van het KVK-nummer {kvkNummer} kan het product niet worden geleverd."
        raise _fout(404, "IPD0005", omschrijving)
    return HalResponse(kvk.hoofdvestiging(api_base(request), hoofd, found.onderneming, geo=_geo(request)))


@kvk_router.get("/v1/basisprofielen/{kvkNummer}/vestigingen", include_in_schema=False)
async def vestigingen(request: Request, kvkNummer: str) -> Response:  # noqa: N803
    found = await _profiel(request, kvkNummer)
    return HalResponse(kvk.vestigingenlijst(api_base(request), found.onderneming, found.vestigingen))


@kvk_router.get("/v1/vestigingsprofielen/{vestigingsnummer}", include_in_schema=False)
async def vestigingsprofiel(request: Request, vestigingsnummer: str) -> Response:
    await _toegang(request, RAADPLEGEN)
    geo = _geo(request)
    nummer = _vestigingsnummer(vestigingsnummer)
    try:
        async with context(request).database.read() as connection:
            vestiging, onderneming = await service.vestigingsprofiel(connection, nummer)
    except service.NietGevonden:
        omschrijving = f"Op basis van het vestigingsnummer {nummer} kan het product niet worden geleverd."
        raise _fout(404, "IPD0007", omschrijving) from None
    return HalResponse(kvk.vestigingsprofiel(api_base(request), vestiging, onderneming, geo=geo))


def kvk_api() -> Api:
    """The KvK APIs (:data:`kvk_router`), with the KvK's published documents merged as theirs."""
    app = api_app(TITEL, VERSION, "Het Handelsregister zoals de API's van de KvK het tonen.", PROBLEEMSTIJL)
    app.openapi = lambda: kvk_openapi(PREFIX)  # type: ignore[method-assign]
    setattr(app.state, API_SLEUTEL_STATE, "apikey")  # the KvK's header: Digikoppeling's keys work on it
    include_routes(app, kvk_router)
    return Api(PREFIX, TITEL, VERSION, app, "KVK API's: Basisprofiel, Vestigingsprofiel, Zoeken (Handelsregister)")
