# SPDX-License-Identifier: EUPL-1.2
"""The register of organisations and what belongs to them: client keys, certificates, grants, used
assertions, and the deployment's own key material (token signing key, local CA). The only module
of Digikoppeling that writes SQL."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from joserfc.jwk import KeySet
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from opengdi.kernel.db import Database
from opengdi.stelsel.digikoppeling import pki
from opengdi.stelsel.digikoppeling.autorisatie import Grant
from opengdi.stelsel.digikoppeling.model import (
    ApiSleutelRow,
    AutorisatieRow,
    CertificaatRow,
    ClientSleutelRow,
    GebruikteAssertieRow,
    OrganisatieRow,
    SleutelmateriaalRow,
)

SOORTEN = ("gemeente", "provincie", "waterschap", "ministerie", "zbo", "privaat")


@dataclass(frozen=True, slots=True)
class Organisatie:
    """An organisation in the register."""

    oin: str
    naam: str
    soort: str
    gemeentecode: str | None = None
    cbs_code: str | None = None
    ingetrokken_op: datetime | None = None

    @property
    def actief(self) -> bool:
        """Whether the organisation may still take part."""
        return self.ingetrokken_op is None

    def kenmerken(self) -> dict[str, str | None]:
        """The attributes from which a grant's restriction can take the value ``eigen``."""
        return {"gemeentecode": self.gemeentecode, "cbsCode": self.cbs_code}

    def as_json(self) -> dict[str, Any]:
        """The organisation in the beheer API."""
        return {
            "oin": self.oin,
            "naam": self.naam,
            "soort": self.soort,
            "gemeentecode": self.gemeentecode,
            "cbsCode": self.cbs_code,
            "actief": self.actief,
            "ingetrokkenOp": self.ingetrokken_op.isoformat() if self.ingetrokken_op else None,
        }


def _organisatie(row: OrganisatieRow) -> Organisatie:
    return Organisatie(row.oin, row.naam, row.soort, row.gemeentecode, row.cbs_code, row.ingetrokken_op)


def _grant(row: AutorisatieRow) -> Grant:
    return Grant(
        row.id,
        row.bouwsteen,
        row.doelbinding,
        row.omschrijving,
        frozenset(row.operaties),
        tuple(row.velden),
        dict(row.beperkingen or {}),
    )


async def add_organisaties(session: AsyncSession, organisaties: Sequence[Organisatie]) -> None:
    """Register organisations (in the session's transaction)."""
    session.add_all(
        OrganisatieRow(
            oin=org.oin, naam=org.naam, soort=org.soort, gemeentecode=org.gemeentecode, cbs_code=org.cbs_code
        )
        for org in organisaties
    )
    await session.flush()


async def get_organisatie(session: AsyncSession, oin: str) -> Organisatie | None:
    """The organisation with ``oin``."""
    row = await session.get(OrganisatieRow, oin)
    return _organisatie(row) if row else None


async def list_organisaties(session: AsyncSession, soort: str | None = None) -> list[Organisatie]:
    """Every registered organisation (of one kind), by name."""
    statement = select(OrganisatieRow).order_by(OrganisatieRow.soort, OrganisatieRow.naam)
    if soort:
        statement = statement.where(OrganisatieRow.soort == soort)
    return [_organisatie(row) for row in (await session.scalars(statement)).all()]


async def count_organisaties(session: AsyncSession) -> int:
    """How many organisations are registered."""
    return int(await session.scalar(select(func.count()).select_from(OrganisatieRow)) or 0)


async def revoke_organisatie(session: AsyncSession, oin: str, now: datetime) -> bool:
    """Revoke an organisation with its keys, certificates and grants; whether it was active."""
    result = await session.execute(
        update(OrganisatieRow)
        .where(OrganisatieRow.oin == oin, OrganisatieRow.ingetrokken_op.is_(None))
        .values(ingetrokken_op=now)
    )
    for table in (ClientSleutelRow, CertificaatRow, AutorisatieRow, ApiSleutelRow):
        await session.execute(
            update(table).where(table.oin == oin, table.ingetrokken_op.is_(None)).values(ingetrokken_op=now)
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def add_client_key(session: AsyncSession, oin: str, public_jwk: dict[str, Any]) -> bool:
    """Register a checked public key (with kid) of ``oin`` for client assertions; False when its kid is taken."""
    kid = str(public_jwk["kid"])
    if await session.get(ClientSleutelRow, kid) is not None:
        return False
    session.add(ClientSleutelRow(kid=kid, oin=oin, jwk=public_jwk))
    await session.flush()
    return True


async def client_keys(session: AsyncSession, oin: str) -> KeySet:
    """The active public keys of ``oin``."""
    rows = (
        await session.scalars(
            select(ClientSleutelRow).where(ClientSleutelRow.oin == oin, ClientSleutelRow.ingetrokken_op.is_(None))
        )
    ).all()
    return KeySet.import_key_set({"keys": [row.jwk for row in rows]})


async def grants_of(session: AsyncSession, oin: str) -> list[Grant]:
    """The active grants of ``oin``."""
    rows = (
        await session.scalars(
            select(AutorisatieRow)
            .where(AutorisatieRow.oin == oin, AutorisatieRow.ingetrokken_op.is_(None))
            .order_by(AutorisatieRow.id)
        )
    ).all()
    return [_grant(row) for row in rows]


async def add_grant(session: AsyncSession, oin: str, grant: Grant) -> int:
    """Record a grant for ``oin``; its id."""
    row = AutorisatieRow(
        oin=oin,
        bouwsteen=grant.bouwsteen,
        doelbinding=grant.doelbinding,
        omschrijving=grant.omschrijving,
        operaties=sorted(grant.operaties),
        velden=list(grant.velden),
        beperkingen=dict(grant.beperkingen),
    )
    session.add(row)
    await session.flush()
    return row.id


async def revoke_grant(session: AsyncSession, grant_id: int, now: datetime) -> str | None:
    """Revoke one grant; the OIN it belonged to, ``None`` when there was no such active grant."""
    row = await session.get(AutorisatieRow, grant_id)
    if row is None or row.ingetrokken_op is not None:
        return None
    row.ingetrokken_op = now
    return row.oin


async def use_jti(session: AsyncSession, oin: str, jti: str, remember_until: datetime, now: datetime) -> bool:
    """Record that an assertion was used, its jti kept until ``remember_until`` (when the assertion can
    no longer be accepted); ``False`` when the jti was used before (a replay). A concurrent replay that
    slips past this check fails on the primary key at commit."""
    await session.execute(delete(GebruikteAssertieRow).where(GebruikteAssertieRow.verloopt_op < now))
    if await session.get(GebruikteAssertieRow, (oin, jti)) is not None:
        return False
    session.add(GebruikteAssertieRow(oin=oin, jti=jti, verloopt_op=remember_until))
    await session.flush()
    return True


async def add_certificate(session: AsyncSession, oin: str, uitgegeven: pki.Uitgegeven) -> None:
    """Record a certificate the CA issued to ``oin``."""
    session.add(
        CertificaatRow(
            vingerafdruk=uitgegeven.vingerafdruk,
            oin=oin,
            serienummer=uitgegeven.serienummer,
            pem=uitgegeven.certificaat_pem,
            geldig_tot=uitgegeven.geldig_tot,
        )
    )
    await session.flush()


async def certificate_oin(session: AsyncSession, vingerafdruk: str) -> str | None:
    """The OIN of an active certificate with this fingerprint."""
    return await session.scalar(
        select(CertificaatRow.oin).where(
            CertificaatRow.vingerafdruk == vingerafdruk, CertificaatRow.ingetrokken_op.is_(None)
        )
    )


async def key_material(database: Database, naam: str, create: Any) -> tuple[str, str | None]:
    """The deployment's key material ``naam`` (private PEM, certificate PEM); made by ``create()``
    the first time, safely when several processes start at once."""
    async with database.session() as session:
        row = await session.get(SleutelmateriaalRow, naam)
        if row is not None:
            return row.private_pem, row.certificaat_pem
        private_pem, certificate_pem = create()
        session.add(SleutelmateriaalRow(naam=naam, private_pem=private_pem, certificaat_pem=certificate_pem))
        try:
            await session.commit()
        except IntegrityError:
            await session.rollback()
            row = await session.get(SleutelmateriaalRow, naam)
            assert row is not None
            return row.private_pem, row.certificaat_pem
        return private_pem, certificate_pem


@dataclass(frozen=True, slots=True)
class ApiSleutel:
    """An API key as the register shows it: its number, organisation, description and dates (never
    the key: only its hash is kept)."""

    id: int
    oin: str
    omschrijving: str
    aangemaakt_op: datetime
    ingetrokken_op: datetime | None


def _api_sleutel(row: ApiSleutelRow) -> ApiSleutel:
    return ApiSleutel(row.id, row.oin, row.omschrijving, row.aangemaakt_op, row.ingetrokken_op)


def sleutelhash(sleutel: str) -> str:
    """The hash an API key is kept and looked up by (SHA-256, hex): a key is 256 random bits, so
    no slow hash is needed."""
    return hashlib.sha256(sleutel.encode()).hexdigest()


async def add_api_sleutel(session: AsyncSession, oin: str, sleutelhash: str, omschrijving: str) -> int:
    """Record the hash of a new API key of ``oin``; its number."""
    row = ApiSleutelRow(oin=oin, sleutelhash=sleutelhash, omschrijving=omschrijving)
    session.add(row)
    await session.flush()
    return row.id


async def api_sleutels_of(session: AsyncSession, oin: str) -> list[ApiSleutel]:
    """The API keys of ``oin``, revoked ones too, by number."""
    rows = await session.scalars(select(ApiSleutelRow).where(ApiSleutelRow.oin == oin).order_by(ApiSleutelRow.id))
    return [_api_sleutel(row) for row in rows.all()]


async def api_sleutel_oin(session: AsyncSession, sleutelhash: str) -> str | None:
    """The organisation whose API key, not revoked, has this hash."""
    return await session.scalar(
        select(ApiSleutelRow.oin).where(
            ApiSleutelRow.sleutelhash == sleutelhash, ApiSleutelRow.ingetrokken_op.is_(None)
        )
    )


async def revoke_api_sleutel(session: AsyncSession, sleutel_id: int, now: datetime) -> str | None:
    """Revoke an API key; the OIN it belonged to, or ``None`` when there was no such key in force."""
    row = await session.get(ApiSleutelRow, sleutel_id)
    if row is None or row.ingetrokken_op is not None:
        return None
    row.ingetrokken_op = now
    await session.flush()
    return row.oin
