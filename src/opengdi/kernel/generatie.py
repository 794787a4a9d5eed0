# SPDX-License-Identifier: EUPL-1.2
"""What the generators of a generated country (``gdi genereren …``) share: a register that already
holds what a generator makes is only replaced when asked (``--vervang``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Database
from opengdi.kernel.fouten import Conflict
from opengdi.kernel.uow import UnitOfWork


async def ruim_op(
    database: Database,
    oin: str,
    inhoud: tuple[str, int, str],
    verwijder: Callable[[AsyncSession], Awaitable[object]],
    *,
    vervang: bool,
) -> None:
    """``inhoud`` is what a register holds of what the generator makes (``("De BRK", 12, "zaken")``):
    none, or it is removed by ``verwijder`` when ``vervang``, or this refuses
    (:class:`~opengdi.kernel.fouten.Conflict`)."""
    register, bestaand, wat = inhoud
    if bestaand and not vervang:
        raise Conflict(f"{register} bevat al {bestaand} {wat}; vervang ze met --vervang")
    if bestaand:
        async with UnitOfWork(database, oin=oin) as uow:
            await verwijder(uow.session)
            await uow.commit()
