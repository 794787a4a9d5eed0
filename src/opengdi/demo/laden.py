# SPDX-License-Identifier: EUPL-1.2
"""Loading the demo data into an empty deployment: the RvIG GBA-V test set and the Haal Centraal
test persons in the BRP."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from typing import Any

from opengdi.kernel.db import Database
from opengdi.registers.brp import repository
from opengdi.registers.brp.gbav import read_gbav_csv
from opengdi.registers.brp.service import ImportReport, import_bulk
from opengdi.registers.brp.testdata import haal_centraal_persoonslijsten

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


async def load_demo(database: Database, progress: Callable[[int], None] | None = None) -> ImportReport:
    """Load the demo persoonslijsten: the GBA-V test set as it is, then the Haal Centraal test
    persons that the test set does not already hold (the same BSN is the same test person)."""
    async with database.session() as session:
        report = await import_bulk(session, gbav_testset(), progress=progress)
        extra = await import_bulk(session, haal_centraal_testpersonen(), skip_existing=True, progress=progress)
    await repository.analyze(database)
    report.stored += extra.stored
    report.skipped += extra.skipped
    report.warnings += extra.warnings
    return report
