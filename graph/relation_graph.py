"""RelationGraph: the object analysts hold.

Its source of truth is two tables: ``actors_table`` (one row per
:class:`~diplograph.base.models.Actor`) and ``relations_table`` (one row per
:class:`~diplograph.base.models.Relation`). Every graph view, analysis and export
is derived from them, computed on first use and cached: a RelationGraph is
treated as immutable (filters return new graphs).

The methods are thin wrappers over the topic modules of
:mod:`diplograph.graph`: queries, views and display here, analyses in
:class:`~diplograph.graph.analysis_methods.AnalysisMethods`. Filters are
keyword-only and spelt alike everywhere (``relation=``, ``polarity=``,
``modality=``, ``since=``, ``until=``; see :mod:`diplograph.graph.filters`);
earlier spellings still work, with a :class:`DeprecationWarning`. Queries
list every record; analyses count asserted factual relations unless their
``modality=`` says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import pandas as pd

from diplograph.base.models import Actor, Relation
from diplograph.graph.analysis_methods import AnalysisMethods
from diplograph.graph.derived import DerivedGraphs
from diplograph.graph.display import display_page
from diplograph.graph.engines import Engine, choose_engine
from diplograph.graph.filters import ANALYSIS_MODALITY, DateArg, ModalityArg, Names, deprecated_spellings, filter_key
from diplograph.graph.query import between_frame, endpoint_match, relation_mask, relations_frame, subgraph_tables
from diplograph.graph.sectors import sector_tables
from diplograph.graph.storage import read_tables, write_tables
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
from diplograph.relations.ontology import Ontology, default_ontology

if TYPE_CHECKING:
    from diplograph.actors.dictionary import ActorDictionary

__all__ = ["RelationGraph", "ACTOR_COLUMNS", "RELATION_COLUMNS"]


class RelationGraph(AnalysisMethods):
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
        """Yield every actor as an :class:`Actor` record.

        The sector nodes of :meth:`by_sector` (ids ``"<actor>:<SECTOR>"``)
        are built without validation: their ids are not actor slugs.
        """
        for row in row_dicts(self.actors_table):
            if ":" in str(row["id"]):
                yield Actor.model_construct(**row)
            else:
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
        apart = int(((table["polarity"] != "negated") & (table["modality"] != "factual")).sum())
        dates = self._derived.dates.dropna()
        span = f", {dates.min().date()} → {dates.max().date()}" if len(dates) else ""
        planned = f", {apart} planned or hypothetical" if apart else ""
        return (
            f"<RelationGraph: {len(self.actors_table)} actors, {len(table)} relations "
            f"({negated} negated{planned}), {table['doc'].nunique()} documents{span}>"
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
        modality: ModalityArg = None,
        since: DateArg = None,
        until: DateArg = None,
        actor: Names = None,
        attributed_to: Names = None,
    ) -> pd.DataFrame:
        """The relation records matching every given filter, with actor names, oldest first.

        Every record is listed (negated, planned and hypothetical ones too)
        unless ``polarity``/``modality`` say otherwise. Actor arguments
        accept ids, names or aliases in any case (one or a list); ``actor``
        matches either end; symmetric types match ``source``/``target`` from
        either side (shown from the asked side); ``since``/``until`` are inclusive.

        Raises:
            LookupFailed: an unknown actor (with the closest names) or relation type.
            ConfigError: a malformed filter, or ``since`` after ``until``.
        """
        mask = relation_mask(
            self._derived, source=source, target=target, relation=relation, polarity=polarity, modality=modality,
            since=since, until=until, actor=actor, attributed_to=attributed_to,
        )  # fmt: skip
        _, flipped = endpoint_match(self._derived, source, target)
        return relations_frame(self._derived, mask, flipped)

    def names_of(self, a: str) -> list[str]:
        """Every name known for actor ``a``: its name, its aliases, then the actor dictionary's forms of it
        (metonyms such as "Kremlin", demonyms such as "Russian"), each once."""
        index = self._derived.index
        return index.known_names(a if index.is_id(a) else index.resolve(a))

    def between(self, a: str, b: str) -> pd.DataFrame:
        """Every relation between ``a`` and ``b``, both directions, all types and evidence levels."""
        return between_frame(self._derived, a, b)

    @deprecated_spellings(renamed={"relations": "relation"}, positional=("relation", "actors", "since", "until", "polarity"))
    def subgraph(
        self,
        *,
        relation: Names = None,
        actors: Names = None,
        since: DateArg = None,
        until: DateArg = None,
        polarity: str | None = None,
        modality: ModalityArg = None,
    ) -> RelationGraph:
        """A new graph with the relations that pass every filter (``relations=`` is a deprecated ``relation=``).

        ``actors`` keeps the relations among those actors only (an induced
        subgraph). The new graph keeps the actors of the remaining relations
        plus the actors named in ``actors``; with no filter at all, every actor.
        It keeps this graph's ontology, engine choice and actor dictionary.
        """
        key = ("subgraph", filter_key(relation), filter_key(actors), str(since), str(until), polarity, filter_key(modality))
        return self._derived.memo(key, lambda: self._subgraph(relation, actors, since, until, polarity, modality))

    def _subgraph(
        self, relation: Names, actors: Names, since: Any, until: Any, polarity: str | None, modality: ModalityArg
    ) -> RelationGraph:
        kept_actors, kept_relations = subgraph_tables(
            self._derived, relation=relation, actors=actors, since=since, until=until, polarity=polarity,
            modality=modality,
        )  # fmt: skip
        return self._like(kept_actors, kept_relations)

    def _like(self, actors: pd.DataFrame, relations: pd.DataFrame) -> RelationGraph:
        return RelationGraph(
            actors, relations, ontology=self.ontology, engine=self.engine_choice, dictionary=self.dictionary
        )

    def by_sector(self) -> RelationGraph:
        """The graph with sectors kept apart ("Syria (military)"); the graph itself rolls them up to the state.

        See :mod:`diplograph.graph.sectors`.
        """
        return self._derived.memo(("by_sector",), lambda: self._like(*sector_tables(self.actors_table, self.relations_table)))

    # ------------------------------------------------------------------ graphs

    def to_networkx(
        self, view: Literal["multi", "weighted", "signed"] = "multi", *, modality: ModalityArg = ANALYSIS_MODALITY
    ) -> nx.Graph:
        """A networkx copy of the graph: see :mod:`diplograph.graph.views` for the three views.

        ``"multi"`` holds every record; the tie views count asserted records of ``modality``.
        """
        graphs = {"multi": "nx_multi", "weighted": "nx_weighted", "signed": "nx_signed"}
        return getattr(self._level(modality), graphs[check_view(view)]).copy()

    # ------------------------------------------------------------------ visual

    def to_html(self, path: str | Path, **options: Any) -> Path:
        """Write the interactive HTML visualisation to ``path`` (options: see :func:`diplograph.exports.html.render_html`)."""
        from diplograph.exports.html import write_html  # lazy-import-allowed: graph must not depend on exports

        return write_html(self, path, **options)

    def show(self, *, height: int = 640, **options: Any) -> Any:
        """Display the interactive visualisation (options: see :func:`diplograph.exports.html.render_html`).

        In Jupyter/IPython returns a :class:`~diplograph.exports.html.NotebookPage`,
        which the notebook draws in a sandboxed iframe ``height`` pixels high
        (the page's scripts and styles cannot touch the notebook); elsewhere
        writes the page to a temporary file, opens it in the browser and
        returns the path (see :func:`diplograph.graph.display.display_page`).
        """
        from diplograph.exports.html import NotebookPage, render_html  # lazy-import-allowed: graph must not depend on exports

        return display_page(render_html(self, **options), lambda page: NotebookPage(page, height=height))
