# SPDX-License-Identifier: EUPL-1.2
"""Autorisatiebesluiten: may this afnemer do this operation on these data for this purpose?

An afnemer may hold several grants per building block, each for one purpose (doelbinding): which
operations (``*`` for all), which data elements (fields paths; ``*`` for all; a path grants all
below it) and which restrictions of the kinds the building block declares (for the BRP
``gemeenteVanInschrijving``: only the inhabitants of one municipality). A request is allowed when
one grant covers all of it: the operation, the data elements asked for and the data elements its
search parameters reveal (a parameter needs the same permission as the data it filters on);
otherwise the refusal names what is not allowed. The restrictions go to the building block in the
:class:`Besluit`; the block applies them. Pure rules: the grants and the declared kinds of
restriction are passed in.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from opengdi.kernel.catalogus import Catalogus
from opengdi.kernel.problems import InvalidParam
from opengdi.kernel.toegang import EIGEN, Beperkingsoort, Besluit, Toegangsvraag, Zoekparameter

ALLES = "*"


@dataclass(frozen=True, slots=True)
class Grant:
    """One autorisatiebesluit of an afnemer."""

    id: int
    bouwsteen: str
    doelbinding: str
    omschrijving: str
    operaties: frozenset[str]
    velden: tuple[str, ...]
    beperkingen: Mapping[str, str] = field(default_factory=dict)

    def allows_operation(self, operatie: str) -> bool:
        """Whether the grant allows ``operatie``."""
        return ALLES in self.operaties or operatie in self.operaties

    def uncovered(self, velden: Collection[str]) -> list[str]:
        """The asked data elements this grant does not cover."""
        if ALLES in self.velden:
            return []
        return sorted(veld for veld in velden if not any(_covers(granted, veld) for granted in self.velden))

    def uncovered_parameters(self, parameters: Collection[Zoekparameter]) -> list[str]:
        """The names of the search parameters whose revealed data elements this grant does not cover.
        A restriction is named after the data element it restricts (the BRP's
        ``gemeenteVanInschrijving``): whoever is limited to one value of it knows that value of
        everyone it can find, so its grant covers the element as a parameter (not as a field)."""
        known = set(self.beperkingen)
        return sorted(parameter.naam for parameter in parameters if self.uncovered(parameter.gegevens - known))


def _covers(granted: str, veld: str) -> bool:
    return veld == granted or veld.startswith(granted + ".")


class OngeldigBesluit(ValueError):  # noqa: N818 - Dutch domain name
    """An autorisatiebesluit that names a building block, operation or data element that is not declared."""

    def __init__(self, errors: list[InvalidParam]) -> None:
        super().__init__(" ".join(error.reason for error in errors))
        self.errors = errors


def check_grant(catalogus: Catalogus, scope: str, operaties: Sequence[str], velden: Sequence[str]) -> None:
    """Refuse a grant (:class:`OngeldigBesluit`, naming each wrong member by its position) unless its
    building block (scope), operations and data elements are declared in ``catalogus``."""
    if scope not in catalogus.scopes:
        reason = f"Onbekende bouwsteen '{scope}'; bekend zijn: {', '.join(sorted(catalogus.scopes))}."
        raise OngeldigBesluit([InvalidParam("bouwsteen", "enum", reason)])
    declared = catalogus.operaties(scope)
    errors = [
        InvalidParam(
            f"operaties[{index}]",
            "enum",
            f"Onbekende operatie '{operatie}' van bouwsteen '{scope}'; bekend zijn: {', '.join(declared)}.",
        )
        for index, operatie in enumerate(operaties)
        if operatie != ALLES and operatie not in declared
    ]
    gegevens = catalogus.gegevens(scope, operaties)
    errors.extend(
        InvalidParam(f"velden[{index}]", "enum", _unknown_field(veld, scope, gegevens))
        for index, veld in enumerate(velden)
        if veld != ALLES and veld not in gegevens
    )
    if errors:
        raise OngeldigBesluit(errors)


def _unknown_field(veld: str, scope: str, gegevens: Collection[str]) -> str:
    if not gegevens:
        return f"Bouwsteen '{scope}' kent voor deze operaties geen afzonderlijke gegevens; gebruik '*'."
    return f"Onbekend gegeven '{veld}' voor bouwsteen '{scope}' en deze operaties."


class Weigering(Exception):  # noqa: N818 - a refusal, answered as 403
    """Why a request is refused: a Haal Centraal error code, title and a Dutch detail."""

    def __init__(self, code: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.title = title
        self.detail = detail


GEEN_OPERATIE = "U bent niet geautoriseerd voor deze operatie."
GEEN_VELDEN = "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden."
GEEN_PARAMETERS = "U bent niet geautoriseerd voor de gebruikte parameter(s)."


def decide(grants: Sequence[Grant], vraag: Toegangsvraag, *, doelbinding: str | None) -> Besluit:
    """The permission for ``vraag``, or a :class:`Weigering` naming what is not allowed."""
    candidates = [grant for grant in grants if grant.bouwsteen == vraag.bouwsteen]
    if not candidates:
        raise Weigering("autorisation", GEEN_OPERATIE, f"Er is geen autorisatiebesluit voor '{vraag.bouwsteen}'.")
    if doelbinding:
        candidates = [grant for grant in candidates if grant.doelbinding == doelbinding]
        if not candidates:
            raise Weigering(
                "autorisation",
                GEEN_OPERATIE,
                f"Er is geen autorisatiebesluit voor '{vraag.bouwsteen}' met doelbinding '{doelbinding}'.",
            )
    allowed = [grant for grant in candidates if grant.allows_operation(vraag.operatie)]
    if not allowed:
        raise Weigering(
            "autorisation", GEEN_OPERATIE, f"De operatie '{vraag.operatie}' valt buiten het autorisatiebesluit."
        )
    searchable = _covering_parameters(allowed, vraag.parameters)
    complete = [grant for grant in searchable if not grant.uncovered(vraag.velden)]
    if not complete:
        missing = min((_refused_names(grant, vraag) for grant in searchable), key=len)
        raise Weigering(
            "unauthorizedField",
            GEEN_VELDEN,
            f"Niet geautoriseerd voor: {', '.join(missing[:20])}{' …' if len(missing) > 20 else ''}.",
        )
    purposes = sorted({grant.doelbinding for grant in complete})
    if len(purposes) > 1:
        raise Weigering(
            "autorisation",
            GEEN_OPERATIE,
            f"Meerdere doelbindingen mogelijk ({', '.join(purposes)}); geef er een op met de header x-doelbinding.",
        )
    grant = min(complete, key=lambda item: len(item.beperkingen))  # the least restricted
    return Besluit(
        doelbinding=grant.doelbinding,
        beperkingen=dict(grant.beperkingen),
        velden=_granted_fields([item for item in allowed if item.doelbinding == grant.doelbinding]),
    )


def _refused_names(grant: Grant, vraag: Toegangsvraag) -> list[str]:
    """What ``grant`` does not cover, named as the client asked it (a group or alias it wrote, not
    the elements below it) when the question says so."""
    if not vraag.gevraagd:
        return grant.uncovered(vraag.velden)
    return sorted(name for name, elementen in vraag.gevraagd if grant.uncovered(elementen))


def _covering_parameters(grants: Sequence[Grant], parameters: Collection[Zoekparameter]) -> list[Grant]:
    """The grants that cover every search parameter, or a refusal naming the parameters (those of the
    grant that misses fewest)."""
    covering = [grant for grant in grants if not grant.uncovered_parameters(parameters)]
    if not covering:
        missing = min((grant.uncovered_parameters(parameters) for grant in grants), key=len)
        raise Weigering(
            "unauthorizedParameter",
            GEEN_PARAMETERS,
            f"U bent niet geautoriseerd voor het gebruik van parameter(s): {', '.join(missing)}.",
        )
    return covering


def _granted_fields(grants: Sequence[Grant]) -> frozenset[str] | None:
    """The data elements ``grants`` allow together; ``None`` when one of them allows all."""
    if any(ALLES in grant.velden for grant in grants):
        return None
    return frozenset(veld for grant in grants for veld in grant.velden)


def scopes_of(grants: Sequence[Grant]) -> frozenset[str]:
    """The OAuth scopes an afnemer may ask: the building blocks it holds grants for."""
    return frozenset(grant.bouwsteen for grant in grants)


class OngeldigeBeperking(ValueError):  # noqa: N818 - Dutch domain name
    """A restriction in a new grant that its building block does not declare, or an invalid value."""

    def __init__(self, parameter: str, reason: str) -> None:
        super().__init__(reason)
        self.parameter = parameter


#: Per scope, the kinds of restriction its grants may carry (from the block declarations).
Beperkingsoorten = Mapping[str, Sequence[Beperkingsoort]]


def checked_beperkingen(
    bouwsteen: str,
    gegeven: Mapping[str, object],
    soorten: Beperkingsoorten,
    kenmerken: Mapping[str, str | None],
) -> dict[str, str]:
    """The restrictions of a new grant for ``bouwsteen``, checked against what the block declares,
    with :data:`EIGEN` resolved from the organisation's ``kenmerken`` (e.g. its gemeentecode).
    Raises :class:`OngeldigeBeperking` naming the offending restriction."""
    declared = {kind.naam: kind for kind in soorten.get(bouwsteen, ())}
    result: dict[str, str] = {}
    for naam, given in gegeven.items():
        parameter = f"beperkingen.{naam}"
        kind = declared.get(naam)
        if kind is None:
            known = ", ".join(sorted(declared)) or "geen"
            raise OngeldigeBeperking(parameter, f"Onbekende beperking voor bouwsteen '{bouwsteen}' (bekend: {known}).")
        value = _eigen(kind, kenmerken, parameter) if given == EIGEN else given
        if fout := kind.fout(value):
            raise OngeldigeBeperking(parameter, fout)
        result[naam] = str(value)
    return result


def _eigen(kind: Beperkingsoort, kenmerken: Mapping[str, str | None], parameter: str) -> str:
    if kind.van_organisatie is None:
        raise OngeldigeBeperking(parameter, f"De beperking {kind.naam} kent geen waarde '{EIGEN}'.")
    value = kenmerken.get(kind.van_organisatie)
    if not value:
        raise OngeldigeBeperking(parameter, f"Bij deze organisatie is geen {kind.van_organisatie} bekend.")
    return value


def eigen_gemeente(bouwsteen: str, soorten: Beperkingsoorten, parameter: str) -> dict[str, str]:
    """The shorthand "only its own inhabitants": every restriction of ``bouwsteen`` that takes its
    value from the organisation's gemeentecode, as :data:`EIGEN`."""
    result = {kind.naam: EIGEN for kind in soorten.get(bouwsteen, ()) if kind.van_organisatie == "gemeentecode"}
    if not result:
        raise OngeldigeBeperking(parameter, f"Bouwsteen '{bouwsteen}' kent geen beperking tot de eigen gemeente.")
    return result
