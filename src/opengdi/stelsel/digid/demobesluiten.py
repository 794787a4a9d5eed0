# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for DigiD's beheer API that the demo organisations of a test deployment
hold: municipalities, provinces, water boards, the Belastingdienst and the SVB connect their own
services; Logius, beheerder of DigiD, manages those of everyone."""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit
from opengdi.stelsel.digid.catalogus import AANSLUITEN, SCOPE

_AANSLUITEN = "Eigen diensten op DigiD aansluiten"

DEMOBESLUITEN = (
    *(
        Demobesluit(SCOPE, "DIGID-AANSLUITEN", _AANSLUITEN, (AANSLUITEN,), (ALLES,), soort=soort)
        for soort in ("gemeente", "provincie", "waterschap")
    ),
    *(
        Demobesluit(SCOPE, "DIGID-AANSLUITEN", _AANSLUITEN, (AANSLUITEN,), (ALLES,), organisatie=naam)
        for naam in ("Belastingdienst", "Sociale Verzekeringsbank (SVB)")
    ),
    Demobesluit(SCOPE, "DIGID-BEHEER", "Beheer van DigiD", (ALLES,), (ALLES,), organisatie="Logius"),
)
