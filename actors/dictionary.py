"""The actor dictionary: known actors, their aliases, demonyms and metonyms.

The built-in dictionary ships as ``data/*.yaml`` inside the package; users add
or override entries with their own YAML/JSON file. Every file is validated
with ``extra="forbid"`` so a misspelt key is an error, not a silent no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from diplograph.errors import ConfigError
from diplograph.io import format_validation_error, parse_yaml
from diplograph.models import Actor, ActorType

__all__ = ["DictionaryEntry", "DictionaryFile", "ActorDictionary", "load_dictionary", "builtin_dictionary"]


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


class ActorDictionary:
    """Actors by id, with a lookup from every surface form to its actor.

    Lookups are exact first, then case-insensitive; all-capital short forms
    ("US", "UK", "EU") match only in capitals so the pronoun "us" is never
    the United States.
    """

    def __init__(self, entries: Iterable[DictionaryEntry] = ()) -> None:
        self._entries: dict[str, DictionaryEntry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        self._exact: dict[str, tuple[str, str]] = {}
        self._folded: dict[str, tuple[str, str]] = {}
        for entry in self._entries.values():
            for text, kind in entry.surface_forms():
                self._exact.setdefault(text, (entry.id, kind))
                if not _is_acronym(text):
                    self._folded.setdefault(text.casefold(), (entry.id, kind))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def __iter__(self) -> Iterator[DictionaryEntry]:
        return iter(self._entries.values())

    def __getitem__(self, actor_id: str) -> DictionaryEntry:
        return self._entries[actor_id]

    def get(self, actor_id: str) -> DictionaryEntry | None:
        return self._entries.get(actor_id)

    def lookup(self, text: str) -> tuple[str, str] | None:
        """Return ``(actor_id, kind)`` for a surface form, or None."""
        text = " ".join(text.split())
        hit = self._exact.get(text)
        if hit is None and not _is_acronym(text):
            hit = self._folded.get(text.casefold())
        if hit is None and text.lower().startswith("the "):
            return self.lookup(text[4:])
        return hit

    def actor(self, actor_id: str) -> Actor:
        return self._entries[actor_id].to_actor()

    def merged(self, entries: Iterable[DictionaryEntry]) -> ActorDictionary:
        """Return a new dictionary with ``entries`` added or replacing same-id entries."""
        return ActorDictionary([*self._entries.values(), *entries])


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return len(letters) <= 4 and letters.isupper()


def _read_entries(path: Path | str, text: str) -> list[DictionaryEntry]:
    data = parse_yaml(path, text)
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: an actor dictionary needs a top-level 'actors:' list")
    try:
        return DictionaryFile.model_validate(data).actors
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, exc)) from None


@cache
def builtin_dictionary() -> ActorDictionary:
    """The dictionary shipped with the package (read once, on first use)."""
    folder = resources.files("diplograph.actors").joinpath("data")
    entries: list[DictionaryEntry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml", ".json")):
            entries.extend(_read_entries(item.name, item.read_text("utf-8")))
    return ActorDictionary(entries)


def load_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """Return the built-in dictionary, extended or overridden by the user file at ``path``.

    Raises:
        ConfigError: one line naming the file, entry and field that are wrong.
    """
    base = builtin_dictionary()
    if path is None:
        return base
    file = Path(path)
    try:
        text = file.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read actor dictionary ({exc.strerror or exc})") from None
    return base.merged(_read_entries(file, text))
