"""Analytics engines: pure-Python networkx, or compiled python-igraph for large graphs.

Both engines compute the same tables from the same aggregated edge lists
(:mod:`diplograph.graph.edges`); only the algorithms' implementations differ.
``engine="auto"`` picks igraph when it is installed and the graph has more
than :data:`IGRAPH_MIN_ACTORS` actors. Install it with
``pip install 'diplograph[fast]'``.

igraph graphs are built straight from integer-coded edge arrays (no
networkx round trip): vertex ``i`` is row ``i`` of the actors table.
"""

from __future__ import annotations

import contextlib
import importlib.util
import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

import numpy as np

from diplograph.base.errors import ConfigError

if TYPE_CHECKING:
    import igraph

__all__ = [
    "ENGINES",
    "IGRAPH_MIN_ACTORS",
    "Engine",
    "igraph_available",
    "choose_engine",
    "require_igraph",
    "igraph_graph",
    "seeded_igraph",
]

Engine = Literal["auto", "networkx", "igraph"]
ENGINES: tuple[str, ...] = ("auto", "networkx", "igraph")

#: ``engine="auto"`` switches to igraph above this many actors.
IGRAPH_MIN_ACTORS = 5000


def igraph_available() -> bool:
    """True when python-igraph can be imported."""
    return importlib.util.find_spec("igraph") is not None


def require_igraph(what: str) -> None:
    """Raise a one-line :class:`ConfigError` when igraph is missing.

    Args:
        what: the feature that needs it, for the message.
    """
    if not igraph_available():
        raise ConfigError(f"{what} needs python-igraph: pip install 'diplograph[fast]'")


def choose_engine(requested: str, n_actors: int) -> str:
    """Return the concrete engine (``"networkx"`` or ``"igraph"``) for a graph.

    Raises:
        ConfigError: unknown engine name, or ``"igraph"`` requested but not installed.
    """
    if requested not in ENGINES:
        raise ConfigError(f"unknown engine {requested!r}; choose one of: {', '.join(ENGINES)}")
    if requested == "igraph":
        require_igraph("engine='igraph'")
        return "igraph"
    if requested == "auto" and n_actors > IGRAPH_MIN_ACTORS and igraph_available():
        return "igraph"
    return "networkx"


def igraph_graph(
    n_nodes: int, source: np.ndarray, target: np.ndarray, weight: np.ndarray, *, directed: bool
) -> igraph.Graph:
    """Build an igraph graph with ``n_nodes`` vertices from integer edge arrays.

    The edge attribute ``weight`` holds ``weight`` (relation counts).
    """
    import igraph

    # A list of int pairs is igraph's fastest input (faster than a 2-D array).
    edges = list(zip(np.asarray(source, dtype=np.int64).tolist(), np.asarray(target, dtype=np.int64).tolist()))
    graph = igraph.Graph(n=n_nodes, edges=edges, directed=directed)
    graph.es["weight"] = np.asarray(weight, dtype=float)
    return graph


@contextlib.contextmanager
def seeded_igraph(seed: int) -> Iterator[None]:
    """Make igraph's randomised algorithms reproducible inside the block.

    igraph draws from Python's ``random`` module by default; the block swaps in
    a private ``random.Random(seed)`` and restores the default afterwards, so
    the caller's global random state is left untouched.
    """
    import igraph

    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)
