# SPDX-License-Identifier: EUPL-1.2
"""Where a point or a rectangle meets a BAG geometry (GeoJSON in RD New), as the BAG API's
locatie-zoeken and bounding-box-zoeken features ask: a point finds a pand (ligplaats, standplaats,
woonplaats) when it lies inside its surface, not in a hole, or on its boundary; a rectangle finds
an object whose geometry it overlaps wholly or in part or touches; both within half a millimetre
(``TOLERANTIE``: a point 0.5 mm outside is found, 0.6 mm not). A verblijfsobject's point is found by
a rectangle it lies in. Plain arithmetic on coordinates, no framework here.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

#: How far outside a geometry a point or rectangle may lie and still find it, in metres.
TOLERANTIE = 0.0005
#: Rounding of coordinates given in millimetres (0.1 µm), so that 0.5 mm is 0.5 mm.
_EPSILON = 1e-7

Punt = tuple[float, float]
Ring = Sequence[Sequence[float]]
Rechthoek = tuple[float, float, float, float]  # min x, min y, max x, max y


def _polygons(geometrie: dict[str, Any]) -> Iterator[Sequence[Ring]]:
    """The polygons (outer ring, holes) of a Polygon or MultiPolygon."""
    if geometrie.get("type") == "Polygon":
        yield geometrie["coordinates"]
    elif geometrie.get("type") == "MultiPolygon":
        yield from geometrie["coordinates"]


def _edges(ring: Ring) -> Iterator[tuple[Punt, Punt]]:
    for start, end in pairwise(ring):
        yield (start[0], start[1]), (end[0], end[1])


def _inside_ring(point: Punt, ring: Ring) -> bool:
    """Whether ``point`` lies inside ``ring`` (even-odd crossings of a ray to the east)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in _edges(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _distance_to_segment(point: Punt, start: Punt, end: Punt) -> float:
    (px, py), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
    return math.hypot(px - (x1 + t * dx), py - (y1 + t * dy))


def _near_boundary(point: Punt, polygon: Sequence[Ring]) -> bool:
    return any(
        _distance_to_segment(point, start, end) <= TOLERANTIE + _EPSILON
        for ring in polygon
        for start, end in _edges(ring)
    )


def bevat_punt(geometrie: dict[str, Any], point: Punt) -> bool:
    """Whether a surface (Polygon, MultiPolygon) holds ``point``: inside its outer ring and in no
    hole, or within the tolerance of its boundary."""
    for polygon in _polygons(geometrie):
        if _near_boundary(point, polygon):
            return True
        if polygon and _inside_ring(point, polygon[0]) and not any(_inside_ring(point, hole) for hole in polygon[1:]):
            return True
    return False


def _segments_cross(a: Punt, b: Punt, c: Punt, d: Punt) -> bool:
    def side(p: Punt, q: Punt, r: Punt) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2, d3, d4 = side(c, d, a), side(c, d, b), side(a, b, c), side(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0))


def _in_box(point: Sequence[float], box: Rechthoek) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def raakt_rechthoek(geometrie: dict[str, Any], rechthoek: Rechthoek) -> bool:
    """Whether ``rechthoek`` overlaps or touches a geometry (a Point, Polygon or MultiPolygon),
    within the tolerance: a corner of either inside the other, or two edges crossing. A rectangle
    wholly inside a hole finds nothing."""
    box = (
        rechthoek[0] - TOLERANTIE - _EPSILON,
        rechthoek[1] - TOLERANTIE - _EPSILON,
        rechthoek[2] + TOLERANTIE + _EPSILON,
        rechthoek[3] + TOLERANTIE + _EPSILON,
    )
    if geometrie.get("type") == "Point":
        return _in_box(geometrie["coordinates"], box)
    corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]), (box[0], box[1])]
    for polygon in _polygons(geometrie):
        if any(_in_box(position, box) for ring in polygon for position in ring):
            return True
        outer, holes = polygon[0], polygon[1:]
        if _inside_ring(corners[0], outer) and not any(_inside_ring(corners[0], hole) for hole in holes):
            return True
        if any(
            _segments_cross(start, end, corner, following)
            for ring in polygon
            for start, end in _edges(ring)
            for corner, following in pairwise(corners)
        ):
            return True
    return False
