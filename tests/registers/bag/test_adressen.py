# SPDX-License-Identifier: EUPL-1.2
"""The addresses of the BAG API: every current address of the test BAG by each way of asking,
exacteMatch, paging, expand, and the answer of a question that finds nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from opengdi.registers.bag.extract import Voorkomen
from tests.registers.bag.helpers import (
    BASE,
    INGETROKKEN,
    NUMMERS_ZY,
    PAND,
    all_records,
    assert_schema,
    by_object,
    current,
)

EINDSTATUS = {"Naamgeving ingetrokken", "Woonplaats ingetrokken", "Verblijfsobject ingetrokken"}
TESTSERVER = "http://testserver"


def _huidig(item: Voorkomen | None) -> Voorkomen | None:
    return item if item is not None and item.status not in EINDSTATUS else None


def expected_addresses() -> dict[str, dict[str, Any]]:
    """Per nummeraanduiding, the address the API should give (by the rules of the feature files:
    the nummeraanduiding, its openbare ruimte and woonplaats and an adresseerbaar object all huidig;
    of several objects the one it is the hoofdadres of, else the first it is a nevenadres of)."""
    voorkomens, _ = all_records()
    now = {key: _huidig(current(items)) for key, items in by_object(voorkomens).items()}
    objects = [item for item in now.values() if item is not None and item.objecttype in ("VBO", "LIG", "STA")]
    result = {}
    for key, num in now.items():
        if num is None or num.objecttype != "NUM":
            continue
        hoofd = sorted(
            (item for item in objects if item.gegevens["heeftAlsHoofdAdres"] == key), key=lambda i: i.identificatie
        )
        neven = sorted(
            (item for item in objects if key in item.gegevens.get("heeftAlsNevenAdres", ())),
            key=lambda i: i.identificatie,
        )
        street = now.get(num.gegevens["ligtAan"])
        place = now.get(num.gegevens.get("ligtIn") or (street.gegevens["ligtIn"] if street else ""))
        if not (hoofd or neven) or street is None or place is None:
            continue
        ao = (hoofd or neven)[0]
        address = {
            "openbareRuimteNaam": street.gegevens["naam"],
            "korteNaam": street.gegevens.get("verkorteNaam", street.gegevens["naam"]),
            "huisnummer": num.gegevens["huisnummer"],
            "woonplaatsNaam": place.gegevens["naam"],
            "nummeraanduidingIdentificatie": key,
            "openbareRuimteIdentificatie": street.identificatie,
            "woonplaatsIdentificatie": place.identificatie,
            "adresseerbaarObjectIdentificatie": ao.identificatie,
        }
        for name in ("huisletter", "huisnummertoevoeging", "postcode"):
            if name in num.gegevens:
                address[name] = num.gegevens[name]
        if ao.objecttype == "VBO":
            address["pandIdentificaties"] = ao.gegevens["maaktDeelUitVan"]
        if not hoofd:
            address["indicatieNevenadres"] = True
        result[key] = address
    return result


def _plain(address: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value
        for key, value in address.items()
        if key not in ("_links", "_embedded", "geconstateerd", "inonderzoek")
    }


async def _adressen(bag: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await bag.get(f"{BASE}/adressen", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/hal+json"
    body = response.json()
    assert_schema(body, "AdresIOHalCollection")
    return body


def _found(body: dict[str, Any]) -> list[dict[str, Any]]:
    return body.get("_embedded", {}).get("adressen", [])


async def test_every_address_is_served_by_its_nummeraanduiding(bag: httpx.AsyncClient) -> None:
    expected = expected_addresses()
    assert len(expected) > 30  # the sample's eight and the synthetic street
    for key, address in expected.items():
        response = await bag.get(f"{BASE}/adressen/{key}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert_schema(body, "AdresIOHal")
        assert _plain(body) == address
        assert body["_links"]["self"] == {"href": f"{TESTSERVER}{BASE}/adressen/{key}"}
        assert body["_links"]["nummeraanduiding"] == {"href": f"{TESTSERVER}{BASE}/nummeraanduidingen/{key}"}
        kind = {"01": "verblijfsobjecten", "02": "ligplaatsen", "03": "standplaatsen"}[
            address["adresseerbaarObjectIdentificatie"][4:6]
        ]
        assert body["_links"]["adresseerbaarObject"]["href"].endswith(
            f"/{kind}/{address['adresseerbaarObjectIdentificatie']}"
        )


async def test_a_nummeraanduiding_without_a_current_address_is_not_found(bag: httpx.AsyncClient) -> None:
    # no BAG data any more (NietBag), and one whose verblijfsobject is ingetrokken
    for key in ("0221200000328545", "0221200009099999"):
        response = await bag.get(f"{BASE}/adressen/{key}")
        assert response.status_code == 404
        assert response.json()["code"] == "notFound"
    assert (await bag.get(f"{BASE}/verblijfsobjecten/{INGETROKKEN}")).status_code == 200


async def test_every_address_is_found_by_postcode_and_huisnummer(bag: httpx.AsyncClient) -> None:
    for key, address in expected_addresses().items():
        if "postcode" not in address:
            continue
        body = await _adressen(
            bag, postcode=address["postcode"].lower(), huisnummer=address["huisnummer"], pageSize=100
        )
        found = {item["nummeraanduidingIdentificatie"]: _plain(item) for item in _found(body)}
        assert found[key] == address
        assert all(item["huisnummer"] == address["huisnummer"] for item in found.values())


async def test_every_address_is_found_by_its_object_street_and_pand(bag: httpx.AsyncClient) -> None:
    expected = expected_addresses()
    for key, address in expected.items():
        by_object = _found(
            await _adressen(bag, adresseerbaarObjectIdentificatie=address["adresseerbaarObjectIdentificatie"])
        )
        assert key in {item["nummeraanduidingIdentificatie"] for item in by_object}
        street = {
            "woonplaatsNaam": address["woonplaatsNaam"].upper(),
            "openbareRuimteNaam": address["openbareRuimteNaam"],
            "huisnummer": address["huisnummer"],
            "pageSize": 100,
        }
        assert key in {item["nummeraanduidingIdentificatie"] for item in _found(await _adressen(bag, **street))}
        for pand in address.get("pandIdentificaties", ()):
            found = _found(await _adressen(bag, pandIdentificatie=pand, pageSize=100))
            assert key in {item["nummeraanduidingIdentificatie"] for item in found}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["1", "1A", "1Abis", "1B", "1Bbis"]),
        ({"exacteMatch": "true"}, ["1"]),
        ({"huisletter": "a"}, ["1A", "1Abis"]),
        ({"huisletter": "A", "exacteMatch": "true"}, ["1A"]),
        ({"huisnummertoevoeging": "bis"}, ["1Abis", "1Bbis"]),
        ({"huisnummertoevoeging": "bis", "exacteMatch": "true"}, []),
        ({"huisletter": "B", "huisnummertoevoeging": "BIS", "exacteMatch": "true"}, ["1Bbis"]),
        ({"huisnummertoevoeging": "B"}, []),
    ],
)
async def test_exacte_match(bag: httpx.AsyncClient, params: dict[str, str], expected: list[str]) -> None:
    """exacte_match.feature, on 6981ZZ: 1, 1A, 1Abis, 1B, 1Bbis and 11 (never found for 1)."""
    body = await _adressen(bag, postcode="6981ZZ", huisnummer=1, **params)
    found = [
        f"{item['huisnummer']}{item.get('huisletter', '')}{item.get('huisnummertoevoeging', '')}"
        for item in _found(body)
    ]
    assert found == expected
    if not expected:
        assert "_embedded" not in body
        assert body == {"_links": {"self": {"href": str(httpx.URL(body["_links"]["self"]["href"]))}}}


async def test_an_address_search_pages(bag: httpx.AsyncClient) -> None:
    """paginering.feature, on the 25 toevoegingen of 6981ZY 2."""
    url = f"{TESTSERVER}{BASE}/adressen?postcode=6981ZY&huisnummer=2"
    first = await bag.get(url)
    body = first.json()
    assert len(_found(body)) == 20
    assert (first.headers["X-Pagination-Page"], first.headers["X-Pagination-Limit"]) == ("1", "20")
    assert body["_links"] == {
        "self": {"href": url},
        "next": {"href": f"{url}&page=2"},
        "last": {"href": f"{url}&page=2"},
    }
    second = (await bag.get(f"{url}&page=2")).json()
    assert len(_found(second)) == 5
    assert second["_links"] == {
        "self": {"href": f"{url}&page=2"},
        "first": {"href": f"{url}&page=1"},
        "previous": {"href": f"{url}&page=1"},
    }
    pages = [(await bag.get(f"{url}&page={page}&pageSize=10")).json() for page in (1, 2, 3)]
    toevoegingen = [item["huisnummertoevoeging"] for page in pages for item in _found(page)]
    assert sorted(toevoegingen) == sorted(item[2] for item in NUMMERS_ZY)
    assert pages[1]["_links"]["next"]["href"] == f"{url}&page=3&pageSize=10"
    beyond = await bag.get(f"{url}&page=4&pageSize=10")
    assert beyond.status_code == 400
    assert beyond.json()["invalid-params"] == [
        {"name": "page", "code": "page", "reason": "De opgegeven pagina bestaat niet."}
    ]


async def test_an_address_embeds_what_expand_asks(bag: httpx.AsyncClient) -> None:
    key = "0221200000330227"
    everything = (await bag.get(f"{BASE}/adressen/{key}", params={"expand": "true"})).json()
    assert_schema(everything, "AdresIOHal")
    embedded = everything["_embedded"]
    assert sorted(embedded) == ["nummeraanduiding", "openbareRuimte", "woonplaats"]
    assert embedded["nummeraanduiding"]["nummeraanduiding"]["identificatie"] == key
    assert embedded["woonplaats"]["_links"]["self"] == everything["_links"]["woonplaats"]
    assert "_embedded" not in embedded["woonplaats"]
    one = (await bag.get(f"{BASE}/adressen/{key}", params={"expand": "woonplaats"})).json()
    assert list(one["_embedded"]) == ["woonplaats"]
    assert "_embedded" not in (await bag.get(f"{BASE}/adressen/{key}")).json()


async def test_an_address_in_onderzoek_says_which_part_and_why(bag: httpx.AsyncClient) -> None:
    """The synthetic huisletter of 6981ZZ 1 and the name of its street are in onderzoek today
    (the huisletter also when the address has none)."""
    body = (await bag.get(f"{BASE}/adressen/0221200009000001")).json()
    flags = body["inonderzoek"]
    assert {key for key in flags if key != "toelichting"} == {"huisletter", "openbareRuimteNaam", "korteNaam"}
    assert all(flags[key] is True for key in flags if key != "toelichting")
    assert len(flags["toelichting"]) == 3 and all(text.endswith(".") for text in flags["toelichting"])
    assert "huisletter" not in body
    other = (await bag.get(f"{BASE}/adressen/0221200000330227")).json()
    assert "inonderzoek" not in other


async def test_a_pand_gives_the_addresses_of_its_verblijfsobjecten(bag: httpx.AsyncClient) -> None:
    body = await _adressen(bag, pandIdentificatie=PAND, pageSize=100)
    assert len(_found(body)) == 31  # the synthetic street; the ingetrokken verblijfsobject has none
    refused = await bag.get(f"{BASE}/adressen", params={"pandIdentificatie": PAND, "expand": "true"})
    assert refused.status_code == 400 and refused.json()["code"] == "unsupportedCombination"


async def test_the_open_forms_call_finds_korte_naam_and_woonplaats(bag: httpx.AsyncClient) -> None:
    """What Open Forms' BAG client asks and reads: ``adressen?postcode&huisnummer``, then
    ``_embedded.adressen[0].korteNaam`` and ``woonplaatsNaam``; nothing found is no ``_embedded``."""
    body = (await bag.get(f"{BASE}/adressen", params={"postcode": "6981CH", "huisnummer": "4"})).json()
    first = body["_embedded"]["adressen"][0]
    street = by_object(all_records()[0])[first["openbareRuimteIdentificatie"]]
    assert first["korteNaam"] == current(street).gegevens.get("verkorteNaam", current(street).gegevens["naam"])  # type: ignore[union-attr]
    assert first["woonplaatsNaam"] == "Doesburg"
    nothing = (await bag.get(f"{BASE}/adressen", params={"postcode": "6981CH", "huisnummer": "5"})).json()
    assert "_embedded" not in nothing
