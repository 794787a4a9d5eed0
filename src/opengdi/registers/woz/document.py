# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document of the WOZ API: the Haal Centraal document as published
(``data/woz-bevragen-1.0.0.openapi.yaml``), served at this deployment with Digikoppeling as its
security. Its references to the Haal Centraal common document and the BAG API stay as published."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import yaml

from opengdi.registers.woz.catalogus import SCOPE


def woz_openapi(prefix: str) -> dict[str, Any]:
    """The published document, served at ``prefix``."""
    text = files("opengdi.registers.woz").joinpath("data", "woz-bevragen-1.0.0.openapi.yaml").read_text("utf-8")
    document: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(text), default=str))
    document["servers"] = [{"url": prefix, "description": "Open GDI"}]
    document.setdefault("components", {})["securitySchemes"] = {
        "digikoppeling": {
            "type": "oauth2",
            "description": "OAuth 2.0 client credentials met private_key_jwt (NL GOV), of een "
            "clientcertificaat; zie /digikoppeling/.well-known/oauth-authorization-server",
            "flows": {
                "clientCredentials": {
                    "tokenUrl": "/digikoppeling/oauth2/token",
                    "scopes": {SCOPE: "WOZ-objecten raadplegen en zoeken"},
                }
            },
        }
    }
    document["security"] = [{"digikoppeling": [SCOPE]}]
    return document
