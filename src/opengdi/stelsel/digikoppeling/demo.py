# SPDX-License-Identifier: EUPL-1.2
"""The demo register: every municipality and province of 2014, the agencies that hold or use the
registries, a few waterschappen, ministries and a private party, each with the autorisatiebesluiten
that the blocks of the deployment declare for demo organisations (``BuildingBlock.demobesluiten``;
Digikoppeling's own for its scopes are :data:`DEMOBESLUITEN`).

Demo organisations carry test OINs (prefix ``00000099``): ``…1`` + ``0000`` + gemeentecode for a
municipality (Amsterdam ``00000099100000363000``), ``…2`` + province number for a province,
``…3`` for agencies, ``…4`` waterschappen, ``…5`` ministries, ``…6`` private parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opengdi.kernel.blocks import Samenstelling
from opengdi.kernel.referentiedata import gemeenten_2014
from opengdi.kernel.toegang import Demobesluit
from opengdi.stelsel.digikoppeling.autorisatie import ALLES, Beperkingsoorten, Grant, checked_beperkingen
from opengdi.stelsel.digikoppeling.oin import test_oin
from opengdi.stelsel.digikoppeling.organisaties import Organisatie


@dataclass(frozen=True, slots=True)
class DemoOrganisatie:
    """A demo organisation and its grants."""

    organisatie: Organisatie
    grants: tuple[Grant, ...] = ()


#: Digikoppeling's own demo grants: Logius manages the register, the Autoriteit Persoonsgegevens
#: supervises the protocol of every block.
DEMOBESLUITEN = (
    Demobesluit(
        "digikoppeling",
        "STELSELBEHEER",
        "Beheer van het Digikoppeling-register",
        (ALLES,),
        (ALLES,),
        organisatie="Logius",
    ),
    Demobesluit(
        "protocollering",
        "TOEZICHT",
        "Toezicht op de verwerking van persoonsgegevens",
        (ALLES,),
        (ALLES,),
        organisatie="Autoriteit Persoonsgegevens",
    ),
)

_AGENTSCHAPPEN = (
    "Rijksdienst voor Identiteitsgegevens (RvIG)",
    "Belastingdienst",
    "Uitvoeringsinstituut Werknemersverzekeringen (UWV)",
    "Sociale Verzekeringsbank (SVB)",
    "Dienst Uitvoering Onderwijs (DUO)",
    "Dienst Wegverkeer (RDW)",
    "Kadaster",
    "Kamer van Koophandel (KvK)",
    "Logius",
    "Autoriteit Persoonsgegevens",
)
_WATERSCHAPPEN = (
    "Hoogheemraadschap van Delfland",
    "Waterschap Aa en Maas",
    "Hoogheemraadschap Hollands Noorderkwartier",
    "Waterschap Rijn en IJssel",
    "Wetterskip Fryslân",
)
_MINISTERIES = ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "Ministerie van Financiën")
_PRIVAAT = ("Voorbeeld Software B.V.",)


def gemeente_oin(gemeentecode: str) -> str:
    """The demo OIN of a municipality."""
    return test_oin(100_000_000 + int(gemeentecode))


def _organisaties() -> list[Organisatie]:
    """Every demo organisation, without grants."""
    result = [
        Organisatie(gemeente_oin(g.gemeentecode), f"Gemeente {g.naam}", "gemeente", g.gemeentecode, g.cbs_code)
        for g in gemeenten_2014()
    ]
    provincies = sorted({(g.provinciecode, g.provincienaam) for g in gemeenten_2014()})
    result += [
        Organisatie(test_oin(200_000_000 + int(code[2:])), f"Provincie {naam}", "provincie", cbs_code=code)
        for code, naam in provincies
    ]
    for first, soort, namen in (
        (300_000_001, "zbo", _AGENTSCHAPPEN),
        (400_000_001, "waterschap", _WATERSCHAPPEN),
        (500_000_001, "ministerie", _MINISTERIES),
        (600_000_001, "privaat", _PRIVAAT),
    ):
        result += [Organisatie(test_oin(first + index), naam, soort) for index, naam in enumerate(namen)]
    return result


def _grant(besluit: Demobesluit, organisatie: Organisatie, soorten: Beperkingsoorten) -> Grant:
    """The grant ``organisatie`` gets from ``besluit``, its restrictions checked and ``eigen`` resolved."""
    beperkingen = checked_beperkingen(besluit.scope, besluit.beperkingen, soorten, organisatie.kenmerken())
    operaties = frozenset(besluit.operaties)
    return Grant(0, besluit.scope, besluit.doelbinding, besluit.omschrijving, operaties, besluit.velden, beperkingen)


def _check_recipients(besluiten: Sequence[Demobesluit], organisaties: Sequence[Organisatie]) -> None:
    """Refuse a demo grant that is for no demo organisation (a misspelt name or kind)."""
    for besluit in besluiten:
        if not any(besluit.geldt_voor(item.naam, item.soort) for item in organisaties):
            voor = besluit.organisatie or f"soort {besluit.soort}"
            raise ValueError(
                f"Demobesluit {besluit.doelbinding} ({besluit.scope}) is voor geen demo-organisatie: {voor}."
            )


def demo_organisaties(samenstelling: Samenstelling) -> list[DemoOrganisatie]:
    """Every demo organisation with the grants that the blocks of ``samenstelling`` declare for it,
    in block order."""
    besluiten = samenstelling.demobesluiten()
    soorten = samenstelling.beperkingen()
    organisaties = _organisaties()
    _check_recipients(besluiten, organisaties)
    return [
        DemoOrganisatie(
            organisatie,
            tuple(
                _grant(item, organisatie, soorten)
                for item in besluiten
                if item.geldt_voor(organisatie.naam, organisatie.soort)
            ),
        )
        for organisatie in organisaties
    ]


def demo_oin(naam_begin: str) -> str:
    """The OIN of the demo organisation whose name starts with ``naam_begin``."""
    return next(organisatie.oin for organisatie in _organisaties() if organisatie.naam.startswith(naam_begin))
