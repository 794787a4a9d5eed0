# SPDX-License-Identifier: EUPL-1.2
"""The tables of the BSN-beheervoorziening.

- ``bsn_reeks``: a range reserved for one organisation (its OIN), with a cursor (``volgende``): the
  numbers below it were issued or skipped, the ones from it on are the stock. No row per unissued
  number: a range of a million numbers is one row.
- ``bsn_uitgifte``: one issue (a batch of numbers) to one organisation, when, under which kenmerk.
- ``bsn_nummer``: every number that is taken, one row each: issued here (with its uitgifte and its
  place in it), or learned to be in use elsewhere (``bron``: the event it was learned from). Its
  primary key is the number, so the database itself refuses a number taken twice.
- ``bsn_volger``: how far the voorziening has read the outbox for numbers in use (one row).
- ``bsn_nummerruimte``: where the next range placed by the voorziening itself starts (one row).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from opengdi.kernel.db import Base


class ReeksRow(Base):
    """A range of burgerservicenummers reserved for one organisation."""

    __tablename__ = "bsn_reeks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    aanvrager: Mapped[str] = mapped_column(String(20), index=True, comment="OIN van de organisatie")
    eerste: Mapped[int] = mapped_column(Integer, comment="eerste nummer van de reeks")
    laatste: Mapped[int] = mapped_column(Integer, comment="laatste nummer van de reeks")
    volgende: Mapped[int] = mapped_column(Integer, comment="het eerste nummer dat nog niet is bekeken")
    omvang: Mapped[int] = mapped_column(Integer, comment="aantal nummers in de reeks dat de elfproef doorstaat")
    uitgegeven: Mapped[int] = mapped_column(Integer, comment="aantal uitgegeven nummers")
    overgeslagen: Mapped[int] = mapped_column(Integer, comment="aantal overgeslagen nummers (al in gebruik)")
    gereserveerd_op: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    gereserveerd_door: Mapped[str | None] = mapped_column(
        String(20), comment="OIN van wie reserveerde; leeg: de voorziening zelf (startvoorraad)"
    )

    __table_args__ = (
        CheckConstraint("eerste <= laatste", name="grenzen"),
        CheckConstraint("volgende >= eerste", name="cursor"),
    )


class UitgifteRow(Base):
    """One issue of burgerservicenummers to one organisation."""

    __tablename__ = "bsn_uitgifte"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    aanvrager: Mapped[str] = mapped_column(String(20), comment="OIN van de organisatie")
    kenmerk: Mapped[str | None] = mapped_column(String(100), comment="kenmerk van de aanvrager")
    serie_positie: Mapped[int | None] = mapped_column(
        Integer, comment="plaats van het eerste nummer in de serie van aanvrager en kenmerk"
    )
    aantal: Mapped[int] = mapped_column(Integer)
    tijdstip: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_bsn_uitgifte_serie", "aanvrager", "kenmerk", "serie_positie"),)


class NummerRow(Base):
    """A burgerservicenummer that is taken: issued here, or in use elsewhere."""

    __tablename__ = "bsn_nummer"

    bsn: Mapped[str] = mapped_column(String(9), primary_key=True)
    uitgifte_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("bsn_uitgifte.id"), comment="leeg: niet hier uitgegeven, maar in gebruik"
    )
    volgnummer: Mapped[int | None] = mapped_column(Integer, comment="plaats in de uitgifte")
    bron: Mapped[str | None] = mapped_column(String(200), comment="waaruit bekend is dat het in gebruik is")
    vastgelegd_op: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_bsn_nummer_uitgifte", "uitgifte_id", "volgnummer"),)


class VolgerRow(Base):
    """How far the outbox has been read for numbers in use (one row, ``id`` 1)."""

    __tablename__ = "bsn_volger"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    volgnummer: Mapped[int] = mapped_column(BigInteger, comment="de laatst verwerkte gebeurtenis")
    gat_sinds: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), comment="sinds wanneer er een gat na volgnummer is"
    )


class NummerruimteRow(Base):
    """Where the next range that the voorziening places itself starts (one row, ``id`` 1)."""

    __tablename__ = "bsn_nummerruimte"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    volgende: Mapped[int] = mapped_column(Integer)
