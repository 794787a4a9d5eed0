# SPDX-License-Identifier: EUPL-1.2
"""DigiD's beheer API (``/digid/beheer``): an organisation connects its services to DigiD, sees them
and disconnects them; Logius (operation ``beheer``) does so for any organisation. Bewind, curatele
and mentorschap are recorded and ended here (operation ``vertegenwoordigen``).

Every route needs an operation of Digikoppeling scope ``digid`` (:mod:`~opengdi.stelsel.digid.catalogus`);
the caller is the organisation of the access token or client certificate. A service is for the
caller's own OIN unless the caller may ``beheer``; where authentication is off the caller counts
as the deployment's organisation (``GDI_OIN``) with every right. The secret of a new service is in
the answer once; only its hash is kept.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi import Path as FastApiPath
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.context import Context, Deployment, vereist
from opengdi.kernel.fouten import NietGevonden
from opengdi.kernel.openapi import problem_responses
from opengdi.kernel.problems import Problem
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag
from opengdi.stelsel.digid import diensten, machtigen, saml, samlidp
from opengdi.stelsel.digid.aanmelden import weigering_uit
from opengdi.stelsel.digid.catalogus import AANSLUITEN, BEHEER, SCOPE, VERTEGENWOORDIGEN
from opengdi.stelsel.digid.model import ClientRow
from opengdi.stelsel.digid.niveaus import Niveau

Aansluiter = Annotated[tuple[Principaal, Besluit], Depends(vereist(SCOPE, AANSLUITEN))]
Vertegenwoordiger = Annotated[tuple[Principaal, Besluit], Depends(vereist(SCOPE, VERTEGENWOORDIGEN))]
_BSN = r"^[0-9]{9}$"
ClientId = Annotated[
    str, FastApiPath(alias="clientId", pattern=r"^digid-[0-9a-f]{16}$", description="De client_id van de dienst")
]
_URI = Annotated[str, Field(min_length=8, max_length=2000, pattern=r"^[^\x00-\x1f\x7f ]+$")]


class DienstNieuw(BaseModel):
    """A service to connect to DigiD."""

    model_config = ConfigDict(extra="forbid")

    naam: str = Field(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f]+$",
        description="De naam die de burger ziet bij het inloggen",
        examples=["Gemeente Proefstad: parkeervergunning"],
    )
    oin: str | None = Field(
        default=None, pattern=r"^[0-9]{20}$", description="OIN van de organisatie (standaard: die van de aanvrager)"
    )
    redirectUris: list[_URI] = Field(
        min_length=1, max_length=20, description="De terugkeeradressen (https; http alleen voor localhost)"
    )
    postLogoutRedirectUris: list[_URI] = Field(
        default_factory=list, max_length=20, description="Adressen waarheen na het uitloggen mag worden teruggekeerd"
    )
    minimumNiveau: Literal["basis", "midden", "substantieel", "hoog"] = Field(
        default="basis", description="Het niveau dat de dienst ten minste vraagt"
    )
    jwks: dict[str, Any] | None = Field(
        default=None,
        description="JWK Set met publieke sleutels: met een ondertekensleutel authenticeert de dienst met "
        "private_key_jwt, met een sleutel voor versleuteling (use enc) krijgt hij zijn ID tokens versleuteld",
    )


class Dienst(BaseModel):
    """A service connected to DigiD."""

    clientId: str = Field(description="De client_id")
    naam: str = Field(description="De naam die de burger ziet")
    oin: str = Field(description="OIN van de organisatie")
    redirectUris: list[str] = Field(description="De terugkeeradressen")
    postLogoutRedirectUris: list[str] = Field(description="De adressen na het uitloggen")
    minimumNiveau: str = Field(description="Het niveau dat de dienst ten minste vraagt")
    authenticatie: str = Field(description="client_secret_basic/_post of private_key_jwt")
    clientSecret: str | None = Field(
        default=None, description="Het client secret: alleen in het antwoord op het aansluiten, één keer"
    )


class Diensten(BaseModel):
    """The services an organisation connected."""

    diensten: list[Dienst] = Field(description="De diensten")


def _als_json(client: ClientRow, secret: str | None = None) -> dict[str, Any]:
    antwoord = {
        "clientId": client.client_id,
        "naam": client.naam,
        "oin": client.oin,
        "redirectUris": client.redirect_uris,
        "postLogoutRedirectUris": client.post_logout_redirect_uris,
        "minimumNiveau": client.minimum_niveau,
        "authenticatie": "private_key_jwt" if diensten.met_ondertekensleutel(client.jwks) else "client_secret_basic",
    }
    return antwoord | ({"clientSecret": secret} if secret else {})


async def _mag_alles(ctx: Context, afnemer: Principaal) -> bool:
    """Whether the caller may manage the services of any organisation."""
    if afnemer.oin is None:
        return True
    try:
        await ctx.toegang.authorize(afnemer, Toegangsvraag(SCOPE, BEHEER))
    except Problem:  # the policy's 403: only its own services
        return False
    return True


async def _eigen(ctx: Context, afnemer: Principaal, client_id: str) -> ClientRow:
    """The service ``client_id`` if the caller may manage it (else not found: another's does not exist for it)."""
    gevonden = await diensten.dienst(ctx.database, client_id)
    if gevonden is None or (gevonden.oin != afnemer.oin and not await _mag_alles(ctx, afnemer)):
        raise NietGevonden(f"Geen dienst met client_id {client_id}")
    return gevonden


beheer_router = APIRouter(prefix="/beheer", default_response_class=JsonResponse)


@beheer_router.post(
    "/diensten",
    status_code=201,
    summary="Een dienst op DigiD aansluiten",
    tags=["Beheer"],
    response_model=Dienst,
    response_model_exclude_none=True,
    responses=problem_responses(403),
)
async def aansluiten(toegang: Aansluiter, ctx: Deployment, body: DienstNieuw) -> Response:
    afnemer, _ = toegang
    oin = body.oin or afnemer.oin or ctx.settings.oin
    if oin != afnemer.oin:
        await ctx.toegang.authorize(afnemer, Toegangsvraag(SCOPE, BEHEER))
    aansluiting = await diensten.registreer(
        ctx.database,
        body.naam,
        oin,
        body.redirectUris,
        Niveau.van(body.minimumNiveau) or Niveau.BASIS,
        post_logout_redirect_uris=body.postLogoutRedirectUris,
        jwks=body.jwks,
    )
    gevonden = await diensten.dienst(ctx.database, aansluiting.client_id)
    assert gevonden is not None
    return JsonResponse(_als_json(gevonden, aansluiting.secret), status_code=201)


@beheer_router.get("/diensten", summary="De aangesloten diensten", tags=["Beheer"], response_model=Diensten)
async def lijst(toegang: Aansluiter, ctx: Deployment) -> dict[str, Any]:
    afnemer, _ = toegang
    oin = None if await _mag_alles(ctx, afnemer) else afnemer.oin
    return {"diensten": [_als_json(client) for client in await diensten.lijst(ctx.database, oin)]}


@beheer_router.get(
    "/diensten/{clientId}",
    summary="Een aangesloten dienst",
    tags=["Beheer"],
    response_model=Dienst,
    response_model_exclude_none=True,
    responses=problem_responses(404),
)
async def toon(toegang: Aansluiter, ctx: Deployment, client_id: ClientId) -> dict[str, Any]:
    return _als_json(await _eigen(ctx, toegang[0], client_id))


@beheer_router.delete(
    "/diensten/{clientId}",
    status_code=204,
    summary="Een dienst afsluiten",
    tags=["Beheer"],
    responses=problem_responses(404),
)
async def afsluiten(toegang: Aansluiter, ctx: Deployment, client_id: ClientId) -> Response:
    await _eigen(ctx, toegang[0], client_id)
    await diensten.verwijder(ctx.database, client_id)
    return Response(status_code=204)


class SamlDienstNieuw(BaseModel):
    """A service to connect to DigiD over SAML, by its metadata."""

    model_config = ConfigDict(extra="forbid")

    naam: str = Field(
        min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$", description="De naam die de burger ziet"
    )
    oin: str | None = Field(
        default=None, pattern=r"^[0-9]{20}$", description="OIN van de organisatie (standaard: die van de aanvrager)"
    )
    metadata: str = Field(
        min_length=100, max_length=100_000, description="De SAML-metadata van de dienst (een EntityDescriptor, XML)"
    )
    minimumNiveau: Literal["basis", "midden", "substantieel", "hoog"] = Field(
        default="basis", description="Het niveau dat de dienst ten minste vraagt"
    )


class SamlDienst(BaseModel):
    """A service connected to DigiD over SAML."""

    id: str = Field(description="Het nummer van de aansluiting")
    entityId: str = Field(description="De entityID van de dienst")
    naam: str = Field(description="De naam die de burger ziet")
    oin: str = Field(description="OIN van de organisatie")
    minimumNiveau: str = Field(description="Het niveau dat de dienst ten minste vraagt")
    metadataIdp: str = Field(description="Waar de metadata van DigiD staat")


@beheer_router.post(
    "/saml-diensten",
    status_code=201,
    summary="Een dienst via SAML op DigiD aansluiten, met zijn metadata",
    tags=["Beheer"],
    response_model=SamlDienst,
    responses=problem_responses(403, 409),
)
async def saml_aansluiten(toegang: Aansluiter, ctx: Deployment, body: SamlDienstNieuw) -> Response:
    afnemer, _ = toegang
    oin = body.oin or afnemer.oin or ctx.settings.oin
    if oin != afnemer.oin:
        await ctx.toegang.authorize(afnemer, Toegangsvraag(SCOPE, BEHEER))
    niveau = Niveau.van(body.minimumNiveau) or Niveau.BASIS
    dienst_id = await samlidp.registreer(ctx.database, body.naam, oin, body.metadata.encode(), niveau)
    gelezen = saml.lees_sp_metadata(body.metadata.encode())
    antwoord = {
        "id": dienst_id,
        "entityId": gelezen.entity_id,
        "naam": body.naam.strip(),
        "oin": oin,
        "minimumNiveau": niveau.naam,
        "metadataIdp": f"{ctx.settings.base_url}/digid/saml/metadata",
    }
    return JsonResponse(antwoord, status_code=201)


class VertegenwoordigingNieuw(BaseModel):
    """Bewind, curatele or mentorschap to record."""

    model_config = ConfigDict(extra="forbid")

    soort: Literal["bewind", "curatele", "mentorschap"] = Field(description="De soort vertegenwoordiging")
    vertegenwoordigde: str = Field(pattern=_BSN, description="BSN van wie wordt vertegenwoordigd")
    vertegenwoordiger: str = Field(pattern=_BSN, description="BSN van de bewindvoerder, curator of mentor")
    clientId: str | None = Field(
        default=None, pattern=r"^digid-[0-9a-f]{16}$", description="Alleen voor deze dienst (standaard: elke dienst)"
    )


class Vertegenwoordiging(BaseModel):
    """A representation in force."""

    id: int = Field(description="Het nummer van de vertegenwoordiging")
    soort: str = Field(description="machtiging, bewind, curatele of mentorschap")
    vertegenwoordigde: str = Field(description="BSN van wie wordt vertegenwoordigd")
    vertegenwoordiger: str = Field(description="BSN van wie namens hem inlogt")
    clientId: str | None = Field(default=None, description="De dienst; leeg: elke dienst")
    dienst: str = Field(description="De naam van de dienst")
    gegeven: str = Field(description="Sinds wanneer (ISO 8601)")


class Vertegenwoordigingen(BaseModel):
    """The representations in force of a person."""

    vertegenwoordigingen: list[Vertegenwoordiging] = Field(description="Gegeven en ontvangen")


def _vertegenwoordiging(item: machtigen.Machtiging) -> dict[str, Any]:
    antwoord = {
        "id": item.id,
        "soort": item.soort,
        "vertegenwoordigde": item.volmachtgever,
        "vertegenwoordiger": item.gemachtigde,
        "dienst": item.dienst,
        "gegeven": item.gegeven.isoformat(),
    }
    return antwoord | ({"clientId": item.client_id} if item.client_id else {})


@beheer_router.post(
    "/vertegenwoordigingen",
    status_code=201,
    summary="Bewind, curatele of mentorschap vastleggen",
    tags=["Vertegenwoordiging"],
    response_model=Vertegenwoordiging,
    response_model_exclude_none=True,
)
async def vertegenwoordigen(_toegang: Vertegenwoordiger, ctx: Deployment, body: VertegenwoordigingNieuw) -> Response:
    nu = datetime.now(UTC)
    nummer = await machtigen.geef(
        ctx.database,
        body.soort,
        body.vertegenwoordigde,
        body.vertegenwoordiger,
        body.clientId,
        weigering=weigering_uit(ctx.personen),
        nu=nu,
    )
    gegeven = next(item for item in await machtigen.van(ctx.database, body.vertegenwoordigde) if item.id == nummer)
    return JsonResponse(_vertegenwoordiging(gegeven), status_code=201)


@beheer_router.get(
    "/vertegenwoordigingen",
    summary="De vertegenwoordigingen van een persoon",
    tags=["Vertegenwoordiging"],
    response_model=Vertegenwoordigingen,
)
async def vertegenwoordigingen(
    _toegang: Vertegenwoordiger,
    ctx: Deployment,
    burgerservicenummer: Annotated[
        str, Query(pattern=_BSN, description="De persoon, als vertegenwoordigde of vertegenwoordiger")
    ],
) -> dict[str, Any]:
    return {
        "vertegenwoordigingen": [
            _vertegenwoordiging(item) for item in await machtigen.van(ctx.database, burgerservicenummer)
        ]
    }


@beheer_router.delete(
    "/vertegenwoordigingen/{vertegenwoordigingId}",
    status_code=204,
    summary="Een vertegenwoordiging beëindigen",
    tags=["Vertegenwoordiging"],
    responses=problem_responses(404),
)
async def beeindigen(
    _toegang: Vertegenwoordiger,
    ctx: Deployment,
    nummer: Annotated[int, FastApiPath(alias="vertegenwoordigingId", ge=1, le=2**31 - 1, description="Het nummer")],
) -> Response:
    await machtigen.trek_in(ctx.database, nummer, None, datetime.now(UTC))
    return Response(status_code=204)
