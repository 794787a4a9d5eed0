# SPDX-License-Identifier: EUPL-1.2
"""Point and rectangle against BAG geometries: the cases of the Kadaster's locatie-zoeken and
bounding-box-zoeken features (their panden and verblijfsobject, their coordinates)."""

from __future__ import annotations

import pytest

from opengdi.registers.bag.ruimte import bevat_punt, raakt_rechthoek

#: Pand 0826100000036343, a four-sided surface ([V…] in the features).
VLAK = {
    "type": "Polygon",
    "coordinates": [
        [[118315.606, 404844.967], [118324.183, 404843.509], [118325.179, 404849.365], [118316.604, 404850.835],
         [118315.606, 404844.967]]
    ],
}  # fmt: skip
#: Pand 1926100000495231, with a courtyard cut out ([U…]).
UITSNEDE = {
    "type": "Polygon",
    "coordinates": [
        [[90275.639, 446939.302], [90241.499, 446929.194], [90265.134, 446876.961], [90301.792, 446899.558],
         [90293.907, 446944.715], [90279.026, 446940.298], [90275.639, 446939.302]],
        [[90257.962, 446920.845], [90277.66, 446926.938], [90282.005, 446928.282], [90285.691, 446907.282],
         [90268.911, 446896.459], [90257.962, 446920.845]],
    ],
}  # fmt: skip
PUNT = {"type": "Point", "coordinates": [196733.427, 439931.991]}


@pytest.mark.parametrize(
    ("geometrie", "punt", "gevonden"),
    [
        (VLAK, (118320, 404848), True),  # V1
        (VLAK, (118314, 404852), False),  # V2
        (UITSNEDE, (90290, 446910), True),  # U1: between the outer and the inner boundary
        (UITSNEDE, (90270, 446910), False),  # U2: in the courtyard
        (VLAK, (118315.606, 404844.967), True),  # V3: a vertex
        (VLAK, (118324.681, 404846.437), True),  # V4: on an edge
        (UITSNEDE, (90283.848, 446917.782), True),  # U3: on the courtyard's edge
        (VLAK, (118315.605, 404844.967), False),  # 1 mm from a vertex
        (VLAK, (118324.682, 404846.437), False),  # 0.9 mm from an edge
        (VLAK, (118325.1795, 404849.3650), True),  # 0.5 mm from a vertex
        (VLAK, (118325.1796, 404849.3650), False),  # 0.6 mm
        (VLAK, (118315.60, 404844.96), False),
        (VLAK, (118325.17, 404849.36), True),
        (VLAK, (118315, 404844), False),
        (VLAK, (118325, 404849), True),
        (
            {"type": "MultiPolygon", "coordinates": [UITSNEDE["coordinates"], VLAK["coordinates"]]},
            (118320, 404848),
            True,
        ),
    ],
)
def test_a_point_finds_the_surface_it_lies_in_or_on(geometrie: dict, punt: tuple[float, float], gevonden: bool) -> None:  # type: ignore[type-arg]
    assert bevat_punt(geometrie, punt) is gevonden


def _box(text: str) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = map(float, text.split(","))
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


@pytest.mark.parametrize(
    ("geometrie", "bbox", "gevonden"),
    [
        (VLAK, "118313,404852,118327,404841", True),  # V1: covers it whole
        (VLAK, "118317,404848,118320,404845", True),  # V2: inside it
        (VLAK, "118308,404847,118318,404840", True),  # V3: overlaps, corners outside
        (PUNT, "196713.000,439951.0001,196753.000,439911.000", True),  # P1
        (UITSNEDE, "90270,446915,90275,446905", False),  # U1: inside the courtyard
        (VLAK, "118310.304,404850.835,118320.604,404860.592", True),  # V4
        (VLAK, "118324.681,404846.437,118328.911,404840.524", True),  # V5
        (VLAK, "118324.183,404843.509,118331.628,404839.365", True),  # V6
        (PUNT, "196715.427,439910.991,196733.427,439931.991", True),  # P2
        (PUNT, "196710.427,439940.935,196733.427,439920.142", True),  # P3
        (UITSNEDE, "90268.848,446917.782,90283.848,446912.782", True),  # U2
        (VLAK, "118300.000,404800.000,118315.606,404844.967", True),
        (VLAK, "118300.000,404800.000,118315.605,404844.967", False),
        (VLAK, "118324.681,404846.437,118400.000,404800.000", True),
        (VLAK, "118324.682,404846.437,118400.000,404800.000", False),
        (VLAK, "118325.1795,404900.0000,118400.0000,404800.0000", True),
        (VLAK, "118325.1796,404900.0000,118400.0000,404800.0000", False),
        (VLAK, "118300.00,404800.00,118315.60,404844.96", False),
        (VLAK, "118325.17,404900.00,118400.00,404800.00", True),
        (VLAK, "118300,404800,118315,404844", False),
        (VLAK, "118325,404900,118400,404800", True),
        (PUNT, "196000.000,440000.000,196733.427,439931.991", True),
        (PUNT, "196000.000,440000.000,196733.427,439931.992", False),
        (PUNT, "196000.000,440000.000,196800.000,439931.992", False),
        (PUNT, "196000.0000,440000.0000,196800.0000,439931.9914", True),
        (PUNT, "196000.0000,440000.0000,196800.0000,439931.9916", False),
        (PUNT, "196720.00,439932.00,196733.42,439930.00", False),
        (PUNT, "196733.42,439932.00,196735.00,439930.00", True),
        (PUNT, "196000,440000,196733,439931", False),
        (PUNT, "196733,439931,197000,440000", True),
    ],
)
def test_a_rectangle_finds_what_it_overlaps_or_touches(geometrie: dict, bbox: str, gevonden: bool) -> None:  # type: ignore[type-arg]
    assert raakt_rechthoek(geometrie, _box(bbox)) is gevonden
