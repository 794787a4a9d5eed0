# SPDX-License-Identifier: EUPL-1.2
"""Free-text address search (``/adressen/zoek``) and the address of a search result
(``/adressen?zoekresultaatIdentificatie``), on the sample and the synthetic street."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from opengdi.kernel.db import Database
from opengdi.kernel.tekst import fold
from opengdi.registers.bag import zoekindex
from opengdi.registers.bag.model import ZOEKVECTOR
from opengdi.registers.bag.vraag import Pagina
from opengdi.registers.bag.zoeken import Adresregel, termen
from tests.registers.bag.helpers import BASE, NUMMERS_ZY, NUMMERS_ZZ, assert_schema

TESTSERVER = "http://testserver"


async def _zoek(bag: httpx.AsyncClient, zoek: str, **extra: Any) -> dict[str, Any]:
    response = await bag.get(f"{BASE}/adressen/zoek", params={"zoek": zoek, **extra})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert_schema(body, "ZoekResultaatHalCollection")
    return body


def _found(body: dict[str, Any]) -> list[str]:
    return [item["omschrijving"] for item in body.get("_embedded", {}).get("zoekresultaten", [])]


async def _all_addresses(bag: httpx.AsyncClient) -> list[dict[str, Any]]:
    """Every current address of the test BAG, asked the ordinary way (by postcode and number)."""
    found: dict[str, dict[str, Any]] = {}
    for postcode, numbers in (("6981ZZ", NUMMERS_ZZ), ("6981ZY", NUMMERS_ZY), ("6981CH", ((4, None, None),))):
        for number in {item[0] for item in numbers}:
            body = (
                await bag.get(f"{BASE}/adressen", params={"postcode": postcode, "huisnummer": number, "pageSize": 100})
            ).json()
            for item in body.get("_embedded", {}).get("adressen", []):
                found[item["nummeraanduidingIdentificatie"]] = item
    return list(found.values())


async def test_a_street_and_number_find_that_address_and_its_letters(bag: httpx.AsyncClient) -> None:
    body = await _zoek(bag, "proefstraat 1")
    assert _found(body) == [
        "Proefstraat der Synthetische Adressen 1, 6981ZZ Doesburg",
        "Proefstraat der Synthetische Adressen 1 A, 6981ZZ Doesburg",
        "Proefstraat der Synthetische Adressen 1 Abis, 6981ZZ Doesburg",
        "Proefstraat der Synthetische Adressen 1 B, 6981ZZ Doesburg",
        "Proefstraat der Synthetische Adressen 1 Bbis, 6981ZZ Doesburg",
        "Proefstraat der Synthetische Adressen 2-1, 6981ZY Doesburg",  # toevoeging 1
    ]
    assert "Proefstraat der Synthetische Adressen 11, 6981ZZ Doesburg" not in _found(body)
    assert _found(await _zoek(bag, "PROEFSTRAAT,1a bis")) == [
        "Proefstraat der Synthetische Adressen 1 Abis, 6981ZZ Doesburg"
    ]
    assert _found(await _zoek(bag, "synthet 1abis")) == [
        "Proefstraat der Synthetische Adressen 1 Abis, 6981ZZ Doesburg"
    ]


async def test_every_address_is_found_by_its_parts_and_its_result_is_that_address(bag: httpx.AsyncClient) -> None:
    addresses = await _all_addresses(bag)
    assert len(addresses) > 30
    for address in addresses:
        number = f"{address['huisnummer']}{address.get('huisletter', '')}{address.get('huisnummertoevoeging', '')}"
        street = address["openbareRuimteNaam"][:6]
        question = f"{address['woonplaatsNaam'].upper()} {street} {number} {address['postcode'][:4]}"
        body = await _zoek(bag, question, pageSize=100)
        results = body["_embedded"]["zoekresultaten"]
        [result] = [
            item for item in results if item["identificatie"].endswith(address["nummeraanduidingIdentificatie"])
        ]
        link = result["_links"]["adres"]["href"]
        assert link == f"{TESTSERVER}{BASE}/adressen?zoekresultaatIdentificatie={result['identificatie']}"
        answer = await bag.get(link)
        assert answer.status_code == 200, answer.text
        assert_schema(answer.json(), "AdresIOHalCollection")
        [served] = answer.json()["_embedded"]["adressen"]
        assert served == address


async def test_the_results_are_in_address_order_and_paged(bag: httpx.AsyncClient) -> None:
    first = await _zoek(bag, "doesburg 6981zy", pageSize=10)
    assert first["_links"]["next"]["href"] and "previous" not in first["_links"]
    pages = [first] + [await _zoek(bag, "doesburg 6981zy", pageSize=10, page=page) for page in (2, 3)]
    found = [text for page in pages for text in _found(page)]
    expected = sorted(
        (f"Proefstraat der Synthetische Adressen 2-{toevoeging}, 6981ZY Doesburg" for _, _, toevoeging in NUMMERS_ZY),
        key=lambda text: text.split("-")[1],  # toevoegingen in text order: 1, 10, 11, …
    )
    assert found == expected
    beyond = await bag.get(f"{BASE}/adressen/zoek", params={"zoek": "doesburg 6981zy", "pageSize": 10, "page": 4})
    assert beyond.status_code == 400 and beyond.json()["invalid-params"][0]["name"] == "page"


async def test_a_search_finds_the_first_addresses_in_address_order_up_to_its_maximum(
    bag_database: Database,
) -> None:
    async with bag_database.connect() as connection:
        pages = [
            await zoekindex.zoek_adressen(connection, ["6981zy"], Pagina(nummer, 2), maximum=5) for nummer in (1, 3, 4)
        ]
    found = [[omschrijving.split(",")[0].rsplit("-")[1] for _, omschrijving in page] for page, _ in pages]
    assert found == [["1", "10"], ["13"], []]  # toevoegingen in text order; the sixth is beyond the maximum
    assert [total for _, total in pages] == [5, 5, 5]


async def test_the_search_expression_is_the_one_postgresql_indexed(bag_database: Database) -> None:
    if bag_database.dialect != "postgresql":
        pytest.skip("SQLite searches the token table (bag_zoekterm), which has no expression index")
    query = zoekindex.tsquery(["6981", "proef"])
    async with bag_database.connect() as connection:
        await connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            (
                await connection.execute(
                    text(f"EXPLAIN SELECT 1 FROM bag_zoekadres WHERE {ZOEKVECTOR} @@ CAST(:query AS tsquery)"),
                    {"query": query},
                )
            ).scalars()
        )
    assert "ix_bag_zoekadres_zoektokens" in plan


def test_a_question_becomes_one_tsquery_of_prefixes_and_whole_tokens() -> None:
    assert zoekindex.tsquery(["1065", "o'neil"]) == "('p1065':* | 'h1065') & ('po''neil':* | 'ho''neil')"


@pytest.mark.parametrize("zoek", ["onbestaandestraat", "proefstraat 30", "6981zz 2", ",, ;"])
async def test_what_matches_nothing_is_an_empty_collection(bag: httpx.AsyncClient, zoek: str) -> None:
    body = await _zoek(bag, zoek)
    assert "_embedded" not in body


async def test_an_unknown_search_result_finds_no_address(bag: httpx.AsyncClient) -> None:
    for value in ("adr-0221200000000000", "iets anders", "adr-"):
        body = (await bag.get(f"{BASE}/adressen", params={"zoekresultaatIdentificatie": value})).json()
        assert "_embedded" not in body, value


async def test_bad_searches_are_refused_naming_zoek(bag: httpx.AsyncClient) -> None:
    missing = await bag.get(f"{BASE}/adressen/zoek")
    assert missing.status_code == 400 and missing.json()["code"] == "paramsRequired"
    for value, code in (("", "minLength"), ("x" * 256, "maxLength"), (" ".join("abcdefghijkl"), "maxItems")):
        refused = await bag.get(f"{BASE}/adressen/zoek", params={"zoek": value})
        assert refused.status_code == 400, value
        assert refused.json()["invalid-params"][0]["name"] == "zoek"
        assert refused.json()["invalid-params"][0]["code"] == code
    combined = await bag.get(f"{BASE}/adressen", params={"zoekresultaatIdentificatie": "adr-1", "postcode": "6981ZZ"})
    assert combined.status_code == 400 and combined.json()["code"] == "unsupportedCombination"


def test_the_tokens_of_an_address() -> None:
    adres = Adresregel("0363200000000001", "'s-Gravenhaagse Brug", 12, "a", "bis", "1065TA", "Den Haag")
    assert {token for token, _ in adres.tokens()} == {
        "s",
        "gravenhaagse",
        "brug",
        "den",
        "haag",
        "1065ta",
        "12",
        "a",
        "bis",
        "12a",
        "12bis",
        "12abis",
    }
    assert adres.zoektokens().startswith("h12 h12a h12abis h12bis ha hbis p1065ta pbrug pden")
    assert adres.omschrijving() == "'s-Gravenhaagse Brug 12 abis, 1065TA Den Haag"
    assert termen("Śnoekstraat, 1065TA  1") == ["snoekstraat", "1065ta", "1"]
    assert fold("Ä") == "a"
