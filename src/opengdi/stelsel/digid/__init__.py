# SPDX-License-Identifier: EUPL-1.2
"""DigiD: log-in for citizens, over OpenID Connect (the NL GOV Assurance profile).

Under construction (issue 14). What there is: test accounts linked to BRP persons by BSN, one for
every person of the demo (``gdi digid account``, :mod:`~opengdi.stelsel.digid.demo`); relying
parties registered by OIN with their redirect URIs, minimum level and a secret or public keys
(``gdi digid client``, :mod:`~opengdi.stelsel.digid.diensten`); and under ``/digid``
(:mod:`~opengdi.stelsel.digid.api`) the OpenID Provider (:mod:`~opengdi.stelsel.digid.service`):
discovery, JWKS with key rotation, the authorization code flow with PKCE S256, ``state`` and
``nonce``, the login with a second factor from level midden up (:mod:`~opengdi.stelsel.digid.aanmelden`),
sessions, signed ID tokens with a pairwise ``sub`` and the BSN in ``bsn``, the userinfo and the
logout; Mijn DigiD and the simulated phone (:mod:`~opengdi.stelsel.digid.accounts`); DigiD Machtigen
and bewind, curatele and mentorschap (:mod:`~opengdi.stelsel.digid.machtigen`); the beheer API
(:mod:`~opengdi.stelsel.digid.beheer`). The domain
core is plain: the levels and their names in each protocol (:mod:`~opengdi.stelsel.digid.niveaus`),
password hashes (:mod:`~opengdi.stelsel.digid.wachtwoord`), lock-out
(:mod:`~opengdi.stelsel.digid.blokkade`), PKCE (:mod:`~opengdi.stelsel.digid.pkce`), one-time codes
(:mod:`~opengdi.stelsel.digid.totp`), the keys (:mod:`~opengdi.stelsel.digid.sleutelring`) and the
ID token (:mod:`~opengdi.stelsel.digid.idtoken`).
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.stelsel.digid.api import digid_api
from opengdi.stelsel.digid.catalogus import CATALOGUS
from opengdi.stelsel.digid.cli import digid_app
from opengdi.stelsel.digid.demo import DEMO, voorbeelden
from opengdi.stelsel.digid.demobesluiten import DEMOBESLUITEN

__all__ = ["BLOCK"]

BLOCK = BuildingBlock(
    code="digid",
    titel="DigiD",
    apis=lambda _context: (digid_api(),),
    migraties="opengdi.stelsel.digid.migrations",
    commandos={"digid": digid_app},
    demo=DEMO,
    demobesluiten=DEMOBESLUITEN,
    voorbeelden=voorbeelden,
    catalogus=CATALOGUS,
)
