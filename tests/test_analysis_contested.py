"""Contested relations (issue 16.2): one report asserts as fact what another denies.

The definition is in :mod:`diplograph.graph.contested` and the README
("Evidence levels and contested relations"): same type, same pair (either
direction for symmetric types), an asserted factual record and a negated
factual one at most ``within`` days apart; planned and hypothetical records
never contest anything. Checked on hand-made records, on texts built with
the real extractor, in the report and in the page data.
"""

import datetime as dt
import json

import pytest

from diplograph.base.errors import ConfigError
from diplograph.base.models import Actor, Document, Relation
from diplograph.exports.vis_data import build_page_data
from diplograph.graph.relation_graph import RelationGraph

ACTORS = [
    Actor(id="south-korea", name="South Korea", type="state", country="KOR"),
    Actor(id="north-korea", name="North Korea", type="state", country="PRK"),
    Actor(id="japan", name="Japan", type="state", country="JPN"),
]


def rel(i, source, relation, target, *, day, polarity="asserted", modality="factual", speaker=None, doc=None):
    return Relation(
        id=f"r{i}", doc=doc or f"wire-{i}", sentence=0, source=source, target=target, relation=relation,
        polarity=polarity, modality=modality, attributed_to=speaker, date=dt.date(2025, 3, day),
        evidence=f"Report {i}.", span=(0, 9),
    )  # fmt: skip


RELATIONS = [
    # Seoul says a North Korean drone crossed over; Pyongyang denies it: contested between sources.
    rel(1, "north-korea", "deploys", "south-korea", day=1, speaker="south-korea"),
    rel(2, "north-korea", "deploys", "south-korea", day=2, polarity="negated", speaker="north-korea"),
    # Japan met South Korea (stored one way) and, in the same wire, did not (stored the other way): symmetric.
    rel(3, "japan", "meets", "south-korea", day=5, doc="wire-x"),
    rel(4, "south-korea", "meets", "japan", day=5, polarity="negated", doc="wire-x"),
    # A plan and a denial are no contest.
    rel(5, "japan", "sanctions", "north-korea", day=3, modality="planned", speaker="japan"),
    rel(6, "japan", "sanctions", "north-korea", day=4, polarity="negated"),
    # An assertion and a denial 60 days apart are a change, not a contest (by default).
    rel(7, "north-korea", "attacks", "japan", day=1),
    Relation(id="r8", doc="wire-8", sentence=0, source="north-korea", target="japan", relation="attacks",
             polarity="negated", date=dt.date(2025, 5, 1), evidence="Report 8.", span=(0, 9)),
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS, engine="networkx")


def test_contested_lists_both_sides_with_their_sources(g):
    records = g.contested()
    assert records.attrs["contests"] == 2
    assert set(records["id"]) == {"r1", "r2", "r3", "r4"}
    drone = records.loc[records["relation"] == "deploys"]
    assert list(drone["side"]) == ["asserts", "denies"]
    assert list(drone["said_by"]) == ["South Korea", "North Korea"]
    assert set(drone["kind"]) == {"between sources"}
    meeting = records.loc[records["relation"] == "meets"]
    assert set(meeting["kind"]) == {"within one source"}  # one unattributed wire says both
    assert list(meeting["said_by"]) == [None, None]
    assert list(records.columns[:6]) == ["contest", "source_name", "relation", "target_name", "side", "said_by"]


def test_window_and_filters(g):
    assert set(g.contested(within=None)["relation"]) == {"deploys", "meets", "attacks"}
    assert set(g.contested(within=0)["relation"]) == {"meets"}
    assert set(g.contested(relation="deploys")["id"]) == {"r1", "r2"}
    assert set(g.contested(since="2025-03-02")["id"]) == {"r3", "r4"}  # the drone's assertion is left out
    with pytest.raises(ConfigError, match="within"):
        g.contested(within="a week")


def test_report_section_and_page_style(g):
    text = g.report()
    section = text.split("## Contested relations")[1].split("##")[0]
    assert "| 1 | North Korea deploys South Korea | asserts | South Korea | 2025-03-01 | wire-1 | Report 1. |" in section
    assert "| 1 | North Korea deploys South Korea | denies | North Korea | 2025-03-02 | wire-2 | Report 2. |" in section
    assert "unattributed" in section
    data = json.loads(g.report("json"))
    assert [c["kind"] for c in data["contested"]["contests"]] == ["between sources", "within one source"]
    page = build_page_data(g)
    contested = {(e["rel"], e["lvl"]) for e in page.edges if e.get("contested")}
    assert contested == {("deploys", "factual"), ("deploys", "negated"), ("meets", "factual"), ("meets", "negated")}
    assert all(e["shadow"]["enabled"] for e in page.edges if e.get("contested"))
    assert not any(e.get("contested") for e in page.edges if e["rel"] in ("sanctions", "attacks"))


TEXTS = {
    "seoul.txt": "South Korea said North Korea attacked South Korea with a drone on Saturday.",
    "kcna.txt": "Pyongyang said it did not attack South Korea.",
    "tokyo.txt": "Japan supports South Korea.",
}


@pytest.mark.model
def test_contested_on_texts_built_with_the_extractor():
    import diplograph

    documents = [Document(id=name, text=text, date=dt.date(2025, 3, 2)) for name, text in TEXTS.items()]
    g = diplograph.build(documents)
    records = g.contested()
    assert records.attrs["contests"] == 1
    assert set(zip(records["side"], records["said_by"], records["doc"])) == {
        ("asserts", "South Korea", "seoul.txt"),
        ("denies", "North Korea", "kcna.txt"),
    }
    assert set(records["relation"]) == {"attacks"} and set(records["kind"]) == {"between sources"}
