# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the Handelsregister: storing enterprises with their vestigingen and functionarissen,
reading them back, finding the enterprises a Zoeken question may concern by its most selective
criterion, finding enterprises and vestigingen by the criteria of the HR API (all of them in SQL),
and the references to and from other registries that ``gdi check`` follows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Row, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.kernel.tekst import fold
from opengdi.registers.nhr.bevragen import Criteria
from opengdi.registers.nhr.domein import BEZOEKADRES, Bedrijf, Functionaris, Onderneming, Vestiging, zoeknaam
from opengdi.registers.nhr.model import FunctionarisRow, MaatschappelijkeActiviteitRow, VestigingRow
from opengdi.registers.nhr.zoeken import MAX_RESULTATEN, Zoekvraag

_ACTIVITEIT = MaatschappelijkeActiviteitRow.metadata.tables[MaatschappelijkeActiviteitRow.__tablename__]
_VESTIGING = VestigingRow.metadata.tables[VestigingRow.__tablename__]
_FUNCTIONARIS = FunctionarisRow.metadata.tables[FunctionarisRow.__tablename__]


def _activiteit_row(onderneming: Onderneming) -> dict[str, object]:
    aanvang, einde = onderneming.periode
    statutair = onderneming.gegevens.get("statutaireNaam")
    namen = [onderneming.naam, *([statutair] if statutair else [])]
    return {
        "kvk_nummer": onderneming.kvk_nummer,
        "naam": onderneming.naam,
        "naam_zoek": zoeknaam(*namen),
        "rechtsvorm": onderneming.rechtsvorm,
        "rsin": onderneming.rsin,
        "eigenaar_bsn": onderneming.eigenaar_bsn,
        "datum_aanvang": aanvang,
        "datum_einde": einde,
        "gegevens": dict(onderneming.gegevens),
    }


def _vestiging_row(vestiging: Vestiging) -> dict[str, object]:
    bezoek = vestiging.adres(BEZOEKADRES) or {}
    aanvang, einde = vestiging.periode
    return {
        "vestigingsnummer": vestiging.vestigingsnummer,
        "kvk_nummer": vestiging.kvk_nummer,
        "hoofdvestiging": vestiging.hoofdvestiging,
        "naam": vestiging.naam,
        "naam_zoek": zoeknaam(*vestiging.handelsnamen),
        "straat_zoek": fold(bezoek["straatnaam"])[:80] if bezoek.get("straatnaam") else None,
        "plaats_zoek": fold(bezoek["plaats"])[:80] if bezoek.get("plaats") else None,
        "postcode": bezoek.get("postcode"),
        "huisnummer": bezoek.get("huisnummer"),
        "postbusnummer": next(
            (item["postbusnummer"] for item in vestiging.gegevens.get("adressen", ()) if item.get("postbusnummer")),
            None,
        ),
        "nummeraanduiding": vestiging.nummeraanduiding,
        "adresseerbaar_object": vestiging.adresseerbaar_object,
        "datum_aanvang": aanvang,
        "datum_einde": einde,
        "gegevens": dict(vestiging.gegevens),
    }


def _functionaris_row(functionaris: Functionaris) -> dict[str, object]:
    return {
        "kvk_nummer": functionaris.kvk_nummer,
        "volgnummer": functionaris.volgnummer,
        "groep": functionaris.groep,
        "functie": functionaris.functie,
        "naam": functionaris.naam,
        "bsn": functionaris.bsn,
        "rsin": functionaris.rsin,
        "hr_persoon": functionaris.hr_persoon,
        "datum_aanvang": functionaris.datum_aanvang,
        "datum_einde": functionaris.datum_einde,
        "gegevens": dict(functionaris.gegevens),
    }


async def add_ondernemingen(session: AsyncSession, items: Iterable[Bedrijf]) -> int:
    """Store enterprises with their vestigingen and functionarissen in the session's transaction; how many."""
    bedrijven = list(items)
    if not bedrijven:
        return 0
    await session.execute(_ACTIVITEIT.insert(), [_activiteit_row(item.onderneming) for item in bedrijven])
    for table, rows in (
        (_VESTIGING, [_vestiging_row(vestiging) for item in bedrijven for vestiging in item.vestigingen]),
        (
            _FUNCTIONARIS,
            [_functionaris_row(functionaris) for item in bedrijven for functionaris in item.functionarissen],
        ),
    ):
        if rows:
            await session.execute(table.insert(), rows)
    return len(bedrijven)


async def delete_all(session: AsyncSession) -> int:
    """Empty the Handelsregister; how many enterprises there were."""
    count = int(await session.scalar(select(func.count()).select_from(_ACTIVITEIT)) or 0)
    for table in (_FUNCTIONARIS, _VESTIGING, _ACTIVITEIT):
        await session.execute(delete(table))
    return count


def _tussen(van: int, tot: int) -> Any:
    """Enterprises whose KvK-nummer lies in ``van`` … ``tot - 1``."""
    return _ACTIVITEIT.c.kvk_nummer.between(f"{van:08d}", f"{tot - 1:08d}")


async def count_between(connection: AsyncConnection, van: int, tot: int) -> int:
    """How many enterprises have a KvK-nummer in ``van`` … ``tot - 1``."""
    return int(await connection.scalar(select(func.count()).select_from(_ACTIVITEIT).where(_tussen(van, tot))) or 0)


async def delete_between(session: AsyncSession, van: int, tot: int) -> None:
    """Remove the enterprises with a KvK-nummer in ``van`` … ``tot - 1``, with their vestigingen and functionarissen."""
    nummers = select(_ACTIVITEIT.c.kvk_nummer).where(_tussen(van, tot))
    for table in (_FUNCTIONARIS, _VESTIGING):
        await session.execute(delete(table).where(table.c.kvk_nummer.in_(nummers)))
    await session.execute(delete(_ACTIVITEIT).where(_tussen(van, tot)))


async def count(connection: AsyncConnection) -> int:
    """How many enterprises the Handelsregister holds."""
    return int(await connection.scalar(select(func.count()).select_from(_ACTIVITEIT)) or 0)


def _onderneming(row: Row[Any]) -> Onderneming:
    return Onderneming(row.kvk_nummer, row.gegevens, row.eigenaar_bsn)


def _vestiging(row: Row[Any]) -> Vestiging:
    return Vestiging(row.vestigingsnummer, row.kvk_nummer, row.gegevens, row.nummeraanduiding, row.adresseerbaar_object)


async def ondernemingen(connection: AsyncConnection, kvk_nummers: Sequence[str]) -> dict[str, Onderneming]:
    """The enterprises with these KvK-nummers, by number."""
    rows = await connection.execute(select(_ACTIVITEIT).where(_ACTIVITEIT.c.kvk_nummer.in_(kvk_nummers)))
    return {row.kvk_nummer: _onderneming(row) for row in rows}


async def vestigingen_van(connection: AsyncConnection, kvk_nummers: Sequence[str]) -> dict[str, list[Vestiging]]:
    """The vestigingen of these enterprises, by KvK-nummer, in order of vestigingsnummer."""
    rows = await connection.execute(
        select(_VESTIGING).where(_VESTIGING.c.kvk_nummer.in_(kvk_nummers)).order_by(_VESTIGING.c.vestigingsnummer)
    )
    found: dict[str, list[Vestiging]] = {nummer: [] for nummer in kvk_nummers}
    for row in rows:
        found[row.kvk_nummer].append(_vestiging(row))
    return found


def _functionaris(row: Row[Any]) -> Functionaris:
    return Functionaris(
        row.kvk_nummer,
        row.volgnummer,
        row.groep,
        row.functie,
        row.naam,
        row.gegevens,
        bsn=row.bsn,
        rsin=row.rsin,
        datum_aanvang=row.datum_aanvang,
        datum_einde=row.datum_einde,
        hr_persoon=row.hr_persoon,
    )


#: The reads of the hot paths (a basisprofiel, a Zoeken by address), straight to the driver on
#: PostgreSQL: prepared once, no SQL compiled per request.
_DRIVER_ONDERNEMINGEN = (
    "SELECT kvk_nummer, gegevens::text, eigenaar_bsn FROM nhr_maatschappelijke_activiteit "
    "WHERE kvk_nummer = ANY($1::text[])"
)
_DRIVER_VESTIGINGEN = (
    "SELECT vestigingsnummer, kvk_nummer, gegevens::text, nummeraanduiding, adresseerbaar_object "
    "FROM nhr_vestiging WHERE kvk_nummer = ANY($1::text[]) ORDER BY vestigingsnummer"
)
_DRIVER_OP_ADRES = (
    "SELECT DISTINCT kvk_nummer FROM nhr_vestiging WHERE postcode = $1 AND huisnummer = $2 ORDER BY kvk_nummer LIMIT $3"
)


async def bedrijfsgegevens(
    database: Database, kvk_nummers: Sequence[str]
) -> tuple[dict[str, Onderneming], dict[str, list[Vestiging]]]:
    """The enterprises with these KvK-nummers and the vestigingen of each (in order of number),
    on PostgreSQL straight to the driver."""
    if database.dialect != "postgresql":
        async with database.read() as connection:
            return await ondernemingen(connection, kvk_nummers), await vestigingen_van(connection, kvk_nummers)
    async with database.driver() as driver:
        activiteiten = await driver.fetch(_DRIVER_ONDERNEMINGEN, list(kvk_nummers))
        rows = await driver.fetch(_DRIVER_VESTIGINGEN, list(kvk_nummers)) if activiteiten else []
    found = {row[0]: Onderneming(row[0], orjson.loads(row[1]), row[2]) for row in activiteiten}
    vestigingen: dict[str, list[Vestiging]] = {nummer: [] for nummer in kvk_nummers}
    for row in rows:
        vestigingen[row[1]].append(Vestiging(row[0], row[1], orjson.loads(row[2]), row[3], row[4]))
    return found, vestigingen


def _op_adres(vraag: Zoekvraag) -> bool:
    """Whether :func:`kandidaten` finds the candidates of ``vraag`` by postcode and huisnummer."""
    nummers = (vraag.kvk_nummer, vraag.rsin, vraag.vestigingsnummer)
    return all(item is None for item in nummers) and vraag.postcode is not None and vraag.huisnummer is not None


async def zoekkandidaten(database: Database, vraag: Zoekvraag) -> list[str]:
    """:func:`kandidaten`, the search by postcode and huisnummer on PostgreSQL straight to the driver."""
    if database.dialect == "postgresql" and _op_adres(vraag):
        async with database.driver() as driver:
            rows = await driver.fetch(_DRIVER_OP_ADRES, vraag.postcode, vraag.huisnummer, MAX_RESULTATEN + 1)
        return [row[0] for row in rows]
    async with database.read() as connection:
        return await kandidaten(connection, vraag)


async def functionarissen_van(connection: AsyncConnection, kvk_nummers: Sequence[str]) -> dict[str, list[Functionaris]]:
    """The functionarissen (current and ended) of these enterprises, by KvK-nummer, in order of registration."""
    rows = await connection.execute(
        select(_FUNCTIONARIS)
        .where(_FUNCTIONARIS.c.kvk_nummer.in_(kvk_nummers))
        .order_by(_FUNCTIONARIS.c.kvk_nummer, _FUNCTIONARIS.c.volgnummer)
    )
    found: dict[str, list[Functionaris]] = {nummer: [] for nummer in kvk_nummers}
    for row in rows:
        found[row.kvk_nummer].append(_functionaris(row))
    return found


async def handelsregisterpersonen(
    connection: AsyncConnection, *, identificatie: str | None = None, naam: str | None = None, limit: int
) -> list[Functionaris]:
    """The functions of handelsregisterpersonen (natural persons not in the BRP) with this number
    or a name holding ``naam``, in order of number and registration, at most ``limit``."""
    functionaris = _FUNCTIONARIS.c
    conditions: list[ColumnElement[bool]] = [functionaris.hr_persoon.is_not(None)]
    if identificatie is not None:
        conditions.append(functionaris.hr_persoon == identificatie)
    if naam is not None:
        escaped = naam.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(func.lower(functionaris.naam).like(f"%{escaped}%", escape="\\"))
    statement = (
        select(_FUNCTIONARIS)
        .where(*conditions)
        .order_by(functionaris.hr_persoon, functionaris.kvk_nummer, functionaris.volgnummer)
        .limit(limit)
    )
    return [_functionaris(row) for row in await connection.execute(statement)]


def _vestiging_criteria(criteria: Criteria) -> list[ColumnElement[bool]]:
    """The conditions on a vestiging (its bezoekadres, its BAG identifications) of ``criteria``."""
    vestiging = _VESTIGING.c
    conditions: list[ColumnElement[bool]] = []
    for column, value in (
        (vestiging.postcode, criteria.postcode),
        (vestiging.huisnummer, criteria.huisnummer),
        (vestiging.nummeraanduiding, criteria.nummeraanduiding),
        (vestiging.adresseerbaar_object, criteria.adresseerbaar_object),
        (vestiging.straat_zoek, fold(criteria.straatnaam)[:80] if criteria.straatnaam else None),
        (vestiging.plaats_zoek, fold(criteria.woonplaats)[:80] if criteria.woonplaats else None),
        (vestiging.kvk_nummer, criteria.kvk_nummer),
    ):
        if value is not None:
            conditions.append(column == value)
    return conditions


async def activiteiten(connection: AsyncConnection, criteria: Criteria, limit: int) -> list[str]:
    """The KvK-nummers of the enterprises that meet every one of ``criteria``, in order, at most ``limit``."""
    activiteit = _ACTIVITEIT.c
    conditions: list[ColumnElement[bool]] = []
    if criteria.rechtspersonen:
        conditions.append(activiteit.rsin.is_not(None))
    for column, value in ((activiteit.eigenaar_bsn, criteria.eigenaar_bsn), (activiteit.rsin, criteria.rsin)):
        if value is not None:
            conditions.append(column == value)
    if criteria.naam is not None:
        by_vestiging = select(_VESTIGING.c.kvk_nummer).where(_contains(_VESTIGING.c.naam_zoek, criteria.naam))
        conditions.append(or_(_contains(activiteit.naam_zoek, criteria.naam), activiteit.kvk_nummer.in_(by_vestiging)))
    if criteria.bestuurder_bsn is not None:
        functionaris = _FUNCTIONARIS.c
        bestuurd = select(functionaris.kvk_nummer).where(
            functionaris.bsn == criteria.bestuurder_bsn,
            functionaris.groep == "bestuurders",
            functionaris.datum_einde.is_(None),
        )
        conditions.append(activiteit.kvk_nummer.in_(bestuurd))
    if by_address := _vestiging_criteria(criteria):
        conditions.append(activiteit.kvk_nummer.in_(select(_VESTIGING.c.kvk_nummer).where(*by_address)))
    statement = select(activiteit.kvk_nummer).where(*conditions).order_by(activiteit.kvk_nummer).limit(limit)
    return list((await connection.scalars(statement)).all())


async def vestigingen(connection: AsyncConnection, criteria: Criteria, limit: int) -> list[Vestiging]:
    """The vestigingen that meet every one of ``criteria``, in order of number, at most ``limit``."""
    statement = (
        select(_VESTIGING).where(*_vestiging_criteria(criteria)).order_by(_VESTIGING.c.vestigingsnummer).limit(limit)
    )
    return [_vestiging(row) for row in await connection.execute(statement)]


async def vestiging(connection: AsyncConnection, vestigingsnummer: str) -> Vestiging | None:
    """The vestiging with this number, if any."""
    row = (
        await connection.execute(select(_VESTIGING).where(_VESTIGING.c.vestigingsnummer == vestigingsnummer))
    ).first()
    return _vestiging(row) if row else None


def _contains(column: ColumnElement[str], text: str) -> ColumnElement[bool]:
    """Whether ``column`` (a folded search key) holds ``text`` folded, ``%`` and ``_`` as themselves."""
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


async def kandidaten(connection: AsyncConnection, vraag: Zoekvraag) -> list[str]:
    """The KvK-nummers of the enterprises ``vraag`` may concern (by its most selective criterion),
    in order, at most a few more than :data:`~opengdi.registers.nhr.zoeken.MAX_RESULTATEN`."""
    activiteit, vestiging = _ACTIVITEIT.c, _VESTIGING.c
    if vraag.kvk_nummer is not None:
        return [vraag.kvk_nummer]
    if vraag.rsin is not None:
        statement = select(activiteit.kvk_nummer).where(activiteit.rsin == vraag.rsin)
    elif vraag.vestigingsnummer is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.vestigingsnummer == vraag.vestigingsnummer)
    elif vraag.postcode is not None and vraag.huisnummer is not None:
        statement = select(vestiging.kvk_nummer).where(
            vestiging.postcode == vraag.postcode, vestiging.huisnummer == vraag.huisnummer
        )
    elif vraag.postbusnummer is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.postbusnummer == vraag.postbusnummer)
    elif vraag.naam is not None:
        by_vestiging = select(vestiging.kvk_nummer).where(_contains(vestiging.naam_zoek, vraag.naam))
        statement = select(activiteit.kvk_nummer).where(
            or_(_contains(activiteit.naam_zoek, vraag.naam), activiteit.kvk_nummer.in_(by_vestiging))
        )
    elif vraag.plaats is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.plaats_zoek == fold(vraag.plaats)[:80])
    elif vraag.straatnaam is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.straat_zoek == fold(vraag.straatnaam)[:80])
    else:  # a type alone: the enterprises in order
        statement = select(activiteit.kvk_nummer)
    numbers = statement.distinct().order_by(statement.selected_columns[0]).limit(MAX_RESULTATEN + 1)
    return list((await connection.scalars(numbers)).all())


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` the Handelsregister holds as ``objecttype``: a
    MaatschappelijkeActiviteit by KvK-nummer, a Vestiging by vestigingsnummer, a
    NietNatuurlijkPersoon by RSIN."""
    columns = {
        "MaatschappelijkeActiviteit": _ACTIVITEIT.c.kvk_nummer,
        "Vestiging": _VESTIGING.c.vestigingsnummer,
        "NietNatuurlijkPersoon": _ACTIVITEIT.c.rsin,
    }
    column = columns.get(objecttype)
    if column is None:
        return set()
    async with database.read() as connection:
        return set((await connection.scalars(select(column).where(column.in_(identificaties)).distinct())).all())


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the Handelsregister (relations of the catalogue): an owner to a BRP person
    (``eigenaar``, from the KvK-nummer), a vestiging to its BAG address (``bezoekadres``,
    ``verblijfsobject``, from the vestigingsnummer), a functionaris to a BRP person or to a
    rechtspersoon of the Handelsregister itself (``functionaris``, ``functionarisRechtspersoon``,
    from the KvK-nummer)."""
    activiteit, vestiging, functionaris = _ACTIVITEIT.c, _VESTIGING.c, _FUNCTIONARIS.c
    eigenaren = select(activiteit.kvk_nummer, activiteit.eigenaar_bsn).where(activiteit.eigenaar_bsn.is_not(None))
    adressen = select(vestiging.vestigingsnummer, vestiging.nummeraanduiding, vestiging.adresseerbaar_object).where(
        vestiging.nummeraanduiding.is_not(None) | vestiging.adresseerbaar_object.is_not(None)
    )
    async with database.read() as connection:
        for kvk_nummer, bsn in (await connection.execute(eigenaren)).all():
            yield Verwijzing("eigenaar", kvk_nummer, bsn)
        for nummer, nummeraanduiding, adresseerbaar_object in (await connection.execute(adressen)).all():
            if nummeraanduiding:
                yield Verwijzing("bezoekadres", nummer, nummeraanduiding)
            if adresseerbaar_object:
                yield Verwijzing("verblijfsobject", nummer, adresseerbaar_object)
        # a handelsregisterpersoon is in no other registry: no link
        personen = select(functionaris.kvk_nummer, functionaris.bsn, functionaris.rsin).where(
            functionaris.hr_persoon.is_(None)
        )
        for kvk_nummer, bsn, rsin in (await connection.execute(personen)).all():
            yield (
                Verwijzing("functionaris", kvk_nummer, bsn)
                if bsn
                else Verwijzing("functionarisRechtspersoon", kvk_nummer, rsin)
            )
