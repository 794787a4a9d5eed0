# SPDX-License-Identifier: EUPL-1.2
"""The DigiD levels of assurance and how each protocol names them. No framework here.

DigiD knows four levels, each stronger than the one before: basis (username and password), midden
(with a second factor: an SMS code or the app), substantieel and hoog (the app with the identity
document, or a chip). The SAML koppelvlak names them by ``AuthnContextClassRef``; the OIDC side uses
the same URIs as ``acr`` values (the NL GOV profile lets an OP use values of its own where eIDAS
does not apply) and gives the eIDAS level beside them where one exists.
"""

from __future__ import annotations

from enum import Enum

_SAML = "urn:oasis:names:tc:SAML:2.0:ac:classes:"
_EIDAS = "http://eidas.europa.eu/LoA/"


class Niveau(Enum):
    """A DigiD level: its name, its ``AuthnContextClassRef`` (and ``acr``), its eIDAS level."""

    BASIS = ("basis", _SAML + "PasswordProtectedTransport", None)
    MIDDEN = ("midden", _SAML + "MobileTwoFactorContract", _EIDAS + "low")
    SUBSTANTIEEL = ("substantieel", _SAML + "Smartcard", _EIDAS + "substantial")
    HOOG = ("hoog", _SAML + "SmartcardPKI", _EIDAS + "high")

    def __init__(self, naam: str, klasse: str, eidas: str | None) -> None:
        self.naam = naam
        self.klasse = klasse
        self.eidas = eidas

    @property
    def acr(self) -> str:
        """The ``acr`` value of an ID token at this level."""
        return self.klasse

    @property
    def rang(self) -> int:
        """Its place in the order basis < midden < substantieel < hoog."""
        return list(Niveau).index(self)

    @property
    def tweede_factor(self) -> bool:
        """Whether a login at this level needs a second factor (from midden up)."""
        return self.rang >= Niveau.MIDDEN.rang

    def voldoet_aan(self, vereist: Niveau) -> bool:
        """Whether a login at this level satisfies a relying party that requires ``vereist``."""
        return self.rang >= vereist.rang

    @classmethod
    def van(cls, waarde: str) -> Niveau | None:
        """The level a name (``midden``), an ``acr`` or ``AuthnContextClassRef``, or an eIDAS level names."""
        return next((item for item in cls if waarde in (item.naam, item.klasse, item.eidas)), None)


def vereist_niveau(acr_values: str | None, minimum: Niveau) -> Niveau:
    """The level a login must reach: the lowest of the requested ``acr_values`` (space-separated,
    unknown ones ignored), but not below the relying party's ``minimum``."""
    gevraagd = [niveau for waarde in (acr_values or "").split() if (niveau := Niveau.van(waarde)) is not None]
    if not gevraagd:
        return minimum
    laagste = min(gevraagd, key=lambda item: item.rang)
    return laagste if laagste.voldoet_aan(minimum) else minimum
