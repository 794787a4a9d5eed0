# SPDX-License-Identifier: EUPL-1.2
"""Storing and finding DigiD's accounts, relying parties, requests, codes, tokens, sessions, logins,
text messages and keys (the only module of DigiD that writes SQL)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Base
from opengdi.stelsel.digid.model import (
    AccountRow,
    AssertieRow,
    ClientRow,
    CodeRow,
    GeheimRow,
    InlogRow,
    MachtigingRow,
    SamlDienstRow,
    SessieRow,
    SleutelRow,
    SmsRow,
    TokenRow,
    VerzoekRow,
)
from opengdi.stelsel.digid.sleutelring import Sleutel, Sleutelring

#: How the id of a SAML service provider begins (an OIDC client's begins with ``digid-``).
SAML_PREFIX = "saml-"


async def account(session: AsyncSession, gebruikersnaam: str) -> AccountRow | None:
    """The account with this username, if any (its lock as UTC)."""
    row = await session.get(AccountRow, gebruikersnaam)
    if row is not None:
        row.geblokkeerd_tot = utc(row.geblokkeerd_tot)
    return row


async def client(session: AsyncSession, client_id: str) -> ClientRow | None:
    """The relying party with this ``client_id``, if any."""
    return await session.get(ClientRow, client_id)


@dataclass(frozen=True, slots=True)
class Afnemer:
    """A relying party of either protocol, as a login needs it: its id, name and organisation."""

    id: str
    naam: str
    oin: str
    saml: bool


async def afnemer(session: AsyncSession, afnemer_id: str) -> Afnemer | None:
    """The OIDC client or SAML service provider with this id."""
    if afnemer_id.startswith(SAML_PREFIX):
        dienst = await session.get(SamlDienstRow, afnemer_id)
        return Afnemer(dienst.id, dienst.naam, dienst.oin, True) if dienst else None
    client = await session.get(ClientRow, afnemer_id)
    return Afnemer(client.client_id, client.naam, client.oin, False) if client else None


async def saml_dienst(session: AsyncSession, entity_id: str) -> SamlDienstRow | None:
    """The SAML service provider with this entityID."""
    return (await session.scalars(select(SamlDienstRow).where(SamlDienstRow.entity_id == entity_id))).first()


async def clients(session: AsyncSession, oin: str | None) -> list[ClientRow]:
    """The relying parties of ``oin`` (all: ``None``), by name."""
    statement = select(ClientRow).order_by(ClientRow.naam, ClientRow.client_id)
    if oin is not None:
        statement = statement.where(ClientRow.oin == oin)
    return list(await session.scalars(statement))


async def verzoek(session: AsyncSession, sleutel_hash: str, nu: datetime) -> VerzoekRow | None:
    """The authorization request with this key, if it has not expired."""
    statement = select(VerzoekRow).where(VerzoekRow.sleutel_hash == sleutel_hash, VerzoekRow.verloopt > nu)
    return (await session.scalars(statement)).first()


async def verwijder_verzoek(session: AsyncSession, sleutel_hash: str) -> None:
    await session.execute(delete(VerzoekRow).where(VerzoekRow.sleutel_hash == sleutel_hash))


async def neem_code(session: AsyncSession, code_hash: str, nu: datetime) -> CodeRow | None:
    """The code with this hash, marked used in the same statement so that it is taken once only;
    ``None`` when unknown, expired or taken before."""
    taken = await session.execute(
        update(CodeRow)
        .where(CodeRow.code_hash == code_hash, CodeRow.gebruikt.is_(False), CodeRow.verloopt > nu)
        .values(gebruikt=True)
    )
    if taken.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return await session.get(CodeRow, code_hash)


async def token(session: AsyncSession, token_hash: str, nu: datetime) -> TokenRow | None:
    """The access token with this hash, if it has not expired."""
    statement = select(TokenRow).where(TokenRow.token_hash == token_hash, TokenRow.verloopt > nu)
    return (await session.scalars(statement)).first()


async def sleutelring(session: AsyncSession) -> Sleutelring:
    """Every signing key, oldest first."""
    rows = await session.scalars(select(SleutelRow).order_by(SleutelRow.gemaakt))
    return Sleutelring(
        tuple(Sleutel(row.kid, row.private_pem, utc(row.gemaakt) or row.gemaakt, utc(row.vervangen)) for row in rows)
    )


def utc(moment: datetime | None) -> datetime | None:
    """A stored moment as UTC (SQLite gives it back without its zone)."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


async def bewaar_rotatie(session: AsyncSession, nieuw: Sleutel) -> None:
    """Store ``nieuw`` as the signing key, every active key replaced at the moment it was made."""
    await session.execute(update(SleutelRow).where(SleutelRow.vervangen.is_(None)).values(vervangen=nieuw.gemaakt))
    session.add(SleutelRow(kid=nieuw.kid, private_pem=nieuw.private_pem, gemaakt=nieuw.gemaakt))


async def geheim(session: AsyncSession, naam: str, maak: Callable[[], str]) -> str:
    """The secret ``naam``, made by ``maak()`` the first time (when several requests or processes
    start at once, the first one's stays: the insert does nothing on a conflict)."""
    row = await session.get(GeheimRow, naam)
    if row is not None:
        return row.waarde
    await session.execute(_invoegen(session, GeheimRow).values(naam=naam, waarde=maak()).on_conflict_do_nothing())
    await session.commit()
    found = await session.get(GeheimRow, naam)
    assert found is not None
    return found.waarde


async def accounts_van(session: AsyncSession, bsns: Sequence[str]) -> set[str]:
    """Which of ``bsns`` have an account."""
    rows = await session.scalars(select(AccountRow.bsn).where(AccountRow.bsn.in_(list(bsns))))
    return set(rows)


async def voeg_accounts_toe(session: AsyncSession, rows: Sequence[dict[str, object]]) -> None:
    """Insert accounts in one statement (the demo's)."""
    if rows:
        await session.execute(insert(AccountRow), list(rows))


async def sessie(session: AsyncSession, sleutel_hash: str, nu: datetime) -> SessieRow | None:
    """The login session with this key, if it has not expired."""
    statement = select(SessieRow).where(SessieRow.sleutel_hash == sleutel_hash, SessieRow.verloopt > nu)
    return (await session.scalars(statement)).first()


async def beeindig_sessie(session: AsyncSession, sleutel_hash: str) -> None:
    await session.execute(delete(SessieRow).where(SessieRow.sleutel_hash == sleutel_hash))


async def inlogs(session: AsyncSession, bsn: str, aantal: int) -> list[InlogRow]:
    """The latest ``aantal`` logins of the person with ``bsn``, or on his behalf, newest first."""
    statement = (
        select(InlogRow)
        .where(or_(InlogRow.bsn == bsn, InlogRow.namens_bsn == bsn))
        .order_by(InlogRow.moment.desc(), InlogRow.id.desc())
    )
    return list(await session.scalars(statement.limit(aantal)))


async def berichten(session: AsyncSession, telefoonnummer: str, sinds: datetime) -> list[SmsRow]:
    """The text messages to ``telefoonnummer`` since ``sinds``, newest first."""
    statement = (
        select(SmsRow)
        .where(SmsRow.telefoonnummer == telefoonnummer, SmsRow.verzonden >= sinds)
        .order_by(SmsRow.id.desc())
    )
    return list(await session.scalars(statement))


async def neem_assertie(session: AsyncSession, sleutel: str, verloopt: datetime, nu: datetime) -> bool:
    """Record a client assertion as used; ``False`` when it was used before. The caller commits."""
    await session.execute(delete(AssertieRow).where(AssertieRow.verloopt <= nu))
    nieuw = _invoegen(session, AssertieRow).values(sleutel=sleutel, verloopt=verloopt).on_conflict_do_nothing()
    return bool((await session.execute(nieuw)).rowcount)  # type: ignore[attr-defined]


def _invoegen(session: AsyncSession, tabel: type[Base]) -> Any:
    """An insert of the session's dialect, which can do nothing on a conflict (PostgreSQL and SQLite have it)."""
    dialect = session.get_bind().dialect.name
    return (postgresql_insert if dialect == "postgresql" else sqlite_insert)(tabel)


async def lees_geheim(session: AsyncSession, naam: str) -> str | None:
    """The stored value ``naam``, if any."""
    row = await session.get(GeheimRow, naam)
    return row.waarde if row is not None else None


async def bewaar_geheim(session: AsyncSession, naam: str, waarde: str) -> None:
    """Store ``waarde`` as ``naam`` (replacing what was there). The caller commits."""
    row = await session.get(GeheimRow, naam)
    if row is None:
        session.add(GeheimRow(naam=naam, waarde=waarde))
    else:
        row.waarde = waarde


async def machtigingen_voor(session: AsyncSession, gemachtigde: str, client_id: str) -> list[MachtigingRow]:
    """The representations in force that let ``gemachtigde`` act at the service ``client_id``, oldest first."""
    statement = (
        select(MachtigingRow)
        .where(
            MachtigingRow.gemachtigde_bsn == gemachtigde,
            MachtigingRow.ingetrokken.is_(None),
            or_(MachtigingRow.client_id == client_id, MachtigingRow.client_id.is_(None)),
        )
        .order_by(MachtigingRow.id)
    )
    return list(await session.scalars(statement))


async def machtigingen_van(session: AsyncSession, bsn: str) -> list[MachtigingRow]:
    """The representations in force that ``bsn`` gave or holds, oldest first."""
    statement = (
        select(MachtigingRow)
        .where(
            or_(MachtigingRow.volmachtgever_bsn == bsn, MachtigingRow.gemachtigde_bsn == bsn),
            MachtigingRow.ingetrokken.is_(None),
        )
        .order_by(MachtigingRow.id)
    )
    return list(await session.scalars(statement))
