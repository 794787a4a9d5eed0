# SPDX-License-Identifier: EUPL-1.2
"""The picture of the stelsel: valid SVG with a title and a description, a box per register, an
arrow with a label per relation, boxes apart and inside the picture, text with enough contrast,
and the same picture for the same declarations."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import TEKST, Attribuut, Objecttype, Register, Relatie
from opengdi.registers.brp.catalogus import CATALOGUS as BRP
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from opengdi.stelsel.stelselcatalogus.plaat import plaat
from tests.stelsel.stelselcatalogus.verzonnen import LATER, ONDERGROND

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]


def _luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(front: str, back: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours."""
    light, dark = sorted((_luminance(front), _luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _parts(svg: str) -> tuple[ET.Element, list[ET.Element], list[ET.Element]]:
    root = ET.fromstring(svg)
    groups = root.findall(f"{SVG}g")
    arrows = [g for g in groups if g.find(f"{SVG}line") is not None or g.find(f"{SVG}path") is not None]
    boxes = [g for g in groups if g not in arrows]
    return root, boxes, arrows


def _rect(group: ET.Element) -> Box:
    rect = group.find(f"{SVG}rect")
    assert rect is not None
    x, y = float(rect.get("x", "0")), float(rect.get("y", "0"))
    return x, y, x + float(rect.get("width", "0")), y + float(rect.get("height", "0"))


def _texts(group: ET.Element) -> list[str]:
    return [text.text or "" for text in group.findall(f"{SVG}text")]


def _stelsels() -> list[Stelsel]:
    return [Stelsel(SAMENSTELLING.registers()), Stelsel([BRP, LATER, ONDERGROND])]


@pytest.mark.parametrize("stelsel", _stelsels(), ids=["samenstelling", "met-latere-registers"])
def test_a_box_per_register_and_an_arrow_with_its_name_per_relation(stelsel: Stelsel) -> None:
    root, boxes, arrows = _parts(plaat(stelsel))
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None and title.text
    assert root.get("role") == "img" and root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    names = [register.titel for register in stelsel.registers] + [code.upper() for code in stelsel.afwezig]
    assert [_texts(box)[0] for box in boxes] == names
    assert all(register.titel in (desc.text or "") for register in stelsel.registers)
    dashed = [box.find(f"{SVG}rect").get("stroke-dasharray") is not None for box in boxes]  # type: ignore[union-attr]
    assert dashed == [False] * len(stelsel.registers) + [True] * len(stelsel.afwezig)
    assert len(arrows) == len(stelsel.verbindingen)
    for arrow, verbinding in zip(arrows, stelsel.verbindingen, strict=True):
        (label,) = _texts(arrow)
        assert label.startswith(verbinding.relatie.naam)
        line = arrow.find(f"{SVG}line")
        if line is None:
            line = arrow.find(f"{SVG}path")
        assert line is not None and line.get("marker-end") == "url(#pijlpunt)"
        assert verbinding.relatie.naam in (desc.text or "")


@pytest.mark.parametrize("stelsel", _stelsels(), ids=["samenstelling", "met-latere-registers"])
def test_the_text_has_enough_contrast_on_its_ground(stelsel: Stelsel) -> None:
    _, boxes, arrows = _parts(plaat(stelsel))
    for group in [*boxes, *arrows]:
        rect = group.find(f"{SVG}rect")
        assert rect is not None
        for text in group.findall(f"{SVG}text"):
            assert contrast(text.get("fill", ""), rect.get("fill", "")) >= 4.5, text.text
    for box in boxes:
        rect = box.find(f"{SVG}rect")
        assert rect is not None and contrast(rect.get("stroke", ""), "#ffffff") >= 3  # a graphical object


def _many() -> Stelsel:
    registers = [
        Register(
            f"r{index}",
            f"Register nummer {index} met een lange naam" if index % 2 else f"Register {index}",
            objecttypen=(Objecttype("Ding", "Een ding.", (Attribuut("sleutel", "De sleutel.", TEKST),)),),
            relaties=tuple(
                Relatie(f"naar{target}", "Ding.sleutel", f"r{target}", "Ding", "Een verwijzing.")
                for target in (index + 1, index + 3, index + 1)
                if target < 9
            ),
        )
        for index in range(9)
    ]
    return Stelsel([*registers, BRP])


def test_boxes_never_overlap_and_lie_inside_the_picture() -> None:
    for stelsel in [*_stelsels(), _many()]:
        root, boxes, _ = _parts(plaat(stelsel))
        left, top, width, height = (float(part) for part in root.get("viewBox", "").split())
        rects = [_rect(box) for box in boxes]
        for x1, y1, x2, y2 in rects:
            assert left <= x1 and x2 <= left + width and top <= y1 and y2 <= top + height
        for a, b in itertools.combinations(rects, 2):
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_the_same_declarations_give_the_same_picture() -> None:
    assert plaat(Stelsel([BRP, LATER, ONDERGROND])) == plaat(Stelsel([BRP, LATER, ONDERGROND]))
    assert plaat(_many()) == plaat(_many())
    assert plaat(Stelsel([BRP])) != plaat(Stelsel([BRP, LATER]))


def test_a_composition_without_registers_still_gives_a_picture() -> None:
    root, boxes, arrows = _parts(plaat(Stelsel([])))
    assert root.find(f"{SVG}title") is not None and boxes == arrows == []
