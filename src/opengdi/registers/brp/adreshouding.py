# SPDX-License-Identifier: EUPL-1.2
"""Adreshoudingen: when a person lived at which adresseerbaar object, from the persoonslijst's history.

Every verblijfplaats voorkomen of category 08 (the actual one and the historical ones, 58) starts a
stay: at an address or location from its datum aanvang adreshouding (10.30), abroad or at an
unknown place from its datum aanvang (13.20). A stay at an address with a BAG identification
(identificatiecode verblijfplaats, 11.80) is an adreshouding of that adresseerbaar object; it lasts
until the next stay begins. Corrected voorkomens (onjuist, 84.10) are left out, as if never
registered. A stay also ends when the person died (06.08.10) or the bijhouding was suspended
(67.10, any reason but F and W: the persoonslijst of those is no one's, and has no adreshouding).

Days may be partly unknown (:mod:`opengdi.kernel.geldigheid`): a stay begun in "augustus 2010" began
possibly from 1 August and certainly from 1 September, so the person is a mogelijke bewoner in
August. The BRP's own reading of such days, as BRP Bewoning specifies it:

- a stay whose begin is partly unknown began after the previous stay did: from the day after the
  previous begin when that is a known day, else from the earliest day of the previous begin;
- a person found not to live at the address (onderzoek 089999/589999, "vastgesteld verblijft niet
  op adres") left it at the datum ingang onderzoek; once that onderzoek has ended before the next stay
  began it no longer matters, but if it ended on or after that day the person possibly lived there
  until the next stay (the onderzoek may only have been closed administratively);
- consecutive stays at the same adresseerbaar object (an address corrected, renamed or moved to
  another municipality by an infrastructural change) are one uninterrupted residence, cut into one
  adreshouding per voorkomen at the day the later one begins, so that each keeps its own gemeente
  van inschrijving and onderzoek.

No framework and no SQL here; :mod:`~opengdi.registers.brp.repository` stores what this derives.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from opengdi.kernel.geldigheid import Geldigheid, Overgang, eerste, uit_gba_datum, volgende_dag
from opengdi.registers.brp.persoonslijst import Persoonslijst, Voorkomen

#: The reasons of an opschorting (67.20) that leave a persoonslijst without any adreshouding.
AFGEVOERD = frozenset({"F", "W"})
#: The onderzoek aanduidingen (83.10, the category written as 08) that put the bewoning of a stay in
#: onderzoek: the whole category, the adreshouding group, functie adres, datum aanvang adreshouding,
#: the adres group and the identificatiecode verblijfplaats.
ONDERZOEK_BEWONING = frozenset({"080000", "081000", "081010", "081030", "081100", "081180"})
VERBLIJFT_NIET_OP_ADRES = "089999"


@dataclass(frozen=True, slots=True)
class Adreshouding:
    """A stretch of a person's residence at one adresseerbaar object, recorded by one voorkomen."""

    volgnummer: int
    adresseerbaar_object: str
    nummeraanduiding: str | None
    gemeente: str | None
    geldigheid: Geldigheid
    in_onderzoek: bool


@dataclass(frozen=True, slots=True)
class _Verblijf:
    """One stay of the person's history: its voorkomen and when it began (after the previous one)."""

    voorkomen: Voorkomen
    begin: Overgang

    @property
    def object(self) -> str | None:
        return bag_identificatie(self.voorkomen.get("11.80"))


def bag_identificatie(value: str | None) -> str | None:
    """A BAG identification of 16 digits; ``None`` for an absent, malformed or all-zeros one."""
    if value is None or len(value) != 16 or not value.isascii() or not value.isdigit() or set(value) == {"0"}:
        return None
    return value


def adreshoudingen(lijst: Persoonslijst) -> list[Adreshouding]:
    """Every adreshouding of the person, oldest first."""
    if lijst.element("07", "67.20") in AFGEVOERD:
        return []
    verblijven = _verblijven(lijst)
    persoon_einde = eerste(_dag(lijst.element("07", "67.10")), _dag(lijst.element("06", "08.10")))
    result: list[Adreshouding] = []
    for eerste_index, laatste_index in _runs(verblijven):
        volgende = verblijven[laatste_index + 1] if laatste_index + 1 < len(verblijven) else None
        einde = _einde(verblijven[laatste_index], volgende, persoon_einde)
        result.extend(_delen(verblijven[eerste_index : laatste_index + 1], einde))
    return [item for item in result if not item.geldigheid.mogelijk.leeg]


def _dag(value: str | None) -> Overgang | None:
    return uit_gba_datum(value) if value else None


def _begin_element(voorkomen: Voorkomen) -> str:
    """Where a stay's begin is recorded: 13.20 for a place abroad or unknown (land, 13.10), else 10.30."""
    return "13.20" if voorkomen.has("13.10") and not voorkomen.has("11.80") else "10.30"


def _verblijven(lijst: Persoonslijst) -> list[_Verblijf]:
    """The person's stays, oldest first, corrected ones left out, each begun after the previous one."""
    result: list[_Verblijf] = []
    for voorkomen in reversed(lijst.historie("08")):
        if voorkomen.is_onjuist:
            continue
        begin = _dag(voorkomen.get(_begin_element(voorkomen))) or Overgang.onbekend()
        if result and not begin.is_exact:
            vorige = result[-1].begin
            begin = begin.niet_voor(volgende_dag(vorige.vroegst) if vorige.is_exact else vorige.vroegst)
        result.append(_Verblijf(voorkomen, begin))
    return result


def _runs(verblijven: Sequence[_Verblijf]) -> Iterator[tuple[int, int]]:
    """The uninterrupted residences at one adresseerbaar object, as the positions of their first and
    last stay: consecutive stays there."""
    start = 0
    for index, verblijf in enumerate(verblijven):
        if index + 1 == len(verblijven) or verblijven[index + 1].object != verblijf.object:
            if verblijf.object:
                yield start, index
            start = index + 1


def _einde(laatste: _Verblijf, volgende: _Verblijf | None, persoon_einde: Overgang | None) -> Overgang | None:
    """When the residence ending with stay ``laatste`` ended: the next stay, an onderzoek that found
    the person not living there, death or opschorting, whichever came first."""
    einde = volgende.begin if volgende else None
    voorkomen = laatste.voorkomen
    aanduiding = _aanduiding(voorkomen)
    ingang = _dag(voorkomen.get("83.20"))
    if aanduiding == VERBLIJFT_NIET_OP_ADRES and ingang is not None:
        afgesloten = _dag(voorkomen.get("83.30"))
        if afgesloten is None:
            einde = eerste(einde, ingang)
        elif einde is not None and afgesloten.vroegst >= einde.vroegst:
            einde = Overgang(min(ingang.vroegst, einde.vroegst), einde.zeker)
    return eerste(einde, persoon_einde)


def _aanduiding(voorkomen: Voorkomen) -> str | None:
    """The onderzoek aanduiding of a voorkomen, its category written as the actual one (58 → 08)."""
    aanduiding = voorkomen.get("83.10")
    if not aanduiding or len(aanduiding) != 6 or not aanduiding.isdigit():
        return None
    return f"{int(aanduiding[:2]) % 50:02d}{aanduiding[2:]}"


def _in_onderzoek(voorkomen: Voorkomen) -> bool:
    """Whether an onderzoek that has not ended puts the bewoning of this stay in onderzoek."""
    return _aanduiding(voorkomen) in ONDERZOEK_BEWONING and not voorkomen.has("83.30")


def _delen(run: Sequence[_Verblijf], einde: Overgang | None) -> list[Adreshouding]:
    """The residence ``run`` (begun at its first stay, ended at ``einde``) as one adreshouding per stay,
    cut at the earliest day each later stay may have begun."""
    geheel = Geldigheid(run[0].begin, einde)
    snedes = [verblijf.begin.vroegst for verblijf in run[1:]]
    result = []
    for index, verblijf in enumerate(run):
        deel = geheel
        if index > 0:
            deel = replace(deel, begin=deel.begin.niet_voor(snedes[index - 1]))
        if index < len(snedes):
            deel = replace(deel, einde=eerste(deel.einde, Overgang.op(snedes[index])))
        result.append(_adreshouding(verblijf.voorkomen, deel))
    return result


def _adreshouding(voorkomen: Voorkomen, geldigheid: Geldigheid) -> Adreshouding:
    return Adreshouding(
        volgnummer=voorkomen.volgnummer,
        adresseerbaar_object=bag_identificatie(voorkomen.get("11.80")) or "",
        nummeraanduiding=bag_identificatie(voorkomen.get("11.90")),
        gemeente=_gemeente(voorkomen.get("09.10")),
        geldigheid=geldigheid,
        in_onderzoek=_in_onderzoek(voorkomen),
    )


def _gemeente(value: str | None) -> str | None:
    """A gemeentecode of four digits; ``None`` for an absent or malformed one."""
    return value if value and len(value) == 4 and value.isascii() and value.isdigit() else None
