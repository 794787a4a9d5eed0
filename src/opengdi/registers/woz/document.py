# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document of the WOZ API: the Haal Centraal document as published
(``data/woz-bevragen-1.0.0.openapi.yaml``), served at this deployment with Digikoppeling as its
security. Its references to the Haal Centraal common document and the BAG API stay as published."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from opengdi.kernel.openapi import as_published, load_published
from opengdi.registers.woz.catalogus import SCOPE


def woz_openapi(prefix: str) -> dict[str, Any]:
    """The published document, served at ``prefix``."""
    text = files("opengdi.registers.woz").joinpath("data", "woz-bevragen-1.0.0.openapi.yaml").read_text("utf-8")
    return as_published(load_published(text), prefix, SCOPE, "WOZ-objecten raadplegen en zoeken")
