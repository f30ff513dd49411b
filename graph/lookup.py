"""Resolving what a user types ("zelensky", "Kremlin", "U.S.") to an actor id.

Resolution tries, in order:

1. the actor id, name or an alias, compared case-insensitively;
2. the same with punctuation and spaces removed ("U.S." = "US" = "u s");
3. a single word that is the surname of exactly one person ("Putin");
4. a metonym, demonym or alias that the actor dictionary gives an actor of
   the graph ("Kremlin" and "Moscow" for Russia, "Washington" for the United
   States): the dictionary the graph was built with, the built-in one by
   default, read on first need.

A name that matches several actors, or none, raises
:class:`~diplograph.base.errors.LookupFailed` with the candidates or the closest
names (fuzzy matching with rapidfuzz), on one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property

import pandas as pd
from rapidfuzz import fuzz, process

from diplograph.base.errors import LookupFailed
from diplograph.base.models import Actor

__all__ = ["ActorIndex", "fold", "compact"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` ("Élysée" -> "elysee"), the key of every lookup.

    Close to :func:`diplograph.actors.dictionary.fold_name` but not the same,
    on purpose: a name with no ASCII letters keeps its own letters ("Путин"
    -> "путин", where ``fold_name`` gives ""), so such names stay findable;
    outer spaces are stripped; apostrophes and inner spaces are left as typed
    (the punctuation-free :func:`compact` form matches across those).
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return (ascii_text or text).casefold().strip()


def compact(text: str) -> str:
    """``fold(text)`` without punctuation or spaces ("U.S." -> "us")."""
    return _NON_ALNUM.sub("", fold(text))


class ActorIndex:
    """Name, alias and id lookup over an actors table.

    Args:
        actors: a frame with the :class:`~diplograph.base.models.Actor` columns.
    """

    def __init__(
        self, actors: pd.DataFrame, dictionary_forms: Callable[[], Iterable[tuple[str, str, str]]] | None = None
    ) -> None:
        self._actors = actors
        self._names: dict[str, str] = dict(zip(actors["id"], actors["name"]))
        self._dictionary_forms = dictionary_forms

    @cached_property
    def _dictionary(self) -> dict[str, set[str]]:
        """Folded dictionary forms -> ids of this graph's actors (only built when needed)."""
        table: dict[str, set[str]] = defaultdict(set)
        if self._dictionary_forms is not None:
            for text, actor_id, _kind in self._dictionary_forms():
                if actor_id in self._names:
                    table[fold(text)].add(actor_id)
        return table

    @cached_property
    def _surface(self) -> dict[str, list[str]]:
        """Actor id -> the dictionary's forms of it (as written), for this graph's actors."""
        table: dict[str, list[str]] = defaultdict(list)
        if self._dictionary_forms is not None:
            for text, actor_id, _kind in self._dictionary_forms():
                if actor_id in self._names and text not in table[actor_id]:
                    table[actor_id].append(text)
        return table

    @cached_property
    def _aliases(self) -> dict[str, tuple[str, ...]]:
        return {actor_id: tuple(aliases or ()) for actor_id, aliases in zip(self._actors["id"], self._actors["aliases"])}

    def known_names(self, actor_id: str) -> list[str]:
        """The actor's name, aliases and dictionary forms, each once (``actor_id`` must be an id)."""
        names = [self.name_of(actor_id), *self._aliases.get(actor_id, ()), *self.surface_forms(actor_id)]
        return list(dict.fromkeys(names))

    def surface_forms(self, actor_id: str) -> list[str]:
        """Every name the actor dictionary knows for ``actor_id``: aliases, metonyms ("Kremlin"), demonyms."""
        return list(self._surface.get(actor_id, ()))

    @cached_property
    def _forms(self) -> pd.DataFrame:
        """Every way to name an actor: ``id, form, kind`` (kind: id, name or alias), folded."""
        actors = self._actors
        rows = pd.concat(
            [
                pd.DataFrame({"id": actors["id"], "text": actors["id"], "kind": "id"}),
                pd.DataFrame({"id": actors["id"], "text": actors["name"], "kind": "name"}),
                actors[["id", "aliases"]]
                .explode("aliases")
                .dropna()
                .rename(columns={"aliases": "text"})
                .assign(kind="alias"),
            ],
            ignore_index=True,
        )
        text = rows["text"].astype(str)
        ascii_text = text.str.normalize("NFKD").str.encode("ascii", "ignore").str.decode("ascii")
        folded = ascii_text.where(ascii_text.str.len() > 0, text).str.casefold().str.strip()
        return rows.assign(folded=folded, compact=folded.str.replace(_NON_ALNUM, "", regex=True))

    @cached_property
    def _tables(self) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
        """Lookup tables built on first use: exact, compact and surname keys -> actor ids."""
        forms = self._forms
        exact: dict[str, set[str]] = defaultdict(set)
        short: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[str]] = defaultdict(set)
        for actor_id, key in zip(forms["id"], forms["folded"]):
            exact[key].add(actor_id)
        for actor_id, key in zip(forms["id"], forms["compact"]):
            if key:
                short[key].add(actor_id)
        people = self._actors["type"] == "person"
        for actor_id, name in zip(self._actors.loc[people, "id"], self._actors.loc[people, "name"]):
            words = fold(name).split()
            if len(words) > 1:
                surnames[words[-1]].add(actor_id)
        return exact, short, surnames

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name: object) -> bool:
        if isinstance(name, Actor):
            return name.id in self._names
        if not isinstance(name, str):
            return False
        try:
            self.resolve(name)
        except LookupFailed:
            return False
        return True

    def is_id(self, value: object) -> bool:
        """True when ``value`` is exactly the id of an actor of the graph."""
        return isinstance(value, str) and value in self._names

    def name_of(self, actor_id: str) -> str:
        """The display name of ``actor_id`` (the id itself when unknown)."""
        return self._names.get(actor_id, actor_id)

    def names_of(self, actor_ids: Iterable[str]) -> list[str]:
        """Display names of several ids, in order."""
        return [self.name_of(actor_id) for actor_id in actor_ids]

    def resolve(self, name: str | Actor) -> str:
        """Return the id of the actor called ``name``.

        Raises:
            LookupFailed: the name is unknown (with the closest names) or ambiguous.
        """
        if isinstance(name, Actor):
            name = name.id
        if not isinstance(name, str) or not name.strip():
            raise LookupFailed(f"an actor name must be a non-empty string, got {name!r}")
        exact, short, surnames = self._tables
        lookups = ((exact, fold(name)), (short, compact(name)), (surnames, fold(name)), (None, fold(name)))
        for table, key in lookups:
            found = (table if table is not None else self._dictionary).get(key)
            if found:
                if len(found) == 1:
                    return next(iter(found))
                candidates = ", ".join(sorted(f"{self.name_of(i)} ({i})" for i in found))
                raise LookupFailed(f"{name!r} is ambiguous: it names {candidates}; use an id")
        raise LookupFailed(self._unknown_message(name))

    def resolve_many(self, names: str | Actor | Iterable[str | Actor] | None) -> list[str] | None:
        """Resolve one name or a list of names (None stays None)."""
        if names is None:
            return None
        if isinstance(names, (str, Actor)):
            names = [names]
        elif not isinstance(names, Iterable) or isinstance(names, (bytes, dict)):
            raise LookupFailed(f"actor names must be a string or a list of strings, got {names!r}")
        return list(dict.fromkeys(self.resolve(name) for name in names))

    def suggestions(self, name: str, *, limit: int = 3) -> list[str]:
        """The display names of the actors whose names or aliases are closest to ``name``."""
        choices = self._forms.loc[self._forms["kind"] != "id"]
        if choices.empty:
            return []
        ids = choices["id"].to_numpy(dtype=object)
        matches = process.extract(fold(name), choices["folded"].tolist(), scorer=fuzz.WRatio, limit=limit * 4)
        names: list[str] = []
        for _, score, position in matches:
            display = self.name_of(ids[position])
            if score >= 50 and display not in names:
                names.append(display)
        return names[:limit]

    def _unknown_message(self, name: str) -> str:
        if not self._names:
            return f"no actor named {name!r}: the graph has no actors"
        close = self.suggestions(name)
        hint = f"; closest: {', '.join(close)}" if close else ""
        return f"no actor named {name!r}{hint}"
