"""The centrality report: who matters, in which groups, how balanced, on what evidence.

:func:`report_data` gathers every section as tables (a
:class:`~diplograph.graph.report_formats.ReportData`); :func:`render_report`
turns them, with the writers of :mod:`diplograph.graph.report_formats`, into
Markdown (readable on its own), CSV (one tidy table, safe to open in a
spreadsheet), JSON or a standalone HTML page. Every ranked line carries its
evidence counts: how many relation records and documents back it.

What the report counts: ties are made of asserted **factual** relations by
default (``modality="all"`` adds planned and hypothetical ones); planned and
hypothetical reports are shown in columns of their own (dyads, relation
mix), negated ones never make ties, and relations that one report asserts
and another denies are listed as contested. Rank tables list the actors
that have ties, without places ("Kharkiv" is a target, not a player;
``places=True`` ranks them too); the actors left out are counted once.

``ReportData``, ``safe_csv`` and ``MEASURE_DESCRIPTIONS`` are re-exported here
from their homes (:mod:`~diplograph.graph.report_formats`,
:mod:`~diplograph.graph.centrality`).
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.centrality import MEASURE_DESCRIPTIONS, MEASURES
from diplograph.graph.contested import contest_summary
from diplograph.graph.dyads import distinct_per_key
from diplograph.graph.filters import ANALYSIS_MODALITY, MODALITIES, ModalityArg, Names, check_names, tie_modalities
from diplograph.graph.query import DISPLAY_COLUMNS
from diplograph.graph.report_formats import ReportData, safe_csv, to_csv, to_html, to_json, to_markdown

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs
    from diplograph.graph.relation_graph import RelationGraph
    from diplograph.relations.ontology import Ontology

__all__ = [
    "REPORT_FORMATS",
    "MEASURE_DESCRIPTIONS",
    "ReportData",
    "report_data",
    "ranked_population",
    "mix_tables",
    "render_report",
    "query_table",
    "safe_csv",
]

REPORT_FORMATS: tuple[str, ...] = ("md", "csv", "json", "html")
_RENDERERS = MappingProxyType({"md": to_markdown, "csv": to_csv, "json": to_json, "html": to_html})


def _evidence_per_actor(derived: DerivedGraphs) -> pd.DataFrame:
    """Tie records and distinct documents per actor (as source or target), by actor id."""
    codes = derived.codes
    n = len(derived.nodes)
    keep = codes.tie
    second = keep & (codes.source != codes.target)  # a self-loop counts once
    ends = np.concatenate([codes.source[keep], codes.target[second]])
    docs = np.concatenate([codes.doc[keep], codes.doc[second]])
    return pd.DataFrame(
        {"relations": np.bincount(ends, minlength=n).astype(np.int64), "documents": distinct_per_key(ends, docs, n)},
        index=derived.nodes,
    )


def ranked_population(derived: DerivedGraphs, places: bool) -> np.ndarray:
    """Mask of the actors the rank tables list: those with ties, places only when ``places``."""
    mask = derived.tied.copy()
    if not places:
        mask &= (derived.actors["type"] != "place").to_numpy()
    return mask


def _rankings(derived: DerivedGraphs, table: pd.DataFrame, top: int, places: bool) -> dict[str, pd.DataFrame]:
    """The ``top`` ranked actors per measure, ranked among the listed population, with evidence counts."""
    evidence = _evidence_per_actor(derived)
    listed = ranked_population(derived, places)[derived.nodes.get_indexer(table["actor"])]
    table = table.loc[listed].reset_index(drop=True)
    position = derived.nodes.get_indexer(table["actor"])
    relations = evidence["relations"].to_numpy()[position]
    documents = evidence["documents"].to_numpy()[position]
    by_name = np.empty(len(table), dtype=np.int64)
    by_name[np.argsort(table["name"].to_numpy(dtype=str), kind="stable")] = np.arange(len(table))
    rankings = {}
    for measure in MEASURES:
        values = table[measure]
        rank = values.rank(method="min", ascending=False).astype("int64").to_numpy() if len(table) else np.zeros(0, int)
        best = np.lexsort((by_name, rank))[:top]
        ranked = table.iloc[best][["actor", "name", "type", "country", measure]].rename(columns={measure: "value"})
        ranked = ranked.reset_index(drop=True)
        ranked.insert(5, "rank", rank[best].astype("int64"))
        ranked["relations"] = relations[best].astype("int64")
        ranked["documents"] = documents[best].astype("int64")
        rankings[measure] = ranked
    return rankings


def mix_tables(derived: DerivedGraphs, ontology: Ontology) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Relation counts by type (asserted by modality, negated, documents) and by quad class (tie records)."""
    codes = derived.codes
    n_types = len(codes.types)
    asserted = codes.asserted
    columns = {
        modality: np.bincount(codes.relation[asserted & (codes.modality == i)], minlength=n_types)
        for i, modality in enumerate(MODALITIES)
    }
    by_type = pd.DataFrame(
        {
            "relation": list(codes.types),
            **columns,
            "negated": np.bincount(codes.relation[~asserted], minlength=n_types),
            "documents": distinct_per_key(codes.relation, codes.doc, n_types),
        }
    ).set_index("relation")
    order = [name for name in ontology if name in by_type.index]
    by_type = by_type.reindex(order).reset_index()
    by_type["quad_class"] = [ontology[t].quad_class for t in by_type["relation"]]
    by_type["weight"] = [ontology[t].weight for t in by_type["relation"]]
    counts = [*MODALITIES, "negated", "documents"]
    by_type[counts] = by_type[counts].astype("int64")
    class_names, class_of_type = np.unique(
        np.array([ontology[t].quad_class for t in codes.types] or [""]), return_inverse=True
    )
    tie = codes.tie
    classes = class_of_type.reshape(-1)[codes.relation[tie]] if n_types else np.zeros(0, dtype=np.int64)
    by_class = pd.DataFrame(
        {
            "quad_class": class_names,
            "relations": np.bincount(classes, minlength=class_names.size).astype("int64"),
            "documents": distinct_per_key(classes, codes.doc[tie], class_names.size),
        }
    )
    by_class = by_class.loc[by_class["relations"] > 0]
    by_class = by_class.sort_values(["relations", "quad_class"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
    return by_type, by_class


def report_data(
    g: RelationGraph,
    *,
    relation: Names = None,
    top: int = 20,
    method: str | None = None,
    modality: ModalityArg = ANALYSIS_MODALITY,
    places: bool = False,
) -> ReportData:
    """Compute every section of the report (restricted to ``relation`` types when given).

    ``modality`` sets which asserted records make ties (factual by default);
    ``places`` ranks places too. Communities use ``method``; by default
    Leiden with the igraph engine (fast, and its communities are always
    connected), Louvain with networkx.
    """
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise ConfigError(f"top={top!r} must be at least 1")
    if method is None:
        method = "leiden" if g.engine == "igraph" else "louvain"
    evidence = tie_modalities(modality)
    types = g.ontology.check(check_names(relation, "relation"))
    graph = g if types is None else g.subgraph(relation=types)
    derived = graph._level(evidence)
    table = graph.centrality(modality=evidence)
    members = graph.communities(method=method, modality=evidence)
    groups = graph.community_summary(method=method, modality=evidence)
    by_type, by_class = mix_tables(derived, graph.ontology)
    listed = ranked_population(derived, places)
    untied = int((~derived.tied).sum())
    contested = graph.contested()
    contests = contest_summary(contested)
    return ReportData(
        title="diplograph centrality report" + (f" — {', '.join(types)}" if types else ""),
        summary=graph.summary(modality=evidence),
        relation_filter=types,
        engine=graph.engine,
        notes=list(table.attrs.get("notes", [])),
        rankings=_rankings(derived, table, int(top), places),
        communities=groups.loc[groups["size"] > 1].head(top),
        community_method=method,
        single_communities=int((groups["size"] == 1).sum()),
        modularity=members.attrs.get("modularity"),
        balance=graph.balance(modality=evidence),
        dyads=graph.dyads(top, modality=evidence),
        relation_mix=by_type,
        quad_mix=by_class,
        evidence=evidence,
        ranked=int(listed.sum()),
        unranked={"without ties": untied, "places": int((derived.tied & ~listed).sum())},
        contests=contests.head(top),
        contested=contested.loc[contested["contest"].isin(contests["contest"].head(top))] if len(contested) else contested,
    )


def render_report(
    g: RelationGraph,
    *,
    format: str = "md",
    relation: Names = None,
    top: int = 20,
    modality: ModalityArg = ANALYSIS_MODALITY,
    places: bool = False,
) -> str:
    """Render the centrality report of ``g`` as ``md``, ``csv``, ``json`` or ``html`` text.

    Raises:
        ConfigError: unknown format or modality, or ``top`` below 1.
        LookupFailed: unknown relation type.
    """
    if format not in _RENDERERS:
        raise ConfigError(f"unknown report format {format!r}; choose one of: {', '.join(REPORT_FORMATS)}")
    return _RENDERERS[format](report_data(g, relation=relation, top=top, modality=modality, places=places))


def query_table(g: RelationGraph, *, full: bool = False, **filters: Any) -> pd.DataFrame:
    """Relations matching ``filters`` (the arguments of :meth:`RelationGraph.relations`) for printing.

    Returns the terminal columns (date, source, relation, target, polarity,
    modality, cameo, doc, evidence) unless ``full`` is true; dates become ISO strings.
    """
    frame = g.relations(**filters)
    if not full:
        frame = frame[list(DISPLAY_COLUMNS)].rename(columns={"source_name": "source", "target_name": "target"})
    frame = frame.copy()
    frame["date"] = [d.isoformat() if isinstance(d, dt.date) else "" for d in frame["date"]]
    return frame
