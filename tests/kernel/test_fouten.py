# SPDX-License-Identifier: EUPL-1.2
"""Domain errors become problem+json in one place, the same for every API."""

from __future__ import annotations

import httpx
import pytest

from opengdi.kernel.blocks import api_app
from opengdi.kernel.fouten import Conflict, DomeinFout, Geweigerd, NietGevonden, OngeldigeInvoer
from opengdi.kernel.problems import InvalidParam

ERRORS: dict[str, DomeinFout] = {
    "niet-gevonden": NietGevonden("Er is geen organisatie met OIN 1."),
    "conflict": Conflict("OIN 1 is al geregistreerd.", titel="Deze organisatie bestaat al.", code="unique"),
    "ongeldig": OngeldigeInvoer([InvalidParam.of("kid", "maxLength", maxLength=64), InvalidParam.of("n", "required")]),
    "geweigerd": Geweigerd("Niet in een productieomgeving.", code="notAvailableInProduction"),
}


@pytest.fixture
async def http() -> httpx.AsyncClient:
    app = api_app("Test", "1.0.0", "Domeinfouten")

    @app.get("/{naam}")
    async def raise_error(naam: str) -> None:
        raise ERRORS[naam]

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.mark.parametrize(
    ("naam", "expected"),
    [
        ("niet-gevonden", (404, "Opgevraagde resource bestaat niet.", "notFound", "Er is geen organisatie met OIN 1.")),
        ("conflict", (409, "Deze organisatie bestaat al.", "unique", "OIN 1 is al geregistreerd.")),
        (
            "ongeldig",
            (
                400,
                "Een of meerdere parameters zijn niet correct.",
                "paramsValidation",
                "De foutieve parameter(s) zijn: kid, n.",
            ),
        ),
        ("geweigerd", (403, "Het verzoek is geweigerd.", "notAvailableInProduction", "Niet in een productieomgeving.")),
    ],
)
async def test_each_domain_error_is_its_problem(
    http: httpx.AsyncClient, naam: str, expected: tuple[int, str, str, str]
) -> None:
    response = await http.get(f"/{naam}")
    assert response.status_code == expected[0]
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert (body["status"], body["title"], body["code"], body["detail"]) == expected
    assert body["instance"] == f"/{naam}"


async def test_invalid_input_names_every_parameter(http: httpx.AsyncClient) -> None:
    body = (await http.get("/ongeldig")).json()
    assert body["invalidParams"] == [
        {"name": "kid", "code": "maxLength", "reason": "Waarde is langer dan maximale lengte 64."},
        {"name": "n", "code": "required", "reason": "Parameter is verplicht."},
    ]


def test_a_domain_error_reads_as_its_message_for_the_command_line() -> None:
    assert str(ERRORS["conflict"]) == "OIN 1 is al geregistreerd."
    assert str(ERRORS["ongeldig"]) == "De foutieve parameter(s) zijn: kid, n."
