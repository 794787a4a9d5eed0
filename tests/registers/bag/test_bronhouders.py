# SPDX-License-Identifier: EUPL-1.2
"""``/bronhouders``: the gemeenten of the sample's gemeente–woonplaats relation, by code, by
woonplaats or any object, at a moment, by voorkomen, and embedded in a woonplaats."""

from __future__ import annotations

from typing import Any

import httpx

from opengdi.registers.bag import bronhouders
from tests.registers.bag.helpers import BASE, all_records, assert_schema, sample

DOESBURG = {
    "code": "0221",
    "naam": "Doesburg",
    "beginGeldigheid": "1970-01-01",
    "provincie": {"naam": "Gelderland", "afkorting": "GE"},
}


def _codes(body: dict[str, Any]) -> list[str]:
    return [item["bronhouder"]["code"] for item in body.get("_embedded", {}).get("bronhouders", [])]


async def test_a_bronhouder_by_its_code_now_and_then(bag: httpx.AsyncClient) -> None:
    response = await bag.get(f"{BASE}/bronhouders/0221")
    assert response.status_code == 200, response.text
    assert_schema(response.json(), "BronhouderHal")
    assert response.json()["bronhouder"] == DOESBURG
    codes = {relatie.gemeente for relatie in sample()[2]}
    for code in sorted(codes)[:40]:
        for period in bronhouders.indeling().get(code, ()):
            then = await bag.get(f"{BASE}/bronhouders/{code}", params={"geldigOp": period.begin_geldigheid})
            assert then.status_code == 200, then.text
            assert then.json()["bronhouder"]["naam"] == period.naam
            assert then.json()["bronhouder"].get("eindGeldigheid") == period.eind_geldigheid
            path = f"{BASE}/bronhouders/{code}/{period.versie}/{period.timestamp_ms}"
            voorkomen = await bag.get(path)
            assert (
                voorkomen.status_code == 200
                and voorkomen.json()["bronhouder"]["beginGeldigheid"] == period.begin_geldigheid
            )
            if period.eind_geldigheid:
                after = await bag.get(f"{BASE}/bronhouders/{code}", params={"geldigOp": "2099-01-01"})
                assert (
                    after.status_code == 404 or after.json()["bronhouder"]["beginGeldigheid"] > period.begin_geldigheid
                )


async def test_the_bronhouder_of_a_woonplaats_and_of_every_kind_of_object(bag: httpx.AsyncClient) -> None:
    body = (await bag.get(f"{BASE}/bronhouders", params={"woonplaatsIdentificatie": "2142"})).json()
    assert_schema(body, "BronhouderHalCollection")
    assert _codes(body) == ["0221"]
    kinds = {"WPL", "OPR", "NUM", "VBO", "LIG", "STA", "PND"}
    seen = set()
    for record in all_records()[0]:
        if record.objecttype in kinds - seen and record.identificatie.startswith(("0221", "2142")):
            found = (await bag.get(f"{BASE}/bronhouders", params={"objectIdentificatie": record.identificatie})).json()
            assert _codes(found) == ["0221"], record
            seen.add(record.objecttype)
    assert seen == kinds
    assert (
        _codes(
            (
                await bag.get(
                    f"{BASE}/bronhouders", params={"woonplaatsIdentificatie": "2142", "geldigOp": "2000-01-01"}
                )
            ).json()
        )
        == []
    )


async def test_a_woonplaats_links_and_embeds_its_bronhouders(bag: httpx.AsyncClient) -> None:
    body = (await bag.get(f"{BASE}/woonplaatsen/2142", params={"expand": "bronhouders"})).json()
    assert_schema(body, "WoonplaatsIOHal")
    assert body["_embedded"]["bronhouders"] == [DOESBURG]
    assert body["_links"]["bronhouders"][0]["href"].endswith("/bronhouders/0221")


async def test_what_bronhouders_refuses(bag: httpx.AsyncClient) -> None:
    assert (await bag.get(f"{BASE}/bronhouders/9998")).status_code == 404
    assert (await bag.get(f"{BASE}/bronhouders/0221/9/0")).status_code == 404
    for path, name in (("/bronhouders/221", "identificatie"), ("/bronhouders/0221/x/1", "versie")):
        refused = await bag.get(f"{BASE}{path}")
        assert refused.status_code == 400 and refused.json()["invalid-params"][0]["name"] == name
    none = await bag.get(f"{BASE}/bronhouders")
    assert none.status_code == 400 and none.json()["code"] == "paramsRequired"
    both = await bag.get(
        f"{BASE}/bronhouders", params={"woonplaatsIdentificatie": "2142", "objectIdentificatie": "2142"}
    )
    assert both.status_code == 400 and both.json()["code"] == "unsupportedCombination"
    bad = await bag.get(f"{BASE}/bronhouders", params={"objectIdentificatie": "0221400000000000"})
    assert bad.status_code == 400 and bad.json()["invalid-params"][0]["name"] == "objectIdentificatie"
