# SPDX-License-Identifier: EUPL-1.2
"""The writing side of the BAG's tables: the records of an extract stored in bulk, and the
bookkeeping of a levering (which of its XML files are loaded) that makes an import resumable.

Bulk writes take the fastest path of the dialect: COPY on PostgreSQL, one executemany on SQLite,
both inside the caller's transaction (the unit of work), so one XML file of an extract and the
record that it was loaded commit together. The reading side is :mod:`~opengdi.registers.bag.repository`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Database, transaction_driver
from opengdi.kernel.tekst import fold
from opengdi.registers.bag.extract import GemeenteWoonplaats, KenmerkInOnderzoek, Levering, Voorkomen
from opengdi.registers.bag.model import (
    GemeenteWoonplaatsRow,
    KenmerkInOnderzoekRow,
    LeveringDeelRow,
    LeveringRow,
    RelatieRow,
    VoorkomenRow,
    ZoekadresRow,
    ZoektermRow,
)

_VOORKOMEN = VoorkomenRow.metadata.tables[VoorkomenRow.__tablename__]
_RELATIE = RelatieRow.metadata.tables[RelatieRow.__tablename__]
_KENMERK = KenmerkInOnderzoekRow.metadata.tables[KenmerkInOnderzoekRow.__tablename__]
_GEMEENTE_WOONPLAATS = GemeenteWoonplaatsRow.metadata.tables[GemeenteWoonplaatsRow.__tablename__]
_JSON_COLUMNS = frozenset({"gegevens", "geometrie"})
#: The tables of the BAG, emptied children first.
_TABLES: tuple[Table, ...] = (
    ZoektermRow.metadata.tables[ZoektermRow.__tablename__],
    ZoekadresRow.metadata.tables[ZoekadresRow.__tablename__],
    _RELATIE,
    _VOORKOMEN,
    _KENMERK,
    _GEMEENTE_WOONPLAATS,
    LeveringDeelRow.metadata.tables[LeveringDeelRow.__tablename__],
    LeveringRow.metadata.tables[LeveringRow.__tablename__],
)


def _voorkomen_row(voorkomen: Voorkomen, levering_id: int | None) -> dict[str, Any]:
    box = voorkomen.bbox or (None, None, None, None)
    gegevens = voorkomen.gegevens
    naam = gegevens.get("naam") if voorkomen.objecttype in ("WPL", "OPR") else None
    return {
        "objecttype": voorkomen.objecttype,
        "identificatie": voorkomen.identificatie,
        "voorkomenidentificatie": voorkomen.voorkomenidentificatie,
        "begin_geldigheid": voorkomen.begin_geldigheid,
        "eind_geldigheid": voorkomen.eind_geldigheid,
        "tijdstip_registratie": voorkomen.tijdstip_registratie,
        "eind_registratie": voorkomen.eind_registratie,
        "tijdstip_inactief": voorkomen.tijdstip_inactief,
        "tijdstip_registratie_lv": voorkomen.tijdstip_registratie_lv,
        "tijdstip_eind_registratie_lv": voorkomen.tijdstip_eind_registratie_lv,
        "tijdstip_inactief_lv": voorkomen.tijdstip_inactief_lv,
        "tijdstip_niet_bag_lv": voorkomen.tijdstip_niet_bag_lv,
        "status": voorkomen.status,
        "geconstateerd": voorkomen.geconstateerd,
        "documentdatum": voorkomen.documentdatum,
        "documentnummer": voorkomen.documentnummer,
        "gegevens": gegevens,
        "geometrie": voorkomen.geometrie,
        "min_x": box[0],
        "min_y": box[1],
        "max_x": box[2],
        "max_y": box[3],
        "postcode": gegevens.get("postcode") if voorkomen.objecttype == "NUM" else None,
        "huisnummer": gegevens.get("huisnummer") if voorkomen.objecttype == "NUM" else None,
        "naam": fold(naam)[:80] if naam else None,
        "levering_id": levering_id,
    }


def _relatie_rows(voorkomen: Voorkomen) -> list[dict[str, Any]]:
    return [
        {
            "identificatie": voorkomen.identificatie,
            "voorkomenidentificatie": voorkomen.voorkomenidentificatie,
            "tijdstip_registratie_lv": voorkomen.tijdstip_registratie_lv,
            "soort": soort,
            "doel": doel,
        }
        for soort, doel in dict.fromkeys(voorkomen.relaties)
    ]


def _kenmerk_row(kenmerk: KenmerkInOnderzoek, levering_id: int | None) -> dict[str, Any]:
    return {
        "objecttype": kenmerk.objecttype,
        "identificatie": kenmerk.identificatie,
        "kenmerk": kenmerk.kenmerk,
        "in_onderzoek": kenmerk.in_onderzoek,
        "documentdatum": kenmerk.documentdatum,
        "documentnummer": kenmerk.documentnummer,
        "begin_geldigheid": kenmerk.begin_geldigheid,
        "eind_geldigheid": kenmerk.eind_geldigheid,
        "tijdstip_registratie": kenmerk.tijdstip_registratie,
        "eind_registratie": kenmerk.eind_registratie,
        "tijdstip_registratie_lv": kenmerk.tijdstip_registratie_lv,
        "tijdstip_eind_registratie_lv": kenmerk.tijdstip_eind_registratie_lv,
        "levering_id": levering_id,
    }


def _gemeente_woonplaats_row(relatie: GemeenteWoonplaats) -> dict[str, Any]:
    return {
        "woonplaats": relatie.woonplaats,
        "gemeente": relatie.gemeente,
        "begin_geldigheid": relatie.begin_geldigheid,
        "eind_geldigheid": relatie.eind_geldigheid,
        "status": relatie.status,
    }


async def add_voorkomens(
    session: AsyncSession, voorkomens: Sequence[Voorkomen], levering_id: int | None = None
) -> None:
    """Store ``voorkomens`` and their relations in the session's transaction."""
    await bulk_insert(session, _VOORKOMEN, [_voorkomen_row(item, levering_id) for item in voorkomens])
    await bulk_insert(session, _RELATIE, [row for item in voorkomens for row in _relatie_rows(item)])


async def add_kenmerken(
    session: AsyncSession, kenmerken: Sequence[KenmerkInOnderzoek], levering_id: int | None = None
) -> None:
    """Store onderzoek marks in the session's transaction."""
    await bulk_insert(session, _KENMERK, [_kenmerk_row(item, levering_id) for item in kenmerken])


async def add_gemeente_woonplaatsen(session: AsyncSession, relaties: Sequence[GemeenteWoonplaats]) -> None:
    """Store gemeente–woonplaats periods in the session's transaction (a period already stored is kept)."""
    rows = list(
        {
            (row["woonplaats"], row["gemeente"], row["begin_geldigheid"]): row
            for row in map(_gemeente_woonplaats_row, relaties)
        }.values()
    )
    stored = set(
        (
            await session.execute(
                select(
                    GemeenteWoonplaatsRow.woonplaats,
                    GemeenteWoonplaatsRow.gemeente,
                    GemeenteWoonplaatsRow.begin_geldigheid,
                )
            )
        ).all()
    )
    await bulk_insert(
        session,
        _GEMEENTE_WOONPLAATS,
        [row for row in rows if (row["woonplaats"], row["gemeente"], row["begin_geldigheid"]) not in stored],
    )


async def bulk_insert(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` in the caller's transaction: COPY on PostgreSQL, one executemany elsewhere."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        await session.execute(insert(table), rows)
        return
    columns = tuple(rows[0])
    driver = await transaction_driver(session)
    await driver.copy_records_to_table(
        table.name,
        columns=columns,
        records=[
            tuple(
                orjson.dumps(row[column]).decode()
                if column in _JSON_COLUMNS and row[column] is not None
                else row[column]
                for column in columns
            )
            for row in rows
        ],
    )


async def levering(session: AsyncSession, bestandsnaam: str, stand: Levering) -> LeveringRow | None:
    """The levering of this file and stand, when an import of it was begun before."""
    return (
        await session.scalars(
            select(LeveringRow).where(
                LeveringRow.bestandsnaam == bestandsnaam,
                LeveringRow.gebied == stand.gebied,
                LeveringRow.standtechnische_datum == stand.standtechnische_datum,
            )
        )
    ).first()


async def other_leveringen(session: AsyncSession, levering_id: int | None) -> list[LeveringRow]:
    """The leveringen stored besides ``levering_id``."""
    statement = select(LeveringRow).order_by(LeveringRow.id)
    if levering_id is not None:
        statement = statement.where(LeveringRow.id != levering_id)
    return list((await session.scalars(statement)).all())


async def begin_levering(session: AsyncSession, bestandsnaam: str, stand: Levering) -> LeveringRow:
    """Record that an import of this file and stand begins."""
    row = LeveringRow(
        bestandsnaam=bestandsnaam, gebied=stand.gebied, standtechnische_datum=stand.standtechnische_datum, aantallen={}
    )
    session.add(row)
    await session.flush()
    return row


async def loaded_delen(session: AsyncSession, levering_id: int) -> dict[str, int]:
    """The XML files of a levering that were loaded whole, with their record counts."""
    rows = await session.execute(
        select(LeveringDeelRow.deel, LeveringDeelRow.records).where(LeveringDeelRow.levering_id == levering_id)
    )
    return dict(rows.all())


async def mark_deel_loaded(session: AsyncSession, levering_id: int, deel: str, inhoud: str, records: int) -> None:
    """Record that one XML file of a levering was loaded whole (in the transaction that loaded it)."""
    row = {"levering_id": levering_id, "deel": deel, "inhoud": inhoud, "records": records}
    await session.execute(insert(LeveringDeelRow), [row])


async def count_loaded(session: AsyncSession, levering_id: int) -> dict[str, int]:
    """The records a levering loaded, per kind of content (``VBO``, ``onderzoek VBO``, …)."""
    rows = await session.execute(
        select(LeveringDeelRow.inhoud, func.sum(LeveringDeelRow.records))
        .where(LeveringDeelRow.levering_id == levering_id)
        .group_by(LeveringDeelRow.inhoud)
    )
    return {inhoud: int(total or 0) for inhoud, total in rows.all()}


async def finish_levering(session: AsyncSession, row: LeveringRow, aantallen: dict[str, int]) -> None:
    """Record that a levering was loaded whole, with its record counts per kind."""
    row.aantallen = aantallen
    row.klaar_op = datetime.now(UTC)
    await session.flush()


async def delete_all(session: AsyncSession) -> int:
    """Empty the BAG; how many voorkomens there were."""
    count = int(await session.scalar(select(func.count()).select_from(VoorkomenRow)) or 0)
    for table in _TABLES:
        await session.execute(delete(table))
    session.expunge_all()  # the rows the session held are gone
    return count


async def analyze(database: Database) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk load."""
    if database.dialect == "postgresql":
        async with database.connect() as connection:
            for table in _TABLES:
                await connection.execute(text(f"ANALYZE {table.name}"))
            await connection.commit()
