# SPDX-License-Identifier: EUPL-1.2
"""The KvK's Zoeken (v1 and v2): which registrations a question finds, in which order, and how
each is shown. No framework here.

A registration is a vestiging (type ``hoofdvestiging`` or ``nevenvestiging``) or, for an enterprise
whose owner is a rechtspersoon, that rechtspersoon (type ``rechtspersoon``, no vestigingsnummer).
Every given criterion must hold: numbers exactly, a name as a part of one of its handelsnamen (the
statutaire naam for a rechtspersoon), street and place as the address has them (case and diacritics
aside), postcode with huisnummer (and huisletter, toevoeging) or postbusnummer. Ended registrations are found
only when asked (``inclusiefInactieveRegistraties``). At most :data:`MAX_RESULTATEN` are found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opengdi.kernel.tekst import fold
from opengdi.registers.nhr.domein import BEZOEKADRES, CORRESPONDENTIEADRES, Onderneming, Vestiging
from opengdi.registers.nhr.kvk import afgeschermd

#: The most registrations one question finds.
MAX_RESULTATEN = 1_000
HOOFDVESTIGING = "hoofdvestiging"
NEVENVESTIGING = "nevenvestiging"
RECHTSPERSOON = "rechtspersoon"
TYPES = (HOOFDVESTIGING, NEVENVESTIGING, RECHTSPERSOON)


@dataclass(frozen=True, slots=True)
class Zoekvraag:
    """A question to Zoeken, its values checked."""

    kvk_nummer: str | None = None
    rsin: str | None = None
    vestigingsnummer: str | None = None
    naam: str | None = None
    straatnaam: str | None = None
    plaats: str | None = None
    postcode: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    postbusnummer: int | None = None
    types: frozenset[str] = field(default_factory=frozenset)
    inclusief_inactief: bool = False


@dataclass(frozen=True, slots=True)
class Registratie:
    """One registration Zoeken can find."""

    onderneming: Onderneming
    vestiging: Vestiging | None
    #: The addresses of a rechtspersoon: its hoofdvestiging's, else the owner's own.
    adressen: Sequence[Mapping[str, Any]] = ()

    @property
    def type(self) -> str:
        if self.vestiging is None:
            return RECHTSPERSOON
        return HOOFDVESTIGING if self.vestiging.hoofdvestiging else NEVENVESTIGING

    @property
    def naam(self) -> str:
        if self.vestiging is None:
            return str(self.onderneming.gegevens.get("statutaireNaam") or self.onderneming.naam)
        return self.vestiging.naam

    @property
    def namen(self) -> Sequence[str]:
        return (self.naam,) if self.vestiging is None else self.vestiging.handelsnamen

    @property
    def actief(self) -> bool:
        return self.onderneming.actief and (self.vestiging is None or self.vestiging.actief)

    def adres(self, soort: str = BEZOEKADRES) -> Mapping[str, Any] | None:
        """Its address of kind ``soort``: the vestiging's, or a rechtspersoon's (:attr:`adressen`)."""
        if self.vestiging is not None:
            return self.vestiging.adres(soort)
        return next((item for item in self.adressen if item.get("type") == soort), None)


def registraties(onderneming: Onderneming, vestigingen: Sequence[Vestiging]) -> list[Registratie]:
    """The registrations of an enterprise: its vestigingen (hoofdvestiging first), then its rechtspersoon."""
    ordered = sorted(vestigingen, key=lambda item: (not item.hoofdvestiging, item.vestigingsnummer))
    found = [Registratie(onderneming, item) for item in ordered]
    if onderneming.rsin:
        hoofd = next((item for item in ordered if item.hoofdvestiging), None)
        gegevens = hoofd.gegevens if hoofd else onderneming.gegevens
        adressen = gegevens.get("adressen" if hoofd else "eigenaarAdressen", ())
        found.append(Registratie(onderneming, None, tuple(adressen)))
    return found


def _same(left: Any, right: str | None) -> bool:
    return right is None or fold(str(left or "")) == fold(right)


def _address_matches(registratie: Registratie, vraag: Zoekvraag) -> bool:
    bezoek = registratie.adres(BEZOEKADRES) or {}
    if not (_same(bezoek.get("straatnaam"), vraag.straatnaam) and _same(bezoek.get("plaats"), vraag.plaats)):
        return False
    if vraag.postbusnummer is not None:
        post = registratie.adres(CORRESPONDENTIEADRES) or {}
        return post.get("postbusnummer") == vraag.postbusnummer and _same(post.get("postcode"), vraag.postcode)
    if vraag.postcode is not None:
        return (
            _same(bezoek.get("postcode"), vraag.postcode)
            and bezoek.get("huisnummer") == vraag.huisnummer
            and _same(bezoek.get("huisletter"), vraag.huisletter)
            and _same(bezoek.get("huisnummerToevoeging"), vraag.huisnummertoevoeging)
        )
    return True


def matches(registratie: Registratie, vraag: Zoekvraag) -> bool:
    """Whether ``registratie`` meets every criterion of ``vraag``."""
    onderneming, vestiging = registratie.onderneming, registratie.vestiging
    numbers = (
        (vraag.kvk_nummer, onderneming.kvk_nummer),
        (vraag.rsin, onderneming.rsin),
        (vraag.vestigingsnummer, vestiging.vestigingsnummer if vestiging else None),
    )
    if any(asked is not None and asked != value for asked, value in numbers):
        return False
    if vraag.types and registratie.type not in vraag.types:
        return False
    if not (vraag.inclusief_inactief or registratie.actief):
        return False
    if vraag.naam is not None and not any(fold(vraag.naam) in fold(naam) for naam in registratie.namen):
        return False
    return _address_matches(registratie, vraag)


def _binnenlands(adres: Mapping[str, Any], vraag: Zoekvraag) -> dict[str, Any]:
    """A result's address: street and place; number and postcode only when the question had them
    (as the KvK shows it); a shielded one only its place."""
    if afgeschermd(adres):
        return {"type": "postadres", "plaats": adres.get("plaats")}
    shown: dict[str, Any] = {"type": "bezoekadres" if adres.get("type") == BEZOEKADRES else "postadres"}
    if adres.get("straatnaam"):
        shown["straatnaam"] = adres["straatnaam"]
    if vraag.postcode is not None:
        for key in ("huisnummer", "huisletter", "postbusnummer", "postcode"):
            if adres.get(key) is not None:
                shown[key] = adres[key]
    shown["plaats"] = adres.get("plaats")
    return shown


def resultaat_v2(base: str, registratie: Registratie, vraag: Zoekvraag) -> dict[str, Any]:
    """One result of Zoeken v2."""
    found: dict[str, Any] = {"kvkNummer": registratie.onderneming.kvk_nummer}
    if (vraag.rsin is not None or registratie.vestiging is None) and registratie.onderneming.rsin:
        found["rsin"] = registratie.onderneming.rsin
    if registratie.vestiging is not None:
        found["vestigingsnummer"] = registratie.vestiging.vestigingsnummer
    found["naam"] = registratie.naam
    adres = registratie.adres(BEZOEKADRES) or registratie.adres(CORRESPONDENTIEADRES)
    if adres is not None:
        found["adres"] = {"binnenlandsAdres": _binnenlands(adres, vraag)}
    found["type"] = registratie.type
    if vraag.inclusief_inactief:
        found["actief"] = "Ja" if registratie.actief else "Nee"
    links = {"basisprofiel": {"href": f"{base}/v1/basisprofielen/{registratie.onderneming.kvk_nummer}"}}
    if registratie.vestiging is not None:
        links["vestigingsprofiel"] = {"href": f"{base}/v1/vestigingsprofielen/{registratie.vestiging.vestigingsnummer}"}
    found["_links"] = links
    return found


def resultaat_v1(base: str, registratie: Registratie) -> dict[str, Any]:
    """One result of Zoeken v1 (the address flat, the name as ``handelsnaam``)."""
    found: dict[str, Any] = {"kvkNummer": registratie.onderneming.kvk_nummer}
    if registratie.onderneming.rsin:
        found["rsin"] = registratie.onderneming.rsin
    if registratie.vestiging is not None:
        found["vestigingsnummer"] = registratie.vestiging.vestigingsnummer
    found["handelsnaam"] = registratie.naam
    adres = registratie.adres(BEZOEKADRES) or {}
    if not afgeschermd(adres):
        for key in ("straatnaam", "huisnummer", "huisnummerToevoeging", "postcode"):
            if adres.get(key) is not None:
                found[key] = adres[key]
    if adres.get("plaats"):
        found["plaats"] = adres["plaats"]
    found["type"] = registratie.type
    found["actief"] = "Ja" if registratie.actief else "Nee"
    links = [{"rel": "basisprofiel", "href": f"{base}/v1/basisprofielen/{registratie.onderneming.kvk_nummer}"}]
    if registratie.vestiging is not None:
        href = f"{base}/v1/vestigingsprofielen/{registratie.vestiging.vestigingsnummer}"
        links.append({"rel": "vestigingsprofiel", "href": href})
    found["links"] = links
    return found
