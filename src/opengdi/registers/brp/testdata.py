# SPDX-License-Identifier: EUPL-1.2
"""The Haal Centraal test persons as persoonslijsten in the JSON import form.

``data/personen-testdata.json`` holds the test persons of the Haal Centraal BRP Bevragen (v1) mock in
its response shape (``naam.voornamen``, ``verblijfplaats.straat``, ``partners[]`` …). This module
maps every field that LO3 can hold back to its category and element (``../shared/specs/brp-import.md``),
so the persons can be loaded like any other persoonslijst.

The mock only knows the actual situation, so every stapel has one voorkomen. What LO3 cannot hold is
left out: the ``omschrijving`` of a code (it comes from the landelijke tabellen), the derived
``gezag[]`` of the Gezag API (LO3 only has the indicatie gezag minderjarige, 11.32.10), and RNI
markings beyond the persoonslijst's voorkomens (see :func:`_rni_per_categorie`). This module
imports neither FastAPI nor SQLAlchemy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from opengdi.registers.brp import lo3

#: One voorkomen in import form: element ``GG.EE`` → value, and ``"stapel"`` on repeating categories.
ImportVoorkomen = dict[str, str | int]
#: One persoonslijst in import form: category code → voorkomens, newest first.
ImportPersoonslijst = dict[str, list[ImportVoorkomen]]

_Pairs = Iterable[tuple[str, Any]]

#: ``rni[].categorie`` of the mock → the LO3 category that carries 88.10/88.20.
_RNI_CATEGORIEEN = {
    "persoon": "01",
    "nationaliteit": "04",
    "huwelijk/geregistreerd partnerschap": "05",
    "partner": "05",
    "overlijden": "06",
    "verblijfplaats": "08",
    "kind": "09",
}
_OUDER_CATEGORIEEN = {"1": "02", "2": "03"}
_GEHEIM_CODES = frozenset("1234567")


def persoonslijst_uit_testpersoon(persoon: Mapping[str, Any]) -> ImportPersoonslijst:
    """One test person as a persoonslijst in the JSON import form (category → voorkomens, newest
    first, ``"stapel"`` on repeating categories)."""
    rni = _rni_per_categorie(persoon.get("rni"))
    enkel: dict[str, _Pairs] = {
        "01": (*_persoon(persoon), *_eerste(rni.get("01"))),
        **{categorie: _ouder(ouder) for categorie, ouder in _ouders(persoon.get("ouders"))},
        "06": (*_overlijden(persoon.get("overlijden")), *_eerste(rni.get("06"))),
        "07": _inschrijving(persoon),
        "08": (*_verblijfplaats(persoon), *_eerste(rni.get("08"))),
        "10": _verblijfstitel(persoon.get("verblijfstitel")),
        "11": _gezagsverhouding(persoon),
        "13": _kiesrecht(persoon),
    }
    lijst = {categorie: [_voorkomen(categorie, groep)] for categorie, groep in enkel.items()}
    for categorie, veld, groep in (
        ("04", "nationaliteiten", _nationaliteit),
        ("05", "partners", _partner),
        ("09", "kinderen", _kind),
    ):
        lijst[categorie] = _stapels(
            categorie, [groep(item) for item in _lijst(persoon.get(veld))], rni.get(categorie, [])
        )
    return {
        categorie: lijst[categorie]
        for categorie in sorted(lijst)
        if any(_heeft_elementen(voorkomen) for voorkomen in lijst[categorie])
    }


def haal_centraal_persoonslijsten(data: Sequence[Mapping[str, Any]] | None = None) -> list[ImportPersoonslijst]:
    """All test persons (default: the packaged ``personen-testdata.json``) in import form."""
    personen = testpersonen() if data is None else data
    return [persoonslijst_uit_testpersoon(persoon) for persoon in personen]


@cache
def testpersonen() -> tuple[Mapping[str, Any], ...]:
    """The test persons of the packaged ``personen-testdata.json``, as the mock answers them."""
    text = files("opengdi.registers.brp").joinpath("data", "personen-testdata.json").read_text("utf-8")
    return tuple(json.loads(text))


# --- values ---------------------------------------------------------------------------------------


def _get(data: Any, *path: str) -> Any:
    """``data[path[0]][path[1]]…``, ``None`` where a step is missing."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _tekst(value: Any) -> str | None:
    """A plain value as text: strings as they are, integers in digits, ``None`` otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return value if isinstance(value, str) and value != "" else None


def _code(value: Any) -> str | None:
    """The code of a tabelwaarde (``{"code": …, "omschrijving": …}``) or of a plain code."""
    return _tekst(value.get("code")) if isinstance(value, Mapping) else _tekst(value)


def _plaats(value: Any) -> str | None:
    """A plaats (03.20, 06.20, 07.20, 08.20): the gemeentecode of a Dutch place, else its name.

    LO3 records a place outside the Netherlands by name; the mock then gives only an omschrijving.
    """
    return _code(value) or _tekst(_get(value, "omschrijving"))


def _lijst(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _eerste(items: list[_Pairs] | None) -> _Pairs:
    return items[0] if items else ()


# --- voorkomens -----------------------------------------------------------------------------------


def _voorkomen(categorie: str, *groepen: _Pairs) -> ImportVoorkomen:
    """A voorkomen of ``categorie`` from ``(element, value)`` pairs; absent values are left out."""
    result: ImportVoorkomen = {}
    for groep in groepen:
        for key, value in groep:
            if value is not None and value != "":
                result[key] = _lo3_waarde(categorie, key, value)
    return result


def _lo3_waarde(categorie: str, key: str, value: str) -> str:
    element = lo3.element_for(categorie, key)
    if element is None:
        raise ValueError(f"element {key} hoort niet bij categorie {categorie}")
    value = lo3.normalize_value(element, value)
    if element.form is lo3.Form.ALPHANUMERIC and len(value) > element.max_length:
        # The mock may hold longer texts than LO3 allows; the register would have cut them off.
        return value[: element.max_length]
    return value


def _stapels(categorie: str, stapels: list[_Pairs], rni: list[_Pairs]) -> list[ImportVoorkomen]:
    """One voorkomen per stapel (the mock has no history), numbered 1, 2, … in the mock's order."""
    result: list[ImportVoorkomen] = []
    for index, groep in enumerate(stapels):
        voorkomen = _voorkomen(categorie, groep, rni[index] if index < len(rni) else ())
        if voorkomen:
            result.append({"stapel": len(result) + 1, **voorkomen})
    return result


def _heeft_elementen(voorkomen: ImportVoorkomen) -> bool:
    return any(key != "stapel" for key in voorkomen)


# --- groups ---------------------------------------------------------------------------------------


def _identificatie(data: Mapping[str, Any]) -> _Pairs:
    return (("01.10", _tekst(data.get("aNummer"))), ("01.20", _tekst(data.get("burgerservicenummer"))))


def _naam(naam: Any) -> _Pairs:
    return (
        ("02.10", _tekst(_get(naam, "voornamen"))),
        ("02.20", _code(_get(naam, "adellijkeTitelPredicaat"))),
        ("02.30", _tekst(_get(naam, "voorvoegsel"))),
        ("02.40", _tekst(_get(naam, "geslachtsnaam"))),
    )


def _geboorte(geboorte: Any) -> _Pairs:
    return (
        ("03.10", _tekst(_get(geboorte, "datum"))),
        ("03.20", _plaats(_get(geboorte, "plaats"))),
        ("03.30", _code(_get(geboorte, "land"))),
    )


def _persoonsgegevens(data: Mapping[str, Any]) -> _Pairs:
    """Groups 01–04, shared by the person and the related persons."""
    return (
        *_identificatie(data),
        *_naam(data.get("naam")),
        *_geboorte(data.get("geboorte")),
        ("04.10", _code(data.get("geslacht"))),
    )


def _onderzoek(onderzoek: Any) -> _Pairs:
    return (
        ("83.10", _tekst(_get(onderzoek, "aanduidingGegevensInOnderzoek"))),
        ("83.20", _tekst(_get(onderzoek, "datumIngangOnderzoek"))),
        ("83.30", _tekst(_get(onderzoek, "datumEindeOnderzoek"))),
    )


# --- categories -----------------------------------------------------------------------------------


def _persoon(persoon: Mapping[str, Any]) -> _Pairs:
    return (
        *_persoonsgegevens(persoon),
        ("61.10", _code(_get(persoon, "naam", "aanduidingNaamgebruik"))),
        *_onderzoek(persoon.get("persoonInOnderzoek")),
    )


def _ouders(ouders: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """Each ouder with its category: ouderAanduiding 1 → 02, 2 → 03 (else by position)."""
    return [
        (_OUDER_CATEGORIEEN.get(_tekst(ouder.get("ouderAanduiding")) or "") or ("02", "03")[index], ouder)
        for index, ouder in enumerate(_lijst(ouders)[:2])
    ]


def _ouder(ouder: Mapping[str, Any]) -> _Pairs:
    familierecht = _tekst(ouder.get("datumIngangFamilierechtelijkeBetrekking"))
    return (*_persoonsgegevens(ouder), ("62.10", familierecht), *_onderzoek(ouder.get("inOnderzoek")))


def _nationaliteit(item: Mapping[str, Any]) -> _Pairs:
    return (
        ("05.10", _code(item.get("nationaliteit"))),
        ("63.10", _code(item.get("redenOpname"))),
        ("64.10", _code(item.get("redenBeeindigen"))),
        ("65.10", _code(item.get("aanduidingBijzonderNederlanderschap"))),
        ("85.10", _tekst(item.get("datumIngangGeldigheid"))),
        *_onderzoek(item.get("inOnderzoek")),
    )


def _partner(partner: Mapping[str, Any]) -> _Pairs:
    aangaan = partner.get("aangaanHuwelijkPartnerschap")
    ontbinding = partner.get("ontbindingHuwelijkPartnerschap")
    return (
        *_persoonsgegevens(partner),
        ("06.10", _tekst(_get(aangaan, "datum"))),
        ("06.20", _plaats(_get(aangaan, "plaats"))),
        ("06.30", _code(_get(aangaan, "land"))),
        ("07.10", _tekst(_get(ontbinding, "datum"))),
        ("07.20", _plaats(_get(ontbinding, "plaats"))),
        ("07.30", _code(_get(ontbinding, "land"))),
        ("07.40", _code(_get(ontbinding, "reden"))),
        ("15.10", _code(partner.get("soortVerbintenis"))),
        *_onderzoek(partner.get("inOnderzoek")),
    )


def _overlijden(overlijden: Any) -> _Pairs:
    return (
        ("08.10", _tekst(_get(overlijden, "datum"))),
        ("08.20", _plaats(_get(overlijden, "plaats"))),
        ("08.30", _code(_get(overlijden, "land"))),
        *_onderzoek(_get(overlijden, "inOnderzoek")),
    )


def _geheim(value: Any) -> str:
    """70.10: the mock says ``"1"`` (or ``true``) for geheimhouding; LO3 knows 0 (none) to 7."""
    if value is True:
        return "1"
    text = _tekst(value)
    return text if text in _GEHEIM_CODES else "0"


def _inschrijving(persoon: Mapping[str, Any]) -> _Pairs:
    return (
        ("67.10", _tekst(_get(persoon, "opschortingBijhouding", "datum"))),
        ("67.20", _code(_get(persoon, "opschortingBijhouding", "reden"))),
        ("68.10", _tekst(persoon.get("datumEersteInschrijvingGBA"))),
        ("70.10", _geheim(persoon.get("geheimhoudingPersoonsgegevens"))),
        ("71.10", _tekst(_get(persoon, "verificatie", "datum"))),
        ("71.20", _tekst(_get(persoon, "verificatie", "omschrijving"))),
    )


def _verblijfplaats(persoon: Mapping[str, Any]) -> _Pairs:
    verblijf = persoon.get("verblijfplaats")
    return (
        ("09.10", _code(persoon.get("gemeenteVanInschrijving"))),
        ("09.20", _tekst(persoon.get("datumInschrijvingInGemeente"))),
        ("10.10", _code(_get(verblijf, "functieAdres"))),
        ("10.20", _tekst(_get(verblijf, "gemeentedeel"))),
        ("10.30", _tekst(_get(verblijf, "datumAanvangAdreshouding"))),
        *_adres(verblijf),
        ("14.10", _code(_get(persoon, "immigratie", "landVanwaarIngeschreven"))),
        ("14.20", _tekst(_get(persoon, "immigratie", "datumVestigingInNederland"))),
        ("85.10", _tekst(_get(verblijf, "datumIngangGeldigheid"))),
        *_onderzoek(_get(verblijf, "inOnderzoek")),
    )


def _adres(verblijf: Any) -> _Pairs:
    """Groups 11 (adres), 12 (locatie) and 13 (adres buitenland) of category 08."""
    return (
        ("11.10", _tekst(_get(verblijf, "straat")) or _tekst(_get(verblijf, "korteNaam"))),
        ("11.15", _tekst(_get(verblijf, "naamOpenbareRuimte"))),
        ("11.20", _tekst(_get(verblijf, "huisnummer"))),
        ("11.30", _tekst(_get(verblijf, "huisletter"))),
        ("11.40", _tekst(_get(verblijf, "huisnummertoevoeging"))),
        ("11.50", _code(_get(verblijf, "aanduidingBijHuisnummer"))),
        ("11.60", _tekst(_get(verblijf, "postcode"))),
        ("11.70", _tekst(_get(verblijf, "woonplaats")) or _tekst(_get(verblijf, "woonplaatsnaam"))),
        ("11.80", _tekst(_get(verblijf, "adresseerbaarObjectIdentificatie"))),
        ("11.90", _tekst(_get(verblijf, "nummeraanduidingIdentificatie"))),
        ("12.10", _tekst(_get(verblijf, "locatiebeschrijving"))),
        ("13.10", _code(_get(verblijf, "land"))),
        ("13.20", _tekst(_get(verblijf, "datumAanvangAdresBuitenland"))),
        ("13.30", _tekst(_get(verblijf, "regel1"))),
        ("13.40", _tekst(_get(verblijf, "regel2"))),
        ("13.50", _tekst(_get(verblijf, "regel3"))),
    )


def _kind(kind: Mapping[str, Any]) -> _Pairs:
    return (*_persoonsgegevens(kind), *_onderzoek(kind.get("inOnderzoek")))


def _verblijfstitel(titel: Any) -> _Pairs:
    return (
        ("39.10", _code(_get(titel, "aanduiding"))),
        ("39.20", _tekst(_get(titel, "datumEinde"))),
        ("39.30", _tekst(_get(titel, "datumIngang"))),
        *_onderzoek(_get(titel, "inOnderzoek")),
    )


def _gezagsverhouding(persoon: Mapping[str, Any]) -> _Pairs:
    curatele = persoon.get("indicatieCurateleRegister")
    return (
        ("32.10", _code(persoon.get("indicatieGezagMinderjarige"))),
        ("33.10", "1" if curatele is True or curatele == "1" else None),
        *_onderzoek(persoon.get("gezagInOnderzoek")),
    )


def _kiesrecht(persoon: Mapping[str, Any]) -> _Pairs:
    uitgesloten = _get(persoon, "uitsluitingKiesrecht", "uitgeslotenVanKiesrecht")
    return (
        ("31.10", _code(_get(persoon, "europeesKiesrecht", "aanduiding"))),
        ("31.20", _tekst(_get(persoon, "europeesKiesrecht", "datumVerzoekOfMededeling"))),
        ("31.30", _tekst(_get(persoon, "europeesKiesrecht", "einddatumUitsluiting"))),
        ("38.10", "A" if uitgesloten is True else None),  # LO3 code A: uitgesloten van kiesrecht
        ("38.20", _tekst(_get(persoon, "uitsluitingKiesrecht", "einddatum"))),
    )


def _rni_per_categorie(rni: Any) -> dict[str, list[_Pairs]]:
    """The mock's ``rni[]`` as 88.10/88.20 pairs per LO3 category, in the mock's order.

    The n-th ``Nationaliteit`` entry goes on the n-th nationaliteit; the mock sometimes lists more
    entries than the person has nationaliteiten, and those have no voorkomen to go on. An entry for
    ``Overlijden`` without an overlijden still gets a category 06 voorkomen that holds only 88.10, as
    that is where LO3 records it.
    """
    result: dict[str, list[_Pairs]] = {}
    for item in _lijst(rni):
        categorie = _RNI_CATEGORIEEN.get(str(item.get("categorie", "")).lower())
        if categorie is not None:
            result.setdefault(categorie, []).append(
                (("88.10", _code(item.get("deelnemer"))), ("88.20", _tekst(item.get("omschrijvingVerdrag"))))
            )
    return result
