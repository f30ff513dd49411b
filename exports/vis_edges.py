"""The page's edges: relation records grouped into drawn lines, with their evidence and styles.

Relations are drawn as one edge per (source, target, relation type, evidence
level); symmetric types (``meets``, ``negotiates``) are drawn once per
unordered pair. The evidence level of a record is ``negated`` when it is
negated, else its modality (``factual``, ``planned``, ``hypothetical``), and
each level has a line style of its own (:data:`LEVEL_DASHES`): solid for what
is reported as having happened, dotted for plans, dash-dot for hypotheses,
dashed for denials. Edges holding records of a contested relation (see
:mod:`diplograph.graph.contested`) carry ``contested: true`` and a red halo.

Each edge carries the number of relation records it stands for (its width),
their dates (for the date filter) and their evidence (for the side panel).
Several edges between the same two actors are drawn as curves bent by
different amounts, so they never overlap.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from diplograph.base.models import Relation
from diplograph.exports.palette import QUAD_CLASS_LABELS, relation_colors
from diplograph.graph.relation_graph import RelationGraph

__all__ = ["LEVELS", "LEVEL_DASHES", "CONTESTED_SHADOW", "evidence_level", "page_edges", "relation_legend", "level_legend"]

#: Evidence levels in display order, with their legend labels.
LEVELS: Mapping[str, str] = MappingProxyType(
    {
        "factual": "happened (asserted, factual)",
        "planned": "planned",
        "hypothetical": "hypothetical",
        "negated": "denied (negated)",
    }
)
#: vis-network ``dashes`` of each level (solid lines store nothing).
LEVEL_DASHES: Mapping[str, Any] = MappingProxyType(
    {"planned": [2, 5], "hypothetical": [12, 4, 2, 4], "negated": [8, 6]}
)
#: The halo of the edges of contested relations.
CONTESTED_SHADOW: Mapping[str, Any] = MappingProxyType(
    {"enabled": True, "color": "rgba(220, 38, 38, 0.75)", "size": 9, "x": 0, "y": 0}
)

Key = tuple[str, str, str, str]


def evidence_level(rel: Relation) -> str:
    """``negated`` for a negated record, else its modality."""
    return "negated" if rel.polarity == "negated" else rel.modality


def page_edges(
    view: RelationGraph, *, max_evidence: int, contested: frozenset[str] = frozenset()
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Group relation records into drawn edges; return the edges and their evidence.

    Args:
        view: the graph to draw.
        max_evidence: evidence items embedded per edge.
        contested: ids of the records of contested relations.

    Curves and dashes are stored only on the edges that have them (straight
    and solid are the page-wide defaults), which keeps large pages small; the
    arrow (``"to"``, or none for symmetric types) is given on every edge.
    """
    ontology = view.ontology
    colors = relation_colors(ontology)
    known = set(view.actors_table["id"])
    groups: dict[Key, list[Relation]] = defaultdict(list)
    for rel in view.iter_relations():
        source, target = rel.source, rel.target
        if source not in known or target not in known:
            continue  # a relation to an actor missing from the actors table cannot be drawn
        if rel.relation in ontology and ontology[rel.relation].symmetric and target < source:
            source, target = target, source
        groups[(source, target, rel.relation, evidence_level(rel))].append(rel)
    order = {name: i for i, name in enumerate(ontology)}
    levels = list(LEVELS)
    keys = sorted(
        groups,
        key=lambda k: (min(k[0], k[1]), max(k[0], k[1]), order.get(k[2], len(order)), k[2], levels.index(k[3]), k[0]),
    )
    curves = _curves(keys)
    edges, evidence = [], {}
    for number, key in enumerate(keys):
        source, target, name, level = key
        records = sorted(groups[key], key=lambda r: (r.date is None, r.date or dt.date.min, r.doc, r.sentence))
        edge_id = f"e{number}"
        color = colors.get(name, "#888888")
        edge: dict[str, Any] = {
            "from": source,
            "to": target,
            "id": edge_id,
            "rel": name,
            "pol": "negated" if level == "negated" else "asserted",
            "lvl": level,
            "n": len(records),
            "dates": sorted({r.date.isoformat() for r in records if r.date is not None}),
            "color": {"color": color, "highlight": color, "hover": color},
            "width": round(min(1.5 + 1.6 * math.log2(len(records)), 9.0), 2),
            "arrows": "" if name in ontology and ontology[name].symmetric else "to",
        }
        if level in LEVEL_DASHES:
            edge["dashes"] = list(LEVEL_DASHES[level])
        if any(r.id in contested for r in records):
            edge["contested"] = True
            edge["shadow"] = dict(CONTESTED_SHADOW)
        if key in curves:
            edge["smooth"] = curves[key]
        edges.append(edge)
        evidence[edge_id] = [_evidence_item(r) for r in records[:max_evidence]]
    return edges, evidence


def _curves(keys: list[Key]) -> dict[Key, dict[str, Any]]:
    """Bend edges between the same two actors by different amounts, on both sides of the line.

    Returns the vis ``smooth`` option of every edge that shares its pair of actors
    (an edge alone between two actors stays straight).
    """
    by_pair: dict[tuple[str, str], list[Key]] = defaultdict(list)
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
    """One report for the side panel; default modality, full confidence, no speaker and no CAMEO code are left out."""
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
    if rel.cameo:
        item["cameo"] = rel.cameo
    return item


def relation_legend(view: RelationGraph, edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One legend entry per relation type drawn, in quad-class then ontology order, with its report count."""
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
        })  # fmt: skip
    return legend


def level_legend(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One legend entry per evidence level (all four, even when absent), with its line style and report count."""
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge["lvl"]] += edge["n"]
    return [
        {"name": level, "label": label, "dashes": list(LEVEL_DASHES.get(level, [])), "count": counts[level]}
        for level, label in LEVELS.items()
    ]
