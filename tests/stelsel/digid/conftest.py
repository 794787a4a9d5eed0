# SPDX-License-Identifier: EUPL-1.2
"""A DigiD to test against, on SQLite and on PostgreSQL: persons in the BRP (one alive, one deceased,
one whose persoonslijst is opgeschort), their accounts, and relying parties at basis and midden;
and the browser's part of a login (the forms), posted by a relying party's HTTP client."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from authlib.integrations.httpx_client import AsyncOAuth2Client
from fastapi import FastAPI

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.stelsel.digid import accounts, diensten
from opengdi.stelsel.digid.niveaus import Niveau
from tests.conftest import BASE_URL, BRONHOUDER, http_client, register_bronhouder, scratch_database, settings_for
from tests.registers.brp.helpers import load, persoonslijst

REDIRECT = "https://dienst.example/inloggen/klaar"
UITGELOGD = "https://dienst.example/uitgelogd"
BSN, GEBRUIKER, WACHTWOORD, TELEFOON = "999993653", "suzanne", "Welkom01!", "0612345678"
OVERLEDEN, OPGESCHORT = "999991723", "999990019"
#: A second living person, who acts on behalf of the first (DigiD Machtigen).
GEMACHTIGDE, GEMACHTIGDE_GEBRUIKER = "999990639", "mattheus"
ISSUER = f"{BASE_URL}/digid"


@dataclass(frozen=True, slots=True)
class DigiD:
    app: FastAPI
    database: Database
    basis: tuple[str, str]
    midden: tuple[str, str]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
async def digid(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DigiD]:
    async with scratch_database(request.param, tmp_path_factory.mktemp("digid")) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        app = create_app(settings_for(tmp_path_factory.mktemp("digidapp")), database)
        await register_bronhouder(database)
        async with http_client(app, BRONHOUDER) as http:
            await load(
                http,
                persoonslijst(BSN),
                persoonslijst(OVERLEDEN, c06=[{"08.10": "20200101"}], c07=[{"67.10": "20200101", "67.20": "O"}]),
                persoonslijst(OPGESCHORT, c07=[{"67.10": "20210101", "67.20": "M"}]),
                persoonslijst(GEMACHTIGDE),
            )
        await accounts.maak_account(database, BSN, GEBRUIKER, WACHTWOORD, telefoonnummer=TELEFOON)
        await accounts.maak_account(database, GEMACHTIGDE, GEMACHTIGDE_GEBRUIKER, WACHTWOORD)
        for bsn in (OVERLEDEN, OPGESCHORT):
            await accounts.maak_account(database, bsn, f"test{bsn}", WACHTWOORD)
        basis = await diensten.registreer(
            database,
            "Gemeente Proefstad",
            "00000099900000001000",
            [REDIRECT],
            Niveau.BASIS,
            post_logout_redirect_uris=[UITGELOGD],
        )
        midden = await diensten.registreer(
            database, "Belastingdienst", "00000099900000002000", [REDIRECT], Niveau.MIDDEN
        )
        assert basis.secret and midden.secret
        yield DigiD(app, database, (basis.client_id, basis.secret), (midden.client_id, midden.secret))
        await app.state.transacties.close()


def relying_party(app: FastAPI, client_id: str, secret: str | None = None, **opties: object) -> AsyncOAuth2Client:
    """Authlib's OAuth 2.0 client as a relying party of DigiD (its cookies are the browser's)."""
    return AsyncOAuth2Client(
        client_id,
        secret,
        redirect_uri=REDIRECT,
        scope="openid",
        code_challenge_method="S256",
        transport=httpx.ASGITransport(app=app),
        base_url=BASE_URL,
        **opties,
    )


def verzoek(pagina: httpx.Response) -> str:
    """The key of the login request a page's form carries."""
    gevonden = re.search(r'name="verzoek" value="([^"]+)"', pagina.text)
    assert gevonden is not None, pagina.text
    return gevonden[1]


def melding(pagina: httpx.Response) -> str:
    """The alert of a page."""
    gevonden = re.search(r'role="alert"[^>]*>([^<]+)<', pagina.text)
    assert gevonden is not None, pagina.text
    return gevonden[1]


async def post(rp: AsyncOAuth2Client, pad: str, **velden: str) -> httpx.Response:
    """Send a form of the login as the browser does."""
    return await rp.request("POST", withhold_token=True, url=pad, data=velden)


async def open_pagina(rp: AsyncOAuth2Client, url: str) -> httpx.Response:
    return await rp.request("GET", withhold_token=True, url=url)


async def met_wachtwoord(
    rp: AsyncOAuth2Client, url: str, gebruiker: str = GEBRUIKER, wachtwoord: str = WACHTWOORD
) -> httpx.Response:
    """Open the login page of ``url`` and send username and password."""
    pagina = await open_pagina(rp, url)
    assert pagina.status_code == 200, pagina.text
    return await post(
        rp, "/digid/oidc/inloggen", verzoek=verzoek(pagina), gebruikersnaam=gebruiker, wachtwoord=wachtwoord
    )
