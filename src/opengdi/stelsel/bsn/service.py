# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the BSN-beheervoorziening: reserve a range, issue numbers, show an issue or a
stock, validate a number, and the series of the deployment itself that other blocks take their
numbers from (:class:`Nummervoorziening`, the kernel's :class:`~opengdi.kernel.nummervoorziening.BsnBron`).

Issuing first learns the numbers in use from the outbox (:mod:`~opengdi.stelsel.bsn.volger`, its own
commit), then takes the numbers from the caller's ranges in one transaction with their event: all
of them or, when the stock is short, none (:class:`~opengdi.stelsel.bsn.voorraad.VoorraadUitgeput`).
An organisation without any range gets a startvoorraad (:data:`STARTVOORRAAD`) at its first issue;
when that is used up, the beheerder reserves more. A transaction that meets a number taken by
another at the same moment (or, on PostgreSQL, a deadlock) is rolled back and done again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError

from opengdi.kernel.context import Context, record_protocol
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, NietGevonden, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.problems import InvalidParam
from opengdi.kernel.protocollering import BSN, Subject
from opengdi.kernel.toegang import Besluit, Principaal, Toegangsvraag
from opengdi.kernel.uow import UnitOfWork
from opengdi.settings import Settings
from opengdi.stelsel.bsn import events, repository, volger, voorraad
from opengdi.stelsel.bsn.catalogus import SCOPE, UITGIFTE, VALIDEREN
from opengdi.stelsel.bsn.domein import Nummerstatus, Reeks, Status, Uitgifte
from opengdi.stelsel.bsn.nummers import HOOGSTE, is_negen_cijfers

#: The range an organisation gets at its first issue, in valid numbers.
STARTVOORRAAD = 10_000
#: The most numbers one issue may ask for.
MAX_UITGIFTE = 10_000
#: The largest range one reservation may ask for.
MAX_RESERVERING = 1_000_000
#: The most numbers one call of the deployment's own series may ask for.
MAX_SERIE = 1_000_000
#: How often a transaction that met another is done again.
POGINGEN = 3
_OPNIEUW = frozenset({"40P01", "40001"})  # PostgreSQL: deadlock, serialisation failure
T = TypeVar("T")


def _nu() -> datetime:
    return datetime.now(UTC)


# ----------------------------------------------------------------------------------------- input
def _fout(naam: str, code: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, code, reden)])


def check_aantal(naam: str, waarde: object, hoogste: int) -> int:
    """``waarde`` as a count from 1 to ``hoogste``; a refusal naming ``naam`` otherwise."""
    if not isinstance(waarde, int) or isinstance(waarde, bool):
        raise _fout(naam, "integer", "Waarde is geen geheel getal.")
    if not 1 <= waarde <= hoogste:
        raise _fout(naam, "range", f"Waarde moet tussen 1 en {hoogste} liggen.")
    return waarde


def check_oin(naam: str, waarde: str) -> str:
    """``waarde`` when it has the form of an OIN (20 digits)."""
    if not (len(waarde) == 20 and waarde.isascii() and waarde.isdigit()):
        raise _fout(naam, "pattern", "Waarde is geen OIN (20 cijfers).")
    return waarde


def check_bsn(naam: str, waarde: str) -> str:
    """``waarde`` when it has the form of a burgerservicenummer (nine digits), valid or not."""
    if not is_negen_cijfers(waarde):
        raise _fout(naam, "pattern", "Waarde voldoet niet aan patroon ^[0-9]{9}$.")
    return waarde


def check_kenmerk(naam: str, waarde: str | None) -> str | None:
    """A kenmerk of at most 100 printable characters, or none."""
    if waarde is not None and (not 1 <= len(waarde) <= 100 or not waarde.isprintable()):
        raise _fout(naam, "pattern", "Waarde moet 1 tot 100 afdrukbare tekens zijn.")
    return waarde


async def _opnieuw(uow: UnitOfWork, werk: Callable[[], Awaitable[T]]) -> T:
    """``werk`` (which commits ``uow``), done again after a collision with another transaction."""
    for poging in range(POGINGEN):
        try:
            return await werk()
        except (IntegrityError, DBAPIError) as error:
            state = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
            if not isinstance(error, IntegrityError) and state not in _OPNIEUW:
                raise
            await uow.rollback()
            if poging == POGINGEN - 1:
                raise Conflict("Een ander verzoek nam tegelijk dezelfde nummers; probeer het opnieuw.") from error
    raise AssertionError("unreachable")  # pragma: no cover


# ----------------------------------------------------------------------------------------- reserving
async def reserveren(
    uow: UnitOfWork, *, aanvrager: str, omvang: int, eerste: str | None = None, door: str | None = None
) -> Reeks:
    """Reserve a range of ``omvang`` valid numbers for organisation ``aanvrager``, from ``eerste``
    when given (anywhere, as long as it overlaps no range), else in the voorziening's own number
    space; ``door`` is who reserved it."""
    check_oin("aanvrager", aanvrager)
    check_aantal("omvang", omvang, MAX_RESERVERING)
    start = int(check_bsn("eerste", eerste)) if eerste is not None else None
    if start == 0:
        raise _fout("eerste", "range", f"Waarde moet tussen 000000001 en {HOOGSTE} liggen.")
    reeks = await voorraad.plaats(
        uow.session, aanvrager=aanvrager, omvang=omvang, eerste=start, door=door, tijdstip=_nu()
    )
    uow.record([events.gereserveerd(reeks)])
    await uow.commit()
    return reeks


async def toon_voorraad(database: Database, *, aanvrager: str) -> list[Reeks]:
    """The ranges of ``aanvrager``, oldest first."""
    async with database.session() as session:
        return await repository.reeksen(session, aanvrager)


# ----------------------------------------------------------------------------------------- issuing
async def uitgeven(uow: UnitOfWork, *, aanvrager: str, aantal: int, kenmerk: str | None = None) -> Uitgifte:
    """Issue ``aantal`` numbers to ``aanvrager`` from its ranges, as one issue with one event."""
    check_oin("aanvrager", aanvrager)
    check_aantal("aantal", aantal, MAX_UITGIFTE)
    check_kenmerk("kenmerk", kenmerk)
    await volger.bijwerken(uow)
    return await _opnieuw(uow, lambda: _uitgeven(uow, aanvrager, aantal, kenmerk))


async def _uitgeven(
    uow: UnitOfWork,
    aanvrager: str,
    aantal: int,
    kenmerk: str | None,
    serie_positie: int | None = None,
    *,
    aanvullen: bool = False,
) -> Uitgifte:
    """Take the numbers and store the issue, in one commit. With ``aanvullen`` (the deployment's
    own series) a range is reserved whenever the stock is short; otherwise a short stock is refused."""
    session, nu = uow.session, _nu()
    ids = await repository.reeks_ids(session, aanvrager)
    if not ids:
        ids = await _startvoorraad(uow, aanvrager, max(STARTVOORRAAD, aantal) if aanvullen else STARTVOORRAAD)
    nummers: list[str] = []
    for reeks_id in ids:
        nummers += await voorraad.neem(session, reeks_id, aantal - len(nummers))
        if len(nummers) == aantal:
            break
    while aanvullen and len(nummers) < aantal:
        tekort = aantal - len(nummers)
        reeks = await _reserveer_zelf(uow, aanvrager, max(STARTVOORRAAD, tekort + tekort // 10 + 100))
        nummers += await voorraad.neem(session, reeks.id, tekort)
    if len(nummers) < aantal:
        raise voorraad.VoorraadUitgeput(
            f"De voorraad van {aanvrager} heeft nog {len(nummers)} burgerservicenummers; er zijn er {aantal} gevraagd. "
            "Vraag de beheerder van de BSN-beheervoorziening een nieuwe reeks te reserveren."
        )
    uitgifte = await repository.add_uitgifte(
        session, aanvrager=aanvrager, kenmerk=kenmerk, serie_positie=serie_positie, nummers=nummers, tijdstip=nu
    )
    uow.record([events.uitgegeven(uitgifte)])
    await uow.commit()
    return uitgifte


async def _startvoorraad(uow: UnitOfWork, aanvrager: str, omvang: int) -> list[int]:
    """The ranges of an organisation that had none: a startvoorraad, unless another request gave it
    one meanwhile (reservations wait for each other on the number space)."""
    await repository.lock_ruimte(uow.session)
    ids = await repository.reeks_ids(uow.session, aanvrager)
    return ids or [(await _reserveer_zelf(uow, aanvrager, omvang)).id]


async def _reserveer_zelf(uow: UnitOfWork, aanvrager: str, omvang: int) -> Reeks:
    reeks = await voorraad.plaats(
        uow.session, aanvrager=aanvrager, omvang=omvang, eerste=None, door=None, tijdstip=_nu()
    )
    uow.record([events.gereserveerd(reeks)])
    return reeks


async def toon_uitgifte(database: Database, *, uitgifte_id: int, aanvrager: str | None) -> Uitgifte:
    """Issue ``uitgifte_id`` with its numbers: only to the organisation it was made to (any, when
    ``aanvrager`` is ``None``); an issue to another is as unknown as one that does not exist."""
    async with database.session() as session:
        found = await repository.uitgifte(session, uitgifte_id)
    if found is None or (aanvrager is not None and found.aanvrager != aanvrager):
        raise NietGevonden(f"Er is geen uitgifte {uitgifte_id}" + (f" aan {aanvrager}." if aanvrager else "."))
    return found


# ----------------------------------------------------------------------------------------- validating
async def status(uow: UnitOfWork, burgerservicenummer: str) -> Nummerstatus:
    """What the voorziening knows of a number, everything included."""
    check_bsn("burgerservicenummer", burgerservicenummer)
    if not is_valid_bsn(burgerservicenummer):
        return Nummerstatus(burgerservicenummer, False, Status.ONGELDIG)
    await volger.bijwerken(uow)
    taken = await repository.nummer(uow.session, burgerservicenummer)
    if taken is not None:
        uitgifte, _bron = taken
        if uitgifte is not None:
            return Nummerstatus(burgerservicenummer, True, Status.UITGEGEVEN, uitgifte)
        return Nummerstatus(burgerservicenummer, True, Status.IN_GEBRUIK)
    if await repository.reeks_met(uow.session, int(burgerservicenummer)) is not None:
        return Nummerstatus(burgerservicenummer, True, Status.GERESERVEERD)
    return Nummerstatus(burgerservicenummer, True, Status.VRIJ)


async def valideren(
    deployment: Context, *, afnemer: Principaal, besluit: Besluit, burgerservicenummer: str, request_id: str
) -> Nummerstatus:
    """Validate a number for ``afnemer``: who it was issued to and when only for a grant with the
    data element ``uitgifte`` or for the organisation it was issued to. The validation of a number
    that belongs to someone (issued, or in use) is protocolled."""
    async with UnitOfWork(deployment.database, oin=deployment.settings.oin) as uow:
        gevonden = await status(uow, burgerservicenummer)
    uitgifte = gevonden.uitgifte
    if uitgifte is not None and not (
        besluit.velden is None or UITGIFTE in besluit.velden or uitgifte.aanvrager == afnemer.oin
    ):
        gevonden = Nummerstatus(gevonden.burgerservicenummer, gevonden.geldig, gevonden.status)
    if gevonden.status in (Status.UITGEGEVEN, Status.IN_GEBRUIK):
        await record_protocol(
            deployment,
            request_id=request_id,
            afnemer=afnemer,
            besluit=besluit,
            vraag=Toegangsvraag(SCOPE, VALIDEREN),
            geleverd=[[Subject(BSN, burgerservicenummer)]],
            zoekvraag={"burgerservicenummer": burgerservicenummer},
        )
    return gevonden


# ----------------------------------------------------------------------------------------- series
async def serie(uow: UnitOfWork, *, aanvrager: str, kenmerk: str, van: int, aantal: int) -> list[str]:
    """The numbers at positions ``van`` … ``van + aantal - 1`` of the series ``kenmerk`` of
    ``aanvrager``, the positions not issued yet issued now (as one issue; ranges reserved as needed)."""
    check_kenmerk("kenmerk", kenmerk)
    check_aantal("aantal", aantal, MAX_SERIE)
    if van < 0:
        raise _fout("van", "range", "Waarde mag niet negatief zijn.")
    if await repository.serie_lengte(uow.session, aanvrager, kenmerk) < van + aantal:
        await volger.bijwerken(uow)
        await _opnieuw(uow, lambda: _verleng(uow, aanvrager, kenmerk, van + aantal))
    return await _uit_serie(uow, aanvrager, kenmerk, van, van + aantal)


async def _verleng(uow: UnitOfWork, aanvrager: str, kenmerk: str, lengte: int) -> None:
    """Issue what the series lacks to reach ``lengte``; extensions wait for each other on the number space."""
    await repository.lock_ruimte(uow.session)
    heeft = await repository.serie_lengte(uow.session, aanvrager, kenmerk)
    if heeft < lengte:
        await _uitgeven(uow, aanvrager, lengte - heeft, kenmerk, heeft, aanvullen=True)
    else:
        await uow.rollback()


async def _uit_serie(uow: UnitOfWork, aanvrager: str, kenmerk: str, van: int, tot: int) -> list[str]:
    result: list[str] = []
    for uitgifte_id, positie, aantal in await repository.serie(uow.session, aanvrager, kenmerk):
        if positie < tot and positie + aantal > van:
            result += await repository.nummers_van(uow.session, uitgifte_id, max(0, van - positie), tot - positie)
    await uow.rollback()
    return result


class Nummervoorziening:
    """The deployment's :class:`~opengdi.kernel.nummervoorziening.BsnBron`: series issued to the
    organisation that runs the deployment (``GDI_OIN``)."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.settings = settings

    async def reeks(self, kenmerk: str, van: int, aantal: int) -> list[str]:
        """See :meth:`opengdi.kernel.nummervoorziening.BsnBron.reeks`."""
        async with UnitOfWork(self.database, oin=self.settings.oin) as uow:
            return await serie(uow, aanvrager=self.settings.oin, kenmerk=kenmerk, van=van, aantal=aantal)
