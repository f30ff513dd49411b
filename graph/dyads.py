"""Dyads: the actor pairs with the most relations, and what else is reported about them.

A dyad is an unordered pair of actors. Its ``relations`` are the records that
make ties at the analysis's evidence level (asserted and factual by
default), in either direction; beside them, and never mixed into them, the
asserted ``planned`` and ``hypothetical`` records and the ``negated`` ones
about the same pair are counted in columns of their own. Pairs are ranked by
``relations``, then documents, then the planned and hypothetical records, so
a pair that is only planned to meet is listed after every pair that did
something, and still shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from diplograph.graph.labels import mix_labels

if TYPE_CHECKING:
    from diplograph.graph.derived import DerivedGraphs

__all__ = ["DYAD_COLUMNS", "distinct_per_key", "dyad_table"]

DYAD_COLUMNS: tuple[str, ...] = (
    "a",
    "b",
    "a_name",
    "b_name",
    "relations",
    "documents",
    "types",
    "planned",
    "hypothetical",
    "negated",
    "first",
    "last",
)


def distinct_per_key(keys: np.ndarray, docs: np.ndarray, size: int) -> np.ndarray:
    """Number of distinct documents per integer key (``keys`` in ``0..size-1``)."""
    if keys.size == 0:
        return np.zeros(size, dtype=np.int64)
    pairs = np.sort(keys * (int(docs.max()) + 1) + docs)
    pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]  # sorted unique, without hashing
    return np.bincount(pairs // (int(docs.max()) + 1), minlength=size).astype(np.int64)


def dyad_table(derived: DerivedGraphs, top: int | None = 20) -> pd.DataFrame:
    """The ``top`` most active pairs (all with ``top=None``), with :data:`DYAD_COLUMNS`.

    ``types``, ``first`` and ``last`` describe the ``relations`` (the tie records).
    """
    codes = derived.codes
    n = max(len(derived.nodes), 1)
    involved = codes.source != codes.target
    if not involved.any():
        return pd.DataFrame(columns=list(DYAD_COLUMNS))
    ids = derived.nodes.to_numpy(dtype=object)
    low = np.minimum(codes.source, codes.target)[involved]  # pairs in actors-table order
    high = np.maximum(codes.source, codes.target)[involved]
    keys, inverse = np.unique(low * n + high, return_inverse=True)
    inverse = inverse.reshape(-1)
    tie = codes.tie[involved]
    asserted = codes.asserted[involved]
    modality = codes.modality[involved]

    def count(where: np.ndarray) -> np.ndarray:
        return np.bincount(inverse[where], minlength=keys.size).astype(np.int64)

    relations = count(tie)
    documents = distinct_per_key(inverse[tie], codes.doc[involved][tie], keys.size)
    planned, hypothetical, negated = count(asserted & (modality == 1)), count(asserted & (modality == 2)), count(~asserted)
    order = np.lexsort((keys, -(planned + hypothetical), -documents, -relations))
    order = order[relations[order] + planned[order] + hypothetical[order] > 0]
    best = order if top is None else order[:top]
    dyads = pd.DataFrame(
        {
            "key": keys[best],
            "a": ids[keys[best] // n],
            "b": ids[keys[best] % n],
            "relations": relations[best],
            "documents": documents[best],
            "planned": planned[best],
            "hypothetical": hypothetical[best],
            "negated": negated[best],
        }
    )
    # Types and dates of the tie records, only for the pairs shown.
    row_keys = (low * n + high)[tie]
    shown = np.isin(row_keys, dyads["key"].to_numpy())
    type_names = np.array(codes.types, dtype=object)
    types = mix_labels(row_keys[shown], type_names[codes.relation[involved][tie][shown]])
    when = pd.Series(derived.dates.to_numpy()[involved][tie][shown]).groupby(row_keys[shown])
    dyads["types"] = dyads["key"].map(types).fillna("")
    for column, values in (("first", when.min()), ("last", when.max())):
        dates = dyads["key"].map(values)
        dyads[column] = [d.date() if pd.notna(d) else None for d in dates]
    dyads["a_name"] = derived.index.names_of(dyads["a"])
    dyads["b_name"] = derived.index.names_of(dyads["b"])
    counts = ["relations", "documents", "planned", "hypothetical", "negated"]
    dyads[counts] = dyads[counts].astype("int64")
    return dyads[list(DYAD_COLUMNS)].reset_index(drop=True)
