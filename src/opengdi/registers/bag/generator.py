# SPDX-License-Identifier: EUPL-1.2
"""A synthetic BAG for the whole country: every municipality of 2014, in proportion to its inhabitants.

Each of the 403 municipalities gets a square territory of its own inside the RD domain (laid out by
province, north to south), divided into woonplaatsen (the first named after the municipality),
each with streets (openbare ruimten with Dutch-looking names), and along each street panden with
rectangular footprints: mostly houses with one verblijfsobject, some blocks of flats with several
(one huisnummer, a toevoeging each), now and then a ligplaats or standplaats. Every adresseerbaar
object has a nummeraanduiding with a postcode: a postcode number (1011 upwards) per part of a
woonplaats, two letters per stretch of a street. Some verblijfsobjecten have a history (an earlier
voorkomen with another status), so that questions "as of" a date have something to find.

The same ``startwaarde`` and size give the same country. Nothing is stored here: :func:`land`
yields the voorkomens and :func:`gemeente_woonplaatsen` the relation, for :mod:`schrijver`.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from opengdi.kernel.referentiedata import Gemeente, gemeenten_2014
from opengdi.registers.bag.extract import GemeenteWoonplaats, Levering, Voorkomen
from opengdi.registers.bag.gml import bounding_box

#: Approximate RD centres of the provinces (CBS codes), for laying out the territories.
_PROVINCIES = {
    "PV20": (240_000, 580_000),
    "PV21": (170_000, 565_000),
    "PV22": (235_000, 540_000),
    "PV23": (225_000, 490_000),
    "PV24": (165_000, 500_000),
    "PV25": (190_000, 450_000),
    "PV26": (140_000, 455_000),
    "PV27": (120_000, 500_000),
    "PV28": (90_000, 445_000),
    "PV29": (45_000, 390_000),
    "PV30": (140_000, 395_000),
    "PV31": (190_000, 350_000),
}
_GRID_COLUMNS, _PITCH_X, _PITCH_Y = 20, 12_500.0, 14_000.0
_ORIGIN = (20_000.0, 610_000.0)  # north-west corner of the grid
_WOONPLAATS_ADRESSEN = 6_000  # addresses per extra woonplaats
_STRAAT_ADRESSEN = 45
_PC6_ADRESSEN = 18
_MAX_POSTCODES = 8_900  # postcode numbers 1011 … 9910
_STRAATSOORTEN = ("straat", "laan", "weg", "plein", "hof", "singel", "kade", "dreef", "pad", "erf")
_WOONPLAATSDELEN = ("Nieuw", "Oud", "Ooster", "Wester", "Noord", "Zuid", "Groot", "Klein", "Hoog", "Laag")
_WOONPLAATSEINDEN = ("broek", "dijk", "veen", "hout", "wolde", "horst", "dorp", "hoven", "rade", "zijl", "kerk")
_BOUWJAREN = ((1600, 1900, 3), (1900, 1945, 12), (1945, 1970, 20), (1970, 1990, 25), (1990, 2010, 25), (2010, 2014, 15))
_ANDERE_DOELEN = ("winkelfunctie", "kantoorfunctie", "bijeenkomstfunctie", "industriefunctie", "gezondheidszorgfunctie")


#: The stand of the generated country.
STANDDATUM = date(2014, 1, 1)


def levering() -> Levering:
    """The levering a generated country is: the whole country, at :data:`STANDDATUM`."""
    return Levering("9999", "Nederland", STANDDATUM.isoformat())


@dataclass(frozen=True, slots=True)
class Omvang:
    """How big a country to make: addresses in all, and the seed."""

    adressen: int
    startwaarde: int = 2014


class _Teller:
    """Consecutive numbers per key."""

    def __init__(self, start: int = 1) -> None:
        self.next: dict[str, int] = {}
        self.start = start

    def __call__(self, key: str) -> int:
        value = self.next.get(key, self.start)
        self.next[key] = value + 1
        return value


@cache
def _straatstammen() -> tuple[str, ...]:
    """The stems of street names (package data)."""
    text = files("opengdi.registers.bag").joinpath("data", "straatnamen.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _demo_identificaties() -> frozenset[str]:
    """The identifications of the demo persons' addresses (package data), which a generated country
    also holds (see :mod:`~opengdi.registers.bag.demo`) and so must not give to objects of its own."""
    with files("opengdi.registers.bag").joinpath("data", "demo-adressen.csv").open(encoding="utf-8") as handle:
        return frozenset(
            row[name] for row in csv.DictReader(handle) for name in ("adresseerbaarObject", "nummeraanduiding")
        )


@cache
def _territories() -> dict[str, tuple[float, float]]:
    """The south-west corner of every municipality's square, the grid filled province by province."""
    order = sorted(
        gemeenten_2014(), key=lambda g: (-_PROVINCIES[g.provinciecode][1], _PROVINCIES[g.provinciecode][0], g.cbs_code)
    )
    corners: dict[str, tuple[float, float]] = {}
    for index, gemeente in enumerate(order):
        row, column = divmod(index, _GRID_COLUMNS)
        corners[gemeente.gemeentecode] = (_ORIGIN[0] + column * _PITCH_X, _ORIGIN[1] - (row + 1) * _PITCH_Y)
    return corners


def territorium(gemeentecode: str) -> tuple[float, float]:
    """The south-west corner of the square a municipality of 2014 gets (the grid's first cell for
    another code)."""
    return _territories().get(gemeentecode, _ORIGIN)


def _adressen_per_gemeente(omvang: Omvang) -> dict[str, int]:
    gemeenten = gemeenten_2014()
    inwoners = sum(g.inwoners for g in gemeenten)
    return {g.gemeentecode: max(5, round(omvang.adressen * g.inwoners / inwoners)) for g in gemeenten}


def woonplaats_namen(gemeente: Gemeente, aantal: int, rng: random.Random) -> list[str]:
    """The names of a municipality's woonplaatsen: its own name first, then invented ones."""
    names = [gemeente.naam]
    while len(names) < aantal:
        name = f"{rng.choice(_WOONPLAATSDELEN)}{rng.choice(_WOONPLAATSEINDEN)}"
        if name not in names:
            names.append(name)
    return names


def _straatnamen(aantal: int, rng: random.Random) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < aantal:
        name = f"{rng.choice(_straatstammen())}{rng.choice(_STRAATSOORTEN)}"
        if len(seen) >= len(_straatstammen()) * len(_STRAATSOORTEN) // 2:
            name = f"{name} {len(names)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _rechthoek(x: float, y: float, breedte: float, diepte: float) -> dict[str, object]:
    ring = [[x, y], [x + breedte, y], [x + breedte, y + diepte], [x, y + diepte], [x, y]]
    return {"type": "Polygon", "coordinates": [[[round(a, 3), round(b, 3)] for a, b in ring]]}


def _bouwjaar(rng: random.Random) -> int:
    low, high, _weight = rng.choices(_BOUWJAREN, weights=[item[2] for item in _BOUWJAREN])[0]
    return rng.randrange(low, high)


@dataclass
class _Context:
    """What one municipality's generation shares: its code, the counters, the postcodes it takes."""

    gemeentecode: str
    rng: random.Random
    ids: _Teller
    postcodes: _Teller
    per_postcode: int
    moment: str = "2010-01-01"

    def identificatie(self, typecode: str) -> str:
        """The next identification of an object of ``typecode``, passing over those of the demo data."""
        while True:
            identificatie = f"{self.gemeentecode}{typecode}{self.ids(typecode):010d}"
            if identificatie not in _demo_identificaties():
                return identificatie


def _voorkomen(
    context: _Context, objecttype: str, identificatie: str, status: str, gegevens: dict[str, object], **extra: object
) -> Voorkomen:
    geometrie = extra.pop("geometrie", None)
    begin = str(extra.pop("begin", context.moment))
    return Voorkomen(
        objecttype=objecttype,
        identificatie=identificatie,
        voorkomenidentificatie=int(extra.pop("versie", 1)),  # type: ignore[call-overload]
        begin_geldigheid=begin,
        eind_geldigheid=extra.pop("eind", None),  # type: ignore[arg-type]
        tijdstip_registratie=f"{begin}T09:00:00.000",
        eind_registratie=extra.pop("eind_registratie", None),  # type: ignore[arg-type]
        tijdstip_inactief=None,
        tijdstip_registratie_lv=f"{begin}T09:05:00.000",
        tijdstip_eind_registratie_lv=extra.pop("eind_registratie_lv", None),  # type: ignore[arg-type]
        tijdstip_inactief_lv=None,
        tijdstip_niet_bag_lv=None,
        status=status,
        geconstateerd=False,
        documentdatum=begin,
        documentnummer=f"GEN{context.gemeentecode}-{identificatie[-6:]}",
        gegevens=gegevens,
        geometrie=geometrie,  # type: ignore[arg-type]
        bbox=bounding_box(geometrie) if geometrie else None,  # type: ignore[arg-type]
        relaties=tuple(extra.pop("relaties", ())),  # type: ignore[arg-type]
    )


def land(omvang: Omvang) -> Iterator[Voorkomen]:
    """Every voorkomen of the country, municipality by municipality."""
    corners = _territories()
    aantallen = _adressen_per_gemeente(omvang)
    per_postcode = max(1_200, math.ceil(omvang.adressen / _MAX_POSTCODES))
    postcodes = _Teller(1011)
    woonplaats_ids = _Teller(1001)
    for gemeente in gemeenten_2014():
        rng = random.Random(f"{omvang.startwaarde}-{gemeente.gemeentecode}")
        context = _Context(gemeente.gemeentecode, rng, _Teller(), postcodes, per_postcode)
        yield from _gemeente(
            context, gemeente, aantallen[gemeente.gemeentecode], corners[gemeente.gemeentecode], woonplaats_ids
        )


def gemeente_woonplaatsen(omvang: Omvang) -> list[GemeenteWoonplaats]:
    """The gemeente–woonplaats relation of the country :func:`land` makes with the same ``omvang``."""
    aantallen = _adressen_per_gemeente(omvang)
    number = 1001
    relaties: list[GemeenteWoonplaats] = []
    for gemeente in gemeenten_2014():
        for _ in range(_woonplaatsen(aantallen[gemeente.gemeentecode])):
            relaties.append(
                GemeenteWoonplaats(f"{number:04d}", gemeente.gemeentecode, "2010-01-01", None, "definitief")
            )
            number += 1
    return relaties


def _woonplaatsen(adressen: int) -> int:
    return min(12, 1 + adressen // _WOONPLAATS_ADRESSEN)


def _gemeente(
    context: _Context, gemeente: Gemeente, adressen: int, corner: tuple[float, float], woonplaats_ids: _Teller
) -> Iterator[Voorkomen]:
    size = min(9_000.0, max(1_500.0, math.sqrt(adressen) * 45))
    count = _woonplaatsen(adressen)
    names = woonplaats_namen(gemeente, count, context.rng)
    strip = size / count
    shares = [adressen // count + (1 if index < adressen % count else 0) for index in range(count)]
    for index, (name, share) in enumerate(zip(names, shares, strict=True)):
        identificatie = f"{woonplaats_ids('wpl'):04d}"
        x, y = corner[0] + index * strip, corner[1]
        yield _voorkomen(
            context,
            "WPL",
            identificatie,
            "Woonplaats aangewezen",
            {"naam": name},
            geometrie=_rechthoek(x, y, strip, size),
        )
        yield from _woonplaats(context, identificatie, share, (x, y, strip, size))


def _woonplaats(
    context: _Context, woonplaats: str, adressen: int, area: tuple[float, float, float, float]
) -> Iterator[Voorkomen]:
    x, y, width, height = area
    streets = max(1, adressen // _STRAAT_ADRESSEN)
    names = _straatnamen(streets, context.rng)
    per_street = [adressen // streets + (1 if index < adressen % streets else 0) for index in range(streets)]
    postcode = [context.postcodes("pc"), 0, 0]  # number, letter pair index, addresses in this postcode number
    for index, (name, share) in enumerate(zip(names, per_street, strict=True)):
        openbare_ruimte = context.identificatie("30")
        gegevens: dict[str, object] = {"naam": name, "type": "Weg", "ligtIn": woonplaats}
        if len(name) > 24:
            gegevens["verkorteNaam"] = name[:24]
        yield _voorkomen(
            context, "OPR", openbare_ruimte, "Naamgeving uitgegeven", gegevens, relaties=(("woonplaats", woonplaats),)
        )
        line_y = y + (index + 1) * height / (streets + 1)
        yield from _straat(context, openbare_ruimte, share, (x + 20, line_y, width - 40), postcode)


def _postcode(context: _Context, state: list[int]) -> str:
    """The postcode for the next address of a street; a new letter pair every few addresses."""
    if state[2] >= context.per_postcode:
        state[0], state[1], state[2] = context.postcodes("pc"), 0, 0
    state[2] += 1
    pair = state[1] // _PC6_ADRESSEN
    letters = f"{chr(65 + pair // 26 % 26)}{chr(65 + pair % 26)}"
    state[1] += 1
    return f"{min(state[0], 9999):04d}{letters}"


def _straat(
    context: _Context, openbare_ruimte: str, adressen: int, line: tuple[float, float, float], postcode: list[int]
) -> Iterator[Voorkomen]:
    rng = context.rng
    x0, y, length = line
    huisnummer, done, position = 1, 0, 0.0
    step = max(3.0, length / max(1, adressen))
    postcode[1] = (postcode[1] // _PC6_ADRESSEN + 1) * _PC6_ADRESSEN  # a street starts a new letter pair
    while done < adressen:
        side = 1 if huisnummer % 2 else -1
        x = x0 + position
        kind = rng.random()
        if kind < 0.0025:
            yield from _plaats(context, openbare_ruimte, huisnummer, (x, y + side * 12), _postcode(context, postcode))
            done += 1
        elif kind < 0.85 or adressen - done < 4:
            yield from _huis(context, openbare_ruimte, huisnummer, (x, y + side * 8), [_postcode(context, postcode)])
            done += 1
        else:
            units = min(adressen - done, rng.randrange(4, 17))
            codes = [_postcode(context, postcode) for _ in range(units)]
            yield from _flat(context, openbare_ruimte, huisnummer, (x, y + side * 8), codes)
            done += units
        huisnummer += 1
        position = min(length, position + step * (1 if kind < 0.85 else 3))


def _nummeraanduiding(
    context: _Context,
    openbare_ruimte: str,
    huisnummer: int,
    postcode: str,
    soort: str,
    *,
    toevoeging: str | None = None,
) -> Voorkomen:
    gegevens: dict[str, object] = {
        "huisnummer": huisnummer,
        "postcode": postcode,
        "typeAdresseerbaarObject": soort,
        "ligtAan": openbare_ruimte,
    }
    if toevoeging:
        gegevens["huisnummertoevoeging"] = toevoeging
    return _voorkomen(
        context,
        "NUM",
        context.identificatie("20"),
        "Naamgeving uitgegeven",
        gegevens,
        relaties=(("openbareRuimte", openbare_ruimte),),
    )


def _pand(context: _Context, at: tuple[float, float], width: float, depth: float) -> Voorkomen:
    bouwjaar = _bouwjaar(context.rng)
    return _voorkomen(
        context,
        "PND",
        context.identificatie("10"),
        "Pand in gebruik",
        {"oorspronkelijkBouwjaar": str(bouwjaar)},
        geometrie=_rechthoek(at[0], at[1], width, depth),
    )


def _verblijfsobject(
    context: _Context, adres: Voorkomen, pand: Voorkomen, point: tuple[float, float], flat: bool
) -> Iterator[Voorkomen]:
    rng = context.rng
    woning = rng.random() < 0.92
    doel = "woonfunctie" if woning else rng.choice(_ANDERE_DOELEN)
    oppervlakte = (
        rng.randrange(35, 111) if flat and woning else rng.randrange(40, 181) if woning else rng.randrange(50, 801)
    )
    identificatie = context.identificatie("01")
    gegevens: dict[str, object] = {
        "heeftAlsHoofdAdres": adres.identificatie,
        "gebruiksdoelen": [doel],
        "oppervlakte": oppervlakte,
        "maaktDeelUitVan": [pand.identificatie],
    }
    relaties = (("hoofdadres", adres.identificatie), ("pand", pand.identificatie))
    geometrie = {"type": "Point", "coordinates": [round(point[0], 3), round(point[1], 3)]}
    if rng.random() < 0.05:  # an earlier voorkomen: not yet measured in
        yield _voorkomen(
            context,
            "VBO",
            identificatie,
            "Verblijfsobject in gebruik (niet ingemeten)",
            gegevens,
            geometrie=geometrie,
            relaties=relaties,
            eind="2015-06-01",
            eind_registratie="2015-06-01T09:00:00.000",
            eind_registratie_lv="2015-06-01T09:05:00.000",
        )
        yield _voorkomen(
            context,
            "VBO",
            identificatie,
            "Verblijfsobject in gebruik",
            gegevens,
            geometrie=geometrie,
            relaties=relaties,
            versie=2,
            begin="2015-06-01",
        )
        return
    yield _voorkomen(
        context, "VBO", identificatie, "Verblijfsobject in gebruik", gegevens, geometrie=geometrie, relaties=relaties
    )


def _huis(
    context: _Context, openbare_ruimte: str, huisnummer: int, at: tuple[float, float], postcodes: list[str]
) -> Iterator[Voorkomen]:
    adres = _nummeraanduiding(context, openbare_ruimte, huisnummer, postcodes[0], "Verblijfsobject")
    pand = _pand(context, at, 6.0, 10.0)
    yield adres
    yield pand
    yield from _verblijfsobject(context, adres, pand, (at[0] + 3, at[1] + 5), flat=False)


def _flat(
    context: _Context, openbare_ruimte: str, huisnummer: int, at: tuple[float, float], postcodes: list[str]
) -> Iterator[Voorkomen]:
    pand = _pand(context, at, 20.0, 15.0)
    yield pand
    for unit, postcode in enumerate(postcodes, start=1):
        adres = _nummeraanduiding(
            context, openbare_ruimte, huisnummer, postcode, "Verblijfsobject", toevoeging=str(unit)
        )
        yield adres
        yield from _verblijfsobject(context, adres, pand, (at[0] + 1 + unit % 18, at[1] + 7), flat=True)


def _plaats(
    context: _Context, openbare_ruimte: str, huisnummer: int, at: tuple[float, float], postcode: str
) -> Iterator[Voorkomen]:
    ligplaats = context.rng.random() < 0.5
    soort, typecode, code = ("Ligplaats", "02", "LIG") if ligplaats else ("Standplaats", "03", "STA")
    adres = _nummeraanduiding(context, openbare_ruimte, huisnummer, postcode, soort)
    yield adres
    yield _voorkomen(
        context,
        code,
        context.identificatie(typecode),
        "Plaats aangewezen",
        {"heeftAlsHoofdAdres": adres.identificatie},
        geometrie=_rechthoek(at[0], at[1], 5.0, 20.0),
        relaties=(("hoofdadres", adres.identificatie),),
    )
