# SPDX-License-Identifier: EUPL-1.2
"""The declaration of the BRP: the object type ``Persoon`` as BRP API Personen delivers it, with
each attribute's source in the persoonslijst (LO3 elements ``CC.GG.EE``), its operations and events.

This is the one place these facts are written. The ``fields`` tree (:mod:`fields`), the mapping of
API fields to the LO3 elements whose onderzoek marks them (:func:`onderzoek_elementen`, used by the
rule modules), the vocabulary of authorisable fields (Digikoppeling, through the kernel catalogue)
and the tests against the official OpenAPI document all derive from it.

A group that occurs for several categories (the ``naam`` of ouder 1 and ouder 2) lists the elements
of each; a rule module building it from one voorkomen takes those of that voorkomen's category.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from opengdi.kernel.catalogus import (
    GETAL,
    INDICATIE,
    TEKST,
    Alias,
    Antwoord,
    Attribuut,
    Gebeurtenistype,
    Gegevenstype,
    Objecttype,
    Operatie,
    Privacy,
    Register,
    Relatie,
    Weergave,
)

DATUM = Gegevenstype(
    "datum",
    "Een (mogelijk onvolledige) datum: volledig, alleen jaar en maand, alleen jaar, of onbekend.",
    ("type", "datum", "langFormaat", "jaar", "maand", "onbekend"),
)
WAARDETABEL = Gegevenstype(
    "waardetabel", "Een code uit een (landelijke) tabel met haar omschrijving.", ("code", "omschrijving")
)
TITEL = Gegevenstype(
    "adellijkeTitelPredicaat",
    "Een code uit tabel 38 met omschrijving en soort (titel of predicaat).",
    (*WAARDETABEL.onderdelen, "soort"),
)
GEZAG = Gegevenstype("gezag", "Gezagsrelaties zoals de gezagsmodule ze bepaalt.", open=True)

IDENTIFICEREND = Privacy.IDENTIFICEREND


def _v(
    naam: str,
    definitie: str,
    type: Gegevenstype,
    *bron: str,
    authentiek: bool = False,
    privacy: Privacy = Privacy.PERSOONSGEGEVEN,
    vraagbaar: bool = True,
    onderzoekbaar: bool = True,
) -> Attribuut:
    """A value attribute."""
    return Attribuut(
        naam,
        definitie,
        type,
        bron=bron,
        authentiek=authentiek,
        privacy=privacy,
        vraagbaar=vraagbaar,
        onderzoekbaar=onderzoekbaar and bool(bron),
    )


def _g(
    naam: str,
    definitie: str,
    *onderdelen: Attribuut,
    bron: tuple[str, ...] = (),
    meervoudig: bool = False,
    vraagbaar: bool = True,
) -> Attribuut:
    """A group attribute."""
    return Attribuut(
        naam,
        definitie,
        onderdelen=onderdelen,
        bron=bron,
        meervoudig=meervoudig,
        vraagbaar=vraagbaar,
        onderzoekbaar=bool(bron),
    )


def _in(categorieen: Iterable[str], *elementen: str) -> tuple[str, ...]:
    """``GG.EE`` elements in each of ``categorieen``."""
    return tuple(f"{categorie}.{element}" for element in elementen for categorie in categorieen)


def _naam_gerelateerde(*cats: str) -> tuple[Attribuut, ...]:
    return (
        _v("voornamen", "De voornamen.", TEKST, *_in(cats, "02.10"), authentiek=True),
        _v("adellijkeTitelPredicaat", "Adellijke titel of predicaat.", TITEL, *_in(cats, "02.20"), authentiek=True),
        _v("voorvoegsel", "Voorvoegsel van de geslachtsnaam.", TEKST, *_in(cats, "02.30"), authentiek=True),
        _v("geslachtsnaam", "De geslachtsnaam.", TEKST, *_in(cats, "02.40"), authentiek=True),
        _v("voorletters", "Voorletters, afgeleid van de voornamen.", TEKST, *_in(cats, "02.10")),
    )


def _geboorte(*cats: str, authentiek: bool = False) -> Attribuut:
    return _g(
        "geboorte",
        "Gegevens over de geboorte.",
        _v("datum", "Geboortedatum.", DATUM, *_in(cats, "03.10"), authentiek=authentiek),
        _v(
            "plaats",
            "Geboorteplaats: gemeente (tabel 33) of plaats buiten Nederland.",
            WAARDETABEL,
            *_in(cats, "03.20"),
            authentiek=authentiek,
        ),
        _v("land", "Geboorteland (tabel 34).", WAARDETABEL, *_in(cats, "03.30"), authentiek=authentiek),
    )


def _bsn(*cats: str) -> Attribuut:
    return _v("burgerservicenummer", "Burgerservicenummer.", TEKST, *_in(cats, "01.20"), privacy=IDENTIFICEREND)


def _geslacht(*cats: str, authentiek: bool = False) -> Attribuut:
    return _v("geslacht", "Geslachtsaanduiding (M, V of O).", WAARDETABEL, *_in(cats, "04.10"), authentiek=authentiek)


_VERBLIJFT_NIET_OP_ADRES = _v(
    "indicatieVastgesteldVerblijftNietOpAdres",
    "Vastgesteld is dat de persoon niet op dit adres verblijft (onderzoek 089999).",
    INDICATIE,
    vraagbaar=False,
)
_PERSOON_NAAMELEMENTEN = ("01.02.10", "01.02.20", "01.02.30", "01.02.40", "01.04.10", "01.61.10")
_PARTNER_NAAMELEMENTEN = ("05.02.20", "05.02.30", "05.02.40")
_NAAM_IN_ADRESSERING = _PERSOON_NAAMELEMENTEN + _PARTNER_NAAMELEMENTEN

_VERBLIJFPLAATS = _g(
    "verblijfplaats",
    "Waar de persoon woont of verblijft: een adres, een locatie, een plaats buiten Nederland, of onbekend.",
    _v(
        "type",
        "Adres, Locatie, VerblijfplaatsBuitenland of VerblijfplaatsOnbekend.",
        TEKST,
        "08.11.10",
        "08.12.10",
        "08.13.10",
    ),
    _v(
        "datumVan",
        "Datum van aangifte of ambtshalve vaststelling van het verblijf.",
        DATUM,
        "08.10.30",
        "08.13.20",
        authentiek=True,
    ),
    _v("datumIngangGeldigheid", "Datum waarop de gegevens geldig werden.", DATUM, "08.85.10"),
    _v("functieAdres", "Woonadres of briefadres.", WAARDETABEL, "08.10.10", authentiek=True),
    _v(
        "nummeraanduidingIdentificatie",
        "Identificatie van de nummeraanduiding in de BAG.",
        TEKST,
        "08.11.90",
        authentiek=True,
    ),
    _v(
        "adresseerbaarObjectIdentificatie",
        "Identificatie van het verblijfsobject in de BAG.",
        TEKST,
        "08.11.80",
        authentiek=True,
    ),
    _g(
        "verblijfadres",
        "Het adres, de locatie of het adres buiten Nederland.",
        _v("officieleStraatnaam", "Naam van de openbare ruimte.", TEKST, "08.11.15", authentiek=True),
        _v("korteStraatnaam", "Straatnaam, ingekort voor de adressering.", TEKST, "08.11.10", authentiek=True),
        _v("huisnummer", "Huisnummer.", GETAL, "08.11.20", authentiek=True),
        _v("huisletter", "Huisletter.", TEKST, "08.11.30", authentiek=True),
        _v("huisnummertoevoeging", "Huisnummertoevoeging.", TEKST, "08.11.40", authentiek=True),
        _v("aanduidingBijHuisnummer", "'by' of 'to' (bij of tegenover).", WAARDETABEL, "08.11.50", authentiek=True),
        _v("postcode", "Postcode.", TEKST, "08.11.60", authentiek=True),
        _v("woonplaats", "Woonplaats.", TEKST, "08.11.70", authentiek=True),
        _v(
            "locatiebeschrijving",
            "Beschrijving van een locatie zonder adres (een woonboot, een woonwagen).",
            TEKST,
            "08.12.10",
            authentiek=True,
        ),
        _v("regel1", "Eerste regel van het adres buiten Nederland.", TEKST, "08.13.30", authentiek=True),
        _v("regel2", "Tweede regel van het adres buiten Nederland.", TEKST, "08.13.40", authentiek=True),
        _v("regel3", "Derde regel van het adres buiten Nederland.", TEKST, "08.13.50", authentiek=True),
        _v("land", "Land van het adres buiten Nederland (tabel 34).", WAARDETABEL, "08.13.10", authentiek=True),
    ),
    _VERBLIJFT_NIET_OP_ADRES,
)

_ADRESSERING = _g(
    "adressering",
    "Hoe de persoon in een brief wordt aangeschreven en de adresregels (NEN 5825); afgeleid.",
    _v("aanhef", "De aanhef van een brief.", TEKST, *_NAAM_IN_ADRESSERING),
    _g(
        "aanschrijfwijze",
        "De naamregel in de adressering.",
        _v("naam", "De naam zoals die op de envelop staat.", TEKST),
        _v("aanspreekvorm", "Aanspreekvorm bij een adellijke titel of predicaat.", TEKST),
        bron=_NAAM_IN_ADRESSERING,
    ),
    _v("gebruikInLopendeTekst", "De persoon in een lopende tekst.", TEKST, *_NAAM_IN_ADRESSERING),
    _v(
        "adresregel1",
        "Eerste adresregel.",
        TEKST,
        "08.11.10",
        "08.11.20",
        "08.11.30",
        "08.11.40",
        "08.11.50",
        "08.12.10",
        "08.13.30",
    ),
    _v("adresregel2", "Tweede adresregel.", TEKST, "08.09.10", "08.11.60", "08.11.70", "08.13.40"),
    _v("adresregel3", "Derde adresregel (buitenland).", TEKST, "08.13.50"),
    _v("land", "Land van een adres buiten Nederland.", WAARDETABEL, "08.13.10"),
    _VERBLIJFT_NIET_OP_ADRES,
)

_NATIONALITEITEN = _g(
    "nationaliteiten",
    "De nationaliteiten van de persoon, of een bijzondere aanduiding (staatloos, behandeld als Nederlander, …).",
    _v(
        "type",
        "Nationaliteit, BehandeldAlsNederlander, VastgesteldNietNederlander, Staatloos of NationaliteitOnbekend.",
        TEKST,
        "04.05.10",
        "04.65.10",
        authentiek=True,
    ),
    _v("redenOpname", "Reden van opname van de nationaliteit (tabel 37).", WAARDETABEL, "04.63.10"),
    _v("nationaliteit", "De nationaliteit (tabel 32).", WAARDETABEL, "04.05.10", authentiek=True),
    _v("datumIngangGeldigheid", "Datum waarop de nationaliteit geldig werd.", DATUM, "04.85.10", onderzoekbaar=False),
    meervoudig=True,
)

_PERSOON_ATTRIBUTEN: tuple[Attribuut, ...] = (
    _v(
        "aNummer",
        "Administratienummer.",
        TEKST,
        "01.01.10",
        authentiek=True,
        privacy=IDENTIFICEREND,
        onderzoekbaar=False,
    ),
    _v("burgerservicenummer", "Burgerservicenummer.", TEKST, "01.01.20", authentiek=True, privacy=IDENTIFICEREND),
    _geslacht("01", authentiek=True),
    _v("leeftijd", "Leeftijd in jaren op de dag van de vraag, afgeleid van de geboortedatum.", GETAL, "01.03.10"),
    _g(
        "naam",
        "De naam van de persoon.",
        *_naam_gerelateerde("01"),
        _v(
            "volledigeNaam",
            "Predicaat, voornamen, titel, voorvoegsel en geslachtsnaam samen; afgeleid.",
            TEKST,
            *_in(("01",), "02.10", "02.20", "02.30", "02.40", "04.10"),
        ),
        _v(
            "aanduidingNaamgebruik",
            "Welke naam (eigen, partner of een combinatie) de persoon gebruikt.",
            WAARDETABEL,
            "01.61.10",
            authentiek=True,
        ),
    ),
    _geboorte("01", authentiek=True),
    _v(
        "datumEersteInschrijvingGBA", "Datum van eerste inschrijving in de GBA.", DATUM, "07.68.10", onderzoekbaar=False
    ),
    _v(
        "geheimhoudingPersoonsgegevens",
        "Verstrekking aan derden is beperkt (07.70.10).",
        INDICATIE,
        "07.70.10",
        vraagbaar=False,
        onderzoekbaar=False,
    ),
    _g(
        "opschortingBijhouding",
        "De persoonslijst wordt niet meer bijgehouden: reden en datum.",
        _v("datum", "Datum van de opschorting.", DATUM, "07.67.10", onderzoekbaar=False),
        _v(
            "reden",
            "Reden van de opschorting (overlijden, emigratie, …).",
            WAARDETABEL,
            "07.67.20",
            onderzoekbaar=False,
        ),
        vraagbaar=False,
    ),
    _g(
        "verificatie",
        "Verificatie van gegevens van een RNI-ingeschrevene.",
        _v("datum", "Datum van verificatie.", DATUM, "07.71.10", onderzoekbaar=False),
        _v("omschrijving", "Omschrijving van de verificatie.", TEKST, "07.71.20", onderzoekbaar=False),
        vraagbaar=False,
    ),
    _g(
        "rni",
        "Deelnemers die gegevens van een RNI-ingeschrevene aanleverden, per categorie.",
        _v(
            "deelnemer",
            "De RNI-deelnemer (tabel 48).",
            WAARDETABEL,
            *_in(("01", "04", "06", "08"), "88.10"),
            onderzoekbaar=False,
        ),
        _v(
            "omschrijvingVerdrag",
            "Het verdrag op grond waarvan gegevens werden aangeleverd.",
            TEKST,
            *_in(("01", "04", "06", "08"), "88.20"),
            onderzoekbaar=False,
        ),
        _v("categorie", "De categorie waarvoor de deelnemer aanleverde.", TEKST),
        meervoudig=True,
        vraagbaar=False,
    ),
    _g(
        "overlijden",
        "Gegevens over het overlijden.",
        _v("datum", "Datum van overlijden.", DATUM, "06.08.10", authentiek=True),
        _v("land", "Land van overlijden (tabel 34).", WAARDETABEL, "06.08.30", authentiek=True),
        _v("plaats", "Plaats van overlijden.", WAARDETABEL, "06.08.20", authentiek=True),
    ),
    _VERBLIJFPLAATS,
    _g(
        "immigratie",
        "Vestiging in Nederland vanuit het buitenland.",
        _v(
            "landVanwaarIngeschreven",
            "Land vanwaar de persoon zich in Nederland vestigde.",
            WAARDETABEL,
            "08.14.10",
            authentiek=True,
        ),
        _v(
            "vanuitVerblijfplaatsOnbekend",
            "De persoon kwam uit een onbekende verblijfplaats (land 0000).",
            INDICATIE,
            "08.14.10",
        ),
        _v("datumVestigingInNederland", "Datum van vestiging in Nederland.", DATUM, "08.14.20", authentiek=True),
        _v(
            "indicatieVestigingVanuitBuitenland",
            "De persoon vestigde zich vanuit het buitenland.",
            INDICATIE,
            "08.14.20",
        ),
    ),
    _v(
        "gemeenteVanInschrijving",
        "Gemeente waar de persoon is ingeschreven (tabel 33).",
        WAARDETABEL,
        "08.09.10",
        authentiek=True,
    ),
    _v("datumInschrijvingInGemeente", "Datum van inschrijving in die gemeente.", DATUM, "08.09.20", authentiek=True),
    _ADRESSERING,
    _v(
        "indicatieCurateleRegister", "De persoon staat in het curateleregister.", INDICATIE, "11.33.10", authentiek=True
    ),
    _v(
        "indicatieGezagMinderjarige",
        "Wie het gezag over de minderjarige heeft (tabel 61).",
        WAARDETABEL,
        "11.32.10",
        authentiek=True,
    ),
    _v("gezag", "Het gezag over (of van) de persoon, zoals de gezagsmodule het bepaalt.", GEZAG),
    _g(
        "uitsluitingKiesrecht",
        "Uitsluiting van het kiesrecht.",
        _v(
            "uitgeslotenVanKiesrecht",
            "De persoon is uitgesloten van het kiesrecht.",
            INDICATIE,
            "13.38.10",
            onderzoekbaar=False,
        ),
        _v("einddatum", "Einddatum van de uitsluiting.", DATUM, "13.38.20", onderzoekbaar=False),
    ),
    _g(
        "europeesKiesrecht",
        "Kiesrecht voor het Europees Parlement.",
        _v("aanduiding", "Aanduiding Europees kiesrecht.", WAARDETABEL, "13.31.10", onderzoekbaar=False),
        _v("einddatumUitsluiting", "Einddatum van een uitsluiting.", DATUM, "13.31.30", onderzoekbaar=False),
    ),
    _NATIONALITEITEN,
    _g(
        "verblijfstitel",
        "De verblijfstitel van een vreemdeling.",
        _v("aanduiding", "Aanduiding verblijfstitel (tabel 56).", WAARDETABEL, "10.39.10", authentiek=True),
        _v("datumEinde", "Einddatum van de verblijfstitel.", DATUM, "10.39.20", authentiek=True),
        _v("datumIngang", "Ingangsdatum van de verblijfstitel.", DATUM, "10.39.30", authentiek=True),
    ),
    _g(
        "kinderen",
        "De kinderen zoals de persoonslijst van de persoon ze vermeldt.",
        _bsn("09"),
        _g("naam", "Naam van het kind.", *_naam_gerelateerde("09")),
        _geboorte("09"),
        meervoudig=True,
    ),
    _g(
        "ouders",
        "Ouder 1 en ouder 2 zoals de persoonslijst van de persoon ze vermeldt.",
        _bsn("02", "03"),
        _geslacht("02", "03"),
        _v("ouderAanduiding", "1 of 2: de categorie van de ouder (02 of 03).", TEKST),
        _v(
            "datumIngangFamilierechtelijkeBetrekking",
            "Sinds wanneer de familierechtelijke betrekking bestaat.",
            DATUM,
            *_in(("02", "03"), "62.10"),
        ),
        _g("naam", "Naam van de ouder.", *_naam_gerelateerde("02", "03")),
        _geboorte("02", "03"),
        meervoudig=True,
    ),
    _g(
        "partners",
        "Huidige huwelijken en geregistreerde partnerschappen, of anders het laatst ontbonden.",
        _bsn("05"),
        _geslacht("05"),
        _v("soortVerbintenis", "Huwelijk of geregistreerd partnerschap.", WAARDETABEL, "05.15.10"),
        _g("naam", "Naam van de partner.", *_naam_gerelateerde("05")),
        _geboorte("05"),
        _g(
            "aangaanHuwelijkPartnerschap",
            "Sluiting van het huwelijk of partnerschap.",
            _v("datum", "Datum.", DATUM, "05.06.10"),
            _v("land", "Land (tabel 34).", WAARDETABEL, "05.06.30"),
            _v("plaats", "Plaats.", WAARDETABEL, "05.06.20"),
        ),
        _g("ontbindingHuwelijkPartnerschap", "Ontbinding.", _v("datum", "Datum.", DATUM, "05.07.10")),
        meervoudig=True,
    ),
)

PERSOON_BEPERKT_PADEN = (
    "burgerservicenummer",
    "geslacht",
    "leeftijd",
    "geboorte.datum",
    "naam.voornamen",
    "naam.adellijkeTitelPredicaat",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "naam.voorletters",
    "naam.volledigeNaam",
    "adressering.adresregel1",
    "adressering.adresregel2",
    "adressering.adresregel3",
    "adressering.land",
    "adressering.indicatieVastgesteldVerblijftNietOpAdres",
    "geheimhoudingPersoonsgegevens",
    "opschortingBijhouding",
    "rni",
    "verificatie",
)

PERSOON = Objecttype(
    "Persoon",
    "Een natuurlijk persoon die in de BRP is ingeschreven: ingezetene of niet-ingezetene (RNI).",
    _PERSOON_ATTRIBUTEN,
    aliassen=(
        Alias(
            "verblijfplaatsBinnenland",
            "verblijfplaats",
            "De verblijfplaats, alleen als die in Nederland is (adres of locatie).",
            zonder=("verblijfadres.regel1", "verblijfadres.regel2", "verblijfadres.regel3", "verblijfadres.land"),
        ),
        Alias(
            "adresseringBinnenland",
            "adressering",
            "De adresregels, alleen als de verblijfplaats in Nederland is.",
            zonder=("adresregel3", "land", "aanhef", "aanschrijfwijze", "gebruikInLopendeTekst"),
        ),
    ),
    weergaven=(
        Weergave("Persoon"),
        Weergave("PersoonBeperkt", PERSOON_BEPERKT_PADEN),
        Weergave("GezagPersoonBeperkt", (*PERSOON_BEPERKT_PADEN, "gezag")),
    ),
)

_VERBLIJFADRES = "verblijfplaats.verblijfadres"
#: The data elements (``fields`` paths of Persoon) that the value of each search parameter reveals of
#: every person found: what the search compares it with. Required and optional parameters alike,
#: as Haal Centraal checks them (``unauthorizedParameter``); ``straat`` matches the short and the
#: official street name; ``inclusiefOverledenPersonen`` reveals deaths only when true.
PARAMETER_GEGEVENS: Mapping[str, frozenset[str]] = {
    name: frozenset(gegevens)
    for name, gegevens in {
        "burgerservicenummer": ("burgerservicenummer",),
        "geslachtsnaam": ("naam.geslachtsnaam",),
        "voornamen": ("naam.voornamen",),
        "voorvoegsel": ("naam.voorvoegsel",),
        "geboortedatum": ("geboorte.datum",),
        "geslacht": ("geslacht",),
        "gemeenteVanInschrijving": ("gemeenteVanInschrijving",),
        "inclusiefOverledenPersonen": ("overlijden.datum",),
        "postcode": (f"{_VERBLIJFADRES}.postcode",),
        "huisnummer": (f"{_VERBLIJFADRES}.huisnummer",),
        "huisletter": (f"{_VERBLIJFADRES}.huisletter",),
        "huisnummertoevoeging": (f"{_VERBLIJFADRES}.huisnummertoevoeging",),
        "straat": (f"{_VERBLIJFADRES}.korteStraatnaam", f"{_VERBLIJFADRES}.officieleStraatnaam"),
        "nummeraanduidingIdentificatie": ("verblijfplaats.nummeraanduidingIdentificatie",),
        "adresseerbaarObjectIdentificatie": ("verblijfplaats.adresseerbaarObjectIdentificatie",),
    }.items()
}
#: Every data element a search parameter can reveal: a grant for a query type may name them too.
ONTHULD: frozenset[str] = frozenset().union(*PARAMETER_GEGEVENS.values())

#: The query types of BRP API Personen and the view of Persoon each answers with.
ZOEKVRAGEN = {
    "RaadpleegMetBurgerservicenummer": "Persoon",
    "ZoekMetGeslachtsnaamEnGeboortedatum": "PersoonBeperkt",
    "ZoekMetNaamEnGemeenteVanInschrijving": "PersoonBeperkt",
    "ZoekMetPostcodeEnHuisnummer": "PersoonBeperkt",
    "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving": "PersoonBeperkt",
    "ZoekMetNummeraanduidingIdentificatie": "PersoonBeperkt",
    "ZoekMetAdresseerbaarObjectIdentificatie": "GezagPersoonBeperkt",
}

#: The query types of BRP Bewoning and what each asks.
BEWONINGVRAGEN = {
    "BewoningMetPeildatum": "wie op een peildatum op een adresseerbaar object woonden.",
    "BewoningMetPeriode": "welke samenstellingen van bewoners in een periode op een adresseerbaar object woonden.",
}

#: The events the BRP records in the outbox (CloudEvents ``type``), see :mod:`~opengdi.registers.brp.events`.
PERSOONSLIJST_OPGENOMEN = Gebeurtenistype(
    "nl.brp.persoonslijst-opgenomen", "Persoon", "Een persoonslijst is opgenomen in de BRP."
)
PERSOONSLIJST_VERWIJDERD = Gebeurtenistype(
    "nl.brp.persoonslijst-verwijderd", "Persoon", "Een persoonslijst is verwijderd uit de BRP."
)

CATALOGUS = Register(
    code="brp",
    titel="Basisregistratie Personen",
    objecttypen=(PERSOON,),
    operaties=(
        *(
            Operatie(naam, "brp", f"BRP API Personen: {naam}.", Antwoord("Persoon", weergave), onthult=ONTHULD)
            for naam, weergave in ZOEKVRAGEN.items()
        ),
        *(
            Operatie(naam, "brp.bewoning", f"BRP Bewoning: {omschrijving}", persoonsgegevens=True)
            for naam, omschrijving in BEWONINGVRAGEN.items()
        ),
        Operatie("laden", "brp.beheer", "Persoonslijsten laden (testomgeving)."),
        Operatie("leegmaken", "brp.beheer", "Alle persoonslijsten verwijderen (testomgeving)."),
        Operatie("tonen", "brp.beheer", "Persoonslijsten met al hun voorkomens tonen."),
    ),
    gebeurtenistypen=(PERSOONSLIJST_OPGENOMEN, PERSOONSLIJST_VERWIJDERD),
    relaties=(
        Relatie(
            "verblijfsobject",
            "Persoon.verblijfplaats.adresseerbaarObjectIdentificatie",
            "bag",
            "AdresseerbaarObject",
            "Het adresseerbaar object (verblijfsobject, ligplaats of standplaats) waar de persoon woont.",
        ),
        Relatie(
            "nummeraanduiding",
            "Persoon.verblijfplaats.nummeraanduidingIdentificatie",
            "bag",
            "Nummeraanduiding",
            "De nummeraanduiding van het adres van de persoon.",
        ),
    ),
)


def _onderdelen(pad: str) -> tuple[Attribuut, ...]:
    """The attributes of the group at ``pad`` (``""``: the person itself); ``KeyError`` if undeclared."""
    if not pad:
        return PERSOON.attributen
    groep = PERSOON.attribuut(pad)
    if groep is None or not groep.is_groep:
        raise KeyError(pad)
    return groep.onderdelen


@cache
def onderzoek_elementen(pad: str, categorie: str | None = None) -> dict[str, tuple[str, ...]]:
    """For the group at ``pad`` (``""``: the person itself): each attribute that can be in
    onderzoek on its own → the LO3 elements whose onderzoek marks it; only the elements of
    ``categorie`` when given (a group built from one voorkomen)."""
    result = {}
    for attribuut in _onderdelen(pad):
        elementen = tuple(e for e in attribuut.bron if categorie is None or e.startswith(f"{categorie}."))
        if attribuut.onderzoekbaar and elementen:
            result[attribuut.naam] = elementen
    return result


@cache
def elementen(pad: str, categorie: str) -> dict[str, str]:
    """For the group at ``pad``: each attribute taken from one element of ``categorie`` → that
    element as a voorkomen of the category keys it (``GG.EE``). Attributes derived from several
    elements (``volledigeNaam``) or from none are left out."""
    result = {}
    for attribuut in _onderdelen(pad):
        own = [element for element in attribuut.bron if element.startswith(f"{categorie}.")]
        if len(own) == 1:
            result[attribuut.naam] = own[0][3:]
    return result


@cache
def categorieen(pad: str) -> frozenset[str]:
    """The LO3 categories the attribute at ``pad``, and every attribute below it, is taken from;
    ``KeyError`` if undeclared."""
    attribuut = PERSOON.attribuut(pad)
    if attribuut is None:
        raise KeyError(pad)
    return _categorieen(attribuut)


def _categorieen(attribuut: Attribuut) -> frozenset[str]:
    own = {element.partition(".")[0] for element in attribuut.bron}
    return frozenset(own.union(*(_categorieen(onderdeel) for onderdeel in attribuut.onderdelen)))


def bronnen(pad: str) -> tuple[str, ...]:
    """The LO3 elements (``CC.GG.EE``) the attribute at ``pad`` is taken from; ``KeyError`` if undeclared."""
    attribuut = PERSOON.attribuut(pad)
    if attribuut is None:
        raise KeyError(pad)
    return attribuut.bron


def bron(pad: str) -> tuple[str, str]:
    """The category and element (``GG.EE``) the attribute at ``pad`` is taken from; ``KeyError``
    unless it has exactly one source element."""
    attribuut = PERSOON.attribuut(pad)
    if attribuut is None or len(attribuut.bron) != 1:
        raise KeyError(pad)
    categorie, _, element = attribuut.bron[0].partition(".")
    return categorie, element
