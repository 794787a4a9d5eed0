# SPDX-License-Identifier: EUPL-1.2
"""``/adressenuitgebreid``: every current address with its adresseerbaar object and panden, by its
nummeraanduiding and by each way of asking, against the records (rules written here)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.registers.bag.helpers import BASE, all_records, assert_schema, by_object, current
from tests.registers.bag.test_adressen import _plain, expected_addresses

TYPEN = {"VBO": "Verblijfsobject", "LIG": "Ligplaats", "STA": "Standplaats"}


def expected_extension(address: dict[str, Any]) -> dict[str, Any]:
    """What an address uitgebreid adds, from the records of its object and its panden now."""
    objects = by_object(all_records()[0])
    record = current(objects[address["adresseerbaarObjectIdentificatie"]])
    assert record is not None
    geometrie = record.geometrie or {}
    extension: dict[str, Any] = {
        "typeAdresseerbaarObject": TYPEN[record.objecttype],
        "adresseerbaarObjectGeometrie": {"punt" if geometrie.get("type") == "Point" else "vlak": geometrie},
        "adresseerbaarObjectStatus": record.status,
    }
    for name in ("gebruiksdoelen", "oppervlakte"):
        if name in record.gegevens:
            extension[name] = record.gegevens[name]
    panden = [current(objects[pand]) for pand in record.gegevens.get("maaktDeelUitVan", ()) if pand in objects]
    jaren = [pand.gegevens["oorspronkelijkBouwjaar"] for pand in panden if pand is not None]
    if jaren:
        extension["oorspronkelijkBouwjaar"] = jaren
    return extension


async def test_every_address_uitgebreid_by_its_nummeraanduiding(bag: httpx.AsyncClient) -> None:
    expected = expected_addresses()
    for key, address in expected.items():
        response = await bag.get(f"{BASE}/adressenuitgebreid/{key}")
        assert response.status_code == 200, response.text
        assert response.headers["Content-Crs"] == "epsg:28992"
        body = response.json()
        assert_schema(body, "AdresUitgebreidHal")
        assert _plain(body) == {**address, **expected_extension(address)}
        kind = {"Verblijfsobject": "verblijfsobject", "Ligplaats": "ligplaats", "Standplaats": "standplaats"}
        assert kind[body["typeAdresseerbaarObject"]] in body["geconstateerd"]
        assert body["_links"]["self"]["href"].endswith(f"/adressenuitgebreid/{key}")
        assert body["_links"]["adresseerbaarObject"]["href"].endswith(address["adresseerbaarObjectIdentificatie"])


async def test_addresses_uitgebreid_by_each_way_of_asking(bag: httpx.AsyncClient) -> None:
    expected = expected_addresses()
    for address in expected.values():
        number = address["huisnummer"]
        questions: list[dict[str, Any]] = [
            {"adresseerbaarObjectIdentificatie": address["adresseerbaarObjectIdentificatie"]},
            {
                "woonplaatsNaam": address["woonplaatsNaam"],
                "openbareRuimteNaam": address["openbareRuimteNaam"],
                "huisnummer": number,
            },
        ]
        if "postcode" in address:
            questions.append({"postcode": address["postcode"], "huisnummer": number})
        for params in questions:
            response = await bag.get(f"{BASE}/adressenuitgebreid", params=params)
            assert response.status_code == 200, (params, response.text)
            body = response.json()
            assert_schema(body, "AdresUitgebreidHalCollection")
            ordinary = (await bag.get(f"{BASE}/adressen", params={**params, "pageSize": 100})).json()
            keys = [item["nummeraanduidingIdentificatie"] for item in body["_embedded"]["adressen"]]
            assert keys == [item["nummeraanduidingIdentificatie"] for item in ordinary["_embedded"]["adressen"]]
            assert address["nummeraanduidingIdentificatie"] in keys


async def test_an_address_uitgebreid_in_onderzoek_says_which_part_and_why(bag: httpx.AsyncClient) -> None:
    body = (await bag.get(f"{BASE}/adressenuitgebreid/0221200009000001")).json()
    assert body["inonderzoek"]["huisletter"] is True
    assert body["inonderzoek"]["openbareRuimteNaam"] is True
    assert len(body["inonderzoek"]["toelichting"]) == 3


async def test_adressenuitgebreid_refuses_what_it_does_not_take(bag: httpx.AsyncClient) -> None:
    pand = await bag.get(f"{BASE}/adressenuitgebreid", params={"pandIdentificatie": "0221100000312938"})
    assert pand.status_code == 400 and pand.json()["invalid-params"][0]["name"] == "pandIdentificatie"
    none = await bag.get(f"{BASE}/adressenuitgebreid")
    assert none.status_code == 400 and none.json()["code"] == "paramsRequired"
    unknown = await bag.get(f"{BASE}/adressenuitgebreid/0221200000000000")
    assert unknown.status_code == 404
    del bag.headers["Accept-Crs"]
    assert (await bag.get(f"{BASE}/adressenuitgebreid/0221200009000001")).status_code == 412
