"""Communities: groups of actors more tied to each other than to the rest.

Communities are found on the undirected ties weighted by relation count
(ties of the analysis's evidence level: asserted factual relations by default),
with Louvain (networkx or igraph's multilevel) or Leiden (igraph). With
``signed=True`` cooperation ties pull actors together and conflict ties push
them apart (leidenalg's multiplex optimisation of the positive layer minus
the negative layer), so rivals who talk a lot end up in different groups;
signed detection always runs the Leiden algorithm (there is no signed
Louvain here), whatever ``method`` says.

Communities are numbered from 1, largest first. Actors without ties form
communities of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.engines import require_igraph, seeded_igraph
from diplograph.graph.labels import mix_labels

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["COMMUNITY_METHODS", "Membership", "detect_communities", "membership_frame", "summary_frame"]

COMMUNITY_METHODS: tuple[str, ...] = ("louvain", "leiden")

#: ``(labels per actor in table order, modularity or None)``
Membership = tuple[np.ndarray, float | None]


def _relabel(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 1..C by decreasing size, ties by first member."""
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0:
        return labels
    _, inverse, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    first = np.full(sizes.size, labels.size)
    np.minimum.at(first, inverse, np.arange(labels.size))
    order = np.lexsort((first, -sizes))
    rank = np.empty(sizes.size, dtype=np.int64)
    rank[order] = np.arange(1, sizes.size + 1)
    return rank[inverse]


def _networkx_louvain(derived: DerivedGraphs, seed: int, resolution: float) -> Membership:
    """Louvain on an integer-labelled graph (nodes ``0..n-1``), so no set order depends on string hashing."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(derived.nodes)))
    pairs = derived.pairs
    graph.add_weighted_edges_from(zip(pairs["a"].tolist(), pairs["b"].tolist(), pairs["count"].tolist()))
    groups = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    labels = np.zeros(len(derived.nodes), dtype=np.int64)
    for label, group in enumerate(groups):
        labels[sorted(group)] = label
    quality = (
        nx.community.modularity(graph, groups, weight="weight", resolution=resolution) if len(derived.pairs) else None
    )
    return labels, quality


def _igraph_communities(derived: DerivedGraphs, method: str, seed: int, resolution: float) -> Membership:
    graph = derived.ig_undirected
    with seeded_igraph(seed):
        if method == "leiden":
            found = graph.community_leiden(objective_function="modularity", weights="weight", resolution=resolution)
        else:
            found = graph.community_multilevel(weights="weight", resolution=resolution)
    labels = np.asarray(found.membership, dtype=np.int64)
    quality = graph.modularity(found.membership, weights="weight", resolution=resolution) if graph.ecount() else None
    return labels, quality


def _signed_communities(derived: DerivedGraphs, seed: int, resolution: float) -> Membership:
    require_igraph("signed communities")
    try:
        import leidenalg
    except ImportError:
        raise ConfigError("signed communities need leidenalg: pip install 'diplograph[fast]'") from None
    from diplograph.graph.engines import igraph_graph

    n = len(derived.nodes)
    pairs = derived.pairs
    layers = []
    for keep, sign in ((pairs["signed"] > 0, 1.0), (pairs["signed"] < 0, -1.0)):
        part = pairs.loc[keep]
        if len(part):
            graph = igraph_graph(n, part["a"], part["b"], sign * part["signed"], directed=False)
            layers.append(
                (
                    leidenalg.RBConfigurationVertexPartition(graph, weights="weight", resolution_parameter=resolution),
                    sign,
                )
            )
    if not layers or layers[0][1] < 0:  # no cooperation at all: nobody belongs together
        return np.arange(n, dtype=np.int64), None
    optimiser = leidenalg.Optimiser()
    optimiser.set_rng_seed(seed)
    partitions = [partition for partition, _ in layers]
    optimiser.optimise_partition_multiplex(partitions, layer_weights=[sign for _, sign in layers], n_iterations=-1)
    return np.asarray(partitions[0].membership, dtype=np.int64), None


def detect_communities(
    derived: DerivedGraphs,
    *,
    engine: str,
    method: str = "louvain",
    signed: bool = False,
    seed: int = 0,
    resolution: float = 1.0,
) -> Membership:
    """Find communities; return relabelled memberships (1 = largest) and the modularity.

    Raises:
        ConfigError: unknown method, or igraph/leidenalg needed but missing.
    """
    if method not in COMMUNITY_METHODS:
        raise ConfigError(f"unknown community method {method!r}; choose one of: {', '.join(COMMUNITY_METHODS)}")
    if len(derived.nodes) == 0:
        return np.zeros(0, dtype=np.int64), None
    if signed:
        labels, quality = _signed_communities(derived, seed, resolution)
    elif method == "leiden" or engine == "igraph":
        require_igraph(f"method={method!r}" if method == "leiden" else "engine='igraph'")
        labels, quality = _igraph_communities(derived, method, seed, resolution)
    else:
        labels, quality = _networkx_louvain(derived, seed, resolution)
    return _relabel(labels), quality


def membership_frame(derived: DerivedGraphs, labels: np.ndarray) -> pd.DataFrame:
    """One row per actor: ``actor, name, type, country, community`` sorted by community then name."""
    actors = derived.actors
    frame = actors[["id", "name", "type", "country"]].rename(columns={"id": "actor"}).reset_index(drop=True)
    frame["community"] = np.asarray(labels, dtype=np.int64)
    return frame.sort_values(["community", "name"], kind="stable").reset_index(drop=True)


def summary_frame(derived: DerivedGraphs, labels: np.ndarray, *, members: int = 8) -> pd.DataFrame:
    """One row per community: size, best-connected members, internal and external relations, relation mix.

    Returns:
        Columns ``community, size, members, internal, external, cooperation,
        conflict, relation_mix``; ``internal`` counts the relations that make
        ties (asserted, of the evidence level) with both ends in the
        community, ``cooperation``/``conflict`` split them by ontology sign.
    """
    columns = ["community", "size", "members", "internal", "external", "cooperation", "conflict", "relation_mix"]
    labels = np.asarray(labels, dtype=np.int64)
    if labels.size == 0:
        return pd.DataFrame(columns=columns)
    codes = derived.codes
    keep = codes.tie & (codes.source != codes.target)
    source = labels[codes.source[keep]]
    target = labels[codes.target[keep]]
    inside = source == target
    signs = codes.type_values(derived.ontology, "sign")[keep]
    type_names = np.array(codes.types, dtype=object)
    pairs = derived.pairs
    activity = np.bincount(pairs["a"], weights=pairs["count"], minlength=labels.size) + np.bincount(
        pairs["b"], weights=pairs["count"], minlength=labels.size
    )
    count = int(labels.max())
    names = derived.actors["name"].to_numpy(dtype=object)
    order = np.lexsort((names.astype(str), -activity, labels))
    ranked = pd.DataFrame({"community": labels[order], "name": names[order]})
    shown = ranked.groupby("community", sort=True).head(members).groupby("community", sort=True)["name"].agg(", ".join)
    sizes = np.bincount(labels, minlength=count + 1)
    inner_labels = source[inside]
    mixes = mix_labels(inner_labels, type_names[codes.relation[keep][inside]], limit=5)

    def per_community(values: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(values, weights=weights, minlength=count + 1)[1:].astype(np.int64)

    frame = pd.DataFrame(
        {
            "community": np.arange(1, count + 1),
            "size": sizes[1:],
            "members": shown.reindex(range(1, count + 1), fill_value="").to_numpy(dtype=object),
            "internal": per_community(inner_labels),
            "external": per_community(source[~inside]) + per_community(target[~inside]),
            "cooperation": per_community(inner_labels, (signs[inside] > 0).astype(float)),
            "conflict": per_community(inner_labels, (signs[inside] < 0).astype(float)),
            "relation_mix": mixes.reindex(range(1, count + 1), fill_value="").to_numpy(dtype=object),
        }
    )
    more = frame["size"] > members
    frame.loc[more, "members"] = frame.loc[more, "members"] + ", …"
    return frame[columns]
