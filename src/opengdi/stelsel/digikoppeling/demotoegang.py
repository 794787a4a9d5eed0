# SPDX-License-Identifier: EUPL-1.2
"""The demo register of organisations, and ready credentials for a few demo afnemers so that a
developer can get a token at once (``gdi org token OIN``)."""

from __future__ import annotations

from pathlib import Path

from opengdi.kernel.blocks import Demo, Samenstelling, Voortgang
from opengdi.kernel.db import Database
from opengdi.kernel.uow import UnitOfWork
from opengdi.settings import Settings
from opengdi.stelsel.digikoppeling import service
from opengdi.stelsel.digikoppeling.demo import demo_oin, gemeente_oin

#: Demo afnemers that get a key pair at the first start, with what they may do.
DEMO_AFNEMERS = {
    demo_oin("Rijksdienst voor Identiteitsgegevens"): "RvIG: bronhouder BRP (alles, ook testgegevens laden)",
    gemeente_oin("0599"): "Gemeente Rotterdam: alle BRP-gegevens van eigen inwoners",
    gemeente_oin("0518"): "Gemeente 's-Gravenhage: alle BRP-gegevens van eigen inwoners",
    demo_oin("Belastingdienst"): "Belastingdienst: fiscaal relevante gegevens van iedereen",
    demo_oin("Autoriteit Persoonsgegevens"): "Autoriteit Persoonsgegevens: toezicht op de protocollering",
    demo_oin("Logius"): "Logius: beheer van het Digikoppeling-register",
}


def credential_path(folder: Path, oin: str) -> Path:
    """Where the private key of ``oin`` is kept in the data folder."""
    return folder / "credentials" / f"{oin}.pem"


def write_private_key(folder: Path, oin: str, private_pem: str) -> Path:
    """Store a private key readable only by its owner; its path."""
    path = credential_path(folder, oin)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(private_pem, encoding="utf-8")
    path.chmod(0o600)
    return path


async def load_demo_register(database: Database, folder: Path, samenstelling: Samenstelling) -> int:
    """Register the demo organisations with the grants the blocks of ``samenstelling`` declare for
    them, and give the demo afnemers credentials, once."""
    async with UnitOfWork(database) as uow:
        registered = await service.load_demo_register(uow, samenstelling)
        if registered:
            for oin in DEMO_AFNEMERS:
                private_pem, _kid = await service.create_credentials(uow, oin)
                write_private_key(folder, oin, private_pem)
    return registered


async def _load(
    database: Database, settings: Settings, samenstelling: Samenstelling, _progress: Voortgang
) -> str | None:
    if not await load_demo_register(database, settings.data_dir, samenstelling):
        return None
    return f"Register van organisaties geladen; sleutels van demo-afnemers in {settings.data_dir}/credentials."


#: The demo data of Digikoppeling: the register of organisations and the demo afnemers' keys.
DEMO = Demo(omschrijving="Register van organisaties laden", omvang=lambda: 0, laden=_load, basis=True)


async def voorbeelden(_database: Database, settings: Settings) -> list[str]:
    """Start-banner lines: how to reach the APIs, with the demo afnemers whose key is in the data folder."""
    if settings.authenticatie == "uit":
        return ["Authenticatie staat uit (GDI_AUTHENTICATIE=uit): de API's zijn open."]
    ready = {oin: what for oin, what in DEMO_AFNEMERS.items() if credential_path(settings.data_dir, oin).exists()}
    lines = ["Toegang met Digikoppeling: een access token per afnemer (zie docs/digikoppeling.md)."]
    if ready:
        lines.append("Demo-afnemers met een sleutel in de datamap (gdi org token OIN geeft een access token):")
        lines.extend(f"  {oin}  {what}" for oin, what in ready.items())
        lines.append(f"  TOKEN=$(gdi org token {next(iter(ready))})")
    if settings.is_test_deployment:
        lines.append(
            f"Demo-API-sleutel (X-Api-Key, voor API's die er een kennen, zoals de BAG) van "
            f"{service.DEMO_APISLEUTEL_OIN}: {service.DEMO_APISLEUTEL}"
        )
    return lines
