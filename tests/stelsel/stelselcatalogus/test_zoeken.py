# SPDX-License-Identifier: EUPL-1.2
"""Search in the Stelselcatalogus finds by name and by definition, with and without diacritics,
in camel case read as words and by source element; every expectation from the declarations."""

from __future__ import annotations

import re

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.stelsel.stelselcatalogus.inhoud import Gegeven, Stelsel
from opengdi.stelsel.stelselcatalogus.zoeken import Soort, Vondst, Zoekindex, normaliseer, termen
from tests.stelsel.stelselcatalogus.verzonnen import LATER, ONDERGROND

STELSEL = Stelsel([*(r for r in SAMENSTELLING.registers() if r.code != LATER.code), LATER, ONDERGROND])
INDEX = Zoekindex(STELSEL)
#: Each plain vowel with a diacritic on it.
ACCENTEN = str.maketrans("aeiouAEIOU", "áëïóüÀÉÎÖÚ")


def _gegevens() -> list[Gegeven]:
    return [
        gegeven
        for register in STELSEL.registers
        for objecttype in register.objecttypen
        for gegeven in STELSEL.gegevens(register.code, objecttype.naam)
    ]


def _is(vondst: Vondst, gegeven: Gegeven) -> bool:
    return (vondst.soort, vondst.register, vondst.objecttype, vondst.pad) == (
        Soort.ATTRIBUUT,
        gegeven.register.code,
        gegeven.objecttype.naam,
        gegeven.pad,
    )


def test_normalising_drops_diacritics_case_and_extra_space() -> None:
    assert normaliseer("  Geëmigreerd\tnaar  CÔTE d’Ivoire ") == "geemigreerd naar cote d’ivoire"
    assert termen("Één  één twee") == ("een", "twee")
    assert termen(" \t ") == ()


def test_every_attribute_is_found_among_the_best_by_its_path_and_with_diacritics_added() -> None:
    for gegeven in _gegevens():
        treffers = INDEX.zoek(gegeven.pad)
        best = [t.vondst for t in treffers if t.rang == 0]  # another register may have the same path
        assert treffers[0].rang == 0 and any(_is(vondst, gegeven) for vondst in best), gegeven.pad
        met_accenten = INDEX.zoek(gegeven.pad.translate(ACCENTEN))
        assert [t.vondst for t in met_accenten] == [t.vondst for t in treffers], gegeven.pad


def test_every_attribute_is_found_by_its_definition_its_camel_case_words_and_its_path_without_dots() -> None:
    for gegeven in _gegevens():
        attribuut = gegeven.attribuut
        assert any(_is(t.vondst, gegeven) for t in INDEX.zoek(attribuut.definitie)), gegeven.pad
        woorden = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", attribuut.naam)
        assert any(_is(t.vondst, gegeven) for t in INDEX.zoek(woorden)), woorden
        assert any(_is(t.vondst, gegeven) for t in INDEX.zoek(gegeven.pad.replace(".", ""))), gegeven.pad


def test_an_attribute_is_found_by_each_of_its_source_elements() -> None:
    with_source = [gegeven for gegeven in _gegevens() if gegeven.attribuut.bron]
    assert with_source
    for gegeven in with_source:
        for element in gegeven.attribuut.bron:
            assert any(_is(t.vondst, gegeven) for t in INDEX.zoek(element)), (gegeven.pad, element)


def test_text_with_diacritics_is_found_without_them_and_the_other_way_round() -> None:
    (booronderzoek,) = ONDERGROND.objecttypen
    for vraag in ("geinterpreteerd coordinaten", "GEÏNTERPRETEERD", "geïnterpreteerd"):
        assert [t.vondst.naam for t in INDEX.zoek(vraag)] == [booronderzoek.naam], vraag
    regime = booronderzoek.attributen[0]
    assert [t.vondst.naam for t in INDEX.zoek("regime")] == [regime.naam]
    assert INDEX.zoek("régime") == INDEX.zoek("regime")


def test_every_word_must_occur_and_a_hit_in_the_name_ranks_first() -> None:
    treffers = INDEX.zoek("geboorte datum")
    assert treffers and all("geboorte" in t.vondst.sleutel_naam + t.vondst.sleutel_tekst for t in treffers)
    assert all("datum" in t.vondst.sleutel_naam + t.vondst.sleutel_tekst for t in treffers)
    rangen = [t.rang for t in treffers]
    assert rangen == sorted(rangen)
    assert INDEX.zoek("geboorte zzzgeenwoord") == []


def test_registers_object_types_operations_events_and_relations_are_found_too() -> None:
    register = STELSEL.registers[0]
    assert any(t.vondst.soort is Soort.REGISTER for t in INDEX.zoek(register.titel))
    for register in STELSEL.registers:
        for operatie in register.operaties:
            assert any(t.vondst.soort is Soort.OPERATIE for t in INDEX.zoek(operatie.naam)), operatie.naam
        for gebeurtenis in register.gebeurtenistypen:
            assert any(t.vondst.soort is Soort.GEBEURTENISTYPE for t in INDEX.zoek(gebeurtenis.naam))
    for verbinding in STELSEL.verbindingen:
        found = INDEX.zoek(verbinding.relatie.definitie)
        assert any(t.vondst.soort is Soort.VERBINDING and t.vondst.naam == verbinding.relatie.naam for t in found)


def test_an_empty_query_finds_nothing() -> None:
    assert INDEX.zoek("") == INDEX.zoek("   ") == []
