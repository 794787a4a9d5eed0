# SPDX-License-Identifier: EUPL-1.2
"""Basisregistratie Personen (BRP: GBA + RNI), answering like the Haal Centraal BRP API Personen.

The public face of the block: :func:`block` (its APIs) and the import functions used by the
command line and the demo.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.registers.brp.api import beheer_api, personen_api


def block() -> BuildingBlock:
    """The BRP building block with its APIs."""
    return BuildingBlock("BRP", (personen_api(), beheer_api()))
