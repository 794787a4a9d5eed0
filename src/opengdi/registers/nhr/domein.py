# SPDX-License-Identifier: EUPL-1.2
"""What the Handelsregister knows of an enterprise and its vestigingen, as plain data. No framework here.

An :class:`Onderneming` is a maatschappelijke activiteit (KvK-nummer) with its owner (a rechtspersoon
by RSIN, or a natural person by burgerservicenummer), handelsnamen, SBI-activiteiten and werkzame
personen; a :class:`Vestiging` is one place it works from (vestigingsnummer), with its addresses.
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
    def periode(self) -> tuple[str | None, str | None]:
        """When it began and ended (``YYYY-MM-DD``), as far as known."""
        return _periode(self.gegevens)

    @property
    def actief(self) -> bool:
        """Whether it has not ended."""
        return _actief(self.gegevens)


def uit_testbestand(bedrijf: Mapping[str, Any]) -> tuple[Onderneming, list[Vestiging]]:
    """An enterprise and its vestigingen from one entry of ``data/testbedrijven.json``."""
    kvk_nummer = str(bedrijf["kvkNummer"])
    onderneming = Onderneming(kvk_nummer, {key: value for key, value in bedrijf.items() if key != "vestigingen"})
    vestigingen = [Vestiging(str(item["vestigingsnummer"]), kvk_nummer, item) for item in bedrijf["vestigingen"]]
    return onderneming, vestigingen
