# SPDX-License-Identifier: EUPL-1.2
"""The BRP's use cases: answer a personen query, import persoonslijsten, empty the registry.

Functions here know neither HTTP nor SQL: they take a connection (queries) or a unit of work
(changes, with the events they record), call the repository and the rule modules, and return plain
data or raise a domain error (:mod:`opengdi.kernel.fouten`) or, on the personen path,
:class:`~opengdi.kernel.problems.Problem`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.context import Context, record_protocol
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import NietGevonden, OngeldigeInvoer
from opengdi.kernel.problems import InvalidParam, Problem, bad_request, forbidden
from opengdi.kernel.protocollering import BSN, Subject
from opengdi.kernel.tekst import fold
from opengdi.kernel.toegang import Beperkingsoort, Besluit, Principaal, Toegangsvraag
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import events, repository
from opengdi.registers.brp.antwoord import select
from opengdi.registers.brp.fields import FieldSelection
from opengdi.registers.brp.invoer import (
    ImportErrors,
    burgerservicenummers,
    identifying_bsn,
    read_persoonslijst,
    read_persoonslijsten,
)
from opengdi.registers.brp.persoon import is_afgevoerd, persoon
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.repository import Criteria, Match
from opengdi.registers.brp.verblijfplaats import BINNENLAND
from opengdi.registers.brp.vraag import Vraag, parse_vraag
from opengdi.registers.brp.zoeksleutels import diacritic_pattern, search_keys

#: A search that finds more persons than this is refused: the asker must narrow it down.
MAX_ZOEKRESULTATEN = 100
_AUTOMATIC = ("geheimhoudingPersoonsgegevens", "opschortingBijhouding", "verificatie")


def _text(column: str, value: str) -> Match:
    mode = "prefix" if value.endswith("*") else "suffix" if value.startswith("*") else "exact"
    term = value.strip("*")
    return Match(column, fold(term), mode, diacritic_pattern(term))


#: Search parameters compared exactly, with the column they are compared with and their normal form.
_EXACT: dict[str, tuple[str, Callable[[Any], str | int]]] = {
    "geboortedatum": ("geboortedatum", lambda value: value.strftime("%Y%m%d")),
    "geslacht": ("geslacht", str.upper),
    "gemeenteVanInschrijving": ("gemeente_van_inschrijving", str),
    "postcode": ("postcode", lambda value: value.replace(" ", "").upper()),
    "huisnummer": ("huisnummer", int),
    "nummeraanduidingIdentificatie": ("nummeraanduiding_identificatie", str),
    "adresseerbaarObjectIdentificatie": ("adresseerbaar_object_identificatie", str),
}
#: Search parameters compared as folded text, wildcards allowed.
_TEXT = ("geslachtsnaam", "voornamen", "voorvoegsel", "huisletter", "huisnummertoevoeging")


def criteria(vraag: Vraag) -> Criteria:
    """The repository search for a (non-raadplegen) query."""
    p = vraag.parameters
    matches = [_text(name, p[name]) for name in _TEXT if name in p]
    matches += [Match(column, normal(p[name])) for name, (column, normal) in _EXACT.items() if name in p]
    any_of = [(_text("straat", p["straat"]), _text("naam_openbare_ruimte", p["straat"]))] if "straat" in p else []
    return Criteria(tuple(matches), tuple(any_of), bool(p.get("inclusiefOverledenPersonen", False)))


_ADRESREGELS = ("adresregel1", "adresregel2", "adresregel3", "land")


def answer_persoon(
    lijst: Persoonslijst, selection: FieldSelection, today: date, *, volledig: bool = True
) -> dict[str, Any]:
    """One person of an answer: the selected fields plus what is always delivered.

    ``volledig`` is false for search answers (PersoonBeperkt), which leave out an empty adressering.
    """
    whole = persoon(lijst, today, {*selection.tree, *_AUTOMATIC, "rni"})
    for target in selection.binnenland_only:
        _drop_buitenland(whole, target)
    result = select(whole, selection.tree)
    _tidy_adressering(result, selection, volledig)
    for name in _AUTOMATIC:
        if name in whole:
            result[name] = select(whole[name], "*")
    categories = selection.categories()
    rni = [select(item, "*") for item in whole.get("rni", []) if item.get("_categorie") in categories]
    if rni:
        result["rni"] = rni
    return result


def _drop_buitenland(whole: dict[str, Any], target: str) -> None:
    """Leave out a verblijfplaats abroad (or unknown), or the adressering of one."""
    value = whole.get(target)
    if value is None:
        return
    binnenland = value.get("type") in BINNENLAND if target == "verblijfplaats" else value.get("_binnenland", False)
    if not binnenland:
        del whole[target]


def _tidy_adressering(result: dict[str, Any], selection: FieldSelection, volledig: bool) -> None:
    """The verblijft-niet-op-adres mark goes with address lines only; search answers drop an empty group."""
    adressering = result.get("adressering")
    if adressering is None:
        return
    asked = selection.tree.get("adressering", {})
    if not any(name in asked for name in _ADRESREGELS):
        adressering.pop("indicatieVastgesteldVerblijftNietOpAdres", None)
    if not adressering and not volledig:
        del result["adressering"]


def parse(body: Any) -> Vraag:
    """The valid request in ``body``; invalid input raises the 400 problem naming every error."""
    vraag, errors = parse_vraag(body)
    if vraag is None:
        raise bad_request(errors)
    return vraag


#: The restriction an autorisatiebesluit for the BRP may carry.
GEMEENTE_VAN_INSCHRIJVING = Beperkingsoort(
    naam="gemeenteVanInschrijving",
    betekenis="Alleen personen die in deze gemeente zijn ingeschreven (gemeente van inschrijving, 08.09.10).",
    waarde="een gemeentecode van vier cijfers",
    patroon=r"[0-9]{4}",
    van_organisatie="gemeentecode",
)
BEPERKINGEN = (GEMEENTE_VAN_INSCHRIJVING,)
_GEEN_OPERATIE = "U bent niet geautoriseerd voor deze operatie."


async def find_lijsten(
    database: Database, vraag: Vraag, beperkingen: Mapping[str, str] | None = None
) -> list[Persoonslijst]:
    """The persoonslijsten a valid query is about, in answer order, within the restrictions of the
    afnemer's autorisatiebesluit.

    ``gemeenteVanInschrijving`` limits an afnemer to the inhabitants of one municipality: a search
    must say so with ``gemeenteVanInschrijving``, and asking by BSN for anyone who is not registered
    there is refused (403) rather than answered partially — the same refusal whether that person
    exists or not, so that it does not tell which BSNs exist.
    """
    beperkingen = beperkingen or {}
    unknown = sorted(set(beperkingen) - {kind.naam for kind in BEPERKINGEN})
    if unknown:  # fail closed: a restriction this block does not know is not silently ignored
        raise forbidden(_GEEN_OPERATIE, detail=f"Onbekende beperking in het autorisatiebesluit: {', '.join(unknown)}.")
    alleen_gemeente = beperkingen.get(GEMEENTE_VAN_INSCHRIJVING.naam)
    gemeente = vraag.parameters.get("gemeenteVanInschrijving")
    if alleen_gemeente and not vraag.is_raadplegen and gemeente != alleen_gemeente:
        raise forbidden(
            _GEEN_OPERATIE,
            detail=(
                f"Uw autorisatie geldt voor de inwoners van gemeente {alleen_gemeente}: zoek met "
                f"gemeenteVanInschrijving {alleen_gemeente}."
            ),
        )
    if vraag.is_raadplegen:
        bsns = list(dict.fromkeys(vraag.parameters["burgerservicenummer"]))
        found = await repository.lookup_by_bsn(database, bsns, vraag.fields.source_categories())
        lijsten = [lijst for bsn in bsns for lijst in found.get(bsn, [])]
        if gemeente:
            lijsten = [lijst for lijst in lijsten if _gemeente(lijst) == gemeente]
    else:
        bsns = []
        async with database.read() as connection:
            lijsten = await repository.search(connection, criteria(vraag), MAX_ZOEKRESULTATEN + 1)
        if len(lijsten) > MAX_ZOEKRESULTATEN:
            raise Problem(
                status=400,
                title="Teveel zoekresultaten.",
                code="tooManyResults",
                detail=f"De zoekvraag levert meer dan {MAX_ZOEKRESULTATEN} personen op; maak de zoekvraag specifieker.",
            )
    lijsten = [lijst for lijst in lijsten if not is_afgevoerd(lijst)]
    if alleen_gemeente:
        _check_inwoners(bsns, lijsten, alleen_gemeente)
    return lijsten


def _gemeente(lijst: Persoonslijst) -> str | None:
    return lijst.element("08", "09.10")


def _check_inwoners(asked: Sequence[str], lijsten: Sequence[Persoonslijst], gemeente: str) -> None:
    """Refuse when an asked BSN has no persoonslijst registered in ``gemeente`` (unknown or living
    elsewhere alike), or when a found persoonslijst is registered elsewhere."""
    inwoners = {identifying_bsn(lijst) for lijst in lijsten if _gemeente(lijst) == gemeente}
    anderen = {identifying_bsn(lijst) or "?" for lijst in lijsten if _gemeente(lijst) != gemeente}
    anderen.update(bsn for bsn in asked if bsn not in inwoners)
    if anderen:
        raise forbidden(
            _GEEN_OPERATIE,
            detail=(
                f"Uw autorisatie geldt voor de inwoners van gemeente {gemeente}; niet ingeschreven in uw gemeente: "
                f"{', '.join(sorted(anderen))}."
            ),
        )


def answer(vraag: Vraag, lijsten: Sequence[Persoonslijst], today: date) -> dict[str, Any]:
    """The answer to a valid query about ``lijsten``."""
    personen = [answer_persoon(lijst, vraag.fields, today, volledig=vraag.is_raadplegen) for lijst in lijsten]
    return {"type": vraag.type.name, "personen": personen}


async def import_persoonslijsten(uow: UnitOfWork, body: Any) -> list[str | None]:
    """Store every persoonslijst of an import body (all or nothing), with a
    ``persoonslijst-opgenomen`` event each; their BSNs in order."""
    lijsten, errors = read_persoonslijsten(body)
    if errors:
        raise OngeldigeInvoer(errors)
    await repository.add_persoonslijsten(uow.session, lijsten)
    uow.record(events.opgenomen(lijsten))
    await uow.commit()
    return burgerservicenummers(lijsten)


async def empty_brp(uow: UnitOfWork) -> int:
    """Remove every persoonslijst, with a ``persoonslijst-verwijderd`` event each; how many there were."""
    removed = await repository.delete_all(uow.session)
    uow.record(events.verwijderd(removed))
    await uow.commit()
    return len(removed)


def _zoekvraag(vraag: Vraag) -> dict[str, Any]:
    return {"type": vraag.type.name, **vraag.parameters}


async def zoek_personen(deployment: Context, *, afnemer: Principaal, vraag: Vraag, request_id: str) -> dict[str, Any]:
    """The answer of BRP API Personen to a valid query of ``afnemer``: authorised for the fields it
    asks and the search parameters it uses, the persons found within the restrictions of its
    autorisatiebesluit, and each delivered person protocolled (committed before the answer leaves)."""
    toegangsvraag = Toegangsvraag(
        "brp",
        vraag.type.name,
        frozenset(vraag.fields.paths()),
        tuple(vraag.fields.asked.items()),
        vraag.zoekparameters(),
    )
    besluit = await deployment.toegang.authorize(afnemer, toegangsvraag)
    lijsten = await find_lijsten(deployment.database, vraag, besluit.beperkingen)
    body = answer(vraag, lijsten, date.today())
    await record_protocol(
        deployment,
        request_id=request_id,
        afnemer=afnemer,
        besluit=besluit,
        vraag=toegangsvraag,
        geleverd=[subjecten(lijst) for lijst in lijsten],
        zoekvraag=_zoekvraag(vraag),
    )
    return body


def subjecten(lijst: Persoonslijst) -> list[Subject]:
    """How the protocol identifies a delivered person: the BSN, else the A-nummer, else the persoonslijst."""
    if bsn := identifying_bsn(lijst):
        return [Subject(BSN, bsn)]
    if a_nummer := lijst.element("01", "01.10"):
        return [Subject("aNummer", a_nummer)]
    return [Subject("persoonslijst", str(lijst.id))] if lijst.id is not None else []


async def show_persoonslijsten(
    deployment: Context, *, afnemer: Principaal, besluit: Besluit, burgerservicenummer: str, request_id: str
) -> list[Persoonslijst]:
    """The stored persoonslijsten of a BSN, as the beheer API shows them, protocolled for ``afnemer``
    (permitted by ``besluit``); :class:`NietGevonden` when there is none."""
    async with deployment.database.connect() as connection:
        found = await repository.load_by_bsn(connection, [burgerservicenummer])
    lijsten = found.get(burgerservicenummer)
    if not lijsten:
        raise NietGevonden(f"Er is geen persoonslijst met burgerservicenummer {burgerservicenummer}.")
    await record_protocol(
        deployment,
        request_id=request_id,
        afnemer=afnemer,
        besluit=besluit,
        vraag=Toegangsvraag("brp", "persoonslijst tonen"),
        geleverd=[subjecten(lijst) for lijst in lijsten],
        zoekvraag={"burgerservicenummer": burgerservicenummer},
    )
    return lijsten


class Bestaand(StrEnum):
    """What a bulk import does with a persoonslijst of a person the BRP already holds.

    A person is identified by the burgerservicenummer, or (a persoonslijst without one) by the
    A-nummer; a persoonslijst with neither is always stored.
    """

    #: Skip and report it (the default): a rerun of an interrupted import continues where it stopped.
    OVERSLAAN = "overslaan"
    #: Replace the stored persoonslijsten of that person.
    VERVANGEN = "vervangen"
    #: Store it beside them (test sets with deliberate duplicates, such as the RvIG GBA-V set); only a
    #: persoonslijst with the same BSN and A-nummer as a stored one is skipped, so a rerun continues.
    TOESTAAN = "toestaan"


@dataclass(slots=True)
class ImportReport:
    """What a bulk import did: how many persoonslijsten it stored, which it skipped and why.

    ``skipped`` names those with structural errors and those met earlier in the same import;
    ``present`` counts those skipped because the BRP already held them, ``replaced`` the stored
    persoonslijsten that :attr:`Bestaand.VERVANGEN` removed.
    """

    stored: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[InvalidParam] = field(default_factory=list)
    present: int = 0
    replaced: int = 0


async def import_bulk(
    uow: UnitOfWork,
    labelled: Iterable[tuple[str, Any]],
    *,
    bestaand: Bestaand = Bestaand.OVERSLAAN,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Store test persoonslijsten as they were registered: values of the wrong form are kept and
    reported as warnings, a persoonslijst with structural errors is skipped and reported. What
    happens to a person the BRP (or the import itself) already holds, ``bestaand`` says. Commits per
    batch, so an interrupted import keeps what it stored and a rerun skips it. Each batch records a
    ``persoonslijst-opgenomen`` event per stored persoonslijst and a ``persoonslijst-verwijderd`` event
    per replaced one, in its transaction."""
    report = ImportReport()
    known = _Known(bestaand)
    batch: list[tuple[str, Persoonslijst]] = []
    for label, raw in labelled:
        errors = ImportErrors([], strict=False)
        lijst = read_persoonslijst(raw, label, errors)
        report.warnings.extend(errors.warnings)
        if errors.params:
            report.skipped.append(f"{label}: {errors.params[0].name}: {errors.params[0].reason}")
            continue
        batch.append((label, lijst))
        if len(batch) >= batch_size:
            await _store_batch(uow, batch, known, report, progress)
            batch = []
    await _store_batch(uow, batch, known, report, progress)
    return report


@dataclass(frozen=True, slots=True)
class _Key:
    """Who a persoonslijst is about, as a bulk import compares persons."""

    bsn: str | None
    a_nummer: str | None

    def __str__(self) -> str:
        parts = [
            f"burgerservicenummer {self.bsn}" if self.bsn else "",
            f"A-nummer {self.a_nummer}" if self.a_nummer else "",
        ]
        return " en ".join(part for part in parts if part)


@dataclass(slots=True)
class _Known:
    """The persons a bulk import has met: how many stored persoonslijsten each had before the import
    met it, and the ones the import itself stored."""

    bestaand: Bestaand
    stored_before: dict[_Key, int] = field(default_factory=dict)
    seen: set[_Key] = field(default_factory=set)

    def key(self, lijst: Persoonslijst) -> _Key | None:
        """The person of ``lijst``: BSN, else A-nummer (with duplicates allowed: the pair of both)."""
        keys = search_keys(lijst)
        bsn, a_nummer = keys["burgerservicenummer"], keys["a_nummer"]
        if self.bestaand is Bestaand.TOESTAAN:
            return _Key(bsn, a_nummer) if bsn or a_nummer else None
        return _Key(bsn, None) if bsn else _Key(None, a_nummer) if a_nummer else None

    def _keys_of_stored(self, bsn: str | None, a_nummer: str | None) -> list[_Key]:
        if self.bestaand is Bestaand.TOESTAAN:
            return [_Key(bsn, a_nummer)]
        return [key for key in (_Key(bsn, None), _Key(None, a_nummer)) if key.bsn or key.a_nummer]

    async def learn(self, session: AsyncSession, keys: Iterable[_Key]) -> None:
        """Count the stored persoonslijsten of the persons not met before."""
        new = {key for key in keys if key not in self.stored_before}
        if not new:
            return
        self.stored_before.update(dict.fromkeys(new, 0))
        bsns = [key.bsn for key in new if key.bsn]
        a_nummers = [key.a_nummer for key in new if key.a_nummer]
        for bsn, a_nummer in await repository.stored_identities(session, bsns, a_nummers):
            for key in self._keys_of_stored(bsn, a_nummer):
                if key in new:
                    self.stored_before[key] += 1

    def decide(self, key: _Key | None) -> str:
        """``nieuw`` (store), ``aanwezig`` (already stored: skip), ``dubbel`` (met earlier in this
        import: skip) or ``vervangen`` (replace the stored ones)."""
        if key is None:
            return "nieuw"
        if self.bestaand is Bestaand.TOESTAAN:
            if self.stored_before[key] > 0:
                self.stored_before[key] -= 1
                return "aanwezig"
            return "nieuw"
        if key in self.seen:
            return "dubbel"
        self.seen.add(key)
        if self.stored_before[key] == 0:
            return "nieuw"
        return "vervangen" if self.bestaand is Bestaand.VERVANGEN else "aanwezig"


async def _store_batch(
    uow: UnitOfWork,
    batch: list[tuple[str, Persoonslijst]],
    known: _Known,
    report: ImportReport,
    progress: Callable[[int], None] | None,
) -> None:
    keyed = [(label, lijst, known.key(lijst)) for label, lijst in batch]
    await known.learn(uow.session, [key for _label, _lijst, key in keyed if key is not None])
    new: list[Persoonslijst] = []
    replace: list[_Key] = []
    for label, lijst, key in keyed:
        decision = known.decide(key)
        if decision == "aanwezig":
            report.present += 1
        elif decision == "dubbel":
            report.skipped.append(f"{label}: {key} komt eerder in de import voor")
        else:
            new.append(lijst)
            if decision == "vervangen" and key is not None:
                replace.append(key)
    if replace:
        removed = await repository.delete_identified(
            uow.session,
            [key.bsn for key in replace if key.bsn],
            [key.a_nummer for key in replace if not key.bsn and key.a_nummer],
        )
        uow.record(events.verwijderd(removed))
        report.replaced += len(removed)
    await repository.add_persoonslijsten(uow.session, new)
    uow.record(events.opgenomen(new))
    await uow.commit()
    report.stored += len(new)
    if progress is not None:
        progress(len(batch))
