# SPDX-License-Identifier: EUPL-1.2
"""Shared mechanisms of every building block: database, identifiers, errors and API conventions."""
