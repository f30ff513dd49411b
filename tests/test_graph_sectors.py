"""State level (the default) or sectors apart (issue 15.3): ``g.by_sector()`` and ``--sectors``."""

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.exports.formats import export
from diplograph.graph.relation_graph import RelationGraph


def rel(i, source, target, relation, source_sector=None, target_sector=None):
    return Relation(id=f"r{i}", doc=f"d{i}", sentence=0, source=source, target=target, relation=relation,
                    date=dt.date(2025, 1, i), evidence=f"Sentence {i}.", span=(0, 9), cameo="190",
                    source_sector=source_sector, target_sector=target_sector)  # fmt: skip


@pytest.fixture(scope="module")
def g():
    actors = [Actor(id="syria", name="Syria", type="state", country="SYR"),
              Actor(id="turkey", name="Turkey", type="state", country="TUR")]  # fmt: skip
    relations = [
        rel(1, "syria", "turkey", "attacks", source_sector="MIL"),  # "the Syrian army shelled Turkey"
        rel(2, "syria", "turkey", "accuses", source_sector="GOV"),  # "the Syrian foreign ministry accused Turkey"
        rel(3, "turkey", "syria", "demands"),
        rel(4, "turkey", "syria", "attacks", target_sector="REB"),  # "Turkey struck Syrian rebels"
    ]
    return RelationGraph.from_records(actors, relations)


def test_the_default_rolls_sectors_up_to_the_state(g):
    assert len(g) == 2
    assert g.centrality("degree").set_index("actor")["degree"].to_dict() == {"syria": 4, "turkey": 4}


def test_sectors_apart(g):
    apart = g.by_sector()
    nodes = dict(zip(apart.actors_table["id"], apart.actors_table["name"]))
    assert nodes == {"syria": "Syria", "turkey": "Turkey", "syria:MIL": "Syria (military)",
                     "syria:GOV": "Syria (government)", "syria:REB": "Syria (rebels)"}  # fmt: skip
    ends = {(r.source, r.target) for r in apart.iter_relations()}
    assert ends == {("syria:MIL", "turkey"), ("syria:GOV", "turkey"), ("turkey", "syria"), ("turkey", "syria:REB")}
    assert apart.actors_table.set_index("id").loc["syria:MIL", "country"] == "SYR"
    assert apart.relations(source="Syria (military)").iloc[0]["cameo"] == "190"
    assert g.by_sector() is apart  # cached: graphs are immutable


def test_sectors_from_the_command_line_and_in_exports(g, tmp_path):
    folder = g.save(tmp_path / "out")
    result = CliRunner().invoke(app, ["query", str(folder), "--sectors", "--json"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["source_name"] for line in result.stdout.splitlines()} == {
        "Syria (military)", "Syria (government)", "Turkey"
    }  # fmt: skip
    default = CliRunner().invoke(app, ["query", str(folder), "--json"])
    assert {json.loads(line)["source_name"] for line in default.stdout.splitlines()} == {"Syria", "Turkey"}
    data = json.loads(export(g.by_sector(), tmp_path / "g.json").read_text("utf-8"))
    assert {n["id"] for n in data["nodes"]} >= {"syria:MIL", "syria:GOV", "syria:REB"}
    assert {e["cameo"] for e in data["edges"]} == {"190"}
