# SPDX-License-Identifier: EUPL-1.2
"""Reading the query parameters of a Haal Centraal request one by one, collecting every error, so
that one 400 problem names each offending parameter (``invalidParams``, the codes and reasons of
:data:`~opengdi.kernel.problems.REASONS`). A block extends :class:`Queryparameters` with the kinds
of value its interface knows. No framework here: a route hands over the query as pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Self

from opengdi.kernel.problems import InvalidParam, bad_request

_GEHEEL = re.compile(r"[+-]?\d{1,15}")


@dataclass(slots=True)
class Queryparameters:
    """The query parameters of one request (the last value of a repeated one), read one by one;
    the errors are collected and :meth:`check` raises them together."""

    waarden: Mapping[str, str]
    fouten: list[InvalidParam] = field(default_factory=list)

    @classmethod
    def of(cls, query: Iterable[tuple[str, str]], toegestaan: Collection[str]) -> Self:
        """The parameters of ``query``, every one outside ``toegestaan`` refused as unknown."""
        pairs = list(query)
        parameters = cls(dict(pairs))
        for name in dict.fromkeys(name for name, _ in pairs):
            if name not in toegestaan:
                parameters.fouten.append(InvalidParam.of(name, "unknownParam"))
        return parameters

    def given(self, *names: str) -> list[str]:
        """Which of ``names`` the request gives."""
        return [name for name in names if name in self.waarden]

    def check(self) -> None:
        """Raise the collected errors, if any."""
        if self.fouten:
            raise bad_request(self.fouten)

    def weiger(self, name: str, code: str, **values: object) -> None:
        """Collect an error for parameter ``name`` (a code of the standard reasons)."""
        self.fouten.append(InvalidParam.of(name, code, **values))

    def tekst_volgens(self, name: str, patroon: str | None = None, *, maximum: int = 200) -> str | None:
        """A text parameter of 1 to ``maximum`` characters, matching ``patroon`` (a regular expression) if given."""
        value = self.waarden.get(name)
        if value is None:
            return None
        if not value:
            self.weiger(name, "minLength", minLength=1)
        elif len(value) > maximum:
            self.weiger(name, "maxLength", maxLength=maximum)
        elif patroon is not None and not re.fullmatch(patroon, value):
            self.weiger(name, "pattern", pattern=patroon)
        else:
            return value
        return None

    def nummer(self, name: str, valid: Callable[[str], bool], soort: str) -> str | None:
        """A number of the registries (a burgerservicenummer, an RSIN, …) that must pass its check."""
        value = self.waarden.get(name)
        if value is not None and not valid(value):
            self.weiger(name, "value", soort=soort)
            return None
        return value

    def geheel(self, name: str, minimum: int, maximum: int | None = None) -> int | None:
        """An integer parameter within its bounds."""
        value = self.waarden.get(name)
        if value is None:
            return None
        if not _GEHEEL.fullmatch(value.strip()):
            self.weiger(name, "integer")
            return None
        number = int(value)
        if number < minimum:
            self.weiger(name, "minimum", minimum=minimum)
        elif maximum is not None and number > maximum:
            self.weiger(name, "maximum", maximum=maximum)
        else:
            return number
        return None

    def boolean(self, name: str) -> bool:
        """A boolean parameter (``true`` or ``false``, default false)."""
        value = self.waarden.get(name)
        if value is None:
            return False
        if value.lower() not in ("true", "false"):
            self.weiger(name, "boolean")
            return False
        return value.lower() == "true"
