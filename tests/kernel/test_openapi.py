# SPDX-License-Identifier: EUPL-1.2
"""Our own OpenAPI documents declare what the APIs answer, and pass the NL API Design Rules linter."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from tools import adr_lint

from opengdi.app import create_app
from opengdi.kernel.blocks import Api
from opengdi.kernel.db import Database
from opengdi.kernel.openapi import bundle
from tests.conftest import settings_for

METHODS = ("get", "put", "post", "delete", "patch")
#: Our own APIs, and those of them that are public (no token: the Stelselcatalogus).
OWN = ("/brp/beheer", "/bsn", "/digid", "/digikoppeling", "/stelselcatalogus/api")
PUBLIC = ("/stelselcatalogus/api",)


@pytest.fixture(scope="module")
def own_apis() -> list[Api]:
    """The APIs whose document is our own."""
    return adr_lint.own_apis()


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield f"{method.upper()} {path}", item[method]


def test_our_own_documents_are_those_of_beheer_bsn_digid_digikoppeling_stelselcatalogus(own_apis: list[Api]) -> None:
    assert sorted(api.prefix for api in own_apis) == sorted(OWN)


def test_every_error_is_declared_as_a_problem_with_the_shared_schema(own_apis: list[Api]) -> None:
    for api in own_apis:
        document = api.app.openapi()
        assert "HTTPValidationError" not in document["components"]["schemas"]
        assert document["components"]["schemas"]["Foutbericht"]["properties"]["invalidParams"]
        for name, operation in _operations(document):
            responses = operation["responses"]
            assert "422" not in responses and "400" in responses, name
            for status, response in responses.items():
                if status[0] in "45":
                    schema = response["content"]["application/problem+json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Foutbericht"}, (name, status)
                else:
                    assert "API-Version" in response["headers"], (name, status)


def test_every_operation_declares_how_it_is_secured(own_apis: list[Api]) -> None:
    for api in own_apis:
        document = api.app.openapi()
        if api.prefix in PUBLIC:
            assert "securitySchemes" not in document["components"] and "security" not in document
            assert all(not {"401", "403"} & set(op["responses"]) for _, op in _operations(document)), api.prefix
            continue
        schemes = document["components"]["securitySchemes"]
        if api.prefix == "/digid":  # OIDC's own (the relying party's secret, its access token), and Digikoppeling
            assert {schemes["dienst"]["scheme"], schemes["accessToken"]["scheme"]} == {"basic", "bearer"}
            requirements = {
                name: operation.get("security", document["security"]) for name, operation in _operations(document)
            }
            beheer = [{"digikoppeling": ["digid"]}, {"clientcertificaat": []}]
            assert requirements == {
                "GET /oidc/jwks": [],
                "POST /oidc/token": [{"dienst": []}],
                "GET /oidc/userinfo": [{"accessToken": []}],
                "POST /beheer/diensten": beheer,
                "GET /beheer/diensten": beheer,
                "GET /beheer/diensten/{clientId}": beheer,
                "DELETE /beheer/diensten/{clientId}": beheer,
                "POST /beheer/saml-diensten": beheer,
                "POST /beheer/vertegenwoordigingen": beheer,
                "GET /beheer/vertegenwoordigingen": beheer,
                "DELETE /beheer/vertegenwoordigingen/{vertegenwoordigingId}": beheer,
            }
            continue
        assert schemes["digikoppeling"]["flows"]["clientCredentials"]["tokenUrl"] == "/digikoppeling/oauth2/token"
        assert schemes["clientcertificaat"]["type"] == "mutualTLS"
        for name, operation in _operations(document):
            requirement = operation.get("security", document["security"])
            public = name in ("POST /oauth2/token", "GET /oauth2/jwks")
            assert (requirement == []) == public, name
            if not public:
                assert "401" in operation["responses"] and "403" in operation["responses"], name


async def test_the_declared_server_answers(client: httpx.AsyncClient, own_apis: list[Api]) -> None:
    for api in own_apis:
        (server,) = api.app.openapi()["servers"]
        assert server["url"] == f"{api.prefix}/v1"
    versioned = await client.get("/digikoppeling/v1/organisaties")
    plain = await client.get("/digikoppeling/organisaties")
    assert versioned.status_code == plain.status_code == 200
    assert versioned.json() == plain.json()
    assert (await client.delete("/brp/beheer/v1/persoonslijsten")).status_code == 204


async def test_the_served_documents_are_the_declared_ones(client: httpx.AsyncClient, own_apis: list[Api]) -> None:
    for api in own_apis:
        served = await client.get(api.openapi_url)
        assert served.json() == api.app.openapi()


@pytest.mark.skipif(
    shutil.which("spectral") is None, reason="spectral ontbreekt (npm install -g @stoplight/spectral-cli)"
)
@pytest.mark.skipif(
    not adr_lint.ruleset_path().is_file(), reason="ruleset van de API Design Rules ontbreekt (GDI_ADR_RULESET)"
)
def test_the_design_rules_linter_reports_no_error(own_apis: list[Api], tmp_path: Path) -> None:
    ruleset = adr_lint.ruleset_path()
    for document in adr_lint.dump(own_apis, tmp_path):
        assert adr_lint.lint(document, ruleset) == 0, document.name


async def test_each_own_document_names_the_contact_the_deployment_sets(database: Database, tmp_path: Path) -> None:
    settings = settings_for(
        tmp_path,
        contact_naam="Servicedesk Gemeente Voorbeeld",
        contact_email="gdi@voorbeeld.nl",
        contact_url="https://voorbeeld.nl/gdi",
    )
    app = create_app(settings, database)
    own = [api for api in app.state.apis if api.prefix in OWN]
    assert len(own) == len(OWN)
    for api in own:
        assert api.app.openapi()["info"]["contact"] == {
            "name": "Servicedesk Gemeente Voorbeeld",
            "email": "gdi@voorbeeld.nl",
            "url": "https://voorbeeld.nl/gdi",
        }


def test_a_contact_without_an_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="contact_email"):
        settings_for(tmp_path, contact_email="geen adres")


def test_bundle_copies_what_another_document_is_referred_for_with_what_that_refers_to() -> None:
    common = "https://example.org/common.yaml"
    externe = {
        common: {
            "components": {
                "schemas": {
                    "Link": {"type": "object", "properties": {"href": {"$ref": "#/components/schemas/Href"}}},
                    "Href": {"type": "string"},
                    "Boom": {"type": "object", "properties": {"tak": {"$ref": "#/components/schemas/Boom"}}},
                    "Ongebruikt": {"type": "integer"},
                }
            }
        }
    }
    document = {
        "paths": {"/x": {"get": {"responses": {"200": {"$ref": f"{common}#/components/schemas/Link"}}}}},
        "components": {"schemas": {"Eigen": {"$ref": f"{common}#/components/schemas/Boom"}}},
    }
    bundled = bundle(document, externe)
    assert bundled["paths"]["/x"]["get"]["responses"]["200"] == {"$ref": "#/components/schemas/Link"}
    assert set(bundled["components"]["schemas"]) == {"Eigen", "Link", "Href", "Boom"}
    assert bundled["components"]["schemas"]["Boom"]["properties"]["tak"] == {"$ref": "#/components/schemas/Boom"}
    clash = {
        "components": {"schemas": {"Href": {"type": "integer"}, "X": {"$ref": f"{common}#/components/schemas/Href"}}}
    }
    with pytest.raises(ValueError, match="Href"):
        bundle(clash, externe)
