# SPDX-License-Identifier: EUPL-1.2
"""Where the Stelselcatalogus serves what: its pages for people and its JSON API, and the address
of each register, object type, attribute and search result in both."""

from __future__ import annotations

from urllib.parse import quote

from opengdi.kernel.openapi import versioned_server
from opengdi.stelsel.stelselcatalogus.zoeken import Soort, Treffer

#: The pages (HTML) and their index.
PREFIX = "/stelselcatalogus"
#: The JSON API, served under its versioned base (and under the prefix, as every API of the GDI).
API_PREFIX = f"{PREFIX}/api"
API_VERSIE = "1.0.0"
API_BASIS = versioned_server(API_PREFIX, API_VERSIE)
STIJL = f"{PREFIX}/stijl/stelselcatalogus.css"
PLAAT = f"{PREFIX}/stelsel.svg"
ZOEKEN = f"{PREFIX}/zoeken"


def _deel(tekst: str) -> str:
    return quote(tekst, safe="")


def _register(code: str) -> str:
    return f"/registers/{_deel(code)}"


def _objecttype(code: str, naam: str) -> str:
    return f"{_register(code)}/objecttypen/{_deel(naam)}"


def _attribuut(code: str, naam: str, pad: str) -> str:
    return f"{_objecttype(code, naam)}/attributen/{_deel(pad)}"


def pagina(code: str, objecttype: str | None = None, pad: str | None = None) -> str:
    """The page of a register, of one of its object types or of an attribute of that."""
    if objecttype is None:
        return f"{PREFIX}{_register(code)}"
    return f"{PREFIX}{_objecttype(code, objecttype) if pad is None else _attribuut(code, objecttype, pad)}"


def api(code: str, objecttype: str | None = None, pad: str | None = None) -> str:
    """The JSON resource of a register, of one of its object types or of an attribute of that."""
    if objecttype is None:
        return f"{API_BASIS}{_register(code)}"
    return f"{API_BASIS}{_objecttype(code, objecttype) if pad is None else _attribuut(code, objecttype, pad)}"


def anker(soort: str, naam: str) -> str:
    """The id of an operation, event type or relation on its register's page."""
    return f"{soort}-{_deel(naam)}"


def treffer(gevonden: Treffer) -> tuple[str, str]:
    """The page and the JSON resource of a search result (an operation, event type or relation: its
    row on its register's page)."""
    vondst = gevonden.vondst
    if vondst.soort in (Soort.OBJECTTYPE, Soort.ATTRIBUUT):
        objecttype = vondst.objecttype if vondst.soort is Soort.ATTRIBUUT else vondst.naam
        return pagina(vondst.register, objecttype, vondst.pad), api(vondst.register, objecttype, vondst.pad)
    page = pagina(vondst.register)
    if vondst.soort is not Soort.REGISTER:
        page = f"{page}#{anker(vondst.soort.value, vondst.naam)}"
    return page, api(vondst.register)
