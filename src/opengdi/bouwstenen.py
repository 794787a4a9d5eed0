# SPDX-License-Identifier: EUPL-1.2
"""The block registry: the building blocks this distribution runs, in the order they start.

Adding a building block is one folder (its package, declaring ``BLOCK``) and one line here. The
application, the command line, demo loading, the migrations, Digikoppeling's scopes and the test
fixtures all take their blocks from :data:`SAMENSTELLING`.
"""

from __future__ import annotations

from opengdi.kernel.blocks import Samenstelling
from opengdi.registers import bag, brk, brp, nhr, woz
from opengdi.stelsel import bsn, digid, digikoppeling, stelselcatalogus

SAMENSTELLING = Samenstelling(
    (
        digikoppeling.BLOCK,
        brp.BLOCK,
        bsn.BLOCK,
        bag.BLOCK,
        nhr.BLOCK,
        brk.BLOCK,
        woz.BLOCK,
        digid.BLOCK,
        stelselcatalogus.BLOCK,
    )
)
BLOCKS = SAMENSTELLING.blocks
