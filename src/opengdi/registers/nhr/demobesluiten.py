# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the Handelsregister that the demo organisations of a test deployment hold.

Company data is public, but it is reached through Digikoppeling like every registry: an afnemer
needs a grant for scope ``nhr``. Every demo municipality, province and waterschap may consult and
search it (companies are established across borders).
"""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit

DEMOBESLUITEN = tuple(
    Demobesluit(
        "nhr",
        "NHR-RAADPLEGEN",
        "Ondernemingen en vestigingen raadplegen voor de eigen taken",
        (ALLES,),
        (ALLES,),
        soort=soort,
    )
    for soort in ("gemeente", "provincie", "waterschap")
)
