# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI documents of the Handelsregister's APIs: the Haal Centraal HR API's as published
(:func:`hr_openapi`), and that of the KvK APIs at ``/kvk/api``: the KvK's published documents of
Basisprofiel 1.3, Vestigingsprofiel 1.4 and Zoeken 1.3 and 2.0.0 (``data/kvk``), merged as
published into one document for the one root they share (``https://api.kvk.nl/test/api``).

Each document's paths are placed below the root as the document's own server places them
(``/zoeken`` of Zoeken 2.0.0 at ``/v2/zoeken``); its component schemas get the document's name in
front (``ZoekenV2Adres``: the documents each define an ``Adres`` of their own) with every reference
rewritten. Beside the KvK's ``apikey`` (a key Digikoppeling issues to an organisation), the
document declares Digikoppeling's OAuth 2.0.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from opengdi.kernel.openapi import TOKEN_SCHEME, as_published, load_published, token_scheme
from opengdi.registers.nhr.catalogus import SCOPE

#: The published documents: file, the prefix of its schema names, where its paths lie below the root.
_DOCUMENTEN = (
    ("basisprofiel-1.3.openapi.yaml", "Basisprofiel", ""),
    ("vestigingsprofiel-1.4.openapi.yaml", "Vestigingsprofiel", ""),
    ("zoeken-1.3.openapi.yaml", "ZoekenV1", ""),
    ("zoeken-2.0.0.openapi.yaml", "ZoekenV2", "/v2"),
)
_SCHEMAS = "#/components/schemas/"
_RESPONSES = "#/components/responses/"
_HEADERS = "#/components/headers/"


def _published(name: str) -> dict[str, Any]:
    return load_published(files("opengdi.registers.nhr").joinpath("data", "kvk", name).read_text("utf-8"))


def _renamed(value: Any, prefix: str) -> Any:
    """``value`` with every local reference pointing at the prefixed name."""
    if isinstance(value, dict):
        return {
            key: _reference(item, prefix) if key == "$ref" else _renamed(item, prefix) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_renamed(item, prefix) for item in value]
    return value


def _reference(target: str, prefix: str) -> str:
    for kind in (_SCHEMAS, _RESPONSES, _HEADERS):
        if target.startswith(kind):
            return f"{kind}{prefix}{target[len(kind) :]}"
    return target


def _security() -> dict[str, Any]:
    return {
        "ApiKeyAuth": {
            "type": "apiKey",
            "name": "apikey",
            "in": "header",
            "description": "Een API-sleutel die Digikoppeling aan een aangesloten organisatie uitgeeft "
            "(gdi org apisleutel OIN); een onbekende of ingetrokken sleutel geeft 403.",
        },
        TOKEN_SCHEME: token_scheme({SCOPE: "Handelsregister raadplegen en zoeken"}),
    }


@cache
def kvk_openapi(prefix: str) -> dict[str, Any]:
    """The merged document, served at ``prefix``."""
    paths: dict[str, Any] = {}
    components: dict[str, dict[str, Any]] = {"schemas": {}, "responses": {}, "headers": {}}
    requirement = [{TOKEN_SCHEME: [SCOPE]}, {"ApiKeyAuth": []}]
    for name, schema_prefix, below in _DOCUMENTEN:
        document = _renamed(_published(name), schema_prefix)
        for path, item in document["paths"].items():
            for operation in item.values():
                operation["security"] = requirement
            paths[f"{below}{path}"] = item
        for kind, members in components.items():
            members.update(
                (f"{schema_prefix}{key}", value) for key, value in document.get("components", {}).get(kind, {}).items()
            )
    return {
        "openapi": "3.0.1",
        "info": {
            "title": "KVK API's (Basisprofiel, Vestigingsprofiel, Zoeken)",
            "description": "De API's van de Kamer van Koophandel voor het Handelsregister, zoals de KvK ze "
            "publiceert voor haar testomgeving (https://api.kvk.nl/test/api): een client van de KvK werkt "
            "hier door alleen de basis-URL te veranderen.",
            "version": "2.0.0",
        },
        "servers": [{"url": prefix, "description": "Open GDI"}],
        "security": requirement,
        "paths": paths,
        "components": {
            **{kind: members for kind, members in components.items() if members},
            "securitySchemes": _security(),
        },
    }


def hr_openapi(prefix: str) -> dict[str, Any]:
    """The Haal Centraal HR API's document (``data/hr-bevragen-1.0.0.openapi.yaml``) as published,
    served at ``prefix``, with Digikoppeling as its security."""
    text = files("opengdi.registers.nhr").joinpath("data", "hr-bevragen-1.0.0.openapi.yaml").read_text("utf-8")
    return as_published(load_published(text), prefix, SCOPE, "Handelsregister raadplegen en zoeken")
