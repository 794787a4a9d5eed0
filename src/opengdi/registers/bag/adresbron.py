# SPDX-License-Identifier: EUPL-1.2
"""The BAG as the deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron`: the residential
addresses other blocks may place their persons at.

A residential address is the current hoofdadres of a current adresseerbaar object people can live
in: a verblijfsobject with a woonfunctie that is in gebruik, or an aangewezen ligplaats or
standplaats. Its municipality is the one its woonplaats lay in on the peildatum asked (the
gemeente–woonplaats relation of the extract), so a generator of 2014 gets the municipalities of
2014 even from a BAG of today. Addresses whose woonplaats lay in no municipality then are left out.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.db import Database
from opengdi.registers.bag import repository
from opengdi.settings import Settings


class BagAdresBron:
    """Residential addresses read from the BAG's tables."""

    def __init__(self, database: Database, _settings: Settings | None = None) -> None:
        self.database = database
        self._gemeenten: dict[date, dict[str, str]] = {}
        self._namen: dict[str, str] = {}

    async def _gemeente_per_woonplaats(self, peildatum: date) -> dict[str, str]:
        if peildatum not in self._gemeenten:
            async with self.database.read() as connection:
                found = await repository.gemeenten_van_woonplaatsen(connection, peildatum.isoformat())
            self._gemeenten[peildatum] = found
        return self._gemeenten[peildatum]

    async def woonadressen(self, peildatum: date) -> Mapping[str, Sequence[int]]:
        """See :meth:`opengdi.kernel.adresvoorziening.AdresBron.woonadressen`."""
        gemeenten = await self._gemeente_per_woonplaats(peildatum)
        found: dict[str, array[int]] = {}
        async with self.database.connect() as connection:
            async for sleutel, woonplaats in repository.woonadressen(connection):
                gemeente = gemeenten.get(woonplaats)
                if gemeente is not None:
                    found.setdefault(gemeente, array("q")).append(sleutel)
        return found

    async def adressen(self, sleutels: Sequence[int], peildatum: date) -> list[BagAdres]:
        """See :meth:`opengdi.kernel.adresvoorziening.AdresBron.adressen`."""
        gemeenten = await self._gemeente_per_woonplaats(peildatum)
        async with self.database.read() as connection:
            rows = {row.sleutel: row for row in await repository.woonadressen_bij(connection, sleutels)}
            onbekend = {row.woonplaats for row in rows.values()} - self._namen.keys()
            if onbekend:
                self._namen.update(await repository.woonplaatsnamen(connection, onbekend))
        missing = [sleutel for sleutel in sleutels if sleutel not in rows]
        if missing:
            raise LookupError(f"geen woonadres in de BAG met sleutel {missing[0]}")
        return [self._adres(rows[sleutel], gemeenten) for sleutel in sleutels]

    def _adres(self, row: Any, gemeenten: Mapping[str, str]) -> BagAdres:
        adres, straat = row.adres, row.straat
        return BagAdres(
            gemeentecode=gemeenten.get(row.woonplaats, row.object[:4]),
            openbare_ruimte=straat["naam"],
            korte_naam=straat.get("verkorteNaam") or straat["naam"][:24],
            huisnummer=int(adres["huisnummer"]),
            huisletter=adres.get("huisletter", ""),
            toevoeging=adres.get("huisnummertoevoeging", ""),
            postcode=adres.get("postcode", ""),
            woonplaats=self._namen.get(row.woonplaats, ""),
            adresseerbaar_object=row.object,
            nummeraanduiding=row.nummeraanduiding,
        )
