"""RelationGraph tables: construction, normalisation, save/load round trips and load errors."""

import datetime as dt
import json

import pandas as pd
import pytest

from diplograph.base.errors import ConfigError, InputError
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation

ACTORS = [
    Actor(id="russia", name="Russia", type="state", country="RUS", aliases=("Kremlin",)),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR"),
    Actor(id="china", name="China", type="state", country="CHN"),
]


def rel(i, source, relation, target, **extra):
    fields = dict(id=f"r{i}", doc="d1", sentence=i, evidence=f"Sentence {i}.", span=(0, 10))
    fields.update(extra)
    return Relation(source=source, relation=relation, target=target, **fields)


RELATIONS = [
    rel(1, "russia", "attacks", "ukraine", date=dt.date(2025, 8, 1), attributed_to="ukraine"),
    rel(2, "ukraine", "accuses", "russia", polarity="negated", confidence=0.5, mentions=3),
]


def test_from_records_keeps_every_field_and_round_trips():
    g = RelationGraph.from_records(ACTORS, RELATIONS)
    assert list(g.actors_table.columns) == list(Actor.model_fields)
    assert list(g.relations_table.columns) == list(Relation.model_fields)
    assert list(g.iter_actors()) == ACTORS
    assert list(g.iter_relations()) == RELATIONS
    assert list(g) == ACTORS
    assert len(g) == 3
    # Missing text values are None, not NaN.
    assert g.relations_table.loc[1, "attributed_to"] is None
    assert g.actors_table.loc[0, "wikidata"] is None


def test_save_then_load_gives_the_same_graph(tmp_path):
    g = RelationGraph.from_records(ACTORS, RELATIONS)
    g.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.jsonl", "relations.jsonl"]
    h = RelationGraph.load(tmp_path)
    assert list(h.iter_actors()) == ACTORS
    assert list(h.iter_relations()) == RELATIONS
    assert h.relations_table.loc[0, "date"] == dt.date(2025, 8, 1)


def test_diplograph_load_passes_engine_and_ontology(tmp_path):
    import diplograph

    RelationGraph.from_records(ACTORS, RELATIONS).save(tmp_path)
    assert diplograph.load(tmp_path).engine == "networkx"  # "auto" below the igraph threshold
    assert diplograph.load(tmp_path, engine="networkx").engine == "networkx"
    with pytest.raises(ConfigError, match="unknown engine 'gephi'"):
        diplograph.load(tmp_path, engine="gephi")
    custom = tmp_path / "ontology.yaml"
    custom.write_text(
        "types:\n  attacks:\n    plover: ASSAULT\n    cameo: ['18']\n    quad_class: material_conflict\n    weight: -3\n",
        encoding="utf-8",
    )
    assert diplograph.load(tmp_path, ontology=custom).ontology["attacks"].weight == -3
    assert diplograph.load(tmp_path).ontology["attacks"].weight != -3


def test_load_reports_missing_folder_and_file(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        RelationGraph.load(tmp_path / "nowhere")
    (tmp_path / "actors.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no relations.jsonl"):
        RelationGraph.load(tmp_path)


def test_load_names_file_and_line_of_a_broken_record(tmp_path):
    RelationGraph.from_records(ACTORS, RELATIONS).save(tmp_path)
    path = tmp_path / "relations.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"relations\.jsonl:2: not valid JSON"):
        RelationGraph.load(tmp_path)
    bad = json.loads(lines[0]) | {"confidence": 3}
    path.write_text(lines[0] + "\n" + json.dumps(bad | {"id": "r9"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"relations\.jsonl:2: confidence"):
        RelationGraph.load(tmp_path)


def test_load_rejects_unknown_actor_and_repeated_ids(tmp_path):
    RelationGraph.from_records(ACTORS, RELATIONS).save(tmp_path)
    path = tmp_path / "relations.jsonl"
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    path.write_text(json.dumps(record | {"target": "atlantis"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"relations\.jsonl:1: actor 'atlantis'"):
        RelationGraph.load(tmp_path)
    path.write_text((json.dumps(record) + "\n") * 2, encoding="utf-8")
    with pytest.raises(InputError, match=r"relations\.jsonl:2: id 'r1' already used on line 1"):
        RelationGraph.load(tmp_path)


def test_hand_made_frames_get_defaults():
    actors = pd.DataFrame({"id": ["a", "b"], "name": ["A", "B"], "type": ["state", "state"]})
    relations = pd.DataFrame(
        {"id": ["x"], "source": ["a"], "target": ["b"], "relation": ["supports"], "date": ["2025-03-04"]}
    )
    g = RelationGraph(actors, relations)
    row = g.relations_table.iloc[0]
    assert row["polarity"] == "asserted" and row["modality"] == "factual" and row["mentions"] == 1
    assert row["date"] == dt.date(2025, 3, 4)
    assert list(g.iter_relations())[0].span == (0, 0)
    assert g.actors_table.loc[0, "aliases"] == ()


def test_constructor_checks_tables():
    actors = pd.DataFrame({"id": ["a"], "name": ["A"], "type": ["state"]})
    with pytest.raises(InputError, match="missing column"):
        RelationGraph(actors, pd.DataFrame({"id": ["x"], "source": ["a"]}))
    relations = pd.DataFrame({"id": ["x"], "source": ["a"], "target": ["zz"], "relation": ["supports"]})
    with pytest.raises(InputError, match="target missing from the actors table"):
        RelationGraph(actors, relations)
    relations = pd.DataFrame({"id": ["x"], "source": ["a"], "target": ["a"], "relation": ["hugs"]})
    with pytest.raises(ConfigError, match="hugs"):
        RelationGraph(actors, relations)
    with pytest.raises(InputError, match="appears more than once"):
        RelationGraph(pd.concat([actors, actors]), relations.iloc[:0])
    with pytest.raises(ConfigError, match="unknown engine"):
        RelationGraph(actors, relations.iloc[:0], engine="spark")


def test_repr_and_summary_show_counts():
    g = RelationGraph.from_records(ACTORS, RELATIONS)
    assert repr(g) == "<RelationGraph: 3 actors, 2 relations (1 negated), 1 documents, 2025-08-01 → 2025-08-01>"
    summary = g.summary()
    assert (summary.actors, summary.relations, summary.asserted, summary.negated, summary.ties) == (3, 2, 1, 1, 1)
    assert summary.isolated_actors == 1
    assert summary.relation_types == {"attacks": 1}
    assert summary.quad_classes == {"material_conflict": 1}
    assert summary.undated == 1
    assert "3 (state×3; 1 without ties)" in repr(summary)
    empty = RelationGraph.from_records([], [])
    assert repr(empty) == "<RelationGraph: 0 actors, 0 relations (0 negated), 0 documents>"
    assert empty.summary().first_date is None
