"""Reproducible reports (issue 17.5): the same graph gives the same report whatever the hash seed.

String hashing changes with ``PYTHONHASHSEED``, and with it the order of
sets of actor ids inside networkx; ARPACK starts eigenvectors from a random
vector. The report is computed here in fresh interpreters with different
seeds, on a graph with many tied ranks, and must be byte-identical.
"""

import os
import subprocess
import sys

SCRIPT = r"""
import random, sys
from diplograph.base.models import Actor, Relation
from diplograph.graph.relation_graph import RelationGraph

rng = random.Random(11)
names = ["atlantis", "borduria", "syldavia", "carpania", "moldavia", "ruritania", "genovia", "latveria",
         "elbonia", "freedonia", "kreplachistan", "zubrowka", "sokovia", "wakanda", "qumar", "krakozhia"]
actors = [Actor(id=n, name=n.title(), type="state") for n in names]
types = ["meets", "negotiates", "supports", "accuses", "attacks", "demands"]
relations = []
for i in range(70):
    a, b = rng.sample(names, 2)
    relations.append(Relation(id=f"r{i}", doc=f"d{i % 9}", sentence=i, source=a, target=b,
                              relation=rng.choice(types), evidence="x", span=(0, 1)))
# A star of identical leaves: exactly tied scores whose last digits must not reorder them.
for i, leaf in enumerate(["leaf-a", "leaf-b", "leaf-c", "leaf-d"]):
    actors.append(Actor(id=leaf, name=leaf.title(), type="state"))
    relations.append(Relation(id=f"s{i}", doc="star", sentence=i, source="atlantis", target=leaf,
                              relation="meets", evidence="x", span=(0, 1)))
g = RelationGraph.from_records(actors, relations, engine=sys.argv[1])
sys.stdout.write(g.report("md") + g.report("json") + g.centrality().to_csv())
"""


def _report(seed, engine="networkx"):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, engine], capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONHASHSEED": str(seed)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_report_is_identical_under_different_hash_seeds():
    first = _report(1)
    for seed in (2, 3, 97):
        assert _report(seed) == first, f"PYTHONHASHSEED={seed} changed the report"


def test_igraph_engine_too():
    first = _report(1, "igraph")
    assert _report(5, "igraph") == first
