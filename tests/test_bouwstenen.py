# SPDX-License-Identifier: EUPL-1.2
"""The block registry: every block is one package that the architecture contracts cover, with its
own code and scopes, and the application, demo loading and migrations take their blocks from it."""

from __future__ import annotations

import itertools
import sys
import tomllib
from pathlib import Path

from opengdi.bouwstenen import BLOCKS, SAMENSTELLING
from opengdi.kernel.blocks import BuildingBlock, Samenstelling
from opengdi.kernel.db import Database
from opengdi.settings import Settings

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"


def _declaring_package(block: BuildingBlock) -> str:
    return next(name for name, module in list(sys.modules.items()) if getattr(module, "BLOCK", None) is block)


def _independence_contract() -> list[str]:
    contracts = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["importlinter"]["contracts"]
    modules: list[str] = next(item["modules"] for item in contracts if item["type"] == "independence")
    return modules


def test_every_block_is_a_package_that_the_independence_contract_covers() -> None:
    groups = {module.removesuffix(".*") for module in _independence_contract() if module.endswith(".*")}
    for block in BLOCKS:
        package = _declaring_package(block)
        group, _, name = package.rpartition(".")
        assert group in groups, f"{package} valt niet onder het onafhankelijkheidscontract"
        assert name == block.code


def test_codes_and_scopes_are_unique() -> None:
    assert len({block.code for block in BLOCKS}) == len(BLOCKS)
    for left, right in itertools.combinations(SAMENSTELLING.registers(), 2):
        assert not set(left.scopes) & set(right.scopes)
    assert set(SAMENSTELLING.scopes()) == {
        "bag",
        "brk",
        "brp",
        "brp.bewoning",
        "brp.beheer",
        "bsn",
        "digid",
        "digikoppeling",
        "nhr",
        "protocollering",
        "woz",
    }


def test_each_block_with_migrations_has_its_own_branch() -> None:
    bases = {
        revision.revision.rpartition("_")[0]
        for revision in SAMENSTELLING.migraties().script().walk_revisions()
        if revision.down_revision is None
    }
    assert bases == {"kernel", *(block.code for block in BLOCKS if block.migraties)}


def test_exactly_one_block_provides_the_access_policy() -> None:
    assert sum(block.toegang is not None for block in BLOCKS) == 1


def test_exactly_one_block_provides_burgerservicenummers_and_without_it_there_is_no_bron() -> None:
    assert sum(block.bsnbron is not None for block in BLOCKS) == 1
    without = Samenstelling(tuple(block for block in BLOCKS if block.bsnbron is None))
    assert without.bsnbron(Database("sqlite+aiosqlite://"), Settings()) is None
