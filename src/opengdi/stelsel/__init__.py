# SPDX-License-Identifier: EUPL-1.2
"""The stelselvoorzieningen: Digikoppeling, Digilevering, Digimelding and the Stelselcatalogus."""
