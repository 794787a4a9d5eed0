# SPDX-License-Identifier: EUPL-1.2
"""Collections paged in the database: the voorkomen the SQL chooses for each object at a moment is
the one the time-travel rules choose (:func:`opengdi.registers.bag.tijdreizen.kies`), at every
moment the sample's history has; the order and the pages are those of the whole list, and the
count is the whole collection's."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from opengdi.kernel.db import Database
from opengdi.kernel.tekst import fold
from opengdi.registers.bag import repository, tijdreizen
from opengdi.registers.bag.extract import Voorkomen
from opengdi.registers.bag.tijdreizen import Moment
from opengdi.registers.bag.vraag import Pagina
from tests.registers.bag.helpers import PAND, STRAAT, all_records, by_object

Key = tuple[str, int, str]


def _moments(objecttype: str) -> list[Moment]:
    """Now, and for every voorkomen of the type: its first day as known now, and its first day as
    known just before and when it was registered."""
    moments = {tijdreizen.nu()}
    for item in all_records()[0]:
        if item.objecttype == objecttype:
            moments.add(Moment(item.begin_geldigheid, tijdreizen.nu().beschikbaar_op))
            moments.add(Moment(item.begin_geldigheid, item.tijdstip_registratie_lv))
            moments.add(Moment(item.begin_geldigheid, item.tijdstip_registratie_lv[:-1] + "0"))
            if item.eind_geldigheid:
                moments.add(Moment(item.eind_geldigheid, tijdreizen.nu().beschikbaar_op))
    return sorted(moments, key=lambda moment: (moment.geldig_op, moment.beschikbaar_op))


def _expected(
    objecttype: str, moment: Moment, wanted: Callable[[Voorkomen], bool], *, huidig: bool = False
) -> list[Voorkomen]:
    chosen = []
    for items in by_object(all_records()[0]).values():
        picked = tijdreizen.kies([item for item in items if item.objecttype == objecttype], moment)
        if picked is not None and wanted(picked) and (not huidig or tijdreizen.huidig(picked)):
            chosen.append(picked)
    return chosen


def _keys(items: Iterable[Voorkomen]) -> list[Key]:
    return [(item.identificatie, item.voorkomenidentificatie, item.tijdstip_registratie_lv) for item in items]


async def _all_pages(fetch: Callable[[Pagina], object], size: int = 10) -> tuple[list[Voorkomen], set[int]]:
    found: list[Voorkomen] = []
    totals: set[int] = set()
    page = 1
    while True:
        items, total = await fetch(Pagina(page, size))  # type: ignore[misc]
        totals.add(total)
        found.extend(items)
        if not items or len(items) < size:
            return found, totals
        page += 1


@pytest.mark.parametrize("huidig", [False, True])
async def test_the_openbare_ruimten_of_a_woonplaats_at_every_moment(bag_database: Database, huidig: bool) -> None:
    places = {str(item.gegevens["ligtIn"]) for item in all_records()[0] if item.objecttype == "OPR"}
    checked = 0
    for moment in _moments("OPR"):
        for place in sorted(places):
            expected = sorted(
                _expected("OPR", moment, lambda item, place=place: item.gegevens.get("ligtIn") == place, huidig=huidig),
                key=lambda item: (fold(item.gegevens["naam"]), item.identificatie),
            )
            async with bag_database.read() as connection:
                found, totals = await _all_pages(
                    lambda pagina, moment=moment, place=place: repository.openbare_ruimten_in(
                        connection, woonplaatsen={place}, naam=None, moment=moment, huidig=huidig, pagina=pagina
                    )
                )
            assert _keys(found) == _keys(expected), (place, moment)
            assert totals <= {len(expected)}
            checked += len(expected)
    assert checked > 200


async def test_openbare_ruimten_by_name_are_those_so_named(bag_database: Database) -> None:
    moment = tijdreizen.nu()
    expected = _expected("OPR", moment, lambda item: item.identificatie == STRAAT)
    async with bag_database.read() as connection:
        found, total = await repository.openbare_ruimten_in(
            connection,
            woonplaatsen={"2142"},
            naam=fold("PROEFSTRAAT der synthetische adressen"),
            moment=moment,
            huidig=False,
            pagina=Pagina(),
        )
    assert _keys(found) == _keys(expected) and total == 1


async def test_the_nummeraanduidingen_of_a_street_and_a_postcode_in_address_order(bag_database: Database) -> None:
    def order(item: Voorkomen) -> tuple[object, ...]:
        gegevens = item.gegevens
        return (
            gegevens.get("huisnummer") or 0,
            str(gegevens.get("huisletter") or "").lower(),
            str(gegevens.get("huisnummertoevoeging") or "").lower(),
            item.identificatie,
        )

    streets = {str(item.gegevens["ligtAan"]) for item in all_records()[0] if item.objecttype == "NUM"}
    for moment in _moments("NUM")[-6:]:
        for street in sorted(streets):
            expected = sorted(
                _expected("NUM", moment, lambda item, street=street: item.gegevens.get("ligtAan") == street), key=order
            )
            async with bag_database.read() as connection:
                found, totals = await _all_pages(
                    lambda pagina, moment=moment, street=street: repository.nummeraanduidingen_met(
                        connection,
                        filter_=repository.Nummerfilter(openbare_ruimten=frozenset({street})),
                        moment=moment,
                        huidig=False,
                        pagina=pagina,
                    )
                )
            assert _keys(found) == _keys(expected)
            assert totals <= {len(expected)}
    filters = {
        repository.Nummerfilter(postcode="6981zz", huisnummer=1): ["1", "1A", "1Abis", "1B", "1Bbis"],
        repository.Nummerfilter(postcode="6981ZZ", huisnummer=1, huisletter="a"): ["1A", "1Abis"],
        repository.Nummerfilter(postcode="6981ZZ", huisnummer=1, exact=True): ["1"],
        repository.Nummerfilter(postcode="6981ZZ", huisnummer=1, huisletter="B", exact=True): ["1B"],
        repository.Nummerfilter(postcode="6981ZZ", huisnummer=1, huisnummertoevoeging="BIS"): ["1Abis", "1Bbis"],
        repository.Nummerfilter(postcode="6981ZZ", huisnummer=13): [],
    }
    for filter_, numbers in filters.items():
        async with bag_database.read() as connection:
            found, total = await repository.nummeraanduidingen_met(
                connection, filter_=filter_, moment=tijdreizen.nu(), huidig=False, pagina=Pagina(1, 100)
            )
        shown = [
            f"{item.gegevens['huisnummer']}{item.gegevens.get('huisletter', '')}"
            f"{item.gegevens.get('huisnummertoevoeging', '')}"
            for item in found
        ]
        assert shown == numbers and total == len(numbers), filter_


async def test_the_verblijfsobjecten_of_a_pand_in_pages(bag_database: Database) -> None:
    for huidig in (False, True):
        moment = tijdreizen.nu()
        expected = sorted(
            _expected("VBO", moment, lambda item: PAND in item.gegevens.get("maaktDeelUitVan", ()), huidig=huidig),
            key=lambda item: item.identificatie,
        )
        async with bag_database.read() as connection:
            found, totals = await _all_pages(
                lambda pagina, huidig=huidig, moment=moment: repository.verblijfsobjecten_in_pand(
                    connection, pand=PAND, moment=moment, huidig=huidig, pagina=pagina
                )
            )
            beyond = await repository.verblijfsobjecten_in_pand(
                connection, pand=PAND, moment=moment, huidig=huidig, pagina=Pagina(9, 10)
            )
        assert _keys(found) == _keys(expected) and totals == {len(expected)}
        assert beyond == ([], len(expected))
