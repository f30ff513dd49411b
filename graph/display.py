"""Showing a rendered page to the user: inline in Jupyter/IPython, else in the web browser.

:meth:`RelationGraph.show <diplograph.graph.relation_graph.RelationGraph.show>`
renders the page with :func:`diplograph.exports.html.render_html` and hands the
markup, and the notebook wrapper (:class:`~diplograph.exports.html.NotebookPage`,
a sandboxed iframe), to :func:`display_page`, so this module needs nothing
from the exports.
"""

from __future__ import annotations

import tempfile
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from diplograph.base.io import write_text

__all__ = ["in_notebook", "display_page"]


def in_notebook() -> bool:
    """True inside IPython (Jupyter included)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


def display_page(markup: str, notebook: Callable[[str], Any]) -> Any:
    """Show the HTML page ``markup``.

    Returns:
        Inside IPython (Jupyter included), ``notebook(markup)``: an object
        whose ``_repr_html_`` the notebook renders inline (the page in a
        sandboxed iframe, never the page's own markup, whose scripts and
        styles would act on the notebook); elsewhere the path of a temporary
        ``graph.html`` holding the page, after opening it in the browser.
    """
    if in_notebook():
        return notebook(markup)
    path = write_text(Path(tempfile.mkdtemp(prefix="diplograph-")) / "graph.html", markup)
    webbrowser.open(path.resolve().as_uri())
    return path
