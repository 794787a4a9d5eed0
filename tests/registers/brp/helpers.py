# SPDX-License-Identifier: EUPL-1.2
"""Helpers for BRP tests: persoonslijsten in import form and requests to the personen endpoint."""

from __future__ import annotations

from typing import Any

import httpx

PERSONEN = "/haalcentraal/api/brp/personen"
BEHEER = "/brp/beheer/persoonslijsten"


def persoonslijst(bsn: str, **categories: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """A persoonslijst in import form: category 01 with ``bsn`` merged into its first voorkomen.

    Categories are passed as ``c01=[…]``, ``c08=[…]``, …
    """
    lijst = {key[1:]: value for key, value in categories.items()}
    persoon = lijst.setdefault("01", [{}])
    persoon[0] = {"01.20": bsn, **persoon[0]}
    lijst.setdefault("07", [{"70.10": "0"}])
    return lijst


async def load(client: httpx.AsyncClient, *lijsten: dict[str, Any]) -> list[str | None]:
    """Import ``lijsten`` through the beheer API; their BSNs."""
    response = await client.post(BEHEER, json={"persoonslijsten": list(lijsten)})
    assert response.status_code == 201, response.text
    bsns: list[str | None] = response.json()["burgerservicenummers"]
    return bsns


async def personen(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    """POST a query to the personen endpoint."""
    return await client.post(PERSONEN, json=body)


async def raadpleeg(client: httpx.AsyncClient, bsn: str | list[str], fields: list[str]) -> list[dict[str, Any]]:
    """The personen found by RaadpleegMetBurgerservicenummer (asserting a 200 answer)."""
    bsns = [bsn] if isinstance(bsn, str) else bsn
    response = await personen(client, type="RaadpleegMetBurgerservicenummer", burgerservicenummer=bsns, fields=fields)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["type"] == "RaadpleegMetBurgerservicenummer"
    result: list[dict[str, Any]] = body["personen"]
    return result


async def zoek(client: httpx.AsyncClient, type_: str, **parameters: Any) -> list[dict[str, Any]]:
    """The personen found by a search query (asserting a 200 answer)."""
    parameters.setdefault("fields", ["burgerservicenummer"])
    response = await personen(client, type=type_, **parameters)
    assert response.status_code == 200, response.text
    result: list[dict[str, Any]] = response.json()["personen"]
    return result


def bsns_of(found: list[dict[str, Any]]) -> list[str]:
    """The burgerservicenummers of an answer, sorted."""
    return sorted(persoon["burgerservicenummer"] for persoon in found)
