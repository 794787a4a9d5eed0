# SPDX-License-Identifier: EUPL-1.2
"""Unit tests of ``parse_vraag``: the seven query types and the parameter errors of the fout-cases features."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from opengdi.kernel.problems import bad_request
from opengdi.kernel.toegang import Zoekparameter
from opengdi.registers.brp.catalogus import PARAMETER_GEGEVENS
from opengdi.registers.brp.fields import PERSOON, parse_fields
from opengdi.registers.brp.vraag import QUERY_TYPES, parse_vraag

FIELDS = ["burgerservicenummer"]

GESLACHTSNAAM_PATROON = r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$"
VOORNAMEN_PATROON = r"^[a-zA-Z0-9À-ž \.\-\']{1,199}\*{0,1}$"
VOORVOEGSEL_PATROON = r"^[a-zA-Z \']{1,10}$"
GESLACHT_PATROON = r"^([Mm]|[Vv]|[Oo])$"
GEMEENTE_PATROON = r"^[0-9]{4}$"
POSTCODE_PATROON = r"^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$"
HUISLETTER_PATROON = r"^[a-zA-Z]{1}$"
TOEVOEGING_PATROON = r"^[a-zA-Z0-9 \-]{1,4}$"
STRAAT_PATROON = (
    r"^[a-zA-Z0-9À-ž \-\'\.]{1,80}$|^[a-zA-Z0-9À-ž \-\'\.]{7,79}\*{1}$"
    r"|^\*{1}[a-zA-Z0-9À-ž \-\'\.]{7,79}$"
)
IDENTIFICATIE_PATROON = r"^[0-9]{16}$"
BSN_PATROON = r"^[0-9]{9}$"

SCRIPT = "<script>alert('hello world');</script>"
LANG = " ".join(["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"] * 4)  # 211 characters
VERPLICHT = "Parameter is verplicht."

RAADPLEEG = "RaadpleegMetBurgerservicenummer"
GEBOORTE = "ZoekMetGeslachtsnaamEnGeboortedatum"
NAAM_GEMEENTE = "ZoekMetNaamEnGemeenteVanInschrijving"
POSTCODE = "ZoekMetPostcodeEnHuisnummer"
STRAAT = "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving"
NUMMERAANDUIDING = "ZoekMetNummeraanduidingIdentificatie"
ADRESSEERBAAR_OBJECT = "ZoekMetAdresseerbaarObjectIdentificatie"

#: Per query type: its required parameters with valid values, as in the features.
GELDIG: dict[str, dict[str, Any]] = {
    RAADPLEEG: {"burgerservicenummer": ["999993653"]},
    GEBOORTE: {"geslachtsnaam": "Maassen", "geboortedatum": "1983-05-26"},
    NAAM_GEMEENTE: {"geslachtsnaam": "Jansen", "voornamen": "Jan", "gemeenteVanInschrijving": "0599"},
    POSTCODE: {"postcode": "2628HJ", "huisnummer": "2"},
    STRAAT: {"straat": "leyweg", "huisnummer": "2", "gemeenteVanInschrijving": "0518"},
    NUMMERAANDUIDING: {"nummeraanduidingIdentificatie": "0599200051001501"},
    ADRESSEERBAAR_OBJECT: {"adresseerbaarObjectIdentificatie": "0599010000208579"},
}


def body(query_type: str, **parameters: Any) -> dict[str, Any]:
    """A request of ``query_type`` with its valid required parameters, overridden by ``parameters``."""
    return {"type": query_type, **GELDIG[query_type], "fields": FIELDS, **parameters}


def without(query_type: str, *names: str) -> dict[str, Any]:
    """A request of ``query_type`` lacking the parameters ``names``."""
    return {key: value for key, value in body(query_type).items() if key not in names}


def errors_of(request: Any) -> list[tuple[str, str, str]]:
    """The (code, name, reason) of each error ``parse_vraag`` finds; the request must be refused."""
    vraag, errors = parse_vraag(request)
    assert vraag is None
    assert errors, "an invalid request must report at least one error"
    return [(error.code, error.name, error.reason) for error in errors]


def detail_of(request: Any) -> str | None:
    """The problem ``detail`` text for the errors of ``request``."""
    _, errors = parse_vraag(request)
    return bad_request(errors).detail


def pattern_error(name: str, pattern: str) -> list[tuple[str, str, str]]:
    return [("pattern", name, f"Waarde voldoet niet aan patroon {pattern}.")]


# --- valid requests -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query_type", "parameters"),
    [
        (RAADPLEEG, {"burgerservicenummer": ["999993653"]}),
        (GEBOORTE, {"geslachtsnaam": "Maassen", "geboortedatum": date(1983, 5, 26)}),
        (NAAM_GEMEENTE, {"geslachtsnaam": "Jansen", "voornamen": "Jan", "gemeenteVanInschrijving": "0599"}),
        (POSTCODE, {"postcode": "2628HJ", "huisnummer": 2}),
        (STRAAT, {"straat": "leyweg", "huisnummer": 2, "gemeenteVanInschrijving": "0518"}),
        (NUMMERAANDUIDING, {"nummeraanduidingIdentificatie": "0599200051001501"}),
        (ADRESSEERBAAR_OBJECT, {"adresseerbaarObjectIdentificatie": "0599010000208579"}),
    ],
)
def test_a_valid_request_of_each_query_type_parses_into_its_type_and_parameters(
    query_type: str, parameters: dict[str, Any]
) -> None:
    vraag, errors = parse_vraag(body(query_type))
    assert errors == []
    assert vraag is not None
    assert vraag.type.name == query_type
    assert vraag.parameters == parameters
    assert vraag.is_raadplegen is (query_type == RAADPLEEG)
    assert vraag.fields.tree == {"burgerservicenummer": "*"}


def test_optional_search_parameters_are_parsed_along_with_the_required_ones() -> None:
    vraag, errors = parse_vraag(
        body(
            GEBOORTE,
            geslacht="v",
            voornamen="Pi*",
            voorvoegsel="van der",
            gemeenteVanInschrijving="0518",
            inclusiefOverledenPersonen=True,
        )
    )
    assert errors == []
    assert vraag is not None
    assert vraag.parameters == {
        "geboortedatum": date(1983, 5, 26),
        "geslachtsnaam": "Maassen",
        "geslacht": "v",
        "voornamen": "Pi*",
        "voorvoegsel": "van der",
        "gemeenteVanInschrijving": "0518",
        "inclusiefOverledenPersonen": True,
    }


def test_several_burgerservicenummers_and_a_gemeente_filter_are_accepted_for_raadplegen() -> None:
    vraag, errors = parse_vraag(
        body(RAADPLEEG, burgerservicenummer=["999999321", "999995492"], gemeenteVanInschrijving="0518")
    )
    assert errors == []
    assert vraag is not None
    assert vraag.parameters == {"burgerservicenummer": ["999999321", "999995492"], "gemeenteVanInschrijving": "0518"}


@pytest.mark.parametrize(
    ("query_type", "name", "value"),
    [
        (GEBOORTE, "geslachtsnaam", "gro*"),
        (GEBOORTE, "geslachtsnaam", "brănduş-dendyuk"),
        (GEBOORTE, "geslachtsnaam", "d'Ancona"),
        (NAAM_GEMEENTE, "voornamen", "Jan*"),
        (POSTCODE, "postcode", "2628 hj"),
        (POSTCODE, "huisletter", "a"),
        (POSTCODE, "huisnummertoevoeging", "bis"),
        (STRAAT, "straat", "Boterdiep*"),
        (STRAAT, "straat", "*Boterdiep"),
        (STRAAT, "straat", "Ds. van Ockenburgstraat"),
    ],
)
def test_values_that_meet_the_pattern_including_wildcards_are_accepted(query_type: str, name: str, value: str) -> None:
    vraag, errors = parse_vraag(body(query_type, **{name: value}))
    assert errors == []
    assert vraag is not None
    assert vraag.parameters[name] == value


# --- the query type -------------------------------------------------------------------------------


@pytest.mark.parametrize("request_body", [{}, {"postcode": "3077AW"}], ids=["zonder parameters", "zonder type"])
def test_a_request_without_type_reports_only_that_type_is_required(request_body: dict[str, Any]) -> None:
    assert errors_of(request_body) == [("required", "type", VERPLICHT)]
    assert detail_of(request_body) == "De foutieve parameter(s) zijn: type."


@pytest.mark.parametrize(
    "query_type",
    ["", "OnbekendZoekType", "zoekmetgeslachtsnaamengeboortedatum"],
    ids=["leeg", "onbekend", "verkeerde case"],
)
def test_an_empty_unknown_or_wrongly_cased_type_is_not_a_valid_zoek_type(query_type: str) -> None:
    request = {"type": query_type, "fields": FIELDS}
    assert errors_of(request) == [("value", "type", "Waarde is geen geldig zoek type.")]
    assert detail_of(request) == "De foutieve parameter(s) zijn: type."


def test_a_body_that_is_not_a_json_object_is_refused_as_a_whole() -> None:
    assert errors_of(["RaadpleegMetBurgerservicenummer"]) == [("object", "body", "Waarde is geen geldig JSON object.")]


# --- required parameters --------------------------------------------------------------------------


#: Per query type, sets of required parameters left out or empty, and how the detail names them.
REQUIRED_CASES = [
    (RAADPLEEG, ["burgerservicenummer"], "burgerservicenummer"),
    (GEBOORTE, ["geboortedatum", "geslachtsnaam"], "geboortedatum, geslachtsnaam"),
    (GEBOORTE, ["geslachtsnaam"], "geslachtsnaam"),
    (GEBOORTE, ["geboortedatum"], "geboortedatum"),
    (
        NAAM_GEMEENTE,
        ["gemeenteVanInschrijving", "geslachtsnaam", "voornamen"],
        "gemeenteVanInschrijving, geslachtsnaam, voornamen",
    ),
    (NAAM_GEMEENTE, ["geslachtsnaam"], "geslachtsnaam"),
    (NAAM_GEMEENTE, ["voornamen"], "voornamen"),
    (NAAM_GEMEENTE, ["gemeenteVanInschrijving"], "gemeenteVanInschrijving"),
    (POSTCODE, ["postcode", "huisnummer"], "postcode, huisnummer"),
    (POSTCODE, ["postcode"], "postcode"),
    (POSTCODE, ["huisnummer"], "huisnummer"),
    (STRAAT, ["straat", "huisnummer", "gemeenteVanInschrijving"], "gemeenteVanInschrijving, huisnummer, straat"),
    (NUMMERAANDUIDING, ["nummeraanduidingIdentificatie"], "nummeraanduidingIdentificatie"),
    (ADRESSEERBAAR_OBJECT, ["adresseerbaarObjectIdentificatie"], "adresseerbaarObjectIdentificatie"),
]


@pytest.mark.parametrize(("query_type", "missing", "detail"), REQUIRED_CASES)
def test_each_missing_required_parameter_is_reported_as_required(
    query_type: str, missing: list[str], detail: str
) -> None:
    request = without(query_type, *missing)
    assert sorted(errors_of(request)) == sorted(("required", name, VERPLICHT) for name in missing)
    assert detail_of(request) == f"De foutieve parameter(s) zijn: {detail}."


@pytest.mark.parametrize(("query_type", "empty", "detail"), [case for case in REQUIRED_CASES if case[0] != RAADPLEEG])
def test_an_empty_string_for_a_required_parameter_is_reported_as_required(
    query_type: str, empty: list[str], detail: str
) -> None:
    request = body(query_type, **dict.fromkeys(empty, ""))
    assert sorted(errors_of(request)) == sorted(("required", name, VERPLICHT) for name in empty)
    assert detail_of(request) == f"De foutieve parameter(s) zijn: {detail}."


@pytest.mark.parametrize("query_type", [RAADPLEEG, GEBOORTE])
def test_a_request_without_fields_reports_fields_as_required(query_type: str) -> None:
    request = without(query_type, "fields")
    assert errors_of(request) == [("required", "fields", VERPLICHT)]
    assert detail_of(request) == "De foutieve parameter(s) zijn: fields."


# --- patterns -------------------------------------------------------------------------------------


@pytest.mark.parametrize("query_type", [GEBOORTE, NAAM_GEMEENTE])
@pytest.mark.parametrize(
    "geslachtsnaam",
    [
        LANG,
        SCRIPT,
        "*sen",
        "*SEN",
        "Jan*sen",
        "*oen*",
        "*OEN*",
        "gr**",
        "*r*ot",
        "gr*o*",
        "gr*t",
        "g*oot",
        "*",
        "*n",
        "n*",
        "ab*",
        "***",
    ],
)
def test_a_geslachtsnaam_that_breaks_the_pattern_or_misuses_the_wildcard_is_refused(
    query_type: str, geslachtsnaam: str
) -> None:
    request = body(query_type, geslachtsnaam=geslachtsnaam)
    assert errors_of(request) == pattern_error("geslachtsnaam", GESLACHTSNAAM_PATROON)
    assert detail_of(request) == "De foutieve parameter(s) zijn: geslachtsnaam."


@pytest.mark.parametrize("voornamen", [LANG, SCRIPT, "*iet", "*ETER"])
def test_optional_voornamen_that_break_their_pattern_are_refused_with_that_pattern(voornamen: str) -> None:
    assert errors_of(body(GEBOORTE, voornamen=voornamen)) == pattern_error("voornamen", VOORNAMEN_PATROON)


@pytest.mark.parametrize("voornamen", [LANG, SCRIPT, "*iet", "*ETER"])
def test_required_voornamen_are_checked_against_the_geslachtsnaam_pattern(voornamen: str) -> None:
    assert errors_of(body(NAAM_GEMEENTE, voornamen=voornamen)) == pattern_error("voornamen", GESLACHTSNAAM_PATROON)


@pytest.mark.parametrize(
    ("query_type", "name", "value", "pattern"),
    [
        (GEBOORTE, "voorvoegsel", SCRIPT, VOORVOEGSEL_PATROON),
        (NAAM_GEMEENTE, "voorvoegsel", SCRIPT, VOORVOEGSEL_PATROON),
        (GEBOORTE, "geslacht", "N", GESLACHT_PATROON),
        (GEBOORTE, "geslacht", SCRIPT, GESLACHT_PATROON),
        (NAAM_GEMEENTE, "geslacht", "N", GESLACHT_PATROON),
        (POSTCODE, "postcode", "0628HJ", POSTCODE_PATROON),
        (POSTCODE, "postcode", "2628  HJ", POSTCODE_PATROON),
        (POSTCODE, "postcode", SCRIPT, POSTCODE_PATROON),
        (POSTCODE, "huisletter", SCRIPT, HUISLETTER_PATROON),
        (POSTCODE, "huisletter", "1", HUISLETTER_PATROON),
        (STRAAT, "huisletter", "1", HUISLETTER_PATROON),
        (POSTCODE, "huisnummertoevoeging", SCRIPT, TOEVOEGING_PATROON),
        (POSTCODE, "huisnummertoevoeging", "123.45", TOEVOEGING_PATROON),
        (STRAAT, "huisnummertoevoeging", "123.45", TOEVOEGING_PATROON),
        (STRAAT, "straat", LANG[:105], STRAAT_PATROON),  # the 105 characters of the feature
        (STRAAT, "straat", SCRIPT, STRAAT_PATROON),
        (STRAAT, "straat", "*van Ock*", STRAAT_PATROON),
        (STRAAT, "straat", "Laan * van", STRAAT_PATROON),
        (STRAAT, "straat", "Laan*", STRAAT_PATROON),
        (NUMMERAANDUIDING, "nummeraanduidingIdentificatie", "123456789012345", IDENTIFICATIE_PATROON),
        (NUMMERAANDUIDING, "nummeraanduidingIdentificatie", "12345678901234567", IDENTIFICATIE_PATROON),
        (NUMMERAANDUIDING, "nummeraanduidingIdentificatie", "<script>1234567890123456</script>", IDENTIFICATIE_PATROON),
        (NUMMERAANDUIDING, "nummeraanduidingIdentificatie", "0000000000000000", IDENTIFICATIE_PATROON),
        (ADRESSEERBAAR_OBJECT, "adresseerbaarObjectIdentificatie", "123456789012345", IDENTIFICATIE_PATROON),
        (ADRESSEERBAAR_OBJECT, "adresseerbaarObjectIdentificatie", "12345678901234567", IDENTIFICATIE_PATROON),
        (
            ADRESSEERBAAR_OBJECT,
            "adresseerbaarObjectIdentificatie",
            "<script>1234567890123456</script>",
            IDENTIFICATIE_PATROON,
        ),
        (ADRESSEERBAAR_OBJECT, "adresseerbaarObjectIdentificatie", "0000000000000000", IDENTIFICATIE_PATROON),
    ],
)
def test_a_value_that_breaks_its_pattern_is_refused_with_the_exact_pattern(
    query_type: str, name: str, value: str, pattern: str
) -> None:
    request = body(query_type, **{name: value})
    assert errors_of(request) == pattern_error(name, pattern)
    assert detail_of(request) == f"De foutieve parameter(s) zijn: {name}."


@pytest.mark.parametrize("query_type", [RAADPLEEG, GEBOORTE, NAAM_GEMEENTE])
@pytest.mark.parametrize("gemeente", ["123", "12345", SCRIPT])
def test_a_gemeente_van_inschrijving_that_is_not_four_digits_is_refused(query_type: str, gemeente: str) -> None:
    request = body(query_type, gemeenteVanInschrijving=gemeente)
    assert errors_of(request) == pattern_error("gemeenteVanInschrijving", GEMEENTE_PATROON)
    assert detail_of(request) == "De foutieve parameter(s) zijn: gemeenteVanInschrijving."


@pytest.mark.parametrize(
    ("query_type", "name", "value", "pattern"),
    [
        (RAADPLEEG, "burgerservicenummer", ["999993653\n"], BSN_PATROON),
        (GEBOORTE, "geslachtsnaam", "Maassen\n", GESLACHTSNAAM_PATROON),
        (POSTCODE, "postcode", "2628HJ\n", POSTCODE_PATROON),
    ],
)
def test_a_value_with_a_trailing_newline_does_not_meet_an_anchored_pattern(
    query_type: str, name: str, value: Any, pattern: str
) -> None:
    # OpenAPI patterns follow ECMA-262, where $ does not match before a final newline (Python's re.match does).
    error_name = f"{name}[0]" if isinstance(value, list) else name
    assert errors_of(body(query_type, **{name: value})) == pattern_error(error_name, pattern)


# --- huisnummer -----------------------------------------------------------------------------------


@pytest.mark.parametrize("query_type", [POSTCODE, STRAAT])
@pytest.mark.parametrize("huisnummer", ["twee", "2e", "<script>alert('hello world')</script>", "1.5", 2.5])
def test_a_huisnummer_that_is_not_a_whole_number_is_geen_geldig_getal(query_type: str, huisnummer: Any) -> None:
    request = body(query_type, huisnummer=huisnummer)
    assert errors_of(request) == [("integer", "huisnummer", "Waarde is geen geldig getal.")]
    assert detail_of(request) == "De foutieve parameter(s) zijn: huisnummer."


@pytest.mark.parametrize("query_type", [POSTCODE, STRAAT])
@pytest.mark.parametrize(
    ("huisnummer", "code", "reason"),
    [
        ("0", "minimum", "Waarde is lager dan minimum 1."),
        ("-3", "minimum", "Waarde is lager dan minimum 1."),
        ("100000", "maximum", "Waarde is hoger dan maximum 99999."),
    ],
)
def test_a_huisnummer_outside_1_to_99999_is_refused_with_the_bound(
    query_type: str, huisnummer: str, code: str, reason: str
) -> None:
    assert errors_of(body(query_type, huisnummer=huisnummer)) == [(code, "huisnummer", reason)]


@pytest.mark.parametrize(("huisnummer", "parsed"), [("1", 1), ("99999", 99999), (31, 31)])
def test_a_huisnummer_from_1_to_99999_as_string_or_number_parses_to_an_int(huisnummer: Any, parsed: int) -> None:
    vraag, errors = parse_vraag(body(POSTCODE, huisnummer=huisnummer))
    assert errors == []
    assert vraag is not None
    assert vraag.parameters["huisnummer"] == parsed


def test_a_huisnummer_in_non_ascii_digits_is_geen_geldig_getal() -> None:
    assert errors_of(body(POSTCODE, huisnummer="٢")) == [("integer", "huisnummer", "Waarde is geen geldig getal.")]


def test_a_geboortedatum_in_non_ascii_digits_is_geen_geldige_datum() -> None:
    assert errors_of(body(GEBOORTE, geboortedatum="١٩٨٣-05-26")) == [
        ("date", "geboortedatum", "Waarde is geen geldige datum.")
    ]


# --- geboortedatum --------------------------------------------------------------------------------


@pytest.mark.parametrize("geboortedatum", ["19830526", "26 mei 1983", "1983-02-30", "1983-5-26", "1983-05-26T00:00"])
def test_a_geboortedatum_that_is_not_an_iso_full_date_is_geen_geldige_datum(geboortedatum: str) -> None:
    request = body(GEBOORTE, geboortedatum=geboortedatum)
    assert errors_of(request) == [("date", "geboortedatum", "Waarde is geen geldige datum.")]
    assert detail_of(request) == "De foutieve parameter(s) zijn: geboortedatum."


def test_a_geboortedatum_on_a_postcode_search_is_checked_too() -> None:
    assert errors_of(body(POSTCODE, geboortedatum="26 mei 1983")) == [
        ("date", "geboortedatum", "Waarde is geen geldige datum.")
    ]


# --- inclusiefOverledenPersonen -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query_type", [GEBOORTE, NAAM_GEMEENTE, POSTCODE, STRAAT, NUMMERAANDUIDING, ADRESSEERBAAR_OBJECT]
)
@pytest.mark.parametrize("waarde", ["", "geen boolean", 1, "ja"])
def test_inclusief_overleden_personen_that_is_not_a_boolean_is_refused(query_type: str, waarde: Any) -> None:
    request = body(query_type, inclusiefOverledenPersonen=waarde)
    assert errors_of(request) == [("boolean", "inclusiefOverledenPersonen", "Waarde is geen boolean.")]
    assert detail_of(request) == "De foutieve parameter(s) zijn: inclusiefOverledenPersonen."


@pytest.mark.parametrize(
    ("waarde", "parsed"),
    [(True, True), (False, False), ("true", True), ("false", False), ("True", True), ("FALSE", False)],
)
def test_inclusief_overleden_personen_accepts_json_booleans_and_their_text(waarde: Any, parsed: bool) -> None:
    vraag, errors = parse_vraag(body(POSTCODE, inclusiefOverledenPersonen=waarde))
    assert errors == []
    assert vraag is not None
    assert vraag.parameters["inclusiefOverledenPersonen"] is parsed


def test_inclusief_overleden_personen_is_not_a_parameter_of_raadplegen() -> None:
    assert errors_of(body(RAADPLEEG, inclusiefOverledenPersonen=True)) == [
        ("unknownParam", "inclusiefOverledenPersonen", "Parameter is niet verwacht.")
    ]


# --- burgerservicenummer --------------------------------------------------------------------------


def test_burgerservicenummers_as_a_comma_separated_string_are_not_an_array() -> None:
    request = body(RAADPLEEG, burgerservicenummer="999994086,999994086,999994086")
    assert errors_of(request) == [("array", "burgerservicenummer", "Parameter is geen array.")]
    assert detail_of(request) == "De foutieve parameter(s) zijn: burgerservicenummer."


def test_an_empty_list_of_burgerservicenummers_has_too_few_items() -> None:
    assert errors_of(body(RAADPLEEG, burgerservicenummer=[])) == [
        ("minItems", "burgerservicenummer", "Array bevat minder dan 1 items.")
    ]


def test_twenty_one_burgerservicenummers_are_too_many_but_twenty_are_accepted() -> None:
    nummers = ["999999321"] + ["999995492", "999991802"] * 10
    assert len(nummers) == 21
    assert errors_of(body(RAADPLEEG, burgerservicenummer=nummers)) == [
        ("maxItems", "burgerservicenummer", "Array bevat meer dan 20 items.")
    ]
    vraag, errors = parse_vraag(body(RAADPLEEG, burgerservicenummer=nummers[:20]))
    assert errors == []
    assert vraag is not None
    assert vraag.parameters["burgerservicenummer"] == nummers[:20]


@pytest.mark.parametrize("bsn", ["12345678", "1234567890", "<script>123456789</script>", 999993653])
def test_a_burgerservicenummer_that_is_not_nine_digits_is_reported_at_its_index(bsn: Any) -> None:
    request = body(RAADPLEEG, burgerservicenummer=[bsn])
    assert errors_of(request) == pattern_error("burgerservicenummer[0]", BSN_PATROON)
    assert detail_of(request) == "De foutieve parameter(s) zijn: burgerservicenummer[0]."


def test_each_invalid_burgerservicenummer_in_a_list_is_reported_at_its_own_index() -> None:
    request = body(RAADPLEEG, burgerservicenummer=["1234567890", "123456789", "1234567890"])
    assert errors_of(request) == [
        *pattern_error("burgerservicenummer[0]", BSN_PATROON),
        *pattern_error("burgerservicenummer[2]", BSN_PATROON),
    ]
    assert detail_of(request) == "De foutieve parameter(s) zijn: burgerservicenummer[0], burgerservicenummer[2]."


# --- unexpected parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query_type", "parameter", "waarde"),
    [
        (RAADPLEEG, "voornamen", "Pietje"),
        (RAADPLEEG, "gemeenteVanInschijving", "0363"),
        (RAADPLEEG, "bestaatNiet", "een waarde"),
        (GEBOORTE, "postcode", "1234AB"),
        (GEBOORTE, "voorvoegsels", "van der"),
        (GEBOORTE, "bestaatNiet", "een waarde"),
        (NAAM_GEMEENTE, "postcode", "1234AB"),
        (NAAM_GEMEENTE, "voorvoegsels", "van der"),
        (NAAM_GEMEENTE, "bestaatNiet", "een waarde"),
        (POSTCODE, "voornamen", "Pietje"),
        (POSTCODE, "huisleter", "A"),
        (POSTCODE, "bestaatNiet", "een waarde"),
        (STRAAT, "voornamen", "Pietje"),
        (STRAAT, "huisleter", "A"),
        (STRAAT, "bestaatNiet", "een waarde"),
        (NUMMERAANDUIDING, "voornamen", "Pietje"),
        (NUMMERAANDUIDING, "gemeenteVanInschijving", "0363"),
        (NUMMERAANDUIDING, "bestaatNiet", "een waarde"),
        (ADRESSEERBAAR_OBJECT, "voornamen", "Pietje"),
        (ADRESSEERBAAR_OBJECT, "gemeenteVanInschijving", "0363"),
        (ADRESSEERBAAR_OBJECT, "bestaatNiet", "een waarde"),
    ],
)
def test_a_parameter_of_another_type_a_typo_or_a_made_up_one_is_not_expected(
    query_type: str, parameter: str, waarde: str
) -> None:
    request = body(query_type, **{parameter: waarde})
    assert errors_of(request) == [("unknownParam", parameter, "Parameter is niet verwacht.")]
    assert detail_of(request) == f"De foutieve parameter(s) zijn: {parameter}."


# --- several errors at once -----------------------------------------------------------------------


def test_an_invalid_postcode_and_huisnummer_are_reported_together_postcode_first() -> None:
    request = body(POSTCODE, postcode="0628HJ", huisnummer="twee")
    assert errors_of(request) == [
        *pattern_error("postcode", POSTCODE_PATROON),
        ("integer", "huisnummer", "Waarde is geen geldig getal."),
    ]
    assert detail_of(request) == "De foutieve parameter(s) zijn: postcode, huisnummer."


def test_an_invalid_geslachtsnaam_and_geboortedatum_are_reported_together_geboortedatum_first() -> None:
    request = body(GEBOORTE, geslachtsnaam=SCRIPT, geboortedatum="19830526")
    assert sorted(errors_of(request)) == sorted(
        [
            *pattern_error("geslachtsnaam", GESLACHTSNAAM_PATROON),
            ("date", "geboortedatum", "Waarde is geen geldige datum."),
        ]
    )
    assert detail_of(request) == "De foutieve parameter(s) zijn: geboortedatum, geslachtsnaam."


def test_parameter_errors_unexpected_parameters_and_field_errors_are_all_reported() -> None:
    request = body(STRAAT, straat="Laan*", huisnummer="0", bestaatNiet="x", fields=["anummer"])
    assert errors_of(request) == [
        ("minimum", "huisnummer", "Waarde is lager dan minimum 1."),
        *pattern_error("straat", STRAAT_PATROON),
        ("unknownParam", "bestaatNiet", "Parameter is niet verwacht."),
        ("fields", "fields[0]", "Parameter bevat een niet bestaande veldnaam."),
    ]
    assert detail_of(request) == "De foutieve parameter(s) zijn: huisnummer, straat, bestaatNiet, fields[0]."


# --- what the parameters reveal -------------------------------------------------------------------


def test_every_parameter_of_every_query_type_says_what_it_reveals_and_no_other_is_listed() -> None:
    used = {name for query in QUERY_TYPES.values() for name in query.parameters}
    assert set(PARAMETER_GEGEVENS) == used


@pytest.mark.parametrize("name", sorted(PARAMETER_GEGEVENS))
def test_what_a_parameter_reveals_are_field_paths_of_persoon(name: str) -> None:
    assert PARAMETER_GEGEVENS[name], "a parameter reveals at least one data element"
    selection, errors = parse_fields(sorted(PARAMETER_GEGEVENS[name]), PERSOON)
    assert errors == []
    assert selection.paths() >= PARAMETER_GEGEVENS[name]


def test_the_search_parameters_of_a_request_carry_what_they_reveal() -> None:
    vraag, _ = parse_vraag(body(POSTCODE, huisletter="a", inclusiefOverledenPersonen=True))
    assert vraag is not None
    assert vraag.zoekparameters() == {
        Zoekparameter("postcode", frozenset({"verblijfplaats.verblijfadres.postcode"})),
        Zoekparameter("huisnummer", frozenset({"verblijfplaats.verblijfadres.huisnummer"})),
        Zoekparameter("huisletter", frozenset({"verblijfplaats.verblijfadres.huisletter"})),
        Zoekparameter("inclusiefOverledenPersonen", frozenset({"overlijden.datum"})),
    }


@pytest.mark.parametrize("value", [False, "false"])
def test_excluding_deceased_persons_as_by_default_reveals_nothing(value: Any) -> None:
    vraag, _ = parse_vraag(body(NUMMERAANDUIDING, inclusiefOverledenPersonen=value))
    assert vraag is not None
    assert vraag.zoekparameters() == {
        Zoekparameter("nummeraanduidingIdentificatie", frozenset({"verblijfplaats.nummeraanduidingIdentificatie"}))
    }
