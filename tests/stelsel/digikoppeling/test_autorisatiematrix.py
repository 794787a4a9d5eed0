# SPDX-License-Identifier: EUPL-1.2
"""Organisations × operations × fields: who may read what from the BRP, and every allowed read of
personal data leaves one protocol record per delivered person (a refused one none)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from opengdi.app import create_app
from opengdi.kernel import protocollering
from opengdi.kernel.db import Database
from opengdi.kernel.problems import Problem
from opengdi.registers.brp import service
from tests.conftest import BRONHOUDER, demo_afnemer, http_client, settings_for
from tests.registers.brp.helpers import BEHEER, PERSONEN, persoonslijst

ROTTERDAMMER = "000000012"
HAGENAAR = "000000024"
ADRES_ROTTERDAM = {
    "09.10": "0599",
    "11.10": "Coolsingel",
    "11.20": "40",
    "11.60": "3011AD",
    "11.80": "0599010000000040",
    "11.90": "0599200000000040",
}
ADRES_DEN_HAAG = {"09.10": "0518", "11.10": "Spui", "11.20": "70", "11.60": "2511BT"}


def raadpleeg(bsn: str, *fields: str) -> dict[str, Any]:
    return {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": list(fields)}


def zoek_naam(gemeente: str | None, *fields: str) -> dict[str, Any]:
    body = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": "Vos",
        "geboortedatum": "1980-01-01",
        "fields": list(fields),
    }
    return {**body, "gemeenteVanInschrijving": gemeente} if gemeente else body


def zoek_postcode(*fields: str) -> dict[str, Any]:
    return {"type": "ZoekMetPostcodeEnHuisnummer", "postcode": "3011AD", "huisnummer": 40, "fields": list(fields)}


CASES: list[tuple[str, dict[str, Any], int]] = [
    ("Gemeente Rotterdam", raadpleeg(ROTTERDAMMER, "naam", "aNummer", "partners", "kinderen"), 200),
    ("Gemeente Rotterdam", raadpleeg(HAGENAAR, "naam"), 403),
    ("Gemeente Rotterdam", zoek_naam("0599", "burgerservicenummer", "naam"), 200),
    ("Gemeente Rotterdam", zoek_naam(None, "burgerservicenummer"), 403),
    ("Gemeente Rotterdam", zoek_naam("0518", "burgerservicenummer"), 403),
    ("Gemeente 's-Gravenhage", raadpleeg(HAGENAAR, "naam", "verblijfplaats"), 200),
    ("Gemeente 's-Gravenhage", raadpleeg(ROTTERDAMMER, "burgerservicenummer"), 403),
    ("Belastingdienst", raadpleeg(ROTTERDAMMER, "naam", "partners", "kinderen", "verblijfplaats"), 200),
    ("Belastingdienst", raadpleeg(HAGENAAR, "naam.voornamen", "geboorte.datum"), 200),
    ("Belastingdienst", raadpleeg(ROTTERDAMMER, "aNummer"), 403),
    ("Belastingdienst", raadpleeg(ROTTERDAMMER, "naam", "ouders"), 403),
    ("Belastingdienst", zoek_naam(None, "burgerservicenummer", "naam"), 200),
    ("Provincie Zuid-Holland", raadpleeg(HAGENAAR, "naam", "adressering.adresregel1"), 200),
    ("Provincie Zuid-Holland", raadpleeg(HAGENAAR, "geboorte"), 403),
    ("Provincie Zuid-Holland", zoek_naam(None, "burgerservicenummer"), 403),
    ("Hoogheemraadschap van Delfland", raadpleeg(ROTTERDAMMER, "naam", "adressering"), 200),
    ("Hoogheemraadschap van Delfland", zoek_postcode("burgerservicenummer", "naam"), 200),
    ("Hoogheemraadschap van Delfland", zoek_postcode("geboorte"), 403),
    ("Hoogheemraadschap van Delfland", zoek_naam(None, "burgerservicenummer"), 403),
    ("Dienst Wegverkeer (RDW)", zoek_naam(None, "burgerservicenummer", "adressering"), 200),
    ("Dienst Wegverkeer (RDW)", zoek_postcode("burgerservicenummer"), 403),
    ("Dienst Wegverkeer (RDW)", raadpleeg(ROTTERDAMMER, "partners"), 403),
    ("Rijksdienst voor Identiteitsgegevens (RvIG)", raadpleeg(HAGENAAR, "aNummer", "ouders", "nationaliteiten"), 200),
]


@pytest.fixture
async def inwoners(empty_database: Database, tmp_path: Path) -> Database:
    """A Rotterdammer and a Hagenaar, both called Vos and born on 1 January 1980."""
    lijsten = [
        persoonslijst(
            ROTTERDAMMER,
            c01=[{"01.10": "1234567890", "02.10": "Anna", "02.40": "Vos", "03.10": "19800101"}],
            c05=[{"02.10": "Bert", "02.40": "Bos", "06.10": "20050505"}],
            c09=[{"02.10": "Cas", "02.40": "Vos"}],
            c08=[ADRES_ROTTERDAM],
        ),
        persoonslijst(
            HAGENAAR,
            c01=[{"02.10": "Dirk", "02.40": "Vos", "03.10": "19800101"}],
            c02=[{"02.10": "Els", "02.40": "Vos"}],
            c04=[{"05.10": "0001"}],
            c08=[ADRES_DEN_HAAG],
        ),
    ]
    async with http_client(create_app(settings_for(tmp_path), empty_database), BRONHOUDER) as http:
        assert (await http.post(BEHEER, json={"persoonslijsten": lijsten})).status_code == 201
    return empty_database


async def _records(database: Database, request_id: str) -> list[dict[str, Any]]:
    vraag = protocollering.ProtocolVraag(request_ids=frozenset({request_id}), limit=1000)
    return await protocollering.find_records(database, vraag)


@pytest.mark.parametrize(("naam", "body", "status"), CASES, ids=[f"{c[0]}-{c[1]['type']}-{c[2]}" for c in CASES])
async def test_autorisatie_and_protocollering(
    inwoners: Database, tmp_path: Path, naam: str, body: dict[str, Any], status: int
) -> None:
    afnemer = demo_afnemer(naam)
    request_id = f"matrix-{uuid.uuid4()}"
    headers = {"X-Request-ID": request_id, "x-gebruiker": "medewerker-42", "x-verwerking": "test"}
    async with http_client(create_app(settings_for(tmp_path), inwoners), afnemer.oin) as http:
        response = await http.post(PERSONEN, json=body, headers=headers)
    assert response.status_code == status, response.text
    records = await _records(inwoners, request_id)
    if status == 403:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] in ("autorisation", "unauthorizedField")
        assert records == []
        return
    delivered = response.json()["personen"]
    assert delivered, "an allowed read in this matrix finds someone"
    assert len(records) == len(delivered)
    for record in records:
        recorded_afnemer = record["afnemer"]
        assert (recorded_afnemer["soort"], recorded_afnemer["identificatie"], recorded_afnemer["naam"]) == (
            "organisatie",
            afnemer.oin,
            afnemer.naam,
        )
        assert (record["bouwsteen"], record["operatie"], recorded_afnemer["authenticatie"]) == (
            "brp",
            body["type"],
            "token",
        )
        assert (record["eindgebruiker"], record["verwerking"]) == ("medewerker-42", "test")
        assert record["zoekvraag"] is not None and record["zoekvraag"]["type"] == body["type"]
        assert all(
            any(path == veld or path.startswith(f"{veld}.") for path in record["gegevens"]) for veld in body["fields"]
        )
    subjects = [
        (record["id"], subject["soort"], subject["identificatie"])
        for record in records
        for subject in record["subjecten"]
    ]
    asked = body.get("burgerservicenummer") or [persoon["burgerservicenummer"] for persoon in delivered]
    assert sorted(bsn for _, _, bsn in subjects) == sorted(asked)
    assert {soort for _, soort, _ in subjects} == {"burgerservicenummer"}
    assert len({protocol_id for protocol_id, _, _ in subjects}) == len(records)


async def test_a_refusal_names_the_fields_that_are_not_allowed(inwoners: Database, tmp_path: Path) -> None:
    async with http_client(create_app(settings_for(tmp_path), inwoners), demo_afnemer("Belastingdienst").oin) as http:
        response = await http.post(PERSONEN, json=raadpleeg(ROTTERDAMMER, "naam", "aNummer", "ouders.naam"))
    problem = response.json()
    assert (response.status_code, problem["code"]) == (403, "unauthorizedField")
    assert problem["title"] == "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden."
    assert problem["detail"] == "Niet geautoriseerd voor: aNummer, ouders.naam."  # as asked, not the leaves below


async def test_a_municipality_is_told_it_may_only_search_its_own_inhabitants(
    inwoners: Database, tmp_path: Path
) -> None:
    async with http_client(
        create_app(settings_for(tmp_path), inwoners), demo_afnemer("Gemeente Rotterdam").oin
    ) as http:
        search = await http.post(PERSONEN, json=zoek_naam(None, "burgerservicenummer"))
        lookup = await http.post(PERSONEN, json=raadpleeg(HAGENAAR, "naam"))
    assert "gemeenteVanInschrijving 0599" in search.json()["detail"]
    assert HAGENAAR in lookup.json()["detail"]


async def test_every_allowed_read_counts_once(inwoners: Database, tmp_path: Path) -> None:
    before = await protocollering.count_records(inwoners)
    async with http_client(create_app(settings_for(tmp_path), inwoners), demo_afnemer("Belastingdienst").oin) as http:
        for _ in range(5):
            assert (await http.post(PERSONEN, json=raadpleeg(ROTTERDAMMER, "naam"))).status_code == 200
        assert (await http.post(PERSONEN, json=raadpleeg(ROTTERDAMMER, "aNummer"))).status_code == 403
    assert await protocollering.count_records(inwoners) == before + 5


ONBEKEND = "000000048"  # a valid BSN that nobody has


@pytest.mark.parametrize("gemeente", [None, "0599"])
async def test_a_restricted_afnemer_gets_the_same_refusal_whether_the_person_exists_or_not(
    inwoners: Database, tmp_path: Path, gemeente: str | None
) -> None:
    def ask(*bsns: str) -> dict[str, Any]:
        body = {**raadpleeg(bsns[0], "naam"), "burgerservicenummer": list(bsns)}
        return {**body, "gemeenteVanInschrijving": gemeente} if gemeente else body

    app = create_app(settings_for(tmp_path), inwoners)
    async with http_client(app, demo_afnemer("Gemeente Rotterdam").oin) as http:
        elsewhere = await http.post(PERSONEN, json=ask(HAGENAAR))
        unknown = await http.post(PERSONEN, json=ask(ONBEKEND))
        mixed = await http.post(PERSONEN, json=ask(ROTTERDAMMER, ONBEKEND))
        own = await http.post(PERSONEN, json=ask(ROTTERDAMMER))
    assert (elsewhere.status_code, unknown.status_code, mixed.status_code, own.status_code) == (403, 403, 403, 200)

    def shape(response: Any, bsn: str) -> dict[str, Any]:
        body = {key: value for key, value in response.json().items() if key != "instance"}
        return {**body, "detail": body["detail"].replace(bsn, "…")}

    assert shape(elsewhere, HAGENAAR) == shape(unknown, ONBEKEND) == shape(mixed, ONBEKEND)
    assert ROTTERDAMMER not in mixed.json()["detail"]


async def test_an_unrestricted_afnemer_gets_an_empty_answer_for_an_unknown_bsn(
    inwoners: Database, tmp_path: Path
) -> None:
    async with http_client(create_app(settings_for(tmp_path), inwoners), demo_afnemer("Belastingdienst").oin) as http:
        response = await http.post(PERSONEN, json=raadpleeg(ONBEKEND, "naam"))
    assert (response.status_code, response.json()["personen"]) == (200, [])


async def test_the_brp_refuses_a_restriction_it_does_not_apply(inwoners: Database) -> None:
    vraag = service.parse(raadpleeg(ROTTERDAMMER, "naam"))
    with pytest.raises(Problem) as caught:
        await service.find_lijsten(inwoners, vraag, {"woonplaats": "Rotterdam"})
    allowed = await service.find_lijsten(inwoners, vraag, {"gemeenteVanInschrijving": "0599"})
    assert (caught.value.status, caught.value.code) == (403, "autorisation")
    assert "woonplaats" in (caught.value.detail or "")
    assert [lijst.burgerservicenummer for lijst in allowed] == [ROTTERDAMMER]
