# SPDX-License-Identifier: EUPL-1.2
"""The baseline server of ``bench.brp_toegang``: the open lookup as the foundation issue measured it,
before Digikoppeling: no authentication, no protocol record and no transaction row.

Only for that measurement, in the benchmark's own server process: Open GDI itself has no way to
switch protocollering off.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from opengdi.app import serve_app
from opengdi.kernel.protocollering import ProtocolRecord, ProtocolWriter
from opengdi.kernel.transacties import TransactieLog


async def _not_recorded(_writer: ProtocolWriter, *_records: ProtocolRecord) -> None:
    return None


def _not_logged(_log: TransactieLog, _row: dict[str, Any]) -> None:
    return None


def create_app() -> FastAPI:
    """The app with protocol records and transaction rows dropped (``GDI_AUTHENTICATIE=uit`` is set by the caller)."""
    ProtocolWriter.record = _not_recorded  # type: ignore[method-assign,assignment]
    TransactieLog.add = _not_logged  # type: ignore[method-assign,assignment]
    return serve_app()
