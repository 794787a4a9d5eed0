# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the WOZ: storing WOZ-objecten with their values and belanghebbenden, reading them
back, finding them by a belanghebbende or an address, and the references to other registries that
``gdi check`` follows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.registers.woz.domein import Belanghebbende, Waarde, WozObject
from opengdi.registers.woz.model import WozBelanghebbendeRow, WozObjectRow, WozWaardeRow

_OBJECT = WozObjectRow.metadata.tables[WozObjectRow.__tablename__]
_WAARDE = WozWaardeRow.metadata.tables[WozWaardeRow.__tablename__]
_BELANGHEBBENDE = WozBelanghebbendeRow.metadata.tables[WozBelanghebbendeRow.__tablename__]


@dataclass(frozen=True, slots=True)
class Zoekvraag:
    """One criterion of a search (an owner, a BAG object, or postcode and huisnummer)."""

    rsin: str | None = None
    kvk_nummer: str | None = None
    adresseerbaar_object: str | None = None
    nummeraanduiding: str | None = None
    postcode: str | None = None
    huisnummer: int | None = None


def _object_row(item: WozObject) -> dict[str, object]:
    aanduiding = item.aanduiding
    return {
        "identificatie": item.identificatie,
        "gemeentecode": item.gemeentecode,
        "adresseerbaar_object": item.adresseerbaar_object,
        "nummeraanduiding": item.nummeraanduiding,
        "postcode": aanduiding.get("postcode"),
        "huisnummer": aanduiding.get("huisnummer"),
        "gegevens": dict(item.gegevens),
    }


def _waarde_row(identificatie: str, waarde: Waarde) -> dict[str, object]:
    return {
        "identificatie": identificatie,
        "waardepeildatum": waarde.waardepeildatum,
        "vastgestelde_waarde": waarde.vastgestelde_waarde,
        "ingangsdatum": waarde.ingangsdatum,
        "indicatie_bezwaar_beroep": waarde.bezwaar_beroep,
        "gegevens": {"beschikkingsStatussen": list(waarde.statussen)},
    }


def _belanghebbende_row(identificatie: str, item: Belanghebbende) -> dict[str, object]:
    return {
        "identificatie": identificatie,
        "rol": item.rol,
        "soort": item.soort,
        "bsn": item.bsn,
        "rsin": item.rsin,
        "kvk_nummer": item.kvk_nummer,
        "vestigingsnummer": item.vestigingsnummer,
        "naam": item.naam,
    }


async def add_objecten(session: AsyncSession, items: Iterable[WozObject]) -> int:
    """Store WOZ-objecten with their values and belanghebbenden in the session's transaction; how many."""
    objecten = list(items)
    for table, rows in (
        (_OBJECT, [_object_row(item) for item in objecten]),
        (_WAARDE, [_waarde_row(item.identificatie, waarde) for item in objecten for waarde in item.waarden]),
        (
            _BELANGHEBBENDE,
            [_belanghebbende_row(item.identificatie, other) for item in objecten for other in item.belanghebbenden],
        ),
    ):
        if rows:
            await session.execute(table.insert(), rows)
    return len(objecten)


async def delete_all(session: AsyncSession) -> int:
    """Empty the WOZ; how many objects there were."""
    count = int(await session.scalar(select(func.count()).select_from(_OBJECT)) or 0)
    for table in (_BELANGHEBBENDE, _WAARDE, _OBJECT):
        await session.execute(delete(table))
    return count


async def count(connection: AsyncConnection) -> int:
    """How many WOZ-objecten the WOZ holds."""
    return int(await connection.scalar(select(func.count()).select_from(_OBJECT)) or 0)


async def objecten(connection: AsyncConnection, identificaties: Sequence[str]) -> list[WozObject]:
    """The WOZ-objecten with these numbers that exist, in this order, whole."""
    rows = {
        row.identificatie: row
        for row in await connection.execute(select(_OBJECT).where(_OBJECT.c.identificatie.in_(identificaties)))
    }
    waarden: dict[str, list[Waarde]] = {nummer: [] for nummer in rows}
    statement = (
        select(_WAARDE).where(_WAARDE.c.identificatie.in_(list(rows))).order_by(_WAARDE.c.waardepeildatum.desc())
    )
    for row in await connection.execute(statement):
        waarden[row.identificatie].append(
            Waarde(
                row.waardepeildatum,
                row.vastgestelde_waarde,
                row.ingangsdatum,
                tuple(row.gegevens.get("beschikkingsStatussen", ())),
                row.indicatie_bezwaar_beroep,
            )
        )
    belanghebbenden: dict[str, list[Belanghebbende]] = {nummer: [] for nummer in rows}
    statement = select(_BELANGHEBBENDE).where(_BELANGHEBBENDE.c.identificatie.in_(list(rows)))
    for row in await connection.execute(statement):
        belanghebbenden[row.identificatie].append(
            Belanghebbende(row.rol, row.soort, row.bsn, row.rsin, row.kvk_nummer, row.vestigingsnummer, row.naam)
        )
    return [
        _object(rows[nummer], waarden[nummer], belanghebbenden[nummer]) for nummer in identificaties if nummer in rows
    ]


def _object(row: Any, waarden: list[Waarde], belanghebbenden: list[Belanghebbende]) -> WozObject:
    return WozObject(
        row.identificatie,
        row.gemeentecode,
        row.gegevens,
        row.adresseerbaar_object,
        row.nummeraanduiding,
        tuple(waarden),
        tuple(sorted(belanghebbenden, key=lambda item: item.rol)),
    )


async def zoek(connection: AsyncConnection, vraag: Zoekvraag, limit: int) -> list[str]:
    """The numbers of the WOZ-objecten ``vraag`` finds, in order, at most ``limit``."""
    woz, belang = _OBJECT.c, _BELANGHEBBENDE.c
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (woz.adresseerbaar_object, vraag.adresseerbaar_object),
        (woz.nummeraanduiding, vraag.nummeraanduiding),
        (woz.postcode, vraag.postcode),
        (woz.huisnummer, vraag.huisnummer),
    ):
        if value is not None:
            conditions.append(column == value)
    for column, value in ((belang.rsin, vraag.rsin), (belang.kvk_nummer, vraag.kvk_nummer)):
        if value is not None:
            owned = select(belang.identificatie).where(belang.rol == "eigenaar", column == value)
            conditions.append(woz.identificatie.in_(owned))
    statement = select(woz.identificatie).where(*conditions).order_by(woz.identificatie).limit(limit)
    return list((await connection.scalars(statement)).all())


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` the WOZ holds as WOZ-objecten."""
    if objecttype != "WozObject":
        return set()
    column = _OBJECT.c.identificatie
    async with database.read() as connection:
        return set((await connection.scalars(select(column).where(column.in_(identificaties)))).all())


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the WOZ (relations of the catalogue), from the objectnummer: to the BAG
    (``adresseerbaarObject``, ``nummeraanduiding``), to the BRP (``belanghebbendePersoon``) and to
    the NHR (``belanghebbendeRechtspersoon``, ``belanghebbendeOnderneming``, ``belanghebbendeVestiging``)."""
    woz, belang = _OBJECT.c, _BELANGHEBBENDE.c
    async with database.read() as connection:
        adressen = select(woz.identificatie, woz.adresseerbaar_object, woz.nummeraanduiding)
        for nummer, adresseerbaar_object, nummeraanduiding in (await connection.execute(adressen)).all():
            if adresseerbaar_object:
                yield Verwijzing("adresseerbaarObject", nummer, adresseerbaar_object)
            if nummeraanduiding:
                yield Verwijzing("nummeraanduiding", nummer, nummeraanduiding)
        personen = select(belang.identificatie, belang.bsn, belang.rsin, belang.kvk_nummer, belang.vestigingsnummer)
        for nummer, bsn, rsin, kvk_nummer, vestigingsnummer in (await connection.execute(personen)).all():
            for relatie, naar in (
                ("belanghebbendePersoon", bsn),
                ("belanghebbendeRechtspersoon", rsin),
                ("belanghebbendeOnderneming", kvk_nummer),
                ("belanghebbendeVestiging", vestigingsnummer),
            ):
                if naar:
                    yield Verwijzing(relatie, nummer, naar)
