# SPDX-License-Identifier: EUPL-1.2
"""The Stelselcatalogus API on the application of the composition, without a token: every
register, object type and attribute is there with the values of its declaration; errors are
problem+json naming the parameter; a register that declares itself later appears in it."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from opengdi.bouwstenen import SAMENSTELLING
from opengdi.kernel.catalogus import Register, paden, vraagbare_paden
from opengdi.registers.brp.catalogus import CATALOGUS as BRP
from opengdi.stelsel.stelselcatalogus import adressen
from tests.stelsel.stelselcatalogus.conftest import catalogus_client
from tests.stelsel.stelselcatalogus.verzonnen import LATER, ONDERGROND

API = adressen.API_BASIS
REGISTERS = SAMENSTELLING.registers()
PRESENT = {register.code: register for register in REGISTERS}


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["api-version"] == adressen.API_VERSIE
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def _expected_relations(register: Register) -> list[dict[str, Any]]:
    result = []
    for relatie in register.relaties:
        objecttype, _, pad = relatie.van.partition(".")
        target = PRESENT.get(relatie.naar_register)
        declared = target is not None and any(item.naam == relatie.naar_objecttype for item in target.objecttypen)
        result.append(
            {
                "naam": relatie.naam,
                "definitie": relatie.definitie,
                "van": {"register": register.code, "objecttype": objecttype, "attribuut": pad or None},
                "naar": {"register": relatie.naar_register, "objecttype": relatie.naar_objecttype},
                "doelAanwezig": declared,
            }
        )
    return result


async def test_the_registers_are_those_of_the_composition_without_a_token(anoniem: httpx.AsyncClient) -> None:
    assert "authorization" not in anoniem.headers
    response = await anoniem.get(f"{API}/registers")
    assert response.status_code == 200 and response.headers["api-version"] == adressen.API_VERSIE
    body = response.json()
    assert [(item["code"], item["titel"], item["aantalObjecttypen"]) for item in body["registers"]] == [
        (register.code, register.titel, len(register.objecttypen)) for register in REGISTERS
    ]
    relations = [relation for register in REGISTERS for relation in _expected_relations(register)]
    assert [{k: v for k, v in item.items() if k != "status"} for item in body["verbindingen"]] == relations
    referenced = {relatie.naar_register for register in REGISTERS for relatie in register.relaties}
    assert body["nietAanwezig"] == sorted(referenced - set(PRESENT))
    for item in body["registers"]:
        assert (await anoniem.get(item["url"])).status_code == 200
        assert (await anoniem.get(item["pagina"])).status_code == 200


async def test_each_register_shows_its_declaration(anoniem: httpx.AsyncClient) -> None:
    for register in REGISTERS:
        body = (await anoniem.get(f"{API}/registers/{register.code}")).json()
        assert (body["code"], body["titel"]) == (register.code, register.titel)
        assert [item["naam"] for item in body["objecttypen"]] == [item.naam for item in register.objecttypen]
        assert [item["definitie"] for item in body["objecttypen"]] == [item.definitie for item in register.objecttypen]
        assert [(op["naam"], op["scope"], op["omschrijving"]) for op in body["operaties"]] == [
            (op.naam, op.scope, op.omschrijving) for op in register.operaties
        ]
        assert [
            op["antwoord"] and (op["antwoord"]["objecttype"], op["antwoord"]["weergave"]) for op in body["operaties"]
        ] == [op.antwoord and (op.antwoord.objecttype, op.antwoord.weergave) for op in register.operaties]
        assert [(item["naam"], item["objecttype"], item["omschrijving"]) for item in body["gebeurtenistypen"]] == [
            (item.naam, item.objecttype, item.omschrijving) for item in register.gebeurtenistypen
        ]
        shown = [{k: v for k, v in item.items() if k != "status"} for item in body["verbindingen"]]
        assert shown == _expected_relations(register)


async def test_every_attribute_of_every_object_type_has_the_values_of_its_declaration(
    anoniem: httpx.AsyncClient,
) -> None:
    checked = 0
    for register in REGISTERS:
        for objecttype in register.objecttypen:
            body = (await anoniem.get(f"{API}/registers/{register.code}/objecttypen/{objecttype.naam}")).json()
            declared = list(paden(objecttype.attributen))
            assert [item["pad"] for item in body["attributen"]] == [pad for pad, _ in declared]
            askable = vraagbare_paden(objecttype)
            for summary, (pad, attribuut) in zip(body["attributen"], declared, strict=True):
                detail = (await anoniem.get(summary["url"])).json()
                assert detail["pad"] == pad and detail["naam"] == attribuut.naam
                assert detail["definitie"] == summary["definitie"] == attribuut.definitie
                assert detail["authentiek"] == summary["authentiek"] == attribuut.authentiek
                assert detail["privacy"] == summary["privacy"] == attribuut.privacy.value
                assert detail["bron"] == list(attribuut.bron)
                assert (detail["vraagbaar"], detail["onderzoekbaar"], detail["meervoudig"]) == (
                    attribuut.vraagbaar,
                    attribuut.onderzoekbaar,
                    attribuut.meervoudig,
                )
                assert detail["groep"] is attribuut.is_groep
                assert (detail["type"] or {}).get("naam") == (attribuut.type.naam if attribuut.type else None)
                assert [item["naam"] for item in detail["onderdelen"]] == [item.naam for item in attribuut.onderdelen]
                assert (pad in detail["velden"]) is (pad in askable)
                if pad in askable:
                    assert [item["operatie"] for item in detail["geleverdDoor"]] == [
                        op.naam
                        for op in register.operaties
                        if op.antwoord
                        and op.antwoord.objecttype == objecttype.naam
                        and pad in vraagbare_paden(objecttype, op.antwoord.weergave)
                    ]
                checked += 1
    assert checked == sum(len(list(paden(o.attributen))) for r in REGISTERS for o in r.objecttypen) > 100


async def test_the_bsn_is_delivered_as_the_field_burgerservicenummer(anoniem: httpx.AsyncClient) -> None:
    (persoon,) = BRP.objecttypen
    bsn = next(pad for pad, attribuut in paden(persoon.attributen) if "01.01.20" in attribuut.bron)
    body = (await anoniem.get(f"{API}/registers/brp/objecttypen/{persoon.naam}/attributen/{bsn}")).json()
    assert body["velden"] == [bsn] and body["geleverdDoor"]
    assert body["privacy"] == persoon.attribuut(bsn).privacy.value  # type: ignore[union-attr]


async def test_what_is_not_declared_is_a_404_naming_the_parameter(anoniem: httpx.AsyncClient) -> None:
    (persoon,) = BRP.objecttypen
    cases = {
        f"{API}/registers/onbekend": "code",
        f"{API}/registers/brp/objecttypen/Onbekend": "naam",
        f"{API}/registers/brp/objecttypen/{persoon.naam}/attributen/naam.onbekend": "pad",
        f"{API}/registers/brp/objecttypen/Onbekend/attributen/naam": "naam",
    }
    for path, parameter in cases.items():
        assert f"(parameter {parameter})" in _problem(await anoniem.get(path), 404)["detail"], path
    absent = BRP.relaties[0].naar_register
    if absent not in PRESENT:
        assert "verwijzen ernaar" in _problem(await anoniem.get(f"{API}/registers/{absent}"), 404)["detail"]
    assert _problem(await anoniem.get(f"{API}/bestaat-niet"), 404)["code"] == "notFound"
    assert _problem(await anoniem.post(f"{API}/registers"), 405)["code"] == "methodNotAllowed"


async def test_search_answers_with_results_whose_addresses_answer(anoniem: httpx.AsyncClient) -> None:
    (persoon,) = BRP.objecttypen
    word = persoon.attributen[0].definitie.split()[0]
    response = await anoniem.get(f"{API}/zoeken", params={"q": word})
    body = response.json()
    assert response.status_code == 200 and body["q"] == word and body["aantal"] == len(body["resultaten"]) > 0
    for item in body["resultaten"]:
        assert (await anoniem.get(item["url"])).status_code == 200
        assert (await anoniem.get(item["pagina"].partition("#")[0])).status_code == 200
    unversioned = await anoniem.get(f"{adressen.API_PREFIX}/zoeken", params={"q": word})
    assert unversioned.json() == body


async def test_bad_search_input_is_a_400_naming_q(anoniem: httpx.AsyncClient) -> None:
    for params, code in (({}, "required"), ({"q": "x" * 201}, "maxLength"), ({"q": "   "}, "minLength")):
        body = _problem(await anoniem.get(f"{API}/zoeken", params=params), 400)
        assert [(item["name"], item["code"]) for item in body["invalidParams"]] == [("q", code)], params
    body = _problem(await anoniem.get(f"{API}/zoeken?q=a%00b"), 400)
    assert [item["name"] for item in body["invalidParams"]] == ["q"]
    body = _problem(await anoniem.get(f"{API}/registers/br%00p"), 400)
    assert [item["name"] for item in body["invalidParams"]] == ["code"]


async def test_the_openapi_document_lists_every_route(anoniem: httpx.AsyncClient) -> None:
    document = (await anoniem.get(f"{adressen.API_PREFIX}/openapi.json")).json()
    assert document["servers"] == [{"url": API}]
    assert set(document["paths"]) == {
        "/registers",
        "/registers/{code}",
        "/registers/{code}/objecttypen/{naam}",
        "/registers/{code}/objecttypen/{naam}/attributen/{pad}",
        "/zoeken",
    }
    assert "security" not in document


async def test_a_register_that_declares_itself_later_appears_with_the_relations_to_it() -> None:
    async with catalogus_client([BRP, LATER, ONDERGROND]) as http:
        body = (await http.get(f"{API}/registers")).json()
        assert [item["code"] for item in body["registers"]] == ["brp", "bag", "bro"] and body["nietAanwezig"] == []
        statuses = {(v["van"]["register"], v["naar"]["objecttype"]): v["status"] for v in body["verbindingen"]}
        declared = {objecttype.naam for objecttype in LATER.objecttypen}
        for relatie in BRP.relaties:
            wanted = "aanwezig" if relatie.naar_objecttype in declared else "objecttypeOnbekend"
            assert statuses["brp", relatie.naar_objecttype] == wanted
        bag = (await http.get(f"{API}/registers/bag")).json()
        assert {v["van"]["register"] for v in bag["inkomendeVerbindingen"]} == {"brp", "bro"}
        (objecttype,) = LATER.objecttypen
        for pad, _ in paden(objecttype.attributen):
            path = f"{API}/registers/bag/objecttypen/{quote(objecttype.naam)}/attributen/{pad}"
            assert (await http.get(path)).json()["pad"] == pad
        found = (await http.get(f"{API}/zoeken", params={"q": "geinterpreteerd"})).json()
        assert [item["register"] for item in found["resultaten"]] == ["bro"]
