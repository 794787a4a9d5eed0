# SPDX-License-Identifier: EUPL-1.2
"""The use cases of the WOZ: a WOZ-object, a search for them, the demo objects at the addresses of
the BAG with the persons of the BRP who live there as belanghebbenden, and generating one for every
adresseerbaar object of a generated country (:func:`genereer_objecten`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from opengdi.kernel.adresvoorziening import AdresBron, BagAdres, alle_adressen
from opengdi.kernel.db import Database
from opengdi.kernel.generatie import ruim_op
from opengdi.kernel.personenvoorziening import PersoonBron, per_adres
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.woz import repository
from opengdi.registers.woz.domein import (
    EIGENAAR,
    GEBRUIKER,
    NATUURLIJK_PERSOON,
    VESTIGING,
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
    vestigingen: Mapping[str, Sequence[str]] | None = None,
) -> list[WozObject]:
    """A WOZ-object for each address: numbered per municipality, its values on the last five
    waardepeildatums, its eigenaar and gebruiker the first (by burgerservicenummer) of the persons
    ``bewoners`` names at its adresseerbaar object (when nobody lives there, the gebruiker is the
    first of the vestigingen ``vestigingen`` names there, if any), and the kadastrale onroerende
    zaken ``zaken`` names there."""
    volgnummers: dict[str, int] = defaultdict(int)
    jaren = range(vandaag.year - 5, vandaag.year)
    objecten = []
    for adres in sorted(adressen, key=lambda item: (item.gemeentecode, item.adresseerbaar_object)):
        volgnummers[adres.gemeentecode] += 1
        identificatie = f"{adres.gemeentecode}{volgnummers[adres.gemeentecode]:08d}"
        belanghebbenden = _belanghebbenden(adres.adresseerbaar_object, bewoners, vestigingen or {})
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


def _belanghebbenden(
    adresseerbaar_object: str, bewoners: Mapping[str, Sequence[str]], vestigingen: Mapping[str, Sequence[str]]
) -> tuple[Belanghebbende, ...]:
    bewoner = min(bewoners.get(adresseerbaar_object, ()), default=None)
    if bewoner is not None:
        return tuple(Belanghebbende(rol, NATUURLIJK_PERSOON, bsn=bewoner) for rol in (EIGENAAR, GEBRUIKER))
    vestiging = min(vestigingen.get(adresseerbaar_object, ()), default=None)
    return (Belanghebbende(GEBRUIKER, VESTIGING, vestigingsnummer=vestiging),) if vestiging else ()


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


async def genereer_objecten(
    database: Database,
    oin: str,
    bronnen: tuple[AdresBron, PersoonBron],
    verwijzingen: tuple[Mapping[str, Sequence[str]], Mapping[str, Sequence[str]]],
    *,
    vervang: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Give every adresseerbaar object of the BAG in use (``bronnen``: the BAG and the BRP) a
    WOZ-object (:func:`demo_objecten`), with the grown-up inhabitants the BRP has there as
    belanghebbenden, and ``verwijzingen``: the kadastrale onroerende zaken the BRK has and the
    vestigingen the Handelsregister has at each; one commit per municipality; how many. A WOZ that
    holds objects makes this refuse (:class:`~opengdi.kernel.fouten.Conflict`) unless ``vervang``
    empties it first."""
    async with database.connect() as connection:
        bestaand = await repository.count(connection)
    await ruim_op(database, oin, ("De WOZ", bestaand, "WOZ-objecten"), repository.delete_all, vervang=vervang)
    (adressen, personen), (zaken, vestigingen) = bronnen, verwijzingen
    vandaag, stored = date.today(), 0
    async for gemeentecode, woon, werk in alle_adressen(adressen, vandaag):
        bewoners = per_adres(await personen.volwassenen(gemeentecode, vandaag))
        objecten = demo_objecten([*woon, *werk], bewoners, vandaag, zaken, vestigingen)
        async with UnitOfWork(database, oin=oin) as uow:
            stored += await load_objecten(uow, objecten)
        if progress is not None:
            progress(len(objecten))
    return stored
