# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the BRK: storing kadastrale onroerende zaken with their gerechtigden, reading them
back, finding them by kadastrale aanduiding, address or gerechtigde, and the references to other
registries that ``gdi check`` follows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.registers.brk.domein import Aanduiding, Gerechtigde, KadastraalOnroerendeZaak
from opengdi.registers.brk.model import KadastraalOnroerendeZaakRow, ZakelijkGerechtigdeRow

_ZAAK = KadastraalOnroerendeZaakRow.metadata.tables[KadastraalOnroerendeZaakRow.__tablename__]
_GERECHTIGDE = ZakelijkGerechtigdeRow.metadata.tables[ZakelijkGerechtigdeRow.__tablename__]


@dataclass(frozen=True, slots=True)
class Zoekvraag:
    """One category of search: a kadastrale aanduiding, an address, or a gerechtigde."""

    aanduiding: Aanduiding | None = None
    postcode: str | None = None
    huisnummer: int | None = None
    nummeraanduiding: str | None = None
    bsn: str | None = None
    rsin: str | None = None
    uit_splitsing: bool = False  # also the appartementsrechten of a grondperceel found


def _zaak_row(zaak: KadastraalOnroerendeZaak) -> dict[str, object]:
    adres: dict[str, Any] = next(iter(zaak.gegevens.get("adressen", ())), {})
    return {
        "identificatie": zaak.identificatie,
        "type": zaak.type,
        "kadastrale_gemeente": zaak.aanduiding.sleutel,
        "sectie": zaak.aanduiding.sectie,
        "perceelnummer": zaak.aanduiding.perceelnummer,
        "appartementsindex": zaak.aanduiding.appartementsindex,
        "adresseerbaar_object": zaak.adresseerbaar_object,
        "nummeraanduiding": zaak.nummeraanduiding,
        "postcode": adres.get("postcode"),
        "huisnummer": adres.get("huisnummer"),
        "gegevens": {**zaak.gegevens, "kadastraleGemeente": zaak.aanduiding.gemeente},
    }


def _gerechtigde_row(koz: str, item: Gerechtigde) -> dict[str, object]:
    return {
        "koz": koz,
        "identificatie": item.identificatie,
        "type": item.type,
        "persoon_type": item.persoon_type,
        "bsn": item.bsn,
        "rsin": item.rsin,
        "naam": item.naam,
        "teller": item.teller,
        "noemer": item.noemer,
        "aanvangsdatum": item.aanvangsdatum,
    }


async def add_zaken(session: AsyncSession, items: Iterable[KadastraalOnroerendeZaak]) -> int:
    """Store zaken with their gerechtigden in the session's transaction; how many."""
    zaken = list(items)
    if zaken:
        await session.execute(_ZAAK.insert(), [_zaak_row(item) for item in zaken])
    rows = [_gerechtigde_row(item.identificatie, other) for item in zaken for other in item.gerechtigden]
    if rows:
        await session.execute(_GERECHTIGDE.insert(), rows)
    return len(zaken)


async def delete_all(session: AsyncSession) -> int:
    """Empty the BRK; how many zaken there were."""
    count = int(await session.scalar(select(func.count()).select_from(_ZAAK)) or 0)
    await session.execute(delete(_GERECHTIGDE))
    await session.execute(delete(_ZAAK))
    return count


async def count(database: Database) -> int:
    """How many zaken the BRK holds."""
    async with database.read() as connection:
        return int(await connection.scalar(select(func.count()).select_from(_ZAAK)) or 0)


#: The reads of a zaak, straight to the driver on PostgreSQL (prepared once, no SQL compiled per request).
_ZAAK_KOLOMMEN = (
    "identificatie",
    "type",
    "sectie",
    "perceelnummer",
    "appartementsindex",
    "adresseerbaar_object",
    "nummeraanduiding",
    "gegevens",
)
_GERECHTIGDE_KOLOMMEN = (
    "koz",
    "identificatie",
    "type",
    "persoon_type",
    "teller",
    "noemer",
    "bsn",
    "rsin",
    "naam",
    "aanvangsdatum",
)
_DRIVER_ZAKEN = (
    f"SELECT {', '.join(_ZAAK_KOLOMMEN[:-1])}, gegevens::text FROM brk_kadastraal_onroerende_zaak "
    "WHERE identificatie = ANY($1::text[])",
    f"SELECT {', '.join(_GERECHTIGDE_KOLOMMEN)} FROM brk_zakelijk_gerechtigde WHERE koz = ANY($1::text[]) "
    "ORDER BY koz, identificatie",
)
_DRIVER_OP_NUMMERAANDUIDING = (
    "SELECT identificatie FROM brk_kadastraal_onroerende_zaak WHERE nummeraanduiding = $1 "
    "ORDER BY identificatie LIMIT $2"
)


async def zaken(database: Database, identificaties: Sequence[str]) -> list[KadastraalOnroerendeZaak]:
    """The zaken with these identificaties that exist, in this order, with their gerechtigden."""
    if not identificaties:
        return []
    if database.dialect == "postgresql":
        async with database.driver() as driver:
            rows, gerechtigden = [await driver.fetch(statement, list(identificaties)) for statement in _DRIVER_ZAKEN]
        return _zaken(identificaties, rows, gerechtigden, decode=orjson.loads)
    async with database.read() as connection:
        rows = list(
            await connection.execute(
                select(*(_ZAAK.c[name] for name in _ZAAK_KOLOMMEN)).where(_ZAAK.c.identificatie.in_(identificaties))
            )
        )
        statement = (
            select(*(_GERECHTIGDE.c[name] for name in _GERECHTIGDE_KOLOMMEN))
            .where(_GERECHTIGDE.c.koz.in_(identificaties))
            .order_by(_GERECHTIGDE.c.koz, _GERECHTIGDE.c.identificatie)
        )
        gerechtigden = list(await connection.execute(statement))
    return _zaken(identificaties, rows, gerechtigden, decode=lambda value: value)


def _zaken(
    identificaties: Sequence[str],
    rows: Sequence[Sequence[Any]],
    gerechtigde_rows: Sequence[Sequence[Any]],
    *,
    decode: Callable[[Any], Any],
) -> list[KadastraalOnroerendeZaak]:
    """The zaken of the rows of the two reads (columns as :data:`_ZAAK_KOLOMMEN` and
    :data:`_GERECHTIGDE_KOLOMMEN`; ``decode`` turns a stored document into a mapping)."""
    gerechtigden: dict[str, list[Gerechtigde]] = defaultdict(list)
    for koz, *rest in gerechtigde_rows:
        gerechtigden[koz].append(Gerechtigde(*rest))
    found = {}
    for identificatie, soort, sectie, perceelnummer, index, ao, nummeraanduiding, document in rows:
        gegevens = dict(decode(document))
        aanduiding = Aanduiding(gegevens.pop("kadastraleGemeente"), sectie, perceelnummer, index)
        found[identificatie] = KadastraalOnroerendeZaak(
            identificatie, soort, aanduiding, gegevens, ao, nummeraanduiding, tuple(gerechtigden[identificatie])
        )
    return [found[nummer] for nummer in identificaties if nummer in found]


async def zoek(database: Database, vraag: Zoekvraag, limit: int) -> list[str]:
    """The identificaties of the zaken ``vraag`` finds, in order, at most ``limit`` (a search by
    nummeraanduiding, the lookup by BAG address, on PostgreSQL straight to the driver)."""
    if database.dialect == "postgresql" and vraag == Zoekvraag(nummeraanduiding=vraag.nummeraanduiding):
        async with database.driver() as driver:
            return [row[0] for row in await driver.fetch(_DRIVER_OP_NUMMERAANDUIDING, vraag.nummeraanduiding, limit)]
    zaak, gerechtigde = _ZAAK.c, _GERECHTIGDE.c
    conditions: list[ColumnElement[bool]] = []
    if vraag.aanduiding is not None:
        conditions += [
            zaak.kadastrale_gemeente == vraag.aanduiding.sleutel,
            zaak.sectie == vraag.aanduiding.sectie,
            zaak.perceelnummer == vraag.aanduiding.perceelnummer,
        ]
        index = vraag.aanduiding.appartementsindex
        conditions.append(zaak.appartementsindex.is_(None) if index is None else zaak.appartementsindex == index)
    for column, value in (
        (zaak.postcode, vraag.postcode),
        (zaak.huisnummer, vraag.huisnummer),
        (zaak.nummeraanduiding, vraag.nummeraanduiding),
    ):
        if value is not None:
            conditions.append(column == value)
    for column, value in ((gerechtigde.bsn, vraag.bsn), (gerechtigde.rsin, vraag.rsin)):
        if value is not None:
            conditions.append(zaak.identificatie.in_(select(gerechtigde.koz).where(column == value)))
    statement = select(zaak.identificatie).where(*conditions).order_by(zaak.identificatie).limit(limit)
    async with database.read() as connection:
        return list((await connection.scalars(statement)).all())


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` the BRK holds as kadastrale onroerende zaken."""
    if objecttype != "KadastraalOnroerendeZaak":
        return set()
    column = _ZAAK.c.identificatie
    async with database.read() as connection:
        return set((await connection.scalars(select(column).where(column.in_(identificaties)))).all())


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the BRK (relations of the catalogue), from the zaak's identificatie: to the
    BAG (``adresseerbaarObject``, ``nummeraanduiding``), to the BRP (``gerechtigdePersoon``) and to
    the NHR (``gerechtigdeRechtspersoon``)."""
    zaak, gerechtigde = _ZAAK.c, _GERECHTIGDE.c
    async with database.read() as connection:
        adressen = select(zaak.identificatie, zaak.adresseerbaar_object, zaak.nummeraanduiding)
        for nummer, adresseerbaar_object, nummeraanduiding in (await connection.execute(adressen)).all():
            if adresseerbaar_object:
                yield Verwijzing("adresseerbaarObject", nummer, adresseerbaar_object)
            if nummeraanduiding:
                yield Verwijzing("nummeraanduiding", nummer, nummeraanduiding)
        personen = select(gerechtigde.koz, gerechtigde.bsn, gerechtigde.rsin)
        for nummer, bsn, rsin in (await connection.execute(personen)).all():
            if bsn:
                yield Verwijzing("gerechtigdePersoon", nummer, bsn)
            if rsin:
                yield Verwijzing("gerechtigdeRechtspersoon", nummer, rsin)
