"""Contested relations: one report asserts what another denies.

A relation is **contested** when the graph holds, for one relation type
between the same two actors (in the same direction; either direction for
symmetric types such as ``meets``), at least one record that *asserts* it as
a fact (polarity ``asserted``, modality ``factual``) and at least one that
*denies* it (polarity ``negated``, modality ``factual``), dated at most
``within`` days apart (30 by default; undated records pair with any date;
``within=None`` pairs any dates). Planned and hypothetical records never make
a relation contested: "Putin will meet Zelenskyy" and "Putin has not met
Zelenskyy" can both be true.

Each side is a set of claims, and a claim's *source* is its speaker
(``attributed_to``) or, when the text reports it unattributed, the document
itself. A contest is **between sources** when no source is on both sides
("Seoul said a North Korean drone crossed the border" / "Pyongyang denied
sending any drone"), and **within one source** when some source asserts and
denies it (the same speaker, or the same unattributed article).

:func:`contested_frame` lists the records of every contest, both sides, with
their evidence, document, date and source; contests are numbered from 1,
most records first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.base.errors import ConfigError

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["CONTESTED_COLUMNS", "DEFAULT_WINDOW", "contested_frame", "contest_summary"]

#: Days between an assertion and a denial that still make one contest.
DEFAULT_WINDOW = 30

CONTESTED_COLUMNS: tuple[str, ...] = (
    "contest",
    "source_name",
    "relation",
    "target_name",
    "side",
    "said_by",
    "date",
    "doc",
    "evidence",
    "kind",
    "id",
    "source",
    "target",
    "attributed_to",
)


def _check_window(within: object) -> int | None:
    if within is None:
        return None
    if isinstance(within, bool) or not isinstance(within, (int, np.integer)) or within < 0:
        raise ConfigError(f"within={within!r} must be a number of days (0 or more) or None")
    return int(within)


def _paired(asserted: np.ndarray, denied: np.ndarray, within: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Which asserted and which denied dates (days, NaN when undated) have an opposite within ``within`` days."""
    if within is None:
        return np.ones(asserted.size, bool), np.ones(denied.size, bool)

    def near(values: np.ndarray, others: np.ndarray) -> np.ndarray:
        undated_other = np.isnan(others).any()
        known = np.sort(others[~np.isnan(others)])
        out = np.isnan(values) | undated_other
        if known.size:
            where = np.searchsorted(known, values)
            left = known[np.clip(where - 1, 0, known.size - 1)]
            right = known[np.clip(where, 0, known.size - 1)]
            gap = np.minimum(np.abs(values - left), np.abs(values - right))
            out |= np.where(np.isnan(values), False, gap <= within)
        return out

    return near(asserted, denied), near(denied, asserted)


def contested_frame(derived: DerivedGraphs, mask: np.ndarray | None = None, *, within: int | None = DEFAULT_WINDOW) -> pd.DataFrame:
    """The records of every contested relation among the records of ``mask`` (default: all).

    Returns:
        Columns :data:`CONTESTED_COLUMNS`, one row per record: ``side`` is
        ``"asserts"`` or ``"denies"``, ``said_by`` the speaker's name (None
        when the document reports it unattributed), ``kind`` ``"between
        sources"`` or ``"within one source"``; sorted by contest, side, date.
        ``attrs["contests"]`` counts the contests.

    Raises:
        ConfigError: ``within`` is not a number of days or None.
    """
    within = _check_window(within)
    table = derived.relations if mask is None else derived.relations.loc[mask]
    factual = table.loc[table["modality"].fillna("factual") == "factual"]
    ontology = derived.ontology
    symmetric = factual["relation"].map(lambda t: t in ontology and ontology[t].symmetric).to_numpy(dtype=bool)
    source, target = factual["source"].to_numpy(dtype=object), factual["target"].to_numpy(dtype=object)
    swap = symmetric & (target < source) if len(factual) else np.zeros(0, bool)
    first, second = np.where(swap, target, source), np.where(swap, source, target)
    days = derived.dates.loc[factual.index].to_numpy(dtype="datetime64[D]").astype("float64")
    days[derived.dates.loc[factual.index].isna().to_numpy()] = np.nan
    frame = factual.assign(_a=first, _b=second, _day=days, _denied=(factual["polarity"] == "negated").to_numpy())
    frame = frame.loc[frame["source"] != frame["target"]]
    kept = []
    for _, group in frame.groupby(["relation", "_a", "_b"], sort=True):
        denied = group["_denied"].to_numpy()
        if denied.all() or not denied.any():
            continue
        keep_a, keep_d = _paired(group.loc[~denied, "_day"].to_numpy(), group.loc[denied, "_day"].to_numpy(), within)
        if keep_a.any() and keep_d.any():
            kept.append(pd.concat([group.loc[~denied].loc[keep_a], group.loc[denied].loc[keep_d]]))
    return _numbered(derived, kept)


def _numbered(derived: DerivedGraphs, groups: list[pd.DataFrame]) -> pd.DataFrame:
    if not groups:
        frame = pd.DataFrame(columns=list(CONTESTED_COLUMNS))
        frame.attrs["contests"] = 0
        return frame
    index = derived.index
    ordered = sorted(groups, key=lambda g: (-len(g), g["relation"].iloc[0], g["_a"].iloc[0], g["_b"].iloc[0]))
    parts = []
    for number, group in enumerate(ordered, start=1):
        sources = group["attributed_to"].where(group["attributed_to"].notna(), "doc:" + group["doc"].astype(str))
        same = set(sources[~group["_denied"]]) & set(sources[group["_denied"]])
        parts.append(group.assign(contest=number, kind="within one source" if same else "between sources"))
    rows = pd.concat(parts, ignore_index=True)
    rows["side"] = np.where(rows["_denied"], "denies", "asserts")
    rows["source_name"] = index.names_of(rows["source"])
    rows["target_name"] = index.names_of(rows["target"])
    rows["said_by"] = [index.name_of(s) if isinstance(s, str) else None for s in rows["attributed_to"]]
    rows["_when"] = rows["_day"].fillna(np.inf)
    rows = rows.sort_values(["contest", "_denied", "_when", "doc", "id"], kind="stable")
    out = rows[list(CONTESTED_COLUMNS)].reset_index(drop=True)
    for column in ("said_by", "attributed_to", "date"):
        values = out[column].astype(object)
        out[column] = values.where(values.notna(), None)
    out.attrs["contests"] = len(ordered)
    return out


def contest_summary(records: pd.DataFrame) -> pd.DataFrame:
    """One row per contest of a :func:`contested_frame`: who asserts, who denies, how many records, when.

    Returns:
        Columns ``contest, source_name, relation, target_name, asserted,
        denied, asserted_by, denied_by, kind, first, last``.
    """
    columns = ["contest", "source_name", "relation", "target_name", "asserted", "denied",
               "asserted_by", "denied_by", "kind", "first", "last"]  # fmt: skip
    if records.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for number, group in records.groupby("contest", sort=True):
        sides = {side: group.loc[group["side"] == side] for side in ("asserts", "denies")}

        def speakers(part: pd.DataFrame) -> str:
            names = [s if isinstance(s, str) else f"unattributed ({d})" for s, d in zip(part["said_by"], part["doc"])]
            return ", ".join(dict.fromkeys(names))

        dates = [d for d in group["date"] if d is not None and not pd.isna(d)]
        head = group.iloc[0]
        rows.append(
            {
                "contest": int(number),
                "source_name": head["source_name"],
                "relation": head["relation"],
                "target_name": head["target_name"],
                "asserted": len(sides["asserts"]),
                "denied": len(sides["denies"]),
                "asserted_by": speakers(sides["asserts"]),
                "denied_by": speakers(sides["denies"]),
                "kind": head["kind"],
                "first": min(dates) if dates else None,
                "last": max(dates) if dates else None,
            }
        )
    return pd.DataFrame(rows, columns=columns)
