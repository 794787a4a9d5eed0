# SPDX-License-Identifier: EUPL-1.2
"""The contract through which a block takes existing persons from the BRP without importing it.

DigiD asks it whether a person may log in (:meth:`PersoonBron.staat`: not deceased, persoonslijst
not opgeschort) and which persons the demo gives an account (:meth:`PersoonBron.burgerservicenummers`).

A block that makes objects of its own for a generated country (the Handelsregister's eenmanszaken
and bestuurders, the Kadaster's eigenaren) gives them persons the BRP holds, so that every
burgerservicenummer it stores points at an existing persoonslijst of someone who could really own a
company or a house: alive, grown up, living at an address in the Netherlands. The composition hands
the deployment's :class:`PersoonBron` over (``BuildingBlock.personenbron``,
``Samenstelling.personenbron``) the way it hands over the
:class:`~opengdi.kernel.adresvoorziening.AdresBron`; a deployment without the BRP has none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from opengdi.kernel.adresvoorziening import BagAdres

#: The age from which a person may own a company or real estate in the generated country.
MEERDERJARIG = 18


@dataclass(frozen=True, slots=True)
class Ingezetene:
    """A living, grown-up person of the BRP with a residential address: burgerservicenummer, name
    as a register of companies writes it (``Merel Kooyman``, ``Jan van der Berg``), achternaam
    (voorvoegsel and geslachtsnaam: ``van der Berg``) and the current verblijfplaats (a BAG address)."""

    bsn: str
    naam: str
    achternaam: str
    adres: BagAdres


@dataclass(frozen=True, slots=True)
class Persoonsstaat:
    """Whether a persoonslijst is of a deceased person, and the reason of its opschorting if it is
    opgeschort (element 67.20: ``O`` overlijden, ``E`` emigratie, ``M`` ministerieel besluit,
    ``R`` pl aangelegd in de RNI, ``F`` fout, ``W`` wissing), ``None`` when it is not."""

    overleden: bool
    opschorting: str | None


class PersoonBron(Protocol):
    """Where a block gets existing persons from."""

    async def staat(self, bsn: str) -> Persoonsstaat | None:
        """The state of the persoonslijst with burgerservicenummer ``bsn`` (``None``: there is none)."""
        ...

    async def burgerservicenummers(self) -> list[str]:
        """The burgerservicenummer of every persoonslijst that has one, in order."""
        ...

    async def volwassenen(self, gemeentecode: str, peildatum: date) -> list[Ingezetene]:
        """Every person registered in the municipality ``gemeentecode`` who on ``peildatum`` is
        alive, at least :data:`MEERDERJARIG` years old, has a burgerservicenummer and lives at an
        address of the BAG; in order of burgerservicenummer."""
        ...


def per_adres(inwoners: Sequence[Ingezetene]) -> dict[str, list[str]]:
    """The burgerservicenummers of ``inwoners`` per adresseerbaar object they live at, in their order."""
    found: dict[str, list[str]] = defaultdict(list)
    for inwoner in inwoners:
        found[inwoner.adres.adresseerbaar_object].append(inwoner.bsn)
    return found
