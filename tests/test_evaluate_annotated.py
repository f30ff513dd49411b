"""End-to-end evaluation on the repository's own annotated and held-out sets (needs the model).

``tests/data/annotated`` is the development set: its scores guard against
regressions. ``tests/data/heldout`` was written before the quality pass on
descriptions and implied targets and is never used to tune rules; its floor
only catches a collapse (see its README for the scores before and after).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.pipeline.evaluate import evaluate
from diplograph.relations.evaluate import format_result

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize(
    ("folder", "min_recall", "min_precision"),
    [("annotated", 0.95, 0.95), ("heldout", 0.35, 0.60)],
)
def test_scores_on_our_own_annotations(folder, min_recall, min_precision):
    result = evaluate(DATA / folder / "gold.jsonl", DATA / folder / "texts")
    table = format_result(result, verbose=True)
    assert result.recall >= min_recall, table
    assert result.precision >= min_precision, table
    assert all(relation.evidence == relation.evidence.strip() for relation, _ in result.matched)
