# SPDX-License-Identifier: EUPL-1.2
"""BRP Bewoning, BewoningMetPeildatum: who lived at an adresseerbaar object on one day, on both
databases, after the behaviour the BRP-API/Haal-Centraal-BRP-bewoning features specify (the
peildatum features): certain and possible residents where days are partly unknown, the previous and
next stay, corrections, emigration, opschorting, nevenadressen, infrastructural changes, found not
to live at the address, and many residents."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.registers.brp.helpers import adres, bewoner, bewoningen, buitenland, load, op_peildatum

A1 = "0800010000000001"
A2 = "0800010000000002"
A3 = "0800010000000003"
IEMAND = "000000024"
ANDER = "000000048"


def _volgende_dag(dag: str) -> str:
    return (date.fromisoformat(dag) + timedelta(days=1)).isoformat()


async def _soort(client: httpx.AsyncClient, adresseerbaar_object: str, peildatum: str) -> str | None:
    """``bewoner``, ``mogelijk`` or ``None``: how :data:`IEMAND` lived at the object on ``peildatum``
    (asserting the one bewoning is of that day)."""
    found = await op_peildatum(client, adresseerbaar_object, peildatum)
    if not found:
        return None
    [(van, tot, zeker, mogelijk)] = found
    assert (van, tot) == (peildatum, _volgende_dag(peildatum))
    return "bewoner" if IEMAND in zeker else "mogelijk" if IEMAND in mogelijk else None


@pytest.fixture
async def twee_adressen(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """One person at A1 from 18 August 2010, then at A2 from 26 May 2016, then abroad from 26 May
    2023; another at A1 from 8 August 2014."""
    await load(
        client,
        bewoner(IEMAND, adres(A1, "20100818"), adres(A2, "20160526"), buitenland("20230526")),
        bewoner(ANDER, adres(A1, "20140808")),
    )
    return client


@pytest.mark.parametrize(
    ("peildatum", "bewoners"),
    [
        ("2010-08-17", None),  # before anyone came
        ("2010-08-18", [IEMAND]),  # the first day of the stay
        ("2010-09-01", [IEMAND]),
        ("2014-08-07", [IEMAND]),  # the last day before the other came
        ("2014-08-08", [IEMAND, ANDER]),
        ("2016-05-25", [IEMAND, ANDER]),  # the last day before the move to A2
        ("2016-05-26", [ANDER]),
    ],
)
async def test_who_lived_at_the_object_on_a_day(
    twee_adressen: httpx.AsyncClient, peildatum: str, bewoners: list[str] | None
) -> None:
    expected = [(peildatum, _volgende_dag(peildatum), bewoners, [])] if bewoners else []
    assert await op_peildatum(twee_adressen, A1, peildatum) == expected


@pytest.mark.parametrize(
    ("peildatum", "soort"), [("2023-05-25", "bewoner"), ("2023-05-26", None), ("2023-06-01", None)]
)
async def test_emigration_ends_the_stay(twee_adressen: httpx.AsyncClient, peildatum: str, soort: str | None) -> None:
    assert await _soort(twee_adressen, A2, peildatum) == soort


async def test_an_object_nobody_lived_at_has_no_bewoning(twee_adressen: httpx.AsyncClient) -> None:
    assert await op_peildatum(twee_adressen, "0800000000000003", "2015-01-01") == []


async def test_a_bewoning_names_its_object_and_day(twee_adressen: httpx.AsyncClient) -> None:
    response = await bewoningen(
        twee_adressen, type="BewoningMetPeildatum", peildatum="2015-01-01", adresseerbaarObjectIdentificatie=A1
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    [bewoning] = response.json()["bewoningen"]
    assert bewoning["adresseerbaarObjectIdentificatie"] == A1
    assert bewoning["periode"] == {"datumVan": "2015-01-01", "datumTot": "2015-01-02"}
    assert bewoning["mogelijkeBewoners"] == []


#: (datum aanvang adreshouding at A1, of the next stay at A2 or None) → [(peildatum, soort at A1)].
MOGELIJK_ZONDER_VORIGE: list[tuple[str, str | None, list[tuple[str, str | None]]]] = [
    # a partly unknown begin: possibly living there during the uncertainty period, for certain after it
    (
        "20100800",
        None,
        [("2010-07-31", None), ("2010-08-01", "mogelijk"), ("2010-08-31", "mogelijk"), ("2010-09-01", "bewoner")],
    ),
    (
        "20100000",
        None,
        [("2009-12-31", None), ("2010-01-01", "mogelijk"), ("2010-12-31", "mogelijk"), ("2011-01-01", "bewoner")],
    ),
    ("00000000", None, [("1900-01-01", "mogelijk"), ("2000-01-01", "mogelijk"), ("2030-06-01", "mogelijk")]),
    # a known next stay after the uncertainty period
    ("20100800", "20101001", [("2010-08-31", "mogelijk"), ("2010-09-01", "bewoner"), ("2010-10-01", None)]),
    ("20100000", "20110201", [("2010-12-31", "mogelijk"), ("2011-01-01", "bewoner"), ("2011-02-01", None)]),
    # a known next stay inside the uncertainty period: never certain
    ("20100800", "20100821", [("2010-08-20", "mogelijk"), ("2010-08-21", None), ("2010-08-22", None)]),
    ("20100000", "20101001", [("2010-09-30", "mogelijk"), ("2010-10-01", None)]),
    ("00000000", "20100101", [("2009-12-31", "mogelijk"), ("2010-01-01", None), ("2010-01-02", None)]),
    # a known begin and a partly unknown next stay
    (
        "20100818",
        "20160500",
        [("2016-04-30", "bewoner"), ("2016-05-01", "mogelijk"), ("2016-05-31", "mogelijk"), ("2016-06-01", None)],
    ),
    (
        "20100818",
        "20160000",
        [("2015-12-31", "bewoner"), ("2016-01-01", "mogelijk"), ("2016-12-31", "mogelijk"), ("2017-01-01", None)],
    ),
    # a known begin inside the uncertainty period of the next stay: possibly left from the day after
    (
        "20100818",
        "20100800",
        [("2010-08-17", None), ("2010-08-18", "bewoner"), ("2010-08-19", "mogelijk"), ("2010-09-01", None)],
    ),
    ("20100818", "20100000", [("2010-08-18", "bewoner"), ("2010-08-19", "mogelijk"), ("2011-01-01", None)]),
    ("20100818", "00000000", [("2010-08-17", None), ("2010-08-18", "bewoner"), ("2010-08-19", "mogelijk")]),
    # two partly unknown days that do not overlap: certain in between
    (
        "20100800",
        "20101000",
        [("2010-08-20", "mogelijk"), ("2010-09-01", "bewoner"), ("2010-10-10", "mogelijk"), ("2010-11-01", None)],
    ),
    ("20100800", "20110000", [("2010-12-31", "bewoner"), ("2012-01-01", None)]),
    ("20100000", "20111000", [("2010-09-30", "mogelijk"), ("2011-01-30", "bewoner"), ("2011-10-15", "mogelijk")]),
    ("20100000", "20120000", [("2011-10-15", "bewoner"), ("2012-01-01", "mogelijk")]),
    ("20100000", "20110200", [("2011-03-01", None)]),
    # overlapping uncertainty periods: possible from the first day of the one to the last of the other
    (
        "20100800",
        "20100000",
        [("2010-07-31", None), ("2010-08-01", "mogelijk"), ("2010-12-31", "mogelijk"), ("2011-01-01", None)],
    ),
    (
        "20100000",
        "20100800",
        [("2009-12-31", None), ("2010-01-01", "mogelijk"), ("2010-08-31", "mogelijk"), ("2010-09-01", None)],
    ),
    ("00000000", "20100000", [("2010-12-31", "mogelijk"), ("2011-01-01", None)]),
    ("20100000", "00000000", [("2009-12-31", None), ("2010-01-01", "mogelijk"), ("2011-01-01", "mogelijk")]),
]


@pytest.mark.parametrize(("aanvang", "volgende", "verwacht"), MOGELIJK_ZONDER_VORIGE)
async def test_a_partly_unknown_begin_or_end_makes_a_possible_resident(
    client: httpx.AsyncClient, aanvang: str, volgende: str | None, verwacht: list[tuple[str, str | None]]
) -> None:
    verblijven = [adres(A1, aanvang), *([adres(A2, volgende)] if volgende else [])]
    await load(client, bewoner(IEMAND, *verblijven))
    assert [(dag, await _soort(client, A1, dag)) for dag, _ in verwacht] == verwacht


#: (datum aanvang of the previous stay at A1, of the stay at A2) → [(peildatum, soort at A2)].
MOGELIJK_NA_VORIGE: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    # a known previous begin before the uncertainty period
    ("20100101", "20100800", [("2010-07-31", None), ("2010-08-01", "mogelijk")]),
    ("20091001", "20100000", [("2009-12-31", None), ("2010-01-01", "mogelijk")]),
    # a known previous begin inside it: the move came after that day
    ("20100810", "20100800", [("2010-08-09", None), ("2010-08-10", None), ("2010-08-11", "mogelijk")]),
    ("20100501", "20100000", [("2010-04-30", None), ("2010-05-01", None), ("2010-05-02", "mogelijk")]),
    ("20101014", "00000000", [("2010-10-13", None), ("2010-10-14", None), ("2010-10-15", "mogelijk")]),
    # a partly unknown previous begin that does not overlap
    ("20100800", "20101000", [("2010-08-31", None), ("2010-09-30", None), ("2010-10-31", "mogelijk")]),
    ("20100800", "20110000", [("2010-12-31", None), ("2011-12-31", "mogelijk")]),
    ("20100000", "20110200", [("2011-01-31", None), ("2011-02-01", "mogelijk")]),
    ("20100000", "20110000", [("2010-12-31", None), ("2011-12-31", "mogelijk")]),
    # the same uncertainty period
    ("00000000", "00000000", [("2010-08-31", "mogelijk")]),
    ("20100000", "20100000", [("2009-12-31", None), ("2010-01-01", "mogelijk")]),
    ("20100500", "20100500", [("2010-04-30", None), ("2010-05-01", "mogelijk")]),
    # overlapping: possible from the first day of the previous uncertainty period
    ("20100000", "00000000", [("2009-12-31", None), ("2010-01-01", "mogelijk"), ("2011-01-01", "mogelijk")]),
    ("20100500", "00000000", [("2010-04-30", None), ("2010-05-01", "mogelijk")]),
    ("20100500", "20100000", [("2010-04-30", None), ("2010-06-01", "mogelijk")]),
    ("00000000", "20100000", [("2009-12-31", None), ("2010-01-01", "mogelijk")]),
    ("00000000", "20100500", [("2010-04-30", None), ("2010-05-01", "mogelijk")]),
    ("20100000", "20100800", [("2010-07-31", None), ("2010-08-01", "mogelijk")]),
]


@pytest.mark.parametrize(("vorige", "aanvang", "verwacht"), MOGELIJK_NA_VORIGE)
async def test_a_partly_unknown_begin_comes_after_the_previous_stay(
    client: httpx.AsyncClient, vorige: str, aanvang: str, verwacht: list[tuple[str, str | None]]
) -> None:
    await load(client, bewoner(IEMAND, adres(A1, vorige), adres(A2, aanvang)))
    assert [(dag, await _soort(client, A2, dag)) for dag, _ in verwacht] == verwacht


async def test_a_briefadres_counts_as_a_stay(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20220526", e10_10="B"), adres(A2, "20220000")))
    assert [await _soort(client, A2, dag) for dag in ("2022-01-01", "2022-05-26", "2022-05-27", "2023-01-01")] == [
        None,
        None,
        "mogelijk",
        "bewoner",
    ]


CORRECTIES: list[tuple[list[dict[str, str]], str, str, str | None]] = [
    # the begin was corrected to a later day: the corrected voorkomen is left out
    ([adres(A1, "20160526", e84_10="O"), adres(A1, "20160601")], A1, "2016-05-28", None),
    ([adres(A1, "20160601", e84_10="O"), adres(A1, "20160526")], A1, "2016-05-28", "bewoner"),
    # the next stay's begin was corrected
    ([adres(A1, "20100818"), adres(A2, "20160601", e84_10="O"), adres(A2, "20160526")], A1, "2016-05-28", None),
    ([adres(A1, "20100818"), adres(A2, "20160526", e84_10="O"), adres(A2, "20160601")], A1, "2016-05-28", "bewoner"),
    # corrected to a partly unknown day
    ([adres(A1, "20100818"), adres(A2, "20160526", e84_10="O"), adres(A2, "20160000")], A2, "2016-05-01", "mogelijk"),
    ([adres(A1, "20100818"), adres(A2, "20160526", e84_10="O"), adres(A2, "20160000")], A1, "2016-06-01", "mogelijk"),
    # a stay abroad corrected into a stay at A2 from a partly unknown day
    (
        [adres(A1, "20160218"), {**buitenland("20160526", "0000"), "84.10": "O"}, adres(A2, "20160000")],
        A2,
        "2016-02-01",
        None,
    ),
    (
        [adres(A1, "20160218"), {**buitenland("20160526", "0000"), "84.10": "O"}, adres(A2, "20160000")],
        A2,
        "2016-05-01",
        "mogelijk",
    ),
]


@pytest.mark.parametrize(("verblijven", "adresseerbaar_object", "peildatum", "soort"), CORRECTIES)
async def test_corrected_voorkomens_are_left_out(
    client: httpx.AsyncClient,
    verblijven: list[dict[str, str]],
    adresseerbaar_object: str,
    peildatum: str,
    soort: str | None,
) -> None:
    await load(client, bewoner(IEMAND, *verblijven))
    assert await _soort(client, adresseerbaar_object, peildatum) == soort


async def test_a_resident_at_a_nevenadres_lives_at_the_object(client: httpx.AsyncClient) -> None:
    await load(
        client,
        bewoner(IEMAND, adres(A1, "20220818", e11_90="0800200010877405")),
        bewoner(ANDER, adres(A1, "20220818", e11_90="0800200022197986")),
    )
    assert await op_peildatum(client, A1, "2023-01-01") == [("2023-01-01", "2023-01-02", [IEMAND, ANDER], [])]


async def test_an_address_given_its_bag_identification_later_is_its_object_from_then(client: httpx.AsyncClient) -> None:
    spui = {"09.10": "0800", "10.30": "20100818", "11.10": "Spui"}
    bijgewerkt = {**spui, "10.30": "20220501", "11.80": A1, "11.90": "0800200010877001", "72.10": "T"}
    await load(client, bewoner(IEMAND, spui, bijgewerkt))
    assert [await _soort(client, A1, dag) for dag in ("2022-04-30", "2022-05-01", "2023-01-01")] == [
        None,
        "bewoner",
        "bewoner",
    ]


async def test_a_change_of_municipality_keeps_the_residence_uninterrupted(client: httpx.AsyncClient) -> None:
    herindeling = {**adres(A3, "20230526"), "09.10": "0530", "72.10": "W"}
    await load(client, bewoner(IEMAND, adres(A3, "20100818"), herindeling))
    assert [await _soort(client, A3, dag) for dag in ("2010-08-17", "2023-01-01", "2023-05-26", "2023-07-01")] == [
        None,
        "bewoner",
        "bewoner",
        "bewoner",
    ]


async def test_merged_and_split_objects_have_their_residents_from_the_change(client: httpx.AsyncClient) -> None:
    samengevoegd = {**adres(A2, "20220501"), "72.10": "W"}
    await load(
        client,
        bewoner(IEMAND, adres(A1, "20100818"), samengevoegd),
        bewoner(ANDER, adres(A1, "20100818"), {**adres(A3, "20220501"), "72.10": "W"}),
    )
    assert await op_peildatum(client, A1, "2023-01-01") == []
    assert await op_peildatum(client, A2, "2022-01-01") == []
    assert await op_peildatum(client, A3, "2022-01-01") == []
    assert await op_peildatum(client, A1, "2022-01-01") == [("2022-01-01", "2022-01-02", [IEMAND, ANDER], [])]


@pytest.mark.parametrize("reden", ["F", "W"])
async def test_a_withdrawn_or_erased_persoonslijst_lives_nowhere(client: httpx.AsyncClient, reden: str) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20100818"), c07=[{"67.10": "20220829", "67.20": reden}]))
    assert await op_peildatum(client, A1, "2010-09-01") == []


@pytest.mark.parametrize("reden", ["O", "E", "M", "R", "."])
async def test_opschorting_ends_the_residence(client: httpx.AsyncClient, reden: str) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20100818"), c07=[{"67.10": "20220829", "67.20": reden}]))
    assert [await _soort(client, A1, dag) for dag in ("2022-08-28", "2022-08-29", "2022-09-01")] == [
        "bewoner",
        None,
        None,
    ]


async def test_death_ends_the_residence(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20100818"), c06=[{"08.10": "20200300"}]))
    assert [await _soort(client, A1, dag) for dag in ("2020-02-29", "2020-03-01", "2020-04-01")] == [
        "bewoner",
        "mogelijk",
        None,
    ]


async def _met_persoon(client: httpx.AsyncClient, peildatum: str, adresseerbaar_object: str = A1) -> dict[str, Any]:
    response = await bewoningen(
        client, type="BewoningMetPeildatum", peildatum=peildatum, adresseerbaarObjectIdentificatie=adresseerbaar_object
    )
    assert response.status_code == 200, response.text
    [bewoning] = response.json()["bewoningen"]
    [persoon] = bewoning["bewoners"] + bewoning["mogelijkeBewoners"]
    assert isinstance(persoon, dict)
    return persoon


@pytest.mark.parametrize(("geheim", "verwacht"), [("0", None), *((str(code), True) for code in range(1, 8))])
@pytest.mark.parametrize("aanvang", ["20100818", "20100800"])
async def test_geheimhouding_is_delivered_unasked(
    client: httpx.AsyncClient, geheim: str, verwacht: bool | None, aanvang: str
) -> None:
    await load(client, bewoner(IEMAND, adres(A1, aanvang), adres(A2, "20160526"), c07=[{"70.10": geheim}]))
    persoon = await _met_persoon(client, "2010-08-18")
    assert persoon.get("geheimhoudingPersoonsgegevens") is verwacht
    assert persoon["burgerservicenummer"] == IEMAND


async def test_a_bewoner_has_the_full_name_and_birth_date(client: httpx.AsyncClient) -> None:
    persoon01 = [{"02.10": "Pieter Jan", "02.30": "de", "02.40": "Vries", "03.10": "19840701", "04.10": "M"}]
    await load(client, bewoner(IEMAND, adres(A1, "20100818"), c01=persoon01))
    assert await _met_persoon(client, "2012-01-01") == {
        "burgerservicenummer": IEMAND,
        "naam": {"volledigeNaam": "Pieter Jan de Vries"},
        "geboorte": {"datum": {"type": "Datum", "datum": "1984-07-01", "langFormaat": "1 juli 1984"}},
    }


@pytest.mark.parametrize("element", ["0000", "1000", "1030", "1100", "1180", "1010"])
@pytest.mark.parametrize("categorie", ["08", "58"])
async def test_the_stay_in_onderzoek_marks_the_bewoner(client: httpx.AsyncClient, element: str, categorie: str) -> None:
    onderzoek = {"e83_10": f"{categorie}{element}", "e83_20": "20200401"}
    volgende = [adres(A2, "20210526")] if categorie == "58" else []
    await load(client, bewoner(IEMAND, adres(A1, "20100818", **onderzoek), *volgende))
    for peildatum in ("2020-03-31", "2020-04-15"):  # the datum ingang does not matter
        assert (await _met_persoon(client, peildatum)).get("inOnderzoek") is True


@pytest.mark.parametrize(
    "element", ["0900", "0910", "0920", "1110", "1115", "1190", "1200", "1400", "1410", "1420", "8500", "8510"]
)
async def test_other_verblijfplaats_elements_in_onderzoek_do_not_mark_the_bewoner(
    client: httpx.AsyncClient, element: str
) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20100818", e83_10=f"08{element}", e83_20="20200401")))
    assert "inOnderzoek" not in await _met_persoon(client, "2020-04-15")


async def test_an_ended_onderzoek_does_not_mark_the_bewoner(client: httpx.AsyncClient) -> None:
    onderzoek = {"e83_10": "080000", "e83_20": "20200401", "e83_30": "20200801"}
    await load(client, bewoner(IEMAND, adres(A1, "20100818", **onderzoek)))
    for peildatum in ("2020-03-31", "2020-05-01", "2020-08-01"):
        assert "inOnderzoek" not in await _met_persoon(client, peildatum)


#: (onderzoek of the stay at A1 from 18 August 2020, the next stay or None) → [(peildatum, soort)].
VERBLIJFT_NIET_OP_ADRES: list[tuple[dict[str, str], dict[str, str] | None, list[tuple[str, str | None]]]] = [
    # found not to live there: a bewoner until the datum ingang onderzoek, not from then on
    (
        {"e83_10": "089999", "e83_20": "20220526"},
        None,
        [("2020-08-18", "bewoner"), ("2022-05-25", "bewoner"), ("2022-05-26", None), ("2022-07-12", None)],
    ),
    (
        {"e83_10": "589999", "e83_20": "20220526"},
        adres(A2, "20220810"),
        [("2022-04-10", "bewoner"), ("2022-06-03", None)],
    ),
    ({"e83_10": "589999", "e83_20": "20220526"}, buitenland("20220600", "0000"), [("2022-06-03", None)]),
    # the onderzoek ended on the actual stay: it no longer matters
    (
        {"e83_10": "089999", "e83_20": "20220526", "e83_30": "20220810"},
        None,
        [("2022-01-01", "bewoner"), ("2022-07-12", "bewoner"), ("2022-08-12", "bewoner")],
    ),
    # it ended before the next stay began: it no longer matters either
    (
        {"e83_10": "589999", "e83_20": "20220526", "e83_30": "20220730"},
        buitenland("20220810", "0000"),
        [("2022-07-12", "bewoner"), ("2022-08-03", "bewoner")],
    ),
    # it ended on or after the next stay began: possibly still living there after the datum ingang
    (
        {"e83_10": "589999", "e83_20": "20220526", "e83_30": "20220902"},
        buitenland("20220901", "0000"),
        [("2022-01-01", "bewoner"), ("2022-07-30", "mogelijk"), ("2022-09-01", None)],
    ),
    (
        {"e83_10": "589999", "e83_20": "20220526", "e83_30": "20220901"},
        buitenland("20220901", "0000"),
        [("2022-01-01", "bewoner"), ("2022-06-01", "mogelijk")],
    ),
]


@pytest.mark.parametrize(("onderzoek", "volgende", "verwacht"), VERBLIJFT_NIET_OP_ADRES)
async def test_a_person_found_not_to_live_at_the_address(
    client: httpx.AsyncClient,
    onderzoek: dict[str, str],
    volgende: dict[str, str] | None,
    verwacht: list[tuple[str, str | None]],
) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20200818", **onderzoek), *([volgende] if volgende else [])))
    assert [(dag, await _soort(client, A1, dag)) for dag, _ in verwacht] == verwacht


async def test_vastgesteld_verblijft_niet_op_adres_is_no_inonderzoek(client: httpx.AsyncClient) -> None:
    await load(client, bewoner(IEMAND, adres(A1, "20100818", e83_10="089999", e83_20="20220401")))
    assert await _met_persoon(client, "2020-04-15") == {"burgerservicenummer": IEMAND}


def _personen(aantal: int, aanvang: str, eerste: int = 1) -> list[dict[str, Any]]:
    return [bewoner(f"{nummer:09d}", adres(A1, aanvang)) for nummer in range(eerste, eerste + aantal)]


@pytest.mark.parametrize(
    ("zeker", "mogelijk", "veel"), [(101, 0, True), (0, 101, True), (81, 20, True), (100, 0, False), (80, 20, False)]
)
async def test_more_than_a_hundred_residents_are_indicated_not_named(
    client: httpx.AsyncClient, zeker: int, mogelijk: int, veel: bool
) -> None:
    await load(client, *_personen(zeker, "20200818"), *_personen(mogelijk, "20200800", eerste=zeker + 1))
    response = await bewoningen(
        client, type="BewoningMetPeildatum", peildatum="2020-08-18", adresseerbaarObjectIdentificatie=A1
    )
    [bewoning] = response.json()["bewoningen"]
    if veel:
        assert bewoning["indicatieVeelBewoners"] is True
        assert (bewoning["bewoners"], bewoning["mogelijkeBewoners"]) == ([], [])
    else:
        assert "indicatieVeelBewoners" not in bewoning
        assert (len(bewoning["bewoners"]), len(bewoning["mogelijkeBewoners"])) == (zeker, mogelijk)
