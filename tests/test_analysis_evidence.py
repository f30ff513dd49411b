"""Evidence levels (issue 16.1): what was planned, hypothetical or denied never counts as what happened.

Queries list every record and filter by ``polarity=`` and ``modality=``;
analyses (centrality, communities, balance, dyads, timelines, neighbours,
profiles, comparisons) count asserted *factual* records by default, with
``modality="all"`` adding planned and hypothetical ones; negated records
never make ties. The report shows planned and hypothetical records in
columns of their own.
"""

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from diplograph.base.errors import ConfigError
from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.graph.relation_graph import RelationGraph

ACTORS = [
    Actor(id="atlantis", name="Atlantis", type="state"),
    Actor(id="borduria", name="Borduria", type="state"),
    Actor(id="syldavia", name="Syldavia", type="state"),
    Actor(id="mira-vance", name="Mira Vance", type="person"),
]


def rel(i, source, relation, target, *, modality="factual", polarity="asserted", day=1):
    return Relation(
        id=f"r{i}", doc=f"d{i}", sentence=0, source=source, target=target, relation=relation, polarity=polarity,
        modality=modality, date=dt.date(2025, 8, day), evidence=f"Sentence {i}.", span=(0, 9),
    )  # fmt: skip


# Atlantis attacks Borduria (fact); the three states only *plan* to meet; Syldavia did not sanction Borduria.
RELATIONS = [
    rel(1, "atlantis", "attacks", "borduria", day=2),
    rel(2, "atlantis", "attacks", "borduria", day=3),
    rel(3, "atlantis", "meets", "syldavia", modality="planned", day=4),
    rel(4, "borduria", "meets", "syldavia", modality="planned", day=4),
    rel(5, "atlantis", "meets", "borduria", modality="planned", day=5),
    rel(6, "mira-vance", "mediates", "atlantis", modality="hypothetical", day=6),
    rel(7, "syldavia", "sanctions", "borduria", polarity="negated", day=7),
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS, engine="networkx")


def test_queries_filter_by_modality(g):
    assert set(g.relations(modality="planned")["id"]) == {"r3", "r4", "r5"}
    assert set(g.relations(modality=["planned", "hypothetical"])["id"]) == {"r3", "r4", "r5", "r6"}
    assert len(g.relations(modality="all")) == len(g.relations()) == 7
    assert set(g.subgraph(modality="factual").relations_table["id"]) == {"r1", "r2", "r7"}
    with pytest.raises(ConfigError, match="unknown modality 'likely'"):
        g.relations(modality="likely")


def test_analyses_count_asserted_factual_relations_by_default(g):
    degree = g.centrality("degree").set_index("actor")["degree"]
    assert degree.to_dict() == {"atlantis": 2, "borduria": 2, "syldavia": 0, "mira-vance": 0}
    everything = g.centrality("degree", modality="all").set_index("actor")["degree"]
    assert everything["syldavia"] == 4 and everything["mira-vance"] == 1  # planned meetings count both ways
    assert list(g.neighbors("syldavia")["actor"]) == []
    assert set(g.neighbors("syldavia", modality="all")["actor"]) == {"atlantis", "borduria"}
    assert g.to_networkx("weighted").number_of_edges() == 1  # Atlantis → Borduria
    assert g.path("syldavia", "atlantis").found is False
    profile = g.actor("Syldavia")
    assert profile.outgoing == {} and profile.apart == {"planned": {"meets": 2}} and profile.negated == 1


def test_balance_ignores_planned_meetings(g):
    # Three planned meetings would be "three friends"; none happened, so there is no triad.
    assert g.balance().triads == 0
    assert g.balance(modality="all").counts["++-"] == 1  # planned friendship + the attack


def test_timeline_leaves_out_negated_and_planned_records(g):
    weekly = g.timeline("borduria", freq="M")
    assert weekly.iloc[0].to_dict() == {"attacks": 2}
    counted = g.timeline("borduria", freq="M", polarity=None, modality="all").iloc[0].to_dict()
    assert counted == {"meets": 2, "sanctions": 1, "attacks": 2}


def test_dyads_keep_planned_hypothetical_and_negated_records_apart(g):
    dyads = g.dyads().set_index(["a", "b"])
    top = g.dyads().iloc[0]
    assert (top["a"], top["b"], top["relations"], top["planned"]) == ("atlantis", "borduria", 2, 1)
    assert dyads.loc[("borduria", "syldavia"), ["relations", "planned", "negated"]].tolist() == [0, 1, 1]
    assert dyads.loc[("atlantis", "mira-vance"), ["relations", "hypothetical"]].tolist() == [0, 1]


def test_report_columns_and_evidence_option(g):
    text = g.report(top=5)
    assert "| # | actors | relations | documents | types | planned | hypothetical | negated | first | last |" in text
    assert "| 1 | Atlantis — Borduria | 2 | 2 | attacks×2 | 1 | 0 | 0 | 2025-08-02 | 2025-08-03 |" in text
    assert "ties and rankings count asserted factual relations" in text
    assert "| relation | factual | planned | hypothetical | negated |" in text
    data = json.loads(g.report("json", modality="all"))
    assert data["evidence"] == ["factual", "planned", "hypothetical"] and data["balance"]["triads"] == 1


def test_cli_modality_and_evidence_options(g, tmp_path):
    folder = g.save(tmp_path / "out")
    runner = CliRunner()
    result = runner.invoke(app, ["query", str(folder), "--modality", "planned", "--json"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["id"] for line in result.stdout.splitlines()} == {"r3", "r4", "r5"}
    factual = runner.invoke(app, ["report", str(folder), "--format", "json"])
    everything = runner.invoke(app, ["report", str(folder), "--format", "json", "--evidence", "all"])
    assert json.loads(factual.stdout)["balance"]["triads"] == 0
    assert json.loads(everything.stdout)["balance"]["triads"] == 1
    wrong = runner.invoke(app, ["report", str(folder), "--evidence", "maybe"])
    assert wrong.exit_code == 2 and wrong.stderr == "error: --evidence must be factual or all, not 'maybe'\n"
