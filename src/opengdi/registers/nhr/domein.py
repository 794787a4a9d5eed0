# SPDX-License-Identifier: EUPL-1.2
"""What the Handelsregister knows of an enterprise and its vestigingen, as plain data. No framework here.

An :class:`Onderneming` is a maatschappelijke activiteit (KvK-nummer) with its owner (a rechtspersoon
by RSIN, or a natural person by burgerservicenummer), handelsnamen, SBI-activiteiten and werkzame
personen; a :class:`Vestiging` is one place it works from (vestigingsnummer), with its addresses; a
:class:`Functionaris` is a person who may act for the owner (a bestuurder, a gevolmachtigde, …),
with the period of the function (an ended one stays: the history).
``gegevens`` holds the facts as the KvK's APIs name them (dates as ``YYYYMMDD``, indications as
``Ja``/``Nee``, handelsnamen in order of registration); :mod:`~opengdi.registers.nhr.kvk` answers
from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opengdi.kernel.tekst import fold

#: The kinds of address a vestiging has: where it is visited, where post goes.
BEZOEKADRES = "bezoekadres"
CORRESPONDENTIEADRES = "correspondentieadres"


def iso_datum(kvk_datum: str | None) -> str | None:
    """A KvK date (``YYYYMMDD``; ``00`` where a part is unknown) as ``YYYY-MM-DD``, when wholly known."""
    if not kvk_datum or len(kvk_datum) != 8 or not kvk_datum.isdigit() or "00" in (kvk_datum[4:6], kvk_datum[6:]):
        return None
    return f"{kvk_datum[:4]}-{kvk_datum[4:6]}-{kvk_datum[6:]}"


def zoeknaam(*namen: str) -> str:
    """Names as one search key: folded, separated by ``|`` (which no folded name holds)."""
    return "|".join(fold(naam) for naam in namen)


def _periode(gegevens: Mapping[str, Any]) -> tuple[str | None, str | None]:
    registratie = gegevens.get("materieleRegistratie") or {}
    return iso_datum(registratie.get("datumAanvang")), iso_datum(registratie.get("datumEinde"))


def _actief(gegevens: Mapping[str, Any]) -> bool:
    """Whether no end is registered (a partly unknown end date is an end too)."""
    return not (gegevens.get("materieleRegistratie") or {}).get("datumEinde")


@dataclass(frozen=True, slots=True)
class Vestiging:
    """One vestiging: its number, its enterprise, and what its profile shows."""

    vestigingsnummer: str
    kvk_nummer: str
    gegevens: Mapping[str, Any]
    nummeraanduiding: str | None = None
    adresseerbaar_object: str | None = None

    @property
    def hoofdvestiging(self) -> bool:
        return bool(self.gegevens.get("indHoofdvestiging") == "Ja")

    @property
    def handelsnamen(self) -> Sequence[str]:
        return tuple(self.gegevens.get("handelsnamen", ()))

    @property
    def naam(self) -> str:
        """The first handelsnaam."""
        return self.handelsnamen[0] if self.handelsnamen else ""

    def adres(self, soort: str) -> Mapping[str, Any] | None:
        """Its address of kind ``soort`` (:data:`BEZOEKADRES`, :data:`CORRESPONDENTIEADRES`), if any."""
        return next((item for item in self.gegevens.get("adressen", ()) if item.get("type") == soort), None)

    @property
    def periode(self) -> tuple[str | None, str | None]:
        """When it began and ended (``YYYY-MM-DD``), as far as known."""
        return _periode(self.gegevens)

    @property
    def actief(self) -> bool:
        """Whether it has not ended."""
        return _actief(self.gegevens)


@dataclass(frozen=True, slots=True)
class Onderneming:
    """One maatschappelijke activiteit: its KvK-nummer, its owner, and what its basisprofiel shows."""

    kvk_nummer: str
    gegevens: Mapping[str, Any]
    eigenaar_bsn: str | None = None

    @property
    def rsin(self) -> str | None:
        """The RSIN of its owner, when that is a rechtspersoon."""
        value = self.gegevens.get("rsin")
        return str(value) if value else None

    @property
    def naam(self) -> str:
        return str(self.gegevens.get("naam", ""))

    @property
    def rechtsvorm(self) -> str:
        return str(self.gegevens.get("rechtsvorm", ""))

    @property
    def eigenaar_naam(self) -> str | None:
        """The name of an owner who is a natural person, as the Handelsregister has it."""
        value = self.gegevens.get("eigenaarNaam")
        return str(value) if value else None

    @property
    def periode(self) -> tuple[str | None, str | None]:
        """When it began and ended (``YYYY-MM-DD``), as far as known."""
        return _periode(self.gegevens)

    @property
    def actief(self) -> bool:
        """Whether it has not ended."""
        return _actief(self.gegevens)


#: The groups of functionarissen of the Haal Centraal HR API, with the functions each holds.
FUNCTIES: Mapping[str, tuple[str, ...]] = {
    "bestuurders": (
        "bestuurder",
        "vereffenaar",
        "lid_bestuurdend_orgaan",
        "lid_leidinggevend_orgaan",
        "persoon_krachtens_statuten_bevoegd_bij_ontstentenis_belet_van_de_bestuurders",
        "vertegenwoordiger_bestuurder_rechtspersoon",
    ),
    "gemachtigde": ("gevolmachtigde", "handelsagent", "beheerder", "boekhouder", "privaatrechtelijk"),
    "aansprakelijken": ("medeeigenaar", "vereffenaar", "vennoot", "maat", "lid_rederij", "bevoegd_functionaris"),
    "overigeFunctionarissen": (
        "bewaarder_boeken_en_bescheiden",
        "commissaris",
        "enig_aandeelhouder",
        "functionaris_volgens_buitenlands_recht",
        "aandeelhouder_niet_volgestorte_aandelen",
        "lid_eesv",
        "lid_toezichthoudend_orgaan",
        "vereffenaar_volgens_buitenlands_recht",
    ),
}


@dataclass(frozen=True, slots=True)
class Functionaris:
    """One function someone holds at an enterprise's owner: a natural person (by burgerservicenummer,
    the link to the BRP; or, when not in the BRP, as a handelsregisterpersoon by the number the
    Handelsregister gave) or a rechtspersoon (by RSIN), from ``datum_aanvang`` until ``datum_einde``
    (``YYYY-MM-DD``; no end while it lasts). ``gegevens`` holds the rest as the HR API names it
    (``bevoegdheid``, ``functietitel``, ``volmacht``, …). ``groep`` is the HR API's group
    (``bestuurders``, ``gemachtigde``, ``aansprakelijken``, ``overigeFunctionarissen``), ``functie``
    one of that group's functions (:data:`FUNCTIES`)."""

    kvk_nummer: str
    volgnummer: int
    groep: str
    functie: str
    naam: str
    gegevens: Mapping[str, Any]
    bsn: str | None = None
    rsin: str | None = None
    datum_aanvang: str | None = None
    datum_einde: str | None = None
    hr_persoon: str | None = None

    def __post_init__(self) -> None:
        if self.functie not in FUNCTIES.get(self.groep, ()):
            raise ValueError(f"De functie {self.functie!r} hoort niet bij {self.groep!r}.")
        if sum(value is not None for value in (self.bsn, self.rsin, self.hr_persoon)) != 1:
            raise ValueError("Een functionaris heeft een burgerservicenummer, een RSIN of een handelsregisterpersoon.")

    @property
    def natuurlijk(self) -> bool:
        """Whether it is a natural person (in the BRP or not)."""
        return self.rsin is None

    @property
    def actief(self) -> bool:
        return self.datum_einde is None

    @property
    def bevoegdheid(self) -> str | None:
        value = self.gegevens.get("bevoegdheid")
        return str(value) if value else None


def _functionaris(kvk_nummer: str, volgnummer: int, item: Mapping[str, Any]) -> Functionaris:
    rest = {key: value for key, value in item.items() if key not in _FUNCTIONARIS_SLEUTELS}
    return Functionaris(
        kvk_nummer,
        volgnummer,
        str(item["groep"]),
        str(item["functie"]),
        str(item["naam"]),
        rest,
        bsn=item.get("burgerservicenummer"),
        rsin=item.get("rsin"),
        datum_aanvang=item.get("datumAanvang"),
        datum_einde=item.get("datumEinde"),
        hr_persoon=item.get("handelsregisterpersoon"),
    )


_FUNCTIONARIS_SLEUTELS = frozenset(
    {"groep", "functie", "naam", "burgerservicenummer", "rsin", "datumAanvang", "datumEinde"}
)
_NIET_IN_PROFIEL = frozenset({"vestigingen", "functionarissen", "eigenaarBurgerservicenummer"})


def uit_testbestand(bedrijf: Mapping[str, Any]) -> Bedrijf:
    """An enterprise, its vestigingen and its functionarissen from one entry of ``data/testbedrijven.json``."""
    kvk_nummer = str(bedrijf["kvkNummer"])
    gegevens = {key: value for key, value in bedrijf.items() if key not in _NIET_IN_PROFIEL}
    onderneming = Onderneming(kvk_nummer, gegevens, bedrijf.get("eigenaarBurgerservicenummer"))
    vestigingen = tuple(Vestiging(str(item["vestigingsnummer"]), kvk_nummer, item) for item in bedrijf["vestigingen"])
    functionarissen = tuple(
        _functionaris(kvk_nummer, volgnummer, item)
        for volgnummer, item in enumerate(bedrijf.get("functionarissen", ()), start=1)
    )
    return Bedrijf(onderneming, vestigingen, functionarissen)


@dataclass(frozen=True, slots=True)
class Bedrijf:
    """Everything the Handelsregister holds of one enterprise."""

    onderneming: Onderneming
    vestigingen: tuple[Vestiging, ...]
    functionarissen: tuple[Functionaris, ...] = ()
