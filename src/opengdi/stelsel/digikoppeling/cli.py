# SPDX-License-Identifier: EUPL-1.2
"""``gdi org …``: the register of organisations, their credentials, certificates and
autorisatiebesluiten, and getting an access token in one command."""

from __future__ import annotations

import json
from typing import Annotated

import httpx
import typer

from opengdi.kernel.blocks import Voorbeeldverzoek
from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import DomeinFout, OngeldigeInvoer
from opengdi.kernel.opdrachtregel import (
    console,
    current_settings,
    fail,
    hidden_alias,
    run,
    samenstelling,
    with_database,
)
from opengdi.kernel.uow import UnitOfWork
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import oin as oins
from opengdi.stelsel.digikoppeling import organisaties, service
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant, OngeldigBesluit, OngeldigeBeperking, check_grant
from opengdi.stelsel.digikoppeling.autorisatie import eigen_gemeente as eigen_gemeente_beperking
from opengdi.stelsel.digikoppeling.client import client_assertion, fetch_token
from opengdi.stelsel.digikoppeling.demotoegang import credential_path, write_private_key
from opengdi.stelsel.digikoppeling.organisaties import SOORTEN, Organisatie
from opengdi.stelsel.digikoppeling.uitgifte import Eindpunten, Uitgever

org_app = typer.Typer(
    help="Organisaties (OIN), hun sleutels, certificaten en autorisatiebesluiten.", no_args_is_help=True
)

_PYTHON_EXAMPLE = """\
# Python (pip install httpx joserfc): token ophalen met private_key_jwt en de GDI bevragen
import time, uuid, httpx
from joserfc import jwt
from joserfc.jwk import RSAKey
key = RSAKey.import_key(open("{pem}").read())
now = int(time.time())
assertion = jwt.encode({{"alg": "RS256", "kid": key.thumbprint()}},
    {{"iss": "{oin}", "sub": "{oin}", "aud": "{token}", "iat": now, "exp": now + 120, "jti": str(uuid.uuid4())}}, key)
token = httpx.post("{token}", data={{"grant_type": "client_credentials", "client_id": "{oin}",
    "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    "client_assertion": assertion}}).json()["access_token"]
print(httpx.post("{base}{pad}", headers={{"Authorization": f"Bearer {{token}}"}},
    json={body}).json())
"""


#: ``--url``: where the running GDI is, for commands that talk to it or print how to.
UrlOptie = Annotated[
    str | None,
    typer.Option(
        "--url",
        help="Adres van de draaiende GDI, bijvoorbeeld http://127.0.0.1:8000. Standaard: GDI_PUBLIC_URL, "
        "anders http://GDI_HOST:GDI_PORT (dezelfde instellingen als gdi up).",
    ),
]


def _base_url(settings: Settings, url: str | None) -> str:
    """The running GDI's address: ``--url``, else the one ``gdi up`` serves on."""
    if url is None:
        return settings.base_url
    if not url.startswith(("http://", "https://")):
        raise fail(f"--url {url!r} is geen adres; geef bijvoorbeeld http://127.0.0.1:8000.", code=2)
    return url.rstrip("/")


def lijst(soort: Annotated[str | None, typer.Option(help=f"Alleen deze soort: {', '.join(SOORTEN)}.")] = None) -> None:
    """Toon de geregistreerde organisaties."""
    if soort is not None and soort not in SOORTEN:
        raise fail(f"Onbekende soort {soort}; kies uit {', '.join(SOORTEN)}.")

    async def work(database: Database) -> list[Organisatie]:
        async with database.session() as session:
            return await organisaties.list_organisaties(session, soort)

    for org in run(with_database(current_settings(), work)):
        status = "" if org.actief else "  [red](ingetrokken)[/red]"
        console.print(f"{org.oin}  {org.soort:<10} {org.naam}{status}")


def toevoegen(
    naam: str,
    soort: Annotated[str, typer.Option(help=f"Een van: {', '.join(SOORTEN)}.")],
    oin: Annotated[str | None, typer.Option(help="Het OIN (20 cijfers).")] = None,
    rsin: Annotated[str | None, typer.Option(help="RSIN: het OIN wordt 00000001+RSIN+000.")] = None,
    kvk: Annotated[str | None, typer.Option(help="KvK-nummer: het OIN wordt 00000003+KvK-nummer+0000.")] = None,
    gemeentecode: Annotated[str | None, typer.Option(help="GBA-gemeentecode, voor een gemeente.")] = None,
) -> None:
    """Sluit een organisatie aan."""
    if soort not in SOORTEN:
        raise fail(f"Onbekende soort {soort}; kies uit {', '.join(SOORTEN)}.")
    try:
        nummer = oin or (oins.uit_rsin(rsin) if rsin else oins.uit_kvk(kvk) if kvk else None)
    except ValueError as error:
        raise fail(str(error)) from error
    if nummer is None or not oins.is_valid_oin(nummer):
        raise fail("Geef een geldig --oin, of --rsin of --kvk om het OIN uit op te bouwen.")
    organisatie = Organisatie(nummer, naam, soort, gemeentecode)

    async def work(database: Database) -> None:
        async with _unit_of_work(database) as uow:
            await service.register(uow, organisatie)

    try:
        run(with_database(current_settings(), work))
    except DomeinFout as error:
        raise fail(str(error)) from error
    console.print(f"Aangesloten: {nummer}  {naam}")


def _unit_of_work(database: Database) -> UnitOfWork:
    return UnitOfWork(database, oin=current_settings().oin)


async def _example(database: Database, oin: str) -> Voorbeeldverzoek | None:
    """A request the organisation may make, from the first block that offers one for a scope it holds
    (about an inhabitant of its own municipality, for a municipality)."""
    async with database.session() as session:
        organisatie = await organisaties.get_organisatie(session, oin)
        grants = await organisaties.grants_of(session, oin)
    held = {grant.bouwsteen for grant in grants}
    gemeentecode = organisatie.gemeentecode if organisatie is not None else None
    for block in samenstelling().blocks:
        if block.voorbeeldverzoek is not None:
            example = await block.voorbeeldverzoek(database, gemeentecode)
            if example is not None and example.scope in held:
                return example
    return None


def credentials(oin: str, url: UrlOptie = None) -> None:
    """Maak een sleutelpaar voor een organisatie en toon hoe je ermee een token haalt en de GDI bevraagt."""
    settings = current_settings()
    base = _base_url(settings, url)

    async def work(database: Database) -> tuple[str, str, Voorbeeldverzoek | None]:
        async with _unit_of_work(database) as uow:
            private_pem, kid = await service.create_credentials(uow, oin)
        return private_pem, kid, await _example(database, oin)

    try:
        private_pem, kid, example = run(with_database(settings, work))
    except DomeinFout as error:
        raise fail(str(error)) from error
    path = write_private_key(settings.data_dir, oin, private_pem)
    console.print(f"Publieke sleutel geregistreerd (kid {kid}); private sleutel: {path} (alleen voor jou leesbaar).")
    if example is None:
        console.print(
            "Deze organisatie heeft (nog) geen autorisatie waarvoor een voorbeeld te geven is (of er wonen "
            "geen personen in haar gemeente); een token halen kan wel: gdi org token " + oin,
            markup=False,
        )
        return
    body = json.dumps(dict(example.body))
    console.print("\nToken ophalen en de GDI bevragen, in de shell:")
    console.print(f"  TOKEN=$(gdi org token {oin}{'' if url is None else ' --url ' + base})", markup=False)
    console.print(
        f"  curl -s -X POST {base}{example.pad} -H 'Content-Type: "
        f"application/json' -H \"Authorization: Bearer $TOKEN\" -d '{body}'",
        markup=False,
        highlight=False,
    )
    console.print()
    console.print(
        _PYTHON_EXAMPLE.format(pem=path, oin=oin, token=Eindpunten(base).token, base=base, pad=example.pad, body=body),
        markup=False,
        highlight=False,
    )


def token(
    oin: str,
    scope: Annotated[str | None, typer.Option(help="Gevraagde scopes (spatie-gescheiden).")] = None,
    url: UrlOptie = None,
) -> None:
    """Haal een access token op bij de draaiende GDI (private_key_jwt) en toon het (alleen het token)."""
    settings = current_settings()
    base = _base_url(settings, url)
    path = credential_path(settings.data_dir, oin)
    if not oins.is_valid_oin(oin):
        raise fail(f"{oin} is geen geldig OIN (20 cijfers); zie gdi org lijst.")
    if not path.exists():
        raise fail(f"Geen sleutel voor {oin} in {path.parent}; maak er een met: gdi org sleutels {oin}")
    private_pem = path.read_text("utf-8")
    try:
        client_assertion(private_pem, oin, Eindpunten(base).token)  # the key must be usable before the GDI is asked
    except ValueError:
        raise fail(
            f"{path} bevat geen bruikbare private sleutel (PEM); maak een nieuwe met: gdi org sleutels {oin}"
        ) from None
    try:
        answer = fetch_token(Eindpunten(base).token, private_pem, oin, scope)
        access_token = answer["access_token"]
    except httpx.HTTPStatusError as error:
        raise fail(f"Geen token van {base}: {_refusal(error.response)}") from None
    except httpx.TransportError as error:
        raise fail(f"De GDI is niet bereikbaar op {base} (draait gdi up?): {error}") from None
    except (ValueError, KeyError, TypeError):
        raise fail(f"Het antwoord van {base} is geen token; is dat wel de GDI? (geef het adres met --url)") from None
    typer.echo(access_token)


def _refusal(response: httpx.Response) -> str:
    """Why the token endpoint refused, from its problem+json; the HTTP status when it has none."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("detail"), str):
        return str(body["detail"])
    return f"HTTP {response.status_code} op {response.request.url} (is dat wel de GDI? geef het adres met --url)"


def certificaat(oin: str) -> None:
    """Laat de lokale CA een clientcertificaat (OIN in serialNumber) voor een organisatie uitgeven."""
    settings = current_settings()

    async def work(database: Database) -> tuple[str, str, str]:
        uitgever = Uitgever(database, settings)
        async with _unit_of_work(database) as uow:
            issued = await service.issue_certificate(uow, uitgever, oin)
        return issued.private_pem, issued.certificaat_pem, (await uitgever.ca())[1]

    try:
        private_pem, certificate_pem, ca_pem = run(with_database(settings, work))
    except DomeinFout as error:
        raise fail(str(error)) from error
    folder = credential_path(settings.data_dir, oin).parent
    write_private_key(settings.data_dir, f"{oin}-tls", private_pem)
    (folder / f"{oin}-tls.crt").write_text(certificate_pem, encoding="utf-8")
    (folder / "ca.crt").write_text(ca_pem, encoding="utf-8")
    console.print(f"Certificaat en sleutel in {folder} ({oin}-tls.crt, {oin}-tls.pem); de CA: {folder / 'ca.crt'}.")
    console.print(
        "Zet de CA in de TLS-proxy voor de GDI en laat die het certificaat doorgeven in de header "
        f"{settings.certificaat_header} (GDI_VERTROUWDE_PROXIES); zie docs/digikoppeling.md."
    )


def intrekken(oin: str) -> None:
    """Trek een organisatie in, met haar sleutels, certificaten en autorisatiebesluiten."""

    async def work(database: Database) -> bool:
        async with _unit_of_work(database) as uow:
            return await service.revoke(uow, oin)

    if not run(with_database(current_settings(), work)):
        raise fail(f"Er is geen actieve organisatie met OIN {oin}.")
    console.print(f"{oin} is ingetrokken.")


def autoriseren(
    oin: str,
    bouwsteen: Annotated[str, typer.Option(help="Bijvoorbeeld brp, brp.beheer, protocollering.")],
    doelbinding: Annotated[str, typer.Option(help="Code van het doel, bijvoorbeeld BRP-GEMEENTE.")],
    omschrijving: Annotated[str, typer.Option(help="Waarvoor de gegevens gebruikt worden.")],
    operatie: Annotated[
        list[str] | None, typer.Option(help="Toegestane operatie (herhaalbaar); standaard alle.")
    ] = None,
    veld: Annotated[
        list[str] | None, typer.Option(help="Toegestaan gegeven, fields-pad (herhaalbaar); standaard alle.")
    ] = None,
    beperking: Annotated[
        list[str] | None,
        typer.Option(
            help="Beperking die de bouwsteen kent, NAAM=WAARDE (herhaalbaar), bijvoorbeeld "
            "gemeenteVanInschrijving=0599; WAARDE 'eigen' neemt die van de organisatie."
        ),
    ] = None,
    eigen_gemeente: Annotated[
        bool, typer.Option(help="Alleen inwoners van de eigen gemeente (verkorting van --beperking …=eigen).")
    ] = False,
) -> None:
    """Leg een autorisatiebesluit vast."""
    operaties, velden = operatie or [ALLES], veld or [ALLES]
    catalogus = Catalogus(tuple(samenstelling().registers()))
    try:
        check_grant(catalogus, bouwsteen, operaties, velden)
    except OngeldigBesluit as error:
        raise fail(f"Autorisatiebesluit niet vastgelegd: {error}") from error
    soorten = samenstelling().beperkingen()
    try:
        gegeven = _beperkingen(beperking or [])
        if eigen_gemeente:
            gegeven = {**eigen_gemeente_beperking(bouwsteen, soorten, "--eigen-gemeente"), **gegeven}
    except OngeldigeBeperking as error:
        raise fail(f"{error.parameter}: {error}") from error
    besluit = Grant(0, bouwsteen, doelbinding, omschrijving, frozenset(operaties), tuple(velden), gegeven)

    async def work(database: Database) -> Grant:
        async with _unit_of_work(database) as uow:
            return await service.grant(uow, oin, besluit, catalogus, soorten)

    try:
        recorded = run(with_database(current_settings(), work))
    except OngeldigeInvoer as error:
        param = error.parameters[0]
        raise fail(f"{param.name.replace('beperkingen.', '--beperking ')}: {param.reason}") from error
    except DomeinFout as error:
        raise fail(str(error)) from error
    console.print(f"Autorisatiebesluit {recorded.id} vastgelegd voor {oin}{_beschreven(recorded)}.")


def _beperkingen(items: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        naam, is_, waarde = item.partition("=")
        if not is_ or not naam or not waarde:
            raise OngeldigeBeperking("--beperking", f"Geef een beperking als NAAM=WAARDE, niet '{item}'.")
        result[naam] = waarde
    return result


def _beschreven(grant: Grant) -> str:
    if not grant.beperkingen:
        return ""
    return f" (beperkt tot {', '.join(f'{naam} {waarde}' for naam, waarde in sorted(grant.beperkingen.items()))})"


def autorisaties(oin: str) -> None:
    """Toon de autorisatiebesluiten van een organisatie."""

    async def work(database: Database) -> list[Grant] | None:
        async with database.session() as session:
            if await organisaties.get_organisatie(session, oin) is None:
                return None
            return await organisaties.grants_of(session, oin)

    grants = run(with_database(current_settings(), work))
    if grants is None:
        raise fail(f"Er is geen organisatie met OIN {oin}; zie gdi org lijst.")
    for grant in grants:
        console.print(
            f"{grant.id:>5}  {grant.bouwsteen:<15} {grant.doelbinding:<24} operaties: "
            f"{', '.join(sorted(grant.operaties))}  gegevens: {', '.join(grant.velden)}{_beschreven(grant)}"
        )


def intrekken_autorisatie(
    nummer: Annotated[int, typer.Argument(help="Het nummer van het autorisatiebesluit (gdi org autorisaties OIN).")],
) -> None:
    """Trek een autorisatiebesluit in."""

    async def work(database: Database) -> str | None:
        async with _unit_of_work(database) as uow:
            return await service.revoke_grant(uow, nummer)

    if run(with_database(current_settings(), work)) is None:
        raise fail(f"Er is geen actief autorisatiebesluit {nummer}.")
    console.print(f"Autorisatiebesluit {nummer} ingetrokken.")


def apisleutel(
    oin: str,
    omschrijving: Annotated[
        str, typer.Option(help="Waarvoor de sleutel is (bijvoorbeeld de applicatie).")
    ] = "API-sleutel",
) -> None:
    """Geef een organisatie een API-sleutel (X-Api-Key) voor API's die er een kennen, zoals de BAG.

    De sleutel wordt één keer getoond; alleen zijn hash wordt bewaard. Hij geeft de rechten van de
    autorisatiebesluiten van de organisatie.
    """

    async def work(database: Database) -> tuple[int, str]:
        async with _unit_of_work(database) as uow:
            return await service.issue_api_sleutel(uow, oin, omschrijving)

    try:
        nummer, sleutel = run(with_database(current_settings(), work))
    except DomeinFout as error:
        raise fail(str(error)) from None
    console.print(f"API-sleutel {nummer} voor {oin} (bewaar hem nu, hij wordt niet nog eens getoond):")
    console.print(sleutel, soft_wrap=True, highlight=False)


def apisleutels(oin: str) -> None:
    """Toon de API-sleutels van een organisatie (nummer, omschrijving, ingetrokken of niet)."""

    async def work(database: Database) -> list[organisaties.ApiSleutel]:
        async with database.session() as session:
            return await organisaties.api_sleutels_of(session, oin)

    for item in run(with_database(current_settings(), work)):
        status = f"ingetrokken {item.ingetrokken_op:%Y-%m-%d}" if item.ingetrokken_op else "in gebruik"
        console.print(f"{item.id:>5}  {item.omschrijving:<40} {status}")


def apisleutel_intrekken(
    nummer: Annotated[int, typer.Argument(help="Het nummer van de API-sleutel (gdi org apisleutels OIN).")],
) -> None:
    """Trek een API-sleutel in (binnen twee seconden in elk proces)."""

    async def work(database: Database) -> str | None:
        async with _unit_of_work(database) as uow:
            return await service.revoke_api_sleutel(uow, nummer)

    if run(with_database(current_settings(), work)) is None:
        raise fail(f"Er is geen API-sleutel {nummer} in gebruik.")
    console.print(f"API-sleutel {nummer} ingetrokken.")


for _name, _old, _command in (
    ("lijst", "list", lijst),
    ("aansluiten", "add", toevoegen),
    ("sleutels", "credentials", credentials),
    ("token", None, token),
    ("certificaat", "certificate", certificaat),
    ("intrekken", "revoke", intrekken),
    ("autoriseren", "grant", autoriseren),
    ("autorisaties", "grants", autorisaties),
    ("autorisatie-intrekken", "ungrant", intrekken_autorisatie),
    ("apisleutel", None, apisleutel),
    ("apisleutels", None, apisleutels),
    ("apisleutel-intrekken", None, apisleutel_intrekken),
):
    org_app.command(_name)(_command)
    if _old is not None:
        hidden_alias(org_app, _old, _command)
