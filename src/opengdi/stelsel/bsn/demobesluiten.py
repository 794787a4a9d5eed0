# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the BSN-beheervoorziening that the demo organisations of a test
deployment hold: every municipality issues numbers from its own stock (births and first
registrations in the BRP) and validates them; the RvIG, beheerder of the voorziening and of the RNI,
may do everything (reserve ranges, issue for the RNI, see to whom any number was issued); the
Belastingdienst and the SVB validate numbers, without seeing to whom they were issued.
"""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import Demobesluit
from opengdi.stelsel.bsn.catalogus import SCOPE, UITGEVEN, VALIDEREN

#: What a validation shows without the data element ``uitgifte``.
ZONDER_UITGIFTE = ("burgerservicenummer", "geldig", "status")

DEMOBESLUITEN = (
    Demobesluit(
        SCOPE,
        "BSN-GEMEENTE",
        "Burgerservicenummers toekennen bij geboorte en eerste inschrijving",
        (UITGEVEN, VALIDEREN),
        ZONDER_UITGIFTE,
        soort="gemeente",
    ),
    Demobesluit(
        SCOPE,
        "BSN-BEHEER",
        "Beheer van de BSN-beheervoorziening en uitgifte voor de RNI",
        (ALLES,),
        (ALLES,),
        organisatie="Rijksdienst voor Identiteitsgegevens (RvIG)",
    ),
    *(
        Demobesluit(
            SCOPE, "BSN-CONTROLE", "Burgerservicenummers controleren", (VALIDEREN,), ZONDER_UITGIFTE, organisatie=naam
        )
        for naam in ("Belastingdienst", "Sociale Verzekeringsbank (SVB)")
    ),
)
