"""Structural balance: sparse triad counting against brute force, and the report on a hand-built graph."""

import itertools
import random

import pytest

from diplograph.graph.balance import TRIAD_KINDS, closing_ties, triad_counts
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation


def brute_force(n, ties):
    sign = {frozenset((a, b)): s for a, b, s in ties}
    counts = dict.fromkeys(TRIAD_KINDS, 0)
    for x, y, z in itertools.combinations(range(n), 3):
        signs = [sign.get(frozenset(p)) for p in ((x, y), (x, z), (y, z))]
        if None in signs:
            continue
        negatives = signs.count(-1)
        counts["+" * (3 - negatives) + "-" * negatives] += 1
    return counts


@pytest.mark.parametrize("seed", range(8))
def test_sparse_counts_equal_brute_force(seed):
    rng = random.Random(seed)
    n = rng.randrange(5, 30)
    density = rng.choice([0.1, 0.3, 0.6])
    ties = [(a, b, rng.choice([1, -1])) for a, b in itertools.combinations(range(n), 2) if rng.random() < density]
    a, b, s = zip(*ties) if ties else ((), (), ())
    assert triad_counts(n, a, b, s) == brute_force(n, ties)


def test_counts_with_a_hub_and_reversed_pairs():
    # Ties given with a > b and a hub tied to everyone.
    ties = [(0, i, 1 if i % 2 else -1) for i in range(1, 12)] + [(i + 1, i, -1) for i in range(1, 11)]
    a, b, s = zip(*ties)
    assert triad_counts(12, a, b, s) == brute_force(12, ties)
    assert triad_counts(0, [], [], []) == dict.fromkeys(TRIAD_KINDS, 0)


ACTORS = [Actor(id=x, name=x.title(), type="state") for x in ("alpha", "beta", "gamma", "delta", "omega")]


def rel(i, source, relation, target, polarity="asserted"):
    return Relation(
        id=f"r{i}",
        doc="d",
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        polarity=polarity,
        evidence="Made-up evidence.",
        span=(0, 1),
    )


def test_balance_report_lists_triads_with_names():
    relations = [
        rel(1, "alpha", "supports", "beta"),  # +5
        rel(2, "beta", "attacks", "gamma"),  # -10
        rel(3, "gamma", "sanctions", "alpha"),  # -7  -> alpha, beta, gamma: +-- balanced
        rel(4, "gamma", "supports", "delta"),  # +5
        rel(5, "delta", "supports", "beta"),  # +5 -> beta, gamma, delta: ++- unbalanced
        rel(6, "omega", "attacks", "alpha", "negated"),  # no tie
        rel(7, "omega", "meets", "alpha"),
        rel(8, "omega", "accuses", "alpha"),  # +1 -3: negative tie
        rel(9, "omega", "demands", "beta"),
        rel(10, "omega", "appeals", "beta"),  # -2 +2: cancels, no tie
    ]
    report = RelationGraph.from_records(ACTORS, relations).balance()
    assert (report.positive_ties, report.negative_ties) == (3, 3)
    assert report.counts == {"+++": 0, "++-": 1, "+--": 1, "---": 0}
    assert (report.triads, report.balanced, report.unbalanced) == (2, 1, 1)
    assert report.ratio == pytest.approx(0.5)
    (good,) = report.balanced_examples
    assert good.actors == ("Alpha", "Beta", "Gamma") and good.signs == (1, -1, -1) and good.kind == "+--"
    assert good.strength == pytest.approx(22)
    assert good.reading == "two friends with a common enemy"
    (bad,) = report.unbalanced_examples
    assert bad.ids == ("beta", "gamma", "delta") and bad.signs == (-1, 1, 1) and not bad.balanced  # table order
    assert "Beta - Gamma, Beta + Delta, Gamma + Delta (the friend of my friend is my enemy)" in repr(report)
    assert "balance ratio 50.0%" in repr(report)


def test_balance_without_triads():
    report = RelationGraph.from_records(ACTORS[:2], [rel(1, "alpha", "attacks", "beta")]).balance()
    assert report.triads == 0 and report.ratio is None and report.unbalanced_examples == ()
    assert "n/a (no triads)" in repr(report)
    assert RelationGraph.from_records([], []).balance().triads == 0


def test_examples_are_limited_and_strongest_first():
    actors = [Actor(id=f"a{i}", name=f"A{i}", type="state") for i in range(8)]
    relations = [
        rel(i, f"a{x}", "supports" if (x + y) % 3 else "attacks", f"a{y}")
        for i, (x, y) in enumerate(itertools.combinations(range(8), 2))
    ]
    report = RelationGraph.from_records(actors, relations).balance(examples=3)
    assert report.triads == 56
    assert len(report.balanced_examples) == 3 and len(report.unbalanced_examples) == 3
    strengths = [t.strength for t in report.balanced_examples]
    assert strengths == sorted(strengths, reverse=True)


@pytest.mark.parametrize("seed", range(4))
def test_closing_ties_cover_every_triangle(seed):
    rng = random.Random(seed)
    n = 15
    ties = [(a, b) for a, b in itertools.combinations(range(n), 2) if rng.random() < 0.35]
    a, b = (list(x) for x in zip(*ties))
    closing = {tuple(t) for t, keep in zip(ties, closing_ties(n, a, b)) if keep}
    linked = set(ties)
    triangles = [t for t in itertools.combinations(range(n), 3) if {(t[0], t[1]), (t[0], t[2]), (t[1], t[2])} <= linked]
    assert triangles
    for x, y, z in triangles:
        assert {(x, y), (x, z), (y, z)} & closing
    for tie in closing:  # and every closing tie is in a triangle
        assert any(set(tie) <= set(t) for t in triangles)
