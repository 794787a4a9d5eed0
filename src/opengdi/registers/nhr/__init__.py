# SPDX-License-Identifier: EUPL-1.2
"""Handelsregister (NHR): maatschappelijke activiteiten (KvK-nummer), their owners and their
vestigingen (vestigingsnummer), with handelsnamen, SBI-activiteiten and werkzame personen.

The block declares itself in :data:`BLOCK`: its APIs (the KvK's own Basisprofiel, Vestigingsprofiel
and Zoeken at ``/kvk/api``, :mod:`~opengdi.registers.nhr.api`; the Haal Centraal HR API at
``/haalcentraal/api/hr``, :mod:`~opengdi.registers.nhr.hr_api`), its catalogue (:data:`CATALOGUS`,
scope ``nhr``), its migrations, its generator (``gdi genereren nhr``), its demo data (the KvK test
environment's companies) and the autorisatiebesluiten for it that demo organisations hold, and the
references to the BRP and the BAG that ``gdi check`` follows.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.identifiers import is_valid_kvk_nummer, is_valid_rsin, is_valid_vestigingsnummer
from opengdi.kernel.koppelingen import Koppelingen
from opengdi.registers.nhr import repository
from opengdi.registers.nhr.api import kvk_api
from opengdi.registers.nhr.catalogus import CATALOGUS
from opengdi.registers.nhr.cli import genereren_app
from opengdi.registers.nhr.demo import DEMO
from opengdi.registers.nhr.demobesluiten import DEMOBESLUITEN
from opengdi.registers.nhr.hr_api import hr_api

__all__ = ["BLOCK", "CATALOGUS"]

#: How each object type the Handelsregister can be linked to is identified.
_VORM = {
    "MaatschappelijkeActiviteit": is_valid_kvk_nummer,
    "Vestiging": is_valid_vestigingsnummer,
    "NietNatuurlijkPersoon": is_valid_rsin,
}


def _vorm(objecttype: str, identificatie: str) -> bool:
    """Whether ``identificatie`` is an identification of ``objecttype`` at all."""
    valid = _VORM.get(objecttype)
    return valid is not None and valid(identificatie)


BLOCK = BuildingBlock(
    code="nhr",
    titel="Handelsregister",
    apis=lambda _context: (kvk_api(), hr_api()),
    migraties="opengdi.registers.nhr.migrations",
    catalogus=CATALOGUS,
    generatoren=genereren_app,
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    koppelingen=Koppelingen(repository.verwijzingen, repository.bestaande, _vorm),
)
