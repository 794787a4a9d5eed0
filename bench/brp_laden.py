# SPDX-License-Identifier: EUPL-1.2
"""What the outbox costs a bulk load: ``gdi genereren brp`` with its events, beside the same load
with the outbox write left out, on scratch databases.

Each run loads the same synthetic population (same seed) into a fresh, migrated database, one
transaction per batch; the first with a ``persoonslijst-opgenomen`` event per person written in
the batch's transaction (COPY on PostgreSQL, executemany on SQLite), the second with the outbox
write replaced by nothing. It prints both times and their ratio.

    python -m bench.brp_laden --persons 100000 --postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.common import on_scratch_database
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.outbox import Gebeurtenis
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.brp import repository
from opengdi.registers.brp.seed import seed_population
from opengdi.settings import get_settings


async def _load(database_url: str, persons: int) -> tuple[float, int, int]:
    """Seconds to load ``persons``, the persoonslijsten stored and the events recorded."""
    database = Database(database_url)
    try:
        await SAMENSTELLING.migraties().upgrade(database)
        started = time.perf_counter()
        async with UnitOfWork(database, oin=get_settings().oin) as uow:
            stored = await seed_population(uow, persons)
        seconds = time.perf_counter() - started
        async with database.session() as session:
            events = await outbox.last_volgnummer(session)
        async with database.connect() as connection:
            assert await repository.count(connection) == stored
        return seconds, stored, events
    finally:
        await database.dispose()


async def _no_outbox(_session: Any, _events: Sequence[Gebeurtenis], *, oin: str, tijdstip: datetime) -> None:
    """The outbox write left out (the baseline)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    parser.add_argument("--persons", type=int, default=100_000, help="synthetic persons (default 100000)")
    arguments = parser.parse_args()
    results: dict[str, tuple[float, int, int]] = {}

    async def with_events(url: str, _folder: Path) -> None:
        results["met gebeurtenissen"] = await _load(url, arguments.persons)

    async def without_events(url: str, _folder: Path) -> None:
        original = outbox.write
        outbox.write = _no_outbox  # type: ignore[assignment]
        try:
            results["zonder outbox"] = await _load(url, arguments.persons)
        finally:
            outbox.write = original

    on_scratch_database(arguments.postgres, with_events)
    on_scratch_database(arguments.postgres, without_events)
    print(f"database: {'postgresql' if arguments.postgres else 'sqlite'}, {arguments.persons} synthetische personen")
    for label, (seconds, stored, events) in results.items():
        print(f"{label:<20} {seconds:7.1f} s   {stored} persoonslijsten, {events} gebeurtenissen")
    ratio = results["met gebeurtenissen"][0] / results["zonder outbox"][0]
    print(f"met / zonder: {ratio:.2f}")


if __name__ == "__main__":
    main()
