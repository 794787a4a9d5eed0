# SPDX-License-Identifier: EUPL-1.2
"""The unit of work: one transaction of a use case, with the events it records.

A service takes a :class:`UnitOfWork`, changes data through its block's repository on
``uow.session``, records what happened with :meth:`UnitOfWork.record`, and calls
:meth:`UnitOfWork.commit`. The commit first writes the recorded events to the outbox
(:mod:`opengdi.kernel.outbox`) and then commits, in one transaction: either the change and its
events are stored, or neither is. Leaving the ``async with`` block without a commit rolls back,
as does a failure anywhere in the commit::

    async with UnitOfWork(database, oin=settings.oin) as uow:
        await service.import_persoonslijsten(uow, body)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel import outbox
from opengdi.kernel.db import Database
from opengdi.kernel.outbox import Gebeurtenis


class UnitOfWork:
    """One transaction on ``database``; rolls back unless :meth:`commit` is called.

    ``oin`` is the OIN of the organisation that runs the deployment: the source of the events
    recorded here. A unit of work that records no events does not need it.
    """

    def __init__(self, database: Database, *, oin: str | None = None) -> None:
        self.database = database
        self.oin = oin
        self._session: AsyncSession | None = None
        self._events: list[Gebeurtenis] = []

    @property
    def session(self) -> AsyncSession:
        """The session of this unit of work (only inside ``async with``)."""
        if self._session is None:
            raise RuntimeError("de unit of work is niet geopend (async with)")
        return self._session

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.database.dialect

    async def __aenter__(self) -> Self:
        self._session = self.database.sessions()
        self._events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        try:
            await self.rollback()
        finally:
            await self.session.close()
            self._session = None

    def record(self, events: Iterable[Gebeurtenis]) -> None:
        """Remember events of the change; they are written to the outbox by :meth:`commit`."""
        self._events.extend(events)

    @property
    def recorded(self) -> tuple[Gebeurtenis, ...]:
        """The events recorded since the last commit or rollback."""
        return tuple(self._events)

    async def commit(self) -> None:
        """Write the recorded events to the outbox and commit them with the change; on any failure
        roll both back and raise."""
        events, self._events = self._events, []
        try:
            if events:
                if self.oin is None:
                    raise RuntimeError("een unit of work die gebeurtenissen vastlegt, heeft het OIN van de bron nodig")
                await outbox.write(self.session, events, oin=self.oin, tijdstip=datetime.now(UTC))
        except BaseException:
            await self.session.rollback()
            raise
        try:
            await self.session.commit()
        except BaseException:
            # A failed COMMIT leaves the connection in a state nobody knows (the server may have
            # ended it while the driver has not noticed yet): it is discarded, not pooled again.
            await self.session.invalidate()
            raise

    async def rollback(self) -> None:
        """Undo the change and forget its events."""
        self._events = []
        await self.session.rollback()
