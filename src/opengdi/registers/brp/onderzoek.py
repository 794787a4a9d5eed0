# SPDX-License-Identifier: EUPL-1.2
"""Gegevens in onderzoek: which elements of a voorkomen an aanduiding (83.10) covers.

An aanduiding ``CCGGEE`` names a category, group and element; ``00`` widens it to the whole
group (``CCGG00``) or category (``CC0000``). ``089999`` means that the person was found not to live
at the registered address. An onderzoek with an end date (83.30) is over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opengdi.registers.brp.persoonslijst import Voorkomen

VERBLIJFT_NIET_OP_ADRES = "089999"


@dataclass(frozen=True, slots=True)
class Onderzoek:
    """An active onderzoek on a voorkomen: its aanduiding and start date (GBA notation)."""

    aanduiding: str
    datum_ingang: str | None

    def covers(self, element: str) -> bool:
        """Whether element ``CC.GG.EE`` (category, group, element) is in onderzoek."""
        categorie, group, number = element.split(".")
        aanduiding = self.aanduiding
        if aanduiding[:2] != categorie:
            return False
        if aanduiding == VERBLIJFT_NIET_OP_ADRES or aanduiding[2:] == "0000":
            return True
        if aanduiding[2:4] != group:
            return False
        return aanduiding[4:] in ("00", number)

    def covers_any(self, elements: Iterable[str]) -> bool:
        """Whether any of ``elements`` is in onderzoek."""
        return any(self.covers(element) for element in elements)


def onderzoek_of(voorkomen: Voorkomen | None) -> Onderzoek | None:
    """The active onderzoek recorded on ``voorkomen``, if any."""
    if voorkomen is None:
        return None
    aanduiding = voorkomen.get("83.10")
    if not aanduiding or voorkomen.get("83.30"):
        return None
    return Onderzoek(aanduiding=aanduiding, datum_ingang=voorkomen.get("83.20"))
