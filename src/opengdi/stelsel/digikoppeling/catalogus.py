# SPDX-License-Identifier: EUPL-1.2
"""The declaration of Digikoppeling as a building block: the operations it offers under its own
scopes, ``digikoppeling`` (beheer of the register) and ``protocollering`` (reading the protocol).

A grant for ``protocollering`` names, as its data elements, the scopes whose protocol it may read.
"""

from __future__ import annotations

from opengdi.kernel.catalogus import Operatie, Register

CATALOGUS = Register(
    code="digikoppeling",
    titel="Digikoppeling",
    operaties=(
        Operatie(
            "beheer", "digikoppeling", "Organisaties, sleutels en autorisatiebesluiten beheren.", persoonsgegevens=False
        ),
        Operatie(
            "raadplegen",
            "protocollering",
            "De protocollering inzien, van de bouwstenen die het besluit noemt.",
            gegevens_zijn_scopes=True,
        ),
    ),
)
