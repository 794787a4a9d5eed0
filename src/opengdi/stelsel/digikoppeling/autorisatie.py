# SPDX-License-Identifier: EUPL-1.2
"""Autorisatiebesluiten: may this afnemer do this operation on these data for this purpose?

An afnemer may hold several grants per building block, each for one purpose (doelbinding): which
operations (``*`` for all), which data elements (fields paths; ``*`` for all; a path grants all
below it) and whether only the inhabitants of its own municipality. A request is allowed when one
grant covers all of it; otherwise the refusal names what is not allowed. Pure rules: the grants
are passed in.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from opengdi.kernel.toegang import Besluit, Toegangsvraag

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
    alleen_eigen_gemeente: bool = False

    def allows_operation(self, operatie: str) -> bool:
        """Whether the grant allows ``operatie``."""
        return ALLES in self.operaties or operatie in self.operaties

    def uncovered(self, velden: Collection[str]) -> list[str]:
        """The asked data elements this grant does not cover."""
        if ALLES in self.velden:
            return []
        return sorted(veld for veld in velden if not any(_covers(granted, veld) for granted in self.velden))


def _covers(granted: str, veld: str) -> bool:
    return veld == granted or veld.startswith(granted + ".")


class Weigering(Exception):  # noqa: N818 - a refusal, answered as 403
    """Why a request is refused: a Haal Centraal error code, title and a Dutch detail."""

    def __init__(self, code: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.title = title
        self.detail = detail


GEEN_OPERATIE = "U bent niet geautoriseerd voor deze operatie."
GEEN_VELDEN = "U bent niet geautoriseerd voor één of meerdere opgegeven field waarden."


def decide(
    grants: Sequence[Grant], vraag: Toegangsvraag, *, doelbinding: str | None, gemeentecode: str | None
) -> Besluit:
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
    complete = [grant for grant in allowed if not grant.uncovered(vraag.velden)]
    if not complete:
        missing = min((grant.uncovered(vraag.velden) for grant in allowed), key=len)
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
    grant = complete[0]
    if grant.alleen_eigen_gemeente and not gemeentecode:
        raise Weigering(
            "autorisation",
            GEEN_OPERATIE,
            "Dit besluit geldt voor eigen inwoners, maar bij deze organisatie is geen gemeente bekend.",
        )
    return Besluit(
        doelbinding=grant.doelbinding,
        alleen_gemeente=gemeentecode if grant.alleen_eigen_gemeente else None,
        velden=_granted_fields([item for item in allowed if item.doelbinding == grant.doelbinding]),
    )


def _granted_fields(grants: Sequence[Grant]) -> frozenset[str] | None:
    """The data elements ``grants`` allow together; ``None`` when one of them allows all."""
    if any(ALLES in grant.velden for grant in grants):
        return None
    return frozenset(veld for grant in grants for veld in grant.velden)


def scopes_of(grants: Sequence[Grant]) -> frozenset[str]:
    """The OAuth scopes an afnemer may ask: the building blocks it holds grants for."""
    return frozenset(grant.bouwsteen for grant in grants)
