"""Symmetric types from both sides (issue 16.3): "Trump meets Putin" is also "Putin meets Trump".

Every query, profile and neighbour view finds a symmetric record whichever
way it is stored; queries show it from the side asked for.
"""

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.graph.relation_graph import RelationGraph

ACTORS = [
    Actor(id="donald-trump", name="Donald Trump", type="person", country="USA"),
    Actor(id="vladimir-putin", name="Vladimir Putin", type="person", country="RUS"),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR"),
]
RELATIONS = [
    # The Alaska summit, stored Trump → Putin.
    Relation(id="r1", doc="alaska", sentence=0, source="donald-trump", target="vladimir-putin", relation="meets",
             date=dt.date(2025, 8, 15), evidence="Trump and Putin met in Alaska.", span=(0, 30)),
    Relation(id="r2", doc="talks", sentence=0, source="ukraine", target="vladimir-putin", relation="negotiates",
             date=dt.date(2025, 8, 20), evidence="Ukraine and Russia's president negotiated.", span=(0, 40)),
    Relation(id="r3", doc="strike", sentence=0, source="vladimir-putin", target="ukraine", relation="attacks",
             date=dt.date(2025, 8, 21), evidence="Putin ordered strikes on Ukraine.", span=(0, 33)),
]  # fmt: skip


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS)


def test_relations_find_symmetric_records_from_either_side(g):
    meets = g.relations(source="Putin", relation="meets")
    assert list(meets["id"]) == ["r1"]
    row = meets.iloc[0]
    assert (row["source_name"], row["target_name"]) == ("Vladimir Putin", "Donald Trump")  # shown from the asked side
    assert (row["source"], row["target"]) == ("vladimir-putin", "donald-trump")
    assert list(g.relations(target="Trump")["id"]) == ["r1"]
    assert list(g.relations(source="Putin", target="Trump")["id"]) == ["r1"]
    assert set(g.relations(source="Putin")["id"]) == {"r1", "r2", "r3"}
    # A directed type is not turned round.
    assert g.relations(source="Ukraine", relation="attacks").empty


def test_between_neighbours_and_profile_see_both_sides(g):
    between = g.between("Putin", "Trump")
    assert list(between["source_name"]) == ["Vladimir Putin"]  # read from the first actor named
    partners = g.neighbors("Putin").set_index("actor")
    assert partners.loc["donald-trump", ["outgoing", "incoming"]].tolist() == [1, 1]
    assert set(g.neighbors("Putin", direction="out")["actor"]) == {"donald-trump", "ukraine"}
    profile = g.actor("Putin")
    assert profile.outgoing == {"meets": 1, "negotiates": 1, "attacks": 1}
    assert profile.incoming == {"meets": 1, "negotiates": 1}


def test_cli_query_from_either_side(g, tmp_path):
    folder = g.save(tmp_path / "out")
    result = CliRunner().invoke(app, ["query", str(folder), "--source", "Putin", "--relation", "meets", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source_name"], r["relation"], r["target_name"]) for r in rows] == [
        ("Vladimir Putin", "meets", "Donald Trump")
    ]
