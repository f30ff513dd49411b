"""Merging actors across documents into one node per real actor.

Dictionary actors keep their id. Provisional actors (new names found by the
NER) are grouped when they are the same actor written differently:

* a name the dictionary knows after all (a spelling variant, a unique
  surname) joins the dictionary actor;
* two full person names join when their surnames match (or are close
  spellings, Jaro-Winkler) and their given names are compatible — never two
  different given names ("Boris Johnson" and "Mike Johnson" stay apart), and
  never through a chain ("J. Smith" does not glue "John" to "Jane Smith");
* a surname alone joins the one full name in the corpus that ends with it,
  and stays on its own when there are several;
* an office placeholder ("the Qatari foreign minister" where nobody knew the
  holder) becomes the holder another article of the same period names, else
  the state or organization of the office (:mod:`~diplograph.actors.corpus_roles`).

Every decision depends only on the set of (id, actor) records, never on the
order documents were processed in, so any partitioning gives the same ids.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from diplograph.actors.corpus_roles import Resolution, resolve_placeholders
from diplograph.actors.dictionary import ActorDictionary, fold_name
from diplograph.actors.offices import is_placeholder
from diplograph.actors.variants import dictionary_person, name_parts, same_person
from diplograph.base.models import Actor

__all__ = ["merge_actors", "merge_corpus", "TYPE_PRIORITY"]

#: Tie-break when one provisional id was typed differently in different documents.
TYPE_PRIORITY = ("person", "state", "organization", "group", "place", "media")


def _majority(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _provisional(versions: list[Actor]) -> Actor:
    """One record for a provisional id seen in several documents."""
    types = Counter(v.type for v in versions)
    actor_type = min(types, key=lambda t: (-types[t], TYPE_PRIORITY.index(t)))
    names = Counter(v.name for v in versions)
    name = min(names, key=lambda n: (-names[n], n))
    return Actor(
        id=versions[0].id,
        name=name,
        type=actor_type,  # type: ignore[arg-type]
        country=_majority(v.country for v in versions),  # type: ignore[arg-type]
        roles=tuple(sorted({r for v in versions for r in v.roles})),
    )


def _dictionary_target(actor: Actor, dictionary: ActorDictionary) -> str | None:
    """The dictionary actor a provisional actor turns out to be, or None."""
    hit = dictionary.lookup(actor.name)
    if hit is not None and hit[1] != "demonym":
        target = dictionary[hit[0]]
        if target.type == actor.type or {target.type, actor.type} <= {"place", "state"}:
            return hit[0]
    if actor.type == "person":
        return dictionary_person(actor.name, dictionary)
    return None


class _Clusters:
    """Complete-linkage clusters of provisional person ids."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.of = {i: i for i in ids}
        self.members = {i: [i] for i in self.of}

    def join(self, a: str, b: str, compatible) -> None:
        ca, cb = self.of[a], self.of[b]
        if ca == cb:
            return
        if all(compatible(x, y) for x in self.members[ca] for y in self.members[cb]):
            keep, drop = sorted((ca, cb))
            for member in self.members.pop(drop):
                self.of[member] = keep
                self.members[keep].append(member)


def _person_clusters(persons: dict[str, Actor], seen_dictionary: dict[str, Actor]) -> dict[str, str]:
    """Map provisional person ids to the id of their cluster (a provisional or dictionary id)."""
    parts = {i: name_parts(a.name) for i, a in persons.items()}
    clusters = _Clusters(sorted(persons))
    full = sorted(i for i in persons if len(parts[i]) > 1)
    for position, a in enumerate(full):
        for b in full[position + 1 :]:
            if same_person(parts[a], parts[b]):
                clusters.join(a, b, lambda x, y: same_person(parts[x], parts[y]))
    result = {i: clusters.of[i] for i in persons}
    known = {i: [name_parts(n) for n in (a.name, *a.aliases)] for i, a in seen_dictionary.items()}
    for single in sorted(i for i in persons if len(parts[i]) == 1):
        candidates = {clusters.of[i] for i in full if same_person(parts[single], parts[i])}
        candidates |= {
            i for i, forms in known.items() if any(len(f) > 1 and same_person(parts[single], f) for f in forms)
        }
        if len(candidates) == 1:
            result[single] = candidates.pop()
    return result


def _canonical(cluster: list[str], records: dict[str, Actor], documents: Counter) -> str:
    """The member whose name becomes the node's name: the fullest, without initials, then the most frequent."""

    def key(actor_id: str) -> tuple:
        parts = name_parts(records[actor_id].name)
        initials = sum(1 for p in parts if len(p.rstrip(".")) <= 1)
        return (-len(parts), initials, -documents[actor_id], records[actor_id].name, actor_id)

    return min(cluster, key=key)


def merge_actors(
    actor_sets: Iterable[dict[str, Actor]], dictionary: ActorDictionary, *, learned: Iterable[dict] = ()
) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-document actors into one list.

    Args:
        actor_sets: the ``DocActors.actors`` mapping of each document, in corpus order.
        dictionary: the actor dictionary in use.
        learned: the ``DocActors.learned`` records of every document (dated roles and
            office placeholders), for :func:`~diplograph.actors.corpus_roles.resolve_placeholders`.

    Returns:
        The merged actors sorted by id, and a mapping from every provisional
        id (and office placeholder) to its final id (identity for ids that were kept).
    """
    actors, mapping, _ = merge_corpus(actor_sets, dictionary, learned=learned)
    return actors, mapping


def merge_corpus(
    actor_sets: Iterable[dict[str, Actor]], dictionary: ActorDictionary, *, learned: Iterable[dict] = ()
) -> tuple[list[Actor], dict[str, str], dict[str, Resolution]]:
    """:func:`merge_actors`, also returning what each office placeholder became (with its sector)."""
    learned = list(learned)
    placed = {r["id"] for r in learned if r["kind"] == "place"}
    versions: dict[str, list[Actor]] = defaultdict(list)
    documents: Counter = Counter()
    placeholders: dict[str, Actor] = {}
    for actors in actor_sets:
        for actor_id, actor in actors.items():
            if is_placeholder(actor_id):
                placeholders.setdefault(actor_id, actor)
                continue
            versions[actor_id].append(actor)
            documents[actor_id] += 1
    records = {
        i: dictionary.actor(i) if i in dictionary else _provisional(sorted(v, key=lambda a: a.model_dump_json()))
        for i, v in versions.items()
    }
    for i in sorted(placed & records.keys()):  # "Sidi Barrani", typed person in most articles
        if i not in dictionary:
            records[i] = records[i].model_copy(update={"type": "place"})
    target: dict[str, str] = {i: i for i in records}
    for actor_id, actor in records.items():
        if actor_id not in dictionary:
            found = _dictionary_target(actor, dictionary)
            if found is not None:
                target[actor_id] = found
    typed_apart: dict[str, str] = {}
    people = {fold_name(a.name): i for i, a in sorted(records.items()) if a.type == "person" and len(a.name.split()) > 1}
    for actor_id, actor in records.items():  # "Fyodor Bondarchuk" typed an organization in one article
        if actor_id not in dictionary and target[actor_id] == actor_id and actor.type in ("organization", "place"):
            person = people.get(fold_name(actor.name))
            if person is not None and person != actor_id:
                typed_apart[actor_id] = person
    persons = {i: a for i, a in records.items() if a.type == "person" and target[i] == i and i not in dictionary}
    seen_dictionary = {i: a for i, a in records.items() if i in dictionary and a.type == "person"}
    for actor_id, cluster_id in _person_clusters(persons, seen_dictionary).items():
        target[actor_id] = cluster_id
    for actor_id, person in typed_apart.items():
        target[actor_id] = target[person]
    groups: dict[str, list[str]] = defaultdict(list)
    for actor_id, cluster_id in target.items():
        groups[cluster_id].append(actor_id)
    merged: dict[str, Actor] = {}
    mapping: dict[str, str] = {}
    for cluster_id, members in groups.items():
        final = _final_actor(cluster_id, sorted(members), records, versions, documents, dictionary)
        merged[final.id] = final
        for member in members:
            mapping[member] = final.id
    resolved = resolve_placeholders(
        learned, lambda i: mapping.get(i, i), lambda i: i in merged and merged[i].type == "person"
    )
    for placeholder, actor in sorted(placeholders.items()):
        found = resolved.get(placeholder)
        if found is None:  # an office of no known state or organization: it stays an unnamed official
            merged.setdefault(placeholder, actor)
            mapping[placeholder] = placeholder
            continue
        if found.actor not in merged:
            merged[found.actor] = dictionary.actor(found.actor)
        mapping[placeholder] = found.actor
    return sorted(merged.values(), key=lambda a: a.id), dict(sorted(mapping.items())), resolved


def _final_actor(
    cluster_id: str,
    members: list[str],
    records: dict[str, Actor],
    versions: dict[str, list[Actor]],
    documents: Counter,
    dictionary: ActorDictionary,
) -> Actor:
    all_versions = [v for m in members for v in versions.get(m, ())]
    learned_roles = sorted({r for v in all_versions for r in v.roles})
    learned_country = _majority(v.country for v in all_versions)
    if cluster_id in dictionary:
        base = dictionary.actor(cluster_id)
        aliases = tuple(dict.fromkeys((*base.aliases, *sorted({records[m].name for m in members} - {base.name}))))
        update: dict[str, object] = {"aliases": aliases}
        if not base.roles and learned_roles:
            update["roles"] = tuple(learned_roles)
        if base.country is None and learned_country and base.type == "person":
            update["country"] = learned_country
        return base.model_copy(update=update)
    head = _canonical(members, records, documents)
    base = records[head]
    aliases = tuple(sorted({records[m].name for m in members} - {base.name}))
    return base.model_copy(update={"aliases": aliases, "roles": tuple(learned_roles), "country": learned_country})
