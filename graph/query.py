"""Querying the relations table: filters, dyads and timelines.

Query results list every matching relation record, negated ones included
(filter with ``polarity="asserted"``), with actor names next to the ids.
Actor arguments accept ids, names and aliases in any case; relation types are
checked against the ontology; dates are ``datetime.date`` or ``YYYY-MM-DD``
(the filters are described in :mod:`diplograph.graph.filters`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError, LookupFailed
from diplograph.graph.filters import POLARITIES, DateArg, Names, check_polarity, filter_date

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = [
    "QUERY_COLUMNS",
    "DISPLAY_COLUMNS",
    "POLARITIES",
    "check_polarity",
    "relation_mask",
    "relations_frame",
    "subgraph_tables",
    "between_frame",
    "timeline_frame",
]

#: Columns of :func:`relations_frame`, in order.
QUERY_COLUMNS: tuple[str, ...] = (
    "date",
    "source_name",
    "relation",
    "target_name",
    "polarity",
    "modality",
    "attributed_to_name",
    "evidence",
    "doc",
    "sentence",
    "confidence",
    "mentions",
    "id",
    "source",
    "target",
    "attributed_to",
)
#: The columns worth printing in a terminal table (those of :data:`QUERY_COLUMNS` up to ``doc``, without the speaker).
DISPLAY_COLUMNS: tuple[str, ...] = tuple(
    c for c in QUERY_COLUMNS[: QUERY_COLUMNS.index("doc") + 1] if c != "attributed_to_name"
)

ActorArg = str | Iterable[str] | None


def _speaker_mask(derived: DerivedGraphs, attributed_to: ActorArg) -> np.ndarray:
    """Match speakers by actor (any alias) or, for free-text speakers, by the text itself."""
    wanted = [attributed_to] if isinstance(attributed_to, str) else list(attributed_to)
    speakers = derived.relations["attributed_to"]
    folded = speakers.fillna("").astype(str).str.casefold()
    mask = np.zeros(len(speakers), dtype=bool)
    for name in wanted:
        matches = np.array(folded == str(name).casefold(), dtype=bool)
        try:
            matches |= (speakers == derived.index.resolve(name)).to_numpy()
        except LookupFailed:
            if not matches.any():
                raise
        mask |= matches
    return mask


def relation_mask(
    derived: DerivedGraphs,
    *,
    source: ActorArg = None,
    target: ActorArg = None,
    relation: Names = None,
    polarity: str | None = None,
    since: DateArg = None,
    until: DateArg = None,
    actor: ActorArg = None,
    attributed_to: ActorArg = None,
    modality: str | None = None,
) -> np.ndarray:
    """Boolean mask over the relations table for the given filters (all must hold).

    ``actor`` matches either endpoint; ``since``/``until`` are inclusive and
    drop undated relations.
    """
    table = derived.relations
    mask = np.ones(len(table), dtype=bool)
    index = derived.index
    for column, names in (("source", source), ("target", target)):
        ids = index.resolve_many(names)
        if ids is not None:
            mask &= table[column].isin(ids).to_numpy()
    ids = index.resolve_many(actor)
    if ids is not None:
        mask &= (table["source"].isin(ids) | table["target"].isin(ids)).to_numpy()
    types = derived.ontology.check(relation)
    if types is not None:
        mask &= table["relation"].isin(types).to_numpy()
    if check_polarity(polarity) is not None:
        mask &= (table["polarity"] == polarity).to_numpy()
    if modality is not None:
        mask &= (table["modality"] == modality).to_numpy()
    start, end = filter_date(since, "since"), filter_date(until, "until")
    if start is not None:
        mask &= (derived.dates >= start).to_numpy()
    if end is not None:
        mask &= (derived.dates <= end).to_numpy()
    if attributed_to is not None:
        mask &= _speaker_mask(derived, attributed_to)
    return mask


def relations_frame(derived: DerivedGraphs, mask: np.ndarray | None = None) -> pd.DataFrame:
    """The selected relations with actor names, sorted by date (undated last), with :data:`QUERY_COLUMNS`."""
    table = derived.relations if mask is None else derived.relations.loc[mask]
    index = derived.index
    speakers = table["attributed_to"]
    frame = table.assign(
        source_name=index.names_of(table["source"]),
        target_name=index.names_of(table["target"]),
        attributed_to_name=[index.name_of(s) if isinstance(s, str) else None for s in speakers],
        _when=derived.dates.loc[table.index],
    )
    frame = frame.sort_values("_when", kind="stable", na_position="last")
    return frame[list(QUERY_COLUMNS)].reset_index(drop=True)


def subgraph_tables(
    derived: DerivedGraphs,
    *,
    relation: Names = None,
    actors: ActorArg = None,
    since: DateArg = None,
    until: DateArg = None,
    polarity: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and relations tables of the subgraph that passes every filter.

    ``actors`` keeps the relations among those actors only (an induced
    subgraph). The actors kept are those of the remaining relations plus the
    ones named in ``actors``; with no filter at all, every actor.
    """
    mask = relation_mask(derived, relation=relation, since=since, until=until, polarity=polarity)
    named = derived.index.resolve_many(actors)
    table = derived.relations
    if named is not None:
        mask &= (table["source"].isin(named) & table["target"].isin(named)).to_numpy()
    kept_relations = table.loc[mask]
    if all(value is None for value in (relation, actors, since, until, polarity)):
        return derived.actors, kept_relations
    ids = set(kept_relations["source"]) | set(kept_relations["target"]) | set(named or ())
    return derived.actors.loc[derived.actors["id"].isin(ids)], kept_relations


def between_frame(derived: DerivedGraphs, a: str, b: str) -> pd.DataFrame:
    """Every relation between actors ``a`` and ``b``, both directions, all types."""
    first, second = derived.index.resolve(a), derived.index.resolve(b)
    table = derived.relations
    forward = (table["source"] == first) & (table["target"] == second)
    backward = (table["source"] == second) & (table["target"] == first)
    return relations_frame(derived, (forward | backward).to_numpy())


def timeline_frame(derived: DerivedGraphs, mask: np.ndarray, freq: str = "W") -> pd.DataFrame:
    """Relation counts per period (rows, period start dates) and type (columns).

    Periods without relations appear with zeros between the first and the last
    one; undated relations are left out.

    Raises:
        ConfigError: ``freq`` is not a pandas period alias (``D``, ``W``, ``M``, ``Q``, ``Y``).
    """
    dates = derived.dates.loc[mask]
    types = derived.relations.loc[mask, "relation"]
    dated = dates.notna()
    try:
        periods = dates[dated].dt.to_period(freq)
        empty_range = pd.period_range("2000-01-01", periods=0, freq=freq)
    except (ValueError, TypeError, AttributeError):
        raise ConfigError(f"freq={freq!r} is not a period (use D, W, M, Q or Y)") from None
    order = [name for name in derived.ontology if name in set(types[dated])]
    if periods.empty:
        frame = pd.DataFrame(index=empty_range.to_timestamp(), columns=order, dtype="int64")
    else:
        counts = pd.crosstab(periods.to_numpy(), types[dated].to_numpy())
        full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
        frame = counts.reindex(index=full, columns=order, fill_value=0).astype("int64")
        frame.index = full.to_timestamp()
    frame.index.name = "period"
    frame.columns.name = "relation"
    return frame
