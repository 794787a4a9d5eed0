# SPDX-License-Identifier: EUPL-1.2
"""Problem details (RFC 7807) in the Haal Centraal shape, with Dutch texts.

Every error of every building block leaves the system as ``application/problem+json`` with
``type``, ``title``, ``status``, ``detail``, ``instance``, ``code`` and, for bad input,
``invalidParams`` (``name``, ``code``, ``reason``). Routes raise :class:`Problem`, services raise a
domain error (:mod:`opengdi.kernel.fouten`); the handlers installed by
:func:`install_problem_handlers` turn both into a response.

An API whose published interface writes its problems a little differently says so with a
:class:`Probleemstijl`: the BAG API Individuele Bevragingen calls the member ``invalid-params``,
gives every problem a ``detail`` and has the whole request URL as ``instance``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from opengdi.kernel import fouten

logger = logging.getLogger("opengdi.problems")

PROBLEM_JSON = "application/problem+json"

STATUS_TYPES = {
    400: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1",
    401: "https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
    403: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.3",
    404: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
    405: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.5",
    406: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.6",
    408: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.7",
    409: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.8",
    412: "https://datatracker.ietf.org/doc/html/rfc7232#section-4.2",
    413: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.11",
    415: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.13",
    429: "https://datatracker.ietf.org/doc/html/rfc6585#section-4",
    431: "https://datatracker.ietf.org/doc/html/rfc6585#section-5",
    500: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.1",
    501: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.2",
    503: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.6.4",
}

#: The Haal Centraal reason texts per validation code (foutmeldingen.json), with their placeholders.
REASONS = {
    "required": "Parameter is verplicht.",
    "unknownParam": "Parameter is niet verwacht.",
    "array": "Parameter is geen array.",
    "integer": "Waarde is geen geldige integer.",
    "number": "Waarde is geen geldig decimaal getal.",
    "boolean": "Waarde is geen geldige boolean.",
    "date": "Waarde is geen geldige datum.",
    "string": "Waarde is geen geldige string.",
    "object": "Waarde is geen geldig object.",
    "jsonObject": "Waarde is geen geldig JSON object.",
    "dateTime": "Waarde is geen geldig tijdstip.",
    "value": "Waarde is geen geldige {soort}.",
    "minimum": "Waarde is lager dan minimum {minimum}.",
    "maximum": "Waarde is hoger dan maximum {maximum}.",
    "minLength": "Waarde is korter dan minimale lengte {minLength}.",
    "maxLength": "Waarde is langer dan maximale lengte {maxLength}.",
    "minItems": "Array bevat minder dan {minItems} items.",
    "maxItems": "Array bevat meer dan {maxItems} items.",
    "pattern": "Waarde voldoet niet aan patroon {pattern}.",
    "enum": "Waarde heeft geen geldige waarde uit de enumeratie.",
    "table": "Waarde komt niet voor in de tabel.",
    "fields": "Deel van de parameterwaarde niet correct: {waarde}.",
    "wildcard": "Incorrect gebruik van wildcard karakter {wildcard}.",
}


@dataclass(frozen=True, slots=True)
class InvalidParam:
    """One offending parameter: its name (path), a stable code and a Dutch reason."""

    name: str
    code: str
    reason: str

    @classmethod
    def of(cls, name: str, code: str, **values: Any) -> InvalidParam:
        """An invalid parameter with the standard reason text for ``code``."""
        return cls(name=name, code=code, reason=REASONS[code].format(**values))

    def as_json(self) -> dict[str, str]:
        """The ``invalidParams`` entry."""
        return {"name": self.name, "code": self.code, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Probleemstijl:
    """How one API writes its problems (the default: the Haal Centraal shape).

    - ``invalid_params``: the name of the member listing the offending parameters;
    - ``detail_altijd``: every problem has a ``detail`` (the title when there is nothing more to say);
    - ``instance_url``: ``instance`` is the whole request URL, query included, rather than its path;
    - ``weergave``: for an API whose interface has an error shape of its own (the KvK's), how a
      problem is answered instead of as application/problem+json.
    """

    invalid_params: str = "invalidParams"
    detail_altijd: bool = False
    instance_url: bool = False
    weergave: Callable[[Problem], Response] | None = field(default=None, compare=False)

    def instance(self, url: str, path: str) -> str:
        """The ``instance`` of a problem answering the request to ``url`` (whose path is ``path``)."""
        return url if self.instance_url else path


#: The Haal Centraal shape, which every API has unless it declares another.
HAAL_CENTRAAL = Probleemstijl()


@dataclass(slots=True)
class Problem(Exception):  # noqa: N818 - the Haal Centraal name for an error answer
    """An error answer; raise it and the problem handler renders it."""

    status: int
    title: str
    code: str
    detail: str | None = None
    invalid_params: Sequence[InvalidParam] = field(default_factory=tuple)
    headers: dict[str, str] | None = None

    def as_json(self, instance: str, stijl: Probleemstijl = HAAL_CENTRAAL) -> dict[str, Any]:
        """The problem+json body for a request to ``instance``, written in ``stijl``."""
        body: dict[str, Any] = {
            "type": STATUS_TYPES.get(self.status, "about:blank"),
            "title": self.title,
            "status": self.status,
        }
        if self.detail or stijl.detail_altijd:
            body["detail"] = self.detail or self.title
        body["instance"] = instance
        body["code"] = self.code
        if self.invalid_params:
            body[stijl.invalid_params] = [param.as_json() for param in self.invalid_params]
        return body


def bad_request(invalid_params: Iterable[InvalidParam]) -> Problem:
    """The 400 answer for one or more invalid parameters (Haal Centraal ``paramsValidation``)."""
    params = list(invalid_params)
    names = ", ".join(dict.fromkeys(param.name for param in params))
    return Problem(
        status=400,
        title="Een of meerdere parameters zijn niet correct.",
        code="paramsValidation",
        detail=f"De foutieve parameter(s) zijn: {names}.",
        invalid_params=params,
    )


def not_found(detail: str) -> Problem:
    """The 404 answer."""
    return Problem(status=404, title="Opgevraagde resource bestaat niet.", code="notFound", detail=detail)


def forbidden(title: str, code: str = "autorisation", detail: str | None = None) -> Problem:
    """The 403 answer."""
    return Problem(status=403, title=title, code=code, detail=detail)


def problem_response(problem: Problem, instance: str, stijl: Probleemstijl = HAAL_CENTRAAL) -> Response:
    """Render ``problem`` as application/problem+json, in ``stijl`` (or as ``stijl`` renders it)."""
    if stijl.weergave is not None:
        return stijl.weergave(problem)
    return Response(
        content=orjson.dumps(problem.as_json(instance, stijl)),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=problem.headers,
    )


_PYDANTIC_CODES = {
    "missing": "required",
    "extra_forbidden": "unknownParam",
    "string_type": "string",
    "string_pattern_mismatch": "pattern",
    "string_too_short": "minLength",
    "string_too_long": "maxLength",
    "int_parsing": "integer",
    "int_type": "integer",
    "bool_parsing": "boolean",
    "bool_type": "boolean",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_type": "date",
    "datetime_parsing": "dateTime",
    "datetime_from_date_parsing": "dateTime",
    "datetime_type": "dateTime",
    "timezone_aware": "dateTime",
    "int_from_float": "integer",
    "float_parsing": "number",
    "float_type": "number",
    "list_type": "array",
    "too_short": "minItems",
    "too_long": "maxItems",
    "greater_than_equal": "minimum",
    "less_than_equal": "maximum",
    "enum": "enum",
    "literal_error": "enum",
    "json_invalid": "object",
    "json_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "dict_type": "object",
}

#: The sources of a parameter in FastAPI's error locations, which are not part of its name.
_SOURCES = ("body", "query", "path", "header", "cookie", "form")


def parameter_name(location: Sequence[str | int]) -> str:
    """The name of a parameter at ``location``, as Haal Centraal writes it: ``a.b[0].c``."""
    name = ""
    for part in location:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _validation_param(error: dict[str, Any]) -> InvalidParam:
    location = list(error.get("loc", ()))
    if location and location[0] in _SOURCES:
        location = location[1:]
    kind = str(error.get("type"))
    if kind == "json_invalid" or not location:
        # the body as a whole (its error location is a character position, which names nothing)
        return InvalidParam("body", "object", REASONS["jsonObject"])
    name = parameter_name(location)
    code = _PYDANTIC_CODES.get(kind, "value")
    context = error.get("ctx") or {}
    values = {
        "minimum": context.get("ge", ""),
        "maximum": context.get("le", ""),
        "minLength": context.get("min_length", ""),
        "maxLength": context.get("max_length", ""),
        "minItems": context.get("min_length", ""),
        "maxItems": context.get("max_length", ""),
        "pattern": context.get("pattern", ""),
        "waarde": "",
        "wildcard": "*",
        "soort": "waarde",
    }
    return InvalidParam.of(name, code, **values)


def _instance(request: Request, stijl: Probleemstijl) -> str:
    return stijl.instance(str(request.url), request.url.path)


def _validation_problem(exc: Exception) -> Problem:
    assert isinstance(exc, RequestValidationError)
    return bad_request(_validation_param(dict(error)) for error in exc.errors())


_HTTP_PROBLEMS = {
    404: ("Opgevraagde resource bestaat niet.", "notFound", "Er is geen resource op {path}."),
    405: ("Deze methode is niet toegestaan op deze resource.", "methodNotAllowed", "{method} kan niet op {path}."),
    406: ("Gevraagde content type wordt niet ondersteund.", "notAcceptable", None),
    408: ("Het verzoek is niet op tijd ontvangen.", "requestTimeout", "{detail}"),
    413: ("Verzoek is te groot.", "payloadTooLarge", None),
    415: ("Media Type wordt niet ondersteund.", "unsupportedMediaType", None),
}


def _http_problem(request: Request, exc: Exception) -> Problem:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 400:  # FastAPI could not read the body (not UTF-8, not a form)
        return bad_request([InvalidParam("body", "object", REASONS["jsonObject"])])
    title, code, detail = _HTTP_PROBLEMS.get(exc.status_code, ("Verzoek kon niet worden verwerkt.", "httpError", None))
    return Problem(
        status=exc.status_code,
        title=title,
        code=code,
        detail=detail.format(path=request.url.path, method=request.method, detail=exc.detail) if detail else None,
        headers=dict(exc.headers or {}),
    )


def _unexpected_problem(request: Request, exc: Exception) -> Problem:
    logger.exception("unexpected_error path=%s", request.url.path, exc_info=exc)
    return Problem(
        status=500,
        title="Interne server fout.",
        code="serverError",
        detail="Er is een onverwachte fout opgetreden; probeer het later opnieuw.",
    )


#: The status of each kind of domain error (the most specific class first).
_DOMAIN_STATUS: tuple[tuple[type[fouten.DomeinFout], int], ...] = (
    (fouten.NietGevonden, 404),
    (fouten.Conflict, 409),
    (fouten.OngeldigeInvoer, 400),
    (fouten.Geweigerd, 403),
)


def domain_problem(error: fouten.DomeinFout) -> Problem:
    """The problem+json answer to a domain error: the one place where they meet HTTP."""
    if isinstance(error, fouten.OngeldigeInvoer):
        problem = bad_request(error.parameters)
        problem.detail = error.bericht
        return problem
    status = next((status for kind, status in _DOMAIN_STATUS if isinstance(error, kind)), 400)
    return Problem(status=status, title=error.titel, code=error.code, detail=error.bericht)


def _as_problem(request: Request, exc: Exception) -> Problem:
    if isinstance(exc, Problem):
        return exc
    if isinstance(exc, fouten.DomeinFout):
        return domain_problem(exc)
    if isinstance(exc, RequestValidationError):
        return _validation_problem(exc)
    if isinstance(exc, StarletteHTTPException):
        return _http_problem(request, exc)
    return _unexpected_problem(request, exc)


def install_problem_handlers(app: FastAPI, stijl: Probleemstijl = HAAL_CENTRAAL) -> None:
    """Make every error of ``app`` an application/problem+json answer, written in ``stijl`` (which the
    app keeps as ``app.state.probleemstijl``, for whatever answers for it before it is reached)."""

    async def handle(request: Request, exc: Exception) -> Response:
        return problem_response(_as_problem(request, exc), _instance(request, stijl), stijl)

    app.state.probleemstijl = stijl
    for kind in (Problem, fouten.DomeinFout, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)


def parse_json_body(raw: bytes) -> Any:
    """The JSON of a request body, or a 400 problem naming the body."""
    try:
        return orjson.loads(raw) if raw.strip() else {}
    except orjson.JSONDecodeError as error:
        raise bad_request([InvalidParam("body", "object", REASONS["jsonObject"])]) from error
