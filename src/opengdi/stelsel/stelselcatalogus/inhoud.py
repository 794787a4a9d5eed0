# SPDX-License-Identifier: EUPL-1.2
"""What the Stelselcatalogus shows, worked out from the declarations of the enabled blocks.

:class:`Stelsel` takes the :class:`~opengdi.kernel.catalogus.Register` of every block of the
deployment and answers what the pages and the JSON API need: a register, an object type, an
attribute with its path, the API fields that deliver it (its own ``fields`` path and the aliases
that hold it), the operations whose answer holds it, and the relations between registers, each
resolved against the composition (a relation may point at a register that is not, or not yet,
enabled: the BRP's verblijfplaats points at the BAG before the BAG declares itself). Nothing here
is written by hand: a register appears by declaring itself. Pure: no framework, no database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from opengdi.kernel.catalogus import (
    Attribuut,
    Objecttype,
    Operatie,
    Register,
    Relatie,
    beperk,
    paden,
    vraagbare_paden,
)
from opengdi.kernel.fouten import NietGevonden


class Doelstatus(StrEnum):
    """Whether the target of a relation is in the deployment."""

    AANWEZIG = "aanwezig"  # the register is enabled and declares the object type
    OBJECTTYPE_ONBEKEND = "objecttypeOnbekend"  # the register is enabled but does not declare it
    REGISTER_AFWEZIG = "registerAfwezig"  # the register is not (yet) in this composition


@dataclass(frozen=True, slots=True)
class Verbinding:
    """A declared relation, with where it starts and whether its target is in the deployment."""

    relatie: Relatie
    register: str  # the code of the register that declares it
    objecttype: str
    pad: str  # of the attribute it starts from, within ``objecttype`` ("" when it names the object type)
    status: Doelstatus

    @property
    def doel_aanwezig(self) -> bool:
        """Whether the target object type can be looked up in this deployment."""
        return self.status is Doelstatus.AANWEZIG


@dataclass(frozen=True, slots=True)
class Gegeven:
    """One attribute of an object type, as the catalogue shows it."""

    register: Register
    objecttype: Objecttype
    pad: str
    attribuut: Attribuut
    #: The fields paths that ask for it: its own path and those of the aliases that hold it (none
    #: when it cannot be asked on its own: it is then delivered automatically).
    velden: tuple[str, ...]
    #: The operations whose answer holds it.
    leveringen: tuple[Operatie, ...]
    verbindingen: tuple[Verbinding, ...]

    @property
    def ouders(self) -> tuple[str, ...]:
        """The paths of the groups it is in, outermost first."""
        parts = self.pad.split(".")
        return tuple(".".join(parts[:end]) for end in range(1, len(parts)))

    @property
    def onderdelen(self) -> tuple[str, ...]:
        """The paths of the attributes of this group (none for a value)."""
        return tuple(f"{self.pad}.{item.naam}" for item in self.attribuut.onderdelen)


class Stelsel:
    """The declarations of a deployment's blocks, as the Stelselcatalogus shows them."""

    def __init__(self, registers: Sequence[Register]) -> None:
        self.registers = tuple(registers)
        self._registers = {register.code: register for register in self.registers}
        self.verbindingen = tuple(
            self._verbinding(register, relatie) for register in self.registers for relatie in register.relaties
        )
        present = set(self._registers)
        #: Registers that relations point at but that are not in this composition, by code.
        self.afwezig = tuple(sorted({v.relatie.naar_register for v in self.verbindingen} - present))
        self._gegevens = {
            (register.code, objecttype.naam): self._build_gegevens(register, objecttype)
            for register in self.registers
            for objecttype in register.objecttypen
        }

    # ------------------------------------------------------------------------------ lookups
    def register(self, code: str) -> Register:
        """The register ``code``; :class:`NietGevonden` when it is not in the deployment."""
        register = self._registers.get(code)
        if register is None:
            verwezen = (
                " Andere registers verwijzen ernaar; het verschijnt zodra het zich declareert."
                if code in self.afwezig
                else ""
            )
            raise NietGevonden(
                f"Het register '{code}' (parameter code) komt niet voor in deze samenstelling.{verwezen}"
            )
        return register

    def objecttype(self, code: str, naam: str) -> Objecttype:
        """The object type ``naam`` of register ``code``; :class:`NietGevonden` when it is not declared."""
        register = self.register(code)
        for objecttype in register.objecttypen:
            if objecttype.naam == naam:
                return objecttype
        raise NietGevonden(f"Het register '{code}' declareert geen objecttype '{naam}' (parameter naam).")

    def gegevens(self, code: str, naam: str) -> tuple[Gegeven, ...]:
        """Every attribute of object type ``naam`` of register ``code``, parents before children."""
        self.objecttype(code, naam)
        return tuple(self._gegevens[code, naam].values())

    def gegeven(self, code: str, naam: str, pad: str) -> Gegeven:
        """The attribute at ``pad`` of object type ``naam``; :class:`NietGevonden` when it is not declared."""
        self.objecttype(code, naam)
        gegeven = self._gegevens[code, naam].get(pad)
        if gegeven is None:
            raise NietGevonden(f"Het objecttype '{naam}' heeft geen attribuut '{pad}' (parameter pad).")
        return gegeven

    def uitgaand(self, code: str) -> tuple[Verbinding, ...]:
        """The relations register ``code`` declares."""
        return tuple(v for v in self.verbindingen if v.register == code)

    def inkomend(self, code: str) -> tuple[Verbinding, ...]:
        """The relations other registers declare towards register ``code``."""
        return tuple(v for v in self.verbindingen if v.relatie.naar_register == code and v.register != code)

    # ------------------------------------------------------------------------------ derivation
    def _verbinding(self, register: Register, relatie: Relatie) -> Verbinding:
        objecttype, _, pad = relatie.van.partition(".")
        target = self._registers.get(relatie.naar_register)
        if target is None:
            status = Doelstatus.REGISTER_AFWEZIG
        elif any(item.naam == relatie.naar_objecttype for item in target.objecttypen):
            status = Doelstatus.AANWEZIG
        else:
            status = Doelstatus.OBJECTTYPE_ONBEKEND
        return Verbinding(relatie, register.code, objecttype, pad, status)

    def _build_gegevens(self, register: Register, objecttype: Objecttype) -> dict[str, Gegeven]:
        askable = vraagbare_paden(objecttype)
        delivered = [
            (operatie, _paden_in_antwoord(objecttype, operatie)) for operatie in _operaties_van(register, objecttype)
        ]
        relations = [v for v in self.verbindingen if v.register == register.code and v.objecttype == objecttype.naam]
        return {
            pad: Gegeven(
                register,
                objecttype,
                pad,
                attribuut,
                velden=_velden(objecttype, pad) if pad in askable else (),
                leveringen=tuple(operatie for operatie, held in delivered if pad in held),
                verbindingen=tuple(v for v in relations if v.pad == pad),
            )
            for pad, attribuut in paden(objecttype.attributen)
        }


def _operaties_van(register: Register, objecttype: Objecttype) -> tuple[Operatie, ...]:
    """The register's operations that answer with ``objecttype``."""
    return tuple(
        operatie
        for operatie in register.operaties
        if operatie.antwoord is not None and operatie.antwoord.objecttype == objecttype.naam
    )


def _paden_in_antwoord(objecttype: Objecttype, operatie: Operatie) -> frozenset[str]:
    """The attribute paths the answer of ``operatie`` can hold (a group partly in its view included)."""
    assert operatie.antwoord is not None
    weergave = operatie.antwoord.weergave
    houden = None
    if weergave is not None:
        try:
            houden = objecttype.weergave(weergave).paden
        except KeyError:
            return frozenset()
    return frozenset(pad for pad, _ in paden(beperk(objecttype.attributen, houden)))


def _velden(objecttype: Objecttype, pad: str) -> tuple[str, ...]:
    """The fields paths that ask for the attribute at ``pad``: its own, then one per alias that holds it."""
    result = [pad]
    for alias in objecttype.aliassen:
        if pad == alias.doel:
            result.append(alias.naam)
        elif pad.startswith(f"{alias.doel}."):
            rest = pad.removeprefix(f"{alias.doel}.")
            if not any(rest == weg or rest.startswith(f"{weg}.") for weg in alias.zonder):
                result.append(f"{alias.naam}.{rest}")
    return tuple(result)
