# SPDX-License-Identifier: EUPL-1.2
"""``gdi digid …``: DigiD's test accounts and relying parties from the command line (test
deployments only), and the rotation of its signing key."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

import typer

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout, OngeldigeInvoer
from opengdi.kernel.koppelingen import bestaan
from opengdi.kernel.opdrachtregel import console, current_settings, fail, run, samenstelling, with_database
from opengdi.stelsel.digid import service
from opengdi.stelsel.digid.niveaus import Niveau

digid_app = typer.Typer(help="DigiD: testaccounts, aangesloten diensten en sleutels.", no_args_is_help=True)
T = TypeVar("T")
#: The password of accounts made without one (documented: a test environment's, not a secret).
TESTWACHTWOORD = "Welkom01!"


def _uitvoeren(work: Callable[[Database], Coroutine[Any, Any, T]]) -> T:
    """Run ``work`` on the migrated database of a test deployment; a refusal is one line."""
    settings = current_settings()
    if not settings.is_test_deployment:
        raise fail("DigiD-testaccounts en -diensten beheren kan alleen in een testomgeving (GDI_DEPLOYMENT=test).")
    try:
        return run(with_database(settings, work))
    except OngeldigeInvoer as error:
        raise fail("; ".join(f"{param.name}: {param.reason}" for param in error.parameters)) from None
    except DomeinFout as error:
        raise fail(f"{error}.") from None


def account(
    bsn: Annotated[str, typer.Argument(help="Het burgerservicenummer van de persoon.")],
    gebruikersnaam: Annotated[str | None, typer.Option("--gebruikersnaam", help="Standaard: test + BSN.")] = None,
    wachtwoord: Annotated[
        str, typer.Option("--wachtwoord", help="Het wachtwoord (8 tot 128 tekens).")
    ] = TESTWACHTWOORD,
) -> None:
    """Maak een DigiD-testaccount voor een persoon van de BRP."""
    naam = gebruikersnaam or f"test{bsn}"

    async def work(database: Database) -> None:
        async def in_brp(nummer: str) -> bool:
            bekend = await bestaan(samenstelling().koppelingen(), "brp", "Persoon", [nummer], database)
            return bekend is None or nummer in bekend  # without the BRP, nothing to check against

        await service.maak_account(database, bsn, naam, wachtwoord, in_brp)

    _uitvoeren(work)
    console.print(f"DigiD-account {naam} voor {bsn} gemaakt (wachtwoord: {wachtwoord}).")


def client(
    naam: Annotated[str, typer.Argument(help="De naam van de dienst, zoals de burger die ziet.")],
    oin: Annotated[str, typer.Option("--oin", help="Het OIN van de organisatie.")],
    redirect_uri: Annotated[list[str], typer.Option("--redirect-uri", help="Een terugkeeradres (herhaalbaar).")],
    niveau: Annotated[str, typer.Option("--niveau", help="Het minimale niveau.")] = "basis",
) -> None:
    """Sluit een dienst aan op DigiD (OpenID Connect); toont client_id en client secret (één keer)."""
    minimum = Niveau.van(niveau)
    if minimum is None:
        raise fail(f"Onbekend niveau {niveau}: kies basis, midden, substantieel of hoog.")
    client_id, secret = _uitvoeren(
        lambda database: service.registreer_client(database, naam, oin, redirect_uri, minimum)
    )
    console.print(f"client_id: {client_id}\nclient_secret: {secret}")


def roteren() -> None:
    """Vervang de sleutel waarmee ID tokens worden ondertekend (de oude blijft een dag gepubliceerd)."""
    kid = _uitvoeren(lambda database: service.roteer(database, datetime.now(UTC)))
    console.print(f"Nieuwe ondertekensleutel: {kid}")


digid_app.command("account")(account)
digid_app.command("client")(client)
digid_app.command("sleutel-roteren")(roteren)
