# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the WOZ: storing WOZ-objecten with their values and belanghebbenden, reading them
back, finding them by a belanghebbende or an address, and the references to other registries that
``gdi check`` follows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
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


#: The reads of a lookup, straight to the driver on PostgreSQL (prepared once, no SQL compiled per
#: request): the numbers a criterion finds, then the objects, their values and belanghebbenden.
_DRIVER_ZOEK = {
    "adresseerbaar_object": "SELECT identificatie FROM woz_object WHERE adresseerbaar_object = $1",
    "nummeraanduiding": "SELECT identificatie FROM woz_object WHERE nummeraanduiding = $1",
    "rsin": "SELECT identificatie FROM woz_belanghebbende WHERE rol = 'eigenaar' AND rsin = $1",
    "kvk_nummer": "SELECT identificatie FROM woz_belanghebbende WHERE rol = 'eigenaar' AND kvk_nummer = $1",
}
_DRIVER_OP_ADRES = "SELECT identificatie FROM woz_object WHERE postcode = $1 AND huisnummer = $2"
_OBJECT_KOLOMMEN = ("identificatie", "gemeentecode", "gegevens", "adresseerbaar_object", "nummeraanduiding")
_WAARDE_KOLOMMEN = (
    "identificatie",
    "waardepeildatum",
    "vastgestelde_waarde",
    "ingangsdatum",
    "gegevens",
    "indicatie_bezwaar_beroep",
)
_BELANG_KOLOMMEN = ("identificatie", "rol", "soort", "bsn", "rsin", "kvk_nummer", "vestigingsnummer", "naam")
_DRIVER_OBJECTEN = (
    "SELECT identificatie, gemeentecode, gegevens::text, adresseerbaar_object, nummeraanduiding "
    "FROM woz_object WHERE identificatie = ANY($1::text[])",
    "SELECT identificatie, waardepeildatum, vastgestelde_waarde, ingangsdatum, gegevens::text, "
    "indicatie_bezwaar_beroep FROM woz_waarde WHERE identificatie = ANY($1::text[]) ORDER BY waardepeildatum DESC",
    f"SELECT {', '.join(_BELANG_KOLOMMEN)} FROM woz_belanghebbende WHERE identificatie = ANY($1::text[])",
)


async def objecten(database: Database, identificaties: Sequence[str]) -> list[WozObject]:
    """The WOZ-objecten with these numbers that exist, in this order, whole."""
    if not identificaties:
        return []
    if database.dialect == "postgresql":
        async with database.driver() as driver:
            rows = [await driver.fetch(statement, list(identificaties)) for statement in _DRIVER_OBJECTEN]
        return _objecten(identificaties, *rows, decode=orjson.loads)
    async with database.read() as connection:
        statements = (
            select(*(_OBJECT.c[name] for name in _OBJECT_KOLOMMEN)).where(_OBJECT.c.identificatie.in_(identificaties)),
            select(*(_WAARDE.c[name] for name in _WAARDE_KOLOMMEN))
            .where(_WAARDE.c.identificatie.in_(identificaties))
            .order_by(_WAARDE.c.waardepeildatum.desc()),
            select(*(_BELANGHEBBENDE.c[name] for name in _BELANG_KOLOMMEN)).where(
                _BELANGHEBBENDE.c.identificatie.in_(identificaties)
            ),
        )
        rows = [list(await connection.execute(statement)) for statement in statements]
    return _objecten(identificaties, *rows, decode=lambda value: value)


def _objecten(
    identificaties: Sequence[str],
    object_rows: Sequence[Sequence[Any]],
    waarde_rows: Sequence[Sequence[Any]],
    belang_rows: Sequence[Sequence[Any]],
    *,
    decode: Callable[[Any], Any],
) -> list[WozObject]:
    """The objects of the rows of the three reads (their columns as :data:`_DRIVER_OBJECTEN` has
    them; ``decode`` turns a stored document into a mapping)."""
    waarden: dict[str, list[Waarde]] = defaultdict(list)
    for nummer, peildatum, waarde, ingang, gegevens, bezwaar in waarde_rows:
        statussen = tuple(decode(gegevens).get("beschikkingsStatussen", ()))
        waarden[nummer].append(Waarde(peildatum, waarde, ingang, statussen, bezwaar))
    belanghebbenden: dict[str, list[Belanghebbende]] = defaultdict(list)
    for nummer, *rest in belang_rows:
        belanghebbenden[nummer].append(Belanghebbende(*rest))
    found = {
        row[0]: WozObject(
            row[0],
            row[1],
            decode(row[2]),
            row[3],
            row[4],
            tuple(waarden[row[0]]),
            tuple(sorted(belanghebbenden[row[0]], key=lambda item: item.rol)),
        )
        for row in object_rows
    }
    return [found[nummer] for nummer in identificaties if nummer in found]


async def zoek(database: Database, vraag: Zoekvraag, limit: int) -> list[str]:
    """The numbers of the WOZ-objecten ``vraag`` finds, in order, at most ``limit``."""
    if database.dialect == "postgresql":
        return await _zoek_driver(database, vraag, limit)
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
    async with database.read() as connection:
        return list((await connection.scalars(statement)).all())


async def _zoek_driver(database: Database, vraag: Zoekvraag, limit: int) -> list[str]:
    """:func:`zoek` on PostgreSQL: one criterion (the API allows no more), straight to the driver."""
    order = " ORDER BY identificatie LIMIT "
    parameters: tuple[Any, ...]
    if vraag.postcode is not None and vraag.huisnummer is not None:
        statement, parameters = f"{_DRIVER_OP_ADRES}{order}$3", (vraag.postcode, vraag.huisnummer, limit)
    else:
        name, value = next((name, getattr(vraag, name)) for name in _DRIVER_ZOEK if getattr(vraag, name) is not None)
        statement, parameters = f"{_DRIVER_ZOEK[name]}{order}$2", (value, limit)
    async with database.driver() as driver:
        return [row[0] for row in await driver.fetch(statement, *parameters)]


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` the WOZ holds as WOZ-objecten."""
    if objecttype != "WozObject":
        return set()
    column = _OBJECT.c.identificatie
    async with database.read() as connection:
        return set((await connection.scalars(select(column).where(column.in_(identificaties)))).all())


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the WOZ (relations of the catalogue), from the objectnummer: to the BAG
    (``adresseerbaarObject``, ``nummeraanduiding``), to the BRK (``kadastraalOnroerendeZaak``), to
    the BRP (``belanghebbendePersoon``) and to the NHR (``belanghebbendeRechtspersoon``,
    ``belanghebbendeOnderneming``, ``belanghebbendeVestiging``)."""
    woz, belang = _OBJECT.c, _BELANGHEBBENDE.c
    async with database.read() as connection:
        adressen = select(woz.identificatie, woz.adresseerbaar_object, woz.nummeraanduiding)
        for nummer, adresseerbaar_object, nummeraanduiding in (await connection.execute(adressen)).all():
            if adresseerbaar_object:
                yield Verwijzing("adresseerbaarObject", nummer, adresseerbaar_object)
            if nummeraanduiding:
                yield Verwijzing("nummeraanduiding", nummer, nummeraanduiding)
        zaken = select(woz.identificatie, woz.gegevens)
        for nummer, gegevens in (await connection.execute(zaken)).all():
            for zaak in gegevens.get("kadastraalOnroerendeZaken", ()):
                yield Verwijzing("kadastraalOnroerendeZaak", nummer, zaak["identificatie"])
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
