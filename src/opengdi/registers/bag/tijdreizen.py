# SPDX-License-Identifier: EUPL-1.2
"""Which voorkomen of a BAG object answers a question: time travel, the levenscyclus, huidig.

The BAG keeps two kinds of time (see :mod:`~opengdi.registers.bag.model`): when a voorkomen held in
reality (``beginGeldigheid`` … ``eindGeldigheid``, dates) and when the Landelijke Voorziening knew
it (``tijdstipRegistratieLV``, and when it learnt of its end, of its inactivation or that it is no
BAG data, moments in Dutch local time). A question names a :class:`Moment`: a date (``geldigOp``)
and a moment of knowledge (``beschikbaarOp``), each ``now`` when not given, as the BAG API's
tijdreizen feature asks. A voorkomen answers it when it was known then, neither inactive nor
non-BAG by then, and valid on the date as far as was known then: an end counts only once it had
been registered.

The same rules decide which onderzoek marks (:class:`~opengdi.registers.bag.extract.KenmerkInOnderzoek`)
held at a moment, and the voorkomen path of the API (``/{versie}/{timestampRegistratieLv}``) names a
voorkomen by its number and the epoch milliseconds of its ``tijdstipRegistratieLV``. No framework here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from opengdi.kernel.geldigheid import geldig_op, overlapt
from opengdi.registers.bag.extract import KenmerkInOnderzoek, Voorkomen

#: The time zone of every BAG moment.
NEDERLAND = ZoneInfo("Europe/Amsterdam")

#: The statuses that end an object's life: ``huidig`` leaves out a voorkomen holding one.
EINDSTATUSSEN = frozenset(
    {
        "Woonplaats ingetrokken",
        "Naamgeving ingetrokken",
        "Plaats ingetrokken",
        "Niet gerealiseerd verblijfsobject",
        "Verblijfsobject ingetrokken",
        "Verblijfsobject ten onrechte opgevoerd",
        "Niet gerealiseerd pand",
        "Pand gesloopt",
        "Pand ten onrechte opgevoerd",
    }
)


@dataclass(frozen=True, slots=True)
class Moment:
    """The moment a question is about: ``geldig_op`` (``YYYY-MM-DD``) and ``beschikbaar_op``
    (``YYYY-MM-DDTHH:MM:SS.fff``, Dutch local time), and whether the client gave either (then the
    links of the answer carry both)."""

    geldig_op: str
    beschikbaar_op: str
    gegeven: bool = False


def tijdstip(moment: datetime) -> str:
    """A moment as the BAG writes it: ``YYYY-MM-DDTHH:MM:SS.fff`` in Dutch local time."""
    local = moment.astimezone(NEDERLAND) if moment.tzinfo else moment
    return local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}"


def nu(moment: datetime | None = None) -> Moment:
    """The moment of a question that names none: today, as known now."""
    now = (moment or datetime.now(NEDERLAND)).astimezone(NEDERLAND)
    return Moment(now.date().isoformat(), tijdstip(now))


def _known(voorkomen: Voorkomen | KenmerkInOnderzoek, moment: Moment) -> bool:
    return voorkomen.tijdstip_registratie_lv <= moment.beschikbaar_op


def _known_end(voorkomen: Voorkomen | KenmerkInOnderzoek, moment: Moment) -> str | None:
    """The end of the voorkomen's validity as known at ``beschikbaar_op`` (``None``: none known then)."""
    end_known = voorkomen.tijdstip_eind_registratie_lv
    if end_known is not None and end_known > moment.beschikbaar_op:
        return None
    return voorkomen.eind_geldigheid


def _valid_on(voorkomen: Voorkomen | KenmerkInOnderzoek, moment: Moment) -> bool:
    """Whether the voorkomen held on ``geldig_op``, as far as its end was known at ``beschikbaar_op``
    (the kernel's material validity, :func:`~opengdi.kernel.geldigheid.geldig_op`)."""
    return geldig_op(voorkomen.begin_geldigheid, _known_end(voorkomen, moment), moment.geldig_op)


def actief(voorkomen: Voorkomen, beschikbaar_op: str) -> bool:
    """Whether the voorkomen was part of the object's levenscyclus as known at ``beschikbaar_op``:
    not made inactive (a correction) and not marked as no BAG data by then."""
    return not any(
        mark is not None and mark <= beschikbaar_op
        for mark in (voorkomen.tijdstip_inactief_lv, voorkomen.tijdstip_niet_bag_lv)
    )


def geldig(voorkomen: Voorkomen, moment: Moment) -> bool:
    """Whether ``voorkomen`` answers a question about ``moment``."""
    return _known(voorkomen, moment) and actief(voorkomen, moment.beschikbaar_op) and _valid_on(voorkomen, moment)


def kies(voorkomens: Iterable[Voorkomen], moment: Moment) -> Voorkomen | None:
    """The voorkomen of one object that answers a question about ``moment``, if any (of several, the
    one the Landelijke Voorziening learnt of last)."""
    candidates = [voorkomen for voorkomen in voorkomens if geldig(voorkomen, moment)]
    return max(candidates, key=lambda item: (item.tijdstip_registratie_lv, item.voorkomenidentificatie), default=None)


def huidig(voorkomen: Voorkomen) -> bool:
    """Whether the voorkomen's status is no end status (the API's ``huidig``)."""
    return voorkomen.status not in EINDSTATUSSEN


def levenscyclus(voorkomens: Iterable[Voorkomen], *, geheel: bool, beschikbaar_op: str) -> list[Voorkomen]:
    """Every voorkomen of one object in order (by number, then by when it became known); without
    ``geheel`` only those still part of the levenscyclus (not inactive, no non-BAG data)."""
    chosen = [item for item in voorkomens if geheel or actief(item, beschikbaar_op)]
    return sorted(chosen, key=lambda item: (item.voorkomenidentificatie, item.tijdstip_registratie_lv))


def in_onderzoek(kenmerken: Iterable[KenmerkInOnderzoek], moment: Moment) -> list[KenmerkInOnderzoek]:
    """The onderzoek marks that held at ``moment`` and say the attribute is in onderzoek, by kenmerk."""
    held = [item for item in kenmerken if item.in_onderzoek and _known(item, moment) and _valid_on(item, moment)]
    return sorted(held, key=lambda item: (item.kenmerk, item.begin_geldigheid))


def in_onderzoek_tijdens(kenmerken: Iterable[KenmerkInOnderzoek], voorkomen: Voorkomen) -> list[KenmerkInOnderzoek]:
    """The marks in onderzoek whose period overlaps the voorkomen's (for the levenscyclus, where no
    one moment is asked)."""
    overlapping = [
        item
        for item in kenmerken
        if item.in_onderzoek
        and overlapt(item.begin_geldigheid, item.eind_geldigheid, voorkomen.begin_geldigheid, voorkomen.eind_geldigheid)
    ]
    return sorted(overlapping, key=lambda item: (item.kenmerk, item.begin_geldigheid))


def epoch_ms(moment: str) -> int:
    """The epoch milliseconds of a BAG moment (Dutch local time): the ``timestampRegistratieLv`` of
    the API's voorkomen path."""
    local = datetime.fromisoformat(moment).replace(tzinfo=NEDERLAND)
    return round(local.timestamp() * 1000)


def voorkomen_met(voorkomens: Sequence[Voorkomen], versie: int, timestamp_ms: int) -> Voorkomen | None:
    """The voorkomen named by a voorkomen path: its number and epoch milliseconds."""
    return next(
        (
            item
            for item in voorkomens
            if item.voorkomenidentificatie == versie and epoch_ms(item.tijdstip_registratie_lv) == timestamp_ms
        ),
        None,
    )
