# SPDX-License-Identifier: EUPL-1.2
"""Reading the BAG 2.0 Extract: the Kadaster's sample (Doesburg) record by record, and what is
refused as not being an extract."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from opengdi.registers.bag.extract import (
    LEVERINGSDOCUMENT,
    BagExtract,
    GeenBagExtract,
    GemeenteWoonplaats,
    KenmerkInOnderzoek,
    Voorkomen,
)

#: The Kadaster's sample extract (see data/README.md).
SAMPLE = Path(__file__).parent / "data" / "BAGNLDL-15092020-small.zip"


def _raw_xml_files(path: Path) -> dict[str, bytes]:
    """Every XML file in the extract, read with zipfile only (nested zips in memory), by its route."""
    result: dict[str, bytes] = {}

    def walk(archive: zipfile.ZipFile, prefix: str) -> None:
        for info in archive.infolist():
            name = info.filename
            if name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("."):
                continue
            if name.endswith(".zip"):
                walk(zipfile.ZipFile(io.BytesIO(archive.read(info))), f"{prefix}{name}!")
            elif name.endswith(".xml") and prefix:
                result[f"{prefix}{name}"] = archive.read(info)

    with zipfile.ZipFile(path) as outer:
        walk(outer, "")
    return result


def test_the_leveringsdocument_names_area_and_stand() -> None:
    with BagExtract(SAMPLE) as extract:
        assert (extract.levering.gebied, extract.levering.gebiedsnaam) == ("0221", "Doesburg")
        assert extract.levering.standtechnische_datum == "2020-09-15"
        assert extract.onbekend == []


def test_every_record_of_every_xml_file_is_read() -> None:
    """As many records per file as it has ``<sl:stand>`` (or gemeente–woonplaats) elements."""
    raw = _raw_xml_files(SAMPLE)
    with BagExtract(SAMPLE) as extract:
        delen = extract.delen()
        assert {deel.pad for deel in delen} == set(raw)
        for deel in delen:
            records = list(extract.records(deel))
            tag = b"<gwr-product:GemeenteWoonplaatsRelatie>" if deel.soort == "gemeente-woonplaats" else b"<sl:stand>"
            assert len(records) == raw[deel.pad].count(tag), deel.pad


def test_objects_are_loaded_in_dependency_order() -> None:
    with BagExtract(SAMPLE) as extract:
        kinds = [deel.inhoud for deel in extract.delen()]
    objects = [kind for kind in kinds if len(kind) == 3]
    assert objects[:7] == ["WPL", "OPR", "NUM", "PND", "VBO", "LIG", "STA"]
    assert kinds[-1] == "gemeente-woonplaats"


def _all_records() -> list[object]:
    with BagExtract(SAMPLE) as extract:
        return [record for deel in extract.delen() for record in extract.records(deel)]


def test_voorkomens_carry_the_values_of_the_xml() -> None:
    records = _all_records()
    voorkomens = [record for record in records if isinstance(record, Voorkomen)]
    raw = b"".join(_raw_xml_files(SAMPLE).values()).decode()
    for voorkomen in voorkomens:
        assert re.fullmatch(r"\d{4}|\d{16}", voorkomen.identificatie)
        assert f">{voorkomen.identificatie}</Objecten:identificatie>" in raw
        assert f">{voorkomen.tijdstip_registratie_lv}</Historie:tijdstipRegistratieLV>" in raw
        assert voorkomen.begin_geldigheid <= (voorkomen.eind_geldigheid or "9999-12-31")
    vbo = next(item for item in voorkomens if item.objecttype == "VBO" and item.identificatie == "0221010000330226")
    assert vbo.gegevens["heeftAlsHoofdAdres"] == "0221200000330227"
    assert vbo.geometrie is not None and vbo.geometrie["type"] == "Point"
    assert ("hoofdadres", "0221200000330227") in vbo.relaties
    pand = next(item for item in voorkomens if item.objecttype == "PND")
    assert pand.geometrie is not None and pand.geometrie["type"] == "Polygon"
    assert pand.bbox is not None and pand.bbox[0] < pand.bbox[2] and pand.bbox[1] < pand.bbox[3]
    woonplaats = next(item for item in voorkomens if item.objecttype == "WPL")
    assert (woonplaats.identificatie, woonplaats.gegevens["naam"]) == ("2142", "Doesburg")
    niet_bag = [item for item in voorkomens if item.tijdstip_niet_bag_lv]
    assert [item.identificatie for item in niet_bag] == ["0221200000328545"]


def test_every_nummeraanduiding_lies_on_an_openbare_ruimte_in_the_extract() -> None:
    voorkomens = [record for record in _all_records() if isinstance(record, Voorkomen)]
    openbare_ruimten = {item.identificatie for item in voorkomens if item.objecttype == "OPR"}
    for item in voorkomens:
        if item.objecttype == "NUM" and not item.tijdstip_niet_bag_lv:
            assert item.gegevens["ligtAan"] in openbare_ruimten


def test_onderzoek_and_gemeente_woonplaats_records() -> None:
    records = _all_records()
    kenmerken = [record for record in records if isinstance(record, KenmerkInOnderzoek)]
    assert Counter(item.objecttype for item in kenmerken).keys() == {"PND", "VBO"}
    assert {item.kenmerk for item in kenmerken if item.objecttype == "PND"} <= {
        "geometrie",
        "oorspronkelijk bouwjaar",
        "status",
    }
    relaties = [record for record in records if isinstance(record, GemeenteWoonplaats)]
    doesburg = sorted(item.begin_geldigheid for item in relaties if item.woonplaats == "2142")
    assert doesburg and all(item.gemeente == "0221" for item in relaties if item.woonplaats == "2142")


def _zip(tmp_path: Path, members: dict[str, bytes], name: str = "BAGGEM0221L-15092020.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def _open(path: Path) -> str:
    with pytest.raises(GeenBagExtract) as refused, BagExtract(path) as extract:
        for deel in extract.delen():
            list(extract.records(deel))
    return str(refused.value)


def test_a_file_that_is_no_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "adressen.zip"
    path.write_text("postcode;huisnummer\n")
    assert "geen zip-bestand" in _open(path)
    assert "bestaat niet" in _open(tmp_path / "weg.zip")


def test_a_zip_without_leveringsdocument_is_refused(tmp_path: Path) -> None:
    assert "Leveringsdocument" in _open(_zip(tmp_path, {"adressen.csv": b"1234AB;1"}))


def test_a_leveringsdocument_of_another_kind_is_refused(tmp_path: Path) -> None:
    assert "ander soort" in _open(_zip(tmp_path, {LEVERINGSDOCUMENT: b"<levering/>"}))
    assert "geen geldige XML" in _open(_zip(tmp_path, {LEVERINGSDOCUMENT: b"<levering"}))


def _sample_member(name: str) -> bytes:
    with zipfile.ZipFile(SAMPLE) as archive:
        return archive.read(name)


def test_an_extract_without_objects_is_refused(tmp_path: Path) -> None:
    members = {LEVERINGSDOCUMENT: _sample_member(LEVERINGSDOCUMENT)}
    assert "geen deel met objecten" in _open(_zip(tmp_path, members))


def test_a_mutatielevering_and_broken_records_are_refused(tmp_path: Path) -> None:
    def with_xml(xml: bytes) -> Path:
        inner = io.BytesIO()
        with zipfile.ZipFile(inner, "w") as archive:
            archive.writestr("0221VBO15092020-000001.xml", xml)
        members = {LEVERINGSDOCUMENT: _sample_member(LEVERINGSDOCUMENT), "9999VBO15092020.zip": inner.getvalue()}
        return _zip(tmp_path, members)

    mutaties = (
        b'<m:bagMutaties xmlns:m="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-mutaties-lvc/v20200601"/>'
    )
    assert "mutatielevering" in _open(with_xml(mutaties))
    vbo = zipfile.ZipFile(io.BytesIO(_sample_member("9999VBO15092020.zip")))
    xml = vbo.read(vbo.infolist()[0])
    broken = re.sub(
        rb"<Objecten:oppervlakte>\d+</Objecten:oppervlakte>",
        b"<Objecten:oppervlakte>groot</Objecten:oppervlakte>",
        xml,
        count=1,
    )
    assert "record 1: de oppervlakte is geen getal" in _open(with_xml(broken))
    assert "geen geldige XML" in _open(with_xml(xml[: len(xml) // 2]))
