# SPDX-License-Identifier: EUPL-1.2
"""Coordinate reference systems of the BAG API: RD New (EPSG:28992), in which the BAG is kept, and
ETRS89 (EPSG:4258), offered beside it as an extension of the document (whose ``Accept-Crs`` and
``Content-Crs`` name only ``epsg:28992``).

RD is converted to ETRS89 with the published approximation polynomials for RD and WGS84
(Schreutelkamp and Strang van Hees, *Benaderingsformules voor de transformatie tussen RD- en
WGS84-kaartcoördinaten*): within about a metre of the exact transformation (RDNAPTRANS™) anywhere
in the Netherlands, and ETRS89 and WGS84 differ by less than that. The way back starts from the
published reverse polynomial and is refined by Newton steps on the forward one, so that a point
converted there and back comes home within a millimetre. An ETRS89 position is written
latitude, longitude: the axis order of EPSG:4258, as ``Content-Crs`` then names it (OGC API
Features part 2). No framework here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RD = "epsg:28992"
ETRS89 = "epsg:4258"
#: The systems an answer may be asked in, and a question given in.
ONDERSTEUND = (RD, ETRS89)

_X0, _Y0 = 155_000.0, 463_000.0
_PHI0, _LAM0 = 52.15517440, 5.38720621
#: (p, q, K): latitude in arc seconds from dX^p dY^q, dX and dY in units of 100 km.
_K = (
    (0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550),
    (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033), (1, 1, -0.00012),
)  # fmt: skip
#: (p, q, L): longitude in arc seconds.
_L = (
    (1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594),
    (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022),
    (2, 0, -0.00022), (5, 0, 0.00026),
)  # fmt: skip
#: (p, q, R): x in metres from dphi^p dlam^q, in units of 10,000 arc seconds.
_R = (
    (0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705),
    (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148),
)  # fmt: skip
#: (p, q, S): y in metres.
_S = (
    (1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788), (0, 1, 0.433),
    (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054),
)  # fmt: skip

#: The RD domain (a little room around the Netherlands): a point outside is no RD coordinate.
RD_GEBIED = (-7_000.0, 289_000.0, 300_000.0, 629_000.0)
#: The ETRS89 area of use of RD: latitude and longitude.
ETRS89_GEBIED = (50.75, 3.2, 53.7, 7.22)


def _sum(terms: tuple[tuple[int, int, float], ...], a: float, b: float) -> float:
    return sum(factor * a**p * b**q for p, q, factor in terms)


def naar_etrs89(x: float, y: float) -> tuple[float, float]:
    """An RD coordinate as ETRS89 latitude and longitude (degrees)."""
    dx, dy = (x - _X0) * 1e-5, (y - _Y0) * 1e-5
    return _PHI0 + _sum(_K, dx, dy) / 3600, _LAM0 + _sum(_L, dx, dy) / 3600


def naar_rd(phi: float, lam: float) -> tuple[float, float]:
    """An ETRS89 latitude and longitude (degrees) as an RD coordinate (the inverse of
    :func:`naar_etrs89`, to well under a millimetre)."""
    dphi, dlam = 0.36 * (phi - _PHI0), 0.36 * (lam - _LAM0)
    x, y = _X0 + _sum(_R, dphi, dlam), _Y0 + _sum(_S, dphi, dlam)
    for _ in range(4):
        f_phi, f_lam = naar_etrs89(x, y)
        # the Jacobian of the forward polynomial, by central differences over a metre
        east = [b - a for a, b in zip(naar_etrs89(x - 0.5, y), naar_etrs89(x + 0.5, y), strict=True)]
        north = [b - a for a, b in zip(naar_etrs89(x, y - 0.5), naar_etrs89(x, y + 0.5), strict=True)]
        e_phi, e_lam = phi - f_phi, lam - f_lam
        det = east[0] * north[1] - north[0] * east[1]
        x += (north[1] * e_phi - north[0] * e_lam) / det
        y += (east[0] * e_lam - east[1] * e_phi) / det
    return x, y


Positie = list[float]


def _map_positions(coordinates: Any, convert: Callable[[Positie], Positie]) -> Any:
    if coordinates and isinstance(coordinates[0], int | float):
        return convert(coordinates)
    return [_map_positions(item, convert) for item in coordinates]


def _rd_to_etrs89(position: Positie) -> Positie:
    phi, lam = naar_etrs89(position[0], position[1])
    return [round(phi, 9), round(lam, 9), *position[2:]]


def _etrs89_to_rd(position: Positie) -> Positie:
    x, y = naar_rd(position[0], position[1])
    return [round(x, 4), round(y, 4), *position[2:]]


def geometrie_naar(geometrie: dict[str, Any], crs: str) -> dict[str, Any]:
    """A GeoJSON geometry in RD, in ``crs``."""
    if crs == RD:
        return geometrie
    return {**geometrie, "coordinates": _map_positions(geometrie["coordinates"], _rd_to_etrs89)}


def geometrie_van(geometrie: dict[str, Any], crs: str) -> dict[str, Any]:
    """A GeoJSON geometry given in ``crs``, in RD."""
    if crs == RD:
        return geometrie
    return {**geometrie, "coordinates": _map_positions(geometrie["coordinates"], _etrs89_to_rd)}


_GEOJSON = frozenset({"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"})


def antwoord_naar(body: Any, crs: str) -> Any:
    """An answer with every GeoJSON geometry in it (RD) given in ``crs``."""
    if crs == RD:
        return body
    if isinstance(body, dict):
        if body.get("type") in _GEOJSON and "coordinates" in body:
            return geometrie_naar(body, crs)
        return {key: antwoord_naar(value, crs) for key, value in body.items()}
    if isinstance(body, list):
        return [antwoord_naar(item, crs) for item in body]
    return body
