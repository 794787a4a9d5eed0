# SPDX-License-Identifier: EUPL-1.2
"""The kernel's declaration types on a small made-up registry: paths, views, aliases and what a
grant may name."""

from __future__ import annotations

import pytest

from opengdi.kernel.catalogus import (
    GETAL,
    TEKST,
    Antwoord,
    Attribuut,
    Catalogus,
    Gegevenstype,
    Objecttype,
    Operatie,
    Privacy,
    Register,
    Weergave,
    beperk,
    paden,
    vraagbare_paden,
    zonder,
)

DATUM = Gegevenstype("datum", "Een datum.", ("jaar", "maand"))
VOERTUIG = Objecttype(
    "Voertuig",
    "Een geregistreerd voertuig.",
    (
        Attribuut("kenteken", "Het kenteken.", TEKST, bron=("kenteken",), authentiek=True),
        Attribuut(
            "tenaamstelling",
            "Op wiens naam het voertuig staat.",
            onderdelen=(
                Attribuut("naam", "Naam van de houder.", TEKST),
                Attribuut("datum", "Sinds wanneer.", DATUM),
            ),
        ),
        Attribuut("zitplaatsen", "Aantal zitplaatsen.", GETAL),
        Attribuut("signalering", "Automatisch meegeleverd.", TEKST, vraagbaar=False),
    ),
    weergaven=(Weergave("Kort", ("kenteken", "tenaamstelling.datum")),),
)
RDW = Register(
    "rdw",
    "Kentekenregister",
    objecttypen=(VOERTUIG,),
    operaties=(
        Operatie("raadplegen", "rdw", "Een voertuig raadplegen.", Antwoord("Voertuig")),
        Operatie("zoeken", "rdw", "Voertuigen zoeken.", Antwoord("Voertuig", "Kort")),
        Operatie("laden", "rdw.beheer", "Testgegevens laden."),
    ),
)
TOEZICHT = Register(
    "toezicht", "Toezicht", operaties=(Operatie("inzien", "protocol", "Inzien.", gegevens_zijn_scopes=True),)
)
CATALOGUS = Catalogus((RDW, TOEZICHT))


def test_paths_name_every_attribute_parents_first() -> None:
    assert [pad for pad, _ in paden(VOERTUIG.attributen)] == [
        "kenteken",
        "tenaamstelling",
        "tenaamstelling.naam",
        "tenaamstelling.datum",
        "zitplaatsen",
        "signalering",
    ]
    assert VOERTUIG.attribuut("tenaamstelling.datum") is not None
    assert VOERTUIG.attribuut("tenaamstelling.kleur") is None


def test_a_view_keeps_whole_groups_or_the_named_parts() -> None:
    assert [pad for pad, _ in paden(beperk(VOERTUIG.attributen, ("kenteken", "tenaamstelling.datum")))] == [
        "kenteken",
        "tenaamstelling",
        "tenaamstelling.datum",
    ]
    assert beperk(VOERTUIG.attributen, None) == VOERTUIG.attributen
    assert [pad for pad, _ in paden(zonder(VOERTUIG.attributen, ("tenaamstelling.naam", "zitplaatsen")))] == [
        "kenteken",
        "tenaamstelling",
        "tenaamstelling.datum",
        "signalering",
    ]


def test_askable_paths_leave_out_automatic_attributes_and_value_members() -> None:
    assert vraagbare_paden(VOERTUIG) == {
        "kenteken",
        "tenaamstelling",
        "tenaamstelling.naam",
        "tenaamstelling.datum",
        "zitplaatsen",
    }
    assert vraagbare_paden(VOERTUIG, "Kort") == {"kenteken", "tenaamstelling", "tenaamstelling.datum"}


def test_the_catalogue_knows_scopes_operations_and_what_a_grant_may_name() -> None:
    assert CATALOGUS.scopes == ("rdw", "rdw.beheer", "protocol")
    assert RDW.scopes == ("rdw", "rdw.beheer")
    assert CATALOGUS.operaties("rdw") == ("raadplegen", "zoeken")
    assert CATALOGUS.operaties("onbekend") == ()
    assert CATALOGUS.gegevens("rdw", ["zoeken"]) == vraagbare_paden(VOERTUIG, "Kort")
    assert CATALOGUS.gegevens("rdw", ["*"]) == vraagbare_paden(VOERTUIG)
    assert CATALOGUS.gegevens("rdw", ["bestaat-niet"]) == frozenset()
    assert CATALOGUS.gegevens("rdw.beheer", ["laden"]) == frozenset()
    assert CATALOGUS.gegevens("protocol", ["inzien"]) == {"rdw", "rdw.beheer", "protocol"}


def test_an_unknown_object_type_or_view_is_an_error() -> None:
    with pytest.raises(KeyError):
        RDW.objecttype("Schip")
    with pytest.raises(KeyError):
        VOERTUIG.weergave("Lang")


def test_whether_an_operation_delivers_personal_data_follows_from_its_declaration() -> None:
    openbaar = Objecttype(
        "Pand",
        "Een gebouw.",
        (
            Attribuut("bouwjaar", "Het bouwjaar.", GETAL, privacy=Privacy.OPENBAAR),
            Attribuut("eigenaar", "Wie het bezit.", TEKST),
        ),
    )
    register = Register(
        "bag",
        "Panden",
        objecttypen=(openbaar,),
        operaties=(
            Operatie("raadplegen", "bag", "Een pand raadplegen.", Antwoord("Pand")),
            Operatie("beheer", "bag.beheer", "Beheren.", persoonsgegevens=False),
            Operatie("inzien", "bag.beheer", "Inzien."),
        ),
    )
    catalogus = Catalogus((register,))
    assert not catalogus.betreft_persoonsgegevens("bag", "raadplegen", ["bouwjaar"])
    assert catalogus.betreft_persoonsgegevens("bag", "raadplegen", ["bouwjaar", "eigenaar"])
    assert catalogus.betreft_persoonsgegevens("bag", "raadplegen", ["*"])  # everything: the eigenaar too
    assert not catalogus.betreft_persoonsgegevens("bag.beheer", "beheer")
    assert catalogus.betreft_persoonsgegevens("bag.beheer", "inzien")  # no answer declared: protocolled
    assert catalogus.betreft_persoonsgegevens("bag", "onbekend")  # undeclared: fail safe
