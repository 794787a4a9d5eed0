# SPDX-License-Identifier: EUPL-1.2
"""The resources of the BAG API Individuele Bevragingen, shaped from what the service found.

A resource is ``{"<sleutel>": {…object…}, "inonderzoek": [...], "_embedded": {...}, "_links": {...}}``
(``VerblijfsobjectIOHal`` and its kin): the object with its ``voorkomen``, its marks in onderzoek
(only when there are any: the document asks for at least one), the related objects asked for with
``expand`` (each a resource of its own, with its own ``self`` link and no ``_embedded``) and links to
itself and what it refers to. Values are written as the document names them; an attribute without
a value is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from opengdi.registers.bag.bronhouders import bronhouder_json
from opengdi.registers.bag.extract import KenmerkInOnderzoek, Voorkomen
from opengdi.registers.bag.hal import Link, Links, tijd
from opengdi.registers.bag.objecten import SOORTEN, TYPENAMEN, Gevonden, doelen, kenmerk_naam

Json = dict[str, Any]
#: How an object in an answer links to itself (the request, its voorkomen, or the object now).
SelfLink = Callable[[Voorkomen], Link]


def _without_none(values: Json) -> Json:
    return {key: value for key, value in values.items() if value is not None}


def voorkomen_json(voorkomen: Voorkomen) -> Json:
    """The ``voorkomen`` of an object (``Voorkomen``)."""
    return _without_none(
        {
            "versie": voorkomen.voorkomenidentificatie,
            "beginGeldigheid": voorkomen.begin_geldigheid,
            "eindGeldigheid": voorkomen.eind_geldigheid,
            "tijdstipRegistratie": tijd(voorkomen.tijdstip_registratie),
            "eindRegistratie": tijd(voorkomen.eind_registratie),
            "tijdstipInactief": tijd(voorkomen.tijdstip_inactief),
            "tijdstipRegistratieLV": tijd(voorkomen.tijdstip_registratie_lv),
            "tijdstipNietBAG": tijd(voorkomen.tijdstip_niet_bag_lv),
        }
    )


def korte_naam(gegevens: dict[str, Any]) -> str | None:
    """The short name of an openbare ruimte: its verkorte naam (NEN 5825), or its name when that is
    at most 24 characters."""
    verkort = gegevens.get("verkorteNaam")
    naam = gegevens.get("naam")
    return verkort or (naam if naam is not None and len(naam) <= 24 else None)


def _geometrie_vbo(geometrie: Json | None) -> Json | None:
    if geometrie is None:
        return None
    return {"punt": geometrie} if geometrie["type"] == "Point" else {"vlak": geometrie}


def woonplaats_geometrie(geometrie: Json | None) -> Json | None:
    """The geometry of a woonplaats as it is embedded (``VlakOfMultivlak``)."""
    if geometrie is None:
        return None
    return {"multivlak": geometrie} if geometrie["type"] == "MultiPolygon" else {"vlak": geometrie}


def _eigen(voorkomen: Voorkomen) -> Json:
    """The attributes of each object type, by the document's names."""
    g = voorkomen.gegevens
    code = voorkomen.objecttype
    if code == "WPL":
        return {"naam": g.get("naam")}
    if code == "OPR":
        return {"naam": g.get("naam"), "type": g.get("type"), "korteNaam": korte_naam(g), "ligtIn": g.get("ligtIn")}
    if code == "NUM":
        names = ("huisnummer", "huisletter", "huisnummertoevoeging", "postcode", "typeAdresseerbaarObject")
        return {**{name: g.get(name) for name in names}, "ligtAan": g.get("ligtAan"), "ligtIn": g.get("ligtIn")}
    if code == "PND":
        return {"geometrie": voorkomen.geometrie, "oorspronkelijkBouwjaar": g.get("oorspronkelijkBouwjaar")}
    adressen = {
        "type": TYPENAMEN[code],
        "heeftAlsHoofdAdres": g.get("heeftAlsHoofdAdres"),
        "heeftAlsNevenAdres": g.get("heeftAlsNevenAdres") or None,
    }
    if code == "VBO":
        return {
            **adressen,
            "geometrie": _geometrie_vbo(voorkomen.geometrie),
            "gebruiksdoelen": g.get("gebruiksdoelen"),
            "oppervlakte": g.get("oppervlakte"),
            "maaktDeelUitVan": g.get("maaktDeelUitVan") or None,
        }
    return {**adressen, "geometrie": voorkomen.geometrie}


def object_json(voorkomen: Voorkomen) -> Json:
    """The object of a resource (``Woonplaats``, ``Verblijfsobject``, …)."""
    soort = SOORTEN[voorkomen.objecttype]
    return _without_none(
        {
            "identificatie": voorkomen.identificatie,
            "domein": soort.domein,
            **_eigen(voorkomen),
            "status": voorkomen.status,
            "geconstateerd": "J" if voorkomen.geconstateerd else "N",
            "documentdatum": voorkomen.documentdatum,
            "documentnummer": voorkomen.documentnummer,
            "voorkomen": voorkomen_json(voorkomen),
        }
    )


def kenmerk_json(kenmerk: KenmerkInOnderzoek) -> Json:
    """One mark in onderzoek (``Kenmerk<Type>InOnderzoek``)."""
    return {
        "kenmerk": kenmerk_naam(kenmerk.objecttype, kenmerk.kenmerk),
        SOORTEN[kenmerk.objecttype].identificatie_van: kenmerk.identificatie,
        "inOnderzoek": "J" if kenmerk.in_onderzoek else "N",
        "historie": _without_none(
            {
                "beginGeldigheid": kenmerk.begin_geldigheid,
                "eindGeldigheid": kenmerk.eind_geldigheid,
                "tijdstipRegistratie": tijd(kenmerk.tijdstip_registratie),
                "eindRegistratie": tijd(kenmerk.eind_registratie),
                "tijdstipRegistratieLV": tijd(kenmerk.tijdstip_registratie_lv),
            }
        ),
        "documentdatum": kenmerk.documentdatum,
        "documentnummer": kenmerk.documentnummer,
    }


def _relation_links(voorkomen: Voorkomen, links: Links) -> Json:
    soort = SOORTEN[voorkomen.objecttype]
    result: Json = {}
    for name, relatie in soort.relaties.items():
        targets = [links.object(relatie.doeltype, target) for target in doelen(soort, name, voorkomen.gegevens)]
        if targets:
            result[name] = targets if relatie.meervoudig else targets[0]
    return result


def resource(
    gevonden: Gevonden,
    links: Links,
    self_link: SelfLink,
    *,
    expand: Collection[str] = (),
) -> Json:
    """The resource of one found object: the object, its marks in onderzoek, what ``expand`` asked
    to embed (the related objects link to themselves as the object links to them) and its links."""
    voorkomen = gevonden.voorkomen
    soort = SOORTEN[voorkomen.objecttype]
    body: Json = {soort.sleutel: object_json(voorkomen)}
    if gevonden.onderzoek:
        body["inonderzoek"] = [kenmerk_json(item) for item in gevonden.onderzoek]
    embedded = _embedded(gevonden, links, expand)
    if embedded:
        body["_embedded"] = embedded
    body["_links"] = {"self": self_link(voorkomen), **_relation_links(voorkomen, links)}
    if gevonden.bronhouders:
        body["_links"]["bronhouders"] = [links.pad(f"/bronhouders/{item.code}") for item in gevonden.bronhouders]
    return body


def _embedded(gevonden: Gevonden, links: Links, expand: Collection[str]) -> Json:
    soort = SOORTEN[gevonden.voorkomen.objecttype]
    embedded: Json = {}
    for name, found in gevonden.ingebed.items():
        relatie = soort.relaties[name]
        resources = [
            resource(item, links, lambda target: links.object(target.objecttype, target.identificatie))
            for item in found
        ]
        embedded[name] = resources if relatie.meervoudig else resources[0]
    if soort.code == "WPL" and "bronhouders" in expand and gevonden.bronhouders:
        embedded["bronhouders"] = [bronhouder_json(item) for item in gevonden.bronhouders]
    if soort.code == "WPL" and "geometrie" in expand:
        geometrie = woonplaats_geometrie(gevonden.voorkomen.geometrie)
        if geometrie is not None:
            embedded["geometrie"] = geometrie
    return embedded


def collectie(naam: str, resources: list[Json], links: Json) -> Json:
    """A collection: its resources under ``_embedded.<naam>`` (left out when there are none, as the
    Kadaster's API does) and its links."""
    body: Json = {"_embedded": {naam: resources}} if resources else {}
    body["_links"] = links
    return body
