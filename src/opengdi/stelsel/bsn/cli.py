# SPDX-License-Identifier: EUPL-1.2
"""``gdi bsn …``: the BSN-beheervoorziening from the command line, for its beheerder: issue numbers,
validate one, reserve a range and show a stock. Results on standard output (issued numbers one per
line, so ``gdi bsn uitgeven -n 5 > nummers.txt`` keeps only them); errors as one Dutch line on
standard error with a non-zero exit code.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any, TypeVar

import typer

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout, OngeldigeInvoer
from opengdi.kernel.opdrachtregel import console, current_settings, fail, run, with_database
from opengdi.kernel.uow import UnitOfWork
from opengdi.stelsel.bsn import service
from opengdi.stelsel.bsn.domein import Nummerstatus, Reeks
from opengdi.stelsel.bsn.nummers import als_tekst

bsn_app = typer.Typer(
    help="De BSN-beheervoorziening: burgerservicenummers uitgeven en valideren.", no_args_is_help=True
)
T = TypeVar("T")

_AANVRAGER = typer.Option("--aanvrager", help="OIN van de organisatie (standaard: de eigen, GDI_OIN).")


def _melding(error: DomeinFout) -> str:
    if isinstance(error, OngeldigeInvoer):
        return "; ".join(f"{param.name}: {param.reason}" for param in error.parameters)
    return str(error)


def _uitvoeren(work: Callable[[Database, str], Coroutine[Any, Any, T]]) -> T:
    """Run ``work`` on the migrated database with the deployment's OIN; a refusal is one line."""
    settings = current_settings()

    async def on_database(database: Database) -> T:
        return await work(database, settings.oin)

    try:
        return run(with_database(settings, on_database))
    except DomeinFout as error:
        raise fail(_melding(error)) from None


def uitgeven(
    aantal: Annotated[int, typer.Option("--aantal", "-n", min=1, max=service.MAX_UITGIFTE, help="Aantal nummers.")] = 1,
    aanvrager: Annotated[str | None, _AANVRAGER] = None,
    kenmerk: Annotated[str | None, typer.Option("--kenmerk", help="Een eigen kenmerk bij de uitgifte.")] = None,
) -> None:
    """Geef burgerservicenummers uit uit de voorraad van een organisatie, één per regel."""

    async def work(database: Database, oin: str) -> list[str]:
        async with UnitOfWork(database, oin=oin) as uow:
            found = await service.uitgeven(uow, aanvrager=aanvrager or oin, aantal=aantal, kenmerk=kenmerk)
        return list(found.burgerservicenummers)

    for nummer in _uitvoeren(work):
        console.print(nummer, highlight=False)


def _status_regel(gevonden: Nummerstatus) -> str:
    regel = f"{gevonden.burgerservicenummer}: {gevonden.status.value}"
    if gevonden.uitgifte is not None:
        regel += (
            f" aan {gevonden.uitgifte.aanvrager} op {gevonden.uitgifte.tijdstip.isoformat()} "
            f"(uitgifte {gevonden.uitgifte.id})"
        )
    return regel


def valideren(burgerservicenummer: Annotated[str, typer.Argument(help="Negen cijfers.")]) -> None:
    """Toon wat de voorziening van een burgerservicenummer weet: elfproef, vrij, uitgegeven, in gebruik."""

    async def work(database: Database, oin: str) -> Nummerstatus:
        async with UnitOfWork(database, oin=oin) as uow:
            return await service.status(uow, burgerservicenummer)

    console.print(_status_regel(_uitvoeren(work)), highlight=False)


def _reeks_regel(reeks: Reeks) -> str:
    door = f"door {reeks.gereserveerd_door}" if reeks.gereserveerd_door else "startvoorraad"
    return (
        f"Reeks {reeks.id} voor {reeks.aanvrager}: {als_tekst(reeks.eerste)}-{als_tekst(reeks.laatste)}, "
        f"{reeks.omvang} nummers, {reeks.uitgegeven} uitgegeven, {reeks.overgeslagen} overgeslagen, "
        f"{reeks.resterend} resterend ({door})"
    )


def reserveren(
    aanvrager: Annotated[str, typer.Option("--aanvrager", help="OIN van de organisatie die de reeks krijgt.")],
    omvang: Annotated[
        int, typer.Option("--omvang", min=1, max=service.MAX_RESERVERING, help="Aantal nummers.")
    ] = service.STARTVOORRAAD,
    eerste: Annotated[
        str | None, typer.Option("--eerste", help="Eerste nummer (standaard: de voorziening kiest).")
    ] = None,
) -> None:
    """Reserveer een reeks burgerservicenummers voor een organisatie."""

    async def work(database: Database, oin: str) -> Reeks:
        async with UnitOfWork(database, oin=oin) as uow:
            return await service.reserveren(uow, aanvrager=aanvrager, omvang=omvang, eerste=eerste, door=oin)

    console.print(_reeks_regel(_uitvoeren(work)), highlight=False)


def voorraad(aanvrager: Annotated[str | None, _AANVRAGER] = None) -> None:
    """Toon de reeksen van een organisatie."""

    async def work(database: Database, oin: str) -> list[Reeks]:
        return await service.toon_voorraad(database, aanvrager=service.check_oin("aanvrager", aanvrager or oin))

    reeksen = _uitvoeren(work)
    if not reeksen:
        console.print("Geen reeksen: de eerste uitgifte geeft een startvoorraad.")
    for reeks in reeksen:
        console.print(_reeks_regel(reeks), highlight=False)


bsn_app.command("uitgeven")(uitgeven)
bsn_app.command("valideren")(valideren)
bsn_app.command("reserveren")(reserveren)
bsn_app.command("voorraad")(voorraad)
