# SPDX-License-Identifier: EUPL-1.2
"""The Kadaster's clients send ``X-Api-Key``: a key Digikoppeling issued to an organisation works
on the BAG API (whose document declares that scheme) with that organisation's grants, an unknown
or revoked one is refused with 403, and no other API takes a key."""

from __future__ import annotations

import asyncio

import pytest
from fastapi import FastAPI

from opengdi.kernel.db import Database
from opengdi.stelsel.digikoppeling import organisaties, service
from opengdi.stelsel.digikoppeling.toegang import CACHE_SECONDS
from tests.conftest import http_client, obtain_token, unit_of_work
from tests.registers.bag.conftest import AFNEMER, ZONDER_BAG
from tests.registers.bag.helpers import BASE

ADRES = f"{BASE}/adressen/0221200000330227"


async def _key(database: Database, oin: str) -> tuple[int, str]:
    async with unit_of_work(database) as uow:
        return await service.issue_api_sleutel(uow, oin, "Kadaster-client")


async def test_an_issued_key_gives_its_organisations_grants(bag_app: FastAPI, bag_database: Database) -> None:
    _, key = await _key(bag_database, AFNEMER)
    async with http_client(bag_app) as http:
        answer = await http.get(ADRES, headers={"X-Api-Key": key})
        assert answer.status_code == 200, answer.text
        assert answer.json()["nummeraanduidingIdentificatie"] == "0221200000330227"
        lower = await http.get(ADRES, headers={"x-api-key": key})
        assert lower.status_code == 200
        _, other = await _key(bag_database, ZONDER_BAG)
        refused = await http.get(ADRES, headers={"X-Api-Key": other})
        assert refused.status_code == 403 and refused.json()["code"] == "autorisation"
    async with bag_database.session() as session:
        stored = await organisaties.api_sleutels_of(session, AFNEMER)
    assert stored and all(key not in repr(item) for item in stored)


@pytest.mark.parametrize("key", ["onjuist", "gdi_" + "x" * 43, "", " "])
async def test_an_unknown_key_is_refused_with_403(bag_app: FastAPI, key: str) -> None:
    async with http_client(bag_app) as http:
        refused = await http.get(ADRES, headers={"X-Api-Key": key})
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"


async def test_a_revoked_key_is_refused_within_the_cache_time(bag_app: FastAPI, bag_database: Database) -> None:
    number, key = await _key(bag_database, AFNEMER)
    async with http_client(bag_app) as http:
        assert (await http.get(ADRES, headers={"X-Api-Key": key})).status_code == 200
        async with unit_of_work(bag_database) as uow:
            assert await service.revoke_api_sleutel(uow, number) == AFNEMER
            assert await service.revoke_api_sleutel(uow, number) is None
        await asyncio.sleep(CACHE_SECONDS + 0.1)
        refused = await http.get(ADRES, headers={"X-Api-Key": key})
    assert refused.status_code == 403


async def test_only_an_api_whose_document_declares_a_key_takes_one(bag_app: FastAPI, bag_database: Database) -> None:
    _, key = await _key(bag_database, AFNEMER)
    async with http_client(bag_app) as http:
        brp = await http.post(
            "/haalcentraal/api/brp/personen",
            json={"type": "RaadpleegMetBurgerservicenummer"},
            headers={"X-Api-Key": key},
        )
        assert brp.status_code == 401
        document = (await http.get(f"{BASE}/openapi.json")).json()
    assert document["components"]["securitySchemes"]["apiKeyBAG"]["name"] == "X-Api-Key"
    assert {"apiKeyBAG": []} in document["security"]


async def test_a_token_goes_before_a_key(bag_app: FastAPI) -> None:
    async with http_client(bag_app) as http:
        token = await obtain_token(http, AFNEMER)
        answer = await http.get(ADRES, headers={"Authorization": f"Bearer {token}", "X-Api-Key": "onjuist"})
    assert answer.status_code == 200
