# SPDX-License-Identifier: EUPL-1.2
"""Domain errors: what a service raises when it cannot do what was asked.

Services know nothing of HTTP: they raise one of these, with a Dutch message for people. The API
turns them into problem+json in one place (:func:`opengdi.kernel.problems.install_problem_handlers`:
404, 409, 400 with ``invalidParams``, 403); the command line prints the message on one line.

- :class:`NietGevonden` — what the request is about does not exist (404 ``notFound``);
- :class:`Conflict` — the request contradicts what is stored, e.g. a key that is taken (409);
- :class:`OngeldigeInvoer` — input the service refuses, naming each parameter (400 ``paramsValidation``);
- :class:`Geweigerd` — the request is understood and refused, e.g. not in this deployment (403).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opengdi.kernel.problems import InvalidParam


class DomeinFout(Exception):  # noqa: N818 - the Dutch domain word
    """A use case that cannot be done; ``str()`` is the Dutch message, ``code`` a stable code."""

    #: The default Haal Centraal style title and code of the answer (a subclass or caller may refine them).
    titel = "Het verzoek kan niet worden uitgevoerd."
    code = "domainError"

    def __init__(self, bericht: str, *, titel: str | None = None, code: str | None = None) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        if titel is not None:
            self.titel = titel
        if code is not None:
            self.code = code


class NietGevonden(DomeinFout):
    """What the request is about does not exist."""

    titel = "Opgevraagde resource bestaat niet."
    code = "notFound"


class Conflict(DomeinFout):
    """The request contradicts what is stored (a taken key, a population already seeded)."""

    titel = "Het verzoek is in strijd met de opgeslagen gegevens."
    code = "conflict"


class OngeldigeInvoer(DomeinFout):
    """Input the service refuses; ``parameters`` names each offending parameter."""

    titel = "Een of meerdere parameters zijn niet correct."
    code = "paramsValidation"

    def __init__(self, parameters: Sequence[InvalidParam], bericht: str | None = None) -> None:
        self.parameters = tuple(parameters)
        names = ", ".join(dict.fromkeys(param.name for param in self.parameters))
        super().__init__(bericht or f"De foutieve parameter(s) zijn: {names}.")


class Geweigerd(DomeinFout):
    """The request is understood and refused (not allowed here, not for this caller)."""

    titel = "Het verzoek is geweigerd."
    code = "refused"
