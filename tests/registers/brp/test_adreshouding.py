# SPDX-License-Identifier: EUPL-1.2
"""Adreshoudingen derived from a persoonslijst's verblijfplaats history, kept in step with every
write (import, replacement, removal) and filled for persoonslijsten stored before brp_0003, on both
databases; and the demo data answers real bewoningen."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from opengdi.app import create_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.geldigheid import TOEKOMST, Overgang
from opengdi.registers.brp.adreshouding import Adreshouding, adreshoudingen
from opengdi.registers.brp.demo import load_demo
from opengdi.registers.brp.invoer import ImportErrors, read_persoonslijst
from opengdi.registers.brp.model import AdreshoudingRow
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.service import Bestaand, import_bulk
from tests.conftest import BRONHOUDER, http_client, register_bronhouder, scratch_database, settings_for, unit_of_work
from tests.registers.brp.helpers import BEHEER, adres, bewoner, buitenland, in_periode, load, op_peildatum

A1 = "0800010000000001"
A2 = "0800010000000002"


def d(text: str) -> date:
    return date.fromisoformat(text)


def _lijst(raw: dict[str, Any]) -> Persoonslijst:
    errors = ImportErrors([], strict=False)
    lijst = read_persoonslijst(raw, "test", errors)
    assert not errors.params
    return lijst


def _van_tot(item: Adreshouding) -> tuple[str, str, str | None]:
    einde = item.geldigheid.einde
    return (
        item.adresseerbaar_object,
        item.geldigheid.begin.vroegst.isoformat(),
        einde.zeker.isoformat() if einde else None,
    )


def test_each_stay_at_a_bag_object_is_an_adreshouding_until_the_next_stay() -> None:
    lijst = _lijst(
        bewoner(
            "000000024",
            adres(A1, "20100818"),
            {"09.10": "0800", "10.30": "20120101", "11.10": "Spui"},
            adres(A2, "20160526"),
            buitenland("20230526"),
        )
    )
    assert [_van_tot(item) for item in adreshoudingen(lijst)] == [
        (A1, "2010-08-18", "2012-01-01"),
        (A2, "2016-05-26", "2023-05-26"),
    ]


def test_the_adreshouding_keeps_nummeraanduiding_gemeente_and_voorkomen() -> None:
    lijst = _lijst(bewoner("000000024", adres(A1, "20100818", e11_90="0800200000000001")))
    [item] = adreshoudingen(lijst)
    assert (item.volgnummer, item.nummeraanduiding, item.gemeente, item.in_onderzoek) == (
        0,
        "0800200000000001",
        "0800",
        False,
    )
    assert item.geldigheid.einde is None


@pytest.mark.parametrize(
    "identificatie", ["0000000000000000", "080001000000000", "08000100000000001", "0800O10000000001", ""]
)
def test_a_stay_without_a_valid_bag_identification_is_none(identificatie: str) -> None:
    lijst = _lijst(bewoner("000000024", {**adres(A1, "20100818"), "11.80": identificatie, "11.10": "Spui"}))
    assert adreshoudingen(lijst) == []


def test_consecutive_stays_at_one_object_are_one_residence_cut_per_voorkomen() -> None:
    lijst = _lijst(
        bewoner(
            "000000024",
            adres(A1, "20100818"),
            {**adres(A1, "20230500"), "09.10": "0530", "72.10": "W"},
            adres(A2, "20240101"),
        )
    )
    eerste, tweede, _a2 = adreshoudingen(lijst)
    assert (eerste.gemeente, tweede.gemeente) == ("0800", "0530")
    # certain from the first stay's begin to the next object, cut at the earliest day of the change
    assert eerste.geldigheid.zeker.van == d("2010-08-18") and eerste.geldigheid.zeker.tot == d("2023-05-01")
    assert tweede.geldigheid.zeker.van == d("2023-05-01") and tweede.geldigheid.zeker.tot == d("2024-01-01")


def test_a_missing_or_malformed_begin_is_an_unknown_day() -> None:
    lijst = _lijst(bewoner("000000024", {**adres(A1, "20100818"), "10.30": ""}, adres(A2, "2016")))
    eerste, tweede = adreshoudingen(lijst)
    assert eerste.geldigheid.begin == Overgang.onbekend()
    assert tweede.geldigheid.begin.zeker == TOEKOMST


def test_opschorting_and_death_end_every_residence() -> None:
    lijst = _lijst(
        bewoner(
            "000000024", adres(A1, "20100818"), c06=[{"08.10": "20200315"}], c07=[{"67.10": "20200401", "67.20": "O"}]
        )
    )
    [item] = adreshoudingen(lijst)
    assert item.geldigheid.einde == Overgang.op(d("2020-03-15"))


def test_after_opschorting_no_later_stay_remains() -> None:
    lijst = _lijst(
        bewoner("000000024", adres(A1, "20100818"), adres(A2, "20210101"), c07=[{"67.10": "20200401", "67.20": "M"}])
    )
    assert [_van_tot(item) for item in adreshoudingen(lijst)] == [(A1, "2010-08-18", "2020-04-01")]


@pytest.mark.parametrize("reden", ["F", "W"])
def test_a_withdrawn_persoonslijst_has_no_adreshouding(reden: str) -> None:
    assert adreshoudingen(_lijst(bewoner("000000024", adres(A1, "20100818"), c07=[{"67.20": reden}]))) == []


def test_onderzoek_of_a_historical_stay_is_read_as_its_category() -> None:
    lijst = _lijst(
        bewoner(
            "000000024",
            adres(A1, "20100818", e83_10="581180", e83_20="20200101"),
            adres(A2, "20210101", e83_10="081190"),
        )
    )
    assert [item.in_onderzoek for item in adreshoudingen(lijst)] == [True, False]


# --- Kept in step with the stored persoonslijsten ---------------------------------------------------


async def _rijen(database: Database) -> int:
    async with database.connect() as connection:
        return int(await connection.scalar(select(func.count()).select_from(AdreshoudingRow)) or 0)


async def test_writes_replace_and_remove_the_adreshoudingen_too(
    client: httpx.AsyncClient, empty_database: Database
) -> None:
    await load(client, bewoner("000000024", adres(A1, "20100818"), adres(A2, "20160526")))
    assert await _rijen(empty_database) == 2
    verhuisd = bewoner("000000024", adres(A2, "20100818"))
    async with unit_of_work(empty_database) as uow:
        report = await import_bulk(uow, [("vervangen", verhuisd)], bestaand=Bestaand.VERVANGEN)
    assert (report.replaced, await _rijen(empty_database)) == (1, 1)
    assert await op_peildatum(client, A1, "2012-01-01") == []
    assert await op_peildatum(client, A2, "2012-01-01") == [("2012-01-01", "2012-01-02", ["000000024"], [])]
    assert (await client.delete(BEHEER)).status_code == 204
    assert await _rijen(empty_database) == 0


@pytest.fixture(params=["sqlite", "postgresql"])
async def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    async with scratch_database(request.param, tmp_path) as database:
        yield database


async def _migrate_to(database: Database, revision: str) -> None:
    config = SAMENSTELLING.migraties().config()

    def upgrade(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(upgrade)


_VOORKOMENS = [
    ("01", 0, '{"01.20": "000000024"}'),
    ("08", 0, '{"09.10": "0800", "10.30": "20160526", "11.80": "0800010000000002"}'),
    ("08", 1, '{"09.10": "0800", "10.30": "20100800", "11.80": "0800010000000001", "83.10": "081180"}'),
]


async def test_brp_0003_derives_the_adreshoudingen_of_stored_persoonslijsten(fresh_database: Database) -> None:
    await _migrate_to(fresh_database, "brp_0002")
    async with fresh_database.engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO brp_persoonslijst (id, burgerservicenummer, overleden) VALUES (5, '000000024', false)")
        )
        for categorie, volgnummer, elementen in _VOORKOMENS:
            await connection.execute(
                text("INSERT INTO brp_voorkomen VALUES (5, :categorie, 1, :volgnummer, :elementen)"),
                {"categorie": categorie, "volgnummer": volgnummer, "elementen": elementen},
            )
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    async with fresh_database.connect() as connection:
        rows = (
            await connection.execute(
                select(
                    AdreshoudingRow.volgnummer,
                    AdreshoudingRow.adresseerbaar_object_identificatie,
                    AdreshoudingRow.begin_vroegst,
                    AdreshoudingRow.begin_zeker,
                    AdreshoudingRow.einde_zeker,
                    AdreshoudingRow.in_onderzoek,
                ).order_by(AdreshoudingRow.volgnummer)
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        (0, A2, d("2016-05-26"), d("2016-05-26"), TOEKOMST, False),
        (1, A1, d("2010-08-01"), d("2010-09-01"), d("2016-05-26"), True),
    ]


# --- The demo data -----------------------------------------------------------------------------------


@pytest.fixture
async def demo(fresh_database: Database) -> Database:
    """A database of its own with the BRP's demo persons (the BSN-beheervoorziening takes every number
    the BRP ever stored as in use, so the session database must not learn the demo's)."""
    await SAMENSTELLING.migraties().upgrade(fresh_database)
    await register_bronhouder(fresh_database)
    async with unit_of_work(fresh_database) as uow:
        await load_demo(uow)
    return fresh_database


async def test_the_demo_persons_history_answers_bewoningen(demo: Database, tmp_path: Path) -> None:
    async with demo.connect() as connection:
        [(ado, aantal)] = (
            await connection.execute(
                select(AdreshoudingRow.adresseerbaar_object_identificatie, func.count())
                .group_by(AdreshoudingRow.adresseerbaar_object_identificatie)
                .order_by(func.count().desc(), AdreshoudingRow.adresseerbaar_object_identificatie)
                .limit(1)
            )
        ).all()
    assert aantal > 10
    async with http_client(create_app(settings_for(tmp_path), demo), BRONHOUDER) as client:
        bewoningen = await in_periode(client, ado, "1900-01-01", "2030-01-01")
    assert len(bewoningen) > 1
    assert all(zeker or mogelijk for _van, _tot, zeker, mogelijk in bewoningen)
