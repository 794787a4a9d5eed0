# SPDX-License-Identifier: EUPL-1.2
"""Unit tests for the autorisatiebesluiten rules in :mod:`opengdi.stelsel.digikoppeling.autorisatie`."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from opengdi.kernel.toegang import EIGEN, Beperkingsoort, Besluit, Toegangsvraag, Zoekparameter
from opengdi.stelsel.digikoppeling.autorisatie import (
    ALLES,
    GEEN_OPERATIE,
    GEEN_PARAMETERS,
    GEEN_VELDEN,
    Grant,
    OngeldigeBeperking,
    Weigering,
    checked_beperkingen,
    decide,
    eigen_gemeente,
    scopes_of,
)

RAADPLEEG_BSN = "RaadpleegMetBurgerservicenummer"
ZOEK_POSTCODE = "ZoekMetPostcodeEnHuisnummer"


def _grant(
    id: int = 1,
    *,
    bouwsteen: str = "brp",
    doelbinding: str = "BRP-bijstand",
    operaties: Iterable[str] = (RAADPLEEG_BSN,),
    velden: Iterable[str] = ("burgerservicenummer", "naam", "geboorte.datum"),
    beperkingen: dict[str, str] | None = None,
) -> Grant:
    return Grant(
        id=id,
        bouwsteen=bouwsteen,
        doelbinding=doelbinding,
        omschrijving=f"besluit {id}",
        operaties=frozenset(operaties),
        velden=tuple(velden),
        beperkingen=beperkingen or {},
    )


def _vraag(*velden: str, operatie: str = RAADPLEEG_BSN, bouwsteen: str = "brp") -> Toegangsvraag:
    return Toegangsvraag(bouwsteen=bouwsteen, operatie=operatie, velden=frozenset(velden))


def _refused(grants: list[Grant], vraag: Toegangsvraag, *, doelbinding: str | None = None) -> Weigering:
    with pytest.raises(Weigering) as caught:
        decide(grants, vraag, doelbinding=doelbinding)
    assert str(caught.value) == caught.value.detail
    return caught.value


def test_haal_centraal_titles() -> None:
    assert GEEN_OPERATIE == "U bent niet geautoriseerd voor deze operatie."
    assert GEEN_VELDEN == "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden."


def test_allowed_when_one_grant_covers_everything() -> None:
    besluit = decide([_grant()], _vraag("burgerservicenummer", "naam"), doelbinding=None)
    assert besluit == Besluit("BRP-bijstand", velden=frozenset({"burgerservicenummer", "naam", "geboorte.datum"}))


def test_allowed_without_fields() -> None:
    assert decide([_grant()], _vraag(), doelbinding=None).doelbinding == "BRP-bijstand"


def test_refused_without_grant_for_the_bouwsteen() -> None:
    refused = _refused([_grant(bouwsteen="bag")], _vraag("naam"))
    assert refused.code == "autorisation"
    assert refused.title == GEEN_OPERATIE
    assert refused.detail == "Er is geen autorisatiebesluit voor 'brp'."


def test_refused_without_any_grant() -> None:
    refused = _refused([], _vraag("naam", bouwsteen="hr"))
    assert (refused.code, refused.title) == ("autorisation", GEEN_OPERATIE)
    assert refused.detail == "Er is geen autorisatiebesluit voor 'hr'."


def test_refused_when_the_operation_is_not_allowed() -> None:
    refused = _refused([_grant()], _vraag("naam", operatie=ZOEK_POSTCODE))
    assert refused.code == "autorisation"
    assert refused.title == GEEN_OPERATIE
    assert refused.detail == f"De operatie '{ZOEK_POSTCODE}' valt buiten het autorisatiebesluit."


def test_star_allows_every_operation() -> None:
    grant = _grant(operaties=[ALLES])
    besluit = decide([grant], _vraag("naam", operatie=ZOEK_POSTCODE), doelbinding=None)
    assert besluit.doelbinding == "BRP-bijstand"


def test_refused_fields_lists_exactly_the_uncovered_paths() -> None:
    vraag = _vraag("burgerservicenummer", "naam.voornamen", "geboorte.plaats", "adressering.postcode", "geslacht")
    refused = _refused([_grant()], vraag)
    assert refused.code == "unauthorizedField"
    assert refused.title == GEEN_VELDEN
    assert refused.detail == "Niet geautoriseerd voor: adressering.postcode, geboorte.plaats, geslacht."


def test_a_granted_path_covers_everything_below_it() -> None:
    grant = _grant(velden=["naam", "verblijfplaats"])
    assert grant.uncovered({"naam", "naam.voornamen", "naam.geslachtsnaam", "verblijfplaats.adres.straat"}) == []
    vraag = _vraag("naam.voornamen", "naam.voorvoegsel", "verblijfplaats.verblijfadres.officieleStraatnaam")
    besluit = decide([grant], vraag, doelbinding=None)
    assert besluit == Besluit("BRP-bijstand", velden=frozenset({"naam", "verblijfplaats"}))


def test_a_path_does_not_cover_a_sibling_with_the_same_prefix() -> None:
    grant = _grant(velden=["naam"])
    assert grant.uncovered({"naamgebruik", "naam.voornamen"}) == ["naamgebruik"]


def test_star_covers_all_fields() -> None:
    grant = _grant(velden=[ALLES])
    assert grant.uncovered({"naam", "kinderen.naam.voornamen", "nationaliteiten"}) == []
    vraag = _vraag("kinderen", "partners.naam", "verblijfstitel")
    assert decide([grant], vraag, doelbinding=None) == Besluit("BRP-bijstand", velden=None)


def test_a_deeper_path_does_not_cover_its_parent() -> None:
    grant = _grant(velden=["naam.voornamen"])
    assert grant.uncovered({"naam"}) == ["naam"]
    refused = _refused([grant], _vraag("naam"))
    assert refused.code == "unauthorizedField"
    assert refused.detail == "Niet geautoriseerd voor: naam."


def test_refused_fields_names_the_grant_that_comes_closest() -> None:
    narrow = _grant(1, velden=["burgerservicenummer"])
    wide = _grant(2, velden=["burgerservicenummer", "naam"])
    refused = _refused([narrow, wide], _vraag("burgerservicenummer", "naam", "geboorte"))
    assert refused.detail == "Niet geautoriseerd voor: geboorte."


def test_refused_fields_shortens_a_long_list() -> None:
    velden = [f"veld{index:02d}" for index in range(25)]
    refused = _refused([_grant(velden=["naam"])], _vraag(*velden))
    assert refused.code == "unauthorizedField"
    assert refused.detail == f"Niet geautoriseerd voor: {', '.join(velden[:20])} …."


def test_fields_are_not_refused_for_another_operations_grant() -> None:
    """A grant for another operation does not make a field refusal: the operation is refused."""
    other_operation = _grant(operaties=[ZOEK_POSTCODE], velden=[ALLES])
    refused = _refused([other_operation], _vraag("naam"))
    assert refused.code == "autorisation"


def test_a_requested_doelbinding_selects_the_grant() -> None:
    bijstand = _grant(1, doelbinding="BRP-bijstand", velden=["naam"])
    belasting = _grant(2, doelbinding="BRP-belastingen", velden=["naam", "verblijfplaats"])
    vraag = _vraag("naam")
    assert decide([bijstand, belasting], vraag, doelbinding="BRP-belastingen") == Besluit(
        "BRP-belastingen", velden=frozenset({"naam", "verblijfplaats"})
    )
    assert decide([bijstand, belasting], vraag, doelbinding="BRP-bijstand") == Besluit(
        "BRP-bijstand", velden=frozenset({"naam"})
    )


def test_a_requested_doelbinding_limits_the_fields_to_its_grant() -> None:
    bijstand = _grant(1, doelbinding="BRP-bijstand", velden=["naam"])
    belasting = _grant(2, doelbinding="BRP-belastingen", velden=["naam", "verblijfplaats"])
    refused = _refused([bijstand, belasting], _vraag("verblijfplaats"), doelbinding="BRP-bijstand")
    assert refused.code == "unauthorizedField"
    assert refused.detail == "Niet geautoriseerd voor: verblijfplaats."
    # without a doelbinding only the grant that covers the fields fits, so no header is needed
    assert decide([bijstand, belasting], _vraag("verblijfplaats"), doelbinding=None) == Besluit(
        "BRP-belastingen", velden=frozenset({"naam", "verblijfplaats"})
    )


def test_refused_for_an_unknown_doelbinding() -> None:
    refused = _refused([_grant()], _vraag("naam"), doelbinding="BRP-onbekend")
    assert refused.code == "autorisation"
    assert refused.title == GEEN_OPERATIE
    assert refused.detail == "Er is geen autorisatiebesluit voor 'brp' met doelbinding 'BRP-onbekend'."


def test_a_doelbinding_of_another_bouwsteen_does_not_count() -> None:
    bag = _grant(1, bouwsteen="bag", doelbinding="BAG-adrescontrole", operaties=[ALLES], velden=[ALLES])
    refused = _refused([bag, _grant(2)], _vraag("naam"), doelbinding="BAG-adrescontrole")
    assert refused.detail == "Er is geen autorisatiebesluit voor 'brp' met doelbinding 'BAG-adrescontrole'."


def test_two_fitting_grants_with_different_purposes_ask_for_x_doelbinding() -> None:
    bijstand = _grant(1, doelbinding="BRP-bijstand")
    belasting = _grant(2, doelbinding="BRP-belastingen")
    refused = _refused([bijstand, belasting], _vraag("naam"))
    assert refused.code == "autorisation"
    assert refused.title == GEEN_OPERATIE
    assert refused.detail == (
        "Meerdere doelbindingen mogelijk (BRP-belastingen, BRP-bijstand); geef er een op met de header x-doelbinding."
    )


def test_two_fitting_grants_with_the_same_purpose_are_allowed() -> None:
    first = _grant(1, doelbinding="BRP-bijstand", velden=["naam"])
    second = _grant(2, doelbinding="BRP-bijstand", velden=["naam", "geboorte"])
    besluit = decide([first, second], _vraag("naam"), doelbinding=None)
    assert besluit == Besluit("BRP-bijstand", velden=frozenset({"naam", "geboorte"}))


def test_the_grants_restrictions_go_to_the_block_in_the_besluit() -> None:
    grant = _grant(beperkingen={"gemeenteVanInschrijving": "0363"})
    besluit = decide([grant], _vraag("naam"), doelbinding=None)
    assert besluit == Besluit(
        doelbinding="BRP-bijstand",
        beperkingen={"gemeenteVanInschrijving": "0363"},
        velden=frozenset({"burgerservicenummer", "naam", "geboorte.datum"}),
    )


def test_an_unrestricted_grant_gives_no_restrictions() -> None:
    assert decide([_grant()], _vraag("naam"), doelbinding=None).beperkingen == {}


def test_of_two_fitting_grants_for_one_purpose_the_least_restricted_counts() -> None:
    restricted = _grant(1, beperkingen={"gemeenteVanInschrijving": "0363"})
    besluit = decide([restricted, _grant(2)], _vraag("naam"), doelbinding=None)
    assert besluit.beperkingen == {}


GEMEENTE = Beperkingsoort("gemeenteVanInschrijving", "ingeschreven in", "vier cijfers", r"[0-9]{4}", "gemeentecode")
LAND = Beperkingsoort("land", "woonachtig in", "vier cijfers", r"[0-9]{4}")
SOORTEN = {"brp": (GEMEENTE, LAND), "brp.beheer": ()}


def test_declared_restrictions_are_accepted_and_eigen_is_resolved_from_the_organisation() -> None:
    given = {"gemeenteVanInschrijving": EIGEN, "land": "6030"}
    checked = checked_beperkingen("brp", given, SOORTEN, {"gemeentecode": "0599"})
    assert checked == {"gemeenteVanInschrijving": "0599", "land": "6030"}


@pytest.mark.parametrize(
    ("bouwsteen", "given", "kenmerken", "parameter", "reason"),
    [
        ("brp", {"woonplaats": "Delft"}, {}, "beperkingen.woonplaats", "Onbekende beperking"),
        ("brp.beheer", {"gemeenteVanInschrijving": "0599"}, {}, "beperkingen.gemeenteVanInschrijving", "bekend: geen"),
        ("bag", {"gemeenteVanInschrijving": "0599"}, {}, "beperkingen.gemeenteVanInschrijving", "Onbekende"),
        ("brp", {"gemeenteVanInschrijving": "599"}, {}, "beperkingen.gemeenteVanInschrijving", "vier cijfers"),
        (
            "brp",
            {"gemeenteVanInschrijving": EIGEN},
            {"gemeentecode": None},
            "beperkingen.gemeenteVanInschrijving",
            "geen gemeentecode",
        ),
        ("brp", {"land": EIGEN}, {"gemeentecode": "0599"}, "beperkingen.land", "geen waarde 'eigen'"),
    ],
)
def test_an_undeclared_restriction_or_invalid_value_is_refused_naming_it(
    bouwsteen: str, given: dict[str, str], kenmerken: dict[str, str | None], parameter: str, reason: str
) -> None:
    with pytest.raises(OngeldigeBeperking, match=reason) as caught:
        checked_beperkingen(bouwsteen, given, SOORTEN, kenmerken)
    assert caught.value.parameter == parameter


def test_the_eigen_gemeente_shorthand() -> None:
    assert eigen_gemeente("brp", SOORTEN, "alleenEigenGemeente") == {"gemeenteVanInschrijving": EIGEN}
    with pytest.raises(OngeldigeBeperking) as caught:
        eigen_gemeente("brp.beheer", SOORTEN, "alleenEigenGemeente")
    assert caught.value.parameter == "alleenEigenGemeente"


def test_grant_allows_operation() -> None:
    assert _grant(operaties=[RAADPLEEG_BSN]).allows_operation(RAADPLEEG_BSN) is True
    assert _grant(operaties=[RAADPLEEG_BSN]).allows_operation(ZOEK_POSTCODE) is False
    assert _grant(operaties=[ALLES]).allows_operation(ZOEK_POSTCODE) is True
    assert _grant(operaties=[]).allows_operation(RAADPLEEG_BSN) is False


def test_scopes_of_are_the_bouwstenen_with_grants() -> None:
    grants = [
        _grant(1, bouwsteen="brp"),
        _grant(2, bouwsteen="brp", doelbinding="BRP-belastingen"),
        _grant(3, bouwsteen="bag"),
        _grant(4, bouwsteen="hr"),
    ]
    assert scopes_of(grants) == frozenset({"brp", "bag", "hr"})
    assert scopes_of([]) == frozenset()


# --- search parameters -----------------------------------------------------------------------------


def _zoek(*velden: str, parameters: dict[str, tuple[str, ...]], operatie: str = ZOEK_POSTCODE) -> Toegangsvraag:
    used = frozenset(Zoekparameter(naam, frozenset(gegevens)) for naam, gegevens in parameters.items())
    return Toegangsvraag(bouwsteen="brp", operatie=operatie, velden=frozenset(velden), parameters=used)


POSTCODE = {"postcode": ("verblijfplaats.verblijfadres.postcode",)}
HUISNUMMER = {"huisnummer": ("verblijfplaats.verblijfadres.huisnummer",)}
GEBOORTEDATUM = {"geboortedatum": ("geboorte.datum",)}
ZOEKER = {"operaties": [ZOEK_POSTCODE], "velden": ["burgerservicenummer", "verblijfplaats.verblijfadres"]}


def test_haal_centraal_parameter_title() -> None:
    assert GEEN_PARAMETERS == "U bent niet geautoriseerd voor de gebruikte parameter(s)."


def test_parameters_whose_data_the_grant_covers_are_allowed() -> None:
    vraag = _zoek("burgerservicenummer", parameters={**POSTCODE, **HUISNUMMER})
    assert decide([_grant(**ZOEKER)], vraag, doelbinding=None).doelbinding == "BRP-bijstand"


def test_a_parameter_whose_data_the_grant_does_not_cover_is_refused_naming_it() -> None:
    refused = _refused([_grant(**ZOEKER)], _zoek("burgerservicenummer", parameters={**POSTCODE, **GEBOORTEDATUM}))
    assert (refused.code, refused.title) == ("unauthorizedParameter", GEEN_PARAMETERS)
    assert refused.detail == "U bent niet geautoriseerd voor het gebruik van parameter(s): geboortedatum."


def test_every_refused_parameter_is_named_in_alphabetical_order() -> None:
    parameters = {"voorvoegsel": ("naam.voorvoegsel",), **GEBOORTEDATUM, "geslacht": ("geslacht",), **POSTCODE}
    refused = _refused([_grant(**ZOEKER)], _zoek("burgerservicenummer", parameters=parameters))
    assert refused.detail == (
        "U bent niet geautoriseerd voor het gebruik van parameter(s): geboortedatum, geslacht, voorvoegsel."
    )


def test_a_parameter_that_reveals_two_elements_needs_both() -> None:
    straat = {
        "straat": ("verblijfplaats.verblijfadres.korteStraatnaam", "verblijfplaats.verblijfadres.officieleStraatnaam")
    }
    only_short = _grant(operaties=[ZOEK_POSTCODE], velden=["verblijfplaats.verblijfadres.korteStraatnaam"])
    assert _refused([only_short], _zoek(parameters=straat)).code == "unauthorizedParameter"
    both = _grant(operaties=[ZOEK_POSTCODE], velden=["verblijfplaats.verblijfadres"])
    assert decide([both], _zoek(parameters=straat), doelbinding=None).doelbinding == "BRP-bijstand"


def test_parameters_are_checked_before_fields() -> None:
    refused = _refused([_grant(**ZOEKER)], _zoek("geboorte", parameters=GEBOORTEDATUM))
    assert refused.code == "unauthorizedParameter"


def test_a_grant_that_covers_the_parameters_but_not_the_fields_refuses_the_fields() -> None:
    parameters_only = _grant(1, operaties=[ZOEK_POSTCODE], velden=["verblijfplaats"])
    fields_only = _grant(2, operaties=[ZOEK_POSTCODE], velden=["burgerservicenummer", "naam"])
    refused = _refused([parameters_only, fields_only], _zoek("naam", parameters=POSTCODE))
    assert (refused.code, refused.detail) == ("unauthorizedField", "Niet geautoriseerd voor: naam.")


def test_a_restricted_grant_covers_the_restricted_element_as_a_parameter_but_not_as_a_field() -> None:
    gemeente = {"gemeenteVanInschrijving": ("gemeenteVanInschrijving",)}
    rotterdam = {"gemeenteVanInschrijving": "0599"}
    own = _grant(operaties=[ZOEK_POSTCODE], velden=["burgerservicenummer", "verblijfplaats"], beperkingen=rotterdam)
    vraag = _zoek("burgerservicenummer", parameters={**POSTCODE, **gemeente})
    assert decide([own], vraag, doelbinding=None).beperkingen == rotterdam
    refused_field = _refused([own], _zoek("gemeenteVanInschrijving", parameters=gemeente))
    assert refused_field.code == "unauthorizedField"
    everyone = _grant(operaties=[ZOEK_POSTCODE], velden=["burgerservicenummer", "verblijfplaats"])
    assert _refused([everyone], vraag).detail.endswith(": gemeenteVanInschrijving.")
