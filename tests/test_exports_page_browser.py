"""The page and the notebook view in real headless Chromium (issues 16.1, 16.2, 16.5, 16.6).

Search by any name the actor dictionary knows, a refit after filtering,
legend counts that follow the filters, "n more" where quotes are cut,
evidence levels and contested relations as filters with their own line
styles, and ``g.show()`` in a sandboxed iframe that leaves the notebook alone.
"""

import datetime as dt
import os
import shutil
import time

import pytest

from diplograph.base.models import Actor, Relation
from diplograph.exports.html import write_html
from diplograph.graph.relation_graph import RelationGraph

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
CHROMIUM = next((c for c in (os.environ.get("DIPLOGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"))
                 if c and os.access(c, os.X_OK)), None)  # fmt: skip
if CHROMIUM is None:
    pytest.skip("no chromium binary found; browser tests skipped", allow_module_level=True)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def rel(i, source, relation, target, *, day=1, polarity="asserted", modality="factual", doc=None):
    return Relation(id=f"r{i}", doc=doc or f"wire-{i}", sentence=0, source=source, target=target, relation=relation,
                    polarity=polarity, modality=modality, date=dt.date(2025, 8, day), evidence=f"Report number {i}.",
                    span=(0, 9))  # fmt: skip


def sample():
    actors = [Actor(id=a, name=n, type="state") for a, n in
              (("russia", "Russia"), ("ukraine", "Ukraine"), ("united-states", "United States"))]  # fmt: skip
    actors += [Actor(id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy", type="person"),
               Actor(id="iceland", name="Iceland", type="state"), Actor(id="norway", name="Norway", type="state")]
    relations = [rel(i, "russia", "attacks", "ukraine", day=i) for i in range(1, 6)]  # five reports, one edge
    relations += [
        rel(6, "united-states", "supports", "ukraine", day=10),
        rel(7, "volodymyr-zelenskyy", "meets", "united-states", day=12, modality="planned"),
        rel(8, "united-states", "sanctions", "russia", day=20),
        rel(9, "united-states", "sanctions", "russia", day=21, polarity="negated"),  # contested
        rel(10, "iceland", "meets", "norway", day=25),  # a far-away pair, for the refit
    ]
    return RelationGraph.from_records(actors, relations)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    def open_graph(graph):
        tab.goto(write_html(graph, tmp_path / "page.html").resolve().as_uri())
        wait(tab, "window.__diplographReady === true")
        return tab

    yield open_graph
    assert errors == []
    context.close()


def wait(target, expression, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not target.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


def counts(tab, legend):
    names = tab.locator(f"#{legend} .legend-row .name").all_inner_texts()
    return dict(zip(names, map(int, tab.locator(f"#{legend} .legend-row .count").all_inner_texts())))


@pytest.mark.parametrize("query, actor", [("Kremlin", "Russia"), ("washington", "United States"),
                                           ("Kyiv", "Ukraine"), ("Russian", "Russia"), ("U.S.", "United States"),
                                           ("zelensky", "Volodymyr Zelenskyy")])  # fmt: skip
def test_search_knows_aliases_metonyms_and_demonyms(page, query, actor):
    tab = page(sample())
    tab.fill("#search", query)
    tab.press("#search", "Enter")
    wait(tab, "!document.getElementById('panel').hidden")
    assert tab.inner_text("#panel h3") == actor and tab.inner_text("#search-status") == ""


def test_refit_after_filtering_and_legend_counts_follow_the_filters(page):
    tab = page(sample())
    assert counts(tab, "relation-legend")["attacks"] == 5
    tab.click('#relation-legend input[data-relation="meets"]')  # hides Iceland – Norway (and the planned meeting)
    tab.click('#relation-legend input[data-relation="supports"]')  # and the United States: Russia – Ukraine remain
    tab.click('#relation-legend input[data-relation="sanctions"]')
    tab.wait_for_timeout(100)
    # Refitted: the two actors left are centred and spread across the view.
    view = tab.evaluate("""() => {
        const net = window.diplograph.network, box = document.querySelector('#network').getBoundingClientRect();
        const points = window.diplograph.nodes.get({filter: n => !n.hidden})
            .map(n => net.canvasToDOM(net.getPositions([n.id])[n.id]));
        const xs = points.map(p => p.x), ys = points.map(p => p.y);
        return {n: points.length, cx: (Math.min(...xs) + Math.max(...xs)) / 2 / box.width,
                cy: (Math.min(...ys) + Math.max(...ys)) / 2 / box.height};
    }""")
    assert view["n"] == 2
    assert abs(view["cx"] - 0.5) < 0.05 and abs(view["cy"] - 0.5) < 0.05, view
    assert counts(tab, "relation-legend")["meets"] == 2  # an unchecked type still says what it would add
    tab.click("#reset-filters")
    tab.fill("#date-from", "2025-08-03")
    tab.fill("#date-to", "2025-08-20")
    tab.dispatch_event("#date-to", "change")
    legend = counts(tab, "relation-legend")
    assert (legend["attacks"], legend["supports"], legend["sanctions"]) == (5, 1, 1)  # edges with a date in range
    tab.fill("#date-from", "2025-08-21")
    tab.fill("#date-to", "2025-08-31")
    tab.dispatch_event("#date-to", "change")
    assert counts(tab, "relation-legend")["attacks"] == 0
    assert counts(tab, "actor-legend") == {"State": 4, "Person": 0}  # the denial of the 21st and the meeting of the 25th


def test_node_panel_says_how_many_quotes_are_cut(page):
    tab = page(sample())
    tab.evaluate("() => { window.diplograph.network.selectNodes(['russia']); window.diplograph.focusNode('russia'); }")
    more = tab.locator("#panel .more-link").first
    assert more.inner_text() == "3 more reports →"
    more.click()
    assert tab.locator("#panel .evidence li").count() == 5 and "Russia → attacks → Ukraine" in tab.inner_text("#panel h3")


def test_evidence_levels_and_contested_relations_are_drawn_and_filtered_apart(page):
    tab = page(sample())
    planned = tab.evaluate("() => window.diplograph.edges.get({filter: e => e.lvl === 'planned'})[0]")
    assert planned["dashes"] == [2, 5] and "(planned)" in planned["title"]
    assert counts(tab, "level-legend") == {"happened (asserted, factual)": 8, "planned": 1, "hypothetical": 0,
                                           "denied (negated)": 1, "contested: only these": 2}  # fmt: skip
    tab.click('#level-legend input[data-level="planned"]')
    assert tab.evaluate("() => window.diplograph.edges.get({filter: e => !e.hidden && e.lvl === 'planned'}).length") == 0
    tab.click('#level-legend input[data-contested="only"]')
    shown = tab.evaluate("() => window.diplograph.edges.get({filter: e => !e.hidden}).map(e => [e.rel, e.lvl])")
    assert sorted(shown) == [["sanctions", "factual"], ["sanctions", "negated"]]
    edge = tab.evaluate("() => window.diplograph.edges.get({filter: e => e.lvl === 'factual' && e.contested})[0].id")
    tab.evaluate("(id) => window.diplograph.focusEdge(id)", edge)
    text = tab.inner_text("#panel")
    assert "contested" in text and "Contested: other reports deny it." in text
    tab.click("#panel .counterparts .relation-link")
    assert "not sanctions" in tab.inner_text("#panel h3")


def test_show_in_a_notebook_is_a_sandboxed_iframe(browser, tmp_path, monkeypatch):
    pytest.importorskip("IPython")
    monkeypatch.setattr("IPython.get_ipython", lambda: object())
    shown = sample().show(height=500)
    host = tmp_path / "notebook.html"
    host.write_text(
        "<!DOCTYPE html><html><head><style>body{font-family:serif;background:rgb(1, 2, 3)}</style></head>"
        f"<body><p id='cell'>Out[1]:</p>{shown._repr_html_()}<p id='after'>next cell</p></body></html>",
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(host.resolve().as_uri())
    frame = tab.wait_for_selector("iframe")
    assert frame.get_attribute("sandbox") == "allow-scripts" and frame.bounding_box()["height"] == pytest.approx(500, abs=4)
    inner = frame.content_frame()
    wait(inner, "window.__diplographReady === true")
    assert inner.evaluate("() => window.diplograph.nodes.length") == 6
    assert inner.evaluate("() => window.origin") == "null"  # opaque origin: no access to the notebook
    assert tab.evaluate("() => typeof window.diplograph") == "undefined"
    style = tab.evaluate("() => [getComputedStyle(document.body).fontFamily, getComputedStyle(document.body).backgroundColor,"
                         " getComputedStyle(document.body).overflow]")  # fmt: skip
    assert style == ["serif", "rgb(1, 2, 3)", "visible"]  # the page's own styles stay inside the frame
    assert tab.is_visible("#after") and errors == []
    context.close()
