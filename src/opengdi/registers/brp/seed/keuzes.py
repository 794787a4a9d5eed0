# SPDX-License-Identifier: EUPL-1.2
"""The fixed ingredients of the synthetic population: dates, codes, shares and weighted choices.

The peildatum and the other dates and codes every part uses, the chances and distributions the
households are drawn from (kinds of household, the adult age pyramid, children, marriages, foreign
origins, emigration destinations, RNI deelnemers), the traditional first names and the voorvoegsels,
and the date arithmetic shared by building and rendering. :class:`Keuze` draws from a fixed weighted
list with a given :class:`random.Random`, so the order of draws alone decides the outcome.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

#: The day the synthetic population describes.
PEILDATUM = date(2014, 12, 31)
#: The GBA replaced the persoonskaarten on 1 October 1994; no event is recorded before that.
GBA_START = date(1994, 10, 1)
#: The RNI opened on 6 January 2014.
RNI_START = date(2014, 1, 6)
RNI_GEMEENTE = "1999"
NEDERLAND = "6030"
NEDERLANDSE = "0001"

_JAAR = 365.2425
#: Registered partnership exists from 1998, marriage between two men or two women from April 2001.
PARTNERSCHAP = date(1998, 1, 1)
HUWELIJK_ZELFDE_GESLACHT = date(2001, 4, 1)
KANS_BUITENLANDS = 0.06
KANS_VERHUISD = 0.3
KANS_GEHEIM = 0.01
KANS_EUROPEES_KIESRECHT = 0.3

T = TypeVar("T")


class Keuze(Generic[T]):
    """A weighted draw from fixed items (cumulative weights computed once)."""

    def __init__(self, items: Sequence[tuple[T, float]]) -> None:
        self.items = [item for item, _ in items]
        self.cumulatief = list(accumulate(weight for _, weight in items))

    def __call__(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self.cumulatief, rng.random() * self.cumulatief[-1])
        return self.items[min(index, len(self.items) - 1)]


# Household kinds and their share of the households drawn.
HUISHOUDENS = Keuze([
    ("alleen", 0.26), ("stel", 0.22), ("gezin", 0.27), ("gescheiden", 0.07), ("weduwe", 0.07),
    ("overleden", 0.07), ("emigratie", 0.04), ("rni", 0.035),
])  # fmt: skip
# Adults per age band (first age, width in years; thousands, CBS 2014 rounded).
LEEFTIJDEN = Keuze([
    ((18, 2), 410), ((20, 5), 1050), ((25, 5), 1030), ((30, 5), 1000), ((35, 5), 1050), ((40, 5), 1250),
    ((45, 5), 1300), ((50, 5), 1250), ((55, 5), 1120), ((60, 5), 1080), ((65, 5), 940), ((70, 5), 680),
    ((75, 5), 520), ((80, 5), 370), ((85, 5), 210), ((90, 6), 90),
])  # fmt: skip
KINDEREN_GEZIN = Keuze([(1, 30), (2, 45), (3, 18), (4, 7)])
KINDEREN_GESCHEIDEN = Keuze([(0, 35), (1, 30), (2, 27), (3, 8)])
VERBINTENIS = Keuze([("H", 72), ("P", 6), ("", 22)])  # "" = living together unmarried
NAAMGEBRUIK = Keuze([("E", 50), ("V", 35), ("P", 10), ("N", 5)])
AANTAL_VOORNAMEN_OUD = Keuze([(1, 40), (2, 40), (3, 20)])
AANTAL_VOORNAMEN_JONG = Keuze([(1, 60), (2, 32), (3, 8)])


@dataclass(frozen=True, slots=True)
class Herkomst:
    """A foreign origin: nationaliteit (tabel 32), land (tabel 34), Faker locale, EU citizen or not."""

    nationaliteit: str
    land: str
    locale: str
    eu: bool = True


HERKOMSTEN = Keuze([
    (Herkomst("0339", "6043", "tr_TR", eu=False), 14), (Herkomst("0072", "7028", "pl_PL"), 13),
    (Herkomst("0055", "9089", "de_DE"), 11), (Herkomst("0052", "5010", "nl_BE"), 7),
    (Herkomst("0060", "6039", "en_GB"), 6), (Herkomst("0064", "7044", "it_IT"), 5),
    (Herkomst("0077", "6037", "es_ES"), 5), (Herkomst("0074", "7047", "ro_RO"), 5),
    (Herkomst("0057", "5002", "fr_FR"), 4), (Herkomst("0073", "7050", "pt_PT"), 3),
    (Herkomst("0223", "6014", "en_US", eu=False), 2),
])  # fmt: skip
# Where Dutch emigrants went: land (tabel 34) and the Faker locale of the address.
BESTEMMINGEN = Keuze([
    (("5010", "nl_BE"), 20), (("9089", "de_DE"), 18), (("6037", "es_ES"), 10), (("6039", "en_GB"), 10),
    (("6014", "en_US"), 9), (("5002", "fr_FR"), 8), (("5001", "en_CA"), 7), (("6016", "en_AU"), 7),
    (("5003", "de_CH"), 5), (("5013", "en_NZ"), 3),
])  # fmt: skip
RNI_DEELNEMERS = Keuze([("0101", 80), ("0601", 8), ("9999", 12)])  # tabel 60, in force in 2014

TRADITIONEEL_M: tuple[str, ...] = (
    "Johannes", "Cornelis", "Hendrik", "Jan", "Willem", "Pieter", "Gerrit", "Jacobus", "Adrianus", "Petrus",
    "Wilhelmus", "Antonius", "Gerardus", "Franciscus", "Theodorus", "Hendrikus", "Johan", "Dirk", "Klaas", "Arie",
    "Jacob", "Albert", "Bernardus", "Martinus", "Nicolaas", "Hermanus",
)  # fmt: skip
TRADITIONEEL_V: tuple[str, ...] = (
    "Maria", "Johanna", "Cornelia", "Wilhelmina", "Anna", "Elisabeth", "Hendrika", "Catharina", "Geertruida",
    "Adriana", "Petronella", "Jacoba", "Helena", "Margaretha", "Aaltje", "Grietje", "Neeltje", "Antonia", "Gerarda",
    "Theodora", "Francisca", "Alida", "Sophia", "Christina",
)  # fmt: skip
VOORVOEGSELS = (
    "van der", "van den", "van de", "van 't", "in 't", "op de", "uit de", "van", "de", "den", "ter", "ten", "te", "'t",
    "het",
)  # fmt: skip
ENKELE_NAAM = re.compile(r"^[A-Z][a-zà-ÿ']+(-[A-Z][a-zà-ÿ']+)?$")


def dag_tussen(rng: random.Random, vanaf: date, tot: date) -> date:
    """A day in ``[vanaf, tot]``; ``vanaf`` when the range is empty."""
    return date.fromordinal(rng.randint(vanaf.toordinal(), max(vanaf.toordinal(), tot.toordinal())))


def jaren_na(dag: date, jaren: float) -> date:
    """The day ``jaren`` years after ``dag`` (before it when negative), rounded to whole days."""
    return dag + timedelta(days=round(jaren * _JAAR))
