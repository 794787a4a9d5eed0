# SPDX-License-Identifier: EUPL-1.2
"""What the Digikoppeling HTTP tests share: settings behind a trusted proxy and fresh organisations."""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

from opengdi.kernel.db import Database
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import oin as oins
from opengdi.stelsel.digikoppeling import pki, service
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant
from opengdi.stelsel.digikoppeling.organisaties import Organisatie
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever
from tests.conftest import BASE_URL, register_organisation, unit_of_work

TOKEN_PATH = "/digikoppeling/oauth2/token"
ISSUER = f"{BASE_URL}/digikoppeling"
#: The client address of the TLS proxy that behind_proxy() trusts.
PROXY = ("10.1.2.3", 1234)
_NUMMERS = itertools.count(1)


def behind_proxy(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a GDI behind a TLS proxy in 10.0.0.0/8."""
    return Settings(data_dir=tmp_path, public_url=BASE_URL, vertrouwde_proxies="10.0.0.0/8", **overrides)


def full_grant(bouwsteen: str) -> Grant:
    """A grant for every operation and field of ``bouwsteen``."""
    return Grant(0, bouwsteen, "TEST", f"Testen van {bouwsteen}", frozenset({ALLES}), (ALLES,))


def new_oin() -> str:
    """A test OIN no other test uses."""
    return oins.test_oin(920_000_000 + next(_NUMMERS) * 1000 + uuid.uuid4().int % 1000)


async def new_organisation(database: Database, *bouwstenen: str) -> str:
    """A fresh organisation with a key pair and grants for ``bouwstenen``; its OIN."""
    oin = new_oin()
    await register_organisation(
        database, Organisatie(oin, f"Testorganisatie {oin[-9:]}", "zbo"), [full_grant(item) for item in bouwstenen]
    )
    return oin


def certificate_header(pem: str) -> dict[str, str]:
    """The header in which the TLS proxy passes the client certificate on."""
    return {"x-client-cert": quote(pem)}


async def issue_certificate(database: Database, settings: Settings, oin: str) -> pki.Uitgegeven:
    """A client certificate of the local CA for ``oin``."""
    async with unit_of_work(database) as uow:
        return await service.issue_certificate(uow, Uitgever(database, settings), oin)
