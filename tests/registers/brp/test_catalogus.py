# SPDX-License-Identifier: EUPL-1.2
"""The BRP's declaration held against the served BRP API Personen OpenAPI document, and what is
derived from it (the ``fields`` trees, the onderzoek mapping, the authorisable vocabulary)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from opengdi.kernel.catalogus import Attribuut, Catalogus, beperk, paden
from opengdi.registers.brp import fields
from opengdi.registers.brp.api import official_openapi
from opengdi.registers.brp.catalogus import (
    CATALOGUS,
    PERSOON,
    ZOEKVRAGEN,
    categorieen,
    elementen,
    onderzoek_elementen,
)
from opengdi.registers.brp.persoon import RNI_CATEGORIEEN

VIEWS = ["Persoon", "PersoonBeperkt", "GezagPersoonBeperkt"]
IN_ONDERZOEK = "inOnderzoek"


# ----------------------------------------------------------------------------------------- reading the spec
def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = official_openapi()["components"]["schemas"]
    return schemas


def _members(schema: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> dict[str, list[Mapping[str, Any]]]:
    """The properties of ``schema`` with all its forms: references, allOf/oneOf/anyOf, array items
    and the subtypes of a discriminator (``Adres`` and ``Locatie`` of ``AbstractVerblijfplaats``)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return {} if name in seen else _members(_schemas()[name], seen | {name})
    if schema.get("type") == "array":
        return _members(schema["items"], seen)
    result: dict[str, list[Mapping[str, Any]]] = {}
    parts = [*schema.get("allOf", []), *schema.get("oneOf", []), *schema.get("anyOf", [])]
    parts += [{"$ref": ref} for ref in schema.get("discriminator", {}).get("mapping", {}).values()]
    for part in parts:
        for name, forms in _members(part, seen).items():
            result.setdefault(name, []).extend(forms)
    for name, form in schema.get("properties", {}).items():
        result.setdefault(name, []).append(form)
    return result


def _spec_paths(schema: Mapping[str, Any], open_paths: frozenset[str], prefix: str = "") -> Iterator[str]:
    """Every property path below ``schema`` except ``inOnderzoek``; not below an open value."""
    for name, forms in _members(schema).items():
        if name == IN_ONDERZOEK:
            continue
        path = f"{prefix}{name}"
        yield path
        if path not in open_paths:
            for form in forms:
                yield from _spec_paths(form, open_paths, f"{path}.")


def _spec_in_onderzoek(
    schema: Mapping[str, Any], groups: Mapping[str, Any], prefix: str = ""
) -> Iterator[tuple[str, frozenset[str]]]:
    """Each declared group path (``""`` for the person) with the boolean members of its ``inOnderzoek``."""
    members = _members(schema)
    flags = {
        name
        for form in members.get(IN_ONDERZOEK, [])
        for name, sub in _members(form).items()
        if any(item.get("type") == "boolean" for item in sub)
    }
    yield prefix.rstrip("."), frozenset(flags)
    for name, forms in members.items():
        if f"{prefix}{name}" in groups:
            for form in forms:
                yield from _spec_in_onderzoek(form, groups, f"{prefix}{name}.")


def _view(name: str) -> tuple[Attribuut, ...]:
    return beperk(PERSOON.attributen, PERSOON.weergave(name).paden)


def _declared_paths(attributen: tuple[Attribuut, ...]) -> set[str]:
    result = set()
    for path, attribuut in paden(attributen):
        result.add(path)
        if attribuut.type is not None:
            result.update(f"{path}.{member}" for member in attribuut.type.onderdelen)
    return result


def _open_paths(attributen: tuple[Attribuut, ...]) -> frozenset[str]:
    return frozenset(path for path, item in paden(attributen) if item.type is not None and item.type.open)


# ----------------------------------------------------------------------------------------- the tests
@pytest.mark.parametrize("view", VIEWS)
def test_every_field_of_the_spec_is_declared_and_none_is_invented(view: str) -> None:
    attributen = _view(view)
    spec = set(_spec_paths({"$ref": f"#/components/schemas/{view}"}, _open_paths(attributen)))
    declared = _declared_paths(attributen)
    assert sorted(spec - declared) == [], "in the OpenAPI document but not declared"
    assert sorted(declared - spec) == [], "declared but not in the OpenAPI document"


@pytest.mark.parametrize("view", VIEWS)
def test_the_fields_that_can_be_in_onderzoek_are_those_the_spec_marks(view: str) -> None:
    attributen = _view(view)
    groups = {"": attributen, **{path: item.onderdelen for path, item in paden(attributen) if item.is_groep}}
    spec: dict[str, set[str]] = {}
    for path, flags in _spec_in_onderzoek({"$ref": f"#/components/schemas/{view}"}, groups):
        spec.setdefault(path, set()).update(flags)  # the union over the forms (Adres, Locatie, …)
    assert set(spec) == set(groups)
    for path, flags in spec.items():
        declared = {item.naam for item in groups[path] if item.onderzoekbaar}
        assert declared == flags, f"inOnderzoek of '{path or view}'"


def test_the_spec_is_read_deeply_enough_to_mean_something() -> None:
    """The walk above sees the subtypes of a discriminator and the members of a date."""
    paths = set(_spec_paths({"$ref": "#/components/schemas/Persoon"}, frozenset({"gezag"})))
    assert {"verblijfplaats.verblijfadres.locatiebeschrijving", "nationaliteiten.nationaliteit"} <= paths
    assert {"geboorte.datum.jaar", "geboorte.datum.onbekend", "naam.adellijkeTitelPredicaat.soort"} <= paths


def test_the_fields_trees_are_the_views_of_the_declaration() -> None:
    assert set(fields.PERSOON) == {item.naam for item in PERSOON.attributen if item.vraagbaar} | {
        "verblijfplaatsBinnenland",
        "adresseringBinnenland",
    }
    assert set(fields.PERSOON_BEPERKT) == {
        "burgerservicenummer",
        "geslacht",
        "leeftijd",
        "geboorte",
        "naam",
        "adressering",
        "adresseringBinnenland",
    }
    assert set(fields.GEZAG_PERSOON_BEPERKT) == set(fields.PERSOON_BEPERKT) | {"gezag"}
    assert set(fields.PERSOON_BEPERKT["naam"]) == set(fields.PERSOON["naam"]) - {"aanduidingNaamgebruik"}


def test_an_alias_is_its_target_without_what_lies_abroad() -> None:
    binnenland = fields.PERSOON["verblijfplaatsBinnenland"]
    assert set(fields.PERSOON["verblijfplaats"]) == set(binnenland)
    assert set(fields.PERSOON["verblijfplaats"]["verblijfadres"]) - set(binnenland["verblijfadres"]) == {
        "regel1",
        "regel2",
        "regel3",
        "land",
    }
    assert set(fields.PERSOON["adresseringBinnenland"]) == {"adresregel1", "adresregel2"}


def test_automatic_fields_come_from_the_declaration() -> None:
    assert {
        "inOnderzoek",
        "geheimhoudingPersoonsgegevens",
        "opschortingBijhouding",
        "rni",
        "verificatie",
    } == fields.AUTOMATIC_ROOTS
    assert {"inOnderzoek", "indicatieVastgesteldVerblijftNietOpAdres"} == fields.AUTOMATIC_ANYWHERE


def test_a_shared_group_takes_the_elements_of_its_own_category() -> None:
    assert onderzoek_elementen("ouders.naam", "02")["voornamen"] == ("02.02.10",)
    assert onderzoek_elementen("ouders.naam", "03")["geslachtsnaam"] == ("03.02.40",)
    assert onderzoek_elementen("ouders.naam")["voornamen"] == ("02.02.10", "03.02.10")
    assert onderzoek_elementen("adressering", "05") == dict.fromkeys(
        ("aanhef", "aanschrijfwijze", "gebruikInLopendeTekst"), ("05.02.20", "05.02.30", "05.02.40")
    )


def test_the_persons_own_onderzoek_leaves_out_what_the_api_never_marks() -> None:
    assert onderzoek_elementen("", "01") == {
        "burgerservicenummer": ("01.01.20",),
        "geslacht": ("01.04.10",),
        "leeftijd": ("01.03.10",),
    }
    assert "datumIngangGeldigheid" not in onderzoek_elementen("nationaliteiten")


def test_every_attribute_has_a_definition_and_every_source_is_an_lo3_element() -> None:
    for path, attribuut in paden(PERSOON.attributen):
        assert attribuut.definitie.strip(), path
        for element in attribuut.bron:
            categorie, groep, nummer = element.split(".")
            assert len(categorie) == len(groep) == len(nummer) == 2, (path, element)
            assert (categorie + groep + nummer).isdigit(), (path, element)


def test_the_operations_are_the_query_types_and_the_beheer_operations() -> None:
    catalogus = Catalogus((CATALOGUS,))
    assert CATALOGUS.scopes == ("brp", "brp.bewoning", "brp.beheer")
    assert set(catalogus.operaties("brp")) == set(ZOEKVRAGEN)
    assert set(catalogus.operaties("brp.bewoning")) == {"BewoningMetPeildatum", "BewoningMetPeriode"}
    assert catalogus.gegevens("brp.bewoning", ["*"]) == frozenset()
    assert catalogus.betreft_persoonsgegevens("brp.bewoning", "BewoningMetPeriode")
    assert set(catalogus.operaties("brp.beheer")) == {"laden", "leegmaken", "tonen"}


def test_the_authorisable_fields_are_the_askable_paths_of_the_answers() -> None:
    catalogus = Catalogus((CATALOGUS,))
    raadplegen = catalogus.gegevens("brp", ["RaadpleegMetBurgerservicenummer"])
    assert {"naam", "naam.voornamen", "verblijfplaats.verblijfadres.postcode", "gezag"} <= raadplegen
    assert {"rni", "inOnderzoek", "geboorte.datum.jaar", "verblijfplaatsBinnenland"}.isdisjoint(raadplegen)
    zoeken = catalogus.gegevens("brp", ["ZoekMetPostcodeEnHuisnummer"])
    assert "geboorte.datum" in zoeken and "geboorte.plaats" not in zoeken and "gezag" not in zoeken
    assert catalogus.gegevens("brp", ["*"]) == raadplegen
    assert catalogus.gegevens("brp.beheer", ["*"]) == frozenset()


def test_the_value_elements_of_a_group_are_those_of_its_category() -> None:
    assert elementen("ouders", "03")["geslacht"] == "04.10"
    assert elementen("naam", "01")["voornamen"] == "02.10"
    assert "volledigeNaam" not in elementen("naam", "01")  # made of several elements
    assert elementen("verblijfplaats.verblijfadres", "08")["postcode"] == "11.60"
    with pytest.raises(KeyError):
        elementen("naam.voornamen", "01")  # a value, not a group


def test_every_category_the_rni_is_declared_from_has_its_name_in_the_answer() -> None:
    """The ``rni.categorie`` names of the answer cover exactly the categories the declaration gives
    as sources of the RNI data (88.10/88.20): 01, 04, 06 and 08."""
    assert set(RNI_CATEGORIEEN) == categorieen("rni") == {"01", "04", "06", "08"}


def test_the_categories_of_a_field_are_those_of_its_declared_sources() -> None:
    assert categorieen("naam") == {"01"}
    assert categorieen("adressering.adresregel1") == {"08"}
    assert categorieen("partners") == {"05"}
    with pytest.raises(KeyError):
        categorieen("bestaatNiet")
