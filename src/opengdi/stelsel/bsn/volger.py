# SPDX-License-Identifier: EUPL-1.2
"""Which numbers are in use: learned from the events of the BRP in the kernel's outbox.

The BSN-beheervoorziening does not import the BRP; it reads the events the BRP records with every
stored persoonslijst (``nl.brp.persoonslijst-opgenomen``, the BSN as subject), as any subscriber
would, and records each such number as taken (``bsn_nummer`` without an issue). A number taken
that way is never issued. Numbers in the part of a range that its cursor has passed are taken
already (issued or skipped) and are not recorded again. It reads on from where it stopped
(``bsn_volger``) before it issues or validates, in a transaction of its own.

The outbox numbers its events in the order they were written, and on PostgreSQL a transaction that
wrote a lower number can commit after one with a higher number (or roll back, leaving a gap for
good). So the follower does not move past a gap at once: it keeps reading beyond it, but stays
behind the gap until :data:`MARGE` has passed since it first saw it (a writing transaction commits
within milliseconds of writing its events), then takes the gap for a rollback.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from opengdi.kernel import outbox
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.uow import UnitOfWork
from opengdi.stelsel.bsn import repository
from opengdi.stelsel.bsn.domein import Reeks

#: The events whose subject is a burgerservicenummer in use.
IN_GEBRUIK = frozenset({"nl.brp.persoonslijst-opgenomen"})
#: How long a gap in the outbox's numbers may be an uncommitted transaction.
MARGE = timedelta(seconds=30)
#: Events read per statement.
PAGINA = 5000


@dataclass(frozen=True, slots=True)
class Stand:
    """How far the outbox was read: the last event handled, and since when a gap follows it."""

    volgnummer: int
    gat_sinds: datetime | None = None


def volgen(stand: Stand, volgnummers: Iterable[int], nu: datetime, marge: timedelta = MARGE) -> tuple[Stand, bool]:
    """The new position after reading the events ``volgnummers`` (ascending, all after the position),
    and whether it stopped before a gap that may still fill."""
    cursor, sinds = stand.volgnummer, stand.gat_sinds
    for volgnummer in volgnummers:
        if volgnummer > cursor + 1:
            if sinds is None:
                return Stand(cursor, nu), True
            if nu - sinds < marge:
                return Stand(cursor, sinds), True
        cursor, sinds = volgnummer, None  # no gap, or one old enough to be a rollback
    return Stand(cursor, sinds), False


class _Bekeken:
    """The parts of the ranges that the cursors have passed: every number there is taken already
    (issued, or skipped because it was in use), so an event about it teaches nothing (the events of
    the persons made with issued numbers, such as a generated population, are most events)."""

    def __init__(self, reeksen: Iterable[Reeks]) -> None:
        spans = sorted((reeks.eerste, reeks.volgende) for reeks in reeksen if reeks.volgende > reeks.eerste)
        self._eersten = [eerste for eerste, _ in spans]
        self._volgenden = [volgende for _, volgende in spans]

    def __contains__(self, nummer: int) -> bool:
        index = bisect.bisect_right(self._eersten, nummer) - 1
        return index >= 0 and nummer < self._volgenden[index]


def _in_gebruik(kopjes: Iterable[tuple[int, str, str | None]], bekeken: _Bekeken) -> dict[str, list[str]]:
    """Per event type, the valid burgerservicenummers the events say are in use, less those taken already."""
    result: dict[str, list[str]] = {}
    for _, soort, subject in kopjes:
        if soort in IN_GEBRUIK and subject and is_valid_bsn(subject) and int(subject) not in bekeken:
            result.setdefault(soort, []).append(subject)
    return result


async def bijwerken(uow: UnitOfWork) -> None:
    """Learn the numbers in use from the events since the last time, and commit; nothing to do is
    one cheap read."""
    session = uow.session
    cursor, _ = await repository.volger(session)
    if await outbox.last_volgnummer(session) <= cursor:
        await uow.rollback()
        return
    stand = Stand(*await repository.volger(session, lock=True))
    bekeken = _Bekeken(await repository.reeksen(session))  # cursors only move on with their range locked
    nu = datetime.now(UTC)
    gelezen, gestopt = stand.volgnummer, False
    while True:
        kopjes = await outbox.subjects_since(session, gelezen, PAGINA)
        if not kopjes:
            break
        for soort, nummers in _in_gebruik(kopjes, bekeken).items():
            await repository.add_in_gebruik(session, nummers, bron=soort, tijdstip=nu)
        if not gestopt:
            stand, gestopt = volgen(stand, (volgnummer for volgnummer, _, _ in kopjes), nu)
        gelezen = kopjes[-1][0]
        if len(kopjes) < PAGINA:
            break
    await repository.move_volger(session, stand.volgnummer, stand.gat_sinds)
    await uow.commit()
