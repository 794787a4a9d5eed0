# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of ``parse_fields``: its errors (fields-fout-cases.feature), the selections it makes and the aliases."""

from __future__ import annotations

from typing import Any

import pytest

from opengdi.kernel.problems import bad_request
from opengdi.registers.brp.fields import GEZAG_PERSOON_BEPERKT, PERSOON, PERSOON_BEPERKT, parse_fields
from opengdi.registers.brp.vraag import parse_vraag

FIELD_PATROON = r"^[a-zA-Z0-9\._]{1,200}$"
NIET_BESTAAND = "Parameter bevat een niet bestaande veldnaam."
NIET_TOEGESTAAN = "Parameter bevat een niet toegestane veldnaam."
SCHEMAS = pytest.mark.parametrize("schema", [PERSOON, PERSOON_BEPERKT], ids=["raadplegen", "zoeken"])

VERBLIJFADRES_BINNENLAND = {
    "officieleStraatnaam": "*",
    "korteStraatnaam": "*",
    "huisnummer": "*",
    "huisletter": "*",
    "huisnummertoevoeging": "*",
    "aanduidingBijHuisnummer": "*",
    "postcode": "*",
    "woonplaats": "*",
    "locatiebeschrijving": "*",
}
VERBLIJFPLAATS_BINNENLAND = {
    "type": "*",
    "datumVan": "*",
    "datumIngangGeldigheid": "*",
    "functieAdres": "*",
    "adresseerbaarObjectIdentificatie": "*",
    "nummeraanduidingIdentificatie": "*",
    "verblijfadres": VERBLIJFADRES_BINNENLAND,
}


def errors_of(value: Any, schema: Any = PERSOON) -> list[tuple[str, str, str]]:
    """The (code, name, reason) of each error in the ``fields`` value."""
    _, errors = parse_fields(value, schema)
    return [(error.code, error.name, error.reason) for error in errors]


def tree_of(*paths: str, schema: Any = PERSOON) -> dict[str, Any]:
    """The selection tree of valid ``paths``."""
    selection, errors = parse_fields(list(paths), schema)
    assert errors == []
    return selection.tree


# --- the list itself ------------------------------------------------------------------------------


@SCHEMAS
def test_fields_missing_is_required(schema: Any) -> None:
    assert errors_of(None, schema) == [("required", "fields", "Parameter is verplicht.")]


@SCHEMAS
def test_fields_as_a_comma_separated_string_is_not_an_array(schema: Any) -> None:
    assert errors_of("burgerservicenummer,geslacht", schema) == [("array", "fields", "Parameter is geen array.")]


@SCHEMAS
def test_an_empty_fields_list_has_too_few_items(schema: Any) -> None:
    assert errors_of([], schema) == [("minItems", "fields", "Array bevat minder dan 1 items.")]


@SCHEMAS
def test_131_field_paths_are_too_many_and_130_are_not(schema: Any) -> None:
    assert errors_of(["burgerservicenummer"] * 131, schema) == [
        ("maxItems", "fields", "Array bevat meer dan 130 items.")
    ]
    assert errors_of(["burgerservicenummer"] * 130, schema) == []


def test_the_too_many_error_is_reported_before_any_error_in_the_paths() -> None:
    assert errors_of(["opschortingBijhouding", "a*nummer", *["geslacht"] * 129]) == [
        ("maxItems", "fields", "Array bevat meer dan 130 items.")
    ]


# --- the form of a path ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "a*nummer",
        "burger service nummer",
        "",
        "bestaatookniet" * 14 + "besta",
        7,
        "burgerservicenummer\n",
    ],
    ids=["ster", "spaties", "leeg", "201 tekens", "geen string", "regeleinde"],
)
def test_a_field_path_that_breaks_the_pattern_is_refused_with_the_pattern(path: Any) -> None:
    if isinstance(path, str) and path.startswith("bestaat"):
        assert len(path) == 201
    assert errors_of([path]) == [("pattern", "fields[0]", f"Waarde voldoet niet aan patroon {FIELD_PATROON}.")]


def test_a_200_character_path_meets_the_pattern_but_names_no_field() -> None:
    assert errors_of(["b" * 200]) == [("fields", "fields[0]", NIET_BESTAAND)]


def test_each_bad_path_is_reported_at_its_own_index() -> None:
    _, errors = parse_fields(["burgerservicenummer", "a*nummer", "anummer", "rni"], PERSOON)
    assert [(error.code, error.name) for error in errors] == [
        ("pattern", "fields[1]"),
        ("fields", "fields[2]"),
        ("fields", "fields[3]"),
    ]
    assert bad_request(errors).detail == "De foutieve parameter(s) zijn: fields[1], fields[2], fields[3]."


# --- existing and non-existing fields -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "anummer",
        "bestaatNiet",
        "naam.bestaatNiet",
        "geslacht.foo",
        "geboorte.datum.datum.extra",
        "burgerservicenummer.",
        ".burgerservicenummer",
        "naam..voornamen",
        "kinderen.naam.volledigeNaam",
        "partners.naam.aanduidingNaamgebruik",
    ],
)
def test_a_path_to_a_field_that_does_not_exist_is_refused(path: str) -> None:
    assert errors_of([path]) == [("fields", "fields[0]", NIET_BESTAAND)]


def test_a_nummer_exists_for_raadplegen_but_not_in_the_answer_of_a_search() -> None:
    assert errors_of(["aNummer"], PERSOON) == []
    assert errors_of(["burgerservicenummer", "aNummer"], PERSOON_BEPERKT) == [("fields", "fields[1]", NIET_BESTAAND)]


def test_a_search_request_checks_its_fields_against_the_beperkt_answer() -> None:
    _, errors = parse_vraag(
        {
            "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
            "geslachtsnaam": "Kierkegaard",
            "geboortedatum": "1956-11-15",
            "fields": ["burgerservicenummer", "aNummer"],
        }
    )
    assert [(error.code, error.name, error.reason) for error in errors] == [("fields", "fields[1]", NIET_BESTAAND)]
    assert bad_request(errors).detail == "De foutieve parameter(s) zijn: fields[1]."


def test_gezag_may_be_asked_only_where_the_answer_holds_it() -> None:
    assert errors_of(["gezag"], GEZAG_PERSOON_BEPERKT) == []
    assert errors_of(["gezag"], PERSOON) == []
    assert errors_of(["gezag"], PERSOON_BEPERKT) == [("fields", "fields[0]", NIET_BESTAAND)]


#: Fields delivered automatically (never to be asked) in both kinds of answers.
AUTOMATISCH_BIJ_ZOEKEN = [
    "geheimhoudingPersoonsgegevens",
    "opschortingBijhouding",
    "opschortingBijhouding.reden",
    "opschortingBijhouding.reden.omschrijving",
    "opschortingBijhouding.datum",
    "opschortingBijhouding.datum.type",
    "rni",
    "rni.deelnemer",
    "rni.deelnemer.code",
    "rni.omschrijvingVerdrag",
    "rni.categorie",
    "verificatie",
    "verificatie.datum",
    "verificatie.datum.datum",
    "verificatie.omschrijving",
    "inOnderzoek",
    "inOnderzoek.burgerservicenummer",
    "inOnderzoek.datumIngangOnderzoekPersoon",
    "naam.inOnderzoek.voornamen",
    "geboorte.inOnderzoek.datumIngangOnderzoek",
    "adressering.indicatieVastgesteldVerblijftNietOpAdres",
    "adresseringBinnenland.indicatieVastgesteldVerblijftNietOpAdres",
]
#: Raadplegen delivers more automatically: the onderzoek of data only the full answer has.
AUTOMATISCH_BIJ_RAADPLEGEN = [
    *AUTOMATISCH_BIJ_ZOEKEN,
    "inOnderzoek.datumIngangOnderzoekGemeente.langFormaat",
    "partners.aangaanHuwelijkPartnerschap.inOnderzoek.datum",
    "verblijfplaats.indicatieVastgesteldVerblijftNietOpAdres",
]


@pytest.mark.parametrize("path", AUTOMATISCH_BIJ_RAADPLEGEN)
def test_an_automatically_delivered_field_may_not_be_asked_when_raadplegen(path: str) -> None:
    assert errors_of([path], PERSOON) == [("fields", "fields[0]", NIET_TOEGESTAAN)]


@pytest.mark.parametrize("path", AUTOMATISCH_BIJ_ZOEKEN)
def test_an_automatically_delivered_field_may_not_be_asked_when_zoeken(path: str) -> None:
    assert errors_of([path], PERSOON_BEPERKT) == [("fields", "fields[0]", NIET_TOEGESTAAN)]


# --- selections -----------------------------------------------------------------------------------


def test_a_single_field_selects_just_that_field() -> None:
    assert tree_of("burgerservicenummer") == {"burgerservicenummer": "*"}


def test_a_group_expands_to_all_of_its_fields() -> None:
    assert tree_of("geboorte") == {"geboorte": {"datum": "*", "land": "*", "plaats": "*"}}
    assert tree_of("geboorte", schema=PERSOON_BEPERKT) == {"geboorte": {"datum": "*"}}
    assert tree_of("uitsluitingKiesrecht") == {
        "uitsluitingKiesrecht": {"uitgeslotenVanKiesrecht": "*", "einddatum": "*"}
    }


def test_a_nested_group_expands_recursively() -> None:
    assert tree_of("partners.aangaanHuwelijkPartnerschap") == {
        "partners": {"aangaanHuwelijkPartnerschap": {"datum": "*", "land": "*", "plaats": "*"}}
    }
    assert tree_of("adressering.aanschrijfwijze") == {
        "adressering": {"aanschrijfwijze": {"naam": "*", "aanspreekvorm": "*"}}
    }


@pytest.mark.parametrize(
    "path",
    [
        "geboorte.datum",
        "geboorte.datum.type",
        "geboorte.datum.datum",
        "geboorte.datum.langFormaat",
        "geboorte.datum.jaar",
        "geboorte.datum.maand",
        "geboorte.datum.onbekend",
    ],
)
def test_any_part_of_a_date_selects_the_whole_date(path: str) -> None:
    assert tree_of(path) == {"geboorte": {"datum": "*"}}


def test_two_parts_of_one_date_select_the_whole_date_once() -> None:
    assert tree_of("geboorte.datum.jaar", "geboorte.datum.maand") == {"geboorte": {"datum": "*"}}


@pytest.mark.parametrize(
    ("path", "tree"),
    [
        ("geslacht.code", {"geslacht": "*"}),
        ("geslacht.omschrijving", {"geslacht": "*"}),
        ("geboorte.land.omschrijving", {"geboorte": {"land": "*"}}),
        ("naam.adellijkeTitelPredicaat.soort", {"naam": {"adellijkeTitelPredicaat": "*"}}),
        ("verblijfplaats.verblijfadres.land.code", {"verblijfplaats": {"verblijfadres": {"land": "*"}}}),
        ("datumInschrijvingInGemeente.langFormaat", {"datumInschrijvingInGemeente": "*"}),
    ],
)
def test_a_part_of_a_code_table_value_selects_the_whole_value(path: str, tree: dict[str, Any]) -> None:
    assert tree_of(path) == tree


def test_the_soort_part_exists_only_for_a_title_or_predicaat() -> None:
    assert errors_of(["geslacht.soort"]) == [("fields", "fields[0]", NIET_BESTAAND)]


def test_paths_into_one_group_merge_into_one_selection() -> None:
    assert tree_of("naam.voornamen", "naam.geslachtsnaam", "geboorte.datum", "burgerservicenummer") == {
        "naam": {"voornamen": "*", "geslachtsnaam": "*"},
        "geboorte": {"datum": "*"},
        "burgerservicenummer": "*",
    }


@pytest.mark.parametrize("paths", [("naam.voornamen", "naam"), ("naam", "naam.voornamen")])
def test_a_group_and_one_of_its_fields_select_the_whole_group_in_either_order(paths: tuple[str, str]) -> None:
    assert tree_of(*paths, schema=PERSOON_BEPERKT) == {
        "naam": {
            "voornamen": "*",
            "adellijkeTitelPredicaat": "*",
            "voorvoegsel": "*",
            "geslachtsnaam": "*",
            "voorletters": "*",
            "volledigeNaam": "*",
        }
    }


def test_any_sub_path_of_gezag_selects_gezag_whole() -> None:
    assert tree_of("gezag.minderjarige.burgerservicenummer") == {"gezag": "*"}


# --- aliases --------------------------------------------------------------------------------------


def test_verblijfplaats_binnenland_selects_only_the_dutch_verblijfplaats_fields() -> None:
    selection, errors = parse_fields(["verblijfplaatsBinnenland"], PERSOON)
    assert errors == []
    assert selection.tree == {"verblijfplaats": VERBLIJFPLAATS_BINNENLAND}
    assert selection.binnenland_only == {"verblijfplaats"}


@pytest.mark.parametrize(
    ("path", "tree"),
    [
        ("verblijfplaatsBinnenland.datumVan", {"datumVan": "*"}),
        ("verblijfplaatsBinnenland.verblijfadres", {"verblijfadres": VERBLIJFADRES_BINNENLAND}),
        ("verblijfplaatsBinnenland.verblijfadres.officieleStraatnaam", {"verblijfadres": {"officieleStraatnaam": "*"}}),
        ("verblijfplaatsBinnenland.functieAdres.code", {"functieAdres": "*"}),
    ],
)
def test_a_path_under_the_verblijfplaats_alias_selects_under_verblijfplaats(path: str, tree: dict[str, Any]) -> None:
    selection, errors = parse_fields([path], PERSOON)
    assert errors == []
    assert selection.tree == {"verblijfplaats": tree}
    assert selection.binnenland_only == {"verblijfplaats"}


@pytest.mark.parametrize(
    "path",
    [
        "verblijfplaatsBinnenland.verblijfadres.regel1",
        "verblijfplaatsBinnenland.verblijfadres.regel2",
        "verblijfplaatsBinnenland.verblijfadres.regel3",
        "verblijfplaatsBinnenland.verblijfadres.land",
        "adresseringBinnenland.adresregel3",
        "adresseringBinnenland.land",
    ],
)
def test_a_buitenland_field_under_a_binnenland_alias_does_not_exist(path: str) -> None:
    assert errors_of([path]) == [("fields", "fields[0]", NIET_BESTAAND)]


def test_the_verblijfplaats_alias_does_not_exist_in_a_search_answer() -> None:
    assert errors_of(["verblijfplaatsBinnenland"], PERSOON_BEPERKT) == [("fields", "fields[0]", NIET_BESTAAND)]


@pytest.mark.parametrize("schema", [PERSOON, PERSOON_BEPERKT], ids=["raadplegen", "zoeken"])
def test_adressering_binnenland_selects_the_two_dutch_adresregels(schema: Any) -> None:
    selection, errors = parse_fields(["adresseringBinnenland"], schema)
    assert errors == []
    assert selection.tree == {"adressering": {"adresregel1": "*", "adresregel2": "*"}}
    assert selection.binnenland_only == {"adressering"}


@pytest.mark.parametrize(
    "paths",
    [
        ["verblijfplaatsBinnenland", "verblijfplaats"],
        ["verblijfplaats", "verblijfplaatsBinnenland"],
        ["verblijfplaatsBinnenland.datumVan", "verblijfplaats.verblijfadres.land"],
    ],
)
def test_asking_verblijfplaats_itself_too_lifts_the_binnenland_restriction(paths: list[str]) -> None:
    selection, errors = parse_fields(paths, PERSOON)
    assert errors == []
    assert selection.binnenland_only == set()
    assert "verblijfplaats" in selection.tree


def test_the_binnenland_restriction_applies_per_group() -> None:
    selection, errors = parse_fields(["adresseringBinnenland", "verblijfplaats.verblijfadres"], PERSOON)
    assert errors == []
    assert selection.binnenland_only == {"adressering"}
    assert selection.tree["verblijfplaats"]["verblijfadres"]["regel1"] == "*"
    assert selection.tree["adressering"] == {"adresregel1": "*", "adresregel2": "*"}


def test_the_data_elements_asked_through_an_alias_are_named_by_its_target() -> None:
    """So that a grant of ``verblijfplaats`` covers ``verblijfplaatsBinnenland``."""
    selection, errors = parse_fields(["verblijfplaatsBinnenland.datumVan", "adresseringBinnenland"], PERSOON)
    assert errors == []
    assert selection.paths() == {"verblijfplaats.datumVan", "adressering.adresregel1", "adressering.adresregel2"}


def test_each_asked_field_keeps_the_data_elements_it_stands_for() -> None:
    asked = ["naam", "geboorte.datum.jaar", "verblijfplaatsBinnenland.verblijfadres"]
    selection, errors = parse_fields(asked, PERSOON)
    assert errors == []
    assert set(selection.asked) == set(asked)
    assert selection.asked["naam"] == {f"naam.{name}" for name in PERSOON["naam"]}
    assert selection.asked["geboorte.datum.jaar"] == {"geboorte.datum"}
    assert selection.asked["verblijfplaatsBinnenland.verblijfadres"] == {
        f"verblijfplaats.verblijfadres.{name}" for name in VERBLIJFADRES_BINNENLAND
    }
    assert selection.paths() == frozenset().union(*selection.asked.values())


# --- categories -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "categories"),
    [
        (["burgerservicenummer"], {"01"}),
        (["naam", "geboorte.datum", "leeftijd"], {"01"}),
        (["nationaliteiten"], {"04"}),
        (["overlijden.datum"], {"06"}),
        (["verblijfplaats.verblijfadres.land"], {"08"}),
        (["verblijfplaatsBinnenland"], {"08"}),
        (["gemeenteVanInschrijving", "datumInschrijvingInGemeente", "immigratie"], {"08"}),
        (["adressering.adresregel1"], {"08"}),
        (["adressering.land"], {"08"}),
        (["adressering.aanhef"], {"01"}),
        (["adressering"], {"01", "08"}),
        (["adresseringBinnenland"], {"08"}),
        (["kinderen", "ouders", "partners", "verblijfstitel", "gezag", "indicatieCurateleRegister"], set()),
        (["naam", "nationaliteiten", "overlijden", "verblijfplaats", "partners"], {"01", "04", "06", "08"}),
    ],
)
def test_categories_are_those_the_selected_fields_are_derived_from(paths: list[str], categories: set[str]) -> None:
    selection, errors = parse_fields(paths, PERSOON)
    assert errors == []
    assert selection.categories() == categories
