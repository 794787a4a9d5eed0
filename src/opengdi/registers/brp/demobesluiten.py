# SPDX-License-Identifier: EUPL-1.2
"""The autorisatiebesluiten for the BRP that the demo organisations of a test deployment hold: each
municipality everything about its own inhabitants and the bewoning of the addresses within it,
provinces and waterschappen what their taxes and permits need, the agencies what their tasks need,
and the RvIG, bronhouder of the BRP, everything (bewoning, testgegevens and the BRP's protocol
included).
"""

from __future__ import annotations

from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.toegang import EIGEN, Demobesluit
from opengdi.registers.brp import bewoning
from opengdi.registers.brp.catalogus import BEWONINGVRAGEN, ZOEKVRAGEN
from opengdi.registers.brp.service import GEMEENTE_VAN_INSCHRIJVING

RAADPLEGEN = "RaadpleegMetBurgerservicenummer"
#: Every query type of BRP API Personen.
ALLE_VRAGEN = tuple(ZOEKVRAGEN)
ADRES_ZOEKEN = (
    "ZoekMetPostcodeEnHuisnummer",
    "ZoekMetNummeraanduidingIdentificatie",
    "ZoekMetAdresseerbaarObjectIdentificatie",
)
KERN = ("burgerservicenummer", "naam", "geboorte", "verblijfplaats", "adressering")
_RVIG = "Rijksdienst voor Identiteitsgegevens (RvIG)"


def _voor(
    organisatie: str,
    doel: str,
    omschrijving: str,
    velden: tuple[str, ...],
    operaties: tuple[str, ...] = ALLE_VRAGEN,
) -> Demobesluit:
    """A grant for queries about anyone, for the demo organisation called ``organisatie``."""
    return Demobesluit("brp", doel, omschrijving, operaties, velden, organisatie=organisatie)


DEMOBESLUITEN = (
    Demobesluit(
        "brp",
        "BRP-GEMEENTE",
        "Gemeentelijke taken voor de eigen inwoners",
        ALLE_VRAGEN,
        (ALLES,),
        {GEMEENTE_VAN_INSCHRIJVING.naam: EIGEN},
        soort="gemeente",
    ),
    Demobesluit(
        bewoning.SCOPE,
        "BEWONING-GEMEENTE",
        "Bewoning van de adressen in de eigen gemeente",
        tuple(BEWONINGVRAGEN),
        (ALLES,),
        {bewoning.GEMEENTE.naam: EIGEN},
        soort="gemeente",
    ),
    Demobesluit(
        "brp",
        "PROVINCIALE-TAKEN",
        "Provinciale subsidies en vergunningen",
        (RAADPLEGEN,),
        ("burgerservicenummer", "naam", "adressering"),
        soort="provincie",
    ),
    Demobesluit(
        "brp",
        "WATERSCHAPSHEFFINGEN",
        "Heffing van de watersysteem- en zuiveringsheffing",
        (RAADPLEGEN, *ADRES_ZOEKEN),
        ("burgerservicenummer", "naam", "adressering", "verblijfplaats", "overlijden"),
        soort="waterschap",
    ),
    _voor(_RVIG, "BRP-BRONHOUDER", "Beheer en kwaliteit van de BRP", (ALLES,)),
    Demobesluit(
        bewoning.SCOPE, "BRP-BRONHOUDER", "Beheer en kwaliteit van de BRP", (ALLES,), (ALLES,), organisatie=_RVIG
    ),
    Demobesluit(
        "brp.beheer", "BRP-BRONHOUDER", "Testgegevens van de BRP beheren", (ALLES,), (ALLES,), organisatie=_RVIG
    ),
    # Digikoppeling's scope for reading the protocol; its data elements are the scopes whose protocol it shows.
    Demobesluit(
        "protocollering",
        "TOEZICHT-BRP",
        "Protocollering van de BRP inzien",
        (ALLES,),
        ("brp", bewoning.SCOPE),
        organisatie=_RVIG,
    ),
    _voor(
        "Belastingdienst",
        "BELASTINGEN",
        "Heffing en inning van belastingen en toeslagen",
        (*KERN, "partners", "kinderen", "overlijden", "nationaliteiten", "gemeenteVanInschrijving", "immigratie"),
    ),
    _voor(
        "Uitvoeringsinstituut Werknemersverzekeringen (UWV)",
        "WERKNEMERSVERZEKERINGEN",
        "Uitkeringen werknemers",
        (*KERN, "gemeenteVanInschrijving", "partners", "overlijden", "nationaliteiten", "verblijfstitel"),
    ),
    _voor(
        "Sociale Verzekeringsbank (SVB)",
        "VOLKSVERZEKERINGEN",
        "AOW, Anw en kinderbijslag",
        (
            *KERN,
            "gemeenteVanInschrijving",
            "partners",
            "kinderen",
            "ouders",
            "overlijden",
            "nationaliteiten",
            "verblijfstitel",
            "immigratie",
        ),
    ),
    _voor(
        "Dienst Uitvoering Onderwijs (DUO)",
        "STUDIEFINANCIERING",
        "Studiefinanciering en onderwijs",
        (*KERN, "gemeenteVanInschrijving", "ouders", "nationaliteiten", "verblijfstitel"),
    ),
    _voor(
        "Dienst Wegverkeer (RDW)",
        "KENTEKENREGISTRATIE",
        "Tenaamstelling van voertuigen",
        (*KERN, "overlijden"),
        (RAADPLEGEN, "ZoekMetGeslachtsnaamEnGeboortedatum"),
    ),
    _voor(
        "Kadaster",
        "KADASTRALE-REGISTRATIE",
        "Inschrijving van zakelijke rechten",
        (*KERN, "gemeenteVanInschrijving", "overlijden"),
    ),
    _voor(
        "Kamer van Koophandel (KvK)",
        "HANDELSREGISTER",
        "Inschrijving in het Handelsregister",
        (*KERN, "overlijden"),
        (RAADPLEGEN,),
    ),
)
