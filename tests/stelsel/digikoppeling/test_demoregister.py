# SPDX-License-Identifier: EUPL-1.2
"""The demo register of organisations takes its autorisatiebesluiten from the blocks of the
composition: each block declares the grants it wants demo organisations to hold (for one
organisation by name, or for every organisation of a kind, ``eigen`` for the organisation's own
value), and Digikoppeling records them, on both databases. A composition without the BRP gives no
organisation a BRP grant, and a new block needs no change to Digikoppeling."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.blocks import BuildingBlock, Samenstelling
from opengdi.kernel.catalogus import ALLES
from opengdi.kernel.db import Database
from opengdi.kernel.toegang import EIGEN, Beperkingsoort, Demobesluit
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers import bag, brk, brp, nhr, woz
from opengdi.registers.brp.catalogus import CATALOGUS as BRP_CATALOGUS
from opengdi.stelsel import bsn, digid, digikoppeling
from opengdi.stelsel.digikoppeling import organisaties, service
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.catalogus import CATALOGUS as DIGIKOPPELING_CATALOGUS
from opengdi.stelsel.digikoppeling.demo import demo_organisaties
from tests.conftest import scratch_database

ZONDER_BRP = Samenstelling((digikoppeling.BLOCK,))
_IN_GEMEENTE = Beperkingsoort(
    "gemeente", "Alleen objecten in één gemeente", "gemeentecode", r"^[0-9]{4}$", van_organisatie="gemeentecode"
)


def _block(*besluiten: Demobesluit) -> BuildingBlock:
    """A new block (say the BAG) that declares only a restriction and its demo grants."""
    return BuildingBlock(
        code="bag", titel="BAG", apis=lambda _context: (), beperkingen={"bag": (_IN_GEMEENTE,)}, demobesluiten=besluiten
    )


def _grants(samenstelling: Samenstelling) -> dict[str, tuple[Grant, ...]]:
    return {item.organisatie.naam: item.grants for item in demo_organisaties(samenstelling)}


def test_without_the_brp_the_demo_organisations_hold_no_brp_grant() -> None:
    zonder, met = _grants(ZONDER_BRP), _grants(SAMENSTELLING)
    assert zonder.keys() == met.keys()
    held = {naam: [grant.bouwsteen for grant in grants] for naam, grants in zonder.items() if grants}
    assert held == {"Logius": ["digikoppeling"], "Autoriteit Persoonsgegevens": ["protocollering"]}
    assert [grant.bouwsteen for grant in met["Rijksdienst voor Identiteitsgegevens (RvIG)"]] == [
        "brp",
        "brp.bewoning",
        "brp.beheer",
        "protocollering",
        "bsn",
    ]
    assert met["Gemeente Amsterdam"][0].beperkingen == {"gemeenteVanInschrijving": "0363"}
    assert met["Gemeente Amsterdam"][1].bouwsteen == "brp.bewoning"
    assert met["Gemeente Amsterdam"][1].beperkingen == {"gemeente": "0363"}


def test_the_brp_declares_the_grants_about_the_brp_and_digikoppeling_its_own() -> None:
    assert SAMENSTELLING.demobesluiten() == (
        *digikoppeling.BLOCK.demobesluiten,
        *brp.BLOCK.demobesluiten,
        *bsn.BLOCK.demobesluiten,
        *bag.BLOCK.demobesluiten,
        *nhr.BLOCK.demobesluiten,
        *brk.BLOCK.demobesluiten,
        *woz.BLOCK.demobesluiten,
        *digid.BLOCK.demobesluiten,
    )
    brp_scopes = set(BRP_CATALOGUS.scopes)
    assert all(item.scope in brp_scopes or set(item.velden) <= brp_scopes for item in brp.BLOCK.demobesluiten)
    own = {item.scope for item in digikoppeling.BLOCK.demobesluiten}
    assert own <= set(DIGIKOPPELING_CATALOGUS.scopes)
    assert not any(set(item.velden) & brp_scopes for item in digikoppeling.BLOCK.demobesluiten)


def test_a_new_blocks_demo_grants_reach_the_organisations_it_names() -> None:
    gemeente = Demobesluit(
        "bag", "BAG-GEMEENTE", "Gemeentelijke taken", (ALLES,), (ALLES,), {"gemeente": EIGEN}, soort="gemeente"
    )
    kadaster = Demobesluit(
        "bag", "ZAKELIJKE-RECHTEN", "Zakelijke rechten", ("RaadpleegAdres",), ("adres",), organisatie="Kadaster"
    )
    grants = _grants(Samenstelling((digikoppeling.BLOCK, _block(gemeente, kadaster))))
    rotterdam = Grant(
        0, "bag", "BAG-GEMEENTE", "Gemeentelijke taken", frozenset({ALLES}), (ALLES,), {"gemeente": "0599"}
    )
    assert grants["Gemeente Rotterdam"] == (rotterdam,)
    assert sum(1 for naam, held in grants.items() if naam.startswith("Gemeente ") and len(held) == 1) == 403
    assert [(grant.doelbinding, grant.operaties) for grant in grants["Kadaster"]] == [
        ("ZAKELIJKE-RECHTEN", frozenset({"RaadpleegAdres"}))
    ]
    assert not any(grants[naam] for naam in grants if naam.startswith("Provincie "))


def test_a_demo_grant_for_no_demo_organisation_is_refused() -> None:
    misspelt = Demobesluit("bag", "X", "x", (ALLES,), (ALLES,), organisatie="Belastingdients")
    with pytest.raises(ValueError, match="Belastingdients"):
        demo_organisaties(Samenstelling((digikoppeling.BLOCK, _block(misspelt))))


def test_a_demo_grant_is_for_one_organisation_or_one_kind() -> None:
    with pytest.raises(ValueError, match="óf een organisatie óf een soort"):
        Demobesluit("bag", "X", "x", (ALLES,), (ALLES,), organisatie="Kadaster", soort="gemeente")
    with pytest.raises(ValueError, match="óf een organisatie óf een soort"):
        Demobesluit("bag", "X", "x", (ALLES,), (ALLES,))


@pytest.fixture(params=["sqlite", "postgresql"])
async def leeg_register(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated database of its own, with an empty register of organisations."""
    async with scratch_database(request.param, tmp_path) as database:
        await SAMENSTELLING.migraties().upgrade(database)
        yield database


@pytest.mark.parametrize("samenstelling", [SAMENSTELLING, ZONDER_BRP], ids=["met-brp", "zonder-brp"])
async def test_the_loaded_register_holds_exactly_the_grants_of_its_composition(
    leeg_register: Database, samenstelling: Samenstelling
) -> None:
    async with UnitOfWork(leeg_register) as uow:
        registered = await service.load_demo_register(uow, samenstelling)
    demo = demo_organisaties(samenstelling)
    async with leeg_register.session() as session:
        assert await organisaties.count_organisaties(session) == registered == len(demo)
        stored = [
            (item.organisatie.oin, dataclasses.replace(grant, id=0))
            for item in demo
            for grant in await organisaties.grants_of(session, item.organisatie.oin)
        ]
    assert stored == [(item.organisatie.oin, grant) for item in demo for grant in item.grants]
    brp_grants = [grant for _oin, grant in stored if grant.bouwsteen in BRP_CATALOGUS.scopes]
    assert len(brp_grants) == (
        429 + 403 + 1 if samenstelling is SAMENSTELLING else 0
    )  # bewoning: each municipality, the RvIG
