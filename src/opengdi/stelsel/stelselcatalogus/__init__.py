# SPDX-License-Identifier: EUPL-1.2
"""The Stelselcatalogus: the definitions of every object type and attribute of every register of
the deployment, and the links between the registers, generated from their declarations.

The block declares itself in :data:`BLOCK`. It imports no other block: the composition hands it
the declarations of the enabled blocks in the deployment's context (``Context.catalogus``), from
which it builds its pages for people (``/stelselcatalogus``) and its JSON API
(``/stelselcatalogus/api/v1``). A register appears in it by declaring itself; a relation towards a
register that is not (yet) enabled is shown as such. It keeps no data of its own (no tables, no
scopes): the catalogue is public.
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.kernel.context import Context
from opengdi.stelsel.stelselcatalogus.api import stelselcatalogus_api
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from opengdi.stelsel.stelselcatalogus.paginas import stelselcatalogus_paginas

__all__ = ["BLOCK", "stelsel"]


def stelsel(deployment: Context) -> Stelsel:
    """The catalogue of ``deployment``: the declarations of its enabled blocks."""
    return Stelsel(deployment.catalogus.registers)


BLOCK = BuildingBlock(
    code="stelselcatalogus",
    titel="Stelselcatalogus",
    apis=lambda deployment: (stelselcatalogus_api(stelsel(deployment)),),
    paginas=lambda deployment: (stelselcatalogus_paginas(stelsel(deployment)),),
)
