# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of DigiD under ``/digid``: the OpenID Provider (discovery, JWKS, authorize with the
pages of the login, token, userinfo, logout), Mijn DigiD (the account's own page: its means, its
logins, activating the app) and the simulated phone that receives the text messages.

The pages are HTML in Dutch, without script, marked as a test environment; their policy lets forms
go to DigiD itself and the redirect after a login to the relying party's registered address only.
Two cookies, both ``HttpOnly`` and ``SameSite=Lax`` for DigiD's paths only: one binds the forms of a
login to the browser that started it, one holds the session. The token endpoint and the userinfo
answer JSON, their errors in the shape of RFC 6749 §5.2 and RFC 6750 §3.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import segno
from fastapi import APIRouter, Request
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from opengdi.kernel.api import JSON_UTF8, JsonResponse
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import context
from opengdi.kernel.db import Database
from opengdi.kernel.documentatie import ASSET_CACHE_CONTROL
from opengdi.kernel.fouten import NietGevonden, OngeldigeInvoer
from opengdi.kernel.openapi import (
    METADATA_URL,
    TOKEN_URL,
    declare_openapi,
    problem_responses,
    requirement,
    security_schemes,
    versioned_server,
)
from opengdi.kernel.problems import PROBLEM_JSON
from opengdi.kernel.transacties import mark_afnemer
from opengdi.stelsel.digid import aanmelden, accounts, diensten, machtigen, saml, samlidp, service, totp
from opengdi.stelsel.digid.beheer import beheer_router
from opengdi.stelsel.digid.catalogus import SCOPE
from opengdi.stelsel.digid.diensten import TokenFout
from opengdi.stelsel.digid.niveaus import Niveau
from opengdi.stelsel.digid.saml import SamlFout
from opengdi.stelsel.digid.service import Eindpunten, OngeldigVerzoek

PREFIX = "/digid"
VERSION = "1.0.0"
TITEL = "DigiD"
_STIJL = Path(__file__).parent / "static" / "digid.css"
_STIJL_PAD = f"{PREFIX}/stijl.css"
_INLOGGEN, _KIEZEN, _CODE = f"{PREFIX}/oidc/inloggen", f"{PREFIX}/oidc/tweede-stap", f"{PREFIX}/oidc/code"
_UITLOGGEN, _TESTTELEFOON, _NAMENS = f"{PREFIX}/oidc/uitloggen", f"{PREFIX}/testtelefoon", f"{PREFIX}/oidc/namens"
_MIJN, _MIJN_APP, _MIJN_UIT = aanmelden.MIJN_PAD, f"{PREFIX}/mijn/app", f"{PREFIX}/mijn/uitloggen"
_MIJN_MACHTIGEN = f"{PREFIX}/mijn/machtigingen"
_VERZOEKCOOKIE, _SESSIE = "digid_verzoek", "digid_sessie"
#: The security schemes of the document: the relying party at the token endpoint, its access token at the userinfo.
_CLIENT, _TOKEN = "dienst", "accessToken"
#: The parameters of an authorization request this provider reads.
_VERZOEK = (
    *("client_id", "redirect_uri", "response_type", "scope", "state", "nonce"),
    *("code_challenge", "code_challenge_method", "acr_values", "prompt"),
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
    delen = urlsplit(terug or "")
    doel = "'self'" + (f" {delen.scheme}://{delen.netloc}" if delen.scheme and delen.netloc else "")
    policy = (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"form-action {doel}; frame-ancestors 'none'"
    )
    html = _omgeving.get_template(template).render(stijl=_STIJL_PAD, moment=_moment, terug=terug, **velden)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": policy})


def _moment(waarde: datetime) -> str:
    """A moment as the pages show it: Dutch order, the server's time zone."""
    return (waarde if waarde.tzinfo else waarde.replace(tzinfo=UTC)).astimezone().strftime("%d-%m-%Y %H:%M")


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


def _vraag(request: Request, namen: Sequence[str]) -> dict[str, str] | None:
    """The request's parameters ``namen`` (``None`` when one is given more than once or holds a NUL)."""
    items = request.query_params.multi_items()
    gegeven = [name for name, _ in items]
    if any(gegeven.count(name) > 1 for name in namen) or any("\x00" in value for _, value in items):
        return None
    return {name: value for name, value in items if name in namen}


def _cookie(response: Response, request: Request, naam: str, waarde: str | None) -> None:
    """Set (or with ``None`` remove) a cookie of DigiD: only for its own paths, never for scripts,
    not sent along by other sites' forms, over https only where DigiD is served over https."""
    if waarde is None:
        response.delete_cookie(naam, path=PREFIX)
        return
    veilig = request.url.scheme == "https"
    response.set_cookie(naam, waarde, path=PREFIX, httponly=True, samesite="lax", secure=veilig)


def _weigering(request: Request) -> aanmelden.Weigering:
    return aanmelden.weigering_uit(context(request).personen)


@digid_router.get("/oidc/authorize", include_in_schema=False)
async def authorize(request: Request) -> Response:
    vraag = _vraag(request, _VERZOEK)
    if vraag is None:
        return _foutpagina("Een parameter van het inlogverzoek komt meer dan eens voor of is onleesbaar.")
    try:
        stap = await service.begin(
            context(request).database, vraag, request.cookies.get(_SESSIE), _weigering(request), _nu()
        )
    except OngeldigVerzoek as fout:
        if fout.terug is None:
            return _foutpagina(fout.beschrijving)
        return RedirectResponse(fout.terug, status_code=303)
    return _toon(request, stap)


_MIDDELEN = {aanmelden.SMS: "Sms-code op uw telefoon", aanmelden.APP: "DigiD app"}


def _toon(request: Request, stap: aanmelden.Stap) -> Response:
    """The page of a step of the login, or the redirect that ends it (with the cookies it sets)."""
    if isinstance(stap, aanmelden.Doorsturen):
        response: Response = RedirectResponse(stap.url, status_code=303)
        _cookie(response, request, _VERZOEKCOOKIE, None)
        if stap.sessie is not None:
            _cookie(response, request, _SESSIE, stap.sessie)
        return response
    if isinstance(stap, aanmelden.Afgebroken):
        response = _pagina("fout.html", 400, titel="Inloggen lukt niet", bericht=stap.bericht, terug=stap.terug)
        _cookie(response, request, _VERZOEKCOOKIE, None)
        return response
    verzoek = stap.verzoek
    gemeen = {"dienst": verzoek.dienst, "niveau": verzoek.niveau.naam, "verzoek": verzoek.sleutel}
    if isinstance(stap, aanmelden.Wachtwoord):
        response = _pagina(
            "inloggen.html",
            401 if stap.fout else 200,
            verzoek.terug,
            titel="Inloggen met DigiD",
            actie=_INLOGGEN,
            fout=stap.fout,
            gebruikersnaam=stap.gebruikersnaam,
            **gemeen,
        )
        _cookie(response, request, _VERZOEKCOOKIE, verzoek.sleutel)
        return response
    if isinstance(stap, aanmelden.Namens):
        response = _pagina(
            "namens.html", 200, verzoek.terug, titel="Voor wie logt u in?", actie=_NAMENS, keuzes=stap.keuzes, **gemeen
        )
        if stap.sessie is not None:
            _cookie(response, request, _SESSIE, stap.sessie)
        return response
    if isinstance(stap, aanmelden.Keuze):
        middelen = [(middel, _MIDDELEN[middel]) for middel in stap.middelen]
        return _pagina(
            "keuze.html", 200, verzoek.terug, titel="Tweede stap", actie=_KIEZEN, middelen=middelen, **gemeen
        )
    return _pagina(
        "code.html",
        401 if stap.fout else 200,
        verzoek.terug,
        titel="Sms-code invullen" if stap.middel == aanmelden.SMS else "Code uit de DigiD app",
        actie=_CODE,
        middel=stap.middel,
        telefoon=stap.telefoon,
        testtelefoon=_TESTTELEFOON,
        fout=stap.fout,
        **gemeen,
    )


async def _formulier(request: Request, *namen: str) -> dict[str, str]:
    formulier = await request.form()
    return {naam: str(formulier.get(naam) or "")[:256] for naam in namen}


def _eigen_verzoek(request: Request, velden: Mapping[str, str]) -> str | None:
    """The key of the request the form is for, if this browser started it (its cookie says so)."""
    sleutel, cookie = velden.get("verzoek", ""), request.cookies.get(_VERZOEKCOOKIE, "")
    if not sleutel or not hmac.compare_digest(sleutel.encode(), cookie.encode()):
        return None
    return sleutel


_VREEMD = aanmelden.Afgebroken(
    "Dit formulier hoort niet bij een inlogverzoek van deze browser. Sta cookies toe en begin opnieuw bij de dienst."
)


async def _formulierstap(
    request: Request, namen: Sequence[str], stap: Callable[[Database, str, dict[str, str]], Awaitable[aanmelden.Stap]]
) -> Response:
    """A form of the login: its fields ``namen``, for the request this browser started (else refused), to ``stap``."""
    velden = await _formulier(request, "verzoek", *namen)
    sleutel = _eigen_verzoek(request, velden)
    if sleutel is None:
        return _toon(request, _VREEMD)
    return _toon(request, await stap(context(request).database, sleutel, velden))


@digid_router.post("/oidc/inloggen", include_in_schema=False)
async def inloggen(request: Request) -> Response:
    return await _formulierstap(
        request,
        ("gebruikersnaam", "wachtwoord"),
        lambda database, sleutel, velden: aanmelden.met_wachtwoord(
            database,
            sleutel,
            velden["gebruikersnaam"],
            velden["wachtwoord"],
            weigering=_weigering(request),
            nu=_nu(),
            oud=request.cookies.get(_SESSIE),
        ),
    )


@digid_router.post("/oidc/tweede-stap", include_in_schema=False)
async def tweede_stap(request: Request) -> Response:
    return await _formulierstap(
        request,
        ("middel",),
        lambda database, sleutel, velden: aanmelden.kies(database, sleutel, velden["middel"], _nu()),
    )


@digid_router.post("/oidc/code", include_in_schema=False)
async def code(request: Request) -> Response:
    return await _formulierstap(
        request,
        ("middel", "code"),
        lambda database, sleutel, velden: aanmelden.met_code(
            database, sleutel, velden["middel"], velden["code"], nu=_nu(), oud=request.cookies.get(_SESSIE)
        ),
    )


@digid_router.post("/oidc/namens", include_in_schema=False)
async def namens(request: Request) -> Response:
    return await _formulierstap(
        request,
        ("namens",),
        lambda database, sleutel, velden: aanmelden.kies_namens(
            database, sleutel, velden["namens"], _weigering(request), _nu()
        ),
    )


_UITLOGGEN_VRAAG = ("id_token_hint", "post_logout_redirect_uri", "state", "client_id")


@digid_router.get("/oidc/uitloggen", include_in_schema=False)
async def uitloggen(request: Request) -> Response:
    vraag = _vraag(request, _UITLOGGEN_VRAAG)
    if vraag is None:
        return _foutpagina("Een parameter van het uitlogverzoek komt meer dan eens voor of is onleesbaar.")
    sessie = request.cookies.get(_SESSIE)
    klaar = await service.uitloggen(context(request).database, vraag, sessie, False, _nu())
    if klaar is None:
        formulier = {"actie": _UITLOGGEN, "knop": "Uitloggen", "velden": sorted(vraag.items())}
        return _pagina(
            "melding.html", 200, titel="Uitloggen", bericht="Wilt u uitloggen bij DigiD?", formulier=formulier
        )
    return _uitgelogd(request, klaar)


@digid_router.post("/oidc/uitloggen", include_in_schema=False)
async def uitloggen_bevestigd(request: Request) -> Response:
    vraag = {naam: waarde for naam, waarde in (await _formulier(request, *_UITLOGGEN_VRAAG)).items() if waarde}
    klaar = await service.uitloggen(context(request).database, vraag, request.cookies.get(_SESSIE), True, _nu())
    assert klaar is not None
    return _uitgelogd(request, klaar)


def _uitgelogd(request: Request, klaar: service.Uitgelogd) -> Response:
    if klaar.terug is not None:
        response: Response = RedirectResponse(klaar.terug, status_code=303)
    else:
        response = _pagina(
            "melding.html", 200, titel="Uitgelogd", bericht="U bent uitgelogd bij DigiD.", formulier=None
        )
    _cookie(response, request, _SESSIE, None)
    return response


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
        "client_assertion_type": {"type": "string"},
        "client_assertion": {"type": "string", "description": "private_key_jwt (RFC 7523)"},
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
        antwoord, client = await service.token(
            context(request).database,
            _eindpunten(request).issuer,
            velden,
            request.headers.get("authorization"),
            _nu(),
        )
    except TokenFout as fout:
        return _oauth_fout(fout)
    mark_afnemer(request.scope, "organisatie", client.oin)
    return JsonResponse(antwoord, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


@digid_router.get(
    "/oidc/userinfo",
    summary="Wie er met het access token is ingelogd",
    tags=["OpenID Connect"],
    responses=problem_responses(401),
    openapi_extra={"security": [{_TOKEN: []}]},
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


_SAML_VRAAG = ("SAMLRequest", "RelayState", "SigAlg", "Signature")
_SAML_XML = "application/samlmetadata+xml"
#: The largest SOAP message an ArtifactResolve may be.
_SOAP_MAX = 64 * 1024


@digid_router.get("/saml/metadata", include_in_schema=False)
async def saml_metadata(request: Request) -> Response:
    inhoud = await samlidp.metadata(context(request).database, _eindpunten(request).issuer, _nu())
    return Response(inhoud, media_type=_SAML_XML)


@digid_router.get("/saml/sso", include_in_schema=False)
async def saml_sso(request: Request) -> Response:
    vraag = _vraag(request, _SAML_VRAAG)
    if vraag is None:
        return _foutpagina("Een parameter van het inlogverzoek komt meer dan eens voor of is onleesbaar.")
    try:
        stap = await samlidp.begin(
            context(request).database,
            _eindpunten(request).issuer,
            vraag,
            request.url.query,
            sessie=request.cookies.get(_SESSIE),
            weigering=_weigering(request),
            nu=_nu(),
        )
    except SamlFout as fout:
        return _foutpagina(str(fout))
    return _toon(request, stap)


@digid_router.get("/saml/uitloggen", include_in_schema=False)
async def saml_uitloggen(request: Request) -> Response:
    vraag = _vraag(request, _SAML_VRAAG)
    if vraag is None:
        return _foutpagina("Een parameter van het uitlogverzoek komt meer dan eens voor of is onleesbaar.")
    try:
        terug = await samlidp.uitloggen(
            context(request).database,
            _eindpunten(request).issuer,
            vraag,
            request.url.query,
            sessie=request.cookies.get(_SESSIE),
            nu=_nu(),
        )
    except SamlFout as fout:
        return _foutpagina(str(fout))
    return _uitgelogd(request, service.Uitgelogd(terug))


@digid_router.post("/saml/artifact", include_in_schema=False)
async def saml_artifact(request: Request) -> Response:
    bericht = await request.body()
    if len(bericht) > _SOAP_MAX:
        return Response(saml.soap_fout("Het bericht is te groot."), status_code=413, media_type="text/xml")
    try:
        opgelost = await samlidp.los_op(context(request).database, _eindpunten(request).issuer, bericht, _nu())
    except SamlFout as fout:
        return Response(saml.soap_fout(str(fout)), status_code=400, media_type="text/xml")
    mark_afnemer(request.scope, "organisatie", opgelost.oin)
    return Response(opgelost.bericht, media_type="text/xml")


async def _mijn_pagina(request: Request, melding: str | None = None, fout: str | None = None) -> Response:
    database = context(request).database
    mijn = await accounts.mijn_digid(database, request.cookies.get(_SESSIE), _nu())
    if mijn is None:
        return _toon(request, await aanmelden.mijn_verzoek(database, _nu()))
    telefoon = aanmelden.afgeschermd(mijn.telefoonnummer) if mijn.telefoonnummer else None
    machtigingen = await machtigen.van(database, mijn.bsn)
    return _pagina(
        "mijn.html",
        400 if fout else 200,
        titel="Mijn DigiD",
        mijn=mijn,
        telefoon=telefoon,
        melding=melding,
        fout=fout,
        gegeven=[item for item in machtigingen if item.volmachtgever == mijn.bsn],
        ontvangen=[item for item in machtigingen if item.gemachtigde == mijn.bsn],
        diensten=[(client.client_id, client.naam) for client in await diensten.lijst(database, None)],
        rollen=aanmelden.ROLLEN,
        app_actie=_MIJN_APP,
        uitlog_actie=_MIJN_UIT,
        machtig_actie=_MIJN_MACHTIGEN,
        intrek_actie=f"{_MIJN_MACHTIGEN}/intrekken",
    )


@digid_router.post("/mijn/machtigingen", include_in_schema=False)
async def machtig(request: Request) -> Response:
    velden = await _formulier(request, "csrf", "gemachtigde", "dienst")
    database = context(request).database
    try:
        bsn = await accounts.houder(database, request.cookies.get(_SESSIE), velden["csrf"], _nu())
        await machtigen.geef(
            database,
            machtigen.MACHTIGING,
            bsn,
            velden["gemachtigde"].strip(),
            velden["dienst"],
            weigering=_weigering(request),
            nu=_nu(),
        )
    except accounts.SessieFout as fout:
        return _sessiefout(fout)
    except OngeldigeInvoer as ongeldig:
        return await _mijn_pagina(request, fout=ongeldig.parameters[0].reason)
    return await _mijn_pagina(request, f"De persoon met burgerservicenummer {velden['gemachtigde']} is gemachtigd.")


@digid_router.post("/mijn/machtigingen/intrekken", include_in_schema=False)
async def trek_in(request: Request) -> Response:
    velden = await _formulier(request, "csrf", "machtiging")
    database = context(request).database
    try:
        bsn = await accounts.houder(database, request.cookies.get(_SESSIE), velden["csrf"], _nu())
        if not velden["machtiging"].isdigit() or len(velden["machtiging"]) > 9:
            raise NietGevonden("onbekende machtiging")
        await machtigen.trek_in(database, int(velden["machtiging"]), bsn, _nu())
    except accounts.SessieFout as fout:
        return _sessiefout(fout)
    except NietGevonden:
        return await _mijn_pagina(request, fout="Deze machtiging bestaat niet (meer).")
    return await _mijn_pagina(request, "De machtiging is ingetrokken.")


@digid_router.get("/mijn", include_in_schema=False)
async def mijn(request: Request) -> Response:
    return await _mijn_pagina(request)


def _app_pagina(geheim: str, gebruikersnaam: str, csrf: str, fout: str | None = None) -> HTMLResponse:
    uri = totp.otpauth_uri(geheim, accounts.UITGEVER, gebruikersnaam)
    qr = segno.make(uri, error="m").svg_inline(scale=5, title="QR-code om de DigiD app te activeren")
    niveaus = [(niveau.naam, omschrijving) for niveau, omschrijving in accounts.APP_NIVEAUS.items()]
    return _pagina(
        "app.html",
        400 if fout else 200,
        titel="DigiD app activeren",
        geheim=geheim,
        qr=qr,
        csrf=csrf,
        niveaus=niveaus,
        actie=f"{_MIJN_APP}/bevestigen",
        fout=fout,
    )


def _sessiefout(fout: accounts.SessieFout) -> HTMLResponse:
    return _pagina("fout.html", 403, titel="Mijn DigiD", bericht=str(fout), terug=_MIJN)


@digid_router.post("/mijn/app", include_in_schema=False)
async def app_activeren(request: Request) -> Response:
    velden = await _formulier(request, "csrf")
    database, sessie = context(request).database, request.cookies.get(_SESSIE)
    try:
        geheim = await accounts.begin_app(database, sessie, velden["csrf"], _nu())
    except accounts.SessieFout as fout:
        return _sessiefout(fout)
    mijn = await accounts.mijn_digid(database, sessie, _nu())
    assert mijn is not None
    return _app_pagina(geheim, mijn.gebruikersnaam, mijn.csrf)


@digid_router.post("/mijn/app/bevestigen", include_in_schema=False)
async def app_bevestigen(request: Request) -> Response:
    velden = await _formulier(request, "csrf", "code", "niveau")
    database, sessie = context(request).database, request.cookies.get(_SESSIE)
    try:
        fout = await accounts.bevestig_app(
            database, sessie, velden["csrf"], velden["code"], niveau=Niveau.van(velden["niveau"]), nu=_nu()
        )
    except accounts.SessieFout as sessiefout:
        return _sessiefout(sessiefout)
    if fout is None:
        return await _mijn_pagina(request, "De DigiD app is geactiveerd.")
    mijn = await accounts.mijn_digid(database, sessie, _nu())
    if mijn is None or mijn.app_geheim is None:
        return _sessiefout(accounts.SessieFout(fout))
    return _app_pagina(mijn.app_geheim, mijn.gebruikersnaam, mijn.csrf, fout)


@digid_router.post("/mijn/uitloggen", include_in_schema=False)
async def mijn_uitloggen(request: Request) -> Response:
    velden = await _formulier(request, "csrf")
    try:
        await accounts.uitloggen(context(request).database, request.cookies.get(_SESSIE), velden["csrf"], _nu())
    except accounts.SessieFout as fout:
        return _sessiefout(fout)
    return _uitgelogd(request, service.Uitgelogd(None))


@digid_router.get("/testtelefoon", include_in_schema=False)
async def testtelefoon(request: Request) -> Response:
    nummer = (_vraag(request, ("nummer",)) or {}).get("nummer", "").replace(" ", "").replace("-", "")[:20]
    berichten: list[tuple[datetime, str]] = []
    fout = None
    if nummer:
        try:
            berichten = await accounts.berichten(context(request).database, nummer, _nu() - timedelta(minutes=15))
        except OngeldigeInvoer as ongeldig:
            fout = ongeldig.parameters[0].reason
    return _pagina(
        "testtelefoon.html",
        400 if fout else 200,
        titel="Testtelefoon",
        actie=_TESTTELEFOON,
        nummer=nummer,
        berichten=berichten,
        fout=fout,
    )


def digid_api() -> Api:
    """DigiD's OpenID Provider (:data:`digid_router`)."""
    app = api_app(
        TITEL,
        VERSION,
        "Inloggen met DigiD voor burgers (testomgeving), via OpenID Connect volgens het NL GOV Assurance "
        "profile: authorization code flow met PKCE (S256). De metadata staat op "
        f"{PREFIX}/.well-known/openid-configuration. Organisaties sluiten hun diensten aan via de beheer-API.",
    )
    include_routes(app, digid_router)
    include_routes(app, beheer_router)
    declare_openapi(
        app,
        server=versioned_server(PREFIX, VERSION),
        security_schemes={
            _CLIENT: {"type": "http", "scheme": "basic", "description": "client_id en client secret van de dienst"},
            _TOKEN: {"type": "http", "scheme": "bearer", "description": "het access token van de token endpoint"},
            **security_schemes(TOKEN_URL, METADATA_URL, {SCOPE: "Diensten op DigiD aansluiten en beheren"}),
        },
        security=requirement(SCOPE),
    )
    return Api(PREFIX, TITEL, VERSION, app, "inloggen voor burgers (OpenID Connect)")
