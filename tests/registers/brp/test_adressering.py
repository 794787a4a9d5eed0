# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of the derived group ``adressering``, with cases taken from the Haal Centraal features
(persoon/adressering: aanhef, aanschrijfwijze, gebruikinlopendetekst, adres-regels, in-onderzoek)."""

from __future__ import annotations

from typing import Any

import pytest

from opengdi.registers.brp.adressering import adressering, partner_voor_naamgebruik
from opengdi.registers.brp.antwoord import InOnderzoek, render
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen

BOER = {"02.30": "de", "02.40": "Boer"}
AEDEL = {"02.30": "van den", "02.40": "Aedel"}
ONDERZOEK = {"83.20": "20020701"}
INGANG = {"type": "Datum", "datum": "2002-07-01", "langFormaat": "1 juli 2002"}
NAAMVELDEN = ("aanhef", "aanschrijfwijze", "gebruikInLopendeTekst")
ADRESVELDEN = ("adresregel1", "adresregel2", "adresregel3", "land")


def lijst(
    persoon: dict[str, str],
    *partners: dict[str, str] | list[dict[str, str]],
    verblijfplaats: dict[str, str] | None = None,
) -> Persoonslijst:
    """A persoonslijst; a partner given as a list holds its voorkomens newest first."""
    voorkomens = [Voorkomen("01", 1, 0, persoon)]
    for stapel, partner in enumerate(partners, start=1):
        historie = partner if isinstance(partner, list) else [partner]
        voorkomens += [Voorkomen("05", stapel, volgnummer, el) for volgnummer, el in enumerate(historie)]
    if verblijfplaats is not None:
        voorkomens.append(Voorkomen("08", 1, 0, verblijfplaats))
    return Persoonslijst.from_voorkomens(voorkomens)


def veld(persoonslijst: Persoonslijst, name: str) -> Any:
    result = adressering(persoonslijst)
    assert result is not None
    return result.get(name)


def vrouw(naamgebruik: str, **extra: str) -> dict[str, str]:
    return {"04.10": "V", "02.10": "Jo Anne", **BOER, "61.10": naamgebruik, **extra}


def flags(persoonslijst: Persoonslijst) -> dict[str, Any] | None:
    onderzoek = veld(persoonslijst, "inOnderzoek")
    assert onderzoek is None or isinstance(onderzoek, InOnderzoek)
    return onderzoek.render(None) if onderzoek else None


# ----------------------------------------------------------------------------------------- aanhef
@pytest.mark.parametrize(
    ("geslacht", "expected"),
    [
        ("M", "Geachte heer Van Puffelen"),
        ("V", "Geachte mevrouw Van Puffelen"),
        ("O", "Geachte R.M. van Puffelen"),
    ],
)
def test_aanhef_begint_met_geslacht_of_voorletters(geslacht: str, expected: str) -> None:
    persoon = {"04.10": geslacht, "02.10": "Robin Melle", "02.30": "van", "02.40": "Puffelen", "61.10": "E"}
    assert veld(lijst(persoon), "aanhef") == expected


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", "Geachte mevrouw In het Veld"),
        ("P", "Geachte mevrouw Van Velzen"),
        ("V", "Geachte mevrouw Van Velzen-in het Veld"),
        ("N", "Geachte mevrouw In het Veld-van Velzen"),
    ],
)
def test_aanhef_volgt_naamgebruik(naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": "V", "02.30": "in het", "02.40": "Veld", "61.10": naamgebruik}
    assert veld(lijst(persoon, {"02.30": "van", "02.40": "Velzen"}), "aanhef") == expected


def test_aanhef_zonder_partner_gebruikt_eigen_naam() -> None:
    persoon = {"04.10": "V", "02.30": "in het", "02.40": "Veld", "61.10": "P"}
    assert veld(lijst(persoon), "aanhef") == "Geachte mevrouw In het Veld"


def test_aanhef_geslacht_onbekend_zonder_voornamen_krijgt_hoofdletter() -> None:
    persoon = {"04.10": "O", "02.30": "in het", "02.40": "Zonnetje", "61.10": "E"}
    assert veld(lijst(persoon), "aanhef") == "Geachte In het Zonnetje"


def test_aanhef_onbekende_geslachtsnaam() -> None:
    persoon = {"04.10": "V", "02.40": ".", "61.10": "E"}
    assert veld(lijst(persoon, BOER), "aanhef") is None
    assert veld(lijst({**persoon, "61.10": "P"}, BOER), "aanhef") == "Geachte mevrouw De Boer"


def test_aanhef_onbekende_partnernaam_gebruikt_eigen_naam() -> None:
    assert veld(lijst(vrouw("V"), {"02.40": "."}), "aanhef") == "Geachte mevrouw De Boer"


@pytest.mark.parametrize(
    ("titel", "geslacht", "expected"),
    [
        ("G", "M", "Hooggeboren heer"),
        ("GI", "V", "Hooggeboren vrouwe"),
        ("BS", "M", "Hoogwelgeboren heer"),
        ("R", "V", "Hoogwelgeboren vrouwe"),
        ("PS", "O", "Hoogheid"),
        ("G", "O", "Geachte P. van den Aedel"),
    ],
)
def test_aanhef_adellijke_titel(titel: str, geslacht: str, expected: str) -> None:
    persoon = {"04.10": geslacht, "02.10": "Pieter", "02.20": titel, **AEDEL, "61.10": "E"}
    assert veld(lijst(persoon, BOER), "aanhef") == expected


def test_aanhef_adellijke_titel_vervalt_bij_naamgebruik_partner() -> None:
    persoon = {"04.10": "M", "02.10": "Pieter", "02.20": "G", **AEDEL, "61.10": "P"}
    assert veld(lijst(persoon, BOER), "aanhef") == "Geachte heer De Boer"


def test_aanhef_predicaat_van_getrouwde_vrouw_vervalt() -> None:
    persoon = {"04.10": "V", "02.10": "Pieter", "02.20": "JV", **AEDEL, "61.10": "E"}
    assert veld(lijst(persoon, BOER), "aanhef") == "Geachte mevrouw Van den Aedel"
    assert veld(lijst({**persoon, "04.10": "M"}, BOER), "aanhef") == "Hoogwelgeboren heer"


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", "Hoogwelgeboren vrouwe"),
        ("V", "Geachte mevrouw De Boer-van den Aedel"),
    ],
)
def test_aanhef_predicaat_met_ex_partner(naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": "V", "02.10": "Pieter", "02.20": "JH", **AEDEL, "61.10": naamgebruik}
    assert veld(lijst(persoon, {**BOER, "07.10": "20211109"}), "aanhef") == expected


@pytest.mark.parametrize(
    ("titel_partner", "expected"),
    [
        ("B", "Hoogwelgeboren vrouwe"),
        ("G", "Hooggeboren vrouwe"),
        ("P", "Hoogheid"),
        ("BS", "Geachte mevrouw Van den Aedel"),
        ("JH", "Geachte mevrouw Van den Aedel"),
    ],
)
def test_aanhef_hoffelijkheidstitel(titel_partner: str, expected: str) -> None:
    assert veld(lijst(vrouw("P"), {"02.20": titel_partner, **AEDEL}), "aanhef") == expected


def test_aanhef_hoffelijkheidstitel_alleen_voor_vrouw_die_partnernaam_gebruikt() -> None:
    partner = {"02.20": "B", **AEDEL}
    assert veld(lijst(vrouw("E"), partner), "aanhef") == "Geachte mevrouw De Boer"
    assert veld(lijst({**vrouw("P"), "04.10": "M"}, partner), "aanhef") == "Geachte heer Van den Aedel"
    met_titel = lijst({**vrouw("V"), "02.20": "GI"}, {**partner, "04.10": "M"})
    assert veld(met_titel, "aanhef") == "Hoogwelgeboren vrouwe"


@pytest.mark.parametrize(
    ("datum1", "datum2", "expected"),
    [
        ("19580401", "19610808", "Geachte mevrouw Geel-Groen"),
        ("19580401", "00000000", "Geachte mevrouw Roodt-Groen"),
        ("19610800", "19610808", "Geachte mevrouw Geel-Groen"),
        ("19610000", "19610800", "Geachte mevrouw Geel-Groen"),
    ],
)
def test_aanhef_gebruikt_oudste_actuele_relatie(datum1: str, datum2: str, expected: str) -> None:
    persoon = {"04.10": "V", "02.40": "Groen", "02.10": "Ferdinand Cornelis", "61.10": "V"}
    partners = ({"02.40": "Geel", "06.10": datum1}, {"02.40": "Roodt", "06.10": datum2})
    assert veld(lijst(persoon, *partners), "aanhef") == expected


# ----------------------------------------------------------------------------------------- aanschrijfwijze
@pytest.mark.parametrize(
    ("voornamen", "naamgebruik", "expected"),
    [
        ("Anna Özil", "E", "A.Ö. Groenen"),
        ("Bert Philip", "P", "B.P. Van Den Berg"),
        ("Carla Theodora", "V", "C.T. Van Den Berg-Groenen"),
        ("Elise Q", "N", "E.Q Groenen-Van Den Berg"),
    ],
)
def test_aanschrijfwijze_zonder_titel(voornamen: str, naamgebruik: str, expected: str) -> None:
    persoon = {"02.10": voornamen, "02.40": "Groenen", "61.10": naamgebruik}
    partner = {"02.30": "Van Den", "02.40": "Berg"}
    assert veld(lijst(persoon, partner), "aanschrijfwijze") == {"naam": expected}


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", "Ali bin Mohammed"),
        ("P", "Van Velzen"),
        ("V", "Van Velzen-Ali bin Mohammed"),
    ],
)
def test_aanschrijfwijze_naamketen_zonder_voornamen(naamgebruik: str, expected: str) -> None:
    persoon = {"02.40": "Ali bin Mohammed", "61.10": naamgebruik}
    assert veld(lijst(persoon, {"02.30": "van", "02.40": "Velzen"}), "aanschrijfwijze") == {"naam": expected}


def test_aanschrijfwijze_onbekende_namen() -> None:
    persoon = {"02.10": "Ali bin Mohammed", "02.40": ".", "61.10": "V"}
    assert veld(lijst(persoon, BOER), "aanschrijfwijze") is None
    assert veld(lijst({**persoon, "61.10": "P"}, BOER), "aanschrijfwijze") == {"naam": "A.b.M. de Boer"}
    fred = {"02.10": "Fred", "02.40": "Groenen", "61.10": "N"}
    assert veld(lijst(fred, {"02.10": "Ali"}), "aanschrijfwijze") == {"naam": "F. Groenen"}


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", {"naam": "J.A. barones van den Aedel", "aanspreekvorm": "De hoogwelgeboren vrouwe"}),
        ("V", {"naam": "J.A. de Boer-barones van den Aedel", "aanspreekvorm": "De hoogwelgeboren vrouwe"}),
        ("N", {"naam": "J.A. barones van den Aedel-de Boer", "aanspreekvorm": "De hoogwelgeboren vrouwe"}),
        ("P", {"naam": "J.A. de Boer"}),
    ],
)
def test_aanschrijfwijze_adellijke_titel(naamgebruik: str, expected: dict[str, str]) -> None:
    persoon = {"04.10": "V", "02.10": "Jo Anne", "02.20": "BS", **AEDEL, "61.10": naamgebruik}
    assert veld(lijst(persoon, BOER), "aanschrijfwijze") == expected


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", "Jonkheer J.A. van den Aedel"),
        ("V", "J.A. de Boer-jonkheer van den Aedel"),
        ("N", "Jonkheer J.A. van den Aedel-de Boer"),
    ],
)
def test_aanschrijfwijze_predicaat(naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": "M", "02.10": "James Antoine", "02.20": "JH", **AEDEL, "61.10": naamgebruik}
    result = veld(lijst(persoon, BOER), "aanschrijfwijze")
    assert result == {"naam": expected, "aanspreekvorm": "De hoogwelgeboren heer"}


def test_aanschrijfwijze_jonkvrouw_met_ex_partner() -> None:
    persoon = {"04.10": "V", "02.10": "Jeanne Anne", "02.20": "JV", **AEDEL, "61.10": "E"}
    partner = [{**BOER, "07.10": "20211109"}, BOER]
    expected = {"naam": "Jonkvrouw J.A. van den Aedel", "aanspreekvorm": "De hoogwelgeboren vrouwe"}
    assert veld(lijst(persoon, partner), "aanschrijfwijze") == expected
    expected = {"naam": "J.A. de Boer-van den Aedel"}
    assert veld(lijst({**persoon, "61.10": "V"}, partner), "aanschrijfwijze") == expected


@pytest.mark.parametrize(
    ("titel", "geslacht", "expected"),
    [
        ("JV", "M", {"naam": "Jonkheer A. van den Aedel", "aanspreekvorm": "De hoogwelgeboren heer"}),
        ("GI", "M", {"naam": "A. graaf van den Aedel", "aanspreekvorm": "De hooggeboren heer"}),
        ("R", "V", {"naam": "A. van den Aedel"}),
        ("B", "O", {"naam": "A. van den Aedel"}),
        ("PS", "O", {"naam": "A. van den Aedel", "aanspreekvorm": "De hoogheid"}),
    ],
)
def test_aanschrijfwijze_titel_in_vorm_van_geslacht(titel: str, geslacht: str, expected: Any) -> None:
    persoon = {"04.10": geslacht, "02.10": "Anne", "02.20": titel, **AEDEL, "61.10": "E"}
    assert veld(lijst(persoon), "aanschrijfwijze") == expected


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("P", "A. barones van den Aedel"),
        ("V", "A. barones van den Aedel-de Boer"),
        ("N", "A. de Boer-barones van den Aedel"),
    ],
)
def test_aanschrijfwijze_hoffelijkheidstitel(naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": "V", "02.10": "Anne-Fleur", **BOER, "61.10": naamgebruik}
    result = veld(lijst(persoon, {"02.20": "B", **AEDEL}), "aanschrijfwijze")
    assert result == {"naam": expected, "aanspreekvorm": "De hoogwelgeboren vrouwe"}


@pytest.mark.parametrize(
    ("titel_partner", "expected"),
    [
        ("P", {"naam": "A. barones de Bonne Fooie-prinses van den Aedel", "aanspreekvorm": "De hoogheid"}),
        ("GI", {"naam": "A. barones de Bonne Fooie-van den Aedel", "aanspreekvorm": "De hoogwelgeboren vrouwe"}),
    ],
)
def test_aanschrijfwijze_eigen_titel_en_hoffelijkheidstitel(titel_partner: str, expected: Any) -> None:
    persoon = {"04.10": "V", "02.10": "Anne-Fleur", "02.20": "BS", "02.30": "de", "02.40": "Bonne Fooie", "61.10": "N"}
    assert veld(lijst(persoon, {"02.20": titel_partner, **AEDEL}), "aanschrijfwijze") == expected


def test_aanschrijfwijze_hoffelijkheidstitel_partner_zonder_naam() -> None:
    partner = {"02.20": "B", "02.40": "."}
    assert veld(lijst(vrouw("P"), partner), "aanschrijfwijze") == {"naam": "J.A. de Boer"}


def test_aanschrijfwijze_meerdere_actuele_partners() -> None:
    persoon = {"02.10": "Ferdinand Cornelis", "02.40": "Groen", "61.10": "N"}
    partners = [
        {**BOER, "02.40": "Wit", "06.10": "19620104"},
        {"02.30": "in 't", "02.40": "Roodt", "06.10": "19610831"},
        {"02.40": "Geel", "06.10": "19581215"},
        {"02.40": "Zwart", "06.10": "19590203"},
    ]
    assert veld(lijst(persoon, *partners), "aanschrijfwijze") == {"naam": "F.C. Groen-Geel"}


# ------------------------------------------------------------------------------- gebruikInLopendeTekst
@pytest.mark.parametrize(
    ("geslacht", "naamgebruik", "expected"),
    [
        ("M", "E", "de heer Groenen"),
        ("O", "E", "J.R. Groenen"),
        ("V", "P", "mevrouw 't Wolkje"),
        ("V", "V", "mevrouw 't Wolkje-Groenen"),
        ("O", "N", "J.R. Groenen-'t Wolkje"),
    ],
)
def test_lopende_tekst_zonder_titel(geslacht: str, naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": geslacht, "02.10": "Jo Rene", "02.40": "Groenen", "61.10": naamgebruik}
    assert veld(lijst(persoon, {"02.30": "'t", "02.40": "Wolkje"}), "gebruikInLopendeTekst") == expected


@pytest.mark.parametrize(
    ("naamgebruik", "expected"),
    [
        ("E", "barones van den Aedel"),
        ("P", "mevrouw De Boer"),
        ("V", "mevrouw De Boer-barones van den Aedel"),
        ("N", "barones van den Aedel-de Boer"),
    ],
)
def test_lopende_tekst_adellijke_titel(naamgebruik: str, expected: str) -> None:
    persoon = {"04.10": "V", "02.10": "Jo Anne", "02.20": "BS", **AEDEL, "61.10": naamgebruik}
    assert veld(lijst(persoon, BOER), "gebruikInLopendeTekst") == expected


@pytest.mark.parametrize(
    ("geslacht", "partner", "expected"),
    [
        ("M", BOER, "jonkheer van den Aedel-de Boer"),
        ("V", BOER, "mevrouw Van den Aedel-de Boer"),
        ("V", {**BOER, "07.10": "20211109"}, "mevrouw Van den Aedel-de Boer"),
    ],
)
def test_lopende_tekst_predicaat(geslacht: str, partner: dict[str, str], expected: str) -> None:
    persoon = {"04.10": geslacht, "02.10": "Jo Anne", "02.20": "JV", **AEDEL, "61.10": "N"}
    assert veld(lijst(persoon, partner), "gebruikInLopendeTekst") == expected


@pytest.mark.parametrize(
    ("titel", "geslacht", "expected"),
    [
        ("JV", "V", "jonkvrouw van den Aedel"),
        ("R", "M", "ridder van den Aedel"),
        ("R", "V", "mevrouw Van den Aedel"),
        ("G", "O", "J.A. van den Aedel"),
    ],
)
def test_lopende_tekst_titel_in_vorm_van_geslacht(titel: str, geslacht: str, expected: str) -> None:
    persoon = {"04.10": geslacht, "02.10": "Jo Anne", "02.20": titel, **AEDEL, "61.10": "E"}
    assert veld(lijst(persoon), "gebruikInLopendeTekst") == expected


@pytest.mark.parametrize(
    ("titel_partner", "naamgebruik", "expected"),
    [
        ("B", "V", "barones van den Aedel-de Boer"),
        ("B", "N", "mevrouw De Boer-barones van den Aedel"),
        ("P", "P", "prinses van den Aedel"),
        ("R", "V", "mevrouw Van den Aedel-de Boer"),
    ],
)
def test_lopende_tekst_hoffelijkheidstitel(titel_partner: str, naamgebruik: str, expected: str) -> None:
    result = veld(lijst(vrouw(naamgebruik), {"02.20": titel_partner, **AEDEL}), "gebruikInLopendeTekst")
    assert result == expected


def test_lopende_tekst_eigen_titel_en_hoffelijkheidstitel() -> None:
    persoon = vrouw("V", **{"02.20": "BS"})
    partner = {"04.10": "M", "02.20": "G", **AEDEL}
    assert veld(lijst(persoon, partner), "gebruikInLopendeTekst") == "gravin van den Aedel-barones de Boer"


# ----------------------------------------------------------------------------------------- adresregels
@pytest.mark.parametrize(
    ("adres", "expected"),
    [
        ({"11.10": "Jonkheer van Riemsdijkln", "11.20": "88"}, "Jonkheer van Riemsdijkln 88"),
        ({"11.10": "Borgesiusstraat", "11.20": "103", "11.30": "c"}, "Borgesiusstraat 103 c"),
        ({"11.10": "Daniël Stalpertstraat", "11.20": "35", "11.40": "III"}, "Daniël Stalpertstraat 35 III"),
        ({"11.10": "Atatürkstraat", "11.20": "9", "11.40": "2"}, "Atatürkstraat 9-2"),
        ({"11.10": "Cronus", "11.20": "555", "11.30": "B", "11.40": "73c"}, "Cronus 555 B73c"),
        ({"11.10": "Graan voor Visch", "11.20": "15201", "11.50": "by", "11.40": "2"}, "Graan voor Visch bij 15201-2"),
        (
            {"11.10": "1e Exloërmond", "11.20": "3", "11.50": "to", "11.30": "L", "11.40": "III"},
            "1e Exloërmond t/o 3 LIII",
        ),
    ],
)
def test_adresregel1_van_adres(adres: dict[str, str], expected: str) -> None:
    result = adressering(lijst({"02.40": "Jansen"}, verblijfplaats={"10.10": "W", **adres}))
    assert result is not None
    assert result["adresregel1"] == expected
    assert "adresregel3" not in result
    assert result["_binnenland"] is True


def test_adresregel2_met_woonplaats_of_gemeente_van_inschrijving() -> None:
    adres = {"09.10": "0518", "11.10": "een straat", "11.20": "1", "11.60": "2583XL"}
    met_woonplaats = lijst({}, verblijfplaats={**adres, "11.70": "Scheveningen"})
    assert veld(met_woonplaats, "adresregel2") == "2583 XL  SCHEVENINGEN"
    assert veld(lijst({}, verblijfplaats=adres), "adresregel2") == "2583 XL  'S-GRAVENHAGE"
    assert veld(lijst({}, verblijfplaats={**adres, "11.60": ""}), "adresregel2") is None


def test_adresregels_van_locatie() -> None:
    locatie = {"09.10": "0518", "12.10": "Woonboot tegenover de Grote Sloot"}
    result = adressering(lijst({}, verblijfplaats=locatie))
    assert result is not None
    assert result["adresregel1"] == "Woonboot tegenover de Grote Sloot"
    assert result["adresregel2"] == "'S-GRAVENHAGE"
    assert result["_binnenland"] is True


def test_adresregels_van_buitenlands_adres() -> None:
    buitenland = {"13.10": "5010", "13.30": "Rue du pomme 26", "13.40": "Bruxelles", "13.50": "postcode 1000"}
    result = adressering(lijst({"02.40": "Jansen"}, verblijfplaats=buitenland))
    assert result is not None
    assert [result[key] for key in ("adresregel1", "adresregel2", "adresregel3")] == [
        "Rue du pomme 26",
        "Bruxelles",
        "postcode 1000",
    ]
    assert result["land"] == {"code": "5010", "omschrijving": "België"}
    assert result["_binnenland"] is False


@pytest.mark.parametrize(
    "verblijfplaats",
    [
        {"11.10": ".", "11.20": "88"},
        {"11.10": "Jonkheer van Riemsdijkln", "11.20": "0"},
        {"13.10": "0000", "13.30": "Rue du pomme 26", "13.40": "Bruxelles"},
        {"13.10": "5010"},
    ],
)
def test_geen_adresregels_bij_standaardwaarden(verblijfplaats: dict[str, str]) -> None:
    result = render(adressering(lijst({"02.40": "Jansen", "04.10": "M"}, verblijfplaats=verblijfplaats)))
    assert result == {
        "aanhef": "Geachte heer Jansen",
        "aanschrijfwijze": {"naam": "Jansen"},
        "gebruikInLopendeTekst": "de heer Jansen",
    }


def test_land_nederland_van_buitenlands_adres_wordt_niet_geleverd() -> None:
    buitenland = {"13.10": "6030", "13.30": "Laantje 2", "13.40": "2222CD Ons Dorp"}
    result = adressering(lijst({}, verblijfplaats=buitenland))
    assert result is not None
    assert (result["adresregel1"], result["adresregel2"]) == ("Laantje 2", "2222CD Ons Dorp")
    assert "land" not in result


def test_adressering_bestaat_voor_elke_persoon() -> None:
    assert adressering(lijst({})) == {"_binnenland": True}
    assert adressering(Persoonslijst.from_voorkomens([Voorkomen("08", 1, 0, {"09.10": "0518"})])) is None


# ----------------------------------------------------------------------------------------- in onderzoek
@pytest.mark.parametrize(
    ("aanduiding", "in_onderzoek"),
    [
        ("010000", True),
        ("010240", True),
        ("010410", True),
        ("016110", True),
        ("010120", False),
        ("010310", False),
    ],
)
def test_naamvelden_in_onderzoek_door_persoon(aanduiding: str, in_onderzoek: bool) -> None:
    persoonslijst = lijst({"02.40": ".", "83.10": aanduiding, **ONDERZOEK})
    expected = {**dict.fromkeys(NAAMVELDEN, True), "datumIngangOnderzoekPersoon": INGANG}
    assert flags(persoonslijst) == (expected if in_onderzoek else None)


@pytest.mark.parametrize(
    ("aanduiding", "in_onderzoek"),
    [
        ("050000", True),
        ("050200", True),
        ("050240", True),
        ("050210", False),
        ("050610", False),
    ],
)
def test_naamvelden_in_onderzoek_door_oudste_partner(aanduiding: str, in_onderzoek: bool) -> None:
    oud = {"02.40": "Maassen", "06.10": "19630405", "83.10": aanduiding, **ONDERZOEK}
    persoonslijst = lijst({}, {"02.40": "Aedel", "06.10": "19650401"}, oud)
    expected = {**dict.fromkeys(NAAMVELDEN, True), "datumIngangOnderzoekPartner": INGANG}
    assert flags(persoonslijst) == (expected if in_onderzoek else None)


def test_onderzoek_van_niet_gebruikte_partner_telt_niet() -> None:
    jong = {"02.40": "Aedel", "06.10": "19650401", "83.10": "050000", **ONDERZOEK}
    assert flags(lijst({}, jong, {"02.40": "Maassen", "06.10": "19630405"})) is None


def test_onderzoek_van_ontbonden_partner() -> None:
    partner = [{"07.10": "19850707", "83.10": "050240", **ONDERZOEK}, {"02.40": "Aedel", "06.10": "19650401"}]
    expected = {**dict.fromkeys(NAAMVELDEN, True), "datumIngangOnderzoekPartner": INGANG}
    assert flags(lijst({}, partner)) == expected


@pytest.mark.parametrize(
    ("aanduiding", "velden"),
    [
        ("080000", list(ADRESVELDEN)),
        ("080910", ["adresregel2"]),
        ("081100", ["adresregel1", "adresregel2"]),
        ("081210", ["adresregel1"]),
        ("081310", ["land"]),
        ("081350", ["adresregel3"]),
        ("081115", []),
        ("081420", []),
    ],
)
def test_adresregels_in_onderzoek(aanduiding: str, velden: list[str]) -> None:
    persoonslijst = lijst({}, verblijfplaats={"83.10": aanduiding, **ONDERZOEK})
    expected = {**dict.fromkeys(velden, True), "datumIngangOnderzoekVerblijfplaats": INGANG}
    assert flags(persoonslijst) == (expected if velden else None)


def test_vastgesteld_verblijft_niet_op_adres() -> None:
    adres = {
        "11.10": "Jonkheer van Riemsdijkln",
        "11.20": "88",
        "11.60": "2583XL",
        "11.70": "Scheveningen",
        "83.10": "089999",
        **ONDERZOEK,
    }
    persoonslijst = lijst({}, verblijfplaats=adres)
    assert veld(persoonslijst, "indicatieVastgesteldVerblijftNietOpAdres") is True
    expected = {**dict.fromkeys(ADRESVELDEN, True), "datumIngangOnderzoekVerblijfplaats": INGANG}
    assert flags(persoonslijst) == expected
    leeg = lijst({}, verblijfplaats={"83.10": "089999", **ONDERZOEK})
    assert veld(leeg, "indicatieVastgesteldVerblijftNietOpAdres") is None


def test_beeindigd_onderzoek_telt_niet() -> None:
    persoonslijst = lijst({"02.40": "Jansen", "83.10": "010240", **ONDERZOEK, "83.30": "20030101"})
    assert flags(persoonslijst) is None


# ------------------------------------------------------------------------------- partner for naamgebruik
def test_partner_voor_naamgebruik_actuele_relatie_gaat_voor_ontbonden() -> None:
    ontbonden = {"02.40": "Ex", "06.10": "19500101", "07.10": "19600101"}
    actueel = {"02.40": "Nu", "06.10": "19700101"}
    partner = partner_voor_naamgebruik(lijst({}, ontbonden, actueel))
    assert partner is not None and partner.get("02.40") == "Nu"


def test_partner_voor_naamgebruik_laatst_ontbonden_relatie() -> None:
    eerste = {"02.40": "Eerst", "07.10": "19900101"}
    laatste = {"02.40": "Laatst", "07.10": "20120401"}
    partner = partner_voor_naamgebruik(lijst({}, laatste, eerste))
    assert partner is not None and partner.get("02.40") == "Laatst"
    assert partner_voor_naamgebruik(lijst({})) is None
