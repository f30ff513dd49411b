"""A report an analyst reads (issue 16.4).

Rank tables list the actors with ties and leave out places (an option brings
them back), the actors left out are counted once; measures are normalised
over the actors with ties, so a corpus full of names mentioned in passing
does not shrink them; every measure is explained in one line.
"""

import datetime as dt
import json
import re

import pytest
from typer.testing import CliRunner

from diplograph.base.models import Actor, Relation
from diplograph.cli import app
from diplograph.graph.centrality import MEASURE_DESCRIPTIONS, MEASURES
from diplograph.graph.relation_graph import RelationGraph

PLAYERS = [
    Actor(id="russia", name="Russia", type="state"),
    Actor(id="ukraine", name="Ukraine", type="state"),
    Actor(id="united-states", name="United States", type="state"),
    Actor(id="keir-starmer", name="Keir Starmer", type="person"),
    Actor(id="kharkiv", name="Kharkiv", type="place"),
]
BYSTANDERS = [Actor(id=f"bystander-{i}", name=f"Bystander {i}", type="person") for i in range(40)]


def rel(i, source, relation, target):
    return Relation(id=f"r{i}", doc=f"d{i}", sentence=0, source=source, target=target, relation=relation,
                    date=dt.date(2025, 8, i), evidence=f"Sentence {i}.", span=(0, 9))  # fmt: skip


RELATIONS = [
    rel(1, "russia", "attacks", "kharkiv"),
    rel(2, "russia", "attacks", "kharkiv"),
    rel(3, "russia", "attacks", "ukraine"),
    rel(4, "united-states", "supports", "ukraine"),
    rel(5, "keir-starmer", "accuses", "russia"),
    rel(6, "ukraine", "meets", "united-states"),
]


@pytest.fixture(scope="module")
def crowded():
    return RelationGraph.from_records(PLAYERS + BYSTANDERS, RELATIONS, engine="networkx")


def test_rank_tables_list_actors_with_ties_and_no_places(crowded):
    data = json.loads(crowded.report("json"))
    for measure in MEASURES:
        names = {row["name"] for row in data["centrality"][measure]}
        assert names == {"Russia", "Ukraine", "United States", "Keir Starmer"}, measure
    assert data["unranked"] == {"without ties": 40, "places": 1} and data["ranked"] == 4
    text = crowded.report()
    assert text.count("Bystander") == 0
    assert "rank tables list the 4 actors with ties that are not places (not ranked: 40 without ties, 1 place)" in text
    with_places = json.loads(crowded.report("json", places=True))
    assert "Kharkiv" in {row["name"] for row in with_places["centrality"]["pagerank"]}


def test_places_come_back_from_the_command_line(crowded, tmp_path):
    folder = crowded.save(tmp_path / "out")
    result = CliRunner().invoke(app, ["report", str(folder), "--places"])
    assert result.exit_code == 0 and "| Kharkiv | place |" in result.stdout
    assert "| Kharkiv | place |" not in CliRunner().invoke(app, ["report", str(folder)]).stdout


def test_measures_are_normalised_over_the_actors_with_ties(crowded):
    alone = RelationGraph.from_records(PLAYERS, RELATIONS, engine="networkx")
    left, right = crowded.centrality().set_index("actor"), alone.centrality().set_index("actor")
    for measure in ("pagerank", "betweenness", "closeness", "eigenvector"):
        for actor in right.index:
            assert left.loc[actor, measure] == pytest.approx(right.loc[actor, measure], abs=1e-12), (measure, actor)
    assert left.loc["ukraine", "betweenness"] > 0.1  # not divided by the 40 bystanders
    assert (left.loc[[a.id for a in BYSTANDERS], list(MEASURES)] == 0).all().all()
    assert left.attrs["untied"] == 40


def test_every_measure_is_explained_in_one_line(crowded):
    text = crowded.report()
    for measure in MEASURES:
        caption = re.search(rf"## Centrality: {measure}\n\n_(.*)_\n", text).group(1)
        assert caption == MEASURE_DESCRIPTIONS[measure].replace("|", "\\|") and "\n" not in caption
    assert "so degree can exceed 'relations'" in text
    assert "'relations' counts the records naming the actor, 'documents' their documents" in text
