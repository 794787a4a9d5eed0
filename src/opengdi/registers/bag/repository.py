# SPDX-License-Identifier: EUPL-1.2
"""The SQL that reads the BAG back: voorkomens and onderzoek marks of objects, the collections and
searches of the API, the links other registries check, and the residential addresses other blocks
place their persons at (beside it, the address chains of :mod:`~opengdi.registers.bag.adresketen`,
the free-text search index of :mod:`~opengdi.registers.bag.zoekindex`; the writing side is
:mod:`~opengdi.registers.bag.opslag`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    func,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from opengdi.kernel.db import Database
from opengdi.kernel.koppelingen import Verwijzing
from opengdi.registers.bag.extract import OBJECTTYPEN, KenmerkInOnderzoek, Voorkomen
from opengdi.registers.bag.model import (
    GemeenteWoonplaatsRow,
    KenmerkInOnderzoekRow,
    RelatieRow,
    VoorkomenRow,
)
from opengdi.registers.bag.tijdreizen import EINDSTATUSSEN, Moment
from opengdi.registers.bag.vraag import Pagina

_VOORKOMEN = VoorkomenRow.metadata.tables[VoorkomenRow.__tablename__]
_RELATIE = RelatieRow.metadata.tables[RelatieRow.__tablename__]
_KENMERK = KenmerkInOnderzoekRow.metadata.tables[KenmerkInOnderzoekRow.__tablename__]
_GEMEENTE_WOONPLAATS = GemeenteWoonplaatsRow.metadata.tables[GemeenteWoonplaatsRow.__tablename__]
_CODES = {naam: code for code, naam in OBJECTTYPEN.items()}
_ADRESSEERBAAR = ["VBO", "LIG", "STA"]
#: The declared relations (:mod:`catalogus`) by the kind of object that refers and the kind of reference.
_RELATIES = {
    ("OPR", "woonplaats"): "ligtIn",
    ("NUM", "openbareRuimte"): "ligtAan",
    ("VBO", "hoofdadres"): "hoofdadres",
    ("VBO", "pand"): "pand",
}


async def verwijzingen(database: Database) -> AsyncIterator[Verwijzing]:
    """Every declared reference between BAG objects (of any voorkomen), once per pair of objects."""
    statement = (
        select(VoorkomenRow.objecttype, RelatieRow.soort, RelatieRow.identificatie, RelatieRow.doel)
        .join(
            VoorkomenRow,
            (VoorkomenRow.identificatie == RelatieRow.identificatie)
            & (VoorkomenRow.voorkomenidentificatie == RelatieRow.voorkomenidentificatie)
            & (VoorkomenRow.tijdstip_registratie_lv == RelatieRow.tijdstip_registratie_lv),
        )
        .distinct()
    )
    async with database.read() as connection:
        for objecttype, soort, van, naar in (await connection.execute(statement)).all():
            relatie = _RELATIES.get((objecttype, soort))
            if relatie:
                yield Verwijzing(relatie, van, naar)


async def bestaande(database: Database, objecttype: str, identificaties: Sequence[str]) -> set[str]:
    """Which of ``identificaties`` are objects of ``objecttype`` in the BAG: an object type's name
    (``Verblijfsobject``), or ``AdresseerbaarObject`` for a verblijfsobject, ligplaats or standplaats
    (as the BAG API's ``/adresseerbareobjecten``)."""
    codes = (
        _ADRESSEERBAAR if objecttype == "AdresseerbaarObject" else [_CODES[objecttype]] if objecttype in _CODES else []
    )
    if not codes or not identificaties:
        return set()
    statement = select(VoorkomenRow.identificatie).where(
        VoorkomenRow.objecttype.in_(codes), VoorkomenRow.identificatie.in_(list(identificaties))
    )
    async with database.read() as connection:
        return set((await connection.scalars(statement.distinct())).all())


# --- Reading: what the BAG API asks -------------------------------------------------------------
# Every read takes a connection outside a transaction (``Database.read``) and returns the plain
# records of the extract reader, so the rules of time travel work on one shape whatever the source.
# Each statement is served by an index: the voorkomens of an object by the unique key's leading
# column, postcode and huisnummer by ix_bag_voorkomen_postcode, names by ix_bag_voorkomen_naam, a
# reference backwards by ix_bag_relatie_doel, the onderzoek marks by their object index.

_IN_CHUNK = 500


def _chunked(values: Iterable[str]) -> Iterator[list[str]]:
    unique = sorted(set(values))
    for start in range(0, len(unique), _IN_CHUNK):
        yield unique[start : start + _IN_CHUNK]


def as_voorkomen(row: Mapping[Any, Any]) -> Voorkomen:
    """A voorkomen as a row of ``bag_voorkomen`` holds it."""
    box = (row["min_x"], row["min_y"], row["max_x"], row["max_y"])
    return Voorkomen(
        objecttype=row["objecttype"],
        identificatie=row["identificatie"],
        voorkomenidentificatie=row["voorkomenidentificatie"],
        begin_geldigheid=row["begin_geldigheid"],
        eind_geldigheid=row["eind_geldigheid"],
        tijdstip_registratie=row["tijdstip_registratie"],
        eind_registratie=row["eind_registratie"],
        tijdstip_inactief=row["tijdstip_inactief"],
        tijdstip_registratie_lv=row["tijdstip_registratie_lv"],
        tijdstip_eind_registratie_lv=row["tijdstip_eind_registratie_lv"],
        tijdstip_inactief_lv=row["tijdstip_inactief_lv"],
        tijdstip_niet_bag_lv=row["tijdstip_niet_bag_lv"],
        status=row["status"],
        geconstateerd=bool(row["geconstateerd"]),
        documentdatum=row["documentdatum"],
        documentnummer=row["documentnummer"],
        gegevens=dict(row["gegevens"] or {}),
        geometrie=row["geometrie"],
        bbox=None if None in box else box,
    )


def as_kenmerk(row: Mapping[Any, Any]) -> KenmerkInOnderzoek:
    """An onderzoek mark as a row of ``bag_kenmerk_in_onderzoek`` holds it."""
    return KenmerkInOnderzoek(
        objecttype=row["objecttype"],
        identificatie=row["identificatie"],
        kenmerk=row["kenmerk"],
        in_onderzoek=bool(row["in_onderzoek"]),
        documentdatum=row["documentdatum"],
        documentnummer=row["documentnummer"],
        begin_geldigheid=row["begin_geldigheid"],
        eind_geldigheid=row["eind_geldigheid"],
        tijdstip_registratie=row["tijdstip_registratie"],
        eind_registratie=row["eind_registratie"],
        tijdstip_registratie_lv=row["tijdstip_registratie_lv"],
        tijdstip_eind_registratie_lv=row["tijdstip_eind_registratie_lv"],
    )


async def voorkomens_of(
    connection: AsyncConnection, identificaties: Iterable[str], objecttypen: Collection[str] | None = None
) -> dict[str, list[Voorkomen]]:
    """Every voorkomen of each of ``identificaties`` (of one of ``objecttypen``, when given), per
    identificatie; an identificatie the BAG does not hold is left out."""
    found: dict[str, list[Voorkomen]] = {}
    for chunk in _chunked(identificaties):
        statement = select(_VOORKOMEN).where(_VOORKOMEN.c.identificatie.in_(chunk))
        if objecttypen is not None:
            statement = statement.where(_VOORKOMEN.c.objecttype.in_(sorted(objecttypen)))
        for row in await connection.execute(statement):
            found.setdefault(row.identificatie, []).append(as_voorkomen(row._mapping))
    return found


async def kenmerken_of(
    connection: AsyncConnection, identificaties: Iterable[str]
) -> dict[str, list[KenmerkInOnderzoek]]:
    """Every onderzoek mark of each of ``identificaties``, per identificatie."""
    found: dict[str, list[KenmerkInOnderzoek]] = {}
    for chunk in _chunked(identificaties):
        rows = await connection.execute(select(_KENMERK).where(_KENMERK.c.identificatie.in_(chunk)))
        for row in rows:
            found.setdefault(row.identificatie, []).append(as_kenmerk(row._mapping))
    return found


async def with_name(connection: AsyncConnection, objecttype: str, sleutel: str) -> list[str]:
    """The woonplaatsen or openbare ruimten (``objecttype`` WPL or OPR) that have or had a voorkomen
    with this name, folded as the search key is (:func:`opengdi.kernel.tekst.fold`)."""
    statement = (
        select(_VOORKOMEN.c.identificatie)
        .where(_VOORKOMEN.c.objecttype == objecttype, _VOORKOMEN.c.naam == sleutel[:80])
        .distinct()
    )
    return sorted((await connection.scalars(statement)).all())


async def referring_to(
    connection: AsyncConnection, doelen: Iterable[str], soorten: Collection[str], huisnummer: int | None = None
) -> list[str]:
    """The objects with a voorkomen that refers to one of ``doelen`` as one of ``soorten``
    (hoofdadres, nevenadres, pand, openbareRuimte, woonplaats); with ``huisnummer``, only
    nummeraanduidingen whose referring voorkomen has that huisnummer."""
    found: set[str] = set()
    for chunk in _chunked(doelen):
        statement = select(_RELATIE.c.identificatie).where(
            _RELATIE.c.doel.in_(chunk), _RELATIE.c.soort.in_(sorted(soorten))
        )
        if huisnummer is not None:
            statement = statement.join(
                _VOORKOMEN,
                (_VOORKOMEN.c.identificatie == _RELATIE.c.identificatie)
                & (_VOORKOMEN.c.voorkomenidentificatie == _RELATIE.c.voorkomenidentificatie)
                & (_VOORKOMEN.c.tijdstip_registratie_lv == _RELATIE.c.tijdstip_registratie_lv),
            ).where(_VOORKOMEN.c.huisnummer == huisnummer)
        found.update((await connection.scalars(statement.distinct())).all())
    return sorted(found)


# --- Collections: filtered, ordered and paged in the database -----------------------------------
# A collection is asked in three steps, all in one statement: the candidate objects (by an index:
# a reference backwards, a postcode, a name), per candidate the voorkomen that answers the moment
# (the rules of :func:`opengdi.registers.bag.tijdreizen.kies` as SQL: a window ranks the valid
# voorkomens of each object, the one the Landelijke Voorziening learnt of last first), and those of
# the chosen voorkomens that answer the question, ordered as the API orders them, one page of them
# with the size of the whole collection beside it (a window count). Only the page leaves the database.


@dataclass(frozen=True, slots=True)
class Nummerfilter:
    """Which nummeraanduidingen a question asks (see :func:`opengdi.registers.bag.adres.past`): a
    postcode, a huisnummer, a huisletter and toevoeging (matched in any case; with ``exact`` an
    unasked one must be empty), and the openbare ruimten they must lie on."""

    postcode: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    exact: bool = False
    openbare_ruimten: frozenset[str] | None = None


def _valid_at(moment: Moment) -> list[ColumnElement[bool]]:
    """The voorkomens that answer ``moment`` (:func:`opengdi.registers.bag.tijdreizen.geldig`)."""
    column = _VOORKOMEN.c
    known, date_ = moment.beschikbaar_op, moment.geldig_op
    return [
        column.tijdstip_registratie_lv <= known,
        or_(column.tijdstip_inactief_lv.is_(None), column.tijdstip_inactief_lv > known),
        or_(column.tijdstip_niet_bag_lv.is_(None), column.tijdstip_niet_bag_lv > known),
        column.begin_geldigheid <= date_,
        or_(
            column.eind_geldigheid.is_(None),
            column.eind_geldigheid > date_,
            and_(column.tijdstip_eind_registratie_lv.is_not(None), column.tijdstip_eind_registratie_lv > known),
        ),
    ]


def _refers(soort: str, doelen: Collection[str]) -> ColumnElement[bool]:
    """The voorkomen (of the outer statement) refers to one of ``doelen`` as ``soort``."""
    return (
        select(_RELATIE.c.doel)
        .where(
            _RELATIE.c.identificatie == _VOORKOMEN.c.identificatie,
            _RELATIE.c.voorkomenidentificatie == _VOORKOMEN.c.voorkomenidentificatie,
            _RELATIE.c.tijdstip_registratie_lv == _VOORKOMEN.c.tijdstip_registratie_lv,
            _RELATIE.c.soort == soort,
            _RELATIE.c.doel.in_(sorted(doelen)),
        )
        .exists()
    )


def _referring(soort: str, doelen: Collection[str]) -> Select[Any]:
    """The candidates: objects with a voorkomen that refers to one of ``doelen`` as ``soort``."""
    return select(_RELATIE.c.identificatie).where(_RELATIE.c.doel.in_(sorted(doelen)), _RELATIE.c.soort == soort)


def _binary(connection: AsyncConnection, expression: ColumnElement[Any]) -> ColumnElement[Any]:
    """Text ordered by its code points, as Python orders it (PostgreSQL's collation may not)."""
    return expression.collate("C") if connection.dialect.name == "postgresql" else expression


def _text_of(name: str) -> ColumnElement[str]:
    """An attribute of ``gegevens`` as lower-case text, empty when absent."""
    return func.lower(func.coalesce(_VOORKOMEN.c.gegevens[name].as_string(), ""))


async def _page_of(
    connection: AsyncConnection,
    *,
    objecttype: str | tuple[str, ...],
    candidates: Select[Any],
    moment: Moment,
    huidig: bool,
    conditions: Sequence[ColumnElement[bool]],
    order: Sequence[ColumnElement[Any]],
    pagina: Pagina,
) -> tuple[list[Voorkomen], int]:
    column = _VOORKOMEN.c
    ranked = (
        select(
            column.id,
            func.row_number()
            .over(
                partition_by=column.identificatie,
                order_by=(column.tijdstip_registratie_lv.desc(), column.voorkomenidentificatie.desc()),
            )
            .label("rang"),
        )
        .where(
            column.objecttype.in_([objecttype] if isinstance(objecttype, str) else objecttype),
            column.identificatie.in_(candidates),
            *_valid_at(moment),
        )
        .subquery("gekozen")
    )
    chosen = [ranked.c.rang == 1, *conditions]
    if huidig:
        chosen.append(column.status.not_in(sorted(EINDSTATUSSEN)))
    statement = (
        select(_VOORKOMEN, func.count().over().label("totaal"))
        .join(ranked, ranked.c.id == column.id)
        .where(*chosen)
        .order_by(*order)
        .limit(pagina.grootte)
        .offset((pagina.nummer - 1) * pagina.grootte)
    )
    rows = (await connection.execute(statement)).all()
    if rows:
        return [as_voorkomen(row._mapping) for row in rows], int(rows[0].totaal)
    counted = select(func.count()).select_from(_VOORKOMEN).join(ranked, ranked.c.id == column.id).where(*chosen)
    return [], int(await connection.scalar(counted) or 0)


async def verblijfsobjecten_in_pand(
    connection: AsyncConnection, *, pand: str, moment: Moment, huidig: bool, pagina: Pagina
) -> tuple[list[Voorkomen], int]:
    """One page of the verblijfsobjecten part of ``pand`` at ``moment``, by identificatie, and how many there are."""
    return await _page_of(
        connection,
        objecttype="VBO",
        candidates=_referring("pand", [pand]),
        moment=moment,
        huidig=huidig,
        conditions=[_refers("pand", [pand])],
        order=[_VOORKOMEN.c.identificatie],
        pagina=pagina,
    )


async def openbare_ruimten_in(
    connection: AsyncConnection,
    *,
    woonplaatsen: Collection[str],
    naam: str | None,
    moment: Moment,
    huidig: bool,
    pagina: Pagina,
) -> tuple[list[Voorkomen], int]:
    """One page of the openbare ruimten in one of ``woonplaatsen`` at ``moment`` (with ``naam``, a
    folded name, only those so named), by name, and how many there are."""
    column = _VOORKOMEN.c
    conditions = [_refers("woonplaats", woonplaatsen)]
    if naam is not None:
        key = naam[:80]
        candidates = select(column.identificatie).where(column.objecttype == "OPR", column.naam == key)
        conditions.append(column.naam == key)
    else:
        candidates = _referring("woonplaats", woonplaatsen)
    return await _page_of(
        connection,
        objecttype="OPR",
        candidates=candidates,
        moment=moment,
        huidig=huidig,
        conditions=conditions,
        order=[_binary(connection, func.coalesce(column.naam, "")), column.identificatie],
        pagina=pagina,
    )


async def nummeraanduidingen_met(
    connection: AsyncConnection, *, filter_: Nummerfilter, moment: Moment, huidig: bool, pagina: Pagina
) -> tuple[list[Voorkomen], int]:
    """One page of the nummeraanduidingen that answer ``filter_`` at ``moment`` (a postcode and
    huisnummer, or the openbare ruimten they lie on), in address order, and how many there are."""
    column = _VOORKOMEN.c
    conditions: list[ColumnElement[bool]] = []
    if filter_.postcode is not None:
        conditions.append(column.postcode == filter_.postcode.upper())
        candidates = select(column.identificatie).where(column.postcode == filter_.postcode.upper())
        if filter_.huisnummer is not None:
            candidates = candidates.where(column.huisnummer == filter_.huisnummer)
    elif filter_.openbare_ruimten is not None:
        candidates = _referring("openbareRuimte", filter_.openbare_ruimten)
    else:
        return [], 0
    if filter_.openbare_ruimten is not None:
        conditions.append(_refers("openbareRuimte", filter_.openbare_ruimten))
    if filter_.huisnummer is not None:
        conditions.append(column.huisnummer == filter_.huisnummer)
    for name, asked in (("huisletter", filter_.huisletter), ("huisnummertoevoeging", filter_.huisnummertoevoeging)):
        if asked is not None or filter_.exact:
            conditions.append(_text_of(name) == (asked or "").lower())
    order = [
        func.coalesce(column.huisnummer, 0),
        _binary(connection, _text_of("huisletter")),
        _binary(connection, _text_of("huisnummertoevoeging")),
        column.identificatie,
    ]
    return await _page_of(
        connection,
        objecttype="NUM",
        candidates=candidates,
        moment=moment,
        huidig=huidig,
        conditions=conditions,
        order=order,
        pagina=pagina,
    )


async def gemeenten_van(connection: AsyncConnection, woonplaatsen: Collection[str], datum: str) -> dict[str, list[str]]:
    """Per woonplaats, the gemeenten it lay in on ``datum`` (the gemeente–woonplaats relation)."""
    row = _GEMEENTE_WOONPLAATS.c
    statement = (
        select(row.woonplaats, row.gemeente)
        .where(
            row.woonplaats.in_(sorted(woonplaatsen)),
            row.begin_geldigheid <= datum,
            or_(row.eind_geldigheid.is_(None), row.eind_geldigheid > datum),
        )
        .order_by(row.woonplaats, row.gemeente)
    )
    found: dict[str, list[str]] = {}
    for woonplaats, gemeente in (await connection.execute(statement)).all():
        found.setdefault(woonplaats, []).append(gemeente)
    return found


async def is_bronhouder(connection: AsyncConnection, gemeente: str) -> bool:
    """Whether the gemeente–woonplaats relation names ``gemeente`` at any time."""
    row = _GEMEENTE_WOONPLAATS.c
    return bool(await connection.scalar(select(row.gemeente).where(row.gemeente == gemeente).limit(1)))


# --- Where: objects whose bounding box meets a rectangle -----------------------------------------


def _box_meets(connection: AsyncConnection, rechthoek: tuple[float, float, float, float]) -> ColumnElement[bool]:
    """The voorkomen's bounding box meets ``rechthoek`` (min x, min y, max x, max y). On PostgreSQL
    as boxes (``&&``), which the GiST index of ``bag_0004`` serves; elsewhere as four comparisons
    served by the index on type and x."""
    column = _VOORKOMEN.c
    x1, y1, x2, y2 = rechthoek
    if connection.dialect.name == "postgresql":
        own = func.box(func.point(column.min_x, column.min_y), func.point(column.max_x, column.max_y))
        asked = func.box(func.point(x1, y1), func.point(x2, y2))
        return own.op("&&")(asked)
    return and_(column.min_x <= x2, column.max_x >= x1, column.min_y <= y2, column.max_y >= y1)


async def in_rechthoek(
    connection: AsyncConnection,
    *,
    objecttypen: tuple[str, ...],
    rechthoek: tuple[float, float, float, float],
    moment: Moment,
    huidig: bool,
    pagina: Pagina,
) -> tuple[list[Voorkomen], int]:
    """One page of the objects of ``objecttypen`` whose voorkomen at ``moment`` has a bounding box
    meeting ``rechthoek``, by identificatie, and how many there are (the caller holds each
    geometry against the question itself)."""
    column = _VOORKOMEN.c
    candidates = select(column.identificatie).where(
        column.objecttype.in_(objecttypen), _box_meets(connection, rechthoek)
    )
    return await _page_of(
        connection,
        objecttype=objecttypen,
        candidates=candidates,
        moment=moment,
        huidig=huidig,
        conditions=[_box_meets(connection, rechthoek)],
        order=[column.identificatie],
        pagina=pagina,
    )


# --- residential addresses for other blocks (kernel.adresvoorziening) ---

#: The statuses of an adresseerbaar object people can live in.
_BEWOONBAAR = ("Verblijfsobject in gebruik", "Verblijfsobject in gebruik (niet ingemeten)", "Plaats aangewezen")


def _huidig(voorkomen: Any) -> Any:
    """Whether a voorkomen is the object's state now: not ended, not inactive, not withdrawn as no BAG data."""
    return (
        voorkomen.c.eind_geldigheid.is_(None)
        & voorkomen.c.tijdstip_inactief_lv.is_(None)
        & voorkomen.c.tijdstip_niet_bag_lv.is_(None)
    )


def _relatie_van(voorkomen: Any, soort: str) -> tuple[Any, Any]:
    """An alias of the relation table for the ``soort`` references of ``voorkomen``, with its join condition."""
    relatie = _RELATIE.alias()
    on = (
        (relatie.c.identificatie == voorkomen.c.identificatie)
        & (relatie.c.voorkomenidentificatie == voorkomen.c.voorkomenidentificatie)
        & (relatie.c.tijdstip_registratie_lv == voorkomen.c.tijdstip_registratie_lv)
        & (relatie.c.soort == soort)
    )
    return relatie, on


def _adres_query(woon: bool) -> Any:
    """Every current adresseerbaar object in use by key, with its current hoofdadres, the openbare
    ruimte that lies on, and the woonplaats it lies in (the nummeraanduiding's own, else the
    street's): when ``woon``, the inhabitable ones (a verblijfsobject with a woonfunctie, a
    ligplaats, a standplaats); else the verblijfsobjecten without a woonfunctie, with their attributes."""
    a, n, o = _VOORKOMEN.alias("a"), _VOORKOMEN.alias("n"), _VOORKOMEN.alias("o")
    hoofdadres, hoofdadres_on = _relatie_van(a, "hoofdadres")
    straat, straat_on = _relatie_van(n, "openbareRuimte")
    eigen_plaats, eigen_plaats_on = _relatie_van(n, "woonplaats")
    plaats, plaats_on = _relatie_van(o, "woonplaats")
    woonplaats = func.coalesce(eigen_plaats.c.doel, plaats.c.doel).label("woonplaats")
    woonfunctie = cast(a.c.gegevens, String).like('%"woonfunctie"%')
    statement = (
        select(a.c.id.label("sleutel"), woonplaats, *(() if woon else (a.c.gegevens,)))
        .select_from(a)
        .join(hoofdadres, hoofdadres_on)
        .join(n, (n.c.identificatie == hoofdadres.c.doel) & (n.c.objecttype == "NUM") & _huidig(n))
        .join(straat, straat_on)
        .outerjoin(eigen_plaats, eigen_plaats_on)
        .join(o, (o.c.identificatie == straat.c.doel) & (o.c.objecttype == "OPR") & _huidig(o))
        .join(plaats, plaats_on)
        .where(_huidig(a), a.c.status.in_(_BEWOONBAAR))
        .order_by(a.c.id)
    )
    if woon:
        return statement.where(a.c.objecttype.in_(_ADRESSEERBAAR), (a.c.objecttype != "VBO") | woonfunctie)
    return statement.where(a.c.objecttype == "VBO", ~woonfunctie)


async def gemeenten_van_woonplaatsen(connection: AsyncConnection, peildatum: str) -> dict[str, str]:
    """Per woonplaats, the gemeente it lay in on ``peildatum`` (YYYY-MM-DD)."""
    table = _GEMEENTE_WOONPLAATS
    rows = await connection.execute(
        select(table.c.woonplaats, table.c.gemeente).where(
            table.c.begin_geldigheid <= peildatum,
            (table.c.eind_geldigheid.is_(None)) | (table.c.eind_geldigheid > peildatum),
        )
    )
    return {row.woonplaats: row.gemeente for row in rows}


async def woonadressen(connection: AsyncConnection) -> AsyncIterator[tuple[int, str]]:
    """Every residential address as (its key, the woonplaats it lies in), by key."""
    async for row in await connection.stream(_adres_query(woon=True).execution_options(yield_per=10_000)):
        yield row.sleutel, row.woonplaats


async def werkadressen(connection: AsyncConnection) -> AsyncIterator[tuple[int, str, str]]:
    """Every verblijfsobject in use without a woonfunctie as (its key, the woonplaats it lies in,
    its first gebruiksdoel), by key."""
    async for row in await connection.stream(_adres_query(woon=False).execution_options(yield_per=10_000)):
        yield row.sleutel, row.woonplaats, (row.gegevens.get("gebruiksdoelen") or ["overige gebruiksfunctie"])[0]


async def voorkomens_bij_sleutels(connection: AsyncConnection, sleutels: Sequence[int]) -> dict[int, Any]:
    """The voorkomens with the keys (row ids) ``sleutels``: rows of their key, identificatie,
    attributes and geometry."""
    found: dict[int, Any] = {}
    columns = (_VOORKOMEN.c.id, _VOORKOMEN.c.identificatie, _VOORKOMEN.c.gegevens, _VOORKOMEN.c.geometrie)
    unique = sorted(set(sleutels))
    for start in range(0, len(unique), _IN_CHUNK):
        statement = select(*columns).where(_VOORKOMEN.c.id.in_(unique[start : start + _IN_CHUNK]))
        found.update((row.id, row) for row in await connection.execute(statement))
    return found


async def huidige_gegevens(
    connection: AsyncConnection, objecttype: str, identificaties: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """The attributes of the current voorkomen of each of the objects ``identificaties`` of ``objecttype``."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunked(identificaties):
        rows = await connection.execute(
            select(_VOORKOMEN.c.identificatie, _VOORKOMEN.c.gegevens).where(
                _VOORKOMEN.c.identificatie.in_(chunk), _VOORKOMEN.c.objecttype == objecttype, _huidig(_VOORKOMEN)
            )
        )
        found.update((row.identificatie, row.gegevens) for row in rows)
    return found
