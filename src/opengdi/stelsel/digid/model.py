# SPDX-License-Identifier: EUPL-1.2
"""The tables of DigiD: test accounts (linked to a BRP person by BSN), the relying parties registered
to log in their users, the authorization requests and codes of the OIDC flow, the access tokens for
the userinfo, the login sessions of the browser, the history of logins, the text messages of the
simulated phone, and the signing keys and the secret the pseudonyms are made with.

Codes, tokens and session keys are stored as their SHA-256 hash only: who reads the database cannot
use them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument


class AccountRow(Base):
    """A DigiD test account: a username and password for the person with ``bsn``."""

    __tablename__ = "digid_account"

    gebruikersnaam: Mapped[str] = mapped_column(String(64), primary_key=True)
    bsn: Mapped[str] = mapped_column(String(9), comment="de persoon in de BRP")
    wachtwoord_hash: Mapped[str] = mapped_column(String(200), comment="scrypt, zie digid.wachtwoord")
    mislukt: Mapped[int] = mapped_column(Integer, default=0, comment="mislukte pogingen op rij")
    geblokkeerd_tot: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    telefoonnummer: Mapped[str | None] = mapped_column(String(20), comment="voor de sms-code (testtelefoon)")
    app_geheim: Mapped[str | None] = mapped_column(String(64), comment="TOTP-geheim van de DigiD app")
    app_niveau: Mapped[str | None] = mapped_column(String(20), comment="het niveau dat de app haalt")
    app_venster: Mapped[int | None] = mapped_column(Integer, comment="het laatst gebruikte TOTP-venster")
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_digid_account_bsn", "bsn"),)


class ClientRow(Base):
    """A relying party: an organisation (OIN) with its redirect URIs, the level it requires at least
    and how it authenticates (a secret, stored hashed)."""

    __tablename__ = "digid_client"

    client_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    oin: Mapped[str] = mapped_column(String(20))
    naam: Mapped[str] = mapped_column(String(200))
    redirect_uris: Mapped[list[str]] = mapped_column(JsonDocument)
    post_logout_redirect_uris: Mapped[list[str]] = mapped_column(JsonDocument)
    minimum_niveau: Mapped[str] = mapped_column(String(20), comment="basis, midden, substantieel of hoog")
    secret_hash: Mapped[str | None] = mapped_column(String(200), comment="SHA-256 van het client secret")
    jwks: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument, comment="publieke sleutels (private_key_jwt)")
    sector: Mapped[str] = mapped_column(String(200), comment="waarvoor de pseudoniemen gelden")
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SamlDienstRow(Base):
    """A service provider of the SAML koppelvlak: an organisation (OIN) with its entityID, the
    certificate it signs with, its AssertionConsumerServices (Artifact binding) and logout address."""

    __tablename__ = "digid_saml_dienst"

    id: Mapped[str] = mapped_column(String(100), primary_key=True, comment="saml- en 16 hexadecimale tekens")
    entity_id: Mapped[str] = mapped_column(String(1000), unique=True)
    naam: Mapped[str] = mapped_column(String(200))
    oin: Mapped[str] = mapped_column(String(20))
    minimum_niveau: Mapped[str] = mapped_column(String(20), comment="basis, midden, substantieel of hoog")
    certificaat: Mapped[str] = mapped_column(Text, comment="PEM van het ondertekencertificaat")
    acs: Mapped[list[list[Any]]] = mapped_column(JsonDocument, comment="[index, adres] per AssertionConsumerService")
    slo: Mapped[str | None] = mapped_column(Text, comment="SingleLogoutService (HTTP-Redirect)")
    aangemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class VerzoekRow(Base):
    """An authorization request waiting for its login (by a random key in the login form)."""

    __tablename__ = "digid_verzoek"

    sleutel_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(100))
    redirect_uri: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(Text)
    nonce: Mapped[str] = mapped_column(Text)
    code_challenge: Mapped[str] = mapped_column(String(43))
    niveau: Mapped[str] = mapped_column(String(20))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    gebruikersnaam: Mapped[str | None] = mapped_column(String(64), comment="na een goed wachtwoord")
    bereikt: Mapped[str | None] = mapped_column(String(20), comment="het niveau van een voltooide aanmelding")
    middel: Mapped[str | None] = mapped_column(String(20), comment="waarmee die aanmelding is gedaan")
    sms_hash: Mapped[str | None] = mapped_column(String(64), comment="SHA-256 van de verstuurde sms-code")
    pogingen: Mapped[int] = mapped_column(
        Integer, default=0, server_default="0", comment="foute codes van de tweede stap"
    )


class CodeRow(Base):
    """An authorization code: whom it logs in, for which relying party, once."""

    __tablename__ = "digid_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(100))
    redirect_uri: Mapped[str] = mapped_column(Text)
    bsn: Mapped[str] = mapped_column(String(9))
    niveau: Mapped[str] = mapped_column(String(20))
    nonce: Mapped[str] = mapped_column(Text)
    code_challenge: Mapped[str] = mapped_column(String(43))
    aangemeld: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    gebruikt: Mapped[bool] = mapped_column(Boolean, default=False)
    namens_bsn: Mapped[str | None] = mapped_column(String(9), comment="de vertegenwoordigde")


class TokenRow(Base):
    """An access token for the userinfo endpoint."""

    __tablename__ = "digid_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    client_id: Mapped[str] = mapped_column(String(100))
    bsn: Mapped[str] = mapped_column(String(9))
    niveau: Mapped[str] = mapped_column(String(20))
    aangemeld: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    namens_bsn: Mapped[str | None] = mapped_column(String(9), comment="de vertegenwoordigde")


class SessieRow(Base):
    """A login session of a browser (its cookie holds the key): who, at which level, until when."""

    __tablename__ = "digid_sessie"

    sleutel_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(64))
    bsn: Mapped[str] = mapped_column(String(9))
    niveau: Mapped[str] = mapped_column(String(20))
    aangemeld: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    csrf: Mapped[str] = mapped_column(String(64), comment="het token van de formulieren van deze sessie")
    app_geheim: Mapped[str | None] = mapped_column(String(64), comment="een app die nog wordt geactiveerd")


class InlogRow(Base):
    """A login at a relying party: who, where, at which level, with which means, for whom."""

    __tablename__ = "digid_inlog"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    moment: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    bsn: Mapped[str] = mapped_column(String(9))
    client_id: Mapped[str] = mapped_column(String(100))
    dienst: Mapped[str] = mapped_column(String(200))
    oin: Mapped[str] = mapped_column(String(20))
    niveau: Mapped[str] = mapped_column(String(20))
    middel: Mapped[str] = mapped_column(String(20), comment="wachtwoord, sms, app of sessie")
    namens_bsn: Mapped[str | None] = mapped_column(String(9))

    __table_args__ = (Index("ix_digid_inlog_bsn", "bsn", "moment"), Index("ix_digid_inlog_oin", "oin", "moment"))


class SmsRow(Base):
    """A text message of the simulated phone (test environments only)."""

    __tablename__ = "digid_sms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    telefoonnummer: Mapped[str] = mapped_column(String(20), index=True)
    tekst: Mapped[str] = mapped_column(Text)
    verzonden: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class MachtigingRow(Base):
    """A representation: ``gemachtigde`` may act for ``volmachtgever`` at one service
    (``client_id``; every service: ``None``), by a DigiD machtiging the volmachtgever gave, or by
    bewind, curatele or mentorschap (set through the beheer API); until it is withdrawn."""

    __tablename__ = "digid_machtiging"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    soort: Mapped[str] = mapped_column(String(20), comment="machtiging, bewind, curatele of mentorschap")
    volmachtgever_bsn: Mapped[str] = mapped_column(String(9), comment="de vertegenwoordigde")
    gemachtigde_bsn: Mapped[str] = mapped_column(String(9), comment="wie namens hem handelt")
    client_id: Mapped[str | None] = mapped_column(String(100), comment="de dienst; leeg: elke dienst")
    gegeven: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ingetrokken: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_digid_machtiging_gemachtigde", "gemachtigde_bsn"),
        Index("ix_digid_machtiging_volmachtgever", "volmachtgever_bsn"),
    )


class AssertieRow(Base):
    """A client assertion (``private_key_jwt``) already used, by its ``jti``: none is taken twice."""

    __tablename__ = "digid_assertie"

    sleutel: Mapped[str] = mapped_column(String(64), primary_key=True, comment="SHA-256 van client_id en jti")
    verloopt: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SleutelRow(Base):
    """A signing key of the ID tokens (the newest not replaced signs)."""

    __tablename__ = "digid_sleutel"

    kid: Mapped[str] = mapped_column(String(100), primary_key=True)
    private_pem: Mapped[str] = mapped_column(Text)
    gemaakt: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    vervangen: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class GeheimRow(Base):
    """A secret of the deployment's DigiD (``pseudoniemen``: what the pairwise ``sub`` is made with)."""

    __tablename__ = "digid_geheim"

    naam: Mapped[str] = mapped_column(String(40), primary_key=True)
    waarde: Mapped[str] = mapped_column(Text)
