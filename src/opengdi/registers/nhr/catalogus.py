# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the Handelsregister: the maatschappelijke activiteit and its vestigingen as
the KvK's APIs deliver them, each attribute with the field of the API it comes from (``bron``), the
rechtspersoon and the functionarissen as the Haal Centraal HR API delivers them, its operations
under Digikoppeling scope ``nhr``, and its links to the BRP (the owner or functionaris who is a
natural person), the BAG (the address of a vestiging) and itself (a rechtspersoon as functionaris).

Company data is public (``Privacy.OPENBAAR``): reading it leaves no protocol record. What
identifies a natural person (the burgerservicenummer and name of an owner or functionaris) is
personal data, delivered only under the operation :data:`PERSONEN` and protocolled; no KvK
answer shows it.
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

SCOPE = "nhr"
RAADPLEGEN = "raadplegen"
ZOEKEN = "zoeken"
#: Seeing (and searching by) the natural persons of an enterprise: its owner, its functionarissen.
PERSONEN = "personen"

DATUM = Gegevenstype("kvkDatum", "Een datum als jjjjmmdd; 00 waar een deel onbekend is.")
JA_NEE = Gegevenstype("jaNee", "Ja of Nee.")
KVK_NUMMER = Gegevenstype("kvkNummer", "Acht cijfers.")
VESTIGINGSNUMMER = Gegevenstype("vestigingsnummer", "Twaalf cijfers.")
RSIN = Gegevenstype("rsin", "Negen cijfers die de elfproef doorstaan (als een burgerservicenummer).")
BAG_IDENTIFICATIE = Gegevenstype("bagIdentificatie", "Zestien cijfers: een identificatie in de BAG.")


def _a(naam: str, definitie: str, type: Gegevenstype, bron: str, *, meervoudig: bool = False) -> Attribuut:
    return Attribuut(
        naam,
        definitie,
        type,
        bron=(bron,),
        authentiek=True,
        privacy=Privacy.OPENBAAR,
        onderzoekbaar=False,
        meervoudig=meervoudig,
    )


def _groep(naam: str, definitie: str, *onderdelen: Attribuut, meervoudig: bool = False) -> Attribuut:
    return Attribuut(
        naam, definitie, onderdelen=onderdelen, privacy=Privacy.OPENBAAR, onderzoekbaar=False, meervoudig=meervoudig
    )


_REGISTRATIE = (
    _a(
        "formeleRegistratiedatum", "De datum van inschrijving in het Handelsregister.", DATUM, "formeleRegistratiedatum"
    ),
    _groep(
        "materieleRegistratie",
        "Wanneer de onderneming of vestiging in werkelijkheid begon en eindigde.",
        _a("datumAanvang", "De datum waarop zij begon.", DATUM, "materieleRegistratie.datumAanvang"),
        _a("datumEinde", "De datum waarop zij eindigde.", DATUM, "materieleRegistratie.datumEinde"),
    ),
)
_SBI = _groep(
    "sbiActiviteiten",
    "Wat de onderneming doet, in codes van de Standaard Bedrijfsindeling (SBI 2008).",
    _a("sbiCode", "De SBI-code.", TEKST, "sbiActiviteiten.sbiCode"),
    _a("sbiOmschrijving", "Wat de code betekent.", TEKST, "sbiActiviteiten.sbiOmschrijving"),
    _a("indHoofdactiviteit", "Of dit de hoofdactiviteit is.", JA_NEE, "sbiActiviteiten.indHoofdactiviteit"),
    meervoudig=True,
)
_HANDELSNAMEN = _groep(
    "handelsnamen",
    "De namen waaronder gehandeld wordt, in volgorde van registratie.",
    _a("naam", "Een handelsnaam.", TEKST, "handelsnamen.naam"),
    _a("volgorde", "Haar plaats in de volgorde (vanaf 0).", GETAL, "handelsnamen.volgorde"),
    meervoudig=True,
)

MAATSCHAPPELIJKE_ACTIVITEIT = Objecttype(
    "MaatschappelijkeActiviteit",
    "Alle activiteiten van een natuurlijk persoon of rechtspersoon die als onderneming of rechtspersoon "
    "in het Handelsregister staan, onder één KvK-nummer.",
    attributen=(
        _a("kvkNummer", "Het nummer waaronder de KvK de activiteit inschreef.", KVK_NUMMER, "kvkNummer"),
        _a("naam", "De naam van de onderneming: de eerste handelsnaam of de statutaire naam.", TEKST, "naam"),
        _a("statutaireNaam", "De naam in de statuten van de rechtspersoon.", TEKST, "statutaireNaam"),
        _a("indNonMailing", "Of de onderneming geen ongevraagde reclame wil.", JA_NEE, "indNonMailing"),
        *_REGISTRATIE,
        _a("totaalWerkzamePersonen", "Hoeveel mensen er werken.", GETAL, "totaalWerkzamePersonen"),
        _HANDELSNAMEN,
        _SBI,
        _groep(
            "eigenaar",
            "Wie de onderneming drijft: een rechtspersoon of een natuurlijk persoon.",
            _a("rsin", "Het RSIN van de rechtspersoon.", RSIN, "_embedded.eigenaar.rsin"),
            _a("rechtsvorm", "De rechtsvorm.", TEKST, "_embedded.eigenaar.rechtsvorm"),
            _a("uitgebreideRechtsvorm", "De rechtsvorm in woorden.", TEKST, "_embedded.eigenaar.uitgebreideRechtsvorm"),
            Attribuut(
                "burgerservicenummer",
                "Het burgerservicenummer van de eigenaar die een natuurlijk persoon is "
                "(niet in de antwoorden van de KvK).",
                TEKST,
                privacy=Privacy.IDENTIFICEREND,
                onderzoekbaar=False,
            ),
        ),
    ),
)

VESTIGING = Objecttype(
    "Vestiging",
    "Een gebouw of complex van gebouwen waar duurzame uitoefening van de activiteiten van een onderneming "
    "of rechtspersoon plaatsvindt.",
    attributen=(
        _a("vestigingsnummer", "Het nummer van de vestiging.", VESTIGINGSNUMMER, "vestigingsnummer"),
        _a("kvkNummer", "De maatschappelijke activiteit waartoe zij hoort.", KVK_NUMMER, "kvkNummer"),
        _a("eersteHandelsnaam", "De naam waaronder de vestiging handelt.", TEKST, "eersteHandelsnaam"),
        _a("indHoofdvestiging", "Of dit de hoofdvestiging is.", JA_NEE, "indHoofdvestiging"),
        _a("indCommercieleVestiging", "Of de vestiging commercieel is.", JA_NEE, "indCommercieleVestiging"),
        *_REGISTRATIE,
        _a("voltijdWerkzamePersonen", "Hoeveel mensen er voltijd werken.", GETAL, "voltijdWerkzamePersonen"),
        _a("deeltijdWerkzamePersonen", "Hoeveel mensen er deeltijd werken.", GETAL, "deeltijdWerkzamePersonen"),
        _a("totaalWerkzamePersonen", "Hoeveel mensen er werken.", GETAL, "totaalWerkzamePersonen"),
        _HANDELSNAMEN,
        _groep(
            "adressen",
            "Het bezoekadres en het correspondentieadres.",
            _a("type", "bezoekadres of correspondentieadres.", TEKST, "adressen.type"),
            _a("indAfgeschermd", "Of het adres is afgeschermd.", JA_NEE, "adressen.indAfgeschermd"),
            _a("straatnaam", "De straat.", TEKST, "adressen.straatnaam"),
            _a("huisnummer", "Het huisnummer.", GETAL, "adressen.huisnummer"),
            _a("postcode", "De postcode.", TEKST, "adressen.postcode"),
            _a("postbusnummer", "Het nummer van de postbus.", GETAL, "adressen.postbusnummer"),
            _a("plaats", "De plaats.", TEKST, "adressen.plaats"),
            _groep(
                "geoData",
                "Waar het adres in de BAG staat.",
                _a(
                    "nummerAanduidingId",
                    "De nummeraanduiding van het adres.",
                    BAG_IDENTIFICATIE,
                    "adressen.geoData.nummerAanduidingId",
                ),
                _a(
                    "addresseerbaarObjectId",
                    "Het adresseerbaar object op het adres.",
                    BAG_IDENTIFICATIE,
                    "adressen.geoData.addresseerbaarObjectId",
                ),
            ),
            meervoudig=True,
        ),
    ),
)


def _persoonsgegeven(naam: str, definitie: str, type: Gegevenstype, privacy: Privacy) -> Attribuut:
    return Attribuut(naam, definitie, type, bron=(naam,), authentiek=True, privacy=privacy, onderzoekbaar=False)


NIET_NATUURLIJK_PERSOON = Objecttype(
    "NietNatuurlijkPersoon",
    "Een rechtspersoon (of een samenwerkingsverband) die een onderneming drijft, onder zijn RSIN.",
    attributen=(
        _a("rsin", "Het Rechtspersonen en Samenwerkingsverbanden Informatienummer.", RSIN, "rsin"),
        _a("naam", "De statutaire naam.", TEKST, "naam"),
        _a("rechtsvorm", "De rechtsvorm, zoals de HR API haar noemt.", TEKST, "rechtsvorm"),
        _a("datumOprichting", "Wanneer de rechtspersoon begon.", DATUM, "datumOprichting"),
        _a(
            "datumEersteInschrijvingHandelsregister",
            "Wanneer de rechtspersoon in het Handelsregister kwam.",
            DATUM,
            "datumEersteInschrijvingHandelsregister",
        ),
        _a(
            "kvknummers",
            "De maatschappelijke activiteiten van de rechtspersoon.",
            KVK_NUMMER,
            "kvknummers",
            meervoudig=True,
        ),
    ),
)

FUNCTIONARIS = Objecttype(
    "Functionaris",
    "Iemand die een functie vervult bij de eigenaar van een onderneming en daarin voor haar mag optreden: "
    "een bestuurder, een gevolmachtigde, een aansprakelijke of een andere functionaris; een beëindigde "
    "functie blijft bewaard.",
    attributen=(
        _persoonsgegeven(
            "identificatie",
            "Het burgerservicenummer van een natuurlijk persoon, of het RSIN van een rechtspersoon.",
            TEKST,
            Privacy.IDENTIFICEREND,
        ),
        _persoonsgegeven("volledigeNaam", "De naam zoals ingeschreven.", TEKST, Privacy.PERSOONSGEGEVEN),
        _a("functie", "De functie (bestuurder, gevolmachtigde, …).", TEKST, "functie"),
        _a("functietitel", "De titel van de functie (directeur, …).", TEKST, "functietitel"),
        _a("bevoegdheid", "Of zij alleen, samen met anderen of niet bevoegd is.", TEKST, "bevoegdheid"),
        _a("indicatieStatutair", "Of de functie in de statuten staat.", TEKST, "indicatieStatutair"),
        _groep(
            "volmacht",
            "Wat een gevolmachtigde mag: beperkt of volledig, tot welk bedrag, voor welke vestigingen.",
            _a("typeVolmacht", "Beperkt of volledig.", TEKST, "volmacht.typeVolmacht"),
            _a("beperkingInGeld", "Tot welk bedrag.", TEKST, "volmacht.beperkingInGeld"),
            _a("vestigingNummers", "Voor welke vestigingen.", VESTIGINGSNUMMER, "volmacht.vestigingNummers"),
        ),
        _a("datumAanvang", "Sinds wanneer de functie vervuld wordt.", DATUM, "datumAanvang"),
        _a("datumEinde", "Tot wanneer de functie vervuld werd.", DATUM, "datumEinde"),
    ),
)

CATALOGUS = Register(
    code="nhr",
    titel="Handelsregister",
    objecttypen=(MAATSCHAPPELIJKE_ACTIVITEIT, VESTIGING, NIET_NATUURLIJK_PERSOON, FUNCTIONARIS),
    operaties=(
        Operatie(
            RAADPLEGEN,
            SCOPE,
            "Het basisprofiel van een onderneming of het profiel van een vestiging opvragen.",
            persoonsgegevens=False,
        ),
        Operatie(
            ZOEKEN,
            SCOPE,
            "Ondernemingen, vestigingen en rechtspersonen zoeken (nummer, naam, adres).",
            persoonsgegevens=False,
        ),
        Operatie(
            PERSONEN,
            SCOPE,
            "De natuurlijke personen van een onderneming zien (de eigenaar van een eenmanszaak, de "
            "functionarissen) en ondernemingen zoeken op het burgerservicenummer van hun eigenaar of bestuurder.",
        ),
    ),
    relaties=(
        Relatie(
            "eigenaar",
            "MaatschappelijkeActiviteit.eigenaar.burgerservicenummer",
            "brp",
            "Persoon",
            "De natuurlijk persoon die de onderneming drijft.",
        ),
        Relatie(
            "functionaris",
            "Functionaris.identificatie",
            "brp",
            "Persoon",
            "De natuurlijk persoon die een functie vervult bij de eigenaar van de onderneming.",
        ),
        Relatie(
            "functionarisRechtspersoon",
            "Functionaris.identificatie",
            "nhr",
            "NietNatuurlijkPersoon",
            "De rechtspersoon die een functie vervult bij de eigenaar van de onderneming.",
        ),
        Relatie(
            "bezoekadres",
            "Vestiging.adressen.geoData.nummerAanduidingId",
            "bag",
            "Nummeraanduiding",
            "De nummeraanduiding van het adres van de vestiging.",
        ),
        Relatie(
            "verblijfsobject",
            "Vestiging.adressen.geoData.addresseerbaarObjectId",
            "bag",
            "AdresseerbaarObject",
            "Het adresseerbaar object waar de vestiging is.",
        ),
    ),
)
