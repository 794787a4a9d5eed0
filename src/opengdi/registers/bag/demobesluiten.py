# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the BAG that the demo organisations of a test deployment hold.

The BAG is public data, but it is reached through Digikoppeling like every registry: an afnemer
needs a grant for scope ``bag``. Every demo municipality, province and waterschap may consult and
search it whole (its own territory and beyond: addresses cross borders), and so may the Kadaster,
which keeps the Landelijke Voorziening BAG.
"""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit

_DOEL = "BAG-RAADPLEGEN"
_OMSCHRIJVING = "Adressen en gebouwen raadplegen voor de eigen taken"

DEMOBESLUITEN = (
    *(
        Demobesluit("bag", _DOEL, _OMSCHRIJVING, (ALLES,), (ALLES,), soort=soort)
        for soort in ("gemeente", "provincie", "waterschap")
    ),
    Demobesluit(
        "bag",
        "BAG-LANDELIJKE-VOORZIENING",
        "Beheer van de Landelijke Voorziening BAG",
        (ALLES,),
        (ALLES,),
        organisatie="Kadaster",
    ),
)
