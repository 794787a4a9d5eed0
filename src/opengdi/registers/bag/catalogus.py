# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the BAG: its seven object types as the BAG 2.0 Extract delivers them, each
attribute with the element of the extract it comes from (``bron``), whether it is an authentiek
gegeven and whether the Kadaster can mark it in onderzoek (its ``kenmerk``); its operations and
events. All BAG data is public (``Privacy.OPENBAAR``): reading it leaves no protocol record.

The attribute names are those of the BAG API Individuele Bevragingen; the ``bron`` paths are those
of the extract's schema (``Objecten:…``, ``Historie:…``).
"""

from __future__ import annotations

from opengdi.kernel.catalogus import (
    GETAL,
    TEKST,
    Attribuut,
    Gebeurtenistype,
    Gegevenstype,
    Objecttype,
    Operatie,
    Privacy,
    Register,
    Relatie,
)

DATUM = Gegevenstype("datum", "Een datum (jjjj-mm-dd).")
TIJDSTIP = Gegevenstype("tijdstip", "Een moment tot op de milliseconde, Nederlandse tijd.")
JA_NEE = Gegevenstype("jaNee", "J (ja) of N (nee).")
IDENTIFICATIE = Gegevenstype(
    "bagIdentificatie",
    "Zestien cijfers: de gemeentecode (4), het objecttypenummer (2) en een "
    "volgnummer (10); vier cijfers voor een woonplaats.",
)
GEOMETRIE = Gegevenstype("geometrie", "Een punt of vlak als GeoJSON, in RD New (EPSG:28992).", open=True)

#: What the Kadaster's extract calls the kenmerk of each attribute that can be in onderzoek.
KENMERKEN = {
    "naam": "naam",
    "geometrie": "geometrie",
    "status": "status",
    "type": "type",
    "ligtIn": "ligt in",
    "ligtAan": "ligt aan",
    "huisnummer": "huisnummer",
    "huisletter": "huisletter",
    "huisnummertoevoeging": "huisnummertoevoeging",
    "postcode": "postcode",
    "typeAdresseerbaarObject": "type adresseerbaar object",
    "gebruiksdoelen": "gebruiksdoel",
    "oppervlakte": "oppervlakte",
    "maaktDeelUitVan": "maakt deel uit van",
    "heeftAlsHoofdAdres": "heeft als hoofdadres",
    "heeftAlsNevenAdres": "heeft als nevenadres",
    "oorspronkelijkBouwjaar": "oorspronkelijk bouwjaar",
}


def _a(
    naam: str,
    definitie: str,
    type: Gegevenstype,
    bron: str,
    *,
    authentiek: bool = True,
    onderzoekbaar: bool = False,
    meervoudig: bool = False,
) -> Attribuut:
    return Attribuut(
        naam,
        definitie,
        type,
        bron=(bron,),
        authentiek=authentiek,
        privacy=Privacy.OPENBAAR,
        onderzoekbaar=onderzoekbaar,
        meervoudig=meervoudig,
    )


def _gemeenschappelijk(objecttype: str) -> tuple[Attribuut, ...]:
    """The attributes every BAG object has: identity, status, the document it rests on, its voorkomen."""
    return (
        _a("identificatie", f"De unieke aanduiding van het {objecttype}.", IDENTIFICATIE, "Objecten:identificatie"),
        _a(
            "status", f"De fase van de levenscyclus van het {objecttype}.", TEKST, "Objecten:status", onderzoekbaar=True
        ),
        _a(
            "geconstateerd",
            "Of het object is opgenomen als geconstateerd: zonder besluit, omdat het er feitelijk is.",
            JA_NEE,
            "Objecten:geconstateerd",
        ),
        _a("documentdatum", "De datum van het document waarop de registratie berust.", DATUM, "Objecten:documentdatum"),
        _a("documentnummer", "Het nummer van dat document.", TEKST, "Objecten:documentnummer"),
        Attribuut(
            "voorkomen",
            "De geldigheid en de registratie van deze versie van het object.",
            onderdelen=(
                _a(
                    "versie",
                    "Het volgnummer van het voorkomen.",
                    GETAL,
                    "Historie:voorkomenidentificatie",
                    authentiek=False,
                ),
                _a(
                    "beginGeldigheid",
                    "Vanaf wanneer deze versie in de werkelijkheid geldt.",
                    DATUM,
                    "Historie:beginGeldigheid",
                    authentiek=False,
                ),
                _a(
                    "eindGeldigheid",
                    "Tot wanneer deze versie in de werkelijkheid gold.",
                    DATUM,
                    "Historie:eindGeldigheid",
                    authentiek=False,
                ),
                _a(
                    "tijdstipRegistratie",
                    "Wanneer de gemeente deze versie registreerde.",
                    TIJDSTIP,
                    "Historie:tijdstipRegistratie",
                    authentiek=False,
                ),
                _a(
                    "eindRegistratie",
                    "Wanneer de gemeente een volgende versie registreerde.",
                    TIJDSTIP,
                    "Historie:eindRegistratie",
                    authentiek=False,
                ),
                _a(
                    "tijdstipInactief",
                    "Wanneer de gemeente deze versie inactief maakte (een correctie).",
                    TIJDSTIP,
                    "Historie:tijdstipInactief",
                    authentiek=False,
                ),
                _a(
                    "tijdstipRegistratieLV",
                    "Wanneer deze versie beschikbaar kwam in de Landelijke Voorziening.",
                    TIJDSTIP,
                    "Historie:tijdstipRegistratieLV",
                    authentiek=False,
                ),
                _a(
                    "tijdstipEindRegistratieLV",
                    "Wanneer de volgende versie beschikbaar kwam in de Landelijke Voorziening.",
                    TIJDSTIP,
                    "Historie:tijdstipEindRegistratieLV",
                    authentiek=False,
                ),
                _a(
                    "tijdstipInactiefLV",
                    "Wanneer de inactivering beschikbaar kwam in de Landelijke Voorziening.",
                    TIJDSTIP,
                    "Historie:tijdstipInactiefLV",
                    authentiek=False,
                ),
                _a(
                    "tijdstipNietBagLV",
                    "Wanneer de Landelijke Voorziening deze versie als geen BAG-gegeven markeerde.",
                    TIJDSTIP,
                    "Historie:tijdstipNietBagLV",
                    authentiek=False,
                ),
            ),
            privacy=Privacy.OPENBAAR,
            onderzoekbaar=False,
        ),
    )


def _adressen() -> tuple[Attribuut, ...]:
    return (
        _a(
            "heeftAlsHoofdAdres",
            "De nummeraanduiding van het hoofdadres van het object.",
            IDENTIFICATIE,
            "Objecten:heeftAlsHoofdadres",
            onderzoekbaar=True,
        ),
        _a(
            "heeftAlsNevenAdres",
            "De nummeraanduidingen van de nevenadressen van het object.",
            IDENTIFICATIE,
            "Objecten:heeftAlsNevenadres",
            onderzoekbaar=True,
            meervoudig=True,
        ),
    )


WOONPLAATS = Objecttype(
    "Woonplaats",
    "Een door de gemeenteraad als woonplaats aangewezen en benoemd deel van het grondgebied van de gemeente.",
    (
        *_gemeenschappelijk("woonplaats"),
        _a("naam", "De benaming van de woonplaats.", TEKST, "Objecten:naam", onderzoekbaar=True),
        _a(
            "geometrie",
            "De ligging van de woonplaats: een vlak of meervlak.",
            GEOMETRIE,
            "Objecten:geometrie",
            onderzoekbaar=True,
        ),
    ),
)
OPENBARE_RUIMTE = Objecttype(
    "OpenbareRuimte",
    "Een door de gemeenteraad als openbare ruimte aangewezen en benoemde buitenruimte "
    "binnen een woonplaats (een straat, plein, water, …).",
    (
        *_gemeenschappelijk("openbare ruimte"),
        _a("naam", "De benaming van de openbare ruimte.", TEKST, "Objecten:naam", onderzoekbaar=True),
        _a(
            "type",
            "Het soort openbare ruimte: weg, water, spoorbaan, terrein, kunstwerk, "
            "landschappelijk of administratief gebied.",
            TEKST,
            "Objecten:type",
            onderzoekbaar=True,
        ),
        _a(
            "verkorteNaam",
            "De naam ingekort tot hoogstens 24 tekens (NEN 5825), voor adressering.",
            TEKST,
            "nen5825:verkorteNaam",
        ),
        _a(
            "ligtIn",
            "De woonplaats waarin de openbare ruimte ligt.",
            IDENTIFICATIE,
            "Objecten:ligtIn",
            onderzoekbaar=True,
        ),
    ),
)
NUMMERAANDUIDING = Objecttype(
    "Nummeraanduiding",
    "Een door de gemeenteraad toegekende aanduiding van een verblijfsobject, standplaats of "
    "ligplaats: huisnummer, huisletter, toevoeging en postcode.",
    (
        *_gemeenschappelijk("nummeraanduiding"),
        _a(
            "huisnummer",
            "Het nummer dat de gemeente aan het object toekende.",
            GETAL,
            "Objecten:huisnummer",
            onderzoekbaar=True,
        ),
        _a("huisletter", "Een letter achter het huisnummer.", TEKST, "Objecten:huisletter", onderzoekbaar=True),
        _a(
            "huisnummertoevoeging",
            "Een toevoeging achter huisnummer en huisletter.",
            TEKST,
            "Objecten:huisnummertoevoeging",
            onderzoekbaar=True,
        ),
        _a("postcode", "De postcode van PostNL.", TEKST, "Objecten:postcode", onderzoekbaar=True),
        _a(
            "typeAdresseerbaarObject",
            "Het soort object dat de nummeraanduiding aanduidt.",
            TEKST,
            "Objecten:typeAdresseerbaarObject",
            onderzoekbaar=True,
        ),
        _a(
            "ligtAan",
            "De openbare ruimte waaraan de nummeraanduiding ligt.",
            IDENTIFICATIE,
            "Objecten:ligtAan",
            onderzoekbaar=True,
        ),
        _a(
            "ligtIn",
            "De woonplaats, als die een andere is dan die van de openbare ruimte.",
            IDENTIFICATIE,
            "Objecten:ligtIn",
            onderzoekbaar=True,
        ),
    ),
)
VERBLIJFSOBJECT = Objecttype(
    "Verblijfsobject",
    "De kleinste binnen één of meer panden gelegen eenheid van gebruik, met een eigen toegang en een functie.",
    (
        *_gemeenschappelijk("verblijfsobject"),
        *_adressen(),
        _a(
            "gebruiksdoelen",
            "De functies waarvoor het verblijfsobject bestemd is (woonfunctie, kantoorfunctie, …).",
            TEKST,
            "Objecten:gebruiksdoel",
            onderzoekbaar=True,
            meervoudig=True,
        ),
        _a(
            "oppervlakte",
            "De gebruiksoppervlakte in vierkante meters (NEN 2580).",
            GETAL,
            "Objecten:oppervlakte",
            onderzoekbaar=True,
        ),
        _a(
            "maaktDeelUitVan",
            "De panden waarin het verblijfsobject ligt.",
            IDENTIFICATIE,
            "Objecten:maaktDeelUitVan",
            onderzoekbaar=True,
            meervoudig=True,
        ),
        _a(
            "geometrie",
            "De ligging: een punt binnen het object, of een vlak.",
            GEOMETRIE,
            "Objecten:geometrie",
            onderzoekbaar=True,
        ),
    ),
)
LIGPLAATS = Objecttype(
    "Ligplaats",
    "Een door de gemeente als ligplaats aangewezen plaats in het water, bestemd voor een "
    "vaartuig of drijvend object om in te wonen of te werken.",
    (
        *_gemeenschappelijk("ligplaats"),
        *_adressen(),
        _a(
            "geometrie",
            "De begrenzing van de ligplaats: een vlak.",
            GEOMETRIE,
            "Objecten:geometrie",
            onderzoekbaar=True,
        ),
    ),
)
STANDPLAATS = Objecttype(
    "Standplaats",
    "Een door de gemeente als standplaats aangewezen terrein, bestemd voor een niet direct en niet "
    "duurzaam met de aarde verbonden bouwwerk om in te wonen of te werken.",
    (
        *_gemeenschappelijk("standplaats"),
        *_adressen(),
        _a(
            "geometrie",
            "De begrenzing van de standplaats: een vlak.",
            GEOMETRIE,
            "Objecten:geometrie",
            onderzoekbaar=True,
        ),
    ),
)
ADRESSEERBAAR_OBJECT = Objecttype(
    "AdresseerbaarObject",
    "Een object waaraan een adres is toegekend: een verblijfsobject, ligplaats of standplaats (in de "
    "BAG API de resource adresseerbareobjecten). Andere registers verwijzen ernaar met zijn identificatie.",
    (
        _a(
            "identificatie",
            "De identificatie van het verblijfsobject, de ligplaats of de standplaats.",
            IDENTIFICATIE,
            "Objecten:identificatie",
        ),
        *_adressen(),
    ),
)
PAND = Objecttype(
    "Pand",
    "De kleinste bij de totstandkoming functioneel en bouwkundig-constructief zelfstandige eenheid die direct en "
    "duurzaam met de aarde is verbonden en betreedbaar en afsluitbaar is.",
    (
        *_gemeenschappelijk("pand"),
        _a(
            "oorspronkelijkBouwjaar",
            "Het jaar waarin de bouw van het pand oorspronkelijk werd voltooid (9999: onbekend).",
            TEKST,
            "Objecten:oorspronkelijkBouwjaar",
            onderzoekbaar=True,
        ),
        _a(
            "geometrie",
            "De bovenaanzichtgeometrie van het pand: een vlak.",
            GEOMETRIE,
            "Objecten:geometrie",
            onderzoekbaar=True,
        ),
    ),
)

EXTRACT_GELADEN = Gebeurtenistype(
    "nl.bag.extract-geladen", None, "Een BAG-extract (een stand van de Landelijke Voorziening) is geladen."
)

CATALOGUS = Register(
    code="bag",
    titel="Basisregistratie Adressen en Gebouwen",
    objecttypen=(
        WOONPLAATS,
        OPENBARE_RUIMTE,
        NUMMERAANDUIDING,
        VERBLIJFSOBJECT,
        LIGPLAATS,
        STANDPLAATS,
        PAND,
        ADRESSEERBAAR_OBJECT,
    ),
    operaties=(
        Operatie(
            "raadplegen",
            "bag",
            "Een BAG-object opvragen met zijn identificatie, ook zijn levenscyclus.",
            persoonsgegevens=False,
        ),
        Operatie(
            "zoeken",
            "bag",
            "Adressen en BAG-objecten zoeken (postcode en huisnummer, naam, ligging).",
            persoonsgegevens=False,
        ),
    ),
    gebeurtenistypen=(EXTRACT_GELADEN,),
    relaties=(
        Relatie(
            "ligtIn", "OpenbareRuimte.ligtIn", "bag", "Woonplaats", "De woonplaats waarin de openbare ruimte ligt."
        ),
        Relatie(
            "ligtAan", "Nummeraanduiding.ligtAan", "bag", "OpenbareRuimte", "De openbare ruimte waaraan het adres ligt."
        ),
        Relatie(
            "hoofdadres",
            "Verblijfsobject.heeftAlsHoofdAdres",
            "bag",
            "Nummeraanduiding",
            "Het hoofdadres van het verblijfsobject.",
        ),
        Relatie("pand", "Verblijfsobject.maaktDeelUitVan", "bag", "Pand", "De panden waarin het verblijfsobject ligt."),
    ),
)
