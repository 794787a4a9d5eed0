# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the WOZ: the WOZ-object with its address, values and belanghebbenden as the
Haal Centraal WOZ API delivers them, its operations under Digikoppeling scope ``woz``, and its
links to the BAG (the adresseerbaar object and nummeraanduiding), the BRK (its percelen), the BRP
(a belanghebbende who is a natural person) and the NHR (one that is a rechtspersoon, an enterprise
or a vestiging).

The object and its values are not personal data by themselves; a belanghebbende who is a natural
person is (``Privacy.IDENTIFICEREND`` for the burgerservicenummer), delivered only under the
operation :data:`BELANGHEBBENDEN` and protocolled.
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

SCOPE = "woz"
RAADPLEGEN = "raadplegen"
ZOEKEN = "zoeken"
#: Seeing the belanghebbenden who are natural persons.
BELANGHEBBENDEN = "belanghebbenden"

OBJECTNUMMER = Gegevenstype("wozObjectnummer", "Twaalf cijfers: de gemeentecode en een nummer van de gemeente.")
BAG_IDENTIFICATIE = Gegevenstype("bagIdentificatie", "Zestien cijfers: een identificatie in de BAG.")
DATUM = Gegevenstype("datum", "Een datum als JJJJ-MM-DD.")


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


def _belanghebbende(naam: str, definitie: str) -> Attribuut:
    return _groep(
        naam,
        definitie,
        _a("type", "natuurlijk_persoon, niet_natuurlijk_persoon of vestiging.", TEKST),
        _a("burgerservicenummer", "Van een natuurlijk persoon (BRP).", TEKST, privacy=Privacy.IDENTIFICEREND),
        _a("naam", "De naam van de belanghebbende.", TEKST, privacy=Privacy.PERSOONSGEGEVEN),
        _a("rsin", "Van een rechtspersoon (NHR).", TEKST),
        _a("kvkNummer", "Van de onderneming (NHR).", TEKST),
        _a("vestigingsnummer", "Van de vestiging (NHR).", TEKST),
    )


WOZ_OBJECT = Objecttype(
    "WozObject",
    "Een onroerende zaak waarvoor de gemeente één waarde vaststelt (Wet WOZ).",
    attributen=(
        _a("identificatie", "Het WOZ-objectnummer.", OBJECTNUMMER),
        _groep(
            "verantwoordelijkeGemeente",
            "De gemeente die de waarde vaststelt.",
            _a("code", "De gemeentecode.", TEKST),
        ),
        _groep(
            "aanduiding",
            "Het adres van het object, zoals de BAG het kent.",
            _a("straat", "De naam van de openbare ruimte.", TEKST),
            _a("korteNaam", "De straatnaam van ten hoogste 24 tekens.", TEKST),
            _a("huisnummer", "Het huisnummer.", GETAL),
            _a("huisletter", "De huisletter.", TEKST),
            _a("huisnummertoevoeging", "De huisnummertoevoeging.", TEKST),
            _a("postcode", "De postcode.", TEKST),
            _a("woonplaats", "De woonplaats.", TEKST),
            _a("nummeraanduidingIdentificatie", "De nummeraanduiding van het adres.", BAG_IDENTIFICATIE),
        ),
        _a(
            "adresseerbaarObjectIdentificaties",
            "De adresseerbare objecten (verblijfsobject, ligplaats, standplaats) van het object.",
            BAG_IDENTIFICATIE,
            meervoudig=True,
        ),
        _a("pandIdentificaties", "De panden van het object.", BAG_IDENTIFICATIE, meervoudig=True),
        _a("grondoppervlakte", "De oppervlakte van de grond, in m².", GETAL),
        _groep(
            "kadastraalOnroerendeZaken",
            "De kadastrale onroerende zaken (BRK) waarop het object ligt.",
            _a("identificatie", "De identificatie van de zaak in de BRK.", TEKST),
            meervoudig=True,
        ),
        _belanghebbende("belanghebbendeEigenaar", "Wie het object in eigendom heeft."),
        _belanghebbende("belanghebbendeGebruiker", "Wie het object gebruikt."),
        _groep(
            "waarden",
            "De vastgestelde waarden, per waardepeildatum; alle jaren blijven bewaard.",
            _a("vastgesteldeWaarde", "De waarde in hele euro's.", GETAL),
            _a("waardepeildatum", "De datum waarnaar de waarde is bepaald.", DATUM),
            _a("ingangsdatum", "Het begin van het belastingjaar waarvoor de waarde geldt.", DATUM),
            _a(
                "beschikkingsStatussen",
                "Waar de beschikking staat (genomen, bezwaar, beroep, …).",
                TEKST,
                meervoudig=True,
            ),
            _a("indicatieBezwaarBeroep", "Of er bezwaar of beroep loopt.", TEKST),
            meervoudig=True,
        ),
    ),
)

CATALOGUS = Register(
    code="woz",
    titel="Waardering onroerende zaken",
    objecttypen=(WOZ_OBJECT,),
    operaties=(
        Operatie(RAADPLEGEN, SCOPE, "Een WOZ-object met zijn waarden opvragen.", persoonsgegevens=False),
        Operatie(
            ZOEKEN,
            SCOPE,
            "WOZ-objecten zoeken op eigenaar (RSIN, KvK-nummer) of adres (BAG, postcode en huisnummer).",
            persoonsgegevens=False,
        ),
        Operatie(
            BELANGHEBBENDEN,
            SCOPE,
            "De belanghebbenden zien die natuurlijke personen zijn (eigenaar, gebruiker).",
        ),
    ),
    relaties=(
        Relatie(
            "adresseerbaarObject",
            "WozObject.adresseerbaarObjectIdentificaties",
            "bag",
            "AdresseerbaarObject",
            "Het adresseerbaar object dat bij het WOZ-object hoort.",
        ),
        Relatie(
            "nummeraanduiding",
            "WozObject.aanduiding.nummeraanduidingIdentificatie",
            "bag",
            "Nummeraanduiding",
            "Het adres van het WOZ-object.",
        ),
        Relatie(
            "kadastraalOnroerendeZaak",
            "WozObject.kadastraalOnroerendeZaken.identificatie",
            "brk",
            "KadastraalOnroerendeZaak",
            "De kadastrale onroerende zaak (het perceel) waarop het WOZ-object ligt.",
        ),
        Relatie(
            "belanghebbendePersoon",
            "WozObject.belanghebbendeEigenaar.burgerservicenummer",
            "brp",
            "Persoon",
            "De eigenaar of gebruiker die een natuurlijk persoon is.",
        ),
        Relatie(
            "belanghebbendeRechtspersoon",
            "WozObject.belanghebbendeEigenaar.rsin",
            "nhr",
            "NietNatuurlijkPersoon",
            "De eigenaar of gebruiker die een rechtspersoon is.",
        ),
        Relatie(
            "belanghebbendeOnderneming",
            "WozObject.belanghebbendeEigenaar.kvkNummer",
            "nhr",
            "MaatschappelijkeActiviteit",
            "De onderneming die eigenaar of gebruiker is.",
        ),
        Relatie(
            "belanghebbendeVestiging",
            "WozObject.belanghebbendeGebruiker.vestigingsnummer",
            "nhr",
            "Vestiging",
            "De vestiging die het object gebruikt.",
        ),
    ),
)
