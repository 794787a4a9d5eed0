# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of DigiD: the OpenID Provider (discovery, JWKS, authorize with its login page,
token, userinfo) under ``/digid``.

The login page is HTML in Dutch, without script, marked as a test environment; its policy lets the
form go to DigiD itself and the redirect after it to the relying party's registered address only.
The token endpoint and the userinfo answer JSON, their errors in the shape of RFC 6749 §5.2 and
RFC 6750 §3.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from opengdi.kernel.api import JSON_UTF8, JsonResponse
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import context
from opengdi.kernel.documentatie import ASSET_CACHE_CONTROL
from opengdi.kernel.openapi import declare_openapi, problem_responses, versioned_server
from opengdi.kernel.problems import PROBLEM_JSON
from opengdi.stelsel.digid import service
from opengdi.stelsel.digid.service import Eindpunten, InlogFout, OngeldigVerzoek, TokenFout

PREFIX = "/digid"
VERSION = "1.0.0"
TITEL = "DigiD"
_STIJL = Path(__file__).parent / "static" / "digid.css"
_STIJL_PAD = f"{PREFIX}/stijl.css"
_INLOGGEN = f"{PREFIX}/oidc/inloggen"
#: The security schemes of the document: the relying party at the token endpoint, its access token at the userinfo.
_CLIENT, _TOKEN = "dienst", "accessToken"
#: The parameters of an authorization request this provider reads.
_VERZOEK = (
    *("client_id", "redirect_uri", "response_type", "scope", "state", "nonce"),
    *("code_challenge", "code_challenge_method", "acr_values"),
)

digid_router = APIRouter(default_response_class=JsonResponse)
_omgeving = Environment(
    loader=PackageLoader("opengdi.stelsel.digid", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
)


def _nu() -> datetime:
    return datetime.now(UTC)


def _eindpunten(request: Request) -> Eindpunten:
    return Eindpunten(context(request).settings.base_url)


def _pagina(template: str, status: int, terug: str | None = None, **velden: Any) -> HTMLResponse:
    """A page, its forms allowed to DigiD and (after the login) to the relying party's ``terug`` only."""
    doel = "'self'" + (f" {urlsplit(terug).scheme}://{urlsplit(terug).netloc}" if terug else "")
    policy = (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"form-action {doel}; frame-ancestors 'none'"
    )
    html = _omgeving.get_template(template).render(stijl=_STIJL_PAD, **velden)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": policy})


def _foutpagina(bericht: str, status: int = 400) -> HTMLResponse:
    return _pagina("fout.html", status, titel="Inloggen lukt niet", bericht=bericht)


@digid_router.get("/.well-known/openid-configuration", include_in_schema=False)
async def configuratie(request: Request) -> dict[str, Any]:
    return service.discovery(_eindpunten(request))


@digid_router.get(
    "/oidc/jwks",
    summary="De sleutels waarmee ID tokens zijn ondertekend",
    tags=["OpenID Connect"],
    openapi_extra={"security": []},
)
async def jwks(request: Request) -> dict[str, Any]:
    return await service.jwks(context(request).database, _nu())


@digid_router.get("/stijl.css", include_in_schema=False)
async def stijl() -> Response:
    return FileResponse(_STIJL, media_type="text/css", headers={"Cache-Control": ASSET_CACHE_CONTROL})


def _vraag(request: Request) -> dict[str, str] | None:
    """The authorization request's parameters (``None`` when one is given more than once)."""
    items = request.query_params.multi_items()
    names = [name for name, _ in items]
    if any(names.count(name) > 1 for name in _VERZOEK):
        return None
    return {name: value for name, value in items if name in _VERZOEK}


@digid_router.get("/oidc/authorize", include_in_schema=False)
async def authorize(request: Request) -> Response:
    vraag = _vraag(request)
    if vraag is None:
        return _foutpagina("Een parameter van het inlogverzoek komt meer dan eens voor.")
    try:
        verzoek = await service.begin(context(request).database, vraag, _nu())
    except OngeldigVerzoek as fout:
        if fout.terug is None:
            return _foutpagina(fout.beschrijving)
        return RedirectResponse(fout.terug, status_code=303)
    return _inlogpagina(verzoek.sleutel, verzoek.client, verzoek.niveau.naam, vraag["redirect_uri"])


def _inlogpagina(
    sleutel: str, dienst: str, niveau: str, terug: str, fout: str | None = None, gebruikersnaam: str = ""
) -> HTMLResponse:
    return _pagina(
        "inloggen.html",
        401 if fout else 200,
        terug,
        titel="Inloggen met DigiD",
        dienst=dienst,
        niveau=niveau,
        verzoek=sleutel,
        actie=_INLOGGEN,
        fout=fout,
        gebruikersnaam=gebruikersnaam,
    )


@digid_router.post("/oidc/inloggen", include_in_schema=False)
async def inloggen(request: Request) -> Response:
    formulier = await request.form()
    velden = {naam: str(formulier.get(naam) or "") for naam in ("verzoek", "gebruikersnaam", "wachtwoord")}
    database = context(request).database
    try:
        terug = await service.inloggen(
            database, velden["verzoek"], velden["gebruikersnaam"], velden["wachtwoord"], _nu()
        )
    except InlogFout as fout:
        verzoek = await service.lopend_verzoek(database, velden["verzoek"], _nu())
        if verzoek is None:
            return _foutpagina(str(fout))
        return _inlogpagina(
            velden["verzoek"],
            verzoek.client,
            verzoek.niveau.naam,
            verzoek.terug,
            str(fout),
            velden["gebruikersnaam"][:64],
        )
    return RedirectResponse(terug, status_code=303)


def _oauth_fout(fout: TokenFout) -> JsonResponse:
    """An OAuth error (RFC 6749 §5.2, RFC 6750 §3) as problem+json with its ``error`` members."""
    headers = {"WWW-Authenticate": f'Bearer error="{fout.error}"'} if fout.status == 401 else None
    body = {
        "type": "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2",
        "title": "Geen token uitgegeven." if fout.status == 400 else "Niet geauthenticeerd.",
        "status": fout.status,
        "detail": fout.beschrijving,
        "code": fout.error,
        "error": fout.error,
        "error_description": fout.beschrijving,
    }
    return JsonResponse(body, status_code=fout.status, media_type=PROBLEM_JSON, headers=headers)


_TOKEN_SCHEMA = {
    "type": "object",
    "required": ["grant_type", "code", "redirect_uri", "code_verifier"],
    "properties": {
        "grant_type": {"type": "string", "enum": ["authorization_code"]},
        "code": {"type": "string"},
        "redirect_uri": {"type": "string"},
        "code_verifier": {"type": "string"},
        "client_id": {"type": "string"},
        "client_secret": {"type": "string"},
    },
}


@digid_router.post(
    "/oidc/token",
    summary="Een code inwisselen voor een ID token en een access token",
    tags=["OpenID Connect"],
    responses=problem_responses(401),
    openapi_extra={
        "security": [{_CLIENT: []}],
        "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": _TOKEN_SCHEMA}}},
        "responses": {"200": {"description": "De tokens", "content": {JSON_UTF8: {"schema": {"type": "object"}}}}},
    },
)
async def token(request: Request) -> Response:
    formulier = await request.form()
    velden = {naam: [str(value) for value in formulier.getlist(naam)] for naam in formulier}
    try:
        antwoord = await service.token(
            context(request).database,
            _eindpunten(request).issuer,
            velden,
            request.headers.get("authorization"),
            _nu(),
        )
    except TokenFout as fout:
        return _oauth_fout(fout)
    return JsonResponse(antwoord, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


@digid_router.get(
    "/oidc/userinfo",
    summary="Wie er met het access token is ingelogd",
    tags=["OpenID Connect"],
    responses=problem_responses(401),
)
async def userinfo(request: Request) -> Response:
    soort, _, waarde = request.headers.get("authorization", "").partition(" ")
    if soort.lower() != "bearer" or not waarde.strip():
        return _oauth_fout(TokenFout("invalid_token", "Geef het access token als Bearer-token.", 401))
    try:
        claims = await service.userinfo(context(request).database, _eindpunten(request).issuer, waarde.strip(), _nu())
    except TokenFout as fout:
        return _oauth_fout(fout)
    return JsonResponse(claims)


def digid_api() -> Api:
    """DigiD's OpenID Provider (:data:`digid_router`)."""
    app = api_app(
        TITEL,
        VERSION,
        "Inloggen met DigiD voor burgers (testomgeving), via OpenID Connect volgens het NL GOV Assurance "
        "profile: authorization code flow met PKCE (S256). De metadata staat op "
        f"{PREFIX}/.well-known/openid-configuration.",
    )
    include_routes(app, digid_router)
    declare_openapi(
        app,
        server=versioned_server(PREFIX, VERSION),
        security_schemes={
            _CLIENT: {"type": "http", "scheme": "basic", "description": "client_id en client secret van de dienst"},
            _TOKEN: {"type": "http", "scheme": "bearer", "description": "het access token van de token endpoint"},
        },
        security=[{_TOKEN: []}],
    )
    return Api(PREFIX, TITEL, VERSION, app, "inloggen voor burgers (OpenID Connect)")
