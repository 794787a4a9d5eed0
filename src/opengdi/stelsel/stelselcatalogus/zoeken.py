# SPDX-License-Identifier: EUPL-1.2
"""Search in the Stelselcatalogus: over the names and definitions of every register, object type,
attribute, operation, event type and relation, and over the attributes' source elements.

Both the query and the text are compared without diacritics and without case (``geëmigreerd``
finds ``geemigreerd`` and the other way round), and a name is also read as the words of its camel
case (``datumEersteInschrijvingGBA`` holds ``eerste inschrijving``) and a path also without its
dots (``geboorte.datum`` holds ``geboortedatum``). Every word of the query must occur; a hit in
the name ranks before a hit in the definition only. Pure: no framework.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from opengdi.kernel.tekst import fold
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel

#: The longest query accepted, in characters.
MAX_ZOEKVRAAG = 200

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class Soort(StrEnum):
    """What a search result is."""

    REGISTER = "register"
    OBJECTTYPE = "objecttype"
    ATTRIBUUT = "attribuut"
    OPERATIE = "operatie"
    GEBEURTENISTYPE = "gebeurtenistype"
    VERBINDING = "verbinding"


def normaliseer(tekst: str) -> str:
    """``tekst`` without diacritics, in lower case (casefolded), with runs of white space as one space."""
    return " ".join(fold(tekst).split())


def termen(vraag: str) -> tuple[str, ...]:
    """The words of a query, normalised; empty when it holds nothing to search for."""
    return tuple(dict.fromkeys(normaliseer(vraag).split()))


@dataclass(frozen=True, slots=True)
class Vondst:
    """One thing the catalogue holds, as search sees it."""

    soort: Soort
    naam: str
    definitie: str
    register: str
    objecttype: str | None = None
    pad: str | None = None
    #: More text that is searched but not shown as the definition (source elements, a title).
    extra: str = ""

    @property
    def sleutel_naam(self) -> str:
        """The normalised name (a path also without its dots: ``geboortedatum``), and its camel case
        read as words."""
        naam = self.pad or self.naam
        return normaliseer(f"{naam} {naam.replace('.', '')} {_CAMEL.sub(' ', naam).replace('.', ' ')}")

    @property
    def sleutel_tekst(self) -> str:
        """The normalised definition and the other searched text."""
        return normaliseer(f"{self.definitie} {self.extra}")


@dataclass(frozen=True, slots=True)
class Treffer:
    """A search result and how well it matches (lower is better)."""

    vondst: Vondst
    rang: int


class Zoekindex:
    """Everything the catalogue of a deployment holds, ready to be searched."""

    def __init__(self, stelsel: Stelsel) -> None:
        self.vondsten = tuple(_vondsten(stelsel))
        self._sleutels = tuple((vondst.sleutel_naam, vondst.sleutel_tekst) for vondst in self.vondsten)

    def zoek(self, vraag: str) -> list[Treffer]:
        """What matches every word of ``vraag``, best first (then in the catalogue's order)."""
        words = termen(vraag)
        if not words:
            return []
        whole = " ".join(words)
        hits = []
        for index, (vondst, (naam, tekst)) in enumerate(zip(self.vondsten, self._sleutels, strict=True)):
            rang = _rang(words, whole, naam, tekst, vondst)
            if rang is not None:
                hits.append((rang, index, vondst))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        return [Treffer(vondst, rang) for rang, _, vondst in hits]


def _rang(words: tuple[str, ...], whole: str, naam: str, tekst: str, vondst: Vondst) -> int | None:
    if not all(word in naam or word in tekst for word in words):
        return None
    eigen = normaliseer(vondst.naam)
    if whole in (eigen, normaliseer(vondst.pad or "")):
        return 0
    if eigen.startswith(whole):
        return 1
    if all(word in naam for word in words):
        return 2
    return 3


def _vondsten(stelsel: Stelsel) -> list[Vondst]:
    result: list[Vondst] = []
    for register in stelsel.registers:
        result.append(Vondst(Soort.REGISTER, register.titel, "", register.code, extra=register.code))
        for objecttype in register.objecttypen:
            result.append(Vondst(Soort.OBJECTTYPE, objecttype.naam, objecttype.definitie, register.code))
            for gegeven in stelsel.gegevens(register.code, objecttype.naam):
                attribuut = gegeven.attribuut
                extra = " ".join((*attribuut.bron, *gegeven.velden, attribuut.type.naam if attribuut.type else ""))
                result.append(
                    Vondst(
                        Soort.ATTRIBUUT,
                        attribuut.naam,
                        attribuut.definitie,
                        register.code,
                        objecttype.naam,
                        gegeven.pad,
                        extra,
                    )
                )
        for operatie in register.operaties:
            result.append(
                Vondst(Soort.OPERATIE, operatie.naam, operatie.omschrijving, register.code, extra=operatie.scope)
            )
        for gebeurtenis in register.gebeurtenistypen:
            result.append(
                Vondst(
                    Soort.GEBEURTENISTYPE,
                    gebeurtenis.naam,
                    gebeurtenis.omschrijving,
                    register.code,
                    gebeurtenis.objecttype,
                )
            )
    for verbinding in stelsel.verbindingen:
        relatie = verbinding.relatie
        doel = f"{relatie.naar_register} {relatie.naar_objecttype}"
        result.append(
            Vondst(
                Soort.VERBINDING,
                relatie.naam,
                relatie.definitie,
                verbinding.register,
                verbinding.objecttype,
                extra=doel,
            )
        )
    return result
