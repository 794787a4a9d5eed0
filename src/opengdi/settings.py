# SPDX-License-Identifier: EUPL-1.2
"""Settings of an Open GDI deployment, read from ``GDI_…`` environment variables.

Every setting has a default that works on a fresh machine: an embedded SQLite database in a
data folder under the working directory, served on http://127.0.0.1:8000, as a test deployment.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Deployment(StrEnum):
    """What a deployment is for; test-only endpoints are refused on ``productie``."""

    TEST = "test"
    PRODUCTIE = "productie"


class Settings(BaseSettings):
    """The settings of one deployment (environment variables ``GDI_<NAME>``)."""

    model_config = SettingsConfigDict(env_prefix="GDI_", extra="ignore")

    data_dir: Path = Field(
        default=Path("data"),
        description="Map voor de ingebouwde SQLite-database en andere bestanden (relatief aan de werkmap).",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy-URL van de database. Leeg: SQLite in de datamap. "
            "PostgreSQL: postgresql+asyncpg://gebruiker@host:5432/database."
        ),
    )
    host: str = Field(default="127.0.0.1", description="Adres waarop de server luistert.")
    port: int = Field(default=8000, ge=1, le=65535, description="Poort waarop de server luistert.")
    deployment: Deployment = Field(
        default=Deployment.TEST,
        description="'test' (standaard) staat testvoorzieningen toe, zoals het laden en leegmaken van de BRP; "
        "'productie' weigert ze.",
    )
    oin: str = Field(
        default="00000099000000001000",
        pattern=r"^[0-9]{20}$",
        description="OIN van de organisatie die deze GDI draait: de bron (source) van haar gebeurtenissen. "
        "Standaard een test-OIN.",
    )
    contact_naam: str = Field(
        default="Beheer Open GDI", min_length=1, description="Contact in de OpenAPI-documenten: naam van de beheerder."
    )
    contact_email: str = Field(
        default="beheer@opengdi.test",
        pattern=r"^[^@\s]+@[^@\s]+$",
        description="Contact in de OpenAPI-documenten: e-mailadres van de beheerder.",
    )
    contact_url: str = Field(
        default="https://opengdi.test",
        pattern=r"^https?://\S+$",
        description="Contact in de OpenAPI-documenten: webadres van de beheerder.",
    )
    log_level: Literal["critical", "error", "warning", "info", "debug", "trace"] = Field(
        default="info", description="Logniveau van de server."
    )
    public_url: str | None = Field(
        default=None,
        description="Het adres waaronder afnemers de GDI bereiken (uitgever en audience van tokens). "
        "Leeg: http://host:poort.",
    )
    authenticatie: Literal["aan", "uit"] = Field(
        default="aan",
        description="'uit' laat de API's zonder token of certificaat toe (alleen in een testomgeving, bijvoorbeeld "
        "voor conformancetests); 'aan' (standaard) eist Digikoppeling-toegang.",
    )
    opentelemetry: Literal["aan", "uit"] = Field(
        default="uit",
        description="'aan' zet FastAPI's eigen OpenTelemetry aan (spans en metrieken van elk verzoek, als er "
        "een OpenTelemetry-provider is ingesteld); 'uit' (standaard) slaat die controle per verzoek over.",
    )
    token_geldigheid: int = Field(default=300, ge=30, le=3600, description="Geldigheid van access tokens (seconden).")
    vertrouwde_proxies: str = Field(
        default="",
        description="Adressen of netwerken (CIDR), komma-gescheiden, van proxy's die TLS afsluiten en het "
        "clientcertificaat doorgeven; alleen van hen wordt de certificaatheader vertrouwd.",
    )
    max_body: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Grootste toegestane body van een verzoek, in bytes; een grotere krijgt 413.",
    )
    certificaat_header: str = Field(
        default="x-client-cert",
        description="Header waarin een proxy het clientcertificaat doorgeeft (URL-encoded PEM).",
    )
    timeout_keep_alive: int = Field(
        default=5, ge=1, le=300, description="Seconden dat een verbinding zonder nieuw verzoek open blijft."
    )
    timeout_headers: float = Field(
        default=10,
        gt=0,
        le=300,
        description="Seconden waarin de verzoekregel en headers binnen moeten zijn; daarna 408 en de verbinding dicht.",
    )
    timeout_body: float = Field(
        default=30,
        gt=0,
        le=3600,
        description="Seconden dat de body van een verzoek mag stokken; daarna 408 en de verbinding dicht.",
    )
    cors_origins: str = Field(
        default="",
        description="Origins (komma-gescheiden, bijvoorbeeld https://portaal.example.nl) die de API's vanuit een "
        "browser mogen aanroepen; leeg (standaard): CORS staat uit.",
    )

    def contact(self) -> dict[str, str]:
        """The ``info.contact`` of the deployment's own OpenAPI documents."""
        return {"name": self.contact_naam, "email": self.contact_email, "url": self.contact_url}

    @field_validator("cors_origins")
    @classmethod
    def _origins_only(cls, value: str) -> str:
        for origin in _split(value):
            if origin != "*" and not _is_origin(origin):
                raise ValueError(f"GDI_CORS_ORIGINS: '{origin}' is geen origin (schema://host[:poort], zonder pad)")
        return value

    @model_validator(mode="after")
    def _no_open_production(self) -> Settings:
        if self.authenticatie == "uit" and self.deployment is Deployment.PRODUCTIE:
            raise ValueError("GDI_AUTHENTICATIE=uit kan niet in een productieomgeving")
        return self

    @field_validator("vertrouwde_proxies")
    @classmethod
    def _proxy_list(cls, value: str) -> str:
        """Refuse a malformed list at start-up, naming the item."""
        for item in filter(None, (part.strip() for part in value.split(","))):
            try:
                ipaddress.ip_network(item)
            except ValueError:
                raise ValueError(f"{item!r} is geen adres of netwerk (CIDR, bijvoorbeeld 10.0.0.0/8)") from None
        return value

    @field_validator("public_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("geen adres; geef bijvoorbeeld https://gdi.example.nl")
        return value

    @property
    def base_url(self) -> str:
        """Where afnemers reach the GDI, without a trailing slash."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def proxy_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """The trusted proxy networks."""
        return [ipaddress.ip_network(item.strip()) for item in self.vertrouwde_proxies.split(",") if item.strip()]

    def cors_origin_list(self) -> list[str]:
        """The origins that may call the APIs from a browser (empty: CORS off)."""
        return _split(self.cors_origins)

    @property
    def effective_database_url(self) -> str:
        """The database URL, defaulting to SQLite in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'opengdi.db').resolve()}"

    @property
    def is_test_deployment(self) -> bool:
        """Whether test-only facilities (bulk load, empty the BRP) are allowed."""
        return self.deployment is Deployment.TEST


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _is_origin(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and value == f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process (read once)."""
    return Settings()
