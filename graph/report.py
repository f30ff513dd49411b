"""The centrality report: who matters, in which groups, how balanced, on what evidence.

:func:`report_data` gathers every section as tables (a
:class:`~diplograph.graph.report_formats.ReportData`); :func:`render_report`
turns them, with the writers of :mod:`diplograph.graph.report_formats`, into
Markdown (readable on its own), CSV (one tidy table, safe to open in a
spreadsheet), JSON or a standalone HTML page. Every ranked line carries its
evidence counts: how many relation records and documents back it.

``ReportData``, ``safe_csv`` and ``MEASURE_DESCRIPTIONS`` are re-exported here
from their homes (:mod:`~diplograph.graph.report_formats`,
:mod:`~diplograph.graph.centrality`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.centrality import MEASURE_DESCRIPTIONS, MEASURES
from diplograph.graph.filters import Names
from diplograph.graph.labels import mix_labels
from diplograph.graph.query import DISPLAY_COLUMNS
from diplograph.graph.report_formats import ReportData, safe_csv, to_csv, to_html, to_json, to_markdown

if TYPE_CHECKING:
    from diplograph.graph.relation_graph import RelationGraph

__all__ = [
    "REPORT_FORMATS",
    "MEASURE_DESCRIPTIONS",
    "ReportData",
    "report_data",
    "render_report",
    "query_table",
    "safe_csv",
]

REPORT_FORMATS: tuple[str, ...] = ("md", "csv", "json", "html")
_RENDERERS = {"md": to_markdown, "csv": to_csv, "json": to_json, "html": to_html}


def _distinct_per_key(keys: np.ndarray, docs: np.ndarray, size: int) -> np.ndarray:
    """Number of distinct documents per integer key."""
    if keys.size == 0:
        return np.zeros(size, dtype=np.int64)
    pairs = np.sort(keys * (int(docs.max()) + 1) + docs)
    pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]  # sorted unique, without hashing
    return np.bincount(pairs // (int(docs.max()) + 1), minlength=size).astype(np.int64)


def _evidence_per_actor(g: RelationGraph) -> pd.DataFrame:
    """Asserted relation records and distinct documents per actor (as source or target), by actor id."""
    derived = g._derived
    codes = derived.codes
    n = len(derived.nodes)
    keep = codes.asserted
    second = keep & (codes.source != codes.target)  # a self-loop counts once
    ends = np.concatenate([codes.source[keep], codes.target[second]])
    docs = np.concatenate([codes.doc[keep], codes.doc[second]])
    return pd.DataFrame(
        {"relations": np.bincount(ends, minlength=n).astype(np.int64), "documents": _distinct_per_key(ends, docs, n)},
        index=derived.nodes,
    )


def _rankings(g: RelationGraph, table: pd.DataFrame, top: int) -> dict[str, pd.DataFrame]:
    """The ``top`` rows of ``table`` for each measure, by rank then name, with evidence counts."""
    evidence = _evidence_per_actor(g)
    position = g._derived.nodes.get_indexer(table["actor"])
    relations = evidence["relations"].to_numpy()[position]
    documents = evidence["documents"].to_numpy()[position]
    by_name = np.empty(len(table), dtype=np.int64)
    by_name[np.argsort(table["name"].to_numpy(dtype=str), kind="stable")] = np.arange(len(table))
    rankings = {}
    for measure in MEASURES:
        best = np.lexsort((by_name, table[f"{measure}_rank"].to_numpy()))[:top]
        ranked = table.iloc[best][["actor", "name", "type", "country", measure, f"{measure}_rank"]]
        ranked = ranked.rename(columns={measure: "value", f"{measure}_rank": "rank"}).reset_index(drop=True)
        ranked["relations"] = relations[best].astype("int64")
        ranked["documents"] = documents[best].astype("int64")
        rankings[measure] = ranked
    return rankings


def dyad_table(g: RelationGraph, top: int) -> pd.DataFrame:
    """The most active actor pairs (asserted relations, either direction) with their evidence counts."""
    columns = ["a", "b", "a_name", "b_name", "relations", "documents", "types", "first", "last"]
    derived = g._derived
    codes = derived.codes
    n = max(len(derived.nodes), 1)
    keep = codes.asserted & (codes.source != codes.target)
    if not keep.any():
        return pd.DataFrame(columns=columns)
    ids = derived.nodes.to_numpy(dtype=object)
    low = np.minimum(codes.source[keep], codes.target[keep])  # pairs in actors-table order
    high = np.maximum(codes.source[keep], codes.target[keep])
    keys, inverse = np.unique(low * n + high, return_inverse=True)
    inverse = inverse.reshape(-1)
    relations = np.bincount(inverse, minlength=keys.size)
    documents = _distinct_per_key(inverse, codes.doc[keep], keys.size)
    best = np.lexsort((keys, -documents, -relations))[:top]
    dyads = pd.DataFrame(
        {
            "key": keys[best],
            "a": ids[keys[best] // n],
            "b": ids[keys[best] % n],
            "relations": relations[best],
            "documents": documents[best],
        }
    )
    # Types and dates only for the pairs shown.
    shown = np.isin(low * n + high, dyads["key"].to_numpy())
    row_keys = (low * n + high)[shown]
    type_names = np.array(codes.types, dtype=object)
    types = mix_labels(row_keys, type_names[codes.relation[keep][shown]])
    when = pd.Series(derived.dates.to_numpy()[keep][shown]).groupby(row_keys)
    dyads["types"] = dyads["key"].map(types).fillna("")
    for column, values in (("first", when.min()), ("last", when.max())):
        dates = dyads["key"].map(values)
        dyads[column] = [d.date() if pd.notna(d) else None for d in dates]
    dyads["a_name"] = derived.index.names_of(dyads["a"])
    dyads["b_name"] = derived.index.names_of(dyads["b"])
    dyads[["relations", "documents"]] = dyads[["relations", "documents"]].astype("int64")
    return dyads[columns]


def mix_tables(g: RelationGraph) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Relation counts by type and by quad class, with negated and document counts."""
    codes = g._derived.codes
    ontology = g.ontology
    n_types = len(codes.types)
    asserted = codes.asserted
    by_type = pd.DataFrame(
        {
            "relation": list(codes.types),
            "relations": np.bincount(codes.relation[asserted], minlength=n_types),
            "negated": np.bincount(codes.relation[~asserted], minlength=n_types),
            "documents": _distinct_per_key(codes.relation, codes.doc, n_types),
        }
    ).set_index("relation")
    order = [name for name in ontology if name in by_type.index]
    by_type = by_type.reindex(order).reset_index()
    by_type["quad_class"] = [ontology[t].quad_class for t in by_type["relation"]]
    by_type["weight"] = [ontology[t].weight for t in by_type["relation"]]
    by_type[["relations", "negated", "documents"]] = by_type[["relations", "negated", "documents"]].astype("int64")
    class_names, class_of_type = np.unique(
        np.array([ontology[t].quad_class for t in codes.types] or [""]), return_inverse=True
    )
    classes = class_of_type.reshape(-1)[codes.relation[asserted]] if n_types else np.zeros(0, dtype=np.int64)
    by_class = pd.DataFrame(
        {
            "quad_class": class_names,
            "relations": np.bincount(classes, minlength=class_names.size).astype("int64"),
            "documents": _distinct_per_key(classes, codes.doc[asserted], class_names.size),
        }
    )
    by_class = by_class.loc[by_class["relations"] > 0]
    by_class = by_class.sort_values(["relations", "quad_class"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
    return by_type, by_class


def report_data(
    g: RelationGraph, *, relation: Names = None, top: int = 20, method: str | None = None
) -> ReportData:
    """Compute every section of the report (restricted to ``relation`` types when given).

    Communities use ``method``; by default Leiden with the igraph engine
    (fast, and its communities are always connected), Louvain with networkx.
    """
    if top < 1:
        raise ConfigError(f"top={top} must be at least 1")
    if method is None:
        method = "leiden" if g.engine == "igraph" else "louvain"
    types = g.ontology.check(relation)
    graph = g if types is None else g.subgraph(relation=types)
    table = graph.centrality()
    members = graph.communities(method=method)
    groups = graph.community_summary(method=method)
    by_type, by_class = mix_tables(graph)
    return ReportData(
        title="diplograph centrality report" + (f" — {', '.join(types)}" if types else ""),
        summary=graph.summary(),
        relation_filter=types,
        engine=graph.engine,
        notes=list(table.attrs.get("notes", [])),
        rankings=_rankings(graph, table, top),
        communities=groups.loc[groups["size"] > 1].head(top),
        community_method=method,
        single_communities=int((groups["size"] == 1).sum()),
        modularity=members.attrs.get("modularity"),
        balance=graph.balance(),
        dyads=dyad_table(graph, top),
        relation_mix=by_type,
        quad_mix=by_class,
    )


def render_report(
    g: RelationGraph, *, format: str = "md", relation: Names = None, top: int = 20
) -> str:
    """Render the centrality report of ``g`` as ``md``, ``csv``, ``json`` or ``html`` text.

    Raises:
        ConfigError: unknown format or ``top`` below 1.
        LookupFailed: unknown relation type.
    """
    if format not in _RENDERERS:
        raise ConfigError(f"unknown report format {format!r}; choose one of: {', '.join(REPORT_FORMATS)}")
    return _RENDERERS[format](report_data(g, relation=relation, top=top))


def query_table(g: RelationGraph, *, full: bool = False, **filters: Any) -> pd.DataFrame:
    """Relations matching ``filters`` (the arguments of :meth:`RelationGraph.relations`) for printing.

    Returns the terminal columns (date, source, relation, target, polarity,
    modality, evidence, doc) unless ``full`` is true; dates become ISO strings.
    """
    frame = g.relations(**filters)
    if not full:
        frame = frame[list(DISPLAY_COLUMNS)].rename(columns={"source_name": "source", "target_name": "target"})
    frame = frame.copy()
    frame["date"] = [d.isoformat() if isinstance(d, dt.date) else "" for d in frame["date"]]
    return frame
