# SPDX-License-Identifier: EUPL-1.2
"""The demo organisations that may use the BAG: every municipality, province and waterschap, and
the Kadaster; the test bronhouder holds every scope, the BAG's too."""

from __future__ import annotations

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.stelsel.digikoppeling.demo import demo_organisaties


def test_every_demo_municipality_may_use_the_bag() -> None:
    organisaties = demo_organisaties(SAMENSTELLING)
    with_bag = {
        item.organisatie.naam for item in organisaties if any(grant.bouwsteen == "bag" for grant in item.grants)
    }
    gemeenten = {item.organisatie.naam for item in organisaties if item.organisatie.soort == "gemeente"}
    assert len(gemeenten) > 300 and gemeenten <= with_bag
    assert "Kadaster" in with_bag
    assert "Belastingdienst" not in with_bag
    assert "bag" in SAMENSTELLING.scopes()
