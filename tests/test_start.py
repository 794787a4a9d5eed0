# SPDX-License-Identifier: EUPL-1.2
"""What ``gdi up`` loads and prints: each block's demo data in a test deployment (only the register
of organisations with ``--leeg``), nothing in production, and banner lines only for what is there."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from opengdi.app import serve_app
from opengdi.bouwstenen import SAMENSTELLING
from opengdi.cli.start import _load_demo
from opengdi.kernel.db import Database
from opengdi.registers.brp import repository
from opengdi.registers.brp.demo import voorbeelden as brp_voorbeelden
from opengdi.settings import Deployment, get_settings
from opengdi.stelsel.digikoppeling import organisaties
from opengdi.stelsel.digikoppeling.demotoegang import voorbeelden as toegang_voorbeelden
from opengdi.stelsel.digikoppeling.service import DEMO_APISLEUTEL, DEMO_APISLEUTEL_OIN
from tests.conftest import settings_for


@pytest.fixture
async def new_database(tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty SQLite database of its own."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'start.db'}")
    await SAMENSTELLING.migraties().upgrade(database)
    yield database
    await database.dispose()


async def _counts(database: Database) -> tuple[int, int]:
    async with database.session() as session:
        return await repository.count(session), await organisaties.count_organisaties(session)


async def test_a_test_deployment_loads_every_blocks_demo_data(new_database: Database, tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    await _load_demo(new_database, settings, empty=False)
    persons, organisations = await _counts(new_database)
    assert persons == 1195 and organisations > 400
    lines = [*await toegang_voorbeelden(new_database, settings), *await brp_voorbeelden(new_database, settings)]
    assert any("999993653" in line for line in lines)
    assert any("TOKEN=$(gdi org token" in line for line in lines)
    assert any(DEMO_APISLEUTEL in line for line in lines)
    async with new_database.session() as session:
        assert await organisaties.api_sleutel_oin(session, organisaties.sleutelhash(DEMO_APISLEUTEL)) == (
            DEMO_APISLEUTEL_OIN
        )


async def test_leeg_loads_the_register_but_no_persons_and_prints_no_test_bsn(
    new_database: Database, tmp_path: Path
) -> None:
    settings = settings_for(tmp_path)
    await _load_demo(new_database, settings, empty=True)
    persons, organisations = await _counts(new_database)
    assert persons == 0 and organisations > 400
    assert await brp_voorbeelden(new_database, settings) == []


async def test_production_loads_no_demo_persons_and_no_demo_afnemers(new_database: Database, tmp_path: Path) -> None:
    settings = settings_for(tmp_path, deployment=Deployment.PRODUCTIE)
    await _load_demo(new_database, settings, empty=False)
    assert await _counts(new_database) == (0, 0)
    assert not (tmp_path / "credentials").exists()
    lines = await toegang_voorbeelden(new_database, settings)
    assert not any("gdi org token" in line or DEMO_APISLEUTEL in line for line in lines)


def test_a_server_process_exempts_its_start_up_objects_from_full_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without it every full collection walks the declarations and OpenAPI documents again (~80 ms)."""
    monkeypatch.setenv("GDI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GDI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}")
    get_settings.cache_clear()
    gc.unfreeze()
    try:
        app = serve_app()
        assert app.state.apis and gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()
        get_settings.cache_clear()
