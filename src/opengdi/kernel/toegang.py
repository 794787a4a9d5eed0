# SPDX-License-Identifier: EUPL-1.2
"""Who asks, and what they may do: the access mechanism every building block uses.

Whoever asks is a :class:`Principaal`: an organisation (OIN), a natural person (BSN, through DigiD)
or a company (KvK-nummer, through eHerkenning), acting for itself or for another (``namens``). A
route declares that it needs an identified principal with one dependency (``Aanvrager`` or
``vereist(…)`` in :mod:`opengdi.kernel.context`); once it knows what is asked (an operation, data
elements, search parameters) it asks the deployment's :class:`Toegang` for a :class:`Besluit`, which
refuses with 403 problem+json naming what is not allowed. The deployment plugs in the implementation
(Digikoppeling: OIN, tokens, certificates, autorisatiebesluiten); the kernel only knows the contract.
A block states the autorisatiebesluiten it wants demo organisations to hold as :class:`Demobesluit`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from starlette.requests import Request

_security_log = logging.getLogger("opengdi.beveiliging")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_LOGGED = 300


def _log_safe(value: object) -> str:
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", str(value if value is not None else ""))
    return text if len(text) <= _MAX_LOGGED else f"{text[:_MAX_LOGGED]}…"


def log_security_event(event: str, level: int = logging.WARNING, **values: object) -> None:
    """One line in the security log, ``event key=value …``: control characters in the values are
    escaped and long values cut, so what a caller sent cannot forge or flood log lines."""
    details = " ".join(f"{key}={_log_safe(value)}" for key, value in values.items())
    _security_log.log(level, "%s %s", event, details)


#: Headers with which an afnemer states its purpose, processing activity and end user (as the
#: Haal Centraal BRP protocollering asks).
DOELBINDING_HEADER = "x-doelbinding"
VERWERKING_HEADER = "x-verwerking"
GEBRUIKER_HEADER = "x-gebruiker"
#: How much of each such header is kept: the size of its column in the protocol.
_KEPT = {DOELBINDING_HEADER: 100, VERWERKING_HEADER: 242, GEBRUIKER_HEADER: 200}


def stated(request: Request, header: str) -> str | None:
    """What the afnemer stated in ``header`` (doelbinding, verwerking or gebruiker), cut to what the
    protocol keeps."""
    value = request.headers.get(header)
    return value[: _KEPT[header]] if value else None


class PrincipaalSoort(StrEnum):
    """The kinds of principal, each with the number that identifies it."""

    ORGANISATIE = "organisatie"  # OIN (Digikoppeling)
    NATUURLIJK_PERSOON = "natuurlijk_persoon"  # BSN (DigiD)
    ONDERNEMING = "onderneming"  # KvK-nummer (eHerkenning)


@dataclass(frozen=True, slots=True)
class Principaal:
    """Who asks: its kind and identifying number, its name, how it authenticated, for whom it acts
    (``namens``: the principal it represents under a machtiging, ``None`` when for itself), the
    scopes its credentials carry, and what it stated about its request."""

    soort: PrincipaalSoort
    identificatie: str | None  # OIN, BSN or KvK-nummer; None only in a deployment without authentication
    naam: str
    via: str  # "token", "certificaat" or "open"; later also "digid", "eherkenning"
    namens: Principaal | None = None
    scopes: frozenset[str] = frozenset()
    doelbinding: str | None = None
    verwerking: str | None = None
    eindgebruiker: str | None = None

    @property
    def oin(self) -> str | None:
        """The OIN of an organisation; ``None`` for other kinds."""
        return self.identificatie if self.soort is PrincipaalSoort.ORGANISATIE else None


@dataclass(frozen=True, slots=True)
class Zoekparameter:
    """A search parameter a request uses, with the data elements its value reveals: who searches
    with a birth date learns the birth date of everyone found, so the parameter needs the same
    permission as asking for ``geboorte.datum``."""

    naam: str
    gegevens: frozenset[str]


@dataclass(frozen=True, slots=True)
class Toegangsvraag:
    """What a principal wants to do: an operation of a building block on some data elements (the
    ones it asks to receive, ``velden``, and the ones its search parameters reveal, ``parameters``).

    ``gevraagd`` optionally gives the names the client used (a group, an alias) with the data
    elements each stands for, so that a refusal names what the client asked rather than elements
    it never wrote (pairs, so that the question stays hashable)."""

    bouwsteen: str
    operatie: str
    velden: frozenset[str] = field(default_factory=frozenset)
    gevraagd: tuple[tuple[str, frozenset[str]], ...] = ()
    parameters: frozenset[Zoekparameter] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Beperkingsoort:
    """A kind of restriction that a building block lets an autorisatiebesluit carry, and that the
    block applies to what it delivers (for the BRP: only persons registered in one municipality).

    ``waarde`` describes the value's type and ``patroon`` is the regular expression every value
    matches. ``van_organisatie`` names the attribute of an organisation in the register
    (``gemeentecode``) from which the symbolic value :data:`EIGEN` is resolved when a grant is recorded.
    """

    naam: str
    betekenis: str
    waarde: str
    patroon: str
    van_organisatie: str | None = None

    def fout(self, value: object) -> str | None:
        """Why ``value`` is no valid value of this restriction; ``None`` when it is."""
        if isinstance(value, str) and re.fullmatch(self.patroon, value):
            return None
        return f"Waarde voldoet niet aan {self.waarde} ({self.patroon})."


#: The symbolic value of a restriction that stands for the afnemer's own (its organisation's) value.
EIGEN = "eigen"


@dataclass(frozen=True, slots=True)
class Demobesluit:
    """An autorisatiebesluit that a building block wants given to demo organisations when the
    register of organisations of a test deployment is loaded.

    It is written as a grant is asked for: a ``scope`` (one the block's catalogue declares), a
    ``doelbinding`` code with its ``omschrijving``, the ``operaties`` and data elements (``velden``)
    it allows (``*``: all), and ``beperkingen`` of the kinds declared for the scope, where
    :data:`EIGEN` stands for the organisation's own value (its gemeentecode). It is for one demo
    organisation, named by its name in the register (``organisatie``), or for every demo
    organisation of a kind (``soort``: ``gemeente``, ``provincie``, ``waterschap``, …).
    """

    scope: str
    doelbinding: str
    omschrijving: str
    operaties: tuple[str, ...]
    velden: tuple[str, ...]
    beperkingen: Mapping[str, str] = field(default_factory=dict)
    organisatie: str | None = None
    soort: str | None = None

    def __post_init__(self) -> None:
        if (self.organisatie is None) == (self.soort is None):
            raise ValueError(f"Demobesluit {self.doelbinding}: geef óf een organisatie óf een soort organisatie.")

    def geldt_voor(self, naam: str, soort: str) -> bool:
        """Whether the grant is for the demo organisation called ``naam``, of kind ``soort``."""
        return naam == self.organisatie or soort == self.soort


@dataclass(frozen=True, slots=True)
class Besluit:
    """Permission to go ahead: for which purpose, under which restrictions of the building block
    (restriction name → value, as the block declared them; the block applies them), and which data
    elements the purpose's grants allow (``None``: all)."""

    doelbinding: str
    beperkingen: Mapping[str, str] = field(default_factory=dict)
    velden: frozenset[str] | None = None


class Toegang(Protocol):
    """The deployment's access policy."""

    async def authenticate(self, request: Request) -> Principaal:
        """The principal behind ``request``; raises a 401/403 problem when it cannot be identified."""
        ...

    async def authorize(self, afnemer: Principaal, vraag: Toegangsvraag) -> Besluit:
        """Permission for ``vraag``; raises a 403 problem that names what is not allowed."""
        ...


class OpenToegang:
    """No authentication: every request is an anonymous principal allowed everything (test deployments
    that switched authentication off, ``GDI_AUTHENTICATIE=uit``)."""

    async def authenticate(self, request: Request) -> Principaal:
        return Principaal(
            soort=PrincipaalSoort.ORGANISATIE,
            identificatie=None,
            naam="open toegang",
            via="open",
            doelbinding=stated(request, DOELBINDING_HEADER),
            verwerking=stated(request, VERWERKING_HEADER),
            eindgebruiker=stated(request, GEBRUIKER_HEADER),
        )

    async def authorize(self, afnemer: Principaal, vraag: Toegangsvraag) -> Besluit:
        return Besluit(doelbinding=afnemer.doelbinding or "open")


#: Where an API tells the access policy which header carries an API key (``app.state``), when its
#: official document declares an ``apiKey`` scheme in a header (see :func:`api_sleutel_header`).
API_SLEUTEL_STATE = "api_sleutel_header"


def api_sleutel_header(document: dict[str, Any]) -> str | None:
    """The header of the ``apiKey`` security scheme an OpenAPI document declares, if any."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in schemes.values():
        if isinstance(scheme, dict) and scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            return str(scheme["name"])
    return None


def api_sleutel_van(request: Request) -> str | None:
    """The API key of a request, when the API it reached accepts one (its document declares the
    header) and the request carries it."""
    header = getattr(request.app.state, API_SLEUTEL_STATE, None)
    return request.headers.get(header) if header else None
