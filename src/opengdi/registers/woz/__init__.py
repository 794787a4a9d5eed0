# SPDX-License-Identifier: EUPL-1.2
"""WOZ (Waardering onroerende zaken): WOZ-objecten, the values municipalities fix for them each year,
and their belanghebbenden (eigenaar, gebruiker).

The block declares itself in :data:`BLOCK`: its API (the Haal Centraal WOZ API at
``/haalcentraal/api/woz``, :mod:`~opengdi.registers.woz.api`), its catalogue (:data:`CATALOGUS`,
scope ``woz``), its migrations, its generator (``gdi genereren woz``), its demo data (an object for
every residential address of the BAG)
and the autorisatiebesluiten demo organisations hold, and the references to the BAG, the BRP and
the NHR that ``gdi check`` follows.
"""

from __future__ import annotations

import re

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.woz import repository
from opengdi.registers.woz.api import woz_api
from opengdi.registers.woz.catalogus import CATALOGUS
from opengdi.registers.woz.cli import genereren_app
from opengdi.registers.woz.demo import DEMO
from opengdi.registers.woz.demobesluiten import DEMOBESLUITEN

__all__ = ["BLOCK", "CATALOGUS"]

_OBJECTNUMMER = re.compile(r"[0-9]{12}")


def _vorm(objecttype: str, identificatie: str) -> bool:
    """Whether ``identificatie`` is a WOZ-objectnummer."""
    return objecttype == "WozObject" and bool(_OBJECTNUMMER.fullmatch(identificatie))


BLOCK = BuildingBlock(
    code="woz",
    titel="Waardering onroerende zaken",
    apis=lambda _context: (woz_api(),),
    migraties="opengdi.registers.woz.migrations",
    catalogus=CATALOGUS,
    generatoren=genereren_app,
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande, _vorm),
)
