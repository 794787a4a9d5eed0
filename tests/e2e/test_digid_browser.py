# SPDX-License-Identifier: EUPL-1.2
"""DigiD in a real browser (Debian's Chromium driven by Playwright), with a relying party that is
not our code (Authlib's Starlette client, :mod:`tests.e2e.oidc_rp`) on another site: a login at
level basis; at midden with the SMS code read on the test phone; activating the DigiD app on Mijn
DigiD by its QR code's key (the codes made by ``pyotp``, as an authenticator app makes them) and a
login at substantieel with it; the session that spares a second login, and the logout. What must be
refused: a redirect URI that is not registered, a level the account has no means for (the relying
party gets the profile's error), a locked account, a deceased person. axe-core checks every page
of DigiD it meets for WCAG 2.2 AA violations. DigiD Machtigen: a citizen authorises another on Mijn
DigiD, who then logs in on his behalf. Over SAML, a service provider on python3-saml
(:mod:`tests.e2e.saml_rp`) logs a citizen in at basis and at midden by the Artifact binding.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from opengdi.stelsel.digid.niveaus import Niveau
from tests import saml_sp
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer, free_port, skip_browser_tests
from tests.e2e.oidc_rp import RelyingParty, registratie, relying_party
from tests.e2e.saml_rp import service_provider

try:
    from playwright import async_api
except ImportError:
    skip_browser_tests("het pakket playwright ontbreekt (pip install -e '.[test]')")
if not CHROMIUM.exists():
    skip_browser_tests(f"{CHROMIUM} ontbreekt (apt-get install chromium)")

import pyotp
from axe_playwright_python.async_playwright import Axe
from onelogin.saml2.settings import OneLogin_Saml2_Settings

from tests.e2e.test_stelselcatalogus_browser import AXE_OPTIONS, _report

BURGER, WACHTWOORD, TELEFOON = "999993653", "Welkom01!", "0612345678"
OVERLEDEN, GEMACHTIGDE = "999991723", "999990639"


def _gdi(server: LiveServer, *args: str) -> None:
    env = {"PATH": "/usr/bin:/bin", "GDI_DATA_DIR": str(server.data_dir)}
    klaar = subprocess.run(
        [sys.executable, "-m", "opengdi", *args], env=env, capture_output=True, text=True, check=False
    )
    assert klaar.returncode == 0, klaar.stderr


@pytest.fixture(scope="module")
def rp(live_server: LiveServer) -> Iterator[RelyingParty]:
    """Two persons in the BRP with their DigiD accounts, and the relying party connected through the beheer API."""
    lijsten = [
        {"01": [{"01.20": BURGER, "02.10": "Suzanne", "02.40": "Moulin"}], "07": [{"70.10": "0"}]},
        {
            "01": [{"01.20": OVERLEDEN, "02.40": "Jansen"}],
            "06": [{"08.10": "20200101"}],
            "07": [{"67.10": "20200101", "67.20": "O"}],
        },
        {"01": [{"01.20": GEMACHTIGDE, "02.10": "Mattheus", "02.40": "Burck"}], "07": [{"70.10": "0"}]},
    ]
    geladen = httpx.post(f"{live_server.url}/brp/beheer/persoonslijsten", json={"persoonslijsten": lijsten})
    assert geladen.status_code == 201, geladen.text
    _gdi(live_server, "digid", "account", BURGER, "--gebruikersnaam", "suzanne", "--telefoon", TELEFOON)
    _gdi(live_server, "digid", "account", BURGER, "--gebruikersnaam", "slot")
    _gdi(live_server, "digid", "account", OVERLEDEN, "--gebruikersnaam", "overleden")
    _gdi(live_server, "digid", "account", GEMACHTIGDE, "--gebruikersnaam", "mattheus")
    port = free_port()
    voorlopig = RelyingParty(f"http://localhost:{port}")
    dienst = httpx.post(f"{live_server.url}/digid/beheer/diensten", json=registratie(voorlopig))
    assert dienst.status_code == 201, dienst.text
    with relying_party(live_server.url, dienst.json()["clientId"], dienst.json()["clientSecret"], port) as actief:
        yield actief


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Any]:
    async with async_api.async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser: Any, live_server: LiveServer, rp: RelyingParty) -> AsyncIterator[Any]:
    """A fresh browser (no cookies) that may reach DigiD and the relying party only."""
    toegestaan = {(live_server.host, live_server.port), ("localhost", urlsplit(rp.url).port)}
    context = await browser.new_context()

    async def alleen_lokaal(route: Any) -> None:
        delen = urlsplit(route.request.url)
        await (route.continue_() if (delen.hostname, delen.port) in toegestaan else route.abort())

    await context.route("**/*", alleen_lokaal)
    yield await context.new_page()
    await context.close()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


async def _toegankelijk(page: Any, axe: Axe) -> None:
    """The page is DigiD's, in Dutch, marked as a test environment, with no WCAG 2.2 AA violation."""
    assert await page.get_attribute("html", "lang") == "nl"
    assert "Testomgeving van Open GDI" in await page.inner_text(".digid-testomgeving")
    results = (await axe.run(page, options=AXE_OPTIONS)).response
    assert results["passes"], "axe-core heeft niets gecontroleerd"
    assert results["violations"] == [], _report(results["violations"])


async def _wachtwoord(page: Any, axe: Axe, gebruiker: str = "suzanne", wachtwoord: str = WACHTWOORD) -> None:
    await page.wait_for_selector("#gebruikersnaam")
    await _toegankelijk(page, axe)
    await page.fill("#gebruikersnaam", gebruiker)
    await page.fill("#wachtwoord", wachtwoord)
    await page.click("button[type=submit]")


async def _sms_code(page: Any, axe: Axe, live_server: LiveServer) -> None:
    """Read the newest SMS code on the test phone (in a tab of its own) and send it."""
    telefoon = await page.context.new_page()
    await telefoon.goto(f"{live_server.url}/digid/testtelefoon?nummer={TELEFOON}")
    await _toegankelijk(telefoon, axe)
    bericht = await telefoon.inner_text(".digid-bericht")
    await telefoon.close()
    await page.fill("#code", bericht.rsplit(" ", 1)[1])
    await page.click("button[type=submit]")


async def _ingelogd(page: Any) -> dict[str, str]:
    await page.wait_for_selector("#acr")
    return {naam: await page.inner_text(f"#{naam}") for naam in ("bsn", "acr")}


async def test_a_citizen_logs_in_at_level_basis(page: Any, axe: Axe, rp: RelyingParty) -> None:
    await page.goto(f"{rp.url}/inloggen")
    await _wachtwoord(page, axe)
    assert await _ingelogd(page) == {"bsn": BURGER, "acr": Niveau.BASIS.acr}


async def test_level_midden_with_the_sms_code_from_the_test_phone(
    page: Any, axe: Axe, rp: RelyingParty, live_server: LiveServer
) -> None:
    await page.goto(f"{rp.url}/inloggen?acr={Niveau.MIDDEN.acr}")
    await _wachtwoord(page, axe)
    await page.wait_for_selector("#middel-sms")
    await _toegankelijk(page, axe)
    await page.click("button[type=submit]")
    await page.wait_for_selector("#code")
    await _toegankelijk(page, axe)
    await _sms_code(page, axe, live_server)
    assert await _ingelogd(page) == {"bsn": BURGER, "acr": Niveau.MIDDEN.acr}


async def test_the_app_activated_on_mijn_digid_logs_in_at_substantieel_and_the_logout_ends_the_session(
    page: Any, axe: Axe, rp: RelyingParty, live_server: LiveServer
) -> None:
    await page.goto(f"{live_server.url}/digid/mijn")
    await _wachtwoord(page, axe)
    await page.wait_for_selector("text=Uw DigiD")
    await _toegankelijk(page, axe)
    await page.click("text=DigiD app activeren")
    await page.wait_for_selector(".digid-qr svg")
    await _toegankelijk(page, axe)
    app = pyotp.TOTP(await page.inner_text(".digid-sleutel"))
    await page.check("#niveau-substantieel")
    await page.fill("#code", app.now())
    await page.click("button[type=submit]")
    await page.wait_for_selector("text=geactiveerd, niveau substantieel")

    await page.goto(f"{rp.url}/inloggen?acr={Niveau.SUBSTANTIEEL.acr}")
    await _wachtwoord(page, axe)  # the session of Mijn DigiD is at basis: not enough
    await page.wait_for_selector("#middel-app")
    assert await page.locator("#middel-sms").count() == 0  # an SMS reaches midden only
    await page.click("button[type=submit]")
    await page.wait_for_selector("#code")
    await page.fill("#code", app.at(time.time() + 30))  # the activation used the current code
    await page.click("button[type=submit]")
    assert await _ingelogd(page) == {"bsn": BURGER, "acr": Niveau.SUBSTANTIEEL.acr}

    await page.goto(f"{rp.url}/inloggen")
    assert (await _ingelogd(page))["acr"] == Niveau.SUBSTANTIEEL.acr  # the session spared the login
    await page.goto(f"{rp.url}/uitloggen")
    await page.wait_for_selector("#state")
    assert page.url.startswith(rp.uitgelogd) and await page.inner_text("#state") == "klopt"
    await page.goto(f"{rp.url}/inloggen")
    await page.wait_for_selector("#gebruikersnaam")  # logged out: the password is asked again


async def test_a_citizen_authorises_another_who_logs_in_on_his_behalf(
    page: Any, browser: Any, axe: Axe, rp: RelyingParty, live_server: LiveServer
) -> None:
    await page.goto(f"{live_server.url}/digid/mijn")
    await _wachtwoord(page, axe)
    await page.wait_for_selector("#gemachtigde")
    await page.fill("#gemachtigde", GEMACHTIGDE)
    await page.click("text=Machtigen")
    await page.wait_for_selector("text=Wie namens u mag inloggen")
    await _toegankelijk(page, axe)

    gemachtigde = await browser.new_context()
    ander = await gemachtigde.new_page()
    try:
        await ander.goto(f"{rp.url}/inloggen")
        await _wachtwoord(ander, axe, "mattheus")
        await ander.wait_for_selector("text=Voor wie logt u in?")
        await _toegankelijk(ander, axe)
        await ander.check(f"text=Namens de persoon met burgerservicenummer {BURGER} (als gemachtigde)")
        await ander.click("button[type=submit]")
        assert await _ingelogd(ander) == {"bsn": GEMACHTIGDE, "acr": Niveau.BASIS.acr}
        assert await ander.inner_text("#namens") == BURGER
    finally:
        await gemachtigde.close()

    await page.click("button[aria-label^='Machtiging van']")
    await page.wait_for_selector("text=De machtiging is ingetrokken.")
    await _toegankelijk(page, axe)


@pytest.fixture(scope="module")
def saml_dienst(live_server: LiveServer, rp: RelyingParty) -> Iterator[str]:
    """A service provider on python3-saml, connected through the beheer API with its own metadata."""
    port = free_port()
    idp_metadata = httpx.get(f"{live_server.url}/digid/saml/metadata").text
    acs, slo = f"http://localhost:{port}/acs", f"http://localhost:{port}/slo"
    instellingen = saml_sp.instellingen(
        idp_metadata, f"http://localhost:{port}/metadata", acs, slo, Niveau.BASIS.klasse
    )
    metadata = OneLogin_Saml2_Settings(instellingen).get_sp_metadata().decode()
    body = {"naam": "Gemeente Proefstad (SAML)", "metadata": metadata}
    assert httpx.post(f"{live_server.url}/digid/beheer/saml-diensten", json=body).status_code == 201
    with service_provider(live_server.url, instellingen, port) as adres:
        yield adres


async def test_a_saml_service_provider_logs_in_at_basis_and_midden(
    browser: Any, axe: Axe, saml_dienst: str, live_server: LiveServer
) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    try:
        await page.goto(f"{saml_dienst}/inloggen")
        await _wachtwoord(page, axe)
        await page.wait_for_selector("#nameid")
        assert await page.inner_text("#nameid") == f"s00000000:{BURGER}"
        assert await page.inner_text("#niveau") == Niveau.BASIS.klasse
        await page.goto(f"{saml_dienst}/inloggen?niveau={Niveau.MIDDEN.klasse}")
        await _wachtwoord(page, axe)
        await page.click("button[type=submit]")  # the SMS, the first means offered
        await page.wait_for_selector("#code")
        await _sms_code(page, axe, live_server)
        await page.wait_for_selector("#niveau")
        assert await page.inner_text("#niveau") == Niveau.MIDDEN.klasse
    finally:
        await context.close()


async def test_an_unregistered_redirect_uri_stays_at_digid(page: Any, axe: Axe, rp: RelyingParty) -> None:
    await page.goto(f"{rp.url}/inloggen?terug={rp.url}/elders")
    await page.wait_for_selector(".digid-melding--fout")
    assert "niet geregistreerd" in await page.inner_text(".digid-melding--fout")
    assert urlsplit(page.url).hostname == "127.0.0.1"  # never sent to the address it named
    await _toegankelijk(page, axe)


async def test_a_level_without_means_goes_back_with_the_profiles_error(page: Any, axe: Axe, rp: RelyingParty) -> None:
    await page.goto(f"{rp.url}/inloggen?acr={Niveau.HOOG.acr}")
    await _wachtwoord(page, axe, "slot")
    await page.wait_for_selector(".digid-melding--fout")
    await _toegankelijk(page, axe)
    await page.click("text=Terug naar de dienst")
    await page.wait_for_selector("#fout")
    assert await page.inner_text("#fout") == "unmet_authentication_requirements"


async def test_a_locked_account_and_a_deceased_person_cannot_log_in(page: Any, axe: Axe, rp: RelyingParty) -> None:
    await page.goto(f"{rp.url}/inloggen")
    await _wachtwoord(page, axe, "overleden")
    await page.wait_for_selector(".digid-melding--fout")
    assert "overleden" in await page.inner_text(".digid-melding--fout")
    for _ in range(4):
        await _wachtwoord(page, axe, "slot", "verkeerd-wachtwoord")
        await page.wait_for_selector(".digid-melding--fout")
    await _wachtwoord(page, axe, "slot", WACHTWOORD)
    await page.wait_for_selector(".digid-melding--fout")
    assert "Te veel mislukte pogingen" in await page.inner_text(".digid-melding--fout")
    await _toegankelijk(page, axe)
