# SPDX-License-Identifier: EUPL-1.2
"""The ``fields`` parameter: which paths exist per answer type, and the selection they make.

A path names a field by its parents joined with dots (``partners.naam.voornamen``). Asking for a
group asks for all its fields; asking for any part of a date or a code-table value asks for the
whole value. Fields the API always delivers by itself (``inOnderzoek``, ``geheimhouding…``,
``opschortingBijhouding``, ``rni``, ``verificatie``, ``indicatieVastgesteldVerblijftNietOpAdres``)
may not be asked for. ``verblijfplaatsBinnenland`` and ``adresseringBinnenland`` are aliases that
ask only for a Dutch verblijfplaats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from opengdi.kernel.problems import InvalidParam
from opengdi.registers.brp.antwoord import ALL

MAX_FIELDS = 130
FIELD_PATTERN = r"^[a-zA-Z0-9\._]{1,200}$"
_FIELD_RE = re.compile(FIELD_PATTERN)


class Leaf:
    """A field delivered as one value; ``parts`` are the sub-paths that also select it whole."""

    def __init__(self, *parts: str) -> None:
        self.parts = frozenset(parts)


VALUE = Leaf()
DATUM = Leaf("type", "datum", "langFormaat", "jaar", "maand", "onbekend")
TABEL = Leaf("code", "omschrijving")
TITEL = Leaf("code", "omschrijving", "soort")
ANY = Leaf()  # a leaf of which any sub-path is accepted (gezag)

Tree = Mapping[str, Any]

_GEBOORTE: Tree = {"datum": DATUM, "land": TABEL, "plaats": TABEL}
_NAAM_GERELATEERDE: Tree = {
    "voornamen": VALUE,
    "adellijkeTitelPredicaat": TITEL,
    "voorvoegsel": VALUE,
    "geslachtsnaam": VALUE,
    "voorletters": VALUE,
}
_NAAM_BEPERKT: Tree = {**_NAAM_GERELATEERDE, "volledigeNaam": VALUE}
_VERBLIJFADRES_BINNENLAND: Tree = {
    "officieleStraatnaam": VALUE,
    "korteStraatnaam": VALUE,
    "huisnummer": VALUE,
    "huisletter": VALUE,
    "huisnummertoevoeging": VALUE,
    "aanduidingBijHuisnummer": TABEL,
    "postcode": VALUE,
    "woonplaats": VALUE,
    "locatiebeschrijving": VALUE,
}
_VERBLIJFPLAATS_BINNENLAND: Tree = {
    "type": VALUE,
    "datumVan": DATUM,
    "datumIngangGeldigheid": DATUM,
    "functieAdres": TABEL,
    "adresseerbaarObjectIdentificatie": VALUE,
    "nummeraanduidingIdentificatie": VALUE,
    "verblijfadres": _VERBLIJFADRES_BINNENLAND,
}
_VERBLIJFPLAATS: Tree = {
    **_VERBLIJFPLAATS_BINNENLAND,
    "verblijfadres": {**_VERBLIJFADRES_BINNENLAND, "regel1": VALUE, "regel2": VALUE, "regel3": VALUE, "land": TABEL},
}
_ADRESREGELS_BINNENLAND: Tree = {"adresregel1": VALUE, "adresregel2": VALUE}
_ADRESREGELS: Tree = {**_ADRESREGELS_BINNENLAND, "adresregel3": VALUE, "land": TABEL}

PERSOON_BEPERKT: Tree = {
    "burgerservicenummer": VALUE,
    "geboorte": {"datum": DATUM},
    "geslacht": TABEL,
    "leeftijd": VALUE,
    "naam": _NAAM_BEPERKT,
    "adressering": _ADRESREGELS,
    "adresseringBinnenland": _ADRESREGELS_BINNENLAND,
}
GEZAG_PERSOON_BEPERKT: Tree = {**PERSOON_BEPERKT, "gezag": ANY}
PERSOON: Tree = {
    **PERSOON_BEPERKT,
    "aNummer": VALUE,
    "datumEersteInschrijvingGBA": DATUM,
    "uitsluitingKiesrecht": {"uitgeslotenVanKiesrecht": VALUE, "einddatum": DATUM},
    "europeesKiesrecht": {"aanduiding": TABEL, "einddatumUitsluiting": DATUM},
    "naam": {**_NAAM_BEPERKT, "aanduidingNaamgebruik": TABEL},
    "nationaliteiten": {"type": VALUE, "nationaliteit": TABEL, "redenOpname": TABEL, "datumIngangGeldigheid": DATUM},
    "geboorte": _GEBOORTE,
    "overlijden": _GEBOORTE,
    "verblijfplaats": _VERBLIJFPLAATS,
    "verblijfplaatsBinnenland": _VERBLIJFPLAATS_BINNENLAND,
    "immigratie": {
        "landVanwaarIngeschreven": TABEL,
        "datumVestigingInNederland": DATUM,
        "vanuitVerblijfplaatsOnbekend": VALUE,
        "indicatieVestigingVanuitBuitenland": VALUE,
    },
    "gemeenteVanInschrijving": TABEL,
    "datumInschrijvingInGemeente": DATUM,
    "adressering": {
        **_ADRESREGELS,
        "aanhef": VALUE,
        "aanschrijfwijze": {"naam": VALUE, "aanspreekvorm": VALUE},
        "gebruikInLopendeTekst": VALUE,
    },
    "indicatieCurateleRegister": VALUE,
    "indicatieGezagMinderjarige": TABEL,
    "gezag": ANY,
    "verblijfstitel": {"aanduiding": TABEL, "datumEinde": DATUM, "datumIngang": DATUM},
    "kinderen": {"burgerservicenummer": VALUE, "naam": _NAAM_GERELATEERDE, "geboorte": _GEBOORTE},
    "ouders": {
        "burgerservicenummer": VALUE,
        "geslacht": TABEL,
        "ouderAanduiding": VALUE,
        "datumIngangFamilierechtelijkeBetrekking": DATUM,
        "naam": _NAAM_GERELATEERDE,
        "geboorte": _GEBOORTE,
    },
    "partners": {
        "burgerservicenummer": VALUE,
        "geslacht": TABEL,
        "soortVerbintenis": TABEL,
        "naam": _NAAM_GERELATEERDE,
        "geboorte": _GEBOORTE,
        "aangaanHuwelijkPartnerschap": {"datum": DATUM, "land": TABEL, "plaats": TABEL},
        "ontbindingHuwelijkPartnerschap": {"datum": DATUM},
    },
}

#: Fields that are delivered automatically and may not be asked for.
AUTOMATIC_ROOTS = frozenset(
    {"geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni", "verificatie", "inOnderzoek"}
)
AUTOMATIC_ANYWHERE = frozenset({"inOnderzoek", "indicatieVastgesteldVerblijftNietOpAdres"})
ALIASES = {"verblijfplaatsBinnenland": "verblijfplaats", "adresseringBinnenland": "adressering"}

#: The categories a top-level field (or adressering sub-field) is derived from, for the rni rule.
_ROOT_CATEGORIES = {
    "aNummer": "01",
    "burgerservicenummer": "01",
    "geslacht": "01",
    "leeftijd": "01",
    "naam": "01",
    "geboorte": "01",
    "nationaliteiten": "04",
    "overlijden": "06",
    "verblijfplaats": "08",
    "gemeenteVanInschrijving": "08",
    "datumInschrijvingInGemeente": "08",
    "immigratie": "08",
}
_ADRESSERING_CATEGORIES = {
    "adresregel1": "08",
    "adresregel2": "08",
    "adresregel3": "08",
    "land": "08",
    "aanhef": "01",
    "aanschrijfwijze": "01",
    "gebruikInLopendeTekst": "01",
}


@dataclass(slots=True)
class FieldSelection:
    """What ``fields`` asked for: a selection tree, and which groups were asked only through an alias."""

    tree: dict[str, Any] = field(default_factory=dict)
    binnenland_only: set[str] = field(default_factory=set)

    def paths(self) -> frozenset[str]:
        """Every asked data element as a full path (a date or code value counts as one element);
        a group asked through an alias keeps the alias name (``verblijfplaatsBinnenland.datumVan``)."""
        alias_of = {target: alias for alias, target in ALIASES.items()}
        return frozenset(
            path
            for name, sub in self.tree.items()
            for path in _leaves(alias_of[name] if name in self.binnenland_only else name, sub)
        )

    def categories(self) -> set[str]:
        """The persoonslijst categories the selected fields are derived from."""
        result = {_ROOT_CATEGORIES[name] for name in self.tree if name in _ROOT_CATEGORIES}
        adressering = self.tree.get("adressering")
        if isinstance(adressering, Mapping):
            result.update(_ADRESSERING_CATEGORIES[name] for name in adressering if name in _ADRESSERING_CATEGORIES)
        return result


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


def parse_fields(value: Any, schema: Tree) -> tuple[FieldSelection, list[InvalidParam]]:
    """The selection that ``value`` (the ``fields`` parameter) makes on ``schema``, or its errors."""
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
        if not rest or node is ANY or (len(rest) == 1 and rest[0] in node.parts):
            return ALL
        return None
    if not rest:
        return _expand(node)
    sub = _select(rest[1:], node.get(rest[0]))
    return None if sub is None else {rest[0]: sub}
