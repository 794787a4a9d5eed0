# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal ``fields`` parameter: which properties of a resource an answer holds.

``fields=a,b.c`` keeps the property ``a`` and, of ``b``, only ``c`` (a path into a list applies to
each of its items); the ``self`` link stays. :func:`lees_velden` reads the parameter and refuses a
path whose first name is no property of the resource (400 ``fields``, naming the part).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from opengdi.kernel.parameters import Queryparameters
from opengdi.kernel.problems import InvalidParam

Json = dict[str, Any]


def lees_velden(parameters: Queryparameters, toegestaan: Collection[str], naam: str = "fields") -> list[list[str]]:
    """The paths parameter ``naam`` asks (none: everything); a wrong one is collected as an error."""
    value = parameters.waarden.get(naam)
    if value is None:
        return []
    paths = [part.strip().split(".") for part in value.split(",")]
    for path in paths:
        if path[0] not in toegestaan or not all(path):
            parameters.fouten.append(InvalidParam.of(naam, "fields", waarde=".".join(path)))
    return paths


def met_velden(body: Json, velden: Sequence[Sequence[str]]) -> Json:
    """``body`` with only the paths ``velden`` asks (each a sequence of property names; a path
    leading into a list applies to each of its items) and its ``self`` link."""
    if not velden:
        return body
    kept: Json = {}
    for path in velden:
        _keep(body, kept, list(path))
    if "_links" in body:
        kept["_links"] = {"self": body["_links"]["self"]}
    return kept


def _keep(source: Any, target: Json, path: list[str]) -> None:
    head, rest = path[0], path[1:]
    if not isinstance(source, dict) or head not in source:
        return
    value = source[head]
    if not rest:
        target[head] = value
    elif isinstance(value, list):
        items = target.setdefault(head, [{} for _ in value])
        for original, kept in zip(value, items, strict=True):
            _keep(original, kept, rest)
    else:
        _keep(value, target.setdefault(head, {}), rest)
