"""Short text labels for relation mixes: ``"demands×3, meets×1"``."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd

__all__ = ["mix_label", "mix_labels"]


def mix_label(counts: dict[str, int] | pd.Series, *, limit: int | None = None) -> str:
    """Render type counts as ``"demands×3, meets×1"`` (largest first, then by name)."""
    items = sorted(((int(n), str(t)) for t, n in dict(counts).items() if n), key=lambda x: (-x[0], x[1]))
    if limit is not None:
        items = items[:limit]
    return ", ".join(f"{t}×{n}" for n, t in items)


def mix_labels(
    keys: pd.Series | list[Hashable], relations: pd.Series | list[str], *, limit: int | None = None
) -> pd.Series:
    """One :func:`mix_label` per key, for many keys at once (no per-group pandas objects).

    Args:
        keys: the group of each record (a community, an actor pair...).
        relations: the relation type of each record.
        limit: keep the ``limit`` most frequent types per key.

    Returns:
        A Series of labels indexed by key (keys without records are absent).
    """
    frame = pd.DataFrame({"key": list(keys), "relation": list(relations)})
    if frame.empty:
        return pd.Series(dtype=object)
    counts = frame.groupby(["key", "relation"], sort=False).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "relation"], ascending=[True, False, True], kind="stable")
    if limit is not None:
        counts = counts.groupby("key", sort=False).head(limit)
    counts["label"] = counts["relation"].astype(str) + "×" + counts["n"].astype(str)
    return counts.groupby("key", sort=True)["label"].agg(", ".join)
