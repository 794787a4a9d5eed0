# SPDX-License-Identifier: EUPL-1.2
"""Synthetic companies for a generated country (``gdi genereren nhr``): plain data, no framework.

Each municipality gets companies in proportion to the addresses the BAG holds there
(:func:`verdeel`). A company works from a verblijfsobject without a woonfunctie (a shop, an office,
a workshop, … each used by one company at most) with an activity that fits its gebruiksdoel — a
supermarket in a winkelfunctie, a huisartsenpraktijk in a gezondheidszorgfunctie — or, when the
municipality has none left or the owner works from home, from its owner's home address with an
activity one can do there (software, advice, a hairdresser's). Eenmanszaken are owned by grown-up
inhabitants of the BRP (by burgerservicenummer, with their name); besloten vennootschappen have a
RSIN the BSN-beheervoorziening issued, one or two bestuurders from the BRP, sometimes a
gevolmachtigde, an earlier bestuurder whose function ended (the history), and sometimes a
nevenvestiging. A few companies ended. Everything follows from the startwaarde and the municipality,
so the same startwaarde gives the same companies.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.personenvoorziening import Ingezetene
from opengdi.registers.nhr.domein import BEZOEKADRES, Bedrijf, Functionaris, Onderneming, Vestiging

#: The generated KvK-nummers and vestigingsnummers begin here (the KvK test companies lie outside).
KVK_BEGIN = 50_000_000
KVK_EINDE = 60_000_000
VESTIGING_BEGIN = 500_000_000
#: The series of the BSN-beheervoorziening the RSINs of generated rechtspersonen come from.
RSIN_KENMERK = "genereren-nhr-rsin"
#: The gebruiksdoel of a home address.
THUIS = "woonfunctie"
EENMANSZAAK = "Eenmanszaak"
BV = "BeslotenVennootschap"


@dataclass(frozen=True, slots=True)
class Activiteit:
    """An SBI 2008 activity and the word a handelsnaam for it ends in."""

    sbi_code: str
    omschrijving: str
    woord: str


def _a(code: str, omschrijving: str, woord: str) -> Activiteit:
    return Activiteit(code, omschrijving, woord)


_SOFTWARE = _a("6201", "Ontwikkelen, produceren en uitgeven van software", "Software")
_ADVIES = _a("7022", "Organisatie-adviesbureaus", "Advies")
_BOUW = _a("4120", "Algemene burgerlijke en utiliteitsbouw", "Bouw")
_VERHUUR = _a("6820", "Verhuur van overig onroerend goed", "Vastgoed")
#: Per gebruiksdoel of the BAG, the activities a company there may have.
ACTIVITEITEN: Mapping[str, tuple[Activiteit, ...]] = {
    "winkelfunctie": (
        _a("4711", "Supermarkten", "Supermarkt"),
        _a("4724", "Winkels in brood en banket", "Bakkerij"),
        _a("4771", "Winkels in kleding en mode-artikelen", "Mode"),
        _a("4776", "Winkels in bloemen, planten, zaden en tuinbenodigdheden", "Bloemen"),
    ),
    "kantoorfunctie": (
        _SOFTWARE,
        _ADVIES,
        _a("6920", "Accountants, administratie- en belastingadviesbureaus", "Administratie"),
        _a("6831", "Bemiddeling bij handel, huur en verhuur van onroerend goed", "Makelaardij"),
    ),
    "bijeenkomstfunctie": (_a("5610", "Restaurants", "Restaurant"), _a("5630", "Cafés", "Café")),
    "industriefunctie": (
        _a("2562", "Algemene metaalbewerking", "Metaal"),
        _BOUW,
        _a("4941", "Goederenvervoer over de weg (geen verhuizingen)", "Transport"),
    ),
    "gezondheidszorgfunctie": (
        _a("8621", "Huisartsenpraktijken", "Huisartsenpraktijk"),
        _a("8623", "Tandartspraktijken", "Tandartspraktijk"),
    ),
    "onderwijsfunctie": (_a("8559", "Overig onderwijs", "Opleidingen"),),
    "logiesfunctie": (_a("5510", "Hotels", "Hotel"),),
    "sportfunctie": (_a("9311", "Exploitatie van sportaccommodaties", "Sport"),),
    THUIS: (
        _SOFTWARE,
        _ADVIES,
        _BOUW,
        _a("9602", "Haar- en schoonheidsverzorging", "Haarmode"),
        _a("7420", "Fotografie", "Fotografie"),
        _a("9003", "Schrijven en overige scheppende kunst", "Atelier"),
    ),
}
_HOLDING = _a("6420", "Financiële holdings", "Holding")
_EERSTE_AANVANG = date(1985, 1, 1)


def verdeel(totaal: int, gewichten: Mapping[str, int]) -> dict[str, int]:
    """``totaal`` spread over the keys of ``gewichten`` in proportion (largest remainder), by key."""
    som = sum(gewichten.values())
    if som == 0:
        return dict.fromkeys(gewichten, 0)
    exact = {key: totaal * gewicht / som for key, gewicht in gewichten.items()}
    found = {key: int(value) for key, value in exact.items()}
    rest = sorted(gewichten, key=lambda key: (found[key] - exact[key], key))[: totaal - sum(found.values())]
    for key in rest:
        found[key] += 1
    return found


@dataclass(slots=True)
class Gemeente:
    """What the generator takes of one municipality: its grown-up inhabitants (from the BRP) and its
    free work addresses per gebruiksdoel (from the BAG), each used once."""

    code: str
    inwoners: Sequence[Ingezetene]
    werkadressen: dict[str, list[BagAdres]] = field(default_factory=dict)

    def werkadres(self, rng: random.Random) -> tuple[str, BagAdres] | None:
        """A free work address and its gebruiksdoel (taken), if any is left."""
        doelen = sorted(doel for doel, adressen in self.werkadressen.items() if adressen)
        if not doelen:
            return None
        doel = rng.choice(doelen)
        return doel, self.werkadressen[doel].pop()


@dataclass(slots=True)
class Nummers:
    """The next free positions of the generated numbers (KvK-nummers, vestigingsnummers, the RSIN
    series), and the RSINs issued for the municipality at hand."""

    kvk: int
    vestiging: int
    rsin: int
    rsins: Iterator[str]

    def kvk_nummer(self) -> str:
        self.kvk += 1
        return f"{KVK_BEGIN + self.kvk:08d}"

    def vestigingsnummer(self) -> str:
        self.vestiging += 1
        return f"{VESTIGING_BEGIN + self.vestiging:012d}"


def soorten(rng: random.Random, bedrijven: int) -> list[bool]:
    """For each of ``bedrijven`` companies, whether it is a besloten vennootschap (about one in three)."""
    return [rng.random() < 0.35 for _ in range(bedrijven)]


def bedrijven(
    gemeente: Gemeente, soorten: Sequence[bool], nummers: Nummers, rng: random.Random, peildatum: date
) -> list[Bedrijf]:
    """The companies of ``gemeente`` (which has grown-up inhabitants): one per entry of ``soorten``
    (``True``: a BV, taking its RSIN from ``nummers``)."""
    return [_bedrijf(gemeente, bv, nummers, rng, peildatum) for bv in soorten]


def _bedrijf(gemeente: Gemeente, bv: bool, nummers: Nummers, rng: random.Random, peildatum: date) -> Bedrijf:
    eigenaar = rng.choice(gemeente.inwoners)
    plek = gemeente.werkadres(rng) if rng.random() < 0.6 else None
    doel, adres = plek if plek is not None else (THUIS, eigenaar.adres)
    activiteit = _HOLDING if bv and plek is None else rng.choice(ACTIVITEITEN.get(doel, (_VERHUUR,)))
    naam = f"{eigenaar.achternaam[:1].upper()}{eigenaar.achternaam[1:]} {activiteit.woord}"
    naam += " B.V." if bv else ""
    kvk_nummer = nummers.kvk_nummer()
    aanvang = _EERSTE_AANVANG + timedelta(days=rng.randrange((peildatum - _EERSTE_AANVANG).days - 30))
    einde = peildatum - timedelta(days=rng.randrange(1, 365)) if rng.random() < 0.03 else None
    werkzaam = 1 if plek is None else rng.choice((1, 2, 3, 5, 8, 12, 20, 45) if bv else (1, 1, 2, 3))
    periode = _periode(aanvang, einde)
    gegevens: dict[str, Any] = {
        "kvkNummer": kvk_nummer,
        "naam": naam,
        "rechtsvorm": BV if bv else EENMANSZAAK,
        "uitgebreideRechtsvorm": "Besloten Vennootschap" if bv else EENMANSZAAK,
        "indNonMailing": "Nee",
        **periode,
        "totaalWerkzamePersonen": werkzaam,
        "handelsnamen": [naam],
        "sbiActiviteiten": [
            {"sbiCode": activiteit.sbi_code, "sbiOmschrijving": activiteit.omschrijving, "indHoofdactiviteit": "Ja"}
        ],
    }
    if bv:
        gegevens |= {"rsin": next(nummers.rsins), "statutaireNaam": naam}
    else:
        gegevens["eigenaarNaam"] = eigenaar.naam
    vestigingen = [_vestiging(nummers, kvk_nummer, naam, adres, periode, hoofd=True, werkzaam=werkzaam)]
    if bv and plek is not None and rng.random() < 0.15 and (tweede := gemeente.werkadres(rng)) is not None:
        vestigingen.append(_vestiging(nummers, kvk_nummer, naam, tweede[1], periode, hoofd=False, werkzaam=1))
    onderneming = Onderneming(kvk_nummer, gegevens, None if bv else eigenaar.bsn)
    functionarissen = _functionarissen(gemeente, kvk_nummer, eigenaar, (aanvang, peildatum), rng) if bv else ()
    return Bedrijf(onderneming, tuple(vestigingen), functionarissen)


def _periode(aanvang: date, einde: date | None) -> dict[str, Any]:
    registratie = {"datumAanvang": aanvang.strftime("%Y%m%d")}
    if einde is not None:
        registratie["datumEinde"] = einde.strftime("%Y%m%d")
    return {
        "formeleRegistratiedatum": (aanvang + timedelta(days=14)).strftime("%Y%m%d"),
        "materieleRegistratie": registratie,
    }


def _vestiging(
    nummers: Nummers,
    kvk_nummer: str,
    naam: str,
    adres: BagAdres,
    periode: Mapping[str, Any],
    *,
    hoofd: bool,
    werkzaam: int,
) -> Vestiging:
    nummer = nummers.vestigingsnummer()
    bezoekadres = {
        "type": BEZOEKADRES,
        "straatnaam": adres.openbare_ruimte,
        "huisnummer": adres.huisnummer,
        "huisletter": adres.huisletter or None,
        "huisnummerToevoeging": adres.toevoeging or None,
        "postcode": adres.postcode or None,
        "plaats": adres.woonplaats,
        "geoData": _geodata(adres),
    }
    gegevens = {
        "vestigingsnummer": nummer,
        "indHoofdvestiging": "Ja" if hoofd else "Nee",
        "indCommercieleVestiging": "Ja",
        **periode,
        "voltijdWerkzamePersonen": werkzaam,
        "deeltijdWerkzamePersonen": 0,
        "totaalWerkzamePersonen": werkzaam,
        "handelsnamen": [naam],
        "adressen": [{key: value for key, value in bezoekadres.items() if value is not None}],
    }
    return Vestiging(nummer, kvk_nummer, gegevens, adres.nummeraanduiding or None, adres.adresseerbaar_object)


def _geodata(adres: BagAdres) -> dict[str, Any]:
    """The KvK's ``geoData`` of an address: its BAG identifications and, where the BAG gave one, its point."""
    found: dict[str, Any] = {"addresseerbaarObjectId": adres.adresseerbaar_object}
    if adres.nummeraanduiding:
        found["nummerAanduidingId"] = adres.nummeraanduiding
    if adres.rd is not None and adres.etrs89 is not None:
        found |= {"gpsLatitude": round(adres.etrs89[0], 7), "gpsLongitude": round(adres.etrs89[1], 7)}
        found |= {"rijksdriehoekX": adres.rd[0], "rijksdriehoekY": adres.rd[1]}
    return found


def _functionarissen(
    gemeente: Gemeente, kvk_nummer: str, bestuurder: Ingezetene, periode: tuple[date, date], rng: random.Random
) -> tuple[Functionaris, ...]:
    """The bestuurder (``bestuurder``, alone or with a second one), sometimes a gevolmachtigde, and
    sometimes an earlier bestuurder whose function ended before ``periode`` (the company's start
    and the peildatum) did."""
    aanvang, peildatum = periode
    tweede = rng.random() < 0.3
    bevoegdheid = "gezamenlijk" if tweede else "zelfstandig"
    rollen: list[tuple[str, str, str, str | None]] = [("bestuurders", "bestuurder", "Directeur", bevoegdheid)]
    rollen += [("bestuurders", "bestuurder", "Directeur", bevoegdheid)] if tweede else []
    rollen += [("gemachtigde", "gevolmachtigde", "Procuratiehouder", None)] if rng.random() < 0.2 else []
    personen = [bestuurder, *(rng.choice(gemeente.inwoners) for _ in rollen[1:])]
    begin = aanvang.isoformat()
    found = []
    for volgnummer, ((groep, functie, titel, bevoegd), persoon) in enumerate(zip(rollen, personen, strict=True), 1):
        gegevens: dict[str, Any] = {"functietitel": titel}
        if bevoegd is not None:
            gegevens |= {"bevoegdheid": bevoegd, "indicatieStatutair": True}
            gegevens["indicatieBevoegdMetAnderePersonen"] = bevoegd == "gezamenlijk"
        else:
            gegevens["volmacht"] = {"typeVolmacht": "beperkt", "beperkingInGeld": {"som": 25000, "valuta": "EUR"}}
        found.append(
            Functionaris(kvk_nummer, volgnummer, groep, functie, persoon.naam, gegevens, persoon.bsn, None, begin)
        )
    if rng.random() < 0.1:
        vorige = rng.choice(gemeente.inwoners)
        einde = aanvang + timedelta(days=rng.randrange(30, 3650))
        gegevens = {"functietitel": "Directeur", "bevoegdheid": "zelfstandig", "indicatieStatutair": True}
        found.append(
            Functionaris(
                kvk_nummer,
                len(found) + 1,
                "bestuurders",
                "bestuurder",
                vorige.naam,
                gegevens,
                vorige.bsn,
                None,
                begin,
                min(einde, peildatum).isoformat(),
            )
        )
    return tuple(found)
