# SPDX-License-Identifier: EUPL-1.2
"""Development tools of Open GDI (not part of the installed package)."""
