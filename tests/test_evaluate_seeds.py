"""End-to-end evaluation on the shared seed documents and their gold file (needs the model and ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.pipeline.evaluate import evaluate
from diplograph.relations.evaluate import format_result

pytestmark = pytest.mark.model

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seed_gold.jsonl"

#: Required recall and precision on the seeds. Precision is held to a lower
#: bar than recall: the seed gold lists, for the sentence "Zelenskyy, along
#: with the leaders of France, ..., will hold a call with Trump and Vice
#: President JD Vance", the Zelenskyy–Vance edge (as optional) but none of the
#: six leaders–Vance edges, which the extractor rightly produces (one edge per
#: pair); those six alone cost 0.13 of precision.
MIN_RECALL = 0.85
MIN_PRECISION = 0.75


@pytest.fixture(scope="module")
def result():
    if not (SEEDS.is_dir() and GOLD.is_file()):
        pytest.skip(f"shared seeds not found at {SHARED}")
    return evaluate(GOLD, SEEDS)


def test_seed_recall_and_precision(result):
    table = format_result(result, verbose=True)
    assert result.recall >= MIN_RECALL, table
    assert result.precision >= MIN_PRECISION, table


def test_seed_relations_carry_provenance(result):
    for relation, _ in result.matched:
        assert relation.evidence
        assert relation.span[0] < relation.span[1]
        assert relation.span in relation.spans
        assert relation.mentions == len(relation.spans)
