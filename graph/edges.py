"""Aggregated edge lists: the one place where relation records become ties.

Every analytic view (networkx or igraph, weighted or signed) is built from
these tables, so both engines see exactly the same graph. The rules:

* only **asserted** relations make ties ("Trump did not meet Putin" is not a
  meeting); planned and hypothetical statements count;
* **symmetric** types of the ontology (``meets``, ``negotiates``) hold in both
  directions: in directed tables they add to A→B and to B→A;
* **self-loops** (an actor related to itself) are dropped;
* ``count`` is the number of relation records behind a tie; ``signed`` is the
  sum of the ontology weights of those records (cooperation > 0 > conflict).

Actors are integer-coded by their position in the actors table
(:class:`RecordCodes`); aggregation runs on those integers with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from diplograph.relations.ontology import Ontology

__all__ = ["RecordCodes", "record_codes", "oriented_records", "directed_edges", "undirected_pairs"]


@dataclass(frozen=True)
class RecordCodes:
    """The relations table as integer arrays, one entry per record.

    Attributes:
        source, target: actor positions in the actors table.
        relation: index into ``types``.
        types: the relation type names present.
        asserted: True unless the record is negated.
        doc: document codes (equal codes, same document).
    """

    source: np.ndarray
    target: np.ndarray
    relation: np.ndarray
    types: tuple[str, ...]
    asserted: np.ndarray
    doc: np.ndarray

    def type_values(self, ontology: Ontology, attribute: str) -> np.ndarray:
        """One ontology attribute (``weight``, ``sign``, ``symmetric``...) per record."""
        table = np.array([getattr(ontology[name], attribute) for name in self.types])
        return table[self.relation] if table.size else np.zeros(0)


def record_codes(nodes: pd.Index, relations: pd.DataFrame) -> RecordCodes:
    """Integer-code the relations table against ``nodes`` (actor ids in table order; unknown ids get -1)."""
    relation, types = pd.factorize(relations["relation"], sort=False)
    doc, _ = pd.factorize(relations["doc"], sort=False)
    # One hashing pass over ids, sources and targets: actor ids come first, so
    # (being unique) they get codes 0..n-1 and any larger code is an unknown id.
    n, m = len(nodes), len(relations)
    everything = np.concatenate(
        [
            nodes.to_numpy(dtype=object),
            relations["source"].to_numpy(dtype=object),
            relations["target"].to_numpy(dtype=object),
        ]
    )
    coded, _ = pd.factorize(everything, sort=False)
    coded = np.where(coded < n, coded, -1).astype(np.int64)
    return RecordCodes(
        source=coded[n : n + m],
        target=coded[n + m :],
        relation=np.asarray(relation, dtype=np.int64),
        types=tuple(str(t) for t in types),
        asserted=(relations["polarity"] != "negated").to_numpy(dtype=bool),
        doc=np.asarray(doc, dtype=np.int64),
    )


def oriented_records(relations: pd.DataFrame, ontology: Ontology) -> pd.DataFrame:
    """Asserted relation records, with a mirrored copy of each symmetric one.

    Returns:
        A frame with ``id, source, target, relation, date, doc, evidence`` and a
        boolean ``mirrored`` column (True for the added reverse copies).
    """
    columns = ["id", "source", "target", "relation", "date", "doc", "evidence"]
    records = relations.loc[relations["polarity"] != "negated", columns].assign(mirrored=False)
    symmetric = [name for name in ontology if ontology[name].symmetric]
    mirror = records.loc[records["relation"].isin(symmetric)]
    mirror = mirror.rename(columns={"source": "target", "target": "source"}).assign(mirrored=True)
    return pd.concat([records, mirror[records.columns]], ignore_index=True)


def _group(first: np.ndarray, second: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Unique ``(first, second)`` pairs sorted, and each input row's group index."""
    keys, inverse = np.unique(first * max(n, 1) + second, return_inverse=True)
    return keys, inverse.reshape(-1)


def directed_edges(codes: RecordCodes, n: int, ontology: Ontology, *, by_type: bool = False) -> pd.DataFrame:
    """One row per directed tie ``source → target`` (integer codes).

    Args:
        codes: the integer-coded relations.
        n: number of actors.
        ontology: gives each type's weight and symmetry.
        by_type: add one count column per relation type present (ontology order).

    Returns:
        Columns ``source, target, count, signed`` (and the type counts), sorted
        by source then target.
    """
    weight = codes.type_values(ontology, "weight").astype(float)
    symmetric = codes.type_values(ontology, "symmetric").astype(bool)
    keep = codes.asserted
    mirror = keep & symmetric
    source = np.concatenate([codes.source[keep], codes.target[mirror]])
    target = np.concatenate([codes.target[keep], codes.source[mirror]])
    relation = np.concatenate([codes.relation[keep], codes.relation[mirror]])
    signed = np.concatenate([weight[keep], weight[mirror]])
    loops = source == target
    source, target, relation, signed = source[~loops], target[~loops], relation[~loops], signed[~loops]
    keys, inverse = _group(source, target, n)
    edges = pd.DataFrame(
        {
            "source": keys // max(n, 1),
            "target": keys % max(n, 1),
            "count": np.bincount(inverse, minlength=keys.size).astype(np.int64),
            "signed": np.bincount(inverse, weights=signed, minlength=keys.size),
        }
    )
    if by_type and keys.size:
        n_types = len(codes.types)
        per_type = np.bincount(inverse * n_types + relation, minlength=keys.size * n_types).reshape(keys.size, n_types)
        for name in ontology:
            if name in codes.types:
                column = per_type[:, codes.types.index(name)]
                if column.any():
                    edges[name] = column.astype(np.int64)
    return edges


def undirected_pairs(codes: RecordCodes, n: int, ontology: Ontology) -> pd.DataFrame:
    """One row per unordered pair ``{a, b}`` with ``a < b`` (integer codes).

    Each asserted record counts once, whatever its direction or symmetry.

    Returns:
        Columns ``a, b, count, signed`` sorted by ``a`` then ``b``.
    """
    weight = codes.type_values(ontology, "weight").astype(float)
    keep = codes.asserted & (codes.source != codes.target)
    low = np.minimum(codes.source, codes.target)[keep]
    high = np.maximum(codes.source, codes.target)[keep]
    keys, inverse = _group(low, high, n)
    return pd.DataFrame(
        {
            "a": keys // max(n, 1),
            "b": keys % max(n, 1),
            "count": np.bincount(inverse, minlength=keys.size).astype(np.int64),
            "signed": np.bincount(inverse, weights=weight[keep], minlength=keys.size),
        }
    )
