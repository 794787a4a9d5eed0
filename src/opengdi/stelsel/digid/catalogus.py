# SPDX-License-Identifier: EUPL-1.2
"""The declaration of DigiD: the relying parties (diensten) it keeps, and the operations of its
beheer API under Digikoppeling scope ``digid``.

Operations (a grant names them; see ``docs/digid.md``):

- ``aansluiten``: connect the organisation's own services (its own OIN) to DigiD, see and
  disconnect them;
- ``beheer``: the same for any organisation (the beheerder of DigiD, Logius);
- ``vertegenwoordigen``: record bewind, curatele and mentorschap (a court's order) so that the
  bewindvoerder, curator or mentor logs in on behalf of the person, and end it.
"""

from __future__ import annotations

from opengdi.kernel.catalogus import TEKST, Attribuut, Objecttype, Operatie, Privacy, Register

SCOPE = "digid"
AANSLUITEN = "aansluiten"
BEHEER = "beheer"
VERTEGENWOORDIGEN = "vertegenwoordigen"

DIENST = Objecttype(
    "Dienst",
    "Een dienst die burgers met DigiD laat inloggen (een relying party van OpenID Connect).",
    attributen=(
        Attribuut("clientId", "De client_id van de dienst.", TEKST, privacy=Privacy.OPENBAAR),
        Attribuut("naam", "De naam die de burger ziet bij het inloggen.", TEKST, privacy=Privacy.OPENBAAR),
        Attribuut("oin", "Het OIN van de organisatie.", TEKST, privacy=Privacy.OPENBAAR),
        Attribuut("minimumNiveau", "basis, midden, substantieel of hoog.", TEKST, privacy=Privacy.OPENBAAR),
    ),
)

CATALOGUS = Register(
    code="digid",
    titel="DigiD",
    objecttypen=(DIENST,),
    operaties=(
        Operatie(AANSLUITEN, SCOPE, "Eigen diensten op DigiD aansluiten, inzien en afsluiten.", persoonsgegevens=False),
        Operatie(
            BEHEER, SCOPE, "Diensten van elke organisatie op DigiD aansluiten en afsluiten.", persoonsgegevens=False
        ),
    ),
)
