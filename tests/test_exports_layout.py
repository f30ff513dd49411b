"""Python-side layout for large graphs, and the export palette."""

import math

import networkx as nx
import pytest

from diplograph.exports.layout import force_layout
from diplograph.exports.palette import ACTOR_STYLES, actor_style, relation_colors
from diplograph.base.models import ActorType
from diplograph.relations.ontology import Ontology, RelationType, default_ontology


def _two_clusters():
    graph = nx.disjoint_union(nx.complete_graph(12), nx.complete_graph(12))
    graph.add_edge(0, 12)  # one bridge
    return graph


def _mean_distance(pos, pairs):
    return sum(math.dist(pos[u], pos[v]) for u, v in pairs) / len(pairs)


@pytest.mark.parametrize("exact_limit", [10_000, 0], ids=["exact", "approximate"])
def test_layout_keeps_clusters_apart(exact_limit):
    graph = _two_clusters()
    pos = force_layout(list(graph.nodes), graph.edges, exact_limit=exact_limit)
    assert set(pos) == set(graph.nodes)
    inside = [(u, v) for u in range(12) for v in range(u + 1, 12)]
    across = [(u, v) for u in range(1, 12) for v in range(13, 24)]
    assert _mean_distance(pos, inside) < 0.6 * _mean_distance(pos, across)
    assert len({pos[n] for n in graph.nodes}) == graph.number_of_nodes()


def test_layout_is_deterministic_and_seeded():
    graph = nx.path_graph(30)
    first = force_layout(list(graph.nodes), graph.edges, seed=3)
    assert first == force_layout(list(graph.nodes), graph.edges, seed=3)
    assert first != force_layout(list(graph.nodes), graph.edges, seed=4)


def test_layout_edge_cases():
    assert force_layout([], []) == {}
    assert force_layout(["a"], []) == {"a": (0.0, 0.0)}
    pos = force_layout(["a", "b"], [("a", "b"), ("b", "a"), ("a", "a"), ("a", "ghost")])
    assert set(pos) == {"a", "b"} and pos["a"] != pos["b"]


def test_every_actor_type_has_a_distinct_style():
    types = ActorType.__args__
    assert set(ACTOR_STYLES) == set(types)
    assert len({actor_style(t).color for t in types}) == len(types)
    assert len({actor_style(t).shape for t in types}) == len(types)
    assert actor_style("spaceship").label == "Other"


def test_relation_colours_follow_cooperation_and_conflict():
    ontology = default_ontology()
    colors = relation_colors(ontology)
    assert set(colors) == set(ontology)
    assert len(set(colors.values())) == len(colors)

    def redness(hex_color):
        r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
        return r - b

    cooperative = [redness(colors[n]) for n in ontology if ontology[n].cooperative]
    conflictual = [redness(colors[n]) for n in ontology if not ontology[n].cooperative]
    assert max(cooperative) < min(conflictual)


def test_user_relation_types_get_a_family_colour():
    extra = Ontology(types={"blockades": RelationType(plover="COERCE", quad_class="material_conflict", weight=-7)})
    colors = relation_colors(default_ontology().merged(extra))
    assert colors["blockades"].startswith("#") and colors["blockades"] != colors["attacks"]
