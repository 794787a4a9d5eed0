# SPDX-License-Identifier: EUPL-1.2
"""A synthetic population on top of the test persons (``gdi genereren brp --personen N [--startwaarde S]``).

Households are generated one at a time and rendered as persoonslijsten the way the GBA keeps them:
couples recorded on both lists (category 05, some dissolved by divorce or death), children with
their parents in categories 02/03 and on the parents' lists in category 09, everybody in a household
on the same address, addresses spread over the 403 municipalities of 2014 in proportion to their
inhabitants. A share of the persons died (06, opschorting O), emigrated (08 abroad, opschorting E)
or was registered in the RNI only (opschorting R). The population is the state on :data:`PEILDATUM`,
the last day of 2014, so every municipality code is valid on every date used.

Identifiers cannot collide with the test persons: BSNs come from ``2xxxxxxxx`` (the test sets use
``0000xxxxx``, ``10xxxxxxx`` and ``99xxxxxxx``), A-nummers from the whole valid space, and every
number that occurs in the packaged test data is skipped. Both are a seeded permutation, so a seed
always gives the same numbers. BAG identifiers use serial numbers from ``0900000001`` on.

Everything is deterministic for a given seed (one :class:`random.Random`, seeded Faker instances)
and streamed in batches, so a million persons never sit in memory at once.

The parts, each building on the ones before it:

- :mod:`~opengdi.registers.brp.seed.keuzes`: dates, codes, shares, weighted choices and name lists;
- :mod:`~opengdi.registers.brp.seed.nummers`: burgerservicenummers and A-nummers;
- :mod:`~opengdi.registers.brp.seed.adressen`: municipalities, streets, postcodes, addresses abroad;
- :mod:`~opengdi.registers.brp.seed.mensen`: the persons while their households are built;
- :mod:`~opengdi.registers.brp.seed.bevolking`: the seeded draws and the persons built from them;
- :mod:`~opengdi.registers.brp.seed.huishoudens`: whole households, drawn by kind;
- :mod:`~opengdi.registers.brp.seed.persoonslijsten`: rendering as persoonslijsten, :func:`generate_population`;
- :mod:`~opengdi.registers.brp.seed.opslaan`: storing them in the BRP, :func:`seed_population`.
"""

from opengdi.registers.brp.seed.keuzes import PEILDATUM
from opengdi.registers.brp.seed.nummers import MAX_PERSONEN, a_nummer_bij, gereserveerde_nummers
from opengdi.registers.brp.seed.opslaan import seed_population
from opengdi.registers.brp.seed.persoonslijsten import generate_population

__all__ = [
    "MAX_PERSONEN",
    "PEILDATUM",
    "a_nummer_bij",
    "generate_population",
    "gereserveerde_nummers",
    "seed_population",
]
