# SPDX-License-Identifier: EUPL-1.2
"""The answers of the Haal Centraal WOZ API (Waardering onroerende zaken 1.0.0), built from
:mod:`~opengdi.registers.woz.domein`, and the ``fields`` parameter applied to them. No framework here.

A WOZ-object is answered with its address (``aanduiding``), its BAG objects, its values (newest
first, every year kept) and its belanghebbenden. A belanghebbende who is a natural person
(burgerservicenummer, name) is personal data: it is in the answer only when ``personen`` is true
(the caller may, and the delivery is protocolled); a rechtspersoon, enterprise or vestiging is
shown always. Links (``_links``) lead to the BAG API and the HR API of this deployment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from opengdi.registers.woz.domein import EIGENAAR, GEBRUIKER, NATUURLIJK_PERSOON, Belanghebbende, WozObject

Json = dict[str, Any]

#: The properties of a ``WozObject`` that ``fields`` may name.
VELDEN = frozenset(
    {
        "identificatie",
        "verantwoordelijkeGemeente",
        "aanduiding",
        "adresseerbaarObjectIdentificaties",
        "pandIdentificaties",
        "grondoppervlakte",
        "kadastraalOnroerendeZaken",
        "belanghebbendeEigenaar",
        "belanghebbendeGebruiker",
        "waarden",
    }
)


@dataclass(frozen=True, slots=True)
class Basissen:
    """The roots the links lead to: this API, the BAG API, the HR API, the BRK API."""

    woz: str
    bag: str
    hr: str
    brk: str


def _href(href: str) -> Json:
    return {"href": href}


def _zonder_leeg(values: Mapping[str, Any]) -> Json:
    return {key: value for key, value in values.items() if value not in (None, [], {})}


def belanghebbende(item: Belanghebbende | None, *, personen: bool) -> Json | None:
    """A ``Belanghebbende``; a natural person only when ``personen``."""
    if item is None or (item.soort == NATUURLIJK_PERSOON and not personen):
        return None
    return _zonder_leeg(
        {
            "type": item.soort,
            "burgerservicenummer": item.bsn,
            "rsin": item.rsin,
            "kvkNummer": item.kvk_nummer,
            "vestigingsnummer": item.vestigingsnummer,
            "naam": item.naam,
        }
    )


def _belanghebbende_link(basissen: Basissen, item: Belanghebbende | None) -> Json | None:
    """Where a belanghebbende of the Handelsregister is answered (a person of the BRP has no URL)."""
    if item is None:
        return None
    if item.vestigingsnummer:
        return _href(f"{basissen.hr}/vestigingen/{item.vestigingsnummer}")
    if item.kvk_nummer:
        return _href(f"{basissen.hr}/maatschappelijkeactiviteiten/{item.kvk_nummer}")
    if item.rsin:
        return _href(f"{basissen.hr}/nietnatuurlijkpersonen/{item.rsin}")
    return None


def woz_object(basissen: Basissen, item: WozObject, *, personen: bool) -> Json:
    """``WozObjectHal``."""
    gegevens = item.gegevens
    adresseerbare = list(gegevens.get("adresseerbaarObjectIdentificaties", ()))
    panden = list(gegevens.get("pandIdentificaties", ()))
    eigenaar, gebruiker = item.belanghebbende(EIGENAAR), item.belanghebbende(GEBRUIKER)
    links = {
        "self": _href(f"{basissen.woz}/wozobjecten/{item.identificatie}"),
        "adres": _href(f"{basissen.bag}/adressen/{item.nummeraanduiding}") if item.nummeraanduiding else None,
        "adresseerbareObjecten": [_href(f"{basissen.bag}/adresseerbareobjecten/{nummer}") for nummer in adresseerbare],
        "panden": [_href(f"{basissen.bag}/panden/{nummer}") for nummer in panden],
        "belanghebbendeEigenaar": _belanghebbende_link(basissen, eigenaar),
        "belanghebbendeGebruiker": _belanghebbende_link(basissen, gebruiker),
        "kadastraalOnroerendeZaken": [
            _href(f"{basissen.brk}/kadastraalonroerendezaken/{zaak['identificatie']}")
            for zaak in gegevens.get("kadastraalOnroerendeZaken", ())
        ],
    }
    return _zonder_leeg(
        {
            "identificatie": item.identificatie,
            "verantwoordelijkeGemeente": gegevens.get("verantwoordelijkeGemeente"),
            "aanduiding": _zonder_leeg(item.aanduiding),
            "adresseerbaarObjectIdentificaties": adresseerbare,
            "pandIdentificaties": panden,
            "grondoppervlakte": gegevens.get("grondoppervlakte"),
            "kadastraalOnroerendeZaken": list(gegevens.get("kadastraalOnroerendeZaken", ())),
            "belanghebbendeEigenaar": belanghebbende(eigenaar, personen=personen),
            "belanghebbendeGebruiker": belanghebbende(gebruiker, personen=personen),
            "waarden": [
                _zonder_leeg(
                    {
                        "vastgesteldeWaarde": waarde.vastgestelde_waarde,
                        "waardepeildatum": waarde.waardepeildatum,
                        "ingangsdatum": waarde.ingangsdatum,
                        "beschikkingsStatussen": list(waarde.statussen),
                        "indicatieBezwaarBeroep": waarde.bezwaar_beroep,
                    }
                )
                for waarde in item.waarden
            ],
            "_links": _zonder_leeg(links),
        }
    )


def personen(body: Mapping[str, Any]) -> list[str]:
    """The burgerservicenummers an answer of a WOZ-object delivers (of its belanghebbenden)."""
    found = (body.get(key) or {} for key in ("belanghebbendeEigenaar", "belanghebbendeGebruiker"))
    return [item["burgerservicenummer"] for item in found if item.get("burgerservicenummer")]
