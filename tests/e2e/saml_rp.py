# SPDX-License-Identifier: EUPL-1.2
"""A SAML service provider that is not Open GDI's code, for the browser tests of DigiD: a small web
application on OneLogin's python3-saml (:mod:`tests.saml_sp`), on ``localhost``. ``/inloggen``
sends the browser to DigiD with a signed AuthnRequest (``?niveau=`` an AuthnContextClassRef asks
for a level); ``/acs`` receives the artifact, resolves it with a signed ArtifactResolve in SOAP and
has python3-saml validate the Response, then shows the NameID and the level."""

from __future__ import annotations

import html
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn
from onelogin.saml2.auth import OneLogin_Saml2_Auth
from onelogin.saml2.response import OneLogin_Saml2_Response
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from starlette.applications import Starlette
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from tests import saml_sp


def _verzoek(request: Request) -> dict[str, Any]:
    """The request as python3-saml describes one."""
    return {
        "https": "off",
        "http_host": request.url.netloc,
        "script_name": request.url.path,
        "get_data": dict(request.query_params),
        "post_data": {},
    }


def _pagina(titel: str, inhoud: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{titel}</title></head>'
        f"<body><main><h1>{titel}</h1>{inhoud}</main></body></html>"
    )


def _app(digid: str, settings: dict[str, Any]) -> Starlette:
    async def inloggen(request: Request) -> Response:
        eigen = settings
        if "niveau" in request.query_params:
            eigen = {
                **settings,
                "security": {**settings["security"], "requestedAuthnContext": [request.query_params["niveau"]]},
            }
        auth = OneLogin_Saml2_Auth(_verzoek(request), eigen)
        url = auth.login(return_to="formulier")
        request.session["request_id"] = auth.get_last_request_id()
        return RedirectResponse(url)

    async def acs(request: Request) -> Response:
        bericht = saml_sp.artifact_resolve(settings, request.query_params["SAMLart"], f"{digid}/digid/saml/artifact")
        async with httpx.AsyncClient() as http:
            antwoord = await http.post(
                f"{digid}/digid/saml/artifact", content=bericht, headers={"Content-Type": "text/xml"}
            )
        gelezen = saml_sp.response_uit(antwoord.content)
        if gelezen is None:
            return _pagina("Inloggen mislukt", '<p id="fout">geen Response</p>')
        response = OneLogin_Saml2_Response(OneLogin_Saml2_Settings(settings), gelezen)
        if not response.is_valid(_verzoek(request), request_id=request.session.get("request_id")):
            return _pagina("Inloggen mislukt", f'<p id="fout">{html.escape(str(response.get_error()))}</p>')
        inhoud = f'<p id="nameid">{html.escape(response.get_nameid())}</p>'
        inhoud += f'<p id="niveau">{html.escape(response.get_authn_contexts()[0])}</p>'
        return _pagina("Ingelogd", inhoud)

    app = Starlette(routes=[Route("/inloggen", inloggen), Route("/acs", acs)])
    app.add_middleware(SessionMiddleware, secret_key=secrets.token_urlsafe(32), same_site="lax")
    return app


@contextmanager
def service_provider(digid: str, settings: dict[str, Any], port: int) -> Iterator[str]:
    """The service provider on ``localhost:port`` until the block ends; its address."""
    server = uvicorn.Server(uvicorn.Config(_app(digid, settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://localhost:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
