# SPDX-License-Identifier: EUPL-1.2
"""What the Stelselcatalogus works out from the declarations: every attribute with its path, the
fields paths and operations that deliver it, and relations resolved against the composition.
Expectations come from the declarations and the kernel's own functions, never from copies."""

from __future__ import annotations

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import paden, vraagbare_paden
from opengdi.kernel.fouten import NietGevonden
from opengdi.registers.brp.catalogus import CATALOGUS as BRP
from opengdi.stelsel.stelselcatalogus.inhoud import Doelstatus, Stelsel
from tests.stelsel.stelselcatalogus.verzonnen import LATER, ONDERGROND

REGISTERS = SAMENSTELLING.registers()


def test_every_attribute_of_every_object_type_is_there_with_its_declared_path() -> None:
    stelsel = Stelsel(REGISTERS)
    assert [register.code for register in stelsel.registers] == [register.code for register in REGISTERS]
    for register in REGISTERS:
        for objecttype in register.objecttypen:
            gegevens = stelsel.gegevens(register.code, objecttype.naam)
            assert [(g.pad, g.attribuut) for g in gegevens] == list(paden(objecttype.attributen))
            for gegeven in gegevens:
                assert stelsel.gegeven(register.code, objecttype.naam, gegeven.pad) is gegeven
                assert objecttype.attribuut(gegeven.pad) == gegeven.attribuut
                for ouder in gegeven.ouders:
                    assert gegeven.pad.startswith(f"{ouder}.")


def test_an_askable_attribute_is_asked_by_its_path_and_by_every_alias_that_holds_it() -> None:
    (persoon,) = BRP.objecttypen
    askable = vraagbare_paden(persoon)
    gegevens = Stelsel([BRP]).gegevens("brp", persoon.naam)
    assert any(not g.velden for g in gegevens) and any(len(g.velden) > 1 for g in gegevens)
    for gegeven in gegevens:
        if gegeven.pad not in askable:
            assert gegeven.velden == ()
            continue
        assert gegeven.velden[0] == gegeven.pad
        for alias in persoon.aliassen:
            if not gegeven.pad.startswith(f"{alias.doel}."):
                continue
            rest = gegeven.pad.removeprefix(f"{alias.doel}.")
            left_out = any(rest == weg or rest.startswith(f"{weg}.") for weg in alias.zonder)
            assert (f"{alias.naam}.{rest}" in gegeven.velden) is not left_out, (gegeven.pad, alias.naam)


def test_an_attribute_is_delivered_by_each_operation_whose_view_holds_it() -> None:
    (persoon,) = BRP.objecttypen
    answering = [operatie for operatie in BRP.operaties if operatie.antwoord is not None]
    assert answering
    for gegeven in Stelsel([BRP]).gegevens("brp", persoon.naam):
        if not gegeven.velden:
            continue
        expected = [
            operatie.naam
            for operatie in answering
            if operatie.antwoord and gegeven.pad in vraagbare_paden(persoon, operatie.antwoord.weergave)
        ]
        assert [operatie.naam for operatie in gegeven.leveringen] == expected, gegeven.pad


def test_a_relation_to_a_register_not_yet_enabled_is_shown_as_such() -> None:
    stelsel = Stelsel([BRP])
    assert len(stelsel.verbindingen) == len(BRP.relaties)
    for verbinding, relatie in zip(stelsel.verbindingen, BRP.relaties, strict=True):
        assert verbinding.relatie == relatie and verbinding.status is Doelstatus.REGISTER_AFWEZIG
        assert f"{verbinding.objecttype}.{verbinding.pad}" == relatie.van
        gegeven = stelsel.gegeven("brp", verbinding.objecttype, verbinding.pad)
        assert verbinding in gegeven.verbindingen
    assert stelsel.afwezig == tuple(sorted({relatie.naar_register for relatie in BRP.relaties}))
    with pytest.raises(NietGevonden, match="verwijzen ernaar"):
        stelsel.register(BRP.relaties[0].naar_register)


def test_a_register_that_declares_itself_later_resolves_the_relations_to_it() -> None:
    stelsel = Stelsel([BRP, LATER, ONDERGROND])
    declared = {objecttype.naam for objecttype in LATER.objecttypen}
    for verbinding in stelsel.uitgaand("brp"):
        wanted = (
            Doelstatus.AANWEZIG if verbinding.relatie.naar_objecttype in declared else Doelstatus.OBJECTTYPE_ONBEKEND
        )
        assert verbinding.status is wanted
        assert verbinding.doel_aanwezig is (wanted is Doelstatus.AANWEZIG)
    assert {v.status for v in stelsel.uitgaand("brp")} == set(Doelstatus) - {Doelstatus.REGISTER_AFWEZIG}
    assert stelsel.afwezig == ()
    incoming = {(v.register, v.relatie.naam) for v in stelsel.inkomend("bag")}
    assert incoming == {("brp", r.naam) for r in BRP.relaties} | {("bro", "locatie")}
    assert [v.relatie.naam for v in stelsel.inkomend("bro")] == []  # its relation to itself is its own


@pytest.mark.parametrize(
    ("vraag", "parameter"),
    [(("onbekend",), "code"), (("brp", "Onbekend"), "naam"), (("brp", "Persoon", "naam.bestaatniet"), "pad")],
)
def test_what_is_not_declared_is_not_found_naming_the_parameter(vraag: tuple[str, ...], parameter: str) -> None:
    stelsel = Stelsel(REGISTERS)
    lookup = {1: stelsel.register, 2: stelsel.objecttype, 3: stelsel.gegeven}[len(vraag)]
    with pytest.raises(NietGevonden, match=f"parameter {parameter}"):
        lookup(*vraag)
