# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI document of the WOZ API: the Haal Centraal document as published
(``data/woz-bevragen-1.0.0.openapi.yaml``), served at this deployment with Digikoppeling as its
security, and bundled: what it refers to in the Haal Centraal common document (1.3.0, package data)
is copied in, and the BAG API's ``Adres`` (v1.1.0, not among the published documents we hold) is
declared with the members the WOZ answers, so the interactive documentation fetches nothing from
outside."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from opengdi.kernel.openapi import as_published, bundle, load_published
from opengdi.registers.woz.catalogus import SCOPE

_COMMON = "https://raw.githubusercontent.com/VNG-Realisatie/Haal-Centraal-common/v1.3.0/api-specificatie/common.yaml"
_BAG = "https://raw.githubusercontent.com/VNG-Realisatie/Haal-Centraal-BAG-bevragen/v1.1.0/specificatie/openapi.yaml"
#: The BAG API's address as the WOZ's ``aanduiding`` extends it: the members Open GDI answers.
_BAG_ADRES = {
    "components": {
        "schemas": {
            "Adres": {
                "type": "object",
                "description": "Een adres uit de BAG (de leden die Open GDI levert).",
                "properties": {
                    "straat": {"type": "string"},
                    "korteNaam": {"type": "string"},
                    "huisnummer": {"type": "integer"},
                    "huisletter": {"type": "string"},
                    "huisnummertoevoeging": {"type": "string"},
                    "postcode": {"type": "string"},
                    "woonplaats": {"type": "string"},
                },
            }
        }
    }
}


def _data(name: str) -> dict[str, Any]:
    return load_published(files("opengdi.registers.woz").joinpath("data", name).read_text("utf-8"))


def woz_openapi(prefix: str) -> dict[str, Any]:
    """The published document, bundled, served at ``prefix``."""
    document = bundle(
        _data("woz-bevragen-1.0.0.openapi.yaml"),
        {_COMMON: _data("haal-centraal-common-1.3.0.yaml"), _BAG: _BAG_ADRES},
    )
    return as_published(document, prefix, SCOPE, "WOZ-objecten raadplegen en zoeken")
