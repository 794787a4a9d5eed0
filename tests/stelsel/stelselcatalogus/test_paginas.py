# SPDX-License-Identifier: EUPL-1.2
"""The pages of the Stelselcatalogus on the application of the composition, without a token:
every register, object type and attribute is reachable from the index and shows the values of
its declaration; search works without JavaScript; errors are pages in the same look."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import httpx

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.beveiliging import PAGES_CSP
from opengdi.kernel.catalogus import paden
from opengdi.registers.brp.catalogus import CATALOGUS as BRP
from opengdi.stelsel.stelselcatalogus import adressen
from opengdi.stelsel.stelselcatalogus.inhoud import Stelsel
from opengdi.stelsel.stelselcatalogus.plaat import plaat
from tests.stelsel.stelselcatalogus.conftest import catalogus_client
from tests.stelsel.stelselcatalogus.verzonnen import LATER

REGISTERS = SAMENSTELLING.registers()


class Pagina(HTMLParser):
    """What a test reads from a page: its links, its text, the term → value pairs of its data list,
    the alternative texts of its images and the attributes of its form fields."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self.gegevens: dict[str, str] = {}
        self.alts: dict[str, str] = {}
        self.invoer: list[dict[str, str | None]] = []
        self.tekst: list[str] = []
        self._href: str | None = None
        self._term: str | None = None
        self._in: str | None = None
        self._link: list[str] = []
        self._buffer: list[str] = []
        self.feed(html)
        self.text = " ".join(" ".join(self.tekst).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self._href, self._link = values.get("href"), []
        elif tag in ("dt", "dd"):
            self._in, self._buffer = tag, []
        elif tag == "img":
            self.alts[values.get("src") or ""] = values.get("alt") or ""
        elif tag == "input":
            self.invoer.append(values)

    def handle_endtag(self, tag: str) -> None:
        text = " ".join("".join(self._buffer).split())
        if tag == "a" and self._href is not None:
            self.links.setdefault(self._href, " ".join("".join(self._link).split()))
            self._href = None
        elif tag == "dt" and self._in == "dt":
            self._term, self._in = text, None
        elif tag == "dd" and self._in == "dd" and self._term is not None:
            self.gegevens[self._term], self._in = text, None

    def handle_data(self, data: str) -> None:
        self.tekst.append(data)
        self._buffer.append(data)
        self._link.append(data)


async def _page(http: httpx.AsyncClient, path: str, status: int = 200) -> Pagina:
    response = await http.get(path)
    assert response.status_code == status, (path, response.text[:300])
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == PAGES_CSP
    assert '<html lang="nl">' in response.text and f'href="{adressen.STIJL}"' in response.text
    return Pagina(response.text)


async def test_the_index_reaches_every_register_and_shows_the_picture_and_its_links_as_text(
    anoniem: httpx.AsyncClient,
) -> None:
    stelsel = Stelsel(REGISTERS)
    index = await _page(anoniem, adressen.PREFIX)
    assert (await anoniem.get(f"{adressen.PREFIX}/")).text == (await anoniem.get(adressen.PREFIX)).text
    for register in REGISTERS:
        assert index.links[adressen.pagina(register.code)] == register.titel
    assert "registers" in index.alts[adressen.PLAAT] and "als tekst" in index.alts[adressen.PLAAT]
    for verbinding in stelsel.verbindingen:
        assert verbinding.relatie.naam in index.text and verbinding.relatie.definitie in index.text
        assert adressen.pagina(verbinding.register, verbinding.objecttype, verbinding.pad) in index.links
    for code in stelsel.afwezig:
        assert code in index.text and adressen.pagina(code) not in index.links
    svg = await anoniem.get(adressen.PLAAT)
    assert svg.headers["content-type"] == "image/svg+xml" and svg.text == plaat(stelsel)
    css = await anoniem.get(adressen.STIJL)
    assert css.headers["content-type"] == "text/css; charset=utf-8" and "--gdi-color-lintblauw" in css.text
    assert "max-age" in css.headers["cache-control"]


async def test_each_register_page_shows_its_object_types_operations_and_events(anoniem: httpx.AsyncClient) -> None:
    for register in REGISTERS:
        page = await _page(anoniem, adressen.pagina(register.code))
        for objecttype in register.objecttypen:
            assert page.links[adressen.pagina(register.code, objecttype.naam)] == objecttype.naam
            assert objecttype.definitie in page.text
        for operatie in register.operaties:
            assert operatie.naam in page.text and operatie.omschrijving in page.text
        for gebeurtenis in register.gebeurtenistypen:
            assert gebeurtenis.naam in page.text and gebeurtenis.omschrijving in page.text
        for relatie in register.relaties:
            assert relatie.naam in page.text and relatie.definitie in page.text


async def test_every_attribute_is_reachable_and_shows_its_declaration(anoniem: httpx.AsyncClient) -> None:
    stelsel = Stelsel(REGISTERS)
    shown = 0
    for register in REGISTERS:
        for objecttype in register.objecttypen:
            table = await _page(anoniem, adressen.pagina(register.code, objecttype.naam))
            for pad, attribuut in paden(objecttype.attributen):
                href = adressen.pagina(register.code, objecttype.naam, pad)
                assert table.links[href] == pad
                page = await _page(anoniem, href)
                values = page.gegevens
                assert values["Pad"] == pad and values["Definitie"] == attribuut.definitie
                assert values["Authentiek gegeven"] == ("ja" if attribuut.authentiek else "nee")
                assert values["Privacyklasse"] == attribuut.privacy.value
                assert values["Gegevenstype"].startswith(attribuut.type.naam if attribuut.type else "groep")
                sources = values["Bronelement" if len(attribuut.bron) == 1 else "Bronelementen"]
                assert all(element in sources for element in attribuut.bron)
                gegeven = stelsel.gegeven(register.code, objecttype.naam, pad)
                assert all(veld in values["Veld in de API"] for veld in gegeven.velden)
                assert all(op.naam in values["Geleverd door"] for op in gegeven.leveringen)
                for onderdeel in attribuut.onderdelen:
                    assert f"{href}.{onderdeel.naam}" in page.links
                shown += 1
    assert shown > 100


async def test_search_is_a_get_form_that_finds_with_and_without_diacritics(anoniem: httpx.AsyncClient) -> None:
    empty = await _page(anoniem, adressen.ZOEKEN)
    assert [field["name"] for field in empty.invoer] == ["q"] and "resultaten voor" not in empty.text
    (persoon,) = BRP.objecttypen
    pad, attribuut = next(item for item in paden(persoon.attributen) if "a" in item[1].naam and "." in item[0])
    href = adressen.pagina("brp", persoon.naam, pad)
    plain = await _page(anoniem, f"{adressen.ZOEKEN}?q={quote(attribuut.naam)}")
    accented = await _page(anoniem, f"{adressen.ZOEKEN}?q={quote(attribuut.naam.replace('a', 'á').upper())}")
    assert href in plain.links and list(plain.links) == list(accented.links)
    assert plain.invoer[0]["value"] == attribuut.naam
    by_definition = await _page(anoniem, f"{adressen.ZOEKEN}?q={quote(attribuut.definitie)}")
    assert href in by_definition.links
    nothing = await _page(anoniem, f"{adressen.ZOEKEN}?q=zzzgeenwoord")
    assert "0 resultaten" in nothing.text and "Niets gevonden" in nothing.text


async def test_bad_input_is_a_4xx_in_the_same_look(anoniem: httpx.AsyncClient) -> None:
    too_long = await _page(anoniem, f"{adressen.ZOEKEN}?q={'x' * 201}", 400)
    assert "te lang" in too_long.text and too_long.invoer[0]["aria-invalid"] == "true"
    (persoon,) = BRP.objecttypen
    for path in (
        f"{adressen.PREFIX}/registers/onbekend",
        f"{adressen.PREFIX}/registers/brp/objecttypen/Onbekend",
        f"{adressen.PREFIX}/registers/brp/objecttypen/{persoon.naam}/attributen/naam.onbekend",
        f"{adressen.PREFIX}/bestaat/niet",
        f"{adressen.PREFIX}/registers/{'x' * 5000}",
    ):
        page = await _page(anoniem, path, 404)
        assert "Pagina niet gevonden" in page.text and page.links[adressen.PREFIX]
    refused = await anoniem.post(adressen.pagina("brp"))
    assert refused.status_code == 405 and "GET" in Pagina(refused.text).text
    nul = await anoniem.get(f"{adressen.ZOEKEN}?q=a%00b")
    assert nul.status_code == 400 and [p["name"] for p in nul.json()["invalidParams"]] == ["q"]


async def test_a_register_that_declares_itself_later_gets_its_pages_and_the_links_to_it() -> None:
    async with catalogus_client([BRP, LATER]) as http:
        index = await _page(http, adressen.PREFIX)
        assert index.links[adressen.pagina(LATER.code)] == LATER.titel
        declared = {objecttype.naam for objecttype in LATER.objecttypen}
        brp = await _page(http, adressen.pagina("brp"))
        for relatie in BRP.relaties:
            linked = adressen.pagina(LATER.code, relatie.naar_objecttype) in brp.links
            assert linked is (relatie.naar_objecttype in declared)
        assert "objecttype niet gedeclareerd" in brp.text
        (objecttype,) = LATER.objecttypen
        for pad, attribuut in paden(objecttype.attributen):
            page = await _page(http, adressen.pagina(LATER.code, objecttype.naam, pad))
            assert page.gegevens["Definitie"] == attribuut.definitie
