# SPDX-License-Identifier: EUPL-1.2
"""``python -m opengdi`` is the ``gdi`` command."""

from opengdi.cli import app

app()
