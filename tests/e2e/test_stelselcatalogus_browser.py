# SPDX-License-Identifier: EUPL-1.2
"""Every page of the Stelselcatalogus in a real browser (Debian's Chromium driven by Playwright),
checked by axe-core for WCAG 2.2 AA: the index, each register, each object type, every attribute,
search results, an error page and a page that does not exist. The pages come from the
declarations of the composition, so a register that declares itself is checked too.

axe-core comes from the ``axe-playwright-python`` package of the test extra (which ships
``axe.min.js``); without it this module fails rather than skips. Without Chromium it is skipped,
as the other browser tests are, unless ``GDI_TEST_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.stelsel.stelselcatalogus import adressen
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer, skip_browser_tests

try:
    from playwright import async_api
except ImportError:
    skip_browser_tests("het pakket playwright ontbreekt (pip install -e '.[test]')")
if not CHROMIUM.exists():
    skip_browser_tests(f"{CHROMIUM} ontbreekt (apt-get install chromium)")

# Not guarded: with a browser present, a missing axe-core is a failure, never a silent skip.
from axe_playwright_python.async_playwright import Axe

#: The WCAG 2.2 AA rules of axe-core (levels A and AA of WCAG 2.0, 2.1 and 2.2).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def _pages() -> list[tuple[str, int]]:
    """Every page of the catalogue of the composition, with the status it answers with."""
    stelsel = Stelsel(SAMENSTELLING.registers())
    pages = [(adressen.PREFIX, 200)]
    for register in stelsel.registers:
        pages.append((adressen.pagina(register.code), 200))
        for objecttype in register.objecttypen:
            pages.append((adressen.pagina(register.code, objecttype.naam), 200))
            pages += [
                (adressen.pagina(register.code, objecttype.naam, gegeven.pad), 200)
                for gegeven in stelsel.gegevens(register.code, objecttype.naam)
            ]
    pages += [
        (f"{adressen.ZOEKEN}", 200),
        (f"{adressen.ZOEKEN}?q={quote('geboorte datum')}", 200),
        (f"{adressen.ZOEKEN}?q={quote('géén-treffer-hier')}", 200),
        (f"{adressen.ZOEKEN}?q={'x' * 201}", 400),
        (f"{adressen.PREFIX}/registers/bestaat-niet", 404),
        (f"{adressen.PREFIX}/geen/pagina", 404),
    ]
    pages += [(adressen.pagina(code), 404) for code in stelsel.afwezig]
    return pages


@pytest.fixture(scope="module")
async def page(live_server: LiveServer) -> Any:
    """One browser page for the module, that may load nothing from outside the test server."""
    async with async_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = await browser.new_context()

        async def only_local(route: Any) -> None:
            parts = urlsplit(route.request.url)
            if (parts.hostname, parts.port) == (live_server.host, live_server.port):
                await route.continue_()
            else:
                await route.abort()

        await context.route("**/*", only_local)
        yield await context.new_page()
        await browser.close()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _report(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{item['id']} ({item['impact']}): {item['help']} — {[node['target'] for node in item['nodes']][:5]}"
        for item in violations
    )


@pytest.mark.parametrize(("path", "status"), _pages(), ids=lambda value: str(value)[:90])
async def test_each_catalogue_page_has_no_wcag_22_aa_violation(
    live_server: LiveServer, page: Any, axe: Axe, path: str, status: int
) -> None:
    messages: list[str] = []

    def listen(message: Any) -> None:
        messages.append(message.text)

    page.on("console", listen)
    try:
        response = await page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == status, path
        assert await page.get_attribute("html", "lang") == "nl"
        assert await page.evaluate("getComputedStyle(document.body).display") == "flex"  # the style sheet loaded
        results = (await axe.run(page, options=AXE_OPTIONS)).response
    finally:
        page.remove_listener("console", listen)
    assert results["testEngine"]["name"] == "axe-core" and results["passes"], "axe-core heeft niets gecontroleerd"
    assert results["violations"] == [], _report(results["violations"])
    assert [text for text in messages if "Content Security Policy" in text] == []
