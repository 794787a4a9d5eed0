# SPDX-License-Identifier: EUPL-1.2
"""De BSN-beheervoorziening: burgerservicenummers uitgeven aan de BRP en de RNI, en valideren.

Every number issued passes the 11-proef, is issued once and only once, and is never a number
already in use (learned from the BRP's events); numbers come from ranges reserved per organisation
(:mod:`~opengdi.stelsel.bsn.voorraad`). The block declares itself in :data:`BLOCK`: its API
(``/bsn/v1``), its catalogue (scope ``bsn``), its migrations, ``gdi bsn …``, the demo grants and
the deployment's :class:`~opengdi.kernel.nummervoorziening.BsnBron`, from which other blocks (the
BRP's generator) take their numbers without importing this one.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.stelsel.bsn.api import bsn_api
from opengdi.stelsel.bsn.catalogus import CATALOGUS
from opengdi.stelsel.bsn.cli import bsn_app
from opengdi.stelsel.bsn.demobesluiten import DEMOBESLUITEN
from opengdi.stelsel.bsn.service import Nummervoorziening

__all__ = ["BLOCK", "CATALOGUS"]

BLOCK = BuildingBlock(
    code="bsn",
    titel="BSN-beheervoorziening",
    apis=lambda _context: (bsn_api(),),
    migraties="opengdi.stelsel.bsn.migrations",
    commandos={"bsn": bsn_app},
    demobesluiten=DEMOBESLUITEN,
    catalogus=CATALOGUS,
    bsnbron=Nummervoorziening,
)
