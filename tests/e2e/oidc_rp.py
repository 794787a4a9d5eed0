# SPDX-License-Identifier: EUPL-1.2
"""A relying party that is not Open GDI's code, for the browser tests of DigiD: a small web
application on Authlib's Starlette client, as a supplier would write one. It reads DigiD's
discovery document, sends the browser to the authorization endpoint (PKCE S256, ``state`` and
``nonce`` made by Authlib), takes the code back, has Authlib fetch and validate the ID token, and
shows what it learnt; it logs out through DigiD's ``end_session_endpoint``. It runs in a thread on
``localhost`` (a different site from the DigiD server on 127.0.0.1, as in real life)."""

from __future__ import annotations

import html
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import uvicorn
from authlib.integrations.starlette_client import OAuth, OAuthError
from starlette.applications import Starlette
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route


@dataclass(frozen=True, slots=True)
class RelyingParty:
    """Where the relying party listens, and the addresses it registered at DigiD."""

    url: str

    @property
    def redirect_uri(self) -> str:
        return f"{self.url}/klaar"

    @property
    def uitgelogd(self) -> str:
        return f"{self.url}/uitgelogd"


def _pagina(titel: str, inhoud: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{titel}</title></head>'
        f"<body><main><h1>{titel}</h1>{inhoud}</main></body></html>"
    )


def _app(digid: str, client_id: str, client_secret: str, rp: RelyingParty) -> Starlette:
    oauth = OAuth()
    oauth.register(
        "digid",
        client_id=client_id,
        client_secret=client_secret,
        server_metadata_url=f"{digid}/digid/.well-known/openid-configuration",
        client_kwargs={"scope": "openid", "code_challenge_method": "S256"},
    )

    async def inloggen(request: Request) -> Response:
        extra = {"acr_values": request.query_params["acr"]} if "acr" in request.query_params else {}
        redirect = request.query_params.get("terug", rp.redirect_uri)
        return await oauth.digid.authorize_redirect(request, redirect, **extra)  # type: ignore[no-any-return]

    async def klaar(request: Request) -> Response:
        try:
            token = await oauth.digid.authorize_access_token(request)
        except OAuthError as fout:
            return _pagina("Inloggen mislukt", f'<p id="fout">{html.escape(fout.error)}</p>')
        claims = token["userinfo"]  # the ID token, validated by Authlib (signature, iss, aud, exp, nonce)
        request.session["id_token"] = token["id_token"]
        regels = "".join(f'<p id="{naam}">{html.escape(str(claims[naam]))}</p>' for naam in ("bsn", "acr", "sub"))
        namens = claims.get("urn:nl-eid-gdi:1.0:LegalSubjectID")  # DigiD Machtigen: whom the person represents
        if namens:
            regels += f'<p id="namens">{html.escape(namens)}</p>'
        return _pagina("Ingelogd", regels)

    async def uitloggen(request: Request) -> Response:
        metadata = await oauth.digid.load_server_metadata()
        state = secrets.token_urlsafe(16)
        request.session["uitlog_state"] = state
        vraag = {"id_token_hint": request.session.pop("id_token", ""), "post_logout_redirect_uri": rp.uitgelogd}
        return RedirectResponse(f"{metadata['end_session_endpoint']}?{urlencode(vraag | {'state': state})}")

    async def uitgelogd(request: Request) -> Response:
        goed = request.query_params.get("state") == request.session.pop("uitlog_state", None)
        return _pagina("Uitgelogd", f'<p id="state">{"klopt" if goed else "klopt niet"}</p>')

    routes = [
        Route("/inloggen", inloggen),
        Route("/klaar", klaar),
        Route("/uitloggen", uitloggen),
        Route("/uitgelogd", uitgelogd),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(SessionMiddleware, secret_key=secrets.token_urlsafe(32), same_site="lax")
    return app


@contextmanager
def relying_party(digid: str, client_id: str, client_secret: str, port: int) -> Iterator[RelyingParty]:
    """The relying party on ``localhost:port``, logging in at the DigiD of ``digid``, until the block ends."""
    rp = RelyingParty(f"http://localhost:{port}")
    config = uvicorn.Config(_app(digid, client_id, client_secret, rp), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield rp
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def registratie(rp: RelyingParty) -> dict[str, Any]:
    """The body with which the relying party is connected through DigiD's beheer API."""
    return {
        "naam": "Gemeente Proefstad: testdienst",
        "redirectUris": [rp.redirect_uri],
        "postLogoutRedirectUris": [rp.uitgelogd],
    }
