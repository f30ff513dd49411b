"""An actor's surroundings: its partners, its ego network, and paths between actors.

These follow the ties of :mod:`diplograph.graph.edges` (asserted relations of
the evidence level, factual by default; symmetric types in both directions,
no self-loops).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal

import networkx as nx
import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from diplograph.base.errors import ConfigError
from diplograph.graph.edges import oriented_records, tie_mask
from diplograph.graph.labels import mix_label, mix_labels

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["DIRECTIONS", "Hop", "ActorPath", "neighbors_frame", "ego_actors", "shortest_path"]

DIRECTIONS: tuple[str, ...] = ("both", "out", "in")


def neighbors_frame(
    derived: DerivedGraphs,
    actor: str,
    *,
    relation: str | Sequence[str] | None = None,
    direction: Literal["both", "out", "in"] = "both",
) -> pd.DataFrame:
    """The actors tied to ``actor``, with how many relations and of which types.

    ``direction="out"`` keeps relations the actor is the source of, ``"in"``
    those it is the target of (symmetric types count both ways).

    Returns:
        Columns ``actor, name, type, country, relations, outgoing, incoming,
        types, first_seen, last_seen``, most relations first.
    """
    if direction not in DIRECTIONS:
        raise ConfigError(f"direction={direction!r}: use one of {', '.join(DIRECTIONS)}")
    focus = derived.index.resolve(actor)
    table = derived.relations
    involved = table.loc[(table["source"] == focus) | (table["target"] == focus)]
    records = oriented_records(involved, derived.ontology, derived.modalities)
    types = derived.ontology.check(relation)
    if types is not None:
        records = records.loc[records["relation"].isin(types)]
    records = records.loc[records["source"] != records["target"]]
    outgoing = records.loc[records["source"] == focus].assign(partner=lambda f: f["target"], way="outgoing")
    incoming = records.loc[records["target"] == focus].assign(partner=lambda f: f["source"], way="incoming")
    wanted = {"both": [outgoing, incoming], "out": [outgoing], "in": [incoming]}[direction]
    # A mirrored symmetric record appears once each way; count the statement once in ``relations``.
    rows = pd.concat(wanted, ignore_index=True)
    columns = [
        "actor",
        "name",
        "type",
        "country",
        "relations",
        "outgoing",
        "incoming",
        "types",
        "first_seen",
        "last_seen",
    ]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    rows["when"] = pd.to_datetime(rows["date"], errors="coerce")
    grouped = rows.groupby("partner", sort=False)
    table = pd.DataFrame(
        {
            "relations": grouped["id"].nunique(),
            "outgoing": (rows["way"] == "outgoing").groupby(rows["partner"], sort=False).sum(),
            "incoming": (rows["way"] == "incoming").groupby(rows["partner"], sort=False).sum(),
            "types": mix_labels(*_unique_statements(rows)),
            "first_seen": grouped["when"].min().dt.date,
            "last_seen": grouped["when"].max().dt.date,
        }
    )
    info = derived.actors.set_index("id").loc[table.index, ["name", "type", "country"]]
    table = info.join(table).rename_axis("actor").reset_index()
    table = table.sort_values(["relations", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table[["relations", "outgoing", "incoming"]] = table[["relations", "outgoing", "incoming"]].astype("int64")
    table["first_seen"] = table["first_seen"].astype(object).where(table["first_seen"].notna(), None)
    table["last_seen"] = table["last_seen"].astype(object).where(table["last_seen"].notna(), None)
    return table[columns]


def _unique_statements(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Partner and type of each statement once (a mirrored symmetric record appears twice)."""
    unique = rows.drop_duplicates(["partner", "id"])
    return unique["partner"], unique["relation"]


def ego_actors(derived: DerivedGraphs, actor: str, radius: int = 1) -> list[str]:
    """Ids of the actors within ``radius`` ties of ``actor`` (ties taken undirected), itself first."""
    if radius < 0:
        raise ConfigError(f"radius={radius} must be 0 or more")
    focus = int(derived.nodes.get_loc(derived.index.resolve(actor)))
    pairs = derived.pairs
    a = pairs["a"].to_numpy(dtype=np.int64)
    b = pairs["b"].to_numpy(dtype=np.int64)
    seen = np.zeros(len(derived.nodes), dtype=bool)
    seen[focus] = True
    frontier = seen.copy()
    for _ in range(radius):
        reached = np.zeros_like(seen)
        reached[b[frontier[a]]] = True
        reached[a[frontier[b]]] = True
        frontier = reached & ~seen
        if not frontier.any():
            break
        seen |= frontier
    order = [focus] + [i for i in np.flatnonzero(seen) if i != focus]
    return [derived.nodes[i] for i in order]


class Hop(BaseModel):
    """One step of a path: the relations between two consecutive actors."""

    model_config = ConfigDict(frozen=True)

    source: str
    target: str
    relations: dict[str, int]
    evidence: tuple[str, ...] = ()


class ActorPath(BaseModel):
    """A shortest chain of ties between two actors (ties taken undirected).

    ``actors`` lists the names along the path (empty when there is none);
    ``hops`` the relations on each step; ``len(path)`` is the number of hops.
    """

    model_config = ConfigDict(frozen=True)

    start: str
    end: str
    actors: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    hops: tuple[Hop, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.actors)

    def __len__(self) -> int:
        return len(self.hops)

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.actors)

    def __str__(self) -> str:
        if not self.found:
            return f"no path between {self.start} and {self.end}"
        parts = [self.actors[0]]
        for hop in self.hops:
            parts.append(f" —[{mix_label(hop.relations)}]— {hop.target}")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"<ActorPath {self}>"


def _hop(derived: DerivedGraphs, first: str, second: str, *, evidence: int = 2) -> Hop:
    table = derived.relations
    mask = tie_mask(table, derived.modalities) & (
        (((table["source"] == first) & (table["target"] == second))
         | ((table["source"] == second) & (table["target"] == first))).to_numpy()
    )  # fmt: skip
    rows = table.loc[mask]
    counts = {t: int(n) for t, n in rows["relation"].value_counts().items()}
    quotes = tuple(dict.fromkeys(rows["evidence"].astype(str)))[:evidence]
    return Hop(
        source=derived.index.name_of(first), target=derived.index.name_of(second), relations=counts, evidence=quotes
    )


def shortest_path(derived: DerivedGraphs, a: str, b: str) -> ActorPath:
    """The shortest undirected path of ties from ``a`` to ``b`` (fewest hops)."""
    first, second = derived.index.resolve(a), derived.index.resolve(b)
    start, end = derived.index.name_of(first), derived.index.name_of(second)
    try:
        ids = nx.shortest_path(derived.nx_undirected, first, second)
    except nx.NetworkXNoPath:
        return ActorPath(start=start, end=end)
    hops = tuple(_hop(derived, u, v) for u, v in zip(ids, ids[1:]))
    return ActorPath(start=start, end=end, actors=tuple(derived.index.names_of(ids)), ids=tuple(ids), hops=hops)
