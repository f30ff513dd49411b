"""The data behind the interactive page: vis-network nodes, edges and options, built with pyvis.

Edges, their evidence levels, styles and legends come from
:mod:`diplograph.exports.vis_edges`. Nodes carry the actor's fields and every
name the actor dictionary knows for it (``forms``: aliases, metonyms such as
"Kremlin", demonyms such as "Russian"), which the page's search box matches.
Node sizes follow a centrality measure computed, as every analysis, on
asserted factual relations.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pyvis.edge import Edge
from pyvis.network import Network

from diplograph.base.errors import InputError
from diplograph.exports._prepare import filter_graph, size_scores, top_actors
from diplograph.exports.layout import force_layout
from diplograph.exports.palette import ACTOR_STYLES, actor_style
from diplograph.exports.vis_edges import level_legend, page_edges, relation_legend
from diplograph.graph.filters import DateArg, Names
from diplograph.graph.relation_graph import RelationGraph

__all__ = ["PageData", "build_page_data", "LAYOUT_THRESHOLD"]

#: Above this many actors the layout is computed in Python and browser physics is off
#: (browser stabilisation takes seconds per hundred actors; see benchmarks/bench_html.py).
LAYOUT_THRESHOLD = 500

_TEXT_COLOR = "#1f2933"
#: At most this many dictionary names per actor are embedded for the search box.
_MAX_FORMS = 40
_FONT_FACE = "Inter, 'Segoe UI', system-ui, -apple-system, Helvetica, Arial, sans-serif"


@dataclass
class PageData:
    """Everything the page template needs, as plain JSON-ready values."""

    title: str
    size_by: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    evidence: dict[str, list[dict[str, Any]]]
    relation_types: list[dict[str, Any]]
    actor_types: list[dict[str, Any]]
    levels: list[dict[str, Any]]
    physics: bool
    note: str | None = None
    date_range: tuple[str, str] | None = None
    filters: dict[str, Any] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        """The JSON object embedded in the page."""
        return {
            "title": self.title,
            "sizeBy": self.size_by,
            "note": self.note,
            "physics": self.physics,
            "dateRange": list(self.date_range) if self.date_range else None,
            "filters": self.filters,
            "relationTypes": self.relation_types,
            "actorTypes": self.actor_types,
            "levels": self.levels,
            "nodes": self.nodes,
            "edges": self.edges,
            "evidence": self.evidence,
            "options": self.options,
        }


def build_page_data(
    g: RelationGraph,
    *,
    size_by: str = "pagerank",
    relation: Names = None,
    since: DateArg = None,
    until: DateArg = None,
    top: int | None = None,
    title: str | None = None,
    physics: bool | None = None,
    max_evidence: int = 50,
) -> PageData:
    """Select, score, prune and lay out ``g``; return the page's data.

    These are the options of :func:`diplograph.exports.html.render_html`.

    Args:
        g: the graph to draw.
        size_by: centrality measure that sizes the nodes (``pagerank``,
            ``degree``, ``in_degree``, ``out_degree``, ``betweenness``,
            ``eigenvector``, ``closeness``).
        relation: keep only this relation type (or these types).
        since: keep only relations dated on or after this day (``YYYY-MM-DD``).
        until: keep only relations dated on or before this day.
        top: keep only the ``top`` actors with the highest ``size_by`` score;
            the page says how much was left out.
        title: page title (default ``"Relation graph"``).
        physics: run the browser's force simulation. By default it runs up to
            500 actors (:data:`LAYOUT_THRESHOLD`); larger graphs are laid out
            in Python and drawn still.
        max_evidence: evidence sentences embedded per edge (the count of all
            reports is always shown).

    Raises:
        LookupFailed: unknown relation type or size measure.
        ConfigError: a date that is not ``YYYY-MM-DD``.
        InputError: ``top`` or ``max_evidence`` below 1.
    """
    if max_evidence < 1:
        raise InputError(f"max_evidence must be at least 1, not {max_evidence}")
    view = filter_graph(g, relation=relation, since=since, until=until)
    scores = size_scores(view, size_by)
    names = dict(zip(view.actors_table["id"], view.actors_table["name"], strict=True))
    note = None
    if top is not None and top < len(scores):
        kept = set(top_actors(scores, names, top))
        relations = view.relations_table
        inside = relations["source"].isin(kept) & relations["target"].isin(kept)
        note = (
            f"Showing the {len(kept):,} most central actors by {size_by} out of {len(scores):,} "
            f"({int(inside.sum()):,} of {len(relations):,} relations)."
        )
        view = RelationGraph(
            view.actors_table[view.actors_table["id"].isin(kept)],
            relations[inside],
            ontology=g.ontology,
            dictionary=g.dictionary,
        )
        scores = {actor: scores[actor] for actor in view.actors_table["id"]}
    use_physics = len(scores) <= LAYOUT_THRESHOLD if physics is None else physics
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    _add_nodes(net, view, scores)
    contested = frozenset(view.contested()["id"])
    edges, evidence = page_edges(view, max_evidence=max_evidence, contested=contested)
    for edge in edges:
        # pyvis' add_edge scans the whole node list per edge (quadratic on big graphs);
        # every endpoint is a known actor here, so build its Edge directly.
        net.edges.append(Edge(edge.pop("from"), edge.pop("to"), net.directed, **edge).options)
    if not use_physics:
        _place_nodes(net)
    net.options = _options(use_physics, len(net.nodes), len(net.edges))
    nodes, vis_edges, _heading, _height, _width, options = net.get_network_data()
    dates = sorted(date for edge in vis_edges for date in edge["dates"])
    return PageData(
        title=title or "Relation graph",
        size_by=size_by,
        nodes=nodes,
        edges=vis_edges,
        options=json.loads(options),
        evidence=evidence,
        relation_types=relation_legend(view, vis_edges),
        actor_types=_actor_legend(nodes),
        levels=level_legend(vis_edges),
        physics=use_physics,
        note=note,
        date_range=(dates[0], dates[-1]) if dates else None,
        filters={
            "relation": [relation] if isinstance(relation, str) else list(relation or []),
            "since": str(since) if since else None,
            "until": str(until) if until else None,
        },
    )


def _search_forms(view: RelationGraph, actor_id: str, known: set[str]) -> list[str]:
    """The dictionary's names of an actor that its name and aliases do not already hold."""
    forms = [f for f in view.names_of(actor_id) if f.casefold() not in known]
    return forms[:_MAX_FORMS]


def _add_nodes(net: Network, view: RelationGraph, scores: dict[str, float]) -> None:
    low, high = (min(scores.values()), max(scores.values())) if scores else (0.0, 0.0)
    for actor in view.iter_actors():
        known = {actor.name.casefold(), *(a.casefold() for a in actor.aliases)}
        style = actor_style(actor.type)
        score = scores.get(actor.id, 0.0)
        value = math.sqrt((score - low) / (high - low)) if high > low else 0.5
        details = " · ".join(part for part in (style.label, actor.country) if part)
        net.add_node(
            actor.id,
            label=actor.name,
            shape=style.shape,
            color=_node_color(style.color),
            value=round(value, 4),
            title=f"{actor.name}\n{details}",
            atype=actor.type,
            country=actor.country,
            aliases=list(actor.aliases),
            forms=_search_forms(view, actor.id, known),
            roles=list(actor.roles),
            wikidata=actor.wikidata,
            score=round(score, 6),
        )


def _node_color(fill: str) -> dict[str, Any]:
    return {
        "background": fill,
        "border": "#ffffff",
        "highlight": {"background": fill, "border": _TEXT_COLOR},
        "hover": {"background": fill, "border": _TEXT_COLOR},
    }


def _place_nodes(net: Network) -> None:
    ids = [node["id"] for node in net.nodes]
    positions = force_layout(ids, ((edge["from"], edge["to"]) for edge in net.edges))
    for node in net.nodes:
        node["x"], node["y"] = positions[node["id"]]
        node["physics"] = False


def _options(physics: bool, count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options; big graphs get small labels for minor actors and fainter edges."""
    crowded = count > 150
    return {
        "autoResize": True,
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"face": _FONT_FACE, "color": _TEXT_COLOR, "size": 14, "strokeWidth": 4, "strokeColor": "#ffffff"},
            "scaling": {
                "min": 10,
                "max": 44,
                "label": {
                    "enabled": True,
                    "min": 7 if crowded else 12,
                    "max": 30 if crowded else 24,
                    "drawThreshold": 6,
                    "maxVisible": 30,
                },
            },
        },
        "edges": {
            "arrowStrikethrough": False,
            "arrows": {"to": {"scaleFactor": 0.55}},
            "selectionWidth": 2,
            "hoverWidth": 0.8,
            "smooth": {"enabled": False},
            "color": {"opacity": 0.85 if edge_count <= 400 else 0.6 if edge_count <= 3000 else 0.4},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 200,
            "hideEdgesOnDrag": count > 2000,
            "hideEdgesOnZoom": count > 2000,
            "multiselect": False,
        },
        "layout": {"randomSeed": 7, "improvedLayout": count <= 100},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.012,
                "springLength": 110,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.6,
            },
            "stabilization": {
                "enabled": physics,
                "iterations": 300 if count <= 100 else 200 if count <= 300 else 150,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _actor_legend(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[node["atype"]] += 1
    order = list(ACTOR_STYLES)
    legend = []
    for name in sorted(counts, key=lambda t: (order.index(t) if t in order else len(order), t)):
        style = actor_style(name)
        legend.append({"name": name, "label": style.label, "color": style.color, "shape": style.shape, "count": counts[name]})
    return legend
