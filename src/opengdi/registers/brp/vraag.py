# SPDX-License-Identifier: EUPL-1.2
"""The seven query types of ``POST /personen`` and the validation of their parameters.

Each query type names its parameters, which of them are required, and the rule each value must
meet; the patterns are those of the BRP API Personen OpenAPI document and are quoted in the error
reasons. Every error in a request is reported at once. :data:`PARAMETER_GEGEVENS` (declared in the
catalogue) says which data elements each parameter reveals, so that using it needs the same
permission as asking for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from opengdi.kernel.problems import REASONS, InvalidParam
from opengdi.kernel.toegang import Zoekparameter
from opengdi.registers.brp import fields as fieldsmod
from opengdi.registers.brp.catalogus import PARAMETER_GEGEVENS
from opengdi.registers.brp.fields import FieldSelection

GESLACHTSNAAM = r"^[a-zA-Z0-9À-ž \.\-\']{1,200}$|^[a-zA-Z0-9À-ž \.\-\']{3,199}\*{1}$"
VOORNAMEN_OPTIONEEL = r"^[a-zA-Z0-9À-ž \.\-\']{1,199}\*{0,1}$"
VOORNAMEN_VERPLICHT = GESLACHTSNAAM
VOORVOEGSEL = r"^[a-zA-Z \']{1,10}$"
GESLACHT = r"^([Mm]|[Vv]|[Oo])$"
BSN = r"^[0-9]{9}$"
GEMEENTE = r"^[0-9]{4}$"
POSTCODE = r"^[1-9]{1}[0-9]{3}[ ]?[A-Za-z]{2}$"
HUISLETTER = r"^[a-zA-Z]{1}$"
HUISNUMMERTOEVOEGING = r"^[a-zA-Z0-9 \-]{1,4}$"
STRAAT = r"^[a-zA-Z0-9À-ž \-\'\.]{1,80}$|^[a-zA-Z0-9À-ž \-\'\.]{7,79}\*{1}$|^\*{1}[a-zA-Z0-9À-ž \-\'\.]{7,79}$"
IDENTIFICATIE = r"^[0-9]{16}$"
MAX_BSNS = 20

Check = Callable[[str, Any], tuple[Any, InvalidParam | None]]


def pattern(regex: str) -> Check:
    """A string parameter that must match ``regex``."""
    compiled = re.compile(regex)

    def check(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
        if isinstance(value, str) and compiled.fullmatch(value) and (regex != IDENTIFICATIE or set(value) != {"0"}):
            return value, None
        return None, InvalidParam.of(name, "pattern", pattern=regex)

    return check


def _date(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value), None
        except ValueError:
            pass
    return None, InvalidParam.of(name, "date")


def _boolean(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
    if isinstance(value, bool):
        return value, None
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true", None
    return None, InvalidParam(name=name, code="boolean", reason="Waarde is geen boolean.")


def _huisnummer(name: str, value: Any) -> tuple[Any, InvalidParam | None]:
    number = value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value.strip()):
        number = int(value)
    if number is None:
        return None, InvalidParam(name=name, code="integer", reason="Waarde is geen geldig getal.")
    if number < 1:
        return None, InvalidParam.of(name, "minimum", minimum=1)
    if number > 99999:
        return None, InvalidParam.of(name, "maximum", maximum=99999)
    return number, None


def _bsn_list(name: str, value: Any) -> tuple[Any, list[InvalidParam]]:
    if not isinstance(value, list):
        return None, [InvalidParam.of(name, "array")]
    if not value:
        return None, [InvalidParam.of(name, "minItems", minItems=1)]
    if len(value) > MAX_BSNS:
        return None, [InvalidParam.of(name, "maxItems", maxItems=MAX_BSNS)]
    check = pattern(BSN)
    errors = [error for index, item in enumerate(value) if (error := check(f"{name}[{index}]", item)[1])]
    return (None if errors else list(value)), errors


@dataclass(frozen=True, slots=True)
class QueryType:
    """A query type: its parameters in reporting order, the required ones, and the answer schema."""

    name: str
    parameters: Mapping[str, Check | None]  # None: validated separately (burgerservicenummer)
    required: tuple[str, ...]
    schema: fieldsmod.Tree


_OVERLEDEN = {"inclusiefOverledenPersonen": _boolean}
_GEMEENTE = {"gemeenteVanInschrijving": pattern(GEMEENTE)}

QUERY_TYPES = {
    query.name: query
    for query in (
        QueryType(
            "RaadpleegMetBurgerservicenummer",
            {"burgerservicenummer": None, **_GEMEENTE},
            ("burgerservicenummer",),
            fieldsmod.PERSOON,
        ),
        QueryType(
            "ZoekMetGeslachtsnaamEnGeboortedatum",
            {
                "geboortedatum": _date,
                "geslachtsnaam": pattern(GESLACHTSNAAM),
                "geslacht": pattern(GESLACHT),
                "voornamen": pattern(VOORNAMEN_OPTIONEEL),
                "voorvoegsel": pattern(VOORVOEGSEL),
                **_GEMEENTE,
                **_OVERLEDEN,
            },
            ("geboortedatum", "geslachtsnaam"),
            fieldsmod.PERSOON_BEPERKT,
        ),
        QueryType(
            "ZoekMetNaamEnGemeenteVanInschrijving",
            {
                **_GEMEENTE,
                "geslachtsnaam": pattern(GESLACHTSNAAM),
                "voornamen": pattern(VOORNAMEN_VERPLICHT),
                "geslacht": pattern(GESLACHT),
                "voorvoegsel": pattern(VOORVOEGSEL),
                **_OVERLEDEN,
            },
            ("gemeenteVanInschrijving", "geslachtsnaam", "voornamen"),
            fieldsmod.PERSOON_BEPERKT,
        ),
        QueryType(
            "ZoekMetPostcodeEnHuisnummer",
            {
                "postcode": pattern(POSTCODE),
                "huisnummer": _huisnummer,
                "huisletter": pattern(HUISLETTER),
                "huisnummertoevoeging": pattern(HUISNUMMERTOEVOEGING),
                "geboortedatum": _date,
                "geslachtsnaam": pattern(GESLACHTSNAAM),
                **_GEMEENTE,
                **_OVERLEDEN,
            },
            ("postcode", "huisnummer"),
            fieldsmod.PERSOON_BEPERKT,
        ),
        QueryType(
            "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
            {
                **_GEMEENTE,
                "huisnummer": _huisnummer,
                "straat": pattern(STRAAT),
                "huisletter": pattern(HUISLETTER),
                "huisnummertoevoeging": pattern(HUISNUMMERTOEVOEGING),
                **_OVERLEDEN,
            },
            ("gemeenteVanInschrijving", "huisnummer", "straat"),
            fieldsmod.PERSOON_BEPERKT,
        ),
        QueryType(
            "ZoekMetNummeraanduidingIdentificatie",
            {
                "nummeraanduidingIdentificatie": pattern(IDENTIFICATIE),
                **_GEMEENTE,
                **_OVERLEDEN,
            },
            ("nummeraanduidingIdentificatie",),
            fieldsmod.PERSOON_BEPERKT,
        ),
        QueryType(
            "ZoekMetAdresseerbaarObjectIdentificatie",
            {
                "adresseerbaarObjectIdentificatie": pattern(IDENTIFICATIE),
                **_GEMEENTE,
                **_OVERLEDEN,
            },
            ("adresseerbaarObjectIdentificatie",),
            fieldsmod.GEZAG_PERSOON_BEPERKT,
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Vraag:
    """A valid request: its type, the parsed parameters and the field selection."""

    type: QueryType
    parameters: dict[str, Any]
    fields: FieldSelection

    def zoekparameters(self) -> frozenset[Zoekparameter]:
        """The parameters this request searches with, each with the data elements it reveals (a
        boolean that is false asks nothing beyond the default)."""
        return frozenset(
            Zoekparameter(name, PARAMETER_GEGEVENS[name])
            for name, value in self.parameters.items()
            if value is not False
        )

    @property
    def is_raadplegen(self) -> bool:
        """Whether this is RaadpleegMetBurgerservicenummer (answered with the full Persoon)."""
        return self.type.name == "RaadpleegMetBurgerservicenummer"


def _is_absent(value: Any) -> bool:
    return value is None or value == ""


def parse_vraag(body: Any) -> tuple[Vraag | None, list[InvalidParam]]:
    """The request in ``body``, or every error that makes it invalid."""
    if not isinstance(body, Mapping):
        return None, [InvalidParam(name="body", code="object", reason=REASONS["jsonObject"])]
    type_name = body.get("type")
    if _is_absent(type_name) and "type" not in body:
        return None, [InvalidParam.of("type", "required")]
    query = QUERY_TYPES.get(type_name) if isinstance(type_name, str) else None
    if query is None:
        return None, [InvalidParam(name="type", code="value", reason="Waarde is geen geldig zoek type.")]
    errors: list[InvalidParam] = []
    parameters: dict[str, Any] = {}
    for name, check in query.parameters.items():
        value = body.get(name)
        if name == "burgerservicenummer":
            parameters[name], bsn_errors = _bsn_list(name, value) if value is not None else (None, [])
            errors.extend(bsn_errors)
        elif not _is_absent(value) or (name in _OVERLEDEN and name in body and value is not None):
            assert check is not None
            parameters[name], error = check(name, value)
            errors.extend([error] if error else [])
        if name in query.required and _is_absent(value) and not any(e.name == name for e in errors):
            errors.append(InvalidParam.of(name, "required"))
    known = {"type", "fields", *query.parameters}
    errors.extend(InvalidParam.of(name, "unknownParam") for name in body if name not in known)
    selection, field_errors = fieldsmod.parse_fields(body.get("fields"), query.schema)
    errors.extend(field_errors)
    if errors:
        return None, errors
    return Vraag(query, {key: value for key, value in parameters.items() if value is not None}, selection), []
