# SPDX-License-Identifier: EUPL-1.2
"""Lock-out after failed logins, with back-off. No framework here.

The first :data:`VRIJ` failed attempts in a row cost nothing; each one after locks the account for
twice as long as the one before, from :data:`EERSTE` up to :data:`LANGSTE`. A successful login
clears the count. While an account is locked, no password is even checked, so a guess in that time
tells nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

#: Failed attempts in a row that are free.
VRIJ = 3
#: How long the first lock lasts, and the longest.
EERSTE, LANGSTE = timedelta(minutes=1), timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Pogingen:
    """The failed attempts in a row of an account, and until when it is locked."""

    mislukt: int = 0
    geblokkeerd_tot: datetime | None = None

    def geblokkeerd(self, nu: datetime) -> bool:
        """Whether no login may be tried at ``nu``."""
        return self.geblokkeerd_tot is not None and nu < self.geblokkeerd_tot

    def na_mislukking(self, nu: datetime) -> Pogingen:
        """The state after one more failed attempt at ``nu``."""
        mislukt = self.mislukt + 1
        if mislukt <= VRIJ:
            return Pogingen(mislukt)
        duur = min(EERSTE * 2 ** (mislukt - VRIJ - 1), LANGSTE)
        return Pogingen(mislukt, nu + duur)

    def na_succes(self) -> Pogingen:
        """The state after a successful login."""
        return Pogingen()
