"""Communities: membership tables, summaries, signed detection, against networkx directly."""

import networkx as nx
import pytest

from diplograph.base.errors import ConfigError
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation

BLOC_A = ["ankara", "baku", "cairo", "doha"]
BLOC_B = ["oslo", "paris", "quito", "rome"]
ACTORS = [Actor(id=x, name=x.title(), type="state") for x in BLOC_A + BLOC_B + ["zagreb"]]


def rel(i, source, relation, target):
    return Relation(
        id=f"r{i}",
        doc=f"d{i % 2}",
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        evidence="Fictional statement.",
        span=(0, 1),
    )


def bloc_relations(between="accuses", times=1, links=2):
    ends = [(a, "supports", b) for bloc in (BLOC_A, BLOC_B) for a in bloc for b in bloc if a < b]
    ends += [(a, between, b) for _ in range(times) for a, b in zip(BLOC_A[:links], BLOC_B[:links])]
    return [rel(i, *end) for i, end in enumerate(ends)]


def undirected_counts(relations):
    graph = nx.Graph()
    graph.add_nodes_from(a.id for a in ACTORS)
    for r in relations:
        weight = graph.get_edge_data(r.source, r.target, {"weight": 0})["weight"]
        graph.add_edge(r.source, r.target, weight=weight + 1)
    return graph


def groups(frame):
    return sorted(sorted(members) for _, members in frame.groupby("community")["actor"])


def test_louvain_equals_networkx_with_the_same_seed():
    relations = bloc_relations()
    g = RelationGraph.from_records(ACTORS, relations, engine="networkx")
    frame = g.communities(seed=3)
    graph = undirected_counts(relations)
    expected = nx.community.louvain_communities(graph, weight="weight", seed=3)
    assert groups(frame) == sorted(sorted(c) for c in expected)
    assert frame.attrs["modularity"] == pytest.approx(nx.community.modularity(graph, expected, weight="weight"))
    assert list(frame.columns) == ["actor", "name", "type", "country", "community"]
    # Numbered by size, the isolated actor last.
    assert frame.loc[frame["actor"] == "zagreb", "community"].item() == frame["community"].max()
    assert frame.groupby("community").size().is_monotonic_decreasing


def test_summary_describes_each_community():
    g = RelationGraph.from_records(ACTORS, bloc_relations(), engine="networkx")
    summary = g.community_summary(members=3)
    assert list(summary.columns) == [
        "community",
        "size",
        "members",
        "internal",
        "external",
        "cooperation",
        "conflict",
        "relation_mix",
    ]
    first = summary.iloc[0]
    assert first["size"] == 4 and first["internal"] == 6 and first["cooperation"] == 6 and first["conflict"] == 0
    assert first["external"] == 2 and first["relation_mix"] == "supports×6"
    assert first["members"].endswith(", …") and first["members"].count(",") == 3
    last = summary.iloc[-1]
    assert (last["size"], last["members"], last["internal"], last["relation_mix"]) == (1, "Zagreb", 0, "")
    assert summary["size"].sum() == len(ACTORS)


def test_signed_detection_separates_rivals_that_interact_a_lot():
    relations = bloc_relations(between="attacks", times=6, links=4)
    g = RelationGraph.from_records(ACTORS, relations)
    signed = g.communities(method="leiden", signed=True)
    assert groups(signed)[:2] == [sorted(BLOC_A), sorted(BLOC_B)]
    assert signed.attrs["signed"] is True and signed.attrs["modularity"] is None
    # Unsigned, the heavy conflict ties pull each rival pair together instead.
    unsigned = g.communities(method="louvain")
    assert sorted(BLOC_A) not in groups(unsigned)
    assert g.communities(method="louvain", signed=True).attrs["method"] == "leiden"


def test_edge_cases_and_errors():
    empty = RelationGraph.from_records([], [])
    assert empty.communities().empty and empty.community_summary().empty
    lonely = RelationGraph.from_records(ACTORS[:2], [])
    frame = lonely.communities()
    assert sorted(frame["community"]) == [1, 2] and frame.attrs["modularity"] is None
    with pytest.raises(ConfigError, match="unknown community method 'girvan'"):
        lonely.communities(method="girvan")
