"""The actor table: which actors a build lists, and one row per actor for ``diplograph actors CORPUS``.

:func:`listed_actors` keeps the table from flooding: an actor that takes part
in no relation is listed only when it is in the dictionary or mentioned at
least :data:`MIN_MENTIONS` times; the others (a name read once in passing)
stay out of ``actors.jsonl`` together with their mentions.
:func:`final_mention` and :func:`placeholder_sectors` give mentions and
relations their final actor ids and the sector of an office placeholder
that became a state ("the Qatari prime minister" → Qatar, ``GOV``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Protocol

import pandas as pd

from diplograph.actors.corpus_roles import Resolution
from diplograph.base.models import Actor, Mention, Relation

__all__ = [
    "ACTOR_TABLE_COLUMNS",
    "SURFACE_KINDS",
    "MIN_MENTIONS",
    "actor_table",
    "listed_actors",
    "final_mention",
    "placeholder_sectors",
]

#: Mentions an actor outside the dictionary and outside every relation needs to be listed.
MIN_MENTIONS = 2

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


def listed_actors(
    actors: Iterable[Actor], relations: Iterable[Relation], mentions: Iterable[Mention], dictionary: object
) -> set[str]:
    """Ids of the actors a build lists: in a relation (as an end or the speaker), in the dictionary,
    or mentioned at least :data:`MIN_MENTIONS` times."""
    counts = Counter(m.actor for m in mentions)
    used = {end for r in relations for end in (r.source, r.target, r.attributed_to) if end}
    return {
        a.id for a in actors
        if a.id in used or a.id in dictionary or counts[a.id] >= MIN_MENTIONS  # type: ignore[operator]
    }


def final_mention(mention: Mention, mapping: dict[str, str], offices: dict[str, Resolution]) -> Mention:
    """A mention with its final actor id (and, for an office placeholder, the sector of what it became)."""
    final = mapping.get(mention.actor, mention.actor)
    update: dict[str, object] = {}
    if final != mention.actor:
        update["actor"] = final
    if mention.actor in offices:
        update["sector"] = offices[mention.actor].sector
    return mention.model_copy(update=update) if update else mention


def placeholder_sectors(relation: Relation, offices: dict[str, Resolution]) -> Relation:
    """A relation (before its ids are remapped) whose office-placeholder ends carry what they became's sector."""
    update = {f"{end}_sector": offices[actor].sector for end, actor in (("source", relation.source),
              ("target", relation.target)) if actor in offices}
    return relation.model_copy(update=update) if update else relation
