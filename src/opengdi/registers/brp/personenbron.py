# SPDX-License-Identifier: EUPL-1.2
"""The BRP as the deployment's :class:`~opengdi.kernel.personenvoorziening.PersoonBron`: the grown-up
inhabitants other blocks may make owners, bestuurders and eigenaren of.

An inhabitant qualifies when the persoonslijst is not opgeschort because of death, has a
burgerservicenummer, and its current verblijfplaats names a BAG adresseerbaar object (so the
emigrated and the RNI are left out), and the person is :data:`MEERDERJARIG` on the peildatum. The
name is written as a register of companies writes it: voornamen, voorvoegsel, geslachtsnaam; the
address is the one the current verblijfplaats records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from opengdi.kernel.adresvoorziening import BagAdres
from opengdi.kernel.db import Database
from opengdi.kernel.personenvoorziening import MEERDERJARIG, Ingezetene, Persoonsstaat
from opengdi.registers.brp import repository
from opengdi.settings import Settings


class BrpPersoonBron:
    """Grown-up inhabitants read from the BRP's tables."""

    def __init__(self, database: Database, _settings: Settings | None = None) -> None:
        self.database = database

    async def volwassenen(self, gemeentecode: str, peildatum: date) -> list[Ingezetene]:
        """See :meth:`opengdi.kernel.personenvoorziening.PersoonBron.volwassenen`."""
        grens = _verjaard(peildatum, MEERDERJARIG).strftime("%Y%m%d")
        async with self.database.read() as connection:
            rows = await repository.volwassenen(connection, gemeentecode, grens)
        return [
            Ingezetene(bsn, volledige_naam(naam), achternaam(naam), _adres(verblijfplaats))
            for bsn, naam, verblijfplaats in rows
        ]

    async def staat(self, bsn: str) -> Persoonsstaat | None:
        """See :meth:`opengdi.kernel.personenvoorziening.PersoonBron.staat`."""
        lijsten = (await repository.lookup_by_bsn(self.database, [bsn], {"01", "06", "07"})).get(bsn)
        if not lijsten:
            return None
        lijst = lijsten[0]
        reden = lijst.element("07", "67.20") if lijst.element("07", "67.10") else None
        return Persoonsstaat(bool(lijst.element("06", "08.10")) or reden == "O", reden)

    async def burgerservicenummers(self) -> list[str]:
        """See :meth:`opengdi.kernel.personenvoorziening.PersoonBron.burgerservicenummers`."""
        async with self.database.read() as connection:
            return await repository.burgerservicenummers(connection)


def volledige_naam(elementen: Mapping[str, str]) -> str:
    """Voornamen, voorvoegsel and geslachtsnaam of category 01, as one name."""
    return " ".join(part for part in (elementen.get(key, "") for key in ("02.10", "02.30", "02.40")) if part)


def achternaam(elementen: Mapping[str, str]) -> str:
    """Voorvoegsel and geslachtsnaam of category 01 (``van Dijk``)."""
    return " ".join(part for part in (elementen.get("02.30", ""), elementen.get("02.40", "")) if part)


def _adres(elementen: Mapping[str, str]) -> BagAdres:
    """The BAG address a verblijfplaats (category 08) records."""
    return BagAdres(
        gemeentecode=elementen.get("09.10", ""),
        openbare_ruimte=elementen.get("11.15", ""),
        korte_naam=elementen.get("11.10", ""),
        huisnummer=int(elementen.get("11.20") or 0),
        huisletter=elementen.get("11.30", ""),
        toevoeging=elementen.get("11.40", ""),
        postcode=elementen.get("11.60", ""),
        woonplaats=elementen.get("11.70", ""),
        adresseerbaar_object=elementen["11.80"],
        nummeraanduiding=elementen.get("11.90", ""),
    )


def _verjaard(peildatum: date, jaren: int) -> date:
    """The date ``jaren`` years before ``peildatum`` (29 February falls back to the 28th)."""
    try:
        return peildatum.replace(year=peildatum.year - jaren)
    except ValueError:
        return peildatum.replace(year=peildatum.year - jaren, day=28)
