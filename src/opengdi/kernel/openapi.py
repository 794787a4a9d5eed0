# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI documents of the GDI's own APIs, as the NL API Design Rules ask them to be.

FastAPI generates a document from the routes; :func:`declare_openapi` makes it say what the API
really answers: every error as ``application/problem+json`` with one shared schema (``Foutbericht``,
the Haal Centraal shape) instead of FastAPI's 422, ``API-Version`` on every success, the API's
versioned server, a contact and the security schemes with their requirements. Official documents
that an API serves as published (Haal Centraal) are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import yaml
from fastapi import FastAPI

from opengdi.settings import Settings

#: The contact of a document served outside a deployment: the defaults of the ``GDI_CONTACT_…`` settings.
CONTACT = {
    key: str(Settings.model_fields[f"contact_{name}"].default)
    for key, name in (("name", "naam"), ("email", "email"), ("url", "url"))
}

INVALID_PARAM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Een parameter die niet correct is.",
    "properties": {
        "name": {"type": "string", "description": "Naam van de parameter, zoals fields[1] of a.b[0].c"},
        "code": {"type": "string", "minLength": 1, "description": "Systeemcode die het type fout aangeeft"},
        "reason": {"type": "string", "description": "Beschrijving van de fout in de parameterwaarde"},
    },
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Terugmelding bij een fout (RFC 9457, in de vorm van Haal Centraal).",
    "required": ["type", "title", "status", "code"],
    "properties": {
        "type": {"type": "string", "format": "uri", "description": "Link naar meer informatie over deze fout"},
        "title": {"type": "string", "description": "Beschrijving van de fout"},
        "status": {"type": "integer", "description": "HTTP-statuscode"},
        "detail": {"type": "string", "description": "Details over de fout"},
        "instance": {"type": "string", "format": "uri-reference", "description": "Pad van de aanroep"},
        "code": {"type": "string", "minLength": 1, "description": "Systeemcode die het type fout aangeeft"},
        "invalidParams": {
            "type": "array",
            "description": "Een melding per parameter die niet correct is",
            "items": {"$ref": "#/components/schemas/InvalidParam"},
        },
    },
}

API_VERSION_HEADER: dict[str, Any] = {
    "description": "Het volledige versienummer van de API die antwoordt",
    "schema": {"type": "string", "example": "1.0.0"},
}

#: What each error status means, in the words of the documents.
PROBLEM_DESCRIPTIONS = {
    400: "Een of meerdere parameters zijn niet correct.",
    401: "Niet correct geauthenticeerd.",
    403: "U bent niet geautoriseerd voor deze operatie.",
    404: "Opgevraagde resource bestaat niet.",
    406: "Gevraagde content type wordt niet ondersteund.",
    409: "Conflict met de bestaande gegevens.",
    413: "Verzoek is te groot.",
    415: "Media Type wordt niet ondersteund.",
    500: "Interne server fout.",
}

_METHODS = ("get", "put", "post", "delete", "patch")


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of a route for the errors (beyond the usual ones) it can answer."""
    return {status: {"description": PROBLEM_DESCRIPTIONS[status]} for status in statuses}


def _problem(status: str, response: Mapping[str, Any]) -> dict[str, Any]:
    description = PROBLEM_DESCRIPTIONS.get(int(status), response.get("description", "Fout"))
    schema = {"$ref": "#/components/schemas/Foutbericht"}
    return {"description": description, "content": {"application/problem+json": {"schema": schema}}}


def _finish_operation(operation: dict[str, Any], secured: bool) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    responses.pop("422", None)
    wanted = ["400", "500"]
    if secured and operation.get("security") != []:
        wanted += ["401", "403"]
    if "requestBody" in operation:
        wanted.append("413")
    for status in wanted:
        responses.setdefault(status, {})
    for status, response in list(responses.items()):
        if status[0] in "45":
            responses[status] = _problem(status, response)
        elif status[0] in "23":
            response.setdefault("headers", {})["API-Version"] = API_VERSION_HEADER
            if response.get("description") == "Successful Response":
                response["description"] = "Geslaagd."


def finish_document(
    document: dict[str, Any],
    *,
    server: str,
    contact: Mapping[str, str],
    security_schemes: Mapping[str, Any] | None = None,
    security: Sequence[Mapping[str, Sequence[str]]] = (),
) -> dict[str, Any]:
    """``document`` (as FastAPI generated it) made to declare what the API answers."""
    document["servers"] = [{"url": server}]
    document["info"]["contact"] = dict(contact)
    for item in document.get("paths", {}).values():
        for method in _METHODS:
            if method in item:
                _finish_operation(item[method], secured=bool(security))
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for generated in ("HTTPValidationError", "ValidationError"):
        schemas.pop(generated, None)
    schemas["Foutbericht"] = PROBLEM_SCHEMA
    schemas["InvalidParam"] = INVALID_PARAM_SCHEMA
    if security_schemes:
        components["securitySchemes"] = dict(security_schemes)
        document["security"] = [dict(requirement) for requirement in security]
    return document


def declare_openapi(
    app: FastAPI,
    *,
    server: str,
    security_schemes: Mapping[str, Any] | None = None,
    security: Sequence[Mapping[str, Sequence[str]]] = (),
) -> None:
    """Serve ``app``'s generated document finished by :func:`finish_document`, with the contact of
    the deployment whose context the app was given (the settings ``GDI_CONTACT_…``)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if getattr(app.state, "openapi_finished", None) is None:
            context = getattr(app.state, "context", None)
            contact = context.settings.contact() if context is not None else CONTACT
            app.state.openapi_finished = finish_document(
                generate(), server=server, contact=contact, security_schemes=security_schemes, security=security
            )
        document: dict[str, Any] = app.state.openapi_finished
        return document

    app.openapi = openapi  # type: ignore[method-assign]
    app.root_path_in_servers = False  # the declared server already holds the mount prefix


def versioned_server(prefix: str, version: str) -> str:
    """The server of an API: its prefix with the major version (``/brp/beheer/v1``)."""
    return f"{prefix}/v{version.split('.', maxsplit=1)[0]}"


#: Where Digikoppeling, the GDI's authorization server, issues tokens and describes itself.
TOKEN_URL = "/digikoppeling/oauth2/token"
METADATA_URL = "/digikoppeling/.well-known/oauth-authorization-server"

#: The names of the two ways a client authenticates (see :func:`security_schemes`).
TOKEN_SCHEME = "digikoppeling"
CERTIFICATE_SCHEME = "clientcertificaat"


def security_schemes(token_url: str, metadata_url: str, scopes: Mapping[str, str]) -> dict[str, Any]:
    """How a client authenticates to the GDI's APIs: an access token (OAuth 2.0 client credentials,
    NL GOV profile) from ``token_url``, or a client certificate (mutual TLS)."""
    return {
        TOKEN_SCHEME: {
            "type": "oauth2",
            "description": "OAuth 2.0 client credentials met private_key_jwt (NL GOV) of tls_client_auth; "
            f"metadata (RFC 8414) op {metadata_url}.",
            "flows": {"clientCredentials": {"tokenUrl": token_url, "scopes": dict(scopes)}},
        },
        CERTIFICATE_SCHEME: {
            "type": "mutualTLS",
            "description": "Een PKIoverheid-clientcertificaat met het OIN van de organisatie.",
        },
    }


def requirement(scope: str) -> list[dict[str, list[str]]]:
    """The security requirement of an operation: a token with ``scope``, or a client certificate."""
    return [{TOKEN_SCHEME: [scope]}, {CERTIFICATE_SCHEME: []}]


def _as_json(value: Any) -> Any:
    """YAML's values as JSON has them: unquoted example dates (``2019-06-01``) as text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def load_published(text: str) -> dict[str, Any]:
    """A published OpenAPI document (YAML) as JSON would have it."""
    document: dict[str, Any] = _as_json(yaml.safe_load(text))
    return document


def token_scheme(scopes: Mapping[str, str]) -> dict[str, Any]:
    """Digikoppeling's access token as a security scheme an OpenAPI 3.0 document can declare (a
    published document; our own documents declare :func:`security_schemes`)."""
    return {
        "type": "oauth2",
        "description": "OAuth 2.0 client credentials met private_key_jwt (NL GOV), of een "
        f"clientcertificaat; zie {METADATA_URL}",
        "flows": {"clientCredentials": {"tokenUrl": TOKEN_URL, "scopes": dict(scopes)}},
    }


def as_published(document: dict[str, Any], prefix: str, scope: str, omschrijving: str) -> dict[str, Any]:
    """A published document as this deployment serves it: at ``prefix``, with Digikoppeling's token
    for ``scope`` as its security; the rest as published."""
    document["servers"] = [{"url": prefix, "description": "Open GDI"}]
    document.setdefault("components", {})["securitySchemes"] = {TOKEN_SCHEME: token_scheme({scope: omschrijving})}
    document["security"] = [{TOKEN_SCHEME: [scope]}]
    return document


def bundle(document: dict[str, Any], externe: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """``document`` with its references into other documents (``externe``: by URL) made local: each
    component referred to, with what it refers to in its own document, is copied under its name into
    the document's components, so that a reader (the interactive documentation) needs nothing from
    outside. A component of the same name the document defines itself must be the same."""
    extra: dict[str, dict[str, Any]] = {}
    own = document.get("components", {})

    def copy(url: str, pointer: str) -> str:
        _, kind, name = pointer.strip("/").split("/", 2)
        if name not in extra.setdefault(kind, {}):
            extra[kind][name] = {}  # a placeholder, against a component that refers to itself
            extra[kind][name] = walk(externe[url]["components"][kind][name], url)
            if name in own.get(kind, {}) and own[kind][name] != extra[kind][name]:
                raise ValueError(f"{kind}/{name} staat in het document en in {url}, verschillend")
        return f"#/components/{kind}/{name}"

    def walk(value: Any, source: str | None) -> Any:
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                url, _, pointer = ref.partition("#")
                if url in externe or (not url and source is not None):
                    return {**value, "$ref": copy(url or str(source), pointer)}
            return {key: walk(item, source) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item, source) for item in value]
        return value

    bundled: dict[str, Any] = walk(document, None)
    for kind, members in extra.items():
        bundled.setdefault("components", {}).setdefault(kind, {}).update(members)
    return bundled
