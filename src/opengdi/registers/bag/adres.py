# SPDX-License-Identifier: EUPL-1.2
"""The address of the BAG API (``Adres``, ``AdresIOHal``): a nummeraanduiding with its openbare
ruimte and woonplaats and the adresseerbaar object it is the hoofd- or nevenadres of, all huidig.

Here are the rules of an address question: which nummeraanduidingen match a huisnummer, huisletter
and toevoeging (exacteMatch), which woonplaats an address lies in, the order of a list of
addresses, the ``inonderzoek`` flags with their explanations (in onderzoek bij adresresource.feature)
and the resource itself; and the address uitgebreid (``AdresUitgebreid``) of ``/adressenuitgebreid``,
with its adresseerbaar object and panden. No framework here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from opengdi.kernel.tekst import fold
from opengdi.registers.bag.antwoord import Json, korte_naam, resource
from opengdi.registers.bag.extract import Voorkomen
from opengdi.registers.bag.hal import Links
from opengdi.registers.bag.objecten import TYPENAMEN, Gevonden
from opengdi.registers.bag.vraag import Adresvraag

#: What may be embedded in an address.
EXPAND = ("nummeraanduiding", "openbareRuimte", "woonplaats")


def past(nummeraanduiding: Voorkomen, vraag: Adresvraag) -> bool:
    """Whether a nummeraanduiding answers the postcode, huisnummer, huisletter and toevoeging asked.

    Without ``exacteMatch`` a huisletter or toevoeging that is not asked matches any (3 finds 3, 3A
    and 3B); with it, only the exact combination does (3 finds only 3). Letters match in any case;
    a number never matches another (3 never finds 13).
    """
    gegevens = nummeraanduiding.gegevens
    if vraag.postcode is not None and gegevens.get("postcode") != vraag.postcode.upper():
        return False
    if vraag.huisnummer is not None and gegevens.get("huisnummer") != vraag.huisnummer:
        return False
    for name, asked in (("huisletter", vraag.huisletter), ("huisnummertoevoeging", vraag.huisnummertoevoeging)):
        value = str(gegevens.get(name) or "").lower()
        if (asked is not None or vraag.exact) and value != (asked or "").lower():
            return False
    return True


def sorteersleutel(gegevens: dict[str, Any], identificatie: str) -> tuple[Any, ...]:
    """The order of nummeraanduidingen: huisnummer, huisletter, toevoeging."""
    return (
        gegevens.get("huisnummer") or 0,
        str(gegevens.get("huisletter") or "").lower(),
        str(gegevens.get("huisnummertoevoeging") or "").lower(),
        identificatie,
    )


def woonplaats_van(nummeraanduiding: Voorkomen | None, openbare_ruimte: Voorkomen | None) -> str | None:
    """The woonplaats of an address: the nummeraanduiding's own (when it lies in another woonplaats
    than its openbare ruimte), else the openbare ruimte's."""
    if nummeraanduiding is not None and nummeraanduiding.gegevens.get("ligtIn"):
        return str(nummeraanduiding.gegevens["ligtIn"])
    if openbare_ruimte is not None and openbare_ruimte.gegevens.get("ligtIn"):
        return str(openbare_ruimte.gegevens["ligtIn"])
    return None


@dataclass(frozen=True, slots=True)
class Adres:
    """One current address: its nummeraanduiding, openbare ruimte and woonplaats (with their marks in
    onderzoek), the adresseerbaar object, and whether the address is a nevenadres of it."""

    nummeraanduiding: Gevonden
    openbare_ruimte: Gevonden
    woonplaats: Gevonden
    adresseerbaar_object: Voorkomen
    nevenadres: bool

    @property
    def woonplaatsnaam(self) -> str:
        """The name of its woonplaats."""
        return str(self.woonplaats.voorkomen.gegevens.get("naam", ""))

    @property
    def sorteersleutel(self) -> tuple[Any, ...]:
        """Addresses in order: woonplaats, openbare ruimte, huisnummer, letter, toevoeging."""
        straat = self.openbare_ruimte.voorkomen.gegevens
        nummer = self.nummeraanduiding.voorkomen
        return (
            fold(self.woonplaatsnaam),
            fold(str(straat.get("naam", ""))),
            *sorteersleutel(nummer.gegevens, nummer.identificatie),
        )


#: Per object type and kenmerk of the extract, the flag of an address's ``inonderzoek`` and its
#: explanation (in onderzoek bij adresresource.feature).
TOELICHTINGEN: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("WPL", "naam"): (("woonplaatsNaam", "Woonplaatsnaam is mogelijk onjuist geschreven."),),
    ("OPR", "naam"): (
        (
            "openbareRuimteNaam",
            "Openbare ruimte naam komt mogelijk niet overeen met de vermelding in het straatnaambesluit.",
        ),
        (
            "korteNaam",
            "Korte naam is mogelijk onjuist, omdat de Openbare ruimte naam mogelijk niet overeen komt met de "
            "vermelding in het straatnaambesluit. Dit is geen indicatie dat de openbare ruimte naam mogelijk "
            "onjuist is verkort.",
        ),
    ),
    ("OPR", "status"): (("openbareRuimteStatus", "Openbare ruimte bestaat mogelijk niet (meer)."),),
    ("OPR", "ligt in"): (
        (
            "openbareRuimteLigtIn",
            "Mogelijk verkeerde woonplaats gebruikt. De openbare ruimte moet verwijzen naar de woonplaats "
            "waarin de openbare ruimte fysiek ligt.",
        ),
    ),
    ("NUM", "huisnummer"): (("huisnummer", "Mogelijk is het verkeerde huisnummer geregistreerd."),),
    ("NUM", "huisletter"): (
        (
            "huisletter",
            "Mogelijk is ten onrechte een huisletter toegekend, ontbreekt de huisletter ten onrechte, of is een "
            "verkeerde huisletter toegekend.",
        ),
    ),
    ("NUM", "huisnummertoevoeging"): (
        (
            "huisnummertoevoeging",
            "Mogelijk is ten onrechte een huisnummertoevoeging toegekend, ontbreekt de huisnummertoevoeging ten "
            "onrechte, of is een verkeerde huisnummertoevoeging toegekend.",
        ),
    ),
    ("NUM", "postcode"): (
        (
            "postcode",
            "Mogelijk is ten onrechte een postcode toegekend, ontbreekt de postcode ten onrechte, of is een "
            "verkeerde postcode toegekend.",
        ),
    ),
    ("NUM", "status"): (
        (
            "nummeraanduidingStatus",
            "Adres bestaat mogelijk niet (meer), omdat de nummeraanduiding mogelijk niet (meer) bestaat.",
        ),
    ),
    ("NUM", "ligt in"): (
        (
            "nummeraanduidingLigtIn",
            "Mogelijk verkeerde woonplaats gebruikt. Het adres moet verwijzen naar de woonplaats waarin het adres "
            "fysiek ligt.",
        ),
    ),
    ("NUM", "ligt aan"): (
        (
            "nummeraanduidingligtAan",
            "Mogelijk verkeerde openbare ruimte gebruikt. Het adres moet verwijzen naar de openbare ruimte "
            "waaraan het adres ligt.",
        ),
    ),
}


def in_onderzoek(adres: Adres) -> Json | None:
    """The ``inonderzoek`` of an address: a flag per part in onderzoek (also when it has no value)
    and their explanations, or ``None`` when nothing is."""
    return _flags((adres.woonplaats, adres.openbare_ruimte, adres.nummeraanduiding), TOELICHTINGEN)


def _flags(
    parts: Iterable[Gevonden], toelichtingen: Mapping[tuple[str, str], tuple[tuple[str, str], ...]]
) -> Json | None:
    flags: dict[str, bool] = {}
    toelichting: list[str] = []
    for part in parts:
        for kenmerk in part.onderzoek:
            for flag, text in toelichtingen.get((kenmerk.objecttype, kenmerk.kenmerk), ()):
                if flag not in flags:
                    flags[flag] = True
                    toelichting.append(text)
    return {**flags, "toelichting": toelichting} if flags else None


# --- Adres uitgebreid: the address with its adresseerbaar object and panden ----------------------


@dataclass(frozen=True, slots=True)
class AdresUitgebreid:
    """An address with what ``/adressenuitgebreid`` adds: its adresseerbaar object's marks in
    onderzoek and the huidige panden it is part of (with theirs)."""

    adres: Adres
    adresseerbaar_object: Gevonden
    panden: tuple[Gevonden, ...] = ()


_GEOMETRIE = "Mogelijk is de locatie van het verblijfsobject onjuist of, wanneer het een standplaats of ligplaats " + (
    "betreft, is mogelijk de locatie van de contouren onjuist of de contour onjuist."
)
_STATUS = "De status van het verblijfsobject is mogelijk onjuist of, wanneer het een standplaats of ligplaats " + (
    "betreft, bestaat deze mogelijk niet meer."
)
_HOOFDADRES = "Het adresseerbaar object heeft mogelijk een verkeerd adres."
_NEVENADRES = (
    "Mogelijk is ten onrechte een nevenadres toegekend, ontbreekt de relatie met het nevenadres of is een "
    "verkeerde relatie aanwezig"
)
#: What ``/adressenuitgebreid`` flags beside an address's own (in onderzoek bij adressen en
#: adressen uitgebreid.feature; the flags named as the document's AdresUitgebreidInOnderzoek names them).
TOELICHTINGEN_UITGEBREID: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    **TOELICHTINGEN,
    ("NUM", "type adresseerbaar object"): (
        (
            "typeAdresseerbaarObject",
            "Mogelijk is het verkeerde type adresseerbaar object gekoppeld. Deze indicatie heeft daarmee feitelijke "
            "betrekking op het gerelateerde adresseerbare object.",
        ),
    ),
    ("PND", "oorspronkelijk bouwjaar"): (("oorspronkelijkBouwjaar", "Mogelijk is het bouwjaar onjuist"),),
    ("VBO", "gebruiksdoel"): (
        (
            "gebruiksdoelen",
            "Het gebruiksdoel komt mogelijk niet overeen met het gebruik dat beschreven staat in de vergunning",
        ),
    ),
    ("VBO", "oppervlakte"): (("oppervlakte", "De oppervlakte van het verblijfsobject is mogelijk onjuist."),),
    ("VBO", "maakt deel uit van"): (
        (
            "maaktDeelUitVan",
            "Mogelijk is niet het juiste pand gerelateerd, of bestaat één van de gerelateerde panden niet meer.",
        ),
    ),
    **{
        (code, kenmerk): ((flag, text),)
        for code in ("VBO", "LIG", "STA")
        for kenmerk, flag, text in (
            ("geometrie", "adresseerbaarObjectGeometrie", _GEOMETRIE),
            ("status", "adresseerbaarObjectStatus", _STATUS),
            ("heeft als hoofdadres", "adresseerbaarObjectheeftAlsHoofdadres", _HOOFDADRES),
            ("heeft als nevenadres", "adresseerbaarObjectheeftAlsNevenadres", _NEVENADRES),
        )
    },
}
_OBJECTNAMEN = {"VBO": "verblijfsobject", "LIG": "ligplaats", "STA": "standplaats"}


def adres_uitgebreid_json(item: AdresUitgebreid, links: Links) -> Json:
    """The resource of an address uitgebreid (``AdresUitgebreidHal``)."""
    adres = item.adres
    body = adres_json(adres, links)
    body.pop("_links")
    body.pop("inonderzoek", None)
    object_ = item.adresseerbaar_object.voorkomen
    gegevens = object_.gegevens
    geometrie = object_.geometrie
    extra: Json = {
        "typeAdresseerbaarObject": TYPENAMEN[object_.objecttype],
        "adresseerbaarObjectGeometrie": (
            None if geometrie is None else {"punt" if geometrie["type"] == "Point" else "vlak": geometrie}
        ),
        "adresseerbaarObjectStatus": object_.status,
        "gebruiksdoelen": gegevens.get("gebruiksdoelen"),
        "oppervlakte": gegevens.get("oppervlakte"),
        "oorspronkelijkBouwjaar": [
            pand.voorkomen.gegevens["oorspronkelijkBouwjaar"]
            for pand in item.panden
            if pand.voorkomen.gegevens.get("oorspronkelijkBouwjaar")
        ]
        or None,
    }
    body.update({key: value for key, value in extra.items() if value is not None})
    body["geconstateerd"][_OBJECTNAMEN[object_.objecttype]] = object_.geconstateerd
    if item.panden:
        body["geconstateerd"]["pand"] = any(pand.voorkomen.geconstateerd for pand in item.panden)
    parts = (adres.woonplaats, adres.openbare_ruimte, adres.nummeraanduiding, item.adresseerbaar_object, *item.panden)
    flags = _flags(parts, TOELICHTINGEN_UITGEBREID)
    if flags:
        body["inonderzoek"] = flags
    body["_links"] = {
        **adres_json(adres, links)["_links"],
        "self": links.pad(f"/adressenuitgebreid/{adres.nummeraanduiding.voorkomen.identificatie}"),
    }
    return body


def adres_json(adres: Adres, links: Links, *, expand: Collection[str] = ()) -> Json:
    """The resource of an address (``AdresIOHal``)."""
    num, opr, wpl = (adres.nummeraanduiding.voorkomen, adres.openbare_ruimte.voorkomen, adres.woonplaats.voorkomen)
    object_ = adres.adresseerbaar_object
    body: Json = {
        "openbareRuimteNaam": opr.gegevens.get("naam"),
        "korteNaam": korte_naam(opr.gegevens),
        **{name: num.gegevens.get(name) for name in ("huisnummer", "huisletter", "huisnummertoevoeging", "postcode")},
        "woonplaatsNaam": wpl.gegevens.get("naam"),
        "nummeraanduidingIdentificatie": num.identificatie,
        "openbareRuimteIdentificatie": opr.identificatie,
        "woonplaatsIdentificatie": wpl.identificatie,
        "adresseerbaarObjectIdentificatie": object_.identificatie,
        "pandIdentificaties": object_.gegevens.get("maaktDeelUitVan") or None,
        "indicatieNevenadres": True if adres.nevenadres else None,
        "geconstateerd": {
            "woonplaats": wpl.geconstateerd,
            "openbareRuimte": opr.geconstateerd,
            "nummeraanduiding": num.geconstateerd,
        },
        "inonderzoek": in_onderzoek(adres),
    }
    body = {key: value for key, value in body.items() if value is not None}
    embedded = _embedded(adres, links, expand)
    if embedded:
        body["_embedded"] = embedded
    body["_links"] = {
        "self": links.pad(f"/adressen/{num.identificatie}"),
        "openbareRuimte": links.object("OPR", opr.identificatie),
        "nummeraanduiding": links.object("NUM", num.identificatie),
        "woonplaats": links.object("WPL", wpl.identificatie),
        "adresseerbaarObject": links.object(object_.objecttype, object_.identificatie),
        **(
            {"panden": [links.object("PND", pand) for pand in object_.gegevens["maaktDeelUitVan"]]}
            if object_.gegevens.get("maaktDeelUitVan")
            else {}
        ),
    }
    return body


def _embedded(adres: Adres, links: Links, expand: Collection[str]) -> Json:
    parts = {"nummeraanduiding": adres.nummeraanduiding, "openbareRuimte": adres.openbare_ruimte}
    parts["woonplaats"] = adres.woonplaats
    return {
        name: resource(part, links, lambda item: links.object(item.objecttype, item.identificatie))
        for name, part in parts.items()
        if name in expand
    }
