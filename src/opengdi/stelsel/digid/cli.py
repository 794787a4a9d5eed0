# SPDX-License-Identifier: EUPL-1.2
"""``gdi digid …``: DigiD's test accounts (with a test phone and the app) and relying parties from
the command line (test deployments only), and the rotation of its signing key."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout, OngeldigeInvoer
from opengdi.kernel.koppelingen import bestaan
from opengdi.kernel.opdrachtregel import console, current_settings, fail, run, samenstelling, with_database
from opengdi.stelsel.digid import accounts, diensten, samlidp, service, totp
from opengdi.stelsel.digid.demo import TESTWACHTWOORD
from opengdi.stelsel.digid.niveaus import Niveau

digid_app = typer.Typer(help="DigiD: testaccounts, aangesloten diensten en sleutels.", no_args_is_help=True)
T = TypeVar("T")


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


def _niveau(waarde: str) -> Niveau:
    niveau = Niveau.van(waarde)
    if niveau is None:
        raise fail(f"Onbekend niveau {waarde}: kies basis, midden, substantieel of hoog.")
    return niveau


def account(
    bsn: Annotated[str, typer.Argument(help="Het burgerservicenummer van de persoon.")],
    gebruikersnaam: Annotated[str | None, typer.Option("--gebruikersnaam", help="Standaard: test + BSN.")] = None,
    wachtwoord: Annotated[
        str, typer.Option("--wachtwoord", help="Het wachtwoord (8 tot 128 tekens).")
    ] = TESTWACHTWOORD,
    telefoon: Annotated[
        str | None,
        typer.Option("--telefoon", help="Mobiel nummer voor de sms-code (standaard: 06 + laatste 8 cijfers)."),
    ] = None,
    app: Annotated[
        str | None, typer.Option("--app", help="Activeer de DigiD app op dit niveau: midden, substantieel of hoog.")
    ] = None,
) -> None:
    """Maak een DigiD-testaccount voor een persoon van de BRP."""
    naam = gebruikersnaam or f"test{bsn}"
    app_niveau = _niveau(app) if app is not None else None

    async def work(database: Database) -> str | None:
        async def in_brp(nummer: str) -> bool:
            bekend = await bestaan(samenstelling().koppelingen(), "brp", "Persoon", [nummer], database)
            return bekend is None or nummer in bekend  # without the BRP, nothing to check against

        nummer = telefoon if telefoon is not None else accounts.testtelefoon(bsn)
        await accounts.maak_account(database, bsn, naam, wachtwoord, in_brp=in_brp, telefoonnummer=nummer)
        return await accounts.stel_app_in(database, naam, app_niveau) if app_niveau is not None else None

    geheim = _uitvoeren(work)
    console.print(f"DigiD-account {naam} voor {bsn} gemaakt (wachtwoord: {wachtwoord}).")
    if geheim is not None:
        console.print(f"DigiD app ({app}): {totp.otpauth_uri(geheim, accounts.UITGEVER, naam)}")


def _jwks(pad: Path) -> dict[str, Any]:
    try:
        inhoud = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise fail(f"{pad} is geen leesbaar JSON-bestand.") from None
    if not isinstance(inhoud, dict):
        raise fail(f"{pad} bevat geen JWK Set.")
    return inhoud


def client(
    naam: Annotated[str, typer.Argument(help="De naam van de dienst, zoals de burger die ziet.")],
    oin: Annotated[str, typer.Option("--oin", help="Het OIN van de organisatie.")],
    redirect_uri: Annotated[list[str], typer.Option("--redirect-uri", help="Een terugkeeradres (herhaalbaar).")],
    niveau: Annotated[str, typer.Option("--niveau", help="Het minimale niveau.")] = "basis",
    uitlog_uri: Annotated[
        list[str] | None, typer.Option("--uitlog-uri", help="Een adres na het uitloggen (herhaalbaar).")
    ] = None,
    jwks: Annotated[
        Path | None, typer.Option("--jwks", help="JWK Set met de publieke sleutels voor private_key_jwt.")
    ] = None,
) -> None:
    """Sluit een dienst aan op DigiD (OpenID Connect); toont client_id en client secret (één keer)."""
    minimum = _niveau(niveau)
    sleutels = _jwks(jwks) if jwks is not None else None
    aansluiting = _uitvoeren(
        lambda database: diensten.registreer(
            database,
            naam,
            oin,
            redirect_uri,
            minimum,
            post_logout_redirect_uris=uitlog_uri or (),
            jwks=sleutels,
        )
    )
    console.print(f"client_id: {aansluiting.client_id}")
    console.print(f"client_secret: {aansluiting.secret}" if aansluiting.secret else "authenticatie: private_key_jwt")


def saml_dienst(
    naam: Annotated[str, typer.Argument(help="De naam van de dienst, zoals de burger die ziet.")],
    oin: Annotated[str, typer.Option("--oin", help="Het OIN van de organisatie.")],
    metadata: Annotated[Path, typer.Option("--metadata", help="De SAML-metadata van de dienst (EntityDescriptor).")],
    niveau: Annotated[str, typer.Option("--niveau", help="Het minimale niveau.")] = "basis",
) -> None:
    """Sluit een dienst aan op DigiD via SAML (het DigiD-koppelvlak), met zijn metadata."""
    minimum = _niveau(niveau)
    try:
        inhoud = metadata.read_bytes()
    except OSError:
        raise fail(f"{metadata} is niet te lezen.") from None
    dienst_id = _uitvoeren(lambda database: samlidp.registreer(database, naam, oin, inhoud, minimum))
    console.print(f"SAML-dienst {dienst_id} aangesloten; de metadata van DigiD staat op /digid/saml/metadata.")


def roteren() -> None:
    """Vervang de sleutel waarmee ID tokens worden ondertekend (de oude blijft een dag gepubliceerd)."""
    kid = _uitvoeren(lambda database: service.roteer(database, datetime.now(UTC)))
    console.print(f"Nieuwe ondertekensleutel: {kid}")


digid_app.command("account")(account)
digid_app.command("client")(client)
digid_app.command("saml-dienst")(saml_dienst)
digid_app.command("sleutel-roteren")(roteren)
