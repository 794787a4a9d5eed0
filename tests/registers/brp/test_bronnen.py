# SPDX-License-Identifier: EUPL-1.2
"""An answer is worked out from only the categories its fields are declared to come from (the
lookup fetches no more), and it is the same answer as from the whole persoonslijst."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import fields, repository, service
from opengdi.registers.brp.demo import gbav_testset, haal_centraal_testpersonen
from opengdi.registers.brp.invoer import read_persoonslijsten
from opengdi.registers.brp.persoonslijst import Persoonslijst
from tests.conftest import BRONHOUDER

#: The fields of the Belastingdienst's autorisatiebesluit, asked together (the benchmark's request).
BELASTINGDIENST = ["burgerservicenummer", "naam", "geboorte", "verblijfplaats", "nationaliteiten", "partners"]
TODAY = date(2026, 12, 1)


@cache
def _demo_lijsten() -> tuple[Persoonslijst, ...]:
    """The persoonslijsten of the demo data that read without error: the RvIG GBA-V test set (a few
    of which are deliberately invalid) and the Haal Centraal test persons."""
    result = []
    for _label, lijst in (*gbav_testset(), *haal_centraal_testpersonen()):
        read, errors = read_persoonslijsten({"persoonslijsten": [lijst]})
        if not errors:
            result.extend(read)
    return tuple(result)


def _only(lijst: Persoonslijst, categorieen: frozenset[str]) -> Persoonslijst:
    return Persoonslijst.from_voorkomens(
        [voorkomen for voorkomen in lijst.voorkomens() if voorkomen.categorie in categorieen], lijst.id
    )


def _vraag(velden: list[str]) -> service.Vraag:
    return service.parse(
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": velden}
    )


#: Fields that declare no source of their own (gezag is worked out by the gezagsmodule): asking
#: one fetches the whole persoonslijst.
WITHOUT_SOURCES = {"gezag"}


@pytest.mark.parametrize(
    "velden", [[name] for name in fields.PERSOON if name not in WITHOUT_SOURCES] + [BELASTINGDIENST], ids=str
)
def test_the_answer_from_the_source_categories_equals_the_answer_from_the_whole_list(velden: list[str]) -> None:
    vraag = _vraag(velden)
    categorieen = vraag.fields.source_categories()
    lijsten = _demo_lijsten()
    assert categorieen is not None and len(lijsten) > 1500
    for lijst in lijsten:
        assert service.answer(vraag, [_only(lijst, categorieen)], TODAY) == service.answer(vraag, [lijst], TODAY)


def test_the_belastingdienst_fields_need_neither_parents_nor_children() -> None:
    assert _vraag(BELASTINGDIENST).fields.source_categories() == {"01", "04", "05", "06", "07", "08"}


@pytest.mark.parametrize("veld", sorted(WITHOUT_SOURCES))
def test_a_field_without_declared_sources_fetches_the_whole_list(veld: str) -> None:
    assert _vraag([veld, "naam"]).fields.source_categories() is None


async def test_the_lookup_fetches_only_the_categories_asked_for(database: Database) -> None:
    lijst = _demo_lijsten()[0]
    bsn = lijst.burgerservicenummer
    assert bsn is not None
    async with UnitOfWork(database, oin=BRONHOUDER) as uow:
        await repository.delete_identified(uow.session, [bsn])
        await repository.add_persoonslijsten(uow.session, [lijst])
        await uow.commit()
    whole = await repository.lookup_by_bsn(database, [bsn])
    some = await repository.lookup_by_bsn(database, [bsn], {"01", "08"})
    assert {voorkomen.categorie for voorkomen in whole[bsn][0].voorkomens()} > {"01", "08"}
    assert {voorkomen.categorie for voorkomen in some[bsn][0].voorkomens()} == {"01", "08"}
