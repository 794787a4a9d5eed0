# SPDX-License-Identifier: EUPL-1.2
"""BRP Bewoning: who lived at an adresseerbaar object on a day, or in a period, from the persoonslijsten' history.

A question names an adresseerbaar object and a period (a peildatum is the period of that one day).
The stored adreshoudingen at that object (:mod:`~opengdi.registers.brp.adreshouding`, one indexed
lookup) are cut by the kernel (:func:`~opengdi.kernel.geldigheid.samenstellingen`) into the
stretches of the period with the same residents: each is a *bewoning*, with the persons who lived
there for certain (``bewoners``) and those who possibly did, where a day is partly unknown
(``mogelijkeBewoners``). A bewoning of more than :data:`MAX_BEWONERS` persons names none of them and
says so (``indicatieVeelBewoners``).

Each bewoner is delivered with burgerservicenummer, volledige naam and geboortedatum, with
``geheimhoudingPersoonsgegevens`` when the person asked for it (70.10 other than 0) and
``inOnderzoek`` when the adreshouding or its identification is in onderzoek. Asking is authorised
by a grant for scope ``brp.bewoning`` (a municipality: only the objects within it), and every
delivered person is protocolled before the answer leaves, as every BRP read is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from opengdi.kernel.context import Context, record_protocol
from opengdi.kernel.geldigheid import Periode, Samenstelling, samenstellingen
from opengdi.kernel.problems import bad_request, forbidden
from opengdi.kernel.toegang import Beperkingsoort, Principaal, Toegangsvraag
from opengdi.registers.brp import repository
from opengdi.registers.brp.bewoningvraag import BewoningVraag, parse_bewoningvraag
from opengdi.registers.brp.persoon import persoon
from opengdi.registers.brp.persoonslijst import Persoonslijst
from opengdi.registers.brp.repository import Bewoning
from opengdi.registers.brp.service import subjecten

SCOPE = "brp.bewoning"
#: A bewoning with more persons than this (bewoners and mogelijke bewoners together) names none.
MAX_BEWONERS = 100
#: The categories a bewoner is delivered from: persoon (01) and inschrijving (07).
_CATEGORIEEN = ("01", "07")
_VELDEN = frozenset({"burgerservicenummer", "naam", "geboorte", "geheimhoudingPersoonsgegevens"})

#: The restriction a grant for BRP Bewoning may carry.
GEMEENTE = Beperkingsoort(
    naam="gemeente",
    betekenis=(
        "Alleen de bewoning van adresseerbare objecten in deze gemeente: de gemeente van inschrijving "
        "(08.09.10) van wie er woonden, anders de gemeentecode waarmee de identificatie begint."
    ),
    waarde="een gemeentecode van vier cijfers",
    patroon=r"[0-9]{4}",
    van_organisatie="gemeentecode",
)
BEPERKINGEN = (GEMEENTE,)
_NIET_GEAUTORISEERD = "U bent niet geautoriseerd voor deze vraag."


def parse(body: Any) -> BewoningVraag:
    """The valid request in ``body``; invalid input raises the 400 problem naming every error."""
    vraag, errors = parse_bewoningvraag(body)
    if vraag is None:
        raise bad_request(errors)
    return vraag


async def zoek_bewoningen(
    deployment: Context, *, afnemer: Principaal, vraag: BewoningVraag, request_id: str
) -> dict[str, Any]:
    """The answer of BRP Bewoning to a valid request of ``afnemer``: authorised, within the
    restrictions of its grant, each delivered person protocolled (committed before the answer leaves)."""
    toegangsvraag = Toegangsvraag(SCOPE, vraag.type)
    besluit = await deployment.toegang.authorize(afnemer, toegangsvraag)
    async with deployment.database.read() as connection:
        gevonden = await repository.bewoningen(connection, vraag.adresseerbaar_object, vraag.periode)
        check_beperkingen(besluit.beperkingen, vraag.adresseerbaar_object, gevonden)
        ids = {item.persoonslijst_id for item in gevonden}
        lijsten = await repository.load_by_ids(connection, ids, _CATEGORIEEN)
    body, geleverd = answer(vraag, gevonden, lijsten, date.today())
    await record_protocol(
        deployment,
        request_id=request_id,
        afnemer=afnemer,
        besluit=besluit,
        vraag=toegangsvraag,
        geleverd=[subjecten(lijsten[pl_id]) for pl_id in geleverd],
        zoekvraag=vraag.parameters,
    )
    return body


def check_beperkingen(beperkingen: Mapping[str, str], adresseerbaar_object: str, gevonden: Iterable[Bewoning]) -> None:
    """Refuse (403) a question outside the restrictions of the afnemer's grant: with ``gemeente``,
    about an object that lay in another municipality in the period asked (by the gemeente van
    inschrijving of its residents then; without residents, by the gemeentecode its identification
    begins with). A restriction this block does not know refuses everything (fail closed)."""
    unknown = sorted(set(beperkingen) - {kind.naam for kind in BEPERKINGEN})
    if unknown:
        raise forbidden(
            _NIET_GEAUTORISEERD, "unauthorized", f"Onbekende beperking in het autorisatiebesluit: {', '.join(unknown)}."
        )
    eigen = beperkingen.get(GEMEENTE.naam)
    gemeenten = {item.gemeente or adresseerbaar_object[:4] for item in gevonden} or {adresseerbaar_object[:4]}
    if eigen and gemeenten != {eigen}:
        raise forbidden(
            _NIET_GEAUTORISEERD,
            "unauthorized",
            "Je mag alleen bewoning van adresseerbare objecten binnen de eigen gemeente raadplegen.",
        )


def answer(
    vraag: BewoningVraag, gevonden: Sequence[Bewoning], lijsten: Mapping[int, Persoonslijst], today: date
) -> tuple[dict[str, Any], list[int]]:
    """The answer to ``vraag`` from the adreshoudingen found, and the persoonslijsten it delivers."""
    bekend = [item for item in gevonden if item.persoonslijst_id in lijsten]
    bewoners = {pl_id: _bewoner(lijst, today) for pl_id, lijst in lijsten.items()}
    result = []
    geleverd: dict[int, None] = {}
    for samenstelling in samenstellingen(((item.persoonslijst_id, item.geldigheid) for item in bekend), vraag.periode):
        result.append(_bewoning(vraag.adresseerbaar_object, samenstelling, bekend, bewoners))
        if not result[-1].get("indicatieVeelBewoners"):
            geleverd.update(dict.fromkeys((*samenstelling.zeker, *samenstelling.mogelijk)))
    return {"bewoningen": result}, list(geleverd)


def _bewoning(
    adresseerbaar_object: str,
    samenstelling: Samenstelling[int],
    gevonden: Sequence[Bewoning],
    bewoners: Mapping[int, dict[str, Any]],
) -> dict[str, Any]:
    periode = samenstelling.periode
    result: dict[str, Any] = {
        "adresseerbaarObjectIdentificatie": adresseerbaar_object,
        "periode": {"datumVan": periode.van.isoformat(), "datumTot": periode.tot.isoformat()},
    }
    if len(samenstelling.zeker) + len(samenstelling.mogelijk) > MAX_BEWONERS:
        return {**result, "bewoners": [], "mogelijkeBewoners": [], "indicatieVeelBewoners": True}
    in_onderzoek = _in_onderzoek(gevonden, periode)
    result["bewoners"] = [_met_onderzoek(bewoners[pl_id], pl_id in in_onderzoek) for pl_id in samenstelling.zeker]
    result["mogelijkeBewoners"] = [
        _met_onderzoek(bewoners[pl_id], pl_id in in_onderzoek) for pl_id in samenstelling.mogelijk
    ]
    return result


def _in_onderzoek(gevonden: Iterable[Bewoning], periode: Periode) -> set[int]:
    """The persons whose adreshouding in ``periode`` is in onderzoek."""
    return {
        item.persoonslijst_id for item in gevonden if item.in_onderzoek and item.geldigheid.mogelijk.overlapt(periode)
    }


def _met_onderzoek(bewoner: dict[str, Any], in_onderzoek: bool) -> dict[str, Any]:
    return {**bewoner, "inOnderzoek": True} if in_onderzoek else bewoner


def _bewoner(lijst: Persoonslijst, today: date) -> dict[str, Any]:
    """A bewoner as BRP Bewoning delivers one: burgerservicenummer, geheimhouding, volledige naam and
    geboortedatum (each when known)."""
    values = persoon(lijst, today, _VELDEN)
    result: dict[str, Any] = {}
    if values.get("burgerservicenummer"):
        result["burgerservicenummer"] = values["burgerservicenummer"]
    if values.get("geheimhoudingPersoonsgegevens"):
        result["geheimhoudingPersoonsgegevens"] = True
    volledige_naam = (values.get("naam") or {}).get("volledigeNaam")
    if volledige_naam:
        result["naam"] = {"volledigeNaam": volledige_naam}
    geboortedatum = (values.get("geboorte") or {}).get("datum")
    if geboortedatum:
        result["geboorte"] = {"datum": geboortedatum}
    return result
