# SPDX-License-Identifier: EUPL-1.2
"""Benchmark: DigiD's OpenID Provider — complete logins, the token endpoint alone, the password hash.

Builds a scratch database (SQLite file, or a scratch PostgreSQL database) with the demo persons of
the BRP, a DigiD account for each (the demo's) and one relying party, starts the server in its own
process, and measures in one run:

- complete logins at level basis, each as a browser and a relying party make it: authorize (the
  login page), the password form (scrypt, the cost of a login), the code to the token endpoint
  (client_secret_basic, PKCE, a signed ID token), the userinfo: logins per second and p50/p99;
- the token endpoint alone, for codes stored beforehand: exchanges per second and p50/p99;
- the password hash alone (scrypt, in this process): its time per check;
- baselines on PostgreSQL: a bare FastAPI + asyncpg endpoint taking the same code row
  (:mod:`bench.kaal_digid`), and that point update straight on asyncpg;

and prints the ratios. Usage::

    python -m bench.digid                      # SQLite
    python -m bench.digid --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import secrets
import statistics
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from sqlalchemy import text

from bench.common import (
    Connection,
    Figures,
    free_port,
    measure,
    on_scratch_database,
    raw_figures,
    report,
    start_bare,
    start_server,
    wait_until_up,
)
from bench.kaal_digid import NEEM_CODE
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp.demo import load_demo
from opengdi.registers.brp.personenbron import BrpPersoonBron
from opengdi.settings import get_settings
from opengdi.stelsel.digid import accounts, diensten, wachtwoord
from opengdi.stelsel.digid.aanmelden import weigering_uit
from opengdi.stelsel.digid.demo import TESTWACHTWOORD
from opengdi.stelsel.digid.model import CodeRow
from opengdi.stelsel.digid.niveaus import Niveau

REDIRECT = "https://dienst.example/klaar"
VERIFIER = "bench-" + "v" * 60
CHALLENGE = base64.urlsafe_b64encode(hashlib.sha256(VERIFIER.encode()).digest()).decode().rstrip("=")


async def _prepare(database: Database) -> tuple[list[str], tuple[str, str]]:
    """The demo persons, their accounts and one relying party: the usernames and the party's credentials."""
    await SAMENSTELLING.migraties().upgrade(database)
    async with UnitOfWork(database, oin=get_settings().oin) as uow:
        await load_demo(uow)
    bsns = await BrpPersoonBron(database).burgerservicenummers()
    await accounts.maak_demo_accounts(database, bsns, TESTWACHTWOORD)
    weigering = weigering_uit(BrpPersoonBron(database))
    levend = [bsn for bsn in bsns if await weigering(bsn) is None]
    dienst = await diensten.registreer(database, "Benchmark", "00000099900000001000", [REDIRECT], Niveau.BASIS)
    assert dienst.secret is not None
    return [f"test{bsn}" for bsn in levend], (dienst.client_id, dienst.secret)


async def _codes(database: Database, client_id: str, count: int) -> list[str]:
    """``count`` authorization codes stored as a finished login leaves them."""
    codes = [secrets.token_urlsafe(32) for _ in range(count)]
    nu = datetime.now(UTC)
    async with database.session() as session:
        session.add_all(
            CodeRow(
                code_hash=hashlib.sha256(code.encode()).hexdigest(),
                client_id=client_id,
                redirect_uri=REDIRECT,
                bsn="999993653",
                niveau="basis",
                nonce="n",
                code_challenge=CHALLENGE,
                aangemeld=nu,
                verloopt=nu + timedelta(hours=1),
                gebruikt=False,
            )
            for code in codes
        )
        await session.commit()
    return codes


def _basic(client: tuple[str, str]) -> str:
    return "Basic " + base64.b64encode(f"{client[0]}:{client[1]}".encode()).decode()


async def _logins(port: int, users: list[str], client: tuple[str, str], concurrency: int) -> Figures:
    """Complete logins, each with a browser of its own (cookies) and the relying party's calls."""
    vraag = {
        "client_id": client[0],
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "scope": "openid",
        "nonce": "n",
        "state": "s",
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
    }
    authorize = f"/digid/oidc/authorize?{urlencode(vraag)}"

    async def login(user: str) -> None:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as browser:
            pagina = await browser.get(authorize)
            sleutel = re.search(r'name="verzoek" value="([^"]+)"', pagina.text)
            if sleutel is None:
                raise RuntimeError(f"geen inlogpagina: {pagina.status_code} {pagina.text[:200]}")
            formulier = {"verzoek": sleutel[1], "gebruikersnaam": user, "wachtwoord": TESTWACHTWOORD}
            terug = await browser.post("/digid/oidc/inloggen", data=formulier)
            code = parse_qs(urlsplit(terug.headers.get("location", "")).query).get("code")
            if not code:
                raise RuntimeError(f"{user}: {terug.status_code} {terug.text[:200]}")
            velden = {"grant_type": "authorization_code", "code": code[0], "redirect_uri": REDIRECT}
            tokens = await browser.post(
                "/digid/oidc/token",
                data=velden | {"code_verifier": VERIFIER},
                headers={"Authorization": _basic(client)},
            )
            if tokens.status_code != 200:
                raise RuntimeError(f"token: {tokens.status_code} {tokens.text[:300]}")
            access = tokens.json()["access_token"]
            info = await browser.get("/digid/oidc/userinfo", headers={"Authorization": f"Bearer {access}"})
            if info.status_code != 200 or "bsn" not in info.json():
                raise RuntimeError(f"userinfo: {info.status_code}")

    await measure("warm-up", login, users[:10], concurrency)
    return await measure("complete OIDC login (4 requests)", login, users[10:], concurrency)


async def _tokens(
    label: str, port: int, path: str, codes: list[str], *, client: tuple[str, str], concurrency: int
) -> Figures:
    """Exchange each code at ``path``; every answer must be a 200 with an access token."""
    connections = [await Connection.open(port) for _ in range(concurrency)]
    headers = f"Authorization: {_basic(client)}\r\n"

    async def exchange(code: str) -> None:
        body = urlencode(
            {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": VERIFIER}
        ).encode()
        connection = connections.pop()
        try:
            status, answer = await connection.post(path, body, headers, "application/x-www-form-urlencoded")
        finally:
            connections.append(connection)
        if status != 200 or b"access_token" not in answer:
            raise RuntimeError(f"{label}: {status} {answer[:200]!r}")

    try:
        await measure("warm-up", exchange, codes[:100], concurrency)
        return await measure(label, exchange, codes[100:], concurrency)
    finally:
        for connection in connections:
            connection.close()


async def _raw_sqlite(database: Database, codes: list[str], concurrency: int) -> Figures:
    """The same point update as the token endpoint's, straight through SQLAlchemy Core on SQLite."""
    statement = text(
        "UPDATE digid_code SET gebruikt = 1 WHERE code_hash = :code AND gebruikt = 0 AND verloopt > :nu RETURNING bsn"
    )
    nu = datetime.now(UTC)

    async def take(code: str) -> None:
        async with database.engine.begin() as connection:
            found = await connection.execute(statement, {"code": hashlib.sha256(code.encode()).hexdigest(), "nu": nu})
            if found.first() is None:
                raise RuntimeError("code niet gevonden")

    return await measure("raw point update (SQLite)", take, codes, concurrency)


def _hash_cost(checks: int = 20) -> list[float]:
    """Seconds per password check (scrypt), in this process."""
    opgeslagen = wachtwoord.maak(TESTWACHTWOORD)
    tijden = []
    for _ in range(checks):
        begin = time.perf_counter()
        wachtwoord.klopt(TESTWACHTWOORD, opgeslagen)
        tijden.append(time.perf_counter() - begin)
    return tijden


async def run(database_url: str, logins: int, tokens: int, concurrency: int) -> None:
    """Prepare, then measure logins, token exchanges and (on PostgreSQL) the baselines."""
    database = Database(database_url)
    users, client = await _prepare(database)
    codes = await _codes(database, client[0], tokens + 100)
    postgres = database.dialect == "postgresql"
    bare_codes = await _codes(database, client[0], tokens + 100) if postgres else []
    raw_codes = await _codes(database, client[0], tokens)
    port = free_port()
    server = start_server(database_url, port, authenticatie="uit")
    baselines: list[Figures] = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            await wait_until_up(http)
        login = await _logins(port, (users * (1 + logins // len(users)))[: logins + 10], client, concurrency)
        token = await _tokens(
            "token endpoint alone", port, "/digid/oidc/token", codes, client=client, concurrency=concurrency
        )
    finally:
        server.terminate()
        server.wait()
    if postgres:
        bare_port = free_port()
        bare = start_bare(database_url, bare_port, "bench.kaal_digid:create_app")
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{bare_port}") as http:
                await wait_until_up(http)
            baselines.append(
                await _tokens(
                    "bare FastAPI + asyncpg", bare_port, "/token", bare_codes, client=client, concurrency=concurrency
                )
            )
        finally:
            bare.terminate()
            bare.wait()
        queries = [(NEEM_CODE, [hashlib.sha256(code.encode()).hexdigest()]) for code in raw_codes]
        baselines.append(await raw_figures("raw point update (asyncpg)", database_url, queries, concurrency))
    else:
        baselines.append(await _raw_sqlite(database, raw_codes, concurrency))
    await database.dispose()
    hash_ms = [1000 * seconds for seconds in _hash_cost()]
    print(f"database: {database.dialect}, {len(users)} accounts, concurrency {concurrency}")
    report([login, token], baselines)
    print(f"password hash (scrypt N=2^15, r=8, p=1): median {statistics.median(hash_ms):.1f} ms per check")
    bound = 2 * 1000 / statistics.median(hash_ms)
    print(f"logins per second the hash allows on 2 cores: about {bound:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--logins", type=int, default=300, help="complete logins (default 300)")
    parser.add_argument("--tokens", type=int, default=3000, help="token exchanges (default 3000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight (default 8)")
    args = parser.parse_args()
    on_scratch_database(args.postgres, lambda url, _folder: run(url, args.logins, args.tokens, args.concurrency))


if __name__ == "__main__":
    main()
