"""diplograph: who does what to whom in international politics, as a traceable graph.

Typical use::

    import diplograph
    g = diplograph.build("examples/")          # or diplograph.load("out/")
    g.relations(source="Putin", relation="demands")
    g.centrality()
    g.show()
"""

from __future__ import annotations

__version__ = "0.1.0"

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

from diplograph.errors import DiplographError
from diplograph.models import Actor, Document, Mention, Relation


def __getattr__(name: str):  # lazy: importing diplograph must not load spaCy
    if name == "RelationGraph":
        from diplograph.graph.relation_graph import RelationGraph

        return RelationGraph
    if name in ("build", "load"):
        from diplograph import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
