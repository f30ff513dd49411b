"""The actor dictionary: known actors, their aliases, demonyms and metonyms.

The built-in dictionary ships as ``data/*.yaml`` inside the package (states
generated from ``pycountry`` by ``data/generate_states.py``; organizations,
groups, persons, places and media written by hand); users add or override
entries with their own YAML/JSON file. Every file is validated with
``extra="forbid"`` so a misspelt key is an error, not a silent no-op.

Case rules: all-capital short forms ("US", "UK", "EU") and demonyms
("Russian") match only as written, so the pronoun "us" is never the United
States and "russian" in lower case is not a mention; other forms also match
case-insensitively.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from diplograph.base.userfiles import load_user_file
from diplograph.base.models import Actor, ActorType

__all__ = [
    "DictionaryEntry",
    "DictionaryFile",
    "ActorDictionary",
    "load_dictionary",
    "builtin_dictionary",
    "normalize_form",
    "fold_name",
]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize_form(text: str) -> str:
    """Collapse whitespace and unify apostrophes ("Quai d’Orsay" → "Quai d'Orsay")."""
    return " ".join(text.translate(_APOSTROPHES).split())


def fold_name(text: str) -> str:
    """Lower-case ASCII form of a name, for comparing spellings ("Orbán" → "orban")."""
    ascii_text = unicodedata.normalize("NFKD", normalize_form(text)).encode("ascii", "ignore").decode()
    return ascii_text.casefold()


class DictionaryEntry(BaseModel):
    """One actor of a dictionary file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    type: ActorType
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")

    def to_actor(self) -> Actor:
        """The graph node for this entry."""
        return Actor(
            id=self.id,
            name=self.name,
            type=self.type,
            country=self.country,
            aliases=self.aliases,
            roles=self.roles,
            members=self.members,
            wikidata=self.wikidata,
        )

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(text, kind)`` for every way the text may name this actor."""
        yield self.name, "name"
        for alias in self.aliases:
            yield alias, "alias"
        for demonym in self.demonyms:
            yield demonym, "demonym"
        for metonym in self.metonyms:
            yield metonym, "metonym"


class DictionaryFile(BaseModel):
    """The top level of a dictionary file: ``actors: [...]``."""

    model_config = ConfigDict(extra="forbid")

    actors: list[DictionaryEntry]


def is_acronym(text: str) -> bool:
    """True for all-capital short forms ("US", "U.S.", "NATO") that match only as written."""
    letters = text.replace(".", "").replace("-", "").replace("+", "")
    return 0 < len(letters) <= 5 and letters.isupper()


class ActorDictionary:
    """Actors by id, with a lookup from every surface form to its actor.

    Lookups are exact first, then case-insensitive (except for acronyms and
    demonyms). When two entries claim the same form, the later entry wins,
    so a user file can take a form away from a built-in actor.
    """

    def __init__(self, entries: Iterable[DictionaryEntry] = ()) -> None:
        self._entries: dict[str, DictionaryEntry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        self._exact: dict[str, tuple[str, str]] = {}
        self._folded: dict[str, tuple[str, str]] = {}
        for entry in self._entries.values():
            for text, kind in entry.surface_forms():
                form = normalize_form(text)
                self._exact[form] = (entry.id, kind)
                if kind != "demonym" and not is_acronym(form):
                    self._folded[form.casefold()] = (entry.id, kind)
        self._by_country: dict[str, list[str]] = {}
        for entry in self._entries.values():
            if entry.country:
                self._by_country.setdefault(entry.country, []).append(entry.id)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def __iter__(self) -> Iterator[DictionaryEntry]:
        return iter(self._entries.values())

    def __getitem__(self, actor_id: str) -> DictionaryEntry:
        return self._entries[actor_id]

    def get(self, actor_id: str) -> DictionaryEntry | None:
        """The entry with this id, or None."""
        return self._entries.get(actor_id)

    def lookup(self, text: str) -> tuple[str, str] | None:
        """Return ``(actor_id, kind)`` for a surface form, or None."""
        text = normalize_form(text)
        hit = self._exact.get(text)
        if hit is None and not is_acronym(text):
            hit = self._folded.get(text.casefold())
            if hit is not None and hit[1] == "demonym":
                hit = None
        if hit is None and text.lower().startswith("the "):
            return self.lookup(text[4:])
        return hit

    def actor(self, actor_id: str) -> Actor:
        """The graph node of a dictionary actor (KeyError if unknown)."""
        return self._entries[actor_id].to_actor()

    def forms(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(text, actor_id, kind)`` for every surface form in the dictionary."""
        for entry in self._entries.values():
            for text, kind in entry.surface_forms():
                yield normalize_form(text), entry.id, kind

    def of_country(self, country: str, *, actor_type: str | None = None) -> list[DictionaryEntry]:
        """Entries with this ISO3 country code, in file order (a country's leader first)."""
        entries = (self._entries[i] for i in self._by_country.get(country, ()))
        return [e for e in entries if actor_type is None or e.type == actor_type]

    def state_of(self, country: str | None) -> str | None:
        """The id of the state actor for an ISO3 code, or None."""
        if not country:
            return None
        states = self.of_country(country, actor_type="state")
        return states[0].id if states else None

    def persons(self) -> Iterator[DictionaryEntry]:
        """Every person entry."""
        return (e for e in self._entries.values() if e.type == "person")

    def merged(self, entries: Iterable[DictionaryEntry]) -> ActorDictionary:
        """Return a new dictionary with ``entries`` added or replacing same-id entries."""
        return ActorDictionary([*self._entries.values(), *entries])


def _read_entries(path: Path | str, text: str | None = None) -> list[DictionaryEntry]:
    return load_user_file(path, DictionaryFile, what="actor dictionary", key="actors", needs="a top-level 'actors:' list", text=text, list_key=True).actors


def builtin_entries() -> list[DictionaryEntry]:
    """Every entry of the built-in data files, in file order (files sorted by name)."""
    folder = resources.files("diplograph.actors").joinpath("data")
    entries: list[DictionaryEntry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml", ".json")):
            entries.extend(_read_entries(item.name, item.read_text("utf-8")))
    return entries


@cache
def builtin_dictionary() -> ActorDictionary:
    """The dictionary shipped with the package (read once, on first use)."""
    return ActorDictionary(builtin_entries())


def load_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """Return the built-in dictionary, extended or overridden by the user file at ``path``.

    Raises:
        ConfigError: one line naming the file, entry and field that are wrong.
    """
    base = builtin_dictionary()
    if path is None:
        return base
    return base.merged(_read_entries(path))
