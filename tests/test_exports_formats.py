"""GEXF, GraphML, node-link JSON, CSV and Parquet exports: round trips read back with networkx."""

import csv
import datetime as dt
import json
import sys

import networkx as nx
import pandas as pd
import pytest

from diplograph.base.errors import DiplographError, InputError
from diplograph.exports.formats import export, read_json
from diplograph.base.io import neutralize_formula
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation, relation_id
from diplograph.relations.ontology import Ontology, RelationType, default_ontology


def _rel(doc, source, relation, target, *, polarity="asserted", date=None, evidence=None, **extra):
    text = evidence or f"{source} {relation} {target} in {doc}."
    return Relation(
        id=relation_id(doc, source, relation, target, polarity, text),
        doc=doc,
        sentence=extra.pop("sentence", 0),
        source=source,
        target=target,
        relation=relation,
        polarity=polarity,
        date=date,
        evidence=text,
        span=extra.pop("span", (0, len(text))),
        **extra,
    )


@pytest.fixture
def graph():
    actors = [
        Actor(id="atlantis", name="Atlantis", type="state", country="ATL", aliases=("Atlantic Republic", "AR")),
        Actor(id="borduria", name="Borduria", type="state", country="BOR"),
        Actor(id="mira-vance", name='Mira "the Envoy" Vance', type="person", roles=("envoy", "minister")),
        Actor(id="ocean-league", name="Ocean League", type="organization", members=("atlantis", "borduria"), wikidata="Q42"),
        Actor(id="lonely-isle", name="Lonely Isle", type="place"),
    ]
    relations = [
        _rel("n1", "borduria", "attacks", "atlantis", date=dt.date(2023, 5, 2), evidence="Bordurian artillery shelled the harbour."),
        _rel("n2", "borduria", "attacks", "atlantis", date=dt.date(2023, 6, 9), confidence=0.75, trigger="shelled"),
        _rel("n2", "atlantis", "accuses", "borduria", date=dt.date(2023, 6, 9), attributed_to="mira-vance",
             evidence="=HYPERLINK(\"http://evil\") said the envoy, <b>loudly</b> & «angrily».", mentions=2,
             spans=((0, 5), (10, 20))),
        _rel("n3", "mira-vance", "mediates", "borduria", modality="planned", evidence="-Vance will broker talks."),
        _rel("n4", "ocean-league", "sanctions", "borduria", polarity="negated", date=dt.date(2023, 7, 1),
             evidence="@League members did not impose new sanctions."),
        _rel("n5", "atlantis", "meets", "borduria", date=dt.date(2023, 7, 3), sentence=4, span=(12, 40)),
    ]
    return RelationGraph.from_records(actors, relations)


def test_json_round_trip_gives_identical_tables(graph, tmp_path):
    path = export(graph, tmp_path / "graph.json", "json")
    loaded = read_json(path)
    pd.testing.assert_frame_equal(loaded.actors_table, graph.actors_table)
    pd.testing.assert_frame_equal(loaded.relations_table, graph.relations_table)
    assert loaded.ontology == graph.ontology
    assert loaded.relations_table.loc[0, "date"] == dt.date(2023, 5, 2)
    assert loaded.relations_table.loc[2, "spans"] == ((0, 5), (10, 20))


def test_json_is_node_link_networkx_reads(graph, tmp_path):
    path = export(graph, tmp_path / "graph.json")  # format guessed from the suffix
    data = json.loads(path.read_text("utf-8"))
    nxg = nx.node_link_graph(data, edges="edges")
    assert isinstance(nxg, nx.MultiDiGraph)
    assert set(nxg.nodes) == set(graph.actors_table["id"])
    expected = {(r.source, r.target, r.id) for r in graph.iter_relations()}
    assert set(nxg.edges(keys=True)) == expected
    accuse = next(r for r in graph.iter_relations() if r.relation == "accuses")
    attrs = nxg.edges["atlantis", "borduria", accuse.id]
    assert attrs["evidence"] == accuse.evidence
    assert attrs["attributed_to"] == "mira-vance"
    assert attrs["date"] == "2023-06-09"
    assert nxg.nodes["atlantis"]["aliases"] == ["Atlantic Republic", "AR"]


def test_json_keeps_a_custom_ontology(graph, tmp_path):
    extra = Ontology(types={"hosts": RelationType(plover="CONSULT", quad_class="verbal_cooperation", weight=1.5)})
    custom = RelationGraph(graph.actors_table, graph.relations_table, ontology=default_ontology().merged(extra))
    loaded = read_json(export(custom, tmp_path / "custom.json", "json"))
    assert "hosts" in loaded.ontology
    assert loaded.ontology["hosts"].weight == 1.5


def test_gexf_round_trip_with_dynamic_dates(graph, tmp_path):
    path = export(graph, tmp_path / "graph.gexf", "gexf")
    text = path.read_text("utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(graph.actors_table["id"])
    relations = {r.id: r for r in graph.iter_relations()}
    edges = {data["id"]: (u, v, data) for u, v, data in back.edges(data=True)}
    assert set(edges) == set(relations)
    for rid, (u, v, data) in edges.items():
        rel = relations[rid]
        assert (u, v) == (rel.source, rel.target)
        assert data["relation"] == rel.relation == data["label"]
        assert data["polarity"] == rel.polarity
        assert data["evidence"] == rel.evidence
        assert data["sentence"] == rel.sentence
        assert data["confidence"] == pytest.approx(rel.confidence)
        assert json.loads(data["span"]) == list(rel.span)
        if rel.date is None:
            assert "start" not in data and "date" not in data
        else:
            assert data["start"] == data["end"] == data["date"] == rel.date.isoformat()
        assert ("attributed_to" in data) == (rel.attributed_to is not None)
    nodes = dict(back.nodes(data=True))
    assert nodes["borduria"]["start"] == "2023-05-02"  # first dated relation
    assert "start" not in nodes["lonely-isle"]
    assert nodes["mira-vance"]["label"] == 'Mira "the Envoy" Vance'
    assert json.loads(nodes["mira-vance"]["roles"]) == ["envoy", "minister"]
    assert "country" not in nodes["mira-vance"]
    assert nodes["atlantis"]["viz"]["color"]["b"] > nodes["atlantis"]["viz"]["color"]["r"]  # states are blue


def test_graphml_round_trip(graph, tmp_path):
    path = export(graph, tmp_path / "graph.graphml", "graphml")
    back = nx.read_graphml(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert set(back.nodes) == set(graph.actors_table["id"])
    expected = {(r.source, r.target, r.id) for r in graph.iter_relations()}
    assert set(back.edges(keys=True)) == expected
    for rel in graph.iter_relations():
        data = back.edges[rel.source, rel.target, rel.id]
        assert data["evidence"] == rel.evidence
        assert data["mentions"] == rel.mentions
        assert json.loads(data["spans"]) == [list(s) for s in rel.spans]
        assert data.get("date") == (rel.date.isoformat() if rel.date else None)
        assert data.get("trigger") == rel.trigger
        assert data["goldstein"] == graph.ontology[rel.relation].weight
    ocean = back.nodes["ocean-league"]
    assert json.loads(ocean["members"]) == ["atlantis", "borduria"]
    assert ocean["wikidata"] == "Q42" and "country" not in ocean
    assert json.loads(back.nodes["atlantis"]["aliases"]) == ["Atlantic Republic", "AR"]


def test_csv_tables_neutralise_formulas(graph, tmp_path):
    folder = export(graph, tmp_path / "tables", "csv")
    with (folder / "relations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(graph.relations_table)
    by_doc = {(row["doc"], row["relation"]): row for row in rows}
    assert by_doc[("n2", "accuses")]["evidence"].startswith("'=HYPERLINK(")
    assert by_doc[("n3", "mediates")]["evidence"] == "'-Vance will broker talks."
    assert by_doc[("n4", "sanctions")]["evidence"].startswith("'@League")
    assert by_doc[("n1", "attacks")]["evidence"] == "Bordurian artillery shelled the harbour."
    assert by_doc[("n2", "accuses")]["spans"] == "[[0, 5], [10, 20]]"
    assert by_doc[("n3", "mediates")]["date"] == "" and by_doc[("n1", "attacks")]["date"] == "2023-05-02"
    with (folder / "actors.csv").open(encoding="utf-8", newline="") as handle:
        actors = {row["id"]: row for row in csv.DictReader(handle)}
    assert json.loads(actors["atlantis"]["aliases"]) == ["Atlantic Republic", "AR"]
    assert actors["lonely-isle"]["country"] == ""
    assert not list(folder.glob(".*.tmp"))


def test_neutralize_formula():
    assert neutralize_formula("+1 555") == "'+1 555"
    assert neutralize_formula("\tcmd") == "'\tcmd"
    assert neutralize_formula("plain = fine") == "plain = fine"


def test_parquet_tables_keep_types(graph, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = export(graph, tmp_path / "pq", "parquet")
    relations = pq.read_table(folder / "relations.parquet")
    assert str(relations.schema.field("date").type) == "date32[day]"
    assert str(relations.schema.field("spans").type).startswith("list<")
    rows = relations.to_pylist()
    assert [row["id"] for row in rows] == list(graph.relations_table["id"])
    assert rows[2]["spans"] == [[0, 5], [10, 20]]
    assert rows[3]["date"] is None and rows[0]["date"] == dt.date(2023, 5, 2)
    actors = pq.read_table(folder / "actors.parquet").to_pylist()
    assert actors[0]["aliases"] == ["Atlantic Republic", "AR"]
    assert actors[4]["country"] is None


def test_parquet_without_pyarrow_is_a_one_line_error(graph, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(DiplographError, match="pyarrow") as info:
        export(graph, tmp_path / "pq", "parquet")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "pq").exists()


def test_unknown_format_suggests_the_close_one(graph, tmp_path):
    with pytest.raises(InputError, match="did you mean 'gexf'"):
        export(graph, tmp_path / "g.out", "gefx")
    with pytest.raises(InputError, match="cannot tell the export format"):
        export(graph, tmp_path / "g.out")


def test_failed_export_leaves_the_previous_file(graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.gexf"
    path.write_text("previous", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(nx, "write_gexf", broken)
    with pytest.raises(RuntimeError):
        export(graph, path, "gexf")
    assert path.read_text("utf-8") == "previous"
    assert not list(tmp_path.glob(".*.tmp"))


def test_read_json_reports_bad_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        read_json(bad)
    bad.write_text('{"nodes": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="node-link"):
        read_json(bad)
    bad.write_text('{"nodes": [{"id": "x", "name": "X", "type": "planet"}], "edges": []}', encoding="utf-8")
    with pytest.raises(InputError, match="type") as info:
        read_json(bad)
    assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="cannot read"):
        read_json(tmp_path / "missing.json")
