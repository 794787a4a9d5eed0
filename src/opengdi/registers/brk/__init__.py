# SPDX-License-Identifier: EUPL-1.2
"""BRK (Basisregistratie Kadaster): kadastrale onroerende zaken (percelen, appartementsrechten), who
holds which right on them and with which share, their hypotheken, beslagen and publiekrechtelijke
beperkingen.

The block declares itself in :data:`BLOCK`: its API (the Haal Centraal BRK API at
``/haalcentraal/api/brk``, :mod:`~opengdi.registers.brk.api`), its catalogue (:data:`CATALOGUS`,
scope ``brk``), its migrations, its generator (``gdi genereren brk``), its demo data (a perceel for
every residential address of the BAG)
and the autorisatiebesluiten demo organisations hold, and the references to the BAG, the BRP and
the NHR that ``gdi check`` follows.
"""

from __future__ import annotations

import re

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.brk import repository
from opengdi.registers.brk.api import brk_api
from opengdi.registers.brk.catalogus import CATALOGUS
from opengdi.registers.brk.cli import genereren_app
from opengdi.registers.brk.demo import DEMO
from opengdi.registers.brk.demobesluiten import DEMOBESLUITEN

__all__ = ["BLOCK", "CATALOGUS"]

_IDENTIFICATIE = re.compile(r"[0-9]{1,20}")


def _vorm(objecttype: str, identificatie: str) -> bool:
    """Whether ``identificatie`` is an identificatie of a kadastraal onroerende zaak."""
    return objecttype == "KadastraalOnroerendeZaak" and bool(_IDENTIFICATIE.fullmatch(identificatie))


BLOCK = BuildingBlock(
    code="brk",
    titel="Basisregistratie Kadaster",
    apis=lambda _context: (brk_api(),),
    migraties="opengdi.registers.brk.migrations",
    catalogus=CATALOGUS,
    generatoren=genereren_app,
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande, _vorm),
)
