# SPDX-License-Identifier: EUPL-1.2
"""Basisregistratie Personen (BRP: GBA + RNI), answering like the Haal Centraal BRP API Personen.

The block declares itself in :data:`BLOCK`: its APIs (BRP API Personen, BRP Bewoning and the beheer
API for test data), its catalogue (:data:`CATALOGUS`: object type Persoon, operations, events), its migrations,
its commands (``gdi brp …``, ``gdi genereren brp``), its demo data and the autorisatiebesluiten
for it that demo organisations hold (:mod:`~opengdi.registers.brp.demobesluiten`), the Digikoppeling
scopes it offers and the restrictions an autorisatiebesluit for it may carry (only the inhabitants,
or for a bewoning the addresses, of one municipality), and the grown-up inhabitants other blocks'
generators may name (:mod:`~opengdi.registers.brp.personenbron`).
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.brp import bewoning, repository
from opengdi.registers.brp.api import beheer_api, bewoning_api, personen_api
from opengdi.registers.brp.catalogus import CATALOGUS
from opengdi.registers.brp.cli import brp_app, seed_app
from opengdi.registers.brp.demo import DEMO, voorbeelden, voorbeeldverzoek
from opengdi.registers.brp.demobesluiten import DEMOBESLUITEN
from opengdi.registers.brp.personenbron import BrpPersoonBron
from opengdi.registers.brp.service import BEPERKINGEN

BLOCK = BuildingBlock(
    code="brp",
    titel="Basisregistratie Personen",
    apis=lambda _context: (personen_api(), bewoning_api(), beheer_api()),
    migraties="opengdi.registers.brp.migrations",
    catalogus=CATALOGUS,
    commandos={"brp": brp_app},
    generatoren=seed_app,
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    beperkingen={"brp": BEPERKINGEN, bewoning.SCOPE: bewoning.BEPERKINGEN},
    voorbeelden=voorbeelden,
    voorbeeldverzoek=voorbeeldverzoek,
    personenbron=BrpPersoonBron,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande, lambda _objecttype, bsn: is_valid_bsn(bsn)),
)
