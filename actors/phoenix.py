"""The Phoenix dictionaries as a compiled, lazily loaded index (never put into the entity ruler).

``data/phoenix/phoenix_actors.json`` (26,060 actors, 34,438 forms: states,
office holders and elites, international organisations, armed non-state
groups; converted from PETRARCH2, MIT) and ``phoenix_agents.json`` (the
generic agents: police, rebels, foreign ministry …, with their CAMEO sector)
are read on the first lookup, into two dictionaries keyed by the folded form
(:func:`~diplograph.actors.dictionary.fold_name`):

* :meth:`PhoenixIndex.actor` — a name the curated dictionary did not match
  (an NER span) → a :class:`PhoenixActor` with its type, country and provenance
  (``phoenix-countries``, ``phoenix-international``, ``phoenix-milnonstate``).
  A form several records share keeps only what they agree on (a type, a
  country). Forms of a state record other than its names (its regions and
  cities: "Herat", "Montana") are places of that state, not the state.
* :meth:`PhoenixIndex.agent` — a generic-agent phrase ("riot police",
  "foreign ministry") → its CAMEO code.

Phoenix's dated codes ("RUSGOV 991231-080507") date a person's *sector*, not an
office, so they give a person's country, never an office holder. The curated
dictionary wins: the caller maps a Phoenix record onto a dictionary entry that
shares a form with it.
"""

from __future__ import annotations

import gc
import json
from functools import cache
from importlib import resources
from typing import NamedTuple

from diplograph.actors.dictionary import fold_name
from diplograph.base.models import slugify

__all__ = ["PhoenixActor", "PhoenixIndex", "phoenix_index", "PHOENIX_SOURCES"]

#: Provenance of a Phoenix record, by its source file.
PHOENIX_SOURCES = {
    "countries": "phoenix-countries",
    "international": "phoenix-international",
    "milnonstate": "phoenix-milnonstate",
}


class PhoenixActor(NamedTuple):
    """What the Phoenix dictionaries say about one form.

    Attributes:
        id: the record's id (a slug of its name; the first record's, for a shared form).
        name: the record's name as written ("Margaret Thatcher").
        type: ``person``, ``state``, ``organization``, ``group`` or ``place`` (a state's region or city);
            None when records sharing the form disagree.
        country: ISO3 country, or None (unknown, or records disagree).
        source: provenance (:data:`PHOENIX_SOURCES`).
        forms: every form of the record (the first record's).
        state: the ISO3 code of the state record the form belongs to ("Afghan", "Kabul": ``AFG``), or None.
        sector: for an institution of a state ("Mossad": ``SPY``, "Knesset": ``LEG``, "Israel Defence
            Forces": ``MIL``), its CAMEO sector: the record stands for its state, as in CAMEO; else None.
    """

    id: str
    name: str
    type: str | None
    country: str | None
    source: str
    forms: tuple[str, ...]
    state: str | None = None
    sector: str | None = None


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})


def _institution_sector(entry: dict) -> str | None:
    """The state sector of a country's institution record (its first code: ``ISRSPY`` → ``SPY``), or None."""
    if entry["file"] != "countries" or entry["type"] != "organization" or not entry["codes"] or not entry["country"]:
        return None
    sector = entry["codes"][0]["sector"]
    primary, rest = sector[:3], sector[3:6]
    if primary == "GOV" and rest in _STATE_SECTORS:
        return rest
    return primary if primary in _STATE_SECTORS else None


_HONORIFICS = frozenset({"sheikh", "sheik", "shaikh", "sayyid", "sayyed", "seyyed", "mullah", "imam", "emir", "abu"})


def _name_words(folded: str) -> set[str]:
    return {w for w in folded.replace("-", " ").split() if len(w) >= 4}


def _given_names(entries: list[dict]) -> frozenset[str]:
    """First words of person records' names ("khaled", "lilian"), without honorifics and very short words."""
    found: set[str] = set()
    for entry in entries:
        if entry["type"] == "person":
            first = fold_name(entry["name"]).split()[:1]
            if first and len(first[0]) > 2 and first[0] not in _HONORIFICS:
                found.add(first[0])
    return frozenset(found)


def _form_types(entry: dict, folded: dict[str, str], given: frozenset[str]) -> dict[str, str]:
    """The type of each form of a record.

    A state record's form is the state when it shares a word with the state's
    name, else a place in it ("Herat" of Afghanistan). An organization's or
    group's form that reads as a person's name ("Khaled Meshaal" of Hamas, and
    then "Meshaal") is that person.
    """
    kind = entry["type"]
    if kind == "state":
        own = _name_words(fold_name(entry["name"]))
        return {f: "state" if _name_words(k) & own or k == fold_name(entry["name"]) else "place" for f, k in folded.items()}
    if kind not in ("organization", "group"):
        return dict.fromkeys(folded, kind)
    people = {
        f for f, k in folded.items()
        if 2 <= len(k.split()) <= 4 and (k.split()[0] in given or k.split()[0] in _HONORIFICS) and f != entry["name"]
    }
    surnames = {folded[f].split()[-1] for f in people}
    return {f: "person" if f in people or k in surnames else kind for f, k in folded.items()}


class PhoenixIndex:
    """Folded form → Phoenix actor, and folded agent phrase → CAMEO code."""

    def __init__(self, entries: list[dict], agents: list[dict]) -> None:
        found: dict[str, PhoenixActor] = {}
        given = _given_names(entries)
        for entry in entries:
            source = PHOENIX_SOURCES.get(entry["file"], f"phoenix-{entry['file']}")
            forms = tuple(entry["forms"])
            folded = {form: fold_name(form) for form in dict.fromkeys((entry["name"], *forms))}
            state = entry["country"] if entry["type"] == "state" else None
            sector = _institution_sector(entry)
            for form, kind in _form_types(entry, folded, given).items():
                key = folded[form]
                old = found.get(key)
                if old is None and kind != entry["type"]:  # a place of a state, a person of a group: its own record
                    found[key] = PhoenixActor(slugify(form), form, kind, entry["country"], source, (form,), state)
                elif old is None:
                    found[key] = PhoenixActor(
                        entry["id"], entry["name"], kind, entry["country"], source, forms, state, sector
                    )
                elif old.type != kind or old.country != entry["country"]:
                    found[key] = old._replace(
                        type=old.type if old.type == kind else None,
                        country=old.country if old.country == entry["country"] else None,
                    )
        self._actors = found
        #: First words of Phoenix persons' names ("khaled", "lilian"): what a person's name may start with.
        self.given_names = given
        self._agents: dict[str, str] = {}
        for agent in agents:
            for form in agent["forms"]:
                self._agents.setdefault(form, agent["code"])
        self.max_agent_words = max((len(f.split()) for f in self._agents), default=0)

    def __len__(self) -> int:
        return len(self._actors)

    def actor(self, text: str) -> PhoenixActor | None:
        """The Phoenix actor a name stands for, or None (also without a leading "the")."""
        key = fold_name(text)
        hit = self._actors.get(key)
        if hit is None and key.startswith("the "):
            hit = self._actors.get(key[4:])
        return hit

    def agent_forms(self) -> list[str]:
        """Every generic-agent phrase (lower case)."""
        return list(self._agents)

    def agent(self, phrase: str) -> str | None:
        """The CAMEO code of a generic-agent phrase ("riot police" → ``COP``), or None."""
        return self._agents.get(" ".join(phrase.lower().split()))


def _load(name: str, key: str) -> list[dict]:
    text = resources.files("diplograph.actors").joinpath("data", "phoenix", name).read_text("utf-8")
    return json.loads(text)[key]


@cache
def phoenix_index() -> PhoenixIndex:
    """The Phoenix index (built once, on the first call; about 0.5 s and 50 MB, see ``benchmarks/bench_dictionaries.py``).

    The garbage collector is paused while the index is built: the build only
    allocates, and collections over the half-built index would triple its time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return PhoenixIndex(_load("phoenix_actors.json", "entries"), _load("phoenix_agents.json", "agents"))
    finally:
        if enabled:
            gc.enable()
