# SPDX-License-Identifier: EUPL-1.2
"""The BRP's events, recorded in the outbox with the change they report (delivered later by
Digilevering).

- ``nl.brp.persoonslijst-opgenomen``: a persoonslijst was stored (beheer API, ``gdi brp import``,
  the demo load, ``gdi seed brp``);
- ``nl.brp.persoonslijst-verwijderd``: a persoonslijst was removed (emptying the BRP).

One event per persoonslijst, so that an afnemer following a person (a subscription on the
``subject``) learns of every change to that person. The ``subject`` is the burgerservicenummer (the
NL GOV profile's example for the BRP); a persoonslijst without one has no subject. The data is
deliberately poor ("informatiearm"): the identifying numbers only, the afnemer asks the BRP API
Personen for the rest under its own autorisatiebesluit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from opengdi.kernel.outbox import Gebeurtenis
from opengdi.registers.brp import catalogus
from opengdi.registers.brp.invoer import identifying_bsn
from opengdi.registers.brp.persoonslijst import Persoonslijst

BOUWSTEEN = "brp"
#: The event types, as the BRP's catalogue declares them.
PERSOONSLIJST_OPGENOMEN = catalogus.PERSOONSLIJST_OPGENOMEN.naam
PERSOONSLIJST_VERWIJDERD = catalogus.PERSOONSLIJST_VERWIJDERD.naam


def _event(type_: str, bsn: str | None, a_nummer: str | None) -> Gebeurtenis:
    data = {key: value for key, value in (("burgerservicenummer", bsn), ("aNummer", a_nummer)) if value is not None}
    if bsn:
        key = f"bsn:{bsn}"
    elif a_nummer:
        key = f"anummer:{a_nummer}"
    else:
        key = "brp"  # a persoonslijst without numbers: ordered with the registry as a whole
    return Gebeurtenis(
        bouwsteen=BOUWSTEEN,
        type=type_,
        subject=bsn or None,
        data=data,
        ordeningssleutel=key,
        extensies={"nlbrpanummer": a_nummer} if a_nummer else {},
    )


def opgenomen(lijsten: Iterable[Persoonslijst]) -> list[Gebeurtenis]:
    """One ``persoonslijst-opgenomen`` event per stored persoonslijst."""
    return [
        _event(PERSOONSLIJST_OPGENOMEN, identifying_bsn(lijst), lijst.element("01", "01.10") or None)
        for lijst in lijsten
    ]


def verwijderd(identiteiten: Sequence[tuple[str | None, str | None]]) -> list[Gebeurtenis]:
    """One ``persoonslijst-verwijderd`` event per removed persoonslijst (its BSN and A-nummer)."""
    return [_event(PERSOONSLIJST_VERWIJDERD, bsn, a_nummer) for bsn, a_nummer in identiteiten]
