# SPDX-License-Identifier: EUPL-1.2
"""The picture of the stelsel: a box per register and an arrow per declared relation, as SVG drawn
here in Python (no script, no outside tool), readable without JavaScript.

The layout is deterministic: the registers of the composition in its order, then the registers
that relations point at but that are not enabled (drawn dashed, "niet in deze samenstelling"),
on an ellipse (two side by side); relations between the same two registers run parallel, each
with its name as label on a white ground. The picture has a ``<title>`` and a ``<desc>`` that
says in words what it shows, and draws only with presentation attributes (no ``<style>``), so a
Content-Security-Policy without inline styles does not touch it. Colours: dark blue on white
(contrast above 7:1), labels black on white.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel, Verbinding

#: Colours (Rijkshuisstijl-like) and sizes of the picture, in pixels.
LINTBLAUW = "#154273"
PIJL = "#01689b"
AFWEZIG_RAND = "#535353"
AFWEZIG_VULLING = "#f3f3f3"
TEKST = "#000000"
FONT = "Verdana, Arial, Helvetica, sans-serif"
_TITEL_PX = 15
_REGEL_PX = 13
_BOX_HOOGTE = 64
_MARGE = 24
_PARALLEL = 30  # between parallel arrows
_LABEL_PX = 13
#: Per character, a generous average width for the font sizes above (text never overflows its box).
_TEKEN_BREEDTE = 0.62


@dataclass(frozen=True, slots=True)
class _Box:
    code: str
    titel: str
    regel: str
    aanwezig: bool
    x: float  # centre
    y: float
    breedte: float

    @property
    def half(self) -> tuple[float, float]:
        return self.breedte / 2, _BOX_HOOGTE / 2


def _tekstbreedte(tekst: str, px: float) -> float:
    return len(tekst) * px * _TEKEN_BREEDTE


def _boxes(stelsel: Stelsel) -> list[_Box]:
    entries = [
        (register.code, register.titel, _telling(len(register.objecttypen), len(stelsel.uitgaand(register.code))), True)
        for register in stelsel.registers
    ]
    entries += [(code, code.upper(), "niet in deze samenstelling", False) for code in stelsel.afwezig]
    widths = [
        max(_tekstbreedte(titel, _TITEL_PX), _tekstbreedte(f"{code} · {regel}", _REGEL_PX)) + 2 * _MARGE
        for code, titel, regel, _ in entries
    ]
    labels = [_tekstbreedte(_label(verbinding), _LABEL_PX) for verbinding in stelsel.verbindingen]
    positions = _posities(len(entries), max(widths, default=0), max(labels, default=0) + 80)
    return [
        _Box(code, titel, regel, aanwezig, x, y, width)
        for (code, titel, regel, aanwezig), (x, y), width in zip(entries, positions, widths, strict=True)
    ]


def _telling(objecttypen: int, verbindingen: int) -> str:
    soorten = "objecttype" if objecttypen == 1 else "objecttypen"
    links = "verbinding" if verbindingen == 1 else "verbindingen"
    return f"{objecttypen} {soorten}, {verbindingen} {links}"


def _label(verbinding: Verbinding) -> str:
    """The label of a relation's arrow: its name, and the target object type when that is another word."""
    relatie = verbinding.relatie
    if relatie.naam.casefold() == relatie.naar_objecttype.casefold():
        return relatie.naam
    return f"{relatie.naam} ({relatie.naar_objecttype})"


def _posities(aantal: int, breedte: float, tussenruimte: float) -> list[tuple[float, float]]:
    """Box centres: one in the middle, two side by side (``tussenruimte`` apart, for the labels),
    more on an ellipse (starting on the left)."""
    if aantal == 1:
        return [(0.0, 0.0)]
    rx = max((breedte + max(tussenruimte, 160)) / 2, aantal * (breedte * 0.6 + 120) / math.pi)
    ry = 0.0 if aantal == 2 else max(_BOX_HOOGTE * 2.2, rx * 0.5)
    return [
        (rx * math.cos(math.pi + 2 * math.pi * index / aantal), ry * math.sin(math.pi + 2 * math.pi * index / aantal))
        for index in range(aantal)
    ]


def _rand(box: _Box, start: tuple[float, float], richting: tuple[float, float]) -> tuple[float, float]:
    """Where a line from ``start`` (inside ``box``) in ``richting`` leaves the box."""
    hw, hh = box.half
    candidates = []
    for offset, d, half in ((start[0] - box.x, richting[0], hw), (start[1] - box.y, richting[1], hh)):
        if d > 0:
            candidates.append((half - offset) / d)
        elif d < 0:
            candidates.append((-half - offset) / d)
    t = min(candidates, default=0.0)
    return start[0] + t * richting[0], start[1] + t * richting[1]


@dataclass(frozen=True, slots=True)
class _Pijl:
    van: tuple[float, float]
    naar: tuple[float, float]
    label: str
    #: The centre of the label.
    midden: tuple[float, float]
    lus: bool = False


def _pijlen(boxes: dict[str, _Box], verbindingen: tuple[Verbinding, ...]) -> list[_Pijl]:
    pairs: dict[frozenset[str], list[Verbinding]] = {}
    for verbinding in verbindingen:
        pairs.setdefault(frozenset((verbinding.register, verbinding.relatie.naar_register)), []).append(verbinding)
    result = []
    for group in pairs.values():
        spacing = _tussenafstand(boxes, group)
        if len(_registers_van(group)) == 1:  # relations within one register: nested loops
            result += [_lus(boxes[verbinding.register], verbinding, index) for index, verbinding in enumerate(group)]
            continue
        for index, verbinding in enumerate(group):
            offset = (index - (len(group) - 1) / 2) * spacing
            result.append(_pijl(boxes, verbinding, offset, (index + 1) / (len(group) + 1)))
    return result


def _registers_van(group: list[Verbinding]) -> set[str]:
    """The registers a group of relations joins (one for relations within a register)."""
    return {code for verbinding in group for code in (verbinding.register, verbinding.relatie.naar_register)}


def _lus(box: _Box, verbinding: Verbinding, index: int) -> _Pijl:
    """The ``index``-th relation within the register of ``box``: a loop on the side of the box that
    faces away from the centre of the picture, each next one wider and further out, its label
    beside the loops at the height of its top (so that labels and loops never overlap)."""
    side = 1.0 if box.y > 0 else -1.0
    edge = box.y + side * _BOX_HOOGTE / 2
    half = 14 + 12 * index
    label = _label(verbinding)
    x = box.x + 14 + 12 * 8 + 30 + _tekstbreedte(label, _LABEL_PX) / 2 + 6
    return _Pijl((box.x - half, edge), (box.x + half, edge), label, (x, edge + side * (28 + 24 * index)), True)


def _richting(source: _Box, target: _Box) -> tuple[float, float, float, float]:
    """The unit vector from ``source`` to ``target`` and the normal on the side that parallel arrows
    share in both directions (so that they never cross)."""
    dx, dy = target.x - source.x, target.y - source.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    nx, ny = (-uy, ux) if source.code < target.code else (uy, -ux)
    return ux, uy, nx, ny


def _tussenafstand(boxes: dict[str, _Box], group: list[Verbinding]) -> float:
    """How far apart the parallel arrows between two registers run: enough for their labels side by
    side on a steep line (one above the other on a flat one), and all within both boxes."""
    source, target = boxes[group[0].register], boxes[group[0].relatie.naar_register]
    if len(group) == 1 or source is target:
        return _PARALLEL
    ux, uy, nx, ny = _richting(source, target)
    flat = abs(ux) > 2 * abs(uy)
    wanted = _PARALLEL if flat else max(_tekstbreedte(_label(v), _LABEL_PX) for v in group) + 16
    room = min(box.half[0] * abs(nx) + box.half[1] * abs(ny) for box in (source, target)) * 0.8
    return min(wanted, 2 * room / (len(group) - 1))


def _pijl(boxes: dict[str, _Box], verbinding: Verbinding, offset: float, plek: float) -> _Pijl:
    """The arrow of ``verbinding``, ``offset`` beside the line between the centres of its boxes, its
    label at ``plek`` along it on a steep line (parallel labels then stand at different heights)."""
    source, target = boxes[verbinding.register], boxes[verbinding.relatie.naar_register]
    label = _label(verbinding)
    ux, uy, nx, ny = _richting(source, target)
    shift = (nx * offset, ny * offset)
    begin = _rand(source, (source.x + shift[0], source.y + shift[1]), (ux, uy))
    end = _rand(target, (target.x + shift[0], target.y + shift[1]), (-ux, -uy))
    # on the line between the centres (not the clipped arrow), so that parallel labels stay apart
    t = 0.5 if abs(ux) > 2 * abs(uy) else plek
    midden = (source.x + t * (target.x - source.x) + shift[0], source.y + t * (target.y - source.y) + shift[1])
    return _Pijl(begin, end, label, midden)


def _f(value: float) -> str:
    return f"{value:.1f}"


def _box_svg(box: _Box) -> str:
    x, y = box.x - box.breedte / 2, box.y - _BOX_HOOGTE / 2
    stroke, fill = (LINTBLAUW, "#ffffff") if box.aanwezig else (AFWEZIG_RAND, AFWEZIG_VULLING)
    dash = "" if box.aanwezig else ' stroke-dasharray="6 4"'
    return (
        f'<g><rect x="{_f(x)}" y="{_f(y)}" width="{_f(box.breedte)}" height="{_BOX_HOOGTE}" rx="4" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="2"{dash}/>'
        f'<text x="{_f(box.x)}" y="{_f(box.y - 6)}" text-anchor="middle" font-size="{_TITEL_PX}" '
        f'font-weight="bold" fill="{LINTBLAUW if box.aanwezig else TEKST}">{escape(box.titel)}</text>'
        f'<text x="{_f(box.x)}" y="{_f(box.y + 16)}" text-anchor="middle" font-size="{_REGEL_PX}" '
        f'fill="{TEKST}">{escape(f"{box.code} · {box.regel}")}</text></g>'
    )


def _pijl_svg(pijl: _Pijl) -> str:
    (x1, y1), (x2, y2) = pijl.van, pijl.naar
    if pijl.lus:
        bend = 4 / 3 * (pijl.midden[1] - y1)  # the top of the curve at the height of its label
        line = (
            f'<path d="M {_f(x1)} {_f(y1)} C {_f(x1 - 30)} {_f(y1 + bend)} {_f(x2 + 30)} {_f(y2 + bend)} '
            f'{_f(x2)} {_f(y2)}" fill="none" stroke="{PIJL}" stroke-width="2" marker-end="url(#pijlpunt)"/>'
        )
    else:
        line = (
            f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" stroke="{PIJL}" stroke-width="2" '
            'marker-end="url(#pijlpunt)"/>'
        )
    mx, my = pijl.midden
    width = _tekstbreedte(pijl.label, _LABEL_PX) + 10
    return (
        f"<g>{line}"
        f'<rect x="{_f(mx - width / 2)}" y="{_f(my - 11)}" width="{_f(width)}" height="20" fill="#ffffff"/>'
        f'<text x="{_f(mx)}" y="{_f(my + 4)}" text-anchor="middle" font-size="{_LABEL_PX}" fill="{TEKST}">'
        f"{escape(pijl.label)}</text></g>"
    )


def beschrijving(stelsel: Stelsel) -> str:
    """What the picture shows, in words (its ``<desc>``, and the text alternative of an image of it)."""
    registers = "; ".join(f"{register.titel} ({register.code})" for register in stelsel.registers) or "geen"
    parts = [f"Registers in deze samenstelling: {registers}."]
    if stelsel.afwezig:
        parts.append(f"Waarnaar verwezen wordt maar niet in deze samenstelling: {', '.join(stelsel.afwezig)}.")
    links = [
        f"{v.register} {v.objecttype}{'.' + v.pad if v.pad else ''} → {v.relatie.naar_register} "
        f"{v.relatie.naar_objecttype} ({v.relatie.naam})"
        for v in stelsel.verbindingen
    ]
    parts.append(f"Verbindingen: {'; '.join(links)}." if links else "Geen verbindingen.")
    return " ".join(parts)


def plaat(stelsel: Stelsel) -> str:
    """The SVG document of the registers of ``stelsel`` and their relations."""
    boxes = _boxes(stelsel)
    arrows = _pijlen({box.code: box for box in boxes}, stelsel.verbindingen)
    xs = [edge for box in boxes for edge in (box.x - box.breedte / 2, box.x + box.breedte / 2)] or [0.0]
    ys = [edge for box in boxes for edge in (box.y - _BOX_HOOGTE / 2, box.y + _BOX_HOOGTE / 2)] or [0.0]
    for arrow in arrows:  # the labels, with their white ground
        half = _tekstbreedte(arrow.label, _LABEL_PX) / 2 + 5
        xs += [arrow.midden[0] - half, arrow.midden[0] + half]
        ys += [arrow.midden[1] - 11, arrow.midden[1] + 9]
    left, top = min(xs) - _MARGE, min(ys) - _MARGE
    width, height = max(xs) - min(xs) + 2 * _MARGE, max(ys) - min(ys) + 2 * _MARGE
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="plaat-titel plaat-beschrijving" '
        f'viewBox="{_f(left)} {_f(top)} {_f(width)} {_f(height)}" width="{_f(width)}" height="{_f(height)}" '
        f'font-family="{FONT}">'
        '<title id="plaat-titel">Het stelsel: registers en hun verbindingen</title>'
        f'<desc id="plaat-beschrijving">{escape(beschrijving(stelsel))}</desc>'
        '<defs><marker id="pijlpunt" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        f'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="{PIJL}"/></marker></defs>'
        f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" fill="#ffffff"/>'
        + "".join(_pijl_svg(arrow) for arrow in arrows)
        + "".join(_box_svg(box) for box in boxes)
        + "</svg>\n"
    )
