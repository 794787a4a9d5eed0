# SPDX-License-Identifier: EUPL-1.2
"""Digikoppeling's tables: organisations, their keys and certificates, autorisatiebesluiten, used
assertions, and the issuer's signing key and certificate authority."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base, JsonDocument


class OrganisatieRow(Base):
    """An organisation that takes part in the GDI, identified by its OIN."""

    __tablename__ = "dk_organisatie"

    oin: Mapped[str] = mapped_column(String(20), primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    soort: Mapped[str] = mapped_column(String(20), comment="gemeente, provincie, waterschap, ministerie, zbo, privaat")
    gemeentecode: Mapped[str | None] = mapped_column(String(4), comment="GBA-gemeentecode (tabel 33) van een gemeente")
    cbs_code: Mapped[str | None] = mapped_column(String(6), comment="CBS-code, GM…/PV…")
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ingetrokken_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ClientSleutelRow(Base):
    """A public key with which an organisation signs its client assertions (private_key_jwt)."""

    __tablename__ = "dk_clientsleutel"

    kid: Mapped[str] = mapped_column(String(100), primary_key=True)
    oin: Mapped[str] = mapped_column(String(20), ForeignKey("dk_organisatie.oin"), index=True)
    jwk: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ingetrokken_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CertificaatRow(Base):
    """A client certificate the local CA issued to an organisation (OIN in subject serialNumber)."""

    __tablename__ = "dk_certificaat"

    vingerafdruk: Mapped[str] = mapped_column(String(64), primary_key=True, comment="SHA-256 van de DER-vorm, hex")
    oin: Mapped[str] = mapped_column(String(20), ForeignKey("dk_organisatie.oin"), index=True)
    serienummer: Mapped[str] = mapped_column(String(40))
    pem: Mapped[str] = mapped_column(Text)
    geldig_tot: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ingetrokken_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AutorisatieRow(Base):
    """An autorisatiebesluit: what an afnemer may do with a building block, and for which purpose."""

    __tablename__ = "dk_autorisatie"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    oin: Mapped[str] = mapped_column(String(20), ForeignKey("dk_organisatie.oin"), index=True)
    bouwsteen: Mapped[str] = mapped_column(String(40))
    doelbinding: Mapped[str] = mapped_column(String(100), comment="code van het doel")
    omschrijving: Mapped[str] = mapped_column(String(200))
    operaties: Mapped[list[str]] = mapped_column(JsonDocument, comment="toegestane operaties; ['*'] = alle")
    velden: Mapped[list[str]] = mapped_column(JsonDocument, comment="toegestane gegevens (fields-paden); ['*'] = alle")
    beperkingen: Mapped[dict[str, str]] = mapped_column(
        JsonDocument, default=dict, comment="beperkingen die de bouwsteen kent, naam → waarde"
    )
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ingetrokken_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class GebruikteAssertieRow(Base):
    """A client assertion that bought a token: its jti may not be used again before it expires."""

    __tablename__ = "dk_gebruikte_assertie"

    oin: Mapped[str] = mapped_column(String(20), primary_key=True)
    jti: Mapped[str] = mapped_column(String(255), primary_key=True)
    verloopt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class SleutelmateriaalRow(Base):
    """Key material of the deployment: the token issuer's signing key and the local CA."""

    __tablename__ = "dk_sleutelmateriaal"

    naam: Mapped[str] = mapped_column(String(40), primary_key=True, comment="'uitgifte' of 'ca'")
    private_pem: Mapped[str] = mapped_column(Text)
    certificaat_pem: Mapped[str | None] = mapped_column(Text)
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ApiSleutelRow(Base):
    """An API key issued to an organisation, for clients that send one (``X-Api-Key``) to an API
    whose official document declares such a scheme: kept only as its SHA-256 hash."""

    __tablename__ = "dk_apisleutel"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    oin: Mapped[str] = mapped_column(String(20), ForeignKey("dk_organisatie.oin"), index=True)
    sleutelhash: Mapped[str] = mapped_column(String(64), unique=True, comment="SHA-256 van de sleutel, hex")
    omschrijving: Mapped[str] = mapped_column(String(200))
    aangemaakt_op: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    ingetrokken_op: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
