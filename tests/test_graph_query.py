"""Relation queries: alias lookup, filters, dyads, neighbours, ego networks, paths, timelines, subgraphs."""

import datetime as dt

import networkx as nx
import pandas as pd
import pytest

from diplograph.base.errors import ConfigError, LookupFailed
from diplograph.graph.relation_graph import RelationGraph
from diplograph.graph.report import query_table
from diplograph.base.models import Actor, Relation

ACTORS = [
    Actor(id="russia", name="Russia", type="state", country="RUS", aliases=("Kremlin", "Russian Federation")),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR", aliases=("Kyiv",)),
    Actor(id="united-states", name="United States", type="state", country="USA", aliases=("U.S.", "America")),
    Actor(id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy", type="person", country="UKR", aliases=("Zelensky",)),
    Actor(id="vladimir-putin", name="Vladimir Putin", type="person", country="RUS"),
    Actor(id="nato", name="NATO", type="organization"),
    Actor(id="china", name="China", type="state", country="CHN"),
]


def rel(i, source, relation, target, day=None, **extra):
    return Relation(
        id=f"r{i}",
        doc=f"doc{i % 3}.txt",
        sentence=i,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, day) if day else None,
        evidence=f"Invented sentence number {i}.",
        span=(0, 20),
        **extra,
    )


RELATIONS = [
    rel(1, "russia", "attacks", "ukraine", 1),
    rel(2, "united-states", "supports", "ukraine", 4),
    rel(3, "vladimir-putin", "meets", "united-states", 15),
    rel(4, "volodymyr-zelenskyy", "appeals", "nato", 16, attributed_to="volodymyr-zelenskyy"),
    rel(5, "russia", "threatens", "nato"),
    rel(6, "russia", "attacks", "ukraine", 2, polarity="negated"),
    rel(7, "ukraine", "accuses", "russia", 12, attributed_to="volodymyr-zelenskyy"),
    rel(8, "nato", "supports", "ukraine", 20, modality="planned"),
    rel(9, "russia", "demands", "russia", 21),  # self-loop
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("russia", "russia"),
        ("Kremlin", "russia"),
        ("kremlin", "russia"),
        ("RUSSIAN FEDERATION", "russia"),
        ("U.S.", "united-states"),
        ("us", "united-states"),
        ("U S", "united-states"),
        ("america", "united-states"),
        ("zelensky", "volodymyr-zelenskyy"),
        ("Zelenskyy", "volodymyr-zelenskyy"),
        ("putin", "vladimir-putin"),
        ("nato", "nato"),
        ("Moscow", "russia"),  # metonyms and demonyms of the built-in actor dictionary
        ("washington", "united-states"),
        ("Ukrainians", "ukraine"),
    ],
)
def test_actor_names_resolve_through_aliases(g, name, expected):
    assert g._derived.index.resolve(name) == expected
    assert name in g


def test_unknown_actor_suggests_closest_names(g):
    with pytest.raises(LookupFailed) as info:
        g.relations(source="Zelenski")
    message = str(info.value)
    assert message.startswith("no actor named 'Zelenski'; closest: Volodymyr Zelenskyy")
    assert "\n" not in message
    assert "Atlantis" not in g


def test_ambiguous_names_list_candidates():
    actors = [Actor(id="a", name="Georgia", type="state"), Actor(id="b", name="Georgia", type="place")]
    g = RelationGraph.from_records(actors, [])
    with pytest.raises(LookupFailed, match="ambiguous.*Georgia \\(a\\), Georgia \\(b\\)"):
        g.relations(actor="georgia")


def test_unknown_relation_type_lists_types(g):
    with pytest.raises(LookupFailed, match="unknown relation type 'attack'; known types: meets, negotiates"):
        g.relations(relation="attack")
    with pytest.raises(ConfigError, match="polarity"):
        g.relations(polarity="maybe")
    with pytest.raises(ConfigError, match="not a date"):
        g.relations(since="August")


def test_relations_filters(g):
    frame = g.relations(source="Kremlin")
    assert list(frame["id"]) == ["r1", "r6", "r9", "r5"]  # by date, undated last
    assert list(frame.columns[:4]) == ["date", "source_name", "relation", "target_name"]
    assert frame.loc[0, "target_name"] == "Ukraine" and frame.loc[0, "evidence"] == "Invented sentence number 1."
    assert list(g.relations(source="russia", relation="attacks", polarity="asserted")["id"]) == ["r1"]
    assert list(g.relations(actor="ukraine", since="2025-08-02", until=dt.date(2025, 8, 12))["id"]) == [
        "r6",
        "r2",
        "r7",
    ]
    assert list(g.relations(target=["nato", "Kyiv"], relation=["supports", "appeals"])["id"]) == ["r2", "r4", "r8"]
    spoken = g.relations(attributed_to="Zelensky")
    assert list(spoken["id"]) == ["r7", "r4"]
    assert set(spoken["attributed_to_name"]) == {"Volodymyr Zelenskyy"}
    assert len(g.relations()) == len(RELATIONS)
    assert g.relations(source="china").empty


def test_between_returns_both_directions(g):
    frame = g.between("ukraine", "Kremlin")
    assert list(frame["id"]) == ["r1", "r6", "r7"]
    assert set(zip(frame["source"], frame["target"])) == {("russia", "ukraine"), ("ukraine", "russia")}


def test_neighbors_counts_asserted_ties(g):
    frame = g.neighbors("russia")
    assert list(frame["actor"]) == ["ukraine", "nato"]
    first = frame.iloc[0]
    assert (first["relations"], first["outgoing"], first["incoming"]) == (2, 1, 1)
    assert first["types"] == "accuses×1, attacks×1"
    assert first["first_seen"] == dt.date(2025, 8, 1) and first["last_seen"] == dt.date(2025, 8, 12)
    assert list(g.neighbors("russia", direction="in")["actor"]) == ["ukraine"]
    assert list(g.neighbors("russia", relation="threatens")["actor"]) == ["nato"]
    # A symmetric relation counts in both directions.
    assert list(g.neighbors("united-states", direction="out")["actor"]) == ["ukraine", "vladimir-putin"]
    assert g.neighbors("china").empty
    with pytest.raises(ConfigError):
        g.neighbors("russia", direction="sideways")


@pytest.mark.parametrize("modality, levels", [("factual", {"factual"}), ("all", {"factual", "planned"})])
def test_ego_network_matches_networkx(g, modality, levels):
    undirected = nx.Graph()
    undirected.add_nodes_from(a.id for a in ACTORS)
    undirected.add_edges_from(
        (r.source, r.target)
        for r in RELATIONS
        if r.polarity == "asserted" and r.modality in levels and r.source != r.target
    )
    for radius in (0, 1, 2):
        ego = g.ego("nato", radius=radius, modality=modality)
        expected = set(nx.ego_graph(undirected, "nato", radius=radius))
        assert {a.id for a in ego} == expected
        kept = {r.id for r in RELATIONS if r.source in expected and r.target in expected}
        assert set(ego.relations_table["id"]) == kept
    with pytest.raises(ConfigError):
        g.ego("nato", radius=-1)


def test_path_follows_shortest_undirected_chain(g):
    # The planned "NATO supports Ukraine" is no tie: the chain goes round through Russia.
    factual = g.path("Putin", "Zelensky")
    assert factual.actors == ("Vladimir Putin", "United States", "Ukraine", "Russia", "NATO", "Volodymyr Zelenskyy")
    path = g.path("Putin", "Zelensky", modality="all")
    assert path.actors == ("Vladimir Putin", "United States", "Ukraine", "NATO", "Volodymyr Zelenskyy")
    assert len(path) == 4 and path.found
    assert path.hops[0].relations == {"meets": 1}
    assert path.hops[0].evidence == ("Invented sentence number 3.",)
    assert str(path).startswith("Vladimir Putin —[meets×1]— United States")
    none = g.path("china", "russia")
    assert not none.found and list(none) == [] and str(none) == "no path between China and Russia"


def test_timeline_counts_relations_by_period(g):
    everything = g.timeline(polarity=None, modality="all")
    assert list(everything.index) == list(pd.to_datetime(["2025-07-28", "2025-08-04", "2025-08-11", "2025-08-18"]))
    assert everything.loc["2025-07-28", "attacks"] == 2
    assert everything.loc["2025-08-18"].to_dict() == {
        "meets": 0,
        "appeals": 0,
        "supports": 1,
        "demands": 1,
        "accuses": 0,
        "attacks": 0,
    }
    assert int(everything.to_numpy().sum()) == 8  # the undated relation is left out
    # By default only what is asserted as having happened: no negated attack, no planned support.
    weekly = g.timeline()
    assert weekly.loc["2025-07-28", "attacks"] == 1 and "supports" not in weekly.loc["2025-08-18"].loc[lambda s: s > 0]
    assert int(weekly.to_numpy().sum()) == 6
    monthly = g.timeline("ukraine", freq="M", modality="all")
    assert list(monthly.index) == [pd.Timestamp("2025-08-01")]
    assert monthly.iloc[0].to_dict() == {"supports": 2, "accuses": 1, "attacks": 1}
    assert g.timeline("ukraine", freq="M").iloc[0].to_dict() == {"supports": 1, "accuses": 1, "attacks": 1}
    assert g.timeline("china").empty
    with pytest.raises(ConfigError, match="freq"):
        g.timeline(freq="fortnight")


def test_subgraph_filters(g):
    sub = g.subgraph(relation="supports")
    assert set(sub.relations_table["id"]) == {"r2", "r8"}
    assert {a.id for a in sub} == {"united-states", "ukraine", "nato"}
    dated = g.subgraph(since="2025-08-10", until="2025-08-16")
    assert set(dated.relations_table["id"]) == {"r3", "r4", "r7"}
    induced = g.subgraph(actors=["russia", "ukraine", "china"])
    assert set(induced.relations_table["id"]) == {"r1", "r6", "r7", "r9"}
    assert {a.id for a in induced} == {"russia", "ukraine", "china"}  # named actors stay
    assert set(g.subgraph(polarity="negated").relations_table["id"]) == {"r6"}
    assert len(g.subgraph()) == len(g)
    assert g.subgraph(relation="supports") is sub  # cached: graphs are immutable


def test_query_table_for_the_cli(g):
    table = query_table(g, source="Putin")
    assert list(table.columns) == [
        "date", "source", "relation", "target", "polarity", "modality", "cameo", "doc", "evidence"
    ]  # fmt: skip
    assert table.iloc[0].to_dict()["target"] == "United States"
    assert table.iloc[0]["date"] == "2025-08-15"
    assert query_table(g, source="russia", relation="threatens").iloc[0]["date"] == ""
    assert "id" in query_table(g, full=True).columns
