"""RelationGraph: the object analysts hold.

Its source of truth is two tables: ``actors_table`` (one row per
:class:`~diplograph.base.models.Actor`) and ``relations_table`` (one row per
:class:`~diplograph.base.models.Relation`). Every graph view, analysis and export
is derived from them, computed on first use and cached: a RelationGraph is
treated as immutable (filters return new graphs).

The methods are thin wrappers over the topic modules of
:mod:`diplograph.graph` (query, neighborhood, centrality, communities,
balance, compare, profile, summary, report). Filters are keyword-only and
spelt alike everywhere (``relation=``, ``polarity=``, ``since=``, ``until=``;
see :mod:`diplograph.graph.filters`); earlier spellings still work, with a
:class:`DeprecationWarning`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.balance import BalanceReport, balance_report
from diplograph.graph.centrality import MEASURES, centrality_table
from diplograph.graph.communities import detect_communities, membership_frame, summary_frame
from diplograph.graph.compare import GraphComparison, compare_graphs, split_by_date
from diplograph.graph.derived import DerivedGraphs
from diplograph.graph.display import display_page
from diplograph.graph.engines import Engine, choose_engine
from diplograph.graph.filters import DateArg, Names, deprecated_spellings, filter_key
from diplograph.graph.neighborhood import ActorPath, ego_actors, neighbors_frame, shortest_path
from diplograph.graph.profile import ActorProfile, actor_profile
from diplograph.graph.query import between_frame, relation_mask, relations_frame, subgraph_tables, timeline_frame
from diplograph.graph.report import render_report
from diplograph.graph.storage import read_tables, write_tables
from diplograph.graph.summary import GraphSummary, graph_summary
from diplograph.graph.tables import (
    ACTOR_COLUMNS,
    RELATION_COLUMNS,
    check_tables,
    normalise_actors,
    normalise_relations,
    records_frame,
    row_dicts,
)
from diplograph.graph.views import check_view
from diplograph.base.models import Actor, Relation
from diplograph.relations.ontology import Ontology, default_ontology

if TYPE_CHECKING:
    from diplograph.actors.dictionary import ActorDictionary

__all__ = ["RelationGraph", "ACTOR_COLUMNS", "RELATION_COLUMNS"]


class RelationGraph:
    """Actors and the relations between them, with analysis methods.

    Args:
        actors: DataFrame with the :class:`Actor` fields as columns (``id``,
            ``name`` and ``type`` required, the others filled with defaults).
        relations: DataFrame with the :class:`Relation` fields as columns
            (``id``, ``source``, ``target`` and ``relation`` required).
        ontology: the relation ontology (default: the built-in one).
        engine: analytics engine, ``"auto"`` (igraph for graphs of more than
            5,000 actors when installed), ``"networkx"`` or ``"igraph"``.
        dictionary: the actor dictionary of the build (a user ``--actors``
            file extends the built-in one); name lookups fall back on its
            metonyms, demonyms and aliases. None: the built-in dictionary.

    Raises:
        InputError: a table misses columns, repeats ids or names unknown actors.
        ConfigError: a relation type is not in the ontology, or the engine is unavailable.
    """

    def __init__(
        self,
        actors: pd.DataFrame,
        relations: pd.DataFrame,
        *,
        ontology: Ontology | None = None,
        engine: Engine = "auto",
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.ontology = ontology or default_ontology()
        self.dictionary = dictionary
        self.actors_table = normalise_actors(actors)
        self.relations_table = normalise_relations(relations)
        self.engine_choice: Engine = engine
        self.engine: str = choose_engine(engine, len(self.actors_table))
        self._derived = DerivedGraphs(self.actors_table, self.relations_table, self.ontology, dictionary)
        check_tables(self.relations_table, self._derived.codes, self.ontology)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_records(
        cls,
        actors: Iterable[Actor],
        relations: Iterable[Relation],
        ontology: Ontology | None = None,
        *,
        engine: Engine = "auto",
        dictionary: ActorDictionary | None = None,
    ) -> RelationGraph:
        """Build from pydantic records (what the pipeline produces); keywords as for the constructor."""
        return cls(
            records_frame(actors, ACTOR_COLUMNS),
            records_frame(relations, RELATION_COLUMNS),
            ontology=ontology,
            engine=engine,
            dictionary=dictionary,
        )

    @classmethod
    def load(
        cls,
        folder: str | Path,
        *,
        ontology: Ontology | None = None,
        engine: Engine = "auto",
        dictionary: ActorDictionary | None = None,
    ) -> RelationGraph:
        """Reload a saved build from ``folder`` (``actors.jsonl`` + ``relations.jsonl``), without re-parsing.

        Pass the ``ontology`` and ``dictionary`` the build used (None: the built-in ones).

        Raises:
            InputError: naming the missing file, or the file and line of an invalid record.
        """
        actors, relations = read_tables(folder)
        return cls(actors, relations, ontology=ontology, engine=engine, dictionary=dictionary)

    def save(self, folder: str | Path) -> Path:
        """Write ``actors.jsonl`` and ``relations.jsonl`` atomically into ``folder``."""
        return write_tables(folder, self.iter_actors(), self.iter_relations())

    def iter_actors(self) -> Iterator[Actor]:
        """Yield every actor as an :class:`Actor` record."""
        for row in row_dicts(self.actors_table):
            yield Actor.model_validate(row)

    def iter_relations(self) -> Iterator[Relation]:
        """Yield every relation as a :class:`Relation` record."""
        for row in row_dicts(self.relations_table):
            yield Relation.model_validate(row)

    # ------------------------------------------------------------------ protocol

    def __len__(self) -> int:
        return len(self.actors_table)

    def __iter__(self) -> Iterator[Actor]:
        return self.iter_actors()

    def __contains__(self, name: object) -> bool:
        return name in self._derived.index

    def __repr__(self) -> str:
        table = self.relations_table
        negated = int((table["polarity"] == "negated").sum())
        dates = self._derived.dates.dropna()
        span = f", {dates.min().date()} → {dates.max().date()}" if len(dates) else ""
        return (
            f"<RelationGraph: {len(self.actors_table)} actors, {len(table)} relations "
            f"({negated} negated), {table['doc'].nunique()} documents{span}>"
        )

    # ------------------------------------------------------------------ queries

    @deprecated_spellings(positional=("source", "target", "relation", "polarity", "since", "until", "actor", "attributed_to"))
    def relations(
        self,
        *,
        source: Names = None,
        target: Names = None,
        relation: Names = None,
        polarity: str | None = None,
        since: DateArg = None,
        until: DateArg = None,
        actor: Names = None,
        attributed_to: Names = None,
    ) -> pd.DataFrame:
        """The relation records matching every given filter, with actor names, oldest first.

        Actor arguments accept ids, names or aliases in any case (one or a
        list); ``actor`` matches either end; ``since``/``until`` are inclusive.

        Raises:
            LookupFailed: an unknown actor (with the closest names) or relation type.
        """
        mask = relation_mask(
            self._derived, source=source, target=target, relation=relation, polarity=polarity,
            since=since, until=until, actor=actor, attributed_to=attributed_to,
        )  # fmt: skip
        return relations_frame(self._derived, mask)

    def between(self, a: str, b: str) -> pd.DataFrame:
        """Every relation between ``a`` and ``b``, both directions, all types, with evidence."""
        return between_frame(self._derived, a, b)

    @deprecated_spellings(positional=("relation", "direction"))
    def neighbors(
        self, a: str, *, relation: Names = None, direction: Literal["both", "out", "in"] = "both"
    ) -> pd.DataFrame:
        """The actors tied to ``a`` (asserted relations), most relations first."""
        return neighbors_frame(self._derived, a, relation=relation, direction=direction)

    def ego(self, a: str, radius: int = 1) -> RelationGraph:
        """The graph of ``a`` and the actors within ``radius`` ties of it, with all relations among them."""
        return self.subgraph(actors=ego_actors(self._derived, a, radius))

    def path(self, a: str, b: str) -> ActorPath:
        """The shortest chain of ties from ``a`` to ``b`` (names, with the relations on each hop)."""
        return shortest_path(self._derived, a, b)

    def timeline(
        self, a: str | None = None, freq: str = "W", *, relation: Names = None, polarity: str | None = None
    ) -> pd.DataFrame:
        """Relation counts per period (``freq``: D, W, M, Q, Y) and type, for everyone or actor ``a``."""
        mask = relation_mask(self._derived, actor=a, relation=relation, polarity=polarity)
        return timeline_frame(self._derived, mask, freq)

    @deprecated_spellings(renamed={"relations": "relation"}, positional=("relation", "actors", "since", "until", "polarity"))
    def subgraph(
        self,
        *,
        relation: Names = None,
        actors: Names = None,
        since: DateArg = None,
        until: DateArg = None,
        polarity: str | None = None,
    ) -> RelationGraph:
        """A new graph with the relations that pass every filter (``relations=`` is a deprecated ``relation=``).

        ``actors`` keeps the relations among those actors only (an induced
        subgraph). The new graph keeps the actors of the remaining relations
        plus the actors named in ``actors``; with no filter at all, every actor.
        It keeps this graph's ontology, engine choice and actor dictionary.
        """
        key = ("subgraph", filter_key(relation), filter_key(actors), str(since), str(until), polarity)
        return self._derived.memo(key, lambda: self._subgraph(relation, actors, since, until, polarity))

    def _subgraph(self, relation: Names, actors: Names, since: Any, until: Any, polarity: str | None) -> RelationGraph:
        kept_actors, kept_relations = subgraph_tables(
            self._derived, relation=relation, actors=actors, since=since, until=until, polarity=polarity
        )
        return RelationGraph(
            kept_actors, kept_relations, ontology=self.ontology, engine=self.engine_choice, dictionary=self.dictionary
        )

    # ------------------------------------------------------------------ graphs

    def to_networkx(self, view: Literal["multi", "weighted", "signed"] = "multi") -> nx.Graph:
        """A networkx copy of the graph: see :mod:`diplograph.graph.views` for the three views."""
        graphs = {"multi": "nx_multi", "weighted": "nx_weighted", "signed": "nx_signed"}
        return getattr(self._derived, graphs[check_view(view)]).copy()

    # ------------------------------------------------------------------ analyses

    @deprecated_spellings(positional=("relation", "weight"))
    def centrality(
        self,
        measures: str | Sequence[str] = MEASURES,
        *,
        relation: Names = None,
        weight: str | None = "count",
        k: int | None = None,
        seed: int = 0,
    ) -> pd.DataFrame:
        """Centrality table: one row per actor, one column and one rank per measure.

        ``relation`` restricts the graph to those relation types first.
        ``weight="count"`` weighs ties by their number of relation records
        (None: unweighted). Betweenness and closeness are estimated from ``k``
        sampled actors on large graphs (see ``df.attrs["notes"]``).
        """
        graph = self if relation is None else self.subgraph(relation=relation)
        measures = (measures,) if isinstance(measures, str) else tuple(measures)
        key = ("centrality", measures, weight, k, seed)
        table = graph._derived.memo(
            key, lambda: centrality_table(graph._derived, measures, weight=weight, k=k, seed=seed, engine=graph.engine)
        )
        out = table.copy()
        out.attrs = {name: (list(v) if isinstance(v, list) else v) for name, v in table.attrs.items()}
        if relation is not None:
            out.attrs["notes"] = [f"relations: {', '.join(self.ontology.check(relation) or [])}", *out.attrs["notes"]]
        return out

    def _membership(self, method: str, signed: bool, seed: int, resolution: float) -> tuple[np.ndarray, float | None]:
        key = ("communities", method, signed, seed, resolution)
        return self._derived.memo(
            key,
            lambda: detect_communities(
                self._derived, engine=self.engine, method=method, signed=signed, seed=seed, resolution=resolution
            ),
        )

    def communities(
        self,
        method: Literal["louvain", "leiden"] = "louvain",
        signed: bool = False,
        seed: int = 0,
        *,
        resolution: float = 1.0,
    ) -> pd.DataFrame:
        """Community of every actor: ``actor, name, type, country, community`` (1 = largest).

        ``attrs["modularity"]`` holds the partition's modularity (None when
        signed or without ties); :meth:`community_summary` describes each
        community of the same partition. ``signed=True`` lets conflict ties
        push actors apart (always the Leiden algorithm; needs leidenalg).
        """
        labels, quality = self._membership(method, signed, seed, resolution)
        frame = membership_frame(self._derived, labels)
        used = "leiden" if signed else method
        frame.attrs.update(method=used, signed=signed, seed=seed, modularity=quality, engine=self.engine)
        return frame

    def community_summary(
        self,
        method: Literal["louvain", "leiden"] = "louvain",
        signed: bool = False,
        seed: int = 0,
        *,
        resolution: float = 1.0,
        members: int = 8,
    ) -> pd.DataFrame:
        """One row per community (same arguments as :meth:`communities`): size, members, relation mix."""
        labels, _ = self._membership(method, signed, seed, resolution)
        key = ("community_summary", method, signed, seed, resolution, members)
        return self._derived.memo(key, lambda: summary_frame(self._derived, labels, members=members)).copy()

    def balance(self, examples: int = 10) -> BalanceReport:
        """Structural balance of the signed ties: triad counts, ratio, strongest examples."""
        return self._derived.memo(("balance", examples), lambda: balance_report(self._derived, examples=examples))

    def compare(
        self,
        other: RelationGraph | None = None,
        *,
        until: DateArg = None,
        measure: str = "pagerank",
        top: int = 10,
    ) -> GraphComparison:
        """What changed: ``g.compare(until="2025-08-15")`` (before vs after a date) or ``g.compare(other)``."""
        if other is not None and until is not None:
            raise ConfigError("compare takes another graph or until=, not both")
        if other is None:
            before, after, labels = split_by_date(self, until=until)
        else:
            before, after, labels = self, other, ("this graph", "other graph")
        return compare_graphs(before, after, labels=labels, measure=measure, top=top)

    def actor(self, name: str) -> ActorProfile:
        """Profile of the actor called ``name`` (any alias): fields, relation counts, partners, ranks, dates."""
        return actor_profile(self._derived, name, self.centrality())

    def summary(self) -> GraphSummary:
        """Counts that describe the graph at a glance."""
        return self._derived.memo(("summary",), lambda: graph_summary(self._derived))

    @deprecated_spellings(positional=("relation", "top"))
    def report(
        self, format: Literal["md", "csv", "json", "html"] = "md", *, relation: Names = None, top: int = 20
    ) -> str:
        """The centrality report as text (see :func:`diplograph.graph.report.render_report`)."""
        return render_report(self, format=format, relation=relation, top=top)

    # ------------------------------------------------------------------ visual

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive HTML visualisation to ``path`` (options: see :func:`diplograph.exports.html.render_html`)."""
        from diplograph.exports.html import write_html  # lazy-import-allowed: graph must not depend on exports

        return write_html(self, path, **options)

    def show(self, **options: Any) -> Any:
        """Display the interactive visualisation (options: see :func:`diplograph.exports.html.render_html`).

        In Jupyter/IPython returns an ``IPython.display.HTML`` object; elsewhere
        writes it to a temporary file, opens it in the browser and returns the path
        (see :func:`diplograph.graph.display.display_page`).
        """
        from diplograph.exports.html import render_html  # lazy-import-allowed: graph must not depend on exports

        return display_page(render_html(self, **options))

