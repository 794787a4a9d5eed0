# SPDX-License-Identifier: EUPL-1.2
"""The SQL of the address lookups: everything a set of addresses is made of, in two statements.

An address joins four objects: a nummeraanduiding, the adresseerbaar object that has it as hoofd-
or nevenadres, the openbare ruimte it lies on and the woonplaats it (or that street) lies in. Which
voorkomen of each answers depends on the moment, and the street a nummeraanduiding lies on may
differ between its voorkomens; so the chain holds every voorkomen of every object that any
voorkomen of the asked nummeraanduidingen leads to, and the moment is applied afterwards, in
Python, by the rules of :mod:`~opengdi.registers.bag.tijdreizen`. One statement reads those
voorkomens (the chain as common table expressions over ``bag_relatie``), a second the onderzoek
marks of the same objects. The lookup by postcode and huisnummer, the API's most asked question,
goes on PostgreSQL straight to the driver (:meth:`~opengdi.kernel.db.Database.driver`): prepared
once, no SQL to compile per request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import TextClause, TextualSelect, bindparam, text
from sqlalchemy.ext.asyncio import AsyncConnection

from opengdi.kernel.db import Database, JsonDocument
from opengdi.registers.bag.extract import KenmerkInOnderzoek, Voorkomen
from opengdi.registers.bag.repository import as_kenmerk, as_voorkomen

#: The chain from the nummeraanduidingen of ``{start}`` (a statement yielding identificaties).
_KETEN = """
WITH num AS ({start}),
obj AS (
    SELECT identificatie FROM bag_relatie
    WHERE doel IN (SELECT identificatie FROM num) AND soort IN ('hoofdadres', 'nevenadres')
),
opr AS (
    SELECT doel AS identificatie FROM bag_relatie
    WHERE identificatie IN (SELECT identificatie FROM num) AND soort = 'openbareRuimte'
),
wpl AS (
    SELECT doel AS identificatie FROM bag_relatie
    WHERE identificatie IN (SELECT identificatie FROM num UNION SELECT identificatie FROM opr)
    AND soort = 'woonplaats'
),
keten AS (
    SELECT identificatie FROM num UNION SELECT identificatie FROM obj
    UNION SELECT identificatie FROM opr UNION SELECT identificatie FROM wpl
)
"""
_VOORKOMENS = "SELECT * FROM bag_voorkomen WHERE identificatie IN (SELECT identificatie FROM keten)"
_KENMERKEN = "SELECT * FROM bag_kenmerk_in_onderzoek WHERE identificatie IN (SELECT identificatie FROM keten)"
_MET_POSTCODE = "SELECT identificatie FROM bag_voorkomen WHERE postcode = :postcode AND huisnummer = :huisnummer"
_VAN_NUMMERS = "SELECT identificatie FROM bag_voorkomen WHERE identificatie IN :nummers AND objecttype = 'NUM'"


def _statement(start: str, select: str) -> str:
    return _KETEN.format(start=start) + select


def _statements(start: str) -> list[TextClause | TextualSelect]:
    """The two statements from ``start`` for SQLAlchemy (which decodes the JSON columns)."""
    voorkomens, kenmerken = text(_statement(start, _VOORKOMENS)), text(_statement(start, _KENMERKEN))
    if ":nummers" in start:
        voorkomens = voorkomens.bindparams(bindparam("nummers", expanding=True))
        kenmerken = kenmerken.bindparams(bindparam("nummers", expanding=True))
    return [voorkomens.columns(gegevens=JsonDocument, geometrie=JsonDocument), kenmerken]


_POSTCODE_STATEMENTS = _statements(_MET_POSTCODE)
_NUMMER_STATEMENTS = _statements(_VAN_NUMMERS)
#: The statements by postcode for the driver, with its numbered parameters.
_POSTCODE_DRIVER = [
    _statement(_MET_POSTCODE, select).replace(":postcode", "$1").replace(":huisnummer", "$2")
    for select in (_VOORKOMENS, _KENMERKEN)
]
#: Nummeraanduidingen asked per statement.
_PER_STATEMENT = 500


@dataclass(frozen=True, slots=True)
class Adresketen:
    """Every voorkomen and onderzoek mark of the objects some addresses are made of, per identificatie."""

    voorkomens: dict[str, list[Voorkomen]] = field(default_factory=dict)
    kenmerken: dict[str, list[KenmerkInOnderzoek]] = field(default_factory=dict)

    def nummeraanduidingen(self) -> list[str]:
        """The nummeraanduidingen of the chain, by identificatie."""
        return sorted(key for key, items in self.voorkomens.items() if items[0].objecttype == "NUM")

    def update(self, other: Adresketen) -> None:
        """Add the objects of ``other`` (each object's voorkomens and marks come whole from one chain)."""
        self.voorkomens.update(other.voorkomens)
        self.kenmerken.update(other.kenmerken)


def _keten(voorkomens: Sequence[Mapping[Any, Any]], kenmerken: Sequence[Mapping[Any, Any]]) -> Adresketen:
    keten = Adresketen()
    for row in voorkomens:
        keten.voorkomens.setdefault(row["identificatie"], []).append(as_voorkomen(row))
    for row in kenmerken:
        keten.kenmerken.setdefault(row["identificatie"], []).append(as_kenmerk(row))
    return keten


async def _read(
    connection: AsyncConnection, statements: Sequence[TextClause | TextualSelect], parameters: dict[str, Any]
) -> Adresketen:
    voorkomens, kenmerken = [
        (await connection.execute(statement, parameters)).mappings().all() for statement in statements
    ]
    return _keten(voorkomens, kenmerken)


async def met_postcode(database: Database, postcode: str, huisnummer: int) -> Adresketen:
    """The chain of the nummeraanduidingen that have or had a voorkomen with this postcode and huisnummer."""
    if database.dialect == "postgresql":
        async with database.driver() as driver:
            return _keten(*[await driver.fetch(statement, postcode, huisnummer) for statement in _POSTCODE_DRIVER])
    async with database.read() as connection:
        return await _read(connection, _POSTCODE_STATEMENTS, {"postcode": postcode, "huisnummer": huisnummer})


async def van_nummeraanduidingen(connection: AsyncConnection, nummers: Sequence[str]) -> Adresketen:
    """The chain of the nummeraanduidingen ``nummers`` (those the BAG does not hold are left out)."""
    keten = Adresketen()
    unique = sorted(set(nummers))
    for start in range(0, len(unique), _PER_STATEMENT):
        keten.update(await _read(connection, _NUMMER_STATEMENTS, {"nummers": unique[start : start + _PER_STATEMENT]}))
    return keten
