"""Querying the relations table: filters, dyads and timelines.

Query results list every matching relation record, negated, planned and
hypothetical ones included (filter with ``polarity="asserted"``,
``modality="factual"``), with actor names next to the ids. Actor arguments
accept ids, names and aliases in any case; relation types are checked
against the ontology; dates are ``datetime.date`` or ``YYYY-MM-DD`` (the
filters are described in :mod:`diplograph.graph.filters`).

Symmetric types (``meets``, ``negotiates``) hold both ways, so ``source`` and
``target`` match them from either side: "Trump meets Putin" answers
``source="Putin", relation="meets"``, and the row is shown from the asked
side (Putin as source; its ``id`` is the stored record's).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError, LookupFailed
from diplograph.graph.filters import (
    POLARITIES,
    DateArg,
    ModalityArg,
    Names,
    check_date_range,
    check_modality,
    check_names,
    check_polarity,
)

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = [
    "QUERY_COLUMNS",
    "DISPLAY_COLUMNS",
    "POLARITIES",
    "check_polarity",
    "relation_mask",
    "endpoint_match",
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
    "cameo",
    "source_sector",
    "target_sector",
    "id",
    "source",
    "target",
    "attributed_to",
)
#: The columns worth printing in a terminal table, the long evidence last.
DISPLAY_COLUMNS: tuple[str, ...] = (
    "date",
    "source_name",
    "relation",
    "target_name",
    "polarity",
    "modality",
    "cameo",
    "doc",
    "evidence",
)

ActorArg = str | Iterable[str] | None


def _speaker_mask(derived: DerivedGraphs, attributed_to: ActorArg) -> np.ndarray:
    """Match speakers by actor (any alias) or, for free-text speakers, by the text itself."""
    wanted = check_names(attributed_to, "attributed_to") or []
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


def _symmetric(derived: DerivedGraphs) -> np.ndarray:
    """True for the records whose type is symmetric in the ontology."""
    ontology = derived.ontology
    return derived.relations["relation"].map(lambda t: t in ontology and ontology[t].symmetric).to_numpy(dtype=bool)


def endpoint_match(derived: DerivedGraphs, source: ActorArg, target: ActorArg) -> tuple[np.ndarray, np.ndarray]:
    """Records whose ends match ``source``/``target``, symmetric types from either side.

    Returns:
        ``(mask, flipped)``: the matching records, and those that match only
        read backwards (a symmetric record stored as target → source).
    """
    table = derived.relations
    index = derived.index
    sources = index.resolve_many(check_names(source, "source"))
    targets = index.resolve_many(check_names(target, "target"))
    forward = np.ones(len(table), dtype=bool)
    if sources is None and targets is None:
        return forward, np.zeros(len(table), dtype=bool)
    backward = _symmetric(derived).copy()
    if sources is not None:
        forward &= table["source"].isin(sources).to_numpy()
        backward &= table["target"].isin(sources).to_numpy()
    if targets is not None:
        forward &= table["target"].isin(targets).to_numpy()
        backward &= table["source"].isin(targets).to_numpy()
    return forward | backward, backward & ~forward


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
    modality: ModalityArg = None,
) -> np.ndarray:
    """Boolean mask over the relations table for the given filters (all must hold).

    ``actor`` matches either endpoint; ``source``/``target`` match symmetric
    types from either side; ``since``/``until`` are inclusive and drop
    undated relations.

    Raises:
        ConfigError: a malformed filter value, or ``since`` after ``until``.
        LookupFailed: an unknown actor or relation type.
    """
    table = derived.relations
    start, end = check_date_range(since, until)
    mask, _ = endpoint_match(derived, source, target)
    ids = derived.index.resolve_many(check_names(actor, "actor"))
    if ids is not None:
        mask &= (table["source"].isin(ids) | table["target"].isin(ids)).to_numpy()
    types = derived.ontology.check(check_names(relation, "relation"))
    if types is not None:
        mask &= table["relation"].isin(types).to_numpy()
    if check_polarity(polarity) is not None:
        mask &= (table["polarity"] == polarity).to_numpy()
    modalities = check_modality(modality)
    if modalities is not None:
        mask &= table["modality"].isin(modalities).to_numpy()
    if start is not None:
        mask &= (derived.dates >= start).to_numpy()
    if end is not None:
        mask &= (derived.dates <= end).to_numpy()
    if attributed_to is not None:
        mask &= _speaker_mask(derived, attributed_to)
    return mask


def _flip(table: pd.DataFrame, flipped: np.ndarray) -> pd.DataFrame:
    """Swap the ends (and their sectors) of the ``flipped`` rows."""
    if not flipped.any():
        return table
    out = table.copy()
    for first, second in (("source", "target"), ("source_sector", "target_sector")):
        out.loc[flipped, [first, second]] = table.loc[flipped, [second, first]].to_numpy()
    return out


def relations_frame(
    derived: DerivedGraphs, mask: np.ndarray | None = None, flipped: np.ndarray | None = None
) -> pd.DataFrame:
    """The selected relations with actor names, sorted by date (undated last), with :data:`QUERY_COLUMNS`.

    Rows of ``flipped`` (a mask over the whole table: symmetric records matched
    backwards) are shown with their ends swapped.
    """
    table = derived.relations if flipped is None else _flip(derived.relations, flipped)
    table = table if mask is None else table.loc[mask]
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
    modality: ModalityArg = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and relations tables of the subgraph that passes every filter.

    ``actors`` keeps the relations among those actors only (an induced
    subgraph). The actors kept are those of the remaining relations plus the
    ones named in ``actors``; with no filter at all, every actor.
    """
    mask = relation_mask(
        derived, relation=relation, since=since, until=until, polarity=polarity, modality=modality
    )
    named = derived.index.resolve_many(check_names(actors, "actors"))
    table = derived.relations
    if named is not None:
        mask &= (table["source"].isin(named) & table["target"].isin(named)).to_numpy()
    kept_relations = table.loc[mask]
    if all(value is None for value in (relation, actors, since, until, polarity, check_modality(modality))):
        return derived.actors, kept_relations
    ids = set(kept_relations["source"]) | set(kept_relations["target"]) | set(named or ())
    return derived.actors.loc[derived.actors["id"].isin(ids)], kept_relations


def between_frame(derived: DerivedGraphs, a: str, b: str) -> pd.DataFrame:
    """Every relation between actors ``a`` and ``b``, both directions, all types (symmetric ones read from ``a``)."""
    first, second = derived.index.resolve(a), derived.index.resolve(b)
    table = derived.relations
    forward = ((table["source"] == first) & (table["target"] == second)).to_numpy()
    backward = ((table["source"] == second) & (table["target"] == first)).to_numpy()
    return relations_frame(derived, forward | backward, backward & _symmetric(derived))


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
