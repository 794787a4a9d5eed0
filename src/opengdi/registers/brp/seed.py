# SPDX-License-Identifier: EUPL-1.2
"""A synthetic population on top of the test persons (``gdi seed brp --persons N [--seed S]``).

Households are generated one at a time and rendered as persoonslijsten the way the GBA keeps them:
couples recorded on both lists (category 05, some dissolved by divorce or death), children with
their parents in categories 02/03 and on the parents' lists in category 09, everybody in a household
on the same address, addresses spread over the 403 municipalities of 2014 in proportion to their
inhabitants. A share of the persons died (06, opschorting O), emigrated (08 abroad, opschorting E)
or was registered in the RNI only (opschorting R). The population is the state on :data:`PEILDATUM`,
the last day of 2014, so every municipality code is valid on every date used.

Identifiers cannot collide with the test persons: BSNs come from ``2xxxxxxxx`` (the test sets use
``0000xxxxx``, ``10xxxxxxx`` and ``99xxxxxxx``), A-nummers from the whole valid space, and every
number that occurs in the packaged test data is skipped. Both are a seeded permutation, so a seed
always gives the same numbers. BAG identifiers use serial numbers from ``0900000001`` on.

Everything is deterministic for a given seed (one :class:`random.Random`, seeded Faker instances)
and streamed in batches, so a million persons never sit in memory at once.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from itertools import accumulate
from typing import Any, Generic, TypeVar

from faker import Faker
from sqlalchemy import select

from opengdi.kernel.db import Database
from opengdi.kernel.identifiers import bsn_check_digit
from opengdi.kernel.referentiedata import Gemeente, gemeenten_2014
from opengdi.registers.brp import repository
from opengdi.registers.brp.model import PersoonslijstRow
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen

#: The day the synthetic population describes.
PEILDATUM = date(2014, 12, 31)
#: The GBA replaced the persoonskaarten on 1 October 1994; no event is recorded before that.
GBA_START = date(1994, 10, 1)
#: The RNI opened on 6 January 2014.
RNI_START = date(2014, 1, 6)
RNI_GEMEENTE = "1999"
NEDERLAND = "6030"
NEDERLANDSE = "0001"
#: The most persons one seed can give (the BSN range holds about 9.09 million valid numbers).
MAX_PERSONEN = 9_000_000

_BSN_EERSTE, _BSN_AANTAL, _BSN_STAP = 20_000_000, 10_000_000, 2_718_281  # 8-digit prefixes 2xxxxxxx
_A_EERSTE, _A_AANTAL, _A_STAP = 10_000_000, 90_000_000, 3_141_593
_BAG_SERIE = 900_000_000
_JAAR = 365.2425
_PARTNERSCHAP = date(1998, 1, 1)
_HUWELIJK_ZELFDE_GESLACHT = date(2001, 4, 1)
_KANS_BUITENLANDS = 0.06
_KANS_VERHUISD = 0.3
_KANS_GEHEIM = 0.01
_KANS_EUROPEES_KIESRECHT = 0.3

T = TypeVar("T")


class _Keuze(Generic[T]):
    """A weighted draw from fixed items (cumulative weights computed once)."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cumulatief = list(accumulate(weight for _, weight in items))

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulatief, rng.random() * self.cumulatief[-1])
        return self.items[min(index, len(self.items) - 1)]


# Household kinds and their share of the households drawn.
_HUISHOUDENS = _Keuze([
    ("alleen", 0.26), ("stel", 0.22), ("gezin", 0.27), ("gescheiden", 0.07), ("weduwe", 0.07),
    ("overleden", 0.07), ("emigratie", 0.04), ("rni", 0.035),
])  # fmt: skip
# Adults per age band (first age, width in years; thousands, CBS 2014 rounded).
_LEEFTIJDEN = _Keuze([
    ((18, 2), 410), ((20, 5), 1050), ((25, 5), 1030), ((30, 5), 1000), ((35, 5), 1050), ((40, 5), 1250),
    ((45, 5), 1300), ((50, 5), 1250), ((55, 5), 1120), ((60, 5), 1080), ((65, 5), 940), ((70, 5), 680),
    ((75, 5), 520), ((80, 5), 370), ((85, 5), 210), ((90, 6), 90),
])  # fmt: skip
_KINDEREN_GEZIN = _Keuze([(1, 30), (2, 45), (3, 18), (4, 7)])
_KINDEREN_GESCHEIDEN = _Keuze([(0, 35), (1, 30), (2, 27), (3, 8)])
_VERBINTENIS = _Keuze([("H", 72), ("P", 6), ("", 22)])  # "" = living together unmarried
_NAAMGEBRUIK = _Keuze([("E", 50), ("V", 35), ("P", 10), ("N", 5)])
_AANTAL_VOORNAMEN_OUD = _Keuze([(1, 40), (2, 40), (3, 20)])
_AANTAL_VOORNAMEN_JONG = _Keuze([(1, 60), (2, 32), (3, 8)])


@dataclass(frozen=True, slots=True)
class _Herkomst:
    """A foreign origin: nationaliteit (tabel 32), land (tabel 34), Faker locale, EU citizen or not."""

    nationaliteit: str
    land: str
    locale: str
    eu: bool = True


_HERKOMSTEN = _Keuze([
    (_Herkomst("0339", "6043", "tr_TR", eu=False), 14), (_Herkomst("0072", "7028", "pl_PL"), 13),
    (_Herkomst("0055", "9089", "de_DE"), 11), (_Herkomst("0052", "5010", "nl_BE"), 7),
    (_Herkomst("0060", "6039", "en_GB"), 6), (_Herkomst("0064", "7044", "it_IT"), 5),
    (_Herkomst("0077", "6037", "es_ES"), 5), (_Herkomst("0074", "7047", "ro_RO"), 5),
    (_Herkomst("0057", "5002", "fr_FR"), 4), (_Herkomst("0073", "7050", "pt_PT"), 3),
    (_Herkomst("0223", "6014", "en_US", eu=False), 2),
])  # fmt: skip
# Where Dutch emigrants went: land (tabel 34) and the Faker locale of the address.
_BESTEMMINGEN = _Keuze([
    (("5010", "nl_BE"), 20), (("9089", "de_DE"), 18), (("6037", "es_ES"), 10), (("6039", "en_GB"), 10),
    (("6014", "en_US"), 9), (("5002", "fr_FR"), 8), (("5001", "en_CA"), 7), (("6016", "en_AU"), 7),
    (("5003", "de_CH"), 5), (("5013", "en_NZ"), 3),
])  # fmt: skip
_RNI_DEELNEMERS = _Keuze([("0101", 80), ("0601", 8), ("9999", 12)])  # tabel 60, in force in 2014

_TRADITIONEEL_M: tuple[str, ...] = (
    "Johannes", "Cornelis", "Hendrik", "Jan", "Willem", "Pieter", "Gerrit", "Jacobus", "Adrianus", "Petrus",
    "Wilhelmus", "Antonius", "Gerardus", "Franciscus", "Theodorus", "Hendrikus", "Johan", "Dirk", "Klaas", "Arie",
    "Jacob", "Albert", "Bernardus", "Martinus", "Nicolaas", "Hermanus",
)  # fmt: skip
_TRADITIONEEL_V: tuple[str, ...] = (
    "Maria", "Johanna", "Cornelia", "Wilhelmina", "Anna", "Elisabeth", "Hendrika", "Catharina", "Geertruida",
    "Adriana", "Petronella", "Jacoba", "Helena", "Margaretha", "Aaltje", "Grietje", "Neeltje", "Antonia", "Gerarda",
    "Theodora", "Francisca", "Alida", "Sophia", "Christina",
)  # fmt: skip
_VOORVOEGSELS = (
    "van der", "van den", "van de", "van 't", "in 't", "op de", "uit de", "van", "de", "den", "ter", "ten", "te", "'t",
    "het",
)  # fmt: skip
_ENKELE_NAAM = re.compile(r"^[A-Z][a-zà-ÿ']+(-[A-Z][a-zà-ÿ']+)?$")
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
_POSTCODELETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_POSTCODE_PAREN = tuple(a + b for a in _POSTCODELETTERS for b in _POSTCODELETTERS if a + b not in ("SA", "SD", "SS"))
# The postcode numbers of each province, roughly.
_PROVINCIES = {
    "Noord-Holland": ((1000, 1300), (1400, 2000)), "Flevoland": ((1300, 1400), (8200, 8300)),
    "Zuid-Holland": ((2000, 3400),), "Utrecht": ((3400, 4000),), "Gelderland": ((4000, 4300), (6500, 7400)),
    "Zeeland": ((4300, 4600),), "Noord-Brabant": ((4600, 5800),), "Limburg": ((5800, 6500),),
    "Overijssel": ((7400, 7700), (8000, 8200)), "Drenthe": ((7700, 8000), (9400, 9500)),
    "Friesland": ((8300, 9300),), "Groningen": ((9300, 9400), (9500, 10000)),
}  # fmt: skip


# --- identifiers ---------------------------------------------------------------------------------------


@cache
def gereserveerde_nummers() -> frozenset[str]:
    """Every 9- and 10-digit number in the packaged test data (BSNs and A-nummers not to be used)."""
    data = files("opengdi.registers.brp").joinpath("data")
    found: set[str] = set()
    for entry in data.iterdir():
        if entry.is_file() and entry.name.endswith((".json", ".csv", ".yaml")):
            found.update(re.findall(r"(?<!\d)\d{9,10}(?!\d)", entry.read_text("utf-8")))
    return frozenset(found)


def _burgerservicenummers(seed: int, gereserveerd: frozenset[str]) -> Iterator[str]:
    offset = random.Random(f"bsn-{seed}").randrange(_BSN_AANTAL)
    for index in range(_BSN_AANTAL):
        prefix = str(_BSN_EERSTE + (offset + index * _BSN_STAP) % _BSN_AANTAL)
        check = bsn_check_digit(prefix)
        if check is not None and (bsn := f"{prefix}{check}") not in gereserveerd:
            yield bsn


_DUBBEL = re.compile(r"(\d)\1")


def a_nummer_bij(prefix: str) -> str | None:
    """A valid A-nummer starting with the eight digits ``prefix``, ``None`` when none exists.

    The last two digits follow from the GBA rules: the digit sum modulo 11 is 0 or 5 and the sum
    weighted 1, 2, 4, …, 512 is divisible by 11 (2**8 ≡ 3 and 2**9 ≡ 6 modulo 11).
    """
    if prefix[0] == "0" or _DUBBEL.search(prefix):
        return None
    digits = [int(char) for char in prefix]
    som = sum(digits)
    gewogen = sum(digit << position for position, digit in enumerate(digits))
    for rest in (0, 5):
        paar = (rest - som) % 11  # d8 + d9
        laatste = (-gewogen - 3 * paar) * 4 % 11  # 4 is the inverse of 3 modulo 11
        voorlaatste = (paar - laatste) % 11
        if voorlaatste <= 9 and laatste <= 9 and voorlaatste not in (digits[7], laatste):
            return f"{prefix}{voorlaatste}{laatste}"
    return None


def _a_nummers(seed: int, gereserveerd: frozenset[str]) -> Iterator[str]:
    offset = random.Random(f"anummer-{seed}").randrange(_A_AANTAL)
    for index in range(_A_AANTAL):
        nummer = a_nummer_bij(str(_A_EERSTE + (offset + index * _A_STAP) % _A_AANTAL))
        if nummer is not None and nummer not in gereserveerd:
            yield nummer


# --- addresses -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Adres:
    gemeente: str
    straat: str
    kort: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str
    serie: int


@dataclass(frozen=True, slots=True)
class _Buitenland:
    land: str
    regels: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Plaats:
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
def _plaatsen() -> _Keuze[_Plaats]:
    """The municipalities of 2014, drawn in proportion to their inhabitants."""
    gemeenten = gemeenten_2014()
    blokken = _postcodeblokken(gemeenten)
    return _Keuze(
        [
            (
                _Plaats(
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


class _Straten:
    """The streets of one municipality; names and layout come from their own seeded generator."""

    def __init__(self, plaats: _Plaats, seed: int, achternamen: Sequence[str]) -> None:
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

    def adres(self, rng: random.Random) -> _Adres:
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
        return _Adres(
            self.plaats.code,
            straat.naam,
            straat.kort,
            nummer,
            letter,
            toevoeging,
            straat.postcode_bij(nummer),
            self.plaats.woonplaats,
            _BAG_SERIE + self.serie,
        )


# --- the people ----------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Persoon:
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
class _Bewoning:
    adres: _Adres
    van: date


@dataclass(slots=True, eq=False)
class _Verbintenis:
    een: _Mens
    ander: _Mens
    soort: str  # H huwelijk, P geregistreerd partnerschap
    datum: date
    plaats: str
    akte: str
    einde: date | None = None
    reden: str = ""  # S echtscheiding, O overlijden
    eindplaats: str = ""

    def partner_van(self, mens: _Mens) -> _Mens:
        """The other party."""
        return self.ander if mens is self.een else self.een


@dataclass(slots=True, eq=False)
class _Mens:
    """A person of the population while the household is built."""

    persoon: _Persoon
    nationaliteit: str
    ouders: tuple[_Persoon, _Persoon]
    eu: bool = False
    naamgebruik: str = "E"
    geboorteakte: str = ""
    vestiging: tuple[str, date] | None = None  # land vanwaar ingeschreven, datum
    adressen: list[_Bewoning] = field(default_factory=list)  # oldest first
    verbintenissen: list[_Verbintenis] = field(default_factory=list)
    kinderen: list[_Mens] = field(default_factory=list)
    overleden: tuple[date, str, str] | None = None  # datum, gemeente, aktenummer
    vertrek: tuple[date, _Buitenland] | None = None
    rni: tuple[date, _Buitenland, str] | None = None  # datum, adres, RNI-deelnemer
    kiesrecht: date | None = None  # datum mededeling Europees kiesrecht
    geheim: bool = False


@dataclass(frozen=True, slots=True)
class _Namen:
    mannen: tuple[str, ...]
    vrouwen: tuple[str, ...]
    achternamen: tuple[tuple[str, str], ...]  # (voorvoegsel, geslachtsnaam)
    straatnamen: tuple[str, ...]


def _namen(faker: Any) -> _Namen:
    """The Dutch name pools of Faker's nl_NL person provider; surnames split into voorvoegsel and naam."""
    provider = next(item for item in faker.providers if hasattr(item, "last_names"))
    achternamen = []
    for naam in provider.last_names:
        voorvoegsel = next((item for item in _VOORVOEGSELS if naam.startswith(f"{item} ")), "")
        rest = naam[len(voorvoegsel) + 1 :] if voorvoegsel else naam
        if _ENKELE_NAAM.match(rest):
            achternamen.append((voorvoegsel, rest))
    straatnamen = tuple(sorted({naam for voorvoegsel, naam in achternamen if not voorvoegsel}))
    return _Namen(tuple(provider.first_names_male), tuple(provider.first_names_female), tuple(achternamen), straatnamen)


def _dag(rng: random.Random, vanaf: date, tot: date) -> date:
    """A day in ``[vanaf, tot]``; ``vanaf`` when the range is empty."""
    return date.fromordinal(rng.randint(vanaf.toordinal(), max(vanaf.toordinal(), tot.toordinal())))


def _jaren(dag: date, jaren: float) -> date:
    return dag + timedelta(days=round(jaren * _JAAR))


def _toegestaan(soort: str, datum: date, zelfde_geslacht: bool) -> str:
    """``soort`` as the law allowed it on ``datum``: partnership from 1998, same-sex marriage from April 2001."""
    if soort == "P" and datum < _PARTNERSCHAP:
        soort = "H"
    if zelfde_geslacht and soort == "H" and datum < _HUWELIJK_ZELFDE_GESLACHT:
        soort = "P"
    return "" if soort == "P" and datum < _PARTNERSCHAP else soort


class _Bevolking:
    """Builds households; every draw comes from one seeded generator, in a fixed order."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.faker = Faker("nl_NL")
        self.faker.seed_instance(seed)
        self.namen = _namen(self.faker)
        self.buitenlands: dict[str, Any] = {}
        gereserveerd = gereserveerde_nummers()
        self.bsns = _burgerservicenummers(seed, gereserveerd)
        self.anummers = _a_nummers(seed, gereserveerd)
        self.plaatsen = _plaatsen()
        self.straten: dict[str, _Straten] = {}

    # draws

    def locale(self, naam: str) -> Any:
        """A seeded Faker for locale ``naam`` (created on first use)."""
        faker = self.buitenlands.get(naam)
        if faker is None:
            faker = self.buitenlands[naam] = Faker(naam)
            faker.seed_instance(f"{self.seed}-{naam}")
            for provider in faker.providers:  # it_IT builds its city list from a set: order by hash seed
                if isinstance(getattr(provider, "cities", None), list):
                    provider.cities = sorted(provider.cities)
        return faker

    def plaats(self) -> _Plaats:
        return self.plaatsen(self.rng)

    def adres(self, plaats: _Plaats) -> _Adres:
        straten = self.straten.get(plaats.code)
        if straten is None:
            straten = self.straten[plaats.code] = _Straten(plaats, self.seed, self.namen.straatnamen)
        return straten.adres(self.rng)

    def buitenland(self, land: str, locale: str) -> _Buitenland:
        faker = self.locale(locale)
        return _Buitenland(land, (faker.street_address()[:40], f"{faker.postcode()} {faker.city()}"[:50]))

    def akte(self, register: str) -> str:
        """An aktenummer: register (1 geboorte, 2 overlijden, 3 huwelijk, 5 partnerschap), letters, number."""
        rng = self.rng
        return f"{register}{rng.choice(_POSTCODELETTERS)}{rng.choice(_POSTCODELETTERS)}{rng.randrange(10000):04d}"

    def volwassen_geboortedatum(self, minimum: int = 18, maximum: int = 96) -> date:
        """A birth date by the adult age pyramid, age within ``[minimum, maximum]``."""
        while True:
            start, breedte = _LEEFTIJDEN(self.rng)
            leeftijd = start + self.rng.random() * breedte
            if minimum <= leeftijd <= maximum:
                return _jaren(PEILDATUM, -leeftijd)

    def herkomst(self) -> _Herkomst | None:
        return _HERKOMSTEN(self.rng) if self.rng.random() < _KANS_BUITENLANDS else None

    def voornamen(self, geslacht: str, geboren: date, herkomst: _Herkomst | None) -> str:
        rng = self.rng
        if herkomst is not None:
            faker = self.locale(herkomst.locale)
            return str(faker.first_name_male() if geslacht == "M" else faker.first_name_female())
        kans_oud = 0.9 if geboren.year < 1960 else 0.6 if geboren.year < 1980 else 0.25 if geboren.year < 1995 else 0.05
        if rng.random() < kans_oud:
            pool = _TRADITIONEEL_M if geslacht == "M" else _TRADITIONEEL_V
        else:
            pool = self.namen.mannen if geslacht == "M" else self.namen.vrouwen
        aantal = (_AANTAL_VOORNAMEN_OUD if geboren.year < 1980 else _AANTAL_VOORNAMEN_JONG)(rng)
        return " ".join(dict.fromkeys(rng.choice(pool) for _ in range(aantal)))

    def achternaam(self, herkomst: _Herkomst | None) -> tuple[str, str]:
        if herkomst is not None:
            return "", str(self.locale(herkomst.locale).last_name())
        return self.rng.choice(self.namen.achternamen)

    def geboorteplaats(self, herkomst: _Herkomst | None) -> tuple[str, str]:
        if herkomst is None:
            return self.plaats().code, NEDERLAND
        return str(self.locale(herkomst.locale).city())[:40], herkomst.land

    # people

    def ouder(self, geslacht: str, kind: date, naam: tuple[str, str] | None, herkomst: _Herkomst | None) -> _Persoon:
        """A parent outside the population (no BSN on record), 22 to 38 at the birth of ``kind``."""
        geboren = _jaren(kind, -(22 + self.rng.random() * 16))
        voorvoegsel, geslachtsnaam = naam or self.achternaam(herkomst)
        plaats, land = self.geboorteplaats(herkomst)
        voornamen = self.voornamen(geslacht, geboren, herkomst)
        return _Persoon(geslacht, voornamen, voorvoegsel, geslachtsnaam, geboren, plaats, land)

    def volwassene(self, geslacht: str, geboren: date, herkomst: _Herkomst | None) -> _Mens:
        """An adult whose parents are outside the population."""
        voorvoegsel, geslachtsnaam = self.achternaam(herkomst)
        plaats, land = self.geboorteplaats(herkomst)
        voornamen = self.voornamen(geslacht, geboren, herkomst)
        persoon = _Persoon(
            geslacht, voornamen, voorvoegsel, geslachtsnaam, geboren, plaats, land, next(self.bsns), next(self.anummers)
        )
        vader = self.ouder("M", geboren, (voorvoegsel, geslachtsnaam), herkomst)
        moeder = self.ouder("V", geboren, None, herkomst)
        if herkomst is None:
            return self.afronden(_Mens(persoon, NEDERLANDSE, (moeder, vader)))
        return self.afronden(_Mens(persoon, herkomst.nationaliteit, (moeder, vader), eu=herkomst.eu))

    def kind(self, moeder: _Mens, vader: _Mens | None, geboren: date) -> _Mens:
        """A child of ``moeder`` (and ``vader``), born in the Netherlands, named after the father."""
        naamgever = (vader or moeder).persoon
        geslacht = self.rng.choice("MV")
        persoon = _Persoon(
            geslacht,
            self.voornamen(geslacht, geboren, None),
            naamgever.voorvoegsel,
            naamgever.geslachtsnaam,
            geboren,
            "",
            NEDERLAND,
            next(self.bsns),
            next(self.anummers),
        )
        ouder2 = vader.persoon if vader else self.ouder("M", geboren, None, None)
        if NEDERLANDSE in (moeder.nationaliteit, vader.nationaliteit if vader else ""):
            kind = _Mens(persoon, NEDERLANDSE, (moeder.persoon, ouder2))
        else:
            kind = _Mens(persoon, moeder.nationaliteit, (moeder.persoon, ouder2), eu=moeder.eu)
        for ouder in (moeder, vader):
            if ouder is not None:
                ouder.kinderen.append(kind)
        return self.afronden(kind)

    def afronden(self, mens: _Mens) -> _Mens:
        mens.geheim = self.rng.random() < _KANS_GEHEIM
        if mens.persoon.geboorteland == NEDERLAND:
            mens.geboorteakte = self.akte("1")
        return mens

    def paar(self, vrouw_geboren: date, herkomst: _Herkomst | None, minimum: int = 18) -> tuple[_Mens, _Mens]:
        """A woman born on ``vrouw_geboren`` and her partner, at least ``minimum`` now: a man, now and then a woman."""
        vrouw = self.volwassene("V", vrouw_geboren, herkomst)
        partner_geboren = min(_jaren(vrouw_geboren, -self.rng.gauss(2.5, 3.5)), _jaren(PEILDATUM, -minimum))
        if herkomst is not None and self.rng.random() < 0.4:
            herkomst = None  # a mixed couple
        geslacht = "M" if self.rng.random() < 0.97 else "V"
        return self.volwassene(geslacht, partner_geboren, herkomst), vrouw

    def verbinden(self, een: _Mens, ander: _Mens, datum: date, plaats: str, soort: str = "") -> _Verbintenis | None:
        """Record a marriage or partnership on both sides; ``None`` for a couple living together."""
        zelfde_geslacht = een.persoon.geslacht == ander.persoon.geslacht
        soort = _toegestaan(soort or _VERBINTENIS(self.rng), datum, zelfde_geslacht)
        if not soort:
            return None
        verbintenis = _Verbintenis(een, ander, soort, datum, plaats, self.akte("3" if soort == "H" else "5"))
        for mens in (een, ander):
            mens.verbintenissen.append(verbintenis)
            if soort == "H" and mens.persoon.geslacht == "V" and mens.persoon.geboren.year < 1970:
                mens.naamgebruik = _NAAMGEBRUIK(self.rng)
        return verbintenis

    def wonen(self, leden: Sequence[_Mens], verhuizingen: Sequence[tuple[_Adres, date]]) -> None:
        """Put ``leden`` on the addresses of ``verhuizingen`` (oldest first) from the day they lived there."""
        for lid in leden:
            for index, (adres, van) in enumerate(verhuizingen):
                tot = verhuizingen[index + 1][1] if index + 1 < len(verhuizingen) else None
                if tot is None or lid.persoon.geboren < tot:
                    lid.adressen.append(_Bewoning(adres, max(van, lid.persoon.geboren)))
            if not lid.persoon.geboorteplaats:
                lid.persoon.geboorteplaats = lid.adressen[0].adres.gemeente
            meerderjarig = lid.persoon.geboren <= _jaren(PEILDATUM, -18)
            if lid.eu and meerderjarig and self.rng.random() < _KANS_EUROPEES_KIESRECHT:
                lid.kiesrecht = _dag(self.rng, max(lid.adressen[0].van, _jaren(lid.persoon.geboren, 18)), PEILDATUM)

    def huisvesten(self, leden: Sequence[_Mens], van: date, kans: float = _KANS_VERHUISD) -> None:
        """Give a household an address from ``van``, now and then after an older one."""
        plaats = self.plaats()
        verhuizingen = [(self.adres(plaats), van)]
        if self.rng.random() < kans and (PEILDATUM - van).days > 400:
            if self.rng.random() < 0.4:
                plaats = self.plaats()
            verhuizingen.append((self.adres(plaats), _dag(self.rng, van + timedelta(days=200), PEILDATUM)))
        self.wonen(leden, verhuizingen)

    @staticmethod
    def vestigen(leden: Sequence[_Mens], datum: date) -> None:
        """Record the immigration of those born abroad on ``datum``."""
        for lid in leden:
            if lid.persoon.geboorteland != NEDERLAND:
                lid.vestiging = (lid.persoon.geboorteland, datum)

    def start(self, *volwassenen: _Mens, leeftijd: float = 18) -> date:
        """When adults started to live on their own or together: after the youngest turned ``leeftijd``."""
        vroegst = min(_jaren(max(mens.persoon.geboren for mens in volwassenen), leeftijd), PEILDATUM)
        return _dag(self.rng, vroegst, min(PEILDATUM, _jaren(vroegst, 12)))

    def kinderen(self, ouders: tuple[_Mens, _Mens], vanaf: date, tot: date, aantal: int) -> list[_Mens]:
        """Up to ``aantal`` children: the first when the mother was about 30, then one every 1.5 to 4 years.

        Only those born in ``[vanaf, tot]``, while both parents were adult and the mother at most 45, and
        at most 22 years old now (older ones have left home) are kept.
        """
        vader, moeder = ouders
        vanaf = max(
            vanaf, _jaren(moeder.persoon.geboren, 18), _jaren(vader.persoon.geboren, 18), _jaren(PEILDATUM, -22)
        )
        tot = min(tot, _jaren(moeder.persoon.geboren, 45), PEILDATUM)
        dag = _jaren(moeder.persoon.geboren, self.rng.gauss(29.5, 4.5))
        data = []
        for _ in range(aantal):
            if vanaf <= dag <= tot:
                data.append(dag)
            dag = _jaren(dag, 1.5 + self.rng.random() * 2.5)
        echte_vader = vader if vader.persoon.geslacht == "M" else None
        return [self.kind(moeder, echte_vader, dag) for dag in data]

    # households

    def alleen(self, _ruimte: int) -> list[_Mens]:
        mens = self.volwassene(self.rng.choice("MV"), self.volwassen_geboortedatum(), self.herkomst())
        van = self.start(mens)
        self.vestigen([mens], van)
        self.huisvesten([mens], van)
        return [mens]

    def stel(self, _ruimte: int) -> list[_Mens]:
        een, ander = self.paar(self.volwassen_geboortedatum(self.rng.choice((20, 50))), self.herkomst())
        van = self.start(een, ander, leeftijd=20)
        self.vestigen([een, ander], van)
        self.verbinden(een, ander, _dag(self.rng, van, min(PEILDATUM, _jaren(van, 6))), self.plaats().code)
        self.huisvesten([een, ander], van)
        return [een, ander]

    def gezin(self, ruimte: int) -> list[_Mens]:
        vader, moeder = self.paar(_jaren(PEILDATUM, -(25 + self.rng.random() * 28)), self.herkomst())
        van = self.start(vader, moeder, leeftijd=19)
        kinderen = self.kinderen((vader, moeder), date.min, PEILDATUM, min(ruimte - 2, _KINDEREN_GEZIN(self.rng)))
        if kinderen:
            van = min(van, kinderen[0].persoon.geboren)
        self.vestigen([vader, moeder], van)
        self.verbinden(vader, moeder, _dag(self.rng, van, min(PEILDATUM, _jaren(van, 5))), self.plaats().code)
        self.huisvesten([vader, moeder, *kinderen], van)
        return [vader, moeder, *kinderen]

    def gescheiden(self, ruimte: int) -> list[_Mens]:
        """A divorced couple: the mother and children stay, the father moves out."""
        vader, moeder = self.paar(_jaren(PEILDATUM, -(27 + self.rng.random() * 38)), self.herkomst(), minimum=22)
        getrouwd = min(self.start(vader, moeder, leeftijd=20), PEILDATUM - timedelta(days=400))
        scheiding = _dag(self.rng, _jaren(getrouwd, 1), PEILDATUM)
        aantal = min(ruimte - 2, _KINDEREN_GESCHEIDEN(self.rng))
        kinderen = self.kinderen((vader, moeder), getrouwd, scheiding, aantal)
        self.vestigen([vader, moeder], getrouwd)
        plaats = self.plaats()
        thuis = self.adres(plaats)
        verbintenis = self.verbinden(vader, moeder, getrouwd, plaats.code, soort=self.rng.choice("HHHHHHP"))
        if verbintenis is not None:
            verbintenis.einde, verbintenis.reden, verbintenis.eindplaats = scheiding, "S", plaats.code
        self.wonen([moeder, *kinderen], [(thuis, getrouwd)])
        self.wonen([vader], [(thuis, getrouwd), (self.adres(self.plaats()), scheiding)])
        return [moeder, *kinderen, vader]

    def weduwe(self, _ruimte: int) -> list[_Mens]:
        """An elderly couple of whom one died after 1994; the survivor lives on at the address."""
        partner, vrouw = self.paar(self.volwassen_geboortedatum(55), None)
        getrouwd = self.start(partner, vrouw, leeftijd=21)
        overledene, nabestaande = (partner, vrouw) if self.rng.random() < 0.7 else (vrouw, partner)
        if _jaren(overledene.persoon.geboren, 51) > PEILDATUM:  # too young to die here: the other one did
            overledene, nabestaande = nabestaande, overledene
        vroegst = max(GBA_START, _jaren(getrouwd, 1), _jaren(overledene.persoon.geboren, 50))
        sterfdag = _dag(self.rng, min(vroegst, PEILDATUM), PEILDATUM)
        plaats = self.plaats()
        verbintenis = self.verbinden(partner, vrouw, getrouwd, plaats.code, soort="H")
        self.huisvesten([partner, vrouw], _dag(self.rng, getrouwd, sterfdag - timedelta(days=30)), kans=0.0)
        gemeente = overledene.adressen[-1].adres.gemeente
        overledene.overleden = (sterfdag, gemeente, self.akte("2"))
        if verbintenis is not None:
            verbintenis.einde, verbintenis.reden, verbintenis.eindplaats = sterfdag, "O", gemeente
        return [nabestaande, overledene]

    def overleden(self, _ruimte: int) -> list[_Mens]:
        """A person living alone who died after 1994, aged 55 to 100."""
        mens = self.volwassene(self.rng.choice("MV"), _jaren(PEILDATUM, -(58 + self.rng.random() * 45)), None)
        geboren = mens.persoon.geboren
        sterfdag = _dag(self.rng, max(GBA_START, _jaren(geboren, 55)), min(PEILDATUM, _jaren(geboren, 100)))
        self.huisvesten([mens], _dag(self.rng, _jaren(geboren, 25), sterfdag - timedelta(days=30)), kans=0.0)
        mens.overleden = (sterfdag, mens.adressen[-1].adres.gemeente, self.akte("2"))
        return [mens]

    def emigratie(self, ruimte: int) -> list[_Mens]:
        """A person or couple that left the country after 1994 (foreigners go back to where they came from)."""
        leden = self.stel(ruimte) if ruimte > 1 and self.rng.random() < 0.4 else self.alleen(ruimte)
        laatste = max(lid.adressen[-1].van for lid in leden)
        vertrek = _dag(self.rng, min(max(laatste + timedelta(days=60), GBA_START), PEILDATUM), PEILDATUM)
        buitenlander = next((lid for lid in leden if lid.vestiging is not None), None)
        if buitenlander is not None:
            herkomst = next(item for item in _HERKOMSTEN.items if item.nationaliteit == buitenlander.nationaliteit)
            land, locale = herkomst.land, herkomst.locale
        else:
            land, locale = _BESTEMMINGEN(self.rng)
        adres = self.buitenland(land, locale)
        for lid in leden:
            lid.vertrek = (max(vertrek, lid.adressen[-1].van), adres)
            lid.kiesrecht = None
        return leden

    def rni(self, _ruimte: int) -> list[_Mens]:
        """A foreigner living abroad, registered in the RNI (since January 2014)."""
        herkomst = _HERKOMSTEN(self.rng)
        mens = self.volwassene(self.rng.choice("MV"), self.volwassen_geboortedatum(20, 75), herkomst)
        datum = _dag(self.rng, RNI_START, PEILDATUM)
        mens.rni = (datum, self.buitenland(herkomst.land, herkomst.locale), _RNI_DEELNEMERS(self.rng))
        return [mens]

    def huishouden(self, ruimte: int) -> list[_Mens]:
        """One household of at most ``ruimte`` persons."""
        soort = _HUISHOUDENS(self.rng)
        if ruimte < 2 and soort in ("stel", "gescheiden", "weduwe"):
            soort = "alleen"
        if ruimte < 3 and soort == "gezin":
            soort = "stel" if ruimte == 2 else "alleen"
        bouwer: Callable[[int], list[_Mens]] = getattr(self, soort)
        return bouwer(ruimte)


# --- rendering -----------------------------------------------------------------------------------------

Elementen = dict[str, str]


@cache
def _d(dag: date) -> str:
    return f"{dag.year:04d}{dag.month:02d}{dag.day:02d}"


@cache
def _opneming(dag: date) -> str:
    """Datum van opneming (86.10): the event, or the start of the GBA for what was converted."""
    return _d(max(dag, GBA_START))


def _ingang(mens: _Mens) -> date:
    """When the person's data started to count here: birth, immigration or RNI registration."""
    if mens.rni is not None:
        return mens.rni[0]
    return mens.vestiging[1] if mens.vestiging is not None else mens.persoon.geboren


def _identiteit(persoon: _Persoon, geslacht: bool = True) -> Elementen:
    elementen = {"01.10": persoon.anummer, "01.20": persoon.bsn} if persoon.bsn else {}
    elementen["02.10"] = persoon.voornamen
    if persoon.voorvoegsel:
        elementen["02.30"] = persoon.voorvoegsel
    elementen["02.40"] = persoon.geslachtsnaam
    elementen["03.10"] = _d(persoon.geboren)
    elementen["03.20"] = persoon.geboorteplaats
    elementen["03.30"] = persoon.geboorteland
    if geslacht:
        elementen["04.10"] = persoon.geslacht
    return elementen


def _persoon(mens: _Mens) -> Voorkomen:
    elementen = _identiteit(mens.persoon)
    elementen["61.10"] = mens.naamgebruik
    if mens.geboorteakte:
        elementen["81.10"] = mens.persoon.geboorteplaats
        elementen["81.20"] = mens.geboorteakte
    ingang = _ingang(mens)
    elementen["85.10"] = _d(ingang)
    elementen["86.10"] = _opneming(ingang)
    if mens.rni is not None:
        elementen["88.10"] = mens.rni[2]
    return Voorkomen("01", 1, 0, elementen)


def _ouder(categorie: str, mens: _Mens, ouder: _Persoon) -> list[Voorkomen]:
    geboren = _d(mens.persoon.geboren)
    elementen = _identiteit(ouder)
    elementen.update({"62.10": geboren, "85.10": geboren, "86.10": _opneming(_ingang(mens))})
    return [Voorkomen(categorie, 1, 0, elementen)]


def _nationaliteit(mens: _Mens) -> list[Voorkomen]:
    # vaststelling bezit vreemde nationaliteit; WNb 1892 art. 1a; RWN art. 3 lid 1
    reden = "301" if mens.nationaliteit != NEDERLANDSE else "001" if mens.persoon.geboren.year < 1985 else "017"
    ingang = _ingang(mens)
    elementen = {"05.10": mens.nationaliteit, "63.10": reden, "85.10": _d(ingang), "86.10": _opneming(ingang)}
    return [Voorkomen("04", 1, 0, elementen)]


def _einde(mens: _Mens, verbintenis: _Verbintenis) -> date | None:
    """The dissolution as ``mens``'s own list records it (not on the list of the partner who died)."""
    if verbintenis.reden == "O" and mens.overleden is not None and mens.overleden[0] == verbintenis.einde:
        return None
    return verbintenis.einde


def _verbintenis(mens: _Mens, stapel: int, verbintenis: _Verbintenis) -> list[Voorkomen]:
    """One stapel of category 05: the sluiting, and on top of it the ontbinding when there was one."""
    partner = _identiteit(verbintenis.partner_van(mens).persoon)
    datum, plaats = verbintenis.datum, verbintenis.plaats
    sluiting = {
        **partner,
        "06.10": _d(datum),
        "06.20": plaats,
        "06.30": NEDERLAND,
        "15.10": verbintenis.soort,
        "81.10": plaats,
        "81.20": verbintenis.akte,
        "85.10": _d(datum),
        "86.10": _opneming(datum),
    }
    einde = _einde(mens, verbintenis)
    if einde is None:
        return [Voorkomen("05", stapel, 0, sluiting)]
    ontbinding = {
        **partner,
        "07.10": _d(einde),
        "07.20": verbintenis.eindplaats,
        "07.30": NEDERLAND,
        "07.40": verbintenis.reden,
        "15.10": verbintenis.soort,
        "85.10": _d(einde),
        "86.10": _opneming(einde),
    }
    return [Voorkomen("05", stapel, 0, ontbinding), Voorkomen("05", stapel, 1, sluiting)]


def _overlijden(mens: _Mens) -> list[Voorkomen]:
    if mens.overleden is None:
        return []
    dag, gemeente, akte = mens.overleden
    elementen = {
        "08.10": _d(dag),
        "08.20": gemeente,
        "08.30": NEDERLAND,
        "81.10": gemeente,
        "81.20": akte,
        "85.10": _d(dag),
        "86.10": _d(dag),
    }
    return [Voorkomen("06", 1, 0, elementen)]


def _opschorting(mens: _Mens) -> tuple[date, str] | None:
    if mens.overleden is not None:
        return mens.overleden[0], "O"
    if mens.vertrek is not None:
        return mens.vertrek[0], "E"
    return (mens.rni[0], "R") if mens.rni is not None else None


def _inschrijving(mens: _Mens) -> list[Voorkomen]:
    elementen = {"68.10": _d(max(GBA_START, _ingang(mens)))}
    opschorting = _opschorting(mens)
    if opschorting is not None:
        elementen["67.10"], elementen["67.20"] = _d(opschorting[0]), opschorting[1]
        if mens.adressen:
            elementen["69.10"] = mens.adressen[-1].adres.gemeente
    elementen["70.10"] = "7" if mens.geheim else "0"
    return [Voorkomen("07", 1, 0, elementen)]


def _adres(mens: _Mens, bewoning: _Bewoning, ingeschreven: date) -> Elementen:
    adres, van = bewoning.adres, _d(bewoning.van)
    elementen = {
        "09.10": adres.gemeente,
        "09.20": _d(ingeschreven),
        "10.10": "W",
        "10.30": van,
        "11.10": adres.kort,
        "11.15": adres.straat,
        "11.20": str(adres.huisnummer),
    }
    if adres.huisletter:
        elementen["11.30"] = adres.huisletter
    if adres.toevoeging:
        elementen["11.40"] = adres.toevoeging
    elementen["11.60"] = adres.postcode
    elementen["11.70"] = adres.woonplaats
    elementen["11.80"] = f"{adres.gemeente}01{adres.serie:010d}"
    elementen["11.90"] = f"{adres.gemeente}20{adres.serie:010d}"
    if mens.vestiging is not None:
        elementen["14.10"], elementen["14.20"] = mens.vestiging[0], _d(mens.vestiging[1])
    elementen["72.10"] = "I" if bewoning.van >= _jaren(mens.persoon.geboren, 16) else "G"
    elementen["85.10"] = van
    elementen["86.10"] = _opneming(bewoning.van)
    return elementen


def _buitenland(dag: date, adres: _Buitenland, gemeente: str, deelnemer: str = "") -> Elementen:
    elementen = {"09.10": gemeente, "09.20": _d(dag), "13.10": adres.land, "13.20": _d(dag)}
    for code, regel in zip(("13.30", "13.40", "13.50"), adres.regels, strict=False):
        elementen[code] = regel
    elementen["85.10"] = elementen["86.10"] = _d(dag)
    if deelnemer:
        elementen["88.10"] = deelnemer
    return elementen


def _verblijf(mens: _Mens) -> list[Voorkomen]:
    items: list[Elementen] = []  # oldest first
    ingeschreven, gemeente = PEILDATUM, ""
    for bewoning in mens.adressen:
        if bewoning.adres.gemeente != gemeente:
            ingeschreven, gemeente = bewoning.van, bewoning.adres.gemeente
        items.append(_adres(mens, bewoning, ingeschreven))
    if mens.vertrek is not None:
        dag, buitenland = mens.vertrek
        items.append(_buitenland(dag, buitenland, RNI_GEMEENTE if dag >= RNI_START else gemeente))
    if mens.rni is not None:
        items.append(_buitenland(mens.rni[0], mens.rni[1], RNI_GEMEENTE, mens.rni[2]))
    return [Voorkomen("08", 1, volgnummer, elementen) for volgnummer, elementen in enumerate(reversed(items))]


def _kind(stapel: int, kind: _Mens) -> Voorkomen:
    elementen = _identiteit(kind.persoon, geslacht=False)
    elementen["85.10"] = _d(kind.persoon.geboren)
    elementen["86.10"] = _opneming(kind.persoon.geboren)
    return Voorkomen("09", stapel, 0, elementen)


def _kiesrecht(mens: _Mens) -> list[Voorkomen]:
    if mens.kiesrecht is None:
        return []
    dag = _d(mens.kiesrecht)
    return [Voorkomen("13", 1, 0, {"31.10": "2", "31.20": dag, "85.10": dag, "86.10": dag})]


def _persoonslijst(mens: _Mens) -> Persoonslijst:
    """The persoonslijst of ``mens`` (built directly: categories in order, stapels numbered from 1)."""
    stapels: dict[str, list[list[Voorkomen]]] = {
        "01": [[_persoon(mens)]],
        "02": [_ouder("02", mens, mens.ouders[0])],
        "03": [_ouder("03", mens, mens.ouders[1])],
        "04": [_nationaliteit(mens)],
    }
    if mens.verbintenissen:
        stapels["05"] = [_verbintenis(mens, stapel, item) for stapel, item in enumerate(mens.verbintenissen, 1)]
    if mens.overleden is not None:
        stapels["06"] = [_overlijden(mens)]
    stapels["07"] = [_inschrijving(mens)]
    stapels["08"] = [_verblijf(mens)]
    if mens.kinderen:
        stapels["09"] = [[_kind(stapel, kind)] for stapel, kind in enumerate(mens.kinderen, 1)]
    if mens.kiesrecht is not None:
        stapels["13"] = [_kiesrecht(mens)]
    return Persoonslijst(stapels)


# --- the interface -------------------------------------------------------------------------------------


def generate_population(persons: int, seed: int = 2014, batch_size: int = 5000) -> Iterator[list[Persoonslijst]]:
    """Batches of synthetic persoonslijsten, exactly ``persons`` in total.

    Households are generated whole (the last one small enough to fit); a household may be split over
    two batches, which keeps both sides consistent because relations are recorded by BSN.
    """
    if not 0 <= persons <= MAX_PERSONEN:
        raise ValueError(f"Het aantal personen moet tussen 0 en {MAX_PERSONEN} liggen.")
    if batch_size < 1:
        raise ValueError("De batchgrootte moet minstens 1 zijn.")
    bevolking = _Bevolking(seed)
    batch: list[Persoonslijst] = []
    ruimte = persons
    while ruimte > 0:
        huishouden = bevolking.huishouden(ruimte)
        ruimte -= len(huishouden)
        for mens in huishouden:
            batch.append(_persoonslijst(mens))
            if len(batch) == batch_size:
                yield batch
                batch = []
    if batch:
        yield batch


async def _check_free(database: Database) -> None:
    """Refuse to seed when the synthetic BSN range is in use (a population was seeded before)."""
    eerste, laatste = str(_BSN_EERSTE * 10), str((_BSN_EERSTE + _BSN_AANTAL) * 10 - 1)
    async with database.connect() as connection:
        bezet = await connection.scalar(
            select(PersoonslijstRow.burgerservicenummer)
            .where(PersoonslijstRow.burgerservicenummer.between(eerste, laatste))
            .limit(1)
        )
    if bezet is not None:
        raise ValueError(
            f"Er staan al synthetische personen in de BRP (burgerservicenummer {bezet} ligt in de reeks "
            f"{eerste}-{laatste}); leeg de BRP eerst."
        )


async def seed_population(
    database: Database, persons: int, seed: int = 2014, progress: Callable[[int], None] | None = None
) -> int:
    """Generate and store ``persons`` synthetic persons, one transaction per batch; the number stored.

    The next batch is generated in a worker thread while the current one is written. Seeding is
    refused (:class:`ValueError`) when synthetic persons are already stored: empty the BRP first.
    """
    await _check_free(database)
    batches = generate_population(persons, seed)
    stored = 0
    pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
    try:
        while (batch := await pending) is not None:
            pending = asyncio.ensure_future(asyncio.to_thread(next, batches, None))
            async with database.session() as session:
                await repository.add_persoonslijsten(session, batch)
                await session.commit()
            stored += len(batch)
            if progress is not None:
                progress(len(batch))
    finally:
        with contextlib.suppress(Exception):
            await pending  # let a generation still running in its thread finish
    await repository.analyze(database)
    return stored
