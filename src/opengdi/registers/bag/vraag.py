# SPDX-License-Identifier: EUPL-1.2
"""Reading the questions of the BAG API Individuele Bevragingen: its parameters, checked as its
OpenAPI document declares them, and their combinations.

Every refusal is a 400 problem as the API's foutafhandeling feature writes it: an unknown
parameter, a value of the wrong type, pattern, length or range (``paramsValidation``, naming each
parameter), no parameter where one is needed (``paramsRequired``), an incomplete combination
(``paramsCombination``) or one that is not allowed (``unsupportedCombination``). No framework here:
a route hands over the query as pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from opengdi.kernel.parameters import Queryparameters
from opengdi.kernel.problems import InvalidParam, Problem, bad_request
from opengdi.registers.bag import crs as stelsels
from opengdi.registers.bag.tijdreizen import Moment, nu, tijdstip

#: The characters a name may hold (the document's pattern of names, as one character class).
_TEKENS = (
    "\u0020-\u007e\u00a0-\u00ff\u0100-\u0113\u0116-\u012b\u012e-\u014d\u0150-\u017e\u02c7\u02d8-\u02db"
    "\u02dd\u2015\u2018-\u2019\u201c-\u201d\u20ac\u2122\u2126\u215b-\u215e\u2190-\u2193\u266a"
)
_NAAM = re.compile(f"[{_TEKENS}]*")
_NAAM_PATROON = (
    r"^[\u0020-\u007E;\u00A0-\u00FF;\u0100-\u0113;\u0116-\u012B;\u012E-\u014D;\u0150-\u017E;\u02C7;"
    r"\u02D8-\u02DB;\u02DD;\u2015;\u2018-\u2019;\u201C-\u201D;\u20AC;\u2122;\u2126;\u215B-\u215E;"
    r"\u2190-\u2193;\u266A;]*"
)
#: The patterns of the identifications and address parts, as the document writes them.
PATRONEN = {
    "WPL": r"[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3}",
    "OPR": r"^[0-9]{4}30[0-9]{10}$",
    "NUM": r"^[0-9]{4}20[0-9]{10}$",
    "VBO": r"^[0-9]{4}01[0-9]{10}$",
    "LIG": r"^[0-9]{4}02[0-9]{10}$",
    "STA": r"^[0-9]{4}03[0-9]{10}$",
    "PND": r"^[0-9]{4}10[0-9]{10}$",
    "AO": r"^[0-9]{4}(01|02|03)[0-9]{10}$",
    "gemeente": r"^[0-9]{4}$",
    "object": r"^[0-9]{4}(?:01|02|03|10|20|30)[0-9]{10}$|^[0-9]{3}[1-9]$|^[0-9]{2}[1-9][0-9]$"
    r"|^[0-9][1-9][0-9]{2}$|^[1-9][0-9]{3}$",
    "adres": r"^[0-9]{16}$",
    "postcode": r"^[1-9]{1}[0-9]{3}[a-zA-Z]{2}$",
    "huisletter": r"^[a-zA-Z]{1}$",
    "huisnummertoevoeging": r"^[0-9a-zA-Z]{1,4}$",
}
_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIJDSTIP = re.compile(
    r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE
)

#: The titles of the combination problems (foutafhandeling.feature).
_TITELS = {
    "paramsRequired": "Ten minste één parameter moet worden opgegeven.",
    "paramsCombination": "Minimale combinatie van parameters moet worden opgegeven.",
    "unsupportedCombination": "De combinatie van opgegeven parameters is niet toegestaan.",
}
EXPAND_REASON = "Deel van de parameterwaarde niet correct: {waarde}."
PAGE_REASON = "De opgegeven pagina bestaat niet."
TIJDREIZEN = ("geldigOp", "beschikbaarOp")
PAGINERING = ("page", "pageSize")


@dataclass(frozen=True, slots=True)
class Pagina:
    """Which page of a collection is asked: its number (from 1) and size."""

    nummer: int = 1
    grootte: int = 20


@dataclass(frozen=True, slots=True)
class Adresvraag:
    """A question for addresses or nummeraanduidingen, as read from its parameters."""

    postcode: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    exact: bool = False
    adresseerbaar_object: str | None = None
    woonplaats_naam: str | None = None
    openbare_ruimte_naam: str | None = None
    openbare_ruimte: str | None = None
    pand: str | None = None
    zoekresultaat: str | None = None
    expand: frozenset[str] = field(default_factory=frozenset)
    pagina: Pagina = field(default_factory=Pagina)


def combinatie(code: str, detail: str) -> Problem:
    """A 400 problem about the combination of parameters (``code`` one of :data:`_TITELS`)."""
    return Problem(status=400, title=_TITELS[code], code=code, detail=detail)


class Parameters(Queryparameters):
    """The query parameters of a BAG request, with the kinds of value the BAG's document declares."""

    def tekst(self, name: str, patroon: str | None = None, *, maximum: int | None = None) -> str | None:
        """A text parameter, checked against ``patroon`` (a key of :data:`PATRONEN`, or the name
        pattern) and its length."""
        value = self.waarden.get(name)
        if value is None:
            return None
        if not value:
            self.weiger(name, "minLength", minLength=1)
        elif maximum is not None and len(value) > maximum:
            self.weiger(name, "maxLength", maxLength=maximum)
        elif patroon == "naam" and not _NAAM.fullmatch(value):
            self.weiger(name, "pattern", pattern=_NAAM_PATROON)
        elif patroon not in (None, "naam") and not re.fullmatch(PATRONEN[patroon], value):
            self.weiger(name, "pattern", pattern=PATRONEN[patroon])
        else:
            return value
        return None

    def pad(self, name: str, value: str, objecttype: str) -> str:
        """A path parameter naming an object (see :func:`identificatie`); an error is collected."""
        try:
            return identificatie(name, value, objecttype)
        except Problem as problem:
            self.fouten.extend(problem.invalid_params)
            return value

    def naam(self, name: str) -> str | None:
        """A name (of a woonplaats or openbare ruimte): 1 to 80 characters of the BAG's set."""
        return self.tekst(name, "naam", maximum=80)

    def datum(self, name: str) -> str | None:
        """A date parameter ``YYYY-MM-DD``."""
        value = self.waarden.get(name)
        if value is None:
            return None
        try:
            if _DATUM.fullmatch(value):
                return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
        self.weiger(name, "date")
        return None

    def moment(self, name: str) -> str | None:
        """A date-time parameter, as a BAG moment in Dutch local time: seconds and milliseconds may
        be left out (``:00``, ``.000``), more digits are cut to milliseconds, an offset is converted."""
        value = self.waarden.get(name)
        if value is None:
            return None
        match = _TIJDSTIP.fullmatch(value)
        if match:
            day, hour, minute, second, fraction, offset = match.groups()
            text = f"{day}T{hour}:{minute}:{second or '00'}.{(fraction or '').ljust(3, '0')[:3]}"
            try:
                parsed = datetime.fromisoformat(text + (_offset(offset) if offset else ""))
            except ValueError:
                parsed = None
            if parsed is not None:
                return tijdstip(parsed) if offset else text
        self.weiger(name, "dateTime")
        return None

    def tijdvraag(self, moment: datetime | None = None) -> Moment:
        """The moment the question is about (``geldigOp``, ``beschikbaarOp``; now when not given)."""
        now = nu(moment)
        geldig_op = self.datum("geldigOp")
        beschikbaar_op = self.moment("beschikbaarOp")
        return Moment(
            geldig_op or now.geldig_op,
            beschikbaar_op or now.beschikbaar_op,
            gegeven=bool(self.given(*TIJDREIZEN)),
        )

    def pagina(self) -> Pagina:
        """The page asked (``page``, ``pageSize``)."""
        return Pagina(self.geheel("page", 1) or 1, self.geheel("pageSize", 10, 100) or 20)

    def expand(self, toegestaan: Sequence[str]) -> frozenset[str]:
        """The relations to embed: ``true`` (all of ``toegestaan``) or a comma-separated list of
        their names (in any case); an unknown or empty name is refused, naming it."""
        value = self.waarden.get("expand")
        if value is None or value.lower() == "false":
            return frozenset()
        if value.lower() == "true":
            return frozenset(toegestaan)
        known = {name.lower(): name for name in toegestaan}
        chosen: set[str] = set()
        for part in value.split(","):
            name = known.get(part.strip().lower())
            if name is None:
                self.fouten.append(InvalidParam("expand", "expand", EXPAND_REASON.format(waarde=part.strip())))
            else:
                chosen.add(name)
        return frozenset(chosen)


def _offset(offset: str) -> str:
    if offset.upper() == "Z":
        return "+00:00"
    return offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"


def identificatie(name: str, value: str, objecttype: str) -> str:
    """A path parameter naming an object of ``objecttype`` (``AO``: an adresseerbaar object,
    ``adres``: a nummeraanduiding of an address): 16 digits (4 for a woonplaats), by its pattern."""
    length = 4 if objecttype in ("WPL", "gemeente") else 16
    if len(value) < length:
        raise bad_request([InvalidParam.of(name, "minLength", minLength=length)])
    if len(value) > length:
        raise bad_request([InvalidParam.of(name, "maxLength", maxLength=length)])
    if not re.fullmatch(PATRONEN[objecttype], value) or value == "0000":
        raise bad_request([InvalidParam.of(name, "pattern", pattern=PATRONEN[objecttype])])
    return value


def zonder_tijdreizen(parameters: Parameters, waar: str) -> None:
    """Refuse ``geldigOp``/``beschikbaarOp`` where there is no time travel (``waar``: the endpoint)."""
    given = parameters.given(*TIJDREIZEN)
    if given:
        raise combinatie("unsupportedCombination", f"{' en '.join(given)} kan niet worden gebruikt bij {waar}.")


def huidig(parameters: Parameters) -> bool:
    """``huidig``, refused together with time travel."""
    value = parameters.boolean("huidig")
    if value and parameters.given(*TIJDREIZEN):
        raise combinatie(
            "unsupportedCombination", "huidig kan niet worden gebruikt samen met geldigOp of beschikbaarOp."
        )
    return value


def page_beyond(pagina: Pagina, total: int) -> Problem | None:
    """The 400 problem for a page after the last (page 1 of nothing exists), if so."""
    last = max(1, -(-total // pagina.grootte))
    if pagina.nummer <= last:
        return None
    return bad_request([InvalidParam("page", "page", PAGE_REASON)])


def address_question(parameters: Parameters, expand: tuple[str, ...]) -> Adresvraag:
    """The parameters shared by the address and nummeraanduiding searches."""
    return Adresvraag(
        postcode=parameters.tekst("postcode", "postcode"),
        huisnummer=parameters.geheel("huisnummer", 1, 99999),
        huisletter=parameters.tekst("huisletter", "huisletter"),
        huisnummertoevoeging=parameters.tekst("huisnummertoevoeging", "huisnummertoevoeging"),
        exact=parameters.boolean("exacteMatch"),
        woonplaats_naam=parameters.naam("woonplaatsNaam"),
        openbare_ruimte_naam=parameters.naam("openbareRuimteNaam"),
        expand=parameters.expand(expand),
        pagina=parameters.pagina(),
    )


#: The ways to search addresses and nummeraanduidingen: a form and the parameters that name it.
_VORMEN = {
    "zoekresultaat": ("zoekresultaatIdentificatie",),
    "postcode": ("postcode",),
    "object": ("adresseerbaarObjectIdentificatie",),
    "straat": ("woonplaatsNaam", "openbareRuimteNaam"),
    "openbareRuimte": ("openbareRuimteIdentificatie",),
    "pand": ("pandIdentificatie",),
}
_NUMMERDELEN = ("huisnummer", "huisletter", "huisnummertoevoeging")


def zoekvorm(parameters: Parameters) -> str:
    """Which way of searching the parameters name; refuses none, an incomplete and a double one."""
    forms = [form for form, names in _VORMEN.items() if parameters.given(*names)]
    if not forms and not parameters.given(*_NUMMERDELEN):
        raise combinatie("paramsRequired", "Geef bijvoorbeeld postcode en huisnummer.")
    if not forms:
        raise combinatie("paramsCombination", "Geef bij een huisnummer ook een postcode, of woonplaats en straat.")
    if len(forms) > 1:
        names = ", ".join(name for form in forms for name in parameters.given(*_VORMEN[form]))
        raise combinatie("unsupportedCombination", f"Deze parameters gaan niet samen: {names}.")
    form = forms[0]
    complete = {
        "postcode": ("postcode", "huisnummer"),
        "straat": ("woonplaatsNaam", "openbareRuimteNaam", "huisnummer"),
    }.get(form, ())
    missing = [name for name in complete if not parameters.given(name)]
    if missing:
        raise combinatie("paramsCombination", f"Geef ook {', '.join(missing)}.")
    if form not in ("postcode", "straat") and parameters.given(*_NUMMERDELEN):
        given = ", ".join(parameters.given(*_NUMMERDELEN))
        raise combinatie("unsupportedCombination", f"{given} kan alleen samen met postcode, of woonplaats en straat.")
    return form


def openbare_ruimte_vorm(parameters: Parameters, vraag: Adresvraag) -> None:
    """Refuse an openbare ruimte search that names too little or too much."""
    given = parameters.given("woonplaatsNaam", "woonplaatsIdentificatie", "openbareRuimteNaam")
    if not given:
        raise combinatie("paramsRequired", "Geef woonplaatsIdentificatie, of woonplaats en openbareRuimteNaam.")
    if "woonplaatsNaam" in given and "woonplaatsIdentificatie" in given:
        raise combinatie("unsupportedCombination", "Geef woonplaatsNaam of woonplaatsIdentificatie, niet beide.")
    if given in (["openbareRuimteNaam"], ["woonplaatsNaam"]):
        raise combinatie("paramsCombination", "Geef woonplaatsNaam en openbareRuimteNaam samen.")
    if given == ["woonplaatsIdentificatie"] and vraag.expand:
        raise combinatie(
            "unsupportedCombination", "expand kan niet worden gebruikt bij zoeken met alleen een woonplaats."
        )


def punt(body: object, crs_naam: str) -> tuple[float, float]:
    """The point of a search body: a GeoJSON ``Point`` (the document's ``Point``) in ``crs_naam``
    (RD: x, y; ETRS89: latitude, longitude), as RD, inside the RD domain. Anything else is a 400
    naming the member at fault."""
    if not isinstance(body, dict):
        raise bad_request([InvalidParam.of("body", "object")])
    fouten = []
    if body.get("type") != "Point":
        fouten.append(InvalidParam.of("type", "enum"))
    coordinates = body.get("coordinates")
    if not isinstance(coordinates, list) or not 2 <= len(coordinates) <= 3:
        fouten.append(InvalidParam("coordinates", "array", "Geef een punt als [x, y] of [x, y, z]."))
    elif not all(isinstance(value, int | float) and not isinstance(value, bool) for value in coordinates) or not all(
        math.isfinite(value) for value in coordinates
    ):
        fouten.append(InvalidParam.of("coordinates", "number"))
    if fouten:
        raise bad_request(fouten)
    assert isinstance(coordinates, list)
    first, second = float(coordinates[0]), float(coordinates[1])
    if crs_naam == stelsels.ETRS89:
        low_phi, low_lam, high_phi, high_lam = stelsels.ETRS89_GEBIED
        if not (low_phi <= first <= high_phi and low_lam <= second <= high_lam):
            raise bad_request(
                [InvalidParam("coordinates", "value", "Het punt ligt buiten Nederland (ETRS89: breedte, lengte).")]
            )
        first, second = stelsels.naar_rd(first, second)
    low_x, low_y, high_x, high_y = stelsels.RD_GEBIED
    if not (low_x <= first <= high_x and low_y <= second <= high_y):
        raise bad_request([InvalidParam("coordinates", "value", "Het punt ligt buiten het gebied van RD (x, y).")])
    return first, second
