# SPDX-License-Identifier: EUPL-1.2
"""The block registry: the building blocks this distribution runs, in the order they start.

Adding a building block is one folder (its package, declaring ``BLOCK``) and one line here. The
application, the command line, demo loading, the migrations, Digikoppeling's scopes and the test
fixtures all take their blocks from :data:`BLOCKS`.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.migrate import Migraties
from opengdi.kernel.toegang import Beperkingsoort
from opengdi.registers import brp
from opengdi.stelsel import digikoppeling

BLOCKS: tuple[BuildingBlock, ...] = (
    digikoppeling.BLOCK,
    brp.BLOCK,
)


def migraties() -> Migraties:
    """The migrations of the kernel and of every enabled block."""
    return Migraties([block.migraties for block in BLOCKS if block.migraties])


def beperkingen() -> dict[str, tuple[Beperkingsoort, ...]]:
    """Per Digikoppeling scope, the kinds of restriction its autorisatiebesluiten may carry."""
    return {scope: tuple(kinds) for block in BLOCKS for scope, kinds in block.beperkingen.items()}


def scopes() -> dict[str, str]:
    """Every Digikoppeling scope the enabled blocks offer, with its description."""
    return {scope: omschrijving for block in BLOCKS for scope, omschrijving in block.scopes.items()}
