# SPDX-License-Identifier: EUPL-1.2
"""Every object of the sample extract, as the BAG API serves it: now, through its levenscyclus, at
the date of each of its voorkomens and by its voorkomen path, with its marks in onderzoek."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import httpx

from tests.registers.bag.helpers import (
    BASE,
    PADEN,
    SLEUTELS,
    active,
    all_records,
    assert_object,
    assert_schema,
    by_object,
    current,
    sample,
    valid_on,
)

_SCHEMAS = {
    "WPL": "Woonplaats",
    "OPR": "OpenbareRuimte",
    "NUM": "Nummeraanduiding",
    "VBO": "Verblijfsobject",
    "LIG": "Ligplaats",
    "STA": "Standplaats",
    "PND": "Pand",
}


def _objects() -> dict[str, list]:  # type: ignore[type-arg]
    voorkomens, _ = all_records()
    return by_object(voorkomens)


async def test_every_object_is_served_as_it_is_now(bag: httpx.AsyncClient) -> None:
    served = 0
    for identificatie, items in _objects().items():
        objecttype = items[0].objecttype
        response = await bag.get(f"{BASE}/{PADEN[objecttype]}/{identificatie}")
        expected = current(items)
        if expected is None:
            assert response.status_code == 404, (identificatie, response.text)
            continue
        assert response.status_code == 200, (identificatie, response.text)
        assert response.headers["content-type"] == "application/hal+json"
        body = response.json()
        assert_schema(body, f"{_SCHEMAS[objecttype]}IOHal")
        assert_object(body[SLEUTELS[objecttype]], expected)
        assert body["_links"]["self"]["href"] == f"http://testserver{BASE}/{PADEN[objecttype]}/{identificatie}"
        served += 1
    assert served > 200


async def test_the_levenscyclus_holds_every_active_voorkomen_in_order(bag: httpx.AsyncClient) -> None:
    for identificatie, items in _objects().items():
        objecttype = items[0].objecttype
        for gehele in (False, True):
            response = await bag.get(
                f"{BASE}/{PADEN[objecttype]}/{identificatie}/lvc", params={"geheleLvc": str(gehele).lower()}
            )
            expected = sorted(
                (item for item in items if gehele or active(item)),
                key=lambda item: (item.voorkomenidentificatie, item.tijdstip_registratie_lv),
            )
            if not expected:
                assert response.status_code == 404
                continue
            assert response.status_code == 200, response.text
            body = response.json()
            assert_schema(body, f"{_SCHEMAS[objecttype]}IOLvcHalCollection")
            voorkomens = body["_embedded"]["voorkomens"]
            assert len(voorkomens) == len(expected)
            for resource, record in zip(voorkomens, expected, strict=True):
                assert_object(resource[SLEUTELS[objecttype]], record)


async def test_geldig_op_picks_the_voorkomen_of_that_date(bag: httpx.AsyncClient) -> None:
    checked = 0
    for identificatie, items in _objects().items():
        objecttype = items[0].objecttype
        for day in sorted({item.begin_geldigheid for item in items} | {"2000-01-01"}):
            expected = valid_on(items, day)
            response = await bag.get(f"{BASE}/{PADEN[objecttype]}/{identificatie}", params={"geldigOp": day})
            if expected is None:
                assert response.status_code == 404, (identificatie, day)
                continue
            assert response.status_code == 200, (identificatie, day, response.text)
            assert_object(response.json()[SLEUTELS[objecttype]], expected)
            checked += 1
    assert checked > 220


async def test_beschikbaar_op_shows_what_was_known_then(bag: httpx.AsyncClient) -> None:
    """Verblijfsobject 0221010000330226: voorkomen 2 (2019-01-15 .. 2019-03-27) became known on
    2019-01-15 and its end on 2019-03-29; on 2019-02-01 it was the open-ended last one."""
    items = by_object(sample()[0])["0221010000330226"]
    second = next(item for item in items if item.voorkomenidentificatie == 2)
    then = {"beschikbaarOp": "2019-02-01T12:00"}
    response = await bag.get(f"{BASE}/verblijfsobjecten/0221010000330226", params=then)
    assert response.status_code == 200, response.text
    assert_object_known_then = response.json()["verblijfsobject"]
    assert assert_object_known_then["voorkomen"]["versie"] == second.voorkomenidentificatie
    assert assert_object_known_then["oppervlakte"] == second.gegevens["oppervlakte"]
    # known before it was registered at all: nothing
    before = await bag.get(
        f"{BASE}/verblijfsobjecten/0221010000330226", params={"beschikbaarOp": "2011-01-01T00:00:00"}
    )
    assert before.status_code == 404
    # a moment with an offset is the same moment in Dutch time (13:00 in winter is 12:00 UTC)
    utc = datetime(2019, 2, 1, 12, tzinfo=ZoneInfo("UTC")).isoformat()
    assert (await bag.get(f"{BASE}/verblijfsobjecten/0221010000330226", params={"beschikbaarOp": utc})).json()[
        "verblijfsobject"
    ]["voorkomen"]["versie"] == 2


async def test_every_voorkomen_is_served_by_its_voorkomen_path(bag: httpx.AsyncClient) -> None:
    for identificatie, items in _objects().items():
        objecttype = items[0].objecttype
        response = await bag.get(f"{BASE}/{PADEN[objecttype]}/{identificatie}/lvc", params={"geheleLvc": "true"})
        for resource in response.json()["_embedded"]["voorkomens"]:
            href = resource["_links"]["self"]["href"]
            single = await bag.get(href)
            assert single.status_code == 200, (href, single.text)
            assert single.json()[SLEUTELS[objecttype]] == resource[SLEUTELS[objecttype]]
            assert single.json()["_links"]["self"]["href"] == href


async def test_a_mark_in_onderzoek_shows_in_its_period(bag: httpx.AsyncClient) -> None:
    """The sample's marks are all past: pand 0221100000311191 was in onderzoek for its geometry,
    bouwjaar and status from 2010-04-20 to 2011-09-06."""
    _, kenmerken, _ = sample()
    expected = sorted(
        (item for item in kenmerken if item.identificatie == "0221100000311191" and item.in_onderzoek),
        key=lambda item: item.kenmerk,
    )
    assert len(expected) == 3
    response = await bag.get(f"{BASE}/panden/0221100000311191", params={"geldigOp": "2011-01-01"})
    body = response.json()
    assert_schema(body, "PandIOHal")
    assert [item["kenmerk"] for item in body["inonderzoek"]] == [item.kenmerk for item in expected]
    for served, record in zip(body["inonderzoek"], expected, strict=True):
        assert served["identificatieVanPand"] == record.identificatie
        assert served["inOnderzoek"] == "J"
        assert (served["documentdatum"], served["documentnummer"]) == (record.documentdatum, record.documentnummer)
        assert served["historie"]["beginGeldigheid"] == record.begin_geldigheid
        assert served["historie"]["eindGeldigheid"] == record.eind_geldigheid
    now = (await bag.get(f"{BASE}/panden/0221100000311191")).json()
    assert "inonderzoek" not in now
    lvc = (await bag.get(f"{BASE}/panden/0221100000311191/lvc")).json()["_embedded"]["voorkomens"]
    assert [len(item.get("inonderzoek", [])) for item in lvc] == [3, 0]


async def test_a_mark_in_onderzoek_today_shows_now(bag: httpx.AsyncClient) -> None:
    body = (await bag.get(f"{BASE}/nummeraanduidingen/0221200009000001")).json()
    assert_schema(body, "NummeraanduidingIOHal")
    assert [(item["kenmerk"], item["inOnderzoek"]) for item in body["inonderzoek"]] == [("huisletter", "J")]
    before = (await bag.get(f"{BASE}/nummeraanduidingen/0221200009000001", params={"geldigOp": "2020-01-15"})).json()
    assert "inonderzoek" not in before
