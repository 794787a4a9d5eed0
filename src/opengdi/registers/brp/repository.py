# SPDX-License-Identifier: EUPL-1.2
"""Storing and finding persoonslijsten in the database (the only module of the BRP that writes SQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Select, and_, bindparam, delete, func, insert, or_, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased

from opengdi.kernel.db import Database, driver_connection, transaction_driver
from opengdi.kernel.geldigheid import TOEKOMST, Geldigheid, Overgang, Periode
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.registers.brp.adreshouding import adreshoudingen
from opengdi.registers.brp.invoer import identifying_bsn
from opengdi.registers.brp.model import AdreshoudingRow, PersoonslijstRow, VoorkomenRow
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.zoeksleutels import search_keys


@dataclass(frozen=True, slots=True)
class Match:
    """A condition on one search column: exact, or a prefix/suffix when a wildcard was used; for a
    name with diacritics also a pattern on its ``…_diakrieten`` column (see ``zoeksleutels``)."""

    column: str
    value: str | int
    mode: str = "exact"  # exact | prefix | suffix
    diakrieten: str | None = None


@dataclass(frozen=True, slots=True)
class Criteria:
    """A search: every match must hold; ``any_of`` lists alternatives of which one must hold."""

    matches: tuple[Match, ...]
    any_of: tuple[tuple[Match, ...], ...] = ()
    inclusief_overleden: bool = False


_PERSOONSLIJST_TABLE = PersoonslijstRow.metadata.tables[PersoonslijstRow.__tablename__]
_VOORKOMEN_TABLE = VoorkomenRow.metadata.tables[VoorkomenRow.__tablename__]
_ADRESHOUDING_TABLE = AdreshoudingRow.metadata.tables[AdreshoudingRow.__tablename__]
#: The columns of ``brp_adreshouding`` in the order :func:`adreshouding_rows` fills them.
_ADRESHOUDING_COLUMNS = tuple(column.name for column in _ADRESHOUDING_TABLE.columns)


def _voorkomens(ids: Sequence[int], lijsten: Sequence[Persoonslijst]) -> Iterator[tuple[int, Voorkomen]]:
    for pl_id, lijst in zip(ids, lijsten, strict=True):
        for voorkomen in lijst.voorkomens():
            yield pl_id, voorkomen


async def add_persoonslijsten(session: AsyncSession, lijsten: Sequence[Persoonslijst]) -> None:
    """Store ``lijsten`` (new persons) in the session's transaction, by the fastest path of the
    dialect: COPY on PostgreSQL, a plain executemany on SQLite."""
    if not lijsten:
        return
    if session.get_bind().dialect.name == "postgresql":
        await _copy_postgresql(session, lijsten)
    else:
        await _insert_sqlite(session, lijsten)


async def _copy_postgresql(session: AsyncSession, lijsten: Sequence[Persoonslijst]) -> None:
    """COPY both tables; the identities are taken from the sequence first, so concurrent writers are safe."""
    ids = list(
        (
            await session.scalars(
                text("SELECT nextval(pg_get_serial_sequence('brp_persoonslijst', 'id')) FROM generate_series(1, :n)"),
                {"n": len(lijsten)},
            )
        ).all()
    )
    keys = [search_keys(lijst) for lijst in lijsten]
    columns = tuple(keys[0])
    driver = await transaction_driver(session)
    await driver.copy_records_to_table(
        PersoonslijstRow.__tablename__,
        columns=("id", *columns),
        records=[(pl_id, *(row[column] for column in columns)) for pl_id, row in zip(ids, keys, strict=True)],
    )
    await driver.copy_records_to_table(
        VoorkomenRow.__tablename__,
        columns=("persoonslijst_id", "categorie", "stapel", "volgnummer", "elementen"),
        records=[
            (pl_id, item.categorie, item.stapel, item.volgnummer, orjson.dumps(dict(item.elementen)).decode())
            for pl_id, item in _voorkomens(ids, lijsten)
        ],
    )
    await driver.copy_records_to_table(
        AdreshoudingRow.__tablename__,
        columns=_ADRESHOUDING_COLUMNS,
        records=[tuple(row[column] for column in _ADRESHOUDING_COLUMNS) for row in adreshouding_rows(ids, lijsten)],
    )


async def _insert_sqlite(session: AsyncSession, lijsten: Sequence[Persoonslijst]) -> None:
    """A plain executemany; SQLite numbers the new rows consecutively as this transaction holds the write lock."""
    await session.execute(insert(_PERSOONSLIJST_TABLE), [search_keys(lijst) for lijst in lijsten])
    last = int(await session.scalar(select(func.max(PersoonslijstRow.id))) or 0)
    ids = range(last - len(lijsten) + 1, last + 1)
    rows = [
        {
            "persoonslijst_id": pl_id,
            "categorie": item.categorie,
            "stapel": item.stapel,
            "volgnummer": item.volgnummer,
            "elementen": dict(item.elementen),
        }
        for pl_id, item in _voorkomens(ids, lijsten)
    ]
    await session.execute(insert(_VOORKOMEN_TABLE), rows)
    adreshouding = adreshouding_rows(ids, lijsten)
    if adreshouding:
        await session.execute(insert(_ADRESHOUDING_TABLE), adreshouding)


def adreshouding_rows(ids: Sequence[int], lijsten: Sequence[Persoonslijst]) -> list[dict[str, Any]]:
    """The ``brp_adreshouding`` rows of persoonslijsten stored under ``ids``: their adreshoudingen."""
    return [
        {
            "persoonslijst_id": pl_id,
            "volgnummer": item.volgnummer,
            "adresseerbaar_object_identificatie": item.adresseerbaar_object,
            "nummeraanduiding_identificatie": item.nummeraanduiding,
            "gemeente_van_inschrijving": item.gemeente,
            "begin_vroegst": item.geldigheid.begin.vroegst,
            "begin_zeker": item.geldigheid.begin.zeker,
            "einde_vroegst": item.geldigheid.einde.vroegst if item.geldigheid.einde else TOEKOMST,
            "einde_zeker": item.geldigheid.einde.zeker if item.geldigheid.einde else TOEKOMST,
            "in_onderzoek": item.in_onderzoek,
        }
        for pl_id, lijst in zip(ids, lijsten, strict=True)
        for item in adreshoudingen(lijst)
    ]


async def analyze(database: Database) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk load (the tables may have grown from nothing)."""
    if database.dialect == "postgresql":
        async with database.connect() as connection:
            await connection.execute(text(f"ANALYZE {PersoonslijstRow.__tablename__}"))
            await connection.execute(text(f"ANALYZE {VoorkomenRow.__tablename__}"))
            await connection.execute(text(f"ANALYZE {AdreshoudingRow.__tablename__}"))
            await connection.commit()


async def delete_all(session: AsyncSession) -> list[Identiteit]:
    """Remove every persoonslijst; the BSN and A-nummer of each one removed."""
    await session.execute(delete(AdreshoudingRow))
    await session.execute(delete(VoorkomenRow))
    removed = await session.execute(
        delete(PersoonslijstRow).returning(PersoonslijstRow.burgerservicenummer, PersoonslijstRow.a_nummer)
    )
    return [(bsn, a_nummer) for bsn, a_nummer in removed.all()]


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


#: A stored persoonslijst's identity: its burgerservicenummer and A-nummer (either may be absent).
Identiteit = tuple[str | None, str | None]


def _chunks(values: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    wanted = sorted(set(values))
    for start in range(0, len(wanted), size):
        yield wanted[start : start + size]


async def stored_identities(
    session: AsyncSession | AsyncConnection, bsns: Iterable[str], a_nummers: Iterable[str] = ()
) -> list[Identiteit]:
    """The (BSN, A-nummer) of every stored persoonslijst that carries one of ``bsns`` or one of
    ``a_nummers``, once per persoonslijst."""
    found: dict[int, Identiteit] = {}
    columns = (PersoonslijstRow.id, PersoonslijstRow.burgerservicenummer, PersoonslijstRow.a_nummer)
    for column, values in ((PersoonslijstRow.burgerservicenummer, bsns), (PersoonslijstRow.a_nummer, a_nummers)):
        for chunk in _chunks(values):
            for pl_id, bsn, a_nummer in (await session.execute(select(*columns).where(column.in_(chunk)))).all():
                found[pl_id] = (bsn, a_nummer)
    return list(found.values())


#: A stored persoonslijst in brief: its burgerservicenummer, A-nummer and geslachtsnaam (the search
#: key: lower case, without diacritics); any of them may be absent.
Overzichtsregel = tuple[str | None, str | None, str | None]


async def overview(connection: AsyncConnection | AsyncSession) -> list[Overzichtsregel]:
    """One line (see :data:`Overzichtsregel`) per stored persoonslijst, in the order they were stored."""
    columns = (PersoonslijstRow.burgerservicenummer, PersoonslijstRow.a_nummer, PersoonslijstRow.geslachtsnaam)
    result = await connection.execute(select(*columns).order_by(PersoonslijstRow.id))
    return [(bsn, a_nummer, geslachtsnaam) for bsn, a_nummer, geslachtsnaam in result.all()]


async def delete_identified(
    session: AsyncSession, bsns: Iterable[str], a_nummers: Iterable[str] = ()
) -> list[Identiteit]:
    """Remove the persoonslijsten that carry one of ``bsns`` or one of ``a_nummers``; the identity of
    each one removed."""
    removed: list[Identiteit] = []
    for column, values in ((PersoonslijstRow.burgerservicenummer, bsns), (PersoonslijstRow.a_nummer, a_nummers)):
        for chunk in _chunks(values):
            removed += await _delete_where(session, column.in_(chunk))
    return removed


async def _delete_where(session: AsyncSession, condition: ColumnElement[bool]) -> list[Identiteit]:
    columns = (PersoonslijstRow.id, PersoonslijstRow.burgerservicenummer, PersoonslijstRow.a_nummer)
    found = (await session.execute(select(*columns).where(condition))).all()
    ids = [pl_id for pl_id, _bsn, _a_nummer in found]
    if ids:
        await session.execute(delete(AdreshoudingRow).where(AdreshoudingRow.persoonslijst_id.in_(ids)))
        await session.execute(delete(VoorkomenRow).where(VoorkomenRow.persoonslijst_id.in_(ids)))
        await session.execute(delete(PersoonslijstRow).where(PersoonslijstRow.id.in_(ids)))
    return [(bsn, a_nummer) for _pl_id, bsn, a_nummer in found]


async def first_bsn_between(connection: AsyncConnection | AsyncSession, first: str, last: str) -> str | None:
    """A stored burgerservicenummer from ``first`` to ``last`` (inclusive), ``None`` when the range is free."""
    return await connection.scalar(
        select(PersoonslijstRow.burgerservicenummer)
        .where(PersoonslijstRow.burgerservicenummer.between(first, last))
        .limit(1)
    )


async def bsn_in_gemeente(connection: AsyncConnection | AsyncSession, gemeentecode: str) -> str | None:
    """The burgerservicenummer of someone registered in ``gemeentecode``, ``None`` when nobody is."""
    return await connection.scalar(
        select(PersoonslijstRow.burgerservicenummer)
        .where(
            PersoonslijstRow.gemeente_van_inschrijving == gemeentecode,
            PersoonslijstRow.burgerservicenummer.is_not(None),
        )
        .order_by(PersoonslijstRow.id)
        .limit(1)
    )


#: All voorkomens of the persoonslijsten that a condition selects (built once; the condition is added).
_VOORKOMENS = select(
    VoorkomenRow.persoonslijst_id,
    VoorkomenRow.categorie,
    VoorkomenRow.stapel,
    VoorkomenRow.volgnummer,
    VoorkomenRow.elementen,
).join(PersoonslijstRow, PersoonslijstRow.id == VoorkomenRow.persoonslijst_id)
#: The same for a list of BSNs, built once with the list as its parameter.
_VOORKOMENS_BY_BSN = _VOORKOMENS.where(PersoonslijstRow.burgerservicenummer.in_(bindparam("bsns", expanding=True)))
_VOORKOMENS_BY_BSN_IN_CATEGORIEEN = _VOORKOMENS_BY_BSN.where(
    VoorkomenRow.categorie.in_(bindparam("categorieen", expanding=True))
)
#: The same by persoonslijst id.
_VOORKOMENS_BY_ID_IN_CATEGORIEEN = _VOORKOMENS.where(
    PersoonslijstRow.id.in_(bindparam("ids", expanding=True)),
    VoorkomenRow.categorie.in_(bindparam("categorieen", expanding=True)),
)


#: :data:`_VOORKOMENS_BY_BSN` for PostgreSQL's own driver, the BSNs as one array parameter.
_VOORKOMENS_BY_BSN_POSTGRESQL = f"""
SELECT v.persoonslijst_id, v.categorie, v.stapel, v.volgnummer, v.elementen
FROM {VoorkomenRow.__tablename__} v JOIN {PersoonslijstRow.__tablename__} p ON p.id = v.persoonslijst_id
WHERE p.burgerservicenummer = ANY($1::text[]) AND ($2::text[] IS NULL OR v.categorie = ANY($2::text[]))
"""


async def _load(
    connection: AsyncConnection, statement: Select[Any], parameters: dict[str, Any] | None = None
) -> dict[int, Persoonslijst]:
    return _grouped((await connection.execute(statement, parameters)).all())


def _grouped(rows: Iterable[Sequence[Any]]) -> dict[int, Persoonslijst]:
    per_lijst: dict[int, list[Voorkomen]] = {}
    for pl_id, categorie, stapel, volgnummer, elementen in rows:
        per_lijst.setdefault(pl_id, []).append(Voorkomen(categorie, stapel, volgnummer, elementen))
    return {pl_id: Persoonslijst.from_voorkomens(items, pl_id) for pl_id, items in per_lijst.items()}


async def load_by_bsn(
    connection: AsyncConnection, bsns: Sequence[str], categorieen: Collection[str] | None = None
) -> dict[str, list[Persoonslijst]]:
    """The persoonslijsten identified by each of ``bsns`` (absent ones are left out), with only the
    voorkomens of ``categorieen`` when given (an answer that needs no more). On PostgreSQL the query
    goes straight to the driver (a prepared statement, one round trip, no SQL to compile)."""
    if not bsns:
        return {}
    wanted = list(set(bsns))
    if connection.dialect.name == "postgresql":
        return await _fetch_by_bsn(await driver_connection(connection), wanted, categorieen)
    if categorieen is None:
        return _by_bsn(await _load(connection, _VOORKOMENS_BY_BSN, {"bsns": wanted}))
    parameters = {"bsns": wanted, "categorieen": sorted(categorieen)}
    return _by_bsn(await _load(connection, _VOORKOMENS_BY_BSN_IN_CATEGORIEEN, parameters))


async def lookup_by_bsn(
    database: Database, bsns: Sequence[str], categorieen: Collection[str] | None = None
) -> dict[str, list[Persoonslijst]]:
    """:func:`load_by_bsn` on a connection of its own, for the hot path: on PostgreSQL one from the
    driver's pool (:meth:`Database.driver`), with no SQLAlchemy in between."""
    if database.dialect != "postgresql" or not bsns:
        async with database.read() as connection:
            return await load_by_bsn(connection, bsns, categorieen)
    async with database.driver() as driver:
        return await _fetch_by_bsn(driver, list(set(bsns)), categorieen)


async def _fetch_by_bsn(
    driver: Any, bsns: list[str], categorieen: Collection[str] | None
) -> dict[str, list[Persoonslijst]]:
    """PostgreSQL: the persoonslijsten of ``bsns`` by one prepared statement on the driver."""
    wanted = None if categorieen is None else sorted(categorieen)
    return _by_bsn(_grouped(await driver.fetch(_VOORKOMENS_BY_BSN_POSTGRESQL, bsns, wanted)))


def _by_bsn(lijsten: dict[int, Persoonslijst]) -> dict[str, list[Persoonslijst]]:
    """The persoonslijsten by the BSN that identifies each (those without one are left out)."""
    result: dict[str, list[Persoonslijst]] = {}
    for _pl_id, lijst in sorted(lijsten.items()):
        bsn = identifying_bsn(lijst)
        if bsn:
            result.setdefault(bsn, []).append(lijst)
    return result


def _condition(match: Match) -> ColumnElement[bool]:
    column: InstrumentedAttribute[Any] = getattr(PersoonslijstRow, match.column)
    condition: ColumnElement[bool]
    if match.mode == "prefix":
        condition = column.like(f"{_escape(str(match.value))}%", escape="\\")
    elif match.mode == "suffix":
        condition = column.like(f"%{_escape(str(match.value))}", escape="\\")
    else:
        condition = column == match.value
    if match.diakrieten is None:
        return condition
    pattern = {"prefix": f"{match.diakrieten}%", "suffix": f"%{match.diakrieten}"}.get(match.mode, match.diakrieten)
    with_diacritics: InstrumentedAttribute[Any] = getattr(PersoonslijstRow, f"{match.column}_diakrieten")
    return and_(condition, with_diacritics.like(pattern))


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
    lijsten = await _load(connection, _VOORKOMENS.where(PersoonslijstRow.id.in_(ids)))
    return [lijsten[pl_id] for pl_id in ids if pl_id in lijsten]


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the persons' current verblijfplaats to BAG objects (relations
    ``verblijfsobject`` and ``nummeraanduiding`` of the catalogue), each person by its BSN
    (or ``pl:<id>`` without one)."""
    statement = select(
        PersoonslijstRow.id,
        PersoonslijstRow.burgerservicenummer,
        PersoonslijstRow.adresseerbaar_object_identificatie,
        PersoonslijstRow.nummeraanduiding_identificatie,
    ).where(
        (PersoonslijstRow.adresseerbaar_object_identificatie.is_not(None))
        | (PersoonslijstRow.nummeraanduiding_identificatie.is_not(None))
    )
    async with database.read() as connection:
        for pl_id, bsn, adresseerbaar_object, nummeraanduiding in (await connection.execute(statement)).all():
            van = bsn or f"pl:{pl_id}"
            if adresseerbaar_object:
                yield Verwijzing("verblijfsobject", van, adresseerbaar_object)
            if nummeraanduiding:
                yield Verwijzing("nummeraanduiding", van, nummeraanduiding)


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` (burgerservicenummers) are persons in the BRP; for ``gdi check``,
    which follows the links of other registries to a ``Persoon``."""
    if objecttype != "Persoon":
        return set()
    async with database.session() as session:
        return await existing_bsns(session, identificaties)


@dataclass(frozen=True, slots=True)
class Bewoning:
    """A stored adreshouding as a bewoning uses it: whose (the persoonslijst and its BSN), where
    (gemeente van inschrijving), when (its validity) and whether it is in onderzoek."""

    persoonslijst_id: int
    burgerservicenummer: str | None
    gemeente: str | None
    geldigheid: Geldigheid
    in_onderzoek: bool


_BEWONINGEN = select(
    AdreshoudingRow.persoonslijst_id,
    PersoonslijstRow.burgerservicenummer,
    AdreshoudingRow.gemeente_van_inschrijving,
    AdreshoudingRow.begin_vroegst,
    AdreshoudingRow.begin_zeker,
    AdreshoudingRow.einde_vroegst,
    AdreshoudingRow.einde_zeker,
    AdreshoudingRow.in_onderzoek,
).join(PersoonslijstRow, PersoonslijstRow.id == AdreshoudingRow.persoonslijst_id)


#: :data:`_BEWONINGEN` at one object in one period (built once, bound per question).
_BEWONINGEN_IN_PERIODE = _BEWONINGEN.where(
    AdreshoudingRow.adresseerbaar_object_identificatie == bindparam("object"),
    AdreshoudingRow.begin_vroegst < bindparam("tot"),
    AdreshoudingRow.einde_zeker > bindparam("van"),
).order_by(PersoonslijstRow.burgerservicenummer, AdreshoudingRow.persoonslijst_id, AdreshoudingRow.volgnummer)


async def bewoningen(connection: AsyncConnection, adresseerbaar_object: str, periode: Periode) -> list[Bewoning]:
    """The adreshoudingen at ``adresseerbaar_object`` that possibly held on some day of ``periode``,
    by BSN (an indexed lookup by adresseerbaar object)."""
    parameters = {"object": adresseerbaar_object, "tot": periode.tot, "van": periode.van}
    return [_bewoning(row) for row in (await connection.execute(_BEWONINGEN_IN_PERIODE, parameters)).all()]


def _bewoning(row: Sequence[Any]) -> Bewoning:
    pl_id, bsn, gemeente, begin_vroegst, begin_zeker, einde_vroegst, einde_zeker, in_onderzoek = row
    begin = Overgang(_day(begin_vroegst), _day(begin_zeker))
    einde = Overgang(_day(einde_vroegst), _day(einde_zeker))
    return Bewoning(pl_id, bsn, gemeente, Geldigheid(begin, einde), bool(in_onderzoek))


def _day(value: date | str) -> date:
    """A stored day (a date, or its ISO text where the driver gives that)."""
    return value if isinstance(value, date) else date.fromisoformat(value)


async def load_by_ids(
    connection: AsyncConnection, ids: Collection[int], categorieen: Collection[str]
) -> dict[int, Persoonslijst]:
    """The persoonslijsten stored under ``ids``, with only the voorkomens of ``categorieen``."""
    if not ids:
        return {}
    return await _load(
        connection, _VOORKOMENS_BY_ID_IN_CATEGORIEEN, {"ids": sorted(ids), "categorieen": sorted(categorieen)}
    )


async def volwassenen(connection: AsyncConnection, gemeentecode: str, geboren_uiterlijk: str) -> list[Any]:
    """The living persons registered in ``gemeentecode`` with a burgerservicenummer and a BAG
    address, born on or before ``geboren_uiterlijk`` (``YYYYMMDD``): rows of the number and the
    elements of the current categories 01 (``naam``) and 08 (``verblijfplaats``), by number."""
    lijst, naam, verblijfplaats = PersoonslijstRow, VoorkomenRow, aliased(VoorkomenRow)
    statement = (
        select(
            lijst.burgerservicenummer, naam.elementen.label("naam"), verblijfplaats.elementen.label("verblijfplaats")
        )
        .join(naam, (naam.persoonslijst_id == lijst.id) & (naam.categorie == "01") & (naam.volgnummer == 0))
        .join(
            verblijfplaats,
            (verblijfplaats.persoonslijst_id == lijst.id)
            & (verblijfplaats.categorie == "08")
            & (verblijfplaats.volgnummer == 0),
        )
        .where(
            lijst.gemeente_van_inschrijving == gemeentecode,
            lijst.overleden.is_(False),
            lijst.burgerservicenummer.is_not(None),
            lijst.adresseerbaar_object_identificatie.is_not(None),
            lijst.geboortedatum <= geboren_uiterlijk,
        )
        .order_by(lijst.burgerservicenummer)
    )
    return list((await connection.execute(statement)).all())


async def burgerservicenummers(connection: AsyncConnection) -> list[str]:
    """The burgerservicenummer of every persoonslijst that has one, in order (each once)."""
    statement = (
        select(PersoonslijstRow.burgerservicenummer)
        .where(PersoonslijstRow.burgerservicenummer.is_not(None))
        .distinct()
        .order_by(PersoonslijstRow.burgerservicenummer)
    )
    return [bsn for bsn in (await connection.scalars(statement)) if bsn]
