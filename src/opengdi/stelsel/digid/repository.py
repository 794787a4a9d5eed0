# SPDX-License-Identifier: EUPL-1.2
"""Storing and finding DigiD's accounts, relying parties, requests, codes, tokens and keys (the only
module of DigiD that writes SQL)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.stelsel.digid.model import AccountRow, ClientRow, CodeRow, GeheimRow, SleutelRow, TokenRow, VerzoekRow
from opengdi.stelsel.digid.sleutelring import Sleutel, Sleutelring


async def account(session: AsyncSession, gebruikersnaam: str) -> AccountRow | None:
    """The account with this username, if any (its lock as UTC)."""
    row = await session.get(AccountRow, gebruikersnaam)
    if row is not None:
        row.geblokkeerd_tot = _utc(row.geblokkeerd_tot)
    return row


async def client(session: AsyncSession, client_id: str) -> ClientRow | None:
    """The relying party with this ``client_id``, if any."""
    return await session.get(ClientRow, client_id)


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
        tuple(Sleutel(row.kid, row.private_pem, _utc(row.gemaakt) or row.gemaakt, _utc(row.vervangen)) for row in rows)
    )


def _utc(moment: datetime | None) -> datetime | None:
    """A stored moment as UTC (SQLite gives it back without its zone)."""
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


async def bewaar_rotatie(session: AsyncSession, nieuw: Sleutel) -> None:
    """Store ``nieuw`` as the signing key, every active key replaced at the moment it was made."""
    await session.execute(update(SleutelRow).where(SleutelRow.vervangen.is_(None)).values(vervangen=nieuw.gemaakt))
    session.add(SleutelRow(kid=nieuw.kid, private_pem=nieuw.private_pem, gemaakt=nieuw.gemaakt))


async def geheim(session: AsyncSession, naam: str, maak: Callable[[], str]) -> str:
    """The secret ``naam``, made by ``maak()`` the first time (safely when several processes start at once)."""
    row = await session.get(GeheimRow, naam)
    if row is not None:
        return row.waarde
    session.add(GeheimRow(naam=naam, waarde=maak()))
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
    found = await session.get(GeheimRow, naam)
    assert found is not None
    return found.waarde
