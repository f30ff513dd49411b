"""Structural balance of the signed graph: "the enemy of my enemy is my friend".

Ties are undirected: a pair's sign is the sign of the summed ontology weights
of the relations that make ties between the two actors, in either direction
(asserted records of the evidence level, factual by default: a planned
meeting makes no friends; pairs that sum to zero are not ties). A triangle of ties is *balanced* when it has
an even number of negative ties (``+++`` friends all round, ``+--`` two
friends with a common enemy) and *unbalanced* otherwise (``++-`` the friend of
my friend is my enemy, ``---`` three mutual enemies).

Triangles are counted with sparse matrix products over a degree-ordered
orientation of the ties (each triangle counted exactly once), so no Python
loop runs over actors or ties; only the few example triads shown to the user
are listed one by one.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = [
    "TRIAD_KINDS",
    "READINGS",
    "Triad",
    "BalanceReport",
    "signed_ties",
    "count_triangles",
    "triad_counts",
    "closing_ties",
    "balance_report",
]

TRIAD_KINDS: tuple[str, ...] = ("+++", "++-", "+--", "---")
READINGS: Mapping[str, str] = MappingProxyType(
    {
        "+++": "three friends",
        "+--": "two friends with a common enemy",
        "++-": "the friend of my friend is my enemy",
        "---": "three mutual enemies",
    }
)
_BALANCED = frozenset({"+++", "+--"})
_SCAN_LIMIT = 20_000  # ties scanned for example triads


class Triad(BaseModel):
    """Three actors tied pairwise, with the signs of their ties."""

    model_config = ConfigDict(frozen=True)

    actors: tuple[str, str, str]
    ids: tuple[str, str, str]
    signs: tuple[int, int, int]  # ties (0,1), (0,2), (1,2)
    kind: str
    balanced: bool
    strength: float  # sum of |summed ontology weights| of the three ties

    @property
    def reading(self) -> str:
        return READINGS[self.kind]

    def __str__(self) -> str:
        a, b, c = self.actors
        s = ["+" if x > 0 else "-" for x in self.signs]
        return f"{a} {s[0]} {b}, {a} {s[1]} {c}, {b} {s[2]} {c} ({self.reading})"


class BalanceReport(BaseModel):
    """Counts of balanced and unbalanced triads, with the strongest examples."""

    model_config = ConfigDict(frozen=True)

    positive_ties: int
    negative_ties: int
    triads: int
    balanced: int
    unbalanced: int
    ratio: float | None  # balanced / triads; None without triads
    counts: dict[str, int]
    balanced_examples: tuple[Triad, ...] = ()
    unbalanced_examples: tuple[Triad, ...] = ()

    @property
    def ratio_text(self) -> str:
        """The balance ratio as a percentage, or ``"n/a (no triads)"``."""
        return "n/a (no triads)" if self.ratio is None else f"{self.ratio:.1%}"

    def _lines(self) -> list[str]:
        lines = [
            f"ties: {self.positive_ties} cooperative, {self.negative_ties} conflictual",
            f"triads: {self.triads} ({self.balanced} balanced, {self.unbalanced} unbalanced; "
            f"balance ratio {self.ratio_text})",
            "by kind: " + ", ".join(f"{k} {self.counts.get(k, 0)}" for k in TRIAD_KINDS),
        ]
        for title, examples in (("unbalanced", self.unbalanced_examples), ("balanced", self.balanced_examples)):
            lines += [f"{title}:"] + [f"  {triad}" for triad in examples]
        return lines

    def __repr__(self) -> str:
        return "\n".join(self._lines())

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return "<pre>" + html.escape(repr(self)) + "</pre>"


def signed_ties(pairs: pd.DataFrame) -> pd.DataFrame:
    """The undirected pairs with a non-zero summed weight, with a ``sign`` column."""
    ties = pairs.loc[pairs["signed"] != 0, ["a", "b", "signed"]].copy()
    ties["sign"] = np.sign(ties["signed"]).astype(np.int64)
    return ties.reset_index(drop=True)


def _orient(n: int, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Orient each tie from its endpoint of lower degree to the higher one (ties broken by index)."""
    degree = np.bincount(a, minlength=n) + np.bincount(b, minlength=n)
    rank = np.empty(n, dtype=np.int64)
    rank[np.lexsort((np.arange(n), degree))] = np.arange(n)
    forward = rank[a] < rank[b]
    return np.where(forward, a, b), np.where(forward, b, a)


def count_triangles(n: int, a: np.ndarray, b: np.ndarray, sign: np.ndarray) -> tuple[dict[str, int], np.ndarray]:
    """Count triangles by sign pattern; also return the mask of ties that close a triangle.

    Each undirected tie is oriented from the endpoint of lower degree to the one
    of higher degree (ties broken by index), which makes the orientation acyclic
    and keeps the two-step products small on graphs with hubs: every triangle
    is a two-step path ``x → y → z`` plus exactly one closing tie ``x → z``.
    With ``D`` the oriented ties and ``P``/``N`` their positive/negative parts,
    ``(D@D)∘P`` counts the triangles closed by a positive tie, ``(P@P)∘P``
    those whose path is ``++`` and ``(N@N)∘P`` those whose path is ``--``
    (the rest of ``(D@D)∘P`` has one negative tie on the path); same for ``N``.
    Three sparse products in all, no loop over ties.
    """
    a, b, sign = (np.asarray(v, dtype=np.int64) for v in (a, b, sign))
    if n == 0 or a.size == 0:
        return dict.fromkeys(TRIAD_KINDS, 0), np.zeros(a.size, dtype=bool)
    low, high = _orient(n, a, b)

    def oriented(mask: np.ndarray) -> sp.csr_array:
        return sp.csr_array((np.ones(int(mask.sum()), dtype=np.int64), (low[mask], high[mask])), shape=(n, n))

    every, pos, neg = oriented(np.ones(a.size, dtype=bool)), oriented(sign > 0), oriented(sign < 0)
    paths, plus_plus, minus_minus = every @ every, pos @ pos, neg @ neg

    def closed(two_step: sp.csr_array, closing: sp.csr_array) -> int:
        return int(two_step.multiply(closing).sum())

    by_pos = (closed(plus_plus, pos), closed(paths, pos), closed(minus_minus, pos))
    by_neg = (closed(plus_plus, neg), closed(paths, neg), closed(minus_minus, neg))
    counts = {
        "+++": by_pos[0],
        "++-": (by_pos[1] - by_pos[0] - by_pos[2]) + by_neg[0],
        "+--": by_pos[2] + (by_neg[1] - by_neg[0] - by_neg[2]),
        "---": by_neg[2],
    }
    return counts, _closing_mask(paths.multiply(every).tocoo(), low, high, n)


def _closing_mask(closed: sp.coo_array, low: np.ndarray, high: np.ndarray, n: int) -> np.ndarray:
    keys = np.sort((closed.row.astype(np.int64) * n + closed.col.astype(np.int64))[closed.data > 0])
    wanted = low * n + high
    if keys.size == 0:
        return np.zeros(wanted.size, dtype=bool)
    where = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
    return keys[where] == wanted  # sorted membership test: faster than np.isin here


def triad_counts(n: int, a: np.ndarray, b: np.ndarray, sign: np.ndarray) -> dict[str, int]:
    """Count triangles of each sign pattern among ``n`` nodes with ties ``(a[i], b[i], sign[i])``."""
    return count_triangles(n, a, b, sign)[0]


def closing_ties(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Mask of the ties that close at least one triangle; scanning them finds every triangle."""
    return count_triangles(n, a, b, np.ones(len(a), dtype=np.int64))[1]


def _examples(
    derived: DerivedGraphs, ties: pd.DataFrame, closing: np.ndarray, limit: int
) -> tuple[list[Triad], list[Triad]]:
    """The strongest balanced and unbalanced triads, found from the strongest ties down."""
    n = len(derived.nodes)
    a, b = ties["a"].to_numpy(np.int64), ties["b"].to_numpy(np.int64)
    weight = ties["signed"].to_numpy(float)
    both_a, both_b = np.concatenate([a, b]), np.concatenate([b, a])
    adjacency = sp.csr_array((np.concatenate([weight, weight]), (both_a, both_b)), shape=(n, n))
    adjacency.sort_indices()
    candidates = np.flatnonzero(closing)
    seen: set[tuple[int, int, int]] = set()
    balanced: list[Triad] = []
    unbalanced: list[Triad] = []
    ids = derived.nodes
    full = lambda: len(balanced) >= 2 * limit and len(unbalanced) >= 2 * limit  # noqa: E731
    for tie in candidates[np.argsort(-np.abs(weight[candidates]), kind="stable")][:_SCAN_LIMIT]:
        x, y = int(a[tie]), int(b[tie])
        span_x = slice(adjacency.indptr[x], adjacency.indptr[x + 1])
        span_y = slice(adjacency.indptr[y], adjacency.indptr[y + 1])
        common, at_x, at_y = np.intersect1d(
            adjacency.indices[span_x], adjacency.indices[span_y], assume_unique=True, return_indices=True
        )
        for z, w_xz, w_yz in zip(common.tolist(), adjacency.data[span_x][at_x], adjacency.data[span_y][at_y]):
            tie_weight = {(x, y): weight[tie], (x, z): w_xz, (y, z): w_yz}
            p, q, r = sorted((x, y, z))
            if (p, q, r) in seen:
                continue
            seen.add((p, q, r))
            w = tuple(float(tie_weight.get((u, v), tie_weight.get((v, u)))) for u, v in ((p, q), (p, r), (q, r)))
            signs = tuple(1 if v > 0 else -1 for v in w)
            kind = "+" * signs.count(1) + "-" * signs.count(-1)
            triad_ids = (ids[p], ids[q], ids[r])
            triad = Triad(
                actors=tuple(derived.index.names_of(triad_ids)),
                ids=triad_ids,
                signs=signs,
                kind=kind,
                balanced=kind in _BALANCED,
                strength=sum(abs(v) for v in w),
            )
            (balanced if triad.balanced else unbalanced).append(triad)
            if full():
                break
        if full():
            break
    key = lambda t: (-t.strength, t.actors)  # noqa: E731
    return sorted(balanced, key=key)[:limit], sorted(unbalanced, key=key)[:limit]


def balance_report(derived: DerivedGraphs, *, examples: int = 10) -> BalanceReport:
    """Count balanced and unbalanced triads of the signed ties; list the strongest ``examples`` of each."""
    ties = signed_ties(derived.pairs)
    counts, closing = count_triangles(len(derived.nodes), ties["a"], ties["b"], ties["sign"])
    balanced = counts["+++"] + counts["+--"]
    unbalanced = counts["++-"] + counts["---"]
    total = balanced + unbalanced
    good, bad = _examples(derived, ties, closing, examples) if total and examples > 0 else ([], [])
    return BalanceReport(
        positive_ties=int((ties["sign"] > 0).sum()),
        negative_ties=int((ties["sign"] < 0).sum()),
        triads=total,
        balanced=balanced,
        unbalanced=unbalanced,
        ratio=balanced / total if total else None,
        counts=counts,
        balanced_examples=tuple(good),
        unbalanced_examples=tuple(bad),
    )
