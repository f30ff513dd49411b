"""The actor table: one row per resolved actor, for ``diplograph actors CORPUS`` and notebooks."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Protocol

import pandas as pd

from diplograph.base.models import Actor, Mention

__all__ = ["ACTOR_TABLE_COLUMNS", "SURFACE_KINDS", "actor_table"]

#: Columns of :func:`actor_table`, in display order.
ACTOR_TABLE_COLUMNS = ("id", "name", "type", "country", "roles", "mentions", "documents", "aliases")

#: Mention kinds whose text counts as a way the actor was named ("aliases seen").
SURFACE_KINDS = frozenset({"name", "alias", "metonym", "demonym"})


class _HasActors(Protocol):
    def iter_actors(self) -> Iterable[Actor]: ...


def _surface(text: str) -> str:
    return " ".join(text.split())


def actor_table(
    actors: _HasActors | Iterable[Actor],
    mentions: Iterable[Mention],
    *,
    endpoints_only: bool = False,
) -> pd.DataFrame:
    """One row per actor: name, type, country, roles, mention and document counts, aliases seen.

    Args:
        actors: the merged actors, or anything with ``iter_actors()`` (a RelationGraph).
        mentions: the corpus mentions, with final (merged) actor ids.
        endpoints_only: leave out media, which never become relation endpoints.

    Returns:
        A DataFrame with the columns of :data:`ACTOR_TABLE_COLUMNS`, sorted by
        mentions (most first), then name. ``aliases`` lists the distinct texts
        that named the actor (names, aliases, metonyms, demonyms), most frequent
        first; ``roles`` the actor's roles; both joined with ", ".
    """
    records = list(actors.iter_actors() if hasattr(actors, "iter_actors") else actors)
    counts: Counter = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for mention in mentions:
        counts[mention.actor] += 1
        docs[mention.actor].add(mention.doc)
        if mention.kind in SURFACE_KINDS:
            surfaces[mention.actor][_surface(mention.text)] += 1
    rows = []
    for actor in records:
        if endpoints_only and actor.type == "media":
            continue
        seen = surfaces.get(actor.id, Counter())
        rows.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "country": actor.country,
                "roles": ", ".join(actor.roles),
                "mentions": counts.get(actor.id, 0),
                "documents": len(docs.get(actor.id, ())),
                "aliases": ", ".join(sorted(seen, key=lambda text: (-seen[text], text))),
            }
        )
    frame = pd.DataFrame.from_records(rows, columns=list(ACTOR_TABLE_COLUMNS))
    if frame.empty:
        return frame
    frame = frame.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)
