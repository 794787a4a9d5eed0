# SPDX-License-Identifier: EUPL-1.2
"""The answers of the Haal Centraal HR API (Handelsregister bevragen 1.0.0), built from
:mod:`~opengdi.registers.nhr.domein`, and the criteria its searches take. No framework here.

Shapes as the published document (``data/hr-bevragen-1.0.0.openapi.yaml``) has them:
``application/hal+json`` with ``_links``, dates as ``DatumOnvolledig`` (``datum``, ``jaar``,
``maand``, ``dag``, each as far as known), indications as booleans, the owner with its
functionarissen in their groups (``bestuurders``, ``gemachtigde``, ``aansprakelijken``,
``overigeFunctionarissen``; ended functions are history and not shown). What identifies a natural
person (the owner of an eenmanszaak, a functionaris) is personal data: an answer holds it only when
``personen`` is true (the caller may, and the delivery is protocolled); a rechtspersoon is shown
always. A shielded address shows only its place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opengdi.registers.nhr.domein import (
    BEZOEKADRES,
    CORRESPONDENTIEADRES,
    FUNCTIES,
    Functionaris,
    Onderneming,
    Vestiging,
)
from opengdi.registers.nhr.kvk import afgeschermd

Json = dict[str, Any]

#: The KvK's rechtsvormen as the HR API's enumeration names them (an eenmanszaak is none).
RECHTSVORMEN = {
    "BeslotenVennootschap": "besloten_vennootschap",
    "NaamlozeVennootschap": "naamloze_vennootschap",
    "Cooperatie": "cooperatie",
    "Kerkgenootschap": "kerkgenootschap",
    "VerenigingVanEigenaars": "vereniging_van_eigenaars",
    "OnderlingeWaarborgMaatschappij": "onderlinge_waarborg_maatschappij",
    "Stichting": "stichting",
    "Vereniging": "vereniging",
    "Maatschap": "maatschap",
    "VennootschapOnderFirma": "vennootschap_onder_de_firma",
    "CommanditaireVennootschap": "commanditaire_vennootschap",
}
INGESCHREVEN_PERSOON = "ingeschrevenpersoon"
HANDELSREGISTER_PERSOON = "handelsregisterpersoon"
NIET_NATUURLIJK_PERSOON = "nietnatuurlijkpersoon"
#: The kind of subject the protocol records for each type of natural person.
PROTOCOLSOORTEN = {INGESCHREVEN_PERSOON: "burgerservicenummer", HANDELSREGISTER_PERSOON: HANDELSREGISTER_PERSOON}


@dataclass(frozen=True, slots=True)
class Criteria:
    """What a search of the HR API asks; every given criterion must hold. Addresses are those of the
    vestigingen (their bezoekadres); ``rechtspersonen`` keeps only enterprises of a rechtspersoon."""

    kvk_nummer: str | None = None
    naam: str | None = None
    eigenaar_bsn: str | None = None
    bestuurder_bsn: str | None = None
    rsin: str | None = None
    nummeraanduiding: str | None = None
    adresseerbaar_object: str | None = None
    postcode: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    straatnaam: str | None = None
    woonplaats: str | None = None
    rechtspersonen: bool = False

    def past_bij(self, vestiging: Vestiging) -> bool:
        """Whether the huisletter and toevoeging asked (no column of their own) match the bezoekadres."""
        adres = vestiging.adres(BEZOEKADRES) or {}
        return all(
            asked is None or str(adres.get(key) or "").lower() == asked.lower()
            for key, asked in (("huisletter", self.huisletter), ("huisnummerToevoeging", self.huisnummertoevoeging))
        )


def onvolledig(datum: str | None) -> Json | None:
    """A date (``YYYY-MM-DD``, or the KvK's ``YYYYMMDD`` with ``00`` for what is unknown) as
    ``DatumOnvolledig``: ``datum`` when wholly known, and each known part."""
    if not datum:
        return None
    digits = datum.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    jaar, maand, dag = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    found: Json = {"jaar": jaar} if jaar else {}
    if maand:
        found["maand"] = maand
    if dag:
        found["dag"] = dag
    if jaar and maand and dag:
        found = {"datum": f"{digits[:4]}-{digits[4:6]}-{digits[6:]}", **found}
    return found or None


def _zonder_leeg(values: Mapping[str, Any]) -> Json:
    return {key: value for key, value in values.items() if value not in (None, [], {})}


def adres(adres: Mapping[str, Any] | None, vestiging: Vestiging | None = None) -> Json | None:
    """An address of the KvK's kind as the HR API's ``Adres`` (``Postadres`` with a postbus), with
    the BAG identifications of the vestiging's bezoekadres."""
    if not adres:
        return None
    if afgeschermd(adres):
        return {"woonplaats": adres.get("plaats"), "land": adres.get("land", "Nederland")}
    nummer = f"{adres.get('huisnummer') or ''}{adres.get('huisletter') or ''}"
    straat = " ".join(
        str(part) for part in (adres.get("straatnaam"), nummer, adres.get("huisnummerToevoeging")) if part
    )
    bag = vestiging if vestiging is not None and adres.get("type") == BEZOEKADRES else None
    return _zonder_leeg(
        {
            "nummeraanduidingidentificatie": bag.nummeraanduiding if bag else None,
            "adresseerbaarobjectidentificatie": bag.adresseerbaar_object if bag else None,
            "straatnaam": adres.get("straatnaam"),
            "huisnummer": adres.get("huisnummer"),
            "huisletter": adres.get("huisletter"),
            "huisnummertoevoeging": adres.get("huisnummerToevoeging"),
            "postbusnummer": adres.get("postbusnummer"),
            "postcode": adres.get("postcode"),
            "woonplaats": adres.get("plaats"),
            "straatHuisnummer": straat or None,
            "postcodeWoonplaats": " ".join(str(part) for part in (adres.get("postcode"), adres.get("plaats")) if part)
            or None,
            "land": adres.get("land", "Nederland"),
        }
    )


def _activiteiten(gegevens: Mapping[str, Any]) -> list[Json]:
    """The SBI-activiteiten, one ``Activiteit`` each."""
    return [
        {
            "omschrijving": item.get("sbiOmschrijving"),
            "sbiActiviteiten": [
                {"sbiCode": item["sbiCode"], "indicatieHoofdactiviteit": item.get("indHoofdactiviteit") == "Ja"}
            ],
        }
        for item in gegevens.get("sbiActiviteiten", ())
    ]


def _type(item: Functionaris) -> str:
    if item.bsn is not None:
        return INGESCHREVEN_PERSOON
    return HANDELSREGISTER_PERSOON if item.hr_persoon is not None else NIET_NATUURLIJK_PERSOON


def functionaris(item: Functionaris) -> Json:
    """One functionaris as the HR API shows it in its group."""
    return _zonder_leeg(
        {
            "identificatie": item.bsn or item.rsin or item.hr_persoon,
            "type": _type(item),
            "volledigeNaam": item.naam,
            "omschrijving": item.naam,
            "functie": item.functie,
            "datumAanvang": onvolledig(item.datum_aanvang),
            "datumEinde": onvolledig(item.datum_einde),
            **item.gegevens,
        }
    )


def _eigenaar_persoon(onderneming: Onderneming) -> Json | None:
    if onderneming.rsin:
        naam = onderneming.gegevens.get("statutaireNaam") or onderneming.naam
        return {"identificatie": onderneming.rsin, "type": NIET_NATUURLIJK_PERSOON, "volledigeNaam": naam}
    if onderneming.eigenaar_bsn:
        return _zonder_leeg(
            {
                "identificatie": onderneming.eigenaar_bsn,
                "type": INGESCHREVEN_PERSOON,
                "volledigeNaam": onderneming.eigenaar_naam,
                "omschrijving": onderneming.eigenaar_naam,
            }
        )
    return None


def zichtbaar(functionarissen: Sequence[Functionaris], *, personen: bool) -> list[Functionaris]:
    """The functionarissen an answer shows: those in function, natural persons only when ``personen``."""
    return [item for item in functionarissen if item.actief and (personen or not item.natuurlijk)]


def _groepen(functionarissen: Sequence[Functionaris]) -> Json:
    return {groep: [functionaris(item) for item in functionarissen if item.groep == groep] for groep in FUNCTIES}


def eigenaar(onderneming: Onderneming, functionarissen: Sequence[Functionaris], *, personen: bool) -> Json:
    """The owner (``Eigenaar``): who it is, its rechtsvorm, its functionarissen in function."""
    persoon = _eigenaar_persoon(onderneming)
    if persoon is not None and persoon["type"] == INGESCHREVEN_PERSOON and not personen:
        persoon = None
    return _zonder_leeg(
        {
            "persoon": persoon,
            "rechtsvorm": RECHTSVORMEN.get(onderneming.rechtsvorm),
            **_groepen(zichtbaar(functionarissen, personen=personen)),
        }
    )


def _hoofd(vestigingen: Sequence[Vestiging]) -> Vestiging | None:
    return next((item for item in vestigingen if item.hoofdvestiging), None)


def _adressen(onderneming: Onderneming, vestigingen: Sequence[Vestiging]) -> tuple[Json | None, Json | None]:
    """The bezoek- and postadres of an enterprise: its hoofdvestiging's, or its owner's own."""
    hoofd = _hoofd(vestigingen)
    items = hoofd.gegevens.get("adressen", ()) if hoofd else onderneming.gegevens.get("eigenaarAdressen", ())
    soort = {item.get("type"): item for item in items}
    return adres(soort.get(BEZOEKADRES), hoofd), adres(soort.get(CORRESPONDENTIEADRES), hoofd)


def _href(href: str) -> Json:
    return {"href": href}


def bag_adres(bag: str, vestiging: Vestiging | None) -> Json | None:
    """The link to the BAG address of a vestiging, when it has one."""
    if vestiging is None or not vestiging.nummeraanduiding:
        return None
    return _href(f"{bag}/adressen/{vestiging.nummeraanduiding}")


def maatschappelijke_activiteit(
    base: str,
    bag: str,
    onderneming: Onderneming,
    vestigingen: Sequence[Vestiging],
    functionarissen: Sequence[Functionaris],
    *,
    personen: bool,
) -> Json:
    """``MaatschappelijkeActiviteitHalBasis``: the enterprise with its owner, its addresses (those
    of its hoofdvestiging) and the numbers of its vestigingen."""
    bezoekadres, postadres = _adressen(onderneming, vestigingen)
    hoofd = _hoofd(vestigingen)
    aanvang, einde = (
        (onderneming.gegevens.get("materieleRegistratie") or {}).get(key) for key in ("datumAanvang", "datumEinde")
    )
    links = {
        "self": _href(f"{base}/maatschappelijkeactiviteiten/{onderneming.kvk_nummer}"),
        "adres": bag_adres(bag, hoofd),
        "eigenaar": _href(f"{base}/nietnatuurlijkpersonen/{onderneming.rsin}") if onderneming.rsin else None,
        "vestigingen": _href(f"{base}/vestigingen?kvknummer={onderneming.kvk_nummer}") if vestigingen else None,
    }
    return _zonder_leeg(
        {
            "kvknummer": onderneming.kvk_nummer,
            "eersteHandelsnaam": onderneming.naam,
            "handelsnamen": list(onderneming.gegevens.get("handelsnamen", ())),
            "activiteiten": _activiteiten(onderneming.gegevens),
            "eigenaar": eigenaar(onderneming, functionarissen, personen=personen),
            "bezoekadres": bezoekadres,
            "postadres": postadres,
            "datumAanvang": onvolledig(aanvang),
            "datumEinde": onvolledig(einde),
            "hoofdvestigingNummer": hoofd.vestigingsnummer if hoofd else None,
            "vestigingNummers": [item.vestigingsnummer for item in vestigingen],
            "_links": _zonder_leeg(links),
        }
    )


def vestiging(base: str, bag: str, item: Vestiging) -> Json:
    """``VestigingHal``: a vestiging with its addresses and its enterprise."""
    soort = {adres_.get("type"): adres_ for adres_ in item.gegevens.get("adressen", ())}
    links = {
        "self": _href(f"{base}/vestigingen/{item.vestigingsnummer}"),
        "adres": bag_adres(bag, item),
        "maatschappelijkeActiviteit": _href(f"{base}/maatschappelijkeactiviteiten/{item.kvk_nummer}"),
    }
    return _zonder_leeg(
        {
            "vestigingsnummer": item.vestigingsnummer,
            "kvknummer": item.kvk_nummer,
            "eersteHandelsnaam": item.naam,
            "handelsnamen": list(item.handelsnamen),
            "bezoekadres": adres(soort.get(BEZOEKADRES), item),
            "postadres": adres(soort.get(CORRESPONDENTIEADRES), item),
            "_links": _zonder_leeg(links),
        }
    )


def niet_natuurlijk_persoon(
    base: str,
    onderneming: Onderneming,
    vestigingen: Sequence[Vestiging],
    functionarissen: Sequence[Functionaris],
    *,
    personen: bool,
) -> Json:
    """``NietNatuurlijkPersoonHal``: the rechtspersoon that owns an enterprise, with its functionarissen."""
    bezoekadres, postadres = _adressen(onderneming, vestigingen)
    gegevens = onderneming.gegevens
    aanvang = (gegevens.get("materieleRegistratie") or {}).get("datumAanvang")
    return _zonder_leeg(
        {
            "rsin": onderneming.rsin,
            "nietNatuurlijkPersoonType": "rechtspersoon",
            "naam": gegevens.get("statutaireNaam") or onderneming.naam,
            "rechtsvorm": RECHTSVORMEN.get(onderneming.rechtsvorm),
            "bezoekadres": bezoekadres,
            "postadres": postadres,
            "datumOprichting": onvolledig(aanvang),
            "datumEersteInschrijvingHandelsregister": onvolledig(gegevens.get("formeleRegistratiedatum")),
            **_groepen(zichtbaar(functionarissen, personen=personen)),
            "kvknummers": [onderneming.kvk_nummer],
            "_links": {
                "self": _href(f"{base}/nietnatuurlijkpersonen/{onderneming.rsin}"),
                "maatschappelijkeActiviteiten": [
                    _href(f"{base}/maatschappelijkeactiviteiten/{onderneming.kvk_nummer}")
                ],
            },
        }
    )


def verzameling(naam: str, self_url: str, items: Sequence[Json]) -> Json:
    """A collection answer: its ``self`` link and the items embedded under ``naam``."""
    return {"_links": {"self": _href(self_url)}, "_embedded": {naam: list(items)}}


def handelsregisterpersoon(base: str, identificatie: str, functies: Sequence[Functionaris]) -> Json:
    """``HandelsregisterPersoonHal``: a natural person not in the BRP, with the enterprises at
    whose owner it holds a function now (its name and birth as registered with its last function)."""
    laatste = functies[-1]
    kvk_nummers = list(dict.fromkeys(item.kvk_nummer for item in functies if item.actief))
    return _zonder_leeg(
        {
            "identificatie": identificatie,
            "naam": laatste.naam,
            "geboorte": laatste.gegevens.get("geboorte"),
            "kvknummers": kvk_nummers,
            "_links": {
                "self": _href(f"{base}/handelsregisterpersonen/{identificatie}"),
                "maatschappelijkeActiviteiten": [
                    _href(f"{base}/maatschappelijkeactiviteiten/{nummer}") for nummer in kvk_nummers
                ],
            },
        }
    )


def natuurlijke_personen(items: Sequence[Json]) -> list[tuple[str, str]]:
    """The natural persons answers of maatschappelijke activiteiten or rechtspersonen deliver (owners,
    functionarissen), as (kind of subject for the protocol, identification)."""
    found: list[tuple[str, str]] = []

    def add(entry: Mapping[str, Any]) -> None:
        soort = PROTOCOLSOORTEN.get(str(entry.get("type")))
        if soort is not None:
            found.append((soort, entry["identificatie"]))

    for item in items:
        for group in (item, item.get("eigenaar", {})):
            if persoon := group.get("persoon"):
                add(persoon)
            for name in FUNCTIES:
                for entry in group.get(name, ()):
                    add(entry)
    return list(dict.fromkeys(found))
