# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the WOZ that the demo organisations of a test deployment hold:
every demo municipality and waterschap (which levy taxes on the WOZ value) may consult and search
it, its belanghebbenden included."""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit

DEMOBESLUITEN = tuple(
    Demobesluit(
        "woz",
        "WOZ-RAADPLEGEN",
        "WOZ-objecten raadplegen voor de heffing van belastingen",
        (ALLES,),
        (ALLES,),
        soort=soort,
    )
    for soort in ("gemeente", "waterschap")
)
