# SPDX-License-Identifier: EUPL-1.2
"""The HTTP edge of Digikoppeling: the OAuth 2.0 authorization server (token endpoint, JWKS,
metadata), the beheer API of the organisation register and its autorisatiebesluiten, and the
protocollering for bronhouders and supervisors."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as FastApiPath
from starlette.datastructures import FormData
from starlette.responses import Response

from opengdi.kernel.api import JSON_UTF8, JsonResponse
from opengdi.kernel.blocks import Api, api_app, include_routes
from opengdi.kernel.context import Aanvrager, Context, Deployment, context, request_id, vereist
from opengdi.kernel.openapi import declare_openapi, problem_responses, requirement, security_schemes, versioned_server
from opengdi.kernel.problems import PROBLEM_JSON, InvalidParam, Problem, bad_request
from opengdi.kernel.protocollering import BSN, Subject
from opengdi.kernel.toegang import Besluit, Principaal, PrincipaalSoort
from opengdi.kernel.transacties import mark_afnemer
from opengdi.kernel.uow import UnitOfWork
from opengdi.stelsel.digikoppeling import beheer, pki, service, tokens
from opengdi.stelsel.digikoppeling import oin as oins
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.schemas import AutorisatieNieuw, OrganisatieNieuw, PubliekeSleutel
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang
from opengdi.stelsel.digikoppeling.tokens import ASSERTION_TYPE, TokenFout

PREFIX = "/digikoppeling"
TOKEN_URL = f"{PREFIX}/oauth2/token"
METADATA_URL = f"{PREFIX}/.well-known/oauth-authorization-server"
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


async def _beleid(request: Request) -> DigikoppelingToegang:
    beleid = context(request).beleid
    assert isinstance(beleid, DigikoppelingToegang)
    return beleid


#: The dependency of a route that needs the deployment's Digikoppeling policy (in force or not).
Beleid = Annotated[DigikoppelingToegang, Depends(_beleid)]
Beheerder = Annotated[tuple[Principaal, Besluit], Depends(vereist("digikoppeling", "beheer"))]

#: The routes of the Digikoppeling API: the authorization server, the register's beheer and the protocollering.
digikoppeling_router = APIRouter(default_response_class=JsonResponse)

#: The answer of the token endpoint (RFC 6749 §5.1).
_TOKEN_ANSWER_SCHEMA = {
    "type": "object",
    "required": ["access_token", "token_type", "expires_in"],
    "properties": {
        "access_token": {"type": "string", "description": "het access token (JWT)"},
        "token_type": {"type": "string", "enum": ["Bearer"]},
        "expires_in": {"type": "integer", "description": "geldigheid in seconden"},
        "scope": {"type": "string"},
    },
}
_TOKEN_ANSWER = {"schema": _TOKEN_ANSWER_SCHEMA}


@digikoppeling_router.post(
    "/oauth2/token",
    summary="Een access token aanvragen (client credentials)",
    tags=["OAuth 2.0"],
    responses=problem_responses(401),
    openapi_extra={
        "security": [],
        "responses": {"200": {"description": "Het access token", "content": {JSON_UTF8: _TOKEN_ANSWER}}},
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
        },
    },
)
async def token(request: Request, toegang: Beleid) -> Response:
    return await _token(request, toegang)


@digikoppeling_router.get(
    "/oauth2/jwks",
    summary="De sleutels waarmee access tokens zijn ondertekend",
    tags=["OAuth 2.0"],
    openapi_extra={"security": []},
)
async def jwks(toegang: Beleid) -> dict[str, Any]:
    return dict((await toegang.uitgever.public_keys()).as_dict())


# RFC 8414 fixes this path, which the Design Rules' kebab-case rule refuses: not in the document
# (its description and the security scheme point to it).
@digikoppeling_router.get("/.well-known/oauth-authorization-server", include_in_schema=False)
async def metadata(ctx: Deployment, toegang: Beleid) -> dict[str, Any]:
    return _metadata(toegang, ctx.catalogus.scopes)


@digikoppeling_router.get("/organisaties", summary="Organisaties in het register", tags=["Organisaties"])
async def lijst(_: Beheerder, ctx: Deployment, soort: str | None = None) -> dict[str, Any]:
    return {"organisaties": [_org_json(org) for org in await beheer.list_organisaties(ctx.database, soort=soort)]}


@digikoppeling_router.get(
    "/organisaties/{oin}",
    summary="Een organisatie met haar autorisatiebesluiten",
    tags=["Organisaties"],
    responses=problem_responses(404),
)
async def tonen(_: Beheerder, ctx: Deployment, oin: str) -> dict[str, Any]:
    organisatie, grants = await beheer.show_organisatie(ctx.database, oin=oin)
    return _org_json(organisatie, grants)


@digikoppeling_router.post(
    "/organisaties",
    status_code=201,
    summary="Een organisatie aansluiten",
    tags=["Organisaties"],
    responses=problem_responses(409),
)
async def aansluiten(_: Beheerder, ctx: Deployment, body: OrganisatieNieuw) -> Response:
    organisatie = Organisatie(_new_oin(body), body.naam, body.soort, body.gemeentecode, body.cbs_code)
    async with UnitOfWork(ctx.database) as uow:
        await service.register(uow, organisatie)
    return JsonResponse(_org_json(organisatie, []), status_code=201)


@digikoppeling_router.post(
    "/organisaties/{oin}/intrekking",
    summary="Een organisatie intrekken",
    tags=["Organisaties"],
    responses=problem_responses(404),
)
async def intrekken(_: Beheerder, ctx: Deployment, toegang: Beleid, oin: str) -> dict[str, Any]:
    await beheer.revoke_organisatie(ctx.database, toegang, oin=oin)
    return {"oin": oin, "actief": False}


@digikoppeling_router.post(
    "/organisaties/{oin}/sleutels",
    status_code=201,
    summary="Een publieke sleutel registreren",
    tags=["Organisaties"],
    responses=problem_responses(404, 409),
)
async def sleutel(_: Beheerder, ctx: Deployment, oin: str, body: PubliekeSleutel) -> Response:
    kid = await beheer.register_key(ctx.database, oin=oin, jwk=body.jwk())
    return JsonResponse({"oin": oin, "kid": kid}, status_code=201)


@digikoppeling_router.post(
    "/organisaties/{oin}/autorisaties",
    status_code=201,
    summary="Een autorisatiebesluit vastleggen",
    tags=["Autorisaties"],
    responses=problem_responses(404),
)
async def autoriseren(_: Beheerder, ctx: Deployment, toegang: Beleid, oin: str, body: AutorisatieNieuw) -> Response:
    recorded = await beheer.record_grant(ctx.database, toegang, oin=oin, body=body, soorten=ctx.beperkingen)
    return JsonResponse(_grant_json(recorded), status_code=201)


@digikoppeling_router.delete(
    "/autorisaties/{grant_id}",
    status_code=204,
    summary="Een autorisatiebesluit intrekken",
    tags=["Autorisaties"],
    responses=problem_responses(404),
)
async def intrekken_autorisatie(
    _: Beheerder, ctx: Deployment, toegang: Beleid, grant_id: Annotated[int, FastApiPath(ge=1, le=MAX_ID)]
) -> Response:
    await beheer.revoke_grant(ctx.database, toegang, grant_id=grant_id)
    return Response(status_code=204)


@digikoppeling_router.get(
    "/protocollering",
    summary="Protocollering inzien",
    tags=["Protocollering"],
    openapi_extra={"security": requirement("protocollering")},
)
async def protocollering(
    request: Request,
    afnemer: Aanvrager,
    ctx: Deployment,
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
    subject = _subject_filter(burgerservicenummer, subjectSoort, subjectIdentificatie)
    filters = beheer.ProtocolFilter(subject, afnemerIdentificatie or afnemerOin, bouwsteen, vanaf, tot, limit, offset)
    regels = await beheer.read_protocol(ctx, afnemer=afnemer, request_id=request_id(request), filters=filters)
    return {"protocolregels": regels}


def _scope_descriptions(scopes: Iterable[str]) -> dict[str, str]:
    return {scope: f"De operaties onder scope {scope}" for scope in scopes}


def digikoppeling_api(deployment: Context) -> Api:
    """The Digikoppeling API (:data:`digikoppeling_router`) for a deployment whose policy is Digikoppeling's."""
    assert isinstance(deployment.beleid, DigikoppelingToegang)
    app = api_app(
        "Digikoppeling",
        VERSION,
        "Organisaties met hun OIN, OAuth 2.0 client credentials (private_key_jwt of tls_client_auth), "
        "autorisatiebesluiten en protocollering. De metadata van de autorisatieserver (RFC 8414) staat op "
        f"{METADATA_URL}.",
    )
    include_routes(app, digikoppeling_router)
    declare_openapi(
        app,
        server=versioned_server(PREFIX, VERSION),
        security_schemes=security_schemes(TOKEN_URL, METADATA_URL, _scope_descriptions(deployment.catalogus.scopes)),
        security=requirement("digikoppeling"),
    )
    return Api(PREFIX, "Digikoppeling", VERSION, app, "OIN-register, tokens, autorisatiebesluiten, protocollering")
