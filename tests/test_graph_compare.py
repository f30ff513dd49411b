"""Comparing periods and builds: new and vanished ties, sign flips, centrality movers."""

import datetime as dt

import networkx as nx
import pytest

from diplograph.base.errors import ConfigError
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation

ACTORS = [Actor(id=x, name=x.capitalize(), type="state") for x in ("north", "south", "east", "west", "centre")]


def rel(i, source, relation, target, day=None):
    return Relation(
        id=f"r{i}",
        doc="d",
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, day) if day else None,
        evidence="Imagined event.",
        span=(0, 1),
    )


RELATIONS = [
    rel(1, "north", "supports", "south", 1),
    rel(2, "north", "supports", "south", 3),
    rel(3, "east", "meets", "west", 5),
    rel(4, "centre", "appeals", "north", 6),
    rel(5, "north", "attacks", "south", 20),  # the north-south tie turns hostile
    rel(6, "west", "demands", "centre", 21),
    rel(7, "west", "demands", "centre", 22),
    rel(8, "centre", "threatens", "east"),  # undated: in neither period
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS)


def test_compare_by_date(g):
    diff = g.compare(until="2025-08-10")
    assert (diff.before, diff.after) == ("up to 2025-08-10", "after 2025-08-10")
    new = diff.new_ties
    assert list(zip(new["a"], new["b"], new["relations"])) == [("centre", "west", 2)]
    assert list(new["a_name"]) == ["Centre"]
    vanished = diff.vanished_ties
    assert list(zip(vanished["a"], vanished["b"])) == [("centre", "north"), ("east", "west")]
    flip = diff.sign_flips.iloc[0]
    assert (flip["a"], flip["b"], flip["signed_before"], flip["signed_after"]) == ("north", "south", 10.0, -10.0)
    assert (flip["count_before"], flip["count_after"]) == (2, 1)
    assert diff.counts["ties_before"] == 3 and diff.counts["ties_after"] == 2
    assert diff.counts["relations_before"] + diff.counts["relations_after"] == len(RELATIONS) - 1


def test_movers_are_pagerank_changes(g):
    diff = g.compare(until=dt.date(2025, 8, 10), top=3)
    before, after = nx.DiGraph(), nx.DiGraph()
    before.add_edges_from([("north", "south"), ("east", "west"), ("west", "east"), ("centre", "north")])
    before.edges["north", "south"]["weight"] = 2
    after.add_edges_from([("north", "south"), ("west", "centre")])
    after.edges["west", "centre"]["weight"] = 2
    old = nx.pagerank(before, weight="weight", tol=1e-12, max_iter=1000)
    new = nx.pagerank(after, weight="weight", tol=1e-12, max_iter=1000)
    change = {n: new.get(n, 0) - old.get(n, 0) for n in set(old) | set(new)}
    expected = sorted(change, key=lambda n: -abs(change[n]))[:3]
    assert list(diff.movers["actor"]) == expected
    for row in diff.movers.itertuples():
        assert row.change == pytest.approx(change[row.actor], abs=1e-6)
    assert len(diff.movers) == 3
    assert "pagerank movers" in repr(diff) and "<h4>sign flips</h4>" in diff._repr_html_()


def test_compare_two_builds(g):
    other = RelationGraph.from_records(ACTORS, RELATIONS[:3] + [rel(9, "east", "attacks", "west")])
    diff = g.compare(other, measure="degree")
    assert list(zip(diff.vanished_ties["a"], diff.vanished_ties["b"])) == [
        ("centre", "west"),
        ("centre", "east"),
        ("centre", "north"),
    ]
    assert diff.new_ties.empty
    # north-south sums to zero in g (2 supports, 1 attack): not a sign, so not a flip.
    assert list(zip(diff.sign_flips["a"], diff.sign_flips["b"])) == [("east", "west")]
    assert diff.movers.iloc[0]["actor"] == "centre"
    assert diff.movers.iloc[0]["change"] == -4  # appeals, threatens, demands x2


def test_compare_arguments(g):
    with pytest.raises(ConfigError):
        g.compare(g, until="2025-08-10")
    with pytest.raises(ConfigError):
        g.compare()
    empty = RelationGraph.from_records([], [])
    diff = empty.compare(empty)
    assert diff.new_ties.empty and diff.movers.empty
