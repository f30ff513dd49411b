"""Aggregated edge lists: the one place where relation records become ties.

Every analytic view (networkx or igraph, weighted or signed) is built from
these tables, so both engines see exactly the same graph. The rules:

* only **asserted** relations make ties ("Trump did not meet Putin" is not a
  meeting), and of those only the records of the analysis's modalities
  (``factual`` by default: "Trump will meet Putin" is not a meeting either;
  see :func:`diplograph.graph.filters.tie_modalities`);
* **symmetric** types of the ontology (``meets``, ``negotiates``) hold in both
  directions: in directed tables they add to A→B and to B→A;
* **self-loops** (an actor related to itself) are dropped;
* ``count`` is the number of relation records behind a tie; ``signed`` is the
  sum of the ontology weights of those records (cooperation > 0 > conflict).

Actors are integer-coded by their position in the actors table
(:class:`RecordCodes`); aggregation runs on those integers with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from diplograph.graph.filters import MODALITIES
from diplograph.relations.ontology import Ontology

__all__ = ["RecordCodes", "record_codes", "tie_mask", "oriented_records", "directed_edges", "undirected_pairs"]

_ORIENTED_COLUMNS = ("id", "source", "target", "relation", "polarity", "modality", "date", "doc", "evidence", "attributed_to")


@dataclass(frozen=True)
class RecordCodes:
    """The relations table as integer arrays, one entry per record.

    Attributes:
        source, target: actor positions in the actors table.
        relation: index into ``types``.
        types: the relation type names present.
        asserted: True unless the record is negated.
        doc: document codes (equal codes, same document).
        modality: index into :data:`~diplograph.graph.filters.MODALITIES`.
        tie: True for the records that make ties: asserted, of the tie modalities.
        tie_modalities: those modalities.
    """

    source: np.ndarray
    target: np.ndarray
    relation: np.ndarray
    types: tuple[str, ...]
    asserted: np.ndarray
    doc: np.ndarray
    modality: np.ndarray
    tie: np.ndarray
    tie_modalities: tuple[str, ...] = MODALITIES

    def with_ties(self, modalities: tuple[str, ...]) -> RecordCodes:
        """The same codes with ties made of asserted records of ``modalities``."""
        wanted = np.array([m in modalities for m in MODALITIES])
        return replace(self, tie=self.asserted & wanted[self.modality], tie_modalities=tuple(modalities))

    def type_values(self, ontology: Ontology, attribute: str) -> np.ndarray:
        """One ontology attribute (``weight``, ``sign``, ``symmetric``...) per record."""
        table = np.array([getattr(ontology[name], attribute) for name in self.types])
        return table[self.relation] if table.size else np.zeros(0)


def record_codes(nodes: pd.Index, relations: pd.DataFrame, modalities: tuple[str, ...] = MODALITIES) -> RecordCodes:
    """Integer-code the relations table against ``nodes`` (actor ids in table order; unknown ids get -1).

    Ties are made of the asserted records of ``modalities``.
    """
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
    asserted = (relations["polarity"] != "negated").to_numpy(dtype=bool)
    modality = pd.Categorical(relations["modality"].fillna("factual"), categories=MODALITIES).codes
    codes = RecordCodes(
        source=coded[n : n + m],
        target=coded[n + m :],
        relation=np.asarray(relation, dtype=np.int64),
        types=tuple(str(t) for t in types),
        asserted=asserted,
        doc=np.asarray(doc, dtype=np.int64),
        modality=np.where(modality < 0, 0, modality).astype(np.int64),
        tie=asserted,
    )
    return codes.with_ties(modalities)


def tie_mask(relations: pd.DataFrame, modalities: tuple[str, ...] = MODALITIES) -> np.ndarray:
    """Which records of ``relations`` make ties: asserted, of ``modalities``."""
    return ((relations["polarity"] != "negated") & relations["modality"].fillna("factual").isin(modalities)).to_numpy()


def oriented_records(
    relations: pd.DataFrame, ontology: Ontology, modalities: tuple[str, ...] | None = MODALITIES
) -> pd.DataFrame:
    """The records that make ties (asserted, of ``modalities``), with a mirrored copy of each symmetric one.

    ``modalities=None`` keeps every record, negated ones included.

    Returns:
        A frame with ``id, source, target, relation, polarity, modality, date,
        doc, evidence, attributed_to`` and a boolean ``mirrored`` column (True
        for the added reverse copies).
    """
    kept = relations if modalities is None else relations.loc[tie_mask(relations, modalities)]
    records = kept[list(_ORIENTED_COLUMNS)].assign(mirrored=False)
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
    keep = codes.tie
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

    Each record that makes a tie counts once, whatever its direction or symmetry.

    Returns:
        Columns ``a, b, count, signed`` sorted by ``a`` then ``b``.
    """
    weight = codes.type_values(ontology, "weight").astype(float)
    keep = codes.tie & (codes.source != codes.target)
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
