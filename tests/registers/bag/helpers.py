# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the BAG API tests: the sample extract's records, synthetic data where the sample has
none (a street of addresses for exacteMatch and paging, an ingetrokken verblijfsobject, marks in
onderzoek today), loading them, what an answer should say (by rules written here, independent of
the block's own), and the official document's schemas to hold every answer against."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

from opengdi.kernel.db import Database
from opengdi.registers.bag import opslag, service
from opengdi.registers.bag.api import official_openapi
from opengdi.registers.bag.extract import BagExtract, GemeenteWoonplaats, KenmerkInOnderzoek, Voorkomen
from tests.conftest import unit_of_work

#: The Kadaster's sample extract (Doesburg), as the importer's tests use it.
SAMPLE = Path(__file__).resolve().parent / "data" / "BAGNLDL-15092020-small.zip"
BASE = "/lvbag/individuelebevragingen/v2"
PADEN = {
    "WPL": "woonplaatsen",
    "OPR": "openbareruimten",
    "NUM": "nummeraanduidingen",
    "VBO": "verblijfsobjecten",
    "LIG": "ligplaatsen",
    "STA": "standplaatsen",
    "PND": "panden",
}
SLEUTELS = {
    "WPL": "woonplaats",
    "OPR": "openbareRuimte",
    "NUM": "nummeraanduiding",
    "VBO": "verblijfsobject",
    "LIG": "ligplaats",
    "STA": "standplaats",
    "PND": "pand",
}


@cache
def sample() -> tuple[tuple[Voorkomen, ...], tuple[KenmerkInOnderzoek, ...], tuple[GemeenteWoonplaats, ...]]:
    """Every record of the sample extract, as the extract reader yields them."""
    voorkomens: list[Voorkomen] = []
    kenmerken: list[KenmerkInOnderzoek] = []
    relaties: list[GemeenteWoonplaats] = []
    with BagExtract(SAMPLE) as extract:
        for deel in extract.delen():
            for record in extract.records(deel):
                if isinstance(record, Voorkomen):
                    voorkomens.append(record)
                elif isinstance(record, KenmerkInOnderzoek):
                    kenmerken.append(record)
                else:
                    relaties.append(record)
    return tuple(voorkomens), tuple(kenmerken), tuple(relaties)


# --- Synthetic data -----------------------------------------------------------------------------

STRAAT = "0221300009000001"
PAND = "0221100009000001"
INGETROKKEN = "0221010009000099"
_LV = "2020-01-02T10:00:00.000"


def _voorkomen(objecttype: str, identificatie: str, status: str, gegevens: dict[str, Any], **extra: Any) -> Voorkomen:
    values: dict[str, Any] = {
        "objecttype": objecttype,
        "identificatie": identificatie,
        "voorkomenidentificatie": 1,
        "begin_geldigheid": "2020-01-01",
        "eind_geldigheid": None,
        "tijdstip_registratie": "2020-01-02T09:00:00.000",
        "eind_registratie": None,
        "tijdstip_inactief": None,
        "tijdstip_registratie_lv": _LV,
        "tijdstip_eind_registratie_lv": None,
        "tijdstip_inactief_lv": None,
        "tijdstip_niet_bag_lv": None,
        "status": status,
        "geconstateerd": False,
        "documentdatum": "2020-01-01",
        "documentnummer": "TEST-1",
        "gegevens": gegevens,
        "geometrie": None,
        "bbox": None,
        "relaties": (),
    }
    values.update(extra)
    return Voorkomen(**values)


#: The synthetic addresses: (huisnummer, huisletter, toevoeging) on postcode 6981ZZ, and 25
#: toevoegingen of number 2 on 6981ZY (more than a page).
NUMMERS_ZZ = ((1, None, None), (1, "A", None), (1, "A", "bis"), (1, "B", None), (1, "B", "bis"), (11, None, None))
NUMMERS_ZY = tuple((2, None, str(index)) for index in range(1, 26))


def _adressen() -> list[tuple[str, str, int, str | None, str | None]]:
    rows = [("6981ZZ", *item) for item in NUMMERS_ZZ] + [("6981ZY", *item) for item in NUMMERS_ZY]
    return [
        (f"{index:06d}", postcode, nummer, letter, toevoeging)
        for index, (postcode, nummer, letter, toevoeging) in enumerate(rows, 1)
    ]


def synthetic() -> tuple[list[Voorkomen], list[KenmerkInOnderzoek]]:
    """A street in Doesburg with its addresses, each a verblijfsobject in one pand, one more
    verblijfsobject that is ingetrokken, and marks in onderzoek that hold today."""
    square = [
        [[199000.0, 441000.0], [199010.0, 441000.0], [199010.0, 441010.0], [199000.0, 441010.0], [199000.0, 441000.0]]
    ]
    voorkomens = [
        _voorkomen(
            "OPR",
            STRAAT,
            "Naamgeving uitgegeven",
            {
                "naam": "Proefstraat der Synthetische Adressen",
                "type": "Weg",
                "ligtIn": "2142",
                "verkorteNaam": "Proefstraat",
            },
            relaties=(("woonplaats", "2142"),),
        ),
        _voorkomen(
            "PND",
            PAND,
            "Pand in gebruik",
            {"oorspronkelijkBouwjaar": "2020"},
            geometrie={"type": "Polygon", "coordinates": square},
            bbox=(199000.0, 441000.0, 199010.0, 441010.0),
        ),
    ]
    for suffix, postcode, nummer, letter, toevoeging in _adressen():
        number = f"02212000090{suffix[1:]}"
        gegevens: dict[str, Any] = {
            "huisnummer": nummer,
            "typeAdresseerbaarObject": "Verblijfsobject",
            "ligtAan": STRAAT,
        }
        gegevens["postcode"] = postcode
        if letter:
            gegevens["huisletter"] = letter
        if toevoeging:
            gegevens["huisnummertoevoeging"] = toevoeging
        voorkomens.append(
            _voorkomen("NUM", number, "Naamgeving uitgegeven", gegevens, relaties=(("openbareRuimte", STRAAT),))
        )
        voorkomens.append(_verblijfsobject(f"02210100090{suffix[1:]}", number, "Verblijfsobject in gebruik"))
    voorkomens.append(_verblijfsobject(INGETROKKEN, "0221200009099999", "Verblijfsobject ingetrokken"))
    voorkomens.append(
        _voorkomen(
            "NUM",
            "0221200009099999",
            "Naamgeving uitgegeven",
            {"huisnummer": 99, "typeAdresseerbaarObject": "Verblijfsobject", "ligtAan": STRAAT, "postcode": "6981ZZ"},
            relaties=(("openbareRuimte", STRAAT),),
        )
    )
    kenmerken = [_kenmerk("NUM", "0221200009000001", "huisletter"), _kenmerk("OPR", STRAAT, "naam")]
    return voorkomens, kenmerken


def _verblijfsobject(identificatie: str, hoofdadres: str, status: str) -> Voorkomen:
    return _voorkomen(
        "VBO",
        identificatie,
        status,
        {
            "heeftAlsHoofdAdres": hoofdadres,
            "gebruiksdoelen": ["woonfunctie"],
            "oppervlakte": 80,
            "maaktDeelUitVan": [PAND],
        },
        geometrie={"type": "Point", "coordinates": [199005.0, 441005.0, 0.0]},
        bbox=(199005.0, 441005.0, 199005.0, 441005.0),
        relaties=(("hoofdadres", hoofdadres), ("pand", PAND)),
    )


def _kenmerk(objecttype: str, identificatie: str, kenmerk: str) -> KenmerkInOnderzoek:
    return KenmerkInOnderzoek(
        objecttype=objecttype,
        identificatie=identificatie,
        kenmerk=kenmerk,
        in_onderzoek=True,
        documentdatum="2020-02-01",
        documentnummer="TEST-ONDERZOEK",
        begin_geldigheid="2020-02-01",
        eind_geldigheid=None,
        tijdstip_registratie="2020-02-01T09:00:00.000",
        eind_registratie=None,
        tijdstip_registratie_lv="2020-02-01T10:00:00.000",
        tijdstip_eind_registratie_lv=None,
    )


def all_records() -> tuple[list[Voorkomen], list[KenmerkInOnderzoek]]:
    """The sample's voorkomens and marks and the synthetic ones: what the test BAG holds."""
    voorkomens, kenmerken, _ = sample()
    extra_voorkomens, extra_kenmerken = synthetic()
    return [*voorkomens, *extra_voorkomens], [*kenmerken, *extra_kenmerken]


async def load_bag(database: Database) -> None:
    """Load the sample extract as ``gdi bag importeren`` does, and the synthetic data beside it."""
    with BagExtract(SAMPLE) as extract:
        async with unit_of_work(database) as uow:
            await service.import_extract(uow, extract)
    extra_voorkomens, extra_kenmerken = synthetic()
    async with unit_of_work(database) as uow:
        await opslag.add_voorkomens(uow.session, extra_voorkomens)
        await opslag.add_kenmerken(uow.session, extra_kenmerken)
        await service.build_zoekindex(uow)
        await uow.commit()


# --- What an answer should say (rules written here, apart from the block's) ---------------------


def by_object(voorkomens: Iterable[Voorkomen]) -> dict[str, list[Voorkomen]]:
    """The voorkomens per object."""
    result: dict[str, list[Voorkomen]] = {}
    for item in voorkomens:
        result.setdefault(item.identificatie, []).append(item)
    return result


def active(item: Voorkomen) -> bool:
    """Not made inactive and no non-BAG data."""
    return item.tijdstip_inactief_lv is None and item.tijdstip_niet_bag_lv is None


def valid_on(items: Iterable[Voorkomen], day: str) -> Voorkomen | None:
    """The voorkomen valid on ``day`` as known today (of several, the latest known)."""
    valid = [
        item
        for item in items
        if active(item)
        and item.begin_geldigheid <= day
        and (item.eind_geldigheid is None or item.eind_geldigheid > day)
    ]
    return max(valid, key=lambda item: item.tijdstip_registratie_lv, default=None)


def current(items: Iterable[Voorkomen]) -> Voorkomen | None:
    """The voorkomen that holds today."""
    return valid_on(items, datetime.now().date().isoformat())


def moment(text: str | None) -> datetime | None:
    """A moment of an answer or a record, for comparing (``…:31`` equals ``…:31.000``)."""
    return None if text is None else datetime.fromisoformat(text)


#: The document's name of an attribute where the extract reader's differs.
_NAMEN = {"verkorteNaam": "korteNaam"}


def assert_object(served: dict[str, Any], record: Voorkomen) -> None:
    """The served object (``Woonplaats``, ``Verblijfsobject``, …) says what the record says."""
    assert served["identificatie"] == record.identificatie
    assert served["status"] == record.status
    assert served["geconstateerd"] == ("J" if record.geconstateerd else "N")
    assert (served["documentdatum"], served["documentnummer"]) == (record.documentdatum, record.documentnummer)
    voorkomen = served["voorkomen"]
    assert voorkomen["versie"] == record.voorkomenidentificatie
    assert voorkomen["beginGeldigheid"] == record.begin_geldigheid
    assert voorkomen.get("eindGeldigheid") == record.eind_geldigheid
    for name, value in (
        ("tijdstipRegistratie", record.tijdstip_registratie),
        ("eindRegistratie", record.eind_registratie),
        ("tijdstipRegistratieLV", record.tijdstip_registratie_lv),
        ("tijdstipInactief", record.tijdstip_inactief),
        ("tijdstipNietBAG", record.tijdstip_niet_bag_lv),
    ):
        assert moment(voorkomen.get(name)) == moment(value), name
    for name, value in record.gegevens.items():
        assert served[_NAMEN.get(name, name)] == value, name
    if record.objecttype == "OPR" and "verkorteNaam" not in record.gegevens and len(record.gegevens["naam"]) <= 24:
        assert served["korteNaam"] == record.gegevens["naam"]
    if record.objecttype == "VBO":
        kind = "punt" if record.geometrie and record.geometrie["type"] == "Point" else "vlak"
        assert served["geometrie"] == {kind: record.geometrie}
        assert served["type"] == "Verblijfsobject"
    elif record.objecttype in ("LIG", "STA", "PND"):
        assert served["geometrie"] == record.geometrie
    else:
        assert "geometrie" not in served


# --- The official document's schemas ------------------------------------------------------------


@cache
def _components() -> dict[str, Any]:
    components = copy.deepcopy(official_openapi()["components"])
    # the document requires "kortNaam" in Adres, a slip of "korteNaam", which it defines and answers
    required = components["schemas"]["Adres"]["required"]
    required[required.index("kortNaam")] = "korteNaam"
    return components


def assert_schema(body: Any, schema: str) -> None:
    """``body`` is valid by the schema of that name in the official document."""
    validator = Draft7Validator({"$ref": f"#/components/schemas/{schema}", "components": _components()})
    errors = sorted(validator.iter_errors(body), key=lambda error: list(error.absolute_path))
    assert not errors, [(list(error.absolute_path), error.message) for error in errors[:5]]
