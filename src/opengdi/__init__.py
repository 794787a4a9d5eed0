# SPDX-License-Identifier: EUPL-1.2
"""Open GDI: the Dutch Generieke Digitale Infrastructuur as one runnable system."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("opengdi")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
