# SPDX-License-Identifier: EUPL-1.2
"""The households of the synthetic population, one at a time.

:class:`Huishoudens` builds on the draws of :class:`~opengdi.registers.brp.seed.bevolking.Bevolking`:
a kind of household is drawn by its share (living alone, a couple, a family, a divorced couple, a
widow or widower, someone who died, emigrants, a foreigner registered in the RNI only) and built
whole, everybody in it consistent with each other and on the same address.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from opengdi.registers.brp.seed.bevolking import Bevolking
from opengdi.registers.brp.seed.keuzes import (
    BESTEMMINGEN,
    GBA_START,
    HERKOMSTEN,
    HUISHOUDENS,
    KINDEREN_GESCHEIDEN,
    KINDEREN_GEZIN,
    PEILDATUM,
    RNI_DEELNEMERS,
    RNI_START,
    dag_tussen,
    jaren_na,
)
from opengdi.registers.brp.seed.mensen import Mens


class Huishoudens(Bevolking):
    """Builds whole households of the population; the kind of household drawn by its share."""

    def alleen(self, _ruimte: int) -> list[Mens]:
        mens = self.volwassene(self.rng.choice("MV"), self.volwassen_geboortedatum(), self.herkomst())
        van = self.start(mens)
        self.vestigen([mens], van)
        self.huisvesten([mens], van)
        return [mens]

    def stel(self, _ruimte: int) -> list[Mens]:
        een, ander = self.paar(self.volwassen_geboortedatum(self.rng.choice((20, 50))), self.herkomst())
        van = self.start(een, ander, leeftijd=20)
        self.vestigen([een, ander], van)
        self.verbinden(een, ander, dag_tussen(self.rng, van, min(PEILDATUM, jaren_na(van, 6))), self.plaats().code)
        self.huisvesten([een, ander], van)
        return [een, ander]

    def gezin(self, ruimte: int) -> list[Mens]:
        vader, moeder = self.paar(jaren_na(PEILDATUM, -(25 + self.rng.random() * 28)), self.herkomst())
        van = self.start(vader, moeder, leeftijd=19)
        kinderen = self.kinderen((vader, moeder), date.min, PEILDATUM, min(ruimte - 2, KINDEREN_GEZIN(self.rng)))
        if kinderen:
            van = min(van, kinderen[0].persoon.geboren)
        self.vestigen([vader, moeder], van)
        self.verbinden(vader, moeder, dag_tussen(self.rng, van, min(PEILDATUM, jaren_na(van, 5))), self.plaats().code)
        self.huisvesten([vader, moeder, *kinderen], van)
        return [vader, moeder, *kinderen]

    def gescheiden(self, ruimte: int) -> list[Mens]:
        """A divorced couple: the mother and children stay, the father moves out."""
        vader, moeder = self.paar(jaren_na(PEILDATUM, -(27 + self.rng.random() * 38)), self.herkomst(), minimum=22)
        getrouwd = min(self.start(vader, moeder, leeftijd=20), PEILDATUM - timedelta(days=400))
        scheiding = dag_tussen(self.rng, jaren_na(getrouwd, 1), PEILDATUM)
        aantal = min(ruimte - 2, KINDEREN_GESCHEIDEN(self.rng))
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

    def weduwe(self, _ruimte: int) -> list[Mens]:
        """An elderly couple of whom one died after 1994; the survivor lives on at the address."""
        partner, vrouw = self.paar(self.volwassen_geboortedatum(55), None)
        getrouwd = self.start(partner, vrouw, leeftijd=21)
        overledene, nabestaande = (partner, vrouw) if self.rng.random() < 0.7 else (vrouw, partner)
        if jaren_na(overledene.persoon.geboren, 51) > PEILDATUM:  # too young to die here: the other one did
            overledene, nabestaande = nabestaande, overledene
        vroegst = max(GBA_START, jaren_na(getrouwd, 1), jaren_na(overledene.persoon.geboren, 50))
        sterfdag = dag_tussen(self.rng, min(vroegst, PEILDATUM), PEILDATUM)
        plaats = self.plaats()
        verbintenis = self.verbinden(partner, vrouw, getrouwd, plaats.code, soort="H")
        self.huisvesten([partner, vrouw], dag_tussen(self.rng, getrouwd, sterfdag - timedelta(days=30)), kans=0.0)
        gemeente = overledene.adressen[-1].adres.gemeente
        overledene.overleden = (sterfdag, gemeente, self.akte("2"))
        if verbintenis is not None:
            verbintenis.einde, verbintenis.reden, verbintenis.eindplaats = sterfdag, "O", gemeente
        return [nabestaande, overledene]

    def overleden(self, _ruimte: int) -> list[Mens]:
        """A person living alone who died after 1994, aged 55 to 100."""
        mens = self.volwassene(self.rng.choice("MV"), jaren_na(PEILDATUM, -(58 + self.rng.random() * 45)), None)
        geboren = mens.persoon.geboren
        sterfdag = dag_tussen(self.rng, max(GBA_START, jaren_na(geboren, 55)), min(PEILDATUM, jaren_na(geboren, 100)))
        self.huisvesten([mens], dag_tussen(self.rng, jaren_na(geboren, 25), sterfdag - timedelta(days=30)), kans=0.0)
        mens.overleden = (sterfdag, mens.adressen[-1].adres.gemeente, self.akte("2"))
        return [mens]

    def emigratie(self, ruimte: int) -> list[Mens]:
        """A person or couple that left the country after 1994 (foreigners go back to where they came from)."""
        leden = self.stel(ruimte) if ruimte > 1 and self.rng.random() < 0.4 else self.alleen(ruimte)
        laatste = max(lid.adressen[-1].van for lid in leden)
        vertrek = dag_tussen(self.rng, min(max(laatste + timedelta(days=60), GBA_START), PEILDATUM), PEILDATUM)
        buitenlander = next((lid for lid in leden if lid.vestiging is not None), None)
        if buitenlander is not None:
            herkomst = next(item for item in HERKOMSTEN.items if item.nationaliteit == buitenlander.nationaliteit)
            land, locale = herkomst.land, herkomst.locale
        else:
            land, locale = BESTEMMINGEN(self.rng)
        adres = self.buitenland(land, locale)
        for lid in leden:
            lid.vertrek = (max(vertrek, lid.adressen[-1].van), adres)
            lid.kiesrecht = None
        return leden

    def rni(self, _ruimte: int) -> list[Mens]:
        """A foreigner living abroad, registered in the RNI (since January 2014)."""
        herkomst = HERKOMSTEN(self.rng)
        mens = self.volwassene(self.rng.choice("MV"), self.volwassen_geboortedatum(20, 75), herkomst)
        datum = dag_tussen(self.rng, RNI_START, PEILDATUM)
        mens.rni = (datum, self.buitenland(herkomst.land, herkomst.locale), RNI_DEELNEMERS(self.rng))
        return [mens]

    def huishouden(self, ruimte: int) -> list[Mens]:
        """One household of at most ``ruimte`` persons."""
        soort = HUISHOUDENS(self.rng)
        if ruimte < 2 and soort in ("stel", "gescheiden", "weduwe"):
            soort = "alleen"
        if ruimte < 3 and soort == "gezin":
            soort = "stel" if ruimte == 2 else "alleen"
        bouwer: Callable[[int], list[Mens]] = getattr(self, soort)
        return bouwer(ruimte)
