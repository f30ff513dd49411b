"""Centrality and graph views, checked against networkx run directly on hand-built graphs."""

import itertools
import random

import networkx as nx
import numpy as np
import pytest

from diplograph.base.errors import ConfigError
from diplograph.graph.centrality import MEASURES
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation
from diplograph.relations.ontology import default_ontology

ONTOLOGY = default_ontology()


def actors(n):
    return [Actor(id=f"a{i}", name=f"Actor {i}", type="state", country="USA" if i % 2 else None) for i in range(n)]


def rel(i, source, relation, target, polarity="asserted"):
    return Relation(
        id=f"r{i}",
        doc="d",
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        polarity=polarity,
        evidence="An invented sentence.",
        span=(0, 5),
    )


def random_relations(n_actors, n_relations, seed, *, self_loops=True):
    rng = random.Random(seed)
    types = list(ONTOLOGY)
    out = []
    for i in range(n_relations):
        s, t = rng.randrange(n_actors), rng.randrange(n_actors)
        if s == t and not self_loops:
            continue
        out.append(rel(i, f"a{s}", rng.choice(types), f"a{t}", "negated" if rng.random() < 0.1 else "asserted"))
    return out


def oracle_graphs(actor_list, relations):
    """The weighted directed and undirected ties, built record by record (the documented rules).

    Only actors with ties are nodes: measures are computed (and normalised) over them.
    """
    directed, undirected = nx.DiGraph(), nx.Graph()
    directed.add_nodes_from(a.id for a in actor_list)  # table order, as the sampled sources need
    undirected.add_nodes_from(a.id for a in actor_list)
    for r in relations:
        if r.polarity == "negated" or r.modality != "factual" or r.source == r.target:
            continue
        ends = [(r.source, r.target)] + ([(r.target, r.source)] if ONTOLOGY[r.relation].symmetric else [])
        for u, v in ends:
            directed.add_edge(u, v, weight=directed.get_edge_data(u, v, {"weight": 0})["weight"] + 1)
        undirected.add_edge(
            r.source, r.target, weight=undirected.get_edge_data(r.source, r.target, {"weight": 0})["weight"] + 1
        )
    untied = [node for node in undirected if undirected.degree(node) == 0]
    directed.remove_nodes_from(untied)
    undirected.remove_nodes_from(untied)
    return directed, undirected


def oracle_eigenvector(undirected):
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    main = undirected.subgraph(components[0])
    values = dict.fromkeys(undirected, 0.0)
    if len(main) > 2:
        values.update(nx.eigenvector_centrality_numpy(main, weight="weight"))
    return values


@pytest.fixture(scope="module")
def sample():
    actor_list = actors(25)
    relations = random_relations(25, 90, seed=7)
    return actor_list, relations, RelationGraph.from_records(actor_list, relations, engine="networkx")


def by_actor(table, column):
    return dict(zip(table["actor"], table[column]))


def test_table_layout_and_order(sample):
    _, _, g = sample
    table = g.centrality()
    assert list(table.columns) == ["actor", "name", "type", "country", *MEASURES, *(f"{m}_rank" for m in MEASURES)]
    assert table["degree"].is_monotonic_decreasing
    assert table.loc[0, "degree_rank"] == 1
    assert table.attrs["notes"] == ["engine: networkx; ties weighted by relation count"]
    assert table.attrs["untied"] == 25 - len(oracle_graphs(*sample[:2])[0])
    only = g.centrality("pagerank")
    assert list(only.columns) == ["actor", "name", "type", "country", "pagerank", "pagerank_rank"]
    assert only["pagerank"].is_monotonic_decreasing


def test_measures_equal_networkx(sample):
    actor_list, relations, g = sample
    directed, undirected = oracle_graphs(actor_list, relations)
    table = g.centrality()
    assert by_actor(table, "degree") == dict(directed.degree(weight="weight"))
    assert by_actor(table, "in_degree") == dict(directed.in_degree(weight="weight"))
    assert by_actor(table, "out_degree") == dict(directed.out_degree(weight="weight"))
    expected = {
        "pagerank": nx.pagerank(directed, weight="weight"),
        "betweenness": nx.betweenness_centrality(directed),
        "closeness": nx.closeness_centrality(directed),
        "eigenvector": oracle_eigenvector(undirected),
    }
    for measure, values in expected.items():
        got = by_actor(table, measure)
        for node, value in values.items():
            assert got[node] == pytest.approx(value, abs=1e-5), (measure, node)
    for node in set(table["actor"]) - set(directed):  # actors without ties score 0 everywhere
        assert all(by_actor(table, m)[node] == 0 for m in MEASURES)


def test_unweighted_measures_equal_networkx(sample):
    actor_list, relations, g = sample
    directed, _ = oracle_graphs(actor_list, relations)
    table = g.centrality(weight=None)
    assert by_actor(table, "degree") == dict(directed.degree())
    got = by_actor(table, "pagerank")
    for node, value in nx.pagerank(directed, weight=None).items():
        assert got[node] == pytest.approx(value, abs=1e-5)
    with pytest.raises(ConfigError, match="weight"):
        g.centrality(weight="strength")


def test_ranks_are_competition_ranks(sample):
    _, _, g = sample
    table = g.centrality()
    for measure in MEASURES:
        values = table[measure].to_numpy()
        ranks = table[f"{measure}_rank"].to_numpy()
        for value, rank in zip(values, ranks):
            assert rank == 1 + int((values > value).sum())


def test_sampled_betweenness_matches_networkx_with_k(sample):
    actor_list, relations, g = sample
    directed, _ = oracle_graphs(actor_list, relations)
    table = g.centrality(("betweenness", "closeness"), k=6, seed=3)
    expected = nx.betweenness_centrality(directed, k=6, seed=3)
    got = by_actor(table, "betweenness")
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-12)
    assert "estimated from 6 sampled source actors (seed 3)" in table.attrs["notes"][1]
    # Closeness estimate from the same sources, computed here from all-pairs distances.
    sources = random.Random(3).sample(list(directed), 6)
    lengths = dict(nx.all_pairs_shortest_path_length(directed))
    close = by_actor(table, "closeness")
    for node in directed:
        reach = [lengths[s][node] for s in sources if s != node and node in lengths[s]]
        others = 6 - (node in sources)
        expected_close = len(reach) ** 2 / (others * sum(reach)) if reach else 0.0
        assert close[node] == pytest.approx(expected_close, abs=1e-12)


def test_large_graphs_sample_automatically():
    actor_list = actors(1100)
    relations = [rel(i, f"a{i}", "supports", f"a{(i * 7 + 1) % 1100}") for i in range(1100)]
    table = RelationGraph.from_records(actor_list, relations, engine="networkx").centrality(("betweenness",))
    assert "estimated from 512 sampled source actors" in table.attrs["notes"][1]


def test_relation_filter_restricts_the_graph(sample):
    actor_list, relations, g = sample
    kept = [r for r in relations if r.relation in ("attacks", "sanctions")]
    involved = {end for r in kept for end in (r.source, r.target)}
    directed, _ = oracle_graphs([a for a in actor_list if a.id in involved], kept)
    table = g.centrality("pagerank", relation=["attacks", "sanctions"])
    assert set(table["actor"]) == involved
    got = by_actor(table, "pagerank")
    for node, value in nx.pagerank(directed, weight="weight").items():
        assert got[node] == pytest.approx(value, abs=1e-5)
    assert table.attrs["notes"][0] == "relations: attacks, sanctions"


def test_empty_single_node_and_self_loop_graphs():
    empty = RelationGraph.from_records([], [])
    table = empty.centrality()
    assert table.empty and list(table.columns)[:5] == ["actor", "name", "type", "country", "degree"]
    single = RelationGraph.from_records(actors(1), [rel(1, "a0", "demands", "a0")])
    row = single.centrality().iloc[0]
    assert row["degree"] == 0 and row["pagerank"] == 0  # a self-loop is no tie: the actor is not measured
    assert row["betweenness"] == 0 and row["eigenvector"] == 0 and row["closeness"] == 0
    assert single.to_networkx("multi").number_of_edges() == 1  # the raw self-loop is kept
    assert single.to_networkx("weighted").number_of_edges() == 0  # but makes no tie
    pair = RelationGraph.from_records(actors(2), [rel(1, "a0", "meets", "a1")]).centrality()
    assert list(pair["eigenvector"]) == pytest.approx([2**-0.5, 2**-0.5])
    assert list(pair["degree"]) == [2, 2]  # a symmetric relation holds both ways


def test_unknown_measure_is_a_config_error(sample):
    with pytest.raises(ConfigError, match="unknown centrality measure 'pagerang'"):
        sample[2].centrality(("degree", "pagerang"))


def test_networkx_views(sample):
    actor_list, relations, g = sample
    multi = g.to_networkx()
    assert isinstance(multi, nx.MultiDiGraph)
    assert set(multi) == {a.id for a in actor_list}
    assert sorted(k for _, _, k in multi.edges(keys=True)) == sorted(r.id for r in relations)
    first = relations[0]
    assert multi.edges[first.source, first.target, first.id]["evidence"] == "An invented sentence."
    assert multi.nodes["a1"]["name"] == "Actor 1" and multi.nodes["a1"]["country"] == "USA"

    weighted = g.to_networkx("weighted")
    directed, _ = oracle_graphs(actor_list, relations)
    assert set(weighted.edges) == set(directed.edges) and set(weighted) == {a.id for a in actor_list}
    for u, v, data in directed.edges(data=True):
        assert weighted.edges[u, v]["weight"] == data["weight"]
        per_type = {t: weighted.edges[u, v][t] for t in ONTOLOGY if t in weighted.edges[u, v]}
        assert sum(per_type.values()) == data["weight"]

    signed = g.to_networkx("signed")
    for u, v in itertools.islice(directed.edges, 40):
        total = sum(
            ONTOLOGY[r.relation].weight
            for r in relations
            if r.polarity == "asserted"
            and ((r.source, r.target) == (u, v) or (ONTOLOGY[r.relation].symmetric and (r.target, r.source) == (u, v)))
        )
        if total == 0:
            assert not signed.has_edge(u, v)
        else:
            assert signed.edges[u, v]["weight"] == pytest.approx(total)
            assert signed.edges[u, v]["sign"] == np.sign(total)
    with pytest.raises(ConfigError, match="unknown view"):
        g.to_networkx("bipartite")
    # Views are copies: changing one does not change the graph.
    weighted.remove_node("a0")
    assert "a0" in g.to_networkx("weighted")


def test_negated_relations_make_no_signed_tie():
    g = RelationGraph.from_records(
        actors(2), [rel(1, "a0", "attacks", "a1", "negated"), rel(2, "a0", "supports", "a1")]
    )
    signed = g.to_networkx("signed")
    assert signed.edges["a0", "a1"] == {"weight": 5.0, "sign": 1, "count": 1}
