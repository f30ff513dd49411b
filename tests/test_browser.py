"""The interactive page in real headless Chromium (Debian's system browser, driven by Playwright).

Nothing is downloaded: the suite uses the system ``chromium`` binary and skips
when there is none. Every page is opened from a file:// URL with all other
requests recorded and blocked, so a page that needs the network fails.
"""

import datetime as dt
import os
import shutil
import time
from collections import Counter

import pytest

from diplograph.exports.html import write_html
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.models import Actor, Relation, relation_id

pytestmark = pytest.mark.browser

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")


def _find_chromium():
    for candidate in (os.environ.get("DIPLOGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = _find_chromium()
if CHROMIUM is None:
    pytest.skip("no chromium binary found (install Debian's 'chromium' package); browser tests skipped",
                allow_module_level=True)

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

XSS_SCRIPT = "<script>window.__pwned=1</script>"
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_QUOTES = "\"'><svg onload=window.__pwned=1>"


def _rel(doc, source, relation, target, *, polarity="asserted", date=None, evidence=None):
    text = evidence or f"{source} {relation} {target} according to {doc}."
    return Relation(
        id=relation_id(doc, source, relation, target, polarity, text), doc=doc, sentence=1, source=source,
        target=target, relation=relation, polarity=polarity, date=date, evidence=text, span=(0, len(text)),
    )


def _sample_graph():
    d = dt.date
    actors = [
        Actor(id="atlantis", name="Atlantis", type="state", country="ATL"),
        Actor(id="borduria", name="Borduria", type="state", country="BOR"),
        Actor(id="syldavia", name="Syldavia", type="state"),
        Actor(id="mira-vance", name="Mira Vance", type="person"),
        Actor(id="ocean-league", name="Ocean League", type="organization"),
        Actor(id="harbour-watch", name="Harbour Watch", type="media"),
        Actor(id="lonely-isle", name="Lonely Isle", type="place"),  # no relation: hidden until asked for
    ]
    relations = [
        _rel("wire-01", "borduria", "attacks", "atlantis", date=d(2023, 5, 2),
             evidence="Bordurian gunboats fired on the Atlantean harbour at dawn."),
        _rel("wire-02", "borduria", "attacks", "atlantis", date=d(2023, 6, 9)),
        _rel("wire-03", "borduria", "attacks", "syldavia", date=d(2023, 6, 20)),
        _rel("wire-02", "atlantis", "accuses", "borduria", date=d(2023, 6, 9)),
        _rel("wire-04", "atlantis", "meets", "syldavia", date=d(2023, 7, 3)),
        _rel("wire-05", "syldavia", "meets", "atlantis", date=d(2023, 7, 4)),
        _rel("wire-06", "mira-vance", "mediates", "borduria",
             evidence="Envoy Mira Vance shuttled between the two capitals."),
        _rel("wire-07", "ocean-league", "sanctions", "borduria", polarity="negated", date=d(2023, 8, 1)),
        _rel("wire-08", "harbour-watch", "accuses", "ocean-league", date=d(2023, 8, 2)),
    ]
    return RelationGraph.from_records(actors, relations)


def _xss_graph():
    actors = [
        Actor(id="evil-a", name=XSS_SCRIPT, type="state"),
        Actor(id="evil-b", name=XSS_IMG, type="person"),
        Actor(id="evil-c", name=XSS_QUOTES, type="organization"),
    ]
    relations = [
        _rel(XSS_IMG, "evil-a", "attacks", "evil-b", date=dt.date(2024, 1, 1), evidence=XSS_SCRIPT + " " + XSS_IMG),
        _rel("doc-2", "evil-b", "accuses", "evil-c", evidence=XSS_QUOTES + " \u2028 </script><!--"),
    ]
    return RelationGraph.from_records(actors, relations)


def _drawn_edges(g):
    """The edges the page should draw: one per (source, target, type, evidence level); symmetric types unordered."""
    keys = Counter()
    for rel in g.iter_relations():
        ends = tuple(sorted((rel.source, rel.target))) if g.ontology[rel.relation].symmetric else (rel.source, rel.target)
        keys[(*ends, rel.relation, "negated" if rel.polarity == "negated" else rel.modality)] += 1
    return keys


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class PageRun:
    """One page opened from a file, with its console errors and outside requests recorded."""

    def __init__(self, browser, path, *, bypass_csp=False):
        self.url = path.resolve().as_uri()
        self.errors = []
        self.requests = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=bypass_csp)
        # Every request that is not the page itself (or inline data) is recorded and aborted.
        self.context.route(lambda url: not self._allowed(url), self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", self._record)
        self.page.goto(self.url)
        self.wait_until("window.__diplographReady === true")

    def _allowed(self, url):
        return url == self.url or url.startswith("data:")

    def _record(self, request):
        if not self._allowed(request.url):
            self.requests.append(request.url)

    def _route(self, route):
        self.requests.append(route.request.url)
        route.abort()

    def wait_until(self, expression, timeout=30.0):
        # The page's Content-Security-Policy forbids string evaluation, so poll instead of wait_for_function.
        deadline = time.monotonic() + timeout
        while not self.js(f"() => Boolean({expression})"):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {expression}; errors: {self.errors}")
            self.page.wait_for_timeout(50)

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def counts(self):
        return self.js("""() => ({
            nodes: window.diplograph.nodes.length,
            edges: window.diplograph.edges.length,
            visibleNodes: window.diplograph.nodes.get({filter: n => !n.hidden}).length,
            visibleEdges: window.diplograph.edges.get({filter: e => !e.hidden}).length,
        })""")

    def dom_point(self, canvas_point):
        """Page coordinates of a point given in vis canvas coordinates."""
        return self.js("""(p) => {
            const dom = window.diplograph.network.canvasToDOM(p);
            const box = document.querySelector('#network canvas').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y, cx: dom.x, cy: dom.y};
        }""", canvas_point)

    def node_point(self, node_id):
        return self.dom_point(self.js("(id) => window.diplograph.network.getPositions([id])[id]", node_id))

    def panel_text(self):
        return self.page.inner_text("#panel")

    def assert_clean(self):
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.requests == [], f"network requests: {self.requests}"

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser, tmp_path):
    runs = []

    def opener(graph, *, bypass_csp=False, **options):
        path = write_html(graph, tmp_path / f"page{len(runs)}.html", **options)
        run = PageRun(browser, path, bypass_csp=bypass_csp)
        runs.append(run)
        return run

    yield opener
    for run in runs:
        run.close()


def test_page_shows_every_node_and_edge_and_the_legend(open_page):
    g = _sample_graph()
    run = open_page(g, title="Atlantis crisis")
    drawn = _drawn_edges(g)
    assert run.counts() == {"nodes": 7, "edges": len(drawn), "visibleNodes": 6, "visibleEdges": len(drawn)}
    run.page.click("#hide-orphans")
    assert run.counts()["visibleNodes"] == 7
    assert run.js("() => window.diplograph.edges.get().reduce((s, e) => s + e.n, 0)") == len(g.relations_table)
    names = run.page.locator("#relation-legend .legend-row .name").all_inner_texts()
    counts = run.page.locator("#relation-legend .legend-row .count").all_inner_texts()
    assert dict(zip(names, map(int, counts))) == dict(Counter(g.relations_table["relation"]))
    assert run.page.locator("#actor-legend .legend-row").count() == g.actors_table["type"].nunique()
    assert run.page.locator("#legend").is_visible()
    assert run.page.inner_text("#title") == "Atlantis crisis"
    run.assert_clean()


def test_filters_change_the_visible_edges(open_page):
    g = _sample_graph()
    run = open_page(g)
    drawn = _drawn_edges(g)
    total = len(drawn)
    attacks = sum(1 for key in drawn if key[2] == "attacks")
    run.page.click('#relation-legend input[data-relation="attacks"]')
    assert run.counts()["visibleEdges"] == total - attacks
    assert run.js("() => window.diplograph.edges.get({filter: e => !e.hidden && e.rel === 'attacks'}).length") == 0
    assert run.js("() => window.diplograph.visibleCounts().edges") == total - attacks
    run.page.click('#relation-legend input[data-relation="attacks"]')
    assert run.counts()["visibleEdges"] == total

    for level in ("factual", "planned", "hypothetical"):
        run.page.click(f'#level-legend input[data-level="{level}"]')
    assert run.counts()["visibleEdges"] == sum(1 for key in drawn if key[3] == "negated") == 1
    for level in ("factual", "planned", "hypothetical"):
        run.page.click(f'#level-legend input[data-level="{level}"]')

    run.page.fill("#date-from", "2023-06-01")
    run.page.fill("#date-to", "2023-07-03")
    run.page.dispatch_event("#date-to", "change")
    # attacks on Atlantis (one report on 06-09), attacks on Syldavia, accuses, meets (07-03)
    assert run.counts()["visibleEdges"] == 4
    run.page.click("#reset-filters")
    assert run.counts()["visibleEdges"] == total

    run.page.click('#actor-legend input[data-actor-type="person"]')
    counts = run.counts()
    assert counts["visibleEdges"] == total - 1
    assert run.js("() => window.diplograph.nodes.get('mira-vance').hidden") is True
    run.assert_clean()


def test_clicking_a_node_opens_its_evidence_and_highlights_neighbours(open_page):
    run = open_page(_sample_graph())
    point = run.node_point("mira-vance")
    assert run.js("(p) => window.diplograph.network.getNodeAt(p)", {"x": point["cx"], "y": point["cy"]}) == "mira-vance"
    run.page.mouse.click(point["x"], point["y"])
    run.wait_until("!document.getElementById('panel').hidden")
    text = run.panel_text()
    assert "Mira Vance" in text
    assert "Envoy Mira Vance shuttled between the two capitals." in text
    assert "wire-06" in text
    faded = run.js("() => window.diplograph.nodes.get('harbour-watch').color.background")
    kept = run.js("() => window.diplograph.nodes.get('borduria').color.background")
    assert faded.startswith("rgba(") and kept == "#3b5ba5"
    run.page.keyboard.press("Escape")
    assert run.js("() => document.getElementById('panel').hidden") is True
    assert run.js("() => window.diplograph.nodes.get('harbour-watch').color.background") == "#d6568c"
    run.assert_clean()


def test_clicking_an_edge_opens_its_evidence(open_page):
    g = _sample_graph()
    run = open_page(g)
    edge = run.js("() => window.diplograph.edges.get({filter: e => e.rel === 'attacks' && e.to === 'atlantis'})[0]")
    a, b = run.node_point(edge["from"]), run.node_point(edge["to"])
    # The only edge between Borduria and Atlantis apart from 'accuses' is curved; click on its curve.
    middle = run.js("""(id) => {
        const net = window.diplograph.network;
        const body = net.body.edges[id];
        const via = body.edgeType.getViaNode ? body.edgeType.getViaNode() : null;
        const from = net.getPositions([body.fromId])[body.fromId], to = net.getPositions([body.toId])[body.toId];
        const c = via && via.x !== undefined ? via : {x: (from.x + to.x) / 2, y: (from.y + to.y) / 2};
        return {x: 0.25 * from.x + 0.5 * c.x + 0.25 * to.x, y: 0.25 * from.y + 0.5 * c.y + 0.25 * to.y};
    }""", edge["id"])
    point = run.dom_point(middle)
    assert run.js("(p) => window.diplograph.network.getEdgeAt(p)", {"x": point["cx"], "y": point["cy"]}) == edge["id"]
    assert a != b
    run.page.mouse.click(point["x"], point["y"])
    run.wait_until("!document.getElementById('panel').hidden")
    text = run.panel_text()
    assert "Borduria → attacks → Atlantis" in text
    assert "Bordurian gunboats fired on the Atlantean harbour at dawn." in text
    assert "wire-01" in text and "wire-02" in text
    assert "2023-05-02" in text and "2023-06-09" in text
    assert "2 reports" in text
    run.assert_clean()


def test_search_focuses_an_actor(open_page):
    run = open_page(_sample_graph())
    run.page.fill("#search", "ocean")
    run.page.press("#search", "Enter")
    run.wait_until("!document.getElementById('panel').hidden")
    assert run.js("() => window.diplograph.network.getSelectedNodes()") == ["ocean-league"]
    assert run.page.inner_text("#panel h3") == "Ocean League"
    run.page.fill("#search", "Nobody at all")
    run.page.press("#search", "Enter")
    assert run.page.inner_text("#search-status") == "No actor matches."
    run.assert_clean()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_xss_corpus_never_executes(open_page, bypass_csp):
    run = open_page(_xss_graph(), bypass_csp=bypass_csp, title=XSS_SCRIPT)
    assert run.js("() => window.__pwned") is None
    for node_id in ("evil-a", "evil-b", "evil-c"):
        run.js("(id) => { window.diplograph.network.selectNodes([id]); window.diplograph.focusNode(id); }", node_id)
        assert run.page.inner_text("#panel h3") == run.js("(id) => window.diplograph.nodes.get(id).label", node_id)
    for edge_id in run.js("() => window.diplograph.edges.getIds()"):
        run.js("(id) => window.diplograph.focusEdge(id)", edge_id)
        text = run.panel_text()
        assert XSS_SCRIPT in text or XSS_QUOTES in text
    run.page.fill("#search", XSS_IMG)
    run.page.press("#search", "Enter")
    assert run.page.inner_text("#panel h3") == XSS_IMG
    assert run.page.title() == XSS_SCRIPT
    assert run.js("() => document.querySelectorAll('#panel img, #panel script, #panel svg, #legend img').length") == 0
    assert run.js("() => window.__pwned") is None
    run.assert_clean()


def test_pruned_graph_without_physics_loads_with_a_note(open_page):
    actors = [Actor(id=f"a{i}", name=f"Actor {i}", type=("state", "person", "organization")[i % 3]) for i in range(120)]
    relations = [
        _rel(f"d{i}", f"a{i % 120}", ("meets", "supports", "accuses", "attacks")[i % 4], f"a{(i * 7 + 1) % 120}",
             date=dt.date(2024, 1 + i % 12, 1 + i % 28))
        for i in range(240)
    ]
    g = RelationGraph.from_records(actors, [r for r in relations if r.source != r.target])
    run = open_page(g, top=80, physics=False)
    counts = run.counts()
    assert counts["nodes"] == 80
    assert run.js("() => window.diplograph.data.physics") is False
    assert run.js("() => window.diplograph.nodes.get().every(n => typeof n.x === 'number')") is True
    assert "80 most central actors" in run.page.inner_text("#note")
    run.assert_clean()
