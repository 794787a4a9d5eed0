# SPDX-License-Identifier: EUPL-1.2
"""What the BSN-beheervoorziening's use cases answer with: a range (:class:`Reeks`), an issue
(:class:`Uitgifte`) and what it knows of one number (:class:`Nummerstatus`). Plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from opengdi.stelsel.bsn.nummers import als_tekst


def tijd(moment: datetime) -> str:
    """A moment as the API writes it: ISO 8601 in UTC, with ``Z``."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


class Status(StrEnum):
    """What the voorziening knows of a number."""

    ONGELDIG = "ongeldig"  # fails the 11-proef
    VRIJ = "vrij"  # valid, in no range, never issued, not known to be in use
    GERESERVEERD = "gereserveerd"  # in a reserved range, not issued (yet)
    UITGEGEVEN = "uitgegeven"  # issued by this voorziening
    IN_GEBRUIK = "inGebruik"  # in use (in the BRP) without having been issued here, e.g. a test person


@dataclass(frozen=True, slots=True)
class Reeks:
    """A range reserved for one organisation, and how far it has been used."""

    id: int
    aanvrager: str
    eerste: int
    laatste: int
    volgende: int
    omvang: int
    uitgegeven: int
    overgeslagen: int
    gereserveerd_op: datetime
    gereserveerd_door: str | None

    @property
    def resterend(self) -> int:
        """How many numbers of the range pass the 11-proef and were not passed yet (those among them
        that turn out to be in use are skipped when their turn comes)."""
        return self.omvang - self.uitgegeven - self.overgeslagen

    @property
    def uitgeput(self) -> bool:
        """Whether every number of the range was issued or skipped."""
        return self.volgende > self.laatste

    def as_json(self) -> dict[str, object]:
        """The range as the API shows it."""
        return {
            "id": self.id,
            "aanvrager": self.aanvrager,
            "eerste": als_tekst(self.eerste),
            "laatste": als_tekst(self.laatste),
            "omvang": self.omvang,
            "uitgegeven": self.uitgegeven,
            "overgeslagen": self.overgeslagen,
            "resterend": self.resterend,
            "gereserveerdOp": tijd(self.gereserveerd_op),
            **({"gereserveerdDoor": self.gereserveerd_door} if self.gereserveerd_door else {}),
        }


@dataclass(frozen=True, slots=True)
class Uitgifte:
    """One issue of numbers to one organisation (``burgerservicenummers`` empty when not asked)."""

    id: int
    aanvrager: str
    kenmerk: str | None
    aantal: int
    tijdstip: datetime
    burgerservicenummers: tuple[str, ...] = ()

    def as_json(self, *, nummers: bool = True) -> dict[str, object]:
        """The issue as the API shows it, with or without its numbers."""
        result: dict[str, object] = {"id": self.id, "aanvrager": self.aanvrager, "aantal": self.aantal}
        if self.kenmerk is not None:
            result["kenmerk"] = self.kenmerk
        result["tijdstip"] = tijd(self.tijdstip)
        if nummers:
            result["burgerservicenummers"] = list(self.burgerservicenummers)
        return result


@dataclass(frozen=True, slots=True)
class Nummerstatus:
    """What the voorziening knows of one number; ``uitgifte`` only when the caller may see it."""

    burgerservicenummer: str
    geldig: bool
    status: Status
    uitgifte: Uitgifte | None = None

    def as_json(self) -> dict[str, object]:
        """The validation as the API answers it."""
        result: dict[str, object] = {
            "burgerservicenummer": self.burgerservicenummer,
            "geldig": self.geldig,
            "status": self.status.value,
        }
        if self.uitgifte is not None:
            result["uitgifte"] = self.uitgifte.as_json(nummers=False)
        return result
