# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling: organisations identified by their OIN exchange data authenticated (OAuth 2.0
client credentials with private_key_jwt, or mutual TLS), authorised (autorisatiebesluiten with
doelbinding) and logged (protocollering, transaction log).

The block declares itself in :data:`BLOCK`; it is the block that provides the deployment's access
policy (:func:`toegang`).
"""

from __future__ import annotations

from collections.abc import Sequence

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.catalogus import Register
from opengdi.kernel.db import Database
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling.api import digikoppeling_api
from opengdi.stelsel.digikoppeling.catalogus import CATALOGUS
from opengdi.stelsel.digikoppeling.cli import org_app
from opengdi.stelsel.digikoppeling.demo import DEMOBESLUITEN
from opengdi.stelsel.digikoppeling.demotoegang import DEMO, voorbeelden
from opengdi.stelsel.digikoppeling.toegang import DigikoppelingToegang
from opengdi.stelsel.digikoppeling.uitgifte import Uitgever

__all__ = ["BLOCK", "CATALOGUS", "toegang"]


def toegang(database: Database, settings: Settings, registers: Sequence[Register]) -> DigikoppelingToegang:
    """The access policy of a deployment: Digikoppeling, checking grants against ``registers`` (the
    declarations of the deployment's blocks, Digikoppeling's own included)."""
    return DigikoppelingToegang(Uitgever(database, settings), registers)


BLOCK = BuildingBlock(
    code="digikoppeling",
    titel="Digikoppeling",
    apis=lambda deployment: (digikoppeling_api(deployment),),
    migraties="opengdi.stelsel.digikoppeling.migrations",
    commandos={"org": org_app},
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    voorbeelden=voorbeelden,
    catalogus=CATALOGUS,
    toegang=toegang,
)
