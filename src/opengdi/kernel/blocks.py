# SPDX-License-Identifier: EUPL-1.2
"""How a building block presents itself to the application: its APIs, each a mountable FastAPI app.

Each API gets its own OpenAPI document and interactive documentation under its prefix, its own
``API-Version`` and the problem+json error handling of the kernel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.problems import install_problem_handlers


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
        return f"{self.prefix}{self.app.docs_url}"


@dataclass(frozen=True, slots=True)
class BuildingBlock:
    """A building block: a name and the APIs it offers."""

    name: str
    apis: tuple[Api, ...]
    examples: dict[str, Any] = field(default_factory=dict)


def api_app(title: str, version: str, description: str) -> FastAPI:
    """A FastAPI application for one API, with the kernel's conventions installed."""
    app = FastAPI(
        title=title,
        version=version,
        description=description,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        redirect_slashes=False,
        default_response_class=JsonResponse,
    )
    install_problem_handlers(app)
    return app
