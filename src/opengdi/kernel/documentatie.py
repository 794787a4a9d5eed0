# SPDX-License-Identifier: EUPL-1.2
"""The interactive documentation of every API, served entirely by the GDI itself.

Each API answers ``/docs`` with a Dutch page that runs Swagger UI on the API's own OpenAPI
document, and ``/docs/<file>`` with the few files that page needs: Swagger UI's script, style sheet
and icon from the installed ``swagger-ui-bundle-v2`` package, and a small start script of our own.
Nothing comes from a CDN or any other outside address, so the page works on a machine without
internet. The page has no inline script or style: the start script reads the OpenAPI address from
a data attribute, so the Content-Security-Policy of :mod:`opengdi.kernel.beveiliging` can forbid
inline code.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse
from swagger_ui_bundle import swagger_ui_path

DOCS_PATH = "/docs"
#: How long a browser may keep the documentation files (they change only with an upgrade).
ASSET_CACHE_CONTROL = "public, max-age=86400"

_SWAGGER_UI = Path(str(swagger_ui_path))
_JS = "text/javascript; charset=utf-8"
#: The files under ``/docs/``, by name: where they are and their media type.
ASSETS: dict[str, tuple[Path, str]] = {
    "swagger-ui-bundle.js": (_SWAGGER_UI / "swagger-ui-bundle.js", _JS),
    "swagger-ui.css": (_SWAGGER_UI / "swagger-ui.css", "text/css; charset=utf-8"),
    "favicon-32x32.png": (_SWAGGER_UI / "favicon-32x32.png", "image/png"),
    "gdi-docs.js": (Path(__file__).parent / "data" / "gdi-docs.js", _JS),
}


#: Images on outside servers in an OpenAPI description: an HTML ``<img>`` (also inside a Markdown link)
#: or a Markdown image with an absolute address.
_OUTSIDE_IMAGES = (
    re.compile(r"\[\s*<img\b[^>]*\bsrc=[\"']https?://[^>]*>\s*\]\([^)]*\)"),
    re.compile(r"<img\b[^>]*\bsrc=[\"']https?://[^>]*>"),
    re.compile(r"!\[[^\]]*\]\(\s*https?://[^)]*\)"),
)


def without_outside_images(markdown: str) -> str:
    """``markdown`` without images from outside servers, which the documentation page may not load."""
    for pattern in _OUTSIDE_IMAGES:
        markdown = pattern.sub("", markdown)
    return markdown.rstrip() + "\n"


def docs_page(title: str, openapi_url: str, assets_url: str) -> str:
    """The HTML of the documentation page of the API ``title``."""
    title, openapi_url, assets_url = escape(title), escape(openapi_url), escape(assets_url)
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – interactieve documentatie</title>
<link rel="icon" type="image/png" href="{assets_url}/favicon-32x32.png">
<link rel="stylesheet" href="{assets_url}/swagger-ui.css">
</head>
<body>
<noscript>Deze pagina heeft JavaScript nodig. Het OpenAPI-document staat op
<a href="{openapi_url}">{openapi_url}</a>.</noscript>
<div id="swagger-ui" data-openapi-url="{openapi_url}"></div>
<script src="{assets_url}/swagger-ui-bundle.js"></script>
<script src="{assets_url}/gdi-docs.js"></script>
</body>
</html>
"""


def install_docs(app: FastAPI) -> None:
    """Serve the interactive documentation of ``app`` under :data:`DOCS_PATH`."""
    if app.openapi_url is None:
        return
    openapi_path = app.openapi_url

    async def page(request: Request) -> HTMLResponse:
        root = str(request.scope.get("root_path", "")).rstrip("/")
        return HTMLResponse(docs_page(app.title, f"{root}{openapi_path}", f"{root}{DOCS_PATH}"))

    async def asset(bestand: str) -> FileResponse:
        if bestand not in ASSETS:
            raise HTTPException(status_code=404)
        path, media_type = ASSETS[bestand]
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": ASSET_CACHE_CONTROL})

    app.add_api_route(DOCS_PATH, page, methods=["GET"], include_in_schema=False)
    app.add_api_route(f"{DOCS_PATH}/{{bestand}}", asset, methods=["GET"], include_in_schema=False)
