# SPDX-License-Identifier: EUPL-1.2
"""Material validity: "as of" and period questions over voorkomens that hold from a day until a day.

A registry records when a fact held in reality: a voorkomen is valid from its begin (inclusive)
until its end (exclusive), an absent end meaning it still holds. :func:`geldig_op` and
:func:`overlapt` answer the two basic questions for any comparable day (a :class:`~datetime.date`,
or an ISO date string as the BAG keeps it).

The BRP records days that may be partly unknown (``JJJJMMDD`` with ``00`` for the unknown month
or day, ``00000000`` for a wholly unknown day). Such a day is an :class:`Overgang`: a change that
took effect at the earliest on ``vroegst`` and has certainly taken effect from ``zeker`` on (a
known day: both that day; a month: its first day and the first day of the next month). A
:class:`Geldigheid` runs from one such change to the next, so that on a given day it holds for
certain (:attr:`Zekerheid.ZEKER`), possibly (``MOGELIJK``: the day lies in an uncertainty period)
or not. :func:`samenstellingen` cuts a :class:`Periode` into the stretches in which the same keys
hold, each with those holding for certain and those holding possibly: who lived at an address in
a period, as BRP Bewoning answers it. No framework here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum
from itertools import pairwise
from typing import Any, Generic, Protocol, TypeVar

#: The unbounded past and future, as days (an unknown begin, an end that has not come).
VERLEDEN = date.min
TOEKOMST = date.max


class _Vergelijkbaar(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...
    def __le__(self, other: Any, /) -> bool: ...


D = TypeVar("D", bound=_Vergelijkbaar)
K = TypeVar("K", bound=Hashable)


def geldig_op(van: D, tot: D | None, op: D) -> bool:
    """Whether a voorkomen valid from ``van`` until ``tot`` (exclusive; ``None``: still valid) holds on ``op``."""
    return van <= op and (tot is None or op < tot)


def overlapt(van: D, tot: D | None, andere_van: D, andere_tot: D | None) -> bool:
    """Whether two validities (each from ``van`` until ``tot`` exclusive, ``None``: open) share a day."""
    return (andere_tot is None or van < andere_tot) and (tot is None or andere_van < tot)


def volgende_dag(dag: date) -> date:
    """The day after ``dag`` (the unbounded future stays so)."""
    return dag if dag == TOEKOMST else dag + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Periode:
    """The days from ``van`` until ``tot`` (exclusive); empty when ``tot`` is not after ``van``."""

    van: date
    tot: date

    @classmethod
    def dag(cls, dag: date) -> Periode:
        """The one day ``dag``."""
        return cls(dag, volgende_dag(dag))

    @property
    def leeg(self) -> bool:
        """Whether the period holds no day."""
        return self.tot <= self.van

    def bevat(self, dag: date) -> bool:
        """Whether ``dag`` lies in the period."""
        return self.van <= dag < self.tot

    def overlapt(self, andere: Periode) -> bool:
        """Whether the periods share a day."""
        return not self.leeg and not andere.leeg and self.van < andere.tot and andere.van < self.tot


@dataclass(frozen=True, slots=True)
class Overgang:
    """A change (the begin or end of a validity) whose day may be partly unknown: it took effect at
    the earliest on ``vroegst`` and certainly from ``zeker`` on."""

    vroegst: date
    zeker: date

    @classmethod
    def op(cls, dag: date) -> Overgang:
        """A change on a known day."""
        return cls(dag, dag)

    @classmethod
    def onbekend(cls) -> Overgang:
        """A change on a wholly unknown day."""
        return cls(VERLEDEN, TOEKOMST)

    @property
    def is_exact(self) -> bool:
        """Whether its day is known."""
        return self.vroegst == self.zeker

    def niet_voor(self, dag: date) -> Overgang:
        """The same change, known not to have taken effect before ``dag``."""
        vroegst = max(self.vroegst, dag)
        return Overgang(vroegst, max(self.zeker, vroegst))


def eerste(*overgangen: Overgang | None) -> Overgang | None:
    """Whichever of the changes comes first, as far as known: the earliest possible and the earliest
    certain day (``None`` for none)."""
    given = [item for item in overgangen if item is not None]
    if not given:
        return None
    return Overgang(min(item.vroegst for item in given), min(item.zeker for item in given))


def uit_gba_datum(waarde: str | None) -> Overgang | None:
    """The change on a GBA day ``JJJJMMDD`` (``00`` for an unknown month or day, ``00000000`` for an
    unknown day); ``None`` for a value that is no such day."""
    if waarde is None or len(waarde) != 8 or not waarde.isascii() or not waarde.isdigit():
        return None
    jaar, maand, dag = int(waarde[:4]), int(waarde[4:6]), int(waarde[6:])
    if jaar == 0:
        return Overgang.onbekend() if maand == 0 and dag == 0 else None
    if maand == 0:
        return Overgang(date(jaar, 1, 1), _jaar_na(jaar)) if dag == 0 else None
    if maand > 12:
        return None
    eerste_dag = date(jaar, maand, 1)
    volgende_maand = date(jaar + 1, 1, 1) if maand == 12 else date(jaar, maand + 1, 1)
    if dag == 0:
        return Overgang(eerste_dag, volgende_maand)
    if dag > (volgende_maand - eerste_dag).days:
        return None
    return Overgang.op(date(jaar, maand, dag))


def _jaar_na(jaar: int) -> date:
    return TOEKOMST if jaar >= TOEKOMST.year else date(jaar + 1, 1, 1)


class Zekerheid(IntEnum):
    """Whether a validity holds on a day: not, possibly or for certain (in that order)."""

    NIET = 0
    MOGELIJK = 1
    ZEKER = 2


@dataclass(frozen=True, slots=True)
class Geldigheid:
    """A validity from the change ``begin`` until the change ``einde`` (``None``: still holding)."""

    begin: Overgang
    einde: Overgang | None = None

    @property
    def mogelijk(self) -> Periode:
        """The days on which it may hold: from its earliest begin until its certain end."""
        return Periode(self.begin.vroegst, self.einde.zeker if self.einde else TOEKOMST)

    @property
    def zeker(self) -> Periode:
        """The days on which it holds for certain (possibly none): from its certain begin until its
        earliest end."""
        return Periode(self.begin.zeker, self.einde.vroegst if self.einde else TOEKOMST)

    def op(self, dag: date) -> Zekerheid:
        """Whether it holds on ``dag``."""
        if self.zeker.bevat(dag):
            return Zekerheid.ZEKER
        return Zekerheid.MOGELIJK if self.mogelijk.bevat(dag) else Zekerheid.NIET


@dataclass(frozen=True, slots=True)
class Samenstelling(Generic[K]):
    """A stretch of a period in which the same keys hold: those holding for certain and those holding
    possibly (and not for certain), each in the order they were given."""

    periode: Periode
    zeker: tuple[K, ...]
    mogelijk: tuple[K, ...]


def samenstellingen(items: Iterable[tuple[K, Geldigheid]], periode: Periode) -> list[Samenstelling[K]]:
    """``periode`` cut into the stretches in which the same keys hold (a key may come with several
    validities: it holds as surely as the surest of them), leaving out the stretches in which none
    does; in order of time. One sweep over the days on which some validity begins or ends to hold."""
    gegeven = [(key, geldigheid) for key, geldigheid in items if geldigheid.mogelijk.overlapt(periode)]
    volgorde = {key: index for index, key in enumerate(dict.fromkeys(key for key, _ in gegeven))}
    per_dag = _wisselingen(gegeven, periode)
    stand: dict[K, list[int]] = {}  # key → how many of its validities hold possibly, and certainly
    result: list[Samenstelling[K]] = []
    for van, tot in pairwise(sorted({periode.van, periode.tot, *per_dag})):
        for key, mogelijk, zeker in per_dag.get(van, ()):
            tellers = stand.setdefault(key, [0, 0])
            tellers[0] += mogelijk
            tellers[1] += zeker
        zeker_nu = _met((key for key, (_m, z) in stand.items() if z > 0), volgorde)
        mogelijk_nu = _met((key for key, (m, z) in stand.items() if m > 0 and z == 0), volgorde)
        _voeg_toe(result, Samenstelling(Periode(van, tot), zeker_nu, mogelijk_nu))
    return result


def _wisselingen(gegeven: Iterable[tuple[K, Geldigheid]], periode: Periode) -> dict[date, list[tuple[K, int, int]]]:
    """Per day of ``periode``, the changes in how the keys hold from that day on: (key, +1/-1 possibly,
    +1/-1 certainly); a validity that began before the period counts from its first day."""
    per_dag: dict[date, list[tuple[K, int, int]]] = {}
    for key, geldigheid in gegeven:
        delen = [(geldigheid.mogelijk, 1, 0), *([] if geldigheid.zeker.leeg else [(geldigheid.zeker, 0, 1)])]
        for deel, mogelijk, zeker in delen:
            if not deel.overlapt(periode):
                continue
            per_dag.setdefault(max(deel.van, periode.van), []).append((key, mogelijk, zeker))
            if deel.tot < periode.tot:
                per_dag.setdefault(deel.tot, []).append((key, -mogelijk, -zeker))
    return per_dag


def _met(keys: Iterable[K], volgorde: Mapping[K, int]) -> tuple[K, ...]:
    """``keys`` in the order they were given."""
    return tuple(sorted(keys, key=volgorde.__getitem__))


def _voeg_toe(result: list[Samenstelling[K]], stuk: Samenstelling[K]) -> None:
    """Add a stretch to ``result``: joined to the previous one when the same keys hold, left out when none does."""
    vorige = result[-1] if result else None
    if (
        vorige is not None
        and vorige.periode.tot == stuk.periode.van
        and (vorige.zeker, vorige.mogelijk)
        == (
            stuk.zeker,
            stuk.mogelijk,
        )
    ):
        result[-1] = Samenstelling(Periode(vorige.periode.van, stuk.periode.tot), stuk.zeker, stuk.mogelijk)
    elif stuk.zeker or stuk.mogelijk:
        result.append(stuk)
