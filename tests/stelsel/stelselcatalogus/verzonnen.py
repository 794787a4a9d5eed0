# SPDX-License-Identifier: EUPL-1.2
"""Made-up declarations for the tests of the Stelselcatalogus: a register that declares itself
later (one of the two object types the BRP points at) and one whose texts have diacritics."""

from __future__ import annotations

from opengdi.kernel.catalogus import TEKST, Antwoord, Attribuut, Objecttype, Operatie, Privacy, Register, Relatie

#: A BAG that declares the AdresseerbaarObject the BRP points at, but not the Nummeraanduiding.
LATER = Register(
    code="bag",
    titel="Basisregistratie Adressen en Gebouwen",
    objecttypen=(
        Objecttype(
            "AdresseerbaarObject",
            "Een verblijfsobject, ligplaats of standplaats.",
            (
                Attribuut("identificatie", "De unieke aanduiding.", TEKST, authentiek=True, privacy=Privacy.OPENBAAR),
                Attribuut(
                    "gebruiksdoel",
                    "Het gebruiksdoel.",
                    onderdelen=(Attribuut("code", "De code.", TEKST, privacy=Privacy.OPENBAAR),),
                    privacy=Privacy.OPENBAAR,
                ),
            ),
        ),
    ),
    operaties=(Operatie("RaadpleegVerblijfsobject", "bag", "Een verblijfsobject.", Antwoord("AdresseerbaarObject")),),
)

#: A register whose texts have diacritics, with a relation to itself and one to the made-up BAG.
ONDERGROND = Register(
    code="bro",
    titel="Basisregistratie Ondergrond",
    objecttypen=(
        Objecttype(
            "Booronderzoek",
            "Een geïnterpreteerd onderzoek van de ondergrond, met coördinaten.",
            (
                Attribuut("kwaliteitsregime", "Het régime waaronder de gegevens zijn verzameld.", TEKST),
                Attribuut("ligging", "Waar het onderzoek is gedaan (BAG-verblijfsobject).", TEKST),
                Attribuut("herhaling", "Een eerder booronderzoek op dezelfde plek.", TEKST),
            ),
        ),
    ),
    relaties=(
        Relatie(
            "locatie",
            "Booronderzoek.ligging",
            "bag",
            "AdresseerbaarObject",
            "Het adresseerbaar object van het onderzoek.",
        ),
        Relatie("eerder", "Booronderzoek.herhaling", "bro", "Booronderzoek", "Het onderzoek dat het herhaalt."),
    ),
)
