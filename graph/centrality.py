"""The centrality table: who matters in the graph, by several measures at once.

:func:`centrality_table` returns one row per actor with its name, type and
country, one column per measure and one ``<measure>_rank`` column per
measure (1 = most central), sorted by the first measure. The definitions of
the measures are in :mod:`diplograph.graph.measures`: they are computed over
the actors that have ties (asserted factual relations by default), and
actors without ties score 0 (``df.attrs["untied"]`` counts them).

Path-based measures (betweenness, closeness) cost one graph traversal per
actor, so above :data:`EXACT_LIMIT` actors they are estimated from a fixed-seed
sample of source actors, sized to the graph; the table says so in
``df.attrs["notes"]``. Pass ``k`` to choose the sample size (``k=len(g)`` for
the exact values).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.measures import igraph_scores, networkx_scores, rounded, tie_core

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = [
    "MEASURES",
    "PATH_MEASURES",
    "MEASURE_DESCRIPTIONS",
    "EXACT_LIMIT",
    "check_measures",
    "check_k",
    "sample_size",
    "sample_sources",
    "centrality_table",
]

MEASURES: tuple[str, ...] = ("degree", "in_degree", "out_degree", "pagerank", "betweenness", "eigenvector", "closeness")
PATH_MEASURES: frozenset[str] = frozenset({"betweenness", "closeness"})
#: One line per measure, in plain words (the report's table captions).
MEASURE_DESCRIPTIONS: Mapping[str, str] = MappingProxyType(
    {
        "degree": "relation records on the actor's ties, in + out: a symmetric one (a meeting) counts once each "
        "way, so degree can exceed 'relations'",
        "in_degree": "relation records aimed at the actor, plus its symmetric ones (meetings, negotiations)",
        "out_degree": "relation records the actor initiates, plus its symmetric ones (meetings, negotiations)",
        "pagerank": "share of attention: high when important actors direct relations at the actor (sums to 1)",
        "betweenness": "share of the shortest chains between two other actors that pass through the actor (0-1)",
        "eigenvector": "tied to actors who are themselves well tied (main connected group only; unit length)",
        "closeness": "how few steps the actors that reach it need (0-1, corrected for unreachable actors)",
    }
)

#: Up to this many actors, betweenness and closeness are computed exactly.
EXACT_LIMIT = 1000
#: Sampled sources are chosen so that ``k * (actors + ties)`` stays near this budget.
_TRAVERSAL_BUDGET = 2e7
_MIN_SOURCES, _MAX_SOURCES = 32, 512


def check_measures(measures: str | Sequence[str]) -> list[str]:
    """Validate measure names; return them as a de-duplicated list.

    Raises:
        ConfigError: naming the unknown measure and the known ones.
    """
    items = [measures] if isinstance(measures, str) else list(measures)
    for measure in items:
        if measure not in MEASURES:
            raise ConfigError(f"unknown centrality measure {measure!r}; choose from: {', '.join(MEASURES)}")
    if not items:
        raise ConfigError("centrality needs at least one measure")
    return list(dict.fromkeys(items))


def sample_size(n_actors: int, n_ties: int, k: int | None = None) -> int | None:
    """How many source actors to sample for path measures; None means exact."""
    if k is not None:
        if k < 1:
            raise ConfigError(f"k={k} must be a positive number of sampled actors")
        return None if k >= n_actors else int(k)
    if n_actors <= EXACT_LIMIT:
        return None
    budget = int(_TRAVERSAL_BUDGET // max(n_actors + n_ties, 1))
    chosen = min(max(budget, _MIN_SOURCES), _MAX_SOURCES)
    return None if chosen >= n_actors else chosen


def sample_sources(n_actors: int, k: int, seed: int) -> np.ndarray:
    """Positions of ``k`` sampled actors: the same draw networkx makes for ``k`` and ``seed``."""
    return np.array(random.Random(seed).sample(range(n_actors), k), dtype=np.int64)


def check_k(k: object) -> int | None:
    """Validate the ``k`` argument of :func:`centrality_table`.

    Raises:
        ConfigError: ``k`` is not None or a positive whole number.
    """
    if k is None:
        return None
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ConfigError(f"k={k!r} must be a whole number of sampled actors (or None for automatic)")
    return int(k)


def _ranks(values: pd.Series) -> pd.Series:
    return values.rank(method="min", ascending=False).astype("int64")


def _notes(n: int, engine: str, weighted: bool, k: int | None, seed: int, path_measures: bool) -> list[str]:
    notes = [f"engine: {engine}; ties weighted by {'relation count' if weighted else 'nothing (unweighted)'}"]
    if path_measures and k is not None:
        notes.append(
            f"betweenness and closeness estimated from {k} sampled source actors (seed {seed}) "
            f"because the graph has {n:,} actors with ties; pass k={n} for exact values"
        )
    return notes


def centrality_table(
    derived: DerivedGraphs,
    measures: str | Sequence[str] = MEASURES,
    *,
    weight: str | None = "count",
    k: int | None = None,
    seed: int = 0,
    engine: str = "networkx",
) -> pd.DataFrame:
    """Compute the centrality table of a graph's derived views.

    Args:
        derived: the graph's cached derived data.
        measures: measure names, the first one sorts the table.
        weight: ``"count"`` (ties weighted by number of relation records) or None.
        k: sampled source actors for betweenness/closeness (None: automatic).
        seed: seed of that sample.
        engine: ``"networkx"`` or ``"igraph"`` (already resolved).

    Returns:
        Columns ``actor, name, type, country``, one per measure, then one
        ``<measure>_rank`` per measure; ``attrs["notes"]`` explains sampling,
        ``attrs["untied"]`` counts the actors without ties (they score 0).

    Raises:
        ConfigError: an unknown measure or weight, or a ``k`` that is not a positive whole number.
    """
    names = check_measures(measures)
    if weight not in ("count", None):
        raise ConfigError(f"weight={weight!r}: use 'count' (number of relation records) or None")
    k = check_k(k)
    weighted = weight == "count"
    n = len(derived.nodes)
    core = tie_core(derived.tied, derived.edges, derived.pairs)
    m = core.size
    wants_paths = bool(PATH_MEASURES.intersection(names))
    k_used = sample_size(m, len(core.edges), k) if wants_paths else None
    sources = sample_sources(m, k_used, seed) if k_used is not None else None
    score = igraph_scores if engine == "igraph" else networkx_scores
    found = score(core, names, weighted=weighted, sources=sources) if m else {}
    scores = {}
    for measure in names:
        full = np.zeros(n, dtype=np.int64 if "degree" in measure else float)
        if m:
            full[core.members] = found[measure]
        scores[measure] = rounded(full)
    actors = derived.actors
    # A copy of the actor columns keeps their plain object dtype (no string re-inference).
    table = actors[["id", "name", "type", "country"]].rename(columns={"id": "actor"}).reset_index(drop=True)
    for measure in names:
        table[measure] = scores[measure] if n else pd.Series(dtype="int64" if "degree" in measure else float)
    for measure in names:
        table[f"{measure}_rank"] = _ranks(table[measure]) if n else pd.Series(dtype="int64")
    table = table.sort_values([names[0], "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table.attrs["notes"] = _notes(m, engine, weighted, k_used, seed, wants_paths)
    table.attrs["engine"] = engine
    table.attrs["untied"] = n - m
    return table
