"""Benchmark the graph analytics engines on synthetic power-law relation tables.

For each size, the script builds a relation table (~5.5 relations per actor,
skewed so that a few actors are hubs), then per engine times:

* ``build``   — ``RelationGraph(actors, relations)`` plus the engine's graphs;
* ``report``  — the full centrality report (all measures, communities,
  structural balance, dyads, relation mix) rendered as Markdown;
* ``direct``  — the same measures and communities (Louvain for networkx,
  Leiden for igraph, as in the report) computed by calling networkx or
  igraph directly on graphs built from the already aggregated edge list.

It prints one table with the wall-clock times (``cpu_s`` is the CPU time of
build + report: compare it with ``total_s`` to see whether other processes
were competing for the cores), the ours/direct ratio (diplograph's overhead)
and the networkx/igraph ratio of totals. Usage::

    python benchmarks/bench_graph.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

import networkx as nx
import numpy as np
import pandas as pd

from diplograph.graph.centrality import sample_size
from diplograph.graph.relation_graph import RelationGraph
from diplograph.graph.report import render_report
from diplograph.relations.ontology import default_ontology

ENGINES = ("networkx", "igraph")


def synthetic_tables(n_actors: int, per_actor: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A power-law actor graph: endpoints drawn with probability ~ rank^-0.8, 30% uniformly."""
    rng = np.random.default_rng(seed)
    n_relations = int(n_actors * per_actor)
    weights = np.arange(1, n_actors + 1, dtype=float) ** -0.8
    weights /= weights.sum()
    order = rng.permutation(n_actors)
    ends = order[rng.choice(n_actors, size=(2, n_relations), p=weights)]
    uniform = rng.random((2, n_relations)) < 0.3
    ends[uniform] = rng.integers(0, n_actors, int(uniform.sum()))
    ids = np.array([f"a{i}" for i in range(n_actors)], dtype=object)
    types = np.array(list(default_ontology()), dtype=object)
    start = np.datetime64("2024-01-01")
    actors = pd.DataFrame(
        {
            "id": ids,
            "name": [f"Actor {i}" for i in range(n_actors)],
            "type": rng.choice(np.array(["state", "person", "organization"], dtype=object), n_actors),
        }
    )
    relations = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(n_relations)],
            "doc": [f"doc{i // 20}" for i in range(n_relations)],
            "source": ids[ends[0]],
            "target": ids[ends[1]],
            "relation": types[rng.integers(0, types.size, n_relations)],
            "polarity": np.where(rng.random(n_relations) < 0.08, "negated", "asserted").astype(object),
            "date": (start + rng.integers(0, 600, n_relations).astype("timedelta64[D]")).astype(object),
        }
    )
    return actors, relations


def timed(action: Callable[[], object]) -> float:
    begin = time.perf_counter()
    action()
    return time.perf_counter() - begin


def direct_networkx(edges: pd.DataFrame, pairs: pd.DataFrame, n: int, k: int | None, seed: int) -> None:
    """The report's measures and communities, written straight against networkx."""
    directed = nx.DiGraph()
    directed.add_nodes_from(range(n))
    directed.add_weighted_edges_from(zip(edges["source"], edges["target"], edges["count"]))
    undirected = nx.Graph()
    undirected.add_nodes_from(range(n))
    undirected.add_weighted_edges_from(zip(pairs["a"], pairs["b"], pairs["count"]))
    for view in (directed.degree, directed.in_degree, directed.out_degree):
        dict(view(weight="weight"))
    nx.pagerank(directed, weight="weight", tol=1e-10, max_iter=1000)
    nx.betweenness_centrality(directed, k=k, seed=seed)
    main = undirected.subgraph(max(nx.connected_components(undirected), key=len))
    nx.eigenvector_centrality_numpy(main, weight="weight")
    if k is None:
        nx.closeness_centrality(directed)
    else:
        for source in random.Random(seed).sample(range(n), k):
            nx.single_source_shortest_path_length(directed, source)
    nx.community.louvain_communities(undirected, weight="weight", seed=seed)


def direct_igraph(edges: pd.DataFrame, pairs: pd.DataFrame, n: int, k: int | None, seed: int) -> None:
    """The report's measures and communities, written straight against igraph."""
    import igraph

    directed = igraph.Graph(n=n, edges=np.column_stack([edges["source"], edges["target"]]), directed=True)
    directed.es["weight"] = edges["count"].to_numpy(float)
    undirected = igraph.Graph(n=n, edges=np.column_stack([pairs["a"], pairs["b"]]), directed=False)
    undirected.es["weight"] = pairs["count"].to_numpy(float)
    for mode in ("all", "in", "out"):
        directed.strength(mode=mode, weights="weight")
    directed.pagerank(weights="weight")
    sources = None if k is None else random.Random(seed).sample(range(n), k)
    directed.betweenness(sources=sources)
    main = undirected.connected_components().giant()
    main.eigenvector_centrality(weights="weight")
    if sources is None:
        directed.closeness(mode="in")
    else:
        directed.distances(source=sources, mode="out")
    undirected.community_leiden(objective_function="modularity", weights="weight")


def run(n_actors: int, engine: str, per_actor: float, seed: int, direct: bool) -> dict[str, object]:
    actors, relations = synthetic_tables(n_actors, per_actor, seed)
    holder: dict[str, RelationGraph] = {}

    def build() -> None:
        g = RelationGraph(actors, relations, engine=engine)
        if engine == "igraph":
            g._derived.ig_directed, g._derived.ig_undirected
        else:
            g._derived.nx_weighted, g._derived.nx_undirected
        holder["g"] = g

    cpu = time.process_time()
    build_time = timed(build)
    g = holder["g"]
    report_time = timed(lambda: render_report(g, format="md"))
    cpu = time.process_time() - cpu
    row: dict[str, object] = {
        "actors": n_actors,
        "relations": len(relations),
        "ties": len(g._derived.edges),
        "engine": engine,
        "build_s": build_time,
        "report_s": report_time,
        "total_s": build_time + report_time,
        "cpu_s": cpu,
    }
    if direct:
        edges, pairs = g._derived.edges, g._derived.pairs
        k = sample_size(n_actors, len(edges))
        call = direct_igraph if engine == "igraph" else direct_networkx
        row["direct_s"] = timed(lambda: call(edges, pairs, n_actors, k, seed))
        row["ours/direct"] = row["total_s"] / row["direct_s"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated actor counts")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated engines")
    parser.add_argument("--per-actor", type=float, default=5.5, help="relations per actor")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-direct", action="store_true", help="skip the direct-library baseline")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    engines = [e for e in args.engines.split(",") if e]
    rows = []
    for size in sizes:
        for engine in engines:
            row = run(size, engine, args.per_actor, args.seed, not args.no_direct)
            rows.append(row)
            print(f"done: {size:,} actors, {engine}: {row['total_s']:.1f} s", flush=True)
    table = pd.DataFrame(rows)
    if set(ENGINES) <= set(engines):
        totals = table.pivot(index="actors", columns="engine", values="total_s")
        table["networkx/igraph"] = table["actors"].map(totals["networkx"] / totals["igraph"])
    pd.set_option("display.width", 200)
    print()
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.2f}"))


if __name__ == "__main__":
    main()
