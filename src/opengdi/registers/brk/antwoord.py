# SPDX-License-Identifier: EUPL-1.2
"""The answers of the Haal Centraal BRK API (BRK-Bevragen 2.0.0), built from
:mod:`~opengdi.registers.brk.domein`. No framework here.

A kadastraal onroerende zaak is answered with its kadastrale aanduiding, grootte, koopsom, addresses
and the identificaties of its zakelijk gerechtigden, hypotheken and beslagen, each with its link, and
for a splitsing the grondperceel of an appartementsrecht or the appartementsrechten of a grondperceel. A
zakelijk gerechtigde shows its right, its share (``tenaamstelling.aandeel``) and its person; a
natural person (a person of the BRP, or one only the Kadaster registered) only when ``personen`` is
true (the caller may, and the delivery is protocolled). Links lead to this deployment: addresses to
the BAG API, a rechtspersoon to the HR API.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from opengdi.registers.brk.domein import (
    INGESCHREVEN_NATUURLIJK_PERSOON,
    INGESCHREVEN_NIET_NATUURLIJK_PERSOON,
    Gerechtigde,
    KadastraalOnroerendeZaak,
)

Json = dict[str, Any]

#: The properties of a ``KadastraalOnroerendeZaak`` that ``fields`` may name.
VELDEN = frozenset(
    {
        "identificatie",
        "domein",
        "type",
        "kadastraleAanduiding",
        "kadastraleGrootte",
        "koopsom",
        "aardCultuurBebouwd",
        "adressen",
        "zakelijkGerechtigdeIdentificaties",
        "hypotheekIdentificaties",
        "beslagIdentificaties",
        "bijbehorendeGrondpercelen",
        "bijbehorendeAppartementsrechten",
    }
)


@dataclass(frozen=True, slots=True)
class Basissen:
    """The roots the links lead to: this API, the BAG API, the HR API."""

    brk: str
    bag: str
    hr: str


def _href(href: str) -> Json:
    return {"href": href}


def _zonder_leeg(values: Mapping[str, Any]) -> Json:
    return {key: value for key, value in values.items() if value not in (None, [], {})}


def zaak(basissen: Basissen, item: KadastraalOnroerendeZaak, *, met_gerechtigden: bool = True) -> Json:
    """``KadastraalOnroerendeZaakHal`` (a search leaves out the zakelijk gerechtigden, as the API does)."""
    self_url = f"{basissen.brk}/kadastraalonroerendezaken/{item.identificatie}"
    gerechtigden = [other.identificatie for other in item.gerechtigden] if met_gerechtigden else []
    hypotheken = [entry["identificatie"] for entry in item.lijst("hypotheken")]
    beslagen = [entry["identificatie"] for entry in item.lijst("beslagen")]
    adressen = list(item.gegevens.get("adressen", ()))
    splitsing = {naam: item.lijst(naam) for naam in ("bijbehorendeGrondpercelen", "bijbehorendeAppartementsrechten")}
    links = {
        "self": _href(self_url),
        "zakelijkGerechtigden": [_href(f"{self_url}/zakelijkgerechtigden/{nummer}") for nummer in gerechtigden],
        "hypotheken": [_href(f"{self_url}/hypotheken/{nummer}") for nummer in hypotheken],
        "beslagen": [_href(f"{self_url}/beslagen/{nummer}") for nummer in beslagen],
        "adressen": [
            _href(f"{basissen.bag}/adressen/{adres['nummeraanduidingIdentificatie']}")
            for adres in adressen
            if adres.get("nummeraanduidingIdentificatie")
        ],
        "adresseerbareObjecten": [
            _href(f"{basissen.bag}/adresseerbareobjecten/{adres['adresseerbaarObjectIdentificatie']}")
            for adres in adressen
            if adres.get("adresseerbaarObjectIdentificatie")
        ],
        **{
            naam: [_href(f"{basissen.brk}/kadastraalonroerendezaken/{zaak['identificatie']}") for zaak in zaken]
            for naam, zaken in splitsing.items()
        },
    }
    return _zonder_leeg(
        {
            "identificatie": item.identificatie,
            "domein": "NL.IMKAD.KadastraalObject",
            "type": item.type,
            "kadastraleAanduiding": str(item.aanduiding),
            "kadastraleGrootte": item.gegevens.get("kadastraleGrootte"),
            "koopsom": item.gegevens.get("koopsom"),
            "aardCultuurBebouwd": item.gegevens.get("aardCultuurBebouwd"),
            "adressen": adressen,
            "zakelijkGerechtigdeIdentificaties": gerechtigden,
            "hypotheekIdentificaties": hypotheken,
            "beslagIdentificaties": beslagen,
            **splitsing,
            "_links": _zonder_leeg(links),
        }
    )


def _persoon(item: Gerechtigde) -> Json:
    """Who: a burgerservicenummer, an RSIN, or the number the Kadaster gives a person it registered
    itself (derived from the name, the same at every start)."""
    kadaster = f"NL.IMKAD.Persoon.{int(hashlib.sha256((item.naam or '').encode()).hexdigest()[:8], 16)}"
    identificatie = item.bsn or item.rsin or kadaster
    return _zonder_leeg({"identificatie": identificatie, "omschrijving": item.naam, "type": item.persoon_type})


def gerechtigde(basissen: Basissen, koz: str, item: Gerechtigde, *, personen: bool) -> Json:
    """``ZakelijkGerechtigdeHal``: the right, the share and (a natural person only when ``personen``) who."""
    links = {"self": _href(f"{basissen.brk}/kadastraalonroerendezaken/{koz}/zakelijkgerechtigden/{item.identificatie}")}
    if item.persoon_type == INGESCHREVEN_NIET_NATUURLIJK_PERSOON and item.rsin:
        links["persoon"] = _href(f"{basissen.hr}/nietnatuurlijkpersonen/{item.rsin}")
    return _zonder_leeg(
        {
            "identificatie": item.identificatie,
            "type": item.type,
            "aanvangsdatum": item.aanvangsdatum,
            "tenaamstelling": {"aandeel": {"teller": item.teller, "noemer": item.noemer}},
            "persoon": _persoon(item) if personen or not item.natuurlijk else None,
            "_links": links,
        }
    )


def bsns(items: list[Json]) -> list[str]:
    """The burgerservicenummers answers of zakelijk gerechtigden deliver."""
    return [
        item["persoon"]["identificatie"]
        for item in items
        if item.get("persoon", {}).get("type") == INGESCHREVEN_NATUURLIJK_PERSOON
    ]


def onderdeel(base: str, koz: str, soort: str, item: Mapping[str, Any]) -> Json:
    """A hypotheek, beslag or privaatrechtelijke beperking (``soort``: its path, ``hypotheken``, …)
    with its ``self`` link."""
    return {
        **item,
        "_links": {"self": _href(f"{base}/kadastraalonroerendezaken/{koz}/{soort}/{item['identificatie']}")},
    }


def verzameling(naam: str, self_url: str, items: list[Json]) -> Json:
    """A collection answer: its ``self`` link and the items embedded under ``naam``."""
    return {"_links": {"self": _href(self_url)}, "_embedded": {naam: items}}
