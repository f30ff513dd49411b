"""The curated office-holder history (``data/history/office_holders.yaml``): who held which office when.

The history lists, for 109 offices (heads of state and government and foreign
ministers of the G20, the permanent members, the war's parties and states
frequent in the news; the UN, NATO, EU and AU top posts), every holder from
2000 on with the days they took and left office and a source. It answers
"who was the German foreign minister on 1 February 2017" (:meth:`OfficeHistory.holder`),
and gives each holder a dictionary entry with dated roles
(:meth:`OfficeHistory.entries`), merged into the built-in dictionary.

An office marked ``leader`` is what "the <country> leader" means (the
chancellor of Germany, the president of France; dated where that changed, as
in Turkey in 2014). The file is read on first use, never at import time.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from diplograph.actors.roles import Office, Role, held_on, office_of

__all__ = ["Holder", "OfficeRecord", "HistoryFile", "OfficeHistory", "office_history", "HISTORY_SOURCE"]

#: The provenance of dictionary entries made from the history.
HISTORY_SOURCE = "history"


class Holder(BaseModel):
    """One term of one person in one office."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    start: dt.date
    end: dt.date | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    source: str = Field(min_length=1)


class _Period(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: dt.date | None = None
    end: dt.date | None = None


class OfficeRecord(BaseModel):
    """One office of a country or organization and its holders, in order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    office: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    organization: str | None = None
    leader: bool | _Period = False
    holders: tuple[Holder, ...]

    @property
    def key(self) -> Office:
        return Office(office_of(self.office), self.country, self.organization)

    def leads_on(self, date: dt.date | None) -> bool:
        """True when this office is "the <country> leader" on ``date``."""
        if isinstance(self.leader, bool):
            return self.leader
        return held_on(Role(title=self.office, start=self.leader.start, end=self.leader.end), date)


class HistoryFile(BaseModel):
    """The whole history file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    as_of: dt.date
    offices: tuple[OfficeRecord, ...]


class OfficeHistory:
    """Office holders by office, with lookups by date."""

    def __init__(self, data: HistoryFile) -> None:
        self.as_of = data.as_of
        self._offices: dict[Office, OfficeRecord] = {record.key: record for record in data.offices}

    def __contains__(self, office: object) -> bool:
        return office in self._offices

    def offices(self) -> list[Office]:
        """Every office the history knows."""
        return list(self._offices)

    def holder(self, office: Office, date: dt.date | None) -> str | None:
        """The id of the holder of ``office`` on ``date`` (None: today), or None when the history knows none."""
        record = self._offices.get(office)
        if record is None:
            return None
        for holder in record.holders:
            if held_on(Role(title=record.office, start=holder.start, end=holder.end), date):
                return holder.id
        return None

    def sole_holder(self, title: str, date: dt.date | None) -> str | None:
        """The one person holding every office called ``title`` on ``date``, or None.

        "The Queen" in a 2017 text names no country, yet every office the history calls
        "queen" was Elizabeth II's then (a personal union of several states' offices); "the king"
        of 2017 had many holders and stays open, and a title only one state has is not resolved.
        """
        held = [self.holder(key, date) for key in self._offices if key.title == title and key.organization is None]
        held = [holder for holder in held if holder is not None]
        # One state's office alone ("chancellor") is not a personal union: the text may mean another state's.
        return held[0] if len(held) > 1 and len(set(held)) == 1 else None

    def leader_offices(self, country: str, date: dt.date | None) -> list[Office]:
        """The offices "the <country> leader" means on ``date`` (usually one)."""
        return [key for key, record in self._offices.items() if key.country == country and record.leads_on(date)]

    def entries(self) -> list[dict]:
        """One dictionary entry (as a plain dict) per holder, with a dated role for each term."""
        people: dict[str, dict] = {}
        for record in self._offices.values():
            for holder in record.holders:
                entry = people.setdefault(
                    holder.id,
                    {"id": holder.id, "name": holder.name, "type": "person", "aliases": [], "roles": [],
                     "country": None, "wikidata": None, "source": HISTORY_SOURCE},
                )
                entry["aliases"].extend(a for a in holder.aliases if a not in entry["aliases"])
                entry["wikidata"] = entry["wikidata"] or holder.wikidata
                if record.country and entry["country"] is None:
                    entry["country"] = record.country
                entry["roles"].append(
                    Role(title=record.office, country=record.country, organization=record.organization,
                         start=holder.start, end=holder.end, source=holder.source)
                )
        return list(people.values())


def _read() -> HistoryFile:
    text = resources.files("diplograph.actors").joinpath("data", "history", "office_holders.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return HistoryFile.model_validate(yaml.load(text, Loader=loader))  # noqa: S506 - a safe loader


@cache
def office_history() -> OfficeHistory:
    """The built-in office-holder history (read once, on first use)."""
    return OfficeHistory(_read())
