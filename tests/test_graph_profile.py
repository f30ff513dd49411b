"""Actor profiles and the notebook/visualisation hooks."""

import datetime as dt
import sys
import types

import pytest

from diplograph.base.errors import LookupFailed
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation

ACTORS = [
    Actor(
        id="volodymyr-zelenskyy",
        name="Volodymyr Zelenskyy",
        type="person",
        country="UKR",
        aliases=("Zelensky",),
        roles=("President of Ukraine",),
    ),
    Actor(id="russia", name="Russia", type="state", country="RUS", aliases=("Kremlin",)),
    Actor(id="nato", name="NATO", type="organization", members=("france", "germany")),
    Actor(id="evil", name="<script>alert('x')</script>", type="group"),
]


def rel(i, source, relation, target, day, **extra):
    return Relation(
        id=f"r{i}",
        doc=f"doc{i}",
        sentence=0,
        source=source,
        target=target,
        relation=relation,
        date=dt.date(2025, 8, day),
        evidence="A sentence written for the test.",
        span=(0, 1),
        **extra,
    )


RELATIONS = [
    rel(1, "volodymyr-zelenskyy", "appeals", "nato", 3),
    rel(2, "volodymyr-zelenskyy", "appeals", "nato", 4),
    rel(3, "russia", "threatens", "volodymyr-zelenskyy", 5),
    rel(4, "volodymyr-zelenskyy", "meets", "russia", 9, polarity="negated"),
    rel(5, "nato", "meets", "volodymyr-zelenskyy", 12),
    rel(6, "russia", "accuses", "nato", 14, attributed_to="volodymyr-zelenskyy"),
    rel(7, "evil", "threatens", "nato", 15),
]


@pytest.fixture(scope="module")
def g():
    return RelationGraph.from_records(ACTORS, RELATIONS)


def test_profile_counts_partners_and_dates(g):
    p = g.actor("zelensky")
    assert (p.id, p.name, p.type, p.country) == ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "person", "UKR")
    assert p.roles == ("President of Ukraine",)
    # meets is symmetric: NATO meeting Zelenskyy counts both ways.
    assert p.outgoing == {"appeals": 2, "meets": 1}
    assert p.incoming == {"threatens": 1, "meets": 1}
    assert p.negated == 1 and p.statements_attributed == 1 and p.documents == 5
    assert (p.first_seen, p.last_seen) == (dt.date(2025, 8, 3), dt.date(2025, 8, 12))
    assert [(q.name, q.relations, q.types) for q in p.top_partners] == [
        ("NATO", 3, "appeals×2, meets×1"),
        ("Russia", 1, "threatens×1"),
    ]
    table = g.centrality()
    row = table.loc[table["actor"] == "volodymyr-zelenskyy"].iloc[0]
    assert p.ranks["pagerank"] == row["pagerank_rank"] and p.centrality["degree"] == row["degree"]
    assert p.actors_ranked == 4


def test_profile_repr_and_html_escape_text(g):
    p = g.actor("Volodymyr Zelenskyy")
    text = repr(p)
    assert text.splitlines()[0] == "Volodymyr Zelenskyy [volodymyr-zelenskyy]"
    assert "does        appeals×2, meets×1" in text
    assert "partners    NATO (3: appeals×2, meets×1); Russia (1: threatens×1)" in text
    evil = g.actor("evil")
    markup = evil._repr_html_()
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "<script>" not in g.actor("nato")._repr_html_()  # partner names escaped too
    assert "members" in repr(g.actor("NATO"))


def test_unknown_actor(g):
    with pytest.raises(LookupFailed, match="no actor named 'Zelenskyj'; closest: Volodymyr Zelenskyy"):
        g.actor("Zelenskyj")


def test_show_and_to_html_delegate_to_the_exporter(g, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("diplograph.exports.html")

    def render_html(graph, **options):
        calls.append(("render", graph, options))
        return "<html>graph</html>"

    def write_html(graph, path, **options):
        calls.append(("write", graph, path, options))
        return path

    fake.render_html, fake.write_html = render_html, write_html
    fake.NotebookPage = lambda page, height: ("notebook", page, height)
    monkeypatch.setitem(sys.modules, "diplograph.exports.html", fake)
    assert g.to_html(tmp_path / "g.html", physics=False) == tmp_path / "g.html"
    assert calls[-1] == ("write", g, tmp_path / "g.html", {"physics": False})

    opened = []
    monkeypatch.setattr("webbrowser.open", lambda uri: opened.append(uri))
    shown = g.show(color_by="type")
    assert calls[-1] == ("render", g, {"color_by": "type"})
    # Outside IPython the page goes to a temporary file opened in the browser.
    assert shown.read_text(encoding="utf-8") == "<html>graph</html>"
    assert opened == [shown.resolve().as_uri()]


def test_show_returns_the_sandboxed_notebook_page_inside_ipython(g, monkeypatch):
    pytest.importorskip("IPython")
    from diplograph.exports.html import NotebookPage

    monkeypatch.setattr("IPython.get_ipython", lambda: object())
    shown = g.show(height=500, title="Inline")
    assert isinstance(shown, NotebookPage) and shown.height == 500
    assert "<title>Inline</title>" in shown.html
    frame = shown._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "<script" not in frame  # the page is an escaped attribute, never markup of the notebook
