# SPDX-License-Identifier: EUPL-1.2
"""The answers of the KvK's own APIs, in their shapes: Basisprofiel v1 (with ``/eigenaar``,
``/hoofdvestiging`` and ``/vestigingen``), Vestigingsprofiel v1 and Zoeken v1 and v2, built from
:mod:`~opengdi.registers.nhr.domein`. No framework here.

The shapes are those of the KvK's published documents and of the answers its test environment gives
(``../shared/specs/kvk``): profiles link with ``links`` (``rel``, ``href``), Zoeken v2 with
``_links``; indications are ``Ja``/``Nee``, dates ``YYYYMMDD``. ``base`` is the root the client
called (``…/kvk/api``), so links lead back to this deployment. A shielded address
(``indAfgeschermd``) shows only its place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from opengdi.registers.nhr.domein import BEZOEKADRES, Onderneming, Vestiging

Json = dict[str, Any]

#: The fields of a vestiging the profiles show, in the KvK's order.
_VESTIGING_VELDEN = (
    "indNonMailing",
    "formeleRegistratiedatum",
    "materieleRegistratie",
    "statutaireNaam",
    "eersteHandelsnaam",
    "indHoofdvestiging",
    "indCommercieleVestiging",
    "voltijdWerkzamePersonen",
    "deeltijdWerkzamePersonen",
    "totaalWerkzamePersonen",
)
#: The fields of a basisprofiel beside its number, in the KvK's order.
_PROFIEL_VELDEN = (
    "indNonMailing",
    "naam",
    "formeleRegistratiedatum",
    "materieleRegistratie",
    "totaalWerkzamePersonen",
    "statutaireNaam",
)
#: What the basisprofiel leaves out of the hoofdvestiging it embeds (as the KvK does).
_NIET_INGEBED = frozenset({"rsin", "handelsnamen", "indNonMailing", "websites", "sbiActiviteiten"})
#: The parts of an address, in the KvK's order.
_ADRES_VELDEN = (
    "straatnaam",
    "huisnummer",
    "huisletter",
    "huisnummerToevoeging",
    "toevoegingAdres",
    "postcode",
    "postbusnummer",
    "plaats",
)
#: How wide the street part of ``volledigAdres`` is (as the KvK pads it).
_STRAATBREEDTE = 52


def _link(rel: str, href: str) -> Json:
    return {"rel": rel, "href": href}


def afgeschermd(adres: Mapping[str, Any]) -> bool:
    """Whether an address is shielded from the public."""
    return adres.get("indAfgeschermd") == "Ja"


def _volledig(adres: Mapping[str, Any]) -> str:
    """The address on one line as the KvK writes it: street and number padded, postcode and place."""
    if adres.get("postbusnummer") is not None:
        straat = f"Postbus {adres['postbusnummer']}"
    else:
        nummer = f"{adres.get('huisnummer') or ''}{adres.get('huisletter') or ''}"
        toevoeging = adres.get("huisnummerToevoeging")
        straat = " ".join(str(part) for part in (adres.get("straatnaam"), nummer, toevoeging) if part)
    plaats = " ".join(str(part) for part in (adres.get("postcode"), adres.get("plaats")) if part)
    return f"{straat.ljust(_STRAATBREEDTE)}{plaats}"


def adres(adres: Mapping[str, Any], geo_data: Mapping[str, Any] | None = None) -> Json:
    """An address of a profile, with ``geo_data`` (the answer to ``geoData=true``) when given."""
    if afgeschermd(adres):
        return {"type": adres.get("type"), "indAfgeschermd": "Ja", "plaats": adres.get("plaats"), "land": "Nederland"}
    found: Json = {"type": adres.get("type"), "indAfgeschermd": "Nee", "volledigAdres": _volledig(adres)}
    found.update((key, adres[key]) for key in _ADRES_VELDEN if adres.get(key) is not None)
    found["land"] = adres.get("land", "Nederland")
    if geo_data:
        found["geoData"] = dict(geo_data)
    return found


def _geodata(vestiging: Vestiging, adres: Mapping[str, Any]) -> Json:
    """The ``geoData`` of a vestiging's address: as registered, else (for its bezoekadres) the BAG
    identifications the vestiging has."""
    if adres.get("geoData"):
        return dict(adres["geoData"])
    if adres.get("type") != BEZOEKADRES:
        return {}
    ids = {"addresseerbaarObjectId": vestiging.adresseerbaar_object, "nummerAanduidingId": vestiging.nummeraanduiding}
    return {key: value for key, value in ids.items() if value}


def _handelsnamen(namen: Sequence[str]) -> list[Json]:
    return [{"naam": naam, "volgorde": volgorde} for volgorde, naam in enumerate(namen)]


def _vestiging_links(base: str, vestiging: Vestiging) -> list[Json]:
    profiel = f"{base}/v1/basisprofielen/{vestiging.kvk_nummer}"
    links = [_link("self", f"{profiel}/hoofdvestiging")] if vestiging.hoofdvestiging else []
    return [
        *links,
        _link("vestigingen", f"{profiel}/vestigingen"),
        _link("basisprofiel", profiel),
        _link("vestigingsprofiel", f"{base}/v1/vestigingsprofielen/{vestiging.vestigingsnummer}"),
    ]


def _vestiging_velden(vestiging: Vestiging, onderneming: Onderneming) -> Json:
    gegevens = {**vestiging.gegevens, "eersteHandelsnaam": vestiging.naam}
    if "statutaireNaam" in onderneming.gegevens:
        gegevens["statutaireNaam"] = onderneming.gegevens["statutaireNaam"]
    gegevens.setdefault("indNonMailing", onderneming.gegevens.get("indNonMailing"))
    return {key: gegevens[key] for key in _VESTIGING_VELDEN if gegevens.get(key) is not None}


def _adressen(vestiging: Vestiging, geo: bool) -> list[Json]:
    items = vestiging.gegevens.get("adressen", ())
    return [adres(item, _geodata(vestiging, item) if geo else None) for item in items]


def hoofdvestiging(base: str, vestiging: Vestiging, onderneming: Onderneming, *, geo: bool = False) -> Json:
    """``/basisprofielen/{kvkNummer}/hoofdvestiging`` (:data:`_NIET_INGEBED` left out where the
    basisprofiel embeds it); with ``geo``, each address's ``geoData``."""
    return {
        "vestigingsnummer": vestiging.vestigingsnummer,
        "kvkNummer": vestiging.kvk_nummer,
        **({"rsin": onderneming.rsin} if onderneming.rsin else {}),
        **_vestiging_velden(vestiging, onderneming),
        "handelsnamen": _handelsnamen(vestiging.handelsnamen),
        "adressen": _adressen(vestiging, geo),
        "websites": list(vestiging.gegevens.get("websites", ())),
        "sbiActiviteiten": list(
            vestiging.gegevens.get("sbiActiviteiten", onderneming.gegevens.get("sbiActiviteiten", ()))
        ),
        "links": _vestiging_links(base, vestiging),
    }


def vestigingsprofiel(base: str, vestiging: Vestiging, onderneming: Onderneming, *, geo: bool = False) -> Json:
    """``/vestigingsprofielen/{vestigingsnummer}`` (with ``geo``, each address's ``geoData``)."""
    found = hoofdvestiging(base, vestiging, onderneming, geo=geo)
    profiel = f"{base}/v1/basisprofielen/{vestiging.kvk_nummer}"
    found["links"] = [
        _link("self", f"{base}/v1/vestigingsprofielen/{vestiging.vestigingsnummer}"),
        _link("basisprofiel", profiel),
    ]
    return found


def eigenaar(base: str, onderneming: Onderneming, *, met_vestigingen: bool) -> Json:
    """``/basisprofielen/{kvkNummer}/eigenaar``: its addresses only when it has no vestigingen."""
    profiel = f"{base}/v1/basisprofielen/{onderneming.kvk_nummer}"
    gegevens = onderneming.gegevens
    found: Json = {"rsin": onderneming.rsin} if onderneming.rsin else {}
    found.update((key, gegevens[key]) for key in ("rechtsvorm", "uitgebreideRechtsvorm") if gegevens.get(key))
    if not met_vestigingen and gegevens.get("eigenaarAdressen"):
        found["adressen"] = [adres(item) for item in gegevens["eigenaarAdressen"]]
    found["links"] = [_link("self", f"{profiel}/eigenaar"), _link("basisprofiel", profiel)]
    return found


def basisprofiel(base: str, onderneming: Onderneming, vestigingen: Sequence[Vestiging], *, geo: bool = False) -> Json:
    """``/basisprofielen/{kvkNummer}``, its hoofdvestiging (with ``geo``, its ``geoData``) and eigenaar embedded."""
    profiel = f"{base}/v1/basisprofielen/{onderneming.kvk_nummer}"
    gegevens = onderneming.gegevens
    found: Json = {"kvkNummer": onderneming.kvk_nummer}
    found.update((key, gegevens[key]) for key in _PROFIEL_VELDEN if gegevens.get(key) is not None)
    found["handelsnamen"] = _handelsnamen(gegevens.get("handelsnamen", ()))
    found["sbiActiviteiten"] = list(gegevens.get("sbiActiviteiten", ()))
    found["links"] = [_link("self", profiel), _link("vestigingen", f"{profiel}/vestigingen")]
    embedded: Json = {}
    hoofd = next((item for item in vestigingen if item.hoofdvestiging), None)
    if hoofd is not None:
        embedded["hoofdvestiging"] = {
            key: value
            for key, value in hoofdvestiging(base, hoofd, onderneming, geo=geo).items()
            if key not in _NIET_INGEBED
        }
    embedded["eigenaar"] = eigenaar(base, onderneming, met_vestigingen=bool(vestigingen))
    found["_embedded"] = embedded
    return found


def vestigingenlijst(base: str, onderneming: Onderneming, vestigingen: Sequence[Vestiging]) -> Json:
    """``/basisprofielen/{kvkNummer}/vestigingen``: every vestiging in short."""
    profiel = f"{base}/v1/basisprofielen/{onderneming.kvk_nummer}"
    commercieel = sum(1 for item in vestigingen if item.gegevens.get("indCommercieleVestiging") == "Ja")
    items = []
    for vestiging in vestigingen:
        bezoek = vestiging.adres(BEZOEKADRES)
        items.append(
            {
                "vestigingsnummer": vestiging.vestigingsnummer,
                "kvkNummer": vestiging.kvk_nummer,
                "eersteHandelsnaam": vestiging.naam,
                "indHoofdvestiging": "Ja" if vestiging.hoofdvestiging else "Nee",
                "indAdresAfgeschermd": "Ja" if bezoek and afgeschermd(bezoek) else "Nee",
                "indCommercieleVestiging": vestiging.gegevens.get("indCommercieleVestiging", "Nee"),
                **({"volledigAdres": _volledig(bezoek)} if bezoek and not afgeschermd(bezoek) else {}),
                "links": [_link("vestigingsprofiel", f"{base}/v1/vestigingsprofielen/{vestiging.vestigingsnummer}")],
            }
        )
    return {
        "kvkNummer": onderneming.kvk_nummer,
        "aantalCommercieleVestigingen": commercieel,
        "aantalNietCommercieleVestigingen": len(vestigingen) - commercieel,
        "totaalAantalVestigingen": len(vestigingen),
        "vestigingen": items,
        "links": [_link("self", f"{profiel}/vestigingen"), _link("basisprofiel", profiel)],
    }
