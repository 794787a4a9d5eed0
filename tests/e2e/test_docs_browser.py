# SPDX-License-Identifier: EUPL-1.2
"""The interactive documentation of every API in a real browser (Debian's Chromium driven by
Playwright): each ``/docs`` page renders every operation of its OpenAPI document, loads nothing
from outside the machine and breaks none of the Content-Security-Policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from opengdi.app import create_app
from opengdi.kernel.blocks import Api
from opengdi.settings import Settings
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, LiveServer, skip_browser_tests

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}

try:
    from playwright import async_api
except ImportError:
    skip_browser_tests("het pakket playwright ontbreekt (pip install -e '.[test]')")
if not CHROMIUM.exists():
    skip_browser_tests(f"{CHROMIUM} ontbreekt (apt-get install chromium)")


def _apis() -> list[Api]:
    settings = Settings(data_dir=Path("ongebruikt"), authenticatie="uit")
    apis: list[Api] = create_app(settings).state.apis
    return apis


def _operations(document: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, item in document.get("paths", {}).items()
        for method in item
        if method in HTTP_METHODS
    }


class _Watch:
    """What a page did: every request it made and every console message about the security policy."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.violations: list[str] = []
        self.errors: list[str] = []

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob") or (parts.hostname, parts.port) == (self.server.host, self.server.port)

    async def route(self, route: Any) -> None:
        url = route.request.url
        self.requests.append(url)
        if self.is_local(url):
            await route.continue_()
        else:
            self.outside.append(url)
            await route.abort()

    def console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(message.text)
        elif message.type == "error":
            self.errors.append(message.text)


@pytest.fixture(scope="module")
async def browser() -> Any:
    async with async_api.async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.mark.parametrize("api", _apis(), ids=lambda api: api.prefix)
async def test_each_docs_page_shows_its_operations_with_nothing_from_outside(
    live_server: LiveServer, browser: Any, api: Api
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        document = (await http.get(api.openapi_url)).json()
    expected = _operations(document)
    watch = _Watch(live_server)
    context = await browser.new_context()
    await context.route("**/*", watch.route)
    page = await context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("request", lambda request: None if watch.is_local(request.url) else watch.outside.append(request.url))
    try:
        await page.goto(f"{live_server.url}{api.docs_url}")
        await page.wait_for_function(
            "n => document.querySelectorAll('.opblock').length >= n", arg=len(expected), timeout=30_000
        )
        shown = await page.eval_on_selector_all(
            ".opblock",
            "blocks => blocks.map(b => [b.querySelector('.opblock-summary-method').textContent,"
            " b.querySelector('.opblock-summary-path').dataset.path])",
        )
        # open every operation in one go: a click per operation waits for Swagger UI's deep-link
        # navigation each time, which on a busy 2-core machine outlasts the click's timeout
        await page.eval_on_selector_all(
            ".opblock-summary",
            "summaries => summaries.forEach(s => (s.querySelector('.opblock-summary-control') || s).click())",
        )
        await page.wait_for_function(
            "n => document.querySelectorAll('.opblock-body').length >= n", arg=len(expected), timeout=30_000
        )
        language = await page.get_attribute("html", "lang")
        title = await page.title()
    finally:
        await context.close()
    assert {(method, path) for method, path in shown} == expected and len(shown) == len(expected)
    assert (language, title) == ("nl", f"{api.title} – interactieve documentatie")
    assert watch.outside == [], f"verzoeken naar buiten: {watch.outside}"
    assert watch.violations == [], f"CSP-schendingen: {watch.violations}"
    assert watch.errors == [], f"fouten in de browser: {watch.errors}"
    assert any(url.endswith("/swagger-ui-bundle.js") for url in watch.requests)


async def test_try_it_out_sends_the_request_to_this_server_and_shows_the_answer(
    live_server: LiveServer, browser: Any
) -> None:
    query = '{"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999993653"], "fields": ["naam"]}'
    watch = _Watch(live_server)
    context = await browser.new_context()
    await context.route("**/*", watch.route)
    page = await context.new_page()
    page.on("console", watch.console)
    sent: list[tuple[str, str]] = []
    page.on("request", lambda request: sent.append((request.method, request.url)))
    try:
        await page.goto(f"{live_server.url}/haalcentraal/api/brp/docs")
        await page.click(".opblock-summary")
        await page.click(".try-out__btn")
        await page.fill(".body-param__text", query)
        await page.click(".execute")
        status = page.locator(".live-responses-table .response .response-col_status")
        await status.wait_for(timeout=30_000)
        shown = (await status.text_content() or "").strip()
    finally:
        await context.close()
    assert ("POST", f"{live_server.url}/haalcentraal/api/brp/personen") in sent
    assert shown == "200"
    assert watch.outside == [] and watch.violations == []
