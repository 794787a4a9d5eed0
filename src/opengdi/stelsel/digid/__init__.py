# SPDX-License-Identifier: EUPL-1.2
"""DigiD: log-in for citizens, over OpenID Connect (the NL GOV Assurance profile) and SAML.

Under construction (issue 14): this package holds the domain core so far, plain and framework-free —
the levels and how the protocols name them (:mod:`~opengdi.stelsel.digid.niveaus`), password hashes
(:mod:`~opengdi.stelsel.digid.wachtwoord`), lock-out with back-off (:mod:`~opengdi.stelsel.digid.blokkade`),
PKCE (:mod:`~opengdi.stelsel.digid.pkce`), the signing keys with rotation
(:mod:`~opengdi.stelsel.digid.sleutelring`) and the ID token of the profile
(:mod:`~opengdi.stelsel.digid.idtoken`). It declares no building block yet: nothing of it is served.
"""
