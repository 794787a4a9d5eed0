# SPDX-License-Identifier: EUPL-1.2
"""DigiD Machtigen: who may act for whom. A citizen logged in on Mijn DigiD authorises another
citizen for one service (and withdraws it); bewind, curatele and mentorschap, which a court orders,
are set through the beheer API and give the same representation, for one service or for every one.

At a login for a service, a person who may act for someone chooses for whom
(:func:`opengdi.stelsel.digid.aanmelden.kies_namens`); the relying party then gets both the acting
and the represented person (:class:`~opengdi.stelsel.digid.idtoken.Namens`). Both must be persons
of the BRP who may log in (alive, persoonslijst not opgeschort), and nobody represents himself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import NietGevonden, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.problems import InvalidParam
from opengdi.stelsel.digid import repository
from opengdi.stelsel.digid.aanmelden import ROLLEN, Weigering
from opengdi.stelsel.digid.model import MachtigingRow

MACHTIGING = "machtiging"
#: The kinds of legal representation (ordered by a court, set through the beheer API).
VERTEGENWOORDIGING = tuple(soort for soort in ROLLEN if soort != MACHTIGING)


def _weiger(naam: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, "invalid", reden)])


@dataclass(frozen=True, slots=True)
class Machtiging:
    """A representation in force, as pages and the API show it."""

    id: int
    soort: str
    volmachtgever: str
    gemachtigde: str
    client_id: str | None
    dienst: str
    gegeven: datetime


async def _controleer_personen(volmachtgever: str, gemachtigde: str, weigering: Weigering) -> None:
    for naam, bsn in (("volmachtgever", volmachtgever), ("gemachtigde", gemachtigde)):
        if not is_valid_bsn(bsn):
            raise _weiger(naam, "Geen geldig burgerservicenummer (elfproef).")
    if volmachtgever == gemachtigde:
        raise _weiger("gemachtigde", "Niemand machtigt zichzelf.")
    for naam, bsn in (("volmachtgever", volmachtgever), ("gemachtigde", gemachtigde)):
        reden = await weigering(bsn)
        if reden is not None:
            raise _weiger(naam, f"Deze persoon kan niet vertegenwoordigen of vertegenwoordigd worden: {reden}")


async def geef(
    database: Database,
    soort: str,
    volmachtgever: str,
    gemachtigde: str,
    client_id: str | None,
    *,
    weigering: Weigering,
    nu: datetime,
) -> int:
    """Record a representation; its id. A machtiging is for one service, a legal representation
    for one or (``client_id`` ``None``) for every service."""
    if soort != MACHTIGING and soort not in VERTEGENWOORDIGING:
        raise _weiger("soort", "machtiging, bewind, curatele of mentorschap.")
    if soort == MACHTIGING and client_id is None:
        raise _weiger("clientId", "Een machtiging geldt voor één dienst.")
    await _controleer_personen(volmachtgever, gemachtigde, weigering)
    async with database.session() as session:
        if client_id is not None and await repository.client(session, client_id) is None:
            raise _weiger("clientId", "Deze dienst is niet op DigiD aangesloten.")
        row = MachtigingRow(
            soort=soort, volmachtgever_bsn=volmachtgever, gemachtigde_bsn=gemachtigde, client_id=client_id, gegeven=nu
        )
        session.add(row)
        await session.commit()
        return row.id


async def trek_in(database: Database, machtiging_id: int, door: str | None, nu: datetime) -> None:
    """Withdraw a representation: by its volmachtgever (``door``), or through the beheer API (``None``)."""
    async with database.session() as session:
        row = await session.get(MachtigingRow, machtiging_id)
        if row is None or row.ingetrokken is not None or door not in (None, row.volmachtgever_bsn):
            raise NietGevonden(f"Geen machtiging {machtiging_id}")
        row.ingetrokken = nu
        await session.commit()


async def van(database: Database, bsn: str) -> list[Machtiging]:
    """The representations in force that ``bsn`` gave or holds."""
    async with database.session() as session:
        rows = await repository.machtigingen_van(session, bsn)
        namen = {client.client_id: client.naam for client in await repository.clients(session, None)}
    return [
        Machtiging(
            row.id,
            row.soort,
            row.volmachtgever_bsn,
            row.gemachtigde_bsn,
            row.client_id,
            namen.get(row.client_id, "alle diensten") if row.client_id else "alle diensten",
            repository.utc(row.gegeven) or row.gegeven,
        )
        for row in rows
    ]
