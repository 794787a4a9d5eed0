# SPDX-License-Identifier: EUPL-1.2
"""The synthetic population of ``gdi seed brp``: deterministic, valid, consistent and realistic."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
from collections import Counter
from datetime import date
from functools import cache
from typing import Any

import pytest

from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.kernel.identifiers import is_valid_a_nummer, is_valid_bsn, normalize_postcode
from opengdi.kernel.referentiedata import gemeenten_2014
from opengdi.registers.brp import repository, tabellen
from opengdi.registers.brp.invoer import ImportErrors, read_persoonslijst
from opengdi.registers.brp.persoon import persoon
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.seed import (
    PEILDATUM,
    a_nummer_bij,
    generate_population,
    gereserveerde_nummers,
    seed_population,
)
from tests.conftest import unit_of_work

Lijsten = tuple[Persoonslijst, ...]


@cache
def _bevolking(persons: int = 3000, seed: int = 11) -> Lijsten:
    return tuple(lijst for batch in generate_population(persons, seed, batch_size=700) for lijst in batch)


@cache
def _per_bsn() -> dict[str, Persoonslijst]:
    return {lijst.burgerservicenummer or "": lijst for lijst in _bevolking()}


def _import_form(lijst: Persoonslijst) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = {}
    for voorkomen in lijst.voorkomens():
        item: dict[str, Any] = {"stapel": voorkomen.stapel} if voorkomen.stapel > 1 else {}
        item.update(voorkomen.elementen)
        result.setdefault(voorkomen.categorie, []).append(item)
    return result


def _leeftijd(geboren: str, op: str) -> int:
    """Age in whole years on ``op`` of someone born on ``geboren`` (both JJJJMMDD)."""
    return int(op[:4]) - int(geboren[:4]) - (op[4:] < geboren[4:])


def _opschorting(lijst: Persoonslijst) -> str | None:
    return lijst.element("07", "67.20")


def _dump(lijsten: Lijsten) -> list[list[Voorkomen]]:
    return [list(lijst.voorkomens()) for lijst in lijsten]


def test_the_same_seed_gives_the_same_population() -> None:
    first = _dump(tuple(lijst for batch in generate_population(400, 5) for lijst in batch))
    again = _dump(tuple(lijst for batch in generate_population(400, 5, batch_size=33) for lijst in batch))
    other = _dump(tuple(lijst for batch in generate_population(400, 6) for lijst in batch))
    assert first == again
    assert first != other


_DIGEST = """
import hashlib
from opengdi.registers.brp.seed import generate_population
digest = hashlib.sha256()
for batch in generate_population(2000, 8):
    for lijst in batch:
        for item in lijst.voorkomens():
            digest.update(repr((item.categorie, item.stapel, item.volgnummer, sorted(item.elementen.items()))).encode())
print(digest.hexdigest())
"""


def test_the_population_does_not_depend_on_the_hash_seed() -> None:
    digests = {
        subprocess.run(
            [sys.executable, "-c", _DIGEST], env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }  # fmt: skip
    assert len(digests) == 1


def test_exactly_the_asked_number_in_batches() -> None:
    for persons in (0, 1, 2, 3, 997):
        batches = list(generate_population(persons, 3, batch_size=100))
        assert sum(len(batch) for batch in batches) == persons
        assert all(0 < len(batch) <= 100 for batch in batches)
    with pytest.raises(ValueError):
        next(generate_population(-1))


def test_bsns_and_a_nummers_are_valid_unique_and_not_those_of_the_test_persons() -> None:
    bsns = [lijst.burgerservicenummer or "" for lijst in _bevolking()]
    a_nummers = [lijst.element("01", "01.10") or "" for lijst in _bevolking()]
    assert all(is_valid_bsn(bsn) and bsn.startswith("2") for bsn in bsns)
    assert all(is_valid_a_nummer(nummer) for nummer in a_nummers)
    assert len(set(bsns)) == len(bsns) and len(set(a_nummers)) == len(a_nummers)
    gereserveerd = gereserveerde_nummers()
    assert "999993653" in gereserveerd  # a test person
    assert not gereserveerd & (set(bsns) | set(a_nummers))


def test_a_nummer_bij_finds_a_valid_completion_whenever_there_is_one() -> None:
    rng = random.Random(1)
    for _ in range(300):
        prefix = str(rng.randrange(10_000_000, 100_000_000))
        found = a_nummer_bij(prefix)
        candidates = [f"{prefix}{rest:02d}" for rest in range(100) if is_valid_a_nummer(f"{prefix}{rest:02d}")]
        assert (found is None) == (not candidates)
        assert found is None or found in candidates


def test_every_persoonslijst_passes_the_import_validation() -> None:
    for index, lijst in enumerate(_bevolking()):
        errors = ImportErrors([])
        gelezen = read_persoonslijst(_import_form(lijst), f"persoonslijsten[{index}]", errors)
        assert errors.params == [], errors.params[:3]
        assert list(gelezen.voorkomens()) == list(lijst.voorkomens())


def test_every_persoonslijst_can_be_answered() -> None:
    for lijst in _bevolking()[:400]:
        antwoord = persoon(lijst, date(2025, 1, 1))
        assert antwoord["burgerservicenummer"] == lijst.burgerservicenummer


def test_partners_record_each_other() -> None:
    verbintenissen = 0
    for lijst in _bevolking():
        for stapel in lijst.stapels.get("05", []):
            actueel, oudste = stapel[0], stapel[-1]
            partner = _per_bsn()[actueel.elementen["01.20"]]
            terug = [item for item in partner.stapels["05"] if item[0].get("01.20") == lijst.burgerservicenummer]
            assert len(terug) == 1
            assert terug[0][-1].get("06.10") == oudste.get("06.10") and terug[0][0].get("15.10") == actueel.get("15.10")
            for key in ("01.10", "02.10", "02.30", "02.40", "03.10", "04.10"):
                assert actueel.get(key) == partner.element("01", key)
            if actueel.has("07.10"):
                dood = partner.element("06", "08.10") or lijst.element("06", "08.10")
                assert terug[0][0].get("07.10") in (actueel.get("07.10"), None if dood else "")
                assert (actueel.get("07.10") or "") > (oudste.get("06.10") or "")
            geboren = (lijst.element("01", "03.10") or "", partner.element("01", "03.10") or "")
            assert all(_leeftijd(item, oudste.elementen["06.10"]) >= 18 for item in geboren)
            verbintenissen += 1
    assert verbintenissen > 500


def test_parents_and_children_record_each_other_with_consistent_dates() -> None:
    kinderen = 0
    for lijst in _bevolking():
        for categorie in ("02", "03"):
            ouder_bsn = lijst.element(categorie, "01.20")
            geboren = lijst.element("01", "03.10") or ""
            assert lijst.element(categorie, "62.10") == geboren
            if ouder_bsn is None:
                continue
            ouder = _per_bsn()[ouder_bsn]
            assert lijst.burgerservicenummer in [item.get("01.20") for item in ouder.actuele("09")]
            leeftijd = _leeftijd(ouder.element("01", "03.10") or "", geboren)
            if categorie == "02":  # the mother
                assert ouder.element("01", "04.10") == "V" and 18 <= leeftijd <= 45
            assert leeftijd >= 18
            kinderen += 1
        for kind in lijst.actuele("09"):
            kind_lijst = _per_bsn()[kind.elementen["01.20"]]
            assert lijst.burgerservicenummer in (kind_lijst.element("02", "01.20"), kind_lijst.element("03", "01.20"))
            assert kind.get("03.10") == kind_lijst.element("01", "03.10")
    assert kinderen > 300


def test_households_share_their_address_and_every_address_is_unique() -> None:
    adressen: dict[str, tuple[str | None, ...]] = {}
    sleutels: dict[tuple[str | None, ...], str] = {}
    for lijst in _bevolking():
        for voorkomen in lijst.historie("08"):
            if not voorkomen.has("11.90"):
                continue
            gemeente, aanduiding, object_id = (voorkomen.get(key) or "" for key in ("09.10", "11.90", "11.80"))
            assert len(aanduiding) == 16 and aanduiding.startswith(f"{gemeente}20") and aanduiding.isdigit()
            assert object_id == f"{gemeente}01{aanduiding[6:]}"
            postcode = voorkomen.get("11.60") or ""
            assert normalize_postcode(postcode) == postcode and postcode[4:] not in ("SA", "SD", "SS")
            adres = tuple(voorkomen.get(key) for key in ("09.10", "11.15", "11.20", "11.30", "11.40", "11.60", "11.70"))
            assert adressen.setdefault(aanduiding, adres) == adres
            sleutel = tuple(voorkomen.get(key) for key in ("11.60", "11.20", "11.30", "11.40"))
            assert sleutels.setdefault(sleutel, aanduiding) == aanduiding
    for lijst in _bevolking():  # children under 18 live with the parent who has them
        if lijst.element("02", "01.20") and _leeftijd(lijst.element("01", "03.10") or "", "20141231") < 18:
            moeder = _per_bsn()[lijst.element("02", "01.20") or ""]
            assert moeder.element("08", "11.90") == lijst.element("08", "11.90")


def test_municipalities_are_spread_in_proportion_to_their_inhabitants() -> None:
    lijsten = _bevolking(6000, 2)
    tellingen = Counter(lijst.element("08", "09.10") for lijst in lijsten if lijst.element("08", "11.90"))
    totaal = sum(tellingen.values())
    inwoners = {gemeente.gemeentecode: gemeente.inwoners for gemeente in gemeenten_2014()}
    alle_inwoners = sum(inwoners.values())
    verwacht = [totaal * aantal / alle_inwoners for aantal in inwoners.values()]
    gezien = [tellingen.get(code, 0) for code in inwoners]
    assert statistics.correlation(verwacht, gezien) > 0.9
    for code in ("0363", "0599", "0518", "0344"):  # the four largest
        assert (
            abs(tellingen[code] - totaal * inwoners[code] / alle_inwoners)
            < 0.4 * totaal * inwoners[code] / alle_inwoners
        )
    assert set(tellingen) <= set(inwoners)


def test_deaths_emigrations_and_rni_persons_come_in_realistic_shares() -> None:
    lijsten = _bevolking()
    redenen = Counter(_opschorting(lijst) for lijst in lijsten)
    n = len(lijsten)
    assert 0.04 * n < redenen["O"] < 0.12 * n
    assert 0.015 * n < redenen["E"] < 0.07 * n
    assert 0.01 * n < redenen["R"] < 0.05 * n
    vreemd = sum(lijst.element("04", "05.10") != "0001" for lijst in lijsten)
    assert 0.02 * n < vreemd < 0.15 * n
    assert 0 < sum(lijst.element("07", "70.10") == "7" for lijst in lijsten) < 0.03 * n
    assert sum(len(lijst.historie("08")) > 1 for lijst in lijsten) > 0.1 * n
    assert 0.15 * n < sum(lijst.element("01", "02.30") is not None for lijst in lijsten) < 0.45 * n
    assert any(lijst.element("08", "11.30") for lijst in lijsten) and any(
        lijst.element("08", "11.40") for lijst in lijsten
    )
    assert any(item[0].has("07.10") for lijst in lijsten for item in lijst.stapels.get("05", []))
    assert any(lijst.actueel("13") for lijst in lijsten)


def _rni_en_emigratie(lijst: Persoonslijst, reden: str | None) -> None:
    verblijf = lijst.actueel("08")
    assert verblijf is not None
    if reden == "R":
        deelnemers = tabellen.table("rni_deelnemers")
        assert verblijf.get("09.10") == "1999" and verblijf.has("13.10") and verblijf.has("13.30")
        assert lijst.element("01", "88.10") in deelnemers and verblijf.get("88.10") in deelnemers
    elif reden == "E":
        assert verblijf.has("13.10") and verblijf.has("13.30") and verblijf.get("13.20") == lijst.element("07", "67.10")
        assert lijst.historie("08")[1].has("11.90")  # the last address in the Netherlands
    elif reden == "O":
        assert lijst.element("06", "08.10") == lijst.element("07", "67.10")
    else:
        assert verblijf.get("10.10") == "W" and verblijf.has("11.90")


def test_dates_and_suspensions_are_consistent() -> None:
    peildatum = PEILDATUM.strftime("%Y%m%d")
    for lijst in _bevolking():
        geboren = lijst.element("01", "03.10") or ""
        for voorkomen in lijst.voorkomens():
            for key in ("10.30", "06.10", "07.10", "08.10", "13.20", "14.20", "67.10", "68.10", "85.10"):
                value = voorkomen.get(key)
                assert value is None or geboren <= value <= peildatum, (key, value, geboren)
        verblijven = [item.get("85.10") or "" for item in lijst.historie("08")]
        assert verblijven == sorted(verblijven, reverse=True)
        _rni_en_emigratie(lijst, _opschorting(lijst))


async def test_seed_population_stores_every_person_once(empty_database: Database) -> None:
    gemeld: list[int] = []
    async with empty_database.session() as session:
        after = await outbox.last_volgnummer(session)
    async with unit_of_work(empty_database) as uow:
        assert await seed_population(uow, 260, seed=4, progress=gemeld.append) == 260
    assert sum(gemeld) == 260
    verwacht = [lijst for batch in generate_population(260, 4) for lijst in batch]
    bsns = [lijst.burgerservicenummer or "" for lijst in verwacht]
    async with empty_database.connect() as connection:
        assert await repository.count(connection) == 260
        opgeslagen = await repository.load_by_bsn(connection, bsns)
    for lijst in verwacht:
        [stored] = opgeslagen[lijst.burgerservicenummer or ""]
        assert list(stored.voorkomens()) == list(lijst.voorkomens())
    async with empty_database.session() as session:
        recorded = await outbox.since(session, after, limit=1000)
    opgenomen = [("nl.brp.persoonslijst-opgenomen", bsn) for bsn in bsns]
    assert [(event.type, event.subject) for event in recorded] == opgenomen
    async with unit_of_work(empty_database) as uow:
        assert await seed_population(uow, 260, seed=4) == 0  # a rerun stores nobody twice
    async with empty_database.session() as session:
        assert len(await outbox.since(session, after, limit=1000)) == 260  # and records nothing
    with pytest.raises(Conflict, match="andere startwaarde"):
        async with unit_of_work(empty_database) as uow:
            await seed_population(uow, 10, seed=5)
