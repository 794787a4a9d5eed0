# SPDX-License-Identifier: EUPL-1.2
"""Taking numbers from ranges and placing new ranges: the inside of issuing and reserving, on an
open transaction (the use cases in :mod:`~opengdi.stelsel.bsn.service` commit).

A range is locked before its cursor is read and moved, so two issues from one range never get the
same numbers; ranges never overlap, so issues from two ranges never do either; and every number
taken is a row with the number as primary key, so even a mistake here could not store a number
twice. Candidates come in windows: the valid numbers from the cursor on, less those known to be
taken (issued, or in use in the BRP), which are skipped and counted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.fouten import Conflict
from opengdi.stelsel.bsn import repository
from opengdi.stelsel.bsn.domein import Reeks
from opengdi.stelsel.bsn.nummers import HOOGSTE, RUIMTE, als_tekst, einde_van_reeks, volgende_geldige

#: Numbers looked at beyond what is asked, per window (some may be taken).
_SPEELRUIMTE = 64


class VoorraadUitgeput(Conflict):
    """The caller's ranges hold fewer numbers than it asked for."""

    titel = "Onvoldoende burgerservicenummers in voorraad."
    code = "voorraadUitgeput"


class RuimteUitgeput(Conflict):
    """No range of the asked size fits where it was asked."""

    titel = "Geen ruimte voor deze reeks."
    code = "nummerruimteUitgeput"


class ReeksOverlapt(Conflict):
    """The asked range shares numbers with a range reserved before."""

    titel = "De reeks overlapt een gereserveerde reeks."
    code = "reeksOverlapt"


async def neem(session: AsyncSession, reeks_id: int, nodig: int) -> list[str]:
    """Up to ``nodig`` numbers from range ``reeks_id`` (locked first), its cursor moved past them."""
    reeks = await repository.lock_reeks(session, reeks_id)
    gekozen: list[str] = []
    positie, overgeslagen = reeks.volgende, 0
    while len(gekozen) < nodig and positie <= reeks.laatste:
        venster = volgende_geldige(positie, nodig - len(gekozen) + _SPEELRUIMTE, reeks.laatste)
        if not venster:
            positie = reeks.laatste + 1
            break
        bezet = await repository.taken_between(session, als_tekst(venster[0]), als_tekst(venster[-1]))
        for nummer in venster:
            if len(gekozen) == nodig:
                break
            tekst = als_tekst(nummer)
            if tekst in bezet:
                overgeslagen += 1
            else:
                gekozen.append(tekst)
            positie = nummer + 1
    if positie != reeks.volgende:
        await repository.move_cursor(session, reeks.id, positie, len(gekozen), overgeslagen)
    return gekozen


async def plaats(
    session: AsyncSession,
    *,
    aanvrager: str,
    omvang: int,
    eerste: int | None,
    door: str | None,
    tijdstip: datetime,
) -> Reeks:
    """A new range of ``omvang`` valid numbers for ``aanvrager``: from ``eerste`` when given, else
    where the voorziening's number space goes on (past any range in the way). Reservations are
    serialised on the number space."""
    start = await repository.lock_ruimte(session)
    if eerste is None:
        eerste, laatste = await _vrije_plek(session, start, omvang)
        await repository.move_ruimte(session, laatste + 1)
    else:
        eerste, laatste = _grenzen(eerste, omvang, HOOGSTE)
        overlap = await repository.overlapping(session, eerste, laatste)
        if overlap is not None:
            raise ReeksOverlapt(
                f"De reeks {als_tekst(eerste)}-{als_tekst(laatste)} overlapt reeks {overlap.id} "
                f"({als_tekst(overlap.eerste)}-{als_tekst(overlap.laatste)}); kies een ander eerste nummer."
            )
    return await repository.add_reeks(
        session, aanvrager=aanvrager, eerste=eerste, laatste=laatste, omvang=omvang, tijdstip=tijdstip, door=door
    )


def _grenzen(start: int, omvang: int, tot: int) -> tuple[int, int]:
    """The first and last number of a range of ``omvang`` valid numbers from ``start`` on: it begins
    at the first valid number."""
    eerste = next(iter(volgende_geldige(start, 1, tot)), None)
    laatste = einde_van_reeks(eerste, omvang, tot) if eerste is not None else None
    if eerste is None or laatste is None:
        raise RuimteUitgeput(
            f"Een reeks van {omvang} burgerservicenummers vanaf {als_tekst(start)} past niet onder {als_tekst(tot)}."
        )
    return eerste, laatste


async def _vrije_plek(session: AsyncSession, start: int, omvang: int) -> tuple[int, int]:
    """The first place from ``start`` on in the voorziening's number space where ``omvang`` valid
    numbers fit without overlapping a range."""
    while True:
        eerste, laatste = _grenzen(start, omvang, RUIMTE[1])
        overlap = await repository.overlapping(session, eerste, laatste)
        if overlap is None:
            return eerste, laatste
        start = overlap.laatste + 1
