# SPDX-License-Identifier: EUPL-1.2
"""Request bodies and answers of the BSN-beheervoorziening API (camelCase members, every one described)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from opengdi.stelsel.bsn.service import MAX_RESERVERING, MAX_UITGIFTE

_BSN = r"^[0-9]{9}$"
_OIN = r"^[0-9]{20}$"
#: Printable characters only (no control characters such as NUL).
_KENMERK = r"^[^\x00-\x1f\x7f]{1,100}$"


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class UitgifteNieuw(_Body):
    """A request for burgerservicenummers from the caller's own stock."""

    aantal: int = Field(strict=True, ge=1, le=MAX_UITGIFTE, description="Hoeveel nummers", examples=[3])
    kenmerk: str | None = Field(
        default=None,
        pattern=_KENMERK,
        max_length=100,
        description="Een eigen kenmerk van de aanvrager, bewaard bij de uitgifte (bijvoorbeeld een zaaknummer)",
        examples=["geboorteaangifte-2026-0042"],
    )


class ReeksNieuw(_Body):
    """A range to reserve for an organisation."""

    aanvrager: str = Field(pattern=_OIN, description="OIN van de organisatie die de reeks krijgt")
    omvang: int = Field(strict=True, ge=1, le=MAX_RESERVERING, description="Aantal nummers (die de elfproef doorstaan)")
    eerste: str | None = Field(
        default=None,
        pattern=_BSN,
        description="Het eerste nummer van de reeks; zonder kiest de voorziening de plek in haar nummerruimte",
    )


class UitgifteKort(BaseModel):
    """To whom and when a number was issued."""

    id: int = Field(description="Nummer van de uitgifte")
    aanvrager: str = Field(description="OIN van de organisatie die de nummers kreeg")
    aantal: int = Field(description="Aantal nummers in de uitgifte")
    kenmerk: str | None = Field(default=None, description="Kenmerk van de aanvrager")
    tijdstip: datetime = Field(description="Moment van uitgifte")


class UitgifteAntwoord(UitgifteKort):
    """An issue of burgerservicenummers."""

    burgerservicenummers: list[str] = Field(description="De uitgegeven nummers, in volgorde van uitgifte")


class Validatie(BaseModel):
    """What the voorziening knows of a burgerservicenummer."""

    burgerservicenummer: str = Field(description="Het nummer")
    geldig: bool = Field(description="Of het nummer de elfproef doorstaat")
    status: Literal["ongeldig", "vrij", "gereserveerd", "uitgegeven", "inGebruik"] = Field(
        description="ongeldig (elfproef), vrij, gereserveerd (in een reeks, niet uitgegeven), uitgegeven (door deze "
        "voorziening) of inGebruik (in de BRP zonder uitgifte door deze voorziening, zoals testpersonen)"
    )
    uitgifte: UitgifteKort | None = Field(
        default=None,
        description="Aan wie en wanneer het nummer is uitgegeven: voor de organisatie zelf en voor een "
        "autorisatie met gegeven 'uitgifte'",
    )


class ReeksAntwoord(BaseModel):
    """A range reserved for an organisation."""

    model_config = ConfigDict(populate_by_name=True)

    id: int = Field(description="Nummer van de reeks")
    aanvrager: str = Field(description="OIN van de organisatie")
    eerste: str = Field(description="Eerste nummer van de reeks")
    laatste: str = Field(description="Laatste nummer van de reeks")
    omvang: int = Field(description="Aantal nummers in de reeks dat de elfproef doorstaat")
    uitgegeven: int = Field(description="Aantal uitgegeven nummers")
    overgeslagen: int = Field(description="Aantal overgeslagen nummers, omdat ze al in gebruik waren")
    resterend: int = Field(description="Aantal nummers dat nog niet aan de beurt was")
    gereserveerd_op: datetime = Field(alias="gereserveerdOp", description="Moment van reserveren")
    gereserveerd_door: str | None = Field(
        default=None, alias="gereserveerdDoor", description="OIN van wie reserveerde; ontbreekt bij een startvoorraad"
    )


class Voorraad(BaseModel):
    """The stock of an organisation: its ranges."""

    aanvrager: str = Field(description="OIN van de organisatie")
    resterend: int = Field(description="Aantal nummers dat in alle reeksen samen nog niet aan de beurt was")
    reeksen: list[ReeksAntwoord] = Field(description="De reeksen, oudste eerst")
