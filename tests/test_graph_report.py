"""The centrality report in its four formats: content, evidence counts and escaping."""

import csv
import datetime as dt
import io
import json

import pytest

from diplograph.base.errors import ConfigError, LookupFailed
from diplograph.graph.relation_graph import RelationGraph
from diplograph.graph.report import render_report, report_data
from diplograph.graph.report_formats import neutralise_cell
from diplograph.base.models import Actor, Relation

ACTORS = [
    Actor(id="russia", name="Russia", type="state", country="RUS"),
    Actor(id="ukraine", name="Ukraine", type="state", country="UKR"),
    Actor(id="united-states", name="United States", type="state", country="USA"),
    Actor(id="formula", name='=HYPERLINK("http://x")', type="group"),
    Actor(id="tag", name="<img src=x onerror=alert(1)> | pipe", type="media"),
]


def rel(i, source, relation, target, doc, **extra):
    return Relation(
        id=f"r{i}",
        doc=doc,
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, 1 + i),
        evidence="Text made up for this test.",
        span=(0, 1),
        **extra,
    )


RELATIONS = [
    rel(1, "russia", "attacks", "ukraine", "a"),
    rel(2, "russia", "attacks", "ukraine", "b"),
    rel(3, "united-states", "supports", "ukraine", "a"),
    rel(4, "united-states", "sanctions", "russia", "c"),
    rel(5, "formula", "accuses", "united-states", "c"),
    rel(6, "tag", "supports", "ukraine", "d"),
    rel(7, "ukraine", "negotiates", "russia", "d", polarity="negated"),
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS)


def test_report_data_sections(g):
    data = report_data(g, top=3)
    assert set(data.rankings) == {
        "degree",
        "in_degree",
        "out_degree",
        "pagerank",
        "betweenness",
        "eigenvector",
        "closeness",
    }
    degree = data.rankings["degree"]
    assert list(degree["name"][:2]) == ["Ukraine", "Russia"] and len(degree) == 3
    top = degree.iloc[0]
    assert (top["value"], top["relations"], top["documents"]) == (4, 4, 3)
    dyad = data.dyads.iloc[0]
    assert (dyad["a"], dyad["b"], dyad["relations"], dyad["documents"], dyad["types"]) == (
        "russia",
        "ukraine",
        2,
        2,
        "attacks×2",
    )
    assert (dyad["first"], dyad["last"]) == (dt.date(2025, 8, 2), dt.date(2025, 8, 3))
    mix = data.relation_mix.set_index("relation")
    assert mix.loc["attacks", "factual"] == 2 and mix.loc["negotiates", "negated"] == 1
    assert mix.loc["negotiates", "factual"] == 0 and mix.loc["attacks", "planned"] == 0
    assert mix.loc["sanctions", "quad_class"] == "material_conflict"
    quads = dict(zip(data.quad_mix["quad_class"], data.quad_mix["relations"]))
    assert quads == {"material_conflict": 3, "material_cooperation": 2, "verbal_conflict": 1}
    assert data.balance.triads == 1 and data.communities["size"].sum() == len(ACTORS)


def test_markdown_is_readable_and_escaped(g):
    text = render_report(g, top=5)
    assert text.startswith("# diplograph centrality report\n")
    for heading in (
        "## Centrality: pagerank",
        "## Communities",
        "## Structural balance",
        "## Most active dyads",
        "## Relation mix by type",
        "## Relation mix by quad class",
    ):
        assert heading in text
    assert "| 1 | Ukraine | state | UKR | 4 | 4 | 3 |" in text
    assert "| 1 | Russia — Ukraine | 2 | 2 | attacks×2 | 0 | 0 | 1 | 2025-08-02 | 2025-08-03 |" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt; \\| pipe" in text
    assert "balance ratio" in text


def test_csv_is_tidy_and_defuses_formulas(g):
    rows = list(csv.DictReader(io.StringIO(render_report(g, format="csv"))))
    assert set(rows[0]) == {"section", "rank", "subject", "subject_id", "metric", "value"}
    sections = {row["section"] for row in rows}
    assert {"centrality:pagerank", "communities", "balance", "dyads", "relation_mix", "quad_mix"} <= sections
    names = {row["subject"] for row in rows}
    assert '\'=HYPERLINK("http://x")' in names and '=HYPERLINK("http://x")' not in names
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")) or value.replace(".", "").replace("-", "").isdigit()
    ratio = [row for row in rows if row["section"] == "balance" and row["metric"] == "ratio"]
    assert float(ratio[0]["value"]) == pytest.approx(g.balance().ratio)


def test_neutralise_cell():
    assert neutralise_cell("=1+1") == "'=1+1"
    assert neutralise_cell("-cmd") == "'-cmd" and neutralise_cell("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_cell("+44") == "'+44" and neutralise_cell("\tx") == "'\tx"
    assert neutralise_cell("Russia") == "Russia" and neutralise_cell(-3) == -3


def test_json_round_trips(g):
    document = json.loads(render_report(g, format="json", relation=["attacks", "supports"], top=2))
    assert document["relation_filter"] == ["attacks", "supports"]
    assert document["title"] == "diplograph centrality report — attacks, supports"
    assert len(document["centrality"]["pagerank"]) == 2
    assert document["centrality"]["degree"][0]["name"] == "Ukraine"
    assert document["summary"]["relations"] == 4
    assert {"triads", "ratio", "counts"} <= set(document["balance"])


def test_html_escapes_everything(g):
    page = render_report(g, format="html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<h2>Structural balance</h2>" in page


def test_report_arguments(g):
    with pytest.raises(ConfigError, match="unknown report format 'pdf'"):
        render_report(g, format="pdf")
    with pytest.raises(LookupFailed):
        render_report(g, relation="hugs")
    with pytest.raises(ConfigError):
        render_report(g, top=0)
    assert g.report(format="md", top=1) == render_report(g, top=1)
    empty = RelationGraph.from_records([], [])
    assert "## Most active dyads" in render_report(empty)
    json.loads(render_report(empty, format="json"))


def test_safe_csv_for_query_output(g):
    from diplograph.graph.report import safe_csv

    frame = g.relations(source="formula")
    rows = list(csv.reader(io.StringIO(safe_csv(frame))))
    header, first = rows[0], dict(zip(rows[0], rows[1]))
    assert header[:4] == ["date", "source_name", "relation", "target_name"]
    assert first["source_name"] == '\'=HYPERLINK("http://x")'
    assert first["date"] == "2025-08-06" and first["confidence"] == "1.0" and first["attributed_to"] == ""
