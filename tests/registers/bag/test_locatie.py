# SPDX-License-Identifier: EUPL-1.2
"""Searches by a point (``POST /woonplaatsen``, ``/panden``, ``/ligplaatsen``, ``/standplaatsen``
with a GeoJSON Point and ``Content-Crs``), in RD and in ETRS89, and what they refuse."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from opengdi.registers.bag import crs
from opengdi.registers.bag.ruimte import bevat_punt
from tests.registers.bag.helpers import BASE, PADEN, SLEUTELS, all_records, assert_schema, by_object, current

RD = {"Content-Crs": "epsg:28992"}
SCHEMAS = {
    "WPL": "WoonplaatsIOHalCollection",
    "PND": "PandIOHalCollection",
    "LIG": "LigplaatsIOHalCollection",
    "STA": "StandplaatsIOHalCollection",
}


def _now(objecttype: str) -> list[Any]:
    found = [current(items) for items in by_object(all_records()[0]).values()]
    return [item for item in found if item is not None and item.objecttype == objecttype and item.geometrie]


def _vertex(geometrie: dict[str, Any]) -> list[float]:
    rings = geometrie["coordinates"] if geometrie["type"] == "Polygon" else geometrie["coordinates"][0]
    return [float(value) for value in rings[0][0][:2]]


async def _search(
    bag: httpx.AsyncClient, objecttype: str, point: list[float], headers: dict[str, str], **params: Any
) -> httpx.Response:
    return await bag.post(
        f"{BASE}/{PADEN[objecttype]}", json={"type": "Point", "coordinates": point}, headers=headers, params=params
    )


def _ids(response: httpx.Response, objecttype: str) -> list[str]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert_schema(body, SCHEMAS[objecttype])
    return [
        item[SLEUTELS[objecttype]]["identificatie"] for item in body.get("_embedded", {}).get(PADEN[objecttype], [])
    ]


@pytest.mark.parametrize("objecttype", ["WPL", "PND", "LIG", "STA"])
async def test_a_point_on_an_object_finds_it_and_only_what_holds_the_point(
    bag: httpx.AsyncClient, objecttype: str
) -> None:
    objects = _now(objecttype)
    assert objects
    for record in objects[:25]:
        point = _vertex(record.geometrie)
        found = _ids(await _search(bag, objecttype, point, RD), objecttype)
        assert record.identificatie in found
        assert found == sorted(
            item.identificatie for item in objects if bevat_punt(item.geometrie, (point[0], point[1]))
        )
    assert _ids(await _search(bag, objecttype, [10_000.0, 300_000.0], RD), objecttype) == []


async def test_a_point_in_etrs89_finds_the_same_and_answers_in_etrs89(bag: httpx.AsyncClient) -> None:
    record = _now("PND")[0]
    x, y = _vertex(record.geometrie)
    inside = [x + 0.0001, y + 0.0001] if bevat_punt(record.geometrie, (x + 0.0001, y + 0.0001)) else [x, y]
    lat, lon = crs.naar_etrs89(*inside)
    response = await _search(bag, "PND", [lat, lon], {"Content-Crs": "epsg:4258", "Accept-Crs": "epsg:4258"})
    assert record.identificatie in _ids(response, "PND")
    assert response.headers["Content-Crs"] == "epsg:4258"
    [served] = [
        item["pand"]
        for item in response.json()["_embedded"]["panden"]
        if item["pand"]["identificatie"] == record.identificatie
    ]
    first = served["geometrie"]["coordinates"][0][0]
    assert first[:2] == pytest.approx(list(crs.naar_etrs89(x, y)), abs=1e-8)
    rd = await _search(bag, "PND", inside, RD)
    assert rd.headers["Content-Crs"] == "epsg:28992"


async def test_a_point_search_travels_in_time_and_takes_huidig(bag: httpx.AsyncClient) -> None:
    record = _now("PND")[0]
    point = _vertex(record.geometrie)
    assert _ids(await _search(bag, "PND", point, RD, geldigOp="1800-01-01"), "PND") == []
    assert record.identificatie in _ids(await _search(bag, "PND", point, RD, huidig="true"), "PND")
    both = await _search(bag, "PND", point, RD, huidig="true", geldigOp="2020-01-01")
    assert both.status_code == 400 and both.json()["code"] == "unsupportedCombination"
    woonplaats = await _search(bag, "WPL", _vertex(_now("WPL")[0].geometrie), RD, expand="geometrie")
    assert woonplaats.json()["_embedded"]["woonplaatsen"][0]["_embedded"]["geometrie"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ({"type": "Polygon", "coordinates": [1, 2]}, "type"),
        ({"type": "Point", "coordinates": [1]}, "coordinates"),
        ({"type": "Point", "coordinates": ["155000", 463000]}, "coordinates"),
        ({"type": "Point", "coordinates": [True, 463000]}, "coordinates"),
        ({"type": "Point"}, "coordinates"),
        ({"type": "Point", "coordinates": [155000, 463000, 0, 0]}, "coordinates"),
        ({"type": "Point", "coordinates": [5.38, 52.15]}, "coordinates"),
        ({"type": "Point", "coordinates": [1e308, 463000]}, "coordinates"),
        ([155000, 463000], "body"),
    ],
)
async def test_a_bad_point_is_refused_naming_it(bag: httpx.AsyncClient, body: Any, name: str) -> None:
    response = await bag.post(f"{BASE}/panden", json=body, headers=RD)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert name in [item["name"] for item in response.json()["invalid-params"]]


async def test_the_headers_of_a_point_search(bag: httpx.AsyncClient) -> None:
    point = {"type": "Point", "coordinates": [155000, 463000]}
    missing = await bag.post(f"{BASE}/panden", json=point)
    assert missing.status_code == 412 and missing.json()["code"] == "contentCrsMissing"
    other = await bag.post(f"{BASE}/panden", json=point, headers={"Content-Crs": "epsg:4326"})
    assert other.status_code == 415 and other.json()["code"] == "crsNotSupported"
    text = await bag.post(f"{BASE}/panden", content=b"155000 463000", headers={**RD, "content-type": "text/plain"})
    assert text.status_code == 415
    in_etrs = await bag.post(
        f"{BASE}/panden", json={"type": "Point", "coordinates": [1.0, 2.0]}, headers={"Content-Crs": "EPSG:4258"}
    )
    assert in_etrs.status_code == 400 and in_etrs.json()["invalid-params"][0]["name"] == "coordinates"
    del bag.headers["Accept-Crs"]
    assert (await bag.post(f"{BASE}/panden", json=point, headers=RD)).status_code == 412
    unknown = await bag.post(
        f"{BASE}/panden", json=point, headers={**RD, "Accept-Crs": "epsg:28992"}, params={"expand": "true"}
    )
    assert unknown.status_code == 400
