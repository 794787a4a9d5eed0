# SPDX-License-Identifier: EUPL-1.2
"""How a building block declares itself, once, to the deployment that runs it.

A block's package defines ``BLOCK = BuildingBlock(…)``: its code and title, the APIs it serves,
the package of its migrations, its ``gdi`` commands, its demo data, the Digikoppeling scopes it
offers and, for the one block that provides it, the deployment's access policy. The block registry
(``opengdi.bouwstenen``) lists the enabled blocks; the application, the command line, demo loading,
the migrations, Digikoppeling's scopes and the test fixtures all loop over it.

Each API is a FastAPI application of its own, with its own OpenAPI document and interactive
documentation under its prefix, its own ``API-Version`` and the problem+json handling of the kernel.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.db import Database
from opengdi.kernel.documentatie import DOCS_PATH, install_docs
from opengdi.kernel.problems import install_problem_handlers
from opengdi.settings import Settings

if TYPE_CHECKING:
    from opengdi.kernel.context import Context
    from opengdi.kernel.toegang import Beperkingsoort, Toegang

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
class Demo:
    """The demo data a block loads into a fresh test deployment.

    ``omvang`` says how many items ``laden`` will report through its progress callback (for the
    progress bar); ``laden`` loads them when they are not there yet and returns a line for the
    console, or ``None`` when there was nothing to do. ``basis`` data (the register of
    organisations) is what a deployment needs to be used at all; it is loaded also when the
    deployment starts without demo data (``gdi up --leeg``). A production deployment loads none.
    """

    omschrijving: str
    omvang: Callable[[], int]
    laden: Callable[[Database, Settings, Voortgang], Awaitable[str | None]]
    basis: bool = False


@dataclass(frozen=True, slots=True)
class BuildingBlock:
    """The declaration of one building block.

    - ``apis`` builds the block's APIs for a deployment (given its shared :class:`Context`);
    - ``migraties`` names the package that holds the block's Alembic revisions (its own branch);
    - ``commandos`` are its command groups (``gdi <naam> …``), ``generatoren`` its synthetic-data
      commands (``gdi genereer <naam>``), both Typer objects;
    - ``scopes`` are the Digikoppeling scopes (autorisatie codes) it offers, with a description;
    - ``beperkingen`` are, per scope, the kinds of restriction an autorisatiebesluit for it may carry
      (the block applies them to what it delivers);
    - ``voorbeelden`` gives lines for the start banner from what the database holds;
    - ``toegang`` is set by the one block that provides the deployment's access policy.
    """

    code: str
    titel: str
    apis: Callable[[Context], Sequence[Api]]
    migraties: str | None = None
    commandos: Mapping[str, Any] = field(default_factory=dict)
    generatoren: Mapping[str, Any] = field(default_factory=dict)
    demo: Demo | None = None
    scopes: Mapping[str, str] = field(default_factory=dict)
    beperkingen: Mapping[str, Sequence[Beperkingsoort]] = field(default_factory=dict)
    voorbeelden: Callable[[Database, Settings], Awaitable[Sequence[str]]] | None = None
    toegang: Callable[[Database, Settings], Toegang] | None = None


def api_app(title: str, version: str, description: str) -> FastAPI:
    """A FastAPI application for one API, with the kernel's conventions installed."""
    app = FastAPI(
        title=title,
        version=version,
        description=description,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
        default_response_class=JsonResponse,
    )
    install_problem_handlers(app)
    install_docs(app)
    return app
