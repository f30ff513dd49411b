"""Centrality measures, implemented once per engine on the same ties.

Every measure is computed over the *actors that have ties* (at the
analysis's evidence level, see :mod:`diplograph.graph.edges`), renumbered
``0..m-1`` in actors-table order (:class:`TieCore`): actors without ties
score 0 and take no part in any normalisation, so isolated actors do not
dilute PageRank, betweenness or closeness. The graphs handed to networkx
and igraph have integer nodes and edges in sorted order, so no result
depends on string hashing (``PYTHONHASHSEED``), and eigenvectors start from
a fixed vector; values are rounded to :data:`DECIMALS` places before they
are ranked, so two builds of the same corpus give the same table.

Definitions (identical in both engines, so their tables agree):

``degree``, ``in_degree``, ``out_degree``
    number of relation records on an actor's ties (``weight="count"``), or of
    distinct partners (``weight=None``).
``pagerank``
    PageRank (damping 0.85) of the directed ties, weighted by count.
``betweenness``
    directed shortest-path betweenness over hops (a relation count measures
    how strong a tie is, not how long), normalised by ``(m-1)(m-2)``; when
    ``sources`` is given it is estimated from those source actors, rescaled as
    :func:`networkx.betweenness_centrality` does with ``k``.
``eigenvector``
    leading eigenvector of the undirected, count-weighted ties, unit length
    (one implementation, scipy/numpy, for both engines). It is only
    meaningful on a connected graph, so it is computed on the main connected
    component (most actors, then most relation records, then first in the
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
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph
from scipy.sparse.linalg import eigsh

from diplograph.graph.engines import igraph_graph

__all__ = [
    "DECIMALS",
    "TieCore",
    "tie_core",
    "main_component",
    "rescale_betweenness",
    "eigenvector_scores",
    "rounded",
    "networkx_scores",
    "igraph_scores",
]

_DEGREE_MODES = MappingProxyType({"degree": "all", "in_degree": "in", "out_degree": "out"})
#: Scores are rounded to this many decimal places before ranking.
DECIMALS = 12
#: Up to this many actors in the main component, eigenvectors come from a dense solver.
_DENSE_EIGEN = 1500


@dataclass(frozen=True)
class TieCore:
    """The actors with ties, renumbered ``0..m-1`` in actors-table order, and their ties.

    Attributes:
        members: positions of those actors in the actors table.
        edges: directed ties ``source, target, count`` (renumbered, sorted).
        pairs: undirected ties ``a, b, count`` with ``a < b`` (renumbered, sorted).
    """

    members: np.ndarray
    edges: pd.DataFrame
    pairs: pd.DataFrame

    @property
    def size(self) -> int:
        return int(self.members.size)


def tie_core(tied: np.ndarray, edges: pd.DataFrame, pairs: pd.DataFrame) -> TieCore:
    """Restrict the ties to the actors of mask ``tied`` and renumber them."""
    members = np.flatnonzero(tied)
    position = np.full(tied.size, -1, dtype=np.int64)
    position[members] = np.arange(members.size)
    kept = edges[["source", "target", "count"]]
    core_edges = pd.DataFrame(
        {
            "source": position[kept["source"].to_numpy(np.int64)],
            "target": position[kept["target"].to_numpy(np.int64)],
            "count": kept["count"].to_numpy(np.int64),
        }
    )
    core_pairs = pd.DataFrame(
        {
            "a": position[pairs["a"].to_numpy(np.int64)],
            "b": position[pairs["b"].to_numpy(np.int64)],
            "count": pairs["count"].to_numpy(np.int64),
        }
    )
    return TieCore(members=members, edges=core_edges, pairs=core_pairs)


def rounded(values: np.ndarray) -> np.ndarray:
    """Scores as stored and ranked: floats rounded to :data:`DECIMALS` places, integers as they are."""
    values = np.asarray(values)
    if np.issubdtype(values.dtype, np.integer):
        return values
    return np.round(values.astype(float), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


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


def eigenvector_scores(m: int, pairs: pd.DataFrame, weighted: bool) -> np.ndarray:
    """Eigenvector centrality of ``m`` actors with undirected ties ``pairs`` (see the module docstring).

    The main component's leading eigenvector comes from a dense symmetric
    solver (LAPACK) up to :data:`_DENSE_EIGEN` actors, else from ARPACK
    started from the all-ones vector: never from a random start.
    """
    scores = np.zeros(m)
    if m == 0 or pairs.empty:
        return scores
    a, b = pairs["a"].to_numpy(np.int64), pairs["b"].to_numpy(np.int64)
    weight = pairs["count"].to_numpy(float) if weighted else np.ones(a.size)
    adjacency = sp.csr_array((np.concatenate([weight, weight]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(m, m))
    _, labels = csgraph.connected_components(adjacency, directed=False)
    members = np.flatnonzero(main_component(labels, pairs))
    if members.size < 2:
        return scores
    if members.size == 2:
        scores[members] = 1.0
        return _eigenvector_vector(scores)
    sub = adjacency[members][:, members]
    if members.size <= _DENSE_EIGEN:
        _, vectors = np.linalg.eigh(sub.toarray())
        vector = vectors[:, -1]
    else:
        start = np.ones(members.size) / math.sqrt(members.size)
        _, vectors = eigsh(sub, k=1, which="LA", v0=start, tol=1e-12, maxiter=max(1000, 10 * members.size))
        vector = vectors[:, 0]
    scores[members] = vector
    return _eigenvector_vector(scores)


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


def _nx_graphs(core: TieCore) -> tuple[nx.DiGraph, nx.Graph]:
    """Integer-labelled networkx graphs of the core: nodes ``0..m-1``, edges in sorted order, ``weight`` = count."""
    directed, undirected = nx.DiGraph(), nx.Graph()
    directed.add_nodes_from(range(core.size))
    undirected.add_nodes_from(range(core.size))
    edges, pairs = core.edges, core.pairs
    directed.add_weighted_edges_from(zip(edges["source"].tolist(), edges["target"].tolist(), edges["count"].tolist()))
    undirected.add_weighted_edges_from(zip(pairs["a"].tolist(), pairs["b"].tolist(), pairs["count"].tolist()))
    return directed, undirected


def networkx_scores(
    core: TieCore, measures: Sequence[str], *, weighted: bool, sources: np.ndarray | None
) -> dict[str, np.ndarray]:
    """Compute ``measures`` with networkx; arrays follow the core's numbering."""
    directed, _ = _nx_graphs(core)
    weight = "weight" if weighted else None
    nodes = list(range(core.size))
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
                raw = nx.betweenness_centrality_subset(directed, sources.tolist(), nodes, normalized=False)
            values = rescale_betweenness(np.array([raw[v] for v in nodes], dtype=float), sources)
        elif measure == "eigenvector":
            values = eigenvector_scores(n, core.pairs, weighted)
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


def igraph_scores(
    core: TieCore, measures: Sequence[str], *, weighted: bool, sources: np.ndarray | None
) -> dict[str, np.ndarray]:
    """Compute ``measures`` with igraph; vertex ``i`` is actor ``i`` of the core.

    Closeness runs in scipy's compiled breadth-first search, which releases the
    GIL, so it is computed in a worker thread while igraph computes the rest.
    """
    weights = "weight" if weighted else None
    n = core.size
    edges = core.edges
    source, target = edges["source"].to_numpy(np.int64), edges["target"].to_numpy(np.int64)
    directed = igraph_graph(n, source, target, edges["count"].to_numpy(), directed=True)
    scores: dict[str, np.ndarray] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        if "closeness" in measures:
            pending = pool.submit(_compiled_closeness, n, source, target, sources)
        for measure in measures:
            if measure == "eigenvector":
                scores[measure] = eigenvector_scores(n, core.pairs, weighted)
            elif measure != "closeness":
                scores[measure] = _igraph_measure(directed, measure, weights, sources)
        if pending is not None:
            scores["closeness"] = pending.result()
    return {measure: scores[measure] for measure in measures}


def _igraph_measure(directed, measure: str, weights: str | None, sources) -> np.ndarray:
    """One measure other than closeness and eigenvector, with igraph."""
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
    raise ValueError(measure)  # pragma: no cover - names are checked by the caller
