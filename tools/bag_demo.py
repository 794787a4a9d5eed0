# SPDX-License-Identifier: EUPL-1.2
"""Derive the BAG's demo addresses from the BRP's demo persons (run by hand when those change).

The demo persons (the RvIG GBA-V test set and the Haal Centraal test persons) live at addresses
that name BAG objects (elements 11.80 and 11.90 of category 08). The BAG block may not read the
BRP, so this tool loads the BRP demo into a scratch database and writes each address it finds, in
the current and the historical voorkomens, to ``src/opengdi/registers/bag/data/demo-adressen.csv``,
from which the BAG's demo loader builds the objects::

    python -m tools.bag_demo
"""

from __future__ import annotations

import asyncio
import csv
import tempfile
from pathlib import Path

from sqlalchemy import select

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp.demo import load_demo
from opengdi.registers.brp.model import VoorkomenRow
from opengdi.settings import Settings

UITVOER = Path(__file__).parents[1] / "src" / "opengdi" / "registers" / "bag" / "data" / "demo-adressen.csv"
KOLOMMEN = (
    "adresseerbaarObject",
    "nummeraanduiding",
    "openbareRuimte",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
    "postcode",
    "woonplaats",
    "gemeentecode",
)


async def _adressen(folder: Path) -> list[tuple[str, ...]]:
    database = Database(f"sqlite+aiosqlite:///{folder / 'brp.db'}")
    try:
        await SAMENSTELLING.migraties().upgrade(database)
        async with UnitOfWork(database, oin=Settings().oin) as uow:
            await load_demo(uow)
        async with database.session() as session:
            statement = select(VoorkomenRow.elementen).where(VoorkomenRow.categorie.in_(("08", "58")))
            rows = (await session.scalars(statement)).all()
    finally:
        await database.dispose()
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for e in rows:
        if e.get("11.80") or e.get("11.90"):
            key = (e.get("11.80", ""), e.get("11.90", ""))
            found.setdefault(
                key,
                (
                    *key,
                    e.get("11.15") or e.get("11.10", ""),
                    e.get("11.20", ""),
                    e.get("11.30", ""),
                    e.get("11.40", ""),
                    e.get("11.60", ""),
                    e.get("11.70", ""),
                    e.get("09.10", ""),
                ),
            )
    return sorted(found.values())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        adressen = asyncio.run(_adressen(Path(folder)))
    with UITVOER.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(KOLOMMEN)
        writer.writerows(adressen)
    print(f"{len(adressen)} adressen geschreven naar {UITVOER}")


if __name__ == "__main__":
    main()
