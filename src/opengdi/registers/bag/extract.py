# SPDX-License-Identifier: EUPL-1.2
"""Reading the Kadaster's BAG 2.0 Extract: nested zips of XML stand files, streamed.

The extract (``BAGNLDL-ddmmyyyy.zip`` for the Netherlands, ``BAGGEM{code}L-….zip`` for one
municipality) holds a ``Leveringsdocument-BAG-Extract.xml`` and, per object type, a zip of XML
files (``9999VBO15092020.zip`` → ``…VBO15092020-000001.xml``, 10,000 objects each), then the
``InOnderzoek``, ``Inactief`` and ``NietBag`` parts (a zip of zips per object type) and the
gemeente–woonplaats relation (``GEM-WPL-RELATIE-….zip``). Inner zips that the outer one stores
uncompressed are read in place through a window on the outer file; compressed ones are spooled.
The XML is parsed incrementally and every record is dropped once converted, so memory stays flat
however large the extract. Nothing here touches a database: :class:`BagExtract` yields plain
records (:class:`Voorkomen`, :class:`KenmerkInOnderzoek`, :class:`GemeenteWoonplaats`).
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, XMLParser, iterparse

from opengdi.registers.bag.gml import OngeldigeGeometrie, bounding_box, first_geometry

LEVERINGSDOCUMENT = "Leveringsdocument-BAG-Extract.xml"
_XB = "{http://www.kadaster.nl/schemas/lvbag/extract-levering/v20200601}"
_SELECTIES = "{http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601}"
_SL_BAG = "{http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601}"
_SL = "{http://www.kadaster.nl/schemas/standlevering-generiek/1.0}"
_MUTATIES = "{http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-mutaties-lvc/v20200601}"
_OBJ = "{www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601}"
_REF = "{www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601}"
_HIST = "{www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601}"
_KIO = "{www.kadaster.nl/schemas/lvbag/imbag/kenmerkinonderzoek/v20200601}"
_NEN = "{www.kadaster.nl/schemas/lvbag/imbag/nen5825/v20200601}"
_GWR_BESTAND = "{www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-deelbestand-lvc/v20200601}"
_GWR = "{www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-producten-lvc/v20200601}"
_BAGTYPES = "{www.kadaster.nl/schemas/lvbag/gem-wpl-rel/bag-types/v20200601}"

#: The object types, by the code the extract names its files with, in the order they are loaded.
OBJECTTYPEN = {
    "WPL": "Woonplaats",
    "OPR": "OpenbareRuimte",
    "NUM": "Nummeraanduiding",
    "PND": "Pand",
    "VBO": "Verblijfsobject",
    "LIG": "Ligplaats",
    "STA": "Standplaats",
}
_CODE_VAN = {naam: code for code, naam in OBJECTTYPEN.items()}
_KENMERK_CODE = {
    "KenmerkWoonplaatsInOnderzoek": "WPL",
    "KenmerkOpenbareruimteInOnderzoek": "OPR",
    "KenmerkNummeraanduidingInOnderzoek": "NUM",
    "KenmerkPandInOnderzoek": "PND",
    "KenmerkVerblijfsobjectInOnderzoek": "VBO",
    "KenmerkLigplaatsInOnderzoek": "LIG",
    "KenmerkStandplaatsInOnderzoek": "STA",
}
_TYPES = "|".join(OBJECTTYPEN)
_OBJECT_ZIP = re.compile(rf"^(\d{{4}})({_TYPES})(\d{{8}})\.zip$")
_PART_ZIP = re.compile(r"^(\d{4})(InOnderzoek|Inactief|NietBag)(\d{8})\.zip$")
_PART_INNER_ZIP = re.compile(rf"^(\d{{4}})(IO|IA|NB)({_TYPES})(\d{{8}})\.zip$")
_GWR_ZIP = re.compile(r"^GEM-WPL-RELATIE-(\d{8})\.zip$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?$")
#: A member that expands more than this many times its compressed size is refused (a zip bomb).
_MAX_RATIO = 1000


class GeenBagExtract(ValueError):  # noqa: N818 - the Dutch domain word
    """The file is not a BAG 2.0 Extract, or not a readable one; the message says why, in Dutch."""


@dataclass(frozen=True, slots=True)
class Levering:
    """What the Leveringsdocument says of the extract."""

    gebied: str  # "9999" for the Netherlands, otherwise the gemeentecode
    gebiedsnaam: str | None
    standtechnische_datum: str


@dataclass(frozen=True, slots=True)
class Deel:
    """One XML file of the extract: its path through the zips, and what it holds."""

    route: tuple[str, ...]  # member names from the outer zip down to the XML file
    soort: str  # "object", "onderzoek" or "gemeente-woonplaats"
    objecttype: str | None  # WPL … STA, None for the gemeente–woonplaats relation

    @property
    def inhoud(self) -> str:
        """What the file holds, as counted: ``VBO``, ``onderzoek VBO`` or ``gemeente-woonplaats``."""
        if self.objecttype is None:
            return self.soort
        return self.objecttype if self.soort == "object" else f"{self.soort} {self.objecttype}"

    @property
    def pad(self) -> str:
        """The path as it is recorded: ``9999VBO15092020.zip!0221VBO15092020-000001.xml``."""
        return "!".join(self.route)


@dataclass(frozen=True, slots=True)
class Voorkomen:
    """One voorkomen of one BAG object, its attributes named as the BAG API names them."""

    objecttype: str
    identificatie: str
    voorkomenidentificatie: int
    begin_geldigheid: str
    eind_geldigheid: str | None
    tijdstip_registratie: str
    eind_registratie: str | None
    tijdstip_inactief: str | None
    tijdstip_registratie_lv: str
    tijdstip_eind_registratie_lv: str | None
    tijdstip_inactief_lv: str | None
    tijdstip_niet_bag_lv: str | None
    status: str
    geconstateerd: bool
    documentdatum: str
    documentnummer: str
    gegevens: dict[str, Any]
    geometrie: dict[str, Any] | None
    bbox: tuple[float, float, float, float] | None
    relaties: tuple[tuple[str, str], ...] = field(default=())  # (soort, identificatie of the other object)


@dataclass(frozen=True, slots=True)
class KenmerkInOnderzoek:
    """One period in which one attribute of one object was (or was no longer) in onderzoek."""

    objecttype: str
    identificatie: str
    kenmerk: str
    in_onderzoek: bool
    documentdatum: str
    documentnummer: str
    begin_geldigheid: str
    eind_geldigheid: str | None
    tijdstip_registratie: str
    eind_registratie: str | None
    tijdstip_registratie_lv: str
    tijdstip_eind_registratie_lv: str | None


@dataclass(frozen=True, slots=True)
class GemeenteWoonplaats:
    """A period in which a woonplaats lay in a gemeente."""

    woonplaats: str
    gemeente: str
    begin_geldigheid: str
    eind_geldigheid: str | None
    status: str


Record = Voorkomen | KenmerkInOnderzoek | GemeenteWoonplaats


class BagExtract:
    """An open BAG 2.0 Extract; use it as a context manager.

    Opening checks that the file is one (a zip with a Leveringsdocument of BAG 2.0 and parts named
    as the Kadaster names them) and raises :class:`GeenBagExtract` otherwise, before anything is
    read further. :meth:`delen` lists the XML files in the order they are to be loaded,
    :meth:`records` streams the records of one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.onbekend: list[str] = []  # top-level members that are not part of an extract
        self._file: IO[bytes] | None = None
        self._zip: zipfile.ZipFile | None = None
        self.levering = Levering("", None, "")

    def __enter__(self) -> BagExtract:
        try:
            self._file = self.path.open("rb")
        except FileNotFoundError:
            raise GeenBagExtract(f"{self.path} bestaat niet") from None
        except OSError:
            raise GeenBagExtract(f"{self.path} kan niet worden gelezen") from None
        try:
            self._zip = zipfile.ZipFile(self._file)
        except (zipfile.BadZipFile, OSError):
            self.close()
            raise GeenBagExtract(f"{self.path.name} is geen zip-bestand, dus geen BAG-extract") from None
        try:
            self.levering = self._leveringsdocument()
            self._check_members()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        if self._file is not None:
            self._file.close()
            self._file = None

    @property
    def zip(self) -> zipfile.ZipFile:
        if self._zip is None:
            raise RuntimeError("het extract is niet geopend")
        return self._zip

    def _leveringsdocument(self) -> Levering:
        try:
            info = self.zip.getinfo(LEVERINGSDOCUMENT)
        except KeyError:
            raise GeenBagExtract(
                f"{self.path.name} is geen BAG 2.0 Extract: het Leveringsdocument ({LEVERINGSDOCUMENT}) ontbreekt"
            ) from None
        try:
            root = _parse_small(self.zip.read(info))
        except ParseError:
            raise GeenBagExtract(f"{self.path.name}: het Leveringsdocument is geen geldige XML") from None
        if root.tag != f"{_XB}BAG-Extract-Levering":
            raise GeenBagExtract(
                f"{self.path.name} is geen BAG 2.0 Extract: het Leveringsdocument is van een ander soort ({root.tag})"
            )
        datum = root.findtext(f"{_XB}SelectieGegevens/{_SELECTIES}LVC-Extract/{_SELECTIES}StandTechnischeDatum")
        if not datum or not _DATE.match(datum.strip()):
            raise GeenBagExtract(
                f"{self.path.name}: het Leveringsdocument noemt geen stand (StandTechnischeDatum); "
                "alleen een standlevering (levenscyclus) kan worden geladen"
            )
        gemeente = root.find(f".//{_SELECTIES}Gemeente")
        if gemeente is not None:
            code = (gemeente.findtext(f"{_SELECTIES}GemeenteIdentificatie") or "").strip()
            naam = gemeente.findtext(f"{_SELECTIES}GemeenteNaam")
            return Levering(code or "9999", naam.strip() if naam else None, datum.strip())
        return Levering("9999", "Nederland", datum.strip())

    def _check_members(self) -> None:
        found_objects = False
        for info in self.zip.infolist():
            name = info.filename
            if _is_junk(name) or name == LEVERINGSDOCUMENT:
                continue
            if _OBJECT_ZIP.match(name):
                found_objects = True
            elif not (_PART_ZIP.match(name) or _GWR_ZIP.match(name)):
                self.onbekend.append(name)
        if not found_objects:
            raise GeenBagExtract(
                f"{self.path.name} is geen BAG 2.0 Extract: er zit geen deel met objecten in (zoals 9999VBO….zip)"
            )

    def delen(self) -> list[Deel]:
        """Every XML file of the extract, in loading order: the object types (woonplaatsen first),
        their inactive and non-BAG voorkomens, the onderzoek marks, the gemeente–woonplaats relation."""
        objects: list[Deel] = []
        parts: list[Deel] = []
        onderzoek: list[Deel] = []
        relaties: list[Deel] = []
        for info in self.zip.infolist():
            name = info.filename
            if match := _OBJECT_ZIP.match(name):
                objects.extend(self._xml_parts((name,), "object", match.group(2)))
            elif match := _PART_ZIP.match(name):
                target = onderzoek if match.group(2) == "InOnderzoek" else parts
                target.extend(self._nested_parts(name, "onderzoek" if match.group(2) == "InOnderzoek" else "object"))
            elif _GWR_ZIP.match(name):
                relaties.extend(self._xml_parts((name,), "gemeente-woonplaats", None))
        order = list(OBJECTTYPEN)
        objects.sort(key=lambda deel: (order.index(deel.objecttype or "WPL"), deel.route))
        parts.sort(key=lambda deel: (order.index(deel.objecttype or "WPL"), deel.route))
        onderzoek.sort(key=lambda deel: (order.index(deel.objecttype or "WPL"), deel.route))
        return objects + parts + onderzoek + relaties

    def _xml_parts(self, route: tuple[str, ...], soort: str, objecttype: str | None) -> Iterator[Deel]:
        with self._open_zip(route) as inner:
            names = sorted(info.filename for info in inner.infolist() if not _is_junk(info.filename))
        for name in names:
            if name.lower().endswith(".xml"):
                yield Deel((*route, name), soort, objecttype)

    def _nested_parts(self, name: str, soort: str) -> Iterator[Deel]:
        with self._open_zip((name,)) as part:
            inner_names = sorted(info.filename for info in part.infolist() if not _is_junk(info.filename))
        for inner in inner_names:
            if match := _PART_INNER_ZIP.match(inner):
                yield from self._xml_parts((name, inner), soort, match.group(3))

    def _open_zip(self, route: tuple[str, ...]) -> zipfile.ZipFile:
        archive = self.zip
        for name in route:
            archive = zipfile.ZipFile(_member(archive, name, self.path.name))
        return archive

    def records(self, deel: Deel) -> Iterator[Record]:
        """The records of one XML file, one at a time."""
        with self._open_zip(deel.route[:-1]) as inner:
            info = inner.getinfo(deel.route[-1])
            _check_ratio(info, self.path.name)
            with inner.open(info) as stream:
                try:
                    if deel.soort == "gemeente-woonplaats":
                        yield from _gemeente_woonplaatsen(stream)
                    else:
                        yield from _stand(stream, deel, self.levering.standtechnische_datum)
                except ParseError as error:
                    raise GeenBagExtract(f"{deel.pad}: geen geldige XML ({error})") from None


def _is_junk(name: str) -> bool:
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return name.endswith("/") or name.startswith("__MACOSX/") or base.startswith(".")


def _check_ratio(info: zipfile.ZipInfo, bestand: str) -> None:
    if info.compress_size and info.file_size / info.compress_size > _MAX_RATIO:
        raise GeenBagExtract(f"{bestand}: {info.filename} pakt verdacht sterk uit (een zip-bom?) en wordt niet gelezen")


def _member(archive: zipfile.ZipFile, name: str, bestand: str) -> IO[bytes]:
    """A seekable file object of the member ``name``: a window on the outer file when the member is
    stored uncompressed (random access without a copy), otherwise a spooled copy."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise GeenBagExtract(f"{bestand}: het deel {name} ontbreekt") from None
    _check_ratio(info, bestand)
    outer = archive.fp
    if info.compress_type == zipfile.ZIP_STORED and outer is not None and outer.seekable():
        outer.seek(info.header_offset)
        header = outer.read(30)
        if len(header) == 30 and header[:4] == b"PK\x03\x04":
            name_length, extra_length = struct.unpack("<HH", header[26:30])
            start = info.header_offset + 30 + name_length + extra_length
            return io.BufferedReader(_Window(outer, start, info.compress_size))
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=64 * 1024 * 1024)  # noqa: SIM115 - returned
    with archive.open(info) as source:
        shutil.copyfileobj(source, spool, 1024 * 1024)
    spool.seek(0)
    return spool


class _Window(io.RawIOBase):
    """The bytes ``[start, start + length)`` of a seekable file, as a seekable file of their own."""

    def __init__(self, file: IO[bytes], start: int, length: int) -> None:
        self._file = file
        self._start = start
        self._length = length
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._length}[whence]
        self._position = max(0, min(self._length, base + offset))
        return self._position

    def readinto(self, buffer: Any) -> int:
        wanted = min(len(buffer), self._length - self._position)
        if wanted <= 0:
            return 0
        self._file.seek(self._start + self._position)
        data = self._file.read(wanted)
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


def _parse_small(data: bytes) -> Element:
    if b"<!DOCTYPE" in data[:4096]:
        raise ParseError("een DOCTYPE wordt niet gelezen")
    parser = XMLParser()
    parser.feed(data)
    return parser.close()


def _elements(stream: IO[bytes], record_tags: frozenset[str], check_root: Any) -> Iterator[Element]:
    """The complete elements of ``record_tags`` in ``stream``, each removed from the tree after use."""
    stack: list[Element] = []
    for event, element in iterparse(stream, events=("start", "end")):
        if event == "start":
            if not stack:
                check_root(element)
            stack.append(element)
            continue
        stack.pop()
        if element.tag in record_tags:
            yield element
            element.clear()
            if stack:
                stack[-1].remove(element)


def _stand(stream: IO[bytes], deel: Deel, standtechnische_datum: str) -> Iterator[Record]:
    def check_root(root: Element) -> None:
        if root.tag == f"{_MUTATIES}bagMutaties":
            raise GeenBagExtract(f"{deel.pad} is een mutatielevering; alleen een standlevering kan worden geladen")
        if root.tag != f"{_SL_BAG}bagStand":
            raise GeenBagExtract(f"{deel.pad} is geen stand van de BAG (het hoofdelement is {root.tag})")

    for number, stand in enumerate(_elements(stream, frozenset({f"{_SL}stand"}), check_root), start=1):
        if not len(stand):
            continue
        content = stand[0]
        if not len(content):
            raise GeenBagExtract(f"{deel.pad}, record {number}: leeg")
        try:
            if content.tag == f"{_SL_BAG}bagObject":
                yield _voorkomen(content[0], deel)
            elif content.tag == f"{_SL_BAG}kenmerkInOnderzoek":
                yield _kenmerk(content[0])
            else:
                raise GeenBagExtract(f"{deel.pad}, record {number}: onbekend soort record {content.tag}")
        except (_Ongeldig, OngeldigeGeometrie) as error:
            raise GeenBagExtract(f"{deel.pad}, record {number}: {error}") from None


class _Ongeldig(ValueError):  # noqa: N818 - the Dutch domain word
    """A record that does not hold what the schema requires (the message says what, in Dutch)."""


@cache
def _steps(path: str) -> tuple[str, ...]:
    """The tags of a path (``{ns}a/{ns}b``); a namespace holds slashes, so split outside braces."""
    steps, depth, start = [], 0, 0
    for index, char in enumerate(path):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "/" and depth == 0:
            steps.append(path[start:index])
            start = index + 1
    return (*steps, path[start:])


def _find(element: Element, path: str) -> Element | None:
    """``element.find(path)`` one tag at a time: each step the parser's own fast lookup, where a
    path of several steps would go through ElementPath (the import's costliest part)."""
    found: Element | None = element
    for step in _steps(path):
        found = found.find(step) if found is not None else None
    return found


def _text(element: Element, path: str) -> str | None:
    found = _find(element, path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _required(element: Element, path: str, what: str) -> str:
    value = _text(element, path)
    if value is None:
        raise _Ongeldig(f"{what} ontbreekt")
    return value


def _optional(element: Element, path: str) -> str | None:
    return _text(element, path)


def _getal(value: str, what: str) -> int:
    if not value.isdigit():
        raise _Ongeldig(f"{what} is geen getal: {value!r}")
    return int(value)


def _datum(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if not _DATE.match(value):
        raise _Ongeldig(f"{what} is geen datum: {value!r}")
    return value


def _tijdstip(value: str | None, what: str) -> str | None:
    """A moment as ``YYYY-MM-DDTHH:MM:SS.fff`` (milliseconds added or cut to three digits)."""
    if value is None:
        return None
    match = _MOMENT.match(value)
    if not match:
        raise _Ongeldig(f"{what} is geen tijdstip: {value!r}")
    return f"{match.group(1)}.{(match.group(2) or '').ljust(3, '0')[:3]}"


def _voorkomen(element: Element, deel: Deel) -> Voorkomen:
    code = _CODE_VAN.get(element.tag.removeprefix(_OBJ))
    if code is None:
        raise _Ongeldig(f"onbekend objecttype {element.tag}")
    if deel.objecttype and code != deel.objecttype:
        raise _Ongeldig(f"een {OBJECTTYPEN[code]} in het deel voor {OBJECTTYPEN[deel.objecttype]}")
    historie = _find(element, f"{_OBJ}voorkomen/{_HIST}Voorkomen")
    if historie is None:
        raise _Ongeldig("het voorkomen ontbreekt")
    lv = f"{_HIST}BeschikbaarLV/{_HIST}"
    gegevens, relaties = _ATTRIBUTEN[code](element)
    geometrie = first_geometry(element.find(f"{_OBJ}geometrie"))
    return Voorkomen(
        objecttype=code,
        identificatie=_required(element, f"{_OBJ}identificatie", "de identificatie"),
        voorkomenidentificatie=_getal(
            _required(historie, f"{_HIST}voorkomenidentificatie", "de voorkomenidentificatie"),
            "de voorkomenidentificatie",
        ),
        begin_geldigheid=_datum(_required(historie, f"{_HIST}beginGeldigheid", "beginGeldigheid"), "beginGeldigheid")
        or "",
        eind_geldigheid=_datum(_optional(historie, f"{_HIST}eindGeldigheid"), "eindGeldigheid"),
        tijdstip_registratie=_tijdstip(
            _required(historie, f"{_HIST}tijdstipRegistratie", "tijdstipRegistratie"), "tijdstipRegistratie"
        )
        or "",
        eind_registratie=_tijdstip(_optional(historie, f"{_HIST}eindRegistratie"), "eindRegistratie"),
        tijdstip_inactief=_tijdstip(_optional(historie, f"{_HIST}tijdstipInactief"), "tijdstipInactief"),
        tijdstip_registratie_lv=_tijdstip(
            _required(historie, f"{lv}tijdstipRegistratieLV", "tijdstipRegistratieLV"), "tijdstipRegistratieLV"
        )
        or "",
        tijdstip_eind_registratie_lv=_tijdstip(
            _optional(historie, f"{lv}tijdstipEindRegistratieLV"), "tijdstipEindRegistratieLV"
        ),
        tijdstip_inactief_lv=_tijdstip(_optional(historie, f"{lv}tijdstipInactiefLV"), "tijdstipInactiefLV"),
        tijdstip_niet_bag_lv=_tijdstip(_optional(historie, f"{lv}tijdstipNietBagLV"), "tijdstipNietBagLV"),
        status=_required(element, f"{_OBJ}status", "de status"),
        geconstateerd=_required(element, f"{_OBJ}geconstateerd", "geconstateerd") == "J",
        documentdatum=_datum(_required(element, f"{_OBJ}documentdatum", "de documentdatum"), "documentdatum") or "",
        documentnummer=_required(element, f"{_OBJ}documentnummer", "het documentnummer"),
        gegevens=gegevens,
        geometrie=geometrie,
        bbox=bounding_box(geometrie) if geometrie else None,
        relaties=relaties,
    )


_Attributen = tuple[dict[str, Any], tuple[tuple[str, str], ...]]


def _refs(element: Element, wrapper: str, ref: str) -> list[str]:
    holder = element.find(f"{_OBJ}{wrapper}")
    if holder is None:
        return []
    return [(item.text or "").strip() for item in holder.findall(f"{_REF}{ref}") if (item.text or "").strip()]


def _woonplaats(element: Element) -> _Attributen:
    return {"naam": _required(element, f"{_OBJ}naam", "de naam")}, ()


def _openbare_ruimte(element: Element) -> _Attributen:
    woonplaats = _required(element, f"{_OBJ}ligtIn/{_REF}WoonplaatsRef", "ligtIn")
    gegevens: dict[str, Any] = {
        "naam": _required(element, f"{_OBJ}naam", "de naam"),
        "type": _required(element, f"{_OBJ}type", "het type"),
        "ligtIn": woonplaats,
    }
    verkort = _optional(element, f"{_OBJ}verkorteNaam/{_NEN}VerkorteNaamOpenbareRuimte/{_NEN}verkorteNaam")
    if verkort:
        gegevens["verkorteNaam"] = verkort
    return gegevens, (("woonplaats", woonplaats),)


def _nummeraanduiding(element: Element) -> _Attributen:
    openbare_ruimte = _required(element, f"{_OBJ}ligtAan/{_REF}OpenbareRuimteRef", "ligtAan")
    gegevens: dict[str, Any] = {
        "huisnummer": _getal(_required(element, f"{_OBJ}huisnummer", "het huisnummer"), "het huisnummer"),
        "typeAdresseerbaarObject": _required(element, f"{_OBJ}typeAdresseerbaarObject", "typeAdresseerbaarObject"),
        "ligtAan": openbare_ruimte,
    }
    for name, tag in (
        ("huisletter", "huisletter"),
        ("huisnummertoevoeging", "huisnummertoevoeging"),
        ("postcode", "postcode"),
    ):
        value = _optional(element, f"{_OBJ}{tag}")
        if value:
            gegevens[name] = value
    relaties = [("openbareRuimte", openbare_ruimte)]
    woonplaats = _optional(element, f"{_OBJ}ligtIn/{_REF}WoonplaatsRef")
    if woonplaats:
        gegevens["ligtIn"] = woonplaats
        relaties.append(("woonplaats", woonplaats))
    return gegevens, tuple(relaties)


def _adressen(element: Element) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    hoofdadres = _required(element, f"{_OBJ}heeftAlsHoofdadres/{_REF}NummeraanduidingRef", "heeftAlsHoofdadres")
    nevenadressen = _refs(element, "heeftAlsNevenadres", "NummeraanduidingRef")
    gegevens: dict[str, Any] = {"heeftAlsHoofdAdres": hoofdadres}
    if nevenadressen:
        gegevens["heeftAlsNevenAdres"] = nevenadressen
    return gegevens, [("hoofdadres", hoofdadres), *(("nevenadres", adres) for adres in nevenadressen)]


def _verblijfsobject(element: Element) -> _Attributen:
    gegevens, relaties = _adressen(element)
    doelen = [(item.text or "").strip() for item in element.findall(f"{_OBJ}gebruiksdoel") if (item.text or "").strip()]
    if not doelen:
        raise _Ongeldig("het gebruiksdoel ontbreekt")
    panden = _refs(element, "maaktDeelUitVan", "PandRef")
    gegevens["gebruiksdoelen"] = doelen
    gegevens["oppervlakte"] = _getal(_required(element, f"{_OBJ}oppervlakte", "de oppervlakte"), "de oppervlakte")
    gegevens["maaktDeelUitVan"] = panden
    relaties.extend(("pand", pand) for pand in panden)
    return gegevens, tuple(relaties)


def _plaats(element: Element) -> _Attributen:
    gegevens, relaties = _adressen(element)
    return gegevens, tuple(relaties)


def _pand(element: Element) -> _Attributen:
    return {"oorspronkelijkBouwjaar": _required(element, f"{_OBJ}oorspronkelijkBouwjaar", "oorspronkelijkBouwjaar")}, ()


_ATTRIBUTEN = {
    "WPL": _woonplaats,
    "OPR": _openbare_ruimte,
    "NUM": _nummeraanduiding,
    "VBO": _verblijfsobject,
    "LIG": _plaats,
    "STA": _plaats,
    "PND": _pand,
}


def _kenmerk(element: Element) -> KenmerkInOnderzoek:
    code = _KENMERK_CODE.get(element.tag.removeprefix(_KIO))
    if code is None:
        raise _Ongeldig(f"onbekend soort kenmerk {element.tag}")
    identificatie = next(
        ((child.text or "").strip() for child in element if child.tag.startswith(f"{_KIO}identificatieVan")), ""
    )
    if not identificatie:
        raise _Ongeldig("de identificatie van het object ontbreekt")
    historie = _find(element, f"{_KIO}historieInOnderzoek/{_HIST}HistorieInOnderzoek")
    if historie is None:
        raise _Ongeldig("de historie van het onderzoek ontbreekt")
    lv = f"{_HIST}BeschikbaarLVInOnderzoek/{_HIST}"
    return KenmerkInOnderzoek(
        objecttype=code,
        identificatie=identificatie,
        kenmerk=_required(element, f"{_KIO}kenmerk", "het kenmerk"),
        in_onderzoek=_required(element, f"{_KIO}inOnderzoek", "inOnderzoek") == "J",
        documentdatum=_datum(_required(element, f"{_KIO}documentdatum", "de documentdatum"), "documentdatum") or "",
        documentnummer=_required(element, f"{_KIO}documentnummer", "het documentnummer"),
        begin_geldigheid=_datum(_required(historie, f"{_HIST}beginGeldigheid", "beginGeldigheid"), "beginGeldigheid")
        or "",
        eind_geldigheid=_datum(_optional(historie, f"{_HIST}eindGeldigheid"), "eindGeldigheid"),
        tijdstip_registratie=_tijdstip(
            _required(historie, f"{_HIST}tijdstipRegistratie", "tijdstipRegistratie"), "tijdstipRegistratie"
        )
        or "",
        eind_registratie=_tijdstip(_optional(historie, f"{_HIST}eindRegistratie"), "eindRegistratie"),
        tijdstip_registratie_lv=_tijdstip(
            _required(historie, f"{lv}tijdstipRegistratieLV", "tijdstipRegistratieLV"), "tijdstipRegistratieLV"
        )
        or "",
        tijdstip_eind_registratie_lv=_tijdstip(
            _optional(historie, f"{lv}tijdstipEindRegistratieLV"), "tijdstipEindRegistratieLV"
        ),
    )


def _gemeente_woonplaatsen(stream: IO[bytes]) -> Iterator[GemeenteWoonplaats]:
    def check_root(root: Element) -> None:
        if root.tag != f"{_GWR_BESTAND}BAG-GWR-Deelbestand-LVC":
            raise GeenBagExtract(f"de gemeente-woonplaatsrelatie heeft een onbekend hoofdelement {root.tag}")

    for number, element in enumerate(
        _elements(stream, frozenset({f"{_GWR}GemeenteWoonplaatsRelatie"}), check_root), start=1
    ):
        tijdvak = f"{_GWR}tijdvakgeldigheid/{_BAGTYPES}"
        try:
            yield GemeenteWoonplaats(
                woonplaats=_required(element, f"{_GWR}gerelateerdeWoonplaats/{_GWR}identificatie", "de woonplaats"),
                gemeente=_required(element, f"{_GWR}gerelateerdeGemeente/{_GWR}identificatie", "de gemeente"),
                begin_geldigheid=_datum(
                    _required(element, f"{tijdvak}begindatumTijdvakGeldigheid", "de begindatum"), "de begindatum"
                )
                or "",
                eind_geldigheid=_datum(_optional(element, f"{tijdvak}einddatumTijdvakGeldigheid"), "de einddatum"),
                status=_required(element, f"{_GWR}status", "de status"),
            )
        except _Ongeldig as error:
            raise GeenBagExtract(f"gemeente-woonplaatsrelatie, record {number}: {error}") from None
