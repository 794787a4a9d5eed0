# SPDX-License-Identifier: EUPL-1.2
"""The synthetic persons as persoonslijsten, and :func:`generate_population`, the batches of them.

Each person is rendered the way the GBA keeps them: categories in order, stapels numbered from 1,
the current voorkomen first; couples on both lists (05, with the ontbinding on top of the sluiting),
parents in 02/03 and children in 09, death (06), the opschorting in 07, the addresses and any stay
abroad or RNI registration in 08, European voting rights in 13. :func:`generate_population` streams
the households as batches of persoonslijsten, so a large population never sits in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache

from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen
from opengdi.registers.brp.seed.adressen import Buitenland
from opengdi.registers.brp.seed.bagadressen import BagAdressen
from opengdi.registers.brp.seed.huishoudens import Huishoudens
from opengdi.registers.brp.seed.keuzes import (
    GBA_START,
    KINDEREN_GESCHEIDEN,
    KINDEREN_GEZIN,
    NEDERLAND,
    NEDERLANDSE,
    PEILDATUM,
    RNI_GEMEENTE,
    RNI_START,
    jaren_na,
)
from opengdi.registers.brp.seed.mensen import Bewoning, Mens, Persoon, Verbintenis
from opengdi.registers.brp.seed.nummers import MAX_PERSONEN

Elementen = dict[str, str]
#: The most persons one household holds (two adults and the most children drawn).
GROOTSTE_HUISHOUDEN = 2 + max(*KINDEREN_GEZIN.items, *KINDEREN_GESCHEIDEN.items)


@cache
def _d(dag: date) -> str:
    return f"{dag.year:04d}{dag.month:02d}{dag.day:02d}"


@cache
def _opneming(dag: date) -> str:
    """Datum van opneming (86.10): the event, or the start of the GBA for what was converted."""
    return _d(max(dag, GBA_START))


def _ingang(mens: Mens) -> date:
    """When the person's data started to count here: birth, immigration or RNI registration."""
    if mens.rni is not None:
        return mens.rni[0]
    return mens.vestiging[1] if mens.vestiging is not None else mens.persoon.geboren


def _identiteit(persoon: Persoon, geslacht: bool = True) -> Elementen:
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


def _persoon(mens: Mens) -> Voorkomen:
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


def _ouder(categorie: str, mens: Mens, ouder: Persoon) -> list[Voorkomen]:
    geboren = _d(mens.persoon.geboren)
    elementen = _identiteit(ouder)
    elementen.update({"62.10": geboren, "85.10": geboren, "86.10": _opneming(_ingang(mens))})
    return [Voorkomen(categorie, 1, 0, elementen)]


def _nationaliteit(mens: Mens) -> list[Voorkomen]:
    # vaststelling bezit vreemde nationaliteit; WNb 1892 art. 1a; RWN art. 3 lid 1
    reden = "301" if mens.nationaliteit != NEDERLANDSE else "001" if mens.persoon.geboren.year < 1985 else "017"
    ingang = _ingang(mens)
    elementen = {"05.10": mens.nationaliteit, "63.10": reden, "85.10": _d(ingang), "86.10": _opneming(ingang)}
    return [Voorkomen("04", 1, 0, elementen)]


def _einde(mens: Mens, verbintenis: Verbintenis) -> date | None:
    """The dissolution as ``mens``'s own list records it (not on the list of the partner who died)."""
    if verbintenis.reden == "O" and mens.overleden is not None and mens.overleden[0] == verbintenis.einde:
        return None
    return verbintenis.einde


def _verbintenis(mens: Mens, stapel: int, verbintenis: Verbintenis) -> list[Voorkomen]:
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


def _overlijden(mens: Mens) -> list[Voorkomen]:
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


def _opschorting(mens: Mens) -> tuple[date, str] | None:
    if mens.overleden is not None:
        return mens.overleden[0], "O"
    if mens.vertrek is not None:
        return mens.vertrek[0], "E"
    return (mens.rni[0], "R") if mens.rni is not None else None


def _inschrijving(mens: Mens) -> list[Voorkomen]:
    elementen = {"68.10": _d(max(GBA_START, _ingang(mens)))}
    opschorting = _opschorting(mens)
    if opschorting is not None:
        elementen["67.10"], elementen["67.20"] = _d(opschorting[0]), opschorting[1]
        if mens.adressen:
            elementen["69.10"] = mens.adressen[-1].adres.gemeente
    elementen["70.10"] = "7" if mens.geheim else "0"
    return [Voorkomen("07", 1, 0, elementen)]


def _adres(mens: Mens, bewoning: Bewoning, ingeschreven: date) -> Elementen:
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
    if adres.postcode:
        elementen["11.60"] = adres.postcode
    elementen["11.70"] = adres.woonplaats
    elementen["11.80"] = adres.adresseerbaar_object
    elementen["11.90"] = adres.nummeraanduiding
    if mens.vestiging is not None:
        elementen["14.10"], elementen["14.20"] = mens.vestiging[0], _d(mens.vestiging[1])
    elementen["72.10"] = "I" if bewoning.van >= jaren_na(mens.persoon.geboren, 16) else "G"
    elementen["85.10"] = van
    elementen["86.10"] = _opneming(bewoning.van)
    return elementen


def _buitenland(dag: date, adres: Buitenland, gemeente: str, deelnemer: str = "") -> Elementen:
    elementen = {"09.10": gemeente, "09.20": _d(dag), "13.10": adres.land, "13.20": _d(dag)}
    for code, regel in zip(("13.30", "13.40", "13.50"), adres.regels, strict=False):
        elementen[code] = regel
    elementen["85.10"] = elementen["86.10"] = _d(dag)
    if deelnemer:
        elementen["88.10"] = deelnemer
    return elementen


def _verblijf(mens: Mens) -> list[Voorkomen]:
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


def _kind(stapel: int, kind: Mens) -> Voorkomen:
    elementen = _identiteit(kind.persoon, geslacht=False)
    elementen["85.10"] = _d(kind.persoon.geboren)
    elementen["86.10"] = _opneming(kind.persoon.geboren)
    return Voorkomen("09", stapel, 0, elementen)


def _kiesrecht(mens: Mens) -> list[Voorkomen]:
    if mens.kiesrecht is None:
        return []
    dag = _d(mens.kiesrecht)
    return [Voorkomen("13", 1, 0, {"31.10": "2", "31.20": dag, "85.10": dag, "86.10": dag})]


def _persoonslijst(mens: Mens) -> Persoonslijst:
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


def generate_population(
    persons: int,
    seed: int = 2014,
    batch_size: int = 5000,
    bsns: Iterator[str] | None = None,
    adressen: BagAdressen | None = None,
) -> Iterator[list[Persoonslijst]]:
    """Batches of synthetic persoonslijsten, exactly ``persons`` in total.

    Households are generated whole (the last one small enough to fit); a household may be split over
    two batches, which keeps both sides consistent because relations are recorded by BSN. Every
    person draws one BSN: from ``bsns`` when given (numbers issued by the BSN-beheervoorziening),
    otherwise from the generator's own seeded permutation of ``2xxxxxxxx``. Before yielding batch
    *k* the generator has drawn at most *k* × ``batch_size`` + :data:`GROOTSTE_HUISHOUDEN` numbers.
    """
    if not 0 <= persons <= MAX_PERSONEN:
        raise ValueError(f"Het aantal personen moet tussen 0 en {MAX_PERSONEN} liggen.")
    if batch_size < 1:
        raise ValueError("De batchgrootte moet minstens 1 zijn.")
    huishoudens = Huishoudens(seed, bsns, adressen)
    batch: list[Persoonslijst] = []
    ruimte = persons
    while ruimte > 0:
        huishouden = huishoudens.huishouden(ruimte)
        ruimte -= len(huishouden)
        for mens in huishouden:
            batch.append(_persoonslijst(mens))
            if len(batch) == batch_size:
                yield batch
                batch = []
    if batch:
        yield batch
