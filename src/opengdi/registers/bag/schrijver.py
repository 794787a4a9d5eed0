# SPDX-License-Identifier: EUPL-1.2
"""Writing a BAG 2.0 Extract in the Kadaster's layout, from records (the inverse of :mod:`extract`).

The generator uses it to produce a country of its own as a real extract (``BAGNLDL-ddmmyyyy.zip``
with a Leveringsdocument, one stored zip per object type holding XML stand files of at most 10,000
objects, and the gemeente–woonplaats relation), which ``gdi bag importeren`` then loads like the
Kadaster's. Elements follow the schema's sequence; the XML is written as text, streamed, file by file.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from opengdi.registers.bag.extract import LEVERINGSDOCUMENT, OBJECTTYPEN, GemeenteWoonplaats, Levering, Voorkomen

#: Objects per XML file, as the Kadaster splits them.
PER_BESTAND = 10_000
_NAMESPACES = (
    'xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
    'xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" '
    'xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
    'xmlns:nen5825="www.kadaster.nl/schemas/lvbag/imbag/nen5825/v20200601" '
    'xmlns:gml="http://www.opengis.net/gml/3.2" '
    'xmlns:selecties-extract="http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601" '
    'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
    'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"'
)
_RD = 'srsName="urn:ogc:def:crs:EPSG::28992"'


def _gebied(levering: Levering) -> str:
    if levering.gebied == "9999":
        return (
            "<selecties-extract:Gebied-Registratief><selecties-extract:Gebied-NLD/>"
            "</selecties-extract:Gebied-Registratief>"
        )
    return (
        "<selecties-extract:Gebied-Registratief><selecties-extract:Gebied-GEM><selecties-extract:GemeenteCollectie>"
        f"<selecties-extract:Gemeente><selecties-extract:GemeenteIdentificatie>{levering.gebied}"
        "</selecties-extract:GemeenteIdentificatie></selecties-extract:Gemeente></selecties-extract:GemeenteCollectie>"
        "</selecties-extract:Gebied-GEM></selecties-extract:Gebied-Registratief>"
    )


def leveringsdocument(levering: Levering) -> str:
    """The Leveringsdocument of an extract of ``levering``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xb:BAG-Extract-Levering xmlns:xb="http://www.kadaster.nl/schemas/lvbag/extract-levering/v20200601" '
        'xmlns:selecties-extract="http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601">'
        "<xb:SelectieGegevens><selecties-extract:LVC-Extract><selecties-extract:StandTechnischeDatum>"
        f"{levering.standtechnische_datum}</selecties-extract:StandTechnischeDatum></selecties-extract:LVC-Extract>"
        f"{_gebied(levering)}</xb:SelectieGegevens>"
        "<xb:SchemaInfo><xb:naam>BagvsExtractDeelbestandExtractLvc-2.1.0.xsd</xb:naam>"
        "<xb:versie>20200601</xb:versie></xb:SchemaInfo></xb:BAG-Extract-Levering>\n"
    )


def _e(tag: str, value: Any) -> str:
    return f"<{tag}>{escape(str(value))}</{tag}>"


def _o(tag: str, value: Any) -> str:
    return "" if value is None else _e(tag, value)


def _historie(v: Voorkomen) -> str:
    return (
        "<Objecten:voorkomen><Historie:Voorkomen>"
        + _e("Historie:voorkomenidentificatie", v.voorkomenidentificatie)
        + _e("Historie:beginGeldigheid", v.begin_geldigheid)
        + _o("Historie:eindGeldigheid", v.eind_geldigheid)
        + _e("Historie:tijdstipRegistratie", v.tijdstip_registratie)
        + _o("Historie:eindRegistratie", v.eind_registratie)
        + _o("Historie:tijdstipInactief", v.tijdstip_inactief)
        + "<Historie:BeschikbaarLV>"
        + _e("Historie:tijdstipRegistratieLV", v.tijdstip_registratie_lv)
        + _o("Historie:tijdstipEindRegistratieLV", v.tijdstip_eind_registratie_lv)
        + _o("Historie:tijdstipInactiefLV", v.tijdstip_inactief_lv)
        + _o("Historie:tijdstipNietBagLV", v.tijdstip_niet_bag_lv)
        + "</Historie:BeschikbaarLV></Historie:Voorkomen></Objecten:voorkomen>"
    )


def _positions(ring: list[list[float]]) -> str:
    return " ".join(" ".join(f"{number:.3f}" for number in position) for position in ring)


def _gml(geometry: dict[str, Any], name: str) -> str:
    kind = geometry["type"]
    if kind == "Point":
        coordinates = geometry["coordinates"]
        return (
            f'<gml:Point {_RD} srsDimension="{len(coordinates)}" gml:id="{name}">'
            f"<gml:pos>{_positions([coordinates])}</gml:pos></gml:Point>"
        )
    if kind == "Polygon":
        return _polygon(geometry["coordinates"], name)
    members = "".join(
        f"<gml:surfaceMember>{_polygon(rings, f'{name}-{number}')}</gml:surfaceMember>"
        for number, rings in enumerate(geometry["coordinates"], start=1)
    )
    return f'<gml:MultiSurface {_RD} gml:id="{name}">{members}</gml:MultiSurface>'


def _polygon(rings: list[list[list[float]]], name: str) -> str:
    dimension = len(rings[0][0])
    parts = [
        f'<gml:exterior><gml:LinearRing><gml:posList count="{len(rings[0])}">{_positions(rings[0])}'
        "</gml:posList></gml:LinearRing></gml:exterior>"
    ]
    parts.extend(
        f'<gml:interior><gml:LinearRing><gml:posList count="{len(ring)}">{_positions(ring)}'
        "</gml:posList></gml:LinearRing></gml:interior>"
        for ring in rings[1:]
    )
    return f'<gml:Polygon {_RD} srsDimension="{dimension}" gml:id="{name}">{"".join(parts)}</gml:Polygon>'


def _ref(wrapper: str, ref: str, domein: str, value: str) -> str:
    return f"<Objecten:{wrapper}>{_refs_inner(ref, domein, [value])}</Objecten:{wrapper}>"


def _refs(wrapper: str, ref: str, domein: str, values: list[str]) -> str:
    if not values:
        return ""
    return f"<Objecten:{wrapper}>{_refs_inner(ref, domein, values)}</Objecten:{wrapper}>"


def _refs_inner(ref: str, domein: str, values: list[str]) -> str:
    return "".join(f'<Objecten-ref:{ref} domein="NL.IMBAG.{domein}">{value}</Objecten-ref:{ref}>' for value in values)


def _identificatie(v: Voorkomen, domein: str) -> str:
    return f'<Objecten:identificatie domein="NL.IMBAG.{domein}">{v.identificatie}</Objecten:identificatie>'


def _document(v: Voorkomen) -> str:
    return (
        _e("Objecten:status", v.status)
        + _e("Objecten:geconstateerd", "J" if v.geconstateerd else "N")
        + _e("Objecten:documentdatum", v.documentdatum)
        + _e("Objecten:documentnummer", v.documentnummer)
    )


def _geometrie(v: Voorkomen, wrapper: str | None) -> str:
    if v.geometrie is None:
        raise ValueError(f"{v.identificatie} heeft geen geometrie")
    gml = _gml(v.geometrie, f"{v.objecttype}.{v.identificatie}.{v.voorkomenidentificatie}")
    inner = f"<Objecten:{wrapper}>{gml}</Objecten:{wrapper}>" if wrapper else gml
    return f"<Objecten:geometrie>{inner}</Objecten:geometrie>"


def _adressen(v: Voorkomen) -> tuple[str, str]:
    hoofd = _ref("heeftAlsHoofdadres", "NummeraanduidingRef", "Nummeraanduiding", v.gegevens["heeftAlsHoofdAdres"])
    neven = _refs(
        "heeftAlsNevenadres", "NummeraanduidingRef", "Nummeraanduiding", v.gegevens.get("heeftAlsNevenAdres", [])
    )
    return hoofd, neven


def _object(v: Voorkomen) -> str:
    g = v.gegevens
    if v.objecttype == "WPL":
        kind = "multivlak" if v.geometrie and v.geometrie["type"] == "MultiPolygon" else "vlak"
        body = (
            _identificatie(v, "Woonplaats")
            + _e("Objecten:naam", g["naam"])
            + _geometrie(v, kind)
            + _document(v)
            + _historie(v)
        )
        return f"<Objecten:Woonplaats>{body}</Objecten:Woonplaats>"
    if v.objecttype == "OPR":
        verkort = g.get("verkorteNaam")
        body = (
            _identificatie(v, "Openbareruimte")
            + _e("Objecten:naam", g["naam"])
            + _e("Objecten:type", g["type"])
            + _document(v)
            + _ref("ligtIn", "WoonplaatsRef", "Woonplaats", g["ligtIn"])
            + _historie(v)
            + (
                "<Objecten:verkorteNaam><nen5825:VerkorteNaamOpenbareRuimte>"
                f"{_e('nen5825:verkorteNaam', verkort)}</nen5825:VerkorteNaamOpenbareRuimte></Objecten:verkorteNaam>"
                if verkort
                else ""
            )
        )
        return f"<Objecten:OpenbareRuimte>{body}</Objecten:OpenbareRuimte>"
    if v.objecttype == "NUM":
        body = (
            _identificatie(v, "Nummeraanduiding")
            + _e("Objecten:huisnummer", g["huisnummer"])
            + _o("Objecten:huisletter", g.get("huisletter"))
            + _o("Objecten:huisnummertoevoeging", g.get("huisnummertoevoeging"))
            + _o("Objecten:postcode", g.get("postcode"))
            + _e("Objecten:typeAdresseerbaarObject", g["typeAdresseerbaarObject"])
            + _document(v)
            + (_ref("ligtIn", "WoonplaatsRef", "Woonplaats", g["ligtIn"]) if g.get("ligtIn") else "")
            + _historie(v)
            + _ref("ligtAan", "OpenbareRuimteRef", "Openbareruimte", g["ligtAan"])
        )
        return f"<Objecten:Nummeraanduiding>{body}</Objecten:Nummeraanduiding>"
    if v.objecttype == "PND":
        body = (
            _identificatie(v, "Pand")
            + _geometrie(v, None)
            + _e("Objecten:oorspronkelijkBouwjaar", g["oorspronkelijkBouwjaar"])
            + _document(v)
            + _historie(v)
        )
        return f"<Objecten:Pand>{body}</Objecten:Pand>"
    hoofd, neven = _adressen(v)
    if v.objecttype == "VBO":
        kind = "punt" if v.geometrie and v.geometrie["type"] == "Point" else "vlak"
        body = (
            hoofd
            + _historie(v)
            + neven
            + _identificatie(v, "Verblijfsobject")
            + _geometrie(v, kind)
            + "".join(_e("Objecten:gebruiksdoel", doel) for doel in g["gebruiksdoelen"])
            + _e("Objecten:oppervlakte", g["oppervlakte"])
            + _e("Objecten:status", v.status)
            + _e("Objecten:geconstateerd", "J" if v.geconstateerd else "N")
            + _e("Objecten:documentdatum", v.documentdatum)
            + _e("Objecten:documentnummer", v.documentnummer)
            + _refs("maaktDeelUitVan", "PandRef", "Pand", g["maaktDeelUitVan"])
        )
        return f"<Objecten:Verblijfsobject>{body}</Objecten:Verblijfsobject>"
    tag, domein = ("Ligplaats", "Ligplaats") if v.objecttype == "LIG" else ("Standplaats", "Standplaats")
    body = (
        hoofd
        + _historie(v)
        + neven
        + _identificatie(v, domein)
        + _e("Objecten:status", v.status)
        + _geometrie(v, None)
        + _e("Objecten:geconstateerd", "J" if v.geconstateerd else "N")
        + _e("Objecten:documentdatum", v.documentdatum)
        + _e("Objecten:documentnummer", v.documentnummer)
    )
    return f"<Objecten:{tag}>{body}</Objecten:{tag}>"


def _stand_header(levering: Levering, objecttype: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sl-bag-extract:bagStand {_NAMESPACES}>'
        f"<sl-bag-extract:bagInfo>{_gebied(levering)}<selecties-extract:LVC-Extract>"
        f"<selecties-extract:StandTechnischeDatum>{levering.standtechnische_datum}"
        "</selecties-extract:StandTechnischeDatum></selecties-extract:LVC-Extract></sl-bag-extract:bagInfo>"
        "<sl:standBestand><sl:dataset>LVBAG</sl:dataset><sl:inhoud>"
        f"<sl:gebied>{'NLD' if levering.gebied == '9999' else 'GEMEENTE'}</sl:gebied>"
        f"<sl:leveringsId>0000000001</sl:leveringsId><sl:objectTypen><sl:objectType>{objecttype}"
        "</sl:objectType></sl:objectTypen></sl:inhoud>\n"
    )


def _gwr_file(relaties: Iterable[GemeenteWoonplaats]) -> str:
    items = "".join(
        "<gwr-product:GemeenteWoonplaatsRelatie><gwr-product:tijdvakgeldigheid>"
        + _e("bagtypes:begindatumTijdvakGeldigheid", relatie.begin_geldigheid)
        + _o("bagtypes:einddatumTijdvakGeldigheid", relatie.eind_geldigheid)
        + "</gwr-product:tijdvakgeldigheid><gwr-product:gerelateerdeWoonplaats>"
        + _e("gwr-product:identificatie", relatie.woonplaats)
        + "</gwr-product:gerelateerdeWoonplaats><gwr-product:gerelateerdeGemeente>"
        + _e("gwr-product:identificatie", relatie.gemeente)
        + "</gwr-product:gerelateerdeGemeente>"
        + _e("gwr-product:status", relatie.status)
        + "</gwr-product:GemeenteWoonplaatsRelatie>\n"
        for relatie in relaties
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gwr-bestand:BAG-GWR-Deelbestand-LVC '
        'xmlns:gwr-bestand="www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-deelbestand-lvc/v20200601" '
        'xmlns:gwr-product="www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-producten-lvc/v20200601" '
        'xmlns:bagtypes="www.kadaster.nl/schemas/lvbag/gem-wpl-rel/bag-types/v20200601">'
        f"<gwr-bestand:Product><gwr-product:GemeenteWoonplaatsRelatieProduct>\n{items}"
        "</gwr-product:GemeenteWoonplaatsRelatieProduct></gwr-bestand:Product></gwr-bestand:BAG-GWR-Deelbestand-LVC>\n"
    )


def bestandsnaam(stand: date) -> str:
    """The name the Kadaster gives the national extract of ``stand``: ``BAGNLDL-15092020.zip``."""
    return f"BAGNLDL-{stand:%d%m%Y}.zip"


def write_extract(
    path: Path, levering: Levering, voorkomens: Iterable[Voorkomen], relaties: Iterable[GemeenteWoonplaats]
) -> None:
    """Write an extract to ``path`` from ``voorkomens`` of any object type in any order (the
    voorkomens of one object consecutive) and the gemeente–woonplaats ``relaties``. Each type's XML
    files are gathered in a temporary zip of its own, which is stored in the extract at the end."""
    stamp = levering.standtechnische_datum.replace("-", "")
    ddmmyyyy = f"{stamp[6:8]}{stamp[4:6]}{stamp[0:4]}"
    with ExitStack() as stack:
        writers: dict[str, _TypeWriter] = {}
        for voorkomen in voorkomens:
            writer = writers.get(voorkomen.objecttype)
            if writer is None:
                spool = stack.enter_context(tempfile.TemporaryFile())
                writer = writers[voorkomen.objecttype] = _TypeWriter(levering, voorkomen.objecttype, ddmmyyyy, spool)
            writer.add(voorkomen)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as outer:
            outer.writestr(LEVERINGSDOCUMENT, leveringsdocument(levering))
            for objecttype in OBJECTTYPEN:
                if objecttype in writers:
                    _copy_stored(outer, f"9999{objecttype}{ddmmyyyy}.zip", writers[objecttype].close())
            gwr = f"GEM-WPL-RELATIE-{ddmmyyyy}"
            with tempfile.TemporaryFile() as spool:
                with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as inner:
                    inner.writestr(f"{gwr}-000001.xml", _gwr_file(relaties).encode())
                _copy_stored(outer, f"{gwr}.zip", spool)


class _TypeWriter:
    """The XML stand files of one object type, :data:`PER_BESTAND` objects each, in a zip of their own."""

    def __init__(self, levering: Levering, objecttype: str, ddmmyyyy: str, spool: IO[bytes]) -> None:
        self.levering = levering
        self.objecttype = objecttype
        self.prefix = f"9999{objecttype}{ddmmyyyy}"
        self.spool = spool
        self.zip = zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.number = 0
        self.parts: list[str] = []
        self.objects = 0
        self.last: str | None = None

    def add(self, voorkomen: Voorkomen) -> None:
        if voorkomen.identificatie != self.last:
            if self.objects == PER_BESTAND:
                self._flush()
            self.objects += 1
            self.last = voorkomen.identificatie
        self.parts.append(
            f"<sl:stand><sl-bag-extract:bagObject>{_object(voorkomen)}</sl-bag-extract:bagObject></sl:stand>\n"
        )

    def _flush(self) -> None:
        self.number += 1
        text = "".join(
            [
                _stand_header(self.levering, self.objecttype),
                *self.parts,
                "</sl:standBestand></sl-bag-extract:bagStand>\n",
            ]
        )
        self.zip.writestr(f"{self.prefix}-{self.number:06d}.xml", text.encode())
        self.parts, self.objects = [], 0

    def close(self) -> IO[bytes]:
        """Write the last file; the spooled zip, rewound."""
        self._flush()
        self.zip.close()
        self.spool.seek(0)
        return self.spool


def _copy_stored(outer: zipfile.ZipFile, name: str, source: IO[bytes]) -> None:
    source.seek(0)
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    with outer.open(info, "w", force_zip64=True) as target:
        while chunk := source.read(1024 * 1024):
            target.write(chunk)
