# SPDX-License-Identifier: EUPL-1.2
"""Protocollering: written before the data leaves, grouped under load, append-only, and readable by
the bronhouder and the supervisor."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from opengdi.app import create_app
from opengdi.kernel import protocollering
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import ProtocolPersoonRow, ProtocolRecord, ProtocolRow, ProtocolWriter
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import BEHEER, PERSONEN, persoonslijst

BSN = "000000036"
QUERY = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [BSN], "fields": ["naam"]}


def _record(request_id: str, bsn: str = BSN) -> ProtocolRecord:
    return ProtocolRecord(
        request_id=request_id,
        afnemer_oin=BRONHOUDER,
        afnemer_naam="Testbronhouder",
        doelbinding="TEST",
        bouwsteen="brp",
        operatie="test",
        personen=[bsn],
        gegevens=["naam"],
    )


@pytest.fixture
async def persoon(empty_database: Database, tmp_path: Path) -> Database:
    """One person, Fenna Smit, whose data the tests read."""
    lijst = persoonslijst(BSN, c01=[{"02.10": "Fenna", "02.40": "Smit"}], c08=[{"09.10": "0599", "11.10": "Spui"}])
    async with http_client(create_app(settings_for(tmp_path), empty_database), BRONHOUDER) as http:
        assert (await http.post(BEHEER, json={"persoonslijsten": [lijst]})).status_code == 201
    return empty_database


async def test_concurrent_records_are_grouped_into_fewer_commits(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    commits: list[int] = []
    original = protocollering.write_records

    async def counting(db: Database, records: Any) -> None:
        commits.append(len(records))
        await asyncio.sleep(0.01)  # a slow disk: requests pile up behind the running commit
        await original(db, records)

    monkeypatch.setattr(protocollering, "write_records", counting)
    writer = ProtocolWriter(database)
    prefix = f"group-{uuid.uuid4()}"
    await asyncio.gather(*(writer.record(_record(f"{prefix}-{index}")) for index in range(40)))
    await writer.close()
    assert sum(commits) == 40 and len(commits) < 40
    async with database.session() as session:
        stored = (
            await session.scalars(select(ProtocolRow.request_id).where(ProtocolRow.request_id.like(f"{prefix}-%")))
        ).all()
    assert len(stored) == 40


async def test_no_data_leaves_when_the_record_cannot_be_written(
    persoon: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing(_db: Database, _records: Any) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr(protocollering, "write_records", failing)
    async with http_client(create_app(settings_for(tmp_path), persoon), BRONHOUDER) as http:
        response = await http.post(PERSONEN, json=QUERY)
    assert response.status_code == 503
    assert response.json()["code"] == "protocolleringNietBeschikbaar"
    assert "Smit" not in response.text


@pytest.mark.parametrize(
    "statement",
    [
        update(ProtocolRow).values(doelbinding="verstopt"),
        delete(ProtocolRow),
        update(ProtocolPersoonRow).values(burgerservicenummer="999999999"),
        delete(ProtocolPersoonRow),
    ],
)
async def test_the_protocol_is_append_only(database: Database, statement: Any) -> None:
    await protocollering.write_records(database, [_record(f"append-{uuid.uuid4()}")])
    async with database.session() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(statement)
            await session.commit()


async def test_truncating_the_protocol_is_refused_on_postgresql(database: Database) -> None:
    if database.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    async with database.session() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text("TRUNCATE gdi_protocol_persoon, gdi_protocol"))


async def _protocol(http: Any, **params: str) -> Any:
    return await http.get("/digikoppeling/protocollering", params=params)


async def test_the_supervisor_reads_who_looked_at_a_person(persoon: Database, tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path), persoon)
    request_id = f"inzage-{uuid.uuid4()}"
    async with http_client(app, demo_afnemer("Belastingdienst").oin) as http:
        assert (
            await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": request_id, "x-gebruiker": "inspecteur-7"})
        ).status_code == 200
    async with http_client(app, demo_afnemer("Autoriteit Persoonsgegevens").oin) as http:
        response = await _protocol(http, burgerservicenummer=BSN)
    assert response.status_code == 200
    [regel] = [item for item in response.json()["protocolregels"] if item["requestId"] == request_id]
    assert regel["afnemer"] == {"oin": demo_afnemer("Belastingdienst").oin, "naam": "Belastingdienst"}
    assert (regel["eindgebruiker"], regel["doelbinding"], regel["personen"]) == ("inspecteur-7", "BELASTINGEN", [BSN])
    assert "naam.geslachtsnaam" in regel["gegevens"]


async def test_the_bronhouder_reads_only_the_protocol_of_its_registry(persoon: Database, tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path), persoon)
    rvig = demo_afnemer("Rijksdienst voor Identiteitsgegevens (RvIG)").oin
    async with http_client(app, rvig) as http:
        mine = await _protocol(http, burgerservicenummer=BSN)
        other = await _protocol(http, bouwsteen="protocollering")
    assert mine.status_code == 200
    assert {regel["bouwsteen"] for regel in mine.json()["protocolregels"]} <= {"brp"}
    assert other.status_code == 403


async def test_an_afnemer_without_a_grant_cannot_read_the_protocol(persoon: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), persoon), demo_afnemer("Belastingdienst").oin) as http:
        response = await _protocol(http)
    assert response.status_code == 403


async def test_reading_the_protocol_is_itself_recorded(persoon: Database, tmp_path: Path) -> None:
    request_id = f"toezicht-{uuid.uuid4()}"
    ap = demo_afnemer("Autoriteit Persoonsgegevens")
    async with http_client(create_app(settings_for(tmp_path), persoon), ap.oin) as http:
        response = await http.get(
            "/digikoppeling/protocollering", params={"burgerservicenummer": BSN}, headers={"X-Request-ID": request_id}
        )
    assert response.status_code == 200
    async with persoon.session() as session:
        [record] = (await session.scalars(select(ProtocolRow).where(ProtocolRow.request_id == request_id))).all()
    assert (record.afnemer_oin, record.bouwsteen, record.operatie) == (ap.oin, "protocollering", "raadplegen")


async def test_without_authentication_the_protocol_is_open_too(persoon: Database, tmp_path: Path) -> None:
    request_id = f"open-{uuid.uuid4()}"
    async with http_client(create_app(settings_for(tmp_path, authenticatie="uit"), persoon)) as http:
        looked_up = await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": request_id, "x-doelbinding": "TEST"})
        response = await _protocol(http, burgerservicenummer=BSN, bouwsteen="brp")
    assert looked_up.status_code == 200
    assert response.status_code == 200, response.text
    [regel] = [item for item in response.json()["protocolregels"] if item["requestId"] == request_id]
    assert (regel["afnemer"], regel["doelbinding"]) == ({"oin": None, "naam": "open toegang"}, "TEST")


@pytest.mark.parametrize("authenticatie", ["aan", "uit"])
async def test_long_stated_headers_are_cut_to_what_the_protocol_keeps(
    persoon: Database, tmp_path: Path, authenticatie: str
) -> None:
    request_id = f"lang-{uuid.uuid4()}"
    headers = {"X-Request-ID": request_id, "x-gebruiker": "g" * 500, "x-verwerking": "v" * 500}
    if authenticatie == "uit":
        headers["x-doelbinding"] = "d" * 500
    app = create_app(settings_for(tmp_path, authenticatie=authenticatie), persoon)
    async with http_client(app, None if authenticatie == "uit" else demo_afnemer("Belastingdienst").oin) as http:
        response = await http.post(PERSONEN, json=QUERY, headers=headers)
    assert response.status_code == 200, response.text
    async with persoon.session() as session:
        [record] = (await session.scalars(select(ProtocolRow).where(ProtocolRow.request_id == request_id))).all()
    assert (record.eindgebruiker, record.verwerking) == ("g" * 200, "v" * 242)
    assert record.doelbinding == ("d" * 100 if authenticatie == "uit" else "BELASTINGEN")
