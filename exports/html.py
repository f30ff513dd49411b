"""The interactive HTML page: one self-contained file that works offline.

The page is rendered from diplograph's own Jinja2 template rather than pyvis'
(pyvis 0.3.2 with ``cdn_resources="in_line"`` still links Bootstrap and
tom-select from a CDN). vis-network's JavaScript and CSS are inlined from the
copy bundled with pyvis, so opening the file makes no network request at all.

Safety: every string from the corpus (actor names, evidence sentences,
document ids) travels as JSON inside ``<script type="application/json">`` with
``<``, ``>``, ``&`` and the JavaScript line separators escaped, and the page's
script inserts it with ``textContent`` only. A Content-Security-Policy allows
just the page's own two scripts (by hash), so even an injected ``<script>`` or
``onerror=`` attribute could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
from types import MappingProxyType
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from diplograph.base.version import __version__
from diplograph.exports.targets import file_target
from diplograph.exports.vis_data import build_page_data
from diplograph.graph.relation_graph import RelationGraph
from diplograph.base.io import write_text

__all__ = ["render_html", "write_html", "notebook_display", "NotebookPage", "json_for_script"]

_VIS_VERSION = "vis-9.1.2"
_JSON_ESCAPES = MappingProxyType({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def render_html(g: RelationGraph, **options: Any) -> str:
    """Return the interactive page for ``g`` as one self-contained HTML string.

    Args:
        g: the graph to draw.
        **options: keyword options of
            :func:`~diplograph.exports.vis_data.build_page_data`, which says
            what each does: ``size_by``, the filters ``relation``, ``since``
            and ``until``, ``top``, ``title``, ``physics`` and ``max_evidence``.

    Raises:
        LookupFailed: unknown relation type or size measure.
        ConfigError: a date that is not ``YYYY-MM-DD``.
        InputError: ``top`` or ``max_evidence`` below 1.

    >>> from diplograph.base.models import Actor
    >>> g = RelationGraph.from_records([Actor(id="x", name="X", type="state")], [])
    >>> page = render_html(g, title="Demo")
    >>> page.startswith("<!DOCTYPE html>") and "https://" not in page.split("<script>")[0]
    True
    """
    page = build_page_data(g, **options)
    assets = _assets()
    scripts = (assets["vis_js"], assets["page_js"])
    return _template().render(
        title=page.title,
        version=__version__,
        csp=_content_security_policy(scripts),
        vis_css=assets["vis_css"],
        page_css=assets["page_css"],
        vis_js=assets["vis_js"],
        page_js=assets["page_js"],
        data_json=json_for_script(page.payload()),
    )


def write_html(g: RelationGraph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write :func:`render_html` output to ``path`` atomically and return the path.

    Takes the same keyword options as :func:`render_html`; :meth:`RelationGraph.to_html
    <diplograph.graph.relation_graph.RelationGraph.to_html>` calls it.

    Raises:
        OutputError: ``path`` is an existing folder (checked before the page is rendered).
    """
    target = file_target(path, "graph.html")
    return write_text(target, render_html(g, **options))


class NotebookPage:
    """A rendered page that Jupyter displays inline, in a sandboxed iframe.

    ``_repr_html_`` gives an ``<iframe srcdoc=…>`` holding the escaped page,
    with ``sandbox="allow-scripts"`` only: the page's scripts run in an opaque
    origin, its Content-Security-Policy applies (it is the iframe document's
    own ``<head>``), and neither its styles nor its scripts can reach the
    notebook.

    Attributes:
        html: the full self-contained page.
        height: iframe height in pixels.
    """

    def __init__(self, page: str, *, height: int = 640) -> None:
        self.html = page
        self.height = height

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #e4e7eb;border-radius:6px" '
            'title="diplograph relation graph"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<NotebookPage: {len(self.html):,} characters>"


def notebook_display(g: RelationGraph, *, height: int = 640, **options: Any) -> NotebookPage:
    """Return an object that Jupyter renders as the interactive graph, in a sandboxed iframe.

    Takes the same keyword options as :func:`render_html`, plus the iframe
    ``height``; ``g.show()`` returns the same object inside IPython.
    """
    return NotebookPage(render_html(g, **options), height=height)


def json_for_script(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``-style escapes (so no ``</script>``
    or ``<!--`` can appear) and U+2028/U+2029 are escaped as well.

    >>> json_for_script({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def _content_security_policy(scripts: tuple[str, ...]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
        for script in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
    )


@cache
def _template() -> jinja2.Template:
    source = resources.files("diplograph.exports").joinpath("templates/graph.html.j2").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(source)


@cache
def _assets() -> dict[str, str]:
    """vis-network from the pyvis package and the page's own CSS and JS, checked for safe inlining."""
    vis = resources.files("pyvis").joinpath("lib", _VIS_VERSION)
    own = resources.files("diplograph.exports").joinpath("static")
    assets = {
        "vis_js": _strip_source_map(vis.joinpath("vis-network.min.js").read_text("utf-8")),
        "vis_css": vis.joinpath("vis-network.css").read_text("utf-8"),
        "page_js": own.joinpath("graph.js").read_text("utf-8"),
        "page_css": own.joinpath("graph.css").read_text("utf-8"),
    }
    for name, text in assets.items():
        closing = "</script" if name.endswith("js") else "</style"
        if closing in text.lower():
            raise RuntimeError(f"bundled asset {name} contains {closing!r} and cannot be inlined")
    return assets


def _strip_source_map(script: str) -> str:
    """Drop the ``//# sourceMappingURL=`` comment: the map is not bundled and would be fetched by dev tools."""
    body, _, last = script.rstrip().rpartition("\n")
    return (body if last.startswith("//# sourceMappingURL=") else script.rstrip()) + "\n"
