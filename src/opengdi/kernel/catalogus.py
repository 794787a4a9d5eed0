# SPDX-License-Identifier: EUPL-1.2
"""How a registry or building block declares itself: its object types, attributes, relations,
operations and event types, as plain data.

A block writes its declaration once (a :class:`Register`) and derives what it needs from it: the
BRP its Haal Centraal ``fields`` tree, its mapping of API fields to LO3 elements and its vocabulary
of authorisable fields; Digikoppeling checks autorisatiebesluiten against the declarations of all
blocks of the deployment; the Stelselcatalogus shows them. The same declarations are meant to feed
the event types of Digilevering and the targets of Digimelding. Pure dataclasses: no framework, no
database.

An attribute is either a value (it has a :class:`Gegevenstype`) or a group of attributes; a path
names an attribute by its parents joined with dots (``verblijfplaats.verblijfadres.postcode``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

ALLES = "*"
#: How many answers of :meth:`Catalogus.betreft_persoonsgegevens` are kept (then forgotten at once).
_MEMO_GROOTTE = 4096


class Privacy(StrEnum):
    """How sensitive an attribute is (AVG/UAVG), for protocollering and the Stelselcatalogus."""

    OPENBAAR = "openbaar"  # no personal data
    PERSOONSGEGEVEN = "persoonsgegeven"  # AVG art. 4
    BIJZONDER = "bijzonder persoonsgegeven"  # AVG art. 9/10 (e.g. curatele, gezag-beperkingen)
    IDENTIFICEREND = "identificerend nummer"  # a number prescribed by law, UAVG art. 46 (BSN)


@dataclass(frozen=True, slots=True)
class Gegevenstype:
    """The type of a value: a name, and the members of a structured value (a date's ``jaar``, a
    code-table value's ``code`` and ``omschrijving``). ``open``: a structure whose members are not
    declared here (they are chosen by another system)."""

    naam: str
    omschrijving: str
    onderdelen: tuple[str, ...] = ()
    open: bool = False


TEKST = Gegevenstype("tekst", "Een tekenreeks.")
GETAL = Gegevenstype("getal", "Een geheel getal.")
INDICATIE = Gegevenstype("indicatie", "Waar, of afwezig.")


@dataclass(frozen=True, slots=True)
class Attribuut:
    """One attribute of an object type: a value, or a group (``onderdelen``) of attributes.

    ``bron`` names where the value comes from in the registry's own terms (for the BRP: LO3
    elements ``CC.GG.EE``, of every category the value can be taken from); ``authentiek`` marks an
    authentiek gegeven that afnemers must use; ``vraagbaar`` is false for attributes that are
    delivered automatically and can neither be asked nor authorised on their own; ``onderzoekbaar``
    says whether the registry can mark the value as in onderzoek (being investigated) on its own;
    ``meervoudig`` marks a list.
    """

    naam: str
    definitie: str
    type: Gegevenstype | None = None
    onderdelen: tuple[Attribuut, ...] = ()
    bron: tuple[str, ...] = ()
    authentiek: bool = False
    privacy: Privacy = Privacy.PERSOONSGEGEVEN
    vraagbaar: bool = True
    onderzoekbaar: bool = True
    meervoudig: bool = False

    @property
    def is_groep(self) -> bool:
        """Whether this is a group of attributes rather than a value."""
        return self.type is None

    def onderdeel(self, naam: str) -> Attribuut | None:
        """The attribute ``naam`` of this group, if declared."""
        return next((item for item in self.onderdelen if item.naam == naam), None)


@dataclass(frozen=True, slots=True)
class Alias:
    """Another name for part of an attribute: ``doel`` without the paths in ``zonder`` (below it)."""

    naam: str
    doel: str
    definitie: str
    zonder: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Weergave:
    """A view of an object type that an operation answers with: the paths it holds (a group path
    holds the whole group); ``None`` holds everything."""

    naam: str
    paden: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Objecttype:
    """A kind of object a registry keeps (for the BRP: ``Persoon``)."""

    naam: str
    definitie: str
    attributen: tuple[Attribuut, ...]
    aliassen: tuple[Alias, ...] = ()
    weergaven: tuple[Weergave, ...] = ()

    def attribuut(self, pad: str) -> Attribuut | None:
        """The attribute at ``pad`` (dotted), if declared."""
        names = pad.split(".")
        current = next((item for item in self.attributen if item.naam == names[0]), None)
        for name in names[1:]:
            current = current.onderdeel(name) if current is not None else None
        return current

    def weergave(self, naam: str) -> Weergave:
        """The view ``naam``; ``KeyError`` when it is not declared."""
        for weergave in self.weergaven:
            if weergave.naam == naam:
                return weergave
        raise KeyError(naam)


@dataclass(frozen=True, slots=True)
class Relatie:
    """A relation from an attribute of this registry's object type to an object of another registry."""

    naam: str
    van: str  # objecttype.pad
    naar_register: str
    naar_objecttype: str
    definitie: str


@dataclass(frozen=True, slots=True)
class Antwoord:
    """What an operation answers with: a view of one of the registry's object types."""

    objecttype: str
    weergave: str | None = None  # None: the whole object type


@dataclass(frozen=True, slots=True)
class Operatie:
    """An operation a building block offers, and the Digikoppeling scope it falls under.

    The data elements an autorisatiebesluit for it can name are the askable paths of its
    ``antwoord`` and the data elements its search parameters reveal (``onthult``: a search by
    postcode needs the postcode even when the answer does not show it); with
    ``gegevens_zijn_scopes`` they are the scopes of the deployment instead (a grant to read the
    protocol of the BRP names ``brp``); with neither, only ``*``.
    """

    naam: str
    scope: str
    omschrijving: str
    antwoord: Antwoord | None = None
    gegevens_zijn_scopes: bool = False
    #: Whether it delivers personal data (and so is protocolled), for an operation without a declared
    #: ``antwoord``; with one, the privacy class of the asked attributes decides.
    persoonsgegevens: bool = True
    onthult: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Gebeurtenistype:
    """An event a registry records (and Digilevering will deliver): its name and what it is about."""

    naam: str
    objecttype: str | None
    omschrijving: str


@dataclass(frozen=True, slots=True)
class Register:
    """One registry's or building block's whole declaration."""

    code: str
    titel: str
    objecttypen: tuple[Objecttype, ...] = ()
    operaties: tuple[Operatie, ...] = ()
    gebeurtenistypen: tuple[Gebeurtenistype, ...] = ()
    relaties: tuple[Relatie, ...] = ()

    def objecttype(self, naam: str) -> Objecttype:
        """The object type ``naam``; ``KeyError`` when it is not declared."""
        for objecttype in self.objecttypen:
            if objecttype.naam == naam:
                return objecttype
        raise KeyError(naam)

    @property
    def scopes(self) -> tuple[str, ...]:
        """The Digikoppeling scopes of this block's operations, in declaration order."""
        return tuple(dict.fromkeys(operatie.scope for operatie in self.operaties))


# ----------------------------------------------------------------------------------------- paths
def paden(attributen: Iterable[Attribuut], prefix: str = "") -> Iterator[tuple[str, Attribuut]]:
    """Every attribute below ``attributen`` with its path, parents before children."""
    for attribuut in attributen:
        pad = f"{prefix}{attribuut.naam}"
        yield pad, attribuut
        yield from paden(attribuut.onderdelen, f"{pad}.")


def vraagbare_paden(objecttype: Objecttype, weergave: str | None = None) -> frozenset[str]:
    """The paths of the attributes (groups and values) of ``objecttype`` that can be asked and
    authorised, within the view ``weergave``; a value's members are not paths of their own."""
    attributen = beperk(objecttype.attributen, objecttype.weergave(weergave).paden if weergave else None)
    return frozenset(pad for pad, _ in paden(_vraagbaar(attributen)))


def _vraagbaar(attributen: Iterable[Attribuut]) -> tuple[Attribuut, ...]:
    return tuple(_with(attribuut, _vraagbaar(attribuut.onderdelen)) for attribuut in attributen if attribuut.vraagbaar)


def beperk(attributen: Sequence[Attribuut], houden: Sequence[str] | None) -> tuple[Attribuut, ...]:
    """``attributen`` cut to the paths ``houden`` (a group path keeps the whole group; ``None`` keeps all)."""
    if houden is None:
        return tuple(attributen)
    result = []
    for attribuut in attributen:
        if attribuut.naam in houden:
            result.append(attribuut)
            continue
        below = [pad.removeprefix(f"{attribuut.naam}.") for pad in houden if pad.startswith(f"{attribuut.naam}.")]
        if below:
            result.append(_with(attribuut, beperk(attribuut.onderdelen, below)))
    return tuple(result)


def zonder(attributen: Sequence[Attribuut], weg: Sequence[str]) -> tuple[Attribuut, ...]:
    """``attributen`` without the paths ``weg``."""
    result = []
    for attribuut in attributen:
        if attribuut.naam in weg:
            continue
        below = [pad.removeprefix(f"{attribuut.naam}.") for pad in weg if pad.startswith(f"{attribuut.naam}.")]
        result.append(_with(attribuut, zonder(attribuut.onderdelen, below)) if below else attribuut)
    return tuple(result)


def _with(attribuut: Attribuut, onderdelen: tuple[Attribuut, ...]) -> Attribuut:
    return replace(attribuut, onderdelen=onderdelen)


# ----------------------------------------------------------------------------------------- the deployment's catalogue
@dataclass(frozen=True, slots=True)
class Catalogus:
    """The declarations of every block of a deployment, and what an autorisatiebesluit may name."""

    registers: tuple[Register, ...]
    _operaties: dict[str, dict[str, Operatie]] = field(init=False, repr=False, compare=False)
    #: Answers of :meth:`betreft_persoonsgegevens` already worked out (asked on every request).
    _persoonsgegevens: dict[tuple[str, str, frozenset[str]], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        operaties: dict[str, dict[str, Operatie]] = {}
        for register in self.registers:
            for operatie in register.operaties:
                operaties.setdefault(operatie.scope, {})[operatie.naam] = operatie
        object.__setattr__(self, "_operaties", operaties)
        object.__setattr__(self, "_persoonsgegevens", {})

    @property
    def scopes(self) -> tuple[str, ...]:
        """Every scope of the deployment."""
        return tuple(self._operaties)

    def operaties(self, scope: str) -> tuple[str, ...]:
        """The operations of ``scope`` (none when the scope is unknown)."""
        return tuple(self._operaties.get(scope, {}))

    def gegevens(self, scope: str, operaties: Iterable[str]) -> frozenset[str]:
        """The data elements a grant for ``operaties`` (``*``: all) of ``scope`` may name besides ``*``."""
        declared = self._operaties.get(scope, {})
        chosen = declared.values() if ALLES in operaties else [declared[name] for name in operaties if name in declared]
        result: set[str] = set()
        for operatie in chosen:
            if operatie.gegevens_zijn_scopes:
                result.update(self.scopes)
            elif operatie.antwoord is not None:
                result.update(self._antwoord_paden(operatie.antwoord))
            result.update(operatie.onthult)
        return frozenset(result)

    def betreft_persoonsgegevens(self, scope: str, operatie: str, velden: Iterable[str] = ()) -> bool:
        """Whether operation ``operatie`` of ``scope`` delivers personal data when ``velden`` are asked
        (none or ``*``: everything it answers): some asked attribute of its answer is not public. An
        operation that is not declared counts as delivering personal data (fail safe)."""
        key = (scope, operatie, frozenset(velden))
        known = self._persoonsgegevens.get(key)
        if known is None:
            if len(self._persoonsgegevens) >= _MEMO_GROOTTE:
                self._persoonsgegevens.clear()
            known = self._persoonsgegevens[key] = self._bepaal_persoonsgegevens(*key)
        return known

    def _bepaal_persoonsgegevens(self, scope: str, operatie: str, velden: frozenset[str]) -> bool:
        declared = self._operaties.get(scope, {}).get(operatie)
        if declared is None:
            return True
        if declared.antwoord is None:
            return declared.persoonsgegevens
        objecttype = self._objecttype(declared.antwoord.objecttype)
        asked = [veld for veld in velden if veld != ALLES]
        attributen = [objecttype.attribuut(veld) for veld in asked] if asked else list(objecttype.attributen)
        return any(attribuut is None or _niet_openbaar(attribuut) for attribuut in attributen)

    def _objecttype(self, naam: str) -> Objecttype:
        for register in self.registers:
            if any(objecttype.naam == naam for objecttype in register.objecttypen):
                return register.objecttype(naam)
        raise KeyError(naam)

    def _antwoord_paden(self, antwoord: Antwoord) -> frozenset[str]:
        return vraagbare_paden(self._objecttype(antwoord.objecttype), antwoord.weergave)


def _niet_openbaar(attribuut: Attribuut) -> bool:
    """Whether ``attribuut`` or anything in it is personal data."""
    return attribuut.privacy is not Privacy.OPENBAAR or any(_niet_openbaar(item) for item in attribuut.onderdelen)
