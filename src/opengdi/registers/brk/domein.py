# SPDX-License-Identifier: EUPL-1.2
"""What the BRK knows of a kadastraal onroerende zaak, as plain data, and how the demo makes one.
No framework here.

A :class:`KadastraalOnroerendeZaak` is a perceel (or an appartementsrecht in one), known by the
Kadaster's identificatie and by its kadastrale aanduiding: the kadastrale gemeente, the sectie and
the perceelnummer (and, for an appartementsrecht, its index: ``Rotterdam B 1234 A2``). Its
:class:`Gerechtigde` hold a zakelijk recht on it (eigendom, erfpacht, …) with a share; its
hypotheken, beslagen and publiekrechtelijke beperkingen travel in ``gegevens``, as the Haal Centraal
BRK API names them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.tekst import fold

PERCEEL = "perceel"
APPARTEMENTSRECHT = "appartementsrecht"
EIGENAAR = "eigenaar"
#: The kinds of zakelijk recht (the document's ``TypeGerechtigdeEnum``).
GERECHTIGDE_TYPES = frozenset(
    {
        "beklemrechthouder",
        "eigenaar",
        "erfpachter",
        "gebruik_bewoning",
        "grondrente",
        "opstalhouder",
        "vaderlandsrecht",
        "artikel5_3b_geheel",
        "stadsmeierrecht",
        "vruchtgebruiker",
        "erfpachter_opstalhouder",
        "nutsvoorzieningen",
        "brondocument",
        "twee_belastingen",
        "belasting_derde",
        "bp_recht",
        "nutsvoorzieningen_gedeelte",
        "artikel5_3b",
    }
)
INGESCHREVEN_NATUURLIJK_PERSOON = "ingeschreven_natuurlijk_persoon"
INGESCHREVEN_NIET_NATUURLIJK_PERSOON = "ingeschreven_niet_natuurlijk_persoon"
KADASTER_NATUURLIJK_PERSOON = "kadaster_natuurlijk_persoon"
KADASTER_NIET_NATUURLIJK_PERSOON = "kadaster_niet_natuurlijk_persoon"
NATUURLIJKE_PERSONEN = frozenset({INGESCHREVEN_NATUURLIJK_PERSOON, KADASTER_NATUURLIJK_PERSOON})
#: A kadastrale aanduiding as the API's parameter writes it (the document's pattern).
AANDUIDING = re.compile(
    r"([a-zA-Z0-9'][a-zA-Z0-9' ,-]*[a-zA-Z0-9]) ([A-IK-Z]{1,2}) ([1-9][0-9]{0,4})( A[1-9][0-9]{0,3})?"
)
#: The secties the demo numbers its percelen in (a kadastrale gemeente has no J).
_SECTIES = "ABCDEFGHIKLMNOPQRSTUVWXYZ"
_PER_SECTIE = 9_999
#: One in so many zaken owned by persons is under beslag, one in so many a gemeentelijk monument.
_BESLAG_PER, _BEPERKING_PER = 60, 40


@dataclass(frozen=True, slots=True)
class Aanduiding:
    """A kadastrale aanduiding: gemeente (as written), sectie, perceelnummer, appartementsindex."""

    gemeente: str
    sectie: str
    perceelnummer: int
    appartementsindex: int | None = None

    @classmethod
    def lees(cls, text: str) -> Aanduiding | None:
        """The aanduiding ``text`` writes (``Rotterdam B 1234``, ``'s Gravenhage C 1277 A3``), if any."""
        match = AANDUIDING.fullmatch(text)
        if match is None:
            return None
        gemeente, sectie, nummer, index = match.groups()
        return cls(gemeente, sectie, int(nummer), int(index[2:]) if index else None)

    @property
    def sleutel(self) -> str:
        """The gemeente as a search key (folded)."""
        return fold(self.gemeente)

    def __str__(self) -> str:
        index = f" A{self.appartementsindex}" if self.appartementsindex is not None else ""
        return f"{self.gemeente} {self.sectie} {self.perceelnummer}{index}"


@dataclass(frozen=True, slots=True)
class Gerechtigde:
    """Who holds a zakelijk recht (``type``: eigenaar, …) on a zaak, with which share: a person of
    the BRP (burgerservicenummer), a rechtspersoon of the NHR (RSIN), or one only the Kadaster
    registered (by name)."""

    identificatie: str
    type: str
    persoon_type: str
    teller: int = 1
    noemer: int = 1
    bsn: str | None = None
    rsin: str | None = None
    naam: str | None = None
    aanvangsdatum: str | None = None

    @property
    def natuurlijk(self) -> bool:
        return self.persoon_type in NATUURLIJKE_PERSONEN


@dataclass(frozen=True, slots=True)
class KadastraalOnroerendeZaak:
    """One zaak with its gerechtigden; ``gegevens`` holds the rest as the API names it."""

    identificatie: str
    type: str
    aanduiding: Aanduiding
    gegevens: Mapping[str, Any]
    adresseerbaar_object: str | None = None
    nummeraanduiding: str | None = None
    gerechtigden: tuple[Gerechtigde, ...] = ()

    def lijst(self, naam: str) -> list[dict[str, Any]]:
        """The hypotheken, beslagen or publiekrechtelijkeBeperkingen on it."""
        return [dict(item) for item in self.gegevens.get(naam, ())]


def _getal(sleutel: str, laag: int, hoog: int) -> int:
    """A number from ``laag`` to ``hoog`` derived from ``sleutel``: the same at every start."""
    return laag + int(hashlib.sha256(sleutel.encode()).hexdigest()[:8], 16) % (hoog - laag + 1)


def demo_zaken(
    adressen: Sequence[BagAdres], bewoners: Mapping[str, Sequence[str]], werkadressen: Collection[str] = frozenset()
) -> list[KadastraalOnroerendeZaak]:
    """A perceel for each address, or for each pand that holds several of them: in the kadastrale
    gemeente named after its woonplaats, numbered in order of adresseerbaar object through the
    secties. A pand of several verblijfsobjecten is split (a splitsing in appartementsrechten): its
    grondperceel names its appartementsrechten and holds no rights itself, and each verblijfsobject
    is an appartementsrecht ``… A1``, ``… A2`` of it. Each perceel or appartementsrecht at an address
    is owned in equal shares by the persons ``bewoners`` names there (at most two, by
    burgerservicenummer), or else by a woonstichting (for the adresseerbare objecten ``werkadressen``
    names: a vastgoedfonds) the Kadaster registered; with a grootte (a perceel), a koopsom and, when
    persons own it, a hypotheek, now and then a beslag; now and then a publiekrechtelijke beperking."""
    volgnummers: dict[str, int] = {}
    zaken: list[KadastraalOnroerendeZaak] = []
    for nummer, groep in enumerate(_per_perceel(adressen), start=1):
        eerste = groep[0]
        volgnummer = volgnummers[eerste.woonplaats] = volgnummers.get(eerste.woonplaats, 0) + 1
        aanduiding = Aanduiding(
            eerste.woonplaats,
            _SECTIES[(volgnummer - 1) // _PER_SECTIE % len(_SECTIES)],
            (volgnummer - 1) % _PER_SECTIE + 1,
        )
        perceel = f"{eerste.gemeentecode}{nummer:08d}0000"
        if len(groep) == 1:
            zaken.append(_zaak(perceel, aanduiding, eerste, bewoners, werkadressen))
            continue
        rechten = [
            _zaak(
                perceel[:-4] + f"{index:04d}",
                replace(aanduiding, appartementsindex=index),
                adres,
                bewoners,
                werkadressen,
                grondperceel=perceel,
            )
            for index, adres in enumerate(groep, start=1)
        ]
        zaken += [
            _grondperceel(perceel, aanduiding, rechten, wonen=eerste.adresseerbaar_object not in werkadressen),
            *rechten,
        ]
    return zaken


def _per_perceel(adressen: Sequence[BagAdres]) -> list[list[BagAdres]]:
    """The addresses grouped by the perceel they lie on: one per pand (its verblijfsobjecten, when it
    holds several), else one each; in order of gemeente, woonplaats and adresseerbaar object."""
    groepen: dict[str, list[BagAdres]] = {}
    for adres in sorted(adressen, key=lambda item: (item.gemeentecode, item.woonplaats, item.adresseerbaar_object)):
        sleutel = adres.panden[0] if adres.panden else adres.adresseerbaar_object
        groepen.setdefault(sleutel, []).append(adres)
    return list(groepen.values())


def _zaak(
    identificatie: str,
    aanduiding: Aanduiding,
    adres: BagAdres,
    bewoners: Mapping[str, Sequence[str]],
    werkadressen: Collection[str],
    *,
    grondperceel: str | None = None,
) -> KadastraalOnroerendeZaak:
    """The perceel at ``adres``, or (with its ``grondperceel``) the appartementsrecht there."""
    personen = sorted(bewoners.get(adres.adresseerbaar_object, ()))[:2]
    gerechtigden = tuple(
        Gerechtigde(str(nummer), EIGENAAR, INGESCHREVEN_NATUURLIJK_PERSOON, 1, len(personen), bsn=bsn)
        for nummer, bsn in enumerate(personen, start=1)
    ) or (Gerechtigde("1", EIGENAAR, KADASTER_NIET_NATUURLIJK_PERSOON, naam=_eigenaar(adres, werkadressen)),)
    gegevens = _demogegevens(adres, bool(personen), adres.adresseerbaar_object not in werkadressen)
    if grondperceel is not None:
        del gegevens["kadastraleGrootte"]  # an appartementsrecht has no grootte of its own
        gegevens["bijbehorendeGrondpercelen"] = [{"identificatie": grondperceel}]
    soort = PERCEEL if grondperceel is None else APPARTEMENTSRECHT
    return KadastraalOnroerendeZaak(
        identificatie, soort, aanduiding, gegevens, adres.adresseerbaar_object, adres.nummeraanduiding, gerechtigden
    )


def _grondperceel(
    identificatie: str, aanduiding: Aanduiding, rechten: Sequence[KadastraalOnroerendeZaak], *, wonen: bool
) -> KadastraalOnroerendeZaak:
    """The split perceel under ``rechten``: its grootte and its appartementsrechten, no rights of its own."""
    gegevens: dict[str, Any] = {
        "kadastraleGrootte": {
            "soortGrootte": {"code": "1", "waarde": "Vastgesteld"},
            "waarde": _getal(identificatie, 200, 2_500),
        },
        "bijbehorendeAppartementsrechten": [
            {
                "identificatie": recht.identificatie,
                "volgnummer": recht.aanduiding.appartementsindex,
                "indicatieSluimerend": False,
            }
            for recht in rechten
        ],
    }
    if wonen:
        gegevens["aardCultuurBebouwd"] = {"code": "11", "waarde": "Wonen"}
    return KadastraalOnroerendeZaak(identificatie, PERCEEL, aanduiding, gegevens)


def _eigenaar(adres: BagAdres, werkadressen: Collection[str]) -> str:
    """Who owns an address nobody living there owns."""
    if adres.adresseerbaar_object in werkadressen:
        return f"Vastgoedfonds {adres.woonplaats} N.V."
    return f"Woonstichting {adres.woonplaats}"


def _demogegevens(adres: BagAdres, hypotheek: bool, wonen: bool) -> dict[str, Any]:
    sleutel = adres.adresseerbaar_object
    gegevens: dict[str, Any] = {
        "kadastraleGrootte": {
            "soortGrootte": {"code": "1", "waarde": "Vastgesteld"},
            "waarde": _getal(sleutel, 80, 800),
        },
        "koopsom": {"koopsom": _getal(sleutel + "k", 90, 700) * 1_000, "koopjaar": _getal(sleutel + "j", 1985, 2024)},
        "adressen": [
            {
                key: value
                for key, value in {
                    "straat": adres.openbare_ruimte,
                    "huisnummer": adres.huisnummer,
                    "huisletter": adres.huisletter or None,
                    "huisnummertoevoeging": adres.toevoeging or None,
                    "postcode": adres.postcode,
                    "woonplaats": adres.woonplaats,
                    "nummeraanduidingIdentificatie": adres.nummeraanduiding,
                    "adresseerbaarObjectIdentificatie": adres.adresseerbaar_object,
                }.items()
                if value
            }
        ],
    }
    if wonen:
        gegevens["aardCultuurBebouwd"] = {"code": "11", "waarde": "Wonen"}
    if hypotheek and _getal(sleutel + "b", 1, _BESLAG_PER) == 1:
        gegevens["beslagen"] = [_beslag(sleutel)]
    if _getal(sleutel + "p", 1, _BEPERKING_PER) == 1:
        gegevens["publiekrechtelijkeBeperkingen"] = [_beperking(adres)]
    if hypotheek:
        bedrag = _getal(sleutel + "h", 50, 500) * 1_000
        gegevens["hypotheken"] = [
            {
                "identificatie": "1",
                "domein": "NL.IMKAD.ZakelijkRecht",
                "hypotheekhouders": [
                    {
                        "identificatie": "NL.IMKAD.Persoon.1",
                        "omschrijving": "Demohypotheekbank N.V.",
                        "type": KADASTER_NIET_NATUURLIJK_PERSOON,
                    }
                ],
                "bedragZekerheidsstelling": {"som": bedrag, "valuta": {"code": "EUR", "waarde": "Euro"}},
            }
        ]
    return gegevens


def _beslag(sleutel: str) -> dict[str, Any]:
    """An executoriaal beslag of the Belastingdienst (the demo's)."""
    return {
        "identificatie": "1",
        "domein": "NL.IMKAD.ZakelijkRecht",
        "aard": {"waarde": "Executoriaal beslag"},
        "beslagleggers": [
            {
                "identificatie": "NL.IMKAD.Persoon.2",
                "omschrijving": "Belastingdienst",
                "type": KADASTER_NIET_NATUURLIJK_PERSOON,
            }
        ],
        "bedragVordering": {"som": _getal(sleutel + "v", 2, 60) * 1_000, "valuta": {"code": "EUR", "waarde": "Euro"}},
    }


def _beperking(adres: BagAdres) -> dict[str, Any]:
    """A gemeentelijk monument, laid on by the municipality (the demo's)."""
    return {
        "identificatie": "1",
        "domein": "NL.IMKAD.Beperking",
        "grondslag": {"waarde": "Erfgoedwet: gemeentelijk monument"},
        "datumInWerking": f"{_getal(adres.adresseerbaar_object + 'm', 1990, 2024)}-01-01",
        "bevoegdGezag": {"omschrijving": f"Gemeente {adres.woonplaats}", "type": KADASTER_NIET_NATUURLIJK_PERSOON},
    }
