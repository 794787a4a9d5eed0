# SPDX-License-Identifier: EUPL-1.2
"""The BAG as the deployment's :class:`~opengdi.kernel.adresvoorziening.AdresBron`: the residential
addresses other blocks may place their persons at, and the other verblijfsobjecten (shops, offices,
…) where they may place companies.

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
from opengdi.registers.bag.crs import naar_etrs89
from opengdi.settings import Settings


class BagAdresBron:
    """Addresses read from the BAG's tables."""

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

    async def werkadressen(self, peildatum: date) -> Mapping[str, Mapping[str, Sequence[int]]]:
        """See :meth:`opengdi.kernel.adresvoorziening.AdresBron.werkadressen`."""
        gemeenten = await self._gemeente_per_woonplaats(peildatum)
        found: dict[str, dict[str, array[int]]] = {}
        async with self.database.connect() as connection:
            async for sleutel, woonplaats, doel in repository.werkadressen(connection):
                gemeente = gemeenten.get(woonplaats)
                if gemeente is not None:
                    found.setdefault(gemeente, {}).setdefault(doel, array("q")).append(sleutel)
        return found

    async def adressen(self, sleutels: Sequence[int], peildatum: date) -> list[BagAdres]:
        """See :meth:`opengdi.kernel.adresvoorziening.AdresBron.adressen`: the object of each key, its
        hoofdadres, that one's openbare ruimte and woonplaats, each read by its own indexed query."""
        gemeenten = await self._gemeente_per_woonplaats(peildatum)
        async with self.database.read() as connection:
            objecten = await repository.voorkomens_bij_sleutels(connection, sleutels)
            missing = next((sleutel for sleutel in sleutels if sleutel not in objecten), None)
            if missing is not None:
                raise LookupError(f"geen adresseerbaar object in de BAG met sleutel {missing}")
            hoofdadressen = {row.gegevens["heeftAlsHoofdAdres"] for row in objecten.values()}
            nummers = await repository.huidige_gegevens(connection, "NUM", hoofdadressen)
            openbare_ruimten = {item["ligtAan"] for item in nummers.values()}
            straten = await repository.huidige_gegevens(connection, "OPR", openbare_ruimten)
            woonplaatsen = {item.get("ligtIn") or straten[item["ligtAan"]]["ligtIn"] for item in nummers.values()}
            onbekend = woonplaatsen - self._namen.keys()
            if onbekend:
                found = await repository.huidige_gegevens(connection, "WPL", onbekend)
                self._namen.update((identificatie, item["naam"]) for identificatie, item in found.items())
        return [self._adres(objecten[sleutel], nummers, straten, gemeenten) for sleutel in sleutels]

    def _adres(
        self, object_: Any, nummers: Mapping[str, Any], straten: Mapping[str, Any], gemeenten: Mapping[str, str]
    ) -> BagAdres:
        nummeraanduiding = object_.gegevens["heeftAlsHoofdAdres"]
        adres = nummers[nummeraanduiding]
        straat = straten[adres["ligtAan"]]
        woonplaats = adres.get("ligtIn") or straat["ligtIn"]
        return BagAdres(
            gemeentecode=gemeenten.get(woonplaats, object_.identificatie[:4]),
            openbare_ruimte=straat["naam"],
            korte_naam=straat.get("verkorteNaam") or straat["naam"][:24],
            huisnummer=int(adres["huisnummer"]),
            huisletter=adres.get("huisletter", ""),
            toevoeging=adres.get("huisnummertoevoeging", ""),
            postcode=adres.get("postcode", ""),
            woonplaats=self._namen.get(woonplaats, ""),
            adresseerbaar_object=object_.identificatie,
            nummeraanduiding=nummeraanduiding,
            panden=tuple(object_.gegevens.get("maaktDeelUitVan", ())),
            **_punt(object_.geometrie),
        )


def _punt(geometrie: Mapping[str, Any] | None) -> dict[str, tuple[float, float]]:
    """The point of a verblijfsobject in RD and in ETRS89, when its geometry is one."""
    if not geometrie or geometrie.get("type") != "Point":
        return {}
    x, y = (float(value) for value in geometrie["coordinates"][:2])
    return {"rd": (x, y), "etrs89": naar_etrs89(x, y)}
