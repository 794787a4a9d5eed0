# SPDX-License-Identifier: EUPL-1.2
"""The draws behind the synthetic persons: names, birth dates and places, addresses, and the persons.

:class:`Bevolking` owns the one seeded :class:`random.Random` and the seeded Faker instances, and the
BSN (its own, or the numbers it is given), A-nummer and street generators; it draws names
(traditional Dutch first names, Faker's Dutch and foreign name pools), birth dates by the age
pyramid, places and addresses, and from those builds adults, children and their parents, couples
and their marriages or partnerships, and puts them on addresses. Every draw comes in a fixed order,
so a seed always gives the same persons (with the same numbers given, the same numbers).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from faker import Faker

from opengdi.registers.brp.seed.adressen import POSTCODELETTERS, Adres, Buitenland, Plaats, Straten, plaatsen
from opengdi.registers.brp.seed.bagadressen import BagAdressen
from opengdi.registers.brp.seed.keuzes import (
    AANTAL_VOORNAMEN_JONG,
    AANTAL_VOORNAMEN_OUD,
    ENKELE_NAAM,
    HERKOMSTEN,
    HUWELIJK_ZELFDE_GESLACHT,
    KANS_BUITENLANDS,
    KANS_EUROPEES_KIESRECHT,
    KANS_GEHEIM,
    KANS_VERHUISD,
    LEEFTIJDEN,
    NAAMGEBRUIK,
    NEDERLAND,
    NEDERLANDSE,
    PARTNERSCHAP,
    PEILDATUM,
    TRADITIONEEL_M,
    TRADITIONEEL_V,
    VERBINTENIS,
    VOORVOEGSELS,
    Herkomst,
    dag_tussen,
    jaren_na,
)
from opengdi.registers.brp.seed.mensen import Bewoning, Mens, Persoon, Verbintenis
from opengdi.registers.brp.seed.nummers import a_nummers, burgerservicenummers, gereserveerde_nummers


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
        voorvoegsel = next((item for item in VOORVOEGSELS if naam.startswith(f"{item} ")), "")
        rest = naam[len(voorvoegsel) + 1 :] if voorvoegsel else naam
        if ENKELE_NAAM.match(rest):
            achternamen.append((voorvoegsel, rest))
    straatnamen = tuple(sorted({naam for voorvoegsel, naam in achternamen if not voorvoegsel}))
    return _Namen(tuple(provider.first_names_male), tuple(provider.first_names_female), tuple(achternamen), straatnamen)


def _toegestaan(soort: str, datum: date, zelfde_geslacht: bool) -> str:
    """``soort`` as the law allowed it on ``datum``: partnership from 1998, same-sex marriage from April 2001."""
    if soort == "P" and datum < PARTNERSCHAP:
        soort = "H"
    if zelfde_geslacht and soort == "H" and datum < HUWELIJK_ZELFDE_GESLACHT:
        soort = "P"
    return "" if soort == "P" and datum < PARTNERSCHAP else soort


class Bevolking:
    """Draws persons and where they live; every draw comes from one seeded generator, in a fixed order."""

    def __init__(self, seed: int, bsns: Iterator[str] | None = None, adressen: BagAdressen | None = None) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.faker = Faker("nl_NL")
        self.faker.seed_instance(seed)
        self.namen = _namen(self.faker)
        self.buitenlands: dict[str, Any] = {}
        gereserveerd = gereserveerde_nummers()
        self.bsns = bsns if bsns is not None else burgerservicenummers(seed, gereserveerd)
        self.anummers = a_nummers(seed, gereserveerd)
        self.bag = adressen
        self.plaatsen = adressen.plaatsen() if adressen is not None else plaatsen()
        self.straten: dict[str, Straten] = {}

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

    def plaats(self) -> Plaats:
        return self.plaatsen(self.rng)

    def adres(self, plaats: Plaats) -> Adres:
        if self.bag is not None:
            return self.bag.adres(plaats)
        straten = self.straten.get(plaats.code)
        if straten is None:
            straten = self.straten[plaats.code] = Straten(plaats, self.seed, self.namen.straatnamen)
        return straten.adres(self.rng)

    def buitenland(self, land: str, locale: str) -> Buitenland:
        faker = self.locale(locale)
        return Buitenland(land, (faker.street_address()[:40], f"{faker.postcode()} {faker.city()}"[:50]))

    def akte(self, register: str) -> str:
        """An aktenummer: register (1 geboorte, 2 overlijden, 3 huwelijk, 5 partnerschap), letters, number."""
        rng = self.rng
        return f"{register}{rng.choice(POSTCODELETTERS)}{rng.choice(POSTCODELETTERS)}{rng.randrange(10000):04d}"

    def volwassen_geboortedatum(self, minimum: int = 18, maximum: int = 96) -> date:
        """A birth date by the adult age pyramid, age within ``[minimum, maximum]``."""
        while True:
            start, breedte = LEEFTIJDEN(self.rng)
            leeftijd = start + self.rng.random() * breedte
            if minimum <= leeftijd <= maximum:
                return jaren_na(PEILDATUM, -leeftijd)

    def herkomst(self) -> Herkomst | None:
        return HERKOMSTEN(self.rng) if self.rng.random() < KANS_BUITENLANDS else None

    def voornamen(self, geslacht: str, geboren: date, herkomst: Herkomst | None) -> str:
        rng = self.rng
        if herkomst is not None:
            faker = self.locale(herkomst.locale)
            return str(faker.first_name_male() if geslacht == "M" else faker.first_name_female())
        kans_oud = 0.9 if geboren.year < 1960 else 0.6 if geboren.year < 1980 else 0.25 if geboren.year < 1995 else 0.05
        if rng.random() < kans_oud:
            pool = TRADITIONEEL_M if geslacht == "M" else TRADITIONEEL_V
        else:
            pool = self.namen.mannen if geslacht == "M" else self.namen.vrouwen
        aantal = (AANTAL_VOORNAMEN_OUD if geboren.year < 1980 else AANTAL_VOORNAMEN_JONG)(rng)
        return " ".join(dict.fromkeys(rng.choice(pool) for _ in range(aantal)))

    def achternaam(self, herkomst: Herkomst | None) -> tuple[str, str]:
        if herkomst is not None:
            return "", str(self.locale(herkomst.locale).last_name())
        return self.rng.choice(self.namen.achternamen)

    def geboorteplaats(self, herkomst: Herkomst | None) -> tuple[str, str]:
        if herkomst is None:
            return self.plaats().code, NEDERLAND
        return str(self.locale(herkomst.locale).city())[:40], herkomst.land

    # people

    def ouder(self, geslacht: str, kind: date, naam: tuple[str, str] | None, herkomst: Herkomst | None) -> Persoon:
        """A parent outside the population (no BSN on record), 22 to 38 at the birth of ``kind``."""
        geboren = jaren_na(kind, -(22 + self.rng.random() * 16))
        voorvoegsel, geslachtsnaam = naam or self.achternaam(herkomst)
        plaats, land = self.geboorteplaats(herkomst)
        voornamen = self.voornamen(geslacht, geboren, herkomst)
        return Persoon(geslacht, voornamen, voorvoegsel, geslachtsnaam, geboren, plaats, land)

    def volwassene(self, geslacht: str, geboren: date, herkomst: Herkomst | None) -> Mens:
        """An adult whose parents are outside the population."""
        voorvoegsel, geslachtsnaam = self.achternaam(herkomst)
        plaats, land = self.geboorteplaats(herkomst)
        voornamen = self.voornamen(geslacht, geboren, herkomst)
        persoon = Persoon(
            geslacht, voornamen, voorvoegsel, geslachtsnaam, geboren, plaats, land, next(self.bsns), next(self.anummers)
        )
        vader = self.ouder("M", geboren, (voorvoegsel, geslachtsnaam), herkomst)
        moeder = self.ouder("V", geboren, None, herkomst)
        if herkomst is None:
            return self.afronden(Mens(persoon, NEDERLANDSE, (moeder, vader)))
        return self.afronden(Mens(persoon, herkomst.nationaliteit, (moeder, vader), eu=herkomst.eu))

    def kind(self, moeder: Mens, vader: Mens | None, geboren: date) -> Mens:
        """A child of ``moeder`` (and ``vader``), born in the Netherlands, named after the father."""
        naamgever = (vader or moeder).persoon
        geslacht = self.rng.choice("MV")
        persoon = Persoon(
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
            kind = Mens(persoon, NEDERLANDSE, (moeder.persoon, ouder2))
        else:
            kind = Mens(persoon, moeder.nationaliteit, (moeder.persoon, ouder2), eu=moeder.eu)
        for ouder in (moeder, vader):
            if ouder is not None:
                ouder.kinderen.append(kind)
        return self.afronden(kind)

    def afronden(self, mens: Mens) -> Mens:
        mens.geheim = self.rng.random() < KANS_GEHEIM
        if mens.persoon.geboorteland == NEDERLAND:
            mens.geboorteakte = self.akte("1")
        return mens

    def paar(self, vrouw_geboren: date, herkomst: Herkomst | None, minimum: int = 18) -> tuple[Mens, Mens]:
        """A woman born on ``vrouw_geboren`` and her partner, at least ``minimum`` now: a man, now and then a woman."""
        vrouw = self.volwassene("V", vrouw_geboren, herkomst)
        partner_geboren = min(jaren_na(vrouw_geboren, -self.rng.gauss(2.5, 3.5)), jaren_na(PEILDATUM, -minimum))
        if herkomst is not None and self.rng.random() < 0.4:
            herkomst = None  # a mixed couple
        geslacht = "M" if self.rng.random() < 0.97 else "V"
        return self.volwassene(geslacht, partner_geboren, herkomst), vrouw

    def verbinden(self, een: Mens, ander: Mens, datum: date, plaats: str, soort: str = "") -> Verbintenis | None:
        """Record a marriage or partnership on both sides; ``None`` for a couple living together."""
        zelfde_geslacht = een.persoon.geslacht == ander.persoon.geslacht
        soort = _toegestaan(soort or VERBINTENIS(self.rng), datum, zelfde_geslacht)
        if not soort:
            return None
        verbintenis = Verbintenis(een, ander, soort, datum, plaats, self.akte("3" if soort == "H" else "5"))
        for mens in (een, ander):
            mens.verbintenissen.append(verbintenis)
            if soort == "H" and mens.persoon.geslacht == "V" and mens.persoon.geboren.year < 1970:
                mens.naamgebruik = NAAMGEBRUIK(self.rng)
        return verbintenis

    def wonen(self, leden: Sequence[Mens], verhuizingen: Sequence[tuple[Adres, date]]) -> None:
        """Put ``leden`` on the addresses of ``verhuizingen`` (oldest first) from the day they lived there."""
        for lid in leden:
            for index, (adres, van) in enumerate(verhuizingen):
                tot = verhuizingen[index + 1][1] if index + 1 < len(verhuizingen) else None
                if tot is None or lid.persoon.geboren < tot:
                    lid.adressen.append(Bewoning(adres, max(van, lid.persoon.geboren)))
            if not lid.persoon.geboorteplaats:
                lid.persoon.geboorteplaats = lid.adressen[0].adres.gemeente
            meerderjarig = lid.persoon.geboren <= jaren_na(PEILDATUM, -18)
            if lid.eu and meerderjarig and self.rng.random() < KANS_EUROPEES_KIESRECHT:
                lid.kiesrecht = dag_tussen(
                    self.rng, max(lid.adressen[0].van, jaren_na(lid.persoon.geboren, 18)), PEILDATUM
                )

    def huisvesten(self, leden: Sequence[Mens], van: date, kans: float = KANS_VERHUISD) -> None:
        """Give a household an address from ``van``, now and then after an older one."""
        plaats = self.plaats()
        verhuizingen = [(self.adres(plaats), van)]
        if self.rng.random() < kans and (PEILDATUM - van).days > 400:
            if self.rng.random() < 0.4:
                plaats = self.plaats()
            verhuizingen.append((self.adres(plaats), dag_tussen(self.rng, van + timedelta(days=200), PEILDATUM)))
        self.wonen(leden, verhuizingen)

    @staticmethod
    def vestigen(leden: Sequence[Mens], datum: date) -> None:
        """Record the immigration of those born abroad on ``datum``."""
        for lid in leden:
            if lid.persoon.geboorteland != NEDERLAND:
                lid.vestiging = (lid.persoon.geboorteland, datum)

    def start(self, *volwassenen: Mens, leeftijd: float = 18) -> date:
        """When adults started to live on their own or together: after the youngest turned ``leeftijd``."""
        vroegst = min(jaren_na(max(mens.persoon.geboren for mens in volwassenen), leeftijd), PEILDATUM)
        return dag_tussen(self.rng, vroegst, min(PEILDATUM, jaren_na(vroegst, 12)))

    def kinderen(self, ouders: tuple[Mens, Mens], vanaf: date, tot: date, aantal: int) -> list[Mens]:
        """Up to ``aantal`` children: the first when the mother was about 30, then one every 1.5 to 4 years.

        Only those born in ``[vanaf, tot]``, while both parents were adult and the mother at most 45, and
        at most 22 years old now (older ones have left home) are kept.
        """
        vader, moeder = ouders
        vanaf = max(
            vanaf, jaren_na(moeder.persoon.geboren, 18), jaren_na(vader.persoon.geboren, 18), jaren_na(PEILDATUM, -22)
        )
        tot = min(tot, jaren_na(moeder.persoon.geboren, 45), PEILDATUM)
        dag = jaren_na(moeder.persoon.geboren, self.rng.gauss(29.5, 4.5))
        data = []
        for _ in range(aantal):
            if vanaf <= dag <= tot:
                data.append(dag)
            dag = jaren_na(dag, 1.5 + self.rng.random() * 2.5)
        echte_vader = vader if vader.persoon.geslacht == "M" else None
        return [self.kind(moeder, echte_vader, dag) for dag in data]
