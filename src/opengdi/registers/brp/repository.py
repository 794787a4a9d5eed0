# SPDX-License-Identifier: EUPL-1.2
"""Storing and finding persoonslijsten in the database (the only module of the BRP that writes SQL)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.registers.brp.invoer import identifying_bsn
from opengdi.registers.brp.model import PersoonslijstRow, VoorkomenRow
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.zoeksleutels import search_keys


@dataclass(frozen=True, slots=True)
class Match:
    """A condition on one search column: exact, or a prefix/suffix when a wildcard was used."""

    column: str
    value: str | int
    mode: str = "exact"  # exact | prefix | suffix


@dataclass(frozen=True, slots=True)
class Criteria:
    """A search: every match must hold; ``any_of`` lists alternatives of which one must hold."""

    matches: tuple[Match, ...]
    any_of: tuple[tuple[Match, ...], ...] = ()
    inclusief_overleden: bool = False


def _voorkomen_rows(persoonslijst_id: int, lijst: Persoonslijst) -> list[dict[str, Any]]:
    return [
        {
            "persoonslijst_id": persoonslijst_id,
            "categorie": voorkomen.categorie,
            "stapel": voorkomen.stapel,
            "volgnummer": voorkomen.volgnummer,
            "elementen": dict(voorkomen.elementen),
        }
        for voorkomen in lijst.voorkomens()
    ]


async def add_persoonslijsten(session: AsyncSession, lijsten: Sequence[Persoonslijst]) -> None:
    """Store ``lijsten`` (new persons) in the session's transaction."""
    if not lijsten:
        return
    statement = insert(PersoonslijstRow).returning(PersoonslijstRow.id, sort_by_parameter_order=True)
    result = await session.execute(statement, [search_keys(lijst) for lijst in lijsten])
    ids = result.scalars().all()
    rows = [row for pl_id, lijst in zip(ids, lijsten, strict=True) for row in _voorkomen_rows(pl_id, lijst)]
    if rows:
        await session.execute(insert(VoorkomenRow), rows)


async def delete_all(session: AsyncSession) -> int:
    """Remove every persoonslijst; the number removed."""
    count = await session.scalar(select(func.count()).select_from(PersoonslijstRow))
    await session.execute(delete(VoorkomenRow))
    await session.execute(delete(PersoonslijstRow))
    return int(count or 0)


async def count(connection: AsyncConnection | AsyncSession) -> int:
    """How many persoonslijsten are stored."""
    return int(await connection.scalar(select(func.count()).select_from(PersoonslijstRow)) or 0)


async def existing_bsns(session: AsyncSession, bsns: Iterable[str]) -> set[str]:
    """Which of ``bsns`` already identify a stored persoonslijst."""
    wanted = list(set(bsns))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        result = await session.scalars(
            select(PersoonslijstRow.burgerservicenummer).where(PersoonslijstRow.burgerservicenummer.in_(chunk))
        )
        found.update(bsn for bsn in result if bsn)
    return found


async def _load(connection: AsyncConnection, condition: ColumnElement[bool]) -> dict[int, Persoonslijst]:
    statement = (
        select(
            VoorkomenRow.persoonslijst_id,
            VoorkomenRow.categorie,
            VoorkomenRow.stapel,
            VoorkomenRow.volgnummer,
            VoorkomenRow.elementen,
        )
        .join(PersoonslijstRow, PersoonslijstRow.id == VoorkomenRow.persoonslijst_id)
        .where(condition)
    )
    per_lijst: dict[int, list[Voorkomen]] = {}
    for pl_id, categorie, stapel, volgnummer, elementen in (await connection.execute(statement)).all():
        per_lijst.setdefault(pl_id, []).append(Voorkomen(categorie, stapel, volgnummer, elementen))
    return {pl_id: Persoonslijst.from_voorkomens(items) for pl_id, items in per_lijst.items()}


async def load_by_bsn(connection: AsyncConnection, bsns: Sequence[str]) -> dict[str, list[Persoonslijst]]:
    """The persoonslijsten identified by each of ``bsns`` (absent ones are left out)."""
    if not bsns:
        return {}
    lijsten = await _load(connection, PersoonslijstRow.burgerservicenummer.in_(list(set(bsns))))
    result: dict[str, list[Persoonslijst]] = {}
    for _pl_id, lijst in sorted(lijsten.items()):
        bsn = identifying_bsn(lijst)
        if bsn:
            result.setdefault(bsn, []).append(lijst)
    return result


def _condition(match: Match) -> ColumnElement[bool]:
    column = getattr(PersoonslijstRow, match.column)
    if match.mode == "prefix":
        return column.like(f"{_escape(str(match.value))}%", escape="\\")  # type: ignore[no-any-return]
    if match.mode == "suffix":
        return column.like(f"%{_escape(str(match.value))}", escape="\\")  # type: ignore[no-any-return]
    return column == match.value  # type: ignore[no-any-return]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def search(connection: AsyncConnection, criteria: Criteria, limit: int) -> list[Persoonslijst]:
    """The persoonslijsten matching ``criteria``, at most ``limit`` (ordered by identity)."""
    conditions = [_condition(match) for match in criteria.matches]
    conditions.extend(or_(*(_condition(match) for match in group)) for group in criteria.any_of)
    if not criteria.inclusief_overleden:
        conditions.append(PersoonslijstRow.overleden.is_(False))
    ids = list(
        (
            await connection.scalars(
                select(PersoonslijstRow.id).where(and_(*conditions)).order_by(PersoonslijstRow.id).limit(limit)
            )
        ).all()
    )
    if not ids:
        return []
    lijsten = await _load(connection, PersoonslijstRow.id.in_(ids))
    return [lijsten[pl_id] for pl_id in ids if pl_id in lijsten]
