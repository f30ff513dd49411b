"""Export a RelationGraph for other tools: GEXF, GraphML, node-link JSON, CSV and Parquet.

==========  ======================================================================
format      what is written
==========  ======================================================================
``gexf``    one file for Gephi. Actors are nodes, every relation record is an edge
            (its id is the relation id). Dated relations carry ``start``/``end``
            = their day and actors start at their first dated relation, so
            Gephi's timeline plays the graph over time. Nodes and edges carry the
            diplograph colours.
``graphml`` one file for yEd, Cytoscape, igraph. Same nodes and edges.
``json``    node-link JSON (``networkx.node_link_graph(data, edges="edges")``
            reads it) holding every actor and relation field and the ontology;
            :func:`read_json` loads it back into an identical RelationGraph.
``csv``     a folder with ``actors.csv`` and ``relations.csv`` (see
            :mod:`diplograph.exports.tabular` for the formula-injection guard).
``parquet`` a folder with ``actors.parquet`` and ``relations.parquet`` (needs
            pyarrow).
==========  ======================================================================

GEXF and GraphML cannot hold lists or nulls: tuple fields (``aliases``,
``roles``, ``members``, ``span``, ``spans``) are written as JSON array strings,
dates as ISO ``YYYY-MM-DD`` strings, and a missing value (None) is written as
no ``<data>``/``<attvalue>`` element at all, which both formats define as "no
value". Characters XML cannot hold (control characters in news text) become
U+FFFD there (:func:`~diplograph.exports.targets.xml_text`); JSON, CSV and
Parquet keep the text unchanged. Every record carries its ``modality`` and
``cameo`` code; GEXF and GraphML edges add ``contested`` (True for the
records of a contested relation, see :mod:`diplograph.graph.contested`).
"""

from __future__ import annotations

import difflib
import json
import os
from types import MappingProxyType
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from pydantic import ValidationError

from diplograph.base.version import __version__
from diplograph.base.errors import InputError
from diplograph.exports.palette import actor_style, hex_to_rgb, relation_colors
from diplograph.exports.tabular import graph_records, write_csv, write_parquet
from diplograph.exports.targets import file_target, folder_target, xml_text
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.io import atomic_writer, format_validation_error, write_text
from diplograph.base.models import Actor, Relation
from diplograph.relations.ontology import Ontology, default_ontology

if TYPE_CHECKING:
    from diplograph.actors.dictionary import ActorDictionary

__all__ = ["FORMATS", "export", "read_json", "to_flat_multigraph", "node_link_data"]

#: Export formats, in the order the CLI lists them.
FORMATS: tuple[str, ...] = ("gexf", "graphml", "json", "csv", "parquet")

_SUFFIXES = MappingProxyType({".gexf": "gexf", ".graphml": "graphml", ".json": "json"})
_JSON_KIND = "diplograph-node-link"


def export(g: RelationGraph, path: str | os.PathLike[str], format: str | None = None) -> Path:  # noqa: A002
    """Write ``g`` to ``path`` in ``format`` atomically; return what was written.

    Args:
        g: the graph.
        path: a file for gexf, graphml and json; a folder for csv and parquet.
        format: one of :data:`FORMATS`; by default guessed from the suffix of ``path``.

    Raises:
        InputError: unknown format, or none given and none guessable.
        OutputError: a file format given an existing folder, or a folder format an existing file.
        DiplographError: parquet without pyarrow installed.
    """
    target = Path(path)
    chosen = _format(format, target)
    if chosen in ("csv", "parquet"):
        folder_target(target)
    else:
        file_target(target, f"graph.{chosen}")
    if chosen == "gexf":
        with atomic_writer(target, mode="wb", encoding=None) as handle:
            nx.write_gexf(to_flat_multigraph(g, dynamic=True), handle)
        return target
    if chosen == "graphml":
        with atomic_writer(target, mode="wb", encoding=None) as handle:
            nx.write_graphml(to_flat_multigraph(g, dynamic=False), handle)
        return target
    if chosen == "json":
        return write_text(target, json.dumps(node_link_data(g), ensure_ascii=False, indent=1) + "\n")
    if chosen == "csv":
        return write_csv(g, target)
    return write_parquet(g, target)


def read_json(path: str | os.PathLike[str], *, dictionary: ActorDictionary | None = None) -> RelationGraph:
    """Load a graph written by ``export(g, path, "json")``.

    The file holds the ontology but not the actor dictionary: pass the build's
    ``dictionary`` for name lookups through its metonyms (None: the built-in one).

    Raises:
        InputError: one line naming the file and what is wrong with it.
    """
    source = Path(path)
    try:
        data = json.loads(source.read_text("utf-8"))
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{source}: not valid JSON ({exc})") from None
    if not (isinstance(data, dict) and isinstance(data.get("nodes"), list) and isinstance(data.get("edges"), list)):
        raise InputError(f"{source}: not a node-link JSON file (needs 'nodes' and 'edges' lists)")
    graph_info = data.get("graph") if isinstance(data.get("graph"), dict) else {}
    try:
        ontology = Ontology.model_validate(graph_info["ontology"]) if "ontology" in graph_info else default_ontology()
        actors = [Actor.model_validate(node) for node in data["nodes"]]
        relations = [Relation.model_validate(_without_key(edge)) for edge in data["edges"]]
    except ValidationError as exc:
        raise InputError(format_validation_error(source, exc)) from None
    return RelationGraph.from_records(actors, relations, ontology=ontology, dictionary=dictionary)


def node_link_data(g: RelationGraph) -> dict[str, Any]:
    """Return the node-link dict of :func:`export`'s JSON format (every field, plus the ontology)."""
    actors, relations = graph_records(g)
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"kind": _JSON_KIND, "diplograph": __version__, "ontology": g.ontology.model_dump(mode="json")},
        "nodes": [actor.model_dump(mode="json") for actor in actors],
        "edges": [{**relation.model_dump(mode="json"), "key": relation.id} for relation in relations],
    }


def to_flat_multigraph(g: RelationGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """Return a MultiDiGraph whose attributes are only strings, numbers and booleans.

    One node per actor, one edge per relation record keyed by its id. With
    ``dynamic=True`` the graph is marked for GEXF's dynamic mode, dated edges get
    ``start`` = ``end`` = their ISO date and actors get ``start`` = their first
    dated relation, plus GEXF ``viz`` colours.
    """
    actors, relations = graph_records(g)
    colors = relation_colors(g.ontology)
    contested = frozenset(g.contested()["id"])
    first_seen: dict[str, str] = {}
    for relation in relations:
        if relation.date is not None:
            day = relation.date.isoformat()
            for actor in (relation.source, relation.target):
                first_seen[actor] = min(first_seen.get(actor, day), day)
    graph = nx.MultiDiGraph(name="diplograph relation graph")
    if dynamic:
        graph.graph["mode"] = "dynamic"
    for actor in actors:
        attrs = _flat(actor.model_dump(exclude={"id"}))
        attrs["label"] = xml_text(actor.name)
        if dynamic:
            attrs["viz"] = {"color": _viz_color(actor_style(actor.type).color)}
            if actor.id in first_seen:
                attrs["start"] = first_seen[actor.id]
        graph.add_node(xml_text(actor.id), **attrs)
    for relation in relations:
        attrs = _flat(relation.model_dump(exclude={"id", "source", "target"}))
        known = relation.relation in g.ontology
        if known:
            attrs["quad_class"] = g.ontology[relation.relation].quad_class
            attrs["goldstein"] = g.ontology[relation.relation].weight
        attrs["label"] = relation.relation
        attrs["contested"] = relation.id in contested
        if dynamic:
            attrs["id"] = xml_text(relation.id)  # the GEXF edge id
            attrs["viz"] = {"color": _viz_color(colors.get(relation.relation, "#888888"))}
            if relation.date is not None:
                attrs["start"] = attrs["end"] = relation.date.isoformat()
        graph.add_edge(xml_text(relation.source), xml_text(relation.target), key=xml_text(relation.id), **attrs)
    return graph


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    """Drop None, write tuples as JSON arrays and dates as ISO strings; text made XML-safe."""
    flat = {}
    for key, value in record.items():
        if value is None:
            continue
        if isinstance(value, tuple):
            flat[key] = xml_text(json.dumps(value, ensure_ascii=False))
        elif hasattr(value, "isoformat"):
            flat[key] = value.isoformat()
        elif isinstance(value, str):
            flat[key] = xml_text(value)
        else:
            flat[key] = value
    return flat


def _viz_color(color: str) -> dict[str, Any]:
    r, g, b = hex_to_rgb(color)
    return {"r": r, "g": g, "b": b, "a": 1.0}


def _without_key(edge: Any) -> Any:
    if isinstance(edge, dict):
        return {k: v for k, v in edge.items() if k != "key"}
    return edge


def _format(format: str | None, target: Path) -> str:  # noqa: A002
    if format is None:
        guessed = _SUFFIXES.get(target.suffix.lower())
        if guessed is None:
            raise InputError(f"{target}: cannot tell the export format from the name; choose one of {', '.join(FORMATS)}")
        return guessed
    name = format.lower().lstrip(".")
    if name not in FORMATS:
        close = difflib.get_close_matches(name, FORMATS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InputError(f"unknown export format {format!r}{hint} (choose from {', '.join(FORMATS)})")
    return name
