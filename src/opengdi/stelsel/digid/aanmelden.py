# SPDX-License-Identifier: EUPL-1.2
"""The login that answers an authorization request (OpenID Connect) or an AuthnRequest (SAML), step
by step: the password, from level midden up a second factor (a code by text message to the
simulated phone, or a code of the DigiD app), for a person who may act for someone the choice for
whom (DigiD Machtigen), and what a finished login leaves behind: the authorization code or SAML
artifact for the relying party, a session of the browser (so that the next service asks no
password while it lasts), and a line in the person's history of logins.

Each step returns what the browser sees next (:data:`Stap`): a page of the login, or where it is
sent. Whom the request is for is known by its key, which the form carries and the browser's cookie
must match (the API checks that), so no other site can post a login in someone's name.

A person may only log in while the BRP holds a persoonslijst that is neither of a deceased person
nor opgeschort (``weigering``: the reason why not, or ``None``). Mijn DigiD is a request of DigiD
itself (:data:`MIJN`): it ends at the account's own page instead of at a relying party.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from opengdi.kernel.personenvoorziening import PersoonBron, Persoonsstaat
from opengdi.stelsel.digid import blokkade, repository, saml, totp, wachtwoord
from opengdi.stelsel.digid.model import AccountRow, CodeRow, InlogRow, MachtigingRow, SessieRow, SmsRow, VerzoekRow
from opengdi.stelsel.digid.niveaus import Niveau

#: How long a login may take, how long a code lives, how long a session spares a new login.
VERZOEK_GELDIG, CODE_GELDIG, SESSIE_GELDIG = timedelta(minutes=15), timedelta(minutes=2), timedelta(minutes=15)
#: How many wrong codes of the second step a request allows.
CODE_POGINGEN = 3
#: The ``client_id`` of DigiD's own pages (Mijn DigiD) and where their login ends.
MIJN, MIJN_PAD = "", "/digid/mijn"
SMS, APP = "sms", "app"
#: Where the SourceID of the deployment's SAML artifacts is kept (the SHA-1 of the IdP's entityID).
SAML_BRON = "saml-bron"
#: The kinds of representation, each with the name of whom it lets act.
ROLLEN = {"machtiging": "gemachtigde", "bewind": "bewindvoerder", "curatele": "curator", "mentorschap": "mentor"}
#: Checked when a username is unknown, so that a wrong username takes as long as a wrong password.
_SCHIJNHASH = wachtwoord.maak(secrets.token_urlsafe(16))

Weigering = Callable[[str], Awaitable[str | None]]


def sha256(waarde: str) -> str:
    """How keys, codes and tokens are stored: their SHA-256 only."""
    return hashlib.sha256(waarde.encode()).hexdigest()


def met_parameters(uri: str, velden: dict[str, str | None]) -> str:
    """``uri`` with ``velden`` added to its query (those that are ``None`` left out)."""
    scheiding = "&" if urlsplit(uri).query else "?"
    return uri + scheiding + urlencode({key: value for key, value in velden.items() if value is not None})


@dataclass(frozen=True, slots=True)
class Lopend:
    """A request waiting for its login, as its pages show it: its key, the service, the level, and
    the relying party's redirect URI (the only place the browser may be sent after)."""

    sleutel: str
    dienst: str
    niveau: Niveau
    terug: str


@dataclass(frozen=True, slots=True)
class Wachtwoord:
    """The page with username and password (again, with ``fout``)."""

    verzoek: Lopend
    fout: str | None = None
    gebruikersnaam: str = ""


@dataclass(frozen=True, slots=True)
class Keuze:
    """The page that offers the means of the second step this account has for the level."""

    verzoek: Lopend
    middelen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Code:
    """The page that asks for the code of ``middel`` (to ``telefoon`` when by text message)."""

    verzoek: Lopend
    middel: str
    telefoon: str | None = None
    fout: str | None = None


@dataclass(frozen=True, slots=True)
class Afgebroken:
    """A page that ends the login: ``terug`` (the relying party's redirect URI with its error) when
    the person can go back to the service."""

    bericht: str
    terug: str | None = None


@dataclass(frozen=True, slots=True)
class Doorsturen:
    """Where the browser goes (the relying party with its code, or Mijn DigiD); ``sessie`` the key
    of the new session for its cookie."""

    url: str
    sessie: str | None = None


@dataclass(frozen=True, slots=True)
class Namens:
    """The page that asks for whom the person logs in: himself, or one of ``keuzes`` (the id and
    description of each representation); ``sessie`` the key of the new session for its cookie."""

    verzoek: Lopend
    keuzes: tuple[tuple[int, str], ...]
    sessie: str | None = None


Stap = Wachtwoord | Keuze | Code | Afgebroken | Doorsturen | Namens
_VERLOPEN = Afgebroken("Dit inlogverzoek is verlopen of onbekend. Begin opnieuw bij de dienst.")


async def _lopend(session: Any, sleutel: str, nu: datetime) -> tuple[VerzoekRow, Lopend] | None:
    verzoek = await repository.verzoek(session, sha256(sleutel), nu)
    if verzoek is None:
        return None
    afnemer = await repository.afnemer(session, verzoek.client_id) if verzoek.client_id != MIJN else None
    if verzoek.client_id != MIJN and afnemer is None:
        return None
    dienst = afnemer.naam if afnemer is not None else "Mijn DigiD"
    return verzoek, Lopend(sleutel, dienst, Niveau.van(verzoek.niveau) or Niveau.BASIS, verzoek.redirect_uri)


def nieuw_verzoek(
    client_id: str, redirect_uri: str, niveau: Niveau, nu: datetime, **velden: str | None
) -> tuple[str, VerzoekRow]:
    """A request's key and its row (``state``, ``nonce``, ``code_challenge`` in ``velden``)."""
    sleutel = secrets.token_urlsafe(32)
    row = VerzoekRow(
        sleutel_hash=sha256(sleutel),
        client_id=client_id,
        redirect_uri=redirect_uri,
        state=velden.get("state"),
        nonce=velden.get("nonce") or "",
        code_challenge=velden.get("code_challenge") or "",
        niveau=niveau.naam,
        verloopt=nu + VERZOEK_GELDIG,
        pogingen=0,
    )
    return sleutel, row


async def mijn_verzoek(database: Any, nu: datetime) -> Wachtwoord:
    """A login for Mijn DigiD (at level basis)."""
    sleutel, row = nieuw_verzoek(MIJN, MIJN_PAD, Niveau.BASIS, nu)
    async with database.session() as session:
        session.add(row)
        await session.commit()
    return Wachtwoord(Lopend(sleutel, "Mijn DigiD", Niveau.BASIS, MIJN_PAD))


async def pagina(database: Any, sleutel: str, nu: datetime) -> Stap:
    """The page of the request ``sleutel`` as it stands (the password page of a new request)."""
    async with database.session() as session:
        gevonden = await _lopend(session, sleutel, nu)
    return Wachtwoord(gevonden[1]) if gevonden else _VERLOPEN


async def met_wachtwoord(
    database: Any,
    sleutel: str,
    gebruikersnaam: str,
    geheim: str,
    *,
    weigering: Weigering,
    nu: datetime,
    oud: str | None,
) -> Stap:
    """The password step: the login finished (level basis), the choice of a second step, or the
    password page again with what was wrong."""
    gebruikersnaam = gebruikersnaam.strip().lower()[:64]
    async with database.session() as session:
        gevonden = await _lopend(session, sleutel, nu)
        if gevonden is None:
            return _VERLOPEN
        verzoek, lopend = gevonden
        account = await repository.account(session, gebruikersnaam)
        try:
            fout = await _wachtwoordfout(account, geheim, nu)
        finally:
            await session.commit()  # the count of failures, or its reset
        if fout is None and account is not None:
            fout = await weigering(account.bsn)
        if fout is not None:
            return Wachtwoord(lopend, fout, gebruikersnaam)
        assert account is not None
        if not lopend.niveau.tweede_factor:
            return await _afronden(
                session, verzoek, lopend, account, niveau=Niveau.BASIS, middel="wachtwoord", nu=nu, oud=oud
            )
        middelen = _middelen(account, lopend.niveau)
        if not middelen:
            return _onhaalbaar(verzoek, lopend)
        verzoek.gebruikersnaam = account.gebruikersnaam
        await session.commit()
        return Keuze(lopend, middelen)


async def _wachtwoordfout(account: AccountRow | None, geheim: str, nu: datetime) -> str | None:
    """What is wrong with this login (``None``: nothing), counting failures on the account. The hash
    is checked in a thread: it takes a tenth of a second, which the server's other requests need not wait for."""
    if account is None:
        await asyncio.to_thread(wachtwoord.klopt, geheim, _SCHIJNHASH)
        return "De gebruikersnaam of het wachtwoord is onjuist."
    pogingen = blokkade.Pogingen(account.mislukt, account.geblokkeerd_tot)
    if pogingen.geblokkeerd(nu):
        assert pogingen.geblokkeerd_tot is not None
        tot = pogingen.geblokkeerd_tot.astimezone().strftime("%H:%M")
        return f"Te veel mislukte pogingen. Probeer het na {tot} opnieuw."
    goed = await asyncio.to_thread(wachtwoord.klopt, geheim, account.wachtwoord_hash)
    pogingen = pogingen.na_succes() if goed else pogingen.na_mislukking(nu)
    account.mislukt, account.geblokkeerd_tot = pogingen.mislukt, pogingen.geblokkeerd_tot
    return None if goed else "De gebruikersnaam of het wachtwoord is onjuist."


def app_niveau(account: AccountRow) -> Niveau | None:
    """The level the account's DigiD app reaches, if it has one."""
    return Niveau.van(account.app_niveau) if account.app_geheim and account.app_niveau else None


def _middelen(account: AccountRow, niveau: Niveau) -> tuple[str, ...]:
    """The means of the second step this account has that reach ``niveau``: the text message for
    midden, the app for the level its activation reached."""
    middelen = []
    if account.telefoonnummer and niveau == Niveau.MIDDEN:
        middelen.append(SMS)
    app = app_niveau(account)
    if app is not None and app.voldoet_aan(niveau):
        middelen.append(APP)
    return tuple(middelen)


def _onhaalbaar(verzoek: VerzoekRow, lopend: Lopend) -> Afgebroken:
    tekst = f"Voor {lopend.dienst} is DigiD op niveau {lopend.niveau.naam} nodig; uw DigiD heeft daarvoor geen middel."
    return Afgebroken(tekst, _fout_terug(verzoek, "unmet_authentication_requirements", tekst))


def _fout_terug(verzoek: VerzoekRow, error: str, tekst: str) -> str | None:
    if verzoek.client_id == MIJN:
        return None
    return met_parameters(verzoek.redirect_uri, {"error": error, "error_description": tekst, "state": verzoek.state})


async def _na_wachtwoord(session: Any, sleutel: str, nu: datetime) -> tuple[VerzoekRow, Lopend, AccountRow] | None:
    gevonden = await _lopend(session, sleutel, nu)
    if gevonden is None or gevonden[0].gebruikersnaam is None:
        return None
    account = await repository.account(session, gevonden[0].gebruikersnaam)
    return (gevonden[0], gevonden[1], account) if account is not None else None


def afgeschermd(telefoonnummer: str) -> str:
    """A phone number as a login page shows it (``06-****5678``)."""
    return f"{telefoonnummer[:2]}-****{telefoonnummer[-4:]}"


async def kies(database: Any, sleutel: str, middel: str, nu: datetime) -> Stap:
    """The second step chosen: for a text message, the code sent to the simulated phone."""
    async with database.session() as session:
        gevonden = await _na_wachtwoord(session, sleutel, nu)
        if gevonden is None:
            return _VERLOPEN
        verzoek, lopend, account = gevonden
        middelen = _middelen(account, lopend.niveau)
        if middel not in middelen:
            return Keuze(lopend, middelen)
        if middel == APP:
            return Code(lopend, APP)
        assert account.telefoonnummer is not None
        code = f"{secrets.randbelow(10**6):06d}"
        verzoek.sms_hash = sha256(code)
        session.add(
            SmsRow(
                telefoonnummer=account.telefoonnummer,
                tekst=f"Uw DigiD sms-code om in te loggen bij {lopend.dienst} is: {code}",
                verzonden=nu,
            )
        )
        await session.commit()
        return Code(lopend, SMS, afgeschermd(account.telefoonnummer))


async def met_code(database: Any, sleutel: str, middel: str, invoer: str, *, nu: datetime, oud: str | None) -> Stap:
    """The code of the second step: the login finished, the code page again, or after
    :data:`CODE_POGINGEN` wrong codes the request ended."""
    async with database.session() as session:
        gevonden = await _na_wachtwoord(session, sleutel, nu)
        if gevonden is None:
            return _VERLOPEN
        verzoek, lopend, account = gevonden
        bereikt = _bereikt(account, lopend.niveau, middel, invoer, sms_hash=verzoek.sms_hash, nu=nu)
        if bereikt is not None:
            return await _afronden(session, verzoek, lopend, account, niveau=bereikt, middel=middel, nu=nu, oud=oud)
        verzoek.pogingen += 1
        if verzoek.pogingen >= CODE_POGINGEN:
            tekst = "U heeft te vaak een verkeerde code ingevuld. Begin opnieuw bij de dienst."
            await repository.verwijder_verzoek(session, verzoek.sleutel_hash)
            await session.commit()
            return Afgebroken(tekst, _fout_terug(verzoek, "access_denied", tekst))
        await session.commit()
        telefoon = afgeschermd(account.telefoonnummer) if middel == SMS and account.telefoonnummer else None
        return Code(lopend, middel, telefoon, "Deze code is niet juist. Probeer het opnieuw.")


def _bereikt(
    account: AccountRow, niveau: Niveau, middel: str, invoer: str, *, sms_hash: str | None, nu: datetime
) -> Niveau | None:
    """The level a right code of ``middel`` reaches (``None`` when the code is wrong): midden by
    text message, the app's level by the app (whose code is then used up)."""
    if middel not in _middelen(account, niveau):
        return None
    if middel == SMS:
        goed = sms_hash is not None and secrets.compare_digest(sha256(invoer.strip()), sms_hash)
        return Niveau.MIDDEN if goed else None
    assert account.app_geheim is not None
    gebruikt = totp.klopt(account.app_geheim, invoer, nu, account.app_venster)
    if gebruikt is None:
        return None
    account.app_venster = gebruikt
    return app_niveau(account)


async def _afronden(
    session: Any,
    verzoek: VerzoekRow,
    lopend: Lopend,
    account: AccountRow,
    *,
    niveau: Niveau,
    middel: str,
    nu: datetime,
    oud: str | None,
) -> Stap:
    """Finish a login: a new session (the old one ended); for Mijn DigiD its page; for a relying
    party its code, or first the choice for whom when the person may act for someone there."""
    sessie = await nieuwe_sessie(session, account.gebruikersnaam, account.bsn, niveau, nu=nu, oud=oud)
    if verzoek.client_id == MIJN:
        await repository.verwijder_verzoek(session, verzoek.sleutel_hash)
        await session.commit()
        return Doorsturen(MIJN_PAD, sessie)
    stap = await na_aanmelding(
        session,
        verzoek,
        lopend,
        gebruikersnaam=account.gebruikersnaam,
        bsn=account.bsn,
        niveau=niveau,
        middel=middel,
        nu=nu,
    )
    await session.commit()
    return replace(stap, sessie=sessie)


async def met_sessie(
    session: Any, verzoek: VerzoekRow, lopend: Lopend, *, sessie: str | None, weigering: Weigering, nu: datetime
) -> Doorsturen | Namens | None:
    """A new request answered by the browser's session, when it lasts and reached the level (and the
    person may still log in): what :func:`na_aanmelding` gives; ``None`` when the login must be asked.
    The caller commits."""
    gevonden = await repository.sessie(session, sha256(sessie), nu) if sessie else None
    bereikt = Niveau.van(gevonden.niveau) if gevonden is not None else None
    if gevonden is None or bereikt is None or not bereikt.voldoet_aan(lopend.niveau) or await weigering(gevonden.bsn):
        return None
    return await na_aanmelding(
        session,
        verzoek,
        lopend,
        gebruikersnaam=gevonden.gebruikersnaam,
        bsn=gevonden.bsn,
        niveau=bereikt,
        middel="sessie",
        nu=nu,
        aangemeld=repository.utc(gevonden.aangemeld),
    )


async def na_aanmelding(
    session: Any,
    verzoek: VerzoekRow,
    lopend: Lopend,
    *,
    gebruikersnaam: str,
    bsn: str,
    niveau: Niveau,
    middel: str,
    nu: datetime,
    aangemeld: datetime | None = None,
) -> Doorsturen | Namens:
    """After a login for a relying party (by password and means, or by the session): the code at
    once, or the choice for whom the person logs in when he may act for someone there (the request
    then waits, with what the login reached). The caller commits."""
    keuzes = await repository.machtigingen_voor(session, bsn, verzoek.client_id)
    if not keuzes:
        url = await geef_code(session, verzoek, bsn, niveau, middel, aangemeld=aangemeld or nu, nu=nu)
        await repository.verwijder_verzoek(session, verzoek.sleutel_hash)
        return Doorsturen(url)
    verzoek.gebruikersnaam, verzoek.bereikt, verzoek.middel = gebruikersnaam, niveau.naam, middel
    if verzoek not in session:
        session.add(verzoek)
    return Namens(lopend, tuple((row.id, namens_tekst(row)) for row in keuzes))


def namens_tekst(row: MachtigingRow) -> str:
    """How the choice page names a representation."""
    return f"Namens de persoon met burgerservicenummer {row.volmachtgever_bsn} (als {ROLLEN[row.soort]})"


async def kies_namens(database: Any, sleutel: str, keuze: str, weigering: Weigering, nu: datetime) -> Stap:
    """The choice for whom: ``zelf``, or the id of a representation in force for this service."""
    async with database.session() as session:
        gevonden = await _lopend(session, sleutel, nu)
        if gevonden is None:
            return _VERLOPEN
        verzoek, lopend = gevonden
        bereikt, gebruikersnaam = Niveau.van(verzoek.bereikt or ""), verzoek.gebruikersnaam
        account = await repository.account(session, gebruikersnaam) if gebruikersnaam else None
        if account is None or bereikt is None:
            return _VERLOPEN
        keuzes = {
            str(row.id): row for row in await repository.machtigingen_voor(session, account.bsn, verzoek.client_id)
        }
        if keuze != "zelf" and keuze not in keuzes:
            return Namens(lopend, tuple((row.id, namens_tekst(row)) for row in keuzes.values()))
        namens = keuzes[keuze].volmachtgever_bsn if keuze != "zelf" else None
        if namens is not None and (reden := await weigering(namens)) is not None:
            return Afgebroken(f"Namens deze persoon kan niet worden ingelogd. {reden}")
        url = await geef_code(
            session, verzoek, account.bsn, bereikt, verzoek.middel or "sessie", aangemeld=nu, nu=nu, namens=namens
        )
        await repository.verwijder_verzoek(session, verzoek.sleutel_hash)
        await session.commit()
        return Doorsturen(url)


async def nieuwe_sessie(
    session: Any, gebruikersnaam: str, bsn: str, niveau: Niveau, *, nu: datetime, oud: str | None
) -> str:
    """Start a session (a new key at every login; the session of ``oud`` ended); its key."""
    if oud:
        await repository.beeindig_sessie(session, sha256(oud))
    sleutel = secrets.token_urlsafe(32)
    session.add(
        SessieRow(
            sleutel_hash=sha256(sleutel),
            gebruikersnaam=gebruikersnaam,
            bsn=bsn,
            niveau=niveau.naam,
            aangemeld=nu,
            verloopt=nu + SESSIE_GELDIG,
            csrf=secrets.token_urlsafe(32),
        )
    )
    return sleutel


async def geef_code(
    session: Any,
    verzoek: VerzoekRow,
    bsn: str,
    niveau: Niveau,
    middel: str,
    *,
    aangemeld: datetime,
    nu: datetime,
    namens: str | None = None,
) -> str:
    """The authorization code (OIDC) or artifact (SAML) of a finished login (for ``namens`` when the
    person acts for someone), its line in the history; the redirect with it."""
    afnemer = await repository.afnemer(session, verzoek.client_id)
    assert afnemer is not None
    if afnemer.saml:
        bron = await repository.lees_geheim(session, SAML_BRON)
        assert bron is not None
        code = saml.artifact(bytes.fromhex(bron))
    else:
        code = secrets.token_urlsafe(32)
    session.add(
        CodeRow(
            code_hash=sha256(code),
            client_id=verzoek.client_id,
            redirect_uri=verzoek.redirect_uri,
            bsn=bsn,
            niveau=niveau.naam,
            nonce=verzoek.nonce,
            code_challenge=verzoek.code_challenge,
            aangemeld=aangemeld,
            verloopt=nu + CODE_GELDIG,
            gebruikt=False,
            namens_bsn=namens,
        )
    )
    session.add(
        InlogRow(
            moment=nu,
            bsn=bsn,
            client_id=afnemer.id,
            dienst=afnemer.naam,
            oin=afnemer.oin,
            niveau=niveau.naam,
            middel=middel,
            namens_bsn=namens,
        )
    )
    if afnemer.saml:
        return met_parameters(verzoek.redirect_uri, {"SAMLart": code, "RelayState": verzoek.state})
    return met_parameters(verzoek.redirect_uri, {"code": code, "state": verzoek.state})


_REDENEN = {
    "O": "overlijden",
    "E": "emigratie",
    "M": "ministerieel besluit",
    "R": "aangelegd in de RNI",
    "F": "fout",
    "W": "wissing",
}


def weigering_uit(personen: PersoonBron | None) -> Weigering:
    """Why a person may not log in according to the BRP (``None``: may); without the BRP, nobody is refused."""

    async def weigering(bsn: str) -> str | None:
        staat = await personen.staat(bsn) if personen is not None else Persoonsstaat(False, None)
        if staat is None:
            return "Met deze DigiD kan niet worden ingelogd: de BRP kent de houder niet."
        if staat.overleden:
            return "Met deze DigiD kan niet meer worden ingelogd: volgens de BRP is de houder overleden."
        if staat.opschorting is not None:
            reden = _REDENEN.get(staat.opschorting, staat.opschorting)
            return f"Met deze DigiD kan niet worden ingelogd: de persoonslijst is opgeschort ({reden})."
        return None

    return weigering
