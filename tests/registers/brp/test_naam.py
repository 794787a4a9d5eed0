# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of voorletters and volledige naam, with the examples of persoon/naam/voorletters and volledigeNaam."""

from __future__ import annotations

import pytest

from opengdi.registers.brp.naam import geslachtsnaam, is_predicaat, titel_vorm, volledige_naam, voorletters


@pytest.mark.parametrize(
    ("voornamen", "expected"),
    [
        ("Henk", "H."),
        ("Anna Cornelia", "A.C."),
        ("Johan Frank Robert", "J.F.R."),
        ("Theo Philip IJsbrand", "T.P.I."),
        ("Anne-Fleur Belle", "A.B."),
        ("Suzie Q", "S.Q"),
        ("A", "A"),
        ("J P", "J P"),
    ],
    ids=[
        "één voornaam",
        "meerdere (1)",
        "meerdere (2)",
        "dubbelklank",
        "samengesteld",
        "eindigt op één letter",
        "één letter",
        "meerdere van één letter",
    ],
)
def test_voorletters_take_one_letter_per_voornaam(voornamen: str, expected: str) -> None:
    assert voorletters(voornamen) == expected


def test_a_one_letter_voornaam_followed_by_a_longer_one_is_separated_by_a_space() -> None:
    assert voorletters("J Peter") == "J P."


@pytest.mark.parametrize("voornamen", [None, "", "   "])
def test_without_voornamen_there_are_no_voorletters(voornamen: str | None) -> None:
    assert voorletters(voornamen) is None


@pytest.mark.parametrize(
    ("voornamen", "voorvoegsel", "naam", "expected"),
    [
        ("Christina Maria", None, "Maassen", "Christina Maria Maassen"),
        ("Gerrit", "den", "Braber", "Gerrit den Braber"),
        (None, None, "Obbadah", "Obbadah"),
        ("Mohamed", "El", "Rafi", "Mohamed El Rafi"),
        ("Dian Marini Maya", None, ".", "Dian Marini Maya"),
        (
            "Lisanty Teresita del niño Jesús Virgen",
            "De las",
            "do Livramento de La Salete Jansz.",
            "Lisanty Teresita del niño Jesús Virgen De las do Livramento de La Salete Jansz.",
        ),
    ],
    ids=[
        "zonder voorvoegsel",
        "met voorvoegsel",
        "naamketen",
        "voorvoegsel met hoofdletter",
        "geslachtsnaam heeft standaardwaarde",
        "geslachtsnaam met punt",
    ],
)
def test_volledige_naam_joins_voornamen_voorvoegsel_and_geslachtsnaam(
    voornamen: str | None, voorvoegsel: str | None, naam: str, expected: str
) -> None:
    assert volledige_naam(voornamen, None, voorvoegsel, naam, None) == expected


def test_a_completely_unknown_name_has_no_volledige_naam() -> None:
    assert volledige_naam(None, None, None, ".", None) is None
    assert volledige_naam("", "", "", "", "O") is None


@pytest.mark.parametrize(
    ("geslacht", "voornamen", "code", "voorvoegsel", "naam", "expected"),
    [
        ("V", "Żáïŀëñøŕ Åłéèç Đëļŧå", "JV", "'S", "Streeveld", "jonkvrouw Żáïŀëñøŕ Åłéèç Đëļŧå 'S Streeveld"),
        ("V", "Jo Anne", "JV", "van", "Hoogh", "jonkvrouw Jo Anne van Hoogh"),
        ("M", "Jo Anne", "JV", "van", "Hoogh", "jonkheer Jo Anne van Hoogh"),
        ("O", "Jo Anne", "JV", "van", "Hoogh", "jonkvrouw Jo Anne van Hoogh"),
        ("V", "Jo Anne", "JH", "van", "Hoogh", "jonkvrouw Jo Anne van Hoogh"),
        ("M", "Jo Anne", "JH", "van", "Hoogh", "jonkheer Jo Anne van Hoogh"),
        ("O", "Jo Anne", "JH", "van", "Hoogh", "jonkheer Jo Anne van Hoogh"),
    ],
)
def test_a_predicaat_precedes_the_voornamen_in_the_form_of_the_geslacht(
    *, geslacht: str, voornamen: str, code: str, voorvoegsel: str, naam: str, expected: str
) -> None:
    assert volledige_naam(voornamen, code, voorvoegsel, naam, geslacht) == expected


#: volledigeNaam.feature, 'volledige naam van persoon met adellijke titel': geslacht, voornamen, titel, voorvoegsel,
#: geslachtsnaam, volledigeNaam (the double space in 'van  den' is as in the feature).
TITELS = [
    ("V", "Carolina", "BS", "Van", "Naersen", "Carolina barones Van Naersen"),
    ("M", "Hendrik Jan", "R", "de", "Brink", "Hendrik Jan ridder de Brink"),
    ("V", "Robin Sam", "G", "van  den", "Aedel", "Robin Sam gravin van den Aedel"),
    ("M", "Robin Sam", "G", "van  den", "Aedel", "Robin Sam graaf van den Aedel"),
    ("O", "Robin Sam", "G", "van  den", "Aedel", "Robin Sam graaf van den Aedel"),
    ("V", "Robin Sam", "GI", "van  den", "Aedel", "Robin Sam gravin van den Aedel"),
    ("M", "Robin Sam", "GI", "van  den", "Aedel", "Robin Sam graaf van den Aedel"),
    ("O", "Robin Sam", "GI", "van  den", "Aedel", "Robin Sam gravin van den Aedel"),
    ("V", "Robin Sam", "B", "van  den", "Aedel", "Robin Sam barones van den Aedel"),
    ("M", "Robin Sam", "B", "van  den", "Aedel", "Robin Sam baron van den Aedel"),
    ("O", "Robin Sam", "B", "van  den", "Aedel", "Robin Sam baron van den Aedel"),
    ("V", "Robin Sam", "BS", "van  den", "Aedel", "Robin Sam barones van den Aedel"),
    ("M", "Robin Sam", "BS", "van  den", "Aedel", "Robin Sam baron van den Aedel"),
    ("O", "Robin Sam", "BS", "van  den", "Aedel", "Robin Sam barones van den Aedel"),
    ("V", "Robin Sam", "H", "van  den", "Aedel", "Robin Sam hertogin van den Aedel"),
    ("M", "Robin Sam", "H", "van  den", "Aedel", "Robin Sam hertog van den Aedel"),
    ("O", "Robin Sam", "H", "van  den", "Aedel", "Robin Sam hertog van den Aedel"),
    ("V", "Robin Sam", "HI", "van  den", "Aedel", "Robin Sam hertogin van den Aedel"),
    ("M", "Robin Sam", "HI", "van  den", "Aedel", "Robin Sam hertog van den Aedel"),
    ("O", "Robin Sam", "HI", "van  den", "Aedel", "Robin Sam hertogin van den Aedel"),
    ("V", "Robin Sam", "M", "van  den", "Aedel", "Robin Sam markiezin van den Aedel"),
    ("M", "Robin Sam", "M", "van  den", "Aedel", "Robin Sam markies van den Aedel"),
    ("O", "Robin Sam", "M", "van  den", "Aedel", "Robin Sam markies van den Aedel"),
    ("V", "Robin Sam", "MI", "van  den", "Aedel", "Robin Sam markiezin van den Aedel"),
    ("M", "Robin Sam", "MI", "van  den", "Aedel", "Robin Sam markies van den Aedel"),
    ("O", "Robin Sam", "MI", "van  den", "Aedel", "Robin Sam markiezin van den Aedel"),
    ("V", "Robin Sam", "P", "van  den", "Aedel", "Robin Sam prinses van den Aedel"),
    ("M", "Robin Sam", "P", "van  den", "Aedel", "Robin Sam prins van den Aedel"),
    ("O", "Robin Sam", "P", "van  den", "Aedel", "Robin Sam prins van den Aedel"),
    ("V", "Robin Sam", "PS", "van  den", "Aedel", "Robin Sam prinses van den Aedel"),
    ("M", "Robin Sam", "PS", "van  den", "Aedel", "Robin Sam prins van den Aedel"),
    ("O", "Robin Sam", "PS", "van  den", "Aedel", "Robin Sam prinses van den Aedel"),
    ("V", "Robin Sam", "R", "van  den", "Aedel", "Robin Sam ridder van den Aedel"),
    ("M", "Robin Sam", "R", "van  den", "Aedel", "Robin Sam ridder van den Aedel"),
    ("O", "Robin Sam", "R", "van  den", "Aedel", "Robin Sam ridder van den Aedel"),
]


@pytest.mark.parametrize(
    ("geslacht", "voornamen", "code", "voorvoegsel", "naam", "expected"),
    TITELS,
    ids=[f"{row[2]}-{row[0]}-{row[4]}" for row in TITELS],
)
def test_an_adellijke_titel_follows_the_voornamen_in_the_form_of_the_geslacht(
    *, geslacht: str, voornamen: str, code: str, voorvoegsel: str, naam: str, expected: str
) -> None:
    assert volledige_naam(voornamen, code, voorvoegsel, naam, geslacht) == expected


@pytest.mark.parametrize(
    ("code", "geslacht", "vorm"),
    [
        ("R", "V", "ridder"),
        ("GI", "O", "gravin"),
        ("G", "O", "graaf"),
        ("JV", "O", "jonkvrouw"),
        ("JH", "O", "jonkheer"),
        ("B", "M", "baron"),
        (None, "M", None),
        ("", "V", None),
    ],
)
def test_titel_vorm_without_a_form_for_the_geslacht_falls_back_to_table_38(
    code: str | None, geslacht: str, vorm: str | None
) -> None:
    assert titel_vorm(code, geslacht) == vorm


@pytest.mark.parametrize(
    ("code", "predicaat"), [("JH", True), ("JV", True), ("B", False), ("R", False), (None, False), ("", False)]
)
def test_only_jonkheer_and_jonkvrouw_are_predicaten(code: str | None, predicaat: bool) -> None:
    assert is_predicaat(code) is predicaat


@pytest.mark.parametrize(("value", "expected"), [(".", None), ("", None), (None, None), ("Jansz.", "Jansz.")])
def test_the_standard_geslachtsnaam_dot_means_unknown(value: str | None, expected: str | None) -> None:
    assert geslachtsnaam(value) == expected
