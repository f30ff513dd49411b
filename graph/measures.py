"""Centrality measures, implemented once per engine on the same ties.

Definitions (identical in both engines, so their tables agree):

``degree``, ``in_degree``, ``out_degree``
    number of relation records on an actor's ties (``weight="count"``), or of
    distinct partners (``weight=None``).
``pagerank``
    PageRank (damping 0.85) of the directed ties, weighted by count.
``betweenness``
    directed shortest-path betweenness over hops (a relation count measures
    how strong a tie is, not how long), normalised by ``(n-1)(n-2)``; when
    ``sources`` is given it is estimated from those source actors, rescaled as
    :func:`networkx.betweenness_centrality` does with ``k``.
``eigenvector``
    leading eigenvector of the undirected, count-weighted ties, unit length.
    It is only meaningful on a connected graph, so it is computed on the main
    connected component (most actors, then most relations, then first in the
    table); actors outside it score 0.
``closeness``
    closeness from incoming hop distances with the Wasserman–Faust correction
    for disconnected graphs (networkx's default), estimated from ``sources``
    when given: ``c(u) = r(u)^2 / (m(u) * D(u))`` where ``r`` counts the
    sources that reach ``u``, ``D`` sums their distances and ``m`` is the
    number of sources other than ``u``.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from types import MappingProxyType

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

__all__ = ["main_component", "rescale_betweenness", "networkx_scores", "igraph_scores"]

_DEGREE_MODES = MappingProxyType({"degree": "all", "in_degree": "in", "out_degree": "out"})


def main_component(labels: np.ndarray, pairs: pd.DataFrame) -> np.ndarray:
    """Boolean mask of the main connected component, given component ``labels`` per actor.

    The main component has the most actors, then the most relation records,
    then the earliest actor in table order; the choice does not depend on how
    an engine numbers its components.
    """
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0:
        return np.zeros(0, dtype=bool)
    sizes = np.bincount(labels)
    weight = np.bincount(labels[pairs["a"].to_numpy(dtype=np.int64)], weights=pairs["count"], minlength=sizes.size)
    first = np.full(sizes.size, labels.size)
    np.minimum.at(first, labels, np.arange(labels.size))
    best = np.lexsort((first, -weight, -sizes))[0]
    return labels == best


def rescale_betweenness(raw: np.ndarray, sources: np.ndarray | None) -> np.ndarray:
    """Normalise raw directed betweenness (endpoints excluded) like networkx 3.6."""
    n = raw.size
    big_n = n - 1
    if big_n < 2:
        return raw.astype(float)
    if sources is None:
        return raw / (big_n * (big_n - 1))
    k = len(sources)
    scale = np.full(n, 1.0 / (k * (big_n - 1)))
    scale[sources] = 1.0 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
    return raw * scale


def _closeness_from_sums(reached: np.ndarray, distance_sum: np.ndarray, others: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        values = reached.astype(float) ** 2 / (others * distance_sum)
    return np.where(distance_sum > 0, values, 0.0)


def _sample_denominators(n: int, sources: np.ndarray) -> np.ndarray:
    others = np.full(n, float(len(sources)))
    others[sources] -= 1
    return others


def _eigenvector_vector(values: np.ndarray) -> np.ndarray:
    vector = np.abs(np.asarray(values, dtype=float))
    norm = np.linalg.norm(vector)
    return vector / norm if norm > 0 else vector


# --------------------------------------------------------------------- networkx


def _nx_closeness_sampled(graph: nx.DiGraph, sources: np.ndarray) -> np.ndarray:
    position = {node: i for i, node in enumerate(graph)}
    nodes = list(graph)
    reached = np.zeros(len(nodes))
    distance_sum = np.zeros(len(nodes))
    for s in sources:
        lengths = nx.single_source_shortest_path_length(graph, nodes[s])
        where = np.fromiter((position[v] for v in lengths), dtype=np.int64, count=len(lengths))
        dist = np.fromiter(lengths.values(), dtype=float, count=len(lengths))
        reached[where] += dist > 0
        distance_sum[where] += dist
    return _closeness_from_sums(reached, distance_sum, _sample_denominators(len(nodes), sources))


def _nx_eigenvector(graph: nx.Graph, pairs: pd.DataFrame, weight: str | None) -> np.ndarray:
    nodes = list(graph)
    position = {node: i for i, node in enumerate(nodes)}
    labels = np.zeros(len(nodes), dtype=np.int64)
    for label, component in enumerate(nx.connected_components(graph)):
        labels[[position[v] for v in component]] = label
    mask = main_component(labels, pairs)
    members = [nodes[i] for i in np.flatnonzero(mask)]
    scores = np.zeros(len(nodes))
    if len(members) < 2:
        return scores
    sub = graph.subgraph(members)
    if len(members) == 2:
        values = {v: 1.0 for v in members}
    else:
        values = nx.eigenvector_centrality_numpy(sub, weight=weight)
    scores[np.flatnonzero(mask)] = [values[v] for v in members]
    return _eigenvector_vector(scores)


def networkx_scores(
    directed: nx.DiGraph,
    undirected: nx.Graph,
    pairs: pd.DataFrame,
    measures: Sequence[str],
    *,
    weighted: bool,
    sources: np.ndarray | None,
) -> dict[str, np.ndarray]:
    """Compute ``measures`` with networkx; arrays follow the graphs' node order (the actors table)."""
    weight = "weight" if weighted else None
    nodes = list(directed)
    n = len(nodes)
    scores: dict[str, np.ndarray] = {}
    for measure in measures:
        if measure in _DEGREE_MODES:
            view = {"degree": directed.degree, "in_degree": directed.in_degree, "out_degree": directed.out_degree}
            degrees = dict(view[measure](weight=weight))
            values = np.array([degrees[v] for v in nodes], dtype=np.int64)
        elif measure == "pagerank":
            ranks = nx.pagerank(directed, alpha=0.85, weight=weight, tol=1e-10, max_iter=1000) if n else {}
            values = np.array([ranks[v] for v in nodes], dtype=float)
        elif measure == "betweenness":
            if sources is None:
                raw = nx.betweenness_centrality(directed, normalized=False)
            else:
                picked = [nodes[i] for i in sources]
                raw = nx.betweenness_centrality_subset(directed, picked, nodes, normalized=False)
            values = rescale_betweenness(np.array([raw[v] for v in nodes], dtype=float), sources)
        elif measure == "eigenvector":
            values = _nx_eigenvector(undirected, pairs, weight)
        elif measure == "closeness":
            if sources is None:
                close = nx.closeness_centrality(directed)
                values = np.array([close[v] for v in nodes], dtype=float)
            else:
                values = _nx_closeness_sampled(directed, sources)
        else:  # pragma: no cover - names are checked by the caller
            raise ValueError(measure)
        scores[measure] = values
    return scores


# ----------------------------------------------------------------------- igraph


def _csr(n: int, source: np.ndarray, target: np.ndarray) -> sp.csr_array:
    return sp.csr_array((np.ones(source.size), (source, target)), shape=(n, n))


def _compiled_closeness(n: int, source: np.ndarray, target: np.ndarray, sources: np.ndarray | None) -> np.ndarray:
    """Closeness from breadth-first searches in compiled code (scipy's csgraph), chunked."""
    matrix = _csr(n, source, target)
    origins = np.arange(n) if sources is None else np.asarray(sources)
    others = np.full(n, float(n - 1)) if sources is None else _sample_denominators(n, origins)
    reached = np.zeros(n)
    distance_sum = np.zeros(n)
    chunk = max(1, int(2e7 // max(n, 1)))
    for start in range(0, origins.size, chunk):
        dist = csgraph.shortest_path(
            matrix, method="D", directed=True, unweighted=True, indices=origins[start : start + chunk]
        )
        finite = np.isfinite(dist) & (dist > 0)
        reached += finite.sum(axis=0)
        distance_sum += np.where(finite, dist, 0.0).sum(axis=0)
    return _closeness_from_sums(reached, distance_sum, others)


def _ig_eigenvector(undirected, pairs: pd.DataFrame, weighted: bool) -> np.ndarray:
    n = undirected.vcount()
    mask = main_component(np.asarray(undirected.connected_components().membership), pairs)
    members = np.flatnonzero(mask)
    scores = np.zeros(n)
    if members.size < 2:
        return scores
    sub = undirected.induced_subgraph(members.tolist(), implementation="create_from_scratch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        values = sub.eigenvector_centrality(weights="weight" if weighted else None)
    scores[members] = values
    return _eigenvector_vector(scores)


def igraph_scores(
    directed,
    undirected,
    pairs: pd.DataFrame,
    edges: pd.DataFrame,
    measures: Sequence[str],
    *,
    weighted: bool,
    sources: np.ndarray | None,
) -> dict[str, np.ndarray]:
    """Compute ``measures`` with igraph; vertex ``i`` is row ``i`` of the actors table.

    Closeness runs in scipy's compiled breadth-first search, which releases the
    GIL, so it is computed in a worker thread while igraph computes the rest.
    """
    weights = "weight" if weighted else None
    n = directed.vcount()
    scores: dict[str, np.ndarray] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        if "closeness" in measures:
            source, target = edges["source"].to_numpy(np.int64), edges["target"].to_numpy(np.int64)
            pending = pool.submit(_compiled_closeness, n, source, target, sources)
        for measure in measures:
            if measure != "closeness":
                scores[measure] = _igraph_measure(directed, undirected, pairs, measure, weights, sources)
        if pending is not None:
            scores["closeness"] = pending.result()
    return {measure: scores[measure] for measure in measures}


def _igraph_measure(
    directed, undirected, pairs: pd.DataFrame, measure: str, weights: str | None, sources
) -> np.ndarray:
    """One measure other than closeness, with igraph."""
    if measure in _DEGREE_MODES:
        strength = directed.strength(mode=_DEGREE_MODES[measure], loops=False, weights=weights)
        return np.rint(strength).astype(np.int64)
    if measure == "pagerank":
        return np.array(directed.pagerank(directed=True, damping=0.85, weights=weights), dtype=float)
    if measure == "betweenness":
        if sources is None:
            raw = directed.betweenness(directed=True)
        else:
            raw = directed.betweenness(directed=True, sources=sources.tolist())
        return rescale_betweenness(np.array(raw, dtype=float).reshape(directed.vcount()), sources)
    if measure == "eigenvector":
        return _ig_eigenvector(undirected, pairs, weights is not None)
    raise ValueError(measure)  # pragma: no cover - names are checked by the caller
