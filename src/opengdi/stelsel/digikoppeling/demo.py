# SPDX-License-Identifier: EUPL-1.2
"""The demo register: every municipality and province of 2014, the agencies that hold or use the
registries, a few waterschappen, and autorisatiebesluiten that fit each kind of organisation.

Demo organisations carry test OINs (prefix ``00000099``): ``…1`` + ``0000`` + gemeentecode for a
municipality (Amsterdam ``00000099100000363000``), ``…2`` + province number for a province,
``…3`` for agencies, ``…4`` waterschappen, ``…5`` ministries, ``…6`` private parties.
"""

from __future__ import annotations

from dataclasses import dataclass

from opengdi.kernel.referentiedata import gemeenten_2014
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Grant
from opengdi.stelsel.digikoppeling.oin import test_oin
from opengdi.stelsel.digikoppeling.organisaties import Organisatie

RAADPLEGEN = "RaadpleegMetBurgerservicenummer"
ZOEKEN = (
    "ZoekMetGeslachtsnaamEnGeboortedatum",
    "ZoekMetNaamEnGemeenteVanInschrijving",
    "ZoekMetPostcodeEnHuisnummer",
    "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
    "ZoekMetNummeraanduidingIdentificatie",
    "ZoekMetAdresseerbaarObjectIdentificatie",
)
ADRES_ZOEKEN = (
    "ZoekMetPostcodeEnHuisnummer",
    "ZoekMetNummeraanduidingIdentificatie",
    "ZoekMetAdresseerbaarObjectIdentificatie",
)
KERN = ("burgerservicenummer", "naam", "geboorte", "verblijfplaats", "adressering")


@dataclass(frozen=True, slots=True)
class DemoOrganisatie:
    """A demo organisation and its grants."""

    organisatie: Organisatie
    grants: tuple[Grant, ...] = ()


def _brp(
    doel: str,
    omschrijving: str,
    velden: tuple[str, ...],
    operaties: tuple[str, ...] = (RAADPLEGEN, *ZOEKEN),
    beperkingen: dict[str, str] | None = None,
) -> Grant:
    return Grant(0, "brp", doel, omschrijving, frozenset(operaties), velden, beperkingen or {})


def gemeente_brp(gemeentecode: str) -> Grant:
    """A municipality's grant: everything, for its own inhabitants (the BRP's ``gemeenteVanInschrijving``)."""
    omschrijving = "Gemeentelijke taken voor de eigen inwoners"
    return _brp("BRP-GEMEENTE", omschrijving, (ALLES,), beperkingen={"gemeenteVanInschrijving": gemeentecode})


_AGENTSCHAPPEN: tuple[tuple[str, tuple[Grant, ...]], ...] = (
    (
        "Rijksdienst voor Identiteitsgegevens (RvIG)",
        (
            _brp("BRP-BRONHOUDER", "Beheer en kwaliteit van de BRP", (ALLES,)),
            Grant(0, "brp.beheer", "BRP-BRONHOUDER", "Testgegevens van de BRP beheren", frozenset({ALLES}), (ALLES,)),
            Grant(
                0, "protocollering", "TOEZICHT-BRP", "Protocollering van de BRP inzien", frozenset({ALLES}), ("brp",)
            ),
        ),
    ),
    (
        "Belastingdienst",
        (
            _brp(
                "BELASTINGEN",
                "Heffing en inning van belastingen en toeslagen",
                (
                    *KERN,
                    "partners",
                    "kinderen",
                    "overlijden",
                    "nationaliteiten",
                    "gemeenteVanInschrijving",
                    "immigratie",
                ),
            ),
        ),
    ),
    (
        "Uitvoeringsinstituut Werknemersverzekeringen (UWV)",
        (
            _brp(
                "WERKNEMERSVERZEKERINGEN",
                "Uitkeringen werknemers",
                (*KERN, "gemeenteVanInschrijving", "partners", "overlijden", "nationaliteiten", "verblijfstitel"),
            ),
        ),
    ),
    (
        "Sociale Verzekeringsbank (SVB)",
        (
            _brp(
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
        ),
    ),
    (
        "Dienst Uitvoering Onderwijs (DUO)",
        (
            _brp(
                "STUDIEFINANCIERING",
                "Studiefinanciering en onderwijs",
                (*KERN, "gemeenteVanInschrijving", "ouders", "nationaliteiten", "verblijfstitel"),
            ),
        ),
    ),
    (
        "Dienst Wegverkeer (RDW)",
        (
            _brp(
                "KENTEKENREGISTRATIE",
                "Tenaamstelling van voertuigen",
                (*KERN, "overlijden"),
                (RAADPLEGEN, "ZoekMetGeslachtsnaamEnGeboortedatum"),
            ),
        ),
    ),
    (
        "Kadaster",
        (
            _brp(
                "KADASTRALE-REGISTRATIE",
                "Inschrijving van zakelijke rechten",
                (*KERN, "gemeenteVanInschrijving", "overlijden"),
            ),
        ),
    ),
    (
        "Kamer van Koophandel (KvK)",
        (_brp("HANDELSREGISTER", "Inschrijving in het Handelsregister", (*KERN, "overlijden"), (RAADPLEGEN,)),),
    ),
    (
        "Logius",
        (
            Grant(
                0,
                "digikoppeling",
                "STELSELBEHEER",
                "Beheer van het Digikoppeling-register",
                frozenset({ALLES}),
                (ALLES,),
            ),
        ),
    ),
    (
        "Autoriteit Persoonsgegevens",
        (
            Grant(
                0,
                "protocollering",
                "TOEZICHT",
                "Toezicht op de verwerking van persoonsgegevens",
                frozenset({ALLES}),
                (ALLES,),
            ),
        ),
    ),
)

_WATERSCHAPPEN = (
    "Hoogheemraadschap van Delfland",
    "Waterschap Aa en Maas",
    "Hoogheemraadschap Hollands Noorderkwartier",
    "Waterschap Rijn en IJssel",
    "Wetterskip Fryslân",
)
WATERSCHAP_BRP = _brp(
    "WATERSCHAPSHEFFINGEN",
    "Heffing van de watersysteem- en zuiveringsheffing",
    ("burgerservicenummer", "naam", "adressering", "verblijfplaats", "overlijden"),
    (RAADPLEGEN, *ADRES_ZOEKEN),
)
PROVINCIE_BRP = _brp(
    "PROVINCIALE-TAKEN",
    "Provinciale subsidies en vergunningen",
    ("burgerservicenummer", "naam", "adressering"),
    (RAADPLEGEN,),
)
_MINISTERIES = ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Ministerie van Financiën")
_PRIVAAT = ("Voorbeeld Software B.V.",)


def gemeente_oin(gemeentecode: str) -> str:
    """The demo OIN of a municipality."""
    return test_oin(100_000_000 + int(gemeentecode))


def demo_organisaties() -> list[DemoOrganisatie]:
    """Every demo organisation with its grants."""
    result = [
        DemoOrganisatie(
            Organisatie(gemeente_oin(g.gemeentecode), f"Gemeente {g.naam}", "gemeente", g.gemeentecode, g.cbs_code),
            (gemeente_brp(g.gemeentecode),),
        )
        for g in gemeenten_2014()
    ]
    provincies = sorted({(g.provinciecode, g.provincienaam) for g in gemeenten_2014()})
    result += [
        DemoOrganisatie(
            Organisatie(test_oin(200_000_000 + int(code[2:])), f"Provincie {naam}", "provincie", cbs_code=code),
            (PROVINCIE_BRP,),
        )
        for code, naam in provincies
    ]
    result += [
        DemoOrganisatie(Organisatie(test_oin(300_000_001 + index), naam, "zbo"), grants)
        for index, (naam, grants) in enumerate(_AGENTSCHAPPEN)
    ]
    result += [
        DemoOrganisatie(Organisatie(test_oin(400_000_001 + index), naam, "waterschap"), (WATERSCHAP_BRP,))
        for index, naam in enumerate(_WATERSCHAPPEN)
    ]
    result += [
        DemoOrganisatie(Organisatie(test_oin(500_000_001 + index), naam, "ministerie"))
        for index, naam in enumerate(_MINISTERIES)
    ]
    result += [
        DemoOrganisatie(Organisatie(test_oin(600_000_001 + index), naam, "privaat"))
        for index, naam in enumerate(_PRIVAAT)
    ]
    return result


def demo_oin(naam_begin: str) -> str:
    """The OIN of the demo organisation whose name starts with ``naam_begin``."""
    return next(item.organisatie.oin for item in demo_organisaties() if item.organisatie.naam.startswith(naam_begin))
