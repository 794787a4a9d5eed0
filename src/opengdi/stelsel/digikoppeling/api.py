# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of Digikoppeling: the OAuth 2.0 authorization server (token endpoint, JWKS,
metadata), the beheer API of the organisation register and its autorisatiebesluiten, and the
protocollering for bronhouders and supervisors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as FastApiPath
from starlette.datastructures import FormData
from starlette.responses import Response

from opengdi.kernel.api import JsonResponse
from opengdi.kernel.blocks import Api, api_app
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.context import Aanvrager, Context, context, protocolleer, vereist
from opengdi.kernel.db import Database
from opengdi.kernel.problems import PROBLEM_JSON, InvalidParam, Problem, bad_request, not_found
from opengdi.kernel.protocollering import BSN, ProtocolVraag, Subject, find_records
from opengdi.kernel.toegang import Besluit, Principaal, PrincipaalSoort, Toegangsvraag
from opengdi.kernel.transacties import mark_afnemer
from opengdi.stelsel.digikoppeling import oin as oins
from opengdi.stelsel.digikoppeling import organisaties, pki, service, tokens
from opengdi.stelsel.digikoppeling.autorisatie import (
    Beperkingsoorten,
    Grant,
    OngeldigBesluit,
    OngeldigeBeperking,
    check_grant,
    eigen_gemeente,
)
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.schemas import AutorisatieNieuw, OrganisatieNieuw, PubliekeSleutel
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang
from opengdi.stelsel.digikoppeling.tokens import ASSERTION_TYPE, TokenFout

PREFIX = "/digikoppeling"
VERSION = "1.0.0"
_STATUS = {"invalid_client": 401, "invalid_request": 400, "invalid_scope": 400, "unsupported_grant_type": 400}
#: The parameters of a token request; other parameters are ignored (RFC 6749 §3.2).
TOKEN_PARAMETERS = ("grant_type", "client_id", "client_assertion_type", "client_assertion", "scope")


def _token_error(fout: TokenFout) -> Response:
    status = _STATUS.get(fout.error, 400)
    body = {
        "type": "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2",
        "title": "Geen token uitgegeven.",
        "status": status,
        "detail": fout.description,
        "code": fout.error,
        "error": fout.error,
        "error_description": fout.description,
    }
    if fout.parameter:
        body["invalidParams"] = [fout.parameter.as_json()]
    headers = {"WWW-Authenticate": 'Bearer realm="opengdi"'} if status == 401 else None
    return JsonResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _metadata(toegang: DigikoppelingToegang, scopes: Iterable[str]) -> dict[str, Any]:
    eindpunten = toegang.uitgever.eindpunten
    return {
        "issuer": eindpunten.issuer,
        "token_endpoint": eindpunten.token,
        "jwks_uri": eindpunten.jwks,
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["private_key_jwt", "tls_client_auth"],
        "token_endpoint_auth_signing_alg_values_supported": ["RS256", "PS256", "ES256"],
        "scopes_supported": sorted(scopes),
        "tls_client_certificate_bound_access_tokens": True,
    }


def _token_fields(form: FormData) -> dict[str, str]:
    """The token request's parameters; one given more than once is refused (RFC 6749 §3.2)."""
    for name in TOKEN_PARAMETERS:
        if len(form.getlist(name)) > 1:
            raise TokenFout(
                "invalid_request",
                f"De parameter '{name}' mag maar één keer voorkomen.",
                InvalidParam(name, "duplicateParam", "Parameter komt meer dan één keer voor."),
            )
    return {key: value for key, value in form.items() if key in TOKEN_PARAMETERS and isinstance(value, str)}


async def _token(request: Request, toegang: DigikoppelingToegang) -> Response:
    form = await request.form()
    uitgever = toegang.uitgever
    try:
        fields = _token_fields(form)
        if fields.get("grant_type") != "client_credentials":
            raise TokenFout("unsupported_grant_type", "Alleen grant_type=client_credentials wordt ondersteund.")
        if fields.get("client_assertion"):
            if fields.get("client_assertion_type") != ASSERTION_TYPE:
                raise TokenFout("invalid_request", f"client_assertion_type moet {ASSERTION_TYPE} zijn.")
            answer = await uitgever.token_for_assertion(
                fields["client_assertion"], fields.get("client_id"), fields.get("scope"), pki.now_utc()
            )
        else:
            try:
                certificate = toegang.client_certificate(request)
            except Problem as problem:
                raise TokenFout("invalid_client", problem.detail or problem.title) from problem
            if certificate is None:
                raise TokenFout(
                    "invalid_client",
                    "Authenticeer met private_key_jwt (client_assertion) of met een "
                    "clientcertificaat (tls_client_auth).",
                )
            answer = await uitgever.token_for_certificate(certificate, fields.get("scope"), pki.now_utc())
    except TokenFout as fout:
        toegang.log_refusal(fout)
        return _token_error(fout)
    oin = tokens.unverified_claims(answer["access_token"])["oin"]
    mark_afnemer(request.scope, PrincipaalSoort.ORGANISATIE.value, oin)
    return JsonResponse(answer, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


def _org_json(organisatie: Organisatie, grants: list[Grant] | None = None) -> dict[str, Any]:
    result = organisatie.as_json()
    if grants is not None:
        result["autorisaties"] = [_grant_json(grant) for grant in grants]
    return result


def _grant_json(grant: Grant) -> dict[str, Any]:
    return {
        "id": grant.id,
        "bouwsteen": grant.bouwsteen,
        "doelbinding": grant.doelbinding,
        "omschrijving": grant.omschrijving,
        "operaties": sorted(grant.operaties),
        "velden": list(grant.velden),
        "beperkingen": dict(grant.beperkingen),
    }


#: The largest id or offset accepted (a 32-bit integer column on PostgreSQL).
MAX_ID = 2**31 - 1


def _given_oin(value: str) -> str:
    if not oins.is_valid_oin(value):
        raise ValueError(value)
    return value


#: Where the OIN of a new organisation can come from, per body member, and what that member is.
_OIN_UIT: dict[str, tuple[Callable[[str], str], str]] = {
    "oin": (_given_oin, "Waarde is geen geldig OIN."),
    "rsin": (oins.uit_rsin, "Waarde is geen geldig RSIN."),
    "kvkNummer": (oins.uit_kvk, "Waarde is geen geldig KvK-nummer."),
}


def _new_oin(body: OrganisatieNieuw) -> str:
    """The OIN of a new organisation: given, or built from its RSIN or KvK-nummer."""
    given = {"oin": body.oin, "rsin": body.rsin, "kvkNummer": body.kvk_nummer}
    for name, value in given.items():
        if value:
            build, reason = _OIN_UIT[name]
            try:
                return build(value)
            except ValueError as error:
                raise bad_request([InvalidParam(name, "value", reason)]) from error
    raise bad_request([InvalidParam("oin", "required", "Parameter is verplicht als rsin en kvkNummer ontbreken.")])


Beheerder = Annotated[tuple[Principaal, Besluit], Depends(vereist("digikoppeling", "beheer"))]


def _new_grant(body: AutorisatieNieuw, soorten: Beperkingsoorten) -> Grant:
    """The grant a body asks for; ``alleenEigenGemeente`` is shorthand for each restriction of the
    building block that takes the organisation's gemeentecode, as ``eigen``."""
    gegeven = dict(body.beperkingen)
    if body.alleen_eigen_gemeente:
        gegeven = {**eigen_gemeente(body.bouwsteen, soorten, "alleenEigenGemeente"), **gegeven}
    return Grant(
        0,
        body.bouwsteen,
        body.doelbinding,
        body.omschrijving,
        frozenset(body.operaties),
        tuple(body.velden),
        gegeven,
    )


async def _record_grant(
    database: Database, oin: str, body: AutorisatieNieuw, catalogus: Catalogus, soorten: Beperkingsoorten
) -> Grant:
    """Record the grant a body asks for; 404 for an unknown organisation, 400 naming a refused restriction."""
    try:
        return await service.grant(database, oin, _new_grant(body, soorten), catalogus, soorten)
    except service.OnbekendeOrganisatie as error:
        raise not_found(str(error)) from error
    except OngeldigeBeperking as error:
        raise bad_request([InvalidParam(_given(body, error.parameter), "invalid", str(error))]) from error


def _given(body: AutorisatieNieuw, parameter: str) -> str:
    """The body member behind a refused restriction: itself, or the shorthand that produced it."""
    naam = parameter.removeprefix("beperkingen.")
    return "alleenEigenGemeente" if body.alleen_eigen_gemeente and naam not in body.beperkingen else parameter


def _register_routes(app: FastAPI, toegang: DigikoppelingToegang, soorten: Beperkingsoorten) -> None:
    database = toegang.uitgever.database

    @app.get("/organisaties", summary="Organisaties in het register", tags=["Organisaties"])
    async def lijst(_: Beheerder, soort: str | None = None) -> dict[str, Any]:
        async with database.session() as session:
            return {"organisaties": [_org_json(org) for org in await organisaties.list_organisaties(session, soort)]}

    @app.get("/organisaties/{oin}", summary="Een organisatie met haar autorisatiebesluiten", tags=["Organisaties"])
    async def tonen(_: Beheerder, oin: str) -> dict[str, Any]:
        async with database.session() as session:
            organisatie = await organisaties.get_organisatie(session, oin)
            if organisatie is None:
                raise not_found(f"Er is geen organisatie met OIN {oin}.")
            return _org_json(organisatie, await organisaties.grants_of(session, oin))

    @app.post("/organisaties", status_code=201, summary="Een organisatie aansluiten", tags=["Organisaties"])
    async def aansluiten(_: Beheerder, body: OrganisatieNieuw) -> Response:
        organisatie = Organisatie(_new_oin(body), body.naam, body.soort, body.gemeentecode, body.cbs_code)
        try:
            await service.register(database, organisatie)
        except service.BestaandeOrganisatie as error:
            raise Problem(status=409, title="Deze organisatie bestaat al.", code="unique", detail=str(error)) from error
        return JsonResponse(_org_json(organisatie, []), status_code=201)

    @app.post("/organisaties/{oin}/intrekking", summary="Een organisatie intrekken", tags=["Organisaties"])
    async def intrekken(_: Beheerder, oin: str) -> dict[str, Any]:
        if not await service.revoke(database, oin):
            raise not_found(f"Er is geen actieve organisatie met OIN {oin}.")
        toegang.forget(oin)
        return {"oin": oin, "actief": False}

    @app.post(
        "/organisaties/{oin}/sleutels",
        status_code=201,
        summary="Een publieke sleutel registreren",
        tags=["Organisaties"],
    )
    async def sleutel(_: Beheerder, oin: str, body: PubliekeSleutel) -> Response:
        try:
            kid = await service.register_public_key(database, oin, body.jwk())
        except service.OnbekendeOrganisatie as error:
            raise not_found(str(error)) from error
        except tokens.OngeldigeSleutel as error:
            raise bad_request([InvalidParam(error.parameter, "value", str(error))]) from error
        return JsonResponse({"oin": oin, "kid": kid}, status_code=201)

    @app.post(
        "/organisaties/{oin}/autorisaties",
        status_code=201,
        summary="Een autorisatiebesluit vastleggen",
        tags=["Autorisaties"],
    )
    async def autoriseren(_: Beheerder, oin: str, body: AutorisatieNieuw) -> Response:
        try:
            check_grant(toegang.catalogus, body.bouwsteen, body.operaties, body.velden)
        except OngeldigBesluit as error:
            raise bad_request(error.errors) from error
        recorded = await _record_grant(database, oin, body, toegang.catalogus, soorten)
        toegang.forget(oin)
        return JsonResponse(_grant_json(recorded), status_code=201)

    @app.delete(
        "/autorisaties/{grant_id}", status_code=204, summary="Een autorisatiebesluit intrekken", tags=["Autorisaties"]
    )
    async def intrekken_autorisatie(_: Beheerder, grant_id: Annotated[int, FastApiPath(ge=1, le=MAX_ID)]) -> Response:
        oin = await service.revoke_grant(database, grant_id)
        if oin is None:
            raise not_found(f"Er is geen actief autorisatiebesluit {grant_id}.")
        toegang.forget(oin)
        return Response(status_code=204)

    @app.get("/protocollering", summary="Protocollering inzien", tags=["Protocollering"])
    async def protocollering(
        request: Request,
        afnemer: Aanvrager,
        burgerservicenummer: Annotated[str | None, Query(pattern=r"^[0-9]{9}$")] = None,
        subjectSoort: Annotated[str | None, Query(pattern=_SOORT, description=_SUBJECT_SOORT)] = None,  # noqa: N803
        subjectIdentificatie: Annotated[  # noqa: N803 - API name
            str | None, Query(pattern=_IDENTIFICATIE, description="de identificatie van het subject")
        ] = None,
        afnemerOin: Annotated[str | None, Query(pattern=r"^[0-9]{20}$")] = None,  # noqa: N803 - API name
        afnemerIdentificatie: Annotated[  # noqa: N803 - API name
            str | None, Query(pattern=r"^[0-9A-Za-z]{1,20}$", description="OIN, BSN of KvK-nummer van de afnemer")
        ] = None,
        bouwsteen: str | None = None,
        vanaf: datetime | None = None,
        tot: datetime | None = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    ) -> dict[str, Any]:
        ctx = context(request)
        subject = _subject_filter(burgerservicenummer, subjectSoort, subjectIdentificatie)
        # The fields of a protocollering grant are the building blocks whose records it may read.
        asked = frozenset({bouwsteen}) if bouwsteen else frozenset()
        vraag = Toegangsvraag("protocollering", "raadplegen", asked)
        besluit = await ctx.toegang.authorize(afnemer, vraag)
        bouwstenen = asked or besluit.velden
        filters = {
            "subjectSoort": subject.soort if subject else None,
            "subjectIdentificatie": subject.identificatie if subject else None,
            "afnemerIdentificatie": afnemerIdentificatie or afnemerOin,
            "bouwsteen": bouwsteen,
            "vanaf": vanaf,
            "tot": tot,
            "limit": limit,
            "offset": offset,
        }
        protocolvraag = ProtocolVraag(
            subject, afnemerIdentificatie or afnemerOin, bouwstenen, vanaf, tot, limit, offset
        )
        await protocolleer(
            request,
            afnemer,
            besluit,
            Toegangsvraag("protocollering", "raadplegen", frozenset({"protocollering"})),
            [[subject]] if subject else [],
            zoekvraag={key: value for key, value in filters.items() if value is not None},
            persoonsgegevens=True,
        )
        return {"protocolregels": await find_records(ctx.database, protocolvraag)}


#: The kind of a subject identifier (``burgerservicenummer``, ``aNummer``, ``kvkNummer``, …) and its form.
_SOORT = r"^[A-Za-z][A-Za-z0-9._-]{0,29}$"
_IDENTIFICATIE = r"^[0-9A-Za-z._-]{1,40}$"
_SUBJECT_SOORT = "soort identificatie van het subject (burgerservicenummer, aNummer, kvkNummer, …)"


def _subject_filter(bsn: str | None, soort: str | None, identificatie: str | None) -> Subject | None:
    """The subject to filter on: a BSN (``burgerservicenummer``), or a kind and identifier given together."""
    if (soort is None) != (identificatie is None):
        missing = "subjectIdentificatie" if identificatie is None else "subjectSoort"
        raise bad_request([InvalidParam(missing, "required", "Geef subjectSoort en subjectIdentificatie samen op.")])
    if bsn is not None and soort is not None:
        raise bad_request(
            [InvalidParam("burgerservicenummer", "unsupportedCombi", "Geef burgerservicenummer of subjectSoort op.")]
        )
    if bsn is not None:
        return Subject(BSN, bsn)
    return Subject(soort, identificatie) if soort is not None and identificatie is not None else None


def digikoppeling_api(deployment: Context) -> Api:
    """The authorization server, the register's beheer API and the protocollering, for the
    deployment's Digikoppeling policy and the scopes its blocks offer."""
    toegang = deployment.beleid
    assert isinstance(toegang, DigikoppelingToegang)
    scopes = tuple(deployment.scopes)
    app = api_app(
        "Digikoppeling",
        VERSION,
        "Organisaties met hun OIN, OAuth 2.0 client credentials (private_key_jwt of tls_client_auth), "
        "autorisatiebesluiten en protocollering.",
    )

    @app.post(
        "/oauth2/token",
        summary="Een access token aanvragen (client credentials)",
        tags=["OAuth 2.0"],
        openapi_extra={
            "requestBody": {
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["grant_type"],
                            "properties": {
                                "grant_type": {"type": "string", "enum": ["client_credentials"]},
                                "client_id": {"type": "string", "description": "het OIN"},
                                "client_assertion_type": {"type": "string", "enum": [ASSERTION_TYPE]},
                                "client_assertion": {"type": "string"},
                                "scope": {"type": "string"},
                            },
                        }
                    }
                }
            }
        },
    )
    async def token(request: Request) -> Response:
        return await _token(request, toegang)

    @app.get("/oauth2/jwks", summary="De sleutels waarmee access tokens zijn ondertekend", tags=["OAuth 2.0"])
    async def jwks() -> dict[str, Any]:
        return dict((await toegang.uitgever.public_keys()).as_dict())

    @app.get("/.well-known/oauth-authorization-server", summary="Metadata (RFC 8414)", tags=["OAuth 2.0"])
    async def metadata() -> dict[str, Any]:
        return _metadata(toegang, scopes)

    _register_routes(app, toegang, deployment.beperkingen)
    return Api(PREFIX, "Digikoppeling", VERSION, app, "OIN-register, tokens, autorisatiebesluiten, protocollering")
