# SPDX-License-Identifier: EUPL-1.2
"""Handelsregister (NHR): maatschappelijke activiteiten (KvK-nummer), their owners and their
vestigingen (vestigingsnummer), with handelsnamen, SBI-activiteiten and werkzame personen.

The block declares itself in :data:`BLOCK`: its API (the KvK's own Basisprofiel, Vestigingsprofiel
and Zoeken at ``/kvk/api``, :mod:`~opengdi.registers.nhr.api`), its catalogue (:data:`CATALOGUS`,
scope ``nhr``), its migrations, its demo data (the KvK test environment's companies) and the
autorisatiebesluiten for it that demo organisations hold, and the references to the BRP and the BAG
that ``gdi check`` follows.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.nhr import repository
from opengdi.registers.nhr.api import kvk_api
from opengdi.registers.nhr.catalogus import CATALOGUS
from opengdi.registers.nhr.demo import DEMO
from opengdi.registers.nhr.demobesluiten import DEMOBESLUITEN

__all__ = ["BLOCK", "CATALOGUS"]

BLOCK = BuildingBlock(
    code="nhr",
    titel="Handelsregister",
    apis=lambda _context: (kvk_api(),),
    migraties="opengdi.registers.nhr.migrations",
    catalogus=CATALOGUS,
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    koppelingen=Koppelingen(verwijzingen=repository.verwijzingen),
)
