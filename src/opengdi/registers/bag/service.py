# SPDX-License-Identifier: EUPL-1.2
"""The BAG's use cases: loading a BAG 2.0 Extract, building its search index, emptying the BAG.

An import commits once per XML file of the extract, together with the record that the file was
loaded: interrupted, it keeps every file it finished, and the same import run again continues with
the next one. A BAG holds one levering (one stand): loading another replaces it only when asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from opengdi.kernel.fouten import Conflict
from opengdi.kernel.outbox import Gebeurtenis
from opengdi.kernel.uow import UnitOfWork
from opengdi.registers.bag import bevragingen, opslag, tijdreizen, zoekindex
from opengdi.registers.bag.catalogus import EXTRACT_GELADEN
from opengdi.registers.bag.extract import (
    BagExtract,
    Deel,
    GemeenteWoonplaats,
    KenmerkInOnderzoek,
    Levering,
    Record,
    Voorkomen,
)
from opengdi.registers.bag.zoeken import adresregel

#: Records written per statement.
BATCH = 5_000
#: Nummeraanduidingen assembled into addresses at a time, for the search index.
ZOEKBATCH = 2_000


@dataclass
class ImportVerslag:
    """What an import did: the levering, records per kind, and what it found already loaded."""

    levering: Levering
    aantallen: Counter[str] = field(default_factory=Counter)
    al_geladen: int = 0  # XML files skipped because an earlier, interrupted run loaded them
    al_compleet: bool = False  # the extract had been loaded whole before
    onbekend: list[str] = field(default_factory=list)  # members of the zip that are not part of an extract


async def import_extract(
    uow: UnitOfWork,
    extract: BagExtract,
    *,
    vervangen: bool = False,
    progress: Callable[[int, int], None] | None = None,
    index_progress: Callable[[int], None] | None = None,
) -> ImportVerslag:
    """Load an opened extract; ``progress(done, total)`` after each XML file, then
    ``index_progress(addresses)`` as the search index grows. PostgreSQL's planner
    statistics are refreshed after the load (as no autovacuum may have yet: a search index built on
    tables it does not know is planned as if they were empty) and after the index.

    Refuses (:class:`Conflict`) when the BAG holds another levering, unless ``vervangen``.
    """
    stand = extract.levering
    row = await opslag.levering(uow.session, extract.path.name, stand)
    others = await opslag.other_leveringen(uow.session, row.id if row else None)
    if others and not vervangen:
        raise Conflict(
            f"De BAG bevat al een andere levering ({others[0].bestandsnaam}, stand van "
            f"{others[0].standtechnische_datum}); laad met --vervang om die te vervangen."
        )
    if others:
        await opslag.delete_all(uow.session)
        row = None
    if row is None:
        row = await opslag.begin_levering(uow.session, extract.path.name, stand)
    await uow.commit()
    levering_id = row.id
    verslag = ImportVerslag(stand, onbekend=list(extract.onbekend))
    if row.klaar_op is not None:  # loaded whole before: nothing to do
        verslag.al_compleet = True
        verslag.aantallen.update(await opslag.count_loaded(uow.session, levering_id))
        return verslag
    loaded = await opslag.loaded_delen(uow.session, levering_id)
    delen = extract.delen()
    for number, deel in enumerate(delen, start=1):
        if deel.pad in loaded:
            verslag.al_geladen += 1
        else:
            await _load_deel(uow, extract, deel, levering_id)
            await uow.commit()
        if progress:
            progress(number, len(delen))
    totals = await opslag.count_loaded(uow.session, levering_id)
    verslag.aantallen.update(totals)
    await opslag.analyze(uow.database)  # the index is built from the loaded tables: plan with their statistics
    await opslag.finish_levering(uow.session, row, dict(totals))
    await build_zoekindex(uow, index_progress)
    uow.record([_geladen(stand, totals)])
    await uow.commit()
    await opslag.analyze(uow.database)
    return verslag


async def _load_deel(uow: UnitOfWork, extract: BagExtract, deel: Deel, levering_id: int) -> None:
    """One XML file, in batches, and the record that it was loaded, in the unit's transaction."""
    batch: list[Record] = []
    records = 0
    for record in extract.records(deel):
        batch.append(record)
        records += 1
        if len(batch) >= BATCH:
            await _write(uow, batch, levering_id)
            batch = []
    await _write(uow, batch, levering_id)
    await opslag.mark_deel_loaded(uow.session, levering_id, deel.pad, deel.inhoud, records)


async def _write(uow: UnitOfWork, batch: list[Record], levering_id: int) -> None:
    voorkomens = [record for record in batch if isinstance(record, Voorkomen)]
    kenmerken = [record for record in batch if isinstance(record, KenmerkInOnderzoek)]
    relaties = [record for record in batch if isinstance(record, GemeenteWoonplaats)]
    await opslag.add_voorkomens(uow.session, voorkomens, levering_id)
    await opslag.add_kenmerken(uow.session, kenmerken, levering_id)
    await opslag.add_gemeente_woonplaatsen(uow.session, relaties)


def _geladen(stand: Levering, totals: dict[str, int]) -> Gebeurtenis:
    return Gebeurtenis(
        bouwsteen="bag",
        type=EXTRACT_GELADEN.naam,
        subject=stand.gebied,
        data={"gebied": stand.gebied, "standtechnischeDatum": stand.standtechnische_datum, "aantallen": totals},
        ordeningssleutel="bag",
    )


async def build_zoekindex(uow: UnitOfWork, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the free-text search index from the current addresses (as they are now), in the
    unit's transaction; how many addresses it holds. Run after every levering (and by
    ``gdi bag zoekindex``): an address that became or ceased to be current since is found (or no
    longer found) only after a rebuild, though ``/adressen`` always answers as the BAG is now.
    ``progress(addresses)`` hears the addresses indexed so far after each batch."""
    await zoekindex.empty_zoekindex(uow.session)
    connection = await uow.session.connection()
    moment = tijdreizen.nu()
    last, total = "", 0
    while numbers := await zoekindex.nummeraanduidingen_na(connection, last, ZOEKBATCH):
        adressen = await bevragingen.adressen_van(connection, numbers, moment)
        await zoekindex.add_zoekadressen(uow.session, [adresregel(item) for item in adressen])
        last, total = numbers[-1], total + len(adressen)
        if progress:
            progress(total)
    return total


async def empty_bag(uow: UnitOfWork) -> int:
    """Remove everything the BAG holds; how many voorkomens there were."""
    removed = await opslag.delete_all(uow.session)
    await uow.commit()
    return removed
