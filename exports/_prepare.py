"""Pick the part of a graph to draw and score its actors for node sizing.

Used by :mod:`diplograph.exports.vis_data` to build the interactive page
(which ``render_html``, ``write_html``, ``notebook_display`` and ``g.show()``
all draw); the filtering and the centrality measures are the graph's own
(``RelationGraph.subgraph`` and ``RelationGraph.centrality``), so the page
agrees with the reports.
"""

from __future__ import annotations

import difflib

from diplograph.base.errors import InputError, LookupFailed
from diplograph.graph.centrality import MEASURES
from diplograph.graph.filters import DateArg, Names
from diplograph.graph.relation_graph import RelationGraph

__all__ = ["filter_graph", "size_scores", "top_actors"]


def filter_graph(
    g: RelationGraph,
    *,
    relation: Names = None,
    since: DateArg = None,
    until: DateArg = None,
) -> RelationGraph:
    """Return the graph restricted to some relation types and an inclusive date range.

    Without any filter the graph is returned unchanged (isolated actors stay);
    with one, only the actors taking part in a kept relation remain.
    """
    if relation is None and since is None and until is None:
        return g
    return g.subgraph(relation=relation, since=since, until=until)


def size_scores(g: RelationGraph, size_by: str) -> dict[str, float]:
    """Return ``{actor id: score}`` for every actor, by the centrality measure ``size_by``.

    Raises:
        LookupFailed: ``size_by`` is not a centrality measure (with the closest one).
    """
    if size_by not in MEASURES:
        close = difflib.get_close_matches(size_by, MEASURES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise LookupFailed(f"unknown size measure {size_by!r}{hint} (choose from {', '.join(MEASURES)})")
    if len(g) == 0:
        return {}
    frame = g.centrality(measures=(size_by,))
    scores = dict(zip(frame["actor"], frame[size_by].astype(float), strict=True))
    return {actor: scores.get(actor, 0.0) for actor in g.actors_table["id"]}


def top_actors(scores: dict[str, float], names: dict[str, str], top: int) -> list[str]:
    """Return the ids of the ``top`` highest-scoring actors (ties broken by name, then id)."""
    if top < 1:
        raise InputError(f"top must be a positive number of actors, not {top}")
    ranked = sorted(scores, key=lambda actor: (-scores[actor], names.get(actor, actor).casefold(), actor))
    return ranked[:top]
