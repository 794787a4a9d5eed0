# SPDX-License-Identifier: EUPL-1.2
"""The persons of the synthetic population while their households are built.

:class:`Persoon` is an identity as a persoonslijst records it (also of parents outside the
population), :class:`Mens` a member of the population with everything that ends up on their
persoonslijst: nationality, addresses (:class:`Bewoning`), marriages and partnerships
(:class:`Verbintenis`, shared by both partners), children, death, emigration, RNI registration and
European voting rights. The objects are filled in by the household builders and then rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from opengdi.registers.brp.seed.adressen import Adres, Buitenland


@dataclass(slots=True, eq=False)
class Persoon:
    """A person's identity as a persoonslijst records it (also of parents outside the population)."""

    geslacht: str
    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    geboren: date
    geboorteplaats: str
    geboorteland: str
    bsn: str = ""
    anummer: str = ""


@dataclass(slots=True)
class Bewoning:
    adres: Adres
    van: date


@dataclass(slots=True, eq=False)
class Verbintenis:
    een: Mens
    ander: Mens
    soort: str  # H huwelijk, P geregistreerd partnerschap
    datum: date
    plaats: str
    akte: str
    einde: date | None = None
    reden: str = ""  # S echtscheiding, O overlijden
    eindplaats: str = ""

    def partner_van(self, mens: Mens) -> Mens:
        """The other party."""
        return self.ander if mens is self.een else self.een


@dataclass(slots=True, eq=False)
class Mens:
    """A person of the population while the household is built."""

    persoon: Persoon
    nationaliteit: str
    ouders: tuple[Persoon, Persoon]
    eu: bool = False
    naamgebruik: str = "E"
    geboorteakte: str = ""
    vestiging: tuple[str, date] | None = None  # land vanwaar ingeschreven, datum
    adressen: list[Bewoning] = field(default_factory=list)  # oldest first
    verbintenissen: list[Verbintenis] = field(default_factory=list)
    kinderen: list[Mens] = field(default_factory=list)
    overleden: tuple[date, str, str] | None = None  # datum, gemeente, aktenummer
    vertrek: tuple[date, Buitenland] | None = None
    rni: tuple[date, Buitenland, str] | None = None  # datum, adres, RNI-deelnemer
    kiesrecht: date | None = None  # datum mededeling Europees kiesrecht
    geheim: bool = False
