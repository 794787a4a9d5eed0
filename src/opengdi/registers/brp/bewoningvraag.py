# SPDX-License-Identifier: EUPL-1.2
"""The two query types of BRP Bewoning (``POST /bewoningen``) and the validation of their parameters.

``BewoningMetPeildatum`` asks who lived at an adresseerbaar object on one day, ``BewoningMetPeriode``
which compositions of residents lived there from ``datumVan`` until ``datumTot`` (exclusive). Both
name the object by its 16-digit identification (not sixteen zeros, the pattern of the official
document); the days are ISO 8601 dates. Every error in a request is reported at once, in the
Haal Centraal shape, the parameters in alphabetical order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from opengdi.kernel.geldigheid import Periode
from opengdi.kernel.problems import REASONS, InvalidParam

PEILDATUM = "BewoningMetPeildatum"
PERIODE = "BewoningMetPeriode"
#: The pattern of an adresseerbaar object's identification, as the official document writes it.
IDENTIFICATIE = r"^(?!0{16})[0-9]{16}$"
_IDENTIFICATIE = re.compile(IDENTIFICATIE)
_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
OBJECT = "adresseerbaarObjectIdentificatie"

Check = Callable[[str, Any], tuple[Any, InvalidParam | None]]


def _identificatie(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
    if isinstance(value, str) and _IDENTIFICATIE.fullmatch(value):
        return value, None
    return None, InvalidParam.of(name, "pattern", pattern=IDENTIFICATIE)


def _datum(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
    if isinstance(value, str) and _ISO_DATUM.fullmatch(value):
        try:
            return date.fromisoformat(value), None
        except ValueError:
            pass
    return None, InvalidParam.of(name, "date")


#: Per query type, its parameters (all required) and the check of each.
QUERY_TYPES: dict[str, dict[str, Check]] = {
    PEILDATUM: {OBJECT: _identificatie, "peildatum": _datum},
    PERIODE: {OBJECT: _identificatie, "datumTot": _datum, "datumVan": _datum},
}


@dataclass(frozen=True, slots=True)
class BewoningVraag:
    """A valid request: its type, the adresseerbaar object, the days asked about and the parameters
    as given (for the protocol)."""

    type: str
    adresseerbaar_object: str
    periode: Periode
    parameters: dict[str, Any]


def _is_absent(value: Any) -> bool:
    return value is None or value == ""


def _parameters(body: Mapping[str, Any], checks: Mapping[str, Check]) -> tuple[dict[str, Any], list[InvalidParam]]:
    """The checked values of the query type's parameters, and the errors: a missing or empty one is
    required, one of the wrong form names its rule, an unknown one is not expected."""
    values: dict[str, Any] = {}
    errors: list[InvalidParam] = []
    for name, check in checks.items():
        if _is_absent(body.get(name)):
            errors.append(InvalidParam.of(name, "required"))
            continue
        values[name], error = check(name, body[name])
        errors.extend([error] if error else [])
    errors.extend(InvalidParam.of(name, "unknownParam") for name in body if name != "type" and name not in checks)
    return values, sorted(errors, key=lambda error: error.name)


def _periode(type_name: str, values: Mapping[str, Any]) -> tuple[Periode | None, list[InvalidParam]]:
    if type_name == PEILDATUM:
        return Periode.dag(values["peildatum"]), []
    if values["datumTot"] <= values["datumVan"]:
        return None, [InvalidParam("datumTot", "invalidParam", "datumTot moet na datumVan liggen.")]
    return Periode(values["datumVan"], values["datumTot"]), []


def parse_bewoningvraag(body: Any) -> tuple[BewoningVraag | None, list[InvalidParam]]:
    """The request in ``body``, or every error that makes it invalid."""
    if not isinstance(body, Mapping):
        return None, [InvalidParam(name="body", code="object", reason=REASONS["jsonObject"])]
    type_name = body.get("type")
    if "type" not in body or type_name is None:
        return None, [InvalidParam.of("type", "required")]
    checks = QUERY_TYPES.get(type_name) if isinstance(type_name, str) else None
    if checks is None:
        return None, [InvalidParam(name="type", code="value", reason="Waarde is geen geldig zoek type.")]
    values, errors = _parameters(body, checks)
    if errors:
        return None, errors
    periode, errors = _periode(type_name, values)
    if periode is None:
        return None, errors
    parameters = {"type": type_name, **{name: body[name] for name in checks}}
    return BewoningVraag(type_name, values[OBJECT], periode, parameters), []
