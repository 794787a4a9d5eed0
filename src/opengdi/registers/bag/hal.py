# SPDX-License-Identifier: EUPL-1.2
"""HAL as the BAG API writes it: absolute links from the request's base URL, the pagination links
of a collection, and moments written as its answers write them.

- the ``self`` link of an answer is the request as the client wrote it;
- a link to a related object asks for the object as it is now, or, when the question named a
  moment (``geldigOp``, ``beschikbaarOp``), carries both, so that following it travels to the same
  moment (links.feature);
- an object in a collection links to itself by its voorkomen (``/{versie}/{timestampRegistratieLv}``);
- ``first`` and ``previous`` appear from page 2 on, ``next`` and ``last`` while there are more pages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from opengdi.registers.bag.extract import Voorkomen
from opengdi.registers.bag.objecten import SOORTEN
from opengdi.registers.bag.tijdreizen import Moment, epoch_ms
from opengdi.registers.bag.vraag import Pagina

Link = dict[str, Any]


def tijd(moment: str | None) -> str | None:
    """A BAG moment as the API writes it: milliseconds without trailing zeros, none when zero
    (``2019-12-06T11:51:31``, ``2019-12-06T12:00:26.425``)."""
    if moment is None:
        return None
    whole, _, fraction = moment.partition(".")
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


class Links:
    """The links of one answer, absolute under ``base`` (the API's base URL, no trailing slash);
    links to related objects travel to ``moment`` when it was asked for."""

    def __init__(self, base: str, moment: Moment | None = None) -> None:
        self.base = base.rstrip("/")
        self.moment = moment

    def pad(self, path: str) -> Link:
        """A link to ``path`` under the base."""
        return {"href": f"{self.base}{path}"}

    def object(self, objecttype: str, identificatie: str) -> Link:
        """A link to an object (as it is now, or at the asked moment)."""
        href = f"{self.base}/{SOORTEN[objecttype].pad}/{identificatie}"
        if self.moment is not None and self.moment.gegeven:
            query = {"geldigOp": self.moment.geldig_op, "beschikbaarOp": self.moment.beschikbaar_op}
            href += "?" + urlencode(query, safe=":")
        return {"href": href}

    def voorkomen(self, voorkomen: Voorkomen) -> Link:
        """A link to one voorkomen of an object."""
        pad = SOORTEN[voorkomen.objecttype].pad
        versie, ms = voorkomen.voorkomenidentificatie, epoch_ms(voorkomen.tijdstip_registratie_lv)
        return {"href": f"{self.base}/{pad}/{voorkomen.identificatie}/{versie}/{ms}"}

    def op(self, moment: Moment) -> Links:
        """The same links, travelling to ``moment``."""
        return Links(self.base, Moment(moment.geldig_op, moment.beschikbaar_op, gegeven=True))


def _with_page(url: str, page: int) -> str:
    """``url`` asking for ``page`` (in the place of its ``page`` parameter, or after the others)."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == "page" for key, _ in pairs):
        pairs = [(key, str(page) if key == "page" else value) for key, value in pairs]
    else:
        pairs.append(("page", str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs, safe=":,"), ""))


def pagination_links(self_url: str, pagina: Pagina, total: int) -> dict[str, Link]:
    """``self`` and, where they apply, ``first``, ``previous``, ``next`` and ``last``."""
    links: dict[str, Link] = {"self": {"href": self_url}}
    last = max(1, -(-total // pagina.grootte))
    if pagina.nummer > 1:
        links["first"] = {"href": _with_page(self_url, 1)}
        links["previous"] = {"href": _with_page(self_url, pagina.nummer - 1)}
    if pagina.nummer < last:
        links["next"] = {"href": _with_page(self_url, pagina.nummer + 1)}
        links["last"] = {"href": _with_page(self_url, last)}
    return links


def pagination_headers(pagina: Pagina) -> dict[str, str]:
    """``X-Pagination-Page`` and ``X-Pagination-Limit``."""
    return {"X-Pagination-Page": str(pagina.nummer), "X-Pagination-Limit": str(pagina.grootte)}
