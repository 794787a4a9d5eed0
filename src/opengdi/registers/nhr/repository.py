# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the Handelsregister: storing enterprises with their vestigingen, reading them back,
finding the enterprises a Zoeken question may concern by its most selective criterion, and the
references to other registries that ``gdi check`` follows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.kernel.tekst import fold
from opengdi.registers.nhr.domein import BEZOEKADRES, Onderneming, Vestiging, zoeknaam
from opengdi.registers.nhr.model import MaatschappelijkeActiviteitRow, VestigingRow
from opengdi.registers.nhr.zoeken import MAX_RESULTATEN, Zoekvraag

_ACTIVITEIT = MaatschappelijkeActiviteitRow.metadata.tables[MaatschappelijkeActiviteitRow.__tablename__]
_VESTIGING = VestigingRow.metadata.tables[VestigingRow.__tablename__]


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
        "nummeraanduiding": vestiging.nummeraanduiding,
        "adresseerbaar_object": vestiging.adresseerbaar_object,
        "datum_aanvang": aanvang,
        "datum_einde": einde,
        "gegevens": dict(vestiging.gegevens),
    }


async def add_ondernemingen(session: AsyncSession, items: Iterable[tuple[Onderneming, Sequence[Vestiging]]]) -> int:
    """Store enterprises with their vestigingen in the session's transaction; how many."""
    pairs = list(items)
    if not pairs:
        return 0
    await session.execute(_ACTIVITEIT.insert(), [_activiteit_row(onderneming) for onderneming, _ in pairs])
    vestigingen = [_vestiging_row(item) for _, items_ in pairs for item in items_]
    if vestigingen:
        await session.execute(_VESTIGING.insert(), vestigingen)
    return len(pairs)


async def delete_all(session: AsyncSession) -> int:
    """Empty the Handelsregister; how many enterprises there were."""
    count = int(await session.scalar(select(func.count()).select_from(_ACTIVITEIT)) or 0)
    await session.execute(delete(_VESTIGING))
    await session.execute(delete(_ACTIVITEIT))
    return count


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
    elif vraag.naam is not None:
        by_vestiging = select(vestiging.kvk_nummer).where(_contains(vestiging.naam_zoek, vraag.naam))
        statement = select(activiteit.kvk_nummer).where(
            or_(_contains(activiteit.naam_zoek, vraag.naam), activiteit.kvk_nummer.in_(by_vestiging))
        )
    elif vraag.plaats is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.plaats_zoek == fold(vraag.plaats)[:80])
    elif vraag.straatnaam is not None:
        statement = select(vestiging.kvk_nummer).where(vestiging.straat_zoek == fold(vraag.straatnaam)[:80])
    else:  # a postbus or a type alone: the enterprises in order (the postbus is no column yet)
        statement = select(activiteit.kvk_nummer)
    numbers = statement.distinct().order_by(statement.selected_columns[0]).limit(MAX_RESULTATEN + 1)
    return list((await connection.scalars(numbers)).all())


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """The references of the Handelsregister to other registries (relations of the catalogue): an
    owner to a BRP person (``eigenaar``, from the KvK-nummer), a vestiging to its BAG address
    (``bezoekadres``, ``verblijfsobject``, from the vestigingsnummer)."""
    activiteit, vestiging = _ACTIVITEIT.c, _VESTIGING.c
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
