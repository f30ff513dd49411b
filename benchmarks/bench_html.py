"""Benchmark the interactive HTML export: render time, file size and browser load time.

Builds synthetic graphs (scale-free, a few relations per actor, dated over a
year, with sentence-length evidence), renders each page, and opens it in
headless Chromium (the system ``chromium``; nothing is downloaded) to time how
long until the page reports ready (``window.__diplographReady``: physics
stabilised, or first frame drawn when the layout comes from Python).

Usage::

    .venv/bin/python benchmarks/bench_html.py                 # 100, 1,000, 5,000 actors
    .venv/bin/python benchmarks/bench_html.py --sizes 200 2000 --no-browser
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

from diplograph.exports.html import render_html
from diplograph.exports.vis_data import LAYOUT_THRESHOLD
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.io import write_text
from diplograph.base.models import RELATION_TYPES, Actor, Relation, relation_id

_TYPES = ("state", "state", "person", "person", "person", "organization", "group", "place", "media")
_CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
_PHRASES = (
    "officials said on {day} after a closed-door session",
    "according to a statement released late on {day}",
    "in remarks broadcast on {day}, aides confirmed",
    "a spokesperson told reporters on {day}",
)


def synthetic_graph(n_actors: int, *, relations_per_actor: int = 3, seed: int = 1) -> RelationGraph:
    """A scale-free graph: new actors attach to well-connected ones, as in news coverage."""
    rng = random.Random(seed)
    actors = [Actor(id=f"actor-{i}", name=f"Actor {i}", type=_TYPES[i % len(_TYPES)]) for i in range(n_actors)]
    relations: list[Relation] = []
    endpoints: list[int] = [0, 1] if n_actors > 1 else [0]
    start = dt.date(2024, 1, 1)
    for i in range(1, n_actors):
        for _ in range(relations_per_actor):
            other = rng.choice(endpoints)
            if other == i:
                continue
            source, target = (i, other) if rng.random() < 0.5 else (other, i)
            kind = rng.choice(RELATION_TYPES)
            day = start + dt.timedelta(days=rng.randrange(366))
            doc = f"doc-{rng.randrange(n_actors * 2)}"
            text = f"Actor {source} {kind} Actor {target}, " + rng.choice(_PHRASES).format(day=day.isoformat()) + "."
            polarity = "negated" if rng.random() < 0.05 else "asserted"
            relations.append(Relation(
                id=relation_id(doc, f"actor-{source}", kind, f"actor-{target}", polarity, str(len(relations))),
                doc=doc, sentence=rng.randrange(40), source=f"actor-{source}", target=f"actor-{target}",
                relation=kind, polarity=polarity, date=day, evidence=text, span=(0, len(text)),
            ))
            endpoints.extend((i, other))
    return RelationGraph.from_records(actors, relations)


def load_seconds(browser, path: Path) -> float:
    """Seconds from navigation until the page sets ``window.__diplographReady``."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    try:
        started = time.perf_counter()
        page.goto(path.resolve().as_uri())
        while not page.evaluate("() => window.__diplographReady === true"):
            if time.perf_counter() - started > 600:
                raise TimeoutError(f"{path} not ready after 600 s")
            page.wait_for_timeout(25)
        return time.perf_counter() - started
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium load-time column")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=None, help="keep the pages in this folder")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-html-"))

    rows = []
    for size in args.sizes:
        g = synthetic_graph(size)
        started = time.perf_counter()
        page = render_html(g, title=f"Synthetic graph, {size:,} actors")
        render_s = time.perf_counter() - started
        path = write_text(out / f"graph-{size}.html", page)
        edges = page.count('"rel":')
        rows.append({"size": size, "relations": len(g.relations_table), "edges": edges, "render": render_s,
                     "mb": path.stat().st_size / 1e6, "path": path, "physics": size <= LAYOUT_THRESHOLD})

    if not args.no_browser and Path(args.chromium).exists():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=_CHROMIUM_ARGS)
            for row in rows:
                row["load"] = load_seconds(browser, row["path"])
            browser.close()

    print(f"{'actors':>7} {'relations':>9} {'edges':>7} {'layout':>14} {'render s':>9} {'file MB':>8} {'load s':>7}")
    for row in rows:
        layout = "browser physics" if row["physics"] else "python (still)"
        load = f"{row['load']:.2f}" if "load" in row else "-"
        print(f"{row['size']:>7,} {row['relations']:>9,} {row['edges']:>7,} {layout:>14} "
              f"{row['render']:>9.2f} {row['mb']:>8.2f} {load:>7}")
    print(f"pages in {out}")


if __name__ == "__main__":
    main()
