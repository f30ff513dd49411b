"""GEXF and GraphML stay valid XML whatever the text holds (issue 17.4).

A control character in a document (``\\x01``, a form feed, a NUL) is
forbidden in XML 1.0 even as a character reference; the exports replace it
with U+FFFD, keep tabs and line breaks, and both files parse back with
networkx. JSON keeps the text exactly.
"""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from diplograph.base.models import Actor, Relation
from diplograph.exports.formats import export
from diplograph.graph.relation_graph import RelationGraph

DIRTY = "Borduria\x01 shelled\x0c the port\x00 at dawn\x1b[2J;\ttabs\nand lines stay \ufffe."


@pytest.fixture
def g():
    actors = [
        Actor(id="borduria", name="Borduria\x0b", type="state", aliases=("Bord\x02",)),
        Actor(id="atlantis", name="Atlantis", type="state"),
    ]
    relations = [
        Relation(id="r1", doc="wire\x07.txt", sentence=0, source="borduria", target="atlantis", relation="attacks",
                 date=dt.date(2025, 1, 2), evidence=DIRTY, span=(0, 5), trigger="shelled\x01"),
    ]  # fmt: skip
    return RelationGraph.from_records(actors, relations)


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_xml_exports_parse_back(g, tmp_path, fmt, read):
    path = export(g, tmp_path / f"graph.{fmt}")
    ET.parse(path)  # well-formed
    graph = read(path)
    edge = next(iter(graph.edges(data=True)))[2]
    assert edge["evidence"] == "Borduria\ufffd shelled\ufffd the port\ufffd at dawn\ufffd[2J;\ttabs\nand lines stay \ufffd."
    assert edge["doc"] == "wire\ufffd.txt" and edge["trigger"] == "shelled\ufffd"
    assert graph.nodes["borduria"]["label"] == "Borduria\ufffd"
    assert edge["modality"] == "factual" and str(edge["contested"]) in ("False", "false")


def test_json_keeps_the_text_as_it_is(g, tmp_path):
    data = json.loads(export(g, tmp_path / "graph.json").read_text("utf-8"))
    assert data["edges"][0]["evidence"] == DIRTY
