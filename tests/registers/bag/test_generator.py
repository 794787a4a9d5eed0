# SPDX-License-Identifier: EUPL-1.2
"""The synthetic country and the extract writer: deterministic, proportional, consistent, and
written as a BAG 2.0 Extract that reads back to the same records (the Kadaster's sample too)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import islice
from pathlib import Path

import pytest

from opengdi.kernel.db import Database
from opengdi.kernel.referentiedata import gemeenten_2014
from opengdi.registers.bag import service
from opengdi.registers.bag.extract import BagExtract, GemeenteWoonplaats, Voorkomen
from opengdi.registers.bag.generator import Omvang, gemeente_woonplaatsen, land, levering
from opengdi.registers.bag.schrijver import write_extract
from tests.conftest import unit_of_work
from tests.registers.bag.test_extract import SAMPLE

SMALL = Omvang(8_000)


@pytest.fixture(scope="module")
def country() -> list[Voorkomen]:
    return list(land(SMALL))


def test_the_same_startwaarde_gives_the_same_country() -> None:
    assert list(islice(land(SMALL), 3_000)) == list(islice(land(SMALL), 3_000))
    assert list(islice(land(Omvang(8_000, 7)), 3_000)) != list(islice(land(SMALL), 3_000))


def test_every_municipality_gets_addresses_in_proportion_to_its_inhabitants() -> None:
    per_gemeente = Counter(item.identificatie[:4] for item in land(Omvang(60_000)) if item.objecttype == "NUM")
    gemeenten = gemeenten_2014()
    assert set(per_gemeente) == {gemeente.gemeentecode for gemeente in gemeenten}
    total = sum(gemeente.inwoners for gemeente in gemeenten)
    for gemeente in gemeenten:
        expected = max(5, 60_000 * gemeente.inwoners / total)
        assert abs(per_gemeente[gemeente.gemeentecode] - expected) <= max(2, 0.02 * expected), gemeente.naam


def test_identifications_are_unique_and_well_formed(country: list[Voorkomen]) -> None:
    typecodes = {"OPR": "30", "NUM": "20", "VBO": "01", "LIG": "02", "STA": "03", "PND": "10"}
    keys = Counter((item.identificatie, item.voorkomenidentificatie) for item in country)
    assert max(keys.values()) == 1
    for item in country:
        if item.objecttype == "WPL":
            assert re.fullmatch(r"\d{4}", item.identificatie)
        else:
            assert re.fullmatch(r"\d{16}", item.identificatie)
            assert item.identificatie[4:6] == typecodes[item.objecttype]


def test_every_reference_points_at_a_generated_object(country: list[Voorkomen]) -> None:
    by_type: dict[str, set[str]] = defaultdict(set)
    for item in country:
        by_type[item.objecttype].add(item.identificatie)
    hoofdadressen: Counter[str] = Counter()
    for item in country:
        gegevens = item.gegevens
        if item.objecttype == "OPR":
            assert gegevens["ligtIn"] in by_type["WPL"]
        elif item.objecttype == "NUM":
            assert gegevens["ligtAan"] in by_type["OPR"]
            assert re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", gegevens["postcode"])
        elif item.objecttype in ("VBO", "LIG", "STA"):
            assert gegevens["heeftAlsHoofdAdres"] in by_type["NUM"]
            if item.voorkomenidentificatie == 1:
                hoofdadressen[gegevens["heeftAlsHoofdAdres"]] += 1
            for pand in gegevens.get("maaktDeelUitVan", []):
                assert pand in by_type["PND"]
    assert set(hoofdadressen) == by_type["NUM"] and max(hoofdadressen.values()) == 1


def test_objects_lie_inside_their_woonplaats(country: list[Voorkomen]) -> None:
    boxes = {item.identificatie: item.bbox for item in country if item.objecttype == "WPL"}
    woonplaats_van_straat = {
        item.identificatie: item.gegevens["ligtIn"] for item in country if item.objecttype == "OPR"
    }
    straat_van_adres = {item.identificatie: item.gegevens["ligtAan"] for item in country if item.objecttype == "NUM"}
    panden = {item.identificatie: item.bbox for item in country if item.objecttype == "PND"}
    for item in country:
        if item.objecttype != "VBO":
            continue
        box = boxes[woonplaats_van_straat[straat_van_adres[item.gegevens["heeftAlsHoofdAdres"]]]]
        assert box is not None and item.bbox is not None
        for pand in [item.bbox, *(panden[identificatie] for identificatie in item.gegevens["maaktDeelUitVan"])]:
            assert pand is not None
            assert box[0] <= pand[0] and pand[2] <= box[2] and box[1] <= pand[1] and pand[3] <= box[3]


def _read(path: Path) -> tuple[list[Voorkomen], list[GemeenteWoonplaats]]:
    voorkomens: list[Voorkomen] = []
    relaties: list[GemeenteWoonplaats] = []
    with BagExtract(path) as extract:
        for deel in extract.delen():
            for record in extract.records(deel):
                if isinstance(record, Voorkomen):
                    voorkomens.append(record)
                elif isinstance(record, GemeenteWoonplaats):
                    relaties.append(record)
    return voorkomens, relaties


def _key(item: Voorkomen) -> tuple[str, int, str]:
    return (item.identificatie, item.voorkomenidentificatie, item.tijdstip_registratie_lv)


def test_the_kadasters_sample_written_again_reads_back_the_same(tmp_path: Path) -> None:
    voorkomens, relaties = _read(SAMPLE)
    stand = [item for item in voorkomens if item.tijdstip_niet_bag_lv is None]  # the writer writes stand files only
    with BagExtract(SAMPLE) as extract:
        written = tmp_path / "BAGGEM0221L-15092020.zip"
        write_extract(written, extract.levering, stand, relaties)
    again, relaties_again = _read(written)
    assert sorted(again, key=_key) == sorted(stand, key=_key)
    assert relaties_again == relaties


def test_a_generated_country_written_as_extract_reads_back_the_same(country: list[Voorkomen], tmp_path: Path) -> None:
    path = tmp_path / "BAGNLDL-01012014.zip"
    write_extract(path, levering(), iter(country), gemeente_woonplaatsen(SMALL))
    again, relaties = _read(path)
    assert sorted(again, key=_key) == sorted(country, key=_key)
    assert relaties == gemeente_woonplaatsen(SMALL)


async def test_a_generated_extract_loads(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "BAGNLDL-01012014.zip"
    omvang = Omvang(1_500)
    write_extract(path, levering(), land(omvang), gemeente_woonplaatsen(omvang))
    async with unit_of_work(database) as uow:
        await service.empty_bag(uow)
    try:
        with BagExtract(path) as extract:
            async with unit_of_work(database) as uow:
                verslag = await service.import_extract(uow, extract)
        assert verslag.aantallen == Counter(item.objecttype for item in land(omvang)) + Counter(
            {"gemeente-woonplaats": len(gemeente_woonplaatsen(omvang))}
        )
    finally:
        async with unit_of_work(database) as uow:
            await service.empty_bag(uow)
