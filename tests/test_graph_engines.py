"""The networkx and igraph engines give the same tables on random graphs."""

import random

import numpy as np
import pandas as pd
import pytest

from diplograph.base.errors import ConfigError
from diplograph.graph import engines
from diplograph.graph.centrality import MEASURES
from diplograph.graph.relation_graph import RelationGraph
from diplograph.relations.ontology import default_ontology

pytest.importorskip("igraph")

TYPES = list(default_ontology())


def random_tables(n_actors, n_relations, seed, *, components=1):
    """A random relation table; ``components`` splits the actors into separate groups."""
    rng = random.Random(seed)
    actors = pd.DataFrame(
        {"id": [f"x{i:03d}" for i in range(n_actors)], "name": [f"X {i}" for i in range(n_actors)], "type": "state"}
    )
    size = n_actors // components
    rows = []
    for i in range(n_relations):
        group = rng.randrange(components)
        s, t = (group * size + int(size * rng.random() ** 2) for _ in range(2))  # skewed: some hubs
        rows.append(
            {
                "id": f"r{i}",
                "source": f"x{s:03d}",
                "target": f"x{t:03d}",
                "relation": rng.choice(TYPES),
                "polarity": "negated" if rng.random() < 0.1 else "asserted",
            }
        )
    return actors, pd.DataFrame(rows)


def both_engines(actors, relations):
    return (
        RelationGraph(actors, relations, engine="networkx"),
        RelationGraph(actors, relations, engine="igraph"),
    )


def assert_same_table(left, right, columns):
    assert list(left.columns) == list(right.columns)
    left = left.set_index("actor").sort_index()
    right = right.set_index("actor").sort_index()
    assert list(left.index) == list(right.index)
    for column in columns:
        np.testing.assert_allclose(
            left[column].to_numpy(float), right[column].to_numpy(float), rtol=1e-6, atol=1e-7, err_msg=column
        )


@pytest.mark.parametrize("seed, components", [(1, 1), (2, 1), (3, 3)])
@pytest.mark.parametrize("weight", ["count", None])
def test_exact_measures_agree(seed, components, weight):
    actors, relations = random_tables(90, 300, seed, components=components)
    nx_graph, ig_graph = both_engines(actors, relations)
    left, right = nx_graph.centrality(weight=weight), ig_graph.centrality(weight=weight)
    assert right.attrs["engine"] == "igraph" and left.attrs["engine"] == "networkx"
    assert_same_table(left, right, MEASURES)


def test_sampled_measures_agree_because_the_sample_is_shared():
    actors, relations = random_tables(120, 400, 4)
    nx_graph, ig_graph = both_engines(actors, relations)
    left = nx_graph.centrality(("betweenness", "closeness"), k=15, seed=9)
    right = ig_graph.centrality(("betweenness", "closeness"), k=15, seed=9)
    assert_same_table(left, right, ("betweenness", "closeness"))
    assert left.attrs["notes"][1:] == right.attrs["notes"][1:]


def test_degenerate_graphs_agree():
    for n_actors, n_relations in ((1, 0), (1, 3), (2, 1), (3, 2), (5, 0)):
        actors, relations = random_tables(n_actors, n_relations, 5)
        if relations.empty:
            relations = pd.DataFrame(columns=["id", "source", "target", "relation"])
        nx_graph, ig_graph = both_engines(actors, relations)
        assert_same_table(nx_graph.centrality(), ig_graph.centrality(), MEASURES)


def test_louvain_and_leiden_find_planted_groups():
    # Three dense groups joined by single ties: every method must find them.
    rng = random.Random(0)
    rows = []
    for group in range(3):
        members = [f"x{group * 10 + i:03d}" for i in range(10)]
        for i, (s, t) in enumerate((a, b) for a in members for b in members if a < b and rng.random() < 0.7):
            rows.append({"id": f"g{group}-{i}", "source": s, "target": t, "relation": "supports"})
    rows += [
        {"id": f"bridge{i}", "source": f"x{i * 10:03d}", "target": f"x{i * 10 + 10:03d}", "relation": "meets"}
        for i in range(2)
    ]
    actors = pd.DataFrame(
        {"id": [f"x{i:03d}" for i in range(30)], "name": [f"X {i}" for i in range(30)], "type": "state"}
    )
    expected = sorted(sorted(f"x{g * 10 + i:03d}" for i in range(10)) for g in range(3))
    for engine in ("networkx", "igraph"):
        g = RelationGraph(actors, pd.DataFrame(rows), engine=engine)
        for method in ("louvain", "leiden"):
            frame = g.communities(method=method)
            found = sorted(sorted(group) for _, group in frame.groupby("community")["actor"])
            assert found == expected, (engine, method)
            assert frame.attrs["modularity"] > 0.5


def test_auto_engine_picks_igraph_for_large_graphs(monkeypatch):
    assert engines.choose_engine("auto", 10) == "networkx"
    assert engines.choose_engine("auto", engines.IGRAPH_MIN_ACTORS + 1) == "igraph"
    monkeypatch.setattr(engines, "igraph_available", lambda: False)
    assert engines.choose_engine("auto", engines.IGRAPH_MIN_ACTORS + 1) == "networkx"
    with pytest.raises(ConfigError, match=r"pip install 'diplograph\[fast\]'"):
        engines.choose_engine("igraph", 10)


def test_igraph_graph_is_built_from_the_tables_and_cached():
    actors, relations = random_tables(40, 120, 6)
    g = RelationGraph(actors, relations, engine="igraph")
    directed = g._derived.ig_directed
    assert directed is g._derived.ig_directed
    weighted = g.to_networkx("weighted")
    ids = list(actors["id"])
    edges = {(ids[e.source], ids[e.target]): e["weight"] for e in directed.es}
    assert edges == {(u, v): d["weight"] for u, v, d in weighted.edges(data=True)}
    # Results are computed once per graph.
    assert g.centrality() is not g.centrality()
    assert len([k for k in g._derived._results if k[0] == "centrality"]) == 1


def test_seeded_igraph_leaves_global_random_state_alone():
    random.seed(123)
    expected = random.random()
    random.seed(123)
    actors, relations = random_tables(30, 80, 8)
    RelationGraph(actors, relations, engine="igraph").communities(seed=4)
    assert random.random() == expected
