# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the BSN-beheervoorziening: what it tells about a burgerservicenummer, the
operations it offers under Digikoppeling scope ``bsn``, and the events it records.

Operations (a grant names them; see ``docs/bsn.md``):

- ``uitgeven``: burgerservicenummers from the caller's own stock (its reserved ranges), its own
  issues (uitgiften) and stock shown back;
- ``valideren``: whether a number passes the 11-proef and what the voorziening knows of it
  (vrij, gereserveerd, uitgegeven, in gebruik); who it was issued to and when only for the data
  element ``uitgifte`` (the organisation it was issued to always sees its own);
- ``reserveren``: reserve a range for an organisation (the beheerder of the voorziening).
"""

from __future__ import annotations

from opengdi.kernel.catalogus import (
    GETAL,
    TEKST,
    Antwoord,
    Attribuut,
    Gebeurtenistype,
    Gegevenstype,
    Objecttype,
    Operatie,
    Privacy,
    Register,
)

SCOPE = "bsn"
UITGEVEN = "uitgeven"
VALIDEREN = "valideren"
RESERVEREN = "reserveren"
#: The data element of a validation that shows to whom and when a number was issued.
UITGIFTE = "uitgifte"

WAARHEID = Gegevenstype("waarheid", "Waar of onwaar.")
TIJDSTIP = Gegevenstype("tijdstip", "Een moment (ISO 8601, UTC).")

BURGERSERVICENUMMER = Objecttype(
    "Burgerservicenummer",
    "Een burgerservicenummer zoals de BSN-beheervoorziening het kent.",
    attributen=(
        Attribuut(
            "burgerservicenummer",
            "Het nummer: negen cijfers.",
            TEKST,
            privacy=Privacy.IDENTIFICEREND,
            onderzoekbaar=False,
        ),
        Attribuut("geldig", "Of het nummer de elfproef doorstaat.", WAARHEID, privacy=Privacy.OPENBAAR),
        Attribuut(
            "status",
            "ongeldig, vrij, gereserveerd (in een reeks, niet uitgegeven), uitgegeven (door deze voorziening) "
            "of inGebruik (in de BRP zonder uitgifte door deze voorziening, zoals testpersonen).",
            TEKST,
            onderzoekbaar=False,
        ),
        Attribuut(
            UITGIFTE,
            "Aan wie en wanneer het nummer is uitgegeven.",
            onderdelen=(
                Attribuut("id", "Het nummer van de uitgifte.", GETAL, privacy=Privacy.OPENBAAR),
                Attribuut("aanvrager", "OIN van de organisatie die het nummer kreeg.", TEKST),
                Attribuut("tijdstip", "Wanneer het nummer is uitgegeven.", TIJDSTIP),
                Attribuut("kenmerk", "Het kenmerk dat de aanvrager bij de uitgifte gaf.", TEKST),
            ),
            onderzoekbaar=False,
        ),
    ),
)

UITGEGEVEN = Gebeurtenistype(
    "nl.bsn.burgerservicenummers-uitgegeven",
    "Burgerservicenummer",
    "Burgerservicenummers zijn uitgegeven: één gebeurtenis per uitgifte, met de nummers.",
)
GERESERVEERD = Gebeurtenistype(
    "nl.bsn.reeks-gereserveerd", None, "Een reeks burgerservicenummers is voor een organisatie gereserveerd."
)

CATALOGUS = Register(
    code="bsn",
    titel="BSN-beheervoorziening",
    objecttypen=(BURGERSERVICENUMMER,),
    operaties=(
        Operatie(
            UITGEVEN,
            SCOPE,
            "Burgerservicenummers uitgeven uit de eigen voorraad, en de eigen uitgiften en voorraad inzien.",
            persoonsgegevens=False,
        ),
        Operatie(
            VALIDEREN,
            SCOPE,
            "Een burgerservicenummer controleren: elfproef, en of het is uitgegeven of in gebruik.",
            antwoord=Antwoord("Burgerservicenummer"),
        ),
        Operatie(
            RESERVEREN, SCOPE, "Een reeks burgerservicenummers voor een organisatie reserveren.", persoonsgegevens=False
        ),
    ),
    gebeurtenistypen=(UITGEGEVEN, GERESERVEERD),
)
