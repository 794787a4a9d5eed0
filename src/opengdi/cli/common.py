# SPDX-License-Identifier: EUPL-1.2
"""What every ``gdi`` command shares: the console, progress bars, running async work on a migrated database."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from opengdi.bouwstenen import migraties
from opengdi.kernel.db import Database
from opengdi.settings import Settings

console = Console(soft_wrap=True)
T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run async work from a command."""
    return asyncio.run(coroutine)


def progress() -> Progress:
    """A progress bar with count and elapsed time."""
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    )


async def with_database(settings: Settings, work: Callable[[Database], Coroutine[Any, Any, T]]) -> T:
    """Run ``work`` on the deployment's database, migrated to the newest revision."""
    database = Database(settings.effective_database_url)
    try:
        await migraties().upgrade(database)
        return await work(database)
    finally:
        await database.dispose()
