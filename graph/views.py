"""networkx views of a relation graph.

Three views, all with one node per actor (isolated actors included) carrying
the actor fields as node attributes:

``"multi"``
    :class:`networkx.MultiDiGraph`, one edge per relation record keyed by the
    relation id, in stored direction, with every record field as attributes
    (negated relations and self-loops included: this is the raw data).
``"weighted"``
    :class:`networkx.DiGraph`; edge ``weight`` = number of asserted relation
    records from source to target, plus one count attribute per relation type
    (``meets=2, demands=1``). Symmetric types count in both directions;
    self-loops are dropped (see :mod:`diplograph.graph.edges`).
``"signed"``
    :class:`networkx.DiGraph`; edge ``weight`` = sum of the ontology weights of
    those records, ``sign`` = +1 (cooperation) or -1 (conflict), ``count`` = the
    number of records. Negated relations are skipped (a negated "attacks" is
    neither conflict nor cooperation) and ties whose weights cancel out to zero
    are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError

__all__ = ["VIEWS", "node_attributes", "multi_view", "weighted_view", "signed_view", "undirected_view"]

VIEWS: tuple[str, ...] = ("multi", "weighted", "signed")


def node_attributes(actors: pd.DataFrame) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(actor_id, attributes)`` for every row of the actors table."""
    columns = [c for c in actors.columns if c != "id"]
    for row in actors.itertuples(index=False):
        record = row._asdict()
        yield record["id"], {column: record[column] for column in columns}


def multi_view(actors: pd.DataFrame, relations: pd.DataFrame) -> nx.MultiDiGraph:
    """One edge per relation record, keyed by relation id."""
    graph = nx.from_pandas_edgelist(
        relations,
        source="source",
        target="target",
        edge_attr=[c for c in relations.columns if c not in ("source", "target")],
        edge_key="id",
        create_using=nx.MultiDiGraph,
    )
    graph.add_nodes_from(node_attributes(actors))  # attributes, and isolated actors too
    return graph


def _edge_rows(nodes: pd.Index, edges: pd.DataFrame, columns: list[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    ids = nodes.to_numpy(dtype=object)
    sources = ids[edges["source"].to_numpy(dtype=np.int64)]
    targets = ids[edges["target"].to_numpy(dtype=np.int64)]
    values = [edges[c].tolist() for c in columns]
    for position, (u, v) in enumerate(zip(sources, targets)):
        yield u, v, {c: column[position] for c, column in zip(columns, values)}


def weighted_view(actors: pd.DataFrame, nodes: pd.Index, edges: pd.DataFrame) -> nx.DiGraph:
    """Directed ties weighted by relation count (``edges`` from :func:`~diplograph.graph.edges.directed_edges` with ``by_type``)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(node_attributes(actors))
    type_columns = [c for c in edges.columns if c not in ("source", "target", "count", "signed")]
    for u, v, data in _edge_rows(nodes, edges, ["count", *type_columns]):
        attrs = {"weight": int(data.pop("count"))}
        attrs.update({name: int(n) for name, n in data.items() if n})
        graph.add_edge(u, v, **attrs)
    return graph


def signed_view(actors: pd.DataFrame, nodes: pd.Index, edges: pd.DataFrame) -> nx.DiGraph:
    """Directed ties signed by the ontology weights (``edges`` from :func:`~diplograph.graph.edges.directed_edges`)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(node_attributes(actors))
    kept = edges.loc[edges["signed"] != 0]
    for u, v, data in _edge_rows(nodes, kept, ["count", "signed"]):
        weight = float(data["signed"])
        graph.add_edge(u, v, weight=weight, sign=1 if weight > 0 else -1, count=int(data["count"]))
    return graph


def undirected_view(nodes: pd.Index, pairs: pd.DataFrame) -> nx.Graph:
    """Undirected ties (``pairs`` from :func:`~diplograph.graph.edges.undirected_pairs`): ``weight`` = count, ``signed``."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    ids = nodes.to_numpy(dtype=object)
    graph.add_edges_from(
        (u, v, {"weight": int(c), "signed": float(s)})
        for u, v, c, s in zip(
            ids[pairs["a"].to_numpy(dtype=np.int64)],
            ids[pairs["b"].to_numpy(dtype=np.int64)],
            pairs["count"].tolist(),
            pairs["signed"].tolist(),
        )
    )
    return graph


def check_view(view: str) -> str:
    """Return ``view`` if it is a known view name.

    Raises:
        ConfigError: naming the known views.
    """
    if view not in VIEWS:
        raise ConfigError(f"unknown view {view!r}; choose one of: {', '.join(VIEWS)}")
    return view
