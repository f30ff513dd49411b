"""Actor lookups fall back on the dictionary the graph was built with, not always on the built-in one."""

import datetime as dt

import pytest

from diplograph.actors.dictionary import load_dictionary
from diplograph.base.errors import LookupFailed
from diplograph.base.models import Actor, Relation
from diplograph.exports.formats import export, read_json
from diplograph.graph.relation_graph import RelationGraph

USER_FILE = """\
actors:
  - id: freedonia
    name: Freedonia
    type: state
    aliases: [Republic of Freedonia]
    demonyms: [Freedonian]
    metonyms: [Fredville]
"""

ACTORS = [
    Actor(id="freedonia", name="Freedonia", type="state", aliases=("Republic of Freedonia",)),
    Actor(id="russia", name="Russia", type="state", country="RUS"),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR"),
]
RELATIONS = [
    Relation(
        id=f"r{i}",
        doc="d1",
        sentence=i,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, i),
        evidence=f"Sentence {i}.",
        span=(0, 9),
    )
    for i, (source, relation, target) in enumerate(
        [("freedonia", "supports", "ukraine"), ("russia", "attacks", "ukraine"), ("freedonia", "accuses", "russia")],
        start=1,
    )
]


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory):
    path = tmp_path_factory.mktemp("dict") / "actors.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    return load_dictionary(path)


def test_user_metonym_found_with_the_build_dictionary(dictionary):
    g = RelationGraph.from_records(ACTORS, RELATIONS, dictionary=dictionary)
    assert g.dictionary is dictionary
    profile = g.actor("Fredville")
    assert profile.id == "freedonia"
    assert "Fredville" in g and "freedonians" not in g
    assert list(g.relations(source="Fredville")["id"]) == ["r1", "r3"]
    assert g.actor("Moscow").id == "russia"  # the built-in forms stay: a user file extends them


def test_without_the_dictionary_the_user_metonym_is_unknown():
    g = RelationGraph.from_records(ACTORS, RELATIONS)
    assert g.dictionary is None
    with pytest.raises(LookupFailed, match="no actor named 'Fredville'"):
        g.actor("Fredville")
    assert g.actor("Kremlin").id == "russia"  # built-in dictionary by default


def test_subgraphs_and_reloaded_graphs_keep_the_dictionary(dictionary, tmp_path):
    g = RelationGraph.from_records(ACTORS, RELATIONS, dictionary=dictionary)
    sub = g.subgraph(relation=["supports", "accuses"])
    assert sub.dictionary is dictionary
    assert sorted(sub.neighbors("Fredville")["actor"]) == ["russia", "ukraine"]
    assert g.ego("Fredville").dictionary is dictionary
    assert g.centrality(relation="accuses")["actor"].tolist()  # goes through a subgraph
    g.save(tmp_path / "build")
    again = RelationGraph.load(tmp_path / "build", dictionary=dictionary)
    assert again.actor("Fredville").id == "freedonia"
    with pytest.raises(LookupFailed):
        RelationGraph.load(tmp_path / "build").actor("Fredville")
    copy = read_json(export(g, tmp_path / "g.json"), dictionary=dictionary)
    assert copy.actor("Fredville").id == "freedonia"
