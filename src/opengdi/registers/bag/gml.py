# SPDX-License-Identifier: EUPL-1.2
"""GML 3.2 geometry of the BAG extract as GeoJSON, and its bounding box.

The BAG delivers points (``gml:Point``), polygons (``gml:Polygon``, with holes as interior rings)
and, for a woonplaats, multi-surfaces (``gml:MultiSurface``), in RD New (EPSG:28992), in two or
three dimensions (``srsDimension``). They become GeoJSON geometries with the coordinates as
delivered (a third coordinate kept), the same reference system.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

GML = "{http://www.opengis.net/gml/3.2}"

#: A GeoJSON geometry as a plain dict.
Geometrie = dict[str, Any]


class OngeldigeGeometrie(ValueError):  # noqa: N818 - the Dutch domain word
    """A GML geometry that cannot be read."""


def geometrie(element: Element) -> Geometrie:
    """The GeoJSON geometry of a ``gml:Point``, ``gml:Polygon`` or ``gml:MultiSurface`` element."""
    if element.tag == f"{GML}Point":
        return {"type": "Point", "coordinates": _coordinates(element.find(f"{GML}pos"), _dimension(element))[0]}
    if element.tag == f"{GML}Polygon":
        return {"type": "Polygon", "coordinates": _rings(element, _dimension(element))}
    if element.tag == f"{GML}MultiSurface":
        dimension = _dimension(element)
        polygons = [_rings(polygon, _dimension(polygon, dimension)) for polygon in element.iter(f"{GML}Polygon")]
        if not polygons:
            raise OngeldigeGeometrie("een gml:MultiSurface zonder vlakken")
        return {"type": "MultiPolygon", "coordinates": polygons}
    raise OngeldigeGeometrie(f"onbekende geometrie {element.tag}")


def first_geometry(element: Element | None) -> Geometrie | None:
    """The geometry of the first GML element inside ``element`` (a ``geometrie`` wrapper), if any."""
    if element is None:
        return None
    for child in element.iter():
        if child.tag in (f"{GML}Point", f"{GML}Polygon", f"{GML}MultiSurface"):
            return geometrie(child)
    return None


def bounding_box(geometry: Geometrie) -> tuple[float, float, float, float]:
    """``(min_x, min_y, max_x, max_y)`` of a GeoJSON geometry."""
    xs: list[float] = []
    ys: list[float] = []
    for position in _positions(geometry["coordinates"]):
        xs.append(position[0])
        ys.append(position[1])
    return min(xs), min(ys), max(xs), max(ys)


def _positions(coordinates: Any) -> list[list[float]]:
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates]
    return [position for part in coordinates for position in _positions(part)]


def _dimension(element: Element, default: int = 2) -> int:
    value = element.get("srsDimension")
    if value is None:
        return default
    if value not in ("2", "3"):
        raise OngeldigeGeometrie(f"srsDimension {value!r} wordt niet ondersteund")
    return int(value)


def _rings(polygon: Element, dimension: int) -> list[list[list[float]]]:
    outer = polygon.find(f"{GML}exterior")
    exterior = outer.find(f"{GML}LinearRing") if outer is not None else None
    if exterior is None:
        raise OngeldigeGeometrie("een gml:Polygon zonder buitenrand")
    rings = [_ring(exterior, dimension)]
    for interior in polygon.findall(f"{GML}interior"):
        rings.extend(_ring(ring, dimension) for ring in interior.findall(f"{GML}LinearRing"))
    return rings


def _ring(ring: Element, dimension: int) -> list[list[float]]:
    positions = _coordinates(ring.find(f"{GML}posList"), _dimension(ring, dimension))
    if len(positions) < 4 or positions[0] != positions[-1]:
        raise OngeldigeGeometrie("een rand moet gesloten zijn en minstens vier posities hebben")
    return positions


def _coordinates(element: Element | None, dimension: int) -> list[list[float]]:
    if element is None or not (element.text or "").strip():
        raise OngeldigeGeometrie("een geometrie zonder coördinaten")
    dimension = _dimension(element, dimension)
    try:
        numbers = [float(number) for number in (element.text or "").split()]
    except ValueError:
        raise OngeldigeGeometrie("coördinaten moeten getallen zijn") from None
    if len(numbers) % dimension:
        raise OngeldigeGeometrie(f"het aantal coördinaten past niet bij {dimension} dimensies")
    return [numbers[start : start + dimension] for start in range(0, len(numbers), dimension)]
