# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the WOZ: a WOZ-object, a search for them, the demo objects at the addresses of
the BAG with the persons of the BRP who live there as belanghebbenden."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.woz import repository
from opengdi.registers.woz.domein import (
    EIGENAAR,
    GEBRUIKER,
    NATUURLIJK_PERSOON,
    Belanghebbende,
    WozObject,
    demowaarden,
)
from opengdi.registers.woz.repository import Zoekvraag

#: The most objects a search finds; one that finds more is refused.
MAX_RESULTATEN = 1_000


class NietGevonden(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """No WOZ-object has the number asked."""


class TeVeel(LookupError):  # noqa: N818 - the Dutch name of the outcome
    """A search finds more than :data:`MAX_RESULTATEN`."""


async def woz_object(database: Database, identificatie: str) -> WozObject:
    """The WOZ-object with this number (:class:`NietGevonden` when none)."""
    found = await repository.objecten(database, [identificatie])
    if not found:
        raise NietGevonden(identificatie)
    return found[0]


async def objecten(database: Database, identificaties: Sequence[str]) -> list[WozObject]:
    """The WOZ-objecten with these numbers that exist, in this order."""
    return await repository.objecten(database, identificaties)


async def zoek(database: Database, vraag: Zoekvraag) -> list[str]:
    """The numbers of the WOZ-objecten ``vraag`` finds, in order (:class:`TeVeel` when too many)."""
    found = await repository.zoek(database, vraag, MAX_RESULTATEN + 1)
    if len(found) > MAX_RESULTATEN:
        raise TeVeel(len(found))
    return found


def demo_objecten(
    adressen: Sequence[BagAdres],
    bewoners: Mapping[str, Sequence[str]],
    vandaag: date,
    zaken: Mapping[str, Sequence[str]] | None = None,
) -> list[WozObject]:
    """A WOZ-object for each address: numbered per municipality, its values on the last five
    waardepeildatums, its eigenaar and gebruiker the first (by burgerservicenummer) of the persons
    ``bewoners`` names at its adresseerbaar object (none when nobody lives there), and the
    kadastrale onroerende zaken ``zaken`` names there."""
    volgnummers: dict[str, int] = defaultdict(int)
    jaren = range(vandaag.year - 5, vandaag.year)
    objecten = []
    for adres in sorted(adressen, key=lambda item: (item.gemeentecode, item.adresseerbaar_object)):
        volgnummers[adres.gemeentecode] += 1
        identificatie = f"{adres.gemeentecode}{volgnummers[adres.gemeentecode]:08d}"
        bewoner = min(bewoners.get(adres.adresseerbaar_object, ()), default=None)
        belanghebbenden = (
            tuple(Belanghebbende(rol, NATUURLIJK_PERSOON, bsn=bewoner) for rol in (EIGENAAR, GEBRUIKER))
            if bewoner
            else ()
        )
        aanduiding = {
            "straat": adres.openbare_ruimte,
            "korteNaam": adres.korte_naam,
            "huisnummer": adres.huisnummer,
            "huisletter": adres.huisletter or None,
            "huisnummertoevoeging": adres.toevoeging or None,
            "postcode": adres.postcode,
            "woonplaats": adres.woonplaats,
            "nummeraanduidingIdentificatie": adres.nummeraanduiding,
        }
        gegevens = {
            "aanduiding": {key: value for key, value in aanduiding.items() if value},
            "verantwoordelijkeGemeente": {"code": adres.gemeentecode},
            "adresseerbaarObjectIdentificaties": [adres.adresseerbaar_object],
            "kadastraalOnroerendeZaken": [
                {"identificatie": nummer} for nummer in sorted((zaken or {}).get(adres.adresseerbaar_object, ()))
            ],
        }
        objecten.append(
            WozObject(
                identificatie,
                adres.gemeentecode,
                gegevens,
                adres.adresseerbaar_object,
                adres.nummeraanduiding,
                demowaarden(adres.adresseerbaar_object, jaren),
                belanghebbenden,
            )
        )
    return objecten


async def load_objecten(uow: UnitOfWork, objecten: Sequence[WozObject]) -> int:
    """Store WOZ-objecten and commit; how many."""
    stored = await repository.add_objecten(uow.session, objecten)
    await uow.commit()
    return stored


async def empty_woz(uow: UnitOfWork) -> int:
    """Remove everything the WOZ holds and commit; how many objects there were."""
    removed = await repository.delete_all(uow.session)
    await uow.commit()
    return removed
