# SPDX-License-Identifier: EUPL-1.2
"""The searches and the adresseerbare objecten of the BAG API, and expand on the objects."""

from __future__ import annotations

from typing import Any

import httpx

from tests.registers.bag.helpers import (
    BASE,
    INGETROKKEN,
    PAND,
    STRAAT,
    all_records,
    assert_object,
    assert_schema,
    by_object,
    current,
)

TESTSERVER = "http://testserver"


def _now(identificatie: str) -> Any:
    return current(by_object(all_records()[0])[identificatie])


async def test_the_verblijfsobjecten_of_a_pand(bag: httpx.AsyncClient) -> None:
    sample = await bag.get(f"{BASE}/verblijfsobjecten", params={"pandIdentificatie": "0221100000312938"})
    assert sample.status_code == 200, sample.text
    body = sample.json()
    assert_schema(body, "VerblijfsobjectIOHalCollection")
    assert sample.headers["Content-Crs"] == "epsg:28992"
    [found] = body["_embedded"]["verblijfsobjecten"]
    assert_object(found["verblijfsobject"], _now("0221010000330226"))
    assert found["_links"]["self"]["href"].startswith(f"{TESTSERVER}{BASE}/verblijfsobjecten/0221010000330226/4/")
    everything = [
        item["verblijfsobject"]["identificatie"]
        for page in (1, 2, 3, 4)
        for item in (
            await bag.get(f"{BASE}/verblijfsobjecten", params={"pandIdentificatie": PAND, "page": page, "pageSize": 10})
        )
        .json()
        .get("_embedded", {})
        .get("verblijfsobjecten", [])
    ]
    assert len(everything) == 32 and INGETROKKEN in everything and everything == sorted(everything)
    huidig = (
        await bag.get(
            f"{BASE}/verblijfsobjecten", params={"pandIdentificatie": PAND, "huidig": "true", "pageSize": 100}
        )
    ).json()
    assert INGETROKKEN not in {
        item["verblijfsobject"]["identificatie"] for item in huidig["_embedded"]["verblijfsobjecten"]
    }


async def test_nummeraanduidingen_by_postcode_street_and_openbare_ruimte(bag: httpx.AsyncClient) -> None:
    by_postcode = (await bag.get(f"{BASE}/nummeraanduidingen", params={"postcode": "6981ZZ", "huisnummer": "1"})).json()
    assert_schema(by_postcode, "NummeraanduidingIOHalCollection")
    found = [item["nummeraanduiding"] for item in by_postcode["_embedded"]["nummeraanduidingen"]]
    numbers = [
        f"{item['huisnummer']}{item.get('huisletter', '')}{item.get('huisnummertoevoeging', '')}" for item in found
    ]
    assert numbers == ["1", "1A", "1Abis", "1B", "1Bbis"]
    for item in found:
        assert_object(item, _now(item["identificatie"]))
    street = {
        "woonplaatsNaam": "doesburg",
        "openbareRuimteNaam": "Proefstraat der Synthetische Adressen",
        "huisnummer": 1,
    }
    by_street = (await bag.get(f"{BASE}/nummeraanduidingen", params={**street, "exacteMatch": "true"})).json()
    assert [item["nummeraanduiding"]["identificatie"] for item in by_street["_embedded"]["nummeraanduidingen"]] == [
        "0221200009000001"
    ]
    of_street = await bag.get(
        f"{BASE}/nummeraanduidingen", params={"openbareRuimteIdentificatie": STRAAT, "pageSize": 100}
    )
    assert len(of_street.json()["_embedded"]["nummeraanduidingen"]) == 32
    assert of_street.headers["X-Pagination-Limit"] == "100"
    # a postcode that a nummeraanduiding had once, and has no more: 0221200000330229 lost it in 2019
    gone = (await bag.get(f"{BASE}/nummeraanduidingen", params={"postcode": "6981EA", "huisnummer": 9})).json()
    assert "_embedded" not in gone
    then = {"postcode": "6981EA", "huisnummer": 9, "geldigOp": "2015-01-01"}
    earlier = (await bag.get(f"{BASE}/nummeraanduidingen", params=then)).json()
    assert "0221200000330229" in {
        item["nummeraanduiding"]["identificatie"] for item in earlier["_embedded"]["nummeraanduidingen"]
    }
    link = earlier["_embedded"]["nummeraanduidingen"][0]["_links"]["ligtAanOpenbareRuimte"]["href"]
    assert "geldigOp=2015-01-01" in link and "beschikbaarOp=" in link


async def test_woonplaatsen_by_name(bag: httpx.AsyncClient) -> None:
    for naam in ("Doesburg", "DOESBURG", "doesbürg"):
        body = (await bag.get(f"{BASE}/woonplaatsen", params={"naam": naam})).json()
        assert_schema(body, "WoonplaatsIOHalCollection")
        [found] = body["_embedded"]["woonplaatsen"]
        assert_object(found["woonplaats"], _now("2142"))
    assert "_embedded" not in (await bag.get(f"{BASE}/woonplaatsen", params={"naam": "Nergenshuizen"})).json()
    with_geometry = (await bag.get(f"{BASE}/woonplaatsen", params={"naam": "Doesburg", "expand": "geometrie"})).json()
    embedded = with_geometry["_embedded"]["woonplaatsen"][0]["_embedded"]
    assert embedded["geometrie"] == {"vlak": _now("2142").geometrie}


async def test_openbare_ruimten_by_woonplaats_and_name(bag: httpx.AsyncClient) -> None:
    named = (
        await bag.get(
            f"{BASE}/openbareruimten", params={"woonplaatsNaam": "Doesburg", "openbareRuimteNaam": "Koppenberch"}
        )
    ).json()
    assert_schema(named, "OpenbareRuimteIOHalCollection")
    [found] = named["_embedded"]["openbareRuimten"]
    assert_object(found["openbareRuimte"], _now("0221300000311239"))
    everything = (
        await bag.get(f"{BASE}/openbareruimten", params={"woonplaatsIdentificatie": "2142", "pageSize": 100})
    ).json()
    expected = [
        key for key, items in by_object(all_records()[0]).items() if items[0].objecttype == "OPR" and current(items)
    ]
    pages = everything["_links"]
    assert len(everything["_embedded"]["openbareRuimten"]) == 100 and "next" in pages
    assert len(expected) > 100


async def test_an_adresseerbaar_object_is_any_of_three(bag: httpx.AsyncClient) -> None:
    for key, kind in (
        ("0221010000330226", "verblijfsobject"),
        ("0221020000330152", "ligplaats"),
        ("0221030000330174", "standplaats"),
    ):
        response = await bag.get(f"{BASE}/adresseerbareobjecten/{key}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert_schema(body, "AdresseerbaarObjectIOHal")
        assert_object(body[kind][kind], _now(key))
        lvc = (await bag.get(f"{BASE}/adresseerbareobjecten/{key}/lvc")).json()
        assert_schema(lvc, "AdresseerbaarObjectLvcIOHalCollection")
        assert len(lvc["_embedded"]["voorkomens"]) == len(by_object(all_records()[0])[key])
    neven = (
        await bag.get(f"{BASE}/adresseerbareobjecten", params={"nummeraanduidingIdentificatie": "0221200000330998"})
    ).json()
    assert_schema(neven, "AdresseerbareObjectenIOHalCollection")
    kinds = sorted(
        next(iter(key for key in item if key != "_links")) for item in neven["_embedded"]["adresseerbareObjecten"]
    )
    assert kinds == ["standplaats", "verblijfsobject"]  # a nevenadres of both (a quirk of the sample)


async def test_expand_embeds_the_related_objects_one_level_deep(bag: httpx.AsyncClient) -> None:
    url = f"{BASE}/verblijfsobjecten/0221010000330999"
    plain = (await bag.get(url)).json()
    assert "_embedded" not in plain
    assert len(plain["_links"]["heeftAlsNevenAdres"]) == 2 and len(plain["_links"]["maaktDeelUitVan"]) == 1
    everything = (await bag.get(url, params={"expand": "true"})).json()
    assert_schema(everything, "VerblijfsobjectIOHal")
    embedded = everything["_embedded"]
    assert sorted(embedded) == ["heeftAlsHoofdAdres", "heeftAlsNevenAdres", "maaktDeelUitVan"]
    assert embedded["heeftAlsHoofdAdres"]["_links"]["self"] == plain["_links"]["heeftAlsHoofdAdres"]
    assert [item["_links"]["self"] for item in embedded["heeftAlsNevenAdres"]] == plain["_links"]["heeftAlsNevenAdres"]
    assert all("_embedded" not in item for item in embedded["heeftAlsNevenAdres"])
    assert_object(embedded["maaktDeelUitVan"][0]["pand"], _now("0221100000311191"))
    two = (await bag.get(url, params={"expand": "heeftAlsHoofdadres,maaktDeelUitVan"})).json()
    assert sorted(two["_embedded"]) == ["heeftAlsHoofdAdres", "maaktDeelUitVan"]
    pand = (await bag.get(f"{BASE}/panden/0221100000311191", params={"expand": "true"})).json()
    assert "_embedded" not in pand and list(pand["_links"]) == ["self"]
    nummer = (await bag.get(f"{BASE}/nummeraanduidingen/0221200000330227", params={"expand": "true"})).json()
    straat = nummer["_embedded"]["ligtAanOpenbareRuimte"]
    assert_object(straat["openbareRuimte"], _now("0221300000311333"))
    assert "ligtInWoonplaats" not in nummer["_embedded"]  # the nummeraanduiding names no woonplaats of its own
    straat_wp = (await bag.get(straat["_links"]["self"]["href"], params={"expand": "ligtInWoonplaats"})).json()
    assert straat_wp["_embedded"]["ligtInWoonplaats"]["woonplaats"]["identificatie"] == "2142"


async def test_info(bag: httpx.AsyncClient) -> None:
    response = await bag.get(f"{BASE}/info")
    assert response.status_code == 200
    assert response.headers["API-Version"] == "2.0.0"
    assert_schema(response.json(), "API-info")
    assert response.json()["api-version"] == "2.0.0"


async def test_the_official_document_is_served_as_json(bag: httpx.AsyncClient) -> None:
    response = await bag.get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["version"] == "2.0.0"
    assert document["servers"] == [{"url": BASE, "description": "Open GDI"}]
    assert (
        document["paths"]["/adresseerbareobjecten/{adresseerbaarObjectIdentificatie}"]["get"]["parameters"][1][
            "example"
        ]
        == "2019-06-01"
    )
    assert (await bag.get(f"{BASE}/docs")).status_code == 200
