# SPDX-License-Identifier: EUPL-1.2
"""How a building block declares itself, once, to the deployment that runs it.

A block's package defines ``BLOCK = BuildingBlock(…)``: its code and title, the APIs it serves,
the package of its migrations, its ``gdi`` commands, its demo data and the autorisatiebesluiten it
wants demo organisations to hold, its catalogue (whose operations name the Digikoppeling scopes it
offers) and, for the one block that provides it, the deployment's access policy. The block registry
(``opengdi.bouwstenen``) lists the enabled blocks; the application, the command line, demo loading,
the migrations, Digikoppeling's scopes and the test fixtures all loop over it.

Each API is a FastAPI application of its own, with its own OpenAPI document and interactive
documentation under its prefix, its own ``API-Version`` and the problem+json handling of the kernel.
A block may also serve web pages for people (:class:`Paginas`: HTML, no OpenAPI document), such as
the Stelselcatalogus.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import Scope

from opengdi.kernel.adresvoorziening import AdresBron
from opengdi.kernel.api import JsonResponse, telemetry_options
from opengdi.kernel.catalogus import Catalogus, Register
from opengdi.kernel.db import Database
from opengdi.kernel.documentatie import DOCS_PATH, install_docs
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.kernel.migrate import Migraties
from opengdi.kernel.personenvoorziening import PersoonBron
from opengdi.kernel.problems import HAAL_CENTRAAL, Probleemstijl, install_problem_handlers
from opengdi.settings import Settings

if TYPE_CHECKING:
    from opengdi.kernel.context import Context
    from opengdi.kernel.nummervoorziening import BsnBron
    from opengdi.kernel.toegang import Beperkingsoort, Demobesluit, Toegang

#: Reports progress of long work: how many more items are done.
Voortgang = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Api:
    """One API of a building block, served under ``prefix``."""

    prefix: str
    title: str
    version: str
    app: FastAPI
    description: str = ""

    @property
    def openapi_url(self) -> str:
        """Where its OpenAPI document is served."""
        return f"{self.prefix}{self.app.openapi_url}"

    @property
    def docs_url(self) -> str:
        """Where its interactive documentation is served."""
        return f"{self.prefix}{DOCS_PATH}"


@dataclass(frozen=True, slots=True)
class Paginas:
    """The web pages of a building block, for people: HTML, no OpenAPI document, served under
    ``prefix`` with their index at the prefix itself (``/stelselcatalogus``, no trailing slash)."""

    prefix: str
    titel: str
    app: FastAPI
    omschrijving: str = ""

    def routes(self) -> list[BaseRoute]:
        """The route that serves them, for the application to add after the mounts of the APIs (an
        API may live below ``prefix``, and the first route that matches answers)."""
        return [_IndexMount(self.prefix, self.app)]


class _IndexMount(Mount):
    """A mount that answers its own path too, as the index ``/`` of the mounted app."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and _route_path(scope) == self.path:
            index = f"{scope['path']}/"
            match, child = super().matches({**scope, "path": index})
            return match, {**child, "path": index}
        return super().matches(scope)


def _route_path(scope: Scope) -> str:
    """The path of ``scope`` below the root path of the app it reached."""
    path, root = str(scope["path"]), str(scope.get("root_path", ""))
    return path[len(root) :] if root and path.startswith(root) else path


@dataclass(frozen=True, slots=True)
class Demo:
    """The demo data a block loads into a fresh test deployment.

    ``omvang`` says how many items ``laden`` will report through its progress callback (for the
    progress bar); ``laden`` loads them when they are not there yet, given the deployment's
    :class:`Samenstelling` (whose blocks' ``demobesluiten`` the register of organisations records),
    and returns a line for the console, or ``None`` when there was nothing to do. ``basis`` data
    (the register of organisations) is what a deployment needs to be used at all; it is loaded also
    when the deployment starts without demo data (``gdi up --leeg``). A production deployment loads none.
    """

    omschrijving: str
    omvang: Callable[[], int]
    laden: Callable[[Database, Settings, Samenstelling, Voortgang], Awaitable[str | None]]
    basis: bool = False


@dataclass(frozen=True, slots=True)
class Voorbeeldverzoek:
    """A request that an afnemer holding ``scope`` may make, to show how a block is used: ``POST``
    ``body`` (JSON) to ``pad`` under the GDI's address."""

    scope: str
    pad: str
    body: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class BuildingBlock:
    """The declaration of one building block.

    - ``apis`` builds the block's APIs for a deployment (given its shared :class:`Context`, whose
      ``catalogus`` holds the declarations of every enabled block), ``paginas`` its web pages, if any;
    - ``migraties`` names the package that holds the block's Alembic revisions (its own branch);
    - ``commandos`` are its command groups (``gdi <naam> …``) and ``generatoren`` a Typer app whose
      commands join ``gdi genereren`` (``gdi genereren brp``);
    - ``demobesluiten`` are the autorisatiebesluiten it wants given to demo organisations (the block
      that keeps the register of organisations records them with its demo data);
    - ``beperkingen`` are, per scope, the kinds of restriction an autorisatiebesluit for it may carry
      (the block applies them to what it delivers);
    - ``voorbeelden`` gives lines for the start banner from what the database holds, and
      ``voorbeeldverzoek`` a request an afnemer may try (for a municipality: about an inhabitant of
      the given gemeentecode), or ``None`` when the database holds nothing to show;
    - ``catalogus`` is the block's declaration (object types, operations, events; see
      :mod:`opengdi.kernel.catalogus`);
    - ``toegang`` is set by the one block that provides the deployment's access policy; it gets the
      declarations of every enabled block, against which it checks autorisatiebesluiten;
    - ``bsnbron`` is set by the one block that issues burgerservicenummers (the BSN-beheervoorziening):
      where other blocks take the numbers of the persons they make (:mod:`opengdi.kernel.nummervoorziening`);
    - ``adresbron`` is set by the one block that holds the addresses (the BAG): where other blocks
      take existing addresses for the persons they make (:mod:`opengdi.kernel.adresvoorziening`);
    - ``personenbron`` is set by the one block that holds the persons (the BRP): where other blocks
      take existing grown-up inhabitants for the owners they make (:mod:`opengdi.kernel.personenvoorziening`);
    - ``koppelingen`` are the references to other registries' objects it stores and the lookup of
      which of its own objects exist, for ``gdi check`` (:mod:`opengdi.kernel.koppelingen`).
    """

    code: str
    titel: str
    apis: Callable[[Context], Sequence[Api]]
    migraties: str | None = None
    commandos: Mapping[str, Any] = field(default_factory=dict)
    generatoren: Any = None
    demo: Demo | None = None
    demobesluiten: Sequence[Demobesluit] = ()
    beperkingen: Mapping[str, Sequence[Beperkingsoort]] = field(default_factory=dict)
    voorbeelden: Callable[[Database, Settings], Awaitable[Sequence[str]]] | None = None
    voorbeeldverzoek: Callable[[Database, str | None], Awaitable[Voorbeeldverzoek | None]] | None = None
    catalogus: Register | None = None
    toegang: Callable[[Database, Settings, Sequence[Register]], Toegang] | None = None
    bsnbron: Callable[[Database, Settings], BsnBron] | None = None
    adresbron: Callable[[Database, Settings], AdresBron] | None = None
    personenbron: Callable[[Database, Settings], PersoonBron] | None = None
    paginas: Callable[[Context], Sequence[Paginas]] | None = None
    koppelingen: Koppelingen | None = None


@dataclass(frozen=True, slots=True)
class Samenstelling:
    """The building blocks a deployment runs, in the order they start (the registry's content)."""

    blocks: tuple[BuildingBlock, ...]

    def migraties(self) -> Migraties:
        """The migrations of the kernel and of every block."""
        return Migraties([block.migraties for block in self.blocks if block.migraties])

    def catalogus(self) -> Catalogus:
        """The deployment's catalogue: the declarations of every block."""
        return Catalogus(tuple(self.registers()))

    def scopes(self) -> tuple[str, ...]:
        """Every Digikoppeling scope the blocks' operations fall under."""
        return self.catalogus().scopes

    def beperkingen(self) -> dict[str, tuple[Beperkingsoort, ...]]:
        """Per Digikoppeling scope, the kinds of restriction its autorisatiebesluiten may carry."""
        return {scope: tuple(kinds) for block in self.blocks for scope, kinds in block.beperkingen.items()}

    def demobesluiten(self) -> tuple[Demobesluit, ...]:
        """The autorisatiebesluiten the blocks want given to demo organisations, in block order."""
        return tuple(besluit for block in self.blocks for besluit in block.demobesluiten)

    def bsnbron(self, database: Database, settings: Settings) -> BsnBron | None:
        """Where the blocks take burgerservicenummers from: the BSN-beheervoorziening, when enabled."""
        return next((block.bsnbron(database, settings) for block in self.blocks if block.bsnbron), None)

    def adresbron(self, database: Database, settings: Settings) -> AdresBron | None:
        """Where the blocks take existing addresses from: the BAG, when enabled."""
        return next((block.adresbron(database, settings) for block in self.blocks if block.adresbron), None)

    def personenbron(self, database: Database, settings: Settings) -> PersoonBron | None:
        """Where the blocks take existing persons from: the BRP, when enabled."""
        return next((block.personenbron(database, settings) for block in self.blocks if block.personenbron), None)

    def koppelingen(self) -> list[tuple[Register, Koppelingen]]:
        """Each block's declaration with what it offers for the links between registries."""
        return [
            (block.catalogus, block.koppelingen or Koppelingen())
            for block in self.blocks
            if block.catalogus is not None
        ]

    def registers(self) -> list[Register]:
        """The declarations (catalogues) of the blocks."""
        return [block.catalogus for block in self.blocks if block.catalogus is not None]


def api_app(title: str, version: str, description: str, probleemstijl: Probleemstijl = HAAL_CENTRAAL) -> FastAPI:
    """A FastAPI application for one API, with the kernel's conventions installed (its problems in
    ``probleemstijl``). Its own OpenTelemetry is off: the application it is mounted in observes the
    whole request."""
    app = FastAPI(
        **telemetry_options(False),
        title=title,
        version=version,
        description=description,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        default_response_class=JsonResponse,
    )
    install_problem_handlers(app, probleemstijl)
    install_docs(app)
    return app


def include_routes(app: FastAPI, router: APIRouter) -> None:
    """Serve the routes of a block's module-level ``router`` in ``app`` as if declared on it.

    The route objects are added to the app's own list: a request is matched as cheaply as before, and
    whoever walks ``app.routes`` sees them (recent FastAPI versions keep an included router as one
    nested, lazily resolved route instead).
    """
    app.router.routes.extend(router.routes)
