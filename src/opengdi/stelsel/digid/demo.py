# SPDX-License-Identifier: EUPL-1.2
"""DigiD's demo data: an account for every person of the BRP (the RvIG and Haal Centraal test sets
and whatever else the demo loaded), username ``test`` + BSN, the documented password
:data:`~opengdi.stelsel.digid.cli.TESTWACHTWOORD`, and a test phone (06 + the BSN's last eight
digits) so that level midden works at once; the app is activated on Mijn DigiD. The start banner
names a few accounts that can log in (alive, persoonslijst not opgeschort), chosen when loaded.
"""

from __future__ import annotations

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.settings import Settings
from opengdi.stelsel.digid import accounts, repository
from opengdi.stelsel.digid.aanmelden import weigering_uit

#: The documented password of the demo's accounts (a test environment's, not a secret).
TESTWACHTWOORD = "Welkom01!"
#: How many accounts the banner names.
VOORBEELDEN = 3
_VOORBEELDEN = "demo-voorbeelden"


async def _load(
    database: Database, settings: Settings, samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    personen = samenstelling.personenbron(database, settings)
    if personen is None:
        return None
    bsns = await personen.burgerservicenummers()
    gemaakt = await accounts.maak_demo_accounts(database, bsns, TESTWACHTWOORD)
    progress(gemaakt)
    if not gemaakt:
        return None
    weigering = weigering_uit(personen)
    voorbeelden: list[str] = []
    for bsn in bsns:
        if len(voorbeelden) == VOORBEELDEN:
            break
        if await weigering(bsn) is None:
            voorbeelden.append(f"test{bsn}")
    async with database.session() as session:
        await repository.bewaar_geheim(session, _VOORBEELDEN, ",".join(voorbeelden))
        await session.commit()
    return f"DigiD: {gemaakt} testaccounts (test + BSN, wachtwoord {TESTWACHTWOORD})."


async def voorbeelden(database: Database, settings: Settings) -> list[str]:
    """Start-banner lines: how to log in with DigiD, with a few of the demo's accounts."""
    async with database.session() as session:
        namen = await repository.lees_geheim(session, _VOORBEELDEN)
    if not namen:
        return []
    return [
        f"Inloggen met DigiD (wachtwoord {TESTWACHTWOORD}): {', '.join(namen.split(','))}",
        f"  Mijn DigiD: {settings.base_url}/digid/mijn  sms-codes: {settings.base_url}/digid/testtelefoon",
    ]


DEMO = Demo(omschrijving="Demogegevens laden (DigiD)", omvang=lambda: 0, laden=_load)
