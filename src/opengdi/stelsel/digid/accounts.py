# SPDX-License-Identifier: EUPL-1.2
"""DigiD's test accounts and what their holders do with them on Mijn DigiD: an account for a person
of the BRP (username, password, a phone for text messages), the demo's accounts for every test
person, activating the DigiD app (a TOTP secret read from a QR code, at the level of the identity
check it simulates), the history of logins, and ending a session.
"""

from __future__ import annotations

import asyncio
import hmac
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict, NietGevonden, OngeldigeInvoer
from opengdi.kernel.identifiers import is_valid_bsn
from opengdi.kernel.problems import InvalidParam
from opengdi.stelsel.digid import repository, totp, wachtwoord
from opengdi.stelsel.digid.aanmelden import app_niveau, sha256
from opengdi.stelsel.digid.model import AccountRow, InlogRow, SessieRow
from opengdi.stelsel.digid.niveaus import Niveau

_GEBRUIKERSNAAM = re.compile(r"[a-z0-9][a-z0-9._-]{2,63}")
_TELEFOON = re.compile(r"06[0-9]{8}")
#: The levels the app's activation can reach here, with the identity check each simulates.
APP_NIVEAUS = {
    Niveau.MIDDEN: "zonder ID-check",
    Niveau.SUBSTANTIEEL: "met ID-check van uw paspoort of rijbewijs (gesimuleerd)",
    Niveau.HOOG: "met ID-check van uw identiteitskaart met chip (gesimuleerd)",
}
UITGEVER = "DigiD (Open GDI test)"


def _weiger(naam: str, reden: str) -> OngeldigeInvoer:
    return OngeldigeInvoer([InvalidParam(naam, "invalid", reden)])


def testtelefoon(bsn: str) -> str:
    """The simulated mobile number of the demo's account of ``bsn`` (06 and the last eight digits)."""
    return "06" + bsn[-8:]


def _controleer(bsn: str, gebruikersnaam: str, geheim: str, telefoonnummer: str | None) -> None:
    if not is_valid_bsn(bsn):
        raise _weiger("burgerservicenummer", "Geen geldig burgerservicenummer (elfproef).")
    if not _GEBRUIKERSNAAM.fullmatch(gebruikersnaam):
        raise _weiger("gebruikersnaam", "3 tot 64 kleine letters, cijfers, punten, streepjes of liggende streepjes.")
    if not 8 <= len(geheim) <= 128:
        raise _weiger("wachtwoord", "Een wachtwoord heeft 8 tot 128 tekens.")
    if telefoonnummer is not None and not _TELEFOON.fullmatch(telefoonnummer):
        raise _weiger("telefoonnummer", "Een mobiel nummer van tien cijfers dat met 06 begint.")


async def maak_account(
    database: Database,
    bsn: str,
    gebruikersnaam: str,
    geheim: str,
    *,
    in_brp: Callable[[str], Awaitable[bool]] | None = None,
    telefoonnummer: str | None = None,
) -> None:
    """Create the test account ``gebruikersnaam`` for the person with ``bsn`` (who must be in the
    BRP, when ``in_brp`` can tell), with ``telefoonnummer`` for text messages."""
    _controleer(bsn, gebruikersnaam, geheim, telefoonnummer)
    if in_brp is not None and not await in_brp(bsn):
        raise NietGevonden(f"De BRP kent geen persoon met burgerservicenummer {bsn}")
    async with database.session() as session:
        if await repository.account(session, gebruikersnaam) is not None:
            raise Conflict(f"Er is al een DigiD-account met gebruikersnaam {gebruikersnaam}")
        session.add(
            AccountRow(
                gebruikersnaam=gebruikersnaam,
                bsn=bsn,
                wachtwoord_hash=await asyncio.to_thread(wachtwoord.maak, geheim),
                mislukt=0,
                telefoonnummer=telefoonnummer,
            )
        )
        await session.commit()


async def maak_demo_accounts(database: Database, bsns: Sequence[str], geheim: str) -> int:
    """An account ``test<BSN>`` with password ``geheim`` and a test phone for each of ``bsns`` that
    has none yet; how many were made. One hash serves them all (the demo's password is public
    anyway), so that thousands of accounts take no longer than one."""
    gedeeld = wachtwoord.maak(geheim)
    gemaakt = 0
    async with database.session() as session:
        for begin in range(0, len(bsns), 1000):
            deel = [bsn for bsn in bsns[begin : begin + 1000] if is_valid_bsn(bsn)]
            bekend = await repository.accounts_van(session, deel)
            nieuw = [
                {
                    "gebruikersnaam": f"test{bsn}",
                    "bsn": bsn,
                    "wachtwoord_hash": gedeeld,
                    "mislukt": 0,
                    "telefoonnummer": testtelefoon(bsn),
                }
                for bsn in dict.fromkeys(deel)
                if bsn not in bekend
            ]
            await repository.voeg_accounts_toe(session, nieuw)
            gemaakt += len(nieuw)
        await session.commit()
    return gemaakt


async def stel_app_in(database: Database, gebruikersnaam: str, niveau: Niveau) -> str:
    """Activate the DigiD app of an account at ``niveau`` directly (for tests and the command line):
    the new TOTP secret."""
    if niveau not in APP_NIVEAUS:
        raise _weiger("niveau", "De app haalt midden, substantieel of hoog.")
    geheim = totp.nieuw_geheim()
    async with database.session() as session:
        account = await repository.account(session, gebruikersnaam)
        if account is None:
            raise NietGevonden(f"Geen DigiD-account met gebruikersnaam {gebruikersnaam}")
        account.app_geheim, account.app_niveau, account.app_venster = geheim, niveau.naam, None
        await session.commit()
    return geheim


@dataclass(frozen=True, slots=True)
class MijnDigiD:
    """What Mijn DigiD shows the holder of a session: the account, its means, the latest logins,
    and the token its forms carry."""

    gebruikersnaam: str
    bsn: str
    niveau: Niveau
    telefoonnummer: str | None
    app: Niveau | None
    inlogs: tuple[InlogRow, ...]
    csrf: str
    app_geheim: str | None


async def _sessie(session: AsyncSession, sleutel: str | None, nu: datetime) -> SessieRow | None:
    return await repository.sessie(session, sha256(sleutel), nu) if sleutel else None


async def mijn_digid(database: Database, sleutel: str | None, nu: datetime) -> MijnDigiD | None:
    """Mijn DigiD of the session ``sleutel`` (``None`` without a session)."""
    async with database.session() as session:
        sessie = await _sessie(session, sleutel, nu)
        account = await repository.account(session, sessie.gebruikersnaam) if sessie else None
        if sessie is None or account is None:
            return None
        inlogs = await repository.inlogs(session, account.bsn, 20)
    return MijnDigiD(
        account.gebruikersnaam,
        account.bsn,
        Niveau.van(sessie.niveau) or Niveau.BASIS,
        account.telefoonnummer,
        app_niveau(account),
        tuple(inlogs),
        sessie.csrf,
        sessie.app_geheim,
    )


class SessieFout(Exception):  # noqa: N818 - a form of Mijn DigiD refused
    """A form of Mijn DigiD without a valid session or token; ``str()`` is the Dutch line."""


async def _sessie_met_token(session: AsyncSession, sleutel: str | None, csrf: str, nu: datetime) -> SessieRow:
    sessie = await _sessie(session, sleutel, nu)
    if sessie is None:
        raise SessieFout("Uw sessie is verlopen. Log opnieuw in bij Mijn DigiD.")
    if not hmac.compare_digest(csrf.encode(), sessie.csrf.encode()):
        raise SessieFout("Dit formulier hoort niet bij uw sessie. Open Mijn DigiD opnieuw.")
    return sessie


async def begin_app(database: Database, sleutel: str | None, csrf: str, nu: datetime) -> str:
    """Start activating the app in this session: the new secret (for its QR code)."""
    async with database.session() as session:
        sessie = await _sessie_met_token(session, sleutel, csrf, nu)
        sessie.app_geheim = totp.nieuw_geheim()
        await session.commit()
        return sessie.app_geheim


async def bevestig_app(
    database: Database, sleutel: str | None, csrf: str, code: str, *, niveau: Niveau | None, nu: datetime
) -> str | None:
    """Finish activating the app with its first code: ``None`` when done, else what was wrong."""
    if niveau not in APP_NIVEAUS:
        return "Kies het niveau van de ID-check."
    async with database.session() as session:
        sessie = await _sessie_met_token(session, sleutel, csrf, nu)
        account = await repository.account(session, sessie.gebruikersnaam)
        if sessie.app_geheim is None or account is None:
            return "Begin opnieuw met het activeren van de app."
        gebruikt = totp.klopt(sessie.app_geheim, code, nu)
        if gebruikt is None:
            return "Deze code is niet juist. Typ de code die de app nu toont."
        account.app_geheim, account.app_niveau, account.app_venster = sessie.app_geheim, niveau.naam, gebruikt
        sessie.app_geheim = None
        await session.commit()
    return None


async def houder(database: Database, sleutel: str | None, csrf: str, nu: datetime) -> str:
    """The BSN of the holder of the session ``sleutel``, for a form of Mijn DigiD with its token."""
    async with database.session() as session:
        return (await _sessie_met_token(session, sleutel, csrf, nu)).bsn


async def uitloggen(database: Database, sleutel: str | None, csrf: str, nu: datetime) -> None:
    """End the session ``sleutel`` from its own page."""
    async with database.session() as session:
        sessie = await _sessie_met_token(session, sleutel, csrf, nu)
        await repository.beeindig_sessie(session, sessie.sleutel_hash)
        await session.commit()


async def berichten(database: Database, telefoonnummer: str, sinds: datetime) -> list[tuple[datetime, str]]:
    """The text messages the simulated phone ``telefoonnummer`` received since ``sinds``, newest first."""
    if not _TELEFOON.fullmatch(telefoonnummer):
        raise _weiger("nummer", "Een mobiel nummer van tien cijfers dat met 06 begint.")
    async with database.session() as session:
        rows = await repository.berichten(session, telefoonnummer, sinds)
    return [(repository.utc(row.verzonden) or row.verzonden, row.tekst) for row in rows]
