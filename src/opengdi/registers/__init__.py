# SPDX-License-Identifier: EUPL-1.2
"""The basisregistraties, one package per registry."""
