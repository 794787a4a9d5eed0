# SPDX-License-Identifier: EUPL-1.2
"""The events of the BSN-beheervoorziening, recorded in the outbox with the change they report.

- ``nl.bsn.burgerservicenummers-uitgegeven``: one event per issue (uitgifte), however many numbers
  it holds, with the numbers in its data: an issue of 5,000 numbers for a generated population is
  one event, not 5,000. Its subject is the issue's id; events of one organisation are ordered
  together (``aanvrager:<OIN>``).
- ``nl.bsn.reeks-gereserveerd``: a range was reserved for an organisation (by the beheerder, or
  the startvoorraad the voorziening gives an organisation at its first issue).
"""

from __future__ import annotations

from opengdi.kernel.outbox import Gebeurtenis
from opengdi.stelsel.bsn import catalogus
from opengdi.stelsel.bsn.domein import Reeks, Uitgifte
from opengdi.stelsel.bsn.nummers import als_tekst

BOUWSTEEN = "bsn"
UITGEGEVEN = catalogus.UITGEGEVEN.naam
GERESERVEERD = catalogus.GERESERVEERD.naam


def uitgegeven(uitgifte: Uitgifte) -> Gebeurtenis:
    """The event of an issue."""
    data: dict[str, object] = {
        "uitgifte": uitgifte.id,
        "aanvrager": uitgifte.aanvrager,
        "aantal": uitgifte.aantal,
        "burgerservicenummers": list(uitgifte.burgerservicenummers),
    }
    if uitgifte.kenmerk is not None:
        data["kenmerk"] = uitgifte.kenmerk
    return Gebeurtenis(
        bouwsteen=BOUWSTEEN,
        type=UITGEGEVEN,
        subject=f"uitgifte:{uitgifte.id}",
        data=data,
        ordeningssleutel=f"aanvrager:{uitgifte.aanvrager}",
    )


def gereserveerd(reeks: Reeks) -> Gebeurtenis:
    """The event of a reserved range."""
    return Gebeurtenis(
        bouwsteen=BOUWSTEEN,
        type=GERESERVEERD,
        subject=f"reeks:{reeks.id}",
        data={
            "reeks": reeks.id,
            "aanvrager": reeks.aanvrager,
            "eerste": als_tekst(reeks.eerste),
            "laatste": als_tekst(reeks.laatste),
            "omvang": reeks.omvang,
        },
        ordeningssleutel=f"aanvrager:{reeks.aanvrager}",
    )
