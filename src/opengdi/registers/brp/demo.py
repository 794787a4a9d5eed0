# SPDX-License-Identifier: EUPL-1.2
"""The BRP's demo data: the RvIG GBA-V test set and the Haal Centraal test persons, loaded into an
empty BRP of a test deployment, and the test persons worth trying first."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.resources import files
from typing import Any

from opengdi.kernel.blocks import Demo, Samenstelling, Voorbeeldverzoek, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import repository
from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.service import Bestaand, ImportReport, import_bulk
from opengdi.registers.brp.testdata import haal_centraal_persoonslijsten
from opengdi.settings import Settings

#: Test persons worth trying first, with what makes them interesting.
VOORBEELD_BSNS = {
    "999993653": "Suzanne Moulin: Franse, gehuwd, verhuisd binnen Rotterdam",
    "999990639": "Mattheus du Burck: ouders, partner en vier kinderen",
    "000009830": "Theodoor-Christiaan … graaf van der Ven-Van Roedelrode tot Broekzucht: adellijke titel",
    "000009957": "Ronald Moes: geëmigreerd, woont in het buitenland",
    "100600220": "geheimhouding persoonsgegevens",
}


def gbav_testset() -> list[tuple[str, Any]]:
    """The RvIG GBA-V test set (687 persoonslijsten, some sharing a BSN) in import form."""
    csv_text = files("opengdi.registers.brp").joinpath("data", "gbav-testset-persoonslijsten.csv").read_text("utf-8")
    return list(read_gbav_csv(csv_text))


def haal_centraal_testpersonen() -> list[tuple[str, Any]]:
    """The 1,176 Haal Centraal test persons in import form."""
    return [(f"personen-testdata[{index}]", lijst) for index, lijst in enumerate(haal_centraal_persoonslijsten())]


def demo_size() -> int:
    """How many persoonslijsten the demo data offers."""
    return len(gbav_testset()) + len(haal_centraal_testpersonen())


async def brp_is_empty(database: Database) -> bool:
    """Whether the BRP holds no persoonslijst yet."""
    async with database.connect() as connection:
        return await repository.count(connection) == 0


async def load_demo(uow: UnitOfWork, progress: Callable[[int], None] | None = None) -> ImportReport:
    """Load the demo persoonslijsten: the GBA-V test set as it is (its deliberate duplicates
    included), then the Haal Centraal test persons that the test set does not already hold (the
    same BSN is the same test person); each stored persoonslijst with its
    ``persoonslijst-opgenomen`` event."""
    report = await import_bulk(uow, gbav_testset(), bestaand=Bestaand.TOESTAAN, progress=progress)
    extra = await import_bulk(uow, haal_centraal_testpersonen(), bestaand=Bestaand.OVERSLAAN, progress=progress)
    await repository.analyze(uow.database)
    report.stored += extra.stored
    report.skipped += extra.skipped
    report.present += extra.present
    report.warnings += extra.warnings
    return report


async def _load_into_empty_brp(
    database: Database, settings: Settings, _samenstelling: Samenstelling, progress: Voortgang
) -> str | None:
    if not await brp_is_empty(database):
        return None
    async with UnitOfWork(database, oin=settings.oin) as uow:
        report = await load_demo(uow, progress=progress)
    return f"{report.stored} persoonslijsten geladen; {report.present} testpersonen stonden al in de GBA-V testset."


#: The demo data of the BRP block.
DEMO = Demo(omschrijving="Demogegevens laden (BRP)", omvang=demo_size, laden=_load_into_empty_brp)


async def voorbeelden(database: Database, settings: Settings) -> list[str]:
    """Start-banner lines: the example test persons that the BRP holds, and a request to try."""
    async with database.session() as session:
        present = await repository.existing_bsns(session, VOORBEELD_BSNS)
    if not present:
        return []
    example = {
        "type": "RaadpleegMetBurgerservicenummer",
        "burgerservicenummer": [next(bsn for bsn in VOORBEELD_BSNS if bsn in present)],
        "fields": ["naam", "geboorte", "verblijfplaats"],
    }
    auth = ' -H "Authorization: Bearer $TOKEN"' if settings.authenticatie == "aan" else ""
    return [
        "Probeer deze burgerservicenummers:",
        *(f"  {bsn}  {what}" for bsn, what in VOORBEELD_BSNS.items() if bsn in present),
        f"  curl -s -X POST {settings.base_url}/haalcentraal/api/brp/personen "
        f"-H 'Content-Type: application/json'{auth} -d '{json.dumps(example)}'",
    ]


async def voorbeeldverzoek(database: Database, gemeentecode: str | None) -> Voorbeeldverzoek | None:
    """A RaadpleegMetBurgerservicenummer about a person the BRP holds: an inhabitant of
    ``gemeentecode`` when given, otherwise the first example test person that is loaded."""
    async with database.session() as session:
        if gemeentecode:
            bsn = await repository.bsn_in_gemeente(session, gemeentecode)
        else:
            present = await repository.existing_bsns(session, VOORBEELD_BSNS)
            bsn = next((bsn for bsn in VOORBEELD_BSNS if bsn in present), None)
    if bsn is None:
        return None
    body = {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [bsn], "fields": ["naam"]}
    return Voorbeeldverzoek(scope="brp", pad="/haalcentraal/api/brp/personen", body=body)
