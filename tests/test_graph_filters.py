"""Filters are keyword-only and spelt alike; the former spellings still work, with a DeprecationWarning."""

import datetime as dt
import warnings

import pandas as pd
import pytest

from diplograph.base.errors import ConfigError
from diplograph.base.models import Actor, Relation
from diplograph.graph.compare import split_by_date
from diplograph.graph.filters import deprecated_spellings, filter_date
from diplograph.graph.relation_graph import RelationGraph

ACTORS = [
    Actor(id="russia", name="Russia", type="state", country="RUS"),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR"),
    Actor(id="nato", name="NATO", type="organization"),
]


def rel(i, source, relation, target, day):
    return Relation(
        id=f"r{i}",
        doc=f"d{i}",
        sentence=i,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, day),
        evidence=f"Sentence {i}.",
        span=(0, 9),
    )


RELATIONS = [
    rel(1, "russia", "attacks", "ukraine", 1),
    rel(2, "nato", "supports", "ukraine", 5),
    rel(3, "russia", "threatens", "nato", 9),
    rel(4, "ukraine", "accuses", "russia", 12),
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS, engine="networkx")


def same(left, right):
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right)
    elif isinstance(left, RelationGraph):
        pd.testing.assert_frame_equal(left.relations_table, right.relations_table)
        pd.testing.assert_frame_equal(left.actors_table, right.actors_table)
    else:
        assert left == right


@pytest.mark.parametrize(
    "old, new, keyword",
    [
        (lambda g: g.subgraph(relations="attacks"), lambda g: g.subgraph(relation="attacks"), "relation="),
        (lambda g: g.subgraph(["attacks", "accuses"]), lambda g: g.subgraph(relation=["attacks", "accuses"]), "relation="),
        (lambda g: g.relations("russia"), lambda g: g.relations(source="russia"), "source="),
        (
            lambda g: g.relations(None, None, "threatens"),
            lambda g: g.relations(relation="threatens"),
            "source=, target=, relation=",
        ),
        (lambda g: g.neighbors("ukraine", "attacks"), lambda g: g.neighbors("ukraine", relation="attacks"), "relation="),
        (
            lambda g: g.centrality("degree", ["attacks"], None),
            lambda g: g.centrality("degree", relation=["attacks"], weight=None),
            "relation=, weight=",
        ),
        (lambda g: g.report("json", "attacks", 2), lambda g: g.report("json", relation="attacks", top=2), "relation="),
        (lambda g: split_by_date(g, "2025-08-05"), lambda g: split_by_date(g, until="2025-08-05"), "until="),
    ],
)
def test_old_spelling_warns_naming_the_new_keyword_and_gives_the_same_result(g, old, new, keyword):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the new spelling is silent
        expected = new(g)
    with pytest.warns(DeprecationWarning, match=keyword) as caught:
        result = old(g)
    assert caught[0].filename == __file__  # the warning points at the caller
    if isinstance(expected, tuple):  # split_by_date
        assert expected[2] == result[2]
        for left, right in zip(expected[:2], result[:2]):
            same(left, right)
    else:
        same(result, expected)


def test_subgraph_old_and_new_spellings_share_the_cache(g):
    with pytest.warns(DeprecationWarning, match=r"subgraph\(relations=\.\.\.\) is deprecated; use relation="):
        old = g.subgraph(relations="supports")
    assert g.subgraph(relation="supports") is old


def test_both_spellings_or_too_many_arguments_are_errors(g):
    with pytest.raises(TypeError, match="multiple values for argument 'relation'"):
        with pytest.warns(DeprecationWarning):
            g.subgraph(relations="attacks", relation="meets")
    with pytest.raises(TypeError, match="multiple values for argument 'source'"):
        with pytest.warns(DeprecationWarning):
            g.relations("russia", source="ukraine")
    with pytest.raises(TypeError, match="at most"):
        g.neighbors("ukraine", "attacks", "in", "extra")


def test_shared_filters_are_keyword_only_with_one_name():
    import inspect

    methods = [
        RelationGraph.relations,
        RelationGraph.subgraph,
        RelationGraph.neighbors,
        RelationGraph.timeline,
        RelationGraph.centrality,
        RelationGraph.report,
        RelationGraph.compare,
    ]
    for method in methods:
        parameters = inspect.signature(method).parameters
        for name in ("relation", "polarity", "since", "until", "top"):
            if name in parameters:
                assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, (method.__name__, name)
        assert "relations" not in parameters


def test_filter_date_names_the_option():
    assert filter_date(None, "since") is None
    assert filter_date("2025-08-01", "since") == pd.Timestamp(2025, 8, 1)
    assert filter_date(dt.date(2025, 8, 1), "until") == pd.Timestamp(2025, 8, 1)
    with pytest.raises(ConfigError, match=r"until='soon' is not a date \(use YYYY-MM-DD\)"):
        filter_date("soon", "until")


def test_deprecated_spellings_on_a_plain_function():
    @deprecated_spellings(renamed={"kinds": "kind"}, positional=("kind",))
    def count(items, *, kind=None):
        return [i for i in items if kind is None or i == kind]

    assert count("abca", kind="a") == ["a", "a"]
    with pytest.warns(DeprecationWarning, match=r"count\(kinds=\.\.\.\) is deprecated; use kind="):
        assert count("abca", kinds="a") == ["a", "a"]
    with pytest.warns(DeprecationWarning, match="passing kind by position is deprecated; use kind="):
        assert count("abca", "b") == ["b"]
