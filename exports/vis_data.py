"""The data behind the interactive page: vis-network nodes, edges and options, built with pyvis.

Relations are drawn as one edge per (source, target, relation type, polarity);
symmetric types (``meets``, ``negotiates``) are drawn once per unordered pair.
Each edge carries the number of relation records it stands for (its width),
their dates (for the date filter) and their evidence (for the side panel).
Several edges between the same two actors are drawn as curves bent by
different amounts, so they never overlap.
"""

from __future__ import annotations

import datetime as dt
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
from diplograph.exports.palette import ACTOR_STYLES, QUAD_CLASS_LABELS, actor_style, relation_colors
from diplograph.base.models import Relation
from diplograph.graph.filters import DateArg, Names
from diplograph.graph.relation_graph import RelationGraph

__all__ = ["PageData", "build_page_data", "LAYOUT_THRESHOLD"]

#: Above this many actors the layout is computed in Python and browser physics is off
#: (browser stabilisation takes seconds per hundred actors; see benchmarks/bench_html.py).
LAYOUT_THRESHOLD = 500

_TEXT_COLOR = "#1f2933"
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
    edges, evidence = _edges(view, max_evidence=max_evidence)
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
        relation_types=_relation_legend(view, vis_edges),
        actor_types=_actor_legend(nodes),
        physics=use_physics,
        note=note,
        date_range=(dates[0], dates[-1]) if dates else None,
        filters={
            "relation": [relation] if isinstance(relation, str) else list(relation or []),
            "since": str(since) if since else None,
            "until": str(until) if until else None,
        },
    )


def _add_nodes(net: Network, view: RelationGraph, scores: dict[str, float]) -> None:
    low, high = (min(scores.values()), max(scores.values())) if scores else (0.0, 0.0)
    for actor in view.iter_actors():
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


def _edges(view: RelationGraph, *, max_evidence: int) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Group relation records into drawn edges; return the edges and their evidence.

    Curves and dashes are stored only on the edges that have them (straight
    and solid are the page-wide defaults), which keeps large pages small; the
    arrow (``"to"``, or none for symmetric types) is given on every edge.
    """
    ontology = view.ontology
    colors = relation_colors(ontology)
    known = set(view.actors_table["id"])
    groups: dict[tuple[str, str, str, str], list[Relation]] = defaultdict(list)
    for rel in view.iter_relations():
        source, target = rel.source, rel.target
        if source not in known or target not in known:
            continue  # a relation to an actor missing from the actors table cannot be drawn
        if rel.relation in ontology and ontology[rel.relation].symmetric and target < source:
            source, target = target, source
        groups[(source, target, rel.relation, rel.polarity)].append(rel)
    order = {name: i for i, name in enumerate(ontology)}
    keys = sorted(groups, key=lambda k: (min(k[0], k[1]), max(k[0], k[1]), order.get(k[2], len(order)), k[2], k[3], k[0]))
    curves = _curves(keys)
    edges, evidence = [], {}
    for number, key in enumerate(keys):
        source, target, name, polarity = key
        records = sorted(groups[key], key=lambda r: (r.date is None, r.date or dt.date.min, r.doc, r.sentence))
        edge_id = f"e{number}"
        color = colors.get(name, "#888888")
        edge: dict[str, Any] = {
            "from": source,
            "to": target,
            "id": edge_id,
            "rel": name,
            "pol": polarity,
            "n": len(records),
            "dates": sorted({r.date.isoformat() for r in records if r.date is not None}),
            "color": {"color": color, "highlight": color, "hover": color},
            "width": round(min(1.5 + 1.6 * math.log2(len(records)), 9.0), 2),
            "arrows": "" if name in ontology and ontology[name].symmetric else "to",
        }
        if polarity == "negated":
            edge["dashes"] = True
        if key in curves:
            edge["smooth"] = curves[key]
        edges.append(edge)
        evidence[edge_id] = [_evidence_item(r) for r in records[:max_evidence]]
    return edges, evidence


def _curves(keys: list[tuple[str, str, str, str]]) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """Bend edges between the same two actors by different amounts, on both sides of the line.

    Returns the vis ``smooth`` option of every edge that shares its pair of actors
    (an edge alone between two actors stays straight).
    """
    by_pair: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    for key in keys:
        by_pair[(min(key[0], key[1]), max(key[0], key[1]))].append(key)
    curves = {}
    for (low, _high), members in by_pair.items():
        count = len(members)
        if count == 1:
            continue
        for i, key in enumerate(members):
            offset = (i - (count - 1) / 2) * 0.3
            if offset == 0:
                curves[key] = {"enabled": False}
                continue
            clockwise = (offset > 0) == (key[0] == low)
            curves[key] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW", "roundness": round(abs(offset), 3)}
    return curves


def _evidence_item(rel: Relation) -> dict[str, Any]:
    """One report for the side panel; default modality, full confidence and no speaker are left out."""
    item: dict[str, Any] = {
        "text": rel.evidence,
        "doc": rel.doc,
        "sentence": rel.sentence,
        "date": rel.date.isoformat() if rel.date is not None else None,
    }
    if rel.modality != "factual":
        item["modality"] = rel.modality
    if rel.attributed_to:
        item["speaker"] = rel.attributed_to
    if rel.confidence < 1.0:
        item["confidence"] = round(rel.confidence, 3)
    return item


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


def _relation_legend(view: RelationGraph, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ontology = view.ontology
    colors = relation_colors(ontology)
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge["rel"]] += edge["n"]
    order = list(ontology)
    quads = list(QUAD_CLASS_LABELS)

    def rank(name: str) -> tuple[int, int, str]:
        if name not in ontology:
            return len(quads), 0, name
        return quads.index(ontology[name].quad_class), order.index(name), name

    legend = []
    for name in sorted(counts, key=rank):
        known = name in ontology
        quad = ontology[name].quad_class if known else "verbal_cooperation"
        legend.append({
            "name": name,
            "color": colors.get(name, "#888888"),
            "quadClass": quad,
            "quadLabel": QUAD_CLASS_LABELS[quad],
            "symmetric": known and ontology[name].symmetric,
            "description": ontology[name].description if known else "",
            "count": counts[name],
        })
    return legend


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
