# SPDX-License-Identifier: EUPL-1.2
"""Protocollering: written before the data leaves, one record per delivered subject with the search
parameters, grouped under load, append-only, and readable by the bronhouder and the supervisor."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from opengdi.app import create_app
from opengdi.kernel import protocollering
from opengdi.kernel.db import Database
from opengdi.kernel.protocollering import (
    ProtocolRecord,
    ProtocolRow,
    ProtocolSubjectRow,
    ProtocolVraag,
    ProtocolWriter,
    Subject,
    json_safe,
    protocol_records,
)
from opengdi.kernel.toegang import Besluit, Principaal, PrincipaalSoort, Toegangsvraag
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import BEHEER, PERSONEN, persoonslijst

BSN = "000000036"
QUERY = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [BSN], "fields": ["naam"]}


BRONHOUDER_PRINCIPAAL = Principaal(PrincipaalSoort.ORGANISATIE, BRONHOUDER, "Testbronhouder", "token")


def _record(request_id: str, *subjecten: Subject, afnemer: Principaal = BRONHOUDER_PRINCIPAAL) -> ProtocolRecord:
    return ProtocolRecord(
        request_id=request_id,
        afnemer=afnemer,
        doelbinding="TEST",
        bouwsteen="brp",
        operatie="test",
        subjecten=subjecten or [Subject("burgerservicenummer", BSN)],
        gegevens=["naam"],
    )


async def _of_requests(database: Database, *request_ids: str) -> list[dict[str, Any]]:
    """The stored records of ``request_ids``, as the protocol API gives them."""
    return await protocollering.find_records(database, ProtocolVraag(request_ids=frozenset(request_ids), limit=1000))


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
    stored = await _of_requests(database, *(f"{prefix}-{index}" for index in range(40)))
    assert len(stored) == 40


async def test_a_batch_keeps_each_records_own_subjects_and_fields(database: Database) -> None:
    prefix = f"batch-{uuid.uuid4()}"
    subjecten = [
        [],
        [Subject("burgerservicenummer", "000000036")],
        [Subject("burgerservicenummer", "000000048"), Subject("aNummer", "1234567890")],
        [Subject("burgerservicenummer", "000000036")],
    ]
    namens = Principaal(PrincipaalSoort.NATUURLIJK_PERSOON, "000000061", "Iemand", "digid")
    records = [
        ProtocolRecord(
            request_id=f"{prefix}-{index}",
            afnemer=Principaal(
                PrincipaalSoort.ORGANISATIE,
                BRONHOUDER if index % 2 else None,
                f"Afnemer {index}",
                "token" if index % 2 else "open",
                namens=namens if index == 2 else None,
                eindgebruiker=f"gebruiker {index}" if index else None,
                verwerking="verwerking" if index == 2 else None,
            ),
            doelbinding=f"DOEL{index}",
            bouwsteen="brp",
            operatie=f"operatie {index}",
            subjecten=items,
            gegevens=[f"veld{index}", "naam"],
            zoekvraag={"geslachtsnaam": "Smit"} if index == 3 else None,
        )
        for index, items in enumerate(subjecten)
    ]
    await protocollering.write_records(database, records)
    found = await _of_requests(database, *(record.request_id for record in records))
    stored = {item["requestId"]: item for item in found}
    for index, record in enumerate(records):
        item = stored[record.request_id]
        expected = sorted((subject.soort, subject.identificatie) for subject in subjecten[index])
        assert sorted((subject["soort"], subject["identificatie"]) for subject in item["subjecten"]) == expected
        assert (item["afnemer"]["identificatie"], item["afnemer"]["naam"]) == (
            record.afnemer.identificatie,
            record.afnemer.naam,
        )
        assert item["afnemer"]["namens"] == (
            {"soort": "natuurlijk_persoon", "identificatie": "000000061"} if index == 2 else None
        )
        assert (item["doelbinding"], item["operatie"], item["gegevens"], item["zoekvraag"]) == (
            record.doelbinding,
            record.operatie,
            list(record.gegevens),
            record.zoekvraag,
        )
        assert (item["eindgebruiker"], item["verwerking"]) == (record.afnemer.eindgebruiker, record.afnemer.verwerking)
    assert len({item["id"] for item in stored.values()}) == len(records)


async def test_writers_of_two_processes_lose_and_double_no_record(database: Database) -> None:
    """Two workers: each its own engine and protocol writer on the same database, writing at once."""
    other = Database(database.url)
    prefix = f"twee-{uuid.uuid4()}"
    writers = [ProtocolWriter(database), ProtocolWriter(other)]
    try:
        await asyncio.gather(
            *(
                writers[index % 2].record(_record(f"{prefix}-{index}", Subject("burgerservicenummer", f"{index:09d}")))
                for index in range(60)
            )
        )
    finally:
        for writer in writers:
            await writer.close()
        await other.dispose()
    found = await _of_requests(database, *(f"{prefix}-{index}" for index in range(60)))
    rows = [(item["requestId"], subject["identificatie"]) for item in found for subject in item["subjecten"]]
    assert sorted(rows) == sorted((f"{prefix}-{index}", f"{index:09d}") for index in range(60))


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
        update(ProtocolSubjectRow).values(identificatie="999999999"),
        delete(ProtocolSubjectRow),
    ],
)
async def test_the_protocol_is_append_only(database: Database, statement: Any) -> None:
    """A deliberate attack on the tables, past the kernel's functions: the database itself refuses it."""
    await protocollering.write_records(database, [_record(f"append-{uuid.uuid4()}")])
    async with database.session() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(statement)
            await session.commit()


async def test_truncating_the_protocol_is_refused_on_postgresql(database: Database) -> None:
    """A deliberate attack on the tables, as :func:`test_the_protocol_is_append_only`."""
    if database.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    async with database.session() as session:
        with pytest.raises(DBAPIError, match="append-only"):
            await session.execute(text("TRUNCATE gdi_protocol_subject, gdi_protocol"))


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
    oin = demo_afnemer("Belastingdienst").oin
    assert regel["afnemer"] == {
        "soort": "organisatie",
        "identificatie": oin,
        "oin": oin,
        "naam": "Belastingdienst",
        "authenticatie": "token",
        "namens": None,
    }
    assert (regel["eindgebruiker"], regel["doelbinding"], regel["personen"]) == ("inspecteur-7", "BELASTINGEN", [BSN])
    assert regel["subjecten"] == [{"soort": "burgerservicenummer", "identificatie": BSN}]
    assert regel["zoekvraag"] == {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [BSN]}
    assert "naam.geslachtsnaam" in regel["gegevens"]


async def test_the_bronhouder_reads_only_the_protocol_of_its_registry(persoon: Database, tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path), persoon)
    rvig = demo_afnemer("Rijksdienst voor Identiteitsgegevens (RvIG)").oin
    async with http_client(app, rvig) as http:
        mine = await _protocol(http, burgerservicenummer=BSN)
        other = await _protocol(http, bouwsteen="protocollering")
    assert mine.status_code == 200
    assert {regel["bouwsteen"] for regel in mine.json()["protocolregels"]} <= {"brp", "brp.bewoning"}
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
    [record] = await _of_requests(persoon, request_id)
    assert (record["afnemer"]["identificatie"], record["bouwsteen"], record["operatie"]) == (
        ap.oin,
        "protocollering",
        "raadplegen",
    )
    assert record["zoekvraag"] == {
        "subjectSoort": "burgerservicenummer",
        "subjectIdentificatie": BSN,
        "limit": 100,
        "offset": 0,
    }


async def test_without_authentication_the_protocol_is_open_too(persoon: Database, tmp_path: Path) -> None:
    request_id = f"open-{uuid.uuid4()}"
    async with http_client(create_app(settings_for(tmp_path, authenticatie="uit"), persoon)) as http:
        looked_up = await http.post(PERSONEN, json=QUERY, headers={"X-Request-ID": request_id, "x-doelbinding": "TEST"})
        response = await _protocol(http, burgerservicenummer=BSN, bouwsteen="brp")
    assert looked_up.status_code == 200
    assert response.status_code == 200, response.text
    [regel] = [item for item in response.json()["protocolregels"] if item["requestId"] == request_id]
    assert (regel["afnemer"]["identificatie"], regel["afnemer"]["naam"]) == (None, "open toegang")
    assert (regel["afnemer"]["authenticatie"], regel["doelbinding"]) == ("open", "TEST")


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
    [record] = await _of_requests(persoon, request_id)
    assert (record["eindgebruiker"], record["verwerking"]) == ("g" * 200, "v" * 242)
    assert record["doelbinding"] == ("d" * 100 if authenticatie == "uit" else "BELASTINGEN")


async def _regels(database: Database, tmp_path: Path, request_id: str, **params: str) -> list[dict[str, Any]]:
    async with http_client(create_app(settings_for(tmp_path), database), BRONHOUDER) as http:
        response = await _protocol(http, **params)
    assert response.status_code == 200, response.text
    return [regel for regel in response.json()["protocolregels"] if regel["requestId"] == request_id]


ZONDER_BSN = [
    # A person without a BSN but with an A-nummer, and one with neither (identified by the persoonslijst).
    {
        "01": [{"01.10": "5555555555", "02.10": "Ada", "02.40": "Zonderbsn", "03.10": "19700101"}],
        "07": [{"70.10": "0"}],
    },
    {"01": [{"02.10": "Bo", "02.40": "Zonderbsn", "03.10": "19700101"}], "07": [{"70.10": "0"}]},
]
ZOEK_ZONDER_BSN = {
    "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
    "geslachtsnaam": "Zonderbsn",
    "geboortedatum": "1970-01-01",
    "fields": ["naam"],
}


async def test_every_delivered_person_has_a_record_also_without_a_bsn(persoon: Database, tmp_path: Path) -> None:
    app = create_app(settings_for(tmp_path), persoon)
    request_id = f"zonder-bsn-{uuid.uuid4()}"
    async with http_client(app, BRONHOUDER) as http:
        assert (await http.post(BEHEER, json={"persoonslijsten": ZONDER_BSN})).status_code == 201
        response = await http.post(PERSONEN, json=ZOEK_ZONDER_BSN, headers={"X-Request-ID": request_id})
    assert response.status_code == 200 and len(response.json()["personen"]) == 2
    regels = await _regels(persoon, tmp_path, request_id)
    assert len(regels) == 2
    soorten = sorted(subject["soort"] for regel in regels for subject in regel["subjecten"])
    assert soorten == ["aNummer", "persoonslijst"]
    assert {"soort": "aNummer", "identificatie": "5555555555"} in [regel["subjecten"][0] for regel in regels]
    assert all(len(regel["subjecten"]) == 1 and regel["personen"] == [] for regel in regels)
    expected = {key: value for key, value in ZOEK_ZONDER_BSN.items() if key != "fields"}
    assert all(regel["zoekvraag"] == expected for regel in regels)
    [by_a_nummer] = await _regels(
        persoon, tmp_path, request_id, subjectSoort="aNummer", subjectIdentificatie="5555555555"
    )
    assert by_a_nummer["subjecten"] == [{"soort": "aNummer", "identificatie": "5555555555"}]


async def test_a_request_that_delivered_nobody_is_recorded_with_what_was_asked(
    persoon: Database, tmp_path: Path
) -> None:
    request_id = f"niemand-{uuid.uuid4()}"
    query = {**QUERY, "burgerservicenummer": ["999999990"]}
    async with http_client(create_app(settings_for(tmp_path), persoon), demo_afnemer("Belastingdienst").oin) as http:
        response = await http.post(PERSONEN, json=query, headers={"X-Request-ID": request_id})
    assert (response.status_code, response.json()["personen"]) == (200, [])
    [regel] = await _regels(persoon, tmp_path, request_id)
    assert (regel["subjecten"], regel["personen"]) == ([], [])
    assert regel["zoekvraag"] == {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999999990"]}
    assert "naam.geslachtsnaam" in regel["gegevens"]


async def test_the_protocol_is_keyed_on_any_kind_of_subject(database: Database, tmp_path: Path) -> None:
    request_id = f"kvk-{uuid.uuid4()}"
    kvk = str(uuid.uuid4().int)[:8]
    onderneming = Principaal(PrincipaalSoort.ONDERNEMING, "90000001", "Bakkerij", "eherkenning")
    namens_burger = Principaal(
        PrincipaalSoort.ORGANISATIE,
        BRONHOUDER,
        "Testbronhouder",
        "token",
        namens=Principaal(PrincipaalSoort.NATUURLIJK_PERSOON, BSN, "Fenna Smit", "digid"),
    )
    await protocollering.write_records(
        database,
        [
            _record(request_id, Subject("kvkNummer", kvk), afnemer=onderneming),
            _record(request_id, Subject("kenteken", "AB123C"), Subject("kvkNummer", kvk), afnemer=namens_burger),
        ],
    )
    regels = await _regels(database, tmp_path, request_id, subjectSoort="kvkNummer", subjectIdentificatie=kvk)
    assert len(regels) == 2
    eigen, namens = sorted(regels, key=lambda regel: regel["id"])
    assert (eigen["afnemer"]["soort"], eigen["afnemer"]["identificatie"], eigen["afnemer"]["oin"]) == (
        "onderneming",
        "90000001",
        None,
    )
    assert namens["afnemer"]["namens"] == {"soort": "natuurlijk_persoon", "identificatie": BSN}
    assert namens["subjecten"] == [
        {"soort": "kenteken", "identificatie": "AB123C"},
        {"soort": "kvkNummer", "identificatie": kvk},
    ]
    assert await _regels(database, tmp_path, request_id, subjectSoort="kenteken", subjectIdentificatie="ZZ999Z") == []


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"subjectSoort": "kvkNummer"}, "subjectIdentificatie"),
        ({"subjectIdentificatie": "12345678"}, "subjectSoort"),
        ({"burgerservicenummer": BSN, "subjectSoort": "aNummer", "subjectIdentificatie": "1"}, "burgerservicenummer"),
        ({"subjectSoort": "kvk nummer", "subjectIdentificatie": "1"}, "subjectSoort"),
    ],
)
async def test_a_half_or_malformed_subject_filter_is_a_400_naming_it(
    database: Database, tmp_path: Path, params: dict[str, str], name: str
) -> None:
    async with http_client(create_app(settings_for(tmp_path), database), BRONHOUDER) as http:
        response = await _protocol(http, **params)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert [item["name"] for item in response.json()["invalidParams"]] == [name]


def test_the_kernel_builds_one_record_per_delivered_subject_and_none_without_personal_data() -> None:
    vraag = Toegangsvraag("brp", "Zoek", frozenset({"naam", "geboorte"}))
    besluit = Besluit("TEST")
    geleverd = [[Subject("burgerservicenummer", "1")], [Subject("aNummer", "2"), Subject("aNummer", "2")]]
    records = protocol_records(
        request_id="r",
        afnemer=BRONHOUDER_PRINCIPAAL,
        besluit=besluit,
        vraag=vraag,
        geleverd=geleverd,
        zoekvraag={"geslachtsnaam": "Vos"},
        persoonsgegevens=True,
    )
    assert [list(record.subjecten) for record in records] == [
        [Subject("burgerservicenummer", "1")],
        [Subject("aNummer", "2")],
    ]
    assert {tuple(record.gegevens) for record in records} == {("geboorte", "naam")}
    assert {record.doelbinding for record in records} == {"TEST"}
    [niemand] = protocol_records(
        request_id="r",
        afnemer=BRONHOUDER_PRINCIPAAL,
        besluit=besluit,
        vraag=vraag,
        geleverd=[],
        zoekvraag={"geslachtsnaam": "Vos"},
        persoonsgegevens=True,
    )
    assert (list(niemand.subjecten), niemand.zoekvraag) == ([], {"geslachtsnaam": "Vos"})
    assert (
        protocol_records(
            request_id="r",
            afnemer=BRONHOUDER_PRINCIPAAL,
            besluit=besluit,
            vraag=vraag,
            geleverd=geleverd,
            persoonsgegevens=False,
        )
        == []
    )


def test_search_parameters_are_kept_without_nul_and_within_bounds() -> None:
    kept = json_safe({"naam": "a\x00b" + "c" * 500, "lijst": list(range(80)), "diep": {"a": {"b": {"c": {"d": 1}}}}})
    assert kept["naam"] == "ab" + "c" * 198
    assert kept["lijst"] == list(range(50))
    assert kept["diep"] == {"a": {"b": {"c": None}}}


async def test_search_parameters_with_a_nul_are_stored_on_both_databases(database: Database) -> None:
    request_id = f"nul-{uuid.uuid4()}"
    vraag = Toegangsvraag("brp", "Zoek", frozenset({"naam"}))
    records = protocol_records(
        request_id=request_id,
        afnemer=BRONHOUDER_PRINCIPAAL,
        besluit=Besluit("TEST"),
        vraag=vraag,
        geleverd=[],
        zoekvraag={"geslachtsnaam": "Vo\x00s", "\x00sleutel": "x" * 10_000},
        persoonsgegevens=True,
    )
    await protocollering.write_records(database, records)
    [row] = await _of_requests(database, request_id)
    assert row["zoekvraag"] == {"geslachtsnaam": "Vos", "sleutel": "x" * 200}
