# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: organisations identified by their OIN exchange data authenticated (OAuth 2.0
client credentials with private_key_jwt, or mutual TLS), authorised (autorisatiebesluiten with
doelbinding) and logged (protocollering, transaction log).

:func:`toegang` gives the deployment's access policy; :func:`block` the block with its API.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.db import Database
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling.api import digikoppeling_api
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever


def toegang(database: Database, settings: Settings) -> DigikoppelingToegang:
    """The access policy of a deployment: Digikoppeling."""
    return DigikoppelingToegang(Uitgever(database, settings))


def block(policy: DigikoppelingToegang) -> BuildingBlock:
    """The Digikoppeling building block with its API."""
    return BuildingBlock("Digikoppeling", (digikoppeling_api(policy),))
