# SPDX-License-Identifier: EUPL-1.2
"""The errors of the BAG API as its document and foutafhandeling.feature write them: problem+json
with ``invalid-params`` naming each bad parameter, a ``detail`` and the request URL as ``instance``;
never a 500. Access through Digikoppeling; ``Accept-Crs`` and ``Accept`` negotiated."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from opengdi.registers.bag.api import official_openapi
from tests.registers.bag.helpers import BASE, assert_schema

TESTSERVER = "http://testserver"


def _problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["API-Version"] == "2.0.0"
    body: dict[str, Any] = response.json()
    assert_schema(body, "Error")
    assert (body["status"], body["code"]) == (status, code)
    assert body["detail"] and body["title"] and body["type"].startswith("https://")
    assert "invalidParams" not in body
    return body


def _params(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(item["name"], item["code"]) for item in body["invalid-params"]]


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/panden/022110000031119", {}, [("identificatie", "minLength")]),
        ("/panden/02211000003111911", {}, [("identificatie", "maxLength")]),
        ("/panden/0221010000330226", {}, [("identificatie", "pattern")]),
        ("/woonplaatsen/0000", {}, [("identificatie", "pattern")]),
        ("/nummeraanduidingen/0221200000330227", {"bestaatniet": "fout"}, [("bestaatniet", "unknownParam")]),
        (
            "/panden/0221100000311191",
            {"onbekend": "a", "fout": "b"},
            [("onbekend", "unknownParam"), ("fout", "unknownParam")],
        ),
        ("/panden/0221100000311191", {"expand": "bestaatniet"}, [("expand", "expand")]),
        ("/verblijfsobjecten/0221010000330226", {"expand": ""}, [("expand", "expand")]),
        ("/panden/0221100000311191", {"geldigOp": "23-04-2019"}, [("geldigOp", "date")]),
        ("/panden/0221100000311191", {"geldigOp": "2019-02-30"}, [("geldigOp", "date")]),
        ("/panden/0221100000311191", {"beschikbaarOp": "gisteren"}, [("beschikbaarOp", "dateTime")]),
        ("/panden/0221100000311191/lvc", {"geheleLvc": "misschien"}, [("geheleLvc", "boolean")]),
        ("/nummeraanduidingen", {"postcode": "123aa", "huisnummer": "1"}, [("postcode", "pattern")]),
        ("/nummeraanduidingen", {"postcode": "6981CH", "huisnummer": "123456"}, [("huisnummer", "maximum")]),
        ("/nummeraanduidingen", {"postcode": "6981CH", "huisnummer": "a"}, [("huisnummer", "integer")]),
        (
            "/adressen",
            {"postcode": "6981CH", "huisnummer": "4", "huisnummertoevoeging": "tegenover"},
            [("huisnummertoevoeging", "pattern")],
        ),
        ("/adressen", {"postcode": "6981CH", "huisnummer": "4", "pageSize": "5"}, [("pageSize", "minimum")]),
        ("/adressen", {"postcode": "6981CH", "huisnummer": "4", "page": "0"}, [("page", "minimum")]),
        ("/adressen", {"postcode": "6981CH", "huisnummer": "4", "exacteMatch": "ja"}, [("exacteMatch", "boolean")]),
        (
            "/adressen",
            {"woonplaatsNaam": "x" * 81, "openbareRuimteNaam": "y", "huisnummer": "1"},
            [("woonplaatsNaam", "maxLength")],
        ),
        (
            "/adressen",
            {"woonplaatsNaam": "Does\tburg", "openbareRuimteNaam": "y", "huisnummer": "1"},
            [("woonplaatsNaam", "pattern")],
        ),
        ("/adressen/12345", {}, [("nummeraanduidingIdentificatie", "minLength")]),
        ("/verblijfsobjecten", {"pandIdentificatie": "0221010000330226"}, [("pandIdentificatie", "pattern")]),
    ],
)
async def test_bad_input_names_the_parameter(
    bag: httpx.AsyncClient, path: str, params: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    response = await bag.get(f"{BASE}{path}", params=params)
    body = _problem(response, 400, "paramsValidation")
    assert _params(body) == expected
    assert body["instance"] == str(response.request.url)
    assert all(item["reason"].endswith(".") for item in body["invalid-params"])


@pytest.mark.parametrize(
    ("path", "params", "code"),
    [
        ("/adressen", {}, "paramsRequired"),
        ("/nummeraanduidingen", {"page": "2"}, "paramsRequired"),
        ("/verblijfsobjecten", {}, "paramsRequired"),
        ("/woonplaatsen", {}, "paramsRequired"),
        ("/adressen", {"postcode": "6981CH"}, "paramsCombination"),
        ("/adressen", {"huisnummer": "4"}, "paramsCombination"),
        ("/adressen", {"woonplaatsNaam": "Doesburg", "openbareRuimteNaam": "Koppenberch"}, "paramsCombination"),
        ("/openbareruimten", {"openbareRuimteNaam": "Koppenberch"}, "paramsCombination"),
        (
            "/adressen",
            {"postcode": "6981CH", "huisnummer": "4", "adresseerbaarObjectIdentificatie": "0221010000330226"},
            "unsupportedCombination",
        ),
        (
            "/adressen",
            {"adresseerbaarObjectIdentificatie": "0221010000330226", "huisletter": "a"},
            "unsupportedCombination",
        ),
        (
            "/openbareruimten",
            {"woonplaatsIdentificatie": "2142", "woonplaatsNaam": "Doesburg", "openbareRuimteNaam": "X"},
            "unsupportedCombination",
        ),
        (
            "/verblijfsobjecten",
            {"pandIdentificatie": "0221100000311191", "huidig": "true", "geldigOp": "2020-01-01"},
            "unsupportedCombination",
        ),
        ("/panden/0221100000311191/lvc", {"geldigOp": "2020-01-01"}, "unsupportedCombination"),
        ("/nummeraanduidingen/0221200000330227/lvc", {"beschikbaarOp": "2020-01-01T00:00"}, "unsupportedCombination"),
    ],
)
async def test_combinations_of_parameters(bag: httpx.AsyncClient, path: str, params: dict[str, str], code: str) -> None:
    body = _problem(await bag.get(f"{BASE}{path}", params=params), 400, code)
    assert "invalid-params" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/panden/9999100000117766",
        "/woonplaatsen/9999",
        "/nummeraanduidingen/0221200000330228",
        "/adressen/0221200000330228",
        "/adresseerbareobjecten/0221010000330225",
        "/verblijfsobjecten/0221010000330226/9/1292407340608",
    ],
)
async def test_an_unknown_object_is_not_found(bag: httpx.AsyncClient, path: str) -> None:
    body = _problem(await bag.get(f"{BASE}{path}"), 404, "notFound")
    assert body["instance"] == f"{TESTSERVER}{BASE}{path}"


async def test_a_nul_anywhere_is_a_400_naming_the_parameter(bag: httpx.AsyncClient) -> None:
    for path, name in (
        ("/panden/0221100000311191?geldigOp=2020%0001-01", "geldigOp"),
        ("/panden/02211000003111%001", "identificatie"),
        ("/adressen?postcode=6981CH&huisnummer=4&huisletter=%00", "huisletter"),
        ("/adressen/0221200000330227?expand=woon%00plaats", "expand"),
    ):
        body = _problem(await bag.get(f"{BASE}{path}"), 400, "paramsValidation")
        assert [item["name"] for item in body["invalid-params"]] == [name]
        assert body["instance"].startswith(f"{TESTSERVER}{BASE}/")
    body = _problem(
        await bag.get(f"{BASE}/panden/0221100000311191", headers={"Accept-Crs": "epsg:\x0028992"}),
        400,
        "paramsValidation",
    )
    assert [item["name"] for item in body["invalid-params"]] == ["accept-crs"]


async def test_accept_crs_is_required_where_there_is_geometry(bag: httpx.AsyncClient) -> None:
    for path in (
        "/panden/0221100000311191",
        "/verblijfsobjecten/0221010000330226/lvc",
        "/adresseerbareobjecten/0221020000330152",
    ):
        _problem(await bag.get(f"{BASE}{path}", headers={"Accept-Crs": "epsg:4326"}), 406, "crsNotAcceptable")
        del bag.headers["Accept-Crs"]
        try:
            _problem(await bag.get(f"{BASE}{path}"), 412, "acceptCrsMissing")
        finally:
            bag.headers["Accept-Crs"] = "epsg:28992"
        upper = await bag.get(f"{BASE}{path}", headers={"Accept-Crs": "EPSG:28992"})
        assert upper.status_code == 200 and upper.headers["Content-Crs"] == "epsg:28992"
    del bag.headers["Accept-Crs"]
    # a woonplaats answers without its geometry unless expand asks for it; a nummeraanduiding has none
    assert (await bag.get(f"{BASE}/woonplaatsen/2142")).status_code == 200
    assert (await bag.get(f"{BASE}/woonplaatsen/2142/lvc")).status_code == 200
    _problem(await bag.get(f"{BASE}/woonplaatsen/2142", params={"expand": "geometrie"}), 412, "acceptCrsMissing")
    assert (await bag.get(f"{BASE}/nummeraanduidingen/0221200000330227")).status_code == 200
    assert (await bag.get(f"{BASE}/adressen/0221200000330227")).status_code == 200


@pytest.mark.parametrize("accept", ["application/hal+json", "application/json", "*/*", "application/*", ""])
async def test_hal_and_json_are_accepted(bag: httpx.AsyncClient, accept: str) -> None:
    response = await bag.get(f"{BASE}/adressen/0221200000330227", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/hal+json"


async def test_another_media_type_is_not_acceptable(bag: httpx.AsyncClient) -> None:
    _problem(
        await bag.get(f"{BASE}/adressen/0221200000330227", headers={"Accept": "application/xml"}), 406, "notAcceptable"
    )


async def test_access_goes_through_digikoppeling(anoniem: httpx.AsyncClient, zonder_bag: httpx.AsyncClient) -> None:
    for path in ("/adressen/0221200000330227", "/info", "/panden/0221100000311191"):
        _problem(await anoniem.get(f"{BASE}{path}"), 401, "authentication")
        assert (await zonder_bag.get(f"{BASE}{path}", headers={"Accept-Crs": "epsg:28992"})).status_code == 403


async def test_a_bad_body_an_unknown_method_and_path(bag: httpx.AsyncClient) -> None:
    bad = await bag.post(
        f"{BASE}/panden", content=b"{bad", headers={"content-type": "application/json", "Content-Crs": "epsg:28992"}
    )
    assert _params(_problem(bad, 400, "paramsValidation")) == [("body", "object")]
    _problem(await bag.put(f"{BASE}/panden/0221100000311191"), 405, "methodNotAllowed")
    _problem(await bag.get(f"{BASE}/nergens"), 404, "notFound")


_ODD_VALUES = ("", " ", "x" * 300, "-1", "99999999999999999999", "é€", "2019-02-30", "true,false", "a\x00b")
_ODD_BODIES: tuple[bytes, ...] = (
    b"",
    b"null",
    b"[]",
    b"{}",
    b'{"type": "Point", "coordinates": "155000,463000"}',
    b'{"type": "Point", "coordinates": [1e999, 1]}',
    b'{"type": "Point", "coordinates": [null, 463000]}',
    b'{"type": "Point", "coordinates": [[155000, 463000]]}',
    b'{"type": "Point\\u0000", "coordinates": [155000, 463000]}',
    b'{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [0, 1], [0, 0]]]]}',
    b'{"type": "Point", "coordinates": [155000, 463000]}' * 3,
    '{"type": "Point", "coördinaten": [155000, 463000]}'.encode("latin-1"),
)
_ODD_CRS = ("", "epsg:28992,epsg:4258", "EPSG:4326", "epsg:28992 ", "x" * 300, "epsg:0")
_POINT = {"type": "Point", "coordinates": [198950.0, 446180.0]}


def _filled(template: str, operation: dict[str, Any]) -> str:
    path = template
    for parameter in operation.get("parameters", ()):
        if parameter["in"] == "path":
            value = "0221010000330226" if "dentificatie" in parameter["name"] else "1"
            path = path.replace(f"{{{parameter['name']}}}", value)
    return path


def _checked(response: httpx.Response, answered: dict[int, int], *what: object) -> None:
    assert response.status_code < 500, (*what, response.text)
    media_type = response.headers["content-type"].split(";")[0]
    assert media_type in ("application/hal+json", "application/json", "application/problem+json")
    answered[response.status_code] = answered.get(response.status_code, 0) + 1


async def test_no_parameter_value_of_any_operation_gives_a_500(bag: httpx.AsyncClient) -> None:
    """Every GET and POST operation of the document, with odd values in each parameter it declares
    and in Accept-Crs (a POST with a good point): an answer or a problem, never a server error."""
    document = official_openapi()
    answered: dict[int, int] = {}
    for template, item in document["paths"].items():
        for method in ("get", "post"):
            operation = item.get(method)
            if operation is None:
                continue
            names = [parameter["name"] for parameter in operation.get("parameters", ()) if parameter["in"] == "query"]
            path = _filled(template, operation)
            body = {"json": _POINT, "headers": {"Content-Crs": "epsg:28992"}} if method == "post" else {}
            for name in names or ["onbekend"]:
                for value in _ODD_VALUES:
                    response = await bag.request(method, f"{BASE}{path}", params={name: value}, **body)  # type: ignore[arg-type]
                    _checked(response, answered, method, path, name, value)
            for value in _ODD_CRS:
                headers = {"Accept-Crs": value, **(body.get("headers") or {})}  # type: ignore[dict-item]
                response = await bag.request(method, f"{BASE}{path}", headers=headers, json=body.get("json"))
                _checked(response, answered, method, path, "Accept-Crs", value)
    assert answered[400] > 100 and set(answered) <= {200, 400, 404, 406}


async def test_no_body_or_content_crs_of_a_point_search_gives_a_500(bag: httpx.AsyncClient) -> None:
    """Every POST operation with odd bodies and odd Content-Crs values: a problem naming what is
    wrong, never a server error."""
    document = official_openapi()
    answered: dict[int, int] = {}
    for template, item in document["paths"].items():
        if "post" not in item:
            continue
        for raw in _ODD_BODIES:
            headers = {"Content-Crs": "epsg:28992", "content-type": "application/json"}
            response = await bag.post(f"{BASE}{template}", content=raw, headers=headers)
            _checked(response, answered, template, raw)
            assert response.status_code in (200, 400), (template, raw, response.text)
        for value in _ODD_CRS:
            response = await bag.post(f"{BASE}{template}", json=_POINT, headers={"Content-Crs": value})
            _checked(response, answered, template, "Content-Crs", value)
    assert answered[400] > 30 and set(answered) <= {200, 400, 412, 415}
