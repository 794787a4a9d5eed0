# SPDX-License-Identifier: EUPL-1.2
"""Basisregistratie Adressen en Gebouwen (BAG): woonplaatsen, openbare ruimten, nummeraanduidingen,
verblijfsobjecten, ligplaatsen, standplaatsen and panden, with their whole history.

The block declares itself in :data:`BLOCK`: its catalogue (:data:`CATALOGUS`), its migrations and
its commands (``gdi bag importeren``: the Kadaster's BAG 2.0 Extract).
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.bag import repository
from opengdi.registers.bag.catalogus import CATALOGUS
from opengdi.registers.bag.cli import bag_app, genereren_app
from opengdi.registers.bag.demo import DEMO

BLOCK = BuildingBlock(
    code="bag",
    titel="Basisregistratie Adressen en Gebouwen",
    apis=lambda _context: (),
    migraties="opengdi.registers.bag.migrations",
    catalogus=CATALOGUS,
    commandos={"bag": bag_app},
    generatoren=genereren_app,
    demo=DEMO,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande),
)
