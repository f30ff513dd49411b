"""Merging actors across documents into one node per real actor."""

from __future__ import annotations

from collections.abc import Iterable

from diplograph.actors.dictionary import ActorDictionary
from diplograph.models import Actor

__all__ = ["merge_actors"]


def merge_actors(
    actor_sets: Iterable[dict[str, Actor]], dictionary: ActorDictionary
) -> tuple[list[Actor], dict[str, str]]:
    """Merge per-document actors into one list.

    Args:
        actor_sets: the ``DocActors.actors`` mapping of each document, in corpus order.
        dictionary: the actor dictionary in use.

    Returns:
        The merged actors sorted by id, and a mapping from every provisional
        id to its final id (identity for ids that were kept).
    """
    merged: dict[str, Actor] = {}
    mapping: dict[str, str] = {}
    for actors in actor_sets:
        for actor_id, actor in actors.items():
            merged.setdefault(actor_id, actor)
            mapping[actor_id] = actor_id
    return sorted(merged.values(), key=lambda a: a.id), mapping
