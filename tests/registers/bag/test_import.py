# SPDX-License-Identifier: EUPL-1.2
"""Loading the BAG 2.0 Extract into the database (SQLite and PostgreSQL): everything of the
Kadaster's sample stored with its values, resumable after an interruption, one levering at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.registers.bag import service
from opengdi.registers.bag.extract import BagExtract, GemeenteWoonplaats, KenmerkInOnderzoek, Voorkomen
from opengdi.registers.bag.model import (
    GemeenteWoonplaatsRow,
    KenmerkInOnderzoekRow,
    LeveringRow,
    RelatieRow,
    VoorkomenRow,
)
from tests.conftest import unit_of_work
from tests.registers.bag.test_extract import SAMPLE


@pytest.fixture
async def empty_bag(database: Database) -> AsyncIterator[Database]:
    async with unit_of_work(database) as uow:
        await service.empty_bag(uow)
    yield database
    async with unit_of_work(database) as uow:
        await service.empty_bag(uow)


def _records() -> list[object]:
    with BagExtract(SAMPLE) as extract:
        return [record for deel in extract.delen() for record in extract.records(deel)]


async def _load(database: Database, path: Path = SAMPLE, **options: object) -> service.ImportVerslag:
    with BagExtract(path) as extract:
        async with unit_of_work(database) as uow:
            return await service.import_extract(uow, extract, **options)  # type: ignore[arg-type]


async def _count(database: Database, row: type) -> int:
    async with database.session() as session:
        return int(await session.scalar(select(func.count()).select_from(row)) or 0)


async def test_every_voorkomen_is_stored_with_its_values(empty_bag: Database) -> None:
    verslag = await _load(empty_bag)
    records = _records()
    voorkomens = [record for record in records if isinstance(record, Voorkomen)]
    assert sum(verslag.aantallen[code] for code in ("WPL", "OPR", "NUM", "VBO", "LIG", "STA", "PND")) == len(voorkomens)
    async with empty_bag.session() as session:
        rows = {
            (row.identificatie, row.voorkomenidentificatie, row.tijdstip_registratie_lv): row
            for row in (await session.scalars(select(VoorkomenRow))).all()
        }
        relaties = set(
            (await session.execute(select(RelatieRow.identificatie, RelatieRow.soort, RelatieRow.doel))).all()
        )
    assert len(rows) == len(voorkomens)
    for voorkomen in voorkomens:
        row = rows[(voorkomen.identificatie, voorkomen.voorkomenidentificatie, voorkomen.tijdstip_registratie_lv)]
        assert (row.objecttype, row.status, row.begin_geldigheid, row.eind_geldigheid) == (
            voorkomen.objecttype,
            voorkomen.status,
            voorkomen.begin_geldigheid,
            voorkomen.eind_geldigheid,
        )
        assert (row.tijdstip_niet_bag_lv, row.geconstateerd) == (
            voorkomen.tijdstip_niet_bag_lv,
            voorkomen.geconstateerd,
        )
        assert row.gegevens == voorkomen.gegevens
        assert row.geometrie == voorkomen.geometrie
        if voorkomen.objecttype == "NUM":
            assert (row.postcode, row.huisnummer) == (
                voorkomen.gegevens.get("postcode"),
                voorkomen.gegevens["huisnummer"],
            )
        for soort, doel in voorkomen.relaties:
            assert (voorkomen.identificatie, soort, doel) in relaties
    kenmerken = [record for record in records if isinstance(record, KenmerkInOnderzoek)]
    assert await _count(empty_bag, KenmerkInOnderzoekRow) == len(kenmerken)
    periods = {
        (item.woonplaats, item.gemeente, item.begin_geldigheid)
        for item in records
        if isinstance(item, GemeenteWoonplaats)
    }
    assert await _count(empty_bag, GemeenteWoonplaatsRow) == len(periods)


async def test_loading_records_one_event_and_a_second_load_changes_nothing(empty_bag: Database) -> None:
    await _load(empty_bag)
    before = await _count(empty_bag, VoorkomenRow)
    again = await _load(empty_bag)
    assert again.al_compleet
    assert await _count(empty_bag, VoorkomenRow) == before


async def test_an_interrupted_import_continues_with_the_next_file(empty_bag: Database) -> None:
    class Interrupted(Exception):  # noqa: N818 - a test signal
        pass

    def stop_after_three(done: int, _total: int) -> None:
        if done == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        await _load(empty_bag, progress=stop_after_three)
    partial = await _count(empty_bag, VoorkomenRow)
    assert 0 < partial < len([record for record in _records() if isinstance(record, Voorkomen)])
    verslag = await _load(empty_bag)
    assert verslag.al_geladen == 3 and not verslag.al_compleet
    assert await _count(empty_bag, VoorkomenRow) == len(
        [record for record in _records() if isinstance(record, Voorkomen)]
    )
    async with empty_bag.session() as session:
        leveringen = (await session.scalars(select(LeveringRow))).all()
    assert len(leveringen) == 1 and leveringen[0].klaar_op is not None


async def test_another_levering_is_refused_unless_it_replaces_the_first(empty_bag: Database, tmp_path: Path) -> None:
    await _load(empty_bag)
    other = tmp_path / "BAGGEM0221L-15092020-kopie.zip"
    other.write_bytes(SAMPLE.read_bytes())
    with pytest.raises(Conflict, match="--vervang"):
        await _load(empty_bag, other)
    verslag = await _load(empty_bag, other, vervangen=True)
    assert not verslag.al_compleet
    async with empty_bag.session() as session:
        names = (await session.scalars(select(LeveringRow.bestandsnaam))).all()
    assert names == [other.name]
    assert await _count(empty_bag, VoorkomenRow) == len(
        [record for record in _records() if isinstance(record, Voorkomen)]
    )
