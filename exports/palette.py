"""Colours and shapes of actor types and relation types, shared by the HTML page and the GEXF export.

Actors get one colour and one vis-network shape per type. Relation types get a
colour from the family of their quad class: blues and teals for verbal
cooperation, greens for material cooperation, ambers and oranges for verbal
conflict, reds and crimsons for material conflict. Colours inside a family are
handed out in ontology order, so a user ontology with extra types still gets
stable, readable colours.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from diplograph.relations.ontology import Ontology

__all__ = [
    "ActorStyle",
    "ACTOR_STYLES",
    "QUAD_CLASS_LABELS",
    "actor_style",
    "relation_colors",
    "hex_to_rgb",
]


class ActorStyle(NamedTuple):
    """How one actor type is drawn: fill colour, vis-network shape and legend label."""

    color: str
    shape: str
    label: str


#: Fill colour, vis-network shape and legend label per actor type.
ACTOR_STYLES: Mapping[str, ActorStyle] = MappingProxyType({
    "state": ActorStyle("#3b5ba5", "diamond", "State"),
    "person": ActorStyle("#e8a33d", "dot", "Person"),
    "organization": ActorStyle("#8059b6", "square", "Organization"),
    "group": ActorStyle("#8d6e63", "triangle", "Group"),
    "place": ActorStyle("#78909c", "triangleDown", "Place"),
    "media": ActorStyle("#d6568c", "star", "Media"),
})

_FALLBACK_STYLE = ActorStyle("#9e9e9e", "dot", "Other")

#: Legend heading per quad class, in display order.
QUAD_CLASS_LABELS: Mapping[str, str] = MappingProxyType({
    "verbal_cooperation": "Verbal cooperation",
    "material_cooperation": "Material cooperation",
    "verbal_conflict": "Verbal conflict",
    "material_conflict": "Material conflict",
})

_FAMILIES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "verbal_cooperation": (
        "#5b9bd5", "#1f6fb2", "#2a9d8f", "#48b6c9", "#3f51b5", "#0e7490", "#7aa6da", "#155e75",
    ),
    "material_cooperation": ("#2e9b4f", "#66bb6a", "#1b6e37", "#8bc34a"),
    "verbal_conflict": ("#e3a008", "#ea580c", "#a16207", "#fb923c", "#c2410c", "#ca8a04"),
    "material_conflict": ("#dc2626", "#9d174d", "#7f1d1d", "#e11d48", "#b5179e"),
})


def actor_style(actor_type: str) -> ActorStyle:
    """Return the :class:`ActorStyle` of an actor type (grey dot for unknown types)."""
    return ACTOR_STYLES.get(actor_type, _FALLBACK_STYLE)


def relation_colors(ontology: Ontology) -> dict[str, str]:
    """Map every relation type of ``ontology`` to a hex colour from its quad-class family.

    >>> from diplograph.relations.ontology import default_ontology
    >>> colors = relation_colors(default_ontology())
    >>> colors["meets"] != colors["attacks"]
    True
    """
    used: dict[str, int] = {}
    colors: dict[str, str] = {}
    for name in ontology:
        family = _FAMILIES[ontology[name].quad_class]
        index = used.get(ontology[name].quad_class, 0)
        colors[name] = family[index % len(family)]
        used[ontology[name].quad_class] = index + 1
    return colors


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """Convert ``#rrggbb`` to an ``(r, g, b)`` tuple of ints.

    >>> hex_to_rgb("#ff8000")
    (255, 128, 0)
    """
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
