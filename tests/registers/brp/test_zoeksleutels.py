# SPDX-License-Identifier: EUPL-1.2
"""Search keys: folded and lowered names, and the pattern that pins letters with diacritics."""

from __future__ import annotations

import pytest

from opengdi.kernel.tekst import fold
from opengdi.registers.brp.zoeksleutels import diacritic_pattern, has_diacritic, lowered


def test_fold_drops_case_and_diacritics_and_lowered_keeps_the_diacritics() -> None:
    assert (fold("Brănduş"), lowered("Brănduş")) == ("brandus", "brănduş")
    assert fold("Maaßen") == "maassen"


def test_lowered_composes_decomposed_input() -> None:
    assert lowered("Bra\u0306nduş") == lowered("Brănduş")


@pytest.mark.parametrize(("char", "expected"), [("é", True), ("ă", True), ("e", False), ("ø", False), ("-", False)])
def test_a_diacritic_is_a_combining_mark_in_the_decomposition(char: str, expected: bool) -> None:
    assert has_diacritic(char) is expected


def test_the_pattern_pins_only_the_letters_with_diacritics() -> None:
    assert diacritic_pattern("Brandus") is None
    assert diacritic_pattern("Brăndus") == "__ă____"
    assert diacritic_pattern("ÉLISE") == "é____"
