# SPDX-License-Identifier: EUPL-1.2
"""The seven object types as the BAG API Individuele Bevragingen shows them: their paths, the key
of their resource, their ``domein``, the relations that can be linked and embedded (``expand``),
the API's names of their onderzoek marks, and whether they carry a geometry (and so need
``Accept-Crs``). One table, read by the service, the answers and the routes alike; and what the
service finds (:class:`Gevonden`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from opengdi.registers.bag.bronhouders import Bronhouder
from opengdi.registers.bag.extract import KenmerkInOnderzoek, Voorkomen


@dataclass(frozen=True, slots=True)
class Relatie:
    """A relation of an object type: the attribute (in ``gegevens``) naming the other object(s),
    the other object's type and whether there can be several."""

    attribuut: str
    doeltype: str
    meervoudig: bool = False


@dataclass(frozen=True, slots=True)
class Soort:
    """One object type of the API."""

    code: str  # WPL … PND, as the extract names it
    pad: str  # the collection in the API's paths: woonplaatsen, …
    sleutel: str  # the member of its resource that holds the object: woonplaats, …
    domein: str
    identificatie_van: str  # the member of an onderzoek mark naming the object
    relaties: Mapping[str, Relatie] = field(default_factory=dict)
    expand: tuple[str, ...] = ()  # what expand may name (the relations, and more for a woonplaats)
    geometrie: bool = True
    adresseerbaar: bool = False


_ADRESSEN = {
    "heeftAlsHoofdAdres": Relatie("heeftAlsHoofdAdres", "NUM"),
    "heeftAlsNevenAdres": Relatie("heeftAlsNevenAdres", "NUM", meervoudig=True),
}
SOORTEN: dict[str, Soort] = {
    "WPL": Soort(
        "WPL",
        "woonplaatsen",
        "woonplaats",
        "NL.IMBAG.Woonplaats",
        "identificatieVanWoonplaats",
        expand=("bronhouders", "geometrie"),
    ),
    "OPR": Soort(
        "OPR",
        "openbareruimten",
        "openbareRuimte",
        "NL.IMBAG.Openbareruimte",
        "identificatieVanOpenbareRuimte",
        {"ligtInWoonplaats": Relatie("ligtIn", "WPL")},
        ("ligtInWoonplaats",),
        geometrie=False,
    ),
    "NUM": Soort(
        "NUM",
        "nummeraanduidingen",
        "nummeraanduiding",
        "NL.IMBAG.Nummeraanduiding",
        "identificatieVanNummeraanduiding",
        {"ligtInWoonplaats": Relatie("ligtIn", "WPL"), "ligtAanOpenbareRuimte": Relatie("ligtAan", "OPR")},
        ("ligtInWoonplaats", "ligtAanOpenbareRuimte"),
        geometrie=False,
    ),
    "VBO": Soort(
        "VBO",
        "verblijfsobjecten",
        "verblijfsobject",
        "NL.IMBAG.Verblijfsobject",
        "identificatieVanVerblijfsobject",
        {**_ADRESSEN, "maaktDeelUitVan": Relatie("maaktDeelUitVan", "PND", meervoudig=True)},
        ("heeftAlsHoofdAdres", "heeftAlsNevenAdres", "maaktDeelUitVan"),
        adresseerbaar=True,
    ),
    "LIG": Soort(
        "LIG",
        "ligplaatsen",
        "ligplaats",
        "NL.IMBAG.Ligplaats",
        "identificatieVanLigplaats",
        _ADRESSEN,
        ("heeftAlsHoofdAdres", "heeftAlsNevenAdres"),
        adresseerbaar=True,
    ),
    "STA": Soort(
        "STA",
        "standplaatsen",
        "standplaats",
        "NL.IMBAG.Standplaats",
        "identificatieVanStandplaats",
        _ADRESSEN,
        ("heeftAlsHoofdAdres", "heeftAlsNevenAdres"),
        adresseerbaar=True,
    ),
    "PND": Soort("PND", "panden", "pand", "NL.IMBAG.Pand", "identificatieVanPand"),
}

#: The adresseerbare objecten, by the object type number in their identificatie (digits 5 and 6).
ADRESSEERBAAR = {"01": "VBO", "02": "LIG", "03": "STA"}
#: The type names of the adresseerbare objecten (``type`` of the resource).
TYPENAMEN = {"VBO": "Verblijfsobject", "LIG": "Ligplaats", "STA": "Standplaats"}

#: The API's name of a kenmerk where it differs from the extract's (per object type).
_KENMERK_NAMEN = {("OPR", "ligt in"): "gerelateerde woonplaats"}


def kenmerk_naam(objecttype: str, kenmerk: str) -> str:
    """The API's name of an onderzoek mark's kenmerk (the extract's ``ligt in`` of an openbare
    ruimte is the API's ``gerelateerde woonplaats``)."""
    return _KENMERK_NAMEN.get((objecttype, kenmerk), kenmerk)


def doelen(soort: Soort, relatie: str, gegevens: Mapping[str, object]) -> list[str]:
    """The identificaties a voorkomen's ``gegevens`` name through ``relatie``."""
    value = gegevens.get(soort.relaties[relatie].attribuut)
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


@dataclass(frozen=True, slots=True)
class Gevonden:
    """The voorkomen of an object that answers a question, its marks in onderzoek, and the related
    objects asked to be embedded (relation name → their voorkomens that answer at the same moment)."""

    voorkomen: Voorkomen
    onderzoek: tuple[KenmerkInOnderzoek, ...] = ()
    ingebed: Mapping[str, tuple[Gevonden, ...]] = field(default_factory=dict)
    #: A woonplaats's bronhouders (the gemeenten it lay in then).
    bronhouders: tuple[Bronhouder, ...] = ()


#: The object type digits of a 16-digit identification (after the gemeentecode), per object type.
_TYPECIJFERS = {
    "Verblijfsobject": ("01",),
    "Ligplaats": ("02",),
    "Standplaats": ("03",),
    "AdresseerbaarObject": ("01", "02", "03"),
    "Pand": ("10",),
    "Nummeraanduiding": ("20",),
    "OpenbareRuimte": ("30",),
}


def is_identificatie(objecttype: str, identificatie: str) -> bool:
    """Whether ``identificatie`` has the form of an identification of ``objecttype``: four digits for
    a woonplaats, else sixteen: a gemeentecode, the object type's two digits, a serial number."""
    if not (identificatie.isascii() and identificatie.isdigit()):
        return False
    if objecttype == "Woonplaats":
        return len(identificatie) == 4
    return len(identificatie) == 16 and identificatie[4:6] in _TYPECIJFERS.get(objecttype, ())
