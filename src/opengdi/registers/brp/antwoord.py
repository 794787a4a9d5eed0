# SPDX-License-Identifier: EUPL-1.2
"""The answer tree of a person and how the ``fields`` selection cuts it.

A person is first built whole (every field the persoonslijst supports), as plain dicts and lists.
Groups that exist on the persoonslijst are present even when none of their fields has a value.
Each group that can be in onderzoek carries an :class:`InOnderzoek` under ``inOnderzoek``, which
knows *all* its fields in onderzoek; :func:`select` then keeps what ``fields`` asked for and the
``inOnderzoek`` flags of exactly the delivered fields, with the start dates that belong to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

#: Selection meaning "this whole subtree".
ALL: Final = "*"

Selection = Mapping[str, Any]  # field name → ALL or a nested Selection

DATUM_INGANG = "datumIngangOnderzoek"

#: Fields of a group that are delivered whenever the group is: its type and the verblijft-niet-op-adres mark.
ALWAYS_DELIVERED = ("type", "indicatieVastgesteldVerblijftNietOpAdres")


@dataclass(slots=True)
class InOnderzoek:
    """The fields of one group that are in onderzoek, each with the key(s) of its start date."""

    flags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    dates: dict[str, dict[str, Any]] = field(default_factory=dict)

    def flag(self, name: str, date_key: str, datum: dict[str, Any] | None) -> None:
        """Mark field ``name`` in onderzoek since ``datum`` (stored under ``date_key``)."""
        keys = self.flags.get(name, ())
        if date_key not in keys:
            self.flags[name] = (*keys, date_key)
        if datum is not None:
            self.dates[date_key] = datum

    def __bool__(self) -> bool:
        return bool(self.flags)

    def render(self, delivered: set[str] | None) -> dict[str, Any] | None:
        """The ``inOnderzoek`` object for the delivered fields (``None``: all of them)."""
        names = [name for name in self.flags if delivered is None or name in delivered]
        if not names:
            return None
        result: dict[str, Any] = dict.fromkeys(names, True)
        for name in names:
            for key in self.flags[name]:
                if key in self.dates:
                    result[key] = self.dates[key]
        return result


def group(values: Mapping[str, Any], exists: bool, onderzoek: InOnderzoek | None = None) -> dict[str, Any] | None:
    """A group object of the non-empty ``values``; ``None`` when the group does not exist.

    A group exists when ``exists`` (some element of it is on the persoonslijst) or when one of its
    fields is in onderzoek.
    """
    if not exists and not onderzoek:
        return None
    result = {key: value for key, value in values.items() if value is not None}
    if onderzoek:
        result["inOnderzoek"] = onderzoek
    return result


def select(node: Mapping[str, Any], selection: Selection | str) -> dict[str, Any]:
    """The part of ``node`` that ``selection`` asks for, with the matching ``inOnderzoek``."""
    if isinstance(selection, str):  # ALL
        rendered: dict[str, Any] = render(node)
        return rendered
    result: dict[str, Any] = {name: node[name] for name in ALWAYS_DELIVERED if name in node}
    for name, sub in selection.items():
        if name in node and name != "inOnderzoek":
            value = _select_value(node[name], sub)
            if value is not None:
                result[name] = value
    onderzoek = node.get("inOnderzoek")
    if isinstance(onderzoek, InOnderzoek):
        flags = onderzoek.render(set(selection) | ({"type"} if "type" in node else set()))
        if flags:
            result["inOnderzoek"] = flags
    return result


def _select_value(value: Any, selection: Selection | str) -> Any:
    # The tree is made of plain dicts and lists (``dict``, not the slower ``Mapping`` check).
    if isinstance(value, dict):
        return select(value, selection)
    if isinstance(value, list):
        return [_select_value(item, selection) for item in value]
    return value


def render(value: Any) -> Any:
    """``value`` as plain JSON: every ``InOnderzoek`` rendered whole."""
    if isinstance(value, dict):
        rendered = {key: render(item) for key, item in value.items() if not key.startswith("_")}
        return {key: item for key, item in rendered.items() if item is not None}
    if isinstance(value, list):
        return [render(item) for item in value]
    if isinstance(value, InOnderzoek):
        return value.render(None)
    return value
