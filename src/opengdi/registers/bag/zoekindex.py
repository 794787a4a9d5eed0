# SPDX-License-Identifier: EUPL-1.2
"""The SQL of free-text address search (``/adressen/zoek``): its index and its query.

The index holds one row per current address (``bag_zoekadres``: its description, sort key and
tokens, :meth:`~opengdi.registers.bag.zoeken.Adresregel.zoektokens`), rebuilt from the addresses
after every levering (:func:`opengdi.registers.bag.service.build_zoekindex`). PostgreSQL matches
the tokens through a GIN index on them as a ``tsvector`` (:data:`~opengdi.registers.bag.model.ZOEKVECTOR`);
SQLite, which has none, through a table with one row per token (``bag_zoekterm``), read by prefix
ranges of its primary key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    and_,
    bindparam,
    cast,
    delete,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.registers.bag import opslag
from opengdi.registers.bag.model import ZOEKVECTOR, VoorkomenRow, ZoekadresRow, ZoektermRow
from opengdi.registers.bag.vraag import Pagina
from opengdi.registers.bag.zoeken import HEEL, MAX_RESULTATEN, PREFIX, Adresregel

_VOORKOMEN = VoorkomenRow.metadata.tables[VoorkomenRow.__tablename__]

_ZOEKADRES = ZoekadresRow.metadata.tables[ZoekadresRow.__tablename__]
_ZOEKTERM = ZoektermRow.metadata.tables[ZoektermRow.__tablename__]
#: On SQLite, a term with fewer matching tokens than this leads the search (its addresses are the
#: candidates); when every term has more, the addresses are read in result order and stop at the page.
_SELECTIEF = 20_000
#: A term with fewer matching tokens than this leads at once (counting every term up to
#: :data:`_SELECTIEF` costs more than the search itself: ``1`` alone is the start of every postcode
#: and house number beginning with 1).
_ZEER_SELECTIEF = 500


async def nummeraanduidingen_na(connection: AsyncConnection, na: str, aantal: int) -> list[str]:
    """The next ``aantal`` nummeraanduidingen (of any voorkomen) after ``na``, by identificatie."""
    column = _VOORKOMEN.c
    statement = (
        select(column.identificatie)
        .where(column.objecttype == "NUM", column.identificatie > na)
        .group_by(column.identificatie)
        .order_by(column.identificatie)
        .limit(aantal)
    )
    return list((await connection.scalars(statement)).all())


async def empty_zoekindex(session: AsyncSession) -> None:
    """Remove the free-text search index (to be rebuilt)."""
    await session.execute(delete(_ZOEKTERM))
    await session.execute(delete(_ZOEKADRES))


async def add_zoekadressen(session: AsyncSession, adressen: Sequence[Adresregel]) -> None:
    """Add current addresses and their tokens to the free-text search index (on SQLite also to the
    token table)."""
    await opslag.bulk_insert(
        session,
        _ZOEKADRES,
        [
            {
                "nummeraanduiding": item.nummeraanduiding,
                "omschrijving": item.omschrijving(),
                "sorteersleutel": item.sorteersleutel(),
                "zoektokens": item.zoektokens(),
            }
            for item in adressen
        ],
    )
    if session.get_bind().dialect.name == "postgresql":
        return
    await opslag.bulk_insert(
        session,
        _ZOEKTERM,
        [
            {"term": term, "nummeraanduiding": item.nummeraanduiding, "soort": soort}
            for item in adressen
            for term, soort in sorted(item.tokens())
        ],
    )


def tsquery(termen: Sequence[str]) -> str:
    """The question as PostgreSQL's ``tsquery`` on the tokens: each term begins a token matched by
    prefix, or is one matched whole: ``('p1065':* | 'h1065') & …``."""

    def lexeme(token: str) -> str:
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"

    return " & ".join(f"({lexeme(PREFIX + term)}:* | {lexeme(HEEL + term)})" for term in termen)


def _tokens_match(termen: Sequence[str]) -> ColumnElement[bool]:
    """The addresses (on PostgreSQL) whose tokens every term matches, as the GIN index answers it.
    The query is written into the statement, not bound, so each question is planned for itself."""
    query: BindParameter[str] = bindparam(None, tsquery(termen), literal_execute=True)
    return literal_column(ZOEKVECTOR).op("@@")(cast(query, TSQUERY))


def _matches(table: Any, term: str) -> ColumnElement[bool]:
    """A token of ``table`` (the token table or an alias) that ``term`` matches: one it begins, of a
    kind matched by prefix, or the term itself. The bounds are written into the statement, not
    bound (as in :func:`_tokens_match`)."""
    low: BindParameter[str] = bindparam(None, term, literal_execute=True)
    high: BindParameter[str] = bindparam(None, term + "\uffff", literal_execute=True)
    return and_(table.c.term >= low, table.c.term < high, or_(table.c.soort == PREFIX, table.c.term == low))


async def _matching(connection: AsyncConnection, term: str, limit: int) -> int:
    """How many tokens ``term`` matches, counted up to ``limit``."""
    found = select(_ZOEKTERM.c.nummeraanduiding).where(_matches(_ZOEKTERM, term)).limit(limit).subquery()
    return int(await connection.scalar(select(func.count()).select_from(found)) or 0)


async def _leading(connection: AsyncConnection, termen: Sequence[str]) -> str | None:
    """The term whose addresses are the candidates of a search: the first, longest first, that
    matches fewer than :data:`_ZEER_SELECTIEF` tokens, else the one that matches fewest if fewer
    than :data:`_SELECTIEF`; none when every term matches more."""
    longest_first = sorted(termen, key=len, reverse=True)
    for term in longest_first:
        if await _matching(connection, term, _ZEER_SELECTIEF) < _ZEER_SELECTIEF:
            return term
    counts = {term: await _matching(connection, term, _SELECTIEF) for term in longest_first}
    fewest = min(longest_first, key=lambda term: counts[term])
    return fewest if counts[fewest] < _SELECTIEF else None


async def _token_table_conditions(connection: AsyncConnection, termen: Sequence[str]) -> list[ColumnElement[bool]]:
    """The addresses (on SQLite) whose tokens every term matches, through the token table. A
    selective term leads (:func:`_leading`: its addresses are the candidates, the other terms are
    looked up per candidate); otherwise the addresses are read in result order (by the sort key's
    index), each held against every term, until the maximum is found."""
    leading = await _leading(connection, termen)
    adres = _ZOEKADRES.c
    conditions: list[ColumnElement[bool]] = []
    if leading is not None:
        conditions.append(
            adres.nummeraanduiding.in_(select(_ZOEKTERM.c.nummeraanduiding).where(_matches(_ZOEKTERM, leading)))
        )
    for term in termen:
        if term != leading:
            other = _ZOEKTERM.alias()
            conditions.append(
                select(other.c.term)
                .where(other.c.nummeraanduiding == adres.nummeraanduiding, _matches(other, term))
                .exists()
            )
    return conditions


async def zoek_adressen(
    connection: AsyncConnection, termen: Sequence[str], pagina: Pagina, *, maximum: int = MAX_RESULTATEN
) -> tuple[list[tuple[str, str]], int]:
    """One page of the current addresses whose tokens every term matches (``nummeraanduiding``,
    ``omschrijving``), in address order, and how many there are (counted up to ``maximum``: the
    search finds no more than that).

    One statement finds the first ``maximum`` addresses in address order and returns the page of
    them with their number; only a page after the last asks for the number apart."""
    if not termen:
        return [], 0
    if connection.dialect.name == "postgresql":
        conditions = [_tokens_match(termen)]
    else:
        conditions = await _token_table_conditions(connection, termen)
    adres = _ZOEKADRES.c
    found = (
        select(adres.nummeraanduiding, adres.omschrijving, adres.sorteersleutel)
        .where(*conditions)
        .order_by(adres.sorteersleutel)
        .limit(maximum)
        .subquery()
    )
    page: Select[Any] = (
        select(found.c.nummeraanduiding, found.c.omschrijving, func.count().over().label("totaal"))
        .order_by(found.c.sorteersleutel)
        .offset((pagina.nummer - 1) * pagina.grootte)
        .limit(pagina.grootte)
    )
    rows = (await connection.execute(page)).all()
    if rows:
        return [(row.nummeraanduiding, row.omschrijving) for row in rows], int(rows[0].totaal)
    total = await connection.scalar(select(func.count()).select_from(found))
    return [], int(total or 0)
