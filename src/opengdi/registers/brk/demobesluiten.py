# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the BRK that the demo organisations of a test deployment hold: every
demo municipality, province and waterschap may consult and search it, its gerechtigden included."""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit

DEMOBESLUITEN = tuple(
    Demobesluit(
        "brk", "BRK-RAADPLEGEN", "Kadastrale gegevens raadplegen voor de eigen taken", (ALLES,), (ALLES,), soort=soort
    )
    for soort in ("gemeente", "provincie", "waterschap")
)
