"""What changed between two graphs: two periods of one corpus, or two builds.

Ties are compared as undirected actor pairs (by actor id, so two builds of
different corpora line up): new ties, vanished ties, ties whose sign flipped
between cooperation and conflict, and the actors whose centrality moved most.
Ties are those of the evidence level given (asserted factual relations by
default).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError
from diplograph.graph.filters import ANALYSIS_MODALITY, DateArg, ModalityArg, deprecated_spellings, filter_date

if TYPE_CHECKING:
    from diplograph.graph.relation_graph import RelationGraph

__all__ = ["GraphComparison", "tie_table", "compare_graphs", "split_by_date"]

_TIE_COLUMNS = ("a", "b", "a_name", "b_name")


@dataclass(frozen=True)
class GraphComparison:
    """The differences between a ``before`` and an ``after`` graph.

    Attributes:
        before, after: labels of the two sides.
        new_ties: pairs tied only after (``relations`` = records after).
        vanished_ties: pairs tied only before (``relations`` = records before).
        sign_flips: pairs whose summed ontology weight changed sign.
        movers: actors with the largest change of ``measure``.
        measure: the centrality measure behind ``movers``.
        counts: sizes of both sides and of each list.
    """

    before: str
    after: str
    new_ties: pd.DataFrame
    vanished_ties: pd.DataFrame
    sign_flips: pd.DataFrame
    movers: pd.DataFrame
    measure: str
    counts: dict[str, int] = field(default_factory=dict)

    def _sections(self) -> list[tuple[str, pd.DataFrame]]:
        return [
            ("new ties", self.new_ties),
            ("vanished ties", self.vanished_ties),
            ("sign flips", self.sign_flips),
            (f"{self.measure} movers", self.movers),
        ]

    def __repr__(self) -> str:
        c = self.counts
        lines = [
            f"{self.before} → {self.after}: {c.get('ties_before', 0)} → {c.get('ties_after', 0)} ties, "
            f"{len(self.new_ties)} new, {len(self.vanished_ties)} vanished, {len(self.sign_flips)} sign flip(s)"
        ]
        for title, frame in self._sections():
            lines.append(f"{title}:")
            lines.append("  —" if frame.empty else frame.head(10).to_string(index=False))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        parts = [f"<p>{html.escape(repr(self).splitlines()[0])}</p>"]
        for title, frame in self._sections():
            parts.append(f"<h4>{html.escape(title)}</h4>")
            parts.append(frame.head(10).to_html(index=False, escape=True) if not frame.empty else "<p>—</p>")
        return "".join(parts)


def tie_table(g: RelationGraph, modality: ModalityArg = ANALYSIS_MODALITY) -> pd.DataFrame:
    """Undirected ties of ``g`` by actor id: ``a, b, count, signed`` (``a < b`` by id)."""
    derived = g._level(modality)
    pairs = derived.pairs
    ids = derived.nodes.to_numpy(dtype=object)
    first, second = ids[pairs["a"].to_numpy(np.int64)], ids[pairs["b"].to_numpy(np.int64)]
    swap = first > second
    frame = pd.DataFrame(
        {
            "a": np.where(swap, second, first),
            "b": np.where(swap, first, second),
            "count": pairs["count"].to_numpy(),
            "signed": pairs["signed"].to_numpy(),
        }
    )
    return frame


def _names(before: RelationGraph, after: RelationGraph) -> dict[str, str]:
    names = dict(zip(before.actors_table["id"], before.actors_table["name"]))
    names.update(zip(after.actors_table["id"], after.actors_table["name"]))
    return names


def _with_names(frame: pd.DataFrame, names: dict[str, str], extra: list[str]) -> pd.DataFrame:
    out = frame.assign(a_name=frame["a"].map(names), b_name=frame["b"].map(names))
    return out[[*_TIE_COLUMNS, *extra]].reset_index(drop=True)


def _movers(
    before: RelationGraph, after: RelationGraph, measure: str, names: dict[str, str], top: int, modality: ModalityArg
) -> pd.DataFrame:
    columns = ["actor", "name", "before", "after", "change", "rank_before", "rank_after"]
    old = before.centrality((measure,), modality=modality).set_index("actor")
    new = after.centrality((measure,), modality=modality).set_index("actor")
    ids = old.index.union(new.index)
    if len(ids) == 0:
        return pd.DataFrame(columns=columns)
    frame = (
        pd.DataFrame(
            {
                "before": old[measure].reindex(ids, fill_value=0).astype(float),
                "after": new[measure].reindex(ids, fill_value=0).astype(float),
                "rank_before": old[f"{measure}_rank"].reindex(ids).astype("Int64"),
                "rank_after": new[f"{measure}_rank"].reindex(ids).astype("Int64"),
            },
            index=ids,
        )
        .rename_axis("actor")
        .reset_index()
    )
    frame["change"] = frame["after"] - frame["before"]
    frame["name"] = frame["actor"].map(names)
    frame = frame.loc[frame["change"] != 0]
    frame = frame.reindex(frame["change"].abs().sort_values(ascending=False, kind="stable").index)
    return frame[columns].head(top).reset_index(drop=True)


def compare_graphs(
    before: RelationGraph,
    after: RelationGraph,
    *,
    labels: tuple[str, str] = ("before", "after"),
    measure: str = "pagerank",
    top: int = 10,
    modality: ModalityArg = ANALYSIS_MODALITY,
) -> GraphComparison:
    """Compare two graphs; lists are sorted by relation count (ties) or size of change (movers)."""
    names = _names(before, after)
    old, new = tie_table(before, modality), tie_table(after, modality)
    joined = old.merge(new, on=["a", "b"], how="outer", suffixes=("_before", "_after"), indicator=True)
    added = joined.loc[joined["_merge"] == "right_only"].rename(columns={"count_after": "relations"})
    gone = joined.loc[joined["_merge"] == "left_only"].rename(columns={"count_before": "relations"})
    both = joined.loc[joined["_merge"] == "both"]
    flipped = both.loc[np.sign(both["signed_before"]) * np.sign(both["signed_after"]) < 0]
    order = lambda f, col: f.sort_values([col, "a", "b"], ascending=[False, True, True], kind="stable")  # noqa: E731
    flips = _with_names(
        flipped.assign(weight_change=flipped["signed_after"] - flipped["signed_before"]).pipe(
            lambda f: f.reindex(f["weight_change"].abs().sort_values(ascending=False, kind="stable").index)
        ),
        names,
        ["signed_before", "signed_after", "count_before", "count_after"],
    )
    return GraphComparison(
        before=labels[0],
        after=labels[1],
        new_ties=_with_names(order(added, "relations"), names, ["relations"]).astype({"relations": "int64"}),
        vanished_ties=_with_names(order(gone, "relations"), names, ["relations"]).astype({"relations": "int64"}),
        sign_flips=flips.astype({"count_before": "int64", "count_after": "int64"}),
        movers=_movers(before, after, measure, names, top, modality),
        measure=measure,
        counts={
            "actors_before": len(before),
            "actors_after": len(after),
            "ties_before": len(old),
            "ties_after": len(new),
            "relations_before": len(before.relations_table),
            "relations_after": len(after.relations_table),
        },
    )


@deprecated_spellings(positional=("until",))
def split_by_date(g: RelationGraph, *, until: DateArg) -> tuple[RelationGraph, RelationGraph, tuple[str, str]]:
    """Split ``g`` into relations dated up to ``until`` (inclusive) and after it; undated ones are left out."""
    cut = filter_date(until, "until")
    if cut is None:
        raise ConfigError("compare needs a date to split at (until='YYYY-MM-DD') or another graph")
    day = cut.date()
    before = g.subgraph(until=day)
    after = g.subgraph(since=day + dt.timedelta(days=1))
    return before, after, (f"up to {day}", f"after {day}")
