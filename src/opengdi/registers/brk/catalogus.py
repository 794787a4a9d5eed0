# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the BRK: the kadastraal onroerende zaak and its zakelijk gerechtigden as the
Haal Centraal BRK API delivers them, its operations under Digikoppeling scope ``brk``, and its links
to the BAG (the address of a zaak), the BRP (a gerechtigde who is a natural person) and the NHR (one
that is a rechtspersoon).

A zaak is not personal data by itself; who holds a right on it is, when that is a natural person:
delivered only under the operation :data:`GERECHTIGDEN` and protocolled.
"""

from __future__ import annotations

from opengdi.kernel.catalogus import (
    GETAL,
    TEKST,
    Attribuut,
    Gegevenstype,
    Objecttype,
    Operatie,
    Privacy,
    Register,
    Relatie,
)

SCOPE = "brk"
RAADPLEGEN = "raadplegen"
ZOEKEN = "zoeken"
#: Seeing (and searching by) the zakelijk gerechtigden who are natural persons.
GERECHTIGDEN = "gerechtigden"

BAG_IDENTIFICATIE = Gegevenstype("bagIdentificatie", "Zestien cijfers: een identificatie in de BAG.")
AANDUIDING = Gegevenstype(
    "kadastraleAanduiding", "Kadastrale gemeente, sectie en perceelnummer, en de index van een appartementsrecht."
)


def _a(
    naam: str, definitie: str, type: Gegevenstype, *, privacy: Privacy = Privacy.OPENBAAR, meervoudig: bool = False
) -> Attribuut:
    return Attribuut(
        naam,
        definitie,
        type,
        bron=(naam,),
        authentiek=True,
        privacy=privacy,
        onderzoekbaar=False,
        meervoudig=meervoudig,
    )


def _groep(naam: str, definitie: str, *onderdelen: Attribuut, meervoudig: bool = False) -> Attribuut:
    return Attribuut(
        naam, definitie, onderdelen=onderdelen, privacy=Privacy.OPENBAAR, onderzoekbaar=False, meervoudig=meervoudig
    )


KADASTRAAL_ONROERENDE_ZAAK = Objecttype(
    "KadastraalOnroerendeZaak",
    "Een perceel of een appartementsrecht: een stuk grond of een deel van een gebouw waarop zakelijke rechten rusten.",
    attributen=(
        _a("identificatie", "De identificatie die het Kadaster gaf.", TEKST),
        _a("type", "perceel of appartementsrecht.", TEKST),
        _a("kadastraleAanduiding", "Kadastrale gemeente, sectie, perceelnummer (en appartementsindex).", AANDUIDING),
        _groep("kadastraleGrootte", "De oppervlakte.", _a("waarde", "In m².", GETAL)),
        _groep(
            "koopsom",
            "De laatste koopsom.",
            _a("koopsom", "In hele euro's.", GETAL),
            _a("koopjaar", "Het jaar van de koop.", GETAL),
        ),
        _groep(
            "adressen",
            "De adressen van de zaak in de BAG.",
            _a("nummeraanduidingIdentificatie", "De nummeraanduiding.", BAG_IDENTIFICATIE),
            _a("adresseerbaarObjectIdentificatie", "Het adresseerbaar object.", BAG_IDENTIFICATIE),
            _a("postcode", "De postcode.", TEKST),
            _a("huisnummer", "Het huisnummer.", GETAL),
            meervoudig=True,
        ),
        _a("hypotheekIdentificaties", "De hypotheken die op de zaak rusten.", TEKST, meervoudig=True),
        _a("beslagIdentificaties", "De beslagen op de zaak.", TEKST, meervoudig=True),
    ),
)

ZAKELIJK_GERECHTIGDE = Objecttype(
    "ZakelijkGerechtigde",
    "Wie een zakelijk recht (eigendom, erfpacht, opstal, vruchtgebruik, …) heeft op een kadastraal onroerende zaak, "
    "en voor welk aandeel.",
    attributen=(
        _a("type", "Het soort recht.", TEKST),
        _groep(
            "aandeel",
            "Het aandeel in het recht, als breuk.",
            _a("teller", "De teller.", GETAL),
            _a("noemer", "De noemer.", GETAL),
        ),
        _a(
            "identificatie",
            "Het burgerservicenummer van een natuurlijk persoon, het RSIN van een rechtspersoon, of het nummer dat "
            "het Kadaster gaf.",
            TEKST,
            privacy=Privacy.IDENTIFICEREND,
        ),
        _a("omschrijving", "De naam.", TEKST, privacy=Privacy.PERSOONSGEGEVEN),
    ),
)

CATALOGUS = Register(
    code="brk",
    titel="Basisregistratie Kadaster",
    objecttypen=(KADASTRAAL_ONROERENDE_ZAAK, ZAKELIJK_GERECHTIGDE),
    operaties=(
        Operatie(
            RAADPLEGEN,
            SCOPE,
            "Een kadastraal onroerende zaak, haar hypotheken en beslagen opvragen.",
            persoonsgegevens=False,
        ),
        Operatie(ZOEKEN, SCOPE, "Kadastrale onroerende zaken zoeken op aanduiding of adres.", persoonsgegevens=False),
        Operatie(
            GERECHTIGDEN,
            SCOPE,
            "De zakelijk gerechtigden zien die natuurlijke personen zijn, en zaken zoeken op het burgerservicenummer "
            "van een gerechtigde.",
        ),
    ),
    relaties=(
        Relatie(
            "adresseerbaarObject",
            "KadastraalOnroerendeZaak.adressen.adresseerbaarObjectIdentificatie",
            "bag",
            "AdresseerbaarObject",
            "Het adresseerbaar object op de zaak.",
        ),
        Relatie(
            "nummeraanduiding",
            "KadastraalOnroerendeZaak.adressen.nummeraanduidingIdentificatie",
            "bag",
            "Nummeraanduiding",
            "Het adres van de zaak.",
        ),
        Relatie(
            "gerechtigdePersoon",
            "ZakelijkGerechtigde.identificatie",
            "brp",
            "Persoon",
            "De zakelijk gerechtigde die een ingeschreven natuurlijk persoon is.",
        ),
        Relatie(
            "gerechtigdeRechtspersoon",
            "ZakelijkGerechtigde.identificatie",
            "nhr",
            "NietNatuurlijkPersoon",
            "De zakelijk gerechtigde die een ingeschreven rechtspersoon is.",
        ),
    ),
)
