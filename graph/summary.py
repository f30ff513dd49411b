"""A one-screen summary of a graph: sizes, relation mix, dates, most active actors."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, ConfigDict

from diplograph.graph.labels import mix_label

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["GraphSummary", "graph_summary"]


class GraphSummary(BaseModel):
    """Counts that describe a graph at a glance.

    ``asserted`` splits into ``factual``, ``planned`` and ``hypothetical``
    records; ``ties``, ``isolated_actors``, ``most_active`` and the type and
    class mixes count the relations of the evidence level ``evidence``
    (asserted records of those modalities; factual by default).
    """

    model_config = ConfigDict(frozen=True)

    actors: int
    relations: int
    asserted: int
    negated: int
    factual: int = 0
    planned: int = 0
    hypothetical: int = 0
    evidence: tuple[str, ...] = ("factual",)
    ties: int
    documents: int
    undated: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    relation_types: dict[str, int] = {}
    quad_classes: dict[str, int] = {}
    actor_types: dict[str, int] = {}
    isolated_actors: int = 0
    most_active: tuple[str, ...] = ()

    def _facts(self) -> list[tuple[str, str]]:
        dates = f"{self.first_date} → {self.last_date}" if self.first_date else "no dated relation"
        split = f"{self.factual} factual, {self.planned} planned, {self.hypothetical} hypothetical"
        return [
            ("actors", f"{self.actors} ({mix_label(self.actor_types) or 'none'}; {self.isolated_actors} without ties)"),
            (
                "relations",
                f"{self.relations} ({self.asserted} asserted: {split}; {self.negated} negated) "
                f"in {self.documents} document(s)",
            ),
            ("ties", f"{self.ties} actor pairs, from asserted {' + '.join(self.evidence)} relations"),
            ("dates", f"{dates}; {self.undated} undated"),
            ("types", mix_label(self.relation_types) or "—"),
            ("classes", mix_label(self.quad_classes) or "—"),
            ("most active", ", ".join(self.most_active) or "—"),
        ]

    def __repr__(self) -> str:
        return "\n".join(f"{label:<12} {value}" for label, value in self._facts())

    __str__ = __repr__

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
            for k, v in self._facts()
        )
        return f"<table>{rows}</table>"


def graph_summary(derived: DerivedGraphs, *, top: int = 5) -> GraphSummary:
    """Summarise the graph behind ``derived``."""
    table = derived.relations
    codes = derived.codes
    dates = derived.dates.dropna()
    pairs = derived.pairs
    n = len(derived.nodes)
    tied = np.zeros(n, dtype=bool)
    tied[pairs["a"].to_numpy(dtype=np.int64)] = True
    tied[pairs["b"].to_numpy(dtype=np.int64)] = True
    activity = np.bincount(pairs["a"], weights=pairs["count"], minlength=n) + np.bincount(
        pairs["b"], weights=pairs["count"], minlength=n
    )
    order = np.lexsort((np.arange(n), -activity))[: min(top, n)]
    per_type = np.bincount(codes.relation[codes.tie], minlength=len(codes.types))
    types = {name: int(count) for name, count in zip(codes.types, per_type) if count}
    types = dict(sorted(types.items(), key=lambda item: (-item[1], item[0])))
    quads: dict[str, int] = {}
    for name, count in types.items():
        quad = derived.ontology[name].quad_class
        quads[quad] = quads.get(quad, 0) + count
    asserted = int(codes.asserted.sum())
    by_modality = np.bincount(codes.modality[codes.asserted], minlength=3)
    return GraphSummary(
        actors=n,
        relations=len(table),
        asserted=asserted,
        negated=len(table) - asserted,
        factual=int(by_modality[0]),
        planned=int(by_modality[1]),
        hypothetical=int(by_modality[2]),
        evidence=codes.tie_modalities,
        ties=len(pairs),
        documents=int(codes.doc.max()) + 1 if codes.doc.size else 0,
        undated=int(derived.dates.isna().sum()),
        first_date=dates.min().date() if len(dates) else None,
        last_date=dates.max().date() if len(dates) else None,
        relation_types=types,
        quad_classes=quads,
        actor_types={str(t): int(c) for t, c in derived.actors["type"].value_counts().items()},
        isolated_actors=int(n - tied.sum()),
        most_active=tuple(derived.index.name_of(derived.nodes[i]) for i in order if activity[i] > 0),
    )
