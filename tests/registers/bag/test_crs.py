# SPDX-License-Identifier: EUPL-1.2
"""RD New and ETRS89: the published polynomials at the RD origin (Amersfoort), the two published
directions agreeing over the whole country, and a point there and back coming home."""

from __future__ import annotations

import math

import pytest

from opengdi.registers.bag import crs


def test_amersfoort_is_the_origin_of_rd() -> None:
    phi, lam = crs.naar_etrs89(155_000, 463_000)
    assert (round(phi, 5), round(lam, 5)) == (52.15517, 5.38721)
    x, y = crs.naar_rd(52.15517440, 5.38720621)
    assert math.hypot(x - 155_000, y - 463_000) < 0.001


def test_a_kilometre_north_is_about_nine_thousandths_of_a_degree() -> None:
    phi, lam = crs.naar_etrs89(155_000, 464_000)
    assert phi - 52.15517440 == pytest.approx(1_000 / 111_250, rel=0.01)
    assert lam == pytest.approx(5.38720621, abs=1e-4)


@pytest.mark.parametrize("x", range(0, 290_001, 29_000))
def test_the_published_reverse_polynomial_agrees_within_a_centimetre(x: int) -> None:
    for y in range(300_000, 620_001, 32_000):
        phi, lam = crs.naar_etrs89(x, y)
        dphi, dlam = 0.36 * (phi - 52.15517440), 0.36 * (lam - 5.38720621)
        # the published reverse polynomial alone (crs.naar_rd refines it on the forward one)
        rough_x = 155_000 + crs._sum(crs._R, dphi, dlam)
        rough_y = 463_000 + crs._sum(crs._S, dphi, dlam)
        assert math.hypot(rough_x - x, rough_y - y) < 0.01
        back = crs.naar_rd(phi, lam)
        assert math.hypot(back[0] - x, back[1] - y) < 0.001


def test_an_answer_is_converted_geometry_by_geometry() -> None:
    body = {
        "pand": {"geometrie": {"type": "Polygon", "coordinates": [[[155000, 463000, 0.0], [155000, 464000, 0.0]]]}},
        "_links": {"self": {"href": "x"}},
        "type": "Point",
    }
    converted = crs.antwoord_naar(body, crs.ETRS89)
    ring = converted["pand"]["geometrie"]["coordinates"][0]
    assert ring[0] == [52.15517440, 5.38720621, 0.0]
    assert ring[1][0] > ring[0][0]
    assert converted["_links"] == body["_links"] and converted["type"] == "Point"
    assert crs.antwoord_naar(body, crs.RD) is body
