"""diplograph: who does what to whom in international politics, as a traceable graph.

Typical use::

    import diplograph
    g = diplograph.build("examples/")          # or diplograph.load("out/")
    g.relations(source="Putin", relation="demands")
    g.centrality()
    g.show()
"""

from __future__ import annotations

__all__ = [
    "__version__",
    "build",
    "load",
    "RelationGraph",
    "Document",
    "Actor",
    "Mention",
    "Relation",
    "DiplographError",
]

from diplograph.base.errors import DiplographError
from diplograph.base.models import Actor, Document, Mention, Relation
from diplograph.base.version import __version__


def __getattr__(name: str):  # lazy: importing diplograph must not load spaCy
    if name == "RelationGraph":
        from diplograph.graph.relation_graph import RelationGraph

        return RelationGraph
    if name == "build":
        from diplograph.pipeline.build import build

        return build
    if name == "load":
        from diplograph.pipeline.output import load

        return load
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
