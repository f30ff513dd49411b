"""The analysis methods of :class:`~diplograph.graph.relation_graph.RelationGraph` (a mixin).

Every analysis counts *ties*: asserted records of the modalities given by its
keyword-only ``modality=`` argument, ``"factual"`` by default (``"all"``
adds planned and hypothetical reports; negated records never count; see
:func:`diplograph.graph.filters.tie_modalities`). The methods are thin
wrappers over the topic modules (neighborhood, centrality, communities,
balance, dyads, contested, compare, profile, summary, report).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.balance import BalanceReport, balance_report
from diplograph.graph.centrality import MEASURES, centrality_table
from diplograph.graph.communities import detect_communities, membership_frame, summary_frame
from diplograph.graph.compare import GraphComparison, compare_graphs, split_by_date
from diplograph.graph.contested import DEFAULT_WINDOW, contested_frame
from diplograph.graph.dyads import dyad_table
from diplograph.graph.filters import (
    ANALYSIS_MODALITY,
    DateArg,
    ModalityArg,
    Names,
    check_names,
    deprecated_spellings,
    tie_modalities,
)
from diplograph.graph.neighborhood import ActorPath, ego_actors, neighbors_frame, shortest_path
from diplograph.graph.profile import ActorProfile, actor_profile
from diplograph.graph.query import relation_mask, timeline_frame
from diplograph.graph.report import render_report
from diplograph.graph.summary import GraphSummary, graph_summary

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs
    from diplograph.graph.relation_graph import RelationGraph

__all__ = ["AnalysisMethods"]


class AnalysisMethods:
    """Neighbours, paths, timelines, centrality, communities, balance, dyads, contests, comparisons, profiles, reports."""

    _derived: DerivedGraphs
    engine: str

    def _level(self, modality: ModalityArg) -> DerivedGraphs:
        """The derived views whose ties are the asserted records of ``modality``."""
        return self._derived.level(tie_modalities(modality))

    # ------------------------------------------------------------------ surroundings

    @deprecated_spellings(positional=("relation", "direction"))
    def neighbors(
        self,
        a: str,
        *,
        relation: Names = None,
        direction: Literal["both", "out", "in"] = "both",
        modality: ModalityArg = ANALYSIS_MODALITY,
    ) -> pd.DataFrame:
        """The actors tied to ``a``, most relations first (symmetric types from both sides)."""
        return neighbors_frame(self._level(modality), a, relation=check_names(relation, "relation"), direction=direction)

    def ego(self, a: str, radius: int = 1, *, modality: ModalityArg = ANALYSIS_MODALITY) -> RelationGraph:
        """The graph of ``a`` and the actors within ``radius`` ties of it, with all relations among them."""
        return self.subgraph(actors=ego_actors(self._level(modality), a, radius))  # type: ignore[attr-defined]

    def path(self, a: str, b: str, *, modality: ModalityArg = ANALYSIS_MODALITY) -> ActorPath:
        """The shortest chain of ties from ``a`` to ``b`` (names, with the relations on each hop)."""
        return shortest_path(self._level(modality), a, b)

    def timeline(
        self,
        a: str | None = None,
        freq: str = "W",
        *,
        relation: Names = None,
        polarity: str | None = "asserted",
        modality: ModalityArg = ANALYSIS_MODALITY,
        since: DateArg = None,
        until: DateArg = None,
    ) -> pd.DataFrame:
        """Relation counts per period (``freq``: D, W, M, Q, Y) and type, for everyone or actor ``a``.

        Counts asserted factual records by default; ``polarity=None`` and
        ``modality="all"`` count everything.
        """
        mask = relation_mask(
            self._derived, actor=a, relation=relation, polarity=polarity, modality=modality, since=since, until=until
        )
        return timeline_frame(self._derived, mask, freq)

    # ------------------------------------------------------------------ measures

    @deprecated_spellings(positional=("relation", "weight"))
    def centrality(
        self,
        measures: str | Sequence[str] = MEASURES,
        *,
        relation: Names = None,
        weight: str | None = "count",
        k: int | None = None,
        seed: int = 0,
        modality: ModalityArg = ANALYSIS_MODALITY,
    ) -> pd.DataFrame:
        """Centrality table: one row per actor, one column and one rank per measure.

        ``relation`` restricts the graph to those relation types first.
        ``weight="count"`` weighs ties by their number of relation records
        (None: unweighted). Measures are computed over the actors that have
        ties; the others score 0 (``df.attrs["untied"]`` counts them).
        Betweenness and closeness are estimated from ``k`` sampled actors on
        large graphs (see ``df.attrs["notes"]``).

        Raises:
            ConfigError: an unknown measure, weight or modality, or a ``k`` that is not a positive whole number.
        """
        graph = self if relation is None else self.subgraph(relation=relation)  # type: ignore[attr-defined]
        derived = graph._level(modality)
        measures = (measures,) if isinstance(measures, str) else tuple(measures)
        key = ("centrality", measures, weight, k if not isinstance(k, (int, np.integer)) else int(k), seed)
        table = derived.memo(
            key, lambda: centrality_table(derived, measures, weight=weight, k=k, seed=seed, engine=graph.engine)
        )
        out = table.copy()
        out.attrs = {name: (list(v) if isinstance(v, list) else v) for name, v in table.attrs.items()}
        if relation is not None:
            types = self._derived.ontology.check(check_names(relation, "relation")) or []
            out.attrs["notes"] = [f"relations: {', '.join(types)}", *out.attrs["notes"]]
        return out

    def _membership(
        self, method: str, signed: bool, seed: int, resolution: float, modality: ModalityArg
    ) -> tuple[np.ndarray, float | None]:
        derived = self._level(modality)
        return derived.memo(
            ("communities", method, signed, seed, resolution),
            lambda: detect_communities(
                derived, engine=self.engine, method=method, signed=signed, seed=seed, resolution=resolution
            ),
        )

    def communities(
        self,
        method: Literal["louvain", "leiden"] = "louvain",
        signed: bool = False,
        seed: int = 0,
        *,
        resolution: float = 1.0,
        modality: ModalityArg = ANALYSIS_MODALITY,
    ) -> pd.DataFrame:
        """Community of every actor: ``actor, name, type, country, community`` (1 = largest).

        ``attrs["modularity"]`` holds the partition's modularity (None when
        signed or without ties); :meth:`community_summary` describes each
        community of the same partition. ``signed=True`` lets conflict ties
        push actors apart (always the Leiden algorithm; needs leidenalg).
        """
        labels, quality = self._membership(method, signed, seed, resolution, modality)
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
        modality: ModalityArg = ANALYSIS_MODALITY,
    ) -> pd.DataFrame:
        """One row per community (same arguments as :meth:`communities`): size, members, relation mix."""
        labels, _ = self._membership(method, signed, seed, resolution, modality)
        derived = self._level(modality)
        key = ("community_summary", method, signed, seed, resolution, members)
        return derived.memo(key, lambda: summary_frame(derived, labels, members=members)).copy()

    def balance(self, examples: int = 10, *, modality: ModalityArg = ANALYSIS_MODALITY) -> BalanceReport:
        """Structural balance of the signed ties: triad counts, ratio, strongest examples."""
        derived = self._level(modality)
        return derived.memo(("balance", examples), lambda: balance_report(derived, examples=examples))

    def dyads(self, top: int | None = 20, *, modality: ModalityArg = ANALYSIS_MODALITY) -> pd.DataFrame:
        """The most active actor pairs, with their planned, hypothetical and negated records apart.

        See :mod:`diplograph.graph.dyads`; ``top=None`` lists every pair.
        """
        derived = self._level(modality)
        return derived.memo(("dyads", top), lambda: dyad_table(derived, top)).copy()

    def contested(
        self,
        *,
        relation: Names = None,
        since: DateArg = None,
        until: DateArg = None,
        within: int | None = DEFAULT_WINDOW,
    ) -> pd.DataFrame:
        """The records of every contested relation: asserted as fact by one report, denied by another.

        One row per record, both sides, with the speaker of each (see
        :mod:`diplograph.graph.contested` for the exact definition);
        ``within`` is the most days between an assertion and a denial.
        """
        mask = relation_mask(self._derived, relation=relation, since=since, until=until)
        return contested_frame(self._derived, mask, within=within)

    # ------------------------------------------------------------------ comparisons and profiles

    def compare(
        self,
        other: RelationGraph | None = None,
        *,
        until: DateArg = None,
        measure: str = "pagerank",
        top: int = 10,
        modality: ModalityArg = ANALYSIS_MODALITY,
    ) -> GraphComparison:
        """What changed: ``g.compare(until="2025-08-15")`` (before vs after a date) or ``g.compare(other)``."""
        if other is not None and until is not None:
            raise ConfigError("compare takes another graph or until=, not both")
        if other is None:
            before, after, labels = split_by_date(self, until=until)
        else:
            before, after, labels = self, other, ("this graph", "other graph")
        return compare_graphs(before, after, labels=labels, measure=measure, top=top, modality=modality)

    def actor(self, name: str, *, modality: ModalityArg = ANALYSIS_MODALITY) -> ActorProfile:
        """Profile of the actor called ``name`` (any alias): fields, relation counts, partners, ranks, dates."""
        return actor_profile(self._level(modality), name, self.centrality(modality=modality))

    def summary(self, *, modality: ModalityArg = ANALYSIS_MODALITY) -> GraphSummary:
        """Counts that describe the graph at a glance."""
        derived = self._level(modality)
        return derived.memo(("summary",), lambda: graph_summary(derived))

    @deprecated_spellings(positional=("relation", "top"))
    def report(
        self,
        format: Literal["md", "csv", "json", "html"] = "md",
        *,
        relation: Names = None,
        top: int = 20,
        modality: ModalityArg = ANALYSIS_MODALITY,
        places: bool = False,
    ) -> str:
        """The centrality report as text (see :func:`diplograph.graph.report.render_report`)."""
        return render_report(self, format=format, relation=relation, top=top, modality=modality, places=places)  # type: ignore[arg-type]
