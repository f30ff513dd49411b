"""De-duplication of repeated statements (no model needed)."""

from __future__ import annotations

import random

from diplograph.base.models import Relation, relation_id
from diplograph.relations.dedupe import dedupe_key, merge_duplicates


def rel(doc="a.txt", source="russia", relation="attacks", target="ukraine", polarity="asserted", *, sentence=0,
        span=(0, 10), confidence=0.7, mentions=1, spans=None):
    return Relation(
        id=relation_id(doc, source, relation, target, polarity),
        doc=doc,
        sentence=sentence,
        source=source,
        target=target,
        relation=relation,
        polarity=polarity,
        evidence=f"sentence {sentence}",
        span=span,
        confidence=confidence,
        mentions=mentions,
        spans=spans if spans is not None else (span,),
    )


def test_same_statement_twice_in_one_document_is_one_relation():
    first = rel(sentence=0, span=(0, 10), confidence=0.7)
    second = rel(sentence=3, span=(50, 60), confidence=0.9)
    (merged,) = merge_duplicates([second, first])
    assert merged.mentions == 2
    assert merged.spans == ((0, 10), (50, 60))
    assert merged.span == (0, 10)
    assert merged.sentence == 0
    assert merged.evidence == "sentence 0"
    assert merged.confidence == 0.9
    assert merged.id == relation_id("a.txt", "russia", "attacks", "ukraine", "asserted")


def test_different_polarity_type_or_document_stay_apart():
    relations = [rel(), rel(polarity="negated"), rel(relation="threatens"), rel(doc="b.txt")]
    merged = merge_duplicates(relations)
    assert len(merged) == 4
    assert {dedupe_key(r) for r in merged} == {dedupe_key(r) for r in relations}
    assert all(r.mentions == 1 for r in merged)


def test_two_triggers_of_one_sentence_are_one_statement():
    merged = merge_duplicates([rel(sentence=2, span=(5, 15)), rel(sentence=2, span=(20, 30))])
    assert [(r.mentions, r.spans) for r in merged] == [(1, ((5, 15), (20, 30)))]


def test_merging_is_idempotent_and_adds_counts():
    once = merge_duplicates([rel(sentence=0, span=(0, 10)), rel(sentence=1, span=(20, 30))])
    assert merge_duplicates(once) == once
    again = merge_duplicates(once + [rel(sentence=5, span=(80, 90))])
    assert again[0].mentions == 3
    assert again[0].spans == ((0, 10), (20, 30), (80, 90))


def test_output_order_is_deterministic():
    relations = [
        rel(doc=d, source=s, sentence=i, span=(i * 10, i * 10 + 5))
        for i, (d, s) in enumerate([("b.txt", "russia"), ("a.txt", "russia"), ("a.txt", "belarus"), ("b.txt", "iran")])
    ]
    expected = merge_duplicates(relations)
    shuffled = relations[:]
    random.Random(7).shuffle(shuffled)
    assert merge_duplicates(shuffled) == expected
    assert [r.doc for r in expected] == ["a.txt", "a.txt", "b.txt", "b.txt"]
