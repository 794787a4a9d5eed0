# SPDX-License-Identifier: EUPL-1.2
"""Free-text address search (``GET /adressen/zoek``): the search terms of a question, the search
tokens of an address, its description and its place in the order of results. No framework here.

An address is found when every term of the question matches one of its tokens (adressen
zoeken.feature: terms separated by a comma or a space; "(een deel van) een postcode, woonplaats,
straatnaam, huisnummer, huisletter, huisnummertoevoeging"). Text is folded as everywhere
(:func:`opengdi.kernel.tekst.fold`: case and diacritics away) and cut into runs of letters and
digits, so ``'s-Gravenhage`` has the tokens ``s`` and ``gravenhage``. A word of the street or
woonplaats name and the postcode match by prefix (``snoek`` finds Snoekstraat, ``1065`` and
``1065t`` find 1065TA); the huisnummer, huisletter and toevoeging match whole (``1`` finds number 1,
not 10), alone or written together (``12a``, ``12abis``, ``12bis``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opengdi.kernel.tekst import fold
from opengdi.registers.bag.adres import Adres

#: A token matched by prefix (a word, a postcode) or only whole (a number, letter or toevoeging).
PREFIX = "p"
HEEL = "h"
#: The most terms a question may have (more are refused, naming ``zoek``).
MAX_TERMEN = 10
#: The most addresses one search finds: the client types more to narrow it down.
MAX_RESULTATEN = 1_000
#: The identification of a search result: ``adr-`` and the nummeraanduiding of the address.
_RESULTAAT = re.compile(r"adr-([0-9]{16})")
_WOORD = re.compile(r"[^\W_]+")
#: Between the parts of a sort key: below every character a name may hold.
SCHEIDING = "\x1f"


def termen(zoek: str) -> list[str]:
    """The terms of a question, folded, in the order given, each once."""
    return list(dict.fromkeys(_WOORD.findall(fold(zoek))))


@dataclass(frozen=True, slots=True)
class Adresregel:
    """What the search knows of one current address."""

    nummeraanduiding: str
    straat: str
    huisnummer: int
    huisletter: str | None
    huisnummertoevoeging: str | None
    postcode: str | None
    woonplaats: str

    def tokens(self) -> set[tuple[str, str]]:
        """The address's tokens, each with how it matches (:data:`PREFIX` or :data:`HEEL`)."""
        found = {(word, PREFIX) for word in _WOORD.findall(fold(f"{self.straat} {self.woonplaats}"))}
        if self.postcode:
            found.add((fold(self.postcode), PREFIX))
        letter = fold(self.huisletter or "")
        toevoeging = fold(self.huisnummertoevoeging or "")
        number = str(self.huisnummer)
        whole = {number, letter, toevoeging, number + letter, number + toevoeging, number + letter + toevoeging}
        found.update((token, HEEL) for token in whole if token)
        return {(token[:80], kind) for token, kind in found}

    def zoektokens(self) -> str:
        """The tokens as one text, each prefixed by how it matches, in order: ``h12 p1065ta …``."""
        return " ".join(sorted(kind + token for token, kind in self.tokens()))

    def omschrijving(self) -> str:
        """The address on one line, its number written as NEN 5825 writes it (adresregels.feature:
        letter and toevoeging together, after a hyphen when they begin with a digit, else a
        space): ``Snoekstraat 1 Abis, 1065TA Amsterdam``, ``Dorpsstraat 2-1, 6981ZY Doesburg``."""
        toevoeging = f"{self.huisletter or ''}{self.huisnummertoevoeging or ''}"
        number = str(self.huisnummer)
        if toevoeging:
            number += f"{'-' if toevoeging[0].isdigit() else ' '}{toevoeging}"
        place = f"{self.postcode} {self.woonplaats}" if self.postcode else self.woonplaats
        return f"{self.straat} {number}, {place}"

    def sorteersleutel(self) -> str:
        """Its place among the results, as text: woonplaats, street, number, letter, toevoeging,
        identificatie (the order of :attr:`opengdi.registers.bag.adres.Adres.sorteersleutel`)."""
        parts = (
            fold(self.woonplaats),
            fold(self.straat),
            f"{self.huisnummer:05d}",
            (self.huisletter or "").lower(),
            (self.huisnummertoevoeging or "").lower(),
            self.nummeraanduiding,
        )
        return SCHEIDING.join(parts)


def adresregel(adres: Adres) -> Adresregel:
    """What the search knows of an address."""
    gegevens = adres.nummeraanduiding.voorkomen.gegevens
    return Adresregel(
        nummeraanduiding=adres.nummeraanduiding.voorkomen.identificatie,
        straat=str(adres.openbare_ruimte.voorkomen.gegevens.get("naam", "")),
        huisnummer=int(gegevens.get("huisnummer") or 0),
        huisletter=gegevens.get("huisletter"),
        huisnummertoevoeging=gegevens.get("huisnummertoevoeging"),
        postcode=gegevens.get("postcode"),
        woonplaats=adres.woonplaatsnaam,
    )


def resultaat_identificatie(nummeraanduiding: str) -> str:
    """The identification of the search result of an address."""
    return f"adr-{nummeraanduiding}"


def nummeraanduiding_van(zoekresultaat: str) -> str | None:
    """The nummeraanduiding a search result's identification names, if it is one."""
    match = _RESULTAAT.fullmatch(zoekresultaat)
    return match.group(1) if match else None
