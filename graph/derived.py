"""Everything derived from a graph's two tables, computed on first use and kept.

A :class:`~diplograph.graph.relation_graph.RelationGraph` is treated as
immutable, so nothing here is ever invalidated: the edge lists, the networkx
and igraph graphs and the results of costly analyses are computed once and
shared by every later call (a report computes each graph once).

Ties depend on the evidence level: one :class:`DerivedGraphs` holds the ties
made of asserted records of some modalities (``factual`` by default);
:meth:`DerivedGraphs.level` gives the sibling for other modalities, sharing
the tables, the name index and the dates.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

import networkx as nx
import numpy as np
import pandas as pd

from diplograph.graph.edges import RecordCodes, directed_edges, record_codes, undirected_pairs
from diplograph.graph.engines import igraph_graph
from diplograph.graph.filters import ANALYSIS_MODALITY
from diplograph.graph.lookup import ActorIndex
from diplograph.graph.tables import date_series
from diplograph.graph.views import multi_view, signed_view, undirected_view, weighted_view
from diplograph.relations.ontology import Ontology

if TYPE_CHECKING:
    from diplograph.actors.dictionary import ActorDictionary

__all__ = ["DerivedGraphs"]

T = TypeVar("T")


def _dictionary_forms(dictionary: ActorDictionary | None) -> Callable[[], Iterable[tuple[str, str, str]]]:
    """A callable yielding ``(text, actor_id, kind)`` for every surface form of ``dictionary``.

    ``None`` stands for the built-in actor dictionary, read only when a lookup needs it.
    """
    if dictionary is not None:
        return dictionary.forms

    def builtin_forms() -> Iterable[tuple[str, str, str]]:
        from diplograph.actors.dictionary import builtin_dictionary  # read on the first lookup that needs it

        return builtin_dictionary().forms()

    return builtin_forms


class DerivedGraphs:
    """Lazily computed views of ``actors`` and ``relations``.

    Args:
        actors: the normalised actors table.
        relations: the normalised relations table.
        ontology: the relation ontology.
        dictionary: the actor dictionary whose metonyms, demonyms and aliases
            the name lookup falls back on (None: the built-in one).
        modalities: the modalities whose asserted records make ties.
    """

    def __init__(
        self,
        actors: pd.DataFrame,
        relations: pd.DataFrame,
        ontology: Ontology,
        dictionary: ActorDictionary | None = None,
        *,
        modalities: tuple[str, ...] = (ANALYSIS_MODALITY,),
    ) -> None:
        self.actors = actors
        self.relations = relations
        self.ontology = ontology
        self.dictionary = dictionary
        self.modalities = tuple(modalities)
        self._results: dict[Hashable, Any] = {}
        self._base: DerivedGraphs | None = None

    def level(self, modalities: tuple[str, ...]) -> DerivedGraphs:
        """The derived views whose ties are made of asserted records of ``modalities`` (shared tables)."""
        modalities = tuple(modalities)
        if modalities == self.modalities:
            return self
        root = self._base or self
        if modalities == root.modalities:
            return root

        def sibling() -> DerivedGraphs:
            other = DerivedGraphs(root.actors, root.relations, root.ontology, root.dictionary, modalities=modalities)
            other._base = root
            return other

        return root.memo(("level", modalities), sibling)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the result stored under ``key``, computing it the first time."""
        if key not in self._results:
            self._results[key] = compute()
        return self._results[key]

    @cached_property
    def nodes(self) -> pd.Index:
        """Actor ids in table order; an actor's integer code is its position here."""
        return pd.Index(self.actors["id"].to_numpy(dtype=object), name="actor")

    @cached_property
    def index(self) -> ActorIndex:
        """Name and alias lookup (falling back on the actor dictionary's metonyms and demonyms)."""
        if self._base is not None:
            return self._base.index
        return ActorIndex(self.actors, dictionary_forms=_dictionary_forms(self.dictionary))

    @cached_property
    def dates(self) -> pd.Series:
        """Relation dates as ``datetime64`` (NaT when undated)."""
        return self._base.dates if self._base is not None else date_series(self.relations)

    @cached_property
    def codes(self) -> RecordCodes:
        """The relations as integer arrays (actor positions, type and document codes, ties)."""
        if self._base is not None:
            return self._base.codes.with_ties(self.modalities)
        return record_codes(self.nodes, self.relations, self.modalities)

    @cached_property
    def tied(self) -> np.ndarray:
        """Boolean mask of the actors with at least one tie (self-loops do not count)."""
        mask = np.zeros(len(self.nodes), dtype=bool)
        mask[self.pairs["a"].to_numpy(dtype=np.int64)] = True
        mask[self.pairs["b"].to_numpy(dtype=np.int64)] = True
        return mask

    @cached_property
    def edges(self) -> pd.DataFrame:
        """Directed ties: ``source, target, count, signed`` (integer codes)."""
        return directed_edges(self.codes, len(self.nodes), self.ontology)

    @cached_property
    def typed_edges(self) -> pd.DataFrame:
        """Directed ties with one count column per relation type."""
        return directed_edges(self.codes, len(self.nodes), self.ontology, by_type=True)

    @cached_property
    def pairs(self) -> pd.DataFrame:
        """Undirected ties: ``a, b, count, signed`` with ``a < b``."""
        return undirected_pairs(self.codes, len(self.nodes), self.ontology)

    @cached_property
    def nx_multi(self) -> nx.MultiDiGraph:
        return multi_view(self.actors, self.relations)

    @cached_property
    def nx_weighted(self) -> nx.DiGraph:
        return weighted_view(self.actors, self.nodes, self.typed_edges)

    @cached_property
    def nx_signed(self) -> nx.DiGraph:
        return signed_view(self.actors, self.nodes, self.edges)

    @cached_property
    def nx_undirected(self) -> nx.Graph:
        return undirected_view(self.nodes, self.pairs)

    @cached_property
    def ig_directed(self):
        """igraph directed graph of the ties, edge ``weight`` = count."""
        edges = self.edges
        return igraph_graph(len(self.nodes), edges["source"], edges["target"], edges["count"], directed=True)

    @cached_property
    def ig_undirected(self):
        """igraph undirected graph of the pairs, edge ``weight`` = count."""
        pairs = self.pairs
        return igraph_graph(len(self.nodes), pairs["a"], pairs["b"], pairs["count"], directed=False)
