# SPDX-License-Identifier: EUPL-1.2
"""The pages of the Stelselcatalogus, for people: rendered on the server (Jinja2), in Dutch, in the
look of the NL Design System, without JavaScript.

An index of the registers with the picture of the stelsel and the same links as text, a page per
register, object type and attribute, a search page (a GET form) and error pages in the same look.
Every page is public and sets :data:`~opengdi.kernel.beveiliging.PAGES_CSP`: its own style sheet
and picture, no script, its form to the GDI itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response

from opengdi.kernel.api import telemetry_options
from opengdi.kernel.beveiliging import PAGES_CSP
from opengdi.kernel.blocks import Paginas, include_routes
from opengdi.kernel.documentatie import ASSET_CACHE_CONTROL
from opengdi.kernel.fouten import NietGevonden
from opengdi.stelsel.stelselcatalogus import adressen
from opengdi.stelsel.stelselcatalogus.inhoud import Doelstatus, Stelsel, Verbinding
from opengdi.stelsel.stelselcatalogus.plaat import plaat
from opengdi.stelsel.stelselcatalogus.zoeken import MAX_ZOEKVRAAG, Zoekindex

TITEL = "Stelselcatalogus"
_STIJL = Path(__file__).parent / "static" / "stelselcatalogus.css"
_HTML_HEADERS = {"Content-Security-Policy": PAGES_CSP}

#: What a relation's target status means, for people.
DOELSTATUS = {
    Doelstatus.AANWEZIG: "aanwezig",
    Doelstatus.OBJECTTYPE_ONBEKEND: "objecttype niet gedeclareerd",
    Doelstatus.REGISTER_AFWEZIG: "niet in deze samenstelling",
}
#: The title of each error page.
FOUTTITELS = {
    400: "Deze vraag kan niet worden beantwoord",
    404: "Pagina niet gevonden",
    405: "Deze methode kan hier niet",
    500: "Er ging iets mis",
}


def _omgeving() -> Environment:
    environment = Environment(
        loader=PackageLoader("opengdi.stelsel.stelselcatalogus", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(
        adres=adressen,
        pagina=adressen.pagina,
        anker=adressen.anker,
        doelstatus=DOELSTATUS,
        max_zoekvraag=MAX_ZOEKVRAAG,
        ja_nee=lambda value: "ja" if value else "nee",
    )
    return environment


_OMGEVING = _omgeving()


def render(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """The page ``template`` with ``values``, with the policy of the pages."""
    html = _OMGEVING.get_template(template).render(**values)
    return HTMLResponse(html, status_code=status, headers=_HTML_HEADERS)


def _stelsel(request: Request) -> Stelsel:
    stelsel = request.app.state.stelsel
    assert isinstance(stelsel, Stelsel)
    return stelsel


def _zoekindex(request: Request) -> Zoekindex:
    index = request.app.state.zoekindex
    assert isinstance(index, Zoekindex)
    return index


Inhoud = Annotated[Stelsel, Depends(_stelsel)]
Index = Annotated[Zoekindex, Depends(_zoekindex)]

#: The routes of the pages.
paginas_router = APIRouter(default_response_class=HTMLResponse)


def _kruimels(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    """The breadcrumb trail: the index, then ``stappen`` (the last one is the page itself)."""
    return [(TITEL, adressen.PREFIX), *stappen]


def _doel(stelsel: Stelsel, verbinding: Verbinding) -> tuple[str, str | None]:
    """How a relation's target is shown: its name and, when it is in the deployment, its page."""
    relatie = verbinding.relatie
    if verbinding.status is Doelstatus.REGISTER_AFWEZIG:
        return f"{relatie.naar_register.upper()} {relatie.naar_objecttype}", None
    titel = stelsel.register(relatie.naar_register).titel
    if verbinding.status is Doelstatus.OBJECTTYPE_ONBEKEND:
        return f"{titel}: {relatie.naar_objecttype}", None
    return f"{titel}: {relatie.naar_objecttype}", adressen.pagina(relatie.naar_register, relatie.naar_objecttype)


@paginas_router.get("/")
async def index(stelsel: Inhoud) -> Response:
    return render(
        "index.html",
        titel=TITEL,
        kruimels=[(TITEL, None)],
        stelsel=stelsel,
        doel=lambda v: _doel(stelsel, v),
        alt=f"Plaat van het stelsel: {len(stelsel.registers)} registers en {len(stelsel.verbindingen)} "
        "verbindingen. Dezelfde registers en verbindingen staan als tekst op deze pagina.",
    )


@paginas_router.get("/registers/{code}")
async def register(stelsel: Inhoud, code: str) -> Response:
    register = stelsel.register(code)
    return render(
        "register.html",
        titel=register.titel,
        kruimels=_kruimels((register.titel, None)),
        stelsel=stelsel,
        register=register,
        doel=lambda v: _doel(stelsel, v),
    )


@paginas_router.get("/registers/{code}/objecttypen/{naam}")
async def objecttype(stelsel: Inhoud, code: str, naam: str) -> Response:
    register, objecttype = stelsel.register(code), stelsel.objecttype(code, naam)
    return render(
        "objecttype.html",
        titel=f"{objecttype.naam} ({register.titel})",
        kruimels=_kruimels((register.titel, adressen.pagina(code)), (objecttype.naam, None)),
        register=register,
        objecttype=objecttype,
        gegevens=stelsel.gegevens(code, naam),
    )


@paginas_router.get("/registers/{code}/objecttypen/{naam}/attributen/{pad}")
async def attribuut(stelsel: Inhoud, code: str, naam: str, pad: str) -> Response:
    gegeven = stelsel.gegeven(code, naam, pad)
    register, objecttype = gegeven.register, gegeven.objecttype
    ouders = [
        (stelsel.gegeven(code, naam, ouder).attribuut.naam, adressen.pagina(code, naam, ouder))
        for ouder in gegeven.ouders
    ]
    return render(
        "attribuut.html",
        titel=f"{pad} ({objecttype.naam}, {register.titel})",
        kruimels=_kruimels(
            (register.titel, adressen.pagina(code)),
            (objecttype.naam, adressen.pagina(code, naam)),
            *ouders,
            (gegeven.attribuut.naam, None),
        ),
        gegeven=gegeven,
        onderdelen=[stelsel.gegeven(code, naam, item) for item in gegeven.onderdelen],
        doel=lambda v: _doel(stelsel, v),
    )


@paginas_router.get("/zoeken")
async def zoeken(index: Index, q: str = "") -> Response:
    vraag = q.strip()
    values: dict[str, Any] = {"titel": "Zoeken", "kruimels": _kruimels(("Zoeken", None)), "q": q}
    if len(q) > MAX_ZOEKVRAAG:
        fout = f"De zoekvraag is te lang: ten hoogste {MAX_ZOEKVRAAG} tekens."
        return render("zoeken.html", status=400, fout=fout, treffers=None, **{**values, "q": q[:MAX_ZOEKVRAAG]})
    treffers = [(treffer, *adressen.treffer(treffer)) for treffer in index.zoek(vraag)] if vraag else None
    if vraag:
        values["titel"] = f"Zoeken naar ‘{vraag}’"
    return render("zoeken.html", fout=None, treffers=treffers, **values)


@paginas_router.get("/stelsel.svg", response_class=Response)
async def stelsel_svg(request: Request) -> Response:
    return Response(request.app.state.plaat, media_type="image/svg+xml")


@paginas_router.get("/stijl/stelselcatalogus.css", response_class=FileResponse)
async def stijl() -> FileResponse:
    return FileResponse(_STIJL, media_type="text/css; charset=utf-8", headers={"Cache-Control": ASSET_CACHE_CONTROL})


# ------------------------------------------------------------------------------ errors, in the same look
def fout_pagina(status: int, detail: str) -> HTMLResponse:
    """The error page for ``status``."""
    titel = FOUTTITELS.get(status, FOUTTITELS[500])
    return render(
        "fout.html", status=status, titel=titel, kruimels=_kruimels((titel, None)), status_code=status, detail=detail
    )


async def _niet_gevonden(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NietGevonden)
    return fout_pagina(404, exc.bericht)


async def _http_fout(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        return fout_pagina(405, f"Deze pagina kan alleen worden opgevraagd (GET), niet met {request.method}.")
    if exc.status_code == 404:
        return fout_pagina(404, f"Er is geen pagina op {request.url.path}.")
    return fout_pagina(
        exc.status_code if exc.status_code in FOUTTITELS else 400, "Het verzoek kon niet worden verwerkt."
    )


async def _ongeldig(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    names = ", ".join(dict.fromkeys(str(error.get("loc", ("?",))[-1]) for error in exc.errors()))
    return fout_pagina(400, f"Niet correct: {names}.")


async def _onverwacht(request: Request, exc: Exception) -> Response:
    return fout_pagina(500, "Er is een onverwachte fout opgetreden; probeer het later opnieuw.")


def stelselcatalogus_paginas(stelsel: Stelsel) -> Paginas:
    """The pages of the Stelselcatalogus over the declarations in ``stelsel``."""
    app = FastAPI(
        **telemetry_options(False),
        title=TITEL,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        default_response_class=HTMLResponse,
    )
    app.add_exception_handler(NietGevonden, _niet_gevonden)
    app.add_exception_handler(HTTPException, _http_fout)
    app.add_exception_handler(RequestValidationError, _ongeldig)
    app.add_exception_handler(Exception, _onverwacht)
    app.state.stelsel = stelsel
    app.state.zoekindex = Zoekindex(stelsel)
    app.state.plaat = plaat(stelsel)
    include_routes(app, paginas_router)
    return Paginas(adressen.PREFIX, TITEL, app, "De definities van de registers en hun verbindingen")
