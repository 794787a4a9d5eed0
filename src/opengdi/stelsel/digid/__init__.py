# SPDX-License-Identifier: EUPL-1.2
"""DigiD: log-in for citizens, over OpenID Connect (the NL GOV Assurance profile).

Under construction (issue 14). What there is: test accounts linked to BRP persons by BSN
(``gdi digid account``), relying parties registered by OIN with their redirect URIs and minimum
level (``gdi digid client``), and the OpenID Provider at ``/digid`` (:mod:`~opengdi.stelsel.digid.api`):
discovery, JWKS with key rotation, the authorization code flow with PKCE S256, ``state`` and
``nonce``, a login page, signed ID tokens with a pairwise ``sub`` and the BSN in ``bsn``, and the
userinfo; at level basis. The domain core is plain: the levels and their names in each protocol
(:mod:`~opengdi.stelsel.digid.niveaus`), password hashes (:mod:`~opengdi.stelsel.digid.wachtwoord`),
lock-out (:mod:`~opengdi.stelsel.digid.blokkade`), PKCE (:mod:`~opengdi.stelsel.digid.pkce`), the
keys (:mod:`~opengdi.stelsel.digid.sleutelring`) and the ID token (:mod:`~opengdi.stelsel.digid.idtoken`).
"""

from __future__ import annotations

from opengdi.kernel.blocks import BuildingBlock
from opengdi.stelsel.digid.api import digid_api
from opengdi.stelsel.digid.cli import digid_app

__all__ = ["BLOCK"]

BLOCK = BuildingBlock(
    code="digid",
    titel="DigiD",
    apis=lambda _context: (digid_api(),),
    migraties="opengdi.stelsel.digid.migrations",
    commandos={"digid": digid_app},
)
