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


BEWONINGEN = "/haalcentraal/api/bewoning/bewoningen"


def adres(adresseerbaar_object: str, datum_aanvang: str, **elementen: str) -> dict[str, str]:
    """A verblijfplaats voorkomen at a BAG address in gemeente 0800 (as the Bewoning features write
    them), from ``datum_aanvang`` (10.30, GBA notation); ``elementen`` as ``e83_10="…"``."""
    extra = {key[1:].replace("_", "."): value for key, value in elementen.items()}
    return {"09.10": "0800", "10.10": "W", "10.30": datum_aanvang, "11.80": adresseerbaar_object, **extra}


def buitenland(datum_aanvang: str, land: str = "5010") -> dict[str, str]:
    """A verblijfplaats voorkomen abroad (land ``0000``: unknown) from ``datum_aanvang`` (13.20)."""
    return {"13.10": land, "13.20": datum_aanvang, "13.30": "Rue du pomme 26"}


def bewoner(bsn: str, *verblijven: dict[str, str], **categories: list[dict[str, Any]]) -> dict[str, Any]:
    """A persoonslijst with the verblijfplaatsen ``verblijven``, oldest first (the import wants the
    newest first)."""
    return persoonslijst(bsn, c08=list(reversed(verblijven)), **categories)


async def bewoningen(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    """POST a question to BRP Bewoning."""
    return await client.post(BEWONINGEN, json=body)


Samenvatting = tuple[str, str, list[str], list[str]]


def samengevat(antwoord: httpx.Response) -> list[Samenvatting]:
    """Each bewoning of a 200 answer as (datumVan, datumTot, bewoners' BSNs, mogelijke bewoners' BSNs)."""
    assert antwoord.status_code == 200, antwoord.text
    return [
        (
            item["periode"]["datumVan"],
            item["periode"]["datumTot"],
            [persoon["burgerservicenummer"] for persoon in item["bewoners"]],
            [persoon["burgerservicenummer"] for persoon in item["mogelijkeBewoners"]],
        )
        for item in antwoord.json()["bewoningen"]
    ]


async def op_peildatum(client: httpx.AsyncClient, adresseerbaar_object: str, peildatum: str) -> list[Samenvatting]:
    """The bewoningen of ``adresseerbaar_object`` on ``peildatum`` (ISO), summarised."""
    return samengevat(
        await bewoningen(
            client,
            type="BewoningMetPeildatum",
            peildatum=peildatum,
            adresseerbaarObjectIdentificatie=adresseerbaar_object,
        )
    )


async def in_periode(client: httpx.AsyncClient, adresseerbaar_object: str, van: str, tot: str) -> list[Samenvatting]:
    """The bewoningen of ``adresseerbaar_object`` from ``van`` until ``tot`` (ISO), summarised."""
    return samengevat(
        await bewoningen(
            client,
            type="BewoningMetPeriode",
            datumVan=van,
            datumTot=tot,
            adresseerbaarObjectIdentificatie=adresseerbaar_object,
        )
    )
