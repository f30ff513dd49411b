"""Exports: the interactive HTML page, GEXF, GraphML, node-link JSON, CSV and Parquet, and terminal output.

Modules: ``html`` (the page, ``NotebookPage``), ``vis_data``/``vis_edges``
(its data, evidence-level styles, legends), ``layout``, ``palette``,
``formats`` (GEXF, GraphML, JSON, CSV, Parquet), ``tabular``, ``targets``
(output paths, XML-safe text), ``terminal`` (tables and strict JSON lines
for the command line), ``progress`` (the build's progress on a terminal).

Typical use::

    from diplograph.exports import write_html, export, read_json
    write_html(g, "graph.html", top=300, size_by="pagerank")
    export(g, "graph.gexf")              # Gephi, with a timeline
    export(g, "tables/", format="csv")   # actors.csv + relations.csv
    g2 = read_json(export(g, "graph.json"))

Submodules are imported on first use, so ``import diplograph.exports`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["render_html", "write_html", "notebook_display", "export", "read_json", "FORMATS"]

_HOMES = {
    "render_html": "diplograph.exports.html",
    "write_html": "diplograph.exports.html",
    "notebook_display": "diplograph.exports.html",
    "export": "diplograph.exports.formats",
    "read_json": "diplograph.exports.formats",
    "FORMATS": "diplograph.exports.formats",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'diplograph.exports' has no attribute {name!r}")
