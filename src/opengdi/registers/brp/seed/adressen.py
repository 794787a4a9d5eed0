# SPDX-License-Identifier: EUPL-1.2
"""Where the synthetic persons live: municipalities, streets, house numbers, postcodes, addresses abroad.

The 403 municipalities of 2014 are drawn in proportion to their inhabitants (:func:`plaatsen`), each
with its own block of its province's 4-digit postcode numbers. Without a BAG to live in
(:mod:`~opengdi.registers.brp.seed.bagadressen`), :class:`Straten` lays out the streets of one
municipality from a generator seeded by the municipality, names them after common words and Dutch
surnames, and hands out every address once; their BAG identifiers use serial numbers from
``0900000001`` on and point at no BAG object. :class:`Buitenland` is an address abroad (emigration and the RNI).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from opengdi.kernel.referentiedata import Gemeente, gemeenten_2014
from opengdi.registers.brp.seed.keuzes import Keuze

_BAG_SERIE = 900_000_000
_STRAATWOORDEN = (
    "Kerk", "Dorps", "Molen", "School", "Stations", "Markt", "Haven", "Kastanje", "Eiken", "Beuken", "Linden", "Berken",
    "Wilgen", "Populieren", "Rozen", "Tulpen", "Lelie", "Merel", "Lijster", "Zwaluw", "Vinken", "Reiger", "Zonne",
    "Polder", "Dijk", "Veld", "Bos", "Heide", "Weide", "Akker", "Kanaal", "Sluis", "Brug", "Hoog", "Nieuwe", "Oude",
    "Juliana", "Beatrix", "Wilhelmina", "Emma", "Oranje", "Nassau", "Prins Bernhard", "Prins Hendrik", "Rembrandt",
    "Vermeer", "Van Gogh", "Vondel", "Bilderdijk", "Huygens", "Spinoza", "Erasmus", "Thorbecke", "Mozart", "Frans Hals",
    "Jan Steen", "Piet Hein", "De Ruyter", "Klaver", "Esdoorn", "Hazelaar",
)  # fmt: skip
_STRAATSOORTEN = (
    "straat", "straat", "straat", "laan", "laan", "weg", "weg", "plein", "hof", "singel", "kade", "dreef", "pad",
    "steeg", "gracht", "erf",
)  # fmt: skip
_TITELS = ("Burgemeester", "Dokter", "Pastoor", "Meester", "Professor", "Generaal")
_AFKORTINGEN = tuple(zip(
    ("Burgemeester ", "Dokter ", "Pastoor ", "Meester ", "Professor ", "Generaal ", "Prins "),
    ("Burg. ", "Dr. ", "Past. ", "Mr. ", "Prof. ", "Gen. ", "Pr. "),
    strict=True,
))  # fmt: skip
POSTCODELETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_POSTCODE_PAREN = tuple(a + b for a in POSTCODELETTERS for b in POSTCODELETTERS if a + b not in ("SA", "SD", "SS"))
# The postcode numbers of each province, roughly.
_PROVINCIES = {
    "Noord-Holland": ((1000, 1300), (1400, 2000)), "Flevoland": ((1300, 1400), (8200, 8300)),
    "Zuid-Holland": ((2000, 3400),), "Utrecht": ((3400, 4000),), "Gelderland": ((4000, 4300), (6500, 7400)),
    "Zeeland": ((4300, 4600),), "Noord-Brabant": ((4600, 5800),), "Limburg": ((5800, 6500),),
    "Overijssel": ((7400, 7700), (8000, 8200)), "Drenthe": ((7700, 8000), (9400, 9500)),
    "Friesland": ((8300, 9300),), "Groningen": ((9300, 9400), (9500, 10000)),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Adres:
    gemeente: str
    straat: str
    kort: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str
    adresseerbaar_object: str  # 11.80
    nummeraanduiding: str  # 11.90


@dataclass(frozen=True, slots=True)
class Buitenland:
    land: str
    regels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plaats:
    """A municipality with its own postcode numbers and the number of streets it gets."""

    code: str
    woonplaats: str
    postcodes: tuple[int, ...]
    straten: int


def _postcodeblokken(gemeenten: Sequence[Gemeente]) -> dict[str, tuple[int, ...]]:
    """Each municipality its own 4-digit postcode numbers: its province's, in proportion to inhabitants."""
    result: dict[str, tuple[int, ...]] = {}
    for provincie, reeksen in _PROVINCIES.items():
        nummers = [nummer for start, eind in reeksen for nummer in range(start, eind)]
        leden = sorted((item for item in gemeenten if item.provincienaam == provincie), key=lambda item: item.cbs_code)
        total, extra, start = sum(item.inwoners for item in leden), len(nummers) - len(leden), 0
        for item in leden:
            size = 1 + extra * item.inwoners // total
            result[item.gemeentecode] = tuple(nummers[start : start + size])
            start += size
    return result


@cache
def plaatsen() -> Keuze[Plaats]:
    """The municipalities of 2014, drawn in proportion to their inhabitants."""
    gemeenten = gemeenten_2014()
    blokken = _postcodeblokken(gemeenten)
    return Keuze(
        [
            (
                Plaats(
                    item.gemeentecode, item.naam.split(",")[0], blokken[item.gemeentecode], max(8, item.inwoners // 250)
                ),
                item.inwoners,
            )
            for item in gemeenten
        ]
    )


def _korte_naam(naam: str) -> str:
    """The straatnaam of at most 24 characters (11.10) for a naam openbare ruimte (11.15)."""
    for lang, kort in _AFKORTINGEN:
        if len(naam) <= 24:
            break
        naam = naam.replace(lang, kort)
    return naam[:24]


class _Straat:
    """One street: a postcode number, a block of letter pairs and house numbers 1 to ``lengte``.

    Numbers are handed out in a scattered order (``start + i * stap`` modulo ``lengte``), each once.
    """

    __slots__ = ("basis", "gebruikt", "kort", "lengte", "naam", "nummer", "postcode", "stap", "start", "wachtend")

    def __init__(self, naam: str, postcode: int, basis: int, rng: random.Random) -> None:
        self.naam, self.kort = naam, _korte_naam(naam)
        self.postcode, self.basis = postcode, basis
        self.lengte = rng.randint(8, 200)
        self.start = rng.randrange(self.lengte)
        self.stap = next((stap for stap in (7, 11, 13, 17, 19, 23) if self.lengte % stap), 1)
        self.gebruikt = self.nummer = 0
        self.wachtend: list[tuple[str, str]] = []

    @property
    def vol(self) -> bool:
        """Whether every address of this street was handed out."""
        return self.gebruikt >= self.lengte and not self.wachtend

    def volgend(self, rng: random.Random) -> tuple[int, str, str]:
        """The next address on this street: huisnummer, huisletter, huisnummertoevoeging."""
        if not self.wachtend:
            self.nummer = (self.start + self.gebruikt * self.stap) % self.lengte + 1
            self.gebruikt += 1
            kans = rng.random()
            if kans < 0.04:
                self.wachtend = [(letter, "") for letter in "ABC"[: rng.randint(2, 3)]]
            elif kans < 0.07:
                self.wachtend = [("", item) for item in rng.choice((("1", "2"), ("hs", "1", "2"), ("A", "B")))]
            else:
                self.wachtend = [("", "")]
        letter, toevoeging = self.wachtend.pop(0)
        return self.nummer, letter, toevoeging

    def postcode_bij(self, nummer: int) -> str:
        """The postcode of ``nummer``: twenty house numbers per letter pair, ten pairs per street."""
        paar = _POSTCODE_PAREN[(self.basis + (nummer - 1) // 20) % len(_POSTCODE_PAREN)]
        return f"{self.postcode}{paar}"


class Straten:
    """The streets of one municipality; names and layout come from their own seeded generator."""

    def __init__(self, plaats: Plaats, seed: int, achternamen: Sequence[str]) -> None:
        self.plaats = plaats
        self.rng = random.Random(f"straten-{seed}-{plaats.code}")
        self.achternamen = achternamen
        self.straten: list[_Straat] = []
        self.namen: set[str] = set()
        self.aangelegd = self.serie = 0

    def _nieuwe_straat(self) -> _Straat:
        nummers = self.plaats.postcodes
        index, self.aangelegd = self.aangelegd, self.aangelegd + 1
        return _Straat(self._naam(), nummers[index % len(nummers)], (index // len(nummers)) * 10, self.rng)

    def _naam(self) -> str:
        rng = self.rng
        for poging in range(100):
            kans = rng.random()
            if kans < 0.45:
                stam = rng.choice(_STRAATWOORDEN)
            elif kans < 0.85:
                stam = rng.choice(self.achternamen)
            else:
                stam = f"{rng.choice(_TITELS)} {rng.choice(self.achternamen)}"
            naam = stam + rng.choice(_STRAATSOORTEN) + (f" {poging}" if poging > 90 else "")
            if naam not in self.namen:
                self.namen.add(naam)
                return naam
        raise RuntimeError("geen vrije straatnaam")  # pragma: no cover - 100 draws from ~50,000 names

    def adres(self, rng: random.Random) -> Adres:
        """A new address in this municipality (never handed out before)."""
        index = rng.randrange(self.plaats.straten)
        if index >= len(self.straten):
            index = len(self.straten)
            self.straten.append(self._nieuwe_straat())
        elif self.straten[index].vol:
            self.straten[index] = self._nieuwe_straat()
        straat = self.straten[index]
        nummer, letter, toevoeging = straat.volgend(rng)
        self.serie += 1
        return Adres(
            self.plaats.code,
            straat.naam,
            straat.kort,
            nummer,
            letter,
            toevoeging,
            straat.postcode_bij(nummer),
            self.plaats.woonplaats,
            f"{self.plaats.code}01{_BAG_SERIE + self.serie:010d}",
            f"{self.plaats.code}20{_BAG_SERIE + self.serie:010d}",
        )
