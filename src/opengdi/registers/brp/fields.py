# SPDX-License-Identifier: EUPL-1.2
"""The ``fields`` parameter: which paths exist per answer type, and the selection they make.

A path names a field by its parents joined with dots (``partners.naam.voornamen``). Asking for a
group asks for all its fields; asking for any part of a date or a code-table value asks for the
whole value. Fields the API always delivers by itself (``inOnderzoek``, ``geheimhouding…``,
``opschortingBijhouding``, ``rni``, ``verificatie``, ``indicatieVastgesteldVerblijftNietOpAdres``)
may not be asked for. ``verblijfplaatsBinnenland`` and ``adresseringBinnenland`` are aliases that
ask only for a Dutch verblijfplaats.

The trees of the answer types (``Persoon``, ``PersoonBeperkt``, ``GezagPersoonBeperkt``), the fields
delivered automatically and the aliases are derived from the BRP's declaration (:mod:`catalogus`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opengdi.kernel.catalogus import Attribuut, Gegevenstype, Objecttype, beperk, paden, zonder
from opengdi.kernel.problems import InvalidParam
from opengdi.registers.brp import catalogus
from opengdi.registers.brp.antwoord import ALL

MAX_FIELDS = 130
FIELD_PATTERN = r"^[a-zA-Z0-9\._]{1,200}$"
_FIELD_RE = re.compile(FIELD_PATTERN)


class Leaf:
    """A field delivered as one value; ``parts`` are the sub-paths that also select it whole, and an
    ``open`` value (gezag) accepts any sub-path."""

    def __init__(self, *parts: str, open: bool = False) -> None:
        self.parts = frozenset(parts)
        self.open = open


Tree = Mapping[str, Any]

#: Names that are never asked: they are delivered automatically with their group.
IN_ONDERZOEK = "inOnderzoek"


def _leaf(gegevenstype: Gegevenstype) -> Leaf:
    return Leaf(*gegevenstype.onderdelen, open=gegevenstype.open)


def _tree(attributen: Iterable[Attribuut]) -> dict[str, Any]:
    return {
        attribuut.naam: _tree(attribuut.onderdelen) if attribuut.type is None else _leaf(attribuut.type)
        for attribuut in attributen
        if attribuut.vraagbaar
    }


def schema_of(objecttype: Objecttype, weergave: str) -> Tree:
    """The ``fields`` tree of a view of ``objecttype``: its askable attributes and the aliases whose
    target is part of the view."""
    attributen = beperk(objecttype.attributen, objecttype.weergave(weergave).paden)
    result = _tree(attributen)
    for alias in objecttype.aliassen:
        doel = next((item for item in attributen if item.naam == alias.doel), None)
        if doel is not None:
            result[alias.naam] = _tree(zonder(doel.onderdelen, alias.zonder))
    return result


PERSOON: Tree = schema_of(catalogus.PERSOON, "Persoon")
PERSOON_BEPERKT: Tree = schema_of(catalogus.PERSOON, "PersoonBeperkt")
GEZAG_PERSOON_BEPERKT: Tree = schema_of(catalogus.PERSOON, "GezagPersoonBeperkt")

#: Fields that are delivered automatically and may not be asked for.
AUTOMATIC_ROOTS = frozenset(
    {IN_ONDERZOEK, *(attribuut.naam for attribuut in catalogus.PERSOON.attributen if not attribuut.vraagbaar)}
)
AUTOMATIC_ANYWHERE = frozenset(
    {
        IN_ONDERZOEK,
        *(
            attribuut.naam
            for pad, attribuut in paden(catalogus.PERSOON.attributen)
            if "." in pad and not attribuut.vraagbaar
        ),
    }
)
ALIASES = {alias.naam: alias.doel for alias in catalogus.PERSOON.aliassen}
#: What every answer is worked out from, whatever was asked: the person (01: identification, the
#: protocol's subject), nationaliteiten and overlijden (04, 06: rni, leeftijd), the inschrijving (07:
#: opschorting, geheimhouding, verificatie, whether the list was withdrawn) and the verblijfplaats (08:
#: rni, the gemeente an autorisatiebesluit may be restricted to).
ALWAYS_NEEDED = frozenset({"01", "04", "06", "07", "08"})


@dataclass(slots=True)
class FieldSelection:
    """What ``fields`` asked for: a selection tree, which groups were asked only through an alias,
    and each asked field with the data elements it stands for (``asked``)."""

    tree: dict[str, Any] = field(default_factory=dict)
    binnenland_only: set[str] = field(default_factory=set)
    asked: dict[str, frozenset[str]] = field(default_factory=dict)
    _paths: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _categories: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _sources: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def paths(self) -> frozenset[str]:
        """Every asked data element as a full path (a date or code value counts as one element); a
        group asked through an alias is named by its target (``verblijfplaats.datumVan``), so that a
        grant of the target covers it."""
        if self._paths is None:
            self._paths = frozenset(path for name, sub in self.tree.items() for path in _leaves(name, sub))
        return self._paths

    def categories(self) -> frozenset[str]:
        """The persoonslijst categories that can carry RNI data (88.10) and that the selected fields
        are derived from, as the catalogue declares their sources: those of each asked top-level
        field, and for ``adressering`` those of each asked line (an address line is category 08, the
        aanhef 01)."""
        if self._categories is None:
            result: set[str] = set()
            for name, sub in self.tree.items():
                if name == "adressering" and isinstance(sub, Mapping):
                    result.update(*(catalogus.categorieen(f"adressering.{line}") for line in sub))
                else:
                    result.update(catalogus.categorieen(name))
            self._categories = frozenset(result) & catalogus.categorieen("rni")
        return self._categories

    def source_categories(self) -> frozenset[str] | None:
        """The persoonslijst categories an answer with this selection is worked out from: those every
        answer needs (:data:`ALWAYS_NEEDED`) and the declared sources of each asked field; ``None``
        (all of them) when an asked field declares no source."""
        if self._sources is None:
            result = set(ALWAYS_NEEDED)
            for name in self.tree:
                declared = catalogus.categorieen(name)
                if not declared:
                    return None
                result |= declared
            self._sources = frozenset(result)
        return self._sources


def _leaves(prefix: str, selection: Any) -> list[str]:
    if selection == ALL:
        return [prefix]
    return [path for name, sub in selection.items() for path in _leaves(f"{prefix}.{name}", sub)]


def _expand(node: Tree | Leaf) -> Any:
    if isinstance(node, Leaf):
        return ALL
    return {name: _expand(child) for name, child in node.items()}


def _merge(target: dict[str, Any], name: str, selection: Any) -> None:
    current = target.get(name)
    if ALL in (current, selection) or current is None:
        target[name] = ALL if ALL in (current, selection) else selection
        return
    for child, sub in selection.items():
        _merge(current, child, sub)


#: Selections already worked out, by ``fields`` list and schema (kept with them, so that its id
#: stays its own): clients ask the same few over and over. A selection is shared between
#: requests, so nothing may change it after parsing.
_PARSED: dict[tuple[tuple[str, ...], int], tuple[Tree, FieldSelection, list[InvalidParam]]] = {}
_PARSED_MAX = 4096


def parse_fields(value: Any, schema: Tree) -> tuple[FieldSelection, list[InvalidParam]]:
    """The selection that ``value`` (the ``fields`` parameter) makes on ``schema``, or its errors."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return _parse_fields(value, schema)
    key = (tuple(value), id(schema))
    parsed = _PARSED.get(key)
    if parsed is None:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()
        parsed = _PARSED[key] = (schema, *_parse_fields(value, schema))
    return parsed[1], list(parsed[2])


def _parse_fields(value: Any, schema: Tree) -> tuple[FieldSelection, list[InvalidParam]]:
    selection = FieldSelection()
    if value is None:
        return selection, [InvalidParam.of("fields", "required")]
    if not isinstance(value, list):
        return selection, [InvalidParam.of("fields", "array")]
    if not value:
        return selection, [InvalidParam.of("fields", "minItems", minItems=1)]
    if len(value) > MAX_FIELDS:
        return selection, [InvalidParam.of("fields", "maxItems", maxItems=MAX_FIELDS)]
    errors = []
    for index, item in enumerate(value):
        error = _add_path(selection, item, schema, f"fields[{index}]")
        if error:
            errors.append(error)
    return selection, errors


def _add_path(selection: FieldSelection, item: Any, schema: Tree, name: str) -> InvalidParam | None:
    if not isinstance(item, str) or not _FIELD_RE.fullmatch(item):
        return InvalidParam.of(name, "pattern", pattern=FIELD_PATTERN)
    parts = item.split(".")
    if parts[0] in AUTOMATIC_ROOTS or AUTOMATIC_ANYWHERE.intersection(parts):
        return InvalidParam(name=name, code="fields", reason="Parameter bevat een niet toegestane veldnaam.")
    root = parts[0]
    sub = _select(parts[1:], schema.get(root))
    if sub is None:
        return InvalidParam(name=name, code="fields", reason="Parameter bevat een niet bestaande veldnaam.")
    target = ALIASES.get(root, root)
    selection.asked[item] = selection.asked.get(item, frozenset()) | frozenset(_leaves(target, sub))
    if root in ALIASES:
        if target not in selection.tree:
            selection.binnenland_only.add(target)
    else:
        selection.binnenland_only.discard(target)
    _merge(selection.tree, target, sub)
    return None


def _select(rest: Sequence[str], node: Tree | Leaf | None) -> Any:
    """The selection below ``node`` for the remaining path ``rest``; ``None`` when it does not exist."""
    if node is None:
        return None
    if isinstance(node, Leaf):
        if not rest or node.open or (len(rest) == 1 and rest[0] in node.parts):
            return ALL
        return None
    if not rest:
        return _expand(node)
    sub = _select(rest[1:], node.get(rest[0]))
    return None if sub is None else {rest[0]: sub}
