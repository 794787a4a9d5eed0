# SPDX-License-Identifier: EUPL-1.2
"""The answers of the Stelselcatalogus API, and how each is made from the declarations.

The models document the answers in the OpenAPI document; :func:`register_json`,
:func:`objecttype_json`, :func:`attribuut_json` and :func:`zoek_json` build them from what
:class:`~opengdi.stelsel.stelselcatalogus.inhoud.Stelsel` worked out. Every resource names its
own address (``url``) and the page that shows it to people (``pagina``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from opengdi.kernel.catalogus import Objecttype, Operatie, Privacy, Register
from opengdi.stelsel.stelselcatalogus import adressen
from opengdi.stelsel.stelselcatalogus.inhoud import Doelstatus, Gegeven, Stelsel, Verbinding
from opengdi.stelsel.stelselcatalogus.zoeken import Soort, Treffer


class _Antwoord(BaseModel):
    # ``register`` is a BaseModel method: the members of that name are ``registercode`` in Python
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


#: The register a resource belongs to (its code).
_REGISTER = Field(alias="register", description="Code van het register")


class Adressen(_Antwoord):
    url: str = Field(description="Het adres van deze resource in de API")
    pagina: str = Field(description="De pagina die haar aan mensen toont")


class VerbindingVan(_Antwoord):
    registercode: str = Field(alias="register", description="Code van het register dat de verbinding declareert")
    objecttype: str
    attribuut: str | None = Field(description="Pad van het attribuut waar de verbinding van uitgaat")


class VerbindingNaar(_Antwoord):
    registercode: str = Field(alias="register", description="Code van het register waarnaar verwezen wordt")
    objecttype: str


class VerbindingJson(_Antwoord):
    naam: str
    definitie: str
    van: VerbindingVan
    naar: VerbindingNaar
    doelAanwezig: bool = Field(description="Of het doel (register en objecttype) in deze samenstelling voorkomt")
    status: Doelstatus = Field(
        description="aanwezig; objecttypeOnbekend: het register declareert het objecttype niet; "
        "registerAfwezig: het register is (nog) niet in deze samenstelling"
    )


class RegisterSamenvatting(Adressen):
    code: str
    titel: str
    aantalObjecttypen: int
    aantalVerbindingen: int


class RegistersAntwoord(_Antwoord):
    registers: list[RegisterSamenvatting]
    verbindingen: list[VerbindingJson] = Field(description="Alle verbindingen tussen de registers")
    nietAanwezig: list[str] = Field(description="Codes van registers waarnaar verwezen wordt die hier ontbreken")


class ObjecttypeSamenvatting(Adressen):
    naam: str
    definitie: str
    aantalAttributen: int


class AntwoordJson(_Antwoord):
    objecttype: str
    weergave: str | None = Field(description="De weergave van het objecttype; leeg: het hele objecttype")


class OperatieJson(_Antwoord):
    naam: str
    scope: str = Field(description="De Digikoppeling-scope waaronder de operatie valt")
    omschrijving: str
    antwoord: AntwoordJson | None


class GebeurtenistypeJson(_Antwoord):
    naam: str
    objecttype: str | None
    omschrijving: str


class RegisterAntwoord(Adressen):
    code: str
    titel: str
    objecttypen: list[ObjecttypeSamenvatting]
    operaties: list[OperatieJson]
    gebeurtenistypen: list[GebeurtenistypeJson]
    verbindingen: list[VerbindingJson] = Field(description="De verbindingen die dit register declareert")
    inkomendeVerbindingen: list[VerbindingJson] = Field(description="Verbindingen van andere registers hierheen")


class AttribuutSamenvatting(Adressen):
    pad: str = Field(description="Het pad van het attribuut in het objecttype, met punten (naam.voornamen)")
    naam: str
    definitie: str
    groep: bool = Field(description="Een groep van attributen, geen waarde")
    type: str | None = Field(description="Het gegevenstype van een waarde")
    authentiek: bool = Field(description="Een authentiek gegeven")
    privacy: Privacy
    meervoudig: bool


class AliasJson(_Antwoord):
    naam: str
    doel: str
    definitie: str
    zonder: list[str]


class WeergaveJson(_Antwoord):
    naam: str
    paden: list[str] | None = Field(description="De paden die de weergave houdt; leeg: alles")


class ObjecttypeAntwoord(Adressen):
    registercode: str = _REGISTER
    naam: str
    definitie: str
    attributen: list[AttribuutSamenvatting]
    aliassen: list[AliasJson]
    weergaven: list[WeergaveJson]


class GegevenstypeJson(_Antwoord):
    naam: str
    omschrijving: str
    onderdelen: list[str]
    open: bool = Field(description="De onderdelen worden door een ander systeem bepaald")


class LeveringJson(_Antwoord):
    operatie: str
    scope: str
    weergave: str | None


class AttribuutAntwoord(Adressen):
    registercode: str = _REGISTER
    objecttype: str
    pad: str
    naam: str
    definitie: str
    groep: bool
    type: GegevenstypeJson | None
    authentiek: bool
    privacy: Privacy
    bron: list[str] = Field(description="De bronelementen in de termen van het register (BRP: LO3-elementen)")
    vraagbaar: bool = Field(description="Apart te vragen en te autoriseren; anders automatisch meegeleverd")
    onderzoekbaar: bool
    meervoudig: bool
    onderdelen: list[AttribuutSamenvatting]
    velden: list[str] = Field(description="De fields-paden waarmee een afnemer dit attribuut vraagt")
    geleverdDoor: list[LeveringJson] = Field(description="De operaties waarvan het antwoord dit attribuut bevat")
    verbindingen: list[VerbindingJson]


class ZoekresultaatJson(_Antwoord):
    soort: Soort
    naam: str
    definitie: str
    registercode: str = _REGISTER
    objecttype: str | None
    pad: str | None
    pagina: str
    url: str


class ZoekAntwoord(_Antwoord):
    q: str
    aantal: int
    resultaten: list[ZoekresultaatJson]


# ------------------------------------------------------------------------------ builders
def verbinding_json(verbinding: Verbinding) -> VerbindingJson:
    """A relation, resolved against the deployment."""
    relatie = verbinding.relatie
    return VerbindingJson(
        naam=relatie.naam,
        definitie=relatie.definitie,
        van=VerbindingVan(
            registercode=verbinding.register, objecttype=verbinding.objecttype, attribuut=verbinding.pad or None
        ),
        naar=VerbindingNaar(registercode=relatie.naar_register, objecttype=relatie.naar_objecttype),
        doelAanwezig=verbinding.doel_aanwezig,
        status=verbinding.status,
    )


def registers_json(stelsel: Stelsel) -> RegistersAntwoord:
    """Every register of the deployment and every relation between them."""
    return RegistersAntwoord(
        registers=[
            RegisterSamenvatting(
                code=register.code,
                titel=register.titel,
                aantalObjecttypen=len(register.objecttypen),
                aantalVerbindingen=len(stelsel.uitgaand(register.code)),
                url=adressen.api(register.code),
                pagina=adressen.pagina(register.code),
            )
            for register in stelsel.registers
        ],
        verbindingen=[verbinding_json(verbinding) for verbinding in stelsel.verbindingen],
        nietAanwezig=list(stelsel.afwezig),
    )


def _operatie_json(operatie: Operatie) -> OperatieJson:
    antwoord = operatie.antwoord
    return OperatieJson(
        naam=operatie.naam,
        scope=operatie.scope,
        omschrijving=operatie.omschrijving,
        antwoord=AntwoordJson(objecttype=antwoord.objecttype, weergave=antwoord.weergave) if antwoord else None,
    )


def register_json(stelsel: Stelsel, register: Register) -> RegisterAntwoord:
    """One register: its object types, operations, event types and relations."""
    return RegisterAntwoord(
        code=register.code,
        titel=register.titel,
        objecttypen=[
            ObjecttypeSamenvatting(
                naam=objecttype.naam,
                definitie=objecttype.definitie,
                aantalAttributen=len(stelsel.gegevens(register.code, objecttype.naam)),
                url=adressen.api(register.code, objecttype.naam),
                pagina=adressen.pagina(register.code, objecttype.naam),
            )
            for objecttype in register.objecttypen
        ],
        operaties=[_operatie_json(operatie) for operatie in register.operaties],
        gebeurtenistypen=[
            GebeurtenistypeJson(naam=item.naam, objecttype=item.objecttype, omschrijving=item.omschrijving)
            for item in register.gebeurtenistypen
        ],
        verbindingen=[verbinding_json(v) for v in stelsel.uitgaand(register.code)],
        inkomendeVerbindingen=[verbinding_json(v) for v in stelsel.inkomend(register.code)],
        url=adressen.api(register.code),
        pagina=adressen.pagina(register.code),
    )


def _samenvatting(gegeven: Gegeven) -> AttribuutSamenvatting:
    attribuut, code, naam = gegeven.attribuut, gegeven.register.code, gegeven.objecttype.naam
    return AttribuutSamenvatting(
        pad=gegeven.pad,
        naam=attribuut.naam,
        definitie=attribuut.definitie,
        groep=attribuut.is_groep,
        type=attribuut.type.naam if attribuut.type else None,
        authentiek=attribuut.authentiek,
        privacy=attribuut.privacy,
        meervoudig=attribuut.meervoudig,
        url=adressen.api(code, naam, gegeven.pad),
        pagina=adressen.pagina(code, naam, gegeven.pad),
    )


def objecttype_json(stelsel: Stelsel, register: Register, objecttype: Objecttype) -> ObjecttypeAntwoord:
    """One object type with every attribute (parents before children), its aliases and views."""
    return ObjecttypeAntwoord(
        registercode=register.code,
        naam=objecttype.naam,
        definitie=objecttype.definitie,
        attributen=[_samenvatting(gegeven) for gegeven in stelsel.gegevens(register.code, objecttype.naam)],
        aliassen=[
            AliasJson(naam=alias.naam, doel=alias.doel, definitie=alias.definitie, zonder=list(alias.zonder))
            for alias in objecttype.aliassen
        ],
        weergaven=[
            WeergaveJson(naam=item.naam, paden=list(item.paden) if item.paden is not None else None)
            for item in objecttype.weergaven
        ],
        url=adressen.api(register.code, objecttype.naam),
        pagina=adressen.pagina(register.code, objecttype.naam),
    )


def attribuut_json(stelsel: Stelsel, gegeven: Gegeven) -> AttribuutAntwoord:
    """One attribute with everything the catalogue knows of it."""
    attribuut, code, naam = gegeven.attribuut, gegeven.register.code, gegeven.objecttype.naam
    soort = attribuut.type
    return AttribuutAntwoord(
        registercode=code,
        objecttype=naam,
        pad=gegeven.pad,
        naam=attribuut.naam,
        definitie=attribuut.definitie,
        groep=attribuut.is_groep,
        type=GegevenstypeJson(
            naam=soort.naam, omschrijving=soort.omschrijving, onderdelen=list(soort.onderdelen), open=soort.open
        )
        if soort
        else None,
        authentiek=attribuut.authentiek,
        privacy=attribuut.privacy,
        bron=list(attribuut.bron),
        vraagbaar=attribuut.vraagbaar,
        onderzoekbaar=attribuut.onderzoekbaar,
        meervoudig=attribuut.meervoudig,
        onderdelen=[_samenvatting(stelsel.gegeven(code, naam, pad)) for pad in gegeven.onderdelen],
        velden=list(gegeven.velden),
        geleverdDoor=[
            LeveringJson(
                operatie=operatie.naam,
                scope=operatie.scope,
                weergave=operatie.antwoord.weergave if operatie.antwoord else None,
            )
            for operatie in gegeven.leveringen
        ],
        verbindingen=[verbinding_json(v) for v in gegeven.verbindingen],
        url=adressen.api(code, naam, gegeven.pad),
        pagina=adressen.pagina(code, naam, gegeven.pad),
    )


def zoek_json(vraag: str, treffers: list[Treffer]) -> ZoekAntwoord:
    """The answer to a search."""
    resultaten = []
    for treffer in treffers:
        vondst = treffer.vondst
        page, url = adressen.treffer(treffer)
        resultaten.append(
            ZoekresultaatJson(
                soort=vondst.soort,
                naam=vondst.naam,
                definitie=vondst.definitie,
                registercode=vondst.register,
                objecttype=vondst.objecttype if vondst.soort is not Soort.OBJECTTYPE else vondst.naam,
                pad=vondst.pad,
                pagina=page,
                url=url,
            )
        )
    return ZoekAntwoord(q=vraag, aantal=len(resultaten), resultaten=resultaten)
