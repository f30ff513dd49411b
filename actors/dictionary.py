"""The actor dictionary: known actors, their aliases, demonyms and metonyms.

The built-in dictionary ships as ``data/*.yaml`` inside the package (states
generated from ``pycountry`` by ``data/generate_states.py``; organizations,
groups, persons, places and media written by hand), merged with the office
holders of the curated history (``data/history/office_holders.yaml``, see
:mod:`~diplograph.actors.history`: each holder with dated roles); users add or
override entries with their own YAML/JSON file. Every file is validated with
``extra="forbid"`` so a misspelt key is an error, not a silent no-op, and user
files are checked further (:mod:`~diplograph.actors.checks`). Every entry keeps
its provenance in ``source``: ``curated``, ``history`` or ``user``. The Phoenix
dictionaries are not entries: they are a separate index consulted for names the
entries do not know (:mod:`~diplograph.actors.phoenix`).

Case rules: all-capital short forms ("US", "UK", "EU") and demonyms
("Russian") match only as written, so the pronoun "us" is never the United
States and "russian" in lower case is not a mention; other forms also match
case-insensitively.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from diplograph.actors.checks import bad_form, check_count, check_entries, check_file_size, duplicate_ids
from diplograph.actors.history import office_history
from diplograph.actors.roles import Role, role_office, role_text
from diplograph.base.errors import ConfigError
from diplograph.base.io import format_validation_error
from diplograph.base.models import Actor, ActorType
from diplograph.base.userfiles import load_user_file, read_user_text

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
    if text.isascii() and "`" not in text:
        return " ".join(text.split()).lower()
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
    roles: tuple[str | Role, ...] = ()
    members: tuple[str, ...] = ()
    wikidata: str | None = Field(default=None, pattern=r"^Q[0-9]+$")
    #: Undated roles hold on and after this day (None: always); see :mod:`~diplograph.actors.roles`.
    roles_since: dt.date | None = None
    #: Common nouns the text uses for this actor once it is named ("the alliance" for NATO).
    nouns: tuple[str, ...] = ()
    #: Where the entry comes from: ``curated``, ``history``, ``user`` (set by the loader).
    source: str | None = None

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name is blank")
        return value

    @field_validator("aliases", "demonyms", "metonyms")
    @classmethod
    def _forms_match_something(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for form in value:
            problem = bad_form(form)
            if problem is not None:
                raise ValueError(f"{form!r} {problem}: it would match ordinary text")
        return value

    def to_actor(self, organization_names: dict[str, str] | None = None) -> Actor:
        """The graph node for this entry (dated roles as text, most recent first)."""
        names = organization_names or {}
        return Actor(
            id=self.id,
            name=self.name,
            type=self.type,
            country=self.country,
            aliases=self.aliases,
            roles=tuple(dict.fromkeys(role_text(r, names.get(getattr(r, "organization", None) or "")) for r in self.ordered_roles())),
            members=self.members,
            wikidata=self.wikidata,
        )

    def ordered_roles(self) -> list[str | Role]:
        """Undated roles in file order, then dated roles, the most recent first."""
        undated = [r for r in self.roles if isinstance(r, str) or not r.dated]
        dated = [r for r in self.roles if isinstance(r, Role) and r.dated]
        dated.sort(key=lambda r: (r.end is None, r.end or dt.date.min, r.start or dt.date.min), reverse=True)
        return [*undated, *dated]

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
    """The top level of a dictionary file: ``actors: [...]`` and, optionally, ``roles_since``."""

    model_config = ConfigDict(extra="forbid")

    #: Default ``roles_since`` of the file's entries: the day from which their undated roles hold.
    roles_since: dt.date | None = None
    actors: list[DictionaryEntry]

    @model_validator(mode="after")
    def _unique_ids(self) -> DictionaryFile:
        again = duplicate_ids(e.id for e in self.actors)
        if again:
            raise ValueError(f"actor id {again[0]!r} is used by more than one entry (ids must be unique in a file)")
        return self


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
        entry = self._entries[actor_id]
        organizations = {r.organization for r in entry.roles if isinstance(r, Role) and r.organization}
        names = {o: self._entries[o].name for o in organizations if o in self._entries}
        return entry.to_actor(names)

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


def _with_defaults(data: DictionaryFile, source: str) -> list[DictionaryEntry]:
    """The file's entries with their provenance and the file's ``roles_since``."""
    return [
        entry.model_copy(update={"source": entry.source or source, "roles_since": entry.roles_since or data.roles_since})
        for entry in data.actors
    ]


def _read_entries(path: Path | str, text: str | None = None, *, source: str = "user") -> list[DictionaryEntry]:
    if text is not None:
        fast = _parse_fast(path, text)
        if fast is not None:
            return _with_defaults(fast, source)
    data = load_user_file(
        path, DictionaryFile, what="actor dictionary", key="actors", needs="a top-level 'actors:' list", text=text,
        list_key=True,
    )
    return _with_defaults(data, source)


def _parse_fast(path: Path | str, text: str) -> DictionaryFile | None:
    """Parse with ``json`` or the C YAML loader (linear and fast on large files); None: let the user-file
    loader read it (and word the error)."""
    try:
        if text.lstrip()[:1] in ("{", "["):
            data = json.loads(text)
        else:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict) or "actors" not in data:
        return None
    if isinstance(data["actors"], list):
        check_count(path, len(data["actors"]))
    try:
        return DictionaryFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, exc, data=data)) from None


def _builtin_file(name: str, text: str) -> list[DictionaryEntry]:
    """A built-in data file, parsed with the C YAML loader when available (same data, faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _with_defaults(DictionaryFile.model_validate(yaml.load(text, Loader=loader)), "curated")  # noqa: S506


def _with_history(entries: list[DictionaryEntry]) -> list[DictionaryEntry]:
    """Curated entries with the dated roles of the history, then the history's other holders.

    A dated role replaces an undated curated role of the same office; the curated
    name, aliases, country and type win.
    """
    by_id = {entry.id: entry for entry in entries}
    organizations = {
        normalize_form(form).casefold(): (entry.id, "name")
        for entry in entries if entry.type in ("organization", "group") for form in (entry.name, *entry.aliases)
    }

    def lookup(text: str) -> tuple[str, str] | None:
        return organizations.get(normalize_form(text).casefold())

    extra: list[DictionaryEntry] = []
    for record in office_history().entries():
        curated = by_id.get(record["id"])
        if curated is None:
            extra.append(DictionaryEntry.model_validate(record))
            continue
        offices = {role_office(r) for r in record["roles"]}
        kept = [
            r for r in curated.roles
            if isinstance(r, Role) or role_office(r, country=curated.country, lookup=lookup) not in offices
        ]
        by_id[curated.id] = curated.model_copy(
            update={"roles": (*kept, *record["roles"]), "wikidata": curated.wikidata or record["wikidata"]}
        )
    return [*by_id.values(), *extra]


def builtin_entries() -> list[DictionaryEntry]:
    """Every built-in entry: the data files in file order (files sorted by name), then the history's holders."""
    folder = resources.files("diplograph.actors").joinpath("data")
    entries: list[DictionaryEntry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml", ".json")):
            entries.extend(_builtin_file(item.name, item.read_text("utf-8")))
    return _with_history(entries)


@cache
def builtin_dictionary() -> ActorDictionary:
    """The dictionary shipped with the package (read once, on first use)."""
    return ActorDictionary(builtin_entries())


def load_dictionary(path: str | Path | None = None) -> ActorDictionary:
    """Return the built-in dictionary, extended or overridden by the user file at ``path``.

    Raises:
        ConfigError: one line naming the file, entry and field that are wrong
            (see :mod:`~diplograph.actors.checks` for the checks beyond the schema).
    """
    base = builtin_dictionary()
    if path is None:
        return base
    check_file_size(path)
    entries = _read_entries(path, read_user_text(path, what="actor dictionary"))
    check_entries(path, entries, known=base)
    return base.merged(entries)
