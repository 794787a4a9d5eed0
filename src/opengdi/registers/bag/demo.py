# SPDX-License-Identifier: EUPL-1.2
"""The BAG's demo data: the addresses the BRP's demo persons live at, as BAG objects.

``data/demo-adressen.csv`` lists every address of the demo persons (current and earlier) with the
identifications of its nummeraanduiding and adresseerbaar object, as the persoonslijsten name them
(derived by ``python -m tools.bag_demo``). For each, the demo makes the woonplaats, the openbare
ruimte, the nummeraanduiding, the verblijfsobject (or ligplaats, standplaats) and a pand, placed in
the municipality's territory of the generated country, and loads them as one levering through the
importer. Identifications the test sets hold deliberately wrong (not 16 digits, or of another object
type) are left out, so ``gdi check`` names exactly those.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from sqlalchemy import func, select

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.referentiedata import gemeenten_2014
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.bag.extract import BagExtract, GemeenteWoonplaats, Levering, Voorkomen
from opengdi.registers.bag.generator import territorium
from opengdi.registers.bag.gml import bounding_box
from opengdi.registers.bag.model import VoorkomenRow
from opengdi.registers.bag.schrijver import write_extract
from opengdi.registers.bag.service import import_extract
from opengdi.settings import Settings

LEVERING = Levering("9999", "Demo", "2024-01-01")
_BEGIN = "2010-01-01"
_TYPE = {"01": ("VBO", "Verblijfsobject"), "02": ("LIG", "Ligplaats"), "03": ("STA", "Standplaats")}


@dataclass(frozen=True, slots=True)
class DemoAdres:
    """One address of a demo person, as its persoonslijst names it."""

    adresseerbaar_object: str
    nummeraanduiding: str
    openbare_ruimte: str
    huisnummer: str
    huisletter: str
    huisnummertoevoeging: str
    postcode: str
    woonplaats: str
    gemeentecode: str

    @property
    def bruikbaar(self) -> bool:
        """Whether the BAG can hold its nummeraanduiding: a well-formed identification, a huisnummer."""
        return (
            re.fullmatch(r"\d{4}20\d{10}", self.nummeraanduiding) is not None
            and self.huisnummer.isdigit()
            and int(self.huisnummer) > 0
        )

    @property
    def met_object(self) -> bool:
        """Whether its adresseerbaar object has a well-formed identification of a verblijfsobject,
        ligplaats or standplaats."""
        return re.fullmatch(r"\d{4}0[123]\d{10}", self.adresseerbaar_object) is not None


@cache
def demo_adressen() -> tuple[DemoAdres, ...]:
    """The addresses of ``data/demo-adressen.csv``."""
    text = files("opengdi.registers.bag").joinpath("data", "demo-adressen.csv").read_text("utf-8")
    return tuple(DemoAdres(*row.values()) for row in csv.DictReader(text.splitlines()))


def _voorkomen(
    objecttype: str, identificatie: str, status: str, gegevens: dict[str, object], **extra: object
) -> Voorkomen:
    geometrie = extra.get("geometrie")
    return Voorkomen(
        objecttype=objecttype,
        identificatie=identificatie,
        voorkomenidentificatie=1,
        begin_geldigheid=_BEGIN,
        eind_geldigheid=None,
        tijdstip_registratie=f"{_BEGIN}T09:00:00.000",
        eind_registratie=None,
        tijdstip_inactief=None,
        tijdstip_registratie_lv=f"{_BEGIN}T09:05:00.000",
        tijdstip_eind_registratie_lv=None,
        tijdstip_inactief_lv=None,
        tijdstip_niet_bag_lv=None,
        status=status,
        geconstateerd=False,
        documentdatum=_BEGIN,
        documentnummer="DEMO",
        gegevens=gegevens,
        geometrie=geometrie,  # type: ignore[arg-type]
        bbox=bounding_box(geometrie) if geometrie else None,  # type: ignore[arg-type]
        relaties=tuple(extra.get("relaties", ())),  # type: ignore[arg-type]
    )


def _square(x: float, y: float, size: float) -> dict[str, object]:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [[[round(a, 3), round(b, 3)] for a, b in ring]]}


class _Bouwer:
    """Builds the objects of the demo addresses, each once."""

    def __init__(self) -> None:
        self.namen = {gemeente.gemeentecode: gemeente.naam for gemeente in gemeenten_2014()}
        self.woonplaatsen: dict[tuple[str, str], str] = {}
        self.straten: dict[tuple[str, str], str] = {}
        self.nummers: set[str] = set()
        self.objecten: dict[str, list[str]] = {}
        self.volgnummer = 0

    def _nieuw(self, gemeentecode: str, typecode: str) -> str:
        self.volgnummer += 1
        return f"{gemeentecode}{typecode}{9_000_000_000 + self.volgnummer}"

    def _plek(self, gemeentecode: str) -> tuple[float, float]:
        x, y = territorium(gemeentecode)
        self.volgnummer += 1
        return x + 100 + (self.volgnummer % 60) * 20, y + 100 + (self.volgnummer // 60 % 60) * 20

    def adres(self, adres: DemoAdres) -> Iterator[Voorkomen]:
        gemeente = adres.gemeentecode or adres.nummeraanduiding[:4]
        naam = adres.woonplaats or self.namen.get(gemeente, f"Woonplaats {gemeente}")
        woonplaats = self.woonplaatsen.get((naam, gemeente))
        if woonplaats is None:
            woonplaats = self.woonplaatsen[(naam, gemeente)] = f"{9000 + len(self.woonplaatsen):04d}"
            x, y = territorium(gemeente)
            yield _voorkomen("WPL", woonplaats, "Woonplaats aangewezen", {"naam": naam}, geometrie=_square(x, y, 9_000))
        straat = self.straten.get((woonplaats, adres.openbare_ruimte))
        if straat is None:
            straat = self.straten[(woonplaats, adres.openbare_ruimte)] = self._nieuw(gemeente, "30")
            gegevens: dict[str, object] = {"naam": adres.openbare_ruimte, "type": "Weg", "ligtIn": woonplaats}
            yield _voorkomen("OPR", straat, "Naamgeving uitgegeven", gegevens, relaties=(("woonplaats", woonplaats),))
        soort = _TYPE[adres.adresseerbaar_object[4:6]][1] if adres.met_object else "Verblijfsobject"
        if adres.nummeraanduiding not in self.nummers:
            self.nummers.add(adres.nummeraanduiding)
            yield self._nummeraanduiding(adres, straat, soort)
        if not adres.met_object:
            return
        self.objecten.setdefault(adres.adresseerbaar_object, [])
        if adres.nummeraanduiding not in self.objecten[adres.adresseerbaar_object]:
            self.objecten[adres.adresseerbaar_object].append(adres.nummeraanduiding)

    def _nummeraanduiding(self, adres: DemoAdres, straat: str, soort: str) -> Voorkomen:
        gegevens: dict[str, object] = {
            "huisnummer": int(adres.huisnummer),
            "typeAdresseerbaarObject": soort,
            "ligtAan": straat,
        }
        if re.fullmatch(r"[a-zA-Z]", adres.huisletter):
            gegevens["huisletter"] = adres.huisletter
        if re.fullmatch(r"[0-9a-zA-Z]{1,4}", adres.huisnummertoevoeging):
            gegevens["huisnummertoevoeging"] = adres.huisnummertoevoeging
        if re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", adres.postcode):
            gegevens["postcode"] = adres.postcode
        return _voorkomen(
            "NUM", adres.nummeraanduiding, "Naamgeving uitgegeven", gegevens, relaties=(("openbareRuimte", straat),)
        )

    def adresseerbare_objecten(self) -> Iterator[Voorkomen]:
        for identificatie, nummers in self.objecten.items():
            code, _soort = _TYPE[identificatie[4:6]]
            gemeente = identificatie[:4]
            x, y = self._plek(gemeente)
            adressen: dict[str, object] = {"heeftAlsHoofdAdres": nummers[0]}
            if nummers[1:]:
                adressen["heeftAlsNevenAdres"] = nummers[1:]
            relaties = [("hoofdadres", nummers[0]), *(("nevenadres", nummer) for nummer in nummers[1:])]
            if code != "VBO":
                status = "Plaats aangewezen"
                yield _voorkomen(code, identificatie, status, adressen, geometrie=_square(x, y, 10), relaties=relaties)
                continue
            pand = self._nieuw(gemeente, "10")
            yield _voorkomen(
                "PND", pand, "Pand in gebruik", {"oorspronkelijkBouwjaar": "1975"}, geometrie=_square(x, y, 10)
            )
            gegevens = {**adressen, "gebruiksdoelen": ["woonfunctie"], "oppervlakte": 90, "maaktDeelUitVan": [pand]}
            yield _voorkomen(
                "VBO",
                identificatie,
                "Verblijfsobject in gebruik",
                gegevens,
                geometrie={"type": "Point", "coordinates": [x + 5, y + 5]},
                relaties=(*relaties, ("pand", pand)),
            )


def demo_voorkomens() -> tuple[list[Voorkomen], list[GemeenteWoonplaats]]:
    """The objects of the demo addresses, and the gemeente–woonplaats relation of their woonplaatsen."""
    bouwer = _Bouwer()
    voorkomens = [item for adres in demo_adressen() if adres.bruikbaar for item in bouwer.adres(adres)]
    voorkomens.extend(bouwer.adresseerbare_objecten())
    relaties = [
        GemeenteWoonplaats(woonplaats, gemeente, _BEGIN, None, "definitief")
        for (_naam, gemeente), woonplaats in bouwer.woonplaatsen.items()
    ]
    return voorkomens, relaties


async def _bag_is_empty(database: Database) -> bool:
    async with database.session() as session:
        return not await session.scalar(select(func.count()).select_from(VoorkomenRow))


async def _load(
    database: Database, settings: Settings, _samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    if not await _bag_is_empty(database):
        return None
    voorkomens, relaties = demo_voorkomens()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "BAG-demo.zip"
        write_extract(path, LEVERING, voorkomens, relaties)
        with BagExtract(path) as extract:
            async with UnitOfWork(database, oin=settings.oin) as uow:
                await import_extract(uow, extract)
    progress(len(demo_adressen()))
    objecten = sum(1 for item in voorkomens if item.objecttype in ("VBO", "LIG", "STA"))
    return f"BAG: {objecten} adresseerbare objecten van de demopersonen geladen."


DEMO = Demo(omschrijving="Demogegevens laden (BAG)", omvang=lambda: len(demo_adressen()), laden=_load)
