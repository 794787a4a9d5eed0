# SPDX-License-Identifier: EUPL-1.2
"""Text as registries compare it when searching: case and diacritics folded away."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: ``Brănduş`` becomes ``brandus``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
