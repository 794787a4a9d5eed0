# SPDX-License-Identifier: EUPL-1.2
"""The BAG's read use cases, one per operation of the BAG API Individuele Bevragingen.

Each authorises the afnemer for its operation (scope ``bag``: ``raadplegen`` one object or its
levenscyclus, ``zoeken`` a collection), reads through the repository on a connection outside a
transaction, picks the voorkomens that answer (:mod:`~opengdi.registers.bag.tijdreizen`) and returns
domain results (:class:`~opengdi.registers.bag.objecten.Gevonden`,
:class:`~opengdi.registers.bag.adres.Adres`) that the API shapes as HAL. An unknown object is
:class:`~opengdi.kernel.fouten.NietGevonden`. BAG data is public, so nothing is protocolled (the
catalogue's operations have ``persoonsgegevens=False``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

from opengdi.kernel.context import Context
from opengdi.kernel.db import Database
from opengdi.kernel.fouten import NietGevonden
from opengdi.kernel.tekst import fold
from opengdi.kernel.toegang import Principaal, Toegangsvraag
from opengdi.registers.bag import adresketen, bronhouders, repository, ruimte, tijdreizen, zoeken, zoekindex
from opengdi.registers.bag.adres import Adres, AdresUitgebreid, past, woonplaats_van
from opengdi.registers.bag.adresketen import Adresketen
from opengdi.registers.bag.bronhouders import Bronhouder
from opengdi.registers.bag.extract import KenmerkInOnderzoek, Voorkomen
from opengdi.registers.bag.objecten import ADRESSEERBAAR, SOORTEN, Gevonden, doelen
from opengdi.registers.bag.tijdreizen import Moment
from opengdi.registers.bag.vraag import Adresvraag, Pagina, page_beyond

RAADPLEGEN = "raadplegen"
ZOEKEN = "zoeken"
_ADRESROLLEN = ("hoofdadres", "nevenadres")
#: The most objects whose bounding box holds one point that are held against it (a point lies in
#: a handful of panden, one woonplaats).
MAX_OP_PUNT = 1_000


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Bladzijde(Generic[T]):
    """One page of a collection: its items and how many the whole collection holds."""

    items: list[T]
    totaal: int


def _check_page(pagina: Pagina, totaal: int) -> None:
    """A page after the last is refused (400 ``page``)."""
    refused = page_beyond(pagina, totaal)
    if refused is not None:
        raise refused


def _page(items: list[T], pagina: Pagina) -> list[T]:
    """The items on ``pagina``; a page after the last is refused (400 ``page``)."""
    _check_page(pagina, len(items))
    start = (pagina.nummer - 1) * pagina.grootte
    return items[start : start + pagina.grootte]


async def _authorize(context: Context, afnemer: Principaal, operatie: str) -> None:
    await context.toegang.authorize(afnemer, Toegangsvraag("bag", operatie))


async def toegang(context: Context, afnemer: Principaal) -> None:
    """Whether the afnemer may use the BAG API at all (for ``/info``); refuses with 403 otherwise."""
    await _authorize(context, afnemer, RAADPLEGEN)


def _niet_gevonden(objecttype: str, identificatie: str) -> NietGevonden:
    soort = SOORTEN[objecttype]
    return NietGevonden(f"Er is geen {soort.sleutel} met identificatie {identificatie}.")


async def _onderzoek(connection: AsyncConnection, identificaties: Iterable[str]) -> dict[str, list[KenmerkInOnderzoek]]:
    return await repository.kenmerken_of(connection, identificaties)


async def _embed(
    connection: AsyncConnection, voorkomens: Sequence[Voorkomen], expand: Collection[str], moment: Moment
) -> list[dict[str, tuple[Gevonden, ...]]]:
    """Per voorkomen, the related objects that ``expand`` names, at ``moment`` (one query per type)."""
    wanted: dict[str, set[str]] = {}
    for voorkomen in voorkomens:
        soort = SOORTEN[voorkomen.objecttype]
        for name in expand:
            if name in soort.relaties:
                wanted.setdefault(soort.relaties[name].doeltype, set()).update(doelen(soort, name, voorkomen.gegevens))
    chosen: dict[str, Voorkomen] = {}
    for objecttype, ids in wanted.items():
        for identificatie, items in (await repository.voorkomens_of(connection, ids, (objecttype,))).items():
            picked = tijdreizen.kies(items, moment)
            if picked is not None:
                chosen[identificatie] = picked
    marks = await _onderzoek(connection, chosen)
    result = []
    for voorkomen in voorkomens:
        soort = SOORTEN[voorkomen.objecttype]
        embedded: dict[str, tuple[Gevonden, ...]] = {}
        for name in sorted(expand):
            if name not in soort.relaties:
                continue
            found = tuple(
                Gevonden(chosen[target], tuple(tijdreizen.in_onderzoek(marks.get(target, ()), moment)))
                for target in doelen(soort, name, voorkomen.gegevens)
                if target in chosen
            )
            if found:
                embedded[name] = found
        result.append(embedded)
    return result


async def _found(
    connection: AsyncConnection,
    voorkomens: Sequence[Voorkomen],
    expand: Collection[str],
    moment: Moment,
    *,
    levenscyclus: bool = False,
) -> list[Gevonden]:
    """The voorkomens with their marks in onderzoek (at ``moment``, or during each voorkomen for a
    levenscyclus) and what ``expand`` embeds."""
    marks = await _onderzoek(connection, {item.identificatie for item in voorkomens})
    embedded = await _embed(connection, voorkomens, expand, moment)
    houders = await _bronhouders_of(connection, voorkomens, moment, levenscyclus=levenscyclus)
    return [
        Gevonden(
            voorkomen,
            tuple(
                tijdreizen.in_onderzoek_tijdens(marks.get(voorkomen.identificatie, ()), voorkomen)
                if levenscyclus
                else tijdreizen.in_onderzoek(marks.get(voorkomen.identificatie, ()), moment)
            ),
            ingebed,
            houders[index],
        )
        for index, (voorkomen, ingebed) in enumerate(zip(voorkomens, embedded, strict=True))
    ]


async def _bronhouders_of(
    connection: AsyncConnection, voorkomens: Sequence[Voorkomen], moment: Moment, *, levenscyclus: bool
) -> list[tuple[Bronhouder, ...]]:
    """Per voorkomen, the bronhouders of a woonplaats on the date asked (in a levenscyclus: on
    the voorkomen's first day); nothing for other object types."""
    result: list[tuple[Bronhouder, ...]] = []
    for voorkomen in voorkomens:
        if voorkomen.objecttype != "WPL":
            result.append(())
            continue
        datum = voorkomen.begin_geldigheid if levenscyclus else moment.geldig_op
        codes = (await repository.gemeenten_van(connection, [voorkomen.identificatie], datum)).get(
            voorkomen.identificatie, []
        )
        result.append(tuple(item for code in codes if (item := bronhouders.op(code, datum)) is not None))
    return result


# --- Bronhouders ---------------------------------------------------------------------------------


def _geen_bronhouder(code: str) -> NietGevonden:
    return NietGevonden(f"Er is geen bronhouder met code {code}.")


async def bronhouder(context: Context, afnemer: Principaal, *, code: str, moment: Moment) -> Bronhouder:
    """The gemeente ``code`` as bronhouder on the date asked."""
    await _authorize(context, afnemer, RAADPLEGEN)
    async with context.database.read() as connection:
        known = await repository.is_bronhouder(connection, code)
    found = bronhouders.op(code, moment.geldig_op) if known else None
    if found is None:
        raise _geen_bronhouder(code)
    return found


async def bronhouder_voorkomen(
    context: Context, afnemer: Principaal, *, code: str, versie: int, timestamp_ms: int
) -> Bronhouder:
    """One voorkomen (period) of a bronhouder, named by its number and moment."""
    await _authorize(context, afnemer, RAADPLEGEN)
    async with context.database.read() as connection:
        known = await repository.is_bronhouder(connection, code)
    found = bronhouders.voorkomen(code, versie, timestamp_ms) if known else None
    if found is None:
        raise NietGevonden(f"De bronhouder {code} heeft geen voorkomen {versie} geregistreerd op {timestamp_ms}.")
    return found


async def bronhouders_van(
    context: Context, afnemer: Principaal, *, woonplaats: str | None, object_: str | None, moment: Moment
) -> list[Bronhouder]:
    """The bronhouders of a woonplaats, or of the woonplaats any BAG object lies in (a pand, which
    lies in none, by the gemeentecode its identificatie begins with), on the date asked."""
    await _authorize(context, afnemer, ZOEKEN)
    datum = moment.geldig_op
    async with context.database.read() as connection:
        if woonplaats is None and object_ is not None and len(object_) == 16 and object_[4:6] == "10":
            codes = [object_[:4]] if await repository.is_bronhouder(connection, object_[:4]) else []
        else:
            places = [woonplaats] if woonplaats else await _woonplaatsen_van(connection, object_ or "", moment)
            found = await repository.gemeenten_van(connection, places, datum)
            codes = sorted({code for items in found.values() for code in items})
    return [item for code in codes if (item := bronhouders.op(code, datum)) is not None]


async def _woonplaatsen_van(connection: AsyncConnection, identificatie: str, moment: Moment) -> list[str]:
    """The woonplaats a BAG object lies in at ``moment`` (a woonplaats: itself)."""
    if len(identificatie) == 4:
        return [identificatie]
    soort = {"30": "OPR", "20": "NUM", **ADRESSEERBAAR}.get(identificatie[4:6])
    if soort is None:
        return []
    chosen = await _current(connection, [identificatie], (soort,), moment, huidig=False)
    item = chosen.get(identificatie)
    if item is None:
        return []
    if soort == "OPR":
        return [str(item.gegevens["ligtIn"])] if item.gegevens.get("ligtIn") else []
    number = item if soort == "NUM" else None
    if number is None:
        hoofdadres = str(item.gegevens.get("heeftAlsHoofdAdres") or "")
        number = (await _current(connection, [hoofdadres], ("NUM",), moment, huidig=False)).get(hoofdadres)
    if number is None:
        return []
    street = (await _current(connection, [str(number.gegevens.get("ligtAan"))], ("OPR",), moment, huidig=False)).get(
        str(number.gegevens.get("ligtAan"))
    )
    place = woonplaats_van(number, street)
    return [place] if place else []


async def _all_of(connection: AsyncConnection, objecttype: str, identificatie: str) -> list[Voorkomen]:
    found = await repository.voorkomens_of(connection, [identificatie], (objecttype,))
    if identificatie not in found:
        raise _niet_gevonden(objecttype, identificatie)
    return found[identificatie]


async def raadpleeg(
    context: Context,
    afnemer: Principaal,
    *,
    objecttype: str,
    identificatie: str,
    moment: Moment,
    expand: Collection[str] = (),
) -> Gevonden:
    """The voorkomen of one object that answers at ``moment``, with what ``expand`` names."""
    await _authorize(context, afnemer, RAADPLEGEN)
    async with context.database.read() as connection:
        picked = tijdreizen.kies(await _all_of(connection, objecttype, identificatie), moment)
        if picked is None:
            raise _niet_gevonden(objecttype, identificatie)
        return (await _found(connection, [picked], expand, moment))[0]


async def levenscyclus(
    context: Context,
    afnemer: Principaal,
    *,
    objecttype: str,
    identificatie: str,
    geheel: bool,
    expand: Collection[str] = (),
) -> list[Gevonden]:
    """Every voorkomen of one object (without ``geheel``, only those still in its levenscyclus);
    the related objects that ``expand`` names as they are now."""
    await _authorize(context, afnemer, RAADPLEGEN)
    moment = tijdreizen.nu()
    async with context.database.read() as connection:
        items = tijdreizen.levenscyclus(
            await _all_of(connection, objecttype, identificatie), geheel=geheel, beschikbaar_op=moment.beschikbaar_op
        )
        if not items:
            raise _niet_gevonden(objecttype, identificatie)
        return await _found(connection, items, expand, moment, levenscyclus=True)


async def voorkomen(
    context: Context,
    afnemer: Principaal,
    *,
    objecttype: str,
    identificatie: str,
    versie: int,
    timestamp_ms: int,
    expand: Collection[str] = (),
) -> Gevonden:
    """One voorkomen of one object, named by its number and the epoch milliseconds of its
    ``tijdstipRegistratieLV``; the related objects as they were then."""
    await _authorize(context, afnemer, RAADPLEGEN)
    async with context.database.read() as connection:
        picked = tijdreizen.voorkomen_met(await _all_of(connection, objecttype, identificatie), versie, timestamp_ms)
        if picked is None:
            raise NietGevonden(
                f"De {SOORTEN[objecttype].sleutel} {identificatie} heeft geen voorkomen {versie} "
                f"geregistreerd op {timestamp_ms}."
            )
        moment = Moment(picked.begin_geldigheid, picked.tijdstip_registratie_lv)
        return (await _found(connection, [picked], expand, moment, levenscyclus=True))[0]


def adresseerbaar_type(identificatie: str) -> str:
    """The object type of an adresseerbaar object, by its identificatie (``…01…``: verblijfsobject)."""
    return ADRESSEERBAAR[identificatie[4:6]]


async def _current(
    connection: AsyncConnection, ids: Iterable[str], objecttypen: Collection[str], moment: Moment, *, huidig: bool
) -> dict[str, Voorkomen]:
    """The voorkomens of ``ids`` that answer at ``moment`` (with ``huidig``, only those without an end status)."""
    found = await repository.voorkomens_of(connection, ids, objecttypen)
    return _chosen(found, found, objecttypen, moment, huidig=huidig)


def _chosen(
    voorkomens: Mapping[str, Sequence[Voorkomen]],
    ids: Iterable[str],
    objecttypen: Collection[str],
    moment: Moment,
    *,
    huidig: bool,
) -> dict[str, Voorkomen]:
    """Of the objects ``ids`` of ``objecttypen`` among ``voorkomens``, the voorkomen of each that
    answers at ``moment`` (with ``huidig``, only those without an end status)."""
    chosen = {}
    for identificatie in ids:
        items = voorkomens.get(identificatie)
        if not items or items[0].objecttype not in objecttypen:
            continue
        picked = tijdreizen.kies(items, moment)
        if picked is not None and (not huidig or tijdreizen.huidig(picked)):
            chosen[identificatie] = picked
    return chosen


async def verblijfsobjecten_in(
    context: Context, afnemer: Principaal, *, pand: str, moment: Moment, huidig: bool, pagina: Pagina
) -> Bladzijde[Gevonden]:
    """The verblijfsobjecten that are part of ``pand`` at ``moment``, by identificatie."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        items, totaal = await repository.verblijfsobjecten_in_pand(
            connection, pand=pand, moment=moment, huidig=huidig, pagina=pagina
        )
        _check_page(pagina, totaal)
        return Bladzijde(await _found(connection, items, (), moment), totaal)


async def adresseerbare_objecten_met(
    context: Context,
    afnemer: Principaal,
    *,
    nummeraanduiding: str,
    moment: Moment,
    huidig: bool,
    expand: Collection[str],
) -> list[Gevonden]:
    """The adresseerbare objecten that have ``nummeraanduiding`` as hoofd- or nevenadres at ``moment``."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        ids = await repository.referring_to(connection, [nummeraanduiding], _ADRESROLLEN)
        chosen = await _current(connection, ids, tuple(ADRESSEERBAAR.values()), moment, huidig=huidig)
        items = [
            item
            for _, item in sorted(chosen.items())
            if nummeraanduiding
            in (item.gegevens.get("heeftAlsHoofdAdres"), *item.gegevens.get("heeftAlsNevenAdres", ()))
        ]
        return await _found(connection, items, expand, moment)


async def openbare_ruimten(
    context: Context,
    afnemer: Principaal,
    *,
    vraag: Adresvraag,
    woonplaats: str | None,
    moment: Moment,
    huidig: bool,
) -> Bladzijde[Gevonden]:
    """The openbare ruimten with a name in a woonplaats (named, or by identificatie), or all of a
    woonplaats, at ``moment``, by name."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        if woonplaats is not None:
            places = {woonplaats}
        else:
            places = set(await _named(connection, "WPL", vraag.woonplaats_naam or "", moment, huidig=False))
        naam = fold(vraag.openbare_ruimte_naam) if vraag.openbare_ruimte_naam is not None else None
        items, totaal = await repository.openbare_ruimten_in(
            connection, woonplaatsen=places, naam=naam, moment=moment, huidig=huidig, pagina=vraag.pagina
        )
        _check_page(vraag.pagina, totaal)
        return Bladzijde(await _found(connection, items, vraag.expand, moment), totaal)


async def nummeraanduidingen(
    context: Context, afnemer: Principaal, *, vraag: Adresvraag, moment: Moment, huidig: bool
) -> Bladzijde[Gevonden]:
    """The nummeraanduidingen with a postcode and huisnummer, or on a named openbare ruimte in a
    named woonplaats with a huisnummer (and a huisletter and toevoeging: see
    :func:`~opengdi.registers.bag.adres.past`), at ``moment``, in address order."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        filter_ = await _nummerfilter(connection, vraag, moment)
        items: list[Voorkomen] = []
        totaal = 0
        if filter_ is not None:
            items, totaal = await repository.nummeraanduidingen_met(
                connection, filter_=filter_, moment=moment, huidig=huidig, pagina=vraag.pagina
            )
        _check_page(vraag.pagina, totaal)
        return Bladzijde(await _found(connection, items, vraag.expand, moment), totaal)


async def _nummerfilter(
    connection: AsyncConnection, vraag: Adresvraag, moment: Moment
) -> repository.Nummerfilter | None:
    """The nummeraanduidingen a question asks, for the repository: by postcode, by openbare ruimte,
    or on the openbare ruimten of a name in the woonplaatsen of a name (``None``: none can match)."""
    straten: frozenset[str] | None = None
    if vraag.openbare_ruimte is not None:
        straten = frozenset({vraag.openbare_ruimte})
    elif vraag.postcode is None:
        if vraag.woonplaats_naam is None or vraag.openbare_ruimte_naam is None:
            return None
        woonplaatsen = await _named(connection, "WPL", vraag.woonplaats_naam, moment)
        named = await _named(connection, "OPR", vraag.openbare_ruimte_naam, moment)
        straten = frozenset(key for key, item in named.items() if item.gegevens.get("ligtIn") in woonplaatsen)
        if not straten:
            return None
    return repository.Nummerfilter(
        postcode=vraag.postcode,
        huisnummer=vraag.huisnummer,
        huisletter=vraag.huisletter,
        huisnummertoevoeging=vraag.huisnummertoevoeging,
        exact=vraag.exact,
        openbare_ruimten=straten,
    )


async def woonplaatsen_met_naam(
    context: Context, afnemer: Principaal, *, naam: str, moment: Moment, expand: Collection[str]
) -> list[Gevonden]:
    """The woonplaatsen whose name at ``moment`` is ``naam`` (in any case, with or without diacritics)."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        ids = await repository.with_name(connection, "WPL", fold(naam))
        chosen = await _current(connection, ids, ("WPL",), moment, huidig=False)
        items = [item for _, item in sorted(chosen.items()) if fold(item.gegevens.get("naam", "")) == fold(naam)]
        return await _found(connection, items, expand, moment)


async def _candidates(
    connection: AsyncConnection, vraag: Adresvraag, moment: Moment
) -> tuple[list[str], set[str] | None]:
    """Candidate nummeraanduidingen of a street question (to be held against their voorkomens that
    answer), and the openbare ruimten they must lie on."""
    if vraag.openbare_ruimte is not None:
        return await repository.referring_to(connection, [vraag.openbare_ruimte], ("openbareRuimte",)), {
            vraag.openbare_ruimte
        }
    if vraag.woonplaats_naam is None or vraag.openbare_ruimte_naam is None:
        return [], None
    woonplaatsen = await _named(connection, "WPL", vraag.woonplaats_naam, moment)
    straten = await _named(connection, "OPR", vraag.openbare_ruimte_naam, moment)
    ids = {key for key, item in straten.items() if item.gegevens.get("ligtIn") in woonplaatsen}
    if not ids:
        return [], ids
    return await repository.referring_to(connection, ids, ("openbareRuimte",), vraag.huisnummer), ids


async def _named(
    connection: AsyncConnection, objecttype: str, naam: str, moment: Moment, *, huidig: bool = True
) -> dict[str, Voorkomen]:
    """The objects whose name at ``moment`` is ``naam`` (folded: in any case, diacritics or not)."""
    ids = await repository.with_name(connection, objecttype, fold(naam))
    chosen = await _current(connection, ids, (objecttype,), moment, huidig=huidig)
    return {key: item for key, item in chosen.items() if fold(item.gegevens.get("naam", "")) == fold(naam)}


async def op_punt(
    context: Context,
    afnemer: Principaal,
    *,
    objecttype: str,
    punt: tuple[float, float],
    moment: Moment,
    huidig: bool,
    expand: Collection[str] = (),
) -> list[Gevonden]:
    """The objects of ``objecttype`` (a surface: woonplaats, pand, ligplaats, standplaats) whose
    geometry at ``moment`` holds ``punt`` (RD), by identificatie (:func:`ruimte.bevat_punt`)."""
    await _authorize(context, afnemer, ZOEKEN)
    x, y = punt
    marge = ruimte.TOLERANTIE
    async with context.database.read() as connection:
        items, _ = await repository.in_rechthoek(
            connection,
            objecttypen=(objecttype,),
            rechthoek=(x - marge, y - marge, x + marge, y + marge),
            moment=moment,
            huidig=huidig,
            pagina=Pagina(1, MAX_OP_PUNT),
        )
        held = [item for item in items if item.geometrie is not None and ruimte.bevat_punt(item.geometrie, punt)]
        return await _found(connection, held, expand, moment)


# --- Adressen: always as they are now, only huidige objects --------------------------------------


async def adres(context: Context, afnemer: Principaal, *, nummeraanduiding: str) -> Adres:
    """The current address of a nummeraanduiding (with its adresseerbaar object)."""
    await _authorize(context, afnemer, RAADPLEGEN)
    moment = tijdreizen.nu()
    async with context.database.read() as connection:
        found = await adressen_van(connection, [nummeraanduiding], moment)
    if not found:
        raise NietGevonden(f"Er is geen huidig adres met nummeraanduiding {nummeraanduiding}.")
    return found[0]


async def adressen(context: Context, afnemer: Principaal, *, vraag: Adresvraag) -> Bladzijde[Adres]:
    """The current addresses a question asks (postcode and huisnummer, adresseerbaar object,
    woonplaats and openbare ruimte and huisnummer, pand, or a search result), in address order,
    one page of them."""
    await _authorize(context, afnemer, ZOEKEN)
    ordered = await _asked_addresses(context.database, vraag, tijdreizen.nu())
    return Bladzijde(_page(ordered, vraag.pagina), len(ordered))


async def _asked_addresses(database: Database, vraag: Adresvraag, moment: Moment) -> list[Adres]:
    """Every current address a question asks, in address order."""
    if (postcode := _postcode_en_huisnummer(vraag)) is not None:
        keten = await adresketen.met_postcode(database, *postcode)
        found = _passing(_adressen_in(keten, keten.nummeraanduidingen(), moment), vraag, None)
        return sorted(found, key=lambda item: item.sorteersleutel)
    async with database.read() as connection:
        return sorted(await _addresses_asked(connection, vraag, moment), key=lambda item: item.sorteersleutel)


def _postcode_en_huisnummer(vraag: Adresvraag) -> tuple[str, int] | None:
    """The postcode and huisnummer a question asks by, if it asks by nothing that goes before them."""
    if vraag.postcode is None or vraag.huisnummer is None:
        return None
    if vraag.zoekresultaat is not None or vraag.adresseerbaar_object is not None or vraag.pand is not None:
        return None
    return vraag.postcode.upper(), vraag.huisnummer


async def _addresses_asked(connection: AsyncConnection, vraag: Adresvraag, moment: Moment) -> list[Adres]:
    """Every current address a question other than by postcode and huisnummer asks."""
    if vraag.zoekresultaat is not None:
        number = zoeken.nummeraanduiding_van(vraag.zoekresultaat)
        return await adressen_van(connection, [number] if number else [], moment)
    if vraag.adresseerbaar_object is not None:
        return await _addresses_of_objects(connection, [vraag.adresseerbaar_object], moment)
    if vraag.pand is not None:
        ids = await repository.referring_to(connection, [vraag.pand], ("pand",))
        objects = await _current(connection, ids, ("VBO",), moment, huidig=True)
        inside = [key for key, item in objects.items() if vraag.pand in item.gegevens.get("maaktDeelUitVan", ())]
        return await _addresses_of_objects(connection, inside, moment)
    ids, straten = await _candidates(connection, vraag, moment)
    return _passing(await adressen_van(connection, ids, moment), vraag, straten)


def _passing(adressen: Iterable[Adres], vraag: Adresvraag, straten: set[str] | None) -> list[Adres]:
    """The addresses whose nummeraanduiding fits the question, on one of ``straten`` when given."""
    return [
        item
        for item in adressen
        if past(item.nummeraanduiding.voorkomen, vraag)
        and (straten is None or item.openbare_ruimte.voorkomen.identificatie in straten)
        and (vraag.woonplaats_naam is None or fold(item.woonplaatsnaam) == fold(vraag.woonplaats_naam))
    ]


async def adres_uitgebreid(context: Context, afnemer: Principaal, *, nummeraanduiding: str) -> AdresUitgebreid:
    """The current address of a nummeraanduiding with its adresseerbaar object and panden."""
    await _authorize(context, afnemer, RAADPLEGEN)
    moment = tijdreizen.nu()
    async with context.database.read() as connection:
        found = await _extended(connection, await adressen_van(connection, [nummeraanduiding], moment), moment)
    if not found:
        raise NietGevonden(f"Er is geen huidig adres met nummeraanduiding {nummeraanduiding}.")
    return found[0]


async def adressen_uitgebreid(context: Context, afnemer: Principaal, *, vraag: Adresvraag) -> list[AdresUitgebreid]:
    """The current addresses a question asks (postcode and huisnummer, adresseerbaar object, or
    woonplaats and openbare ruimte and huisnummer), each with its adresseerbaar object and panden,
    in address order (the document pages this collection not)."""
    await _authorize(context, afnemer, ZOEKEN)
    moment = tijdreizen.nu()
    asked = await _asked_addresses(context.database, vraag, moment)
    async with context.database.read() as connection:
        return await _extended(connection, asked, moment)


async def _extended(connection: AsyncConnection, adressen: Sequence[Adres], moment: Moment) -> list[AdresUitgebreid]:
    """Addresses with their adresseerbaar object's marks and their huidige panden (with theirs)."""
    pand_ids = {pand for item in adressen for pand in item.adresseerbaar_object.gegevens.get("maaktDeelUitVan", ())}
    panden = await _current(connection, pand_ids, ("PND",), moment, huidig=True)
    objects = {item.adresseerbaar_object.identificatie for item in adressen}
    marks = await _onderzoek(connection, [*objects, *panden])

    def found(item: Voorkomen) -> Gevonden:
        return Gevonden(item, tuple(tijdreizen.in_onderzoek(marks.get(item.identificatie, ()), moment)))

    return [
        AdresUitgebreid(
            item,
            found(item.adresseerbaar_object),
            tuple(
                found(panden[pand])
                for pand in item.adresseerbaar_object.gegevens.get("maaktDeelUitVan", ())
                if pand in panden
            ),
        )
        for item in adressen
    ]


@dataclass(frozen=True, slots=True)
class Zoekresultaat:
    """A result of the free-text address search: its identification and description."""

    identificatie: str
    omschrijving: str


async def zoek_adressen(
    context: Context, afnemer: Principaal, *, zoek: str, pagina: Pagina
) -> Bladzijde[Zoekresultaat]:
    """The current addresses every term of ``zoek`` matches (:mod:`~opengdi.registers.bag.zoeken`),
    in address order, one page of them (at most :data:`~opengdi.registers.bag.zoeken.MAX_RESULTATEN`
    in all)."""
    await _authorize(context, afnemer, ZOEKEN)
    async with context.database.read() as connection:
        rows, totaal = await zoekindex.zoek_adressen(connection, zoeken.termen(zoek), pagina)
    _check_page(pagina, totaal)
    return Bladzijde([Zoekresultaat(zoeken.resultaat_identificatie(key), text) for key, text in rows], totaal)


async def _addresses_of_objects(connection: AsyncConnection, ids: Sequence[str], moment: Moment) -> list[Adres]:
    """The hoofd- and nevenadressen of adresseerbare objecten that are huidig."""
    objects = await _current(connection, ids, tuple(ADRESSEERBAAR.values()), moment, huidig=True)
    pairs = [
        (number, item, number != item.gegevens.get("heeftAlsHoofdAdres"))
        for item in objects.values()
        for number in [item.gegevens.get("heeftAlsHoofdAdres"), *item.gegevens.get("heeftAlsNevenAdres", ())]
        if number
    ]
    keten = await adresketen.van_nummeraanduidingen(connection, [number for number, _, _ in pairs])
    return _assemble(keten, pairs, moment)


async def adressen_van(connection: AsyncConnection, numbers: Sequence[str], moment: Moment) -> list[Adres]:
    """The current addresses of nummeraanduidingen (see :func:`_adressen_in`)."""
    return _adressen_in(await adresketen.van_nummeraanduidingen(connection, numbers), numbers, moment)


def _adressen_in(keten: Adresketen, numbers: Sequence[str], moment: Moment) -> list[Adres]:
    """The addresses of nummeraanduidingen of a chain: each with the huidig adresseerbaar object it
    is the hoofdadres of, else one it is a nevenadres of; one without such an object has no address."""
    objects = _chosen(keten.voorkomens, keten.voorkomens, tuple(ADRESSEERBAAR.values()), moment, huidig=True)
    hoofd: dict[str, list[str]] = {}
    neven: dict[str, list[str]] = {}
    for key, item in sorted(objects.items()):
        hoofd.setdefault(item.gegevens.get("heeftAlsHoofdAdres", ""), []).append(key)
        for number in item.gegevens.get("heeftAlsNevenAdres", ()):
            neven.setdefault(number, []).append(key)
    pairs = []
    for number in dict.fromkeys(numbers):
        keys = hoofd.get(number) or neven.get(number)
        if keys:
            pairs.append((number, objects[keys[0]], number not in hoofd))
    return _assemble(keten, pairs, moment)


def _assemble(keten: Adresketen, pairs: Sequence[tuple[str, Voorkomen, bool]], moment: Moment) -> list[Adres]:
    """Addresses of (nummeraanduiding, adresseerbaar object, nevenadres) when the nummeraanduiding,
    its openbare ruimte and its woonplaats are all huidig in the chain."""
    numbers = _chosen(keten.voorkomens, [number for number, _, _ in pairs], ("NUM",), moment, huidig=True)
    streets = _chosen(
        keten.voorkomens, {item.gegevens["ligtAan"] for item in numbers.values()}, ("OPR",), moment, huidig=True
    )
    places = _chosen(
        keten.voorkomens,
        {woonplaats_van(item, streets.get(item.gegevens["ligtAan"])) or "" for item in numbers.values()},
        ("WPL",),
        moment,
        huidig=True,
    )

    def found(item: Voorkomen) -> Gevonden:
        return Gevonden(item, tuple(tijdreizen.in_onderzoek(keten.kenmerken.get(item.identificatie, ()), moment)))

    result = []
    for number, adresseerbaar, neven in pairs:
        num = numbers.get(number)
        street = streets.get(num.gegevens["ligtAan"]) if num else None
        place = places.get(woonplaats_van(num, street) or "") if num else None
        if num and street and place:
            result.append(Adres(found(num), found(street), found(place), adresseerbaar, neven))
    return result
