"""The interactive HTML page: escaping, self-containment and the vis data (no browser needed)."""

import base64
import datetime as dt
import hashlib
import html
import json
import re
from collections import Counter

import networkx as nx
import pytest

from diplograph.base.errors import DiplographError, InputError, LookupFailed
from diplograph.exports import vis_data
from diplograph.exports.html import json_for_script, notebook_display, render_html, write_html
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation, relation_id

XSS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "\"quoted\" & 'single' </script><!-- \u2028\u2029",
]


def _rel(doc, source, relation, target, *, polarity="asserted", date=None, evidence=None):
    text = evidence or f"{source} {relation} {target} ({doc})."
    return Relation(
        id=relation_id(doc, source, relation, target, polarity, text), doc=doc, sentence=0, source=source,
        target=target, relation=relation, polarity=polarity, date=date, evidence=text, span=(0, len(text)),
    )


@pytest.fixture
def graph():
    actors = [
        Actor(id="atlantis", name="Atlantis", type="state"),
        Actor(id="borduria", name="Borduria", type="state"),
        Actor(id="mira-vance", name="Mira Vance", type="person"),
        Actor(id="ocean-league", name="Ocean League", type="organization"),
        Actor(id="lonely-isle", name="Lonely Isle", type="place"),
    ]
    d = dt.date
    relations = [
        _rel("n1", "borduria", "attacks", "atlantis", date=d(2023, 5, 2)),
        _rel("n2", "borduria", "attacks", "atlantis", date=d(2023, 6, 9)),
        _rel("n3", "borduria", "attacks", "atlantis", date=d(2023, 6, 10)),
        _rel("n4", "borduria", "attacks", "atlantis", date=d(2023, 6, 11)),
        _rel("n2", "atlantis", "accuses", "borduria", date=d(2023, 6, 9)),
        _rel("n5", "atlantis", "meets", "borduria", date=d(2023, 7, 3)),
        _rel("n6", "borduria", "meets", "atlantis", date=d(2023, 7, 4)),  # symmetric: same drawn edge
        _rel("n7", "borduria", "attacks", "atlantis", polarity="negated", date=d(2023, 7, 5)),
        _rel("n8", "mira-vance", "mediates", "borduria"),
        _rel("n8", "mira-vance", "mediates", "atlantis"),
        _rel("n9", "ocean-league", "sanctions", "borduria", date=d(2023, 8, 1)),
    ]
    return RelationGraph.from_records(actors, relations)


@pytest.fixture
def xss_graph():
    actors = [Actor(id=f"a{i}", name=name, type="state") for i, name in enumerate(XSS)]
    relations = [
        _rel(XSS[0], "a0", "attacks", "a1", evidence=XSS[1]),
        _rel("doc'\"", "a1", "accuses", "a2", evidence=XSS[2]),
    ]
    return RelationGraph.from_records(actors, relations)


def _payload(page):
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match, "no JSON data block"
    return json.loads(match.group(1))


def _inline_scripts(page):
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def test_json_for_script_escapes_markup_and_line_separators():
    value = {"t": "</script><!--<b>&amp;\u2028\u2029"}
    text = json_for_script(value)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == value


def test_corpus_strings_are_escaped_in_the_page(xss_graph):
    page = render_html(xss_graph, title='<script>alert("t")</script>')
    own_code = "".join(_inline_scripts(page))  # vis-network and the page script, not data
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    for raw in XSS + ["<img", "<script>window", "\u2028", "\u2029"]:
        assert raw not in markup
    assert "\u2028" not in page and "window.__pwned" not in own_code
    assert "<title>&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;</title>" in page
    # The only closing script tags are those of the page's own three blocks.
    assert page.count("</script>") == 3
    data = _payload(page)
    assert {node["label"] for node in data["nodes"]} == set(XSS)
    texts = [item["text"] for items in data["evidence"].values() for item in items]
    assert sorted(texts) == sorted([XSS[1], XSS[2]])
    assert {item["doc"] for items in data["evidence"].values() for item in items} == {XSS[0], "doc'\""}


def test_page_js_never_uses_innerhtml():
    from importlib import resources

    script = resources.files("diplograph.exports").joinpath("static/graph.js").read_text("utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert "textContent" in script


def test_page_is_self_contained(graph):
    page = render_html(graph)
    assert not re.search(r"<(link|img|iframe)\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)
    assert "@import" not in page
    assert "sourceMappingURL" not in page
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "vis.Network" in page and "DataSet" in page  # vis-network is inlined


def test_content_security_policy_allows_exactly_the_inline_scripts(graph):
    page = render_html(graph)
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    scripts = _inline_scripts(page)
    assert len(scripts) == 2
    assert allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-eval" not in csp


def test_nodes_and_edges_of_the_page(graph):
    data = _payload(render_html(graph))
    assert [n["id"] for n in data["nodes"]] == list(graph.actors_table["id"])
    shapes = {n["id"]: (n["shape"], n["atype"]) for n in data["nodes"]}
    assert shapes["atlantis"] == ("diamond", "state") and shapes["mira-vance"] == ("dot", "person")
    table = graph.relations_table
    expected = Counter()
    for row in table.itertuples():
        ends = tuple(sorted((row.source, row.target))) if row.relation == "meets" else (row.source, row.target)
        level = "negated" if row.polarity == "negated" else row.modality
        expected[(*ends, row.relation, level)] += 1
    drawn = Counter({(e["from"], e["to"], e["rel"], e["lvl"]): e["n"] for e in data["edges"]})
    assert drawn == expected
    by_key = {(e["from"], e["to"], e["rel"], e["lvl"]): e for e in data["edges"]}
    meets = by_key[("atlantis", "borduria", "meets", "factual")]
    assert meets["n"] == 2 and meets["arrows"] == ""
    attacks = by_key[("borduria", "atlantis", "attacks", "factual")]
    negated = by_key[("borduria", "atlantis", "attacks", "negated")]
    assert attacks["arrows"] == "to" and negated["pol"] == "negated" and attacks["pol"] == "asserted"
    assert attacks["dates"] == ["2023-05-02", "2023-06-09", "2023-06-10", "2023-06-11"]
    assert negated["dashes"] == [8, 6] and "dashes" not in attacks
    assert attacks["width"] > negated["width"]
    assert attacks["color"]["color"] != by_key[("atlantis", "borduria", "meets", "factual")]["color"]["color"]
    assert [item["date"] for item in data["evidence"][attacks["id"]]] == attacks["dates"]


def test_multi_relations_between_one_pair_get_distinct_curves(graph):
    data = _payload(render_html(graph))
    pair = [e for e in data["edges"] if {e["from"], e["to"]} == {"atlantis", "borduria"}]
    assert len(pair) == 4
    # Curves in screen terms: clockwise relative to the pair's canonical direction.
    shapes = set()
    for e in pair:
        smooth = e.get("smooth", {"enabled": False})
        if not smooth["enabled"]:
            shapes.add(0.0)
            continue
        side = 1 if (smooth["type"] == "curvedCW") == (e["from"] == "atlantis") else -1
        shapes.add(side * smooth["roundness"])
    assert len(shapes) == 4


def test_node_size_follows_pagerank(graph):
    data = _payload(render_html(graph, size_by="pagerank"))
    oracle = nx.DiGraph()  # the ties: asserted relations, symmetric ones both ways, actors with ties only
    for row in graph.relations_table.itertuples():
        if row.polarity == "asserted":
            for s, t in [(row.source, row.target)] + ([(row.target, row.source)] if row.relation == "meets" else []):
                oracle.add_edge(s, t, weight=oracle.get_edge_data(s, t, {"weight": 0})["weight"] + 1)
    expected = nx.pagerank(oracle, weight="weight")
    value = {n["id"]: n["value"] for n in data["nodes"]}
    assert max(value, key=value.get) == max(expected, key=expected.get)
    tied = {k: v for k, v in value.items() if k in expected}
    assert min(tied, key=tied.get) == min(expected, key=expected.get)
    assert value["lonely-isle"] == 0.0 == min(value.values())  # no tie, smallest node
    assert data["sizeBy"] == "pagerank"


def test_relation_and_date_filters(graph):
    data = _payload(render_html(graph, relation="attacks"))
    assert {e["rel"] for e in data["edges"]} == {"attacks"}
    assert {n["id"] for n in data["nodes"]} == {"atlantis", "borduria"}
    data = _payload(render_html(graph, since="2023-06-10", until=dt.date(2023, 7, 4)))
    dates = [item["date"] for items in data["evidence"].values() for item in items]
    assert sorted(dates) == ["2023-06-10", "2023-06-11", "2023-07-03", "2023-07-04"]
    with pytest.raises(LookupFailed, match="atacks"):
        render_html(graph, relation="atacks")
    with pytest.raises(DiplographError, match="YYYY-MM-DD"):
        render_html(graph, since="last spring")
    with pytest.raises(LookupFailed, match="did you mean 'pagerank'"):
        render_html(graph, size_by="pagerenk")


def test_top_prunes_to_the_most_central_actors_with_a_note(graph):
    data = _payload(render_html(graph, top=2, size_by="degree"))
    assert {n["id"] for n in data["nodes"]} == {"atlantis", "borduria"}
    assert all({e["from"], e["to"]} == {"atlantis", "borduria"} for e in data["edges"])
    assert "2 most central actors by degree out of 5" in data["note"]
    with pytest.raises(InputError):
        render_html(graph, top=0)


def test_large_graphs_are_laid_out_in_python(graph, monkeypatch):
    monkeypatch.setattr(vis_data, "LAYOUT_THRESHOLD", 3)
    data = _payload(render_html(graph))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    again = _payload(render_html(graph))
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in data["nodes"]]
    small = _payload(render_html(graph, physics=True))
    assert small["physics"] is True and "x" not in small["nodes"][0]


def test_write_html_and_notebook_display(graph, tmp_path):
    path = write_html(graph, tmp_path / "out" / "graph.html", title="Atlantis")
    page = path.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Atlantis</title>" in page
    shown = notebook_display(graph, height=500)
    frame = shown._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame and "500px" in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame).group(1)
    assert "<script" not in srcdoc and html.unescape(srcdoc) == shown.html


def test_empty_graph_renders():
    data = _payload(render_html(RelationGraph.from_records([], [])))
    assert data["nodes"] == [] and data["edges"] == [] and data["dateRange"] is None


def test_evidence_is_capped_but_the_count_is_kept(graph):
    data = _payload(render_html(graph, max_evidence=2))
    attacks = next(e for e in data["edges"] if e["rel"] == "attacks" and e["pol"] == "asserted")
    assert attacks["n"] == 4 and len(data["evidence"][attacks["id"]]) == 2
    assert [item["date"] for item in data["evidence"][attacks["id"]]] == ["2023-05-02", "2023-06-09"]
    with pytest.raises(InputError):
        render_html(graph, max_evidence=0)
