# SPDX-License-Identifier: EUPL-1.2
"""Basisregistratie Adressen en Gebouwen (BAG): woonplaatsen, openbare ruimten, nummeraanduidingen,
verblijfsobjecten, ligplaatsen, standplaatsen and panden, with their whole history.

The block declares itself in :data:`BLOCK`: its API (the Kadaster's BAG API Individuele Bevragingen
v2, :mod:`~opengdi.registers.bag.api`), its catalogue (:data:`CATALOGUS`), its migrations, its
commands (``gdi bag importeren``: the Kadaster's BAG 2.0 Extract; ``gdi genereren bag``), its demo
data, the references it stores to be followed by ``gdi check``, the residential addresses other
blocks place their persons at (:mod:`~opengdi.registers.bag.adresbron`), and the
autorisatiebesluiten for it that demo organisations hold (:mod:`~opengdi.registers.bag.demobesluiten`).
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.bag import repository
from opengdi.registers.bag.adresbron import BagAdresBron
from opengdi.registers.bag.api import bag_api
from opengdi.registers.bag.catalogus import CATALOGUS
from opengdi.registers.bag.cli import bag_app, genereren_app
from opengdi.registers.bag.demo import DEMO
from opengdi.registers.bag.demobesluiten import DEMOBESLUITEN
from opengdi.registers.bag.objecten import is_identificatie

BLOCK = BuildingBlock(
    code="bag",
    titel="Basisregistratie Adressen en Gebouwen",
    apis=lambda _context: (bag_api(),),
    migraties="opengdi.registers.bag.migrations",
    catalogus=CATALOGUS,
    commandos={"bag": bag_app},
    generatoren=genereren_app,
    demo=DEMO,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande, is_identificatie),
    demobesluiten=DEMOBESLUITEN,
    adresbron=BagAdresBron,
)
