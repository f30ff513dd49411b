"""Showing a rendered page to the user: inline in Jupyter/IPython, else in the web browser.

:meth:`RelationGraph.show <diplograph.graph.relation_graph.RelationGraph.show>`
renders the page with :func:`diplograph.exports.html.render_html` and hands the
markup to :func:`display_page`, so this module needs nothing from the exports.
"""

from __future__ import annotations

import tempfile
import webbrowser
from pathlib import Path
from typing import Any

from diplograph.base.io import write_text

__all__ = ["display_page"]


def display_page(markup: str) -> Any:
    """Show the HTML page ``markup``.

    Returns:
        Inside IPython (Jupyter included), an ``IPython.display.HTML`` object
        of the page, which the notebook renders inline; elsewhere the path of a
        temporary ``graph.html`` holding the page, after opening it in the
        browser.
    """
    try:
        from IPython import get_ipython
        from IPython.display import HTML
    except ImportError:
        get_ipython = None  # noqa: N806
    if get_ipython is not None and get_ipython() is not None:
        return HTML(markup)
    path = write_text(Path(tempfile.mkdtemp(prefix="diplograph-")) / "graph.html", markup)
    webbrowser.open(path.resolve().as_uri())
    return path
