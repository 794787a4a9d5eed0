# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal test persons as persoonslijsten in the JSON import form."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from opengdi.registers.brp import testdata
from opengdi.registers.brp.invoer import ImportErrors, read_persoonslijst, read_persoonslijsten
from opengdi.registers.brp.testdata import ImportPersoonslijst, persoonslijst_uit_testpersoon


@cache
def _mock() -> dict[str, dict[str, Any]]:
    text = files("opengdi.registers.brp").joinpath("data", "personen-testdata.json").read_text("utf-8")
    return {persoon["burgerservicenummer"]: persoon for persoon in json.loads(text)}


def _lijst(bsn: str) -> ImportPersoonslijst:
    return persoonslijst_uit_testpersoon(_mock()[bsn])


def test_all_test_persons_convert_and_validate() -> None:
    lijsten = testdata.haal_centraal_persoonslijsten()
    assert len(lijsten) == 1176
    errors = ImportErrors([])
    for index, lijst in enumerate(lijsten):
        read_persoonslijst(lijst, f"persoonslijsten[{index}]", errors)
    assert errors.params == []


def test_whole_import_body_is_accepted_and_keeps_every_bsn() -> None:
    lijsten, errors = read_persoonslijsten({"persoonslijsten": testdata.haal_centraal_persoonslijsten()})
    assert errors == []
    assert [lijst.burgerservicenummer for lijst in lijsten] == list(_mock())


def test_explicit_data_is_converted_in_order() -> None:
    personen = [_mock()["999970331"], _mock()["000009830"]]
    lijsten = testdata.haal_centraal_persoonslijsten(personen)
    assert [lijst["01"][0]["01.20"] for lijst in lijsten] == ["999970331", "000009830"]


def test_naam_geboorte_and_address_of_a_noble_person() -> None:
    lijst = _lijst("000009830")
    assert lijst["01"] == [
        {
            "01.10": "5348068307",
            "01.20": "000009830",
            "02.10": "Theodoor-Christiaan R. Philip ",
            "02.20": "G",
            "02.30": "van der",
            "02.40": "Ven-Van Roedelrode tot Broekzucht",
            "03.10": "19750707",
            "03.20": "0153",
            "03.30": "6030",
            "04.10": "M",
            "61.10": "E",
        }
    ]
    assert lijst["08"] == [
        {
            "09.10": "0153",
            "09.20": "19750707",
            "10.10": "W",
            "10.30": "19750707",
            "11.10": "Boulevard 1945",
            "11.20": "144",
            "11.60": "7511AG",
            "85.10": "19750707",
            "83.10": "080000",
            "83.20": "19940930",
        }
    ]
    assert lijst["02"][0]["02.20"] == "GI"
    assert lijst["07"] == [{"68.10": "19940930", "70.10": "0"}]
    assert "03" not in lijst and "05" not in lijst and "09" not in lijst


def test_bag_address_immigration_gezag_and_foreign_birthplace() -> None:
    lijst = _lijst("999970331")
    assert lijst["01"][0]["03.20"] == "Gent"  # LO3 records a place abroad by name
    assert "03.30" not in lijst["01"][0]
    verblijf = lijst["08"][0]
    adres = [verblijf[key] for key in ("11.10", "11.15", "11.20", "11.60", "11.70")]
    assert adres == ["Turfmarkt", "Turfmarkt", "55", "2511CA", "'s-Gravenhage"]
    assert (verblijf["11.80"], verblijf["11.90"]) == ("0518010000583558", "0518200000583558")
    assert (verblijf["14.10"], verblijf["14.20"]) == ("0000", "20191210")
    assert lijst["11"] == [{"32.10": "1", "83.10": "113210", "83.20": "20220825"}]
    assert lijst["04"] == [
        {"stapel": 1, "05.10": "0001", "63.10": "017", "85.10": "20191205", "83.10": "040510", "83.20": "20220825"}
    ]


def test_ouders_go_to_categories_02_and_03() -> None:
    mock = _mock()["999970331"]
    lijst = _lijst("999970331")
    for ouder in mock["ouders"]:
        categorie = {"1": "02", "2": "03"}[ouder["ouderAanduiding"]]
        assert lijst[categorie][0]["01.20"] == ouder["burgerservicenummer"]
        assert lijst[categorie][0]["02.40"] == ouder["naam"]["geslachtsnaam"]


def test_partner_with_aangaan_and_onderzoek() -> None:
    assert _lijst("999970008")["05"] == [
        {
            "stapel": 1,
            "01.20": "999970148",
            "02.10": "Grada",
            "02.40": "Goverwelle",
            "03.10": "19890416",
            "03.20": "0518",
            "03.30": "6030",
            "04.10": "V",
            "06.10": "20051203",
            "06.20": "0518",
            "06.30": "6030",
            "15.10": "H",
            "83.10": "050610",
            "83.20": "20220825",
        }
    ]


def test_dissolved_marriage_abroad() -> None:
    partner = _lijst("000009866")["05"][0]
    assert (partner["06.10"], partner["06.20"], partner["06.30"]) == ("19960229", "Ambon", "6024")
    assert partner["07.10"] == "19960229"
    assert partner["03.20"] == "Telagakodok"


def test_kinderen_are_stapels_in_order() -> None:
    kinderen = _lijst("999970008")["09"]
    assert [kind["stapel"] for kind in kinderen] == [1, 2, 3]
    assert [kind["01.20"] for kind in kinderen] == ["999970422", "999970331", "999970288"]
    assert kinderen[0] == {
        "stapel": 1,
        "01.20": "999970422",
        "02.10": "Gloria",
        "02.30": "de",
        "02.40": "Geus",
        "03.10": "20211012",
        "03.20": "0518",
        "03.30": "6030",
        "83.10": "090000",
        "83.20": "20220825",
    }
    assert kinderen[1]["83.10"] == "090300"


def test_several_nationaliteiten_with_rni() -> None:
    lijst = _lijst("999992855")
    stapels = [(item["stapel"], item["05.10"]) for item in lijst["04"]]
    assert stapels == [(1, "0001"), (2, "0445"), (3, "0446")]
    assert lijst["04"][0]["63.10"] == "018"
    assert lijst["04"][0]["85.10"] == "20041015"
    assert all(item["88.10"] == "0202" for item in lijst["04"])
    assert lijst["01"][0]["88.10"] == "0202"
    assert lijst["08"][0]["88.10"] == "0202"
    assert lijst["06"] == [{"88.10": "0202"}]  # the mock marks RNI on overlijden without a death
    assert lijst["07"][0]["67.20"] == "R"


def test_overlijden_abroad_with_rni_and_buitenland_address() -> None:
    lijst = _lijst("999990305")
    assert lijst["06"] == [{"08.10": "20171201", "08.30": "5103", "88.10": "0201"}]
    assert (lijst["07"][0]["67.10"], lijst["07"][0]["67.20"]) == ("20171201", "O")
    verblijf = lijst["08"][0]
    assert verblijf == {
        "09.10": "1999",
        "09.20": "20140905",
        "13.10": "5103",
        "13.20": "20120514",
        "13.30": "Djordja Rajkovica 28",
        "13.40": "21000 Novi Sad",
        "85.10": "20140905",
        "88.10": "0301",
    }
    assert lijst["01"][0]["02.10"] == "Żáïŀëñøŕ Åłéèç Đëļŧå"
    assert lijst["01"][0]["02.30"] == "'S"


def test_geheimhouding_and_verificatie() -> None:
    assert _lijst("100600220")["07"][0]["70.10"] == "1"
    assert _lijst("999990457")["07"][0]["71.10"] == "20121023"
    assert _lijst("999990457")["07"][0]["71.20"] == "bewijs nationaliteit"
    geheim = [lijst for lijst in testdata.haal_centraal_persoonslijsten() if lijst["07"][0]["70.10"] == "1"]
    expected = [persoon for persoon in _mock().values() if persoon.get("geheimhoudingPersoonsgegevens")]
    assert len(geheim) == len(expected) == 55


def test_locatiebeschrijving() -> None:
    verblijf = _lijst("999997002")["08"][0]
    assert verblijf["12.10"] == "woonaak De Kabouter in Ruigoord"
    assert "11.10" not in verblijf


def test_verblijfstitel_kiesrecht_and_curatele() -> None:
    assert _lijst("999970884")["10"] == [{"39.10": "21", "39.20": "20270401", "39.30": "20200804"}]
    assert _lijst("999990081")["13"] == [{"31.10": "2"}]
    assert _lijst("999990524")["13"] == [{"38.10": "A"}]
    assert _lijst("999970197")["11"][0]["33.10"] == "1"


def test_values_take_their_lo3_form() -> None:
    persoon = {
        "burgerservicenummer": "999990019",
        "naam": {"geslachtsnaam": "Jansen"},
        "nationaliteiten": [{"nationaliteit": {"code": "1"}, "redenOpname": {"code": "1"}}],
        "verblijfplaats": {"straat": "Dorpsstraat", "huisnummer": 7, "locatiebeschrijving": "x" * 50},
        "gemeenteVanInschrijving": {"code": "518"},
        "geheimhoudingPersoonsgegevens": True,
        "indicatieCurateleRegister": True,
    }
    lijst = persoonslijst_uit_testpersoon(persoon)
    assert lijst["04"] == [{"stapel": 1, "05.10": "0001", "63.10": "001"}]
    assert lijst["08"][0]["09.10"] == "0518"
    assert lijst["08"][0]["11.20"] == "7"
    assert lijst["08"][0]["12.10"] == "x" * 35  # cut to the LO3 length
    assert lijst["07"] == [{"70.10": "1"}]
    assert lijst["11"] == [{"33.10": "1"}]
    errors = ImportErrors([])
    read_persoonslijst(lijst, "p", errors)
    assert errors.params == []


def test_a_bare_person_has_only_what_was_given() -> None:
    bare = {"burgerservicenummer": "999990019", "kinderen": [], "partners": [], "immigratie": {}}
    lijst = persoonslijst_uit_testpersoon(bare)
    assert lijst == {"01": [{"01.20": "999990019"}], "07": [{"70.10": "0"}]}
