"""De-duplication: one Relation per statement per document.

The same relation stated twice in one document (same document, source,
type, target and polarity) becomes one :class:`Relation` whose ``mentions``
counts the statements and whose ``spans`` keeps every evidence span. The
merged record keeps the first statement's sentence, evidence, trigger,
modality, attribution and date, and the highest confidence. Relations of
different documents are never merged (the graph aggregates them).

Merging is idempotent and order-independent: merging already merged
records adds their counts and unions their spans, and the output is sorted
by document, first span, source, type and target.
"""

from __future__ import annotations

from collections.abc import Iterable

from diplograph.base.models import Relation, relation_id

__all__ = ["dedupe_key", "merge_duplicates"]


def dedupe_key(relation: Relation) -> tuple[str, str, str, str, str]:
    """The identity of a statement: ``(doc, source, relation, target, polarity)``."""
    return (relation.doc, relation.source, relation.relation, relation.target, relation.polarity)


def _spans(relation: Relation) -> tuple[tuple[int, int], ...]:
    return relation.spans or (relation.span,)


def _order(relation: Relation) -> tuple:
    return (relation.doc, relation.span, relation.sentence, relation.source, relation.relation, relation.target)


def merge_duplicates(relations: Iterable[Relation]) -> list[Relation]:
    """Merge repeated statements of the same relation within each document.

    Args:
        relations: relations of one or several documents, in any order.

    Returns:
        One relation per ``(doc, source, relation, target, polarity)``,
        with ``mentions`` summed over sentences (two triggers of one
        sentence are one statement) and all spans kept (sorted, unique),
        in a deterministic order.
    """
    groups: dict[tuple[str, str, str, str, str], list[Relation]] = {}
    for relation in relations:
        groups.setdefault(dedupe_key(relation), []).append(relation)
    merged: list[Relation] = []
    for key, group in groups.items():
        group.sort(key=_order)
        first = group[0]
        spans = sorted({span for relation in group for span in _spans(relation)})
        per_sentence: dict[int, int] = {}
        for relation in group:  # two triggers of one sentence make one statement
            per_sentence[relation.sentence] = max(per_sentence.get(relation.sentence, 0), relation.mentions)
        merged.append(
            first.model_copy(
                update={
                    "id": relation_id(*key),
                    "span": first.span,
                    "spans": tuple(spans),
                    "mentions": sum(per_sentence.values()),
                    "confidence": max(relation.confidence for relation in group),
                }
            )
        )
    merged.sort(key=_order)
    return merged
