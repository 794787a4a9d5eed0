# SPDX-License-Identifier: EUPL-1.2
"""Request bodies of the Digikoppeling beheer API."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from opengdi.stelsel.digikoppeling.autorisatie import ALLES


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OrganisatieNieuw(_Body):
    """A new organisation: its OIN given, or built from its RSIN or KvK-nummer."""

    naam: str = Field(min_length=1, max_length=200, description="Naam van de organisatie")
    soort: Literal["gemeente", "provincie", "waterschap", "ministerie", "zbo", "privaat"]
    oin: str | None = Field(default=None, pattern=r"^[0-9]{20}$", description="OIN (20 cijfers)")
    rsin: str | None = Field(default=None, pattern=r"^[0-9]{9}$", description="RSIN: OIN wordt 00000001+RSIN+000")
    kvk_nummer: str | None = Field(
        default=None,
        alias="kvkNummer",
        pattern=r"^[0-9]{8}$",
        description="KvK-nummer: OIN wordt 00000003+KvK-nummer+0000",
    )
    gemeentecode: str | None = Field(
        default=None, pattern=r"^[0-9]{4}$", description="GBA-gemeentecode van een gemeente"
    )
    cbs_code: str | None = Field(
        default=None,
        alias="cbsCode",
        pattern=r"^(GM[0-9]{4}|PV[0-9]{2})$",
        description="CBS-code: GM en vier cijfers voor een gemeente, PV en twee cijfers voor een provincie",
    )


class AutorisatieNieuw(_Body):
    """A new autorisatiebesluit."""

    bouwsteen: str = Field(min_length=1, max_length=40, examples=["brp"])
    doelbinding: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9._-]+$", examples=["BRP-GEMEENTE"])
    omschrijving: str = Field(min_length=1, max_length=200)
    operaties: list[str] = Field(min_length=1, examples=[[ALLES]], description="operaties; ['*'] = alle")
    velden: list[str] = Field(default=[ALLES], min_length=1, description="fields-paden; ['*'] = alle")
    beperkingen: dict[str, str] = Field(
        default_factory=dict,
        max_length=20,
        examples=[{"gemeenteVanInschrijving": "0599"}],
        description="beperkingen die de bouwsteen kent, naam → waarde; 'eigen' neemt de waarde van de organisatie "
        "(bijvoorbeeld haar gemeentecode)",
    )
    alleen_eigen_gemeente: bool = Field(
        default=False,
        alias="alleenEigenGemeente",
        description="verkorting: elke beperking van de bouwsteen die de gemeentecode van de organisatie neemt, "
        "met waarde 'eigen'",
    )


class PubliekeSleutel(_Body):
    """A public key (JWK) an organisation made itself, for its client assertions."""

    model_config = ConfigDict(extra="allow")
    kty: Literal["RSA", "EC"]

    def jwk(self) -> dict[str, Any]:
        """The key as a JWK dictionary."""
        return self.model_dump(exclude_none=True)
