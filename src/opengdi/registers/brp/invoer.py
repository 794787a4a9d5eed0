# SPDX-License-Identifier: EUPL-1.2
"""Reading persoonslijsten in the JSON import form (``../shared/specs/brp-import.md``).

``{"persoonslijsten": [{"01": [{"01.20": "999993653", …}], "08": [{actual}, {older}], …}]}``:
category code → voorkomens newest first, element keys ``GG.EE``, ``"stapel": N`` on repeating
categories, an ``"adres"`` object allowed inside an ``08`` voorkomen. A body with any error is
refused whole; every error is reported with the path of the offending element.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opengdi.kernel.problems import REASONS, InvalidParam
from opengdi.registers.brp import lo3
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen

_ADRES_GROUPS = ("11", "12", "13")


@dataclass(slots=True)
class ImportErrors:
    """The errors found while reading an import; empty when it can be stored.

    A lenient reader (``strict=False``) keeps element values of the wrong form as they are and
    records them as ``warnings`` instead: a registry keeps what was registered, right or wrong.
    """

    params: list[InvalidParam]
    strict: bool = True
    warnings: list[InvalidParam] = field(default_factory=list)

    def add(self, name: str, code: str, reason: str) -> None:
        """Record one error at path ``name``."""
        self.params.append(InvalidParam(name=name, code=code, reason=reason))

    def add_value_problem(self, name: str, code: str, reason: str) -> bool:
        """Record a value of the wrong form; whether the value may be kept anyway."""
        if self.strict:
            self.add(name, code, reason)
            return False
        self.warnings.append(InvalidParam(name=name, code=code, reason=reason))
        return True


def read_persoonslijsten(body: Any) -> tuple[list[Persoonslijst], list[InvalidParam]]:
    """The persoonslijsten of an import body, and the errors that make it unacceptable."""
    errors = ImportErrors([])
    if not isinstance(body, Mapping):
        errors.add("body", "object", REASONS["jsonObject"])
        return [], errors.params
    unknown = [key for key in body if key != "persoonslijsten"]
    for key in unknown:
        errors.add(key, "unknownParam", "Parameter is niet verwacht.")
    lijsten = body.get("persoonslijsten")
    if lijsten is None:
        errors.add("persoonslijsten", "required", "Parameter is verplicht.")
        return [], errors.params
    if not isinstance(lijsten, list):
        errors.add("persoonslijsten", "array", "Parameter is geen array.")
        return [], errors.params
    result = [read_persoonslijst(lijst, f"persoonslijsten[{index}]", errors) for index, lijst in enumerate(lijsten)]
    return result, errors.params


def read_persoonslijst(lijst: Any, path: str, errors: ImportErrors) -> Persoonslijst:
    """One persoonslijst (category → voorkomens); errors are added to ``errors``."""
    voorkomens: list[Voorkomen] = []
    if not isinstance(lijst, Mapping):
        errors.add(path, "object", REASONS["jsonObject"])
        return Persoonslijst()
    for categorie, items in lijst.items():
        voorkomens.extend(_read_categorie(str(categorie), items, f"{path}.{categorie}", errors))
    if "01" not in lijst:
        errors.add(f"{path}.01", "required", "Een persoonslijst heeft een categorie 01 (persoon).")
    return Persoonslijst.from_voorkomens(voorkomens)


def _read_categorie(categorie: str, items: Any, path: str, errors: ImportErrors) -> list[Voorkomen]:
    if categorie not in lo3.CATEGORIES:
        errors.add(path, "unknownParam", "Onbekende categorie; gebruik de actuele categoriecode 01 tot en met 14.")
        return []
    if not isinstance(items, list) or not items:
        code = "minItems" if isinstance(items, list) else "array"
        errors.add(path, code, REASONS[code].format(minItems=1))
        return []
    volgnummers: dict[int, int] = {}
    result = []
    for index, item in enumerate(items):
        item_path = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            errors.add(item_path, "object", REASONS["jsonObject"])
            continue
        stapel = _read_stapel(categorie, item, item_path, errors)
        elementen = _read_elementen(categorie, item, item_path, errors)
        if stapel is None or elementen is None:
            continue
        volgnummer = volgnummers.get(stapel, 0)
        volgnummers[stapel] = volgnummer + 1
        result.append(Voorkomen(categorie, stapel, volgnummer, elementen))
    return result


def _read_stapel(categorie: str, item: Mapping[str, Any], path: str, errors: ImportErrors) -> int | None:
    stapel = item.get("stapel", 1)
    if isinstance(stapel, bool) or not isinstance(stapel, int) or stapel < 1:
        code = "minimum" if isinstance(stapel, int) and not isinstance(stapel, bool) else "integer"
        errors.add(f"{path}.stapel", code, REASONS[code].format(minimum=1))
        return None
    if stapel > 1 and categorie not in lo3.REPEATING_CATEGORIES:
        errors.add(
            f"{path}.stapel",
            "maximum",
            f"Categorie {categorie} ({lo3.category_name(categorie)}) komt maar één keer voor.",
        )
        return None
    return stapel


def _read_elementen(categorie: str, item: Mapping[str, Any], path: str, errors: ImportErrors) -> dict[str, str] | None:
    elementen: dict[str, str] = {}
    before = len(errors.params)
    for key, value in item.items():
        if key == "stapel":
            continue
        if key == "adres" and categorie == "08":
            _read_adres(value, f"{path}.adres", elementen, errors)
            continue
        _store(elementen, key, _read_element(categorie, key, value, f"{path}.{key}", errors))
    return elementen if len(errors.params) == before else None


def _store(elementen: dict[str, str], key: str, value: str | None) -> None:
    if value is not None:
        elementen[key] = value


def _read_adres(adres: Any, path: str, elementen: dict[str, str], errors: ImportErrors) -> None:
    if not isinstance(adres, Mapping):
        errors.add(path, "object", REASONS["jsonObject"])
        return
    for key, value in adres.items():
        if str(key)[:2] not in _ADRES_GROUPS:
            errors.add(
                f"{path}.{key}", "unknownParam", "In 'adres' horen alleen de adreselementen 11.xx, 12.10 en 13.xx."
            )
            continue
        if key not in elementen:  # an element given directly on the voorkomen wins
            _store(elementen, key, _read_element("08", key, value, f"{path}.{key}", errors))


def _read_element(categorie: str, key: str, value: Any, path: str, errors: ImportErrors) -> str | None:
    """The element's value in LO3 notation; ``None`` (and an error) when it cannot be stored."""
    element = lo3.element_for(categorie, key)
    if element is None:
        errors.add(
            path,
            "unknownParam",
            f"Element {key} hoort niet bij categorie {categorie} ({lo3.category_name(categorie)}).",
        )
        return None
    if not isinstance(value, str):
        errors.add(path, "string", REASONS["string"])
        return None
    problem = lo3.value_error(element, value)
    code = "date" if element.form is lo3.Form.DATE else "pattern"
    if problem and not errors.add_value_problem(path, code, f"{element.naam}: {problem}"):
        return None
    return lo3.normalize_value(element, value)


def burgerservicenummers(lijsten: Sequence[Persoonslijst]) -> list[str | None]:
    """The BSN of each persoonslijst, in order."""
    return [identifying_bsn(lijst) for lijst in lijsten]


def identifying_bsn(lijst: Persoonslijst) -> str | None:
    """The BSN that identifies a persoonslijst: the actual one, else the newest one on record."""
    for voorkomen in lijst.historie("01"):
        bsn = voorkomen.get("01.20")
        if bsn:
            return bsn
    return None
