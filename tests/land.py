# SPDX-License-Identifier: EUPL-1.2
"""Loading a generated BAG as the tests of one consistent country need it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from opengdi.kernel.db import Database
from opengdi.registers.bag import service as bag_service
from opengdi.registers.bag.extract import BagExtract
from opengdi.registers.bag.generator import Omvang, gemeente_woonplaatsen, land, levering
from opengdi.registers.bag.schrijver import write_extract
from tests.conftest import unit_of_work


async def load_bag(database: Database, omvang: Omvang) -> None:
    """Write the country ``omvang`` as a BAG 2.0 Extract and import it into ``database``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "BAGNLDL-01012014.zip"
        write_extract(path, levering(), land(omvang), gemeente_woonplaatsen(omvang))
        with BagExtract(path) as extract:
            async with unit_of_work(database) as uow:
                await bag_service.import_extract(uow, extract)
